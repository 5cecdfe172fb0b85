import TIPText
import TIPTable
import TIPStats
import TIPCharts

/// Reads a table for a ``TableChart``: finds its columns, keeps the filtered rows, reads each
/// value with its status (observed, estimate, missing, suppressed), annualises counts of partial
/// periods, computes intervals, and collects every problem with its location. The kinds'
/// layouts live in the extensions beside this file.
struct TableChartBuilder {
    /// One value ready to draw: its datum and, when asked for, its interval.
    struct Measurement {
        var datum: Datum
        var lower: Double?
        var upper: Double?
    }

    let chart: TableChart
    let table: Table
    /// The caller's notes about the rows drawn.
    let rowNotes: (DrawnRows) -> [String]
    /// The rows drawn, after the filters, in file order.
    var rows: [Int]
    var problems: [Problem] = []
    /// Notes the data call for: annualised estimates, multi-year totals, how intervals were made.
    var notes: [String] = []

    init(_ chart: TableChart, _ table: Table, rowNotes: @escaping (DrawnRows) -> [String]) throws(TableChartError) {
        self.chart = chart
        self.table = table
        self.rowNotes = rowNotes
        guard table.rowCount > 0 else {
            throw TableChartError([Problem(file: table.name, message: "the table has no rows to draw")])
        }
        var kept: [Int: Set<String>] = [:], dropped: [Int: Set<String>] = [:]
        for f in chart.filters {
            let c = try TableChartBuilder.column(f.column, in: table, option: "--where")
            // A period matches however it is written: 2007/2016-09 is the 2007-01/2016-09 a cell shows.
            let value = table.columns[c].type == .period ? (Period(parsing: f.value)?.description ?? f.value) : f.value
            if f.excluding { dropped[c, default: []].insert(value) } else { kept[c, default: []].insert(value) }
        }
        rows = (0..<table.rowCount).filter { r in
            kept.allSatisfy { c, values in values.contains(table.columns[c].values[r].description) }
                && dropped.allSatisfy { c, values in !values.contains(table.columns[c].values[r].description) }
        }
        guard !rows.isEmpty else {
            let said = chart.filters.map { "\($0.column)\($0.excluding ? "!=" : "=")\($0.value)" }.joined(separator: ", ")
            throw TableChartError([Problem(file: table.name, message: "no row matches --where \(said)")])
        }
    }

    // MARK: Columns

    /// The index of the column named `name` (matched loosely, as schemas match).
    static func column(_ name: String, in table: Table, option: String) throws(TableChartError) -> Int {
        guard let c = table.columnIndex(name) else {
            let names = table.columns.map { quotedForMessage($0.name) }.joined(separator: ", ")
            throw TableChartError([Problem(file: table.name, message:
                "no column \(quotedForMessage(name)) (given with \(option)); the columns are \(names)")])
        }
        return c
    }

    func column(_ name: String, option: String) throws(TableChartError) -> Int {
        try TableChartBuilder.column(name, in: table, option: option)
    }

    /// An optional column: nil when not asked for.
    func column(_ name: String?, option: String) throws(TableChartError) -> Int? {
        guard let name else { return nil }
        return try TableChartBuilder.column(name, in: table, option: option)
    }

    /// The x column, which the kind needs.
    func xColumn() throws(TableChartError) -> Int {
        guard let x = chart.x else {
            throw TableChartError([Problem(file: table.name, message: "a \(chart.kind.rawValue) chart needs --x, the column of its categories")])
        }
        return try column(x, option: "--x")
    }

    /// The y columns, of which the kind needs at least one.
    func yColumns() throws(TableChartError) -> [Int] {
        guard !chart.y.isEmpty else {
            throw TableChartError([Problem(file: table.name, message: "a \(chart.kind.rawValue) chart needs --y, the column of its values")])
        }
        var columns: [Int] = []
        for name in chart.y { columns.append(try column(name, option: "--y")) }
        return columns
    }

    /// A column's axis title: its metadata title (or its name, capitalised), with its unit when
    /// the title does not already say it: "Value (USD)", "Referrals".
    func title(_ c: Int) -> String {
        let name = table.columns[c].name
        let meta = table.metadata?.column(name)
        let title = meta?.title ?? Wording.capitalisingFirst(name)
        guard let unit = meta?.unit, !unit.isEmpty, !title.lowercased().contains(unit.lowercased()) else { return title }
        return "\(title) (\(unit))"
    }

