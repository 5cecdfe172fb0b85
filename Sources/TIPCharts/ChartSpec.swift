import TIPFonts

/// A complete figure: the chart and everything a reader needs around it to understand it
/// without the report: the title, the finding in one sentence, axis titles with units, notes on
/// partial periods, suppression and assumptions, and the source.
///
/// ``svg()`` turns the spec into a standalone SVG document: `role="img"` with `<title>` and
/// `<desc>` wired through `aria-labelledby`, ids derived from the content (never random), all
/// text as `<text>`, the Okabe–Ito palette, every string cleaned and escaped, and the same bytes
/// for the same spec on every machine. The height grows beyond ``size`` when the text needs
/// room, so nothing overlaps.
///
/// ```swift
/// let spec = ChartSpec(
///     title: "DCF referrals of children for trafficking rose fifty-fold from 2008",
///     subtitle: "Referrals reached 133 in 2015 and an estimated 201 in 2016.",
///     yTitle: "Referrals per year",
///     source: "DCF HART slides; TIP Council 2016 annual report",
///     notes: ["2016 is an estimate: 151 referrals January–September, annualised (x 12/9)."],
///     content: .line(LineChart(series: [LineSeries("Referrals", years: [2014, 2015, 2016],
///                                                 values: [94, 133, .estimate(201.3)])])))
/// let svg = try spec.svg()
/// ```
public struct ChartSpec: Sendable, Hashable {
    public var title: String
    /// The finding, in one sentence.
    public var subtitle: String?
    /// The horizontal axis's title, with its unit.
    public var xTitle: String?
    /// The vertical axis's title, with its unit.
    public var yTitle: String?
    /// Where the data come from; printed as "Source: ..." (the prefix is added when missing).
    public var source: String?
    /// Notes printed under the chart: partial periods, suppressed cells, assumptions. The
    /// figure shows at most two lines of notes (with the chart's own); the rest are in
    /// ``RenderedChart/notesNotShown`` for the page around it.
    public var notes: [String]
    public var size: ChartSize
    /// The text alternative; when nil, ``accessibleDescription`` generates one from the data.
    public var desc: String?
    /// An id prefix for the SVG's elements; when nil, one is derived from the title and content.
    public var id: String?
    public var content: ChartContent

    public init(title: String, subtitle: String? = nil, xTitle: String? = nil, yTitle: String? = nil, source: String? = nil,
                notes: [String] = [], size: ChartSize = .standard, desc: String? = nil, id: String? = nil,
                content: ChartContent) {
        self.title = title
        self.subtitle = subtitle
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.source = source
        self.notes = notes
        self.size = size
        self.desc = desc
        self.id = id
        self.content = content
    }

