import Ink
import TIPText

/// A notebook as a standalone HTML page, for readers without a Markdown viewer: the prose,
/// the commands and their output as preformatted text, and the figures the prose links. The
/// Markdown is converted by Ink; the page adds a title, a small print-friendly style sheet and
/// nothing else (no script, no external reference). Ink never sees a `<`, nor a `[` that
/// opens no link: each is handed to it as a private-use placeholder and comes back as `&lt;`
/// or `[`, so raw HTML shows as text (Ink would pass `<script>` on, an unclosed tag in a
/// heading swallows the rest of the page, and an unclosed element after a fence made Ink's
/// HTML reader loop for ever) and Ink's link reader cannot backtrack exponentially (both found
/// by the NotebookFuzz harness). Links or images with a scheme other than http, https or mailto
/// (`javascript:`) lose their target. Whatever gets past that, the HTML Ink writes keeps only
/// Ink's own elements and attributes (``HTMLAllowList``).
///
/// ```swift
/// let page = NotebookHTML.page(markdown: text, fallbackTitle: "hotline")
/// // "<!DOCTYPE html>\n<html lang=\"en\">..."
/// ```
public enum NotebookHTML {
    /// Commands on grey in blue; their output on white in a frame. Notebooks wrap their output
    /// at 100 columns, so it fits the page; a wider table scrolls on screen and wraps on paper,
    /// where nothing may be cut off.
    static let style = """
    body{font-family:Helvetica,Arial,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}
    pre{background:#f6f6f6;padding:.75rem;overflow-x:auto;font-size:.85rem;line-height:1.35}
    code.language-tipstat{color:#0b4f8a}
    pre:has(>code.language-output){background:#fff;border:1px solid #ddd;border-left:4px solid #bbb}
    code.language-output{font-size:.8rem;color:#333}
    img{max-width:100%;height:auto;border:1px solid #ddd}
    table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}
    @media print{pre{white-space:pre-wrap;overflow-wrap:anywhere;break-inside:auto}code{white-space:inherit}img{break-inside:avoid}}
    """

    /// The page. Its title is the notebook's first level-1 heading, or `fallbackTitle`.
    public static func page(markdown: String, fallbackTitle: String) -> String {
        let notebook = Notebook(text: markdown)
        let title = escape(self.title(markdown: markdown, fallback: fallbackTitle))
        let body = HTMLAllowList.sanitised(restored(MarkdownParser().html(from: neutralised(notebook))))
        return document(title: title, body: body)
    }

    /// The one page template: `title` (already escaped), the style sheet, `body`; no script.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// The title a notebook's page gets: its first level-1 heading, or `fallback`.
    ///
    /// ```swift
    /// NotebookHTML.title(markdown: "# The hotline\n\nText\n", fallback: "04-hotline") // "The hotline"
    /// ```
    public static func title(markdown: String, fallback: String) -> String {
        Notebook(text: markdown).lines.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? fallback
    }

    /// A contents page for a folder of notebook pages: `title`, then each page's title as a
    /// link to its file, in the order given. The same style sheet; no script.
    ///
    /// ```swift
    /// let html = NotebookHTML.index(title: "Notebooks", pages: [(title: "The hotline", file: "04-hotline.html")])
    /// ```
    public static func index(title: String, pages: [(title: String, file: String)]) -> String {
        let items = pages.map { "<li><a href=\"\(escape($0.file))\">\(escape($0.title))</a></li>" }.joined(separator: "\n")
        return document(title: escape(title), body: "<h1>\(escape(title))</h1>\n<ol>\n\(items)\n</ol>")
    }

    /// What stands for `<` and for a `[` that opens no link in the text handed to Ink
    /// (private-use characters; ones already in the notebook are replaced by U+FFFD first), and
    /// what each becomes in the page. Ink never parses HTML then, and never tries a link where
    /// there is none: its link reader backtracks, and a run of 22 `[` took it 9 seconds (the
    /// NotebookFuzz harness timed out on 55).
    static let placeholders: [(scalar: Unicode.Scalar, html: String)] = [("\u{E000}", "&lt;"), ("\u{E001}", "[")]
    static var lessThan: Unicode.Scalar { placeholders[0].scalar }
    static var openBracket: Unicode.Scalar { placeholders[1].scalar }

    // All of this works on code points, never on Characters: a prepended concatenation mark
    // (U+070F) or a combining mark glues to its neighbour, and `"\u{70F}<"` is one Character
    // that is not "<" (the NotebookFuzz harness got a `<script>` through that way).

