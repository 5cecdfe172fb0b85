/// What a chart draws: one kind of chart and its data. Each kind is its own type with the marks,
/// scales and guides it needs; ``ChartSpec`` adds the titles, notes and source around it.
///
/// ```swift
/// let content = ChartContent.bars(BarChart(categories: ["2014", "2015"], values: [94, 133]))
/// content.dataDescription // "Bar chart. 2014 94, 2015 133."
/// ```
public enum ChartContent: Sendable, Hashable {
    /// Vertical or horizontal bars: simple, grouped, stacked or 100% stacked.
    case bars(BarChart)
    /// Lines with points over a numeric x (years), estimates dashed and hollow, gaps kept.
    case line(LineChart)
    /// Points with interval whiskers, one row per category.
    case dots(DotPlot)
    /// One-at-a-time sensitivity: low and high bars around a base value, sorted by swing.
    case tornado(TornadoChart)
    /// The distribution of Monte Carlo draws with its interval and median.
    case histogram(Histogram)
    /// Bars of shares of a whole, labelled with counts and percentages.
    case shares(ShareChart)
    /// A ring of shares of a whole, labelled with counts and percentages.
    case donut(DonutChart)
    /// One panel per group on a common value scale.
    case smallMultiples(SmallMultiples)

    /// The data in words, for the SVG's `<desc>` when the spec gives none: every value with its
    /// category, estimates and suppressed or missing values said as such.
    public var dataDescription: String {
        switch self {
        case let .bars(c): return c.dataDescription
        case let .line(c): return c.dataDescription
        case let .dots(c): return c.dataDescription
        case let .tornado(c): return c.dataDescription
        case let .histogram(c): return c.dataDescription
        case let .shares(c): return c.dataDescription
        case let .donut(c): return c.dataDescription
        case let .smallMultiples(c): return c.dataDescription
        }
    }

    /// The layout of the content for a drawing area `width` wide.
    func plan(width: Double, xTitle: Bool, yTitle: Bool) -> any ChartPlan {
        switch self {
        case let .bars(c): return BarPlan(c, width: width, xTitle: xTitle, yTitle: yTitle)
        case let .line(c): return LinePlan(c, width: width, xTitle: xTitle, yTitle: yTitle)
        case let .dots(c): return DotPlan(c, width: width, xTitle: xTitle, yTitle: yTitle)
        case let .tornado(c): return TornadoPlan(c, width: width, xTitle: xTitle, yTitle: yTitle)
        case let .histogram(c): return HistogramPlan(c, width: width, xTitle: xTitle, yTitle: yTitle)
        case let .shares(c): return SharePlan(c, width: width, xTitle: xTitle, yTitle: yTitle)
        case let .donut(c) where c.hasTooManySlices:
            return SharePlan(c.asShareChart, width: width, xTitle: xTitle, yTitle: yTitle)
        case let .donut(c): return DonutPlan(c, width: width)
        case let .smallMultiples(c): return SmallMultiplesPlan(c, width: width, xTitle: xTitle, yTitle: yTitle)
        }
    }
}

/// A chart kind laid out for a known width: what it adds to the legend and the notes, the
/// height it needs, and how it draws itself into the area left between header and footer.
protocol ChartPlan {
    /// Whether the plan turned the chart (vertical bars drawn horizontal), so the axis titles
    /// trade places.
    var swapsAxisTitles: Bool { get }
    var legend: [LegendEntry] { get }
    var notes: [String] { get }
    /// Problems with the data the chart draws as best it can, for the command to print.
    var warnings: [String] { get }
    var minimumHeight: Double { get }
    func draw(in content: Rect, _ ctx: inout RenderContext)
}

extension ChartPlan {
    var warnings: [String] { [] }
    var swapsAxisTitles: Bool { false }
}

/// Legend keys and notes that every chart kind words the same way.
enum Guides {
    /// The note explaining suppressed counts, for the thresholds used (ascending).
    static func suppressionNote(_ data: [Datum]) -> [String] {
        let thresholds = Array(Set(data.compactMap(\.suppressionThreshold))).sorted()
        guard let t = thresholds.last else { return [] }
        let n = NumberFormat.integer
        let range = t <= 2 ? "of 1" : "from 1 to \(n.string(Double(t - 1)))"
        let labels = thresholds.map { "\u{201C}<\(n.string(Double($0)))\u{201D}" }.joined(separator: ", ")
        return ["Counts \(range) are suppressed to protect privacy: a hatched mark labelled \(labels) shows where a count "
                + "is withheld; its size is the threshold, not the count."]
    }

    /// The key for estimates, drawn as the chart draws them (a dashed bar, a hollow point on a
    /// dashed line), when any datum is one.
    static func estimateKey(_ data: [Datum], _ symbol: LegendEntry.Symbol) -> [LegendEntry] {
        data.contains(where: \.isEstimate) ? [LegendEntry(symbol: symbol, label: "Estimate")] : []
    }

    static func suppressionKey(_ data: [Datum]) -> [LegendEntry] {
        guard let t = data.compactMap(\.suppressionThreshold).min() else { return [] }
        return [LegendEntry(symbol: .hatch, label: "Suppressed (fewer than \(NumberFormat.integer.string(Double(t))))")]
    }

    /// "A 1, B 2, C no data": categories with their values, for descriptions.
    static func list(_ names: [String], _ values: [Datum], _ format: NumberFormat) -> String {
        zip(names, values).map { SVGText.clean($0) + " " + $1.spoken(format) }.joined(separator: ", ")
    }
}
