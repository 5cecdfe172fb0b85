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

/// One-dimensional label placement: labels keep their order and move apart as little as
/// possible so neighbours do not overlap (each is `sizes[i]` tall, centred on its position,
/// with `gap` between), inside `low...high` when there is room.
enum LabelSpread {
    static func spread(_ positions: [Double], sizes: [Double]? = nil, gap: Double, low: Double, high: Double) -> [Double] {
        let sizes = sizes ?? Array(repeating: 0, count: positions.count)
        let order = positions.indices.sorted { positions[$0] != positions[$1] ? positions[$0] < positions[$1] : $0 < $1 }
        var placed = order.map { positions[$0] }
        let size = order.map { sizes[$0] }
        guard !placed.isEmpty else { return [] }
        func apart(_ k: Int) -> Double { (size[k - 1] + size[k]) / 2 + gap }
        placed[0] = Swift.max(placed[0], low + size[0] / 2)
        for k in 1..<placed.count { placed[k] = Swift.max(placed[k], placed[k - 1] + apart(k)) }
        let last = placed.count - 1
        if placed[last] > high - size[last] / 2 {
            placed[last] = high - size[last] / 2
            for k in stride(from: last - 1, through: 0, by: -1) { placed[k] = Swift.min(placed[k], placed[k + 1] - apart(k + 1)) }
        }
        var out = positions
        for (k, i) in order.enumerated() { out[i] = placed[k] }
        return out
    }
}
