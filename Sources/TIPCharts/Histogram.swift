/// The distribution of Monte Carlo draws: counts in bins of a round width, with the central
/// interval (2.5% to 97.5% for the default level 0.95) shaded and labelled, the median marked,
/// and optionally reference values such as the report's point estimate. Every marker is labelled
/// above the plot, its line starting below its label (``MarkerLabels``).
///
/// Binning is done here and is deterministic: the bin width is the 1-2-5 number nearest to
/// range / `binCount`, bins start at a multiple of it, each bin holds values in [lower, upper)
/// (the last also its upper edge). Percentiles are R's type 7. Non-finite draws are left out.
///
/// ```swift
/// let h = Histogram(values: draws, reference: ReferenceLine(82_992, label: "Report's estimate"))
/// h.bins.count
/// h.median
/// ```
public struct Histogram: Sendable, Hashable {
    /// One bin: its edges and how many values fell in it.
    public struct Bin: Sendable, Hashable {
        public let lower: Double
        public let upper: Double
        public let count: Int
    }

    public var values: [Double]
    /// About how many bins to use.
    public var binCount: Int
    /// The central interval's coverage (0.95: the 2.5% and 97.5% percentiles).
    public var level: Double
    /// Labelled vertical lines at given values.
    public var references: [ReferenceLine]
    public var format: NumberFormat
    /// What the values are, in the plural, for the note and the text alternative: "draws" (of a
    /// Monte Carlo, the default) or "values" for data.
    public var noun: String
    /// Whether the values are Monte Carlo draws, which the note says.
    public var isMonteCarlo: Bool
    /// Values above this are not drawn, so a long tail does not squeeze the bulk of the
    /// distribution into a few bins; they still count in the median and the interval, and a
    /// note says how many there are. Nil: every value is drawn.
    public var cutoff: Double?

    /// `reference` and `references` together give the reference lines.
    public init(values: [Double], binCount: Int = 30, level: Double = 0.95, reference: ReferenceLine? = nil,
                references: [ReferenceLine] = [], format: NumberFormat = .integer, noun: String = "draws", isMonteCarlo: Bool = true,
                cutoff: Double? = nil) {
        self.values = values
        self.binCount = Swift.min(Swift.max(binCount, 1), 400)
        self.level = level.isFinite ? Swift.min(Swift.max(level, 0), 1) : 0.95
        self.references = ((reference.map { [$0] } ?? []) + references).filter { $0.value.isFinite }
        self.format = format
        self.noun = noun
        self.isMonteCarlo = isMonteCarlo
        self.cutoff = cutoff.flatMap { $0.isFinite ? $0 : nil }
    }

    private var sorted: [Double] { values.filter(\.isFinite).sorted() }

    /// How many finite values lie above the cutoff (not drawn).
    public var aboveCutoff: Int {
        guard let cutoff else { return 0 }
        return values.count { $0.isFinite && $0 > cutoff }
    }

    /// The bins, from the lowest value's to the highest drawn; empty without finite values.
    public var bins: [Bin] {
        let limit = cutoff ?? .infinity
        let v = sorted.filter { $0 <= limit }
        guard let lo = v.first, let hi = v.last else { return [] }
        let (multiple, power) = NiceTicks.niceStep((hi - lo) / Double(binCount))
        let width = NiceTicks.value(Int64(multiple), power: power)
        let first = (lo / width).rounded(.down)
        let n = Swift.max(Int(((hi / width).rounded(.down) - first)) + 1, 1)
        guard first.magnitude < 1e15, n <= 100_000 else {
            return [Bin(lower: lo, upper: hi, count: v.count)]
        }
        var counts = Array(repeating: 0, count: n)
        for x in v {
            counts[Swift.min(Swift.max(Int((x / width).rounded(.down) - first), 0), n - 1)] += 1
        }
        return counts.indices.map { i in
            Bin(lower: NiceTicks.value((Int64(first) + Int64(i)) * Int64(multiple), power: power),
                upper: NiceTicks.value((Int64(first) + Int64(i) + 1) * Int64(multiple), power: power), count: counts[i])
        }
    }

