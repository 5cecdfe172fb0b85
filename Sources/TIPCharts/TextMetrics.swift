/// Estimated text widths and line breaking, so titles, labels and notes can be laid out
/// without overlap before any renderer measures them.
///
/// Widths come from the advance widths of Helvetica (regular and bold, in thousandths of an
/// em, from Adobe's AFM files). Liberation Sans and Arial, which browsers and librsvg
/// substitute for Helvetica, share these metrics, so the estimate is exact for Latin text.
/// Other scripts fall back to conservative averages: wide (CJK) characters 1 em, combining marks
/// nothing, anything else 0.6 em.
enum TextMetrics {
    /// The estimated advance width of `text` at `size` pixels.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += advance(scalar, bold: bold) }
        return Double(units) * size / 1000
    }

    /// Text broken into at most `maxLines` lines no wider than `maxWidth`: greedy word wrap at
    /// spaces, with words longer than a line broken after a `_`, `-` or `/`, or else between
    /// characters. Text that does not fit
    /// ends in an ellipsis and reports `truncated`, so the renderer can keep the full text in a
    /// `<title>`. The text is cleaned (see ``SVGText/clean(_:)``) first.
    static func fit(_ text: String, maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int = 1) -> FittedText {
        let cleaned = SVGText.clean(text)
        let limit = Swift.max(maxWidth, size)
        var lines: [String] = []
        var current = ""
        var truncated = false
        func w(_ s: String) -> Double { width(s, size: size, bold: bold) }
        outer: for word in cleaned.split(separator: " ") {
            var piece = String(word)
            while !piece.isEmpty {
                let candidate = current.isEmpty ? piece : current + " " + piece
                if w(candidate) <= limit { current = candidate; break }
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                    if lines.count == maxLines { truncated = true; break outer }
                    continue
                }
                // A word wider than a whole line: break it after its last `_`, `-` or `/` that
                // fits (identifiers such as long_term_services), else where it stops fitting.
                var head = ""
                for ch in piece {
                    if w(head + String(ch)) > limit && !head.isEmpty { break }
                    head.append(ch)
                }
                if head.count < piece.count, let cut = head.dropLast().dropFirst().lastIndex(where: { "_-/".contains($0) }) {
                    head = String(head[...cut])
                }
                lines.append(head)
                piece.removeFirst(head.count)
                if lines.count == maxLines && !piece.isEmpty { truncated = true; break outer }
            }
        }
        if !truncated && !current.isEmpty { lines.append(current) }
        if lines.count > maxLines { lines.removeLast(lines.count - maxLines); truncated = true }
        if truncated, var last = lines.popLast() {
            while !last.isEmpty && w(last + "\u{2026}") > limit { last.removeLast() }
            while last.hasSuffix(" ") { last.removeLast() }
            lines.append(last + "\u{2026}")
        }
        return FittedText(lines: lines, full: cleaned, truncated: truncated, size: size, bold: bold)
    }

    private static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Int {
        let v = scalar.value
        if v >= 0x20 && v <= 0x7E {
            let i = Int(v - 0x20)
            return bold ? boldASCII[i] : regularASCII[i]
        }
        switch v {
        case 0x2013: return 556                                     // en dash
        case 0x2014, 0x2026: return 1000                            // em dash, ellipsis
        case 0x2018, 0x2019: return bold ? 278 : 222                // single quotes
        case 0x201C, 0x201D: return bold ? 500 : 333                // double quotes
        case 0x00D7, 0x2212, 0x00B1: return 584                     // times, minus, plus-minus
        case 0x00B7: return 278                                     // middle dot
        case 0x2264, 0x2265: return 549                             // less/greater or equal
        case 0x00B0: return 400                                     // degree
        case 0x00A0: return 278                                     // no-break space
        case 0x00C0...0x00DE: return 722                            // accented capitals
        case 0x00DF...0x00FF: return bold ? 611 : 556               // accented small letters
        default: break
        }
        let props = scalar.properties
        if props.generalCategory == .nonspacingMark || props.generalCategory == .enclosingMark
            || props.generalCategory == .format {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 1000
        }
        return 600
    }

    // Helvetica advance widths for U+0020...U+007E.
    private static let regularASCII: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]

    // Helvetica-Bold advance widths for U+0020...U+007E.
    private static let boldASCII: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]
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
