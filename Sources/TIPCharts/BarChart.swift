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
/// Vertical bars whose category labels do not fit under them (thirty towns) turn horizontal,
/// where each name has a line of its own; bars over time (`positions` with `step`) keep a slot
/// for every period, so a missing year shows as a gap, and thin their labels instead of turning.
/// Ordered series (years, age bands) take the sequential palette; a series marked `isUnknown`
/// is grey. `scale: .log` draws grouped bars on a log axis.
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
    /// Linear (default) or logarithmic value axis; logarithmic only for grouped bars (a stack's
    /// parts cannot be read on a log scale), ignored otherwise.
    public var scale: ValueScale
    /// Where each category falls in time (its year, or any regular x), for bars over time;
    /// with ``step``, a period with no category gets an empty slot labelled "no data". Nil:
    /// categories are not over time.
    public var positions: [Double]?
    /// The spacing of ``positions`` (1 for yearly bars).
    public var step: Double
    /// How an empty slot's period is labelled (default: a year).
    public var positionFormat: NumberFormat
    /// Whether the series are ordered (years, age bands) and take the sequential palette.
    public var seriesAreOrdered: Bool

    public init(categories: [String], series: [Series], layout: Layout = .grouped, orientation: Orientation = .vertical,
                format: NumberFormat = .integer, showsValues: Bool = true, scale: ValueScale = .linear,
                positions: [Double]? = nil, step: Double = 1, positionFormat: NumberFormat = .year, seriesAreOrdered: Bool = false) {
        self.categories = categories
        self.series = series
        self.layout = layout
        self.orientation = orientation
        self.format = format
        self.showsValues = showsValues
        self.scale = scale
        self.positions = positions
        self.step = step
        self.positionFormat = positionFormat
        self.seriesAreOrdered = seriesAreOrdered
    }

    /// Simple bars: one value per category.
    public init(categories: [String], values: [Datum], name: String = "", orientation: Orientation = .vertical,
                format: NumberFormat = .integer, showsValues: Bool = true, scale: ValueScale = .linear,
                positions: [Double]? = nil, step: Double = 1) {
        self.init(categories: categories, series: [Series(name, values)], orientation: orientation, format: format,
                  showsValues: showsValues, scale: scale, positions: positions, step: step)
    }

    /// "Grouped bar chart. Arrests: Prostitution (53a-82) 3,557, Patronizing (53a-83) 1,378. Convictions: ..."
    public var dataDescription: String {
        let kind: String
        switch (layout, series.count) {
        case (.grouped, 1): kind = isLog ? "Bar chart on a logarithmic scale." : "Bar chart."
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

    /// Whether the value axis is logarithmic: asked for, and the bars grouped.
    var isLog: Bool { scale == .log && layout == .grouped }

    /// The chart with a slot for every period from the first position to the last, `step`
    /// apart: categories in time order, and for each period without one an empty category
    /// (every value missing) named by `positionFormat`. Unchanged without positions, or when
    /// they do not match the categories or would make more than 1,000 slots.
    var overTime: BarChart {
        guard let positions, positions.count == categories.count, step > 0, step.isFinite,
              let lo = positions.filter(\.isFinite).min(), let hi = positions.filter(\.isFinite).max(),
              positions.allSatisfy(\.isFinite), (hi - lo) / step < 1_000 else { return self }
        let slots = Int(((hi - lo) / step).rounded()) + 1
        var byslot: [Int: Int] = [:]
        for (i, p) in positions.enumerated() {
            let k = Int(((p - lo) / step).rounded())
            if byslot[k] == nil { byslot[k] = i }
        }
        var out = self
        out.categories = (0..<slots).map { k in byslot[k].map { categories[$0] } ?? positionFormat.string(lo + Double(k) * step) }
        out.series = series.map { s in Series(s.name, (0..<slots).map { k in byslot[k].map(s.value) ?? .missing }, isUnknown: s.isUnknown) }
        out.positions = (0..<slots).map { lo + Double($0) * step }
        return out
    }

    /// The fill of series `j`: grey when unknown, else from the sequential or categorical palette.
    func color(_ j: Int) -> String {
        if j < series.count && series[j].isUnknown { return Palette.unknown }
        return seriesAreOrdered ? Palette.sequential(j, of: series.count) : Palette.color(j)
    }

    /// Values a log scale cannot draw, named for a note.
    var notDrawnOnLog: [String] {
        guard isLog else { return [] }
        var left: [String] = []
        for s in series {
            for (i, c) in categories.enumerated() where (s.value(i).value ?? 1) <= 0 {
                let name = SVGText.clean(s.name)
                left.append((name.isEmpty || series.count == 1 ? "" : name + " ") + SVGText.clean(c))
            }
        }
        return left.isEmpty ? [] : ["Zero and negative values cannot be drawn on a logarithmic scale and are left out: "
                                    + left.joined(separator: ", ") + "."]
    }
}

