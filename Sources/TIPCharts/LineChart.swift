/// A point of a line: its x (a year), its value and, when known, the interval around the value
/// (such as an exact Poisson interval), drawn as a vertical whisker.
///
/// ```swift
/// LinePoint(x: 2016, value: .estimate(201.3), lower: 171.4, upper: 235.1)
/// ```
public struct LinePoint: Sendable, Hashable {
    public var x: Double
    public var value: Datum
    /// The interval's ends; the whisker is drawn only when both are finite and the value is known.
    public var lower: Double?
    public var upper: Double?

    public init(x: Double, value: Datum, lower: Double? = nil, upper: Double? = nil) {
        self.x = x
        self.value = value
        self.lower = lower.flatMap { $0.isFinite ? $0 : nil }
        self.upper = upper.flatMap { $0.isFinite ? $0 : nil }
    }

    /// The interval, when both ends are known and the value is shown (never for a suppressed or
    /// missing value, whose interval would reveal what is withheld).
    var interval: (lower: Double, upper: Double)? {
        guard value.value != nil, let lower, let upper else { return nil }
        return (lower, upper)
    }
}

/// A named line: points over x, in any order (they are drawn sorted by x).
///
/// ```swift
/// LineSeries("Referrals", years: [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016],
///            values: [4, 30, 31, 13, nil, nil, 94, 133, .estimate(201.3)])
/// ```
public struct LineSeries: Sendable, Hashable {
    public var name: String
    public var points: [LinePoint]

    public init(_ name: String, points: [LinePoint]) {
        self.name = name
        self.points = points
    }

    /// Points from parallel arrays of years (or any x) and values; extra values are ignored.
    public init(_ name: String, years: [Double], values: [Datum]) {
        self.init(name, points: zip(years, values).map { LinePoint(x: $0, value: $1) })
    }

    /// The points sorted by x (stable for equal x).
    var sorted: [LinePoint] {
        points.enumerated().sorted { $0.element.x != $1.element.x ? $0.element.x < $1.element.x : $0.offset < $1.offset }.map(\.element)
    }
}

/// Lines with points for series over a numeric x, usually years.
///
/// Observed points are filled markers joined by solid lines. An estimate (such as an
/// annualised partial year) gets a hollow marker, a dashed segment and a legend key. A point
/// with an interval gets a vertical whisker and its label moves beside the marker, with the
/// interval in it ("est. 201.3 (171.4–235.1)"). The line
/// breaks at a missing or suppressed value, and where consecutive points are more than `step`
/// apart, with a "no data" label in the gap: nothing is interpolated. Series differ by colour,
/// marker shape and a direct label at the end of each line (a legend when the names are too
/// long for the margin). Value labels sit clear of every line, marker and whisker (see
/// ``LineMarks``); on long lines (a monthly series over twenty years) markers are thinned.
/// `scale: .log` draws values over several orders of magnitude; `references` adds labelled
/// horizontal lines (a target, a baseline year's level).
///
/// ```swift
/// let chart = LineChart(series: [
///     LineSeries("Referrals", years: [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016],
///                values: [4, 30, 31, 13, nil, nil, 94, 133, .estimate(201.3)])
/// ], step: 1)
/// ```
public struct LineChart: Sendable, Hashable {
    /// Which points carry their values as labels.
    public enum ValueLabels: Sendable, Hashable {
        /// Every point for a single series of up to 15 points; otherwise the last point of each line.
        case automatic
        case all
        case last
        case none
    }

    public var series: [LineSeries]
    /// How x values print on the axis (default: years, no thousands separator).
    public var xFormat: NumberFormat
    /// Whether x values are dates, as day numbers (``CalendarAxis``): ticks then fall on
    /// calendar boundaries and points are named by their ISO date.
    public var xDates = false
    /// How values print on the axis and labels.
    public var yFormat: NumberFormat
    /// The regular spacing of x (1 for yearly data): wider gaps break the line. Nil: only
    /// missing values break it.
    public var step: Double?
    /// Whether the value axis starts at zero (default true: counts). Ignored on a log scale.
    public var includesZero: Bool
    public var valueLabels: ValueLabels
    /// The legend's words for the whiskers, when any point has an interval.
    public var intervalLabel: String
    /// Linear (default) or logarithmic value axis.
    public var scale: ValueScale
    /// Labelled horizontal lines across the plot.
    public var references: [ReferenceLine]

