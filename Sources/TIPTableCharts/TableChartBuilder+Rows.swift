import TIPTable
import TIPCharts
import TIPText

/// Charts with one mark per row: dot plots, tornado charts, shares and histograms.
extension TableChartBuilder {
    /// The single value column of a kind that draws one.
    func singleY() throws(TableChartError) -> Int {
        let ys = try yColumns()
        guard ys.count == 1 else {
            throw TableChartError([Problem(file: table.name, message: "a \(chart.kind.rawValue) chart draws one value column; give one --y")])
        }
        return ys[0]
    }

    // MARK: Dots

    mutating func dots(_ settings: TableChart.Dots) throws(TableChartError) -> ChartSpec {
        let x = try xColumn(), y = try singleY()
        guard settings.intervals.source != nil else {
            throw TableChartError([Problem(file: table.name, message:
                "a dot plot draws intervals: give --low and --high columns, or --interval poisson to compute them from counts")])
        }
        let reading = Reading(periods: settings.periods, intervals: settings.intervals, drawsIntervals: true, suppressBelow: settings.suppressBelow)
        try check(reading)
        let labels = labels(x, option: "--x")
        let measured = try measure(y, periods: periods(x), reading)
        try check()
        let dots = DotPlot(rows: rows.map { r in
            let m = measured[r] ?? Measurement(datum: .missing)
            return DotPlot.Row(labels[r] ?? "", value: m.datum, lower: m.lower, upper: m.upper)
        }, reference: settings.reference, format: format([y], Array(measured.values)), pointLabel: seriesName(y),
            intervalLabel: "\(TableChartBuilder.levelText(settings.intervals.level)) interval")
        return spec(.dots(dots), categoryTitle: nil, valueTitle: title(y), valuesAcross: true)
    }

    // MARK: Tornado

    mutating func tornado(_ settings: TableChart.Tornado) throws(TableChartError) -> ChartSpec {
        let x = try xColumn(), y = try singleY()
        let lowColumn = try column(settings.low, option: "--low"), highColumn = try column(settings.high, option: "--high")
        let names = labels(x, option: "--x")
        let bases = numbers(y, option: "--y")
        let lows = numbers(lowColumn, option: "--low"), highs = numbers(highColumn, option: "--high")
        let lowSettings = try column(settings.lowSetting, option: "--low-setting").map { labels($0, option: "--low-setting") }
        let highSettings = try column(settings.highSetting, option: "--high-setting").map { labels($0, option: "--high-setting") }
        try check()
        var base: (value: Double, row: Int)?
        for r in rows {
            for (c, v) in [(y, bases[r]), (lowColumn, lows[r]), (highColumn, highs[r])] where v == nil {
                problems.append(problem(row: r, column: c, "column \(quotedForMessage(table.columns[c].name)) is empty: "
                                        + "every factor needs the base output and its outputs at the low and high settings"))
            }
            guard let b = bases[r] else { continue }
            if let first = base, first.value != b {
                problems.append(problem(row: r, column: y, "the base output \(formatNumber(b)) differs from the "
                    + "\(formatNumber(first.value)) on line \(table.rowLines[first.row]); --y must give the same base in every row"))
            } else if base == nil {
                base = (b, r)
            }
        }
        try check()
        let factors = rows.map { r in
            TornadoChart.Factor(names[r] ?? "", low: lowSettings?[r] ?? "low", high: highSettings?[r] ?? "high",
                                outputAtLow: lows[r] ?? 0, outputAtHigh: highs[r] ?? 0)
        }
        let values = rows.flatMap { [bases[$0], lows[$0], highs[$0]].compactMap { $0 } }
        let tornado = TornadoChart(base: base?.value ?? 0, baseLabel: seriesName(y), factors: factors,
                                   format: .decimal(TableChartBuilder.decimals(values)))
        return spec(.tornado(tornado), categoryTitle: nil, valueTitle: title(y), valuesAcross: true)
    }

    // MARK: Histogram

    mutating func histogram(_ settings: TableChart.Histogram) throws(TableChartError) -> ChartSpec {
        guard (chart.x == nil) != chart.y.isEmpty, chart.y.count <= 1 else {
            throw TableChartError([Problem(file: table.name, message:
                "a histogram draws one column of values: give it with --x (or --y), once")])
        }
        guard (1...400).contains(settings.bins) else {
            throw TableChartError([Problem(file: table.name, message: "the number of bins must lie in 1...400 (got \(settings.bins))")])
        }
        try TableChartBuilder.checkLevel(settings.level, table: table)
        var c = try column(chart.y.first, option: "--y") ?? 0
        if let x = try column(chart.x, option: "--x") { c = x }
        let numbers = numbers(c, option: chart.x == nil ? "--y" : "--x")
        try check()
        let values = rows.compactMap { numbers[$0] }
        guard !values.isEmpty else {
            throw TableChartError([Problem(file: table.name, message: "column \(quotedForMessage(table.columns[c].name)) has no values to draw")])
        }
        let left = rows.count - values.count
        if left > 0 { notes.append("\(NumberFormat.integer.string(Double(left))) row\(left == 1 ? " has" : "s have") no value and \(left == 1 ? "is" : "are") left out.") }
        let format = NumberFormat(decimals: TableChartBuilder.decimals(values))
        let histogram = Histogram(values: values, binCount: settings.bins, level: settings.level, reference: settings.reference,
                                  format: format, noun: "values", isMonteCarlo: false)
        return spec(.histogram(histogram), categoryTitle: title(c), valueTitle: "Number of values in the bin", valuesAcross: false)
    }

    // MARK: Shares

    mutating func shares(_ settings: TableChart.Shares) throws(TableChartError) -> ChartSpec {
        let x = try xColumn(), y = try singleY()
        if let total = settings.total, !(total > 0 && total.isFinite) {
            throw TableChartError([Problem(file: table.name, message: "the total must be a positive number (got \(formatNumber(total)))")])
        }
        let reading = Reading(suppressBelow: settings.suppressBelow)
        try check(reading)
        let labels = labels(x, option: "--x")
        let measured = try measure(y, periods: nil, reading)
        var firstRow: [String: Int] = [:]
        for r in rows {
            if let v = measured[r]?.datum.value, v < 0 {
                problems.append(problem(row: r, column: y, "a share needs a count of at least 0, found \(formatNumber(v))"))
            }
            guard let label = labels[r] else { continue }
            if let first = firstRow[label] {
                problems.append(problem(row: r, column: x, "a second row for \(quotedForMessage(label)) (the first is on line "
                                        + "\(table.rowLines[first])); each category is one share: keep one row with --where"))
            } else {
                firstRow[label] = r
            }
        }
        try check()
        let items = rows.map { ShareItem(labels[$0] ?? "", measured[$0]?.datum ?? .missing) }
        let format = format([y], Array(measured.values))
        if settings.donut {
            let unit = table.metadata?.column(table.columns[y].name)?.unit ?? seriesName(y).lowercased()
            return spec(.donut(DonutChart(items: items, total: settings.total, centerLabel: unit, format: format)),
                        categoryTitle: nil, valueTitle: nil, valuesAcross: true)
        }
        let shares = ShareChart(items: items, total: settings.total, format: format, sortedByShare: settings.sortedByValue)
        let whole = settings.total.map { " of \(format.string($0))" } ?? ""
        return spec(.shares(shares), categoryTitle: nil, valueTitle: "Share\(whole) (\(title(y).lowercased()))", valuesAcross: true)
    }
}
