/// A value axis: its tick values (nice 1-2-5 steps, or powers of ten on a log scale), their
/// labels, the gridlines, and the zero line bars grow from.
///
/// ```swift
/// let axis = ValueAxis.covering(0, 202, count: 5, integer: true, scale: .linear, format: .integer)
/// axis.labels    // ["0", "50", "100", "150", "200", "250"]
/// ValueAxis.covering(1, 1_000_000, count: 5, integer: true, scale: .log, format: .integer).labels
/// // ["1", "10", "100", "1,000", "10,000", "100,000", "1,000,000"]
/// ```
struct ValueAxis {
    /// The ticks, ascending; at least two.
    let values: [Double]
    let isLog: Bool
    let format: NumberFormat

    /// A linear axis over nice ticks.
    init(_ ticks: NiceTicks, format: NumberFormat) {
        values = ticks.values
        isLog = false
        self.format = format.with(decimals: ticks.decimals)
    }

    /// A log axis from the power of ten at or below `low` to the one at or above `high` (both
    /// positive; 1 and 10 otherwise): ticks at 1, 2 and 5 times each power over two decades or
    /// fewer, at every power up to eight decades, and at every second, third… power beyond.
    init(logCovering low: Double, _ high: Double, format: NumberFormat) {
        let lo = low > 0 && low.isFinite ? low : 1
        let hi = high.isFinite && high > lo ? high : lo
        let p0 = Swift.min(Swift.max(Logarithm.floorPower(lo), -300), 299)
        var p1 = Swift.min(Swift.max(Logarithm.floorPower(hi), p0), 300)
        if NiceTicks.value(1, power: p1) < hi || p1 == p0 { p1 = Swift.min(p1 + 1, 301) }
        let decades = p1 - p0
        if decades <= 2 {
            values = (p0..<p1).flatMap { p in [1, 2, 5].map { NiceTicks.value(Int64($0), power: p) } } + [NiceTicks.value(1, power: p1)]
        } else {
            let every = (decades + 7) / 8
            let top = p0 + (decades + every - 1) / every * every
            values = stride(from: p0, through: top, by: every).map { NiceTicks.value(1, power: $0) }
        }
        isLog = true
        self.format = format.with(decimals: Swift.max(0, -p0))
    }

    /// An axis covering `low`...`high` with about `count` intervals. On a log scale `low` should
    /// be the smallest positive value.
    static func covering(_ low: Double, _ high: Double, count: Int, integer: Bool, scale: ValueScale, format: NumberFormat) -> ValueAxis {
        switch scale {
        case .linear: return ValueAxis(NiceTicks(covering: low, high, count: count, integer: integer), format: format)
        case .log: return ValueAxis(logCovering: low, high, format: format)
        }
    }

    /// An axis for a horizontal plot `length` long: the most ticks (up to one per 60 px) whose
    /// labels stand at least 16 px apart.
    static func horizontal(_ low: Double, _ high: Double, length: Double, integer: Bool, scale: ValueScale,
                           format: NumberFormat) -> ValueAxis {
        var count = Swift.max(Int(length / 60), 2)
        while true {
            let axis = covering(low, high, count: count, integer: integer, scale: scale, format: format)
            let s = axis.scale((0, length))
            let widths = axis.labels.map { TextMetrics.width($0, size: Theme.labelSize) }
            let fits = axis.values.indices.dropFirst().allSatisfy { i in
                s(axis.values[i]) - s(axis.values[i - 1]) >= (widths[i] + widths[i - 1]) / 2 + 16
            }
            if fits || count <= 1 { return axis }
            count -= 1
        }
    }

    var lower: Double { values[0] }
    var upper: Double { values[values.count - 1] }
    var labels: [String] { values.map(format.string) }

    /// The map onto `range` (start for `lower`, end for `upper`).
    func scale(_ range: (start: Double, end: Double)) -> AxisScale {
        AxisScale(lower: lower, upper: upper, range: range, isLog: isLog)
    }

    /// The note a log scale needs; `bars` adds that bars start at the lowest tick.
    func notes(bars: Bool) -> [String] {
        guard isLog else { return [] }
        let start = bars ? " Bars start at \(format.string(lower)), not zero: compare their ends, not their lengths." : ""
        return ["Logarithmic scale: each gridline is a multiple of the one below, so equal distances are equal ratios." + start]
    }

    /// How far the last tick label reaches beyond the plot's right edge on a horizontal axis.
    var overhang: Double { TextMetrics.width(labels.last ?? "", size: Theme.labelSize) / 2 + 2 }

    /// The width of the widest tick label.
    var labelWidth: Double { labels.map { TextMetrics.width($0, size: Theme.labelSize) }.max() ?? 0 }

    /// Horizontal gridlines across `plot` with labels at its left (for a vertical axis).
    func drawLeft(_ ctx: inout RenderContext, plot: Rect, scale: AxisScale, labels showLabels: Bool = true) {
        for (value, label) in zip(values, labels) {
            let y = scale(value)
            ctx.line(x1: plot.minX, y1: y, x2: plot.maxX, y2: y, stroke: Theme.grid)
            if showLabels {
                ctx.text(label, x: plot.minX - 8, y: Theme.centredBaseline(y, size: Theme.labelSize), size: Theme.labelSize,
                         anchor: .end, fill: Theme.muted)
            }
        }
    }

    /// Vertical gridlines across `plot` with labels below it (for a horizontal axis), the labels
    /// kept inside `bounds`.
    func drawBottom(_ ctx: inout RenderContext, plot: Rect, scale: AxisScale, within bounds: Rect) {
        for value in values {
            let x = scale(value)
            ctx.line(x1: x, y1: plot.minY, x2: x, y2: plot.maxY, stroke: Theme.grid)
        }
        drawLabelsBelow(&ctx, plot: plot, scale: scale, within: bounds)
    }

    /// The tick labels under `plot`, each centred on its tick unless that would take it past
    /// the edge of `bounds` (a very wide number at the end of the axis).
    func drawLabelsBelow(_ ctx: inout RenderContext, plot: Rect, scale: AxisScale, within bounds: Rect) {
        for (value, label) in zip(values, labels) {
            let w = TextMetrics.width(label, size: Theme.labelSize)
            let x = Swift.min(Swift.max(scale(value), bounds.minX + w / 2), bounds.maxX - w / 2)
            ctx.text(label, x: x, y: plot.maxY + 16, size: Theme.labelSize, anchor: .middle, fill: Theme.muted)
        }
    }

    /// The baseline bars grow from, drawn over the marks: the zero line when zero is on a
    /// linear axis, the lowest tick on a log axis.
    func drawZero(_ ctx: inout RenderContext, plot: Rect, scale: AxisScale, vertical: Bool) {
        guard isLog || (lower <= 0 && upper >= 0) else { return }
        let base = scale(scale.baseline)
        if vertical {
            ctx.line(x1: plot.minX, y1: base, x2: plot.maxX, y2: base, stroke: Theme.axis)
        } else {
            ctx.line(x1: base, y1: plot.minY, x2: base, y2: plot.maxY, stroke: Theme.axis)
        }
    }

    /// Height of the labels under a horizontal axis.
    static let bottomHeight = 24.0
}