    public init(series: [LineSeries], xFormat: NumberFormat = .year, yFormat: NumberFormat = .integer, step: Double? = nil,
                includesZero: Bool = true, valueLabels: ValueLabels = .automatic, intervalLabel: String = "95% interval",
                scale: ValueScale = .linear, references: [ReferenceLine] = []) {
        self.series = series
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.step = step
        self.includesZero = includesZero
        self.valueLabels = valueLabels
        self.intervalLabel = intervalLabel
        self.scale = scale
        self.references = references.filter { $0.value.isFinite }
    }

    /// "Line chart. Referrals: 2008 4, 2009 30, ..., 2016 201.3 (estimate)."
    public var dataDescription: String {
        let parts = series.map { s -> String in
            let list = s.sorted.map { p -> String in
                let interval = p.interval.map { " (\(yFormat.string($0.lower)) to \(yFormat.string($0.upper)))" } ?? ""
                return xLabel(p.x) + " " + p.value.spoken(yFormat) + interval
            }.joined(separator: ", ")
            let name = SVGText.clean(s.name)
            return (name.isEmpty ? "" : name + ": ") + list + "."
        }
        let kind = scale == .log ? "Line chart on a logarithmic scale." : "Line chart."
        return ([kind] + parts + ReferenceLine.describe(references, yFormat)).joined(separator: " ")
    }

    var allData: [Datum] { series.flatMap { $0.points.map(\.value) } }

    /// An x value as text: its date, or its number in `xFormat`.
    public func xLabel(_ x: Double) -> String { xDates ? CalendarAxis.label(x) : xFormat.string(x) }

    /// The x range of all points.
    var xExtent: (Double, Double) {
        let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        let lo = xs.min() ?? 0, hi = xs.max() ?? 1
        return lo == hi ? (lo - 1, hi + 1) : (lo, hi)
    }

    /// The value range of all points (suppressed points at their threshold), intervals and
    /// reference lines; on a log scale from the smallest positive value.
    var yExtent: (Double, Double) {
        var ys = allData.compactMap(\.extent) + series.flatMap { $0.points.compactMap(\.interval).flatMap { [$0.lower, $0.upper] } }
            + references.map(\.value)
        if scale == .log { ys = ys.filter { $0 > 0 } }
        var lo = ys.min() ?? 0, hi = ys.max() ?? 0
        if includesZero && scale == .linear { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
        return (lo, hi)
    }

    /// Whether series `index` has its values labelled at every point, at its last point only, or none.
    func labelsEveryPoint(_ index: Int) -> Bool? {
        switch valueLabels {
        case .all: return true
        case .last: return false
        case .none: return nil
        case .automatic: return series.count == 1 && series[0].points.count <= 15
        }
    }

    /// The note naming values a log scale cannot draw (zero and negative ones).
    var notDrawnOnLog: [String] {
        guard scale == .log else { return [] }
        let left = series.flatMap { s in
            s.sorted.filter { ($0.value.value ?? 1) <= 0 }.map { (SVGText.clean(s.name).isEmpty ? "" : SVGText.clean(s.name) + " ") + xLabel($0.x) }
        }
        return left.isEmpty ? [] : ["Zero and negative values cannot be drawn on a logarithmic scale and are left out: "
                                    + left.joined(separator: ", ") + "."]
    }
}

/// A line chart laid out for a width.
struct LinePlan: ChartPlan {
    let chart: LineChart
    let xTitle: Bool
    let yTitle: Bool
    let axis: ValueAxis
    let xTicks: [Double]
    let left: Double
    let right: Double
    let directNames: Bool
    /// The width of the column right of the plot for series names and reference labels (0: none).
    let gutter: Double

