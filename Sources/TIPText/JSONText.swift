/// A string as a JSON string literal: quoted, with `"` and `\` escaped, newline, carriage
/// return and tab as `\n`, `\r` and `\t`, every other control character (U+0000–U+001F, DEL)
/// and the line and paragraph separators U+2028 and U+2029 (which end a line in JavaScript) as
/// `\uXXXX`. Everything else is written as it is, in UTF-8, so the text stays readable.
///
/// ```swift
/// JSONText.quoted("say \"hi\"\n")   // "\"say \\\"hi\\\"\\n\""
/// JSONText.quoted("\u{1B}[2J")      // "\"\\u001b[2J\""
/// ```
public enum JSONText {
    /// The literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var out = ""
        write(text, to: &out)
        return out
    }

    /// Appends the literal to `out` (for writers that build a document in one string).
    public static func write(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
