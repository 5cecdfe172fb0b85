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

/// Small multiples laid out for a width: up to three columns, fewer when the bar panels' category
/// labels would not fit under their bars without breaking a word; period and number labels are
/// thinned instead (every second year...), never wrapped inside a number or run together.
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
    /// Per panel, every how many categories a bar panel labels, from which (1 and 0 for line panels).
    let every: [(every: Int, phase: Int)]

    static let gap = 24.0
    static let top = 20.0

    init(_ chart: SmallMultiples, width: Double, xTitle: Bool, yTitle: Bool) {
        self.chart = chart
        self.xTitle = xTitle
        self.yTitle = yTitle
        let n = chart.panels.count
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
        let left = self.left
        func plotWidth(_ columns: Int) -> Double {
            (width - Double(columns - 1) * SmallMultiplesPlan.gap) / Double(columns) - left
        }
        func step(_ c: BarChart, _ columns: Int) -> Double { BandScale(count: c.categories.count, range: (0, plotWidth(columns))).step }
        var columns = Swift.max(Swift.min(chart.columns ?? Swift.min(n, 3), Swift.max(n, 1)), 1)
        if chart.columns == nil {
            while columns > 1 && !chart.panels.allSatisfy({ p in
                guard case let .bars(c) = p.content else { return true }
                return CategoryAxis.fitBelow(c.categories, bandStep: step(c, columns)) || CategoryAxis.areNumbers(c.categories)
            }) { columns -= 1 }
        }
        self.columns = columns
        rows = Swift.max((n + columns - 1) / columns, 1)
        let panelWidth = (width - Double(columns - 1) * SmallMultiplesPlan.gap) / Double(columns)
        self.panelWidth = panelWidth
        titles = chart.panels.map { TextMetrics.fit($0.title, maxWidth: panelWidth, size: Theme.panelTitleSize, bold: true, maxLines: 2) }
        every = chart.panels.map { p in
            guard case let .bars(c) = p.content, !CategoryAxis.fitBelow(c.categories, bandStep: step(c, columns)) else { return (1, 0) }
            return CategoryAxis.thinning(c.categories, bandStep: step(c, columns), positions: c.positions, step: c.step)
        }
        bottomAxis = zip(chart.panels, every).map { p, k -> Double in
            switch p.content {
            case let .bars(c): return CategoryAxis(below: c.categories, bandStep: step(c, columns), every: k.every, phase: k.phase).belowHeight
            case .line: return ValueAxis.bottomHeight
            }
        }.max() ?? ValueAxis.bottomHeight
    }

    private var titleHeight: Double { Double(titles.map(\.lines.count).max() ?? 1) * 17 + 4 }

    /// Every series name, in order of first appearance, with the panel chart that has it.
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
            let firstBars = chart.panels.lazy.compactMap { p -> BarChart? in if case let .bars(c) = p.content { return c } else { return nil } }.first
            entries = names.enumerated().map { j, name in
                LegendEntry(symbol: isLine ? .line(series: j, dashed: false, hollow: false)
                                : .swatch(color: firstBars?.color(j) ?? Palette.color(j), texture: j > 0 ? j : nil), label: name)
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
        overall.drawTitles(&ctx)
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
            let y = axis.scale((plot.maxY, plot.minY))
            axis.drawLeft(&ctx, plot: plot, scale: y, labels: col == 0)
            let bounds = Rect(x: cell.minX, y: plot.minY - SmallMultiplesPlan.top, width: cell.width, height: plot.height + SmallMultiplesPlan.top)
            switch p.content {
            case let .bars(c):
                var vertical = c
                vertical.orientation = .vertical
                let band = BandScale(count: c.categories.count, range: (plot.minX, plot.maxX))
                CategoryAxis(below: c.categories, bandStep: band.step, every: every[k].every, phase: every[k].phase)
                    .drawBelow(&ctx, plot: plot, band: band)
                BarMarks(vertical).draw(&ctx, plot: plot, value: y, band: band, naming: legendNaming, labelBounds: bounds)
            case let .line(c):
                let ticks = LineMarks.ticks(c, plotWidth: plot.width)
                let x = LineMarks.xScale(c, plot: plot)
                LineMarks.drawXAxis(&ctx, c, plot: plot, x: x, ticks: ticks)
                LineMarks.draw(&ctx, c, plot: plot, x: x, y: y, labelBounds: bounds, directNames: false, gutter: 0)
            }
            axis.drawZero(&ctx, plot: plot, scale: y, vertical: true)
        }
    }
}
