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
/// long for the margin).
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
    /// Whether the value axis starts at zero (default true: counts).
    public var includesZero: Bool
    public var valueLabels: ValueLabels
    /// The legend's words for the whiskers, when any point has an interval.
    public var intervalLabel: String

    public init(series: [LineSeries], xFormat: NumberFormat = .year, yFormat: NumberFormat = .integer, step: Double? = nil,
                includesZero: Bool = true, valueLabels: ValueLabels = .automatic, intervalLabel: String = "95% interval") {
        self.series = series
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.step = step
        self.includesZero = includesZero
        self.valueLabels = valueLabels
        self.intervalLabel = intervalLabel
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
        return (["Line chart."] + parts).joined(separator: " ")
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

    /// The value range of all points (suppressed points at their threshold) and intervals.
    var yExtent: (Double, Double) {
        let ys = allData.compactMap(\.extent) + series.flatMap { $0.points.compactMap(\.interval).flatMap { [$0.lower, $0.upper] } }
        var lo = ys.min() ?? 0, hi = ys.max() ?? 0
        if includesZero { lo = Swift.min(lo, 0); hi = Swift.max(hi, 0) }
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

    init(_ chart: LineChart, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        let (ylo, yhi) = chart.yExtent
        axis = ValueAxis(NiceTicks(covering: ylo, yhi, count: 5, integer: chart.yFormat.decimals == 0), format: chart.yFormat)
        left = axis.labelWidth + 10
        let nameWidth = chart.series.map { TextMetrics.width(SVGText.clean($0.name), size: Theme.labelSize, bold: true) }.max() ?? 0
        // Names go at the line ends only when every line reaches the last x with a value; a
        // line that stops early would get a label far from its end.
        let lastX = chart.xExtent.1
        directNames = chart.series.count > 1 && nameWidth + 14 <= width * 0.25
            && chart.series.allSatisfy { $0.sorted.last.map { $0.x == lastX && $0.value.value != nil } ?? false }
        right = directNames ? nameWidth + 14 : LinePlan.lastLabelOverhang(chart)
        xTicks = LinePlan.ticks(chart, plotWidth: width - left - right)
    }

    /// Space between the plot's edges and the first and last x, so markers stay clear of the axis.
    static let pad = 16.0

    /// How far the last points' value labels reach beyond the plot's right edge.
    static func lastLabelOverhang(_ chart: LineChart) -> Double {
        let widest = chart.series.compactMap { $0.sorted.last?.value.label(chart.yFormat) }
            .map { TextMetrics.width($0, size: Theme.labelSize) }.max() ?? 0
        return Swift.max(widest / 2 - pad + 2, 0)
    }

    /// x ticks inside the data's x range: one per x value when they are few, else nice ticks.
    static func ticks(_ chart: LineChart, plotWidth: Double) -> [Double] {
        let (lo, hi) = chart.xExtent
        let count = Swift.max(Int(plotWidth / 70), 2)
        // Dates: month labels are wider than years.
        if chart.xDates { return CalendarAxis.ticks(from: lo, to: hi, count: Swift.max(Int(plotWidth / 80), 2)) }
        let nice = NiceTicks(covering: lo, hi, count: count, integer: chart.xFormat.decimals == 0)
        let inside = nice.values.filter { $0 >= lo - nice.step * 1e-9 && $0 <= hi + nice.step * 1e-9 }
        return inside.count >= 2 ? inside : [lo, hi]
    }

    var legend: [LegendEntry] {
        var entries: [LegendEntry] = []
        if chart.series.count > 1 && !directNames {
            entries = chart.series.enumerated().map { LegendEntry(symbol: .line(series: $0, dashed: false, hollow: false), label: $1.name) }
        }
        let j = chart.series.firstIndex { $0.points.contains { $0.value.isEstimate } } ?? 0
        if let k = chart.series.firstIndex(where: { $0.points.contains { $0.interval != nil } }) {
            entries.append(LegendEntry(symbol: .verticalInterval(series: k), label: chart.intervalLabel))
        }
        return entries + Guides.estimateKey(chart.allData, .line(series: j, dashed: true, hollow: true))
            + Guides.suppressionKey(chart.allData)
    }

    var notes: [String] { Guides.suppressionNote(chart.allData) }

    var minimumHeight: Double {
        CartesianFrame.height(plot: 160, top: 20, bottomAxis: ValueAxis.bottomHeight, xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left, right: right, top: 20, bottomAxis: ValueAxis.bottomHeight,
                                   xTitle: xTitle, yTitle: yTitle)
        let plot = frame.plot
        let y = LinearScale(ticks: axis.ticks, range: (plot.maxY, plot.minY))
        axis.drawLeft(&ctx, plot: plot, scale: y)
        let x = LineMarks.xScale(chart, plot: plot, ticks: xTicks)
        LineMarks.drawXAxis(&ctx, chart, plot: plot, x: x, ticks: xTicks)
        axis.drawZero(&ctx, plot: plot, scale: y, vertical: true)
        LineMarks.draw(&ctx, chart, plot: plot, x: x, y: y, directNames: directNames)
        frame.drawTitles(&ctx)
    }
}

/// The lines, markers and labels of a ``LineChart`` for a given plot and scales (shared with
/// small multiples).
enum LineMarks {
    static func xScale(_ chart: LineChart, plot: Rect, ticks: [Double]) -> LinearScale {
        let (lo, hi) = chart.xExtent
        let nice = NiceTicks(covering: lo, hi, count: 2)
        return LinearScale(domain: (lo, hi), range: (plot.minX + LinePlan.pad, plot.maxX - LinePlan.pad), ticks: nice)
    }

    static func drawXAxis(_ ctx: inout RenderContext, _ chart: LineChart, plot: Rect, x: LinearScale, ticks: [Double]) {
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let decimals = chart.xFormat.decimals == 0 ? 0 : NiceTicks(covering: 0, step, count: 1).decimals
        for t in ticks {
            ctx.line(x1: x(t), y1: plot.maxY, x2: x(t), y2: plot.maxY + 4, stroke: Theme.axis)
            let label = chart.xDates ? CalendarAxis.tickLabel(t, step: step)
                : chart.xFormat.with(decimals: Swift.max(decimals, chart.xFormat.decimals)).string(t)
            ctx.text(label, x: x(t), y: plot.maxY + 16,
                     size: Theme.labelSize, anchor: .middle, fill: Theme.muted)
        }
    }

    static func draw(_ ctx: inout RenderContext, _ chart: LineChart, plot: Rect, x: LinearScale, y: LinearScale, directNames: Bool) {
        var ends: [(series: Int, y: Double)] = []
        // Near a whisker, other points' labels move to the left of their marker, off it.
        let whiskers = chart.series.flatMap { $0.points.filter { $0.interval != nil }.map { x($0.x) } }
        let pointXs = chart.series.flatMap { $0.points.filter { $0.value.status != .missing }.map { x($0.x) } }
        // Every series' "no data" labels, drawn before any value label is placed: a label
        // beside a whisker must stop short of them.
        let gaps = chart.series.flatMap { gapLabels($0, chart.step, x: x, plot: plot) }
        for g in gaps { g.draw(&ctx, plot: plot) }
        for (j, s) in chart.series.enumerated() {
            let color = Palette.color(j)
            let shape = MarkerShape.forSeries(j)
            let points = s.sorted.filter { $0.x.isFinite }
            var solid = "", dashed = ""
            var penDown = false
            for k in points.indices.dropFirst() {
                let a = points[k - 1], b = points[k]
                guard let va = a.value.value, let vb = b.value.value else { penDown = false; continue }
                if let step = chart.step, b.x - a.x > step * 1.000001 {
                    penDown = false
                    continue
                }
                let p = "\(coordinate(x(a.x))) \(coordinate(y(va)))", q = "\(coordinate(x(b.x))) \(coordinate(y(vb)))"
                if a.value.isEstimate || b.value.isEstimate {
                    dashed += "M\(p)L\(q)"
                    penDown = false
                } else {
                    solid += penDown ? "L\(q)" : "M\(p)L\(q)"
                    penDown = true
                }
            }
            if !solid.isEmpty { ctx.path(solid, fill: "none", stroke: color, width: 2.5, mark: true) }
            if !dashed.isEmpty { ctx.path(dashed, fill: "none", stroke: color, width: 2.5, dash: "6 4", mark: true) }

            let every = chart.labelsEveryPoint(j)
            for p in points {
                guard let i = p.interval else { continue }
                let px = x(p.x), top = y(i.upper), bottom = y(i.lower)
                ctx.line(x1: px, y1: top, x2: px, y2: bottom, stroke: color, width: 2, dash: p.value.isEstimate ? "5 3" : nil, mark: true)
                ctx.line(x1: px - 6, y1: top, x2: px + 6, y2: top, stroke: color, width: 2, mark: true)
                ctx.line(x1: px - 6, y1: bottom, x2: px + 6, y2: bottom, stroke: color, width: 2, mark: true)
            }
            for (k, p) in points.enumerated() {
                let px = x(p.x)
                switch p.value.status {
                case .missing:
                    continue
                case let .suppressed(t):
                    let py = y(Double(t))
                    ctx.placeholder(Rect(x: px - 5, y: py - 5, width: 10, height: 10))
                    ctx.text(p.value.label(chart.yFormat), x: px, y: py - 9, size: Theme.labelSize, anchor: .middle)
                    continue
                case .observed, .estimate:
                    break
                }
                guard let v = p.value.value else { continue }
                let py = y(v)
                ctx.marker(shape, x: px, y: py, color: color, hollow: p.value.isEstimate)
                if k == points.count - 1 { ends.append((j, py)) }
                guard let every, every || k == points.count - 1 else { continue }
                if let i = p.interval {
                    // Beside the whisker, right of it up to the next point, with the interval when
                    // it fits; else the value alone; else on the left.
                    let band = (top: py - Theme.labelLine / 2, bottom: py + Theme.labelLine / 2)
                    let blocking = gaps.map(\.box).filter { $0.minX > px && $0.minY < band.bottom && $0.maxY > band.top }.map(\.minX)
                    let next = (pointXs.filter { $0 > px + 1 } + blocking).min() ?? plot.maxX
                    let room = Swift.min(next - 8, plot.maxX) - (px + 10)
                    let short = p.value.label(chart.yFormat)
                    let long = short + " (" + chart.yFormat.string(i.lower) + "\u{2013}" + chart.yFormat.string(i.upper) + ")"
                    let text = TextMetrics.width(long, size: Theme.labelSize) <= room ? long : short
                    let right = TextMetrics.width(text, size: Theme.labelSize) <= room
                    ctx.text(text, x: right ? px + 10 : px - 10, y: Theme.centredBaseline(py, size: Theme.labelSize),
                             size: Theme.labelSize, anchor: right ? .start : .end, fill: Theme.ink, halo: true)
                    continue
                }
                if whiskers.contains(where: { abs($0 - px) < 24 }) {
                    ctx.text(p.value.label(chart.yFormat), x: px - 9, y: Theme.centredBaseline(py, size: Theme.labelSize),
                             size: Theme.labelSize, anchor: .end, fill: Theme.ink, halo: true)
                    continue
                }
                // Below a valley (both neighbours higher), above otherwise, clear of the line.
                let neighbours = [k > 0 ? points[k - 1].value.value : nil, k + 1 < points.count ? points[k + 1].value.value : nil]
                    .compactMap { $0 }
                let below = neighbours.count == 2 && neighbours.allSatisfy { $0 > v } && py + 22 < plot.maxY
                ctx.text(p.value.label(chart.yFormat), x: px, y: below ? py + 20 : py - 10, size: Theme.labelSize,
                         anchor: .middle, fill: Theme.ink)
            }
        }
        guard directNames else { return }
        let ys = LabelSpread.spread(ends.map(\.y), gap: Theme.labelLine, low: plot.minY, high: plot.maxY)
        for (e, ly) in zip(ends, ys) {
            ctx.text(chart.series[e.series].name, x: plot.maxX + 8, y: Theme.centredBaseline(ly, size: Theme.labelSize),
                     size: Theme.labelSize, bold: true, fill: Theme.ink)
        }
    }

    /// A "no data" label just above the axis where a line breaks: its x, whether it reads
    /// across (it is turned upright when the gap is narrow), and the box its text covers.
    struct GapLabel {
        var x: Double
        var upright: Bool
        var box: Rect

        func draw(_ ctx: inout RenderContext, plot: Rect) {
            if upright {
                ctx.text("no data", x: x, y: plot.maxY - 7, size: 11, anchor: .middle, fill: Theme.muted)
            } else {
                ctx.text("no data", x: x + 4, y: plot.maxY - 7, size: 11, fill: Theme.muted, rotate: -90)
            }
        }
    }

    /// The "no data" label at `px` for a gap `room` wide.
    static func gapLabel(at px: Double, room: Double, plot: Rect) -> GapLabel {
        let width = TextMetrics.width("no data", size: 11)
        return width + 6 <= room
            ? GapLabel(x: px, upright: true, box: Rect(x: px - width / 2, y: plot.maxY - 18, width: width, height: 14))
            : GapLabel(x: px, upright: false, box: Rect(x: px - 6, y: plot.maxY - 7 - width, width: 14, height: width))
    }

    /// A series' "no data" labels, as `draw` places them: midway across a break of more than
    /// `step`, and at each missing point.
    static func gapLabels(_ series: LineSeries, _ step: Double?, x: LinearScale, plot: Rect) -> [GapLabel] {
        let points = series.sorted.filter { $0.x.isFinite }
        let spacing = points.count > 1 ? (x.range.end - x.range.start) / Double(points.count - 1) : plot.width
        var labels: [GapLabel] = []
        for k in points.indices.dropFirst() {
            let a = points[k - 1], b = points[k]
            guard a.value.value != nil, b.value.value != nil, let step, b.x - a.x > step * 1.000001 else { continue }
            labels.append(gapLabel(at: (x(a.x) + x(b.x)) / 2, room: x(b.x) - x(a.x), plot: plot))
        }
        for p in points where p.value.status == .missing {
            labels.append(gapLabel(at: x(p.x), room: spacing, plot: plot))
        }
        return labels
    }
}
