import Foundation
import Testing
import TIPTable
import TIPCharts
@testable import TIPTableCharts
import TIPTestSupport

/// The mapping from a table's columns to a chart: values, their status, and every error named
/// with its location.
@Suite("TableChart: columns to chart specs")
struct TableChartTests {
    func bars(_ spec: ChartSpec) throws -> BarChart {
        guard case let .bars(b) = spec.content else { throw TableError(problems: []) }
        return b
    }

    func message(_ chart: TableChart, _ t: Table) -> String {
        do { _ = try chart.spec(for: t); return "" } catch { return error.description }
    }

    @Test("a missing value is drawn as missing, never as zero; a zero stays zero")
    func missingStaysMissing() throws {
        let t = try table("year,cases\n2014,35\n2015,\n2016,0\n")
        let b = try bars(try TableChart(.bar(.init()), x: "year", y: ["cases"]).spec(for: t))
        #expect(b.categories == ["2014", "2015", "2016"])
        #expect(b.series[0].values == [35, .missing, 0])
    }

    @Test("--where matches a period however it is written")
    func periodFilters() throws {
        let t = try table("period,calls\n2007/2016-09,765\n2015,\n2016,193\n")
        var chart = TableChart(.bar(.init()), x: "period", y: ["calls"])
        chart.filters = [TableChart.Filter(column: "period", value: "2007/2016-09", excluding: true)]
        #expect(try bars(try chart.spec(for: t)).categories == ["2015", "2016"])
        chart.filters = [TableChart.Filter(column: "period", value: "2007-01/2016-09")]
        #expect(try bars(try chart.spec(for: t)).categories == ["Jan 2007–Sep 2016"])
    }

    @Test("the caller's row notes come after the data's notes and before the text's, from the rows drawn with a value")
    func rowNotes() throws {
        let t = try table("period,calls,cases\n2007/2016-09,765,\n2015,,29\n2016,193,54\n")
        var chart = TableChart(.bar(.init()), x: "period", y: ["calls"])
        chart.text.notes = ["The text's note."]
        var seen: DrawnRows?
        let spec = try chart.spec(for: t) { drawn in
            seen = drawn
            return ["\(drawn.rows.count) rows: " + drawn.labels.joined(separator: ", "), "The text's note."]
        }
        #expect(seen?.rows == [0, 2])
        #expect(spec.notes.last == "The text's note.")
        #expect(spec.notes.contains("2 rows: Jan 2007–Sep 2016, 2016"))
        #expect(spec.notes.filter { $0 == "The text's note." }.count == 1)
        // Without a caller's notes, a table's provenance columns are only data.
        let plain = try table("year,cases,note\n2014,35,Counted by the hotline.\n")
        #expect(try TableChart(.bar(.init()), x: "year", y: ["cases"]).spec(for: plain).notes.isEmpty)
    }

