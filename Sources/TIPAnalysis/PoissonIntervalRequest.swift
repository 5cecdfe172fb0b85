import TIPTable
import TIPStats

/// The exact (Garwood) interval of a Poisson count, or of a rate per unit of exposure: what
/// `tipstat interval poisson` computes. As R's `poisson.test(K, T)$conf.int`: lower =
/// qgamma(alpha/2, K) / T (0 when K = 0), upper = qgamma(1 - alpha/2, K + 1) / T. Its coverage
/// is at least the level for every rate, which small counts need. Nine months of a year is
/// exposure 0.75, and the estimate is then the annualised count.
///
/// ```swift
/// let result = try PoissonIntervalRequest(count: 151, exposure: 0.75).run().result
/// result.number("ci_low")   // 170.50...
/// ```
public struct PoissonIntervalRequest: Sendable {
    public let count: Int
    public let exposure: Double
    public let level: Double

    /// - Throws: ``AnalysisError`` for a negative count, an exposure that is not a positive
    ///   finite number, or a level outside (0, 1).
    public init(count: Int, exposure: Double = 1, level: Double = 0.95) throws(AnalysisError) {
        if count < 0 { throw AnalysisError(argument: "count") { name in "\(name("count")) must be 0 or more (got \(count))" } }
        if !(exposure > 0 && exposure.isFinite) {
            throw AnalysisError(argument: "exposure") { name in
                "\(name("exposure")) must be a positive number (got \(formatNumber(exposure))): a count observed over no time has no rate"
            }
        }
        try AnalysisError.checkLevel(level)
        self.count = count
        self.exposure = exposure
        self.level = level
    }

    public func run() throws(AnalysisError) -> AnalysisOutcome {
        let interval: PoissonInterval
        do {
            interval = try PoissonInterval(count: count, exposure: exposure, level: level)
        } catch {
            throw AnalysisError(error.message)
        }
        var notes: [AnalysisResult.Note] = [
            .init(.assumption, "The count is a Poisson count: events happen independently at a constant rate over the exposure."),
            .init(.note, "Exact (Garwood) interval, as R's poisson.test: its coverage is at least \(formatNumber(100 * level))% for every true rate."),
        ]
        if exposure != 1 {
            notes.append(.init(.note, "The estimate is a rate per unit of exposure (\(count) / \(formatNumber(exposure))); "
                + "when the exposure is part of a year, it is an annualised estimate, not an observed annual count."))
        }
        return AnalysisOutcome(AnalysisResult(title: "Exact Poisson interval", fields: [
            .init("count", .count(count)),
            .init("exposure", .number(exposure, .input)),
            .init("estimate", .number(interval.estimate, .statistic)),
            .init("ci_low", .number(interval.lower, .statistic)),
            .init("ci_high", .number(interval.upper, .statistic)),
            .init("level", .number(level, .input)),
            .init("method", .text("exact (Garwood)")),
        ], notes: notes))
    }
}
