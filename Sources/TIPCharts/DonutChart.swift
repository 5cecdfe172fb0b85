/// A ring of shares of a whole, each slice labelled directly with its category, count and
/// percentage ("Hispanic: 96 (46%)") on leader lines, and the total in the middle. Slices run
/// clockwise from twelve o'clock in the given order.
///
/// Zero and missing counts have no slice; they are listed under the ring so no category
/// disappears. A suppressed count gets a hatched slice sized at its threshold, labelled "<5";
/// a part marked unknown is grey. A donut holds at most ``maximumSlices`` slices: with more, the
/// chart is drawn as share bars (``ShareChart``), which compare better. A label's category may
/// wrap and, at worst, be cut; its count and percentage never are.
///
/// ```swift
/// let donut = DonutChart(items: [ShareItem("Hispanic", 96), ShareItem("Caucasian", 55),
///                                ShareItem("African American/Black", 39)], centerLabel: "children")
/// ```
public struct DonutChart: Sendable, Hashable {
    public var items: [ShareItem]
    /// The whole the shares are of; nil: the sum of the known counts.
    public var total: Double?
    /// Words under the total in the ring's middle ("children").
    public var centerLabel: String
    public var format: NumberFormat
    public var percentDecimals: Int
    /// Whether the parts are ordered (age bands) and take the sequential palette.
    public var isOrdered: Bool

    /// The most slices a donut draws; more are drawn as share bars.
    public static let maximumSlices = 5

    public init(items: [ShareItem], total: Double? = nil, centerLabel: String = "total", format: NumberFormat = .integer,
                percentDecimals: Int = 0, isOrdered: Bool = false) {
        self.items = items
        self.total = total
        self.centerLabel = centerLabel
        self.format = format
        self.percentDecimals = percentDecimals
        self.isOrdered = isOrdered
    }

    var shares: Shares { Shares(items, total: total, decimals: percentDecimals) }

    /// Whether it has more slices (parts of known positive size) than a donut draws.
    var hasTooManySlices: Bool { items.indices.filter { (shares.extent($0) ?? 0) > 0 }.count > DonutChart.maximumSlices }

    /// The same parts as share bars, in the given order.
    var asShareChart: ShareChart { ShareChart(items: items, total: total, format: format, percentDecimals: percentDecimals) }

    /// "Donut chart. Hispanic 96, 46%; ...; total 209."
    public var dataDescription: String { "Donut chart. " + shares.describe(format) }
}

/// A donut chart laid out for a width.
struct DonutPlan: ChartPlan {
    let chart: DonutChart
    let shares: Shares
    let width: Double

    init(_ chart: DonutChart, width: Double) {
        self.chart = chart
        self.width = width
        shares = chart.shares
    }

    var legend: [LegendEntry] { Guides.suppressionKey(chart.items.map(\.count)) }

    var notes: [String] { Guides.suppressionNote(chart.items.map(\.count)) + shares.notes(chart.format) }

    var warnings: [String] { shares.warnings(chart.format) }

    /// Items drawn as slices (a known positive size), and the others, listed below.
    private var sliced: [Int] { shares.items.indices.filter { (shares.extent($0) ?? 0) > 0 } }
    private var listed: [Int] { shares.items.indices.filter { (shares.extent($0) ?? 0) <= 0 } }

    var minimumHeight: Double {
        let labelWidth = Swift.max(width / 2 - Swift.min(width * 0.2, 150) - 40, 60)
        let lines = sliced.map { labelLines($0, width: labelWidth) }.reduce(0, +)
        return Swift.max(220, Double(lines) * Theme.labelLine + 40) + listHeight
    }

    /// The line under the ring naming parts without a slice.
    private var listText: FittedText {
        TextMetrics.fit(listed.map(label).joined(separator: " \u{00B7} "), maxWidth: width, size: Theme.labelSize, maxLines: 3)
    }

    private var listHeight: Double { listed.isEmpty ? 0 : 9 + Double(listText.lines.count) * Theme.labelLine }

    private func label(_ i: Int) -> String { SVGText.clean(shares.items[i].label) + ": " + shares.label(i, chart.format) }

    /// A slice's label in at most three lines: "Category: 96 (46%)" wrapped; when that does not
    /// fit, the category in two lines (cut if it must be) and the count and share whole on a third.
    private func labelText(_ i: Int, width: Double) -> FittedText {
        TextMetrics.fit(name: shares.items[i].label, value: shares.label(i, chart.format), maxWidth: width, size: Theme.labelSize,
                        maxLines: 3)
    }