    /// The title of several value columns: their shared unit, or their titles joined.
    func title(_ columns: [Int]) -> String {
        if columns.count == 1 { return title(columns[0]) }
        let units = Set(columns.map { table.metadata?.column(table.columns[$0].name)?.unit ?? "" })
        if units.count == 1, let unit = units.first, !unit.isEmpty { return Wording.capitalisingFirst(unit) }
        let titles = columns.enumerated().map { i, c in
            i == 0 ? Wording.capitalisingFirst(seriesName(c)) : Wording.lowercasingFirstWord(seriesName(c))
        }
        return titles.dropLast().joined(separator: ", ") + " and " + titles[titles.count - 1]
    }

    /// A series' name for a value column: its metadata title or its name.
    func seriesName(_ c: Int) -> String { table.metadata?.column(table.columns[c].name)?.title ?? table.columns[c].name }

    // MARK: Cells

    func problem(row r: Int, column c: Int, _ message: String) -> Problem {
        Problem(file: table.name, line: table.rowLines[r], column: c + 1, message: message)
    }

    /// A cell as a label: periods as people read them ("Jan–Sep 2016"), the rest as written.
    static func label(_ v: Value) -> String {
        if case let .period(p) = v { return p.label }
        return v.description
    }

    /// Each drawn row's label from column `c`; a missing label is a problem, since the row
    /// could not be placed.
    mutating func labels(_ c: Int, option: String) -> [Int: String] {
        var out: [Int: String] = [:]
        for r in rows {
            let v = table.columns[c].values[r]
            if v.isMissing {
                problems.append(problem(row: r, column: c, "column \(quotedForMessage(table.columns[c].name)) (\(option)) is empty: "
                                        + "every row drawn needs a value there"))
            } else {
                out[r] = TableChartBuilder.label(v)
            }
        }
        return out
    }

    /// Distinct labels in the order first met.
    static func ordered(_ labels: [Int: String], rows: [Int]) -> [String] {
        var seen = Set<String>()
        return rows.compactMap { labels[$0] }.filter { seen.insert($0).inserted }
    }

    /// Each drawn row's number from column `c` (nil when missing). A cell that is not a number
    /// is a problem at its location.
    mutating func numbers(_ c: Int, option: String) -> [Int: Double] {
        let column = table.columns[c]
        var out: [Int: Double] = [:]
        for r in rows {
            let v = column.values[r]
            if v.isMissing { continue }
            if let n = v.number {
                out[r] = n
                continue
            }
            let text = v.description
            let parsed = [ColumnType.integer, .double, .percent, .currency].lazy.compactMap { type -> Double? in
                if case let .value(value) = FieldParser.read(text, as: type) { return value.number }
                return nil
            }.first
            if let parsed, column.type == .string {
                out[r] = parsed
            } else {
                problems.append(problem(row: r, column: c, "column \(quotedForMessage(column.name)) (\(option)): expected a number, "
                                        + "found \(quotedForMessage(text))"))
            }
        }
        return out
    }

    /// Whether column `c` holds counts (whole numbers).
    func isCount(_ c: Int) -> Bool { table.columns[c].type == .integer }

    /// Each drawn row's period, when column `c` holds periods.
    func periods(_ c: Int) -> [Int: Period]? {
        guard table.columns[c].type == .period else { return nil }
        var out: [Int: Period] = [:]
        for r in rows { if let p = table.columns[c].values[r].period { out[r] = p } }
        return out
    }

    /// The rows marked as estimates by the `estimate` column.
    mutating func estimateFlags(_ estimate: String?) throws(TableChartError) -> Set<Int> {
        guard let c = try column(estimate, option: "--estimate") else { return [] }
        var out = Set<Int>()
        for r in rows {
            switch table.columns[c].values[r] {
            case .boolean(true): out.insert(r)
            case .boolean(false), .missing: break
            case let v:
                problems.append(problem(row: r, column: c, "column \(quotedForMessage(table.columns[c].name)) (--estimate): "
                                        + "expected true/false or yes/no, found \(quotedForMessage(v.description))"))
            }
        }
        return out
    }

