/// How a value axis maps values to positions.
///
/// ```swift
/// LineChart(series: calls, scale: .log)   // 1 to 1,000,000: each gridline ten times the last
/// ```
public enum ValueScale: Sendable, Hashable {
    /// Equal distances for equal differences; bars start at zero. The default.
    case linear
    /// Equal distances for equal ratios (base 10), for values over several orders of
    /// magnitude. Only positive values can be drawn: zero and negative values are left out and
    /// named in a note, and the figure says the scale is logarithmic. Bars start at the axis's
    /// lowest power of ten, so their lengths are not proportional to their values.
    case log
}
