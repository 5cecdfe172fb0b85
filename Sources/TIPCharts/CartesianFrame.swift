/// The parts of a chart's drawing area around a plot with axes: the y-axis title above the
/// plot's top-left corner (read horizontally, as newsrooms set it), the plot, the x-axis labels
/// and the x-axis title centred below them.
struct CartesianFrame {
    static let titleRow = 22.0

    let content: Rect
    let plot: Rect

    /// - Parameters:
    ///   - left, right: gutters beside the plot (tick labels, category labels, direct labels).
    ///   - top: room above the plot for labels that sit over the highest mark.
    ///   - bottomAxis: height of the x-axis labels under the plot.
    init(content: Rect, left: Double, right: Double, top: Double, bottomAxis: Double, xTitle: Bool, yTitle: Bool) {
        self.content = content
        plot = content.inset(top: (yTitle ? CartesianFrame.titleRow : 0) + top, right: right,
                             bottom: bottomAxis + (xTitle ? CartesianFrame.titleRow : 0), left: left)
    }

    /// The content height needed around a plot of `plotHeight`.
    static func height(plot plotHeight: Double, top: Double, bottomAxis: Double, xTitle: Bool, yTitle: Bool) -> Double {
        plotHeight + top + bottomAxis + (xTitle ? titleRow : 0) + (yTitle ? titleRow : 0)
    }

    /// The axis titles: y above the plot at the left edge of the content, x centred under the plot.
    func drawTitles(_ ctx: inout RenderContext) {
        if let y = ctx.yTitle {
            let t = TextMetrics.fit(y, maxWidth: content.width, size: Theme.axisTitleSize)
            ctx.lines(t, x: content.minX, y: content.minY + 13, lineHeight: 0)
        }
        if let x = ctx.xTitle {
            let t = TextMetrics.fit(x, maxWidth: content.width, size: Theme.axisTitleSize)
            let cx = Swift.min(Swift.max(plot.midX, content.minX + t.width / 2), content.maxX - t.width / 2)
            ctx.lines(t, x: cx, y: content.maxY - 6, lineHeight: 0, anchor: .middle)
        }
    }
}

/// A value axis: gridlines at the nice ticks, their labels, and the zero line.
struct ValueAxis {
    let ticks: NiceTicks
    let format: NumberFormat

    init(_ ticks: NiceTicks, format: NumberFormat) {
        self.ticks = ticks
        self.format = format.with(decimals: ticks.decimals)
    }

    var labels: [String] { ticks.values.map(format.string) }

    /// How far the last tick label reaches beyond the plot's right edge on a horizontal axis.
    var overhang: Double { TextMetrics.width(labels.last ?? "", size: Theme.labelSize) / 2 + 2 }

    /// The width of the widest tick label.
    var labelWidth: Double { labels.map { TextMetrics.width($0, size: Theme.labelSize) }.max() ?? 0 }

    /// Horizontal gridlines across `plot` with labels at its left (for a vertical axis).
    func drawLeft(_ ctx: inout RenderContext, plot: Rect, scale: LinearScale, labels showLabels: Bool = true) {
        for (value, label) in zip(ticks.values, labels) {
            let y = scale(value)
            ctx.line(x1: plot.minX, y1: y, x2: plot.maxX, y2: y, stroke: Theme.grid)
            if showLabels {
                ctx.text(label, x: plot.minX - 8, y: Theme.centredBaseline(y, size: Theme.labelSize), size: Theme.labelSize,
                         anchor: .end, fill: Theme.muted)
            }
        }
    }

    /// Vertical gridlines across `plot` with labels below it (for a horizontal axis).
    func drawBottom(_ ctx: inout RenderContext, plot: Rect, scale: LinearScale) {
        for (value, label) in zip(ticks.values, labels) {
            let x = scale(value)
            ctx.line(x1: x, y1: plot.minY, x2: x, y2: plot.maxY, stroke: Theme.grid)
            ctx.text(label, x: x, y: plot.maxY + 16, size: Theme.labelSize, anchor: .middle, fill: Theme.muted)
        }
    }

    /// The zero line, drawn over the marks, when zero is on the axis: the baseline bars grow from.
    func drawZero(_ ctx: inout RenderContext, plot: Rect, scale: LinearScale, vertical: Bool) {
        guard ticks.lower <= 0, ticks.upper >= 0 else { return }
        if vertical {
            ctx.line(x1: plot.minX, y1: scale(0), x2: plot.maxX, y2: scale(0), stroke: Theme.axis)
        } else {
            ctx.line(x1: scale(0), y1: plot.minY, x2: scale(0), y2: plot.maxY, stroke: Theme.axis)
        }
    }

    /// Height of the labels under a horizontal axis.
    static let bottomHeight = 24.0
}

/// Category labels of a band axis: under the bars (wrapped to the band, up to three lines), or
/// left of horizontal bars and dot-plot rows (right-aligned, up to two lines). Labels too long
/// even then end in an ellipsis, with the full text kept in a `<title>`.
struct CategoryAxis {
    let labels: [FittedText]

    /// Labels for bands `bandStep` wide, under a plot.
    init(below categories: [String], bandStep: Double) {
        labels = categories.map { TextMetrics.fit($0, maxWidth: bandStep - 6, size: Theme.labelSize, maxLines: 3) }
    }

    /// Labels at the left of a plot, at most `maxWidth` wide.
    init(left categories: [String], maxWidth: Double) {
        labels = categories.map { TextMetrics.fit($0, maxWidth: maxWidth, size: Theme.labelSize, maxLines: 2) }
    }

    var maxLines: Int { labels.map(\.lines.count).max() ?? 0 }
    var width: Double { labels.map(\.width).max() ?? 0 }

    /// The height of labels set below a plot.
    var belowHeight: Double { 10 + Double(Swift.max(maxLines, 1)) * Theme.labelLine }

    func drawBelow(_ ctx: inout RenderContext, plot: Rect, band: BandScale) {
        for (i, label) in labels.enumerated() {
            ctx.lines(label, x: band.center(i), y: plot.maxY + 16, lineHeight: Theme.labelLine, anchor: .middle)
        }
    }

    func drawLeft(_ ctx: inout RenderContext, plot: Rect, band: BandScale) {
        for (i, label) in labels.enumerated() {
            let first = Theme.centredBaseline(band.center(i), size: Theme.labelSize) - Double(label.lines.count - 1) * Theme.labelLine / 2
            ctx.lines(label, x: plot.minX - 10, y: first, lineHeight: Theme.labelLine, anchor: .end)
        }
    }
}

/// One-dimensional label placement: labels keep their order and move apart as little as
/// possible so neighbours are at least `gap` apart, inside `low...high` when there is room.
enum LabelSpread {
    static func spread(_ positions: [Double], gap: Double, low: Double, high: Double) -> [Double] {
        let order = positions.indices.sorted { positions[$0] != positions[$1] ? positions[$0] < positions[$1] : $0 < $1 }
        var placed = order.map { positions[$0] }
        guard !placed.isEmpty else { return [] }
        placed[0] = Swift.max(placed[0], low)
        for i in 1..<placed.count { placed[i] = Swift.max(placed[i], placed[i - 1] + gap) }
        if placed[placed.count - 1] > high {
            placed[placed.count - 1] = high
            for i in stride(from: placed.count - 2, through: 0, by: -1) { placed[i] = Swift.min(placed[i], placed[i + 1] - gap) }
        }
        var out = positions
        for (k, i) in order.enumerated() { out[i] = placed[k] }
        return out
    }
}
