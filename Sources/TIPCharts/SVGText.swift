/// Makes any string safe to place in SVG text content or an attribute value.
///
/// Data reaches a figure from CSV files that anyone can edit, and the figures are opened in
/// browsers, so no label may ever become markup. Two steps, always both:
///
/// 1. ``clean(_:)`` drops what XML 1.0 forbids or what could reorder the text: control
///    characters (C0 other than tab and newline, DEL, C1), non-characters (U+FFFE, U+FFFF,
///    U+FDD0–U+FDEF) and the bidirectional embedding, override and isolate controls
///    (U+202A–U+202E, U+2066–U+2069), which could make a label display reversed or spoofed.
///    Tabs, newlines and runs of white space become one space, and the ends are trimmed.
/// 2. TIPText's ``XMLText/escaped(_:)`` replaces `&`, `<`, `>`, `"` and `'` with entity
///    references, so the result can never open an element, close an attribute, start an
///    entity, end a CDATA section (`]]>` becomes `]]&gt;`) or open a comment. ``SVGWriter``
///    applies both to every text and attribute value it writes.
///
/// Right-to-left labels (Arabic, Hebrew) are not altered: each label is its own `<text>`
/// element, a bidi paragraph of its own, and ``isRightToLeft(_:)`` lets the renderer mark it
/// `direction="rtl"` so it reads and aligns correctly.
///
/// ```swift
/// XMLText.escaped(SVGText.clean("<b>Tom & \u{202E}Jerry</b>"))
/// // "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"
/// ```
public enum SVGText {
    /// The string without forbidden or reordering characters, white space collapsed.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x09 || v == 0x0A || v == 0x0D || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if isDropped(v) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether the text's first strong character is right-to-left (Hebrew, Arabic, Syriac,
    /// Thaana, N'Ko and their presentation forms): the text's base direction under the
    /// Unicode bidirectional algorithm (rules P2–P3).
    public static func isRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
                || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v) {
                // Arabic-Indic digits and marks are weak or neutral; letters decide.
                if scalar.properties.isAlphabetic { return true }
                continue
            }
            if scalar.properties.isAlphabetic { return false }
        }
        return false
    }

    private static func isDropped(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }
}
