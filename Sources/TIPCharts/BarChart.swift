/// Bars for values by category: one series (simple bars), several side by side (grouped), on
/// top of each other (stacked), or as shares of each category's total (100% stacked, the
/// `normalized` layout); vertical or horizontal.
///
/// The value axis starts at zero, since a bar's length is its value. Bars carry their values as
/// direct labels. Series are named directly where that reads better than a legend (above the
/// first group of grouped bars; at the right of the last stack); otherwise a legend names them
/// and every series after the first gets a texture, so colour is never the only cue. Estimates
/// are drawn with a dashed outline, suppressed counts as hatched "<5" placeholders, and missing
/// values as a "no data" label, never as zero.
///
/// ```swift
/// // Arrests beside convictions, per statute.
/// let grouped = BarChart(categories: ["Prostitution (53a-82)", "Patronizing (53a-83)"],
///                        series: [Series("Arrests", [3557, 1378]), Series("Convictions", [1841, 269])])
/// // One series, horizontal.
/// let simple = BarChart(categories: ["Screened", "Served"], values: [120, 46], orientation: .horizontal)
/// ```
public struct BarChart: Sendable, Hashable {
    public enum Layout: Sendable, Hashable {
        /// Series side by side within each category (one series: simple bars).
        case grouped
        /// Series on top of each other; the stack's height is the category's total.
        case stacked
        /// Stacked as percentages of each category's total (100% stacked bars).
        case normalized
    }

    public enum Orientation: Sendable, Hashable {
        /// Categories along the horizontal axis, bars rising.
        case vertical
        /// Categories down the side, bars running right: for long category names.
        case horizontal
    }

    public var categories: [String]
    public var series: [Series]
    public var layout: Layout
    public var orientation: Orientation
    /// How values are printed on bars and the axis.
    public var format: NumberFormat
    /// Whether bars carry their values (default true).
    public var showsValues: Bool

    public init(categories: [String], series: [Series], layout: Layout = .grouped, orientation: Orientation = .vertical,
                format: NumberFormat = .integer, showsValues: Bool = true) {
        self.categories = categories
        self.series = series
        self.layout = layout
        self.orientation = orientation
        self.format = format
        self.showsValues = showsValues
    }

    /// Simple bars: one value per category.
    public init(categories: [String], values: [Datum], name: String = "", orientation: Orientation = .vertical,
                format: NumberFormat = .integer, showsValues: Bool = true) {
        self.init(categories: categories, series: [Series(name, values)], orientation: orientation, format: format,
                  showsValues: showsValues)
    }

    /// "Grouped bar chart. Arrests: Prostitution (53a-82) 3,557, Patronizing (53a-83) 1,378. Convictions: ..."
    public var dataDescription: String {
        let kind: String
        switch (layout, series.count) {
        case (.grouped, 1): kind = "Bar chart."
        case (.grouped, _): kind = "Grouped bar chart."
        case (.stacked, _): kind = "Stacked bar chart."
        case (.normalized, _): kind = "100% stacked bar chart."
        }
        let parts = series.map { s -> String in
            let name = SVGText.clean(s.name)
            let list = Guides.list(categories, categories.indices.map(s.value), format)
            return name.isEmpty ? list + "." : name + ": " + list + "."
        }
        return ([kind] + parts).joined(separator: " ")
    }

    var allData: [Datum] { series.flatMap { s in categories.indices.map(s.value) } }
}

/// How the series of a bar chart are named.
enum SeriesNaming: Equatable {
    /// One series: the axis and title name it.
    case none
    /// Above the bars of the first category (grouped, vertical).
    case firstGroup
    /// At the right of the last stack (stacked, vertical).
    case rightOfLastStack
    /// In the legend, with textures.
    case legend
}

/// A bar chart laid out for a width.
struct BarPlan: ChartPlan {
    let chart: BarChart
    let xTitle: Bool
    let yTitle: Bool
    let axis: ValueAxis
    let naming: SeriesNaming
    let left: Double
    let right: Double
    let categoryAxis: CategoryAxis
    let marks: BarMarks

