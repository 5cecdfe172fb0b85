import TIPTable
import TIPCharts

/// Charts of series over categories or x: bars, lines and their small multiples.
extension TableChartBuilder {
    /// One series: its name, the value column it reads and the rows it takes.
    struct SeriesSource {
        var name: String
        var y: Int
        var rows: Set<Int>
    }

    /// The series: one per value column, or one per `--group` value of the single value column.
    mutating func seriesSources(_ ys: [Int], group: String?) throws(TableChartError) -> [SeriesSource] {
        guard let g = try column(group, option: "--group") else {
            return ys.map { SeriesSource(name: seriesName($0), y: $0, rows: Set(rows)) }
        }
        guard ys.count == 1 else {
            throw TableChartError([Problem(file: table.name, message:
                "--group splits one value column into series; give one --y with it, or several --y without it")])
        }
        let labels = labels(g, option: "--group")
        try check()
        return TableChartBuilder.ordered(labels, rows: rows).map { name in
            SeriesSource(name: name, y: ys[0], rows: Set(rows.filter { labels[$0] == name }))
        }
    }

    /// The measurements of every value column, by column and row.
    mutating func measurements(_ ys: [Int], periods: [Int: Period]?, _ reading: Reading) throws(TableChartError) -> [Int: [Int: Measurement]] {
        try check(reading)
        var out: [Int: [Int: Measurement]] = [:]
        for y in ys where out[y] == nil { out[y] = try measure(y, periods: periods, reading) }
        return out
    }

    /// Each series' measurement at each key (category or x), in `order`; a key a series has no
    /// row with a value for is missing. Two rows with values for one key of one series are a
    /// problem: a mark shows one value.
    mutating func grid<Key: Hashable>(_ series: [SeriesSource], among rows: [Int], keys: [Int: Key], order: [Key],
                                      measured: [Int: [Int: Measurement]], describe: (Key) -> String) -> [[Measurement]] {
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return series.map { s in
            var cells = Array(repeating: Measurement(datum: .missing), count: order.count)
            var firstRow: [Int: Int] = [:]
            for r in rows where s.rows.contains(r) {
                // A row with no value in this series marks nothing, so it cannot clash with one that has.
                guard let key = keys[r], let k = position[key], let m = measured[s.y]?[r], m.datum.status != .missing else { continue }
                if let first = firstRow[k] {
                    let inSeries = series.count > 1 ? " in series \(quotedForMessage(s.name))" : ""
                    problems.append(problem(row: r, column: s.y, "a second value for \(quotedForMessage(describe(key)))\(inSeries) "
                        + "(the first is on line \(table.rowLines[first])); a mark shows one value: keep one row with --where, "
                        + "or split the rows into series with --group"))
                    continue
                }
                firstRow[k] = r
                cells[k] = m
            }
            return cells
        }
    }

    // MARK: Bars

    mutating func bars(_ settings: TableChart.Bars, layout: BarChart.Layout) throws(TableChartError) -> ChartSpec {
        let x = try xColumn(), ys = try yColumns()
        let labels = labels(x, option: "--x")
        let sources = try seriesSources(ys, group: settings.group)
        let measured = try measurements(ys, periods: periods(x), Reading(periods: settings.periods, suppressBelow: settings.suppressBelow))
        let bars = try barChart(rows, x: labels, sources: sources, measured: measured, ys: ys, layout: layout,
                                orientation: settings.horizontal ? .horizontal : .vertical)
        let valueTitle = bars.layout == .normalized ? "Percent of each bar\u{2019}s total" : title(ys)
        return spec(.bars(bars), categoryTitle: title(x), valueTitle: valueTitle, valuesAcross: settings.horizontal)
    }

    /// Bars of `rows`: categories from the x labels in the order met, one series per source.
    mutating func barChart(_ rows: [Int], x labels: [Int: String], sources: [SeriesSource], measured: [Int: [Int: Measurement]],
                           ys: [Int], layout: BarChart.Layout, orientation: BarChart.Orientation) throws(TableChartError) -> BarChart {
        let categories = TableChartBuilder.ordered(labels, rows: rows)
        let cells = grid(sources, among: rows, keys: labels, order: categories, measured: measured, describe: { $0 })
        try check()
        return BarChart(categories: categories, series: zip(sources, cells).map { Series($0.name, $1.map(\.datum)) },
                        layout: layout, orientation: orientation,
                        format: format(ys, measured.values.flatMap(\.values)))
    }

