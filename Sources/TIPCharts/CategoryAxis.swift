/// Category labels of a band axis: under the bars (wrapped to the band, up to three lines), or
/// left of horizontal bars and dot-plot rows (right-aligned, wrapped). A label is cut (ending
/// in an ellipsis, the full text kept in a `<title>`) only when even its lines cannot hold it.
///
/// Under a plot, labels that do not fit their band are shown every `every` bands (years on a
/// long time axis: every 2, 5, 10… years, on years that are multiples of it), each over the
/// room of `every` bands: never broken inside a number, never run together.
struct CategoryAxis {
    let labels: [FittedText]
    /// Every `every`-th label is drawn, from label `phase` (1 and 0: all).
    let every: Int
    let phase: Int

    /// The longest a label under the plot may wrap to.
    static let belowLines = 3

    /// Labels for bands `bandStep` wide, under a plot, every `every`-th drawn from `phase`.
    init(below categories: [String], bandStep: Double, every: Int = 1, phase: Int = 0) {
        self.every = Swift.max(every, 1)
        self.phase = phase
        let room = bandStep * Double(self.every) - 6
        labels = categories.map { TextMetrics.fit($0, maxWidth: room, size: Theme.labelSize, maxLines: CategoryAxis.belowLines) }
    }

    /// Labels at the left of a plot, at most `maxWidth` wide and `maxLines` lines.
    init(left categories: [String], maxWidth: Double, maxLines: Int = 3) {
        every = 1
        phase = 0
        labels = categories.map { TextMetrics.fit($0, maxWidth: maxWidth, size: Theme.labelSize, maxLines: maxLines) }
    }

    /// Whether `category` fits under a band `room` wide: no word wider than the band (so no
    /// word is broken), at most three lines.
    static func fits(_ category: String, room: Double) -> Bool {
        let clean = SVGText.clean(category)
        guard clean.split(separator: " ").allSatisfy({ TextMetrics.width(String($0), size: Theme.labelSize) <= room }) else { return false }
        let t = TextMetrics.fit(clean, maxWidth: room, size: Theme.labelSize, maxLines: belowLines)
        return !t.truncated
    }

    /// Whether every label fits under bands `bandStep` wide.
    static func fitBelow(_ categories: [String], bandStep: Double) -> Bool {
        categories.allSatisfy { fits($0, room: bandStep - 6) }
    }

    /// The smallest of 1, 2, 5, 10, 20, 50… (up to the number of categories) for which each
    /// label fits over `every` bands, and the first label to draw: the first whose period
    /// (`positions`, `step` apart) is a multiple of `every` steps, else the first.
    static func thinning(_ categories: [String], bandStep: Double, positions: [Double]? = nil,
                         step: Double = 1) -> (every: Int, phase: Int) {
        var every = 1
        for k in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000] {
            every = k
            if k >= categories.count || categories.allSatisfy({ fits($0, room: bandStep * Double(k) - 6) }) { break }
        }
        let phase = positions?.firstIndex { (($0 / step).rounded()).truncatingRemainder(dividingBy: Double(every)) == 0 } ?? 0
        return (every, phase % every)
    }

    /// Whether every category reads as a number ("2016", "2016–17"): such labels are thinned
    /// rather than wrapped.
    static func areNumbers(_ categories: [String]) -> Bool {
        !categories.isEmpty && categories.allSatisfy { c in SVGText.clean(c).split(separator: " ").allSatisfy { TextMetrics.isNumber($0) } }
    }

    /// Whether label `i` is drawn.
    func shows(_ i: Int) -> Bool { i >= phase && (i - phase) % every == 0 }

    var maxLines: Int { labels.indices.filter(shows).map { labels[$0].lines.count }.max() ?? 0 }
    var width: Double { labels.map(\.width).max() ?? 0 }

    /// The height of labels set below a plot.
    var belowHeight: Double { 10 + Double(Swift.max(maxLines, 1)) * Theme.labelLine }

    func drawBelow(_ ctx: inout RenderContext, plot: Rect, band: BandScale) {
        for (i, label) in labels.enumerated() where shows(i) {
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
