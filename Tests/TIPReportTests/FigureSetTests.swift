import Foundation
import Testing
import TIPCharts
@testable import TIPReport

/// The index pages: every figure shown with its text alternative and values, every string escaped.
@Suite("Figure set indexes")
struct FigureSetTests {
    static let hostile = "<script>alert(1)</script> & \"quotes\" ]]> \u{202E}evil"

    static let figures = [
        Figure(name: "First figure!", spec: ChartSpec(title: hostile, subtitle: "A finding & more.", source: "A <b>source</b>",
                                                      notes: ["Note with <img src=x onerror=alert(1)>"],
                                                      content: .bars(BarChart(categories: [hostile, "B"], values: [1, 2]))),
               table: FigureTable(columns: ["Label", "Value"], rows: [[hostile, "1"], ["B|pipe", "2"]])),
        Figure(name: "second", spec: ChartSpec(title: "Second", content: .bars(BarChart(categories: ["A"], values: [3]))),
               table: FigureTable(columns: ["Label", "Value"], rows: [["A", "3"]])),
    ]

    @Test("the files are the SVGs in order, then the indexes; names are safe slugs")
    func files() throws {
        let set = FigureSet(title: "Figures", figures: Self.figures)
        #expect(try set.files.map(\.name) == ["first-figure.svg", "second.svg", "index.md", "index.html"])
    }

    @Test("index.html shows every figure as <img> with its text alternative, notes, source and a data table; no script")
    func html() {
        let html = FigureSet(title: "Figures & more", figures: Self.figures).html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.components(separatedBy: "<img src=\"").count - 1 == 2)
        #expect(html.contains("<img src=\"first-figure.svg\" alt=\""))
        #expect(html.components(separatedBy: "<table>").count - 1 == 2)
        #expect(html.contains("<td class=\"number\">3</td>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt; evil"))
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("<title>Figures &amp; more</title>"))
        #expect(html.contains("<p class=\"source\">Source: A &lt;b&gt;source&lt;/b&gt;</p>"))
    }

    @Test("index.md links every figure with its alternative text and escapes markup and table pipes")
    func markdown() {
        let md = FigureSet(title: "Figures", figures: Self.figures).markdown
        #expect(md.contains("](first-figure.svg)"))
        #expect(md.contains("](second.svg)"))
        #expect(!md.contains("<script"))
        #expect(md.contains("&lt;script&gt;"))
        #expect(md.contains("| B\\|pipe | 2 |"))
    }
}
