import TIPText

/// A count observed over part of a year, scaled to a full year: an estimate, labelled as one.
///
/// A partial period is exposure: `count` events in `months` months is a rate of
/// count / (months / 12) a year, with the exact Poisson (Garwood) interval of that rate
/// (``PoissonInterval`` with exposure months/12). The label says that the figure is an
/// annualised estimate, not an observed annual count, so tables and charts can mark it.
///
/// ```swift
/// let a = try AnnualisedCount(count: 151, months: 9)
/// a.estimate // 201.33...
/// a.label    // "annualised estimate from 9 months (151 observed)"
/// ```
public struct AnnualisedCount: Sendable, Hashable, Codable {
    public let count: Int
    public let months: Double
    /// Events per year: count / (months / 12).
    public let estimate: Double
    /// Exact interval of the annual rate.
    public let lower: Double
    public let upper: Double
    public let level: Double
    public let label: String

    /// - Throws: ``StatsError`` for a negative count, months outside (0, 12], or a bad level.
    public init(count: Int, months: Double, level: Double = 0.95) throws(StatsError) {
        guard months > 0, months <= 12 else {
            throw .invalidInput("months observed must lie in (0, 12] to annualise (got \(months))")
        }
        let interval = try PoissonInterval(count: count, exposure: months / 12, level: level)
        self.count = count
        self.months = months
        self.level = level
        estimate = interval.estimate
        lower = interval.lower
        upper = interval.upper
        label = "annualised estimate from \(DecimalText.format(months, decimals: 2)) months (\(count) observed)"
    }
}
