/// Evenly spaced bands for categories (the bars of a bar chart, the rows of a dot plot), with
/// padding between bands and at both ends as a fraction of the step, as in d3's `scaleBand`.
///
/// ```swift
/// let x = BandScale(count: 4, range: (60, 700))
/// x.bandwidth  // width of one bar
/// x.start(2)   // left edge of the third band
/// x.center(2)
/// ```
public struct BandScale: Sendable, Hashable {
    public let count: Int
    public let range: (start: Double, end: Double)
    /// Gap between bands as a fraction of the step.
    public let paddingInner: Double
    /// Space before the first and after the last band as a fraction of the step.
    public let paddingOuter: Double

    public init(count: Int, range: (start: Double, end: Double), paddingInner: Double = 0.25, paddingOuter: Double = 0.15) {
        self.count = Swift.max(count, 0)
        self.range = range
        self.paddingInner = Swift.min(Swift.max(paddingInner, 0), 0.95)
        self.paddingOuter = Swift.max(paddingOuter, 0)
    }

    /// Distance from one band's start to the next.
    public var step: Double {
        let n = Double(Swift.max(count, 1))
        return (range.end - range.start) / (n - paddingInner + 2 * paddingOuter)
    }

    /// The width of one band.
    public var bandwidth: Double { step * (1 - paddingInner) }

    /// Where band `index` starts.
    public func start(_ index: Int) -> Double { range.start + step * (paddingOuter + Double(index)) }

    /// The middle of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }

    public static func == (a: BandScale, b: BandScale) -> Bool {
        a.count == b.count && a.range.start == b.range.start && a.range.end == b.range.end
            && a.paddingInner == b.paddingInner && a.paddingOuter == b.paddingOuter
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(range.start)
        hasher.combine(range.end)
        hasher.combine(paddingInner)
        hasher.combine(paddingOuter)
    }
}