    /// The type-7 percentile p (0...1) of the finite values; nil without any.
    public func quantile(_ p: Double) -> Double? {
        let v = sorted
        guard !v.isEmpty else { return nil }
        let h = Double(v.count - 1) * Swift.min(Swift.max(p, 0), 1)
        let i = Int(h.rounded(.down))
        return i + 1 < v.count ? v[i] + (h - Double(i)) * (v[i + 1] - v[i]) : v[i]
    }

    public var median: Double? { quantile(0.5) }
    /// The central interval at `level`.
    public var interval: (lower: Double, upper: Double)? {
        guard let lo = quantile((1 - level) / 2), let hi = quantile((1 + level) / 2) else { return nil }
        return (lo, hi)
    }

    /// "2.5%" for the level's lower percentile; "97.5%" for the upper.
    func percentileName(upper: Bool) -> String {
        NumberFormat.percent(decimals: 2).string((upper ? (1 + level) / 2 : (1 - level) / 2) * 100)
    }

    /// "Histogram of 2,000 draws. Median 85,000; 2.5% 41,000; 97.5% 190,000. Report's estimate 82,992."
    public var dataDescription: String {
        let n = sorted.count
        guard let median, let interval else { return "Histogram with no data." }
        var s = "Histogram of \(NumberFormat.integer.string(Double(n))) \(SVGText.clean(noun)). Median \(format.string(median)); "
            + "\(percentileName(upper: false)) \(format.string(interval.lower)); \(percentileName(upper: true)) \(format.string(interval.upper))."
        for r in references { s += " \(SVGText.clean(r.label)) \(format.string(r.value))." }
        let bins = self.bins
        if let cutoff, aboveCutoff > 0 {
            s += " Not drawn: \(NumberFormat.integer.string(Double(aboveCutoff))) \(SVGText.clean(noun)) above \(format.string(cutoff))."
        }
        s += " Bins: " + bins.map { "\(format.string($0.lower)) to \(format.string($0.upper)) \($0.count)" }.joined(separator: ", ") + "."
        return s
    }
}

/// A histogram laid out for a width.
struct HistogramPlan: ChartPlan {
    /// A labelled vertical line over the bars.
    private struct Marker {
        var value: Double
        var dash: String?
        var color: String
        var width: Double
    }

    let chart: Histogram
    let bins: [Histogram.Bin]
    let xTitle: Bool
    let yTitle: Bool
    let xAxis: ValueAxis
    let yAxis: ValueAxis
    let left: Double
    private let markers: [Marker]
    private let labels: MarkerLabels

    init(_ chart: Histogram, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        bins = chart.bins
        let xs = [bins.first?.lower, bins.last?.upper].compactMap { $0 } + chart.references.map(\.value)
        yAxis = ValueAxis(NiceTicks(covering: 0, Double(bins.map(\.count).max() ?? 0), count: 5, integer: true), format: .integer)
        left = yAxis.labelWidth + 10
        let provisional = ValueAxis(NiceTicks(covering: xs.min() ?? 0, xs.max() ?? 1, count: 3), format: chart.format)
        xAxis = ValueAxis.horizontal(xs.min() ?? 0, xs.max() ?? 1, length: width - left - provisional.overhang, integer: false,
                                     scale: .linear, format: chart.format)
        var markers: [Marker] = []
        var texts: [FittedText] = []
        func add(_ value: Double?, _ label: String, dash: String?, color: String, stroke: Double, bold: Bool = false) {
            guard let value, value.isFinite else { return }
            texts.append(TextMetrics.fit(name: label, value: chart.format.string(value), maxWidth: width / 2, size: Theme.labelSize,
                                         bold: bold, maxLines: 1))
            markers.append(Marker(value: value, dash: dash, color: color, width: stroke))
        }
        add(chart.interval?.lower, chart.percentileName(upper: false), dash: "4 3", color: Theme.body, stroke: 1.25)
        add(chart.median, "Median", dash: nil, color: Theme.ink, stroke: 2, bold: true)
        add(chart.interval?.upper, chart.percentileName(upper: true), dash: "4 3", color: Theme.body, stroke: 1.25)
        for r in chart.references { add(r.value, SVGText.clean(r.label), dash: ReferenceLine.dash, color: Palette.color(3), stroke: 2) }
        let x = xAxis.scale((left, width - xAxis.overhang))
        labels = MarkerLabels(zip(markers, texts).map { (x($0.value), $1) }, low: 0, high: width)
        self.markers = markers
    }

