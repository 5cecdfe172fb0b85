import Foundation
import Testing

/// R's values for the analysis commands (`Reference/make-reference.R`, run with R 4.2.2),
/// committed as `Reference/reference.txt` so the tests run without R.
let rReference: [String: Double] = {
    let path = repositoryRoot + "/Tests/TIPCLITests/Reference/reference.txt"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
    var values: [String: Double] = [:]
    for line in text.split(separator: "\n") {
        let f = line.split(separator: " ")
        if f.count == 2 { values[String(f[0])] = f[1] == "Inf" ? .infinity : Double(String(f[1])) }
    }
    return values
}()

/// The R value for `key`; the test fails when it is missing.
func r(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
    try #require(rReference[key], "no R reference \(key)", sourceLocation: sourceLocation)
}

/// Relative agreement to 1e-10, the bar for well-conditioned input.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-10) -> Bool {
    guard let a else { return false }
    return b == 0 ? a == 0 : abs(a - b) <= tolerance * abs(b)
}

/// The JSON object a command printed.
func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [String: Any], sourceLocation: sourceLocation)
}

extension Dictionary where Key == String, Value == Any {
    func number(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func object(_ key: String) -> [String: Any]? { self[key] as? [String: Any] }
    func records(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
}
