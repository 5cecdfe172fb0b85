import TIPCharts

/// Figures built to break a layout: many categories, long labels, scripts other than Latin,
/// values over six orders of magnitude, long monthly lines, many reference lines. The layout
/// check (``LayoutTests``) draws each and requires every text inside the canvas and clear of
/// the other texts and of the data marks. Values are made up (deterministic) but plausible.
enum StressCharts {
    /// Thirty Connecticut towns: too many for their names to sit under vertical bars.
    static let towns = ["Hartford", "New Haven", "Bridgeport", "Stamford", "Waterbury", "Norwalk", "Danbury", "New Britain",
                        "West Hartford", "Greenwich", "Fairfield", "Hamden", "Bristol", "Meriden", "Manchester", "West Haven",
                        "Milford", "Stratford", "East Hartford", "Middletown", "Wallingford", "Enfield", "Southington", "Shelton",
                        "Norwich", "Torrington", "Trumbull", "Glastonbury", "Naugatuck", "Newington"]

    /// A count for item `i`, spread over 0...`top` without a pattern a reader would notice.
    static func count(_ i: Int, top: Int = 140) -> Datum { Datum(Double((i * 37 + 11) % (top + 1))) }

    /// Sixty characters exactly.
    static let sixty = [
        "Children referred by school staff after a screening interview",
        "Youth placed in congregate care who ran away more than once..",
        "Adults identified at hotel stings by state and local police..",
        "Referrals closed without services because contact was lost..",
    ]

    static let scripts = ["東京都の相談件数", "서울특별시", "القاهرة الكبرى", "תל אביב-יפו", "Zürich 🇨🇭", "São Paulo 👩🏽‍⚖️", "Ελλάδα"]

    /// Twenty years of monthly values (day numbers of the first of each month), with a yearly
    /// cycle and a slow rise; the second series lags the first.
    static func monthly(offset: Int) -> LineSeries {
        let months = (0..<240).map { k in (2001 + k / 12, k % 12 + 1) }
        let values = months.indices.map { k -> Datum in
            let season = [0, 2, 5, 9, 12, 14, 15, 13, 10, 6, 3, 1][(k + offset) % 12]
            return Datum(Double(20 + k / 8 + season + (k * 7 + offset) % 5))
        }
        return LineSeries(offset == 0 ? "Calls" : "Cases", points: zip(months, values).map {
            LinePoint(x: Double(CalendarAxis.day(year: $0.0, month: $0.1, day: 1)), value: $1)
        })
    }

    /// Four factors named with sixty characters, each moving the output down at its low setting
    /// and up at its high one.
    static let tornadoFactors: [TornadoChart.Factor] = sixty.indices.map { (i: Int) -> TornadoChart.Factor in
        let k = Double(i + 1)
        return TornadoChart.Factor(sixty[i], low: "\(i + 1) low setting", high: "\(i + 1) high setting",
                                   outputAtLow: 82_992 - 10_000 * k, outputAtHigh: 82_992 + 30_000 * k)
    }

    /// A thousand rates between 10 and 46.
    static let rates: [Double] = (0..<1_000).map { (i: Int) -> Double in Double(10 + (i * 37) % 31 + i % 7) }

    static let magnitudes: [Datum] = [1, 12, 150, 2_400, 31_000, 420_000, 1_000_000]

    static let fiveReferences = [ReferenceLine(20, label: "2010 level"), ReferenceLine(24, label: "State target"),
                                 ReferenceLine(31, label: "National rate"), ReferenceLine(33, label: "2015 level"),
                                 ReferenceLine(45, label: "Highest county")]

    static let all: [(name: String, spec: ChartSpec)] = [
        ("stress-bar-30", bar30),
        ("stress-bar-100", bar100),
        ("stress-grouped-60", grouped60),
        ("stress-horizontal-60", horizontal60),
        ("stress-share-60", share60),
        ("stress-donut-60", donut60),
        ("stress-dot-60", dot60),
        ("stress-tornado-60", tornado60),
        ("stress-scripts-bar", scriptsBar),
        ("stress-scripts-share", scriptsShare),
        ("stress-scripts-line", scriptsLine),
        ("stress-small-multiples-years", smallMultiplesYears),
        ("stress-small-multiples-bars", smallMultiplesBars),
        ("stress-many-series", manySeries),
        ("stress-log-bars", logBars),
        ("stress-log-line", logLine),
        ("stress-monthly-20-years", monthly20Years),
        ("stress-bars-over-time", barsOverTime),
        ("stress-references-histogram", referencesHistogram),
        ("stress-references-dots", referencesDots),
        ("stress-references-line", referencesLine),
        ("stress-stacked-30", stacked30),
    ]

