import ArgumentParser
import TIPTable
import TIPTableCharts

/// One `tipstat chart KIND` command: its name and help, the options only it takes, and the
/// marks they set. ``TableChartCommand`` does the rest, the same way for every kind.
protocol ChartKind: ParsableArguments {
    static var kind: TableChart.Kind { get }
    static var abstract: String { get }
    static var discussion: String { get }
    /// Checks that need the common options too (usage errors, exit 64).
    func check(_ common: ChartOptions) throws
    /// The kind's marks, with the settings its options give.
    var marks: TableChart.Marks { get }
}

extension ChartKind {
    func check(_ common: ChartOptions) throws {}
}

/// What every bar chart takes.
struct BarOptions: ParsableArguments {
    @OptionGroup var series: SeriesOptions

    @Flag(help: "Bars running right with the categories down the side (for long category names).")
    var horizontal = false

    @OptionGroup var periods: PeriodOptions
    @OptionGroup var suppression: SuppressionOptions

    var settings: TableChart.Bars {
        TableChart.Bars(group: series.group, horizontal: horizontal, periods: periods.settings, suppressBelow: suppression.threshold)
    }
}

struct BarKind: ChartKind {
    static let kind = TableChart.Kind.bar
    static let abstract = "Bars of a value per category, vertical or horizontal."
    static let discussion = """
    One bar per --x category (in the order of the rows) for the --y column; with several --y or \
    --group, bars side by side (as grouped-bar). Values are labelled on the bars; the value axis \
    starts at zero. A missing value is drawn as "no data", never as zero. When --x holds periods, \
    a count for part of a year is annualised and drawn dashed, with a note (--no-annualise \
    draws it as given).

    Example:
      tipstat chart bar Datasets/dcf-referrals.csv --x period --y referrals --title "DCF referrals" -o referrals.svg
      tipstat chart bar sales.csv --x region --y total --horizontal --suppress-below 5 -o regions.svg
    """
    @OptionGroup var bars: BarOptions
    func check(_ common: ChartOptions) throws { try bars.series.validate(common.y) }
    var marks: TableChart.Marks { .bar(bars.settings) }
}

struct GroupedBarKind: ChartKind {
    static let kind = TableChart.Kind.groupedBar
    static let abstract = "Bars of several series side by side per category."
    static let discussion = """
    Series come from several --y columns (wide data: arrests and convictions columns) or from one \
    --y split by --group (long data). Series are named directly above the first group when \
    they fit, else in a legend with textures, so colour is never the only cue.

    Example:
      tipstat chart grouped-bar Datasets/judicial.csv --x offence --y arrests --y convictions --where statute=53a-82 --where statute=53a-83 -o judicial.svg
      tipstat chart grouped-bar long.csv --x year --y count --group sex -o by-sex.svg
    """
    @OptionGroup var bars: BarOptions
    func check(_ common: ChartOptions) throws { try bars.series.validate(common.y) }
    var marks: TableChart.Marks { .groupedBar(bars.settings) }
}

struct StackedBarKind: ChartKind {
    static let kind = TableChart.Kind.stackedBar
    static let abstract = "Stacked bars, or 100% stacked bars with --percent."
    static let discussion = """
    Series (several --y, or --group) stack on each other; a stack's height is the category's \
    total. With --percent each bar shows its series as percentages of the category's total.

    Example:
      tipstat chart stacked-bar youth.csv --x year --y rapid_responses --y long_term -o youth.svg
      tipstat chart stacked-bar Datasets/judicial.csv --x offence --y arrests --y convictions --where period=2005/2014 --percent --horizontal -o shares.svg
    """
    @OptionGroup var bars: BarOptions

    @Flag(help: "100% stacked: each series as a percentage of the category's total.")
    var percent = false

    func check(_ common: ChartOptions) throws { try bars.series.validate(common.y) }

    var marks: TableChart.Marks { .stackedBar(.init(bars.settings, percent: percent)) }
}

struct LineKind: ChartKind {
    static let kind = TableChart.Kind.line
    static let abstract = "Lines with points over years or another numeric x."
    static let discussion = """
    --x holds numbers or periods (a period is placed at its year; one longer than a calendar \
    year is refused). Series come from several --y or from --group. Estimates (--estimate, or \
    annualised partial years) are hollow points on dashed segments with their exact Poisson \
    interval; missing values and gaps in the years break the line with "no data", nothing is \
    interpolated. --low/--high or --interval poisson add a whisker to every point.

    Example:
      tipstat chart line Datasets/dcf-referrals.csv --x period --y referrals --where 'period!=2013/2016' --where 'period!=2016' -o referrals.svg
      tipstat chart line Datasets/hotline.csv --x period --y cases --where 'period!=2016' --interval poisson -o cases.svg
    """
    @OptionGroup var series: SeriesOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var intervals: IntervalOptions
    @OptionGroup var suppression: SuppressionOptions

    func check(_ common: ChartOptions) throws { try series.validate(common.y) }

    var marks: TableChart.Marks {
        .line(.init(group: series.group, periods: periods.settings, intervals: intervals.settings, suppressBelow: suppression.threshold))
    }
}

struct DotKind: ChartKind {
    static let kind = TableChart.Kind.dot
    static let abstract = "Points with interval whiskers, one row per category."
    static let discussion = """
    Each row of the file is a row of the plot: its --x label, its --y value and an interval, \
    from --low and --high columns or computed with --interval poisson (exact Garwood intervals \
    of the counts, per unit of --exposure when given). Counts for part of a year (an --x period \
    of fewer than 12 months) are annualised with their interval.

    Example:
      tipstat chart dot Datasets/hotline.csv --x period --y cases --interval poisson -o cases.svg
      tipstat chart dot rates.csv --x county --y rate --low lower --high upper --reference 2.1 --reference-label "State" -o rates.svg
    """
    @OptionGroup var intervals: IntervalOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var suppression: SuppressionOptions

