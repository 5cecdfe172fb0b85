/// A one-at-a-time sensitivity chart: for each factor, the model's output with that factor at
/// its low and at its high value (the others at base), as bars from the base value. Rows are
/// sorted by swing (|high - low|), largest on top, so the factors that matter most stand out.
///
/// Bars are coloured by setting (low value, high value) and each bar end is labelled with the
/// setting and the output, so colour is never the only cue. A vertical line marks the base value,
/// labelled.
///
/// ```swift
/// let tornado = TornadoChart(base: 82_992, baseLabel: "Report's estimate", factors: [
///     .init("Buyers per child per day", low: "0.5", high: "3", outputAtLow: 41_496, outputAtHigh: 248_976),
///     .init("Days exploited", low: "90", high: "365", outputAtLow: 41_040, outputAtHigh: 166_440),
/// ])
/// ```
public struct TornadoChart: Sendable, Hashable {
    /// One factor: its settings and the output at each.
    public struct Factor: Sendable, Hashable {
        public var name: String
        /// The factor's low value, as text ("90 days").
        public var low: String
        /// The factor's high value, as text ("365 days").
        public var high: String
        public var outputAtLow: Double
        public var outputAtHigh: Double

        public init(_ name: String, low: String, high: String, outputAtLow: Double, outputAtHigh: Double) {
            self.name = name
            self.low = low
            self.high = high
            self.outputAtLow = outputAtLow
            self.outputAtHigh = outputAtHigh
        }

        /// |output at high - output at low|; 0 when either is not finite.
        public var swing: Double {
            let s = abs(outputAtHigh - outputAtLow)
            return s.isFinite ? s : 0
        }
    }

    public var base: Double
    public var baseLabel: String
    public var factors: [Factor]
    public var format: NumberFormat
    /// The legend's words for the two settings.
    public var lowLabel: String
    public var highLabel: String

    public init(base: Double, baseLabel: String = "Base", factors: [Factor], format: NumberFormat = .integer,
                lowLabel: String = "Factor at its low value", highLabel: String = "Factor at its high value") {
        self.base = base
        self.baseLabel = baseLabel
        self.factors = factors
        self.format = format
        self.lowLabel = lowLabel
        self.highLabel = highLabel
    }

    /// The factors by swing, largest first; equal swings keep their given order.
    public var sortedFactors: [Factor] {
        factors.enumerated().sorted { $0.element.swing != $1.element.swing ? $0.element.swing > $1.element.swing : $0.offset < $1.offset }
            .map(\.element)
    }

    /// "Tornado chart around Report's estimate 82,992. Days exploited: 90 gives 41,040, 365 gives 166,440; ..."
    public var dataDescription: String {
        let rows = sortedFactors.map { f in
            "\(SVGText.clean(f.name)): \(SVGText.clean(f.low)) gives \(format.string(f.outputAtLow)), "
                + "\(SVGText.clean(f.high)) gives \(format.string(f.outputAtHigh))"
        }
        return "Tornado chart around \(SVGText.clean(baseLabel)) \(format.string(base)). " + rows.joined(separator: "; ") + "."
    }
}

/// A tornado chart laid out for a width.
struct TornadoPlan: ChartPlan {
    let chart: TornadoChart
    let factors: [TornadoChart.Factor]
    let xTitle: Bool
    let yTitle: Bool
    let axis: ValueAxis
    let categoryAxis: CategoryAxis
    let left: Double
    let gutter: Double

    static let lowColor = Palette.color(0)
    static let highColor = Palette.color(1)

    init(_ chart: TornadoChart, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        factors = chart.sortedFactors
        let values = ([chart.base] + factors.flatMap { [$0.outputAtLow, $0.outputAtHigh] }).filter(\.isFinite)
        axis = ValueAxis(NiceTicks(covering: values.min() ?? 0, values.max() ?? 1, count: Swift.max(Int(width / 130), 3)),
                         format: chart.format)
        categoryAxis = CategoryAxis(left: factors.map(\.name), maxWidth: width * 0.25)
        left = categoryAxis.width + 12
        // End labels sit outside the bars: room for the widest on either side, within reason.
        gutter = Swift.min((factors.flatMap { [TornadoPlan.endLabel($0.low, $0.outputAtLow, chart.format),
                                               TornadoPlan.endLabel($0.high, $0.outputAtHigh, chart.format)] }
            .map { TextMetrics.width($0, size: Theme.labelSize) }.max() ?? 0) + 10, width * 0.2)
    }

    static func endLabel(_ setting: String, _ output: Double, _ format: NumberFormat) -> String {
        SVGText.clean(setting) + ": " + format.string(output)
    }

    var legend: [LegendEntry] {
        [LegendEntry(symbol: .colorSwatch(TornadoPlan.lowColor), label: chart.lowLabel),
         LegendEntry(symbol: .colorSwatch(TornadoPlan.highColor), label: chart.highLabel)]
    }

    var notes: [String] { [] }

    var minimumHeight: Double {
        let perRow = Swift.max(34, Double(categoryAxis.maxLines) * Theme.labelLine + 16)
        return CartesianFrame.height(plot: Double(factors.count) * perRow + 8, top: 22, bottomAxis: ValueAxis.bottomHeight,
                                     xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left + gutter, right: gutter, top: 22, bottomAxis: ValueAxis.bottomHeight,
                                   xTitle: xTitle, yTitle: yTitle)
        let plot = frame.plot
        let x = LinearScale(ticks: axis.ticks, range: (plot.minX, plot.maxX))
        let band = BandScale(count: factors.count, range: (plot.minY, plot.maxY), paddingInner: 0.3, paddingOuter: 0.15)
        axis.drawBottom(&ctx, plot: plot, scale: x)
        let bx = x(chart.base)
        for (i, f) in factors.enumerated() {
            let top = band.start(i), h = band.bandwidth
            // The bar nearer the base is drawn last, so both stay visible when on the same side.
            let ends = [(f.outputAtLow, f.low, TornadoPlan.lowColor), (f.outputAtHigh, f.high, TornadoPlan.highColor)]
                .sorted { abs($0.0 - chart.base) > abs($1.0 - chart.base) }
            for (output, setting, color) in ends where output.isFinite {
                let ex = x(output)
                ctx.rect(Rect(x: Swift.min(bx, ex), y: top, width: abs(ex - bx), height: h), fill: color, mark: true)
                let right = output >= chart.base
                let text = TextMetrics.fit(TornadoPlan.endLabel(setting, output, chart.format), maxWidth: gutter - 8, size: Theme.labelSize)
                ctx.lines(text, x: right ? ex + 6 : ex - 6, y: Theme.centredBaseline(top + h / 2, size: Theme.labelSize), lineHeight: 0,
                          anchor: right ? .start : .end, fill: Theme.ink, halo: true)
            }
        }
        ctx.line(x1: bx, y1: plot.minY - 6, x2: bx, y2: plot.maxY, stroke: Theme.ink, width: 1.5, mark: true)
        let label = TextMetrics.fit(chart.baseLabel + ": " + chart.format.string(chart.base), maxWidth: content.width / 2,
                                    size: Theme.labelSize, bold: true)
        ctx.lines(label, x: bx, y: plot.minY - 11, lineHeight: 0, anchor: .middle, fill: Theme.ink)
        // Factor names sit left of the left gutter, beside the plot's labels.
        let namesPlot = plot.inset(left: -gutter)
        categoryAxis.drawLeft(&ctx, plot: namesPlot, band: band)
        frame.drawTitles(&ctx)
    }
}
