import TIPText

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
/// A null ratio r other than 1 and a one-sided alternative are R's `poisson.test(..., r = r,
/// alternative = "greater")`: under the null p0 = r t1 / (r t1 + t2), and the one-sided p-value
/// is the binomial tail beyond the first count. The interval is then one-sided at the level
/// (for `greater`, the lower bound B^-1(1 - level; x1, x2 + 1) mapped to the ratio, and an
/// infinite upper end); it does not depend on r.
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
/// let more = try RateRatioTest(count: 41, exposure: 0.75, baselineCount: 29, baselineExposure: 1,
///                              nullRatio: 1.4, alternative: .greater)
/// more.pValue     // 0.133168...: an increase of more than 40% is not established
/// more.lower      // 1.232679...: the one-sided 95% lower bound
/// ```
public struct RateRatioTest: Sendable, Hashable, Codable {
    public let count: Int
    public let exposure: Double
    public let baselineCount: Int
    public let baselineExposure: Double
    public let level: Double
    /// The rate ratio under the null hypothesis (1: no change).
    public let nullRatio: Double
    public let alternative: TestAlternative
    /// (count / exposure) / (baselineCount / baselineExposure); +infinity when the baseline
    /// count is zero.
    public let rateRatio: Double
    public let lower: Double
    /// +infinity when the baseline count is zero.
    public let upper: Double
    /// Exact p-value for the null ratio against the alternative (two-sided for rate ratio 1 by
    /// default).
    public let pValue: Double
    /// Expected first count under the null: (count + baselineCount) r t1 / (r t1 + t2).
    public let expectedCount: Double
    /// 100 (rateRatio - 1); nil when the baseline count is zero.
    public let percentChange: Double?
    public let percentChangeLower: Double?
    public let percentChangeUpper: Double?
    public let statement: String

    /// - Throws: ``StatsError`` for negative counts, non-positive exposures, two zero counts, a
    ///   null ratio that is not positive and finite, or a bad level.
    public init(count: Int, exposure: Double, baselineCount: Int, baselineExposure: Double,
                level: Double = 0.95, nullRatio: Double = 1, alternative: TestAlternative = .twoSided) throws(StatsError) {
        guard count >= 0, baselineCount >= 0 else {
            throw .invalidInput("counts cannot be negative (got \(count) and \(baselineCount))")
        }
        for t in [exposure, baselineExposure] where !(t > 0 && t.isFinite) {
            throw .invalidInput("exposures must be positive finite numbers (got \(exposure) and \(baselineExposure))")
        }
        guard nullRatio > 0, nullRatio.isFinite else {
            throw .invalidInput("the null rate ratio must be a positive finite number (got \(nullRatio))")
        }
        guard count + baselineCount > 0 else {
            throw .insufficientData("both counts are zero: there is no rate to compare")
        }
        let n = count + baselineCount
        let p0 = nullRatio * exposure / (nullRatio * exposure + baselineExposure)
        let test = try BinomialTest(successes: count, trials: n, nullProportion: p0, level: level)
        self.count = count
        self.exposure = exposure
        self.baselineCount = baselineCount
        self.baselineExposure = baselineExposure
        self.level = level
        self.nullRatio = nullRatio
        self.alternative = alternative
        expectedCount = Double(n) * p0
        // The interval for p (Clopper-Pearson, one-sided as R's binom.test for a one-sided
        // alternative) and the p-value.
        let x = Double(count), m = Double(n)
        let pLower: Double, pUpper: Double
        switch alternative {
        case .twoSided:
            pValue = test.pValue
            (pLower, pUpper) = (test.interval.lower, test.interval.upper)
        case .greater:
            pValue = Distributions.binomialUpperTail(count - 1, n: n, p: p0)
            pLower = count == 0 ? 0 : Distributions.betaQuantile(1 - level, x, m - x + 1)
            pUpper = 1
        case .less:
            pValue = Distributions.binomialLowerTail(count, n: n, p: p0)
            pLower = 0
            pUpper = count == n ? 1 : Distributions.betaQuantile(level, x + 1, m - x)
        }

        // p / (1 - p) t2 / t1, with p = 1 (a zero baseline count) mapped to +infinity explicitly.
        func ratio(_ p: Double) -> Double {
            p == 1 ? .infinity : p / (1 - p) * baselineExposure / exposure
        }
        rateRatio = baselineCount == 0 ? .infinity
            : (Double(count) / exposure) / (Double(baselineCount) / baselineExposure)
        lower = ratio(pLower)
        upper = ratio(pUpper)

        let rate = DecimalText.format(Double(count) / exposure, decimals: 2)
        let baselineRate = DecimalText.format(Double(baselineCount) / baselineExposure, decimals: 2)
        let hypothesis = nullRatio == 1 && alternative == .twoSided ? ""
            : " for a rate ratio of \(DecimalText.format(nullRatio, decimals: 2)) (\(alternative.rawValue))"
        let pText = DecimalText.pValue(pValue) + hypothesis
        let levelText = "\(DecimalText.format(100 * level))%"
        if baselineCount == 0 {
            percentChange = nil
            percentChangeLower = nil
            percentChangeUpper = nil
            statement = "rate \(rate) against a baseline of 0: no ratio or percentage from a zero base "
                + "(lower limit of the rate ratio \(DecimalText.format(lower, decimals: 2)), \(pText))"
        } else {
            percentChange = 100 * (rateRatio - 1)
            percentChangeLower = 100 * (lower - 1)
            percentChangeUpper = 100 * (upper - 1)
            let interval = switch alternative {
            case .twoSided: "\(levelText) CI \(DecimalText.signedPercent(100 * (lower - 1))) to \(DecimalText.signedPercent(100 * (upper - 1)))"
            case .greater: "\(levelText) lower bound \(DecimalText.signedPercent(100 * (lower - 1)))"
            case .less: "\(levelText) upper bound \(DecimalText.signedPercent(100 * (upper - 1)))"
            }
            statement = "rate \(rate) against \(baselineRate): \(DecimalText.signedPercent(100 * (rateRatio - 1))) (\(interval)), \(pText)"
        }
    }
}
