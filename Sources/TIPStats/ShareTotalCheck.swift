import TIPText

/// Whether published shares (percentages) add up to 100 within their rounding.
///
/// The rule, explicit and settable: shares rounded to a unit u (1 for whole percentages, 0.1
/// for one decimal) are each off by at most u/2, so k of them can sum to anything within
/// 100 +- k u/2. A total outside that band means a category is missing, double-counted, or
/// mistyped; a total inside it is explained by rounding alone. A caller who knows better (for
/// instance that the publisher forced the total to 100) passes `tolerance` directly.
///
/// ```swift
/// let c = try ShareTotalCheck(shares: [2, 5, 10, 28, 29, 26])
/// c.total            // 100
/// c.tolerance        // 3: six shares rounded to whole points
/// c.withinTolerance  // true
/// ```
public struct ShareTotalCheck: Sendable, Hashable, Codable {
    /// Sum of the shares.
    public let total: Double
    public let categories: Int
    /// The rounding unit of the shares (percentage points).
    public let roundingUnit: Double
    /// Largest |total - 100| explained by rounding.
    public let tolerance: Double
    /// The rule that gave `tolerance`, in words.
    public let rule: String
    public let withinTolerance: Bool
    public let statement: String

    /// - Parameters:
    ///   - shares: percentages, one per category.
    ///   - roundingUnit: the unit the shares were rounded to (default 1 percentage point).
    ///   - tolerance: overrides the rounding rule when given.
    /// - Throws: ``StatsError`` for no shares, a negative or non-finite share, a non-positive unit.
    public init(shares: [Double], roundingUnit: Double = 1, tolerance: Double? = nil) throws(StatsError) {
        guard !shares.isEmpty else { throw .insufficientData("no shares to check") }
        for s in shares where !(s >= 0 && s.isFinite) {
            throw .invalidInput("shares must be non-negative finite percentages (got \(s))")
        }
        guard roundingUnit > 0, roundingUnit.isFinite else {
            throw .invalidInput("the rounding unit must be positive (got \(roundingUnit))")
        }
        if let tolerance, !(tolerance >= 0 && tolerance.isFinite) {
            throw .invalidInput("the tolerance must be a non-negative number (got \(tolerance))")
        }
        total = DoubleDouble.sum(shares.map { DoubleDouble(decimalOf: $0) }).value
        categories = shares.count
        self.roundingUnit = roundingUnit
        let unit = DecimalText.format(roundingUnit, decimals: 3)
        if let tolerance {
            self.tolerance = tolerance
            rule = "tolerance set to \(DecimalText.format(tolerance, decimals: 3)) points"
        } else {
            self.tolerance = roundingUnit / 2 * Double(shares.count)
            rule = "\(shares.count) shares rounded to \(unit) point\(roundingUnit == 1 ? "" : "s") can be off by "
                + "\(shares.count) x \(DecimalText.format(roundingUnit / 2, decimals: 3)) = "
                + "\(DecimalText.format(self.tolerance, decimals: 3)) points in total"
        }
        // A hair of slack so that a total exactly on the band's edge is not refused by rounding.
        withinTolerance = abs(total - 100) <= self.tolerance * (1 + 1e-12)
        let sum = DecimalText.format(total, decimals: 3)
        statement = withinTolerance
            ? "shares sum to \(sum)%, within rounding (\(rule))"
            : "shares sum to \(sum)%, more than rounding explains (\(rule)): a category may be missing or mistyped"
    }
}
