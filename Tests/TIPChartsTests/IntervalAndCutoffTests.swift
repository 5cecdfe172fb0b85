import Foundation
import Testing
@testable import TIPCharts
import TIPTestSupport
import TIPRender

/// Whiskers on line points, and histograms that stop their axis before a long tail.
@Suite("Line intervals and histogram cutoffs")
struct IntervalAndCutoffTests {
    static let withInterval = LineChart(series: [
        LineSeries("Cases", points: [LinePoint(x: 2014, value: 35), LinePoint(x: 2015, value: .estimate(54.67), lower: 39.23, upper: 74.16),
                                     LinePoint(x: 2016, value: 29)]),
    ], yFormat: .decimal(1), step: 1, intervalLabel: "95% exact interval")

    @Test("an interval is drawn as a vertical whisker with caps, keyed in the legend and said in the description")
    func whisker() throws {
        let spec = ChartSpec(title: "Cases", yTitle: "Cases per year", content: .line(Self.withInterval))
        let svg = try spec.svg()
        let audit = SVGAudit(svg)
        #expect(audit.safetyProblems.isEmpty)
        #expect(Self.withInterval.dataDescription == "Line chart. Cases: 2014 35, 2015 54.7 (estimate) (39.2 to 74.2), 2016 29.")
        let texts = audit.texts.filter { $0.element == "text" }.map(\.text)
        #expect(texts.contains("95% exact interval"))
        // Lines leave the point on both sides, so the label beside it is the value alone; the
        // interval is in the description (above).
        #expect(texts.contains("est. 54.7") && !texts.contains { $0.hasPrefix("est. 54.7 (") })
        // The whisker: one vertical dashed line (an estimate's) at the point's x, from upper to lower.
        let lines = svg.components(separatedBy: "<line ").dropFirst().filter {
            $0.contains("stroke-dasharray=\"5 3\"") && attribute("x1", in: $0) == attribute("x2", in: $0)
        }
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        let x1 = try #require(attribute("x1", in: line)), x2 = try #require(attribute("x2", in: line))
        let y1 = try #require(attribute("y1", in: line).flatMap(Double.init)), y2 = try #require(attribute("y2", in: line).flatMap(Double.init))
        #expect(x1 == x2)
        #expect(y1 < y2, "drawn from the upper end (smaller y) to the lower")
        // The axis reaches the upper end: 74.16 needs a tick at 80.
        #expect(texts.contains("80"))
        let path = try temporarySVG(svg, name: "line-interval")
        #expect(try xmllintProblems(path) == nil)
        #expect(try rsvgProblems(path) == nil)
    }

    @Test("a suppressed or missing value never shows an interval, which would reveal it")
    func noIntervalWhenWithheld() {
        let chart = LineChart(series: [LineSeries("c", points: [
            LinePoint(x: 2015, value: 10, lower: 5, upper: 18),
            LinePoint(x: 2016, value: .suppressed(threshold: 5), lower: 0.5, upper: 9),
            LinePoint(x: 2017, value: .missing, lower: 1, upper: 2),
        ])], step: 1)
        #expect(chart.series[0].points.map { $0.interval != nil } == [true, false, false])
        #expect(chart.dataDescription == "Line chart. c: 2015 10 (5 to 18), 2016 fewer than 5 (suppressed), 2017 no data.")
    }

    @Test("a label near another series' whisker is placed clear of it and of every line, as librsvg draws them")
    func labelClearOfWhisker() throws {
        let chart = LineChart(series: [
            LineSeries("Counted", years: [2008, 2015, 2016], values: [4, 133, 202]),
            LineSeries("Annualised", points: [LinePoint(x: 2016.25, value: .estimate(201.3), lower: 170.5, upper: 236.1)]),
        ], yFormat: .decimal(1), step: 1, valueLabels: .all)
        let svg = try ChartSpec(title: "t", content: .line(chart)).svg()
        #expect(SVGAudit(svg).texts.contains { $0.element == "text" && $0.text == "202" })
        #expect(try LayoutCheck.problems(svg: svg).isEmpty)
    }

