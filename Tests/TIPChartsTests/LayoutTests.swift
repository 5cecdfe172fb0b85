import Foundation
import Testing
import TIPCharts
import TIPRender
import TIPTestSupport

/// The layout seen as a reader sees it: every golden and stress figure drawn by librsvg, each
/// text located by its id, and none may reach outside the canvas, overlap another text or lie
/// on a data mark; once with the fonts of this machine (Liberation Sans for Helvetica), once
/// in a process whose fontconfig has DejaVu Sans only.
@Suite("Layout: no text clipped, none overlapping another text or a mark")
struct LayoutTests {
    static let figures: [(name: String, spec: ChartSpec)] = CouncilCharts.all + StressCharts.all

    @Test("with this machine's fonts", arguments: LayoutTests.figures.map(\.name))
    func usualFonts(name: String) throws {
        let spec = try #require(Self.figures.first { $0.name == name }?.spec)
        let problems = try LayoutCheck.problems(svg: spec.svg())
        let listed = problems.prefix(12).map { "\($0)" }.joined(separator: "\n")
        #expect(problems.isEmpty, "\(name): \(problems.count) problems:\n\(listed)")
    }

    /// With `TIPSTAT_LAYOUT_DIR` set, the figures are written there and kept, to be looked at
    /// (`rsvg-convert`) or checked again (`svg-layout-check`).
    @Test("with DejaVu Sans alone (fontconfig restricted, in a child process)")
    func dejaVuOnly() throws {
        let kept = ProcessInfo.processInfo.environment["TIPSTAT_LAYOUT_DIR"]
        let dir = kept ?? NSTemporaryDirectory() + "tipcharts-layout-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: dir) } }
        var paths: [String] = []
        for (name, spec) in Self.figures {
            let path = dir + "/" + name + ".svg"
            try Data(spec.svg().utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let r = try runExecutable(layoutCheckTool, ["--dejavu-only"] + paths)
        let problems = r.output.split(separator: "\n").filter { !$0.hasSuffix(": ok") }
        let listed = problems.prefix(30).joined(separator: "\n")
        #expect(r.status == 0 && problems.isEmpty, "\(problems.count) problems:\n\(listed)")
        #expect(r.output.split(separator: "\n").count(where: { $0.hasSuffix(": ok") }) == Self.figures.count)
    }
}

extension LayoutTests {
    @Test("thirty and a hundred category names are never broken inside a word: the bars turn horizontal",
          arguments: ["stress-bar-30", "stress-bar-100", "stress-stacked-30"])
    func namesWhole(name: String) throws {
        let spec = try #require(Self.figures.first { $0.name == name }?.spec)
        guard case let .bars(chart) = spec.content else { Issue.record("not bars"); return }
        let words = Set(SVGAudit(try spec.svg()).texts.filter { $0.element == "text" }.flatMap { $0.text.split(separator: " ").map(String.init) })
        for category in chart.categories {
            for word in category.split(separator: " ") { #expect(words.contains(String(word)), "\(name): \(word)") }
        }
    }

    @Test("bars over time keep a slot for each missing period and label every second year, on even years")
    func barsOverTime() throws {
        let spec = try #require(Self.figures.first { $0.name == "stress-bars-over-time" }?.spec)
        let texts = SVGAudit(try spec.svg()).texts.filter { $0.element == "text" }.map(\.text)
        // Thirty slots of which 2001 and 2002 are empty: "no data" in each, and year labels
        // thinned to the even years (2002's among them, though it has no bar), none broken.
        #expect(texts.filter { $0 == "no data" }.count == 2)
        #expect(stride(from: 1990, through: 2018, by: 2).allSatisfy { texts.contains(String($0)) })
        #expect(!stride(from: 1991, through: 2019, by: 2).contains { texts.contains(String($0)) })
    }

    @Test("a log scale says so in a note, ticks at powers of ten, and names the values it cannot draw")
    func logScale() throws {
        let chart = try #require(Self.figures.first { $0.name == "stress-log-line" }?.spec).render()
        let texts = SVGAudit(chart.svg).texts.filter { $0.element == "text" }.map(\.text)
        #expect(["1", "10", "100", "1,000", "10,000", "100,000", "1,000,000"].allSatisfy(texts.contains))
        #expect(chart.notes.contains { $0.hasPrefix("Logarithmic scale: each gridline is a multiple of the one below") })
        #expect(chart.notes.contains("Zero and negative values cannot be drawn on a logarithmic scale and are left out: Referrals 2010."))
    }

    @Test("a long monthly line marks only the points that stand alone, so markers do not merge")
    func thinnedMarkers() throws {
        let spec = try #require(Self.figures.first { $0.name == "stress-monthly-20-years" }?.spec)
        // Markers are the filled paths (lines are paths with no fill); no legend here: names at the ends.
        let markers = try spec.svg().split(separator: "\n").filter { $0.contains("<path") && !$0.contains("fill=\"none\"") }
        #expect(markers.count == 4, "\(markers.count) markers")
    }
}

/// The built `svg-layout-check`.
let layoutCheckTool = builtExecutable("svg-layout-check")
