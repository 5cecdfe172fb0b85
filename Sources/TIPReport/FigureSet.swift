import TIPTable
import TIPCharts
import TIPText
import TIPFonts

/// A set of figures as files: one `NAME.svg` per figure, an `index.html` that shows every
/// figure (as `<img>`) with its finding, its text alternative, its notes and source, and a data
/// table of its values, and an `index.md` with the same in Markdown.
///
/// The HTML page is self-contained: no script, no external style sheet, font or image beyond
/// the figures beside it. Every string from the data is cleaned and escaped. The files are the
/// same bytes for the same figures.
///
/// ```swift
/// let set = FigureSet(title: "TIP Council figures", figures: CouncilFigures(data).figures)
/// for file in set.files { try AtomicFile.write(file.contents, to: "report/" + file.name) }
/// ```
public struct FigureSet: Sendable {
    /// One file of the set: its name in the output folder and its text.
    public struct File: Sendable, Hashable {
        public var name: String
        public var contents: String
    }

    /// A link the indexes give under the introduction: to pages beside the figures (the
    /// notebooks) or elsewhere.
    public struct Link: Sendable, Hashable {
        public var text: String
        public var target: String

        public init(text: String, target: String) {
            self.text = text
            self.target = target
        }
    }

    public var title: String
    /// Paragraphs under the title.
    public var introduction: [String]
    public var links: [Link]
    public var figures: [Figure]

    public init(title: String, introduction: [String] = [], links: [Link] = [], figures: [Figure]) {
        self.title = title
        self.introduction = introduction
        self.links = links
        self.figures = figures
    }

    /// The SVGs in figure order, then `index.md` and `index.html` (written last, so an index
    /// never names a figure not yet written). Fails when a font chart text is measured with is missing.
    public var files: [File] {
        get throws(FontError) {
            try figures.map { (f) throws(FontError) in File(name: f.name + ".svg", contents: try f.svg) }
                + [File(name: "index.md", contents: markdown), File(name: "index.html", contents: html)]
        }
    }

    /// Text safe in HTML content and attribute values.
    static func html(_ text: String) -> String { XMLText.escaped(SVGText.clean(text)) }