    /// Throws the problems found so far, if any.
    func check() throws(TableChartError) {
        if !problems.isEmpty { throw TableChartError(problems) }
    }

    // MARK: Values

    /// How a kind reads its values: periods, intervals, suppression. `drawsIntervals` says
    /// whether the chart draws `intervals` (a bar does not read them at all).
    struct Reading {
        var periods = TableChart.Periods()
        var intervals = TableChart.Intervals()
        var drawsIntervals = false
        var suppressBelow: Int?

        /// The interval columns, when the chart draws intervals from columns.
        var bounds: (low: String, high: String)? {
            guard drawsIntervals, case let .columns(low, high)? = intervals.source else { return nil }
            return (low, high)
        }

        /// Whether the chart draws exact Poisson intervals of the counts.
        var poissonIntervals: Bool { drawsIntervals && intervals.source == .poisson }
    }

    /// Checks a kind's settings: a level in (0, 1), a threshold of at least 2.
    func check(_ reading: Reading) throws(TableChartError) {
        try TableChartBuilder.checkLevel(reading.intervals.level, table: table)
        if let k = reading.suppressBelow, k < 2 {
            throw TableChartError([Problem(file: table.name, message: "the suppression threshold must be at least 2 (got \(k)): a threshold of \(k) withholds no count")])
        }
    }

    static func checkLevel(_ level: Double, table: Table) throws(TableChartError) {
        guard level > 0 && level < 1 else {
            throw TableChartError([Problem(file: table.name, message: "the level must lie strictly between 0 and 1 (got \(formatNumber(level)))")])
        }
    }

