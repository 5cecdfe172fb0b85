import Foundation
import Testing

/// Reference values computed by R (`Reference/r/make-reference.R`) and Python/SciPy
/// (`Reference/python/make-reference.py`), committed with the scripts that made them so the
/// tests run without either tool. Each file holds lines `key value`; `Inf` is infinity.
enum Reference {
    static let r = load("r/reference.txt")
    static let python = load("python/reference.txt")

    private static func load(_ path: String) -> [String: String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/\(path)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2 { values[String(fields[0])] = String(fields[1]) }
        }
        return values
    }
}

/// The R reference value for `key` (the test fails if it is missing).
func rValue(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
    try number(Reference.r[key], key, sourceLocation)
}

/// The Python reference value for `key` (the test fails if it is missing).
func pythonValue(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
    try number(Reference.python[key], key, sourceLocation)
}

private func number(_ text: String?, _ key: String, _ sourceLocation: SourceLocation) throws -> Double {
    let text = try #require(text, "no reference value \(key)", sourceLocation: sourceLocation)
    return text == "Inf" ? .infinity : try #require(Double(text), sourceLocation: sourceLocation)
}

/// Relative agreement to `tolerance` (1e-10 by default, the guide's bar for well-conditioned
/// input); a reference of 0 or infinity must be matched exactly.
func agrees(_ computed: Double, _ reference: Double, tolerance: Double = 1e-10) -> Bool {
    if reference == 0 || reference.isInfinite { return computed == reference }
    return abs(computed - reference) <= tolerance * abs(reference)
}