    func check(_ common: ChartOptions) throws {
        guard intervals.given else {
            throw ValidationError("a dot plot draws intervals: give --low and --high, or --interval poisson")
        }
    }

    var marks: TableChart.Marks {
        .dot(.init(intervals: intervals.settings, periods: periods.settings, reference: reference.line, suppressBelow: suppression.threshold))
    }
}

struct TornadoKind: ChartKind {
    static let kind = TableChart.Kind.tornado
    static let abstract = "A one-at-a-time sensitivity (tornado) chart."
    static let discussion = """
    One row per factor: --x names it, --y gives the base output (the same in every row), --low \
    and --high the output with the factor at its low and high setting, and --low-setting and \
    --high-setting optionally the settings themselves ("90 days"). Rows are sorted by swing.

    Example:
      tipstat chart tornado sensitivity.csv --x factor --y base --low at_low --high at_high --low-setting low --high-setting high -o tornado.svg
    """
    @Option(help: ArgumentHelp("The column of outputs with the factor at its low setting.", valueName: "column"))
    var low: String

    @Option(help: ArgumentHelp("The column of outputs with the factor at its high setting.", valueName: "column"))
    var high: String

    @Option(help: ArgumentHelp("The column naming each low setting.", valueName: "column"))
    var lowSetting: String?

    @Option(help: ArgumentHelp("The column naming each high setting.", valueName: "column"))
    var highSetting: String?

    var marks: TableChart.Marks { .tornado(.init(low: low, high: high, lowSetting: lowSetting, highSetting: highSetting)) }
}

struct HistogramKind: ChartKind {
    static let kind = TableChart.Kind.histogram
    static let abstract = "A histogram of one column's values, its central interval shaded."
    static let discussion = """
    The values of the --x column (or --y) in bins of a round width (1-2-5 steps); the median \
    and the central --level interval of the values (R's type-7 percentiles) are marked.

    Example:
      tipstat chart histogram draws.csv --x transactions --bins 40 --reference 82992 --reference-label "Report's figure" -o draws.svg
    """
    @Option(help: ArgumentHelp("About how many bins (1 to 400).", valueName: "n"))
    var bins: Int = 30

    @Option(help: ArgumentHelp("Coverage of the shaded central interval.", valueName: "p"))
    var level: Double = 0.95

    @OptionGroup var reference: ReferenceOptions

    func check(_ common: ChartOptions) throws {
        guard (1...400).contains(bins) else { throw ValidationError("--bins must lie in 1...400 (got \(bins))") }
        try checkLevel(level)
        guard (common.x == nil) != common.y.isEmpty, common.y.count <= 1 else {
            throw ValidationError("a histogram draws one column of values: give it with --x (or --y), once")
        }
    }

    var marks: TableChart.Marks { .histogram(.init(bins: bins, level: level, reference: reference.line)) }
}

struct ShareKind: ChartKind {
    static let kind = TableChart.Kind.share
    static let abstract = "Shares of a whole as bars (or a donut), labelled with counts and percentages."
    static let discussion = """
    One share per row: the --x category and its --y count, labelled "96 (46%)". Shares are of \
    --total when given (a stated total), otherwise of the sum of the known counts, and a note \
    says which. Suppressed counts are shown as "<k" without a share.

    Example:
      tipstat chart share race.csv --x category --y count --total 210 --sort -o race.svg
      tipstat chart share colour.csv --x group --y children --donut -o colour.svg
    """
    @Option(help: ArgumentHelp("The whole the shares are of (default: the sum of the counts).", valueName: "n"))
    var total: Double?

    @Flag(help: "A donut instead of bars (for up to about six categories).")
    var donut = false

    @Flag(help: "Largest share first.")
    var sort = false

    @OptionGroup var suppression: SuppressionOptions

    func check(_ common: ChartOptions) throws {
        if let total, !(total > 0 && total.isFinite) { throw ValidationError("--total must be a positive number (got \(formatNumber(total)))") }
    }

    var marks: TableChart.Marks { .share(.init(total: total, donut: donut, sortedByValue: sort, suppressBelow: suppression.threshold)) }
}

struct SmallMultiplesKind: ChartKind {
    static let kind = TableChart.Kind.smallMultiples
    static let abstract = "One panel per value of a column, all on a common scale."
    static let discussion = """
    --facet splits the rows into panels (in the order met); each panel draws bars (or lines with \
    --mark line) of --x against --y, with series from several --y or --group, on one value scale \
    shared by all panels so they compare at a glance.

    Example:
      tipstat chart small-multiples Datasets/judicial.csv --facet statute --x period --y arrests --y convictions -o statutes.svg
    """
    @Option(help: ArgumentHelp("The column whose values make the panels.", valueName: "column"))
    var facet: String

    @Option(help: ArgumentHelp("What each panel draws: bar or line.", valueName: "mark"))
    var mark: TableChart.PanelMark = .bar

    @Option(help: ArgumentHelp("Panels per row (default: up to three).", valueName: "n"))
    var columns: Int?

    @OptionGroup var series: SeriesOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var suppression: SuppressionOptions

    func check(_ common: ChartOptions) throws {
        try series.validate(common.y)
        if let columns, !(1...12).contains(columns) { throw ValidationError("--columns must lie in 1...12 (got \(columns))") }
    }

    var marks: TableChart.Marks {
        .smallMultiples(.init(facet: facet, mark: mark, columns: columns, group: series.group, periods: periods.settings,
                              suppressBelow: suppression.threshold))
    }
}

extension TableChart.PanelMark: ExpressibleByArgument {}
