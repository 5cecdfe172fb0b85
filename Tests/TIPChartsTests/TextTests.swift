import Testing
import TIPText
@testable import TIPCharts
import TIPFonts

@Suite("Text: escaping, cleaning, numbers, widths and wrapping")
struct TextTests {
    @Test("the five XML specials become entities; nothing else changes")
    func escaping() {
        #expect(XMLText.escaped("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(XMLText.escaped("]]>") == "]]&gt;")
        #expect(XMLText.escaped("&#x41;") == "&amp;#x41;")
        #expect(XMLText.escaped("&amp;") == "&amp;amp;")
        #expect(XMLText.escaped("Hispanic – 46% · الاتجار") == "Hispanic – 46% · الاتجار")
    }

    @Test("cleaning drops controls, non-characters and bidi overrides, and collapses white space")
    func cleaning() {
        #expect(SVGText.clean("  a\tb\n\nc\r\n ") == "a b c")
        #expect(SVGText.clean("a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{9F}f") == "abcdef")
        // NEL (U+0085) is a line break: it becomes a space like the others.
        #expect(SVGText.clean("e\u{85}f") == "e f")
        #expect(SVGText.clean("\u{202E}gnp.exe\u{202C}") == "gnp.exe")
        #expect(SVGText.clean("x\u{2066}y\u{2067}z\u{2068}w\u{2069}") == "xyzw")
        let nonCharacters = [0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFF].map { String(Character(Unicode.Scalar(UInt32($0))!)) }
        #expect(SVGText.clean("a" + nonCharacters.joined(separator: "b") + "c") == "abbbc")
        // Joiners, marks and right-to-left letters stay.
        #expect(SVGText.clean("e\u{301} \u{200D} שלום") == "e\u{301} \u{200D} שלום")
        #expect(SVGText.clean("") == "" && SVGText.clean(" \t\n") == "")
    }

    @Test("numbers: thousands separators, trimmed decimals, true minus, no locale")
    func numbers() {
        #expect(NumberFormat.integer.string(82_992) == "82,992")
        #expect(NumberFormat.integer.string(3557) == "3,557")
        #expect(NumberFormat.integer.string(1_234_567.5) == "1,234,568")
        #expect(NumberFormat.decimal(1).string(151.0 * 12 / 9) == "201.3")
        #expect(NumberFormat.decimal(1).string(202) == "202")
        #expect(NumberFormat.decimal(2).string(0.125) == "0.13")
        #expect(NumberFormat.decimal(2).string(-0.001) == "0")
        #expect(NumberFormat.integer.string(-1378) == "\u{2212}1,378")
        #expect(NumberFormat.year.string(2016) == "2016")
        #expect(NumberFormat.percent().string(45.9) == "46%")
        #expect(NumberFormat.dollars.string(346.18) == "$346.18")
        #expect(NumberFormat.dollars.string(8344) == "$8,344")
        #expect(NumberFormat.integer.string(.nan) == "no data")
        #expect(NumberFormat.decimal(3).string(0.0005) == "0.001")
        #expect(NumberFormat.integer.string(1e20) == "1.00e+20")
    }

    @Test("coordinates: two decimals, trimmed, never -0")
    func coordinates() {
        #expect(coordinate(12) == "12")
        #expect(coordinate(12.345) == "12.35")
        #expect(coordinate(-0.001) == "0")
        #expect(coordinate(-3.1) == "-3.1")
        #expect(coordinate(.nan) == "0")
    }

    @Test("widths are TIPFonts' HarfBuzz widths, the wider of Liberation Sans and DejaVu Sans")
    func widths() throws {
        // DejaVu Sans's digits, 1303 design units of 2048 each as hb-shape shapes them
        // (Tests/TIPFontsTests/Reference/widths.tsv: 13030 for "0123456789"), are wider than
        // Helvetica's 556 of 1000, so the wider is theirs.
        #expect(TextMetrics.width("0123456789", size: 10) == 13_030.0 / 2048 * 10)
        #expect(TextMetrics.width("0123456789", size: 10) > 55.6)
        #expect(TextMetrics.width("Wi", size: 12, bold: true) == (try TextMeasurer.shared()).width(of: "Wi", size: 12, bold: true))
        // CJK characters neither font has: 1 em each.
        #expect(TextMetrics.width("漢字", size: 10) == 20)
    }

