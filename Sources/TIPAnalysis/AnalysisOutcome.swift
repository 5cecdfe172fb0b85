import TIPTable

/// What an analysis returns: its result, and the problems its input had that did not stop it
/// (warnings, in file order), which a front end shows beside the result.
///
/// ```swift
/// let outcome = try DescribeRequest(.path("Datasets/dcf-referrals.csv"), column: "referrals").run()
/// for p in outcome.problems { print(p) }
/// outcome.result.number("mean")   // 142.27...
/// ```
public struct AnalysisOutcome: Sendable {
    public var result: AnalysisResult
    /// Warnings about the input and the data, to show with the result.
    public var problems: [Problem]
    /// Whether an input had errors the analysis went on without (`analyze` over a folder in
    /// which a file did not read): the result says what is missing, and a command exits 1.
    public var inputHadErrors: Bool

    public init(_ result: AnalysisResult, problems: [Problem] = [], inputHadErrors: Bool = false) {
        self.result = result
        self.problems = problems
        self.inputHadErrors = inputHadErrors
    }
}