    /// The lines each label takes, for spreading them apart.
    private func labelLines(_ i: Int, width: Double) -> Int { labelText(i, width: width).lines.count }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let area = content.inset(bottom: listHeight)
        let radius = Swift.max(Swift.min(area.height / 2 - 14, width * 0.2, 150), 40)
        let inner = radius * 0.58
        let cx = area.midX, cy = area.midY
        let sizes = sliced.map { shares.extent($0) ?? 0 }
        let sum = sizes.reduce(0, +)
        var angle = 0.0
        var anchors: [(index: Int, mid: Double)] = []
        for (k, i) in sliced.enumerated() {
            let sweep = sizes[k] / sum * 2 * Trig.pi
            let path = DonutPlan.slice(cx: cx, cy: cy, outer: radius, inner: inner, from: angle, to: angle + sweep)
            if shares.items[i].count.suppressionThreshold != nil {
                ctx.path(path, fill: ctx.hatchFill(), stroke: Theme.placeholder, width: 1, mark: true)
            } else {
                let color = shares.items[i].isUnknown ? Palette.unknown
                    : chart.isOrdered ? Palette.sequential(k, of: sliced.count) : Palette.color(k)
                ctx.path(path, fill: color, stroke: "#FFFFFF", width: 1.5, mark: true)
            }
            anchors.append((i, angle + sweep / 2))
            angle += sweep
        }
        // Labels in two columns beside the ring, spread so they never overlap.
        let labelWidth = Swift.max(content.width / 2 - radius - 40, 60)
        for right in [true, false] {
            let side = anchors.filter { (Trig.sinCos($0.mid).sin >= 0) == right }
            let wanted = side.map { cy - Trig.sinCos($0.mid).cos * (radius + 14) }
            let heights = side.map { Double(labelLines($0.index, width: labelWidth)) * Theme.labelLine }
            let ys = LabelSpread.spread(wanted, sizes: heights, gap: 2, low: content.minY + 2, high: area.maxY)
            for (a, ly) in zip(side, ys) {
                let (s, c) = Trig.sinCos(a.mid)
                let px = cx + s * (radius + 3), py = cy - c * (radius + 3)
                let ex = cx + s * (radius + 14), ey = cy - c * (radius + 14)
                let lx = cx + (right ? 1 : -1) * (radius + 28)
                ctx.path("M\(coordinate(px)) \(coordinate(py))L\(coordinate(ex)) \(coordinate(ey))L\(coordinate(lx)) \(coordinate(ly))",
                         fill: "none", stroke: Theme.muted, width: 1, mark: true)
                let text = labelText(a.index, width: labelWidth)
                let first = Theme.centredBaseline(ly, size: Theme.labelSize) - Double(text.lines.count - 1) * Theme.labelLine / 2
                ctx.lines(text, x: lx + (right ? 4 : -4), y: first, lineHeight: Theme.labelLine, anchor: right ? .start : .end,
                          fill: Theme.ink)
            }
        }
        if shares.totalKnown {
            ctx.text(chart.format.string(shares.total), x: cx, y: cy + 4, size: 22, anchor: .middle, bold: true, fill: Theme.ink)
        }
        let caption = TextMetrics.fit(chart.centerLabel, maxWidth: inner * 1.6, size: Theme.labelSize, maxLines: 2)
        ctx.lines(caption, x: cx, y: cy + 21, lineHeight: Theme.labelLine, anchor: .middle)
        if !listed.isEmpty {
            let text = listText
            ctx.lines(text, x: cx, y: content.maxY - 6 - Double(text.lines.count - 1) * Theme.labelLine, lineHeight: Theme.labelLine,
                      anchor: .middle)
        }
    }

    /// A ring segment between angles `a0` and `a1` (radians clockwise from twelve o'clock).
    static func slice(cx: Double, cy: Double, outer: Double, inner: Double, from a0: Double, to a1: Double) -> String {
        // A full ring cannot be one arc (its ends coincide): split it in two.
        if a1 - a0 >= 2 * Trig.pi - 1e-9 {
            return slice(cx: cx, cy: cy, outer: outer, inner: inner, from: a0, to: a0 + Trig.pi)
                + slice(cx: cx, cy: cy, outer: outer, inner: inner, from: a0 + Trig.pi, to: a1)
        }
        func point(_ r: Double, _ a: Double) -> String {
            let (s, c) = Trig.sinCos(a)
            return coordinate(cx + r * s) + " " + coordinate(cy - r * c)
        }
        let large = a1 - a0 > Trig.pi ? 1 : 0
        let o = coordinate(outer), i = coordinate(inner)
        return "M\(point(outer, a0))A\(o) \(o) 0 \(large) 1 \(point(outer, a1))L\(point(inner, a1))A\(i) \(i) 0 \(large) 0 \(point(inner, a0))Z"
    }
}
