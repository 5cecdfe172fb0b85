import Foundation
import Testing
import TIPTestSupport

/// The R value for `key` (TIPTestSupport's ``RReference``, from `Reference/make-reference.R`);
/// the test fails when it is missing.
func r(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
    try #require(RReference.value(key), "no R reference \(key)", sourceLocation: sourceLocation)
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