    var legend: [LegendEntry] { [] }

    var notes: [String] {
        guard let first = bins.first else { return [] }
        let n = NumberFormat.integer.string(Double(chart.values.filter(\.isFinite).count))
        let width = chart.format.with(decimals: Swift.max(chart.format.decimals, NiceTicks(covering: 0, first.upper - first.lower, count: 1).decimals))
            .string(first.upper - first.lower)
        let level = NumberFormat.percent(decimals: 1).string(chart.level * 100)
        let noun = SVGText.clean(chart.noun)
        var notes = ["\(n) \(chart.isMonteCarlo ? "Monte Carlo " : "")\(noun) in bins \(width) wide; the shaded band holds the central \(level) of the \(noun) "
                     + "(\(chart.percentileName(upper: false)) to \(chart.percentileName(upper: true)) percentiles)."]
        if let cutoff = chart.cutoff, chart.aboveCutoff > 0 {
            let share = Double(chart.aboveCutoff) / Double(Swift.max(chart.values.count { $0.isFinite }, 1)) * 100
            notes.append(noun.prefix(1).uppercased() + noun.dropFirst() + " above \(chart.format.string(cutoff)) ("
                         + "\(NumberFormat.integer.string(Double(chart.aboveCutoff))), \(NumberFormat.percent(decimals: 1).string(share))) "
                         + "are not drawn; the median and the interval count them.")
        }
        return notes
    }

    private var top: Double { Swift.max(labels.height, 8) }

    var minimumHeight: Double {
        CartesianFrame.height(plot: 160, top: top, bottomAxis: ValueAxis.bottomHeight, xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left, right: xAxis.overhang, top: top, bottomAxis: ValueAxis.bottomHeight,
                                   xTitle: xTitle, yTitle: yTitle)
        frame.drawTitles(&ctx)
        let plot = frame.plot
        let x = xAxis.scale((plot.minX, plot.maxX))
        let y = yAxis.scale((plot.maxY, plot.minY))
        if let i = chart.interval {
            ctx.rect(Rect(x: x(i.lower), y: plot.minY, width: x(i.upper) - x(i.lower), height: plot.height), fill: Theme.band)
        }
        yAxis.drawLeft(&ctx, plot: plot, scale: y)
        for t in xAxis.values {
            ctx.line(x1: x(t), y1: plot.maxY, x2: x(t), y2: plot.maxY + 4, stroke: Theme.axis)
        }
        xAxis.drawLabelsBelow(&ctx, plot: plot, scale: x, within: content)
        for b in bins where b.count > 0 {
            let x0 = x(b.lower), x1 = x(b.upper)
            ctx.rect(Rect(x: x0 + 0.5, y: y(Double(b.count)), width: Swift.max(x1 - x0 - 1, 0.5), height: y(0) - y(Double(b.count))),
                     fill: Palette.color(0), mark: true)
        }
        if bins.isEmpty {
            ctx.text("no data", x: plot.midX, y: plot.midY, size: Theme.labelSize, anchor: .middle, fill: Theme.muted)
        }
        yAxis.drawZero(&ctx, plot: plot, scale: y, vertical: true)
        for (m, item) in zip(markers, labels.items) {
            ctx.line(x1: x(m.value), y1: labels.lineTop(item, plotTop: plot.minY), x2: x(m.value), y2: plot.maxY, stroke: m.color,
                     width: m.width, dash: m.dash, mark: true)
        }
        for item in labels.items {
            ctx.lines(item.text, x: content.minX + item.start, y: labels.baseline(item.row, plotTop: plot.minY), lineHeight: 0,
                      fill: Theme.ink)
        }
    }
}