    init(_ chart: BarChart, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        marks = BarMarks(chart)
        let vertical = chart.orientation == .vertical
        let (lo, hi) = marks.extent
        let ticks = NiceTicks(covering: Swift.min(lo, 0), Swift.max(hi, 0), count: vertical ? 5 : Swift.max(Int(width / 120), 3),
                              integer: chart.format.decimals == 0 && chart.layout != .normalized)
        axis = ValueAxis(ticks, format: chart.layout == .normalized ? .percent() : chart.format)
        let nameWidth = chart.series.map { TextMetrics.width(SVGText.clean($0.name), size: Theme.labelSize, bold: true) }.max() ?? 0
        if vertical {
            left = axis.labelWidth + 10
            let canStackLabel = chart.layout != .grouped && chart.series.count > 1 && !chart.categories.isEmpty
                && chart.series.allSatisfy { ($0.value(chart.categories.count - 1).extent ?? 0) > 0 }
                && nameWidth + 14 <= width * 0.25
            right = canStackLabel ? nameWidth + 14 : 0
            let band = BandScale(count: chart.categories.count, range: (left, width - right))
            categoryAxis = CategoryAxis(below: chart.categories, bandStep: band.step)
            if chart.series.count <= 1 {
                naming = .none
            } else if chart.layout == .grouped {
                let slot = marks.group(band, 0).thickness / Double(chart.series.count)
                naming = nameWidth <= slot + band.step * band.paddingInner * 0.5 ? .firstGroup : .legend
            } else {
                naming = canStackLabel ? .rightOfLastStack : .legend
            }
        } else {
            categoryAxis = CategoryAxis(left: chart.categories, maxWidth: width * 0.3)
            left = categoryAxis.width + 12
            right = Swift.max(marks.maxLabelWidth(chart.format) + 10, axis.overhang)
            naming = chart.series.count <= 1 ? .none : .legend
        }
    }

    var legend: [LegendEntry] {
        var entries: [LegendEntry] = []
        if naming == .legend {
            entries = chart.series.enumerated().map { LegendEntry(symbol: .swatch(series: $0, textured: $0 > 0), label: $1.name) }
        }
        return entries + Guides.estimateKey(chart.allData, .estimateBar) + Guides.suppressionKey(chart.allData)
    }

    var notes: [String] { Guides.suppressionNote(chart.allData) + marks.incompleteStackNote }

    private var top: Double {
        guard chart.orientation == .vertical else { return 6 }
        return naming == .firstGroup ? 36 : (chart.showsValues ? 20 : 8)
    }

    private var bottom: Double { chart.orientation == .vertical ? categoryAxis.belowHeight : ValueAxis.bottomHeight }

    var minimumHeight: Double {
        let plot: Double
        if chart.orientation == .vertical {
            plot = 160
        } else {
            let perBar = chart.layout == .grouped ? Double(Swift.max(chart.series.count, 1)) * 16 : 22
            let perRow = Swift.max(perBar, Double(categoryAxis.maxLines) * Theme.labelLine) + 12
            plot = Double(chart.categories.count) * perRow + 12
        }
        return CartesianFrame.height(plot: plot, top: top, bottomAxis: bottom, xTitle: xTitle, yTitle: yTitle)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let frame = CartesianFrame(content: content, left: left, right: right, top: top, bottomAxis: bottom,
                                   xTitle: xTitle, yTitle: yTitle)
        let plot = frame.plot
        if chart.orientation == .vertical {
            let scale = LinearScale(ticks: axis.ticks, range: (plot.maxY, plot.minY))
            let band = BandScale(count: chart.categories.count, range: (plot.minX, plot.maxX))
            axis.drawLeft(&ctx, plot: plot, scale: scale)
            marks.draw(&ctx, plot: plot, value: scale, band: band, naming: naming)
            axis.drawZero(&ctx, plot: plot, scale: scale, vertical: true)
            categoryAxis.drawBelow(&ctx, plot: plot, band: band)
        } else {
            let scale = LinearScale(ticks: axis.ticks, range: (plot.minX, plot.maxX))
            let band = BandScale(count: chart.categories.count, range: (plot.minY, plot.maxY), paddingInner: 0.3, paddingOuter: 0.15)
            axis.drawBottom(&ctx, plot: plot, scale: scale)
            marks.draw(&ctx, plot: plot, value: scale, band: band, naming: naming)
            axis.drawZero(&ctx, plot: plot, scale: scale, vertical: false)
            categoryAxis.drawLeft(&ctx, plot: plot, band: band)
        }
        frame.drawTitles(&ctx)
    }
}

