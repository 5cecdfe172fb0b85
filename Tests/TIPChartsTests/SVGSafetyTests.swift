import Foundation
import Testing
@testable import TIPCharts
import TIPTestSupport
import TIPText

/// Chart text comes from CSV files anyone can edit and the SVGs go to legislators' inboxes: no
/// string from the data may become an element, an attribute or an entity. Every chart kind,
/// every text slot, every kind of hostile string; each SVG is checked as raw text (what a
/// careless consumer greps), as parsed XML (what a browser builds) and by xmllint.
@Suite("SVG safety")
struct SVGSafetyTests {
    /// Strings that try to break out of text or an attribute, or to smuggle in characters XML
    /// forbids or that reorder what a reader sees.
    static let payloads: [String] = [
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "]]>",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&#x3C;script&#x3E; &#60; &lt; &amp; &unknown; &",
        "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>&xxe;",
        "<?xml-stylesheet href=\"http://evil.example/x.css\"?>",
        "<foreignObject><iframe src=\"javascript:alert(1)\"/></foreignObject>",
        "<a xlink:href=\"javascript:alert(1)\">x</a><use href=\"http://evil.example/#x\"/>",
        "<style>@import url(http://evil.example/x.css)</style> url(#x)",
        "<!-- --> -->",
        (0x00...0x1F).map { String(UnicodeScalar($0)!) }.joined() + "C0",
        (0x7F...0x9F).map { String(UnicodeScalar($0)!) }.joined() + "C1",
        "non" + [0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFE, 0x10FFFF].map { String(UnicodeScalar($0)!) }.joined() + "characters",
        "\u{202E}exe.evil\u{202C} \u{202A}a\u{202B}b\u{202D}c \u{2066}d\u{2067}e\u{2068}f\u{2069}",
        // Bytes from a file that are not UTF-8 (a lone surrogate encoded, an overlong slash,
        // stray continuation bytes) decode to U+FFFD: a Swift string cannot hold a surrogate.
        String(decoding: [0x61, 0xED, 0xA0, 0x80, 0x62, 0xC0, 0xAF, 0x80, 0xFF, 0x63] as [UInt8], as: UTF8.self),
        "Z\u{0335}\u{0322}\u{031B}a\u{0335}l\u{0334}g\u{0338}o \u{200B}\u{200D}\u{FEFF} 👩🏽‍⚖️",
        String(repeating: "Trafficking <b>in</b> persons & \"more\" ", count: 300),
        "   ",
        "",
    ]

    /// The payload for slot `i`, rotating through the list so each chart mixes them.
    static func p(_ i: Int) -> String { payloads[i % payloads.count] }

    /// A format whose prefix and suffix are hostile too (units can come from metadata).
    static func format(_ i: Int) -> NumberFormat { NumberFormat(decimals: 1, prefix: p(i), suffix: p(i + 1)) }

    /// Every chart kind, each text slot of the spec and of the content filled from the payloads,
    /// shifted by `shift` so that over all shifts each payload reaches each slot.
    static func specs(shift k: Int) -> [(kind: String, spec: ChartSpec)] {
        let cats = (0..<4).map { p(k + 20 + $0) }
        let series = (0..<3).map { Series(p(k + 30 + $0), [3, 5, .estimate(7), .count(2, suppressBelow: 5)]) }
        func bars(_ layout: BarChart.Layout, _ orientation: BarChart.Orientation) -> BarChart {
            BarChart(categories: cats, series: series, layout: layout, orientation: orientation, format: format(k + 40))
        }
        let line = LineChart(series: (0..<3).map { LineSeries(p(k + 50 + $0), years: [2014, 2015, 2016], values: [1, nil, .estimate(3)]) },
                             xFormat: format(k + 53), yFormat: format(k + 55), valueLabels: .all)
        let contents: [(String, ChartContent)] = [
            ("bars", .bars(BarChart(categories: cats, values: [1, 2, nil, .count(1, suppressBelow: 5)], name: p(k + 60), format: format(k + 61)))),
            ("bars-horizontal", .bars(bars(.grouped, .horizontal))),
            ("grouped", .bars(bars(.grouped, .vertical))),
            ("stacked", .bars(bars(.stacked, .vertical))),
            ("stacked-100", .bars(bars(.normalized, .horizontal))),
            ("line", .line(line)),
            ("dots", .dots(DotPlot(rows: cats.map { DotPlot.Row($0, value: 5, lower: 1, upper: 9) }, reference: ReferenceLine(3, label: p(k + 63)),
                                   format: format(k + 64), pointLabel: p(k + 66), intervalLabel: p(k + 67)))),
            ("tornado", .tornado(TornadoChart(base: 10, baseLabel: p(k + 68), factors: cats.indices.map {
                .init(cats[$0], low: p(k + 70 + $0), high: p(k + 74 + $0), outputAtLow: 5, outputAtHigh: 20)
            }, format: format(k + 78), lowLabel: p(k + 80), highLabel: p(k + 81)))),
            ("histogram", .histogram(Histogram(values: [1, 2, 2, 3, 4], reference: ReferenceLine(2, label: p(k + 82)), format: format(k + 83)))),
            ("shares", .shares(ShareChart(items: cats.map { ShareItem($0, 3) } + [ShareItem(p(k + 85), .count(2, suppressBelow: 5))], format: format(k + 86)))),
            ("donut", .donut(DonutChart(items: cats.map { ShareItem($0, 3) }, centerLabel: p(k + 88), format: format(k + 89)))),
            ("small-multiples", .smallMultiples(SmallMultiples(panels: [
                .init(p(k + 90), .bars(bars(.grouped, .vertical))), .init(p(k + 91), .line(line)),
            ]))),
        ]
        return contents.map { kind, content in
            (kind, ChartSpec(title: p(k), subtitle: p(k + 1), xTitle: p(k + 2), yTitle: p(k + 3), source: p(k + 4),
                             notes: [p(k + 5), p(k + 6)], desc: p(k + 7), id: p(k + 8), content: content))
        }
    }

