/// Points with interval whiskers, one row per category: rates or counts with their exact
/// confidence intervals, optionally against a reference value.
///
/// An estimate row (an annualised partial year) gets a hollow point and a dashed whisker; a
/// missing row says "no data"; a suppressed one shows a hatched "<5" placeholder. Each row is
/// labelled with its value and interval ("54.7 (39.2–74.2)"), beside its whisker and clear of
/// the reference lines (several may be given; their labels stack above the plot).
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
    /// Vertical reference lines, each labelled above the plot.
    public var references: [ReferenceLine]
    public var format: NumberFormat
    /// Whether the value axis starts at zero (default true). Ignored on a log scale.
    public var includesZero: Bool
    /// The legend's words for the point and the whisker.
    public var pointLabel: String
    public var intervalLabel: String
    /// Linear (default) or logarithmic value axis.
    public var scale: ValueScale

    /// `reference` and `references` together give the reference lines.
    public init(rows: [Row], reference: ReferenceLine? = nil, references: [ReferenceLine] = [], format: NumberFormat = .decimal(1),
                includesZero: Bool = true, pointLabel: String = "Estimate", intervalLabel: String = "95% interval",
                scale: ValueScale = .linear) {
        self.rows = rows
        self.references = ((reference.map { [$0] } ?? []) + references).filter { $0.value.isFinite }
        self.format = format
        self.includesZero = includesZero
        self.pointLabel = pointLabel
        self.intervalLabel = intervalLabel
        self.scale = scale
    }

    /// "Dot plot with intervals. 2014 35 (24.4 to 48.7), ... Reference line: 2015 level 29."
    public var dataDescription: String {
        var parts = rows.map { r -> String in
            var s = SVGText.clean(r.label) + " " + r.value.spoken(format)
            if r.value.value != nil, let lo = r.lower, let hi = r.upper { s += " (\(format.string(lo)) to \(format.string(hi)))" }
            return s
        }.joined(separator: ", ")
        let kind = scale == .log ? "Dot plot with intervals on a logarithmic scale" : "Dot plot with intervals"
        parts = "\(kind) (\(SVGText.clean(intervalLabel))). " + parts + "."
        return ([parts] + ReferenceLine.describe(references, format)).joined(separator: " ")
    }

    /// "54.7 (39.2–74.2)".
    func rowLabel(_ r: Row) -> String {
        var s = r.value.label(format)
        if r.value.value != nil, let lo = r.lower, let hi = r.upper { s += " (\(format.string(lo))\u{2013}\(format.string(hi)))" }
        return s
    }

    /// The note naming rows a log scale cannot draw.
    var notDrawnOnLog: [String] {
        guard scale == .log else { return [] }
        let left = rows.filter { ($0.value.value ?? 1) <= 0 }.map { SVGText.clean($0.label) }
        return left.isEmpty ? [] : ["Zero and negative values cannot be drawn on a logarithmic scale and are left out: "
                                    + left.joined(separator: ", ") + "."]
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
    let markers: MarkerLabels

    init(_ chart: DotPlot, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        var values = chart.rows.flatMap { [$0.value.extent, $0.lower, $0.upper].compactMap { $0 } } + chart.references.map(\.value)
        if chart.scale == .log { values = values.filter { $0 > 0 } }
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if chart.includesZero && chart.scale == .linear { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
        categoryAxis = CategoryAxis(left: chart.rows.map(\.label), maxWidth: width * 0.3)
        left = categoryAxis.width + 12
        let labels = chart.rows.map { TextMetrics.width(chart.rowLabel($0), size: Theme.labelSize) }.max() ?? 0
        let gutter = Swift.min(labels + 12, width * 0.3)
        axis = ValueAxis.horizontal(lo, hi, length: Swift.max(width - left - gutter, 40), integer: false, scale: chart.scale,
                                    format: chart.format)
        right = Swift.max(gutter, axis.overhang)
        let x = axis.scale((left, width - right))
        markers = MarkerLabels(chart.references.filter { x.canDraw($0.value) }.map {
            (x($0.value), TextMetrics.fit(name: $0.label, value: chart.format.string($0.value), maxWidth: width / 2, size: Theme.labelSize,
                                          maxLines: 1))
        }, low: 0, high: width)
    }

    var legend: [LegendEntry] {
        let data = chart.rows.map(\.value)
        let drawn = data.contains { $0.value != nil }
        let point = drawn ? [LegendEntry(symbol: .interval(color: Palette.color(0)), label: chart.pointLabel + " and " + chart.intervalLabel)] : []
        return point + Guides.estimateKey(data, .line(series: 0, dashed: true, hollow: true)) + Guides.suppressionKey(data)
    }

    var notes: [String] { Guides.suppressionNote(chart.rows.map(\.value)) + axis.notes(bars: false) + chart.notDrawnOnLog }

    private var top: Double { Swift.max(markers.height, 6) }

    var minimumHeight: Double {
        let perRow = Swift.max(30, Double(categoryAxis.maxLines) * Theme.labelLine + 14)
        return CartesianFrame.height(plot: Double(chart.rows.count) * perRow + 10, top: top, bottomAxis: ValueAxis.bottomHeight,
                                     xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left, right: right, top: top, bottomAxis: ValueAxis.bottomHeight,
                                   xTitle: xTitle, yTitle: yTitle)
        frame.drawTitles(&ctx)
        let plot = frame.plot
        let x = axis.scale((plot.minX, plot.maxX))
        let band = BandScale(count: chart.rows.count, range: (plot.minY, plot.maxY), paddingInner: 0.2, paddingOuter: 0.1)
        axis.drawBottom(&ctx, plot: plot, scale: x, within: content)
        if !axis.isLog { axis.drawZero(&ctx, plot: plot, scale: x, vertical: false) }
        categoryAxis.drawLeft(&ctx, plot: plot, band: band)
        for m in markers.items {
            let rx = content.minX + m.x
            ctx.line(x1: rx, y1: markers.lineTop(m, plotTop: plot.minY), x2: rx, y2: plot.maxY, stroke: Theme.body, width: 1.25,
                     dash: ReferenceLine.dash, mark: true)
            ctx.lines(m.text, x: content.minX + m.start, y: markers.baseline(m.row, plotTop: plot.minY), lineHeight: 0)
        }
        let color = Palette.color(0)
        var labels: [(text: String, spots: [LabelSpot], fill: String)] = []
        for (i, r) in chart.rows.enumerated() {
            let cy = band.center(i), mid = Theme.centredBaseline(cy, size: Theme.labelSize)
            ctx.line(x1: plot.minX, y1: cy, x2: plot.maxX, y2: cy, stroke: Theme.band)
            var right = plot.minX + 6, leftEnd: Double?
            switch r.value.status {
            case .missing:
                break
            case let .suppressed(t):
                let base = x(x.baseline)
                let mark = Rect(x: base, y: cy - 6, width: Swift.max(x(Double(t)) - base, 3), height: 12)
                ctx.placeholder(mark)
                right = mark.maxX + 6
            case .observed, .estimate:
                guard let v = r.value.value, x.canDraw(v) else { break }
                if let lo = r.lower, let hi = r.upper, x.canDraw(lo), x.canDraw(hi) {
                    let dash = r.value.isEstimate ? "5 3" : nil
                    ctx.line(x1: x(lo), y1: cy, x2: x(hi), y2: cy, stroke: color, width: 2, dash: dash, mark: true)
                    ctx.line(x1: x(lo), y1: cy - 6, x2: x(lo), y2: cy + 6, stroke: color, width: 2, mark: true)
                    ctx.line(x1: x(hi), y1: cy - 6, x2: x(hi), y2: cy + 6, stroke: color, width: 2, mark: true)
                    leftEnd = x(lo) - 8
                }
                ctx.marker(.circle, x: x(v), y: cy, color: color, hollow: r.value.isEstimate, radius: 5.5)
                right = Swift.max(r.upper.map { x.canDraw($0) ? x($0) : x(v) } ?? x(v), x(v) + 5.5) + 8
                leftEnd = Swift.min(leftEnd ?? x(v) - 13.5, x(v) - 13.5)
            }
            // Right of the whisker; else just past each reference line it would cross; else left of it.
            var spots = [LabelSpot(x: right, y: mid, anchor: .start)]
            spots += markers.items.map { content.minX + $0.x + 5 }.filter { $0 > right }.sorted().map { LabelSpot(x: $0, y: mid, anchor: .start) }
            if let leftEnd { spots.append(LabelSpot(x: leftEnd, y: mid, anchor: .end)) }
            labels.append((chart.rowLabel(r), spots, r.value.value == nil ? Theme.muted : Theme.ink))
        }
        let bounds = Rect(x: plot.minX, y: plot.minY, width: content.maxX - plot.minX, height: plot.height)
        for l in labels where !ctx.placeLabel(l.text, at: l.spots, within: bounds, fill: l.fill) {
            // No spot clear of the lines: the value alone, which is shorter.
            let short = l.text.split(separator: " (").first.map(String.init) ?? l.text
            ctx.placeLabel(short, at: l.spots, within: bounds, fill: l.fill)
        }
    }
}
