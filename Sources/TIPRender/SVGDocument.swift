import CRsvgCairo

/// An SVG parsed by librsvg, with its size in pixels: what ``RasterRenderer`` draws and
/// ``LayoutCheck`` measures. Owns the librsvg handle.
struct SVGDocument: ~Copyable {
    let handle: UnsafeMutablePointer<RsvgHandle>
    let width: Double
    let height: Double

    init(_ svg: String) throws(RenderError) {
        let bytes = Array(svg.utf8)
        guard bytes.count <= RasterRenderer.maximumSVGBytes else {
            throw .tooLarge("\(bytes.count) bytes; the limit is \(RasterRenderer.maximumSVGBytes)")
        }
        var error: UnsafeMutablePointer<GError>?
        let handle = bytes.withUnsafeBufferPointer { rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }
        guard let handle else { throw .unreadableSVG(SVGDocument.take(error)) }
        rsvg_handle_set_dpi(handle, 96)
        var width = 0.0, height = 0.0
        guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width.isFinite, height.isFinite,
              width > 0, height > 0 else {
            g_object_unref(UnsafeMutableRawPointer(handle))
            throw .noSize
        }
        self.handle = handle
        self.width = width
        self.height = height
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(handle)) }

    /// The whole canvas, as librsvg's viewport.
    var viewport: RsvgRectangle { RsvgRectangle(x: 0, y: 0, width: width, height: height) }

    /// Draws the document onto `surface`, `scale` surface units per SVG pixel.
    func draw(on surface: OpaquePointer?, scale: Double) throws(RenderError) {
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        var error: UnsafeMutablePointer<GError>?
        var viewport = self.viewport
        guard rsvg_handle_render_document(handle, cr, &viewport, &error) != 0 else { throw .drawingFailed(SVGDocument.take(error)) }
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw .drawingFailed(String(cString: cairo_status_to_string(status))) }
    }

    /// The message of a GError, which is freed.
    static func take(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "no message" }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "no message"
    }
}
