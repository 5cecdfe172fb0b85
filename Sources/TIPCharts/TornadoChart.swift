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

/// A tornado chart laid out for a width. Each bar's label sits outside its end, on its side of
/// the base; when both settings move the output the same way, the row's two bars share the band,
/// one above the other, so each label stays beside its own bar. A setting that leaves the output
/// at the base is labelled on the side away from the other bar.
struct TornadoPlan: ChartPlan {
    let chart: TornadoChart
    let factors: [TornadoChart.Factor]
    let xTitle: Bool
    let yTitle: Bool
    let axis: ValueAxis
    let categoryAxis: CategoryAxis
    let left: Double
    let gutter: Double
    /// The end labels, per factor: low, then high.
    let endLabels: [[FittedText]]

    static let lowColor = Palette.color(0)
    static let highColor = Palette.color(1)

    init(_ chart: TornadoChart, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        factors = chart.sortedFactors
        categoryAxis = CategoryAxis(left: chart.sortedFactors.map(\.name), maxWidth: width * 0.25)
        left = categoryAxis.width + 12
        // End labels sit outside the bars: room for the widest on either side, within a quarter
        // of the width; longer ones wrap (the output, a number, is never broken).
        let ends = chart.sortedFactors.map { [($0.low, $0.outputAtLow), ($0.high, $0.outputAtHigh)] }
        let widest = ends.joined().map { TextMetrics.width(TornadoPlan.endLabel($0.0, $0.1, chart.format), size: Theme.labelSize) }.max() ?? 0
        let gutter = Swift.min(widest + 10, width * 0.25)
        self.gutter = gutter
        endLabels = ends.map { $0.map { TextMetrics.fit(name: $0.0, value: chart.format.string($0.1), maxWidth: gutter - 8,
                                                        size: Theme.labelSize, maxLines: 3) } }
        let values = ([chart.base] + chart.sortedFactors.flatMap { [$0.outputAtLow, $0.outputAtHigh] }).filter(\.isFinite)
        axis = ValueAxis.horizontal(values.min() ?? 0, values.max() ?? 1, length: Swift.max(width - left - 2 * gutter, 40), integer: false,
                                    scale: .linear, format: chart.format)
    }

    static func endLabel(_ setting: String, _ output: Double, _ format: NumberFormat) -> String {
        SVGText.clean(setting) + ": " + format.string(output)
    }

    var legend: [LegendEntry] {
        [LegendEntry(symbol: .swatch(color: TornadoPlan.lowColor, texture: nil), label: chart.lowLabel),
         LegendEntry(symbol: .swatch(color: TornadoPlan.highColor, texture: nil), label: chart.highLabel)]
    }

    var notes: [String] { [] }

    /// Whether both of a factor's outputs lie on the same side of the base (and off it).
    private func sameSide(_ f: TornadoChart.Factor) -> Bool {
        let a = f.outputAtLow - chart.base, b = f.outputAtHigh - chart.base
        return a * b > 0
    }

    private var rowHeight: Double {
        let endLines = Double(endLabels.joined().map(\.lines.count).max() ?? 1)
        let stacked = factors.contains(where: sameSide)
        return [34, Double(categoryAxis.maxLines) * Theme.labelLine + 16, (stacked ? 2 : 1) * endLines * Theme.labelLine / 0.7 + 4].max() ?? 34
    }

    var minimumHeight: Double {
        CartesianFrame.height(plot: Double(factors.count) * rowHeight + 8, top: 22, bottomAxis: ValueAxis.bottomHeight,
                              xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left + gutter, right: gutter, top: 22, bottomAxis: ValueAxis.bottomHeight,
                                   xTitle: xTitle, yTitle: yTitle)
        frame.drawTitles(&ctx)
        let plot = frame.plot
        let x = axis.scale((plot.minX, plot.maxX))
        let band = BandScale(count: factors.count, range: (plot.minY, plot.maxY), paddingInner: 0.3, paddingOuter: 0.15)
        axis.drawBottom(&ctx, plot: plot, scale: x, within: content)
        // Factor names sit left of the left gutter, beside the plot's labels.
        categoryAxis.drawLeft(&ctx, plot: plot.inset(left: -gutter), band: band)
        let bx = x(chart.base)
        for (i, f) in factors.enumerated() {
            let split = sameSide(f)
            let top = band.start(i), h = band.bandwidth
            let ends = [(f.outputAtLow, TornadoPlan.lowColor, endLabels[i][0]), (f.outputAtHigh, TornadoPlan.highColor, endLabels[i][1])]
            for (k, (output, color, label)) in ends.enumerated() where output.isFinite {
                let other = ends[1 - k].0
                let barTop = split ? top + Double(k) * h / 2 : top, barHeight = split ? h / 2 : h
                let ex = x(output)
                ctx.rect(Rect(x: Swift.min(bx, ex), y: barTop, width: abs(ex - bx), height: barHeight), fill: color, mark: true)
                // A bar of no length is labelled away from the other bar.
                let right = output == chart.base ? !(other > chart.base) : output > chart.base
                let mid = barTop + barHeight / 2
                let first = Theme.centredBaseline(mid, size: Theme.labelSize) - Double(label.lines.count - 1) * Theme.labelLine / 2
                ctx.lines(label, x: right ? Swift.max(ex, bx) + 6 : Swift.min(ex, bx) - 6, y: first, lineHeight: Theme.labelLine,
                          anchor: right ? .start : .end, fill: Theme.ink)
            }
        }
        ctx.line(x1: bx, y1: plot.minY - 6, x2: bx, y2: plot.maxY, stroke: Theme.ink, width: 1.5, mark: true)
        let label = TextMetrics.fit(chart.baseLabel + ": " + chart.format.string(chart.base), maxWidth: content.width / 2,
                                    size: Theme.labelSize, bold: true)
        let lx = Swift.min(Swift.max(bx, content.minX + label.width / 2), content.maxX - label.width / 2)
        ctx.lines(label, x: lx, y: plot.minY - 11, lineHeight: 0, anchor: .middle, fill: Theme.ink)
    }
}
