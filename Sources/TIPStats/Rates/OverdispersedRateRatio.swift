import Foundation

/// The ratio of two rates (count / exposure) when the counts vary more than Poisson counts do:
/// the quasi-Poisson Wald interval and test on the log scale, with a dispersion phi estimated
/// elsewhere (from the series the two counts belong to).
///
/// With r = (x1 / t1) / (x2 / t2), Var(x) = phi mu gives the delta-method variance
/// Var(log r) = phi (1/x1 + 1/x2). Then log r +- q sqrt(phi (1/x1 + 1/x2)) and
/// p = P(|T| >= |log r| / se), where q and T are the t distribution on `dispersionDF` degrees
/// of freedom (the residual df of the fit that estimated phi) or, without them, the normal.
/// This is R's `glm(y ~ period, family = poisson, offset = log(t))` on the two counts with
/// `summary(fit, dispersion = phi)`, and at phi = 1 the Poisson Wald ratio.
///
/// Which to believe, beside the exact conditional ``RateRatioTest`` (R's `poisson.test`): the
/// exact test assumes Poisson counts, Var(x) = mu. When the series shows more variation
/// (a ``DispersionTest`` rejects, phi well above 1), the exact p-value is too small by a wide
/// margin and this interval is the honest one: the DCF referrals' 151 in nine months against
/// 133 in a year is a rate ratio of 1.51 with exact p = 0.0005, but with the series' dispersion
/// 17.8 the interval is 0.42 to 5.5 and p = 0.45. When phi is near 1, believe the exact test
/// (its interval holds its level even for small counts, where this Wald interval does not).
///
/// ```swift
/// let r = try OverdispersedRateRatio(count: 151, exposure: 0.75, baselineCount: 133,
///                                    baselineExposure: 1, dispersion: 17.8, dispersionDF: 5)
/// r.rateRatio // 1.5138
/// r.lower     // 0.4168
/// r.pValue    // 0.446
/// ```
public struct OverdispersedRateRatio: Sendable, Hashable {
    public let count: Int
    public let exposure: Double
    public let baselineCount: Int
    public let baselineExposure: Double
    public let dispersion: Double
    /// Degrees of freedom of the dispersion estimate; nil for the normal reference.
    public let dispersionDF: Int?
    public let level: Double
    public let rateRatio: Double
    /// sqrt(phi (1/x1 + 1/x2)), the standard error of log r.
    public let stdErrorOfLog: Double
    public let lower: Double
    public let upper: Double
    /// Two-sided p-value for a rate ratio of 1.
    public let pValue: Double

    /// - Throws: ``StatsError`` for negative counts, a zero count (log r is then infinite and
    ///   the Wald interval does not exist: use the exact test, with its caution), non-positive
    ///   exposures, a dispersion that is not positive and finite, df below 1, or a bad level.
    public init(count: Int, exposure: Double, baselineCount: Int, baselineExposure: Double,
                dispersion: Double, dispersionDF: Int? = nil, level: Double = 0.95) throws(StatsError) {
        try StatsError.checkLevel(level)
        guard count >= 0, baselineCount >= 0 else {
            throw .invalidInput("counts cannot be negative (got \(count) and \(baselineCount))")
        }
        guard count > 0, baselineCount > 0 else {
            throw .insufficientData("a zero count has no log rate ratio, so no overdispersion-adjusted Wald interval; "
                + "only the exact Poisson test applies, and it assumes Poisson variation")
        }
        for t in [exposure, baselineExposure] where !(t > 0 && t.isFinite) {
            throw .invalidInput("exposures must be positive finite numbers (got \(exposure) and \(baselineExposure))")
        }
        guard dispersion > 0, dispersion.isFinite else {
            throw .invalidInput("the dispersion must be a positive finite number (got \(dispersion))")
        }
        if let df = dispersionDF, df < 1 {
            throw .invalidInput("the dispersion's degrees of freedom must be at least 1 (got \(df))")
        }
        self.count = count
        self.exposure = exposure
        self.baselineCount = baselineCount
        self.baselineExposure = baselineExposure
        self.dispersion = dispersion
        self.dispersionDF = dispersionDF
        self.level = level
        let logRatio = log(Double(count) / exposure) - log(Double(baselineCount) / baselineExposure)
        rateRatio = exp(logRatio)
        stdErrorOfLog = (dispersion * (1 / Double(count) + 1 / Double(baselineCount))).squareRoot()
        let q: Double
        if let df = dispersionDF {
            q = Distributions.studentTQuantile((1 + level) / 2, df: Double(df))
            pValue = Distributions.studentTTwoSidedP(logRatio / stdErrorOfLog, df: Double(df))
        } else {
            q = Distributions.normalQuantile((1 + level) / 2)
            pValue = Distributions.normalTwoSidedP(logRatio / stdErrorOfLog)
        }
        lower = exp(logRatio - q * stdErrorOfLog)
        upper = exp(logRatio + q * stdErrorOfLog)
    }
}
