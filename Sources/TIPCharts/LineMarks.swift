/// The lines, markers and labels of a ``LineChart`` for a given plot and scales (shared with
/// small multiples).
///
/// Drawn in two passes, so no label is placed before everything it must avoid: first every
/// series' lines, whiskers and markers (and the "no data" labels of gaps), then the value
/// labels, each at the first spot around its point (above, below, beside) that is clear of every
/// line, marker, whisker and label already drawn, and left out where none is (the value stays in
/// the text alternative). On long lines, points closer than ``markerSpacing`` get no marker,
/// except where a point stands for itself (the ends, estimates, points with an interval, points
/// without a neighbour), so markers never merge into a smear.
enum LineMarks {
    /// Closer than this (pixels), consecutive points are not all marked.
    static let markerSpacing = 12.0

    static func xScale(_ chart: LineChart, plot: Rect) -> LinearScale {
        let (lo, hi) = chart.xExtent
        let nice = NiceTicks(covering: lo, hi, count: 2)
        return LinearScale(domain: (lo, hi), range: (plot.minX + LinePlan.pad, plot.maxX - LinePlan.pad), ticks: nice)
    }

    /// A tick's label: a date on a calendar axis, else the number in the chart's x format with
    /// the decimals the tick step needs.
    static func tickLabel(_ chart: LineChart, _ t: Double, step: Double) -> String {
        if chart.xDates { return CalendarAxis.tickLabel(t, step: step) }
        let decimals = chart.xFormat.decimals == 0 ? 0 : NiceTicks(covering: 0, step, count: 1).decimals
        return chart.xFormat.with(decimals: Swift.max(decimals, chart.xFormat.decimals)).string(t)
    }

    /// x ticks inside the data's x range whose labels stand at least 12 px apart on a plot
    /// `plotWidth` wide: as many as fit, from one per year (or per nice step) down to the ends.
    static func ticks(_ chart: LineChart, plotWidth: Double) -> [Double] {
        let (lo, hi) = chart.xExtent
        let span = Swift.max(plotWidth - 2 * LinePlan.pad, 1)
        func fits(_ ticks: [Double]) -> Bool {
            let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
            let widths = ticks.map { TextMetrics.width(tickLabel(chart, $0, step: step), size: Theme.labelSize) }
            for i in ticks.indices.dropFirst() {
                let apart = (ticks[i] - ticks[i - 1]) / (hi - lo) * span
                if apart < (widths[i] + widths[i - 1]) / 2 + 12 { return false }
            }
            return true
        }
        for count in stride(from: Swift.max(Int(span / 30), 1), through: 1, by: -1) {
            let candidate: [Double]
            if chart.xDates {
                candidate = CalendarAxis.ticks(from: lo, to: hi, count: count)
            } else {
                let nice = NiceTicks(covering: lo, hi, count: count, integer: chart.xFormat.decimals == 0)
                let inside = nice.values.filter { $0 >= lo - nice.step * 1e-9 && $0 <= hi + nice.step * 1e-9 }
                candidate = inside.count >= 2 ? inside : [lo, hi]
            }
            if fits(candidate) { return candidate }
        }
        return [lo]
    }

    static func drawXAxis(_ ctx: inout RenderContext, _ chart: LineChart, plot: Rect, x: LinearScale, ticks: [Double]) {
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        for t in ticks {
            ctx.line(x1: x(t), y1: plot.maxY, x2: x(t), y2: plot.maxY + 4, stroke: Theme.axis)
            ctx.text(tickLabel(chart, t, step: step), x: x(t), y: plot.maxY + 16, size: Theme.labelSize, anchor: .middle, fill: Theme.muted)
        }
    }

