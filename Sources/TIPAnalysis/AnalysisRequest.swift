/// An analysis asked for: built from its arguments (which the initialiser checks), run to an
/// ``AnalysisOutcome``. Every request of this module is one, so a front end can run any of
/// them the same way.
///
/// ```swift
/// let requests: [any AnalysisRequest] = [try PoissonIntervalRequest(count: 151, exposure: 0.75),
///                                        try ProportionIntervalRequest(successes: 24, trials: 29)]
/// for r in requests { print(try r.run().result.number("ci_low") ?? .nan) }
/// ```
public protocol AnalysisRequest: Sendable {
    /// Runs the analysis.
    ///
    /// - Throws: ``AnalysisError`` with the input's problems and why the figures cannot be computed.
    func run() throws(AnalysisError) -> AnalysisOutcome
}

extension ChangeRequest: AnalysisRequest {}
extension TrendRequest: AnalysisRequest {}
extension DescribeRequest: AnalysisRequest {}
extension RegressionRequest: AnalysisRequest {}
extension PoissonIntervalRequest: AnalysisRequest {}
extension ProportionIntervalRequest: AnalysisRequest {}
extension BuyerEstimateRequest: AnalysisRequest {}
extension AnalyzeRequest: AnalysisRequest {}
