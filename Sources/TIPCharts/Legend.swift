/// One key of a legend: a symbol drawn as the marks are, and what it means.
struct LegendEntry: Hashable {
    enum Symbol: Hashable {
        /// A bar of series `series`, with its texture when `textured`.
        case swatch(series: Int, textured: Bool)
        /// A bar of a given colour (the tornado chart's low and high settings).
        case colorSwatch(String)
        /// A suppressed-count placeholder.
        case hatch
        /// A bar drawn for an estimate: dashed outline.
        case estimateBar
        /// A line with markers; dashed and hollow for estimates.
        case line(series: Int, dashed: Bool, hollow: Bool)
        /// A point with an interval whisker.
        case interval(series: Int)
        /// A point with a vertical interval whisker, as lines draw it.
        case verticalInterval(series: Int)
    }

    var symbol: Symbol
    var label: String
}

/// Legend keys laid out left to right in rows across the chart's width, above the plot.
struct Legend {
    private struct Placed {
        var entry: LegendEntry
        var x: Double
        var row: Int
        var text: FittedText
    }

    private let placed: [Placed]
    let rows: Int

    static let symbolWidth = 22.0
    static let gap = 20.0

    init(_ entries: [LegendEntry], width: Double) {
        var placed: [Placed] = []
        var x = 0.0, row = 0
        for e in entries {
            let text = TextMetrics.fit(e.label, maxWidth: width - Legend.symbolWidth - 6, size: Theme.legendSize)
            let w = Legend.symbolWidth + 6 + text.width
            if x > 0 && x + w > width { x = 0; row += 1 }
            placed.append(Placed(entry: e, x: x, row: row, text: text))
            x += w + Legend.gap
        }
        self.placed = placed
        self.rows = entries.isEmpty ? 0 : row + 1
    }

    var height: Double { Double(rows) * Theme.legendRow }

    func draw(_ ctx: inout RenderContext, x: Double, y: Double) {
        for p in placed {
            let mid = y + Double(p.row) * Theme.legendRow + Theme.legendRow / 2 - 2
            let sx = x + p.x
            switch p.entry.symbol {
            case let .swatch(series, textured):
                let r = Rect(x: sx + 3, y: mid - 7, width: 16, height: 14)
                ctx.bar(r, color: Palette.color(series), texture: textured ? ctx.textureFill(series) : nil)
            case let .colorSwatch(color):
                ctx.rect(Rect(x: sx + 3, y: mid - 7, width: 16, height: 14), fill: color, mark: true)
            case .hatch:
                ctx.placeholder(Rect(x: sx + 3, y: mid - 7, width: 16, height: 14))
            case .estimateBar:
                ctx.estimateBar(Rect(x: sx + 3, y: mid - 7, width: 16, height: 14), color: Theme.body)
            case let .line(series, dashed, hollow):
                let color = Palette.color(series)
                ctx.line(x1: sx, y1: mid, x2: sx + Legend.symbolWidth, y2: mid, stroke: color, width: 2, dash: dashed ? "5 3" : nil, mark: true)
                ctx.marker(MarkerShape.forSeries(series), x: sx + Legend.symbolWidth / 2, y: mid, color: color, hollow: hollow)
            case let .interval(series):
                let color = Palette.color(series)
                ctx.line(x1: sx + 1, y1: mid, x2: sx + Legend.symbolWidth - 1, y2: mid, stroke: color, width: 2, mark: true)
                ctx.line(x1: sx + 1, y1: mid - 5, x2: sx + 1, y2: mid + 5, stroke: color, width: 2, mark: true)
                ctx.line(x1: sx + Legend.symbolWidth - 1, y1: mid - 5, x2: sx + Legend.symbolWidth - 1, y2: mid + 5, stroke: color, width: 2, mark: true)
                ctx.marker(MarkerShape.forSeries(series), x: sx + Legend.symbolWidth / 2, y: mid, color: color, hollow: false)
            case let .verticalInterval(series):
                let color = Palette.color(series), cx = sx + Legend.symbolWidth / 2
                ctx.line(x1: cx, y1: mid - 8, x2: cx, y2: mid + 8, stroke: color, width: 2, mark: true)
                ctx.line(x1: cx - 5, y1: mid - 8, x2: cx + 5, y2: mid - 8, stroke: color, width: 2, mark: true)
                ctx.line(x1: cx - 5, y1: mid + 8, x2: cx + 5, y2: mid + 8, stroke: color, width: 2, mark: true)
            }
            ctx.lines(p.text, x: sx + Legend.symbolWidth + 6, y: Theme.centredBaseline(mid, size: Theme.legendSize),
                      lineHeight: Theme.labelLine)
        }
    }
}
