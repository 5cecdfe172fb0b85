/// Confidence interval for a proportion k/n (a share of a group), by Wilson's score method or
/// the Clopper-Pearson exact method.
///
/// Wilson inverts the score test: with z = Phi^-1((1 + level)/2),
/// (p + z^2/2n +- z sqrt(p(1 - p)/n + z^2/4n^2)) / (1 + z^2/n), which is R's
/// `prop.test(k, n, correct = FALSE)$conf.int`. It has close to nominal coverage on average
/// and, unlike the Wald interval, never leaves [0, 1] or collapses to a point at k = 0 or k = n.
/// Clopper-Pearson inverts two one-sided binomial tests: lower = B^-1(alpha/2; k, n - k + 1),
/// upper = B^-1(1 - alpha/2; k + 1, n - k), with 0 at k = 0 and 1 at k = n; it is R's
/// `binom.test` interval and guarantees at least nominal coverage, at the price of width.
///
/// ```swift
/// let w = try ProportionInterval(successes: 24, trials: 29, method: .wilson)
/// w.estimate // 0.8276
/// w.lower    // 0.6545
/// w.upper    // 0.9240
/// ```
public struct ProportionInterval: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        case wilson
        case clopperPearson = "clopper_pearson"
    }

    public let successes: Int
    public let trials: Int
    public let level: Double
    public let method: Method
    /// successes / trials.
    public let estimate: Double
    public let lower: Double
    public let upper: Double

    /// - Throws: ``StatsError`` when trials < 1, successes outside 0...trials, or a bad level.
    public init(successes: Int, trials: Int, level: Double = 0.95, method: Method) throws(StatsError) {
        guard trials > 0 else {
            throw .insufficientData("a proportion needs at least one trial (got \(trials))")
        }
        guard (0...trials).contains(successes) else {
            throw .invalidInput("successes must lie between 0 and the \(trials) trials (got \(successes))")
        }
        try StatsError.checkLevel(level)
        self.successes = successes
        self.trials = trials
        self.level = level
        self.method = method
        let n = Double(trials)
        let p = Double(successes) / n
        estimate = p
        switch method {
        case .wilson:
            let z = Distributions.normalQuantile((1 + level) / 2)
            let z22n = z * z / (2 * n)
            let halfWidth = z * (p * (1 - p) / n + z22n / (2 * n)).squareRoot()
            lower = successes == 0 ? 0 : (p + z22n - halfWidth) / (1 + 2 * z22n)
            upper = successes == trials ? 1 : (p + z22n + halfWidth) / (1 + 2 * z22n)
        case .clopperPearson:
            let alpha = (1 - level) / 2
            let k = Double(successes)
            lower = successes == 0 ? 0 : Distributions.betaQuantile(alpha, k, n - k + 1)
            upper = successes == trials ? 1 : Distributions.betaQuantile(1 - alpha, k + 1, n - k)
        }
    }
}
