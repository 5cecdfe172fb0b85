/// Points with interval whiskers, one row per category: rates or counts with their exact
/// confidence intervals, optionally against a reference value.
///
/// An estimate row (an annualised partial year) gets a hollow point and a dashed whisker; a
/// missing row says "no data"; a suppressed one shows a hatched "<5" placeholder. Each row is
/// labelled with its value and interval ("54.7 (39.2–74.2)").
///
/// ```swift
/// let dots = DotPlot(rows: [
///     DotPlot.Row("2014", value: 35, lower: 24.38, upper: 48.68),
///     DotPlot.Row("2015", value: 29, lower: 19.42, upper: 41.65),
///     DotPlot.Row("Jan–Sep 2016, annualised", value: .estimate(54.67), lower: 39.23, upper: 74.16),
/// ], reference: ReferenceLine(29, label: "2015 level"), format: .decimal(1))
/// ```
public struct DotPlot: Sendable, Hashable {
    /// One category: its value and interval.
    public struct Row: Sendable, Hashable {
        public var label: String
        public var value: Datum
        public var lower: Double?
        public var upper: Double?

        public init(_ label: String, value: Datum, lower: Double? = nil, upper: Double? = nil) {
            self.label = label
            self.value = value
            self.lower = lower.flatMap { $0.isFinite ? $0 : nil }
            self.upper = upper.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    public var rows: [Row]
    public var reference: ReferenceLine?
    public var format: NumberFormat
    /// Whether the value axis starts at zero (default true).
    public var includesZero: Bool
    /// The legend's words for the point and the whisker.
    public var pointLabel: String
    public var intervalLabel: String

    public init(rows: [Row], reference: ReferenceLine? = nil, format: NumberFormat = .decimal(1), includesZero: Bool = true,
                pointLabel: String = "Estimate", intervalLabel: String = "95% interval") {
        self.rows = rows
        self.reference = reference
        self.format = format
        self.includesZero = includesZero
        self.pointLabel = pointLabel
        self.intervalLabel = intervalLabel
    }

    /// "Dot plot with intervals. 2014 35 (24.4 to 48.7), ... Reference: 2015 level 29."
    public var dataDescription: String {
        var parts = rows.map { r -> String in
            var s = SVGText.clean(r.label) + " " + r.value.spoken(format)
            if r.value.value != nil, let lo = r.lower, let hi = r.upper { s += " (\(format.string(lo)) to \(format.string(hi)))" }
            return s
        }.joined(separator: ", ")
        parts = "Dot plot with intervals (\(SVGText.clean(intervalLabel))). " + parts + "."
        if let reference { parts += " Reference: " + SVGText.clean(reference.label) + " " + format.string(reference.value) + "." }
        return parts
    }

    /// "54.7 (39.2–74.2)".
    func rowLabel(_ r: Row) -> String {
        var s = r.value.label(format)
        if r.value.value != nil, let lo = r.lower, let hi = r.upper { s += " (\(format.string(lo))\u{2013}\(format.string(hi)))" }
        return s
    }
}

/// A dot plot laid out for a width.
struct DotPlan: ChartPlan {
    let chart: DotPlot
    let xTitle: Bool
    let yTitle: Bool
    let axis: ValueAxis
    let categoryAxis: CategoryAxis
    let left: Double
    let right: Double

