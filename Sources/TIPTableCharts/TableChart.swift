import TIPTable
import TIPCharts

/// A chart drawn from a table's columns: which column gives the categories or x (`x`), which
/// give the values (`y`), which rows are kept (`filters`), the words around the chart
/// (`text`), and the marks with their kind's own settings: one payload per kind (``Marks``),
/// so a chart carries only the settings its kind reads. ``spec(for:rowNotes:)`` reads the
/// table and returns the ``ChartSpec``, with titles, units and the source filled in from the
/// table's metadata when the ``ChartText`` leaves them out. This is the mapping behind
/// `tipstat chart`; it works on any CSV, with or without metadata, and knows nothing of the
/// council: a caller adds its own notes about the rows drawn through `rowNotes`.
///
/// The data are drawn as they are: a missing value is drawn as missing ("no data"), never as
/// zero; a count observed over part of a year (an x period of fewer than 12 months) is
/// annualised with TIPStats' `AnnualisedCount` and drawn as an estimate, with a note, unless
/// `annualise` is off; counts from 1 to `suppressBelow` - 1 are withheld and drawn as "<k".
///
/// ```swift
/// var chart = TableChart(.groupedBar(.init()), x: "period", y: ["arrests", "convictions"])
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

    /// The marks of each kind, with the settings only that kind reads.
    public enum Marks: Sendable, Hashable {
        /// One bar per category, several series side by side.
        case bar(Bars)
        /// Several series side by side per category (as `bar` with several series).
        case groupedBar(Bars)
        /// Series stacked on each other, or as percentages of each category's total.
        case stackedBar(StackedBars)
        /// Lines with points over years or another numeric x.
        case line(Line)
        /// Points with interval whiskers, one row per category.
        case dot(Dots)
        /// A one-at-a-time sensitivity chart.
        case tornado(Tornado)
        /// A histogram of one column's values.
        case histogram(Histogram)
        /// Shares of a whole.
        case share(Shares)
        /// One panel per value of a column.
        case smallMultiples(SmallMultiples)

        public var kind: Kind {
            switch self {
            case .bar: return .bar
            case .groupedBar: return .groupedBar
            case .stackedBar: return .stackedBar
            case .line: return .line
            case .dot: return .dot
            case .tornado: return .tornado
            case .histogram: return .histogram
            case .share: return .share
            case .smallMultiples: return .smallMultiples
            }
        }
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

    public var marks: Marks
    /// Categories (bars, dots, shares, tornado factors) or the horizontal position (lines:
    /// numbers or periods); for a histogram, the values.
    public var x: String?
    /// The value columns: several make one series each.
    public var y: [String]
    public var filters: [Filter]
    public var text: ChartText

    public init(_ marks: Marks, x: String? = nil, y: [String] = [], filters: [Filter] = [], text: ChartText = ChartText()) {
        self.marks = marks
        self.x = x
        self.y = y
        self.filters = filters
        self.text = text
    }

    public var kind: Kind { marks.kind }

    /// The chart of `table`'s rows. `rowNotes` adds the caller's notes about the rows drawn
    /// (after the notes the data call for, before `text.notes`).
    ///
    /// - Throws: ``TableChartError`` naming every problem: a column the table does not have, a
    ///   value that is not a number (`FILE:LINE:COLUMN`), a duplicate value for one mark, no
    ///   rows, a setting out of range (a level outside (0, 1), a bin count outside 1...400).
    public func spec(for table: Table, rowNotes: @escaping (DrawnRows) -> [String] = { _ in [] }) throws(TableChartError) -> ChartSpec {
        var builder = try TableChartBuilder(self, table, rowNotes: rowNotes)
        return try builder.build()
    }
}
