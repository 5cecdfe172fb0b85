import Foundation
import Testing
@testable import TIPCharts
import TIPRender

/// Encodings a chart desk asks for: a warning when parts exceed their total, donuts of a few
/// slices only, palettes for ordered and unknown parts, hatching kept for suppressed counts,
/// legends that name only what is drawn, a title always, log scales computed the same
/// everywhere.
@Suite("Encodings: palettes, legends, warnings, donuts, log scales")
struct EncodingTests {
    static func spec(_ content: ChartContent, title: String = "t") -> ChartSpec { ChartSpec(title: title, content: content) }

    @Test("parts adding to more than the stated total: a warning for the command and a note in the figure")
    func partsExceedTotal() throws {
        for content in [ChartContent.shares(ShareChart(items: [ShareItem("a", 150), ShareItem("b", 80)], total: 210)),
                        .donut(DonutChart(items: [ShareItem("a", 150), ShareItem("b", 80)], total: 210))] {
            let chart = try Self.spec(content).render()
            #expect(chart.warnings == ["the parts add to 230, more than the stated total of 210"])
            #expect(chart.notes.contains("The parts add to 230, more than the stated total of 210: the percentages are of 210 "
                                         + "and add to more than 100%."))
        }
        #expect(try Self.spec(.shares(ShareChart(items: [ShareItem("a", 150), ShareItem("b", 60)], total: 210))).render().warnings.isEmpty)
    }

    @Test("a donut of more than five slices is drawn as share bars; five or fewer stay a ring")
    func donutLimit() throws {
        func slices(_ n: Int) -> ChartContent { .donut(DonutChart(items: (1...n).map { ShareItem("Part \($0)", Datum(Double($0 * 10))) })) }
        let six = SVGAudit(try Self.spec(slices(6)).svg())
        #expect(!six.attributes.contains { $0.element == "path" && $0.name == "d" && $0.value.contains("A") })
        #expect(six.attributes.filter { $0.element == "rect" && $0.name == "id" }.count == 6)
        let five = SVGAudit(try Self.spec(slices(5)).svg())
        #expect(five.attributes.filter { $0.element == "path" && $0.name == "d" && $0.value.contains("A") }.count == 5)
    }

    @Test("the sequential ramp runs ColorBrewer's Blues from light to dark; up to four parts skip the palest")
    func sequentialPalette() {
        // ColorBrewer Blues, nine classes: steps 4 and 9 are #9ECAE1 and #08306B, step 5 #6BAED6.
        #expect(Palette.sequential(0, of: 6) == "#9ECAE1" && Palette.sequential(5, of: 6) == "#08306B")
        #expect(Palette.sequential(0, of: 3) == "#6BAED6" && Palette.sequential(2, of: 3) == "#08306B")
        #expect(Palette.sequential(0, of: 1) == "#08306B")
        // Each step darker than the last: the sum of its channels falls.
        func brightness(_ c: String) -> Int {
            let d = Array(c.dropFirst())
            return stride(from: 0, to: 6, by: 2).map { Int(String(d[$0...$0 + 1]), radix: 16) ?? 0 }.reduce(0, +)
        }
        let ramp = (0..<8).map { brightness(Palette.sequential($0, of: 8)) }
        #expect(zip(ramp, ramp.dropFirst()).allSatisfy { $0 > $1 }, "\(ramp)")
    }

    @Test("text on a fill takes the ink of higher WCAG contrast: white on dark blue, near-black on light blue and yellow")
    func inkOnFill() {
        #expect(Palette.ink(onColor: "#08306B") == "#FFFFFF" && Palette.ink(onColor: "#0072B2") == "#FFFFFF")
        #expect(Palette.ink(onColor: "#9ECAE1") == Theme.ink && Palette.ink(onColor: "#F0E442") == Theme.ink)
        #expect(Palette.ink(onColor: "#000000") == "#FFFFFF")
    }

    @Test("an unknown or not broken down part is grey; ordered series take the blue ramp")
    func unknownAndOrdered() throws {
        let bars = try Self.spec(.bars(BarChart(categories: ["a", "b"], series: [
            Series("Known", [10, 20]), Series("Not recorded", [5, 6], isUnknown: true),
        ], layout: .stacked))).svg()
        #expect(bars.contains("fill=\"\(Palette.unknown)\""))
        let shares = try Self.spec(.shares(ShareChart(items: [ShareItem("a", 10), ShareItem("Not broken down", 5, isUnknown: true)]))).svg()
        #expect(shares.contains("fill=\"\(Palette.unknown)\""))
        let ordered = try Self.spec(.bars(BarChart(categories: ["Girls", "Boys"], series: [
            Series("2014", [1, 2]), Series("2015", [3, 4]), Series("2016", [5, 6]),
        ], seriesAreOrdered: true))).svg()
        #expect((0..<3).allSatisfy { ordered.contains("fill=\"\(Palette.sequential($0, of: 3))\"") })
        #expect(!ordered.contains("fill=\"\(Palette.color(1))\""))
    }

    @Test("textures are never diagonal: diagonal hatching means a suppressed count")
    func texturesNotDiagonal() {
        // Rings (arcs), horizontal (H) and vertical (V) lines only: no L or M-to-M diagonal.
        #expect(TextureStyle.paths.allSatisfy { !$0.contains("L") })
        #expect(TextureStyle.paths.allSatisfy { $0.contains("a") || $0.contains("H") || $0.contains("V") })
    }

    @Test("a legend names only what is drawn: not a series without a value, not an estimate a series' own key shows")
    func legendOnlyDrawn() throws {
        let bars = SVGAudit(try Self.spec(.bars(BarChart(categories: (1...12).map { "Category \($0)" }, series: [
            Series("A long series name", Array(repeating: 1, count: 12)), Series("Never counted", Array(repeating: nil, count: 12)),
            Series("Another long name", Array(repeating: 2, count: 12)),
        ]))).svg())
        #expect(bars.texts.contains { $0.text == "A long series name" } && !bars.texts.contains { $0.text == "Never counted" })
        // A counted line and an annualised point: two series keys and the interval; no "Estimate" key
        // repeating what the second series' key (dashed, hollow) shows.
        let line = SVGAudit(try CouncilCharts.dcfReferralsWithEstimate.svg())
        #expect(!line.texts.contains { $0.element == "text" && $0.text == "Estimate" })
        #expect(line.texts.contains { $0.element == "text" && $0.text == "Annualised from Jan–Sep" })
    }

    @Test("a figure always has a title: the spec's, else the subtitle's first sentence, else the kind of chart")
    func neverEmptyTitle() throws {
        let bars = ChartContent.bars(BarChart(categories: ["a"], values: [1]))
        #expect(ChartSpec(title: " ", subtitle: "Referrals rose. More text.", content: bars).displayTitle == "Referrals rose.")
        #expect(ChartSpec(title: "", content: bars).displayTitle == "Bar chart")
        let donut = try ChartSpec(title: "", content: .donut(DonutChart(items: [ShareItem("a", 1)], centerLabel: ""))).svg()
        #expect(!donut.contains("></title>"), "no empty <title>")
    }

    @Test("bars turned horizontal trade axis titles: the values' title goes under the value axis")
    func rotatedTitles() throws {
        let spec = StressCharts.bar30
        let audit = SVGAudit(try spec.svg())
        let title = try #require(audit.texts.first { $0.element == "text" && $0.text == "Referrals" })
        let height = Double(audit.attributes.first { $0.element == "svg" && $0.name == "height" }?.value ?? "") ?? 0
        #expect((Double(title.attributes["y"] ?? "") ?? 0) > height - 80, "under the plot, not above it")
    }

    @Test("log10 in plain arithmetic: exact to a few ulps at powers of ten and against the platform's")
    func logarithm() {
        for k in -12...12 {
            let v = NiceTicks.value(1, power: k)
            #expect(abs((Logarithm.log10(v) ?? .nan) - Double(k)) <= 4e-15 * Swift.max(1, Double(abs(k))), "10^\(k)")
        }
        for x in [1.5, 2, 3, 7.25, 42, 1_234.5, 82_992, 0.003, 9.99e100] {
            let mine = Logarithm.log10(x) ?? .nan, platform = Foundation.log10(x)
            #expect(abs(mine - platform) <= 1e-15 * Swift.max(1, abs(platform)), "\(x)")
        }
        #expect(Logarithm.log10(0) == nil && Logarithm.log10(-1) == nil && Logarithm.log10(.infinity) == nil)
        #expect(Logarithm.floorPower(999.9999) == 2 && Logarithm.floorPower(1000) == 3 && Logarithm.floorPower(0.001) == -3)
    }

    @Test("a log axis ticks powers of ten, or 1, 2 and 5 times them over two decades or fewer")
    func logTicks() {
        #expect(ValueAxis(logCovering: 1, 1_000_000, format: .integer).labels
            == ["1", "10", "100", "1,000", "10,000", "100,000", "1,000,000"])
        #expect(ValueAxis(logCovering: 3, 70, format: .integer).values == [1, 2, 5, 10, 20, 50, 100])
        #expect(ValueAxis(logCovering: 0.01, 10, format: .integer).labels == ["0.01", "0.1", "1", "10"])
        // Twenty decades: every third power, up to a power at or above the top.
        #expect(ValueAxis(logCovering: 1, 1e20, format: .integer).values.count == 8)
    }

    @Test("a stroke crosses a box when it passes through it or within half its width")
    func occupancy() {
        let box = Rect(x: 10, y: 10, width: 10, height: 10)
        #expect(Occupancy.crosses(.init(x1: 0, y1: 0, x2: 30, y2: 30, width: 1), box))
        #expect(!Occupancy.crosses(.init(x1: 0, y1: 30, x2: 5, y2: 0, width: 1), box))
        #expect(Occupancy.crosses(.init(x1: 0, y1: 20.4, x2: 30, y2: 20.4, width: 1), box), "within half the width")
        #expect(!Occupancy.crosses(.init(x1: 0, y1: 21, x2: 30, y2: 21, width: 1), box))
        var o = Occupancy()
        o.add(Rect(x: 0, y: 0, width: 5, height: 5))
        #expect(!o.isFree(Rect(x: 5.5, y: 0, width: 5, height: 5)), "a pixel of padding")
        #expect(o.isFree(Rect(x: 7, y: 0, width: 5, height: 5)))
    }

    @Test("degenerate figures pass the layout check too", arguments: ChartTests.degenerateContents.indices)
    func degenerateLayout(index: Int) throws {
        let svg = try ChartTests.spec(ChartTests.degenerateContents[index]).svg()
        let problems = try LayoutCheck.problems(svg: svg)
        #expect(problems.isEmpty, "\(problems.prefix(5).map { "\($0)" })")
    }
}