    static let bar30: ChartSpec = ChartSpec(
            title: "Referrals by town: thirty towns", subtitle: "Too many names for vertical bars: the chart turns horizontal.",
            yTitle: "Referrals", source: "Made-up counts for a layout test",
            content: .bars(BarChart(categories: towns, values: towns.indices.map { count($0) })))

    static let bar100: ChartSpec = ChartSpec(
            title: "One hundred categories", yTitle: "Count", source: "Made-up counts for a layout test",
            content: .bars(BarChart(categories: (1...100).map { "Provider \($0)" }, values: (0..<100).map { count($0, top: 2_000) })))

    static let grouped60: ChartSpec = ChartSpec(
            title: "Sixty-character category labels, grouped", yTitle: "Cases", source: "Made-up counts for a layout test",
            notes: ["Labels are sixty characters long."],
            content: .bars(BarChart(categories: sixty, series: [Series("First year", [12, 30, 7, 45]),
                                                                Series("Second year", [20, 18, 11, 60])])))

    static let horizontal60: ChartSpec = ChartSpec(
            title: "Sixty-character labels on horizontal bars", xTitle: "Cases", source: "Made-up counts for a layout test",
            content: .bars(BarChart(categories: sixty, values: [12, .count(3, suppressBelow: 5), nil, 1_234_567],
                                    orientation: .horizontal)))

    static let share60: ChartSpec = ChartSpec(
            title: "Sixty-character labels on share bars", xTitle: "Share of 300 children", source: "Made-up counts for a layout test",
            content: .shares(ShareChart(items: sixty.enumerated().map { ShareItem($1, Datum(Double(40 + $0 * 25))) }, total: 300)))

    static let donut60: ChartSpec = ChartSpec(
            title: "Sixty-character labels on a donut", source: "Made-up counts for a layout test",
            content: .donut(DonutChart(items: sixty.prefix(3).enumerated().map { ShareItem($1, Datum(Double(90 - $0 * 30))) },
                                       centerLabel: "children referred in the year")))

    static let dot60: ChartSpec = ChartSpec(
            title: "Sixty-character labels on a dot plot", xTitle: "Rate per 10,000", source: "Made-up rates for a layout test",
            content: .dots(DotPlot(rows: sixty.enumerated().map {
                DotPlot.Row($1, value: Datum(Double(10 + $0 * 7)), lower: Double(6 + $0 * 6), upper: Double(15 + $0 * 9))
            }, reference: ReferenceLine(20, label: "State rate"))))

    static let tornado60: ChartSpec = ChartSpec(
            title: "Sixty-character factor names on a tornado chart", xTitle: "Estimated buyers", source: "Made-up model",
            content: .tornado(TornadoChart(base: 82_992, baseLabel: "Base estimate", factors: tornadoFactors)))

    static let scriptsBar: ChartSpec = ChartSpec(
            title: "Labels in other scripts: 東京, 서울, القاهرة, תל אביב 🇨🇭", yTitle: "Cases", source: "Made-up counts for a layout test",
            content: .bars(BarChart(categories: scripts, values: scripts.indices.map { count($0) })))

    static let scriptsShare: ChartSpec = ChartSpec(
            title: "Shares with labels in other scripts", xTitle: "Share", source: "Made-up counts for a layout test",
            content: .shares(ShareChart(items: scripts.indices.map { ShareItem(scripts[$0], count($0, top: 90)) })))

    static let scriptsLine: ChartSpec = ChartSpec(
            title: "Line names in other scripts", yTitle: "Cases", source: "Made-up counts for a layout test",
            content: .line(LineChart(series: scripts.prefix(3).enumerated().map { j, name in
                LineSeries(name, years: (2010...2020).map(Double.init), values: (0..<11).map { count($0 + 5 * j, top: 60) })
            }, step: 1)))

    static let smallMultiplesYears: ChartSpec = ChartSpec(
            title: "Nine panels of twenty-one years", yTitle: "Cases per year", source: "Made-up counts for a layout test",
            content: .smallMultiples(SmallMultiples(panels: (0..<9).map { k in
                .init("Region \(k + 1): " + towns[k], .line(LineChart(series: [
                    LineSeries("Cases", years: (2000...2020).map(Double.init), values: (0..<21).map { count($0 + k, top: 104) }),
                ], step: 1)))
            })))

