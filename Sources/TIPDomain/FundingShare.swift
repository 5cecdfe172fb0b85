import TIPText
import TIPStats

/// The share of an allocation that was spent.
///
/// share = spent / allocated, as a proportion and a percentage. With nothing allocated there is
/// no share (nil), whatever was spent; spending above the allocation gives a share above 100%,
/// reported as it is.
///
/// ```swift
/// let f = try FundingShare(spent: 346.18 + 220.48, allocated: 8344)
/// f.percent   // 6.79...
/// f.statement // "$566.66 spent of $8,344 allocated (6.8%)"
/// ```
public struct FundingShare: Sendable, Hashable, Codable {
    public let spent: Double
    public let allocated: Double
    /// spent / allocated; nil when nothing was allocated.
    public let share: Double?
    /// 100 spent / allocated; nil when nothing was allocated.
    public let percent: Double?
    /// allocated - spent.
    public let unspent: Double
    public let statement: String

    /// - Throws: ``StatsError`` for negative or non-finite amounts.
    public init(spent: Double, allocated: Double) throws(StatsError) {
        for (amount, name) in [(spent, "amount spent"), (allocated, "amount allocated")] where !(amount >= 0 && amount.isFinite) {
            throw .invalidInput("the \(name) must be a non-negative number of dollars (got \(amount))")
        }
        self.spent = spent
        self.allocated = allocated
        unspent = allocated - spent
        let amounts = "\(DecimalText.dollars(spent)) spent of \(DecimalText.dollars(allocated)) allocated"
        if allocated == 0 {
            share = nil
            percent = nil
            statement = "\(amounts): no share of a zero allocation"
        } else {
            share = spent / allocated
            percent = 100 * spent / allocated
            statement = "\(amounts) (\(DecimalText.format(100 * spent / allocated))%)"
        }
    }
}
