/// A directly age-standardised rate: the stratum rates x_i / n_i weighted by a standard
/// population's shares, with Fay and Feuer's (1997) gamma interval, as
/// `epitools::ageadjust.direct`.
///
/// With weights w_i = s_i / sum s (s the standard population), the rate is y = sum w_i x_i / n_i,
/// its variance under Poisson counts v = sum w_i^2 x_i / n_i^2, and w_M = max w_i / n_i. Fay and
/// Feuer treat y as a weighted sum of Poisson variables and approximate its distribution by a
/// gamma with the same mean and variance: the lower limit is the gamma quantile G^-1(alpha/2)
/// with shape y^2 / v and scale v / y; the upper limit G^-1(1 - alpha/2) with shape
/// (y + w_M)^2 / (v + w_M^2) and scale (v + w_M^2) / (y + w_M), the mean and variance raised as
/// if one more event fell in the stratum of largest weight, which mimics the exact Poisson
/// upper limit. With a single stratum it is exactly the Garwood interval; simulations show it
/// holds its level (it is conservative) even for small counts, unlike the normal interval.
/// Every figure is scaled by `per` (100,000 by default).
///
/// Assumptions: independent Poisson counts in the strata, populations known without error,
/// and the same standard for every rate compared.
///
/// ```swift
/// let r = try AgeStandardisedRate(counts: [2, 5, 9], populations: [40_000, 52_000, 30_000],
///                                 standard: [0.3, 0.4, 0.3])
/// r.rate  // per 100,000
/// r.lower
/// ```
public struct AgeStandardisedRate: Sendable, Hashable {
    public static let maximumStrata = 1000

    public let counts: [Int]
    public let populations: [Double]
    /// The standard population (or its shares); normalised to weights.
    public let standard: [Double]
    public let per: Double
    public let level: Double
    /// sum x / sum n x per.
    public let crudeRate: Double
    public let rate: Double
    public let lower: Double
    public let upper: Double
    /// The variance v of the standardised rate (per^2 units).
    public let variance: Double

    /// - Throws: ``StatsError`` for mismatched or empty strata, negative counts, populations or
    ///   standard weights that are not positive and finite, too many strata, or a bad level.
    public init(counts: [Int], populations: [Double], standard: [Double], per: Double = 100_000,
                level: Double = 0.95) throws(StatsError) {
        try StatsError.checkLevel(level)
        let k = counts.count
        guard k >= 1, populations.count == k, standard.count == k else {
            throw .invalidInput("counts, populations and standard need one value per stratum "
                + "(got \(k), \(populations.count) and \(standard.count))")
        }
        guard k <= AgeStandardisedRate.maximumStrata else {
            throw .invalidInput("at most \(AgeStandardisedRate.maximumStrata) strata are allowed (got \(k))")
        }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw .invalidInput("counts cannot be negative") }
        for (name, values) in [("populations", populations), ("standard population weights", standard)] {
            guard values.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw .invalidInput("\(name) must be positive finite numbers")
            }
        }
        guard per > 0, per.isFinite else { throw .invalidInput("the rate's base must be a positive finite number (got \(per))") }
        self.counts = counts
        self.populations = populations
        self.standard = standard
        self.per = per
        self.level = level
        let standardTotal = DoubleDouble.sum(standard.map { DoubleDouble($0) })
        let w = standard.map { (DoubleDouble($0) / standardTotal).value }
        let x = counts.map(Double.init)
        crudeRate = x.reduce(0, +) / populations.reduce(0, +) * per
        let y = DoubleDouble.sum((0..<k).map { DoubleDouble(w[$0] * x[$0] / populations[$0]) }).value
        let v = DoubleDouble.sum((0..<k).map { DoubleDouble(w[$0] * w[$0] * x[$0] / (populations[$0] * populations[$0])) }).value
        let wM = (0..<k).map { w[$0] / populations[$0] }.max() ?? 0
        let alpha = 1 - level
        rate = y * per
        variance = v * per * per
        lower = y == 0 ? 0 : Distributions.gammaQuantile(alpha / 2, shape: y * y / v, scale: v / y) * per
        upper = Distributions.gammaQuantile(1 - alpha / 2, shape: (y + wM) * (y + wM) / (v + wM * wM),
                                            scale: (v + wM * wM) / (y + wM)) * per
    }
}
