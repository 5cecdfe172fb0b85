/// A value axis's map from values to positions on the page: linear over its ticks' range, or
/// logarithmic over whole powers of ten.
///
/// ```swift
/// let y = ValueAxis(logCovering: 1, 1_000_000, format: .integer).scale((400, 100))
/// y(1_000)       // 250: halfway up, three decades of six
/// y.baseline     // 1: where bars start on a log scale
/// ```
struct AxisScale {
    let lower: Double
    let upper: Double
    let range: (start: Double, end: Double)
    let isLog: Bool

    /// The value bars grow from: zero (or the nearer end when zero is off the axis), or on a log
    /// scale the lowest tick.
    var baseline: Double { isLog ? lower : Swift.min(Swift.max(0, lower), upper) }

    /// The position of `value`. On a log scale a value that is not positive sits at the axis's
    /// start (callers leave such values out; see ``position(of:)``). A degenerate domain maps
    /// every value to the middle of the range.
    func callAsFunction(_ value: Double) -> Double {
        let a = isLog ? Logarithm.log10(lower) : lower, b = isLog ? Logarithm.log10(upper) : upper
        let v = isLog ? Logarithm.log10(value) ?? a : value
        guard let a, let b, let v, b - a > 0, (b - a).isFinite, v.isFinite else { return (range.start + range.end) / 2 }
        return range.start + (v - a) / (b - a) * (range.end - range.start)
    }

    /// Whether `value` can be drawn: finite, and positive on a log scale.
    func canDraw(_ value: Double) -> Bool { value.isFinite && (!isLog || value > 0) }

    /// The position of a datum's value; nil when it is missing, suppressed, or not positive on a
    /// log scale.
    func position(of datum: Datum) -> Double? {
        guard let v = datum.value, canDraw(v) else { return nil }
        return self(v)
    }
}