    init(_ chart: DotPlot, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        var values = chart.rows.flatMap { [$0.value.extent, $0.lower, $0.upper].compactMap { $0 } }
        if let r = chart.reference, r.value.isFinite { values.append(r.value) }
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if chart.includesZero { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
        axis = ValueAxis(NiceTicks(covering: lo, hi, count: Swift.max(Int(width / 120), 3)), format: chart.format)
        categoryAxis = CategoryAxis(left: chart.rows.map(\.label), maxWidth: width * 0.3)
        left = categoryAxis.width + 12
        right = Swift.max(Swift.min((chart.rows.map { TextMetrics.width(chart.rowLabel($0), size: Theme.labelSize) }.max() ?? 0) + 12,
                                    width * 0.3), axis.overhang)
    }

    var legend: [LegendEntry] {
        let data = chart.rows.map(\.value)
        return [LegendEntry(symbol: .interval(series: 0), label: chart.pointLabel + " and " + chart.intervalLabel)]
            + Guides.estimateKey(data, .line(series: 0, dashed: true, hollow: true)) + Guides.suppressionKey(data)
    }

    var notes: [String] { Guides.suppressionNote(chart.rows.map(\.value)) }

    private var top: Double { chart.reference == nil ? 6 : 22 }

    var minimumHeight: Double {
        let perRow = Swift.max(30, Double(categoryAxis.maxLines) * Theme.labelLine + 14)
        return CartesianFrame.height(plot: Double(chart.rows.count) * perRow + 10, top: top, bottomAxis: ValueAxis.bottomHeight,
                                     xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left, right: right, top: top, bottomAxis: ValueAxis.bottomHeight,
                                   xTitle: xTitle, yTitle: yTitle)
        let plot = frame.plot
        let x = LinearScale(ticks: axis.ticks, range: (plot.minX, plot.maxX))
        let band = BandScale(count: chart.rows.count, range: (plot.minY, plot.maxY), paddingInner: 0.2, paddingOuter: 0.1)
        axis.drawBottom(&ctx, plot: plot, scale: x)
        axis.drawZero(&ctx, plot: plot, scale: x, vertical: false)
        if let r = chart.reference, r.value.isFinite {
            let rx = x(r.value)
            ctx.line(x1: rx, y1: plot.minY - 4, x2: rx, y2: plot.maxY, stroke: Theme.body, width: 1.25, dash: "4 3", mark: true)
            let text = TextMetrics.fit(r.label + ": " + chart.format.string(r.value), maxWidth: content.width / 2, size: Theme.labelSize)
            let anchor: TextAnchor = rx + text.width / 2 > content.maxX ? .end : (rx - text.width / 2 < content.minX ? .start : .middle)
            ctx.lines(text, x: rx, y: plot.minY - 9, lineHeight: 0, anchor: anchor)
        }
        let color = Palette.color(0)
        for (i, r) in chart.rows.enumerated() {
            let cy = band.center(i)
            ctx.line(x1: plot.minX, y1: cy, x2: plot.maxX, y2: cy, stroke: Theme.band)
            var labelX = plot.minX + 6
            switch r.value.status {
            case .missing:
                break
            case let .suppressed(t):
                let r = Rect(x: x(0), y: cy - 6, width: x(Double(t)) - x(0), height: 12)
                ctx.placeholder(r)
                labelX = r.maxX + 6
            case .observed, .estimate:
                let v = r.value.value ?? 0
                if let lo = r.lower, let hi = r.upper {
                    let dash = r.value.isEstimate ? "5 3" : nil
                    ctx.line(x1: x(lo), y1: cy, x2: x(hi), y2: cy, stroke: color, width: 2, dash: dash, mark: true)
                    ctx.line(x1: x(lo), y1: cy - 6, x2: x(lo), y2: cy + 6, stroke: color, width: 2, mark: true)
                    ctx.line(x1: x(hi), y1: cy - 6, x2: x(hi), y2: cy + 6, stroke: color, width: 2, mark: true)
                }
                ctx.marker(.circle, x: x(v), y: cy, color: color, hollow: r.value.isEstimate, radius: 5.5)
                labelX = Swift.max(x(r.upper ?? v), x(v) + 5.5) + 8
            }
            let text = TextMetrics.fit(chart.rowLabel(r), maxWidth: content.maxX - labelX, size: Theme.labelSize)
            ctx.lines(text, x: labelX, y: Theme.centredBaseline(cy, size: Theme.labelSize), lineHeight: 0,
                      fill: r.value.value == nil ? Theme.muted : Theme.ink)
        }
        categoryAxis.drawLeft(&ctx, plot: plot, band: band)
        frame.drawTitles(&ctx)
    }
}
