import TIPText

/// The change between two values, as an absolute difference and, where the base is not zero,
/// a percentage.
///
/// A percentage change from a zero base is undefined (any increase from 0 is "infinitely"
/// large), so it is never reported: `percentChange` is nil and the statement gives the
/// absolute change. The percentage is relative to the magnitude of the base,
/// 100 (to - from) / |from|.
///
/// ```swift
/// try Change(from: 29, to: 41).statement // "up 12 from 29 to 41 (+41.4%)"
/// try Change(from: 0, to: 2).statement   // "up 2 from 0 to 2 (no percentage change from a zero base)"
/// ```
public struct Change: Sendable, Hashable, Codable {
    public let from: Double
    public let to: Double
    /// to - from.
    public let absoluteChange: Double
    /// 100 (to - from) / |from|; nil when `from` is zero.
    public let percentChange: Double?
    /// The change in words.
    public let statement: String

    /// - Throws: ``StatsError`` when a value is not finite.
    public init(from: Double, to: Double) throws(StatsError) {
        try StatsError.checkFinite(from, "the value changed from")
        try StatsError.checkFinite(to, "the value changed to")
        self.from = from
        self.to = to
        absoluteChange = to - from
        percentChange = from == 0 ? nil : 100 * (to - from) / from.magnitude
        let endpoints = "from \(DecimalText.format(from, decimals: 2)) to \(DecimalText.format(to, decimals: 2))"
        let direction = absoluteChange > 0 ? "up" : "down"
        let size = DecimalText.format(absoluteChange.magnitude, decimals: 2)
        switch (absoluteChange == 0, percentChange) {
        case (true, _):
            statement = "unchanged at \(DecimalText.format(to, decimals: 2))"
        case (false, let percent?):
            statement = "\(direction) \(size) \(endpoints) (\(DecimalText.signedPercent(percent)))"
        case (false, nil):
            statement = "\(direction) \(size) \(endpoints) (no percentage change from a zero base)"
        }
    }

    /// Changes between consecutive values: element i is the change from `values[i]` to
    /// `values[i + 1]` (year over year when the values are annual). Empty for fewer than two.
    ///
    /// - Throws: ``StatsError`` when a value is not finite.
    public static func series(_ values: [Double]) throws(StatsError) -> [Change] {
        var changes: [Change] = []
        for (from, to) in zip(values, values.dropFirst()) { changes.append(try Change(from: from, to: to)) }
        return changes
    }
}
