import TIPCharts

extension TableChart {
    /// How counts over periods become values.
    public struct Periods: Sendable, Hashable {
        /// Whether counts for periods shorter than a year are annualised (count x 12/months),
        /// drawn as estimates with a note.
        public var annualise: Bool
        /// A true/false column marking rows that are estimates (drawn hollow or dashed).
        public var estimate: String?

        public init(annualise: Bool = true, estimate: String? = nil) {
            self.annualise = annualise
            self.estimate = estimate
        }
    }

    /// The interval around each value, and the exposures values are divided by.
    public struct Intervals: Sendable, Hashable {
        /// Where intervals come from.
        public enum Source: Sendable, Hashable {
            /// Columns of each interval's ends.
            case columns(low: String, high: String)
            /// Exact (Garwood) Poisson intervals computed from the counts.
            case poisson
        }

        /// nil: no interval (an annualised estimate still carries its own).
        public var source: Source?
        /// A column of exposures the counts were observed over; values become rates per unit.
        public var exposure: String?
        /// The confidence level of computed intervals (and of annualised estimates').
        public var level: Double

        public init(_ source: Source? = nil, exposure: String? = nil, level: Double = 0.95) {
            self.source = source
            self.exposure = exposure
            self.level = level
        }
    }

    /// Bars of one or several series per category.
    public struct Bars: Sendable, Hashable {
        /// A column whose values split the rows into series (with one y column).
        public var group: String?
        /// Bars running right, categories down the side.
        public var horizontal: Bool
        public var periods: Periods
        /// Counts from 1 to this - 1 are withheld ("<k"); nil: no suppression.
        public var suppressBelow: Int?

        public init(group: String? = nil, horizontal: Bool = false, periods: Periods = Periods(), suppressBelow: Int? = nil) {
            self.group = group
            self.horizontal = horizontal
            self.periods = periods
            self.suppressBelow = suppressBelow
        }
    }

    /// Stacked bars: series on each other, or as percentages of each category's total.
    public struct StackedBars: Sendable, Hashable {
        public var bars: Bars
        /// 100% stacked.
        public var percent: Bool

        public init(_ bars: Bars = Bars(), percent: Bool = false) {
            self.bars = bars
            self.percent = percent
        }
    }

    /// Lines with points over numbers, periods or dates.
    public struct Line: Sendable, Hashable {
        public var group: String?
        public var periods: Periods
        public var intervals: Intervals
        public var suppressBelow: Int?

        public init(group: String? = nil, periods: Periods = Periods(), intervals: Intervals = Intervals(), suppressBelow: Int? = nil) {
            self.group = group
            self.periods = periods
            self.intervals = intervals
            self.suppressBelow = suppressBelow
        }
    }

    /// Points with interval whiskers; the intervals must have a source.
    public struct Dots: Sendable, Hashable {
        public var intervals: Intervals
        public var periods: Periods
        /// A labelled reference value across the plot.
        public var reference: ReferenceLine?
        public var suppressBelow: Int?

        public init(intervals: Intervals, periods: Periods = Periods(), reference: ReferenceLine? = nil, suppressBelow: Int? = nil) {
            self.intervals = intervals
            self.periods = periods
            self.reference = reference
            self.suppressBelow = suppressBelow
        }
    }

    /// A tornado chart: y the base output, `low` and `high` the outputs at each factor's settings.
    public struct Tornado: Sendable, Hashable {
        /// The column of outputs with the factor at its low setting.
        public var low: String
        /// The column of outputs with the factor at its high setting.
        public var high: String
        /// Columns naming each factor's low and high settings ("90 days").
        public var lowSetting: String?
        public var highSetting: String?

        public init(low: String, high: String, lowSetting: String? = nil, highSetting: String? = nil) {
            self.low = low
            self.high = high
            self.lowSetting = lowSetting
            self.highSetting = highSetting
        }
    }

    /// A histogram of one column's values, its central interval shaded.
    public struct Histogram: Sendable, Hashable {
        /// About how many bins, 1 to 400.
        public var bins: Int
        /// Coverage of the shaded central interval.
        public var level: Double
        public var reference: ReferenceLine?

        public init(bins: Int = 30, level: Double = 0.95, reference: ReferenceLine? = nil) {
            self.bins = bins
            self.level = level
            self.reference = reference
        }
    }

    /// Shares of a whole, as bars or a donut.
    public struct Shares: Sendable, Hashable {
        /// The whole the shares are of; nil: the sum of the counts.
        public var total: Double?
        public var donut: Bool
        /// Largest share first.
        public var sortedByValue: Bool
        public var suppressBelow: Int?

        public init(total: Double? = nil, donut: Bool = false, sortedByValue: Bool = false, suppressBelow: Int? = nil) {
            self.total = total
            self.donut = donut
            self.sortedByValue = sortedByValue
            self.suppressBelow = suppressBelow
        }
    }

    /// One panel per value of the `facet` column, all on a common scale.
    public struct SmallMultiples: Sendable, Hashable {
        public var facet: String
        public var mark: PanelMark
        /// Panels per row, 1 to 12; nil: up to three.
        public var columns: Int?
        public var group: String?
        public var periods: Periods
        public var suppressBelow: Int?

        public init(facet: String, mark: PanelMark = .bar, columns: Int? = nil, group: String? = nil, periods: Periods = Periods(),
                    suppressBelow: Int? = nil) {
            self.facet = facet
            self.mark = mark
            self.columns = columns
            self.group = group
            self.periods = periods
            self.suppressBelow = suppressBelow
        }
    }
}