    @Test("settings out of range are refused by the mapping itself, not only by the command line")
    func settingsChecked() throws {
        let values = try table("draw\n1\n2\n")
        #expect(message(TableChart(.histogram(.init(bins: 0)), x: "draw"), values) == "t.csv: error: the number of bins must lie in 1...400 (got 0)")
        #expect(message(TableChart(.histogram(.init(level: 1.5)), x: "draw"), values)
                == "t.csv: error: the level must lie strictly between 0 and 1 (got 1.5)")
        let counts = try table("year,cases\n2015,29\n")
        #expect(message(TableChart(.line(.init(intervals: .init(.poisson, level: 0))), x: "year", y: ["cases"]), counts)
                == "t.csv: error: the level must lie strictly between 0 and 1 (got 0)")
        #expect(message(TableChart(.share(.init(total: -1)), x: "year", y: ["cases"]), counts)
                == "t.csv: error: the total must be a positive number (got -1)")
        #expect(message(TableChart(.bar(.init(suppressBelow: 1)), x: "year", y: ["cases"]), counts)
                == "t.csv: error: the suppression threshold must be at least 2 (got 1): a threshold of 1 withholds no count")
    }

    @Test("a count for part of a year is annualised (x 12/months) as an estimate, with a note; --no-annualise keeps it")
    func annualised() throws {
        let t = try table("period,referrals\n2015,133\n2016-01/2016-09,151\n")
        let spec = try TableChart(.bar(.init()), x: "period", y: ["referrals"]).spec(for: t)
        let b = try bars(spec)
        #expect(b.categories == ["2015", "Jan–Sep 2016"])
        #expect(b.series[0].values[0] == 133)
        #expect(b.series[0].values[1].isEstimate)
        #expect(close(b.series[0].values[1].value, 151.0 * 12 / 9, 1e-15))
        #expect(spec.notes == ["Annualised estimates, drawn hollow or dashed: counts for part of a year scaled to a full year "
                               + "(Jan–Sep 2016: 151 in 9 months \u{00D7} 12/9 = 201.3 a year)."])
        #expect(b.format == .decimal(1))
        let asGiven = TableChart(.bar(.init(periods: .init(annualise: false))), x: "period", y: ["referrals"])
        #expect(try bars(asGiven.spec(for: t)).series[0].values == [133, 151])
    }

    @Test("a line carries an annualised estimate's exact interval (R: poisson.test(151, 0.75)$conf.int)")
    func lineInterval() throws {
        let t = try table("period,referrals\n2014,94\n2015,133\n2016-01/2016-09,151\n")
        let spec = try TableChart(.line(.init()), x: "period", y: ["referrals"]).spec(for: t)
        guard case let .line(line) = spec.content else { Issue.record("not a line"); return }
        let points = line.series[0].points
        #expect(points.map(\.x) == [2014, 2015, 2016])
        #expect(points[0].lower == nil && points[1].lower == nil)
        #expect(close(points[2].lower, try #require(RReference.value("poisson.151_0.75.lower"))))
        #expect(close(points[2].upper, try #require(RReference.value("poisson.151_0.75.upper"))))
        #expect(line.step == 1)
        #expect(line.xFormat == .year)
    }

    @Test("on a line, a whole year is drawn rather than a part of it, with a note; a part with a value the year lacks stays")
    func wholeYearOverPart() throws {
        let t = try table("period,calls,cases\n2015,150,29\n2016-01/2016-09,145,41\n2016,193,\n")
        let spec = try TableChart(.line(.init()), x: "period", y: ["calls"]).spec(for: t)
        guard case let .line(line) = spec.content else { Issue.record("not a line"); return }
        #expect(line.series[0].points.map(\.x) == [2015, 2016])
        #expect(line.series[0].points.map(\.value) == [150, 193])
        #expect(spec.notes == ["Jan–Sep 2016 (line 3) is left out: the whole year 2016 (line 4) is drawn instead."])
        // The whole year states no cases, so the part stays in the cases series only.
        let both = try TableChart(.line(.init()), x: "period", y: ["calls", "cases"]).spec(for: t)
        guard case let .line(two) = both.content else { Issue.record("not a line"); return }
        #expect(two.series.map { $0.points.map(\.x) } == [[2015, 2016], [2015, 2016]])
        #expect(two.series[0].points.map(\.value) == [150, 193])
        #expect(two.series[1].points[1].value.isEstimate)
        #expect(both.notes.first == "Jan–Sep 2016 (line 3) is left out from calls: the whole year 2016 (line 4) is drawn instead.")
    }

    @Test("dots with exact Poisson intervals per unit of exposure (R: poisson.test(41, 0.75)$conf.int)")
    func dotsPoisson() throws {
        let t = try table("label,cases,years\nJan–Sep 2016,41,0.75\n2015,29,1\n")
        let chart = TableChart(.dot(.init(intervals: .init(.poisson, exposure: "years"))), x: "label", y: ["cases"])
        let spec = try chart.spec(for: t)
        guard case let .dots(dots) = spec.content else { Issue.record("not dots"); return }
        #expect(close(dots.rows[0].value.value, 41 / 0.75))
        #expect(close(dots.rows[0].lower, try #require(RReference.value("poisson.41_0.75.lower"))))
        #expect(close(dots.rows[0].upper, try #require(RReference.value("poisson.41_0.75.upper"))))
        #expect(spec.notes.contains("Intervals are exact (Garwood) 95% Poisson intervals of the counts per unit of years."))
    }

    @Test("long data is split into series by --group; a combination without a row is missing")
    func groups() throws {
        let t = try table("year,kind,count\n2015,arrests,10\n2015,convictions,2\n2016,arrests,12\n")
        let chart = TableChart(.groupedBar(.init(group: "kind")), x: "year", y: ["count"])
        let b = try bars(chart.spec(for: t))
        #expect(b.series.map(\.name) == ["arrests", "convictions"])
        #expect(b.series[0].values == [10, 12])
        #expect(b.series[1].values == [2, .missing])
    }

    @Test("several --y make one series each, named by their metadata titles, the axis titled by the shared unit")
    func wideSeries() throws {
        let meta = #"{"dc:title": "Judicial data", "dc:source": "Metadata source", "tableSchema": {"columns": [{"name": "arrests", "titles": "Arrests", "tipstat:unit": "cases"}, {"name": "convictions", "titles": "Convictions", "tipstat:unit": "cases"}, {"name": "statute", "titles": "Statute"}]}}"#
        let t = try table("statute,arrests,convictions,source\n53a-82,3557,1841,Patch\n53a-83,1378,269,Patch\n", metadata: meta)
        let spec = try TableChart(.groupedBar(.init()), x: "statute", y: ["arrests", "convictions"]).spec(for: t)
        #expect(spec.title == "Judicial data")
        #expect(spec.yTitle == "Cases")
        #expect(spec.xTitle == "Statute")
        #expect(spec.source == "Patch")
        #expect(try bars(spec).series.map(\.name) == ["Arrests", "Convictions"])
        let plain = try table("statute,arrests\n53a-82,3557\n")
        let p = try TableChart(.bar(.init()), x: "statute", y: ["arrests"]).spec(for: plain)
        #expect(p.title == "Arrests by statute")
        #expect(p.source == nil)
    }

    @Test("--where keeps rows (values of one column are alternatives) and drops rows with !=")
    func filters() throws {
        let t = try table("statute,period,arrests\n53a-82,2005/2014,3557\n53a-83,2005/2014,1378\n53a-192a,2006/2016-03,10\n")
        var chart = TableChart(.bar(.init()), x: "statute", y: ["arrests"])
        chart.filters = [.init(column: "statute", value: "53a-82"), .init(column: "statute", value: "53a-83")]
        #expect(try bars(chart.spec(for: t)).categories == ["53a-82", "53a-83"])
        chart.filters = [.init(column: "period", value: "2005/2014", excluding: true)]
        #expect(try bars(chart.spec(for: t)).categories == ["53a-192a"])
        chart.filters = [.init(column: "statute", value: "53a-999")]
        #expect(message(chart, t) == "t.csv: error: no row matches --where statute=53a-999")
    }

    @Test("small counts are withheld below the threshold; zero stays; a non-count column cannot be suppressed")
    func suppression() throws {
        let t = try table("region,children,rate\nA,3,1.5\nB,0,2.5\nC,12,3.5\n")
        var chart = TableChart(.bar(.init(suppressBelow: 5)), x: "region", y: ["children"])
        #expect(try bars(chart.spec(for: t)).series[0].values == [.suppressed(threshold: 5), 0, 12])
        chart.y = ["rate"]
        #expect(message(chart, t)
                == "t.csv: error: --suppress-below 5 withholds small counts, but column \"rate\" does not hold whole-number counts")
    }

    @Test("errors name the file, line and column: unknown column, text among numbers, two values for one bar, a multi-year period on a line")
    func errors() throws {
        let t = try table("year,cases\n2014,35\n2015,x\n", types: ["cases": .string])
        #expect(message(TableChart(.bar(.init()), x: "year", y: ["case"]), t)
                == "t.csv: error: no column \"case\" (given with --y); the columns are \"year\", \"cases\"")
        #expect(message(TableChart(.bar(.init()), x: "year", y: ["cases"]), t)
                == "t.csv:3:2: error: column \"cases\" (--y): expected a number, found \"x\"")
        let dup = try table("year,cases\n2014,35\n2015,30\n2015,29\n")
        #expect(message(TableChart(.bar(.init()), x: "year", y: ["cases"]), dup)
                == "t.csv:4:2: error: a second value for \"2015\" (the first is on line 3); a mark shows one value: keep one row with "
                   + "--where, or split the rows into series with --group")
        let long = try table("period,referrals\n2015,133\n2013/2016,456\n")
        #expect(message(TableChart(.line(.init()), x: "period", y: ["referrals"]), long)
                == "t.csv:3:1: error: the period 2013/2016 runs over more than one calendar year, so a line over years cannot place "
                   + "it; leave it out with --where 'period!=2013/2016', or draw bars")
        #expect(message(TableChart(.dot(.init(intervals: .init())), x: "period", y: ["referrals"]), long)
                == "t.csv: error: a dot plot draws intervals: give --low and --high columns, or --interval poisson to compute them from counts")
    }

    @Test("beside totals over several years, a part-year is not annualised: the values are totals per period")
    func noAnnualisingAmongTotals() throws {
        let t = try table("period,convictions\n2006/2016-03,0\n2016-03/2016-12,2\n")
        let spec = try TableChart(.bar(.init()), x: "period", y: ["convictions"]).spec(for: t)
        #expect(try bars(spec).series[0].values == [0, 2])
    }

    @Test("a multi-year total among yearly values is drawn as given and said to be a total")
    func multiYearNote() throws {
        let t = try table("period,referrals\n2015,133\n2013/2016,456\n")
        let spec = try TableChart(.bar(.init()), x: "period", y: ["referrals"]).spec(for: t)
        #expect(spec.notes == ["2013–2016 spans several years: its value is the total for the whole period, not a yearly figure."])
        #expect(try bars(spec).series[0].values == [133, 456])
    }

    @Test("histogram, shares, tornado and small multiples read their columns")
    func otherKinds() throws {
        let values = try table("draw\n" + (1...100).map(String.init).joined(separator: "\n") + "\n")
        let h = try TableChart(.histogram(.init()), x: "draw").spec(for: values)
        guard case let .histogram(hist) = h.content else { Issue.record("not a histogram"); return }
        #expect(hist.values.count == 100 && hist.median == 50.5 && !hist.isMonteCarlo)

        let shares = try table("group,children\nHispanic,96\nCaucasian,55\n")
        let share = TableChart(.share(.init(total: 210)), x: "group", y: ["children"])
        guard case let .shares(s) = try share.spec(for: shares).content else { Issue.record("not shares"); return }
        #expect(s.total == 210 && s.items.map(\.count) == [96, 55])

        let tornado = try table("factor,base,at_low,at_high\nDays,82992,41040,166440\nBuyers,82992,41496,248976\n")
        let tc = TableChart(.tornado(.init(low: "at_low", high: "at_high")), x: "factor", y: ["base"])
        guard case let .tornado(tor) = try tc.spec(for: tornado).content else { Issue.record("not a tornado"); return }
        #expect(tor.base == 82_992 && tor.sortedFactors.map(\.name) == ["Buyers", "Days"])
        let uneven = try table("factor,base,at_low,at_high\nDays,82992,41040,166440\nBuyers,80000,41496,248976\n")
        #expect(message(tc, uneven)
                == "t.csv:3:2: error: the base output 80000 differs from the 82992 on line 2; --y must give the same base in every row")

        let panels = try table("statute,period,arrests,convictions\n53a-192a,2006/2016-03,10,0\n53a-192a,2016-03/2016-12,,2\n53a-83(c),2013/2016,0,0\n")
        let sm = TableChart(.smallMultiples(.init(facet: "statute")), x: "period", y: ["arrests", "convictions"])
        guard case let .smallMultiples(m) = try sm.spec(for: panels).content else { Issue.record("not small multiples"); return }
        #expect(m.panels.map(\.title) == ["53a-192a", "53a-83(c)"])
        guard case let .bars(first) = m.panels[0].content else { Issue.record("not bars"); return }
        #expect(first.series[0].values == [10, .missing])
    }
}
