/// One small chart per group (per statute, per provider) in a grid, all on a common value scale
/// so panels compare at a glance. Each panel is a bar chart or a line chart with its own title;
/// the axis titles, legend and notes are shared. Panels should list the same series in the same
/// order, since a series keeps its colour and texture across panels.
///
/// ```swift
/// let panels = SmallMultiples(panels: [
///     .init("53a-192a Trafficking in persons", .bars(BarChart(categories: ["2006–Mar 2016", "Mar–Dec 2016"],
///         series: [Series("Arrests", [10, nil]), Series("Convictions", [0, 2])]))),
///     .init("53a-83(c) Patronizing a minor", .bars(BarChart(categories: ["2013–2016"],
///         series: [Series("Arrests", [0]), Series("Convictions", [0])]))),
/// ])
/// ```
public struct SmallMultiples: Sendable, Hashable {
    /// What a panel draws.
    public enum PanelContent: Sendable, Hashable {
        case bars(BarChart)
        case line(LineChart)
    }

    /// One panel: its title and chart.
    public struct Panel: Sendable, Hashable {
        public var title: String
        public var content: PanelContent

        public init(_ title: String, _ content: PanelContent) {
            self.title = title
            self.content = content
        }
    }

    public var panels: [Panel]
    /// Panels per row; nil: up to three.
    public var columns: Int?

    public init(panels: [Panel], columns: Int? = nil) {
        self.panels = panels
        self.columns = columns
    }

    /// "Small multiples, 2 panels on a common scale. 53a-192a ...: Grouped bar chart. ..."
    public var dataDescription: String {
        let parts = panels.map { p -> String in
            let inner: String
            switch p.content {
            case let .bars(c): inner = c.dataDescription
            case let .line(c): inner = c.dataDescription
            }
            return SVGText.clean(p.title) + ": " + inner
        }
        return (["Small multiples, \(panels.count) panels on a common scale."] + parts).joined(separator: " ")
    }

    var allData: [Datum] {
        panels.flatMap { p -> [Datum] in
            switch p.content {
            case let .bars(c): return c.allData
            case let .line(c): return c.allData
            }
        }
    }
}

/// Small multiples laid out for a width.
struct SmallMultiplesPlan: ChartPlan {
    let chart: SmallMultiples
    let xTitle: Bool
    let yTitle: Bool
    let columns: Int
    let rows: Int
    let axis: ValueAxis
    let panelWidth: Double
    let left: Double
    let titles: [FittedText]
    let bottomAxis: Double

    static let gap = 24.0
    static let top = 20.0

    init(_ chart: SmallMultiples, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        let n = chart.panels.count
        columns = Swift.max(Swift.min(chart.columns ?? Swift.min(n, 3), Swift.max(n, 1)), 1)
        rows = Swift.max((n + columns - 1) / columns, 1)
        var lo = 0.0, hi = 0.0
        var format = NumberFormat.integer
        var integer = true
        for (k, p) in chart.panels.enumerated() {
            let e: (Double, Double)
            switch p.content {
            case let .bars(c):
                e = BarMarks(c).extent
                if k == 0 { format = c.layout == .normalized ? .percent() : c.format }
                integer = integer && c.format.decimals == 0 && c.layout != .normalized
            case let .line(c):
                e = c.yExtent
                if k == 0 { format = c.yFormat }
                integer = integer && c.yFormat.decimals == 0
            }
            lo = Swift.min(lo, e.0)
            hi = Swift.max(hi, e.1)
        }
        axis = ValueAxis(NiceTicks(covering: lo, hi, count: 4, integer: integer), format: format)
        left = axis.labelWidth + 10
        let panelWidth = (width - Double(columns - 1) * SmallMultiplesPlan.gap) / Double(columns)
        self.panelWidth = panelWidth
        let plotWidth = panelWidth - axis.labelWidth - 10
        titles = chart.panels.map { TextMetrics.fit($0.title, maxWidth: panelWidth, size: Theme.panelTitleSize, bold: true, maxLines: 2) }
        bottomAxis = chart.panels.map { p -> Double in
            switch p.content {
            case let .bars(c):
                return CategoryAxis(below: c.categories, bandStep: BandScale(count: c.categories.count, range: (0, plotWidth)).step).belowHeight
            case .line:
                return ValueAxis.bottomHeight
            }
        }.max() ?? ValueAxis.bottomHeight
    }

