import Foundation
import Testing
@testable import TIPCharts
import TIPTestSupport

@Suite("Charts: structure, honesty about missing and suppressed values, accessibility")
struct ChartTests {
    static func spec(_ content: ChartContent, title: String = "Test chart") -> ChartSpec {
        ChartSpec(title: title, subtitle: "A finding.", xTitle: "x", yTitle: "y", source: "A source", notes: ["A note."],
                  content: content)
    }

    @Test("the root element is an accessible, sized, standalone image")
    func root() throws {
        let s = CouncilCharts.dcfReferralLine
        let svg = try s.svg()
        let id = s.elementID
        // 720 wide as asked; taller than 450 where the text needs it (here the subtitle and
        // notes take two lines each).
        let height = try #require(svg.firstMatch(of: #/ height="([0-9]+)"/#).map { Int($0.1) ?? 0 })
        #expect(height >= 450)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
                              + "viewBox=\"0 0 720 \(height)\" width=\"720\" height=\"\(height)\" font-family=\"Helvetica, Arial, sans-serif\">"))
        #expect(svg.contains("<title id=\"\(id)-title\">Referrals of children for trafficking rose fifty-fold from 2008 to 2016</title>"))
        #expect(svg.contains("<desc id=\"\(id)-desc\">"))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(SVGAudit(svg).safetyProblems.isEmpty)
    }

    @Test("the generated description states every value, estimates and gaps said as such")
    func description() {
        let c = ChartContent.line(LineChart(series: [LineSeries("DCF referrals", years: [2008, 2009, 2012, 2016],
                                                                values: [4, 30, nil, .estimate(201.3)])], yFormat: .decimal(1)))
        #expect(c.dataDescription == "Line chart. DCF referrals: 2008 4, 2009 30, 2012 no data, 2016 201.3 (estimate).")
        let bars = ChartContent.bars(BarChart(categories: ["A", "B"], series: [Series("Arrests", [3557, .count(2, suppressBelow: 5)])]))
        #expect(bars.dataDescription == "Bar chart. Arrests: A 3,557, B fewer than 5 (suppressed).")
        let spec = ChartSpec(title: "t", subtitle: "Referrals rose.", content: c)
        #expect(spec.accessibleDescription.hasPrefix("Referrals rose. Line chart. DCF referrals: 2008 4"))
        #expect(ChartSpec(title: "t", desc: "Given text.", content: c).accessibleDescription == "Given text.")
    }

    @Test("the golden specs' descriptions carry the data the brief asks for")
    func goldenDescriptions() {
        #expect(CouncilCharts.arrestsAndConvictions.accessibleDescription.contains(
            "Grouped bar chart. Arrests: Prostitution (53a-82) 3,557, Patronizing a prostitute (53a-83) 1,378. "
            + "Convictions: Prostitution (53a-82) 1,841, Patronizing a prostitute (53a-83) 269."))
        #expect(CouncilCharts.demandTornado.accessibleDescription.contains("Tornado chart around Report's estimate 82,992. "
            + "Buyers per child per day: 0.5 gives 41,496, 3 gives 248,976;"))
    }

    @Test("a missing value is drawn as \"no data\", never as a zero-height bar")
    func missingIsNotZero() throws {
        let withGap = try Self.spec(.bars(BarChart(categories: ["2011", "2012", "2013"], values: [13, nil, 0]))).svg()
        let audit = SVGAudit(withGap)
        #expect(audit.texts.filter { $0.element == "text" && $0.text == "no data" }.count == 1)
        // Bars: the background, the 13 and the zero; the missing year has none.
        let bars = audit.attributes.filter { $0.element == "rect" && $0.name == "fill" && $0.value == Palette.color(0) }
        #expect(bars.count == 2)
        #expect(audit.texts.contains { $0.element == "text" && $0.text == "0" })
    }

    @Test("a line breaks at a missing value and at a gap wider than its step, without interpolating")
    func lineGaps() throws {
        let chart = LineChart(series: [LineSeries("r", years: [2008, 2009, 2010, 2011, 2014, 2015],
                                                  values: [4, 30, nil, 13, 94, 133])], step: 1)
        let audit = SVGAudit(try Self.spec(.line(chart)).svg())
        let paths = audit.attributes.filter { $0.element == "path" && $0.name == "d" && $0.value.contains("L") && !$0.value.contains("a") }
        #expect(paths.count == 1)
        let d = paths.first?.value ?? ""
        // Two runs: 2008–2009 and 2014–2015; 2011 stands alone, 2010 and 2012–2013 are gaps.
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(audit.texts.filter { $0.text == "no data" }.count == 2)
    }

    @Test("estimates are hollow, dashed and keyed in the legend")
    func estimates() throws {
        let svg = try CouncilCharts.dcfReferralLine.svg()
        let audit = SVGAudit(svg)
        #expect(audit.texts.contains { $0.text == "Estimate" })
        #expect(audit.texts.contains { $0.text == "est. 201.3" })
        #expect(audit.attributes.contains { $0.element == "path" && $0.name == "stroke-dasharray" })
        #expect(svg.contains("fill=\"#FFFFFF\" stroke=\"#0072B2\" stroke-width=\"2\""))
    }

    @Test("suppressed counts are shown hatched and labelled, the value never written")
    func suppression() throws {
        let spec = Self.spec(.bars(BarChart(categories: ["Victims housed", "Participants"],
                                            values: [.count(2, suppressBelow: 5), .count(31, suppressBelow: 5)])))
        let svg = try spec.svg()
        #expect(svg.contains("<pattern id=\"\(spec.elementID)-hatch\""))
        #expect(svg.contains("fill=\"url(#\(spec.elementID)-hatch)\""))
        let audit = SVGAudit(svg)
        #expect(audit.texts.contains { $0.element == "text" && $0.text == "<5" })
        #expect(audit.texts.contains { $0.text.hasPrefix("Counts from 1 to 4 are suppressed") })
        #expect(audit.texts.contains { $0.text == "Suppressed (fewer than 5)" })
        #expect(!audit.texts.contains { $0.text == "2" || $0.text.contains(" 2 ") })
        #expect(Datum.count(0, suppressBelow: 5) == 0)
        #expect(Datum.count(5, suppressBelow: 5) == 5)
        #expect(Datum.count(4, suppressBelow: 5).suppressionThreshold == 5)
        #expect(Datum.count(4, suppressBelow: nil) == 4)
        #expect(Datum.count(.nan, suppressBelow: 5) == .missing)
    }

    @Test("100% stacks label shares, or counts when a part is suppressed (the total is then unknown)")
    func normalizedLabels() throws {
        let shares = SVGAudit(try CouncilCharts.buyersShare.svg())
        #expect(["72%", "28%", "87%", "13%"].allSatisfy { s in shares.texts.contains { $0.text == s } })
        let withSuppressed = SVGAudit(try Self.spec(.bars(BarChart(categories: ["2016"],
            series: [Series("a", [75]), Series("b", [.count(1, suppressBelow: 5)]), Series("c", [126])], layout: .normalized))).svg())
        #expect(withSuppressed.texts.contains { $0.text == "75" } && withSuppressed.texts.contains { $0.text == "126" })
        let percents = Set(withSuppressed.texts.filter { $0.element == "text" && $0.text.hasSuffix("%") }.map(\.text))
        #expect(percents.isSubset(of: ["0%", "20%", "40%", "60%", "80%", "100%"]), "segment shares: \(percents)")
    }

    @Test("series are never told apart by colour alone")
    func notColourAlone() throws {
        // Grouped bars with room: names written over the first group.
        let grouped = SVGAudit(try CouncilCharts.arrestsAndConvictions.svg())
        #expect(grouped.texts.contains { $0.text == "Arrests" } && grouped.texts.contains { $0.text == "Convictions" })
        // Without room: a legend, and every series after the first textured.
        let many = ChartSpec(title: "t", content: .bars(BarChart(categories: (1...12).map { "Category \($0)" },
            series: [Series("A long series name", Array(repeating: 1, count: 12)), Series("Another long name", Array(repeating: 2, count: 12))])))
        let svg = try many.svg()
        #expect(svg.contains("url(#\(many.elementID)-texture-1)"))
        #expect(SVGAudit(svg).texts.contains { $0.text == "Another long name" })
        // Lines: a different marker shape per series, and names at the line ends.
        let lines = ChartSpec(title: "t", content: .line(LineChart(series: [
            LineSeries("Calls", years: [2015, 2016], values: [100, 145]), LineSeries("Cases", years: [2015, 2016], values: [29, 41])])))
        let audit = SVGAudit(try lines.svg())
        #expect(audit.texts.contains { $0.text == "Calls" } && audit.texts.contains { $0.text == "Cases" })
        #expect(MarkerShape.forSeries(0) != MarkerShape.forSeries(1))
    }

    @Test("tornado rows are sorted by swing, largest first, ties in given order")
    func tornadoOrder() {
        let t = TornadoChart(base: 10, factors: [.init("small", low: "", high: "", outputAtLow: 9, outputAtHigh: 11),
                                                 .init("big", low: "", high: "", outputAtLow: 0, outputAtHigh: 40),
                                                 .init("tie", low: "", high: "", outputAtLow: 8, outputAtHigh: 10),
                                                 .init("nan", low: "", high: "", outputAtLow: .nan, outputAtHigh: 3)])
        #expect(t.sortedFactors.map(\.name) == ["big", "small", "tie", "nan"])
    }

    @Test("histogram bins: round width, aligned, every value counted once; type-7 percentiles")
    func histogram() {
        let h = Histogram(values: [0.5, 1, 1.5, 2, 9.99, 10, .nan, .infinity], binCount: 5)
        let bins = h.bins
        #expect(bins.first?.lower == 0 && bins.allSatisfy { $0.upper - $0.lower == 2 })
        #expect(bins.map(\.count).reduce(0, +) == 6)
        #expect(bins.last?.upper == 12 && bins.last?.count == 1)
        #expect(h.median == 1.75)
        #expect(Histogram(values: [1, 2, 3, 4]).quantile(0.25) == 1.75)
        let i = Histogram(values: Array(stride(from: 0.0, through: 100, by: 1))).interval
        // (1 - 0.95) / 2 is 0.025000000000000022 in binary, hence the tolerance.
        #expect(abs((i?.lower ?? 0) - 2.5) < 1e-12 && abs((i?.upper ?? 0) - 97.5) < 1e-12)
        #expect(Histogram(values: []).bins.isEmpty && Histogram(values: []).median == nil)
        #expect(Histogram(values: [82_992, 82_992]).bins.count == 1)
        let draws = MonteCarlo.demandDraws(count: 2_000, seed: 2016)
        #expect(Histogram(values: draws, binCount: 30).bins.map(\.count).reduce(0, +) == 2_000)
    }

    @Test("shares: of the stated total, or of the known counts with a note when some are suppressed")
    func shares() {
        let stated = Shares([ShareItem("a", 133), ShareItem("b", .count(4, suppressBelow: 5))], total: 210, decimals: 0)
        #expect(stated.label(0, .integer) == "133 (63%)" && stated.label(1, .integer) == "<5")
        #expect(stated.totalKnown && stated.notes(.integer).isEmpty)
        let unknown = Shares([ShareItem("a", 96), ShareItem("b", .count(1, suppressBelow: 5))], total: nil, decimals: 0)
        #expect(!unknown.totalKnown && unknown.total == 96)
        #expect(unknown.notes(.integer).first?.hasPrefix("Percentages are of the 96 in categories with a known count") == true)
        let rounding = Shares([ShareItem("a", 1), ShareItem("b", 1), ShareItem("c", 1)], total: nil, decimals: 0)
        #expect(rounding.notes(.integer) == ["Percentages do not add to 100 because of rounding."])
    }

    /// Data at the edges: nothing, zeros, one value, not-finite values, only missing ones.
    static let degenerateContents: [ChartContent] = [
        ChartContent.bars(BarChart(categories: [], series: [])),
        .bars(BarChart(categories: ["a", "b"], values: [0, 0])),
        .bars(BarChart(categories: ["a"], values: [nil])),
        .bars(BarChart(categories: ["a", "b"], series: [Series("x", [-5, 3]), Series("y", [2])], layout: .stacked)),
        .bars(BarChart(categories: ["a"], series: [Series("x", [0]), Series("y", [0])], layout: .normalized)),
        .line(LineChart(series: [])),
        .line(LineChart(series: [LineSeries("one", years: [2016], values: [7])])),
        .line(LineChart(series: [LineSeries("flat", years: [2014, 2015], values: [0, 0])])),
        .line(LineChart(series: [LineSeries("bad", years: [.nan, 2015], values: [.observed(.nan), .estimate(.infinity)])])),
        .dots(DotPlot(rows: [])),
        .dots(DotPlot(rows: [DotPlot.Row("x", value: nil), DotPlot.Row("y", value: .count(3, suppressBelow: 5))])),
        .tornado(TornadoChart(base: 0, factors: [])),
        .tornado(TornadoChart(base: .nan, factors: [.init("f", low: "", high: "", outputAtLow: .nan, outputAtHigh: .infinity)])),
        .histogram(Histogram(values: [])),
        .histogram(Histogram(values: [5])),
        .histogram(Histogram(values: [.nan, 1e300, -1e300])),
        .shares(ShareChart(items: [])),
        .shares(ShareChart(items: [ShareItem("a", 0), ShareItem("b", nil)])),
        .donut(DonutChart(items: [])),
        .donut(DonutChart(items: [ShareItem("all", 5)])),
        .smallMultiples(SmallMultiples(panels: [])),
        .smallMultiples(SmallMultiples(panels: [.init("p", .line(LineChart(series: [])))], columns: 0)),
    ]

    @Test("degenerate data draws a valid figure: no NaN, no infinity, parses and renders",
          arguments: ChartTests.degenerateContents)
    func degenerate(content: ChartContent) throws {
        let svg = try Self.spec(content).svg()
        #expect(!svg.contains("nan") && !svg.contains("inf"), "\(svg.prefix(2000))")
        #expect(SVGAudit(svg).safetyProblems.isEmpty)
        let path = try temporarySVG(svg, name: "degenerate")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try xmllintProblems(path) == nil)
        #expect(try rsvgProblems(path) == nil)
    }

    @Test("a long title wraps and the figure grows; notes take at most two lines, the rest returned for the page")
    func growsForTitleNotNotes() throws {
        let notes = ["Short note."] + (1...12).map { "Note \($0): " + String(repeating: "a long explanation of an assumption ", count: 4) }
        let spec = ChartSpec(title: String(repeating: "A very long title ", count: 8), notes: notes,
                             content: .bars(BarChart(categories: ["a"], values: [1])))
        let chart = try spec.render()
        let audit = SVGAudit(chart.svg)
        let height = Double(audit.attributes.first { $0.element == "svg" && $0.name == "height" }?.value ?? "") ?? 0
        #expect(height >= 450)
        let texts = audit.texts.filter { $0.element == "text" }
        #expect(texts.filter { $0.text.hasPrefix("A very long title") }.count == 2, "the title wraps over lines")
        #expect(texts.compactMap { Double($0.attributes["y"] ?? "") }.allSatisfy { $0 > 0 && $0 < height })
        // Two note lines: the short note whole, then the pointer, whose tooltip holds the others.
        #expect(texts.contains { $0.text == "Short note." })
        #expect(texts.contains { $0.text == "12 more notes go with this figure." })
        #expect(!texts.contains { $0.text.hasPrefix("Note") || $0.text.hasPrefix("a long") })
        #expect(audit.texts.contains { $0.element == "title" && $0.text.hasPrefix("Note 1: a long") && $0.text.contains("Note 12:") })
        #expect(chart.notes == notes.map(SVGText.clean))
        #expect(chart.notesNotShown == Array(notes.dropFirst()).map(SVGText.clean))
        // Every note fitting in two lines: all shown, none returned.
        let fits = try ChartSpec(title: "t", notes: ["One.", "Two."], content: .bars(BarChart(categories: ["a"], values: [1]))).render()
        #expect(fits.notesNotShown.isEmpty && fits.notes == ["One.", "Two."])
    }

    @Test("a given id is used, reduced to safe characters")
    func givenID() throws {
        let spec = ChartSpec(title: "t", id: "Fig 3 \"x\"", content: .bars(BarChart(categories: ["a"], values: [1])))
        #expect(spec.elementID == "fig-3-x")
        #expect(try spec.svg().contains("aria-labelledby=\"fig-3-x-title fig-3-x-desc\""))
    }
}
