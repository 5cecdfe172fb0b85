import Foundation
import Testing
@testable import TIPFonts

/// Widths against HarfBuzz's own command-line tool: `Reference/widths.sh` shapes each line of
/// `Reference/strings.txt` with `hb-shape` on each font file and sums the advances
/// (`Reference/widths.tsv`, committed).
@Suite("Text measured with FreeType and HarfBuzz")
struct TextMeasurerTests {
    static let referenceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Reference"

    /// font file name -> text -> summed advances in design units, from `widths.tsv`.
    static func reference() throws -> [String: [String: Int]] {
        let tsv = try String(contentsOfFile: referenceDirectory + "/widths.tsv", encoding: .utf8)
        var out: [String: [String: Int]] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let units = Int(fields[1]) else { Issue.record("bad reference line: \(line)"); continue }
            out[fields[0], default: [:]][fields[2]] = units
        }
        return out
    }

    @Test("each text's width is the wider of Liberation Sans and DejaVu Sans, as hb-shape shapes them", arguments: [false, true])
    func matchesHBShape(bold: Bool) throws {
        let reference = try Self.reference()
        let measurer = try TextMeasurer.shared()
        let liberationFile = bold ? FontFile.liberationSansBold : .liberationSans
        let dejaVuFile = bold ? FontFile.dejaVuSansBold : .dejaVuSans
        let liberation = try ShapingFont(liberationFile)
        let strings = try String(contentsOfFile: Self.referenceDirectory + "/strings.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(strings.count == 12)
        for text in strings {
            let lib = try #require(reference[(liberationFile.path as NSString).lastPathComponent]?[text])
            let dv = try #require(reference[(dejaVuFile.path as NSString).lastPathComponent]?[text])
            // Where Liberation Sans lacks a letter (Hebrew, Arabic), both stacks set the text in DejaVu Sans.
            let libCoversAll = text.unicodeScalars.allSatisfy { liberation.covers($0.value) }
            let expected = Double(libCoversAll ? max(lib, dv) : dv) / 2048
            #expect(measurer.ems(text, bold: bold) == expected, "\(text)")
            #expect(measurer.width(of: text, size: 12, bold: bold) == expected * 12, "\(text)")
        }
    }

    @Test("DejaVu Sans, the fallback, is the wider for Latin text: 0123456789 is 6.36 em, not Helvetica's 5.56")
    func dejaVuIsWider() throws {
        let measurer = try TextMeasurer.shared()
        let reference = try Self.reference()
        #expect(measurer.ems("0123456789") == Double(try #require(reference["DejaVuSans.ttf"]?["0123456789"])) / 2048)
        #expect(reference["LiberationSans-Regular.ttf"]?["0123456789"] == 11_390)   // 556 of 1000 per digit, as Helvetica
    }

    @Test("characters neither font has: 1 em, an emoji 1.25 em, joiners and variation selectors nothing")
    func missingGlyphs() throws {
        let m = try TextMeasurer.shared()
        #expect(m.ems("漢字") == 2)
        #expect(m.ems("\u{1F600}") == 1.25)
        #expect(m.ems("\u{1F469}\u{1F3FD}") == 2.5)     // woman, skin tone modifier
        #expect(m.ems("\u{FE0F}") == 0 && m.ems("\u{200D}") == 0)
        #expect(m.ems("") == 0)
        #expect(TextMeasurer.missingGlyphEms(0x4E00) == 1 && TextMeasurer.missingGlyphEms(0x1F600) == 1.25)
    }

    @Test("a width is the same on every call and from every thread")
    func stable() async throws {
        let m = try TextMeasurer.shared()
        let texts = (0..<200).map { "Label \($0) — \(String(repeating: "x", count: $0 % 17))" }
        let first = texts.map { m.ems($0) }
        let again = await withTaskGroup(of: [Double].self) { group in
            for _ in 0..<4 { group.addTask { texts.map { m.ems($0) } } }
            var all: [[Double]] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(again.allSatisfy { $0 == first })
    }

    @Test("ascent and descent cover both families: DejaVu Sans's 0.928 and 0.236 em")
    func extents() throws {
        let m = try TextMeasurer.shared()
        // DejaVu Sans's hhea ascender 1901 and descender -483 of 2048 (fc-query shows them as well).
        #expect(m.ascent == 1901.0 / 2048 && m.descent == 483.0 / 2048)
    }

    @Test("a missing or wrong font file is an error naming the file and its Debian package")
    func errors() {
        let missing = FontFile(family: "Liberation Sans", style: "Regular", path: "/nonexistent/LiberationSans-Regular.ttf",
                               package: "fonts-liberation")
        #expect(throws: FontError.missing(missing)) { try ShapingFont(missing) }
        #expect("\(FontError.missing(missing))" == "font Liberation Sans Regular not found at /nonexistent/LiberationSans-Regular.ttf: "
                + "install the Debian package fonts-liberation (`make deps-build` does)")
        let wrong = FontFile(family: "Liberation Sans", style: "Regular", path: FontFile.dejaVuSans.path, package: "fonts-liberation")
        #expect(throws: FontError.unexpected(wrong, found: "DejaVu Sans Book")) { try ShapingFont(wrong) }
        let notAFont = FontFile(family: "X", style: "Y", path: #filePath, package: "none")
        #expect(throws: FontError.unreadable(notAFont, freeTypeError: 2)) { try ShapingFont(notAFont) }
    }
}