    /// Every drawn row's value of column `y`, with its status and (when the chart draws them)
    /// interval.
    ///
    /// - Counts over a period shorter than a year, when `periods` are given, annualising is on
    ///   and every period with a value is a year or less, become annualised estimates with their
    ///   exact Poisson interval (always carried, so a line can show it) and a note.
    /// - `--estimate` rows are estimates; `--suppress-below` withholds small counts (the
    ///   observed count decides, before annualising), and a withheld value has no interval.
    /// - Intervals come from `--low`/`--high` or are exact Poisson intervals of the counts
    ///   (per unit of `--exposure`), scaled with the value when it is annualised.
    mutating func measure(_ y: Int, periods: [Int: Period]?, _ reading: Reading) throws(TableChartError) -> [Int: Measurement] {
        let values = numbers(y, option: "--y")
        let estimates = try estimateFlags(reading.periods.estimate)
        let lows = try column(reading.bounds?.low, option: "--low").map { numbers($0, option: "--low") }
        let highs = try column(reading.bounds?.high, option: "--high").map { numbers($0, option: "--high") }
        let exposureColumn = try column(reading.intervals.exposure, option: "--exposure")
        let exposures = exposureColumn.map { numbers($0, option: "--exposure") }
        let count = isCount(y)
        let level = reading.intervals.level
        if let k = reading.suppressBelow, !count {
            problems.append(Problem(file: table.name, message: "--suppress-below \(k) withholds small counts, but column "
                                    + "\(quotedForMessage(table.columns[y].name)) does not hold whole-number counts"))
        }
        try check()
        let countFormat = NumberFormat.integer, rateFormat = NumberFormat.decimal(1)
        // Part-years are annualised only in a yearly series: beside totals over several years,
        // a per-year figure would not compare.
        let yearly = rows.allSatisfy { r in values[r] == nil || (periods?[r].map { $0.months <= 12 } ?? true) }
        var annualised: [String] = []
        var out: [Int: Measurement] = [:]
        for r in rows {
            guard let v = values[r] else {
                out[r] = Measurement(datum: .missing)
                continue
            }
            if let k = reading.suppressBelow, case .suppressed = Datum.count(v, suppressBelow: k).status {
                out[r] = Measurement(datum: .suppressed(threshold: k))
                continue
            }
            let needsCount = reading.poissonIntervals
            if needsCount && !(v >= 0 && v == v.rounded() && v < 1e15) {
                problems.append(problem(row: r, column: y, "column \(quotedForMessage(table.columns[y].name)) (--y): an exact "
                                        + "Poisson interval needs a whole count of at least 0, found \(formatNumber(v))"))
                continue
            }
            if let exposureColumn, let exposures {
                guard let e = exposures[r], e > 0 else {
                    problems.append(problem(row: r, column: exposureColumn, "column \(quotedForMessage(table.columns[exposureColumn].name)) "
                                            + "(--exposure): expected a positive exposure, found \(quotedForMessage(table.columns[exposureColumn].values[r].description))"))
                    continue
                }
                var m = Measurement(datum: estimates.contains(r) ? .estimate(v / e) : Datum(v / e))
                if needsCount, let i = poisson(Int(v), exposure: e, level: level, row: r, column: y) { (m.lower, m.upper) = i }
                out[r] = m
                continue
            }
            if reading.periods.annualise, count, yearly, let p = periods?[r], p.months < 12 {
                do {
                    let a = try AnnualisedCount(count: Int(v), months: Double(p.months), level: level)
                    let scale = 12 / Double(p.months)
                    var m = Measurement(datum: .estimate(a.estimate), lower: a.lower, upper: a.upper)
                    if let lows, let highs, let lo = lows[r], let hi = highs[r] { (m.lower, m.upper) = (lo * scale, hi * scale) }
                    out[r] = m
                    annualised.append("\(p.label): \(countFormat.string(v)) in \(p.months) month\(p.months == 1 ? "" : "s") "
                                      + "\u{00D7} 12/\(p.months) = \(rateFormat.string(a.estimate)) a year")
                } catch {
                    problems.append(problem(row: r, column: y, error.message))
                }
                continue
            }
            var m = Measurement(datum: estimates.contains(r) ? .estimate(v) : Datum(v))
            if let lows, let highs {
                m.lower = lows[r]
                m.upper = highs[r]
            } else if needsCount, let i = poisson(Int(v), exposure: 1, level: level, row: r, column: y) {
                (m.lower, m.upper) = i
            }
            out[r] = m
        }
        try check()
        if !annualised.isEmpty {
            notes.append("Annualised estimates, drawn hollow or dashed: counts for part of a year scaled to a full year ("
                         + annualised.joined(separator: "; ") + ").")
        }
        if let periods {
            let long = TableChartBuilder.ordered(periods.filter { $0.value.months > 12 && values[$0.key] != nil }.mapValues(\.label), rows: rows)
            if !long.isEmpty && periods.values.contains(where: { $0.months <= 12 }) {
                notes.append("\(long.joined(separator: ", ")) span\(long.count == 1 ? "s" : "") several years: "
                             + "\(long.count == 1 ? "its value is the total" : "each value is the total") for the whole period, not a yearly figure.")
            }
        }
        if reading.poissonIntervals {
            let per = exposureColumn.map { " per unit of \(Wording.lowercasingFirstWord(title($0)))" } ?? ""
            notes.append("Intervals are exact (Garwood) \(TableChartBuilder.levelText(level)) Poisson intervals of the counts\(per).")
        } else if let lo = try column(reading.bounds?.low, option: "--low"), let hi = try column(reading.bounds?.high, option: "--high") {
            notes.append("Intervals run from \(Wording.lowercasingFirstWord(title(lo))) to \(Wording.lowercasingFirstWord(title(hi))).")
        }
        return out
    }

    /// The exact Poisson interval of a count over an exposure, or nil with a problem recorded.
    private mutating func poisson(_ count: Int, exposure: Double, level: Double, row: Int, column: Int) -> (Double, Double)? {
        do {
            let i = try PoissonInterval(count: count, exposure: exposure, level: level)
            return (i.lower, i.upper)
        } catch {
            problems.append(problem(row: row, column: column, error.message))
            return nil
        }
    }

    /// "95%", "90%", "99.5%".
    static func levelText(_ level: Double) -> String { NumberFormat.percent(decimals: 2).string(level * 100) }

