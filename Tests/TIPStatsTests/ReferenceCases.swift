import Foundation
import Testing

/// Reference files of the form `key v1 v2 ...` (numbers, `Inf`, `-Inf`, `NA`, or text),
/// written by the R scripts in `Reference/r/` (`common.R` says how) and read by the tests.
struct ReferenceCases: Sendable {
    let fields: [String: [String]]

    init(_ path: String) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/\(path)")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var fields: [String: [String]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            if let key = parts.first { fields[key] = Array(parts.dropFirst()) }
        }
        self.fields = fields
    }

    /// The text fields of `key` (the test fails if it is missing).
    func text(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try #require(fields[key], "no reference value \(key)", sourceLocation: sourceLocation)
    }

    /// The numbers of `key`.
    func numbers(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Double] {
        try text(key, sourceLocation: sourceLocation).map { field in
            switch field {
            case "Inf": .infinity
            case "-Inf": -.infinity
            case "NA": .nan
            default: try #require(Double(field), "\(key): '\(field)' is not a number", sourceLocation: sourceLocation)
            }
        }
    }

    /// The single number of `key`.
    func number(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        let values = try numbers(key, sourceLocation: sourceLocation)
        try #require(values.count == 1, "\(key) has \(values.count) values", sourceLocation: sourceLocation)
        return values[0]
    }

    /// The single number of `key`, or nil when the reference has none.
    func optionalNumber(_ key: String) -> Double? {
        fields[key].flatMap { $0.count == 1 ? Double($0[0]) : nil }
    }

    /// The keys that start with `prefix`.
    func keys(withPrefix prefix: String) -> [String] { fields.keys.filter { $0.hasPrefix(prefix) }.sorted() }
}

/// Agreement of two vectors to `tolerance` relative (see `agrees`); an absolute floor
/// `absolute` for values that are zero in exact arithmetic (a coefficient of 1e-17).
func agreesAll(_ computed: [Double], _ reference: [Double], tolerance: Double = 1e-8, absolute: Double = 0) -> Bool {
    computed.count == reference.count && zip(computed, reference).allSatisfy { c, r in
        if r.isInfinite || c.isInfinite { return c == r }
        return abs(c - r) <= max(tolerance * abs(r), absolute)
    }
}
