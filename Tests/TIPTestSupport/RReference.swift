import Foundation

/// R's values for the analyses, for every test target that checks one: written by the committed
/// script `Tests/TIPCLITests/Reference/make-reference.R` (R 4.2.2; run it from that folder with
/// `Rscript make-reference.R > reference.txt`) and committed as `reference.txt` beside it, so the
/// tests need no R. Each line is `key value` with 17 significant digits.
///
/// ```swift
/// let lower = try #require(RReference.value("poisson.151_0.75.lower"))   // 170.50164754799590
/// ```
public enum RReference {
    /// The repository's root, from this file's path (tests run from a clean clone).
    public static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// Every key and value of `reference.txt`; empty when the file cannot be read (a test
    /// that needs a value then fails on it).
    public static let values: [String: Double] = {
        let path = repositoryRoot + "/Tests/TIPCLITests/Reference/reference.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let f = line.split(separator: " ")
            if f.count == 2 { values[String(f[0])] = f[1] == "Inf" ? .infinity : Double(String(f[1])) }
        }
        return values
    }()

    /// The value of `key`, nil when R's output has no such line.
    public static func value(_ key: String) -> Double? { values[key] }
}
