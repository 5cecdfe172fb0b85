/// Counts recovered from published shares (percentages) when the total is known.
///
/// Each share s of a total N is an estimated count s N / 100. Rounding of the published share
/// to a unit u leaves the true count anywhere in [(s - u/2) N / 100, (s + u/2) N / 100]
/// (clipped to [0, N]), and that range is reported with the estimate. Whole-number counts that
/// add up to N are given by the largest-remainder (Hamilton) method applied to the shares
/// rescaled to sum to 100: floor every quota, then hand the remaining units to the largest
/// fractional parts (ties to the earlier category).
///
/// ```swift
/// let c = try SharesToCounts(categories: ["A", "B", "C"], shares: [50, 30, 20], total: 210)
/// c.counts.map(\.estimate) // [105, 63, 42]
/// ```
public struct SharesToCounts: Sendable, Hashable, Codable {
    public struct Count: Sendable, Hashable, Codable {
        public let category: String
        public let share: Double
        /// share / 100 x total.
        public let estimate: Double
        /// The range of counts consistent with the share's rounding.
        public let low: Double
        public let high: Double
        /// Largest-remainder whole count; these sum to the total.
        public let rounded: Int
    }

    public let total: Int
    public let roundingUnit: Double
    public let counts: [Count]

    /// - Throws: ``StatsError`` for mismatched lengths, a negative total, negative or all-zero shares.
    public init(categories: [String], shares: [Double], total: Int, roundingUnit: Double = 1) throws(StatsError) {
        guard categories.count == shares.count, !shares.isEmpty else {
            throw .invalidInput("need one share per category (got \(categories.count) categories and \(shares.count) shares)")
        }
        guard total >= 0 else { throw .invalidInput("the total cannot be negative (got \(total))") }
        guard shares.allSatisfy({ $0 >= 0 && $0.isFinite }), shares.contains(where: { $0 > 0 }) else {
            throw .invalidInput("shares must be non-negative finite percentages, not all zero")
        }
        guard roundingUnit >= 0, roundingUnit.isFinite else {
            throw .invalidInput("the rounding unit cannot be negative (got \(roundingUnit))")
        }
        self.total = total
        self.roundingUnit = roundingUnit
        let n = Double(total)
        let sum = shares.reduce(0, +)
        let quotas = shares.map { $0 / sum * n }
        var rounded = quotas.map { Int($0.rounded(.down)) }
        let byRemainder = quotas.indices.sorted { a, b in
            let ra = quotas[a] - Double(rounded[a])
            let rb = quotas[b] - Double(rounded[b])
            return ra != rb ? ra > rb : a < b
        }
        for i in byRemainder.prefix(total - rounded.reduce(0, +)) { rounded[i] += 1 }
        counts = shares.indices.map { i in
            let s = shares[i]
            return Count(category: categories[i], share: s, estimate: s * n / 100,
                         low: max(0, (s - roundingUnit / 2) * n / 100),
                         high: min(n, (s + roundingUnit / 2) * n / 100),
                         rounded: rounded[i])
        }
    }
}
