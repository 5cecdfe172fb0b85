import TIPCharts

/// The words and frame a user gives a chart drawn from a table: everything of a ``ChartSpec``
/// except its content. A nil field is filled from the table (its metadata's titles, units and
/// sources, or its rows' `source` values); see ``TableChart``.
///
/// `xTitle` titles the axis of the `--x` column and `yTitle` the axis of the `--y` values, whichever
/// way the chart is drawn: on horizontal bars the values run across, so `yTitle` goes there.
///
/// ```swift
/// var text = ChartText(title: "Referrals rose fifty-fold", subtitle: "133 in 2015, 4 in 2008.")
/// text.notes.append("2012 and 2013 are missing.")
/// ```
public struct ChartText: Sendable, Hashable {
    public var title: String?
    /// The finding, in one sentence.
    public var subtitle: String?
    public var notes: [String]
    /// The title of the `--x` column's axis.
    public var xTitle: String?
    /// The title of the values' axis.
    public var yTitle: String?
    public var source: String?
    public var size: ChartSize
    public var desc: String?
    public var id: String?

    public init(title: String? = nil, subtitle: String? = nil, notes: [String] = [], xTitle: String? = nil, yTitle: String? = nil,
                source: String? = nil, size: ChartSize = .standard, desc: String? = nil, id: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.notes = notes
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.source = source
        self.size = size
        self.desc = desc
        self.id = id
    }
}