/// The bars of a ``BarChart`` and their labels, for a given plot and scales (shared by the bar
/// chart and the panels of small multiples).
struct BarMarks {
    let chart: BarChart

    init(_ chart: BarChart) { self.chart = chart }

    private var vertical: Bool { chart.orientation == .vertical }

    /// Where the bars of category `i` start and how thick the group is: the band, narrowed to a
    /// readable maximum (a lone horizontal bar should not fill the plot) and centred.
    func group(_ band: BandScale, _ i: Int) -> (start: Double, thickness: Double) {
        let perBar = vertical ? 160.0 : 44.0
        let cap = chart.layout == .grouped ? perBar * Double(Swift.max(chart.series.count, 1)) * (vertical ? 1 : 0.75) : perBar
        let thickness = Swift.min(band.bandwidth, cap)
        return (band.start(i) + (band.bandwidth - thickness) / 2, thickness)
    }

    /// The smallest and largest values the bars reach (stack totals when stacked).
    var extent: (Double, Double) {
        switch chart.layout {
        case .normalized:
            return (0, 100)
        case .grouped:
            let values = chart.allData.compactMap(\.extent)
            return (values.min() ?? 0, values.max() ?? 0)
        case .stacked:
            var lo = 0.0, hi = 0.0
            for i in chart.categories.indices {
                let values = chart.series.compactMap { $0.value(i).extent }
                lo = Swift.min(lo, values.filter { $0 < 0 }.reduce(0, +))
                hi = Swift.max(hi, values.filter { $0 > 0 }.reduce(0, +))
            }
            return (lo, hi)
        }
    }

    /// The widest end-of-bar label, for the gutter of horizontal bars.
    func maxLabelWidth(_ format: NumberFormat) -> Double {
        guard chart.showsValues else { return 0 }
        let labels: [String]
        switch chart.layout {
        case .grouped: labels = chart.allData.map { $0.label(format) }
        case .stacked: labels = chart.categories.indices.map { stackTotalLabel($0) ?? "" }
        case .normalized: labels = []
        }
        return labels.map { TextMetrics.width($0, size: Theme.labelSize) }.max() ?? 0
    }

    /// The note for stacks that lack some of their values.
    var incompleteStackNote: [String] {
        guard chart.layout != .grouped else { return [] }
        var missing: [String] = []
        for (i, category) in chart.categories.enumerated() {
            let names = chart.series.filter { $0.value(i).status == .missing }.map { SVGText.clean($0.name) }
            if !names.isEmpty { missing.append(names.joined(separator: ", ") + " in " + SVGText.clean(category)) }
        }
        guard !missing.isEmpty else { return [] }
        let shown = chart.layout == .stacked ? "stacks marked \u{201C}+ no data\u{201D} show only the known values"
            : "shares cannot be computed without every part"
        return ["No data for " + missing.joined(separator: "; ") + ": " + shown + "."]
    }

    /// The label over a stack: its total, when every part is known.
    private func stackTotalLabel(_ i: Int) -> String? {
        let data = chart.series.map { $0.value(i) }
        guard data.allSatisfy({ $0.value != nil }) else { return nil }
        let total = data.compactMap(\.value).reduce(0, +)
        return (data.contains(where: \.isEstimate) ? "est. " : "") + chart.format.string(total)
    }

