/// One key of a legend: a symbol drawn as the marks are, and what it means. A chart lists a
/// key only for marks it draws.
struct LegendEntry: Hashable {
    enum Symbol: Hashable {
        /// A bar of a colour, with the texture of series `texture` when given.
        case swatch(color: String, texture: Int?)
        /// A suppressed-count placeholder.
        case hatch
        /// A bar drawn for an estimate: dashed outline.
        case estimateBar
        /// A line with markers; dashed and hollow for estimates.
        case line(color: String, shape: MarkerShape, dashed: Bool, hollow: Bool)
        /// A point with a horizontal interval whisker, as dot plots draw it.
        case interval(color: String)
        /// A vertical interval whisker, as lines draw it.
        case verticalInterval(color: String)

        /// Series `j`'s line, in its colour and marker shape.
        static func line(series j: Int, dashed: Bool, hollow: Bool) -> Symbol {
            .line(color: Palette.color(j), shape: MarkerShape.forSeries(j), dashed: dashed, hollow: hollow)
        }
    }

    var symbol: Symbol
    var label: String
}

/// Legend keys laid out left to right in rows across the chart's width, above the plot. A
/// label too long for the row wraps onto a second line (the row grows) before it is cut.
struct Legend {
    private struct Placed {
        var entry: LegendEntry
        var x: Double
        var row: Int
        var text: FittedText
    }

    private let placed: [Placed]
    /// The top of each row, from the legend's top, and the legend's height.
    private let rowTops: [Double]
    let height: Double

    static let symbolWidth = 22.0
    static let gap = 20.0

    init(_ entries: [LegendEntry], width: Double) {
        var placed: [Placed] = []
        var x = 0.0, row = 0
        for e in entries {
            let text = TextMetrics.fit(e.label, maxWidth: width - Legend.symbolWidth - 6, size: Theme.legendSize, maxLines: 2)
            let w = Legend.symbolWidth + 6 + text.width
            if x > 0 && x + w > width { x = 0; row += 1 }
            placed.append(Placed(entry: e, x: x, row: row, text: text))
            x += w + Legend.gap
        }
        self.placed = placed
        let rows = entries.isEmpty ? 0 : row + 1
        var tops: [Double] = [], top = 0.0
        for r in 0..<rows {
            tops.append(top)
            let lines = placed.filter { $0.row == r }.map(\.text.lines.count).max() ?? 1
            top += Theme.legendRow + Double(lines - 1) * Theme.labelLine
        }
        rowTops = tops
        height = top
    }

    var rows: Int { rowTops.count }

    func draw(_ ctx: inout RenderContext, x: Double, y: Double) {
        for p in placed {
            let mid = y + rowTops[p.row] + Theme.legendRow / 2 - 2
            let sx = x + p.x
            let swatch = Rect(x: sx + 3, y: mid - 7, width: 16, height: 14)
            switch p.entry.symbol {
            case let .swatch(color, texture):
                ctx.bar(swatch, color: color, texture: texture.flatMap { ctx.textureFill($0) })
            case .hatch:
                ctx.placeholder(swatch)
            case .estimateBar:
                ctx.estimateBar(swatch, color: Theme.body)
            case let .line(color, shape, dashed, hollow):
                ctx.line(x1: sx, y1: mid, x2: sx + Legend.symbolWidth, y2: mid, stroke: color, width: 2, dash: dashed ? "5 3" : nil, mark: true)
                ctx.marker(shape, x: sx + Legend.symbolWidth / 2, y: mid, color: color, hollow: hollow)
            case let .interval(color):
                ctx.line(x1: sx + 1, y1: mid, x2: sx + Legend.symbolWidth - 1, y2: mid, stroke: color, width: 2, mark: true)
                ctx.line(x1: sx + 1, y1: mid - 5, x2: sx + 1, y2: mid + 5, stroke: color, width: 2, mark: true)
                ctx.line(x1: sx + Legend.symbolWidth - 1, y1: mid - 5, x2: sx + Legend.symbolWidth - 1, y2: mid + 5, stroke: color,
                         width: 2, mark: true)
                ctx.marker(.circle, x: sx + Legend.symbolWidth / 2, y: mid, color: color, hollow: false)
            case let .verticalInterval(color):
                let cx = sx + Legend.symbolWidth / 2
                ctx.line(x1: cx, y1: mid - 8, x2: cx, y2: mid + 8, stroke: color, width: 2, mark: true)
                ctx.line(x1: cx - 5, y1: mid - 8, x2: cx + 5, y2: mid - 8, stroke: color, width: 2, mark: true)
                ctx.line(x1: cx - 5, y1: mid + 8, x2: cx + 5, y2: mid + 8, stroke: color, width: 2, mark: true)
            }
            ctx.lines(p.text, x: sx + Legend.symbolWidth + 6, y: Theme.centredBaseline(mid, size: Theme.legendSize),
                      lineHeight: Theme.labelLine)
        }
    }
}