    /// Whether a cell reads as a number (right-aligned): digits with separators, signs, $ and %.
    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.contains(where: \.isNumber)
            && text.allSatisfy { $0.isNumber || ",.$%+\u{2212}-".contains($0) }
    }

    /// The figure's notes and source as the chart prints them.
    static func footer(_ spec: ChartSpec) -> (notes: [String], source: String?) {
        let source = spec.source.map(SVGText.clean).flatMap { $0.isEmpty ? nil : ($0.lowercased().hasPrefix("source") ? $0 : "Source: " + $0) }
        return (spec.notes.map(SVGText.clean).filter { !$0.isEmpty }, source)
    }

    /// The HTML index: a numbered list of the figures, then each figure's section with its
    /// title, finding, image (`<img>` with the text alternative as `alt`), text alternative,
    /// notes, source and data table. An inline style sheet, no script.
    public var html: String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(FigureSet.html(title))</title>
        <style>
        body { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; color: #1A1A1A; background: #FFFFFF; max-width: 780px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
        h1 { font-size: 1.8em; } h2 { font-size: 1.3em; margin-top: 2.5em; border-top: 1px solid #DDDDDD; padding-top: 1em; }
        figure { margin: 1em 0; } img { display: block; max-width: 100%; height: auto; }
        .finding { font-size: 1.1em; } .alt, .notes, .source { color: #333333; } .source { color: #595959; }
        table { border-collapse: collapse; font-size: 0.9em; margin: 1em 0; } caption { text-align: left; font-weight: bold; padding-bottom: 0.4em; }
        th, td { border-bottom: 1px solid #DDDDDD; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        </style>
        </head>
        <body>
        <h1>\(FigureSet.html(title))</h1>

        """
        for p in introduction { out += "<p>\(FigureSet.html(p))</p>\n" }
        if !links.isEmpty {
            out += "<ul class=\"links\">\n" + links.map { "<li><a href=\"\(FigureSet.html($0.target))\">\(FigureSet.html($0.text))</a></li>\n" }.joined() + "</ul>\n"
        }
        out += "<nav aria-label=\"Figures\">\n<ol>\n"
        for f in figures { out += "<li><a href=\"#\(f.name)\">\(FigureSet.html(f.spec.title))</a></li>\n" }
        out += "</ol>\n</nav>\n"
        for (i, f) in figures.enumerated() {
            let id = f.name
            let (notes, source) = FigureSet.footer(f.spec)
            out += "<section id=\"\(id)\">\n<h2>\(i + 1). \(FigureSet.html(f.spec.title))</h2>\n"
            if let s = f.spec.subtitle { out += "<p class=\"finding\">\(FigureSet.html(s))</p>\n" }
            out += "<figure>\n<img src=\"\(FigureSet.html(f.name)).svg\" alt=\"\(FigureSet.html(f.spec.accessibleDescription))\">\n"
            out += "<figcaption><a href=\"\(FigureSet.html(f.name)).svg\">\(FigureSet.html(f.name)).svg</a></figcaption>\n</figure>\n"
            out += "<p class=\"alt\"><strong>Text alternative:</strong> \(FigureSet.html(f.spec.accessibleDescription))</p>\n"
            if !notes.isEmpty {
                out += "<ul class=\"notes\">\n" + notes.map { "<li>\(FigureSet.html($0))</li>\n" }.joined() + "</ul>\n"
            }
            if let source { out += "<p class=\"source\">\(FigureSet.html(source))</p>\n" }
            out += "<table>\n<caption>Values in figure \(i + 1)</caption>\n<thead><tr>"
            out += f.table.columns.map { "<th scope=\"col\">\(FigureSet.html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in f.table.rows {
                out += "<tr>" + row.map { cell in
                    FigureSet.isNumber(cell) ? "<td class=\"number\">\(FigureSet.html(cell))</td>" : "<td>\(FigureSet.html(cell))</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// Text for Markdown: cleaned, with `<`, `>` and `&` as entities so no renderer reads markup.
    static func markdown(_ text: String) -> String {
        XMLText.escapedText(SVGText.clean(text))
    }

    /// The Markdown index: each figure's title, finding, image with its alternative text,
    /// notes, source and data table.
    public var markdown: String {
        var out = "# \(FigureSet.markdown(title))\n\n"
        for p in introduction { out += FigureSet.markdown(p) + "\n\n" }
        for link in links {
            let text = FigureSet.markdown(link.text).replacingScalars(["[": "\\[", "]": "\\]"])
            out += "- [\(text)](\(link.target.replacingScalars([" ": "%20", ")": "%29"])))\n"
        }
        if !links.isEmpty { out += "\n" }
        for (i, f) in figures.enumerated() {
            let (notes, source) = FigureSet.footer(f.spec)
            out += "## \(i + 1). \(FigureSet.markdown(f.spec.title))\n\n"
            if let s = f.spec.subtitle { out += "*\(FigureSet.markdown(s))*\n\n" }
            let alt = FigureSet.markdown(f.spec.accessibleDescription).replacingScalars(["[": "\\[", "]": "\\]"])
            out += "![\(alt)](\(f.name).svg)\n\n"
            out += "Text alternative: \(FigureSet.markdown(f.spec.accessibleDescription))\n\n"
            for note in notes { out += "- \(FigureSet.markdown(note))\n" }
            if !notes.isEmpty { out += "\n" }
            if let source { out += "\(FigureSet.markdown(source))\n\n" }
            let columns = f.table.columns.enumerated().map { c, name in
                Column(name: FigureSet.markdown(name), type: .string, values: f.table.rows.map {
                    c < $0.count ? .string(FigureSet.markdown($0[c])) : .missing
                })
            }
            out += TableRenderer.render(Table(name: f.name, columns: columns, rowLines: f.table.rows.indices.map { $0 + 2 }), as: .markdown)
            out += "\n"
        }
        return out
    }
}
