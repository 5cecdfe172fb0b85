import Ink

/// A notebook as a standalone HTML page, for readers without a Markdown viewer: the prose,
/// the commands and their output as preformatted text, and the figures the prose links. The
/// Markdown is converted by Ink; the page adds a title, a small print-friendly style sheet and
/// nothing else (no script, no external reference). Ink never sees a `<`: every one is handed
/// to it as a private-use placeholder and comes back as `&lt;`, so raw HTML shows as text
/// (Ink would pass `<script>` on, an unclosed tag in a heading swallows the rest of the page,
/// and an unclosed element after a fence made Ink's HTML reader loop for ever, found by the
/// NotebookFuzz harness). Links or images with a scheme other than http, https or mailto
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
        let html = MarkdownParser().html(from: neutralised(notebook))
        let body = HTMLAllowList.sanitised(html.replacing(String(lessThan), with: "&lt;"))
        return """
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
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        <ol>
        \(items)
        </ol>
        </body>
        </html>

        """
    }

    /// What stands for `<` in the text handed to Ink (a private-use character; one already in
    /// the notebook is replaced by U+FFFD first).
    static let lessThan: Character = "\u{E000}"

    /// The notebook's Markdown with every `<` replaced by ``lessThan`` and unsafe link targets in
    /// prose replaced by `#`.
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
        let lines = notebook.lines.enumerated().map { i, line in
            guard !inCode.contains(i) else { return line }
            let prose = neutralisedProse(line)
            return prose.hasPrefix("`") && !prose.hasPrefix("```") && continuesParagraph(i) ? " " + prose : prose
        }
        return String((lines.joined(separator: "\n") + "\n").map { $0 == lessThan ? "\u{FFFD}" : $0 == "<" ? lessThan : $0 })
    }

    static func neutralisedProse(_ line: String) -> String {
        var out = ""
        var codeRun = 0
        var chars = line[...]
        while let c = chars.first {
            if c == "`" {
                let run = chars.prefix { $0 == "`" }.count
                codeRun = codeRun == 0 ? run : (codeRun == run ? 0 : codeRun)
                out += chars.prefix(run)
                chars = chars.dropFirst(run)
                continue
            }
            chars = chars.dropFirst()
            out.append(c)
            if codeRun == 0 && c == "]" && chars.first == "(" {
                let target = chars.dropFirst().prefix { $0 != ")" && $0 != " " }
                if let colon = target.firstIndex(of: ":"),
                   !["http", "https", "mailto"].contains(target[..<colon].lowercased()) {
                    out += "(#"
                    chars = chars.dropFirst(1 + target.count)
                }
            }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