    @Test("a label beside a whisker near the axis stops short of the next gap's \"no data\"")
    func labelClearOfNoData() throws {
        // DCF referrals: 13 in 2011 (exact interval 6.9 to 22.2), then nothing until 2014. The
        // long label "13 (6.9–22.2)" would run into the "no data" under the break; 210, high
        // above it, keeps its interval.
        let chart = LineChart(series: [LineSeries("Referrals", points: [
            LinePoint(x: 2008, value: 4, lower: 1.1, upper: 10.2), LinePoint(x: 2009, value: 30, lower: 20.2, upper: 42.8),
            LinePoint(x: 2010, value: 31, lower: 21.1, upper: 44), LinePoint(x: 2011, value: 13, lower: 6.9, upper: 22.2),
            LinePoint(x: 2014, value: 94, lower: 76, upper: 115), LinePoint(x: 2015, value: 133, lower: 111.4, upper: 157.6),
            LinePoint(x: 2018, value: 210, lower: 182.6, upper: 240.4), LinePoint(x: 2021, value: 241, lower: 211.5, upper: 273.5),
        ])], yFormat: .decimal(1), step: 1, valueLabels: .all)
        let svg = try ChartSpec(title: "t", content: .line(chart)).svg()
        let texts = svg.components(separatedBy: "<text ").dropFirst().map { element in
            (element, String(element[element.index(after: element.firstIndex(of: ">")!)...].prefix { $0 != "<" }))
        }
        let label = try #require(texts.first { $0.1.hasPrefix("13") })
        #expect(label.1 == "13", "the interval is left out where it would not fit")
        #expect(!label.0.contains("text-anchor=\"end\""), "still right of its point")
        let labelX = try #require(attribute("x", in: label.0).flatMap(Double.init))
        let noData = try #require(texts.filter { $0.1 == "no data" }.compactMap { attribute("x", in: $0.0).flatMap(Double.init) }
            .filter { $0 > labelX }.min())
        #expect(labelX + TextMetrics.width("13", size: Theme.labelSize) < noData - TextMetrics.width("no data", size: 11) / 2,
                "the label ends before the gap's label begins")
        #expect(texts.contains { $0.1.hasPrefix("210 (") }, "where nothing is in the way the interval is written out")
    }

    @Test("values above the cutoff are left out of the bins but counted in the median, interval and a note")
    func cutoff() {
        let values = (1...99).map(Double.init) + [10_000]
        let h = Histogram(values: values, binCount: 10, format: .integer, noun: "values", isMonteCarlo: false, cutoff: 100)
        #expect(h.aboveCutoff == 1)
        #expect(h.bins.map(\.count).reduce(0, +) == 99)
        #expect(h.bins.last.map { $0.upper <= 110 } == true)
        // Type-7 median of 1...99 and 10,000 (100 values): between the 50th and 51st, 50.5.
        #expect(h.median == 50.5)
        let plan = HistogramPlan(h, width: 680, xTitle: true, yTitle: true)
        #expect(plan.notes.contains("Values above 100 (1, 1%) are not drawn; the median and the interval count them."))
        #expect(h.dataDescription.contains(" Not drawn: 1 values above 100."))
    }

    @Test("marker labels above a histogram never sit on another marker's line")
    func markerRows() throws {
        // The median and the reference lie close together: their labels take different rows, and
        // the lower label is not crossed by the upper one's line.
        let h = Histogram(values: (0..<1000).map { Double($0 % 100) }, reference: ReferenceLine(52, label: "Reference value here"))
        let svg = try ChartSpec(title: "t", content: .histogram(h)).svg()
        #expect(SVGAudit(svg).safetyProblems.isEmpty)
        let plan = HistogramPlan(h, width: 680, xTitle: false, yTitle: false)
        #expect(plan.minimumHeight > HistogramPlan(Histogram(values: h.values), width: 680, xTitle: false, yTitle: false).minimumHeight)
    }

    func attribute(_ name: String, in element: String) -> String? {
        guard let r = element.range(of: " \(name)=\"") ?? (element.hasPrefix("\(name)=\"") ? element.range(of: "\(name)=\"") : nil) else { return nil }
        return String(element[r.upperBound...].prefix { $0 != "\"" })
    }
}
