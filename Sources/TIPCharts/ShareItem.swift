/// A part of a whole: a category and its count, for ``ShareChart`` and ``DonutChart``. A part
/// marked `isUnknown` (unknown, or not broken down by the source) is drawn grey.
///
/// ```swift
/// ShareItem("Hispanic", 96)
/// ShareItem("Other", .count(1, suppressBelow: 5))   // shown as "<5"
/// ShareItem("Not broken down", 57, isUnknown: true)
/// ```
public struct ShareItem: Sendable, Hashable {
    public var label: String
    public var count: Datum
    /// Whether the part is what is unknown or not broken down: grey, never a colour.
    public var isUnknown: Bool

    public init(_ label: String, _ count: Datum, isUnknown: Bool = false) {
        self.label = label
        self.count = count
        self.isUnknown = isUnknown
    }
}

/// Shares of a whole, computed one way for share bars and donuts: each known count over the
/// stated total, or over the sum of the known counts when no total is given. A suppressed count
/// has no share (its label is "<5"); its mark is sized at the threshold.
struct Shares {
    let items: [ShareItem]
    /// The denominator of the shares.
    let total: Double
    /// Whether `total` is the whole: stated, or the sum of counts that are all known. Otherwise it
    /// is the sum of the known counts only, and the shares are of that.
    let totalKnown: Bool
    /// Whether the total was given (not the sum of the parts).
    let stated: Bool
    let percent: NumberFormat

    init(_ items: [ShareItem], total: Double?, decimals: Int) {
        self.items = items
        let known = items.compactMap(\.count.value).reduce(0, +)
        if let total, total.isFinite, total > 0 {
            self.total = total
            totalKnown = true
            stated = true
        } else {
            self.total = known
            totalKnown = items.allSatisfy { $0.count.value != nil }
            stated = false
        }
        percent = .percent(decimals: decimals)
    }

    /// The share of item `i` in percent; nil when its count is missing or suppressed or the total is 0.
    func share(_ i: Int) -> Double? {
        guard total > 0, let v = items[i].count.value else { return nil }
        return v / total * 100
    }

    /// The size of item `i`'s mark in percent of the total (the threshold for a suppressed count).
    func extent(_ i: Int) -> Double? {
        guard total > 0, let e = items[i].count.extent else { return nil }
        return e / total * 100
    }

    /// "96 (46%)", "<5", "no data".
    func label(_ i: Int, _ format: NumberFormat) -> String {
        let d = items[i].count
        guard let s = share(i) else { return d.label(format) }
        return d.label(format) + " (" + percent.string(s) + ")"
    }

    /// "African American/Black 39 (19%), Caucasian 55 (26%), ... of 209."
    func describe(_ format: NumberFormat) -> String {
        let parts = items.indices.map { i -> String in
            let d = items[i].count
            let share = self.share(i).map { ", " + percent.string($0) } ?? ""
            return SVGText.clean(items[i].label) + " " + d.spoken(format) + share
        }
        return parts.joined(separator: "; ") + "; total " + format.string(total) + "."
    }

    /// The stated total, when the known parts add to more than it: the shares then add to
    /// more than 100%.
    private var excess: (parts: Double, total: Double)? {
        let known = items.compactMap(\.count.value).reduce(0, +)
        guard stated, known > total * (1 + 1e-12) else { return nil }
        return (known, total)
    }

    /// The warning for parts that exceed the stated total (for the command to print).
    func warnings(_ format: NumberFormat) -> [String] {
        guard let e = excess else { return [] }
        return ["the parts add to \(format.string(e.parts)), more than the stated total of \(format.string(e.total))"]
    }

    /// What the percentages are of, when not the whole; whether rounding keeps them from adding
    /// to 100; that the parts exceed the stated total.
    func notes(_ format: NumberFormat) -> [String] {
        if let e = excess {
            return ["The parts add to \(format.string(e.parts)), more than the stated total of \(format.string(e.total)): "
                    + "the percentages are of \(format.string(e.total)) and add to more than 100%."]
        }
        guard totalKnown else {
            return ["Percentages are of the \(format.string(total)) in categories with a known count; "
                    + "suppressed and missing counts are not in the total."]
        }
        let shown = items.indices.compactMap(share)
        guard !shown.isEmpty, items.allSatisfy({ $0.count.value != nil }) else { return [] }
        var scale = 1.0
        for _ in 0..<percent.decimals { scale *= 10 }
        let sum = shown.map { ($0 * scale).rounded(.toNearestOrAwayFromZero) / scale }.reduce(0, +)
        let known = items.compactMap(\.count.value).reduce(0, +)
        guard abs(sum - 100) > 1e-9 && abs(known - total) < 1e-9 else { return [] }
        return ["Percentages do not add to 100 because of rounding."]
    }
}