    static let smallMultiplesBars: ChartSpec = ChartSpec(
            title: "Six panels of ten periods each", yTitle: "Cases", source: "Made-up counts for a layout test",
            content: .smallMultiples(SmallMultiples(panels: (0..<6).map { k in
                .init(towns[k], .bars(BarChart(categories: (2007...2016).map { String($0) },
                                               series: [Series("Arrests", (0..<10).map { count($0 + k, top: 12) }),
                                                        Series("Convictions", (0..<10).map { count($0 + 2 * k, top: 6) })])))
            })))

    static let manySeries: ChartSpec = ChartSpec(
            title: "Eight series in a legend", yTitle: "Cases", source: "Made-up counts for a layout test",
            content: .bars(BarChart(categories: ["2014", "2015", "2016"], series: (0..<8).map { j in
                Series("Agency number \(j + 1)", (0..<3).map { count($0 + j, top: 50) })
            })))

    static let logBars: ChartSpec = ChartSpec(
            title: "Values from 1 to 1,000,000 on a logarithmic scale", yTitle: "Count", source: "Made-up counts for a layout test",
            content: .bars(BarChart(categories: ["Town", "County", "Region", "State", "Nation", "Continent", "World"],
                                    values: magnitudes, scale: .log)))

    static let logLine: ChartSpec = ChartSpec(
            title: "Lines over six orders of magnitude", yTitle: "Count per year", source: "Made-up counts for a layout test",
            content: .line(LineChart(series: [
                LineSeries("Reports", years: (2010...2016).map(Double.init), values: magnitudes),
                LineSeries("Referrals", years: (2010...2016).map(Double.init), values: [0, 3, 40, 600, 9_000, 70_000, 300_000]),
            ], step: 1, scale: .log)))

    static let monthly20Years: ChartSpec = ChartSpec(
            title: "Twenty years of monthly counts", yTitle: "Calls and cases per month", source: "Made-up counts for a layout test",
            content: .line({
                var chart = LineChart(series: [monthly(offset: 0), monthly(offset: 3)])
                chart.xDates = true
                return chart
            }()))

    static let barsOverTime: ChartSpec = ChartSpec(
            title: "Thirty years with two missing", subtitle: "No count for 2001 or 2002: their slots stay empty.",
            yTitle: "Referrals per year", source: "Made-up counts for a layout test",
            content: .bars(BarChart(categories: (1990...2019).filter { $0 != 2001 && $0 != 2002 }.map { String($0) },
                                    values: (0..<28).map { count($0) },
                                    positions: (1990...2019).filter { $0 != 2001 && $0 != 2002 }.map(Double.init))))

    static let referencesHistogram: ChartSpec = ChartSpec(
            title: "Five reference lines on a histogram", xTitle: "Rate", yTitle: "Draws", source: "Made-up draws for a layout test",
            content: .histogram(Histogram(values: rates, references: fiveReferences,
                                          format: .decimal(1))))

    static let referencesDots: ChartSpec = ChartSpec(
            title: "Five reference lines on a dot plot", xTitle: "Rate per 10,000", source: "Made-up rates for a layout test",
            content: .dots(DotPlot(rows: towns.prefix(6).enumerated().map {
                DotPlot.Row($1, value: Datum(Double(18 + $0 * 5)), lower: Double(14 + $0 * 4), upper: Double(23 + $0 * 6))
            }, references: fiveReferences)))

    static let referencesLine: ChartSpec = ChartSpec(
            title: "Five reference lines across a line", yTitle: "Rate per 10,000", source: "Made-up rates for a layout test",
            content: .line(LineChart(series: [LineSeries("County", years: (2008...2016).map(Double.init),
                                                         values: (0..<9).map { Datum(Double(18 + ($0 * 11) % 29)) })],
                                     step: 1, references: fiveReferences)))

    static let stacked30: ChartSpec = ChartSpec(
            title: "Stacked bars for thirty towns", xTitle: "Referrals", source: "Made-up counts for a layout test",
            content: .bars(BarChart(categories: towns, series: [Series("Girls", towns.indices.map { count($0, top: 40) }),
                                                                Series("Boys", towns.indices.map { count($0 + 3, top: 20) })],
                                    layout: .stacked)))
}