    init(_ chart: LineChart, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        let (ylo, yhi) = chart.yExtent
        axis = ValueAxis.covering(ylo, yhi, count: 5, integer: chart.yFormat.decimals == 0, scale: chart.scale, format: chart.yFormat)
        left = axis.labelWidth + 10
        let nameWidth = chart.series.map { TextMetrics.width(SVGText.clean($0.name), size: Theme.labelSize, bold: true) }.max() ?? 0
        // Names go at the line ends only when every line reaches the last x with a value; a
        // line that stops early would get a label far from its end.
        let lastX = chart.xExtent.1
        directNames = chart.series.count > 1 && nameWidth + 14 <= width * 0.25
            && chart.series.allSatisfy { $0.sorted.last.map { $0.x == lastX && $0.value.value != nil } ?? false }
        let referenceWidth = chart.references.map { TextMetrics.width($0.text(chart.yFormat), size: Theme.labelSize) }.max() ?? 0
        gutter = Swift.max(directNames ? nameWidth : 0, Swift.min(referenceWidth, width * 0.3))
        right = Swift.max(gutter > 0 ? gutter + 14 : 0, LinePlan.lastLabelOverhang(chart))
        xTicks = LineMarks.ticks(chart, plotWidth: width - left - right)
    }

    /// Space between the plot's edges and the first and last x, so markers stay clear of the axis.
    static let pad = 16.0

    /// How far the last points' value labels reach beyond the plot's right edge.
    static func lastLabelOverhang(_ chart: LineChart) -> Double {
        let widest = chart.series.compactMap { $0.sorted.last?.value.label(chart.yFormat) }
            .map { TextMetrics.width($0, size: Theme.labelSize) }.max() ?? 0
        return Swift.max(widest / 2 - pad + 2, 0)
    }

    var legend: [LegendEntry] {
        var entries: [LegendEntry] = []
        if chart.series.count > 1 && !directNames {
            entries = chart.series.enumerated().map { LegendEntry(symbol: LinePlan.symbol(chart.series[$0], series: $0), label: $1.name) }
        }
        if let k = chart.series.firstIndex(where: { $0.points.contains { $0.interval != nil } }) {
            entries.append(LegendEntry(symbol: .verticalInterval(color: Palette.color(k)), label: chart.intervalLabel))
        }
        // The estimate key, unless every estimate belongs to a series whose own key (drawn
        // dashed and hollow) already shows it.
        let named = chart.series.count > 1 && !directNames
        let mixed = chart.series.enumerated().first { _, s in
            s.points.contains { $0.value.isEstimate } && !(named && s.points.allSatisfy { $0.value.isEstimate || $0.value.status == .missing })
        }
        if let (j, _) = mixed { entries.append(LegendEntry(symbol: .line(series: j, dashed: true, hollow: true), label: "Estimate")) }
        return entries + Guides.suppressionKey(chart.allData)
    }

    /// A series' legend symbol, drawn as its line is: dashed and hollow when all its values are estimates.
    static func symbol(_ s: LineSeries, series j: Int) -> LegendEntry.Symbol {
        let estimated = !s.points.isEmpty && s.points.allSatisfy { $0.value.isEstimate || $0.value.status == .missing }
        return .line(series: j, dashed: estimated, hollow: estimated)
    }

    var notes: [String] { Guides.suppressionNote(chart.allData) + axis.notes(bars: false) + chart.notDrawnOnLog }

    var minimumHeight: Double {
        CartesianFrame.height(plot: 160, top: 20, bottomAxis: ValueAxis.bottomHeight, xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left, right: right, top: 20, bottomAxis: ValueAxis.bottomHeight,
                                   xTitle: xTitle, yTitle: yTitle)
        frame.drawTitles(&ctx)
        let plot = frame.plot
        let y = axis.scale((plot.maxY, plot.minY))
        axis.drawLeft(&ctx, plot: plot, scale: y)
        let x = LineMarks.xScale(chart, plot: plot)
        LineMarks.drawXAxis(&ctx, chart, plot: plot, x: x, ticks: xTicks)
        if !axis.isLog { axis.drawZero(&ctx, plot: plot, scale: y, vertical: true) }
        let bounds = Rect(x: plot.minX, y: plot.minY - 20, width: content.maxX - plot.minX, height: plot.height + 20)
        ReferenceLine.drawAcross(&ctx, chart.references, plot: plot, y: y)
        LineMarks.draw(&ctx, chart, plot: plot, x: x, y: y, labelBounds: bounds, directNames: directNames, gutter: gutter)
    }
}
