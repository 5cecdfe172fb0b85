import Testing
import TIPAnalysis
import TIPTestSupport

/// The repository's datasets, as the analyses read them.
let datasets = RReference.repositoryRoot + "/Datasets"

/// A dataset of the repository as an analysis input, named as the command line would name it.
func dataset(_ name: String) -> CSVInput { .file(datasets + "/" + name, name: "Datasets/" + name) }

/// R's value for `key` (Tests/TIPCLITests/Reference/make-reference.R); the test fails when it is missing.
func r(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
    try #require(RReference.value(key), "no R reference \(key)", sourceLocation: sourceLocation)
}

/// Relative agreement to 1e-10, the bar for well-conditioned input.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-10) -> Bool {
    guard let a else { return false }
    return b == 0 ? a == 0 : abs(a - b) <= tolerance * abs(b)
}

extension AnalysisResult {
    /// The records of the field `key` (a coefficient table, the points).
    func records(_ key: String) -> [[AnalysisResult.Field]] {
        guard case .records(let rows)? = field(key) else { return [] }
        return rows
    }
}

extension [AnalysisResult.Field] {
    func number(_ key: String) -> Double? { first { $0.key == key }?.value.number }
}