    /// A bar from value `a` to `b` across the band from `start`, `thickness` wide.
    private func barRect(_ value: LinearScale, start: Double, thickness: Double, from a: Double, to b: Double) -> Rect {
        let p = value(a), q = value(b)
        return vertical ? Rect(x: start, y: Swift.min(p, q), width: thickness, height: abs(p - q))
            : Rect(x: Swift.min(p, q), y: start, width: abs(p - q), height: thickness)
    }

    /// Draws a label at the outer end of a bar ending at `end` (pixels), across the band at `mid`.
    private func endLabel(_ ctx: inout RenderContext, _ text: String, end: Double, mid: Double, negative: Bool,
                          bold: Bool = false, fill: String = Theme.body) {
        if vertical {
            ctx.text(text, x: mid, y: negative ? end + 15 : end - 6, size: Theme.labelSize, anchor: .middle, bold: bold, fill: fill)
        } else {
            ctx.text(text, x: negative ? end - 6 : end + 6, y: Theme.centredBaseline(mid, size: Theme.labelSize),
                     size: Theme.labelSize, anchor: negative ? .end : .start, bold: bold, fill: fill)
        }
    }

    /// "no data" at the base of a missing bar, turned upright when the slot is too narrow.
    private func missingLabel(_ ctx: inout RenderContext, value: LinearScale, mid: Double, thickness: Double) {
        let text = "no data"
        let base = value(0)
        if !vertical {
            ctx.text(text, x: base + 6, y: Theme.centredBaseline(mid, size: 11), size: 11, fill: Theme.muted)
        } else if TextMetrics.width(text, size: 11) <= thickness + 4 {
            ctx.text(text, x: mid, y: base - 6, size: 11, anchor: .middle, fill: Theme.muted)
        } else {
            ctx.text(text, x: mid + 4, y: base - 6, size: 11, fill: Theme.muted, rotate: -90)
        }
    }

    func draw(_ ctx: inout RenderContext, plot: Rect, value: LinearScale, band: BandScale, naming: SeriesNaming) {
        let textured = naming == .legend
        switch chart.layout {
        case .grouped: drawGrouped(&ctx, value: value, band: band, naming: naming, textured: textured)
        case .stacked, .normalized: drawStacked(&ctx, plot: plot, value: value, band: band, naming: naming, textured: textured)
        }
    }

    private func drawGrouped(_ ctx: inout RenderContext, value: LinearScale, band: BandScale, naming: SeriesNaming, textured: Bool) {
        let n = Double(Swift.max(chart.series.count, 1))
        let slot = group(band, 0).thickness / n
        let thickness = chart.series.count > 1 ? slot * 0.9 : slot
        // Value labels only where they fit over their bar (vertical) or beside it.
        let widest = chart.allData.map { TextMetrics.width($0.label(chart.format), size: Theme.labelSize) }.max() ?? 0
        let labelled = chart.showsValues && (!vertical || widest <= slot + band.step * band.paddingInner * 0.5)
        for i in chart.categories.indices {
            for (j, s) in chart.series.enumerated() {
                let d = s.value(i)
                let start = group(band, i).start + Double(j) * slot + (slot - thickness) / 2
                let mid = start + thickness / 2
                let color = Palette.color(j)
                var labelEnd = value(0)
                if let extent = d.extent {
                    let r = barRect(value, start: start, thickness: thickness, from: 0, to: extent)
                    switch d.status {
                    case .observed: ctx.bar(r, color: color, texture: textured ? ctx.textureFill(j) : nil)
                    case .estimate: ctx.estimateBar(r, color: color)
                    default: ctx.placeholder(r)
                    }
                    labelEnd = value(extent)
                    if labelled || d.suppressionThreshold != nil {
                        endLabel(&ctx, d.label(chart.format), end: labelEnd, mid: mid, negative: extent < 0)
                    }
                } else {
                    missingLabel(&ctx, value: value, mid: mid, thickness: thickness)
                }
                if naming == .firstGroup && i == 0 {
                    let above = labelled || d.extent == nil || d.suppressionThreshold != nil ? 21.0 : 6.0
                    ctx.text(s.name, x: mid, y: labelEnd - above, size: Theme.labelSize, anchor: .middle, bold: true, fill: Theme.ink)
                }
            }
        }
    }