    /// The page body for Ink's HTML: placeholders back to what they stand for.
    static func restored(_ html: String) -> String {
        var out = ""
        for c in html.unicodeScalars {
            if let p = placeholders.first(where: { $0.scalar == c }) { out += p.html } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    /// The notebook's Markdown as Ink is given it: every `<` and every `[` that opens no
    /// well-formed link (`[text](target)`, in prose) replaced by its placeholder, and unsafe
    /// link targets in prose replaced by `#`.
    ///
    /// A prose line that starts with inline code and continues a paragraph gets one leading
    /// space: Ink ends a paragraph at any line starting with a backtick, where CommonMark reads
    /// on (and ignores the space).
    static func neutralised(_ notebook: Notebook) -> String {
        var inCode = Set<Int>()
        for b in FencedBlock.scan(notebook.lines) { inCode.formUnion(b.openLine..<b.endLine) }
        func continuesParagraph(_ i: Int) -> Bool {
            guard i > 0, !inCode.contains(i - 1) else { return false }
            let previous = notebook.lines[i - 1].drop { $0 == " " }
            return !previous.isEmpty && !previous.hasPrefix("#") && !previous.hasPrefix("|")
        }
        let reserved = Set(placeholders.map(\.scalar))
        let lines = notebook.lines.enumerated().map { i, raw in
            var line = String.UnicodeScalarView()
            for c in raw.unicodeScalars {
                line.append(reserved.contains(c) ? "\u{FFFD}" : c == "<" ? lessThan : c == "[" && inCode.contains(i) ? openBracket : c)
            }
            guard !inCode.contains(i) else { return String(line) }
            let prose = neutralisedProse(line[...])
            return prose.hasPrefix("`") && !prose.hasPrefix("```") && continuesParagraph(i) ? " " + prose : prose
        }
        // Ink reads a document that starts with a "---" line as metadata, and its metadata reader
        // can index past the end (a crash found by NotebookFuzz); "***" is the same thematic break.
        var out = lines
        if let first = out.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
           out[first].drop(while: \.isWhitespace) == "---", !inCode.contains(first) {
            out[first] = "***"
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func neutralisedProse(_ line: Substring.UnicodeScalarView) -> String {
        var out = String.UnicodeScalarView()
        var codeRun = 0
        var chars = line
        while let c = chars.first {
            if c == "`" {
                let run = chars.prefix { $0 == "`" }.count
                codeRun = codeRun == 0 ? run : (codeRun == run ? 0 : codeRun)
                out.append(contentsOf: chars.prefix(run))
                chars = chars.dropFirst(run)
                continue
            }
            guard c == "[" else { out.append(c); chars = chars.dropFirst(); continue }
            guard codeRun == 0, let link = link(at: chars) else { out.append(openBracket); chars = chars.dropFirst(); continue }
            out.append(contentsOf: "[".unicodeScalars)
            out.append(contentsOf: link.text)
            out.append(contentsOf: "](".unicodeScalars)
            out.append(contentsOf: HTMLAllowList.isSafeURL(String(String.UnicodeScalarView(link.target))) ? link.target : "#".unicodeScalars[...])
            out.append(contentsOf: link.rest)
            chars = chars.dropFirst(link.length)
        }
        return String(out)
    }

    /// A well-formed link at the start of `s`: `[text](target)` or `[text](target "title")`,
    /// the text without brackets, the target without spaces, parentheses or brackets, the
    /// title without brackets: so no `[` reaches Ink outside a link it reads at once.
    static func link(at s: Substring.UnicodeScalarView)
        -> (text: Substring.UnicodeScalarView, target: Substring.UnicodeScalarView, rest: Substring.UnicodeScalarView, length: Int)? {
        guard s.first == "[" else { return nil }
        let text = s.dropFirst().prefix { $0 != "[" && $0 != "]" }
        var rest = s.dropFirst(1 + text.count)
        guard rest.starts(with: "](".unicodeScalars) else { return nil }
        rest = rest.dropFirst(2)
        let target = rest.prefix { !" ()[]".unicodeScalars.contains($0) }
        rest = rest.dropFirst(target.count)
        let tail = rest.prefix { $0 != ")" && $0 != "(" && $0 != "[" }
        guard rest.dropFirst(tail.count).first == ")" else { return nil }
        let closing = rest.prefix(tail.count + 1)
        return (text, target, closing, 1 + text.count + 2 + target.count + closing.count)
    }

    /// Text for HTML, escaped by code points (see above: by Characters, "\u{70F}<" is not "<").
    static func escape(_ s: String) -> String { XMLText.escaped(s) }
}
