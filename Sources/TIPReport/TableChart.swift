import TIPTable
import TIPCharts

/// A chart drawn from a table's columns: which column gives the categories or x (`x`), which
/// give the values (`y`), how rows split into series (`group`) or panels (`facet`), and the
/// kind's own settings. ``spec(for:)`` reads the table and returns the ``ChartSpec``, with titles,
/// units and the source filled in from the table's metadata when the ``ChartText`` leaves them
/// out. This is the mapping layer behind `tipstat chart`; it works on any CSV, with or without
/// metadata.
///
/// The data are drawn as they are: a missing value is drawn as missing ("no data"), never as
/// zero; a count observed over part of a year (an x period of fewer than 12 months) is
/// annualised with ``TIPStats/AnnualisedCount`` and drawn as an estimate, with a note, unless
/// `annualise` is off; counts from 1 to `suppressBelow` - 1 are withheld and drawn as "<k".
///
/// ```swift
/// var chart = TableChart(.groupedBar, x: "period", y: ["arrests", "convictions"])
/// chart.text.title = "Arrests and convictions under 53a-192a"
/// chart.filters = [.init(column: "statute", value: "53a-192a")]
/// let svg = try chart.spec(for: table).svg()
/// ```
public struct TableChart: Sendable, Hashable {
    /// The chart kinds a table can be drawn as; the raw value is the command's name for it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case bar
        case groupedBar = "grouped-bar"
        case stackedBar = "stacked-bar"
        case line
        case dot
        case tornado
        case histogram
        case share
        case smallMultiples = "small-multiples"
    }

    /// What each panel of small multiples draws.
    public enum PanelMark: String, Sendable, Hashable, CaseIterable {
        case bar, line
    }

    /// Keep the rows whose `column` reads `value` (its canonical text, as `tipstat show --format
    /// csv` writes it), or with `excluding`, drop them. A row is kept when, for every column
    /// filtered, it reads one of the values kept (if any are given) and none of those dropped.
    public struct Filter: Sendable, Hashable {
        public var column: String
        public var value: String
        public var excluding: Bool

        public init(column: String, value: String, excluding: Bool = false) {
            self.column = column
            self.value = value
            self.excluding = excluding
        }
    }

    public var kind: Kind
    /// Categories (bars, dots, shares, tornado factors) or the horizontal position (lines:
    /// numbers or periods); for a histogram, the values.
    public var x: String?
    /// The value columns: several make one series each.
    public var y: [String]
    /// A column whose values split the rows into series.
    public var group: String?
    /// A column whose values split the rows into panels (small multiples).
    public var facet: String?
    public var filters: [Filter] = []
    /// Columns holding each row's interval ends (dots, lines), or the outputs at a factor's
    /// low and high settings (tornado).
    public var low: String?
    public var high: String?
    /// Columns naming a tornado factor's low and high settings ("90 days").
    public var lowSetting: String?
    public var highSetting: String?
    /// Exact (Garwood) Poisson intervals computed from the counts (dots, lines).
    public var poissonIntervals = false
    /// A column of exposures the counts were observed over; values become rates per unit.
    public var exposure: String?
    /// The intervals' confidence level.
    public var level = 0.95
    /// A boolean column marking rows that are estimates.
    public var estimate: String?
    /// Whether counts for periods shorter than a year are annualised (default true).
    public var annualise = true
    public var horizontal = false
    /// Stacked bars as percentages of each category's total.
    public var percent = false
    /// Shares as a donut rather than bars.
    public var donut = false
    /// Shares largest first.
    public var sortedByValue = false
    /// The whole the shares are of; nil: the sum of the counts.
    public var total: Double?
    /// About how many histogram bins.
    public var bins = 30
    /// A labelled reference value (dots, histograms).
    public var reference: ReferenceLine?
    public var panelMark: PanelMark = .bar
    /// Panels per row; nil: up to three.
    public var panelColumns: Int?
    /// Counts from 1 to this - 1 are withheld ("<k"); nil: no suppression.
    public var suppressBelow: Int?
    public var text = ChartText()

    public init(_ kind: Kind, x: String? = nil, y: [String] = [], group: String? = nil, text: ChartText = ChartText()) {
        self.kind = kind
        self.x = x
        self.y = y
        self.group = group
        self.text = text
    }

    /// The chart of `table`'s rows.
    ///
    /// - Throws: ``TableChartError`` naming every problem: a column the table does not have, a
    ///   value that is not a number (`FILE:LINE:COLUMN`), a duplicate value for one mark, no rows.
    public func spec(for table: Table) throws(TableChartError) -> ChartSpec {
        var builder = try TableChartBuilder(self, table)
        return try builder.build()
    }
}
