/// Exact comparison of two Poisson rates, each a count over an exposure: R's
/// `poisson.test(c(count, baselineCount), c(exposure, baselineExposure))`.
///
/// Conditional on the total x1 + x2, the first count is binomial with
/// p = r t1 / (r t1 + t2), where r is the rate ratio; under the null r = 1 it has
/// p0 = t1 / (t1 + t2). The test and interval are therefore the exact binomial ones
/// (``BinomialTest``: two-sided p-value, Clopper-Pearson interval [pL, pU]), and the interval
/// for p maps to the rate ratio by r = p / (1 - p) * t2 / t1. The percentage change is
/// 100 (r - 1), with the interval mapped the same way.
///
/// Zero counts are handled without NaN: a zero count gives a ratio of 0 (lower limit 0); a zero
/// baseline gives an infinite ratio and upper limit, and no percentage change (there is no
/// percentage from a zero base). Two zero counts carry no information and throw.
///
/// The annual report's "more than 40% increase" of hotline cases: 41 cases in January to
/// September 2016 (0.75 years) against 29 in 2015 (1 year):
///
/// ```swift
/// let t = try RateRatioTest(count: 41, exposure: 0.75, baselineCount: 29, baselineExposure: 1)
/// t.rateRatio     // 1.885057...
/// t.lower         // 1.143424...
/// t.upper         // 3.145133...
/// t.pValue        // 0.010681...
/// t.percentChange // 88.5057...
/// ```
public struct RateRatioTest: Sendable, Hashable, Codable {
    public let count: Int
    public let exposure: Double
    public let baselineCount: Int
    public let baselineExposure: Double
    public let level: Double
    /// (count / exposure) / (baselineCount / baselineExposure); +infinity when the baseline
    /// count is zero.
    public let rateRatio: Double
    public let lower: Double
    /// +infinity when the baseline count is zero.
    public let upper: Double
    /// Two-sided exact p-value for rate ratio 1.
    public let pValue: Double
    /// Expected first count under the null: (count + baselineCount) t1 / (t1 + t2).
    public let expectedCount: Double
    /// 100 (rateRatio - 1); nil when the baseline count is zero.
    public let percentChange: Double?
    public let percentChangeLower: Double?
    public let percentChangeUpper: Double?
    public let statement: String

    /// - Throws: ``StatsError`` for negative counts, non-positive exposures, two zero counts or
    ///   a bad level.
    public init(count: Int, exposure: Double, baselineCount: Int, baselineExposure: Double,
                level: Double = 0.95) throws(StatsError) {
        guard count >= 0, baselineCount >= 0 else {
            throw .invalidInput("counts cannot be negative (got \(count) and \(baselineCount))")
        }
        for t in [exposure, baselineExposure] where !(t > 0 && t.isFinite) {
            throw .invalidInput("exposures must be positive finite numbers (got \(exposure) and \(baselineExposure))")
        }
        guard count + baselineCount > 0 else {
            throw .insufficientData("both counts are zero: there is no rate to compare")
        }
        let test = try BinomialTest(successes: count, trials: count + baselineCount,
                                    nullProportion: exposure / (exposure + baselineExposure), level: level)
        self.count = count
        self.exposure = exposure
        self.baselineCount = baselineCount
        self.baselineExposure = baselineExposure
        self.level = level
        pValue = test.pValue
        expectedCount = Double(count + baselineCount) * exposure / (exposure + baselineExposure)

        // p / (1 - p) t2 / t1, with p = 1 (a zero baseline count) mapped to +infinity explicitly.
        func ratio(_ p: Double) -> Double {
            p == 1 ? .infinity : p / (1 - p) * baselineExposure / exposure
        }
        rateRatio = baselineCount == 0 ? .infinity
            : (Double(count) / exposure) / (Double(baselineCount) / baselineExposure)
        lower = ratio(test.interval.lower)
        upper = ratio(test.interval.upper)

        let rate = NumberText.format(Double(count) / exposure, decimals: 2)
        let baselineRate = NumberText.format(Double(baselineCount) / baselineExposure, decimals: 2)
        let pText = NumberText.pValue(pValue)
        if baselineCount == 0 {
            percentChange = nil
            percentChangeLower = nil
            percentChangeUpper = nil
            statement = "rate \(rate) against a baseline of 0: no ratio or percentage from a zero base "
                + "(lower limit of the rate ratio \(NumberText.format(lower, decimals: 2)), \(pText))"
        } else {
            percentChange = 100 * (rateRatio - 1)
            percentChangeLower = 100 * (lower - 1)
            percentChangeUpper = 100 * (upper - 1)
            statement = "rate \(rate) against \(baselineRate): \(NumberText.signedPercent(100 * (rateRatio - 1))) "
                + "(\(NumberText.format(100 * level))% CI \(NumberText.signedPercent(100 * (lower - 1))) to "
                + "\(NumberText.signedPercent(100 * (upper - 1)))), \(pText)"
        }
    }
}