    static let allSpecs: [(kind: String, spec: ChartSpec)] = (0..<payloads.count).flatMap { specs(shift: $0) }

    /// Every attribute name the module writes (literals in its source): nothing from the data
    /// can add one.
    static let knownAttributes: Set<String> = [
        "xmlns", "role", "aria-labelledby", "viewBox", "width", "height", "font-family", "id", "x", "y", "x1", "y1", "x2",
        "y2", "d", "fill",
        "stroke", "stroke-width", "stroke-dasharray", "stroke-linejoin", "stroke-linecap", "stroke-opacity", "font-size",
        "font-weight", "text-anchor", "direction", "unicode-bidi", "paint-order", "transform", "patternUnits",
        "patternTransform",
    ]

    /// What must never appear in the raw text of a figure, whatever the data. Text content is
    /// escaped, so a raw `<` only ever opens one of the module's own tags: inside tags there is
    /// no script, foreign object, reference, style or event attribute; anywhere, no markup
    /// declaration, CDATA section or comment, no entity but the five the escaper writes, and no
    /// character XML forbids or that reorders text.
    static func rawProblems(_ svg: String) -> [String] {
        var problems: [String] = []
        let lower = svg.lowercased()
        for needle in ["<!entity", "<!doctype", "<?xml-stylesheet", "<![cdata[", "<!--", "]]>"] where lower.contains(needle) {
            problems.append("contains \(needle)")
        }
        var searchFrom = lower.startIndex
        while let tag = lower.range(of: "<[^>]*>", options: .regularExpression, range: searchFrom..<lower.endIndex) {
            // Ids and references to them are slugs of the data ("tip-script-alert-1-…"): letters
            // that cannot act, so they are set aside before looking for dangerous words.
            let text = String(lower[tag])
                .replacing(#/="[a-z0-9 -]*"/#, with: "=\"\"")
                .replacing(#/url\(#[a-z0-9-]+\)/#, with: "url(#)")
            for needle in ["script", "foreignobject", "href", "javascript", "style", "iframe", "<use", "<image", "<a "] where text.contains(needle) {
                problems.append("a tag with \(needle): \(text.prefix(80))")
            }
            if text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil { problems.append("an on* attribute: \(text.prefix(80))") }
            if text.range(of: #"url\([^#]"#, options: .regularExpression) != nil { problems.append("an external url(): \(text.prefix(80))") }
            searchFrom = tag.upperBound
        }
        // Every & starts one of the five references the escaper writes: no other entity.
        var rest = Substring(svg)
        while let amp = rest.firstIndex(of: "&") {
            let after = rest[rest.index(after: amp)...]
            if !["amp;", "lt;", "gt;", "quot;", "#39;"].contains(where: { after.hasPrefix($0) }) {
                problems.append("an entity reference \(after.prefix(10))")
            }
            rest = after
        }
        for scalar in svg.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
                problems.append("character U+\(String(v, radix: 16, uppercase: true))")
            }
        }
        return problems
    }

    @Test("no payload in any slot of any chart kind becomes markup, an entity or a forbidden character")
    func everySlotOfEveryKind() throws {
        #expect(SVGSafetyTests.allSpecs.count == 12 * SVGSafetyTests.payloads.count)
        for (i, (kind, spec)) in SVGSafetyTests.allSpecs.enumerated() {
            let svg = try spec.svg()
            #expect(SVGSafetyTests.rawProblems(svg).isEmpty, "\(kind) #\(i): \(SVGSafetyTests.rawProblems(svg).prefix(3))")
            let audit = SVGAudit(svg)
            #expect(audit.safetyProblems.isEmpty, "\(kind) #\(i): \(audit.safetyProblems.prefix(3))")
            let unknown = Set(audit.attributes.map(\.name)).subtracting(SVGSafetyTests.knownAttributes)
            #expect(unknown.isEmpty, "\(kind) #\(i): attributes \(unknown)")
            // Ids stay in the safe alphabet, and every url(#id) points to an id of the figure.
            let ids = Set(audit.attributes.filter { $0.name == "id" }.map(\.value))
            #expect(ids.allSatisfy { $0.range(of: "^[a-z][a-z0-9-]*$", options: .regularExpression) != nil }, "\(kind) #\(i): \(ids)")
            for a in audit.attributes where a.value.hasPrefix("url(#") {
                #expect(ids.contains(String(a.value.dropFirst(5).dropLast())), "\(kind) #\(i): \(a.value)")
            }
            // The data's words survive as text: the title and desc parse back to the cleaned input.
            #expect(audit.texts.first { $0.element == "title" }?.text == spec.displayTitle, "\(kind) #\(i)")
            #expect(!spec.displayTitle.isEmpty, "\(kind) #\(i): never an empty title")
            #expect(audit.texts.first { $0.element == "desc" }?.text == SVGText.clean(spec.accessibleDescription), "\(kind) #\(i)")
        }
    }

    @Test("every hostile figure parses with xmllint --noout, without a message")
    func xmllintAcceptsAll() throws {
        let dir = NSTemporaryDirectory() + "tipcharts-safety-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var paths: [String] = []
        for (i, (kind, spec)) in SVGSafetyTests.allSpecs.enumerated() {
            let path = "\(dir)/\(i)-\(kind).svg"
            try Data(try spec.svg().utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        // One xmllint run over all the files: it names each file that does not parse.
        let r = try runTool("xmllint", package: "libxml2-utils", arguments: ["--noout", "--nonet"] + paths)
        #expect(r.status == 0 && r.output.isEmpty, "\(r.output.prefix(2000))")
    }

    @Test("bidi overrides and isolates are dropped, so a label reads in its stored order")
    func bidiOverridesDropped() throws {
        // "\u{202E}exe.evil" would display as "live.exe"; without the override it reads as stored.
        #expect(SVGText.clean("report\u{202E}fdp.exe\u{202C}") == "reportfdp.exe")
        #expect(SVGText.clean("\u{2067}53a-192a\u{2069} arrests") == "53a-192a arrests")
        // Marks that only steer neutral characters (LRM, RLM, ALM) are kept: they reorder nothing.
        #expect(SVGText.clean("a\u{200E}b\u{200F}c\u{061C}d") == "a\u{200E}b\u{200F}c\u{061C}d")
        let spec = ChartSpec(title: "\u{202E}exe.evil\u{202C}", content: .bars(BarChart(categories: ["\u{202E}cba"], values: [1])))
        let texts = SVGAudit(try spec.svg()).texts.filter { $0.element == "text" }.map(\.text)
        #expect(texts.contains("exe.evil") && texts.contains("cba"))
    }

    @Test("escaping is exact: the five XML characters become references, nothing else changes")
    func escapingIsExact() {
        #expect(XMLText.escaped(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(XMLText.escaped("]]>") == "]]&gt;")
        #expect(XMLText.escaped("&#x41;") == "&amp;#x41;")
        #expect(SVGText.clean("a\u{0}b\u{7}c\u{1B}d\u{9F}e" + String(UnicodeScalar(0xFFFF)!) + "f") == "abcdef")
        // NEL (U+0085) is white space in Unicode: a space, like a line end.
        #expect(SVGText.clean("a\u{85}b") == "a b")
        #expect(SVGText.clean("  tab\tnew\nline\r\nend  ") == "tab new line end")
    }
}
