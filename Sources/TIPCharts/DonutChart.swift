/// A ring of shares of a whole, each slice labelled directly with its category, count and
/// percentage ("Hispanic: 96 (46%)") on leader lines, and the total in the middle. Slices run
/// clockwise from twelve o'clock in the given order.
///
/// Zero and missing counts have no slice; they are listed under the ring so no category
/// disappears. A suppressed count gets a hatched slice sized at its threshold, labelled "<5".
/// For more than six categories or close shares, prefer ``ShareChart``.
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

    public init(items: [ShareItem], total: Double? = nil, centerLabel: String = "total", format: NumberFormat = .integer,
                percentDecimals: Int = 0) {
        self.items = items
        self.total = total
        self.centerLabel = centerLabel
        self.format = format
        self.percentDecimals = percentDecimals
    }

    var shares: Shares { Shares(items, total: total, decimals: percentDecimals) }

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

    /// Items drawn as slices (a known positive size), and the others, listed below.
    private var sliced: [Int] { shares.items.indices.filter { (shares.extent($0) ?? 0) > 0 } }
    private var listed: [Int] { shares.items.indices.filter { (shares.extent($0) ?? 0) <= 0 } }

    var minimumHeight: Double { Swift.max(220, Double(sliced.count) * 9 + 40) + (listed.isEmpty ? 0 : 24) }

    private func label(_ i: Int) -> String { SVGText.clean(shares.items[i].label) + ": " + shares.label(i, chart.format) }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let listHeight = listed.isEmpty ? 0.0 : 24
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
                ctx.path(path, fill: Palette.color(k), stroke: "#FFFFFF", width: 1.5, mark: true)
            }
            anchors.append((i, angle + sweep / 2))
            angle += sweep
        }
        // Labels in two columns beside the ring, spread so they never overlap.
        let labelWidth = Swift.max(content.width / 2 - radius - 40, 60)
        for right in [true, false] {
            let side = anchors.filter { (Trig.sinCos($0.mid).sin >= 0) == right }
            let wanted = side.map { cy - Trig.sinCos($0.mid).cos * (radius + 14) }
            let ys = LabelSpread.spread(wanted, gap: 17, low: content.minY + 8, high: area.maxY - 4)
            for (a, ly) in zip(side, ys) {
                let (s, c) = Trig.sinCos(a.mid)
                let px = cx + s * (radius + 3), py = cy - c * (radius + 3)
                let ex = cx + s * (radius + 14), ey = cy - c * (radius + 14)
                let lx = cx + (right ? 1 : -1) * (radius + 28)
                ctx.path("M\(coordinate(px)) \(coordinate(py))L\(coordinate(ex)) \(coordinate(ey))L\(coordinate(lx)) \(coordinate(ly))",
                         fill: "none", stroke: Theme.muted, width: 1, mark: true)
                let text = TextMetrics.fit(label(a.index), maxWidth: labelWidth, size: Theme.labelSize)
                ctx.lines(text, x: lx + (right ? 4 : -4), y: Theme.centredBaseline(ly, size: Theme.labelSize), lineHeight: 0,
                          anchor: right ? .start : .end, fill: Theme.ink)
            }
        }
        if shares.totalKnown {
            ctx.text(chart.format.string(shares.total), x: cx, y: cy + 4, size: 22, anchor: .middle, bold: true, fill: Theme.ink)
        }
        let caption = TextMetrics.fit(chart.centerLabel, maxWidth: inner * 1.6, size: Theme.labelSize)
        ctx.lines(caption, x: cx, y: cy + 21, lineHeight: 0, anchor: .middle)
        if !listed.isEmpty {
            let text = TextMetrics.fit(listed.map(label).joined(separator: " \u{00B7} "), maxWidth: content.width, size: Theme.labelSize)
            ctx.lines(text, x: cx, y: content.maxY - 6, lineHeight: 0, anchor: .middle)
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