    private func drawStacked(_ ctx: inout RenderContext, plot: Rect, value: LinearScale, band: BandScale, naming: SeriesNaming,
                             textured: Bool) {
        let normalized = chart.layout == .normalized
        var lastCentres: [Double] = []
        for i in chart.categories.indices {
            let data = chart.series.map { $0.value(i) }
            let total = data.compactMap(\.extent).map(abs).reduce(0, +)
            let (start, thickness) = group(band, i)
            let mid = start + thickness / 2
            if normalized && (data.contains { $0.status == .missing } || total == 0) {
                missingLabel(&ctx, value: value, mid: mid, thickness: thickness)
                continue
            }
            // With a suppressed part the total is unknown, so parts are labelled with counts, not shares.
            let percentLabels = normalized && !data.contains { $0.suppressionThreshold != nil }
            var up = 0.0, down = 0.0
            lastCentres = []
            for (j, d) in data.enumerated() {
                guard var extent = d.extent else { lastCentres.append(.nan); continue }
                if normalized { extent = abs(extent) / total * 100 }
                let from = extent >= 0 ? up : down
                let to = from + extent
                if extent >= 0 { up = to } else { down = to }
                let r = barRect(value, start: start, thickness: thickness, from: from, to: to)
                let markID: String
                switch d.status {
                case .observed: markID = ctx.bar(r, color: Palette.color(j), texture: textured ? ctx.textureFill(j) : nil)
                case .estimate: markID = ctx.estimateBar(r, color: Palette.color(j))
                default: markID = ctx.placeholder(r)
                }
                let centre = (value(from) + value(to)) / 2
                lastCentres.append(centre)
                // The value inside its segment when it fits.
                let text = percentLabels ? NumberFormat.percent().string(extent) : d.label(chart.format)
                let tw = TextMetrics.width(text, size: Theme.labelSize)
                let fits = vertical ? r.height >= 16 && tw <= r.width - 4 : r.width >= tw + 8 && r.height >= 14
                if chart.showsValues && fits {
                    // Light text on dark solid fills; dark text with a white halo on textures and placeholders.
                    let solid = d.status == .observed && (j == 0 || !textured)
                    let ink = solid ? Palette.ink(on: j) : Theme.ink
                    let (tx, ty) = vertical ? (mid, centre) : (centre, mid)
                    ctx.text(text, x: tx, y: Theme.centredBaseline(ty, size: Theme.labelSize), size: Theme.labelSize,
                             anchor: .middle, fill: ink, halo: !solid, id: markID + "-inside")
                }
            }
            guard !normalized && chart.showsValues else { continue }
            if let totalText = stackTotalLabel(i) {
                endLabel(&ctx, totalText, end: value(up), mid: mid, negative: false, bold: true, fill: Theme.ink)
            } else if data.contains(where: { $0.status == .missing }) {
                endLabel(&ctx, "+ no data", end: value(up), mid: mid, negative: false, fill: Theme.muted)
            }
        }
        if naming == .rightOfLastStack {
            let ys = LabelSpread.spread(lastCentres.map { $0.isNaN ? plot.maxY : $0 }, gap: Theme.labelLine,
                                        low: plot.minY, high: plot.maxY)
            for (j, s) in chart.series.enumerated() {
                ctx.text(s.name, x: plot.maxX + 8, y: Theme.centredBaseline(ys[j], size: Theme.labelSize), size: Theme.labelSize,
                         bold: true, fill: Theme.ink)
            }
        }
    }
}