    /// Draws the lines and their labels; value labels stay inside `labelBounds`. With
    /// `gutter` > 0, the series' names (when `directNames`) and the reference lines' labels go
    /// in a column that wide right of the plot, each level with its line, spread apart.
    static func draw(_ ctx: inout RenderContext, _ chart: LineChart, plot: Rect, x: LinearScale, y: AxisScale, labelBounds: Rect,
                     directNames: Bool, gutter: Double) {
        // "No data" in every gap first: nothing may be drawn over them.
        for g in chart.series.flatMap({ gapLabels($0, chart.step, x: x, plot: plot) }) { g.draw(&ctx, plot: plot) }
        var ends: [(series: Int, y: Double)] = []
        let series = chart.series.map { $0.sorted.filter { $0.x.isFinite } }
        for (j, points) in series.enumerated() {
            drawLine(&ctx, chart, points, series: j, x: x, y: y)
            let color = Palette.color(j), shape = MarkerShape.forSeries(j)
            let spacing = points.count > 1 ? (x(points[points.count - 1].x) - x(points[0].x)) / Double(points.count - 1) : plot.width
            for (k, p) in points.enumerated() {
                let px = x(p.x)
                if case let .suppressed(t) = p.value.status {
                    ctx.placeholder(Rect(x: px - 5, y: y(Double(t)) - 5, width: 10, height: 10))
                    continue
                }
                guard let v = y.position(of: p.value) else { continue }
                if spacing >= markerSpacing || standsAlone(points, k, chart: chart) {
                    ctx.marker(shape, x: px, y: v, color: color, hollow: p.value.isEstimate)
                }
                if k == points.count - 1 { ends.append((j, v)) }
            }
        }
        var column: [(text: FittedText, y: Double, fill: String)] = []
        if directNames {
            column = ends.map { (TextMetrics.fit(chart.series[$0.series].name, maxWidth: gutter, size: Theme.labelSize, bold: true), $0.y,
                                 Theme.ink) }
        }
        for r in chart.references where y.canDraw(r.value) {
            column.append((TextMetrics.fit(name: r.label, value: chart.yFormat.string(r.value), maxWidth: gutter, size: Theme.labelSize,
                                           maxLines: 3), y(r.value), Theme.body))
        }
        let heights = column.map { Double($0.text.lines.count) * Theme.labelLine }
        let ys = LabelSpread.spread(column.map(\.y), sizes: heights, gap: 1, low: labelBounds.minY, high: plot.maxY + 8)
        for (c, (label, h)) in zip(ys, zip(column, heights)) {
            let first = Theme.centredBaseline(c - h / 2 + Theme.labelLine / 2, size: Theme.labelSize)
            ctx.lines(label.text, x: plot.maxX + 8, y: first, lineHeight: Theme.labelLine, fill: label.fill)
        }
        for (j, points) in series.enumerated() {
            let every = chart.labelsEveryPoint(j)
            for (k, p) in points.enumerated() {
                let px = x(p.x)
                if case let .suppressed(t) = p.value.status {
                    let py = y(Double(t))
                    ctx.placeLabel(p.value.label(chart.yFormat), at: around(px, py, reach: 7.5, valley: false), within: labelBounds)
                    continue
                }
                guard let py = y.position(of: p.value), let every, every || k == points.count - 1 else { continue }
                let short = p.value.label(chart.yFormat)
                if let i = p.interval {
                    let long = short + " (" + chart.yFormat.string(i.lower) + "\u{2013}" + chart.yFormat.string(i.upper) + ")"
                    let mid = Theme.centredBaseline(py, size: Theme.labelSize)
                    let beside = [LabelSpot(x: px + 11, y: mid, anchor: .start), LabelSpot(x: px - 11, y: mid, anchor: .end)]
                    if ctx.placeLabel(long, at: beside, within: labelBounds) { continue }
                    let top = y(i.upper), bottom = y(i.lower)
                    ctx.placeLabel(short, at: beside + [LabelSpot(x: px, y: top - 6, anchor: .middle),
                                                       LabelSpot(x: px, y: bottom + 6 + TextMetrics.ascent(Theme.labelSize), anchor: .middle)],
                                   within: labelBounds)
                    continue
                }
                let neighbours = [k > 0 ? points[k - 1].value.value : nil, k + 1 < points.count ? points[k + 1].value.value : nil]
                    .compactMap { $0 }
                let valley = neighbours.count == 2 && neighbours.allSatisfy { $0 > (p.value.value ?? 0) }
                ctx.placeLabel(short, at: around(px, py, reach: 8, valley: valley), within: labelBounds)
            }
        }
    }

    /// The solid and dashed paths of one series, its segments recorded for label placement,
    /// and its interval whiskers.
    private static func drawLine(_ ctx: inout RenderContext, _ chart: LineChart, _ points: [LinePoint], series j: Int,
                                 x: LinearScale, y: AxisScale) {
        let color = Palette.color(j)
        var solid = "", dashed = ""
        var penDown = false
        for k in points.indices.dropFirst() {
            let a = points[k - 1], b = points[k]
            guard let ya = y.position(of: a.value), let yb = y.position(of: b.value) else { penDown = false; continue }
            if let step = chart.step, b.x - a.x > step * 1.000001 {
                penDown = false
                continue
            }
            let p = "\(coordinate(x(a.x))) \(coordinate(ya))", q = "\(coordinate(x(b.x))) \(coordinate(yb))"
            if a.value.isEstimate || b.value.isEstimate {
                dashed += "M\(p)L\(q)"
                penDown = false
            } else {
                solid += penDown ? "L\(q)" : "M\(p)L\(q)"
                penDown = true
            }
            ctx.occupySegment(x1: x(a.x), y1: ya, x2: x(b.x), y2: yb, width: 2.5)
        }
        if !solid.isEmpty { ctx.path(solid, fill: "none", stroke: color, width: 2.5, mark: true) }
        if !dashed.isEmpty { ctx.path(dashed, fill: "none", stroke: color, width: 2.5, dash: "6 4", mark: true) }
        for p in points {
            guard let i = p.interval else { continue }
            let px = x(p.x), top = y(i.upper), bottom = y(i.lower)
            ctx.line(x1: px, y1: top, x2: px, y2: bottom, stroke: color, width: 2, dash: p.value.isEstimate ? "5 3" : nil, mark: true)
            ctx.line(x1: px - 6, y1: top, x2: px + 6, y2: top, stroke: color, width: 2, mark: true)
            ctx.line(x1: px - 6, y1: bottom, x2: px + 6, y2: bottom, stroke: color, width: 2, mark: true)
        }
    }