    /// How values print: dollars for currency, percentages for percent columns, otherwise as
    /// many decimals as the values need (up to 3), at least one for annualised estimates.
    func format(_ columns: [Int], _ measurements: [Measurement]) -> NumberFormat {
        if !columns.isEmpty && columns.allSatisfy({ table.columns[$0].type == .currency }) { return .dollars }
        // Estimates (annualised counts) print with one decimal; their own digits would claim a
        // precision they do not have.
        var decimals = TableChartBuilder.decimals(measurements.filter { !$0.datum.isEstimate }.compactMap(\.datum.value))
        if measurements.contains(where: \.datum.isEstimate) { decimals = Swift.max(decimals, 1) }
        if !columns.isEmpty && columns.allSatisfy({ table.columns[$0].type == .percent }) { return .percent(decimals: decimals) }
        return .decimal(decimals)
    }

    /// The fewest decimals (0 to 3) that print every value exactly, or 3.
    static func decimals(_ values: [Double]) -> Int {
        var decimals = 0, scale = 1.0
        while decimals < 3 && !values.allSatisfy({ ($0 * scale - ($0 * scale).rounded()).magnitude < 1e-6 }) {
            decimals += 1
            scale *= 10
        }
        return decimals
    }

    // MARK: The figure

    /// The distinct `source` values of the drawn rows, or the metadata's `dc:source`.
    var defaultSource: String? {
        if let c = table.columnIndex("source") {
            var seen = Set<String>()
            let sources = rows.compactMap { table.columns[c].values[$0].string?.trimmingSpaces }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
            if !sources.isEmpty { return sources.joined(separator: "; ") }
        }
        return table.metadata?.source
    }

    /// The rows whose values are drawn, each labelled by its facet and x labels (or "row N"):
    /// what the caller's row notes are made from. A row drawn as "no data" is left out: it
    /// draws nothing a note could qualify.
    var drawnRows: DrawnRows {
        let labelColumns = [facetName, chart.x].compactMap { $0.flatMap(table.columnIndex) }
        let valueColumns = chart.y.compactMap(table.columnIndex)
        let valued = rows.filter { r in valueColumns.isEmpty || valueColumns.contains { !table.columns[$0].values[r].isMissing } }
        let labels = valued.map { r in
            let label = labelColumns.map { TableChartBuilder.label(table.columns[$0].values[r]) }.joined(separator: " ")
            return label.isEmpty ? "row \(table.rowLines[r])" : label
        }
        return DrawnRows(table: table, rows: valued, labels: labels)
    }

    /// The facet column's name, for small multiples.
    var facetName: String? {
        if case .smallMultiples(let m) = chart.marks { return m.facet }
        return nil
    }

    /// The spec around `content`, with the text's fields filled from the table where left out.
    /// `categoryTitle` and `valueTitle` are the defaults for the x column's and the values' axes;
    /// `valuesAcross` says the values run along the horizontal axis.
    func spec(_ content: ChartContent, categoryTitle: String?, valueTitle: String?, valuesAcross: Bool) -> ChartSpec {
        let text = chart.text
        let categoryAxis = text.xTitle ?? categoryTitle
        let valueAxis = text.yTitle ?? valueTitle
        let title = text.title ?? table.metadata?.title ?? [valueAxis, categoryAxis.map(Wording.lowercasingFirstWord)].compactMap { $0 }.joined(separator: " by ")
        var seen = Set<String>()
        return ChartSpec(title: title, subtitle: text.subtitle, xTitle: valuesAcross ? valueAxis : categoryAxis,
                         yTitle: valuesAcross ? categoryAxis : valueAxis, source: text.source ?? defaultSource,
                         notes: (notes + rowNotes(drawnRows) + text.notes).filter { seen.insert($0).inserted }, size: text.size, desc: text.desc,
                         id: text.id, content: content)
    }

    /// The chart of the kind asked for.
    mutating func build() throws(TableChartError) -> ChartSpec {
        switch chart.marks {
        case .bar(let bars), .groupedBar(let bars): return try self.bars(bars, layout: .grouped)
        case .stackedBar(let stacked): return try self.bars(stacked.bars, layout: stacked.percent ? .normalized : .stacked)
        case .line(let line): return try self.line(line)
        case .dot(let dots): return try self.dots(dots)
        case .tornado(let tornado): return try self.tornado(tornado)
        case .histogram(let histogram): return try self.histogram(histogram)
        case .share(let shares): return try self.shares(shares)
        case .smallMultiples(let multiples): return try smallMultiples(multiples)
        }
    }
}
