/// How over- or under-represented each group is against a baseline: the group's share of the
/// observed total divided by its share of the baseline population.
///
/// ratio_i = (k_i / N) / b_i. The interval is the Wilson score interval of the observed share
/// (``ProportionInterval``) divided by b_i: the baseline (a census share) is treated as known,
/// since its sampling error is negligible next to that of a few dozen referrals. A ratio of 2
/// means the group appears twice as often as its share of the population would predict; an
/// interval that excludes 1 means the difference is not plausibly chance.
///
/// ```swift
/// let d = try DisproportionalityRatio(categories: ["Black", "White"], counts: [39, 55],
///                                     baseline: [13, 87])
/// d.groups[0].ratio // (39/94) / 0.13 = 3.19...
/// ```
public struct DisproportionalityRatio: Sendable, Hashable, Codable {
    public struct Group: Sendable, Hashable, Codable {
        public let category: String
        public let count: Int
        /// count / total.
        public let share: Double
        /// Wilson interval of the share.
        public let shareLow: Double
        public let shareHigh: Double
        /// The baseline share, rescaled so the baseline sums to 1.
        public let baselineShare: Double
        public let ratio: Double
        public let ratioLow: Double
        public let ratioHigh: Double
    }

    public let total: Int
    public let level: Double
    public let groups: [Group]

    /// - Parameter baseline: baseline shares (proportions or percentages; rescaled to sum to 1).
    /// - Throws: ``StatsError`` for mismatched lengths, negative counts, a zero total, or a
    ///   baseline share that is not positive.
    public init(categories: [String], counts: [Int], baseline: [Double], level: Double = 0.95) throws(StatsError) {
        guard categories.count == counts.count, counts.count == baseline.count, !counts.isEmpty else {
            throw .invalidInput("need one count and one baseline share per category (got "
                + "\(categories.count) categories, \(counts.count) counts, \(baseline.count) shares)")
        }
        for (name, b) in zip(categories, baseline) where !(b > 0 && b.isFinite) {
            throw .invalidInput("the baseline share of '\(name)' must be positive (got \(b)): no ratio to a zero baseline")
        }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw .invalidInput("counts cannot be negative") }
        let total = counts.reduce(0, +)
        guard total > 0 else { throw .insufficientData("no observations: every count is zero") }
        let baselineTotal = baseline.reduce(0, +)
        var groups: [Group] = []
        for i in counts.indices {
            let wilson = try ProportionInterval(successes: counts[i], trials: total, level: level, method: .wilson)
            let b = baseline[i] / baselineTotal
            groups.append(Group(category: categories[i], count: counts[i], share: wilson.estimate,
                                shareLow: wilson.lower, shareHigh: wilson.upper, baselineShare: b,
                                ratio: wilson.estimate / b, ratioLow: wilson.lower / b, ratioHigh: wilson.upper / b))
        }
        self.total = total
        self.level = level
        self.groups = groups
    }
}
