import Foundation
import TIPText

/// Compound annual growth rate between a start and an end value `years` apart:
/// CAGR = (end / start)^(1 / years) - 1, as a percentage.
///
/// It is the constant yearly percentage change that would carry `start` to `end`. Like any
/// percentage it is undefined from a zero start: then `ratePercent` is nil and the statement
/// gives the absolute change instead.
///
/// ```swift
/// let g = try CompoundAnnualGrowth(start: 94, end: 133, years: 1)
/// g.ratePercent // 41.48936170212766
/// ```
public struct CompoundAnnualGrowth: Sendable, Hashable, Codable {
    public let start: Double
    public let end: Double
    public let years: Double
    /// 100 ((end / start)^(1 / years) - 1); nil when start is zero.
    public let ratePercent: Double?
    public let statement: String

    /// - Throws: ``StatsError`` when `years` is not positive or a value is negative or not finite.
    public init(start: Double, end: Double, years: Double) throws(StatsError) {
        try StatsError.checkFinite(start, "start value")
        try StatsError.checkFinite(end, "end value")
        guard years > 0, years.isFinite else {
            throw .invalidInput("compound growth needs a positive number of years (got \(years))")
        }
        guard start >= 0, end >= 0 else {
            throw .invalidInput("compound growth is defined for non-negative values (got \(start) and \(end))")
        }
        self.start = start
        self.end = end
        self.years = years
        let span = "\(DecimalText.format(years, decimals: 2)) year\(years == 1 ? "" : "s")"
        if start == 0 {
            ratePercent = nil
            statement = "\(try Change(from: start, to: end).statement) over \(span); no growth rate from a zero start"
        } else {
            let rate = 100 * (pow(end / start, 1 / years) - 1)
            ratePercent = rate
            statement = "\(DecimalText.signedPercent(rate)) a year compounded over \(span) (from "
                + "\(DecimalText.format(start, decimals: 2)) to \(DecimalText.format(end, decimals: 2)))"
        }
    }
}