    // MARK: Lines

    mutating func line(_ settings: TableChart.Line) throws(TableChartError) -> ChartSpec {
        let x = try xColumn(), ys = try yColumns()
        var sources = try seriesSources(ys, group: settings.group)
        if let periods = periods(x) { dropPartsOfYearsGivenWhole(periods, sources: &sources) }
        let reading = Reading(periods: settings.periods, intervals: settings.intervals, drawsIntervals: true, suppressBelow: settings.suppressBelow)
        let measured = try measurements(ys, periods: periods(x), reading)
        let positions = try xPositions(x, measured: measured)
        let line = try lineChart(rows, x: positions, sources: sources, measured: measured, ys: ys, periodX: periods(x) != nil,
                                 dateX: isDateColumn(x), intervals: settings.intervals)
        return spec(.line(line), categoryTitle: title(x), valueTitle: title(ys), valuesAcross: false)
    }

    /// A line has one point per year: where a series has both a count for part of a year
    /// (January–September) and one for the whole year, the whole year is drawn and the part left
    /// out of that series, with a note saying so; the part adds nothing the year does not state.
    /// A part stays in a series whose whole-year row has no value.
    mutating func dropPartsOfYearsGivenWhole(_ periods: [Int: Period], sources: inout [SeriesSource]) {
        let table = self.table
        var left: [Int: Int] = [:]
        for i in sources.indices {
            let y = sources[i].y
            for r in rows where sources[i].rows.contains(r) && !table.columns[y].values[r].isMissing {
                guard let part = periods[r], part.start.year == part.end.year, !part.isFullYear else { continue }
                let whole = rows.first { w in
                    sources[i].rows.contains(w) && !table.columns[y].values[w].isMissing
                        && periods[w].map { $0.isFullYear && $0.start.year == part.start.year } == true
                }
                guard let whole else { continue }
                sources[i].rows.remove(r)
                if left[r] == nil { left[r] = whole }
            }
        }
        for (r, whole) in left.sorted(by: { $0.key < $1.key }) {
            let name = sources.count > 1 ? " from " + sources.filter { !$0.rows.contains(r) }.map(\.name).joined(separator: ", ") : ""
            notes.append("\(periods[r]!.label) (line \(table.rowLines[r])) is left out\(name): the whole year "
                         + "\(periods[r]!.start.year) (line \(table.rowLines[whole])) is drawn instead.")
        }
        let everywhere = Set(left.keys.filter { r in !sources.contains { $0.rows.contains(r) } })
        rows.removeAll { everywhere.contains($0) }
    }

    /// Each drawn row's position on a line's x axis: its number, or its period's year. A period
    /// that runs beyond one calendar year has no place on a yearly axis. A row with no value to
    /// draw needs no place: it is left out quietly, since nothing of it would show.
    mutating func xPositions(_ x: Int, measured: [Int: [Int: Measurement]]) throws(TableChartError) -> [Int: Double] {
        let valued = Set(rows.filter { r in measured.values.contains { $0[r].map { $0.datum.status != .missing } ?? false } })
        if isDateColumn(x) {
            var out: [Int: Double] = [:]
            for r in rows {
                if case .date(let d) = table.columns[x].values[r] {
                    out[r] = Double(CalendarAxis.day(year: d.year, month: d.month, day: d.day))
                } else if valued.contains(r) {
                    unplaced(r, x, nil)
                }
            }
            try check()
            return out
        }
        guard let periods = periods(x) else {
            let numbers = numbers(x, option: "--x")
            for r in rows where numbers[r] == nil && table.columns[x].values[r].isMissing && valued.contains(r) {
                problems.append(problem(row: r, column: x, "column \(quotedForMessage(table.columns[x].name)) (--x) is empty: "
                                        + "every row drawn needs a value there"))
            }
            try check()
            return numbers
        }
        var out: [Int: Double] = [:]
        for r in rows {
            guard let p = periods[r], p.start.year == p.end.year else {
                if valued.contains(r) { unplaced(r, x, periods[r]) }
                continue
            }
            out[r] = Double(p.start.year)
        }
        try check()
        return out
    }

    /// Whether column `c` holds dates (a line then draws them on a calendar axis).
    func isDateColumn(_ c: Int) -> Bool { table.columns[c].type == .date }

