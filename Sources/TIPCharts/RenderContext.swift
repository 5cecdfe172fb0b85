/// Where a text's anchor point sits on the text: its visual start (left), middle or end (right).
enum TextAnchor {
    case start, middle, end
}

/// The state of one rendering: the markup written so far, the chart's id prefix, the axis titles
/// and which shared patterns (defined once in `<defs>`) the marks used.
///
/// Every `<text>` gets an id (`PREFIX-text-N`) and so does every data mark (`PREFIX-mark-N`:
/// bars, points, lines, whiskers, reference lines, slices, legend keys), numbered in drawing
/// order, so the same spec always gets the same ids and a layout check can find each element;
/// a label drawn inside its own mark is that mark's id followed by `-inside`.
struct RenderContext {
    var svg = SVGWriter()
    let id: String
    let xTitle: String?
    let yTitle: String?
    private(set) var usesHatch = false
    private(set) var usedTextures: [Int] = []
    private var texts = 0
    private var marks = 0
    /// The texts and marks drawn so far, for placing labels clear of them.
    private(set) var occupied = Occupancy()

    init(id: String, xTitle: String?, yTitle: String?) {
        self.id = id
        self.xTitle = xTitle.map(SVGText.clean).flatMap { $0.isEmpty ? nil : $0 }
        self.yTitle = yTitle.map(SVGText.clean).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The id for the next data mark.
    private mutating func nextMarkID() -> String {
        marks += 1
        return "\(id)-mark-\(marks)"
    }

    // MARK: Patterns

    /// The fill for a suppressed-cell placeholder: grey diagonal hatching.
    mutating func hatchFill() -> String {
        usesHatch = true
        return "url(#\(id)-hatch)"
    }

    /// The texture laid over series `index`'s colour when a legend, not direct labels, names the
    /// series, so no series is told apart by colour alone. Series 0 has none (solid).
    mutating func textureFill(_ index: Int) -> String? {
        guard index > 0 else { return nil }
        let t = (index - 1) % TextureStyle.paths.count
        if !usedTextures.contains(t) { usedTextures.append(t) }
        return "url(#\(id)-texture-\(t + 1))"
    }

    /// The `<defs>` element for the patterns used, in a fixed order.
    func defs() -> SVGWriter? {
        guard usesHatch || !usedTextures.isEmpty else { return nil }
        var w = SVGWriter()
        w.open("defs")
        if usesHatch {
            w.open("pattern", [("id", "\(id)-hatch"), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"),
                               ("patternTransform", "rotate(45)")])
            w.leaf("rect", [("width", "6"), ("height", "6"), ("fill", "#FFFFFF")])
            w.leaf("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("stroke", Theme.placeholder), ("stroke-width", "2.5")])
            w.close("pattern")
        }
        for t in usedTextures.sorted() {
            w.open("pattern", [("id", "\(id)-texture-\(t + 1)"), ("patternUnits", "userSpaceOnUse"), ("width", "8"), ("height", "8")])
            w.leaf("path", [("d", TextureStyle.paths[t]), ("fill", "none"), ("stroke", "#FFFFFF"), ("stroke-width", "1.5"),
                            ("stroke-opacity", "0.85")])
            w.close("pattern")
        }
        w.close("defs")
        return w
    }

    // MARK: Text

    /// One line of text. Right-to-left text gets `direction="rtl"`, and its `text-anchor` is
    /// mirrored so it still lines up with the other labels (in SVG the anchor's "start" follows
    /// the text's direction). `id` replaces the next text id (for a label inside its mark).
    mutating func text(_ s: String, x: Double, y: Double, size: Double, anchor: TextAnchor = .start,
                       bold: Bool = false, fill: String = Theme.body, rotate: Double? = nil, halo: Bool = false, id: String? = nil) {
        let rtl = SVGText.isRightToLeft(s)
        let elementID: String
        if let id { elementID = id } else { texts += 1; elementID = "\(self.id)-text-\(texts)" }
        var a: SVGWriter.Attributes = [("id", elementID), ("x", coordinate(x)), ("y", coordinate(y)), ("font-size", coordinate(size))]
        if bold { a.append(("font-weight", "bold")) }
        a.append(("fill", fill))
        switch (anchor, rtl) {
        case (.middle, _): a.append(("text-anchor", "middle"))
        case (.start, false), (.end, true): break
        case (.end, false), (.start, true): a.append(("text-anchor", "end"))
        }
        if rtl { a += [("direction", "rtl"), ("unicode-bidi", "embed")] }
        // A white outline under the glyphs keeps a label legible where it crosses a line.
        if halo { a += [("stroke", "#FFFFFF"), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke")] }
        if let rotate { a.append(("transform", "rotate(\(coordinate(rotate)) \(coordinate(x)) \(coordinate(y)))")) }
        svg.element("text", a, text: s)
        let box = RenderContext.textBox(s, x: x, y: y, size: size, anchor: anchor, bold: bold)
        if let rotate, rotate.magnitude == 90 {
            // Turned a quarter about (x, y): the box's offsets from the anchor swap axes.
            let sign = rotate < 0 ? -1.0 : 1.0
            let x0 = x - sign * (box.maxY - y), x1 = x - sign * (box.minY - y)
            let y0 = y + sign * (box.minX - x), y1 = y + sign * (box.maxX - x)
            occupied.add(Rect(x: Swift.min(x0, x1), y: Swift.min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
        } else {
            occupied.add(box)
        }
    }

    /// The box a line of text covers: its advance width from the anchor, from the fonts'
    /// ascent above the baseline `y` to their descent below it.
    static func textBox(_ s: String, x: Double, y: Double, size: Double, anchor: TextAnchor, bold: Bool = false) -> Rect {
        let w = TextMetrics.width(s, size: size, bold: bold)
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - w / 2
        case .end: left = x - w
        }
        let up = TextMetrics.ascent(size)
        return Rect(x: left, y: y - up, width: w, height: up + TextMetrics.descent(size))
    }

    /// Draws `s` at the first of `spots` where its box lies inside `bounds` and clear of
    /// everything drawn so far; draws nothing when no spot is free. Returns whether it drew.
    @discardableResult
    mutating func placeLabel(_ s: String, at spots: [LabelSpot], within bounds: Rect, size: Double = Theme.labelSize,
                             bold: Bool = false, fill: String = Theme.ink) -> Bool {
        for spot in spots {
            let box = RenderContext.textBox(s, x: spot.x, y: spot.y, size: size, anchor: spot.anchor, bold: bold)
            guard box.minX >= bounds.minX, box.maxX <= bounds.maxX, box.minY >= bounds.minY, box.maxY <= bounds.maxY,
                  occupied.isFree(box) else { continue }
            text(s, x: spot.x, y: spot.y, size: size, anchor: spot.anchor, bold: bold, fill: fill)
            return true
        }
        return false
    }

    /// Records a stroke drawn as part of a path (a line chart's segments), for label placement.
    mutating func occupySegment(x1: Double, y1: Double, x2: Double, y2: Double, width: Double) {
        occupied.addSegment(x1: x1, y1: y1, x2: x2, y2: y2, width: width)
    }

    /// Fitted lines starting at baseline `y`, one `lineHeight` apart. When the text was cut
    /// short, the lines are grouped under a `<title>` holding the full text, so it stays
    /// available as a tooltip and to screen readers; `tooltip` gives another text for it.
    mutating func lines(_ t: FittedText, x: Double, y: Double, lineHeight: Double, anchor: TextAnchor = .start,
                        fill: String = Theme.body, halo: Bool = false, tooltip: String? = nil) {
        let title = tooltip ?? (t.truncated ? t.full : nil)
        if let title {
            svg.open("g")
            svg.element("title", text: title)
        }
        for (i, l) in t.lines.enumerated() {
            text(l, x: x, y: y + Double(i) * lineHeight, size: t.size, anchor: anchor, bold: t.bold, fill: fill, halo: halo)
        }
        if title != nil { svg.close("g") }
    }

    // MARK: Shapes

    /// A rectangle; a data mark (with an id, returned) when `mark`.
    @discardableResult
    mutating func rect(_ r: Rect, fill: String, stroke: String? = nil, strokeWidth: Double = 1, dash: String? = nil,
                       mark: Bool = false) -> String? {
        let markID = mark ? nextMarkID() : nil
        var a: SVGWriter.Attributes = markID.map { [("id", $0)] } ?? []
        a += [("x", coordinate(r.x)), ("y", coordinate(r.y)), ("width", coordinate(Swift.max(r.width, 0))),
              ("height", coordinate(Swift.max(r.height, 0))), ("fill", fill)]
        if let stroke {
            a += [("stroke", stroke), ("stroke-width", coordinate(strokeWidth))]
            if let dash { a.append(("stroke-dasharray", dash)) }
        }
        svg.leaf("rect", a)
        if mark { occupied.add(r.inset(top: -strokeWidth / 2, right: -strokeWidth / 2, bottom: -strokeWidth / 2, left: -strokeWidth / 2)) }
        return markID
    }

    /// A straight line; a data mark when `mark`.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil,
                       mark: Bool = false) {
        var a: SVGWriter.Attributes = mark ? [("id", nextMarkID())] : []
        a += [("x1", coordinate(x1)), ("y1", coordinate(y1)), ("x2", coordinate(x2)), ("y2", coordinate(y2)),
              ("stroke", stroke), ("stroke-width", coordinate(width))]
        if let dash { a.append(("stroke-dasharray", dash)) }
        svg.leaf("line", a)
        if mark { occupied.addSegment(x1: x1, y1: y1, x2: x2, y2: y2, width: width) }
    }

    /// A path; a data mark when `mark`.
    mutating func path(_ d: String, fill: String, stroke: String? = nil, width: Double = 1, dash: String? = nil, mark: Bool = false) {
        var a: SVGWriter.Attributes = mark ? [("id", nextMarkID())] : []
        a += [("d", d), ("fill", fill)]
        if let stroke {
            a += [("stroke", stroke), ("stroke-width", coordinate(width)), ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
            if let dash { a.append(("stroke-dasharray", dash)) }
        }
        svg.leaf("path", a)
    }

    /// A point marker: filled for observed values, hollow (white inside, coloured outline) for
    /// estimates.
    mutating func marker(_ shape: MarkerShape, x: Double, y: Double, color: String, hollow: Bool, radius: Double = 4.5) {
        path(shape.path(x: x, y: y, r: radius), fill: hollow ? "#FFFFFF" : color, stroke: hollow ? color : "#FFFFFF",
             width: hollow ? 2 : 1.25, mark: true)
        // Shapes reach up to 1.25 r from the centre (triangles, diamonds), plus the stroke.
        let reach = radius * 1.25 + 1
        occupied.add(Rect(x: x - reach, y: y - reach, width: 2 * reach, height: 2 * reach))
    }

    /// A bar or segment: the colour, and over it the series' texture when it has one. Returns
    /// the bar's id.
    @discardableResult
    mutating func bar(_ r: Rect, color: String, texture: String?) -> String {
        let markID = rect(r, fill: color, mark: true) ?? ""
        if let texture { rect(r, fill: texture) }
        return markID
    }

    /// The placeholder of a suppressed count: hatched, outlined, never a value. Returns its id.
    @discardableResult
    mutating func placeholder(_ r: Rect) -> String {
        let fill = hatchFill()
        return rect(r, fill: fill, stroke: Theme.placeholder, strokeWidth: 1, mark: true) ?? ""
    }

    /// The outline drawn for an estimated value: white inside, dashed coloured border. Returns its id.
    @discardableResult
    mutating func estimateBar(_ r: Rect, color: String) -> String {
        rect(r.inset(top: 1, right: 1, bottom: 0, left: 1), fill: "#FFFFFF", stroke: color, strokeWidth: 2, dash: "5 3", mark: true) ?? ""
    }
}

/// Texture paths over an 8 x 8 tile: rings, horizontal lines, vertical lines, a grid. None is
/// diagonal: diagonal hatching marks suppressed counts and nothing else.
enum TextureStyle {
    static let paths = [
        "M1 2a1 1 0 1 0 2 0a1 1 0 1 0 -2 0M5 6a1 1 0 1 0 2 0a1 1 0 1 0 -2 0",
        "M0 4H8",
        "M4 0V8",
        "M0 4H8M4 0V8",
    ]
}
