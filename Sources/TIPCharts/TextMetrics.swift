import TIPFonts

/// Text widths and line breaking, so titles, labels and notes can be laid out without overlap
/// before any renderer draws them.
///
/// Widths are HarfBuzz's, on the fonts the charts' font stack resolves to and on the fallback,
/// the wider kept (``TIPFonts/TextMeasurer``): Liberation Sans (Helvetica's and Arial's
/// metrics) and DejaVu Sans, about 14% wider, which is what a machine without Helvetica, Arial
/// and Liberation Sans draws with. CJK characters count 1 em, emoji 1.25 em. ``ChartSpec``
/// loads the fonts before laying anything out and fails with a ``TIPFonts/FontError`` naming
/// the missing package; layout code reached without them (only from tests of internals)
/// measures 1 em a character.
enum TextMetrics {
    /// The advance width of `text` at `size` pixels.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        guard let measurer = try? TextMeasurer.shared() else { return Double(text.unicodeScalars.count) * size }
        return measurer.width(of: text, size: size, bold: bold)
    }

    /// How far glyphs reach above the baseline (`ascent`) and below it (`descent`) at `size`:
    /// the fonts' largest ascender and descender.
    static func ascent(_ size: Double) -> Double { ((try? TextMeasurer.shared())?.ascent ?? 1) * size }
    static func descent(_ size: Double) -> Double { ((try? TextMeasurer.shared())?.descent ?? 0.25) * size }

    /// Text broken into at most `maxLines` lines no wider than `maxWidth`: greedy word wrap at
    /// spaces; a word longer than a line is broken after its last `_`, `-` or `/` that fits
    /// (identifiers such as long_term_services), or else between characters, except a number
    /// ("2016", "1,234", "(46%)"), which is never broken: it takes a line of its own even when
    /// wider than asked (``FittedText/width`` tells). Text beyond `maxLines` lines ends in an
    /// ellipsis after the last whole word that leaves room for it, and reports `truncated`, so the renderer can keep the full text in a `<title>`.
    /// The text is cleaned (see ``SVGText/clean(_:)``) first.
    static func fit(_ text: String, maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int = 1) -> FittedText {
        let cleaned = SVGText.clean(text)
        let limit = Swift.max(maxWidth, size)
        let maxLines = Swift.max(maxLines, 1)
        var lines: [String] = []
        var current = ""
        var truncated = false
        func w(_ s: String) -> Double { width(s, size: size, bold: bold) }
        outer: for word in cleaned.split(separator: " ") {
            var piece = String(word)
            while !piece.isEmpty {
                let candidate = current.isEmpty ? piece : current + " " + piece
                if w(candidate) <= limit || (current.isEmpty && isNumber(piece)) { current = candidate; break }
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                    if lines.count == maxLines { truncated = true; break outer }
                    continue
                }
                let head = breakingHead(piece, limit: limit, measure: w)
                lines.append(head)
                piece.removeFirst(head.count)
                if lines.count == maxLines && !piece.isEmpty { truncated = true; break outer }
            }
        }
        if !truncated && !current.isEmpty { lines.append(current) }
        if truncated, var last = lines.popLast() {
            // Whole words go first, so the line ends "… a word…", not in the middle of one.
            while !last.isEmpty && w(last + "\u{2026}") > limit {
                if let space = last.lastIndex(of: " ") { last = String(last[..<space]) } else { last.removeLast() }
            }
            lines.append(last + "\u{2026}")
        }
        return FittedText(lines: lines, full: cleaned, truncated: truncated, size: size, bold: bold)
    }

    /// "Name: value" in at most `maxLines` lines no wider than `maxWidth`, the value never cut:
    /// when the whole does not fit, the name is cut instead (ending in an ellipsis, the full
    /// text kept for the tooltip) and the value follows it whole, on the same line when only one
    /// is allowed, else on a line of its own.
    static func fit(name: String, value: String, maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int) -> FittedText {
        let cleanName = SVGText.clean(name)
        let whole = fit(cleanName + ": " + value, maxWidth: maxWidth, size: size, bold: bold, maxLines: maxLines)
        guard whole.truncated else { return whole }
        var fitted: FittedText
        if maxLines <= 1 {
            let room = maxWidth - width(": " + value, size: size, bold: bold)
            fitted = fit(cleanName, maxWidth: room, size: size, bold: bold, maxLines: 1)
            fitted.lines = [(fitted.lines.first ?? "") + ": " + value]
        } else {
            fitted = fit(cleanName + ":", maxWidth: maxWidth, size: size, bold: bold, maxLines: maxLines - 1)
            fitted.lines.append(value)
        }
        fitted.full = whole.full
        fitted.truncated = true
        return fitted
    }

    /// Whether `word` is a number as charts print them: digits with separators, signs, units and
    /// brackets ("2016", "−1,378", "$8,344", "46%", "(170.5–236.1)", "12/9"), and no letter.
    static func isNumber(_ word: some StringProtocol) -> Bool {
        var digits = false
        for scalar in word.unicodeScalars {
            if ("0"..."9").contains(scalar) { digits = true; continue }
            guard ",.%$+-\u{2212}\u{2013}()/:\u{00D7}'\u{2019}<>=".unicodeScalars.contains(scalar) else { return false }
        }
        return digits
    }

    /// The first line of a word wider than `limit`: the longest run of its characters that fits
    /// (at least one), found by bisection, then cut back to just after its last `_`, `-` or `/`
    /// when there is one past the first character.
    private static func breakingHead(_ piece: String, limit: Double, measure: (String) -> Double) -> String {
        let characters = Array(piece)
        var fits = 1, tooWide = characters.count
        while tooWide - fits > 1 {
            let mid = (fits + tooWide) / 2
            if measure(String(characters[..<mid])) <= limit { fits = mid } else { tooWide = mid }
        }
        if measure(piece) <= limit { fits = characters.count }
        let head = characters[..<fits]
        if fits < characters.count, let cut = head.dropLast().dropFirst().lastIndex(where: { "_-/".contains($0) }) {
            return String(head[...cut])
        }
        return String(head)
    }
}

/// Text broken into lines for a given width, with the full text kept for a tooltip when it
/// had to be cut.
struct FittedText: Sendable, Hashable {
    var lines: [String]
    /// The cleaned text before breaking.
    var full: String
    var truncated: Bool
    var size: Double
    var bold: Bool

    /// The width of the widest line.
    var width: Double { lines.map { TextMetrics.width($0, size: size, bold: bold) }.max() ?? 0 }
    var isEmpty: Bool { lines.isEmpty }
}
