/// The last guard of a notebook page: only the elements and attributes Ink writes for Markdown
/// may stand in the HTML, with safe values; any other `<` is written as `&lt;`, so raw HTML in
/// a notebook (a `<script>`, an `<img onerror=…>`, a quote that breaks out of a link target)
/// shows as text. Ink passes raw HTML through and does not escape quotes in link targets, and
/// its idea of a code block differs from CommonMark's, so escaping the prose beforehand is not
/// enough on its own (the NotebookFuzz harness found a `<script>` that reached the page).
///
/// Allowed: `p`, `h1`–`h6`, `em`, `strong`, `s`, `del`, `code` (class `language-…`), `pre`,
/// `blockquote`, `ul`, `ol` (`start`), `li`, `a` (`href`), `img` (`src`, `alt`), `br`, `hr`,
/// `table`, `thead`, `tbody`, `tr`, `th`/`td` (`align`). A link or image target may have no
/// scheme (a relative path or an anchor) or http, https or mailto, and no `&` other than
/// `&amp;` (a character reference could spell `javascript:`).
///
/// ```swift
/// HTMLAllowList.sanitised("<p>a</p><script>x</script>")   // "<p>a</p>&lt;script>x&lt;/script>"
/// ```
enum HTMLAllowList {
    static let elements: [String: Set<String>] = [
        "p": [], "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "em": [], "strong": [], "s": [], "del": [],
        "code": ["class"], "pre": [], "blockquote": [], "ul": [], "ol": ["start"], "li": [], "a": ["href"],
        "img": ["src", "alt"], "br": [], "hr": [], "table": [], "thead": [], "tbody": [], "tr": [],
        "th": ["align"], "td": ["align"],
    ]

    static func sanitised(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "<", let end = allowedTag(scalars, at: i) {
                out.append(contentsOf: scalars[i..<end])
                i = end
            } else if scalars[i] == "<" {
                out.append(contentsOf: "&lt;".unicodeScalars)
                i += 1
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The end of an allowed tag starting at `start` (just past its `>`), or nil.
    static func allowedTag(_ s: [Unicode.Scalar], at start: Int) -> Int? {
        var i = start + 1
        let closing = i < s.count && s[i] == "/"
        if closing { i += 1 }
        var name = ""
        while i < s.count, isLowerAlphanumeric(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
        guard let allowed = elements[name] else { return nil }
        var seen = Set<String>()
        while i < s.count, s[i] == " " {
            i += 1
            var attribute = ""
            while i < s.count, isLowerAlphanumeric(s[i]) { attribute.unicodeScalars.append(s[i]); i += 1 }
            guard !closing, allowed.contains(attribute), seen.insert(attribute).inserted,
                  i + 1 < s.count, s[i] == "=", s[i + 1] == "\"" else { return nil }
            i += 2
            var value = ""
            while i < s.count, s[i] != "\"" { value.unicodeScalars.append(s[i]); i += 1 }
            guard i < s.count, isSafe(value, for: attribute) else { return nil }
            i += 1
        }
        if i < s.count, s[i] == "/", !closing { i += 1 }
        guard i < s.count, s[i] == ">" else { return nil }
        return i + 1
    }

    static func isLowerAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("0"..."9").contains(c)
    }

    /// A link or image target: no scheme (a relative path, an anchor), or http, https or
    /// mailto; no `&` but in `&amp;`. Read by code points, as a browser reads it.
    static func isSafeURL(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        let ampersands = scalars.indices.filter { scalars[$0] == "&" }
        guard ampersands.allSatisfy({ scalars[$0...].starts(with: "&amp;".unicodeScalars) }) else { return false }
        // A scheme is the text before the first ':' when no '/', '?' or '#' comes first.
        guard let colon = scalars.firstIndex(of: ":"), !scalars[..<colon].contains(where: { "/?#".unicodeScalars.contains($0) }) else {
            return true
        }
        let scheme = String(String.UnicodeScalarView(scalars[..<colon])).lowercased()
        return ["http", "https", "mailto"].contains(scheme)
    }

    static func isSafe(_ value: String, for attribute: String) -> Bool {
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "<" || $0 == ">" }) else { return false }
        switch attribute {
        case "href", "src":
            return isSafeURL(value)
        case "class":
            return value.hasPrefix("language-") && value.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || "-_".unicodeScalars.contains($0) || ("A"..."Z").contains($0) }
        case "align":
            return ["left", "center", "right"].contains(value)
        case "start":
            return !value.isEmpty && value.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        default:
            return true
        }
    }
}