    /// The `<desc>` text: the spec's own, or the subtitle followed by the data in words.
    ///
    /// ```swift
    /// spec.accessibleDescription
    /// // "Referrals reached 133 in 2015 ... Line chart. Referrals: 2014 94, 2015 133, 2016 201.3 (estimate)."
    /// ```
    public var accessibleDescription: String {
        if let desc, !SVGText.clean(desc).isEmpty { return SVGText.clean(desc) }
        return [subtitle.map(SVGText.clean) ?? "", content.dataDescription].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The id prefix of the SVG's elements.
    public var elementID: String {
        if let id { return ChartID.sanitize(id) }
        let fingerprint = [title, subtitle ?? "", xTitle ?? "", yTitle ?? "", source ?? "", notes.joined(separator: "\n"),
                           accessibleDescription].joined(separator: "\u{1F}")
        return ChartID.make(slugOf: title, hashing: fingerprint)
    }

    /// The chart as a standalone SVG document (``render()``'s ``RenderedChart/svg``).
    public func svg() throws(FontError) -> String { try render().svg }

    /// The title as drawn and named in `<title>`: the spec's, or, when it is empty, the first
    /// sentence of the subtitle, else the kind of chart ("Bar chart"), so no figure is untitled.
    public var displayTitle: String {
        let t = SVGText.clean(title)
        if !t.isEmpty { return t }
        let sub = SVGText.clean(subtitle ?? "")
        if let end = sub.firstIndex(of: ".") { return String(sub[...end]) }
        if !sub.isEmpty { return sub }
        return SVGText.clean(String(content.dataDescription.prefix { $0 != "." }))
    }

    /// The chart drawn: the SVG, its notes in full and any warnings about the data. Fails only
    /// when a font text is measured with is missing (the error names its Debian package).
    public func render() throws(FontError) -> RenderedChart {
        _ = try TextMeasurer.shared()
        let m = Theme.margin
        let width = Double(size.width)
        let inner = width - 2 * m
        let id = elementID
        let titles = RenderContext(id: id, xTitle: xTitle, yTitle: yTitle)
        let plan = content.plan(width: inner, xTitle: titles.xTitle != nil, yTitle: titles.yTitle != nil)
        // A chart the plan turned (vertical bars drawn horizontal) has its axis titles trade places.
        var ctx = plan.swapsAxisTitles ? RenderContext(id: id, xTitle: yTitle, yTitle: xTitle) : titles

        // Header: title, subtitle, legend.
        let titleText = TextMetrics.fit(displayTitle, maxWidth: inner, size: Theme.titleSize, bold: true, maxLines: 3)
        let subtitleText = TextMetrics.fit(subtitle ?? "", maxWidth: inner, size: Theme.subtitleSize, maxLines: 4)
        let legend = Legend(plan.legend, width: inner)
        var y = m
        let titleBaseline = y + Theme.titleSize * 0.8
        y += Double(titleText.lines.count) * Theme.titleLine
        let subtitleBaseline = y + 4 + Theme.subtitleSize * 0.8
        if !subtitleText.isEmpty { y += 4 + Double(subtitleText.lines.count) * Theme.subtitleLine }
        y += 12
        let legendTop = y
        if legend.rows > 0 { y += legend.height + 8 }
        let contentTop = y

        // Footer: at most two lines of notes, then the source, never cut.
        let allNotes = notes.map(SVGText.clean).filter { !$0.isEmpty } + plan.notes
        let noteBlock = NoteBlock(allNotes, width: inner)
        var footer = noteBlock.paragraphs
        let sourceText = SVGText.clean(source ?? "")
        if !sourceText.isEmpty {
            let s = sourceText
            footer.append(TextMetrics.fit(s.lowercased().hasPrefix("source") ? s : "Source: " + s, maxWidth: inner,
                                          size: Theme.footnoteSize, maxLines: 50))
        }
        let footerLines = footer.reduce(0) { $0 + $1.lines.count }
        let footerHeight = (footer.isEmpty ? 0 : 14 + Double(footerLines) * Theme.footnoteLine + 4 * Double(footer.count - 1)) + m

        let height = Swift.max(Double(size.height), (contentTop + plan.minimumHeight + footerHeight).rounded(.up))
        let contentRect = Rect(x: m, y: contentTop, width: inner, height: height - contentTop - footerHeight)

        ctx.rect(Rect(x: 0, y: 0, width: width, height: height), fill: "#FFFFFF")
        ctx.lines(titleText, x: m, y: titleBaseline, lineHeight: Theme.titleLine, fill: Theme.ink)
        if !subtitleText.isEmpty { ctx.lines(subtitleText, x: m, y: subtitleBaseline, lineHeight: Theme.subtitleLine) }
        legend.draw(&ctx, x: m, y: legendTop)
        plan.draw(in: contentRect, &ctx)
        var fy = contentRect.maxY + 14 + Theme.footnoteSize * 0.8
        for (i, f) in footer.enumerated() {
            let isSource = i == footer.count - 1 && !sourceText.isEmpty
            let isPointer = noteBlock.tooltip != nil && i == noteBlock.paragraphs.count - 1
            ctx.lines(f, x: m, y: fy, lineHeight: Theme.footnoteLine, fill: isSource ? Theme.muted : Theme.body,
                      tooltip: isPointer ? noteBlock.tooltip : nil)
            fy += Double(f.lines.count) * Theme.footnoteLine + 4
        }

        var doc = SVGWriter()
        let w = coordinate(width), h = coordinate(height)
        doc.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                         ("viewBox", "0 0 \(w) \(h)"), ("width", w), ("height", h), ("font-family", Theme.fontFamily)])
        doc.element("title", [("id", "\(id)-title")], text: displayTitle)
        doc.element("desc", [("id", "\(id)-desc")], text: accessibleDescription)
        if let defs = ctx.defs() { doc.append(defs) }
        doc.append(ctx.svg)
        doc.close("svg")
        return RenderedChart(svg: doc.output, notes: allNotes, notesNotShown: noteBlock.notShown, warnings: plan.warnings)
    }
}
