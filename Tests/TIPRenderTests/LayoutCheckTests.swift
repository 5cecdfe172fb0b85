import Foundation
import Testing
import TIPRender
import TIPTestSupport

@Suite("The layout check: texts inside the canvas, clear of each other and of data marks")
struct LayoutCheckTests {
    /// A line across the canvas and four labels: one clear of everything, one on the line, one
    /// touching that one (and in the line's bounding box but clear of its pixels), one past the
    /// right edge.
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 120" width="300" height="120" font-family="Helvetica, Arial, sans-serif">
        <rect x="0" y="0" width="300" height="120" fill="#FFFFFF"/>
        <path id="c-mark-1" d="M20 100L280 20" fill="none" stroke="#0072B2" stroke-width="2.5"/>
        <rect id="c-mark-2" x="200" y="80" width="60" height="20" fill="#E69F00"/>
        <text id="c-mark-2-inside" x="205" y="94" font-size="12">own bar</text>
        <text id="c-text-1" x="30" y="40" font-size="12">clear of the line</text>
        <text id="c-text-2" x="120" y="75" font-size="12">on the line</text>
        <text id="c-text-3" x="120" y="80" font-size="12">touching</text>
        <text id="c-text-4" x="260" y="115" font-size="12">off the edge</text>
        </svg>
        """

    @Test("finds the text off the edge, the two touching texts and the text on the line, and nothing else")
    func problems() throws {
        let problems = try LayoutCheck.problems(svg: Self.svg)
        #expect(problems.map(\.kind) == [.outsideCanvas, .overlapsText, .overlapsMark])
        #expect(problems.map(\.element.id) == ["c-text-4", "c-text-2", "c-text-2"])
        #expect(problems.compactMap(\.other?.id) == ["c-text-3", "c-mark-1"])
        #expect(problems[0].element.text == "off the edge")
        // The label inside its own bar is that bar's: no problem.
        #expect(!problems.contains { $0.element.id == "c-mark-2-inside" })
    }

    @Test("boxes are where librsvg draws: a 12 px label's glyphs are about 9 px tall above the baseline")
    func boxes() throws {
        let e = try #require(try LayoutCheck.elements(svg: Self.svg).first { $0.id == "c-text-1" })
        #expect(e.isText && e.text == "clear of the line")
        #expect(e.x >= 30 && e.x < 31.5 && e.y > 40 - 12 && e.y < 40 - 7 && e.height > 7 && e.height < 12)
        let line = try #require(try LayoutCheck.elements(svg: Self.svg).first { $0.id == "c-mark-1" })
        #expect(line.x == 17.5 && line.y == 17.5 && line.width == 265 && line.height == 85)
    }

    @Test("an SVG librsvg cannot read is an error, not a pass")
    func unreadable() {
        #expect(throws: RenderError.self) { try LayoutCheck.problems(svg: "<svg") }
    }

    @Test("svg-layout-check --dejavu-only draws with DejaVu Sans alone: the same text is wider; problems exit 1")
    func dejaVuOnlyTool() throws {
        let path = NSTemporaryDirectory() + "layout-check-\(UUID().uuidString).svg"
        try Data(Self.svg.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        func width(_ arguments: [String]) throws -> (Double, Int32) {
            let r = try runExecutable(layoutCheckTool, arguments + ["--boxes", path])
            let row = r.output.split(separator: "\n").map { $0.split(separator: "\t") }.first { $0.count == 7 && $0[1] == "c-text-1" }
            return (row.flatMap { Double($0[5]) } ?? 0, r.status)
        }
        let (usual, status) = try width([])
        let (dejaVu, dejaVuStatus) = try width(["--dejavu-only"])
        #expect(status == 1 && dejaVuStatus == 1)
        // Liberation Sans (Helvetica's metrics) against DejaVu Sans, about 14% wider.
        #expect(usual > 75 && usual < 85)
        #expect(dejaVu > usual * 1.1)
    }
}

/// The built `svg-layout-check`.
let layoutCheckTool = builtExecutable("svg-layout-check")