    /// The problem of a row a line cannot place.
    private mutating func unplaced(_ r: Int, _ x: Int, _ period: Period?) {
        guard let p = period else {
            problems.append(problem(row: r, column: x, "column \(quotedForMessage(table.columns[x].name)) (--x) is empty: "
                                    + "every row drawn needs a value there"))
            return
        }
        problems.append(problem(row: r, column: x, "the period \(p.description) runs over more than one calendar year, "
            + "so a line over years cannot place it; leave it out with --where '\(table.columns[x].name)!=\(p.description)', or draw bars"))
    }

    /// A line chart of `rows`. Intervals are drawn when asked for, and always for annualised
    /// estimates, whose uncertainty is part of what they say.
    mutating func lineChart(_ rows: [Int], x positions: [Int: Double], sources: [SeriesSource], measured: [Int: [Int: Measurement]],
                            ys: [Int], periodX: Bool, dateX: Bool, intervals: TableChart.Intervals) throws(TableChartError) -> LineChart {
        let xs = Array(Set(rows.compactMap { positions[$0] })).sorted()
        let cells = grid(sources, among: rows, keys: positions, order: xs, measured: measured,
                         describe: { dateX ? CalendarAxis.label($0) : periodX ? NumberFormat.year.string($0) : formatNumber($0) })
        try check()
        let drawsIntervals = intervals.source != nil
        // A series gets a point where it has a row (a missing value included, drawn as "no
        // data"); where it has none, the line simply breaks.
        let series = zip(sources, cells).map { source, column in
            let present = Set(rows.filter { source.rows.contains($0) }.compactMap { positions[$0] })
            return LineSeries(source.name, points: zip(xs, column).compactMap { x, m in
                guard present.contains(x) else { return nil }
                let shows = drawsIntervals || m.datum.isEstimate
                return LinePoint(x: x, value: m.datum, lower: shows ? m.lower : nil, upper: shows ? m.upper : nil)
            })
        }
        let whole = xs.allSatisfy { $0 == $0.rounded() }
        let gaps = zip(xs, xs.dropFirst()).map { $1 - $0 }
        let xFormat: NumberFormat = periodX || (whole && xs.allSatisfy { $0 >= 1000 && $0 < 3000 }) ? .year
            : NumberFormat(decimals: TableChartBuilder.decimals(xs))
        // Dates come at irregular intervals: only a missing value breaks their line.
        var line = LineChart(series: series, xFormat: xFormat, yFormat: format(ys, measured.values.flatMap(\.values)),
                             step: whole && !dateX ? gaps.min() : nil, intervalLabel: "\(TableChartBuilder.levelText(intervals.level)) interval")
        line.xDates = dateX
        return line
    }

    // MARK: Small multiples

    mutating func smallMultiples(_ settings: TableChart.SmallMultiples) throws(TableChartError) -> ChartSpec {
        if let columns = settings.columns, !(1...12).contains(columns) {
            throw TableChartError([Problem(file: table.name, message: "the panels per row must lie in 1...12 (got \(columns))")])
        }
        let facet = try column(settings.facet, option: "--facet")
        let x = try xColumn(), ys = try yColumns()
        let panelLabels = labels(facet, option: "--facet")
        let sources = try seriesSources(ys, group: settings.group)
        let lines = settings.mark == .line
        let labels = lines ? [:] : labels(x, option: "--x")
        let measured = try measurements(ys, periods: periods(x), Reading(periods: settings.periods, drawsIntervals: lines,
                                                                          suppressBelow: settings.suppressBelow))
        let positions = lines ? try xPositions(x, measured: measured) : [:]
        var panels: [SmallMultiples.Panel] = []
        for name in TableChartBuilder.ordered(panelLabels, rows: rows) {
            let subset = rows.filter { panelLabels[$0] == name }
            if lines {
                panels.append(.init(name, .line(try lineChart(subset, x: positions, sources: sources, measured: measured, ys: ys,
                                                              periodX: periods(x) != nil, dateX: isDateColumn(x),
                                                              intervals: TableChart.Intervals()))))
            } else {
                panels.append(.init(name, .bars(try barChart(subset, x: labels, sources: sources, measured: measured, ys: ys,
                                                             layout: .grouped, orientation: .vertical))))
            }
        }
        return spec(.smallMultiples(SmallMultiples(panels: panels, columns: settings.columns)), categoryTitle: title(x),
                    valueTitle: title(ys), valuesAcross: false)
    }
}
