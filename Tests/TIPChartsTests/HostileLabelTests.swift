import Foundation
import Testing
@testable import TIPCharts
import TIPTestSupport

/// Data come from CSV files anyone can edit: no label may become markup, reorder text, or
/// make a figure unreadable.
@Suite("Hostile labels")
struct HostileLabelTests {
    static let longLabel = String(repeating: "Trafficking in persons, ", count: 21) // 504 characters
    static let arabic = "الاتجار بالبشر"
    static let hebrew = "סחר בבני אדם"
    static let hostile = [
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "]]>",
        "&#x41;",
        "&amp;",
        "It's \"quoted\" & 'single'",
        "tab\there\u{0}nul\u{7}bell\u{1B}[31mesc\u{85}nel\u{7F}del\u{FFFE}",
        "\u{202E}exe.evil\u{202C} and \u{2066}isolated\u{2069}",
        "<!-- comment --> <![CDATA[x]]> <?xml-stylesheet href=\"x\"?>",
        "javascript:alert(1) url(http://example.com/x.svg)",
        longLabel,
        arabic,
        hebrew,
    ]

    /// A few of them, the long one included, for charts that take fewer labels.
    static let few = [hostile[0], hostile[1], longLabel, arabic]

    static var specs: [ChartSpec] {
        let values: [Datum] = hostile.indices.map { Datum(Double($0 + 1) * 10) }
        let common = { (content: ChartContent) in
            ChartSpec(title: "<script>alert('title')</script> & " + longLabel, subtitle: "\"><svg onload=alert(1)> \u{202E}",
                      xTitle: "]]> x", yTitle: "&#x41; y", source: "<a href=\"http://evil\">src</a>",
                      notes: hostile, content: content)
        }
        return [
            common(.bars(BarChart(categories: hostile, values: values, orientation: .horizontal))),
            common(.bars(BarChart(categories: few, series: few.map { Series($0, [1, 2, 3, 4]) }))),
            common(.line(LineChart(series: few.map { LineSeries($0, years: [2014, 2015], values: [1, 2]) }))),
            common(.dots(DotPlot(rows: hostile.map { DotPlot.Row($0, value: 5, lower: 1, upper: 9) },
                                 reference: ReferenceLine(3, label: hostile[1])))),
            common(.tornado(TornadoChart(base: 10, baseLabel: hostile[0], factors: hostile.map {
                .init($0, low: $0, high: $0, outputAtLow: 5, outputAtHigh: 20)
            }))),
            common(.histogram(Histogram(values: [1, 2, 3], reference: ReferenceLine(2, label: longLabel)))),
            common(.shares(ShareChart(items: hostile.map { ShareItem($0, 3) }))),
            common(.donut(DonutChart(items: hostile.map { ShareItem($0, 3) }, centerLabel: hostile[0]))),
            common(.smallMultiples(SmallMultiples(panels: few.map {
                .init($0, .bars(BarChart(categories: [$0], values: [1])))
            }))),
        ]
    }

    @Test("every hostile string stays text: no script, event attribute, foreign object or external reference")
    func staysEscaped() throws {
        for (i, spec) in HostileLabelTests.specs.enumerated() {
            let svg = try spec.svg()
            #expect(!svg.contains("<script"), "chart \(i)")
            #expect(!svg.contains("<svg onload"), "chart \(i)")
            #expect(!svg.lowercased().contains("foreignobject"), "chart \(i)")
            #expect(!svg.contains("]]>"), "chart \(i)")
            #expect(!svg.contains("<!--") && !svg.contains("<![CDATA[") && !svg.contains("<?xml-stylesheet"), "chart \(i)")
            #expect(svg.contains("&amp;#x41;"), "chart \(i): an entity in the data must print as typed")
            #expect(svg.contains("&lt;script&gt;"), "chart \(i)")
            let audit = SVGAudit(svg)
            #expect(audit.safetyProblems.isEmpty, "chart \(i): \(audit.safetyProblems)")
            // The data's text survives parsing as text: the parsed title is the cleaned input.
            #expect(audit.texts.first { $0.element == "title" }?.text == SVGText.clean(spec.title))
        }
    }

    @Test("control characters and bidi overrides never reach the SVG")
    func dropsControlsAndOverrides() throws {
        for spec in HostileLabelTests.specs {
            let svg = try spec.svg()
            let bad = svg.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value) || $0.value == 0xFFFE
            }
            #expect(bad.isEmpty, "found \(bad.map { String($0.value, radix: 16) })")
        }
    }

    @Test("every hostile chart parses with xmllint and renders with rsvg-convert without a message")
    func validates() throws {
        for (i, spec) in HostileLabelTests.specs.enumerated() {
            let path = try temporarySVG(try spec.svg(), name: "hostile-\(i)")
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(try xmllintProblems(path) == nil, "chart \(i)")
            #expect(try rsvgProblems(path) == nil, "chart \(i)")
        }
    }

    @Test("a 500-character label is cut with an ellipsis and kept whole in a <title>")
    func longLabelsTruncated() throws {
        for (i, spec) in HostileLabelTests.specs.enumerated() {
            let audit = SVGAudit(try spec.svg())
            let visible = audit.texts.filter { $0.element == "text" }
            // No visible line is wider than the page inside its margins.
            let widest = visible.map { t in
                TextMetrics.width(t.text, size: Double(t.attributes["font-size"] ?? "") ?? 0, bold: t.attributes["font-weight"] == "bold")
            }.max() ?? 0
            #expect(widest <= 680.5, "chart \(i): a line \(widest) px wide")
            #expect(visible.contains { $0.text.hasSuffix("\u{2026}") }, "chart \(i)")
            let full = SVGText.clean(HostileLabelTests.longLabel)
            #expect(audit.texts.contains { $0.element == "title" && $0.text.contains(full) }, "chart \(i)")
        }
    }

    @Test("Arabic and Hebrew labels are marked right-to-left and keep their letters")
    func rightToLeft() throws {
        let svg = try HostileLabelTests.specs[0].svg()
        let audit = SVGAudit(svg)
        for word in [HostileLabelTests.arabic, HostileLabelTests.hebrew] {
            let t = audit.texts.first { $0.element == "text" && $0.text == word }
            #expect(t?.attributes["direction"] == "rtl", "\(word)")
            // Right-aligned like the other category labels: anchor mirrored for rtl.
            #expect(t?.attributes["text-anchor"] == nil, "\(word)")
        }
        #expect(!SVGText.isRightToLeft("53a-82 \(HostileLabelTests.arabic)"))
        #expect(SVGText.isRightToLeft("١٢ \(HostileLabelTests.arabic)"))
    }

    @Test("hostile labels stay legible (golden for review)")
    func hostileGolden() throws {
        let svg = try HostileLabelTests.specs[0].svg()
        let path = goldenDirectory + "/hostile-labels.svg"
        if GoldenTests.updating { try Data(svg.utf8).write(to: URL(fileURLWithPath: path)) }
        let golden = try #require(FileManager.default.contents(atPath: path))
        #expect(Data(svg.utf8) == golden)
    }
}
