/// Text made safe for a terminal: what a hostile file name, cell or note could otherwise do to
/// the screen (clear it, retitle the window, reverse a line with a bidi override, hide text
/// with zero-width characters) is shown instead as an escape a person can read.
///
/// Newline, carriage return and tab are shown as `\n`, `\r` and `\t`; every other C0 or C1
/// control, DEL, bidi embedding, override or isolate control, zero-width character and the
/// byte-order mark as `\u{XX}` (hexadecimal, upper case, as Swift writes it). Nothing else is
/// changed. ``quoted(_:limit:)`` also puts the text in double quotes, escapes `"` and `\`, and
/// cuts it at `limit` scalars with "…", for one-line messages about a value.
///
/// ```swift
/// TerminalText.escaped("x\u{1B}]0;pwned\u{7}")   // "x\\u{1B}]0;pwned\\u{7}"
/// TerminalText.escaped("a\nb")                   // "a\\nb"
/// TerminalText.quoted("say \"hi\"")              // "\"say \\\"hi\\\"\""
/// ```
public enum TerminalText {
    /// The text with control and invisible characters shown as escapes.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out
    }

    /// The text in double quotes, escaped, and cut at `limit` scalars with "…".
    public static func quoted(_ text: String, limit: Int = 40) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { out += "\u{2026}"; break }
            count += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: append(scalar, to: &out)
            }
        }
        return out + "\""
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if isInvisibleOrControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// C0 and C1 controls, DEL, bidi embedding/override/isolate controls, zero-width
    /// characters and the byte-order mark.
    public static func isInvisibleOrControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