    /// Whether point `k` needs its marker even on a crowded line: an end, an estimate, a point
    /// with an interval, or a point with no drawn neighbour (a line of one point is invisible).
    static func standsAlone(_ points: [LinePoint], _ k: Int, chart: LineChart) -> Bool {
        let p = points[k]
        if k == 0 || k == points.count - 1 || p.value.isEstimate || p.interval != nil { return true }
        func joined(_ a: LinePoint, _ b: LinePoint) -> Bool {
            a.value.value != nil && b.value.value != nil && (chart.step.map { abs(b.x - a.x) <= $0 * 1.000001 } ?? true)
        }
        return !joined(points[k - 1], p) && !joined(p, points[k + 1])
    }

    /// Spots for a label around a point at (`px`, `py`), `reach` from it (a marker's reach, 1.25
    /// times its radius and its stroke, plus room to breathe): above, below, right, left, then
    /// the diagonals; below first in a valley.
    static func around(_ px: Double, _ py: Double, reach: Double, valley: Bool) -> [LabelSpot] {
        let ascent = TextMetrics.ascent(Theme.labelSize), descent = TextMetrics.descent(Theme.labelSize)
        let above = LabelSpot(x: px, y: py - reach - 1 - descent, anchor: .middle)
        let below = LabelSpot(x: px, y: py + reach + 1 + ascent, anchor: .middle)
        let mid = Theme.centredBaseline(py, size: Theme.labelSize)
        let right = LabelSpot(x: px + reach + 3, y: mid, anchor: .start), left = LabelSpot(x: px - reach - 3, y: mid, anchor: .end)
        let upRight = LabelSpot(x: px + reach, y: py - reach - descent, anchor: .start)
        let upLeft = LabelSpot(x: px - reach, y: py - reach - descent, anchor: .end)
        let downRight = LabelSpot(x: px + reach, y: py + reach + ascent, anchor: .start)
        let downLeft = LabelSpot(x: px - reach, y: py + reach + ascent, anchor: .end)
        return (valley ? [below, above] : [above, below]) + [right, left, upRight, upLeft, downRight, downLeft]
    }

    /// A "no data" label just above the axis where a line breaks: its x, whether it reads
    /// across (it is turned upright when the gap is narrow), and the box its text covers.
    struct GapLabel {
        var x: Double
        var upright: Bool

        func draw(_ ctx: inout RenderContext, plot: Rect) {
            if upright {
                ctx.text("no data", x: x, y: plot.maxY - 7, size: 11, anchor: .middle, fill: Theme.muted)
            } else {
                ctx.text("no data", x: x + 4, y: plot.maxY - 7, size: 11, fill: Theme.muted, rotate: -90)
            }
        }
    }

    /// The "no data" label at `px` for a gap `room` wide.
    static func gapLabel(at px: Double, room: Double) -> GapLabel {
        GapLabel(x: px, upright: TextMetrics.width("no data", size: 11) + 6 <= room)
    }

    /// A series' "no data" labels: midway across a break of more than `step`, and at each
    /// missing point.
    static func gapLabels(_ series: LineSeries, _ step: Double?, x: LinearScale, plot: Rect) -> [GapLabel] {
        let points = series.sorted.filter { $0.x.isFinite }
        let spacing = points.count > 1 ? (x.range.end - x.range.start) / Double(points.count - 1) : plot.width
        var labels: [GapLabel] = []
        for k in points.indices.dropFirst() {
            let a = points[k - 1], b = points[k]
            guard a.value.value != nil, b.value.value != nil, let step, b.x - a.x > step * 1.000001 else { continue }
            labels.append(gapLabel(at: (x(a.x) + x(b.x)) / 2, room: x(b.x) - x(a.x)))
        }
        for p in points where p.value.status == .missing {
            labels.append(gapLabel(at: x(p.x), room: spacing))
        }
        return labels
    }
}
