/// Exact binomial test of k successes in n trials against a null proportion p0, two-sided, with
/// the Clopper-Pearson interval: R's `binom.test(k, n, p0)`.
///
/// The two-sided p-value is the probability of every outcome no more likely than the one
/// observed, P = sum over i with f(i) <= f(k) of f(i), where f is the binomial(n, p0)
/// probability. As in R, "no more likely" allows a relative tolerance of 1e-7
/// (f(i) <= f(k) (1 + 1e-7)) so that outcomes whose probabilities tie mathematically are not
/// split by rounding, and the sum is taken as a lower tail plus an upper tail from `pbinom` so
/// that small p-values keep their digits.
///
/// ```swift
/// let t = try BinomialTest(successes: 41, trials: 70, nullProportion: 0.75 / 1.75)
/// t.pValue // 0.010681...
/// ```
public struct BinomialTest: Sendable, Hashable, Codable {
    public let successes: Int
    public let trials: Int
    public let nullProportion: Double
    /// successes / trials.
    public let estimate: Double
    /// Two-sided exact p-value.
    public let pValue: Double
    /// Clopper-Pearson interval for the proportion.
    public let interval: ProportionInterval

    /// - Throws: ``StatsError`` for trials < 1, successes outside 0...trials, p0 outside [0, 1]
    ///   or a bad level.
    public init(successes: Int, trials: Int, nullProportion: Double = 0.5, level: Double = 0.95) throws(StatsError) {
        guard nullProportion >= 0, nullProportion <= 1 else {
            throw .invalidInput("the null proportion must lie in [0, 1] (got \(nullProportion))")
        }
        interval = try ProportionInterval(successes: successes, trials: trials, level: level, method: .clopperPearson)
        self.successes = successes
        self.trials = trials
        self.nullProportion = nullProportion
        estimate = interval.estimate
        pValue = BinomialTest.twoSidedP(successes, trials, nullProportion)
    }

    /// R's `binom.test` two-sided p-value, step for step.
    private static func twoSidedP(_ x: Int, _ n: Int, _ p: Double) -> Double {
        if p == 0 { return x == 0 ? 1 : 0 }
        if p == 1 { return x == n ? 1 : 0 }
        let relErr = 1 + 1e-7
        let d = Distributions.binomialProbability(x, n: n, p: p)
        let m = Double(n) * p
        let xd = Double(x)
        if xd == m { return 1 }
        let pValue: Double
        if xd < m {
            // Outcomes on the far (upper) side at most as likely as x.
            let y = (Int(m.rounded(.up))...n).count { Distributions.binomialProbability($0, n: n, p: p) <= d * relErr }
            pValue = Distributions.binomialLowerTail(x, n: n, p: p)
                + Distributions.binomialUpperTail(n - y, n: n, p: p)
        } else {
            let y = (0...Int(m.rounded(.down))).count { Distributions.binomialProbability($0, n: n, p: p) <= d * relErr }
            pValue = Distributions.binomialLowerTail(y - 1, n: n, p: p)
                + Distributions.binomialUpperTail(x - 1, n: n, p: p)
        }
        return Swift.min(1, pValue)
    }
}
