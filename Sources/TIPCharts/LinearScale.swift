/// A linear map from data values (the domain) to positions on the page (the range), the
/// position scale of a value axis.
///
/// Build it from ``NiceTicks`` so the axis ends on round numbers; bars use a domain that
/// includes zero (see ``nice(low:high:includeZero:count:integer:range:)``), since a bar's length
/// is its value. A degenerate domain (empty or not finite) maps every value to the middle of the
/// range instead of producing NaN.
///
/// ```swift
/// let y = LinearScale.nice(low: 4, high: 202, count: 5, integer: true, range: (400, 100))
/// y.ticks.values // [0, 50, 100, 150, 200, 250]
/// y(125)         // 250.0
/// ```
public struct LinearScale: Sendable, Hashable {
    public let domain: (lower: Double, upper: Double)
    public let range: (start: Double, end: Double)
    /// The ticks the domain was built from.
    public let ticks: NiceTicks

    /// A scale whose domain runs from the first tick to the last.
    public init(ticks: NiceTicks, range: (start: Double, end: Double)) {
        self.init(domain: (ticks.lower, ticks.upper), range: range, ticks: ticks)
    }

    /// A scale over an exact domain (a line chart's first to last year), with ticks to label it.
    public init(domain: (lower: Double, upper: Double), range: (start: Double, end: Double), ticks: NiceTicks) {
        self.ticks = ticks
        self.domain = domain
        self.range = range
    }

    /// A scale over nice ticks covering `low`...`high` (and zero when `includeZero`).
    public static func nice(low: Double, high: Double, includeZero: Bool = true, count: Int = 5,
                            integer: Bool = false, range: (start: Double, end: Double)) -> LinearScale {
        var lo = low.isFinite ? low : 0
        var hi = high.isFinite ? high : lo
        if includeZero { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
        if lo > hi { swap(&lo, &hi) }
        return LinearScale(ticks: NiceTicks(covering: lo, hi, count: count, integer: integer), range: range)
    }

    /// The position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span.isFinite, span > 0, value.isFinite else { return (range.start + range.end) / 2 }
        return range.start + (value - domain.lower) / span * (range.end - range.start)
    }

    /// The value clamped to the domain, for marks that must stay inside the plot.
    public func clamped(_ value: Double) -> Double {
        Swift.min(Swift.max(value, domain.lower), domain.upper)
    }

    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.ticks == b.ticks && a.domain.lower == b.domain.lower && a.domain.upper == b.domain.upper
            && a.range.start == b.range.start && a.range.end == b.range.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ticks)
        hasher.combine(domain.lower)
        hasher.combine(domain.upper)
        hasher.combine(range.start)
        hasher.combine(range.end)
    }
}