    private var titleHeight: Double { Double(titles.map(\.lines.count).max() ?? 1) * 17 + 4 }

    private var seriesNames: [String] {
        var names: [String] = []
        for p in chart.panels {
            let ns: [String]
            switch p.content {
            case let .bars(c): ns = c.series.map(\.name)
            case let .line(c): ns = c.series.map(\.name)
            }
            for (i, name) in ns.enumerated() where i >= names.count { names.append(name) }
        }
        return names
    }

    private var isLine: Bool {
        if case .line = chart.panels.first?.content { return true }
        return false
    }

    var legend: [LegendEntry] {
        var entries: [LegendEntry] = []
        let names = seriesNames
        if names.count > 1 {
            entries = names.enumerated().map {
                LegendEntry(symbol: isLine ? .line(series: $0, dashed: false, hollow: false) : .swatch(series: $0, textured: $0 > 0),
                            label: $1)
            }
        }
        return entries + Guides.estimateKey(chart.allData, isLine ? .line(series: 0, dashed: true, hollow: true) : .estimateBar)
            + Guides.suppressionKey(chart.allData)
    }

    var notes: [String] {
        Guides.suppressionNote(chart.allData) + chart.panels.flatMap { p -> [String] in
            if case let .bars(c) = p.content { return BarMarks(c).incompleteStackNote }
            return []
        }
    }

    var minimumHeight: Double {
        let panel = titleHeight + SmallMultiplesPlan.top + 120 + bottomAxis
        return Double(rows) * panel + Double(rows - 1) * SmallMultiplesPlan.gap + (xTitle ? CartesianFrame.titleRow : 0)
            + (yTitle ? CartesianFrame.titleRow : 0)
    }

    func draw(in content: Rect, _ ctx: inout RenderContext) {
        let overall = CartesianFrame(content: content, left: 0, right: 0, top: 0, bottomAxis: 0, xTitle: xTitle, yTitle: yTitle)
        let grid = overall.plot
        let panelHeight = (grid.height - Double(rows - 1) * SmallMultiplesPlan.gap) / Double(rows)
        let legendNaming: SeriesNaming = seriesNames.count > 1 ? .legend : .none
        for (k, p) in chart.panels.enumerated() {
            let col = k % columns, row = k / columns
            let cell = Rect(x: grid.minX + Double(col) * (panelWidth + SmallMultiplesPlan.gap),
                            y: grid.minY + Double(row) * (panelHeight + SmallMultiplesPlan.gap), width: panelWidth, height: panelHeight)
            ctx.lines(titles[k], x: cell.minX, y: cell.minY + 13, lineHeight: 17, fill: Theme.ink)
            var right = 0.0
            if case let .line(c) = p.content { right = LinePlan.lastLabelOverhang(c) }
            let plot = cell.inset(top: titleHeight + SmallMultiplesPlan.top, right: right, bottom: bottomAxis, left: left)
            let y = LinearScale(ticks: axis.ticks, range: (plot.maxY, plot.minY))
            axis.drawLeft(&ctx, plot: plot, scale: y, labels: col == 0)
            switch p.content {
            case let .bars(c):
                var vertical = c
                vertical.orientation = .vertical
                let band = BandScale(count: c.categories.count, range: (plot.minX, plot.maxX))
                BarMarks(vertical).draw(&ctx, plot: plot, value: y, band: band, naming: legendNaming)
                CategoryAxis(below: c.categories, bandStep: band.step).drawBelow(&ctx, plot: plot, band: band)
            case let .line(c):
                let ticks = LinePlan.ticks(c, plotWidth: plot.width)
                let x = LineMarks.xScale(c, plot: plot, ticks: ticks)
                LineMarks.drawXAxis(&ctx, c, plot: plot, x: x, ticks: ticks)
                LineMarks.draw(&ctx, c, plot: plot, x: x, y: y, directNames: false)
            }
            axis.drawZero(&ctx, plot: plot, scale: y, vertical: true)
        }
        overall.drawTitles(&ctx)
    }
}
