import CRsvgCairo

/// Checks a figure the way a reader sees it: librsvg lays out the SVG (with the fonts
/// fontconfig gives it), each `<text>` and each data mark is located by its `id`
/// (`rsvg_handle_get_geometry_for_layer`), and the check fails on any text or mark reaching
/// beyond the canvas, any two texts whose boxes overlap or touch, and any text over a data mark.
///
/// A text's box is its glyphs' ink, without the white halo some labels carry. A mark is any
/// element whose id contains `-mark-` (bars, points, lines, whiskers, reference lines, slices,
/// legend keys). A text and a mark overlap when some pixel of the mark, drawn alone at four
/// times the size, is more than a quarter opaque inside the text's box: so a label may sit in
/// the empty corner of a line's bounding box, but not on the line. A text whose id is a mark's
/// id followed by `-inside` is that mark's own label (a value written inside its bar segment):
/// it may lie on that mark only.
///
/// To check a figure as it renders where only DejaVu Sans is installed, run the check in a
/// process whose fontconfig sees nothing else (``FontconfigSandbox``, or the
/// `svg-layout-check --dejavu-only` tool).
///
/// ```swift
/// let problems = try LayoutCheck.problems(svg: spec.svg())
/// #expect(problems.isEmpty, "\(problems)")
/// ```
public enum LayoutCheck {
    /// Boxes closer than this (pixels) count as touching.
    public static let gap = 0.5
    /// Figures with more elements than this are refused (each is located separately).
    public static let maximumElements = 20_000

    /// Every problem of the figure, texts in document order.
    public static func problems(svg: String) throws(RenderError) -> [LayoutProblem] {
        let document = try SVGDocument(svg)
        let located = try elements(of: svg, in: document)
        let texts = located.filter(\.isText), marks = located.filter { !$0.isText }
        var problems: [LayoutProblem] = []
        for e in texts + marks where !document.contains(e) { problems.append(LayoutProblem(kind: .outsideCanvas, element: e)) }
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] where a.overlaps(b, gap: gap) {
                problems.append(LayoutProblem(kind: .overlapsText, element: a, other: b))
            }
            for m in marks where a.overlaps(m, gap: 0) && a.id != m.id + "-inside" {
                if try document.paints(m.id, within: a) { problems.append(LayoutProblem(kind: .overlapsMark, element: a, other: m)) }
            }
        }
        return problems
    }

    /// The texts and data marks of the figure with their boxes, in document order.
    public static func elements(svg: String) throws(RenderError) -> [LaidOutElement] {
        try elements(of: svg, in: SVGDocument(svg))
    }

    static func elements(of svg: String, in document: borrowing SVGDocument) throws(RenderError) -> [LaidOutElement] {
        let tagged = TaggedElement.scan(svg)
        guard tagged.count <= maximumElements else {
            throw .tooLarge("\(tagged.count) elements with ids; the check's limit is \(maximumElements)")
        }
        var out: [LaidOutElement] = []
        for t in tagged where t.isText || t.id.contains("-mark-") {
            guard let box = try document.box(of: t) else { continue }
            out.append(LaidOutElement(id: t.id, isText: t.isText, text: t.text, x: box.x, y: box.y, width: box.width, height: box.height))
        }
        return out
    }
}

extension LaidOutElement {
    /// Whether the boxes, each grown by `gap` / 2, share any area.
    func overlaps(_ o: LaidOutElement, gap: Double) -> Bool {
        x < o.x + o.width + gap && o.x < x + width + gap && y < o.y + o.height + gap && o.y < y + height + gap
    }
}

extension SVGDocument {
    /// The box of element `#id` on the canvas: for a text its logical extent (the glyphs,
    /// without a halo's stroke); for a mark its geometry grown by its `stroke` width on every
    /// side. (librsvg 2.54's ink box of a stroked path that encloses no area, a straight line,
    /// wrongly reaches to the origin, so it is not used.) Nil when it draws nothing.
    func box(of element: TaggedElement) throws(RenderError) -> RsvgRectangle? {
        var viewport = self.viewport, inkRect = RsvgRectangle(), logicalRect = RsvgRectangle()
        var error: UnsafeMutablePointer<GError>?
        guard rsvg_handle_get_geometry_for_layer(handle, "#" + element.id, &viewport, &inkRect, &logicalRect, &error) != 0 else {
            throw .drawingFailed("#\(element.id): " + SVGDocument.take(error))
        }
        var r = logicalRect
        guard r.width > 0 || r.height > 0 else { return nil }
        if !element.isText {
            let grow = element.strokeWidth
            r = RsvgRectangle(x: r.x - grow, y: r.y - grow, width: r.width + 2 * grow, height: r.height + 2 * grow)
        }
        return r
    }

    /// Whether the element lies inside the canvas (half a pixel of anti-aliasing allowed).
    func contains(_ e: LaidOutElement) -> Bool {
        e.x >= -0.5 && e.y >= -0.5 && e.x + e.width <= width + 0.5 && e.y + e.height <= height + 0.5
    }

    /// Whether element `#id`, drawn alone at 4x, paints a pixel more than a quarter opaque inside
    /// the box of `text`.
    func paints(_ id: String, within text: LaidOutElement) throws(RenderError) -> Bool {
        let scale = 4.0
        let w = Int32((text.width * scale).rounded(.up)), h = Int32((text.height * scale).rounded(.up))
        guard w > 0, h > 0 else { return false }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        cairo_translate(cr, -text.x, -text.y)
        var viewport = self.viewport
        var error: UnsafeMutablePointer<GError>?
        guard rsvg_handle_render_layer(handle, cr, "#" + id, &viewport, &error) != 0 else {
            throw .drawingFailed("#\(id): " + SVGDocument.take(error))
        }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return false }
        let stride = Int(cairo_image_surface_get_stride(surface))
        // ARGB32 in native (little-endian) order: alpha is the fourth byte of each pixel.
        for row in 0..<Int(h) {
            for column in 0..<Int(w) where data[row * stride + column * 4 + 3] > 64 { return true }
        }
        return false
    }
}

/// An element of the SVG text with an `id`: its name, id and, for a `<text>`, its content.
/// The figures this checks write one element per line, attributes in double quotes.
struct TaggedElement {
    var id: String
    var isText: Bool
    var text: String
    /// The width of its stroke (0 without one).
    var strokeWidth: Double

    static func scan(_ svg: String) -> [TaggedElement] {
        var out: [TaggedElement] = []
        for line in svg.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("<"), !trimmed.hasPrefix("</"), let id = attribute("id", in: trimmed) else { continue }
            let isText = trimmed.hasPrefix("<text ")
            var text = ""
            if isText, trimmed.hasSuffix("</text>"), let open = trimmed.firstIndex(of: ">") {
                text = unescape(String(trimmed[trimmed.index(after: open)...].dropLast(7)))
            }
            let stroked = attribute("stroke", in: trimmed).map { $0 != "none" } ?? false
            let strokeWidth = stroked ? attribute("stroke-width", in: trimmed).flatMap(Double.init) ?? 1 : 0
            out.append(TaggedElement(id: id, isText: isText, text: text, strokeWidth: strokeWidth))
        }
        return out
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.firstRange(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The five XML entities back to characters, for messages.
    static func unescape(_ s: String) -> String {
        s.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }
}
