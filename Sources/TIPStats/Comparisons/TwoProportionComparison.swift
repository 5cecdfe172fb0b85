/// The difference between two independent proportions, p1 - p2 = x1/n1 - x2/n2, with
/// Newcombe's hybrid score interval and the chi-square test of equal proportions.
///
/// Newcombe (1998, method 10): with Wilson score intervals (l1, u1) and (l2, u2) for each
/// proportion (``ProportionInterval``), the limits for the difference d = p1 - p2 are
/// d - sqrt((p1 - l1)^2 + (u2 - p2)^2) and d + sqrt((u1 - p1)^2 + (p2 - l2)^2).
/// It stays within [-1, 1], is sensible at 0 and at n, and has coverage close to nominal even
/// for small samples, where the Wald interval d +- z sqrt(p1 q1/n1 + p2 q2/n2) (and R's
/// `prop.test` interval, which is Wald with continuity correction) undercover.
///
/// The test is R's `prop.test(c(x1, x2), c(n1, n2))`: Pearson's chi-square on the 2 x 2 table
/// of successes and failures, with Yates's correction by default (``ChiSquareIndependenceTest``).
/// Assumption: two independent binomial samples; for small counts (an expected count below 5)
/// prefer ``FisherExactTest`` on the same table.
///
/// ```swift
/// let d = try TwoProportionComparison(successes: 56, trials: 70, baselineSuccesses: 48, baselineTrials: 80)
/// d.difference // 0.2
/// d.lower      // 0.0524 (Newcombe 1998, Table II, method 10)
/// d.upper      // 0.3339
/// ```
public struct TwoProportionComparison: Sendable, Hashable {
    public let successes: Int
    public let trials: Int
    public let baselineSuccesses: Int
    public let baselineTrials: Int
    public let level: Double
    /// p1 - p2.
    public let difference: Double
    public let lower: Double
    public let upper: Double
    /// The chi-square test of p1 = p2 (nil when every trial succeeded or every one failed in
    /// both groups: the table then has an empty column and no test).
    public let test: ChiSquareIndependenceTest?

    /// - Throws: ``StatsError`` as ``ProportionInterval`` does for each group.
    public init(successes: Int, trials: Int, baselineSuccesses: Int, baselineTrials: Int,
                level: Double = 0.95, continuityCorrection: Bool = true) throws(StatsError) {
        let first = try ProportionInterval(successes: successes, trials: trials, level: level, method: .wilson)
        let second = try ProportionInterval(successes: baselineSuccesses, trials: baselineTrials, level: level, method: .wilson)
        self.successes = successes
        self.trials = trials
        self.baselineSuccesses = baselineSuccesses
        self.baselineTrials = baselineTrials
        self.level = level
        let (p1, p2) = (first.estimate, second.estimate)
        difference = p1 - p2
        lower = difference - ((p1 - first.lower) * (p1 - first.lower) + (second.upper - p2) * (second.upper - p2)).squareRoot()
        upper = difference + ((first.upper - p1) * (first.upper - p1) + (p2 - second.lower) * (p2 - second.lower)).squareRoot()
        let allOneKind = (successes + baselineSuccesses == 0) || (successes == trials && baselineSuccesses == baselineTrials)
        test = allOneKind ? nil : try ChiSquareIndependenceTest(
            try ContingencyTable([[successes, trials - successes], [baselineSuccesses, baselineTrials - baselineSuccesses]]),
            continuityCorrection: continuityCorrection)
    }
}