    @Test("wrapping breaks at spaces, within the width")
    func wrapping() {
        let t = TextMetrics.fit("Referrals of children at risk of or confirmed as victims of trafficking", maxWidth: 200, size: 12, maxLines: 5)
        #expect(!t.truncated)
        #expect(t.lines.count == 3)
        #expect(t.lines.joined(separator: " ") == "Referrals of children at risk of or confirmed as victims of trafficking")
        #expect(t.lines.allSatisfy { TextMetrics.width($0, size: 12) <= 200 })
        // A word longer than a line is broken between characters.
        let long = TextMetrics.fit(String(repeating: "x", count: 100), maxWidth: 60, size: 12, maxLines: 20)
        #expect(long.lines.count == 13 && long.lines.allSatisfy { TextMetrics.width($0, size: 12) <= 60 })
        #expect(long.lines.joined() == String(repeating: "x", count: 100))
    }

    @Test("a word wider than a line breaks after an underscore, hyphen or slash before breaking anywhere")
    func identifiersBreakAtTheirSeparators() {
        // Room for "long_term_" but not for the whole word: the break follows the second underscore.
        let room = TextMetrics.width("long_term_s", size: 12)
        #expect(TextMetrics.fit("long_term_services", maxWidth: room, size: 12, maxLines: 3).lines == ["long_term_", "services"])
        let slash = Swift.max(TextMetrics.width("AWOL/", size: 12), TextMetrics.width("runaway", size: 12)) + 1
        #expect(TextMetrics.fit("AWOL/runaway", maxWidth: slash, size: 12, maxLines: 3).lines == ["AWOL/", "runaway"])
        // What follows the break is broken again where it must be.
        #expect(TextMetrics.fit("co-defendants", maxWidth: TextMetrics.width("co-defen", size: 12), size: 12, maxLines: 3).lines
            == ["co-", "defenda", "nts"])
        // A separator as the first character is no place to break.
        #expect(TextMetrics.fit("_xxxxxxxxxx", maxWidth: 30, size: 12, maxLines: 3).lines.first != "_")
    }

    @Test("text beyond the last line ends in an ellipsis and keeps the full text")
    func truncation() {
        let t = TextMetrics.fit("Patronizing a prostitute under 18 or a trafficking victim", maxWidth: 150, size: 12, maxLines: 2)
        #expect(t.truncated && t.lines.count == 2)
        #expect(t.lines[1].hasSuffix("\u{2026}"))
        #expect(t.full == "Patronizing a prostitute under 18 or a trafficking victim")
        #expect(t.lines.allSatisfy { TextMetrics.width($0, size: 12) <= 150 })
        let one = TextMetrics.fit(String(repeating: "word ", count: 100), maxWidth: 100, size: 12)
        #expect(one.lines.count == 1 && one.truncated && one.lines[0].hasSuffix("word\u{2026}"))
        #expect(TextMetrics.fit("", maxWidth: 100, size: 12).isEmpty)
        #expect(!TextMetrics.fit("fits", maxWidth: 100, size: 12).truncated)
    }

    @Test("ids are slugs of the title plus a content hash: stable, safe, distinct")
    func ids() {
        let a = ChartID.make(slugOf: "DCF referrals, 2008–2016!", hashing: "x")
        #expect(a == ChartID.make(slugOf: "DCF referrals, 2008–2016!", hashing: "x"))
        #expect(a.hasPrefix("tip-dcf-referrals-2008-2016-"))
        #expect(a != ChartID.make(slugOf: "DCF referrals, 2008–2016!", hashing: "y"))
        #expect(ChartID.make(slugOf: "<script>", hashing: "").hasPrefix("tip-script-"))
        #expect(ChartID.make(slugOf: "الاتجار", hashing: "").hasPrefix("tip-chart-"))
        #expect(ChartID.sanitize("2016 \"fig\" <1>") == "tip-2016-fig-1")
        #expect(ChartID.sanitize("") == "tip-chart")
        #expect(ChartID.fnv1a("") == 2_166_136_261)
        #expect(ChartID.fnv1a("a") == 0xE40C_292C)
    }
}
