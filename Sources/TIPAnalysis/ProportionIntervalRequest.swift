import TIPTable
import TIPStats

/// The interval of a proportion K of N, a share of a group: what `tipstat interval proportion`
/// computes. Wilson inverts the score test (R's `prop.test(K, N, correct = FALSE)$conf.int`):
/// within [0, 1] and close to the nominal coverage on average. Clopper-Pearson inverts two
/// exact binomial tests (R's `binom.test(K, N)$conf.int`): coverage at least the level, at the
/// price of width. Both assume the K are a part of the N, not a sample chosen by the outcome.
///
/// ```swift
/// let result = try ProportionIntervalRequest(successes: 24, trials: 29).run().result
/// result.number("ci_low")   // 0.6545...
/// ```
public struct ProportionIntervalRequest: Sendable {
    public let successes: Int
    public let trials: Int
    public let method: ProportionInterval.Method
    public let level: Double

    /// - Throws: ``AnalysisError`` for no trials, successes outside 0...trials, or a level
    ///   outside (0, 1).
    public init(successes: Int, trials: Int, method: ProportionInterval.Method = .wilson, level: Double = 0.95) throws(AnalysisError) {
        if trials < 1 {
            throw AnalysisError(argument: "trials") { name in
                "\(name("trials")) must be at least 1 (got \(trials)): a share of an empty group is undefined"
            }
        }
        if successes < 0 || successes > trials {
            throw AnalysisError(argument: "successes") { name in
                "\(name("successes")) must lie between 0 and \(name("trials")) \(trials) (got \(successes))"
            }
        }
        try AnalysisError.checkLevel(level)
        self.successes = successes
        self.trials = trials
        self.method = method
        self.level = level
    }

    /// The method as the result names it: "wilson" or "clopper-pearson".
    public static func name(of method: ProportionInterval.Method) -> String { method == .wilson ? "wilson" : "clopper-pearson" }

    public func run() throws(AnalysisError) -> AnalysisOutcome {
        let interval: ProportionInterval
        do {
            interval = try ProportionInterval(successes: successes, trials: trials, level: level, method: method)
        } catch {
            throw AnalysisError(error.message)
        }
        let described = method == .wilson
            ? "Wilson score interval, as R's prop.test(k, n, correct = FALSE)"
            : "Clopper-Pearson exact interval, as R's binom.test: coverage at least \(formatNumber(100 * level))%"
        return AnalysisOutcome(AnalysisResult(title: "Interval for a proportion", fields: [
            .init("successes", .count(successes)),
            .init("trials", .count(trials)),
            .init("estimate", .number(interval.estimate, .statistic)),
            .init("ci_low", .number(interval.lower, .statistic)),
            .init("ci_high", .number(interval.upper, .statistic)),
            .init("level", .number(level, .input)),
            .init("method", .text(ProportionIntervalRequest.name(of: method))),
        ], notes: [
            .init(.assumption, "The successes are a part of the trials: each member of the group is counted once, and the group is not a sample chosen by the outcome."),
            .init(.note, described + "."),
        ]))
    }
}
