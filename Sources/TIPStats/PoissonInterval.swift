/// Exact (Garwood) confidence interval for a Poisson count, or for a rate when the count was
/// observed over an exposure (years, person-years, months/12).
///
/// For a count x and level 1 - alpha the limits are the gamma quantiles
/// lower = G^-1(alpha/2; shape x) (0 when x = 0) and upper = G^-1(1 - alpha/2; shape x + 1),
/// equivalently qchisq(alpha/2, 2x)/2 and qchisq(1 - alpha/2, 2x + 2)/2, both divided by the
/// exposure. This is the interval of R's `poisson.test(x, T)`. It is exact in the sense that
/// the coverage is at least the nominal level for every true rate, which is what counts of 0 to
/// 60 a year need: the normal approximation undercovers badly there and gives negative lower
/// limits.
///
/// ```swift
/// let i = try PoissonInterval(count: 41, exposure: 0.75)
/// i.estimate // 54.666...
/// i.lower    // 39.23...
/// i.upper    // 74.16...
/// ```
public struct PoissonInterval: Sendable, Hashable, Codable {
    public let count: Int
    /// The exposure the count was observed over; the estimate is per unit of it.
    public let exposure: Double
    public let level: Double
    /// count / exposure.
    public let estimate: Double
    public let lower: Double
    public let upper: Double

    /// - Throws: ``StatsError`` for a negative count, a non-positive exposure or a level outside (0, 1).
    public init(count: Int, exposure: Double = 1, level: Double = 0.95) throws(StatsError) {
        guard count >= 0 else { throw .invalidInput("a Poisson count cannot be negative (got \(count))") }
        guard exposure > 0, exposure.isFinite else {
            throw .invalidInput("exposure must be a positive finite number (got \(exposure))")
        }
        try StatsError.checkLevel(level)
        self.count = count
        self.exposure = exposure
        self.level = level
        let alpha = 1 - level
        let x = Double(count)
        estimate = x / exposure
        lower = count == 0 ? 0 : Distributions.gammaQuantile(alpha / 2, shape: x) / exposure
        upper = Distributions.gammaQuantile(1 - alpha / 2, shape: x + 1) / exposure
    }
}
