import CRsvgCairo

/// SVG to PNG and PDF, drawn by librsvg on cairo: for Word, Google Docs and slides, which do
/// not all take SVG.
///
/// The same SVG gives the same bytes: cairo's PNG writer stores no time, and the PDF's creation
/// and modification dates are fixed (``fixedDate``) instead of the clock's. Fonts are embedded
/// in the PDF (as subsets); the PDF's page is the SVG's size at 96 pixels to the inch (720 px is
/// 7.5 in), so it drops into a document at the size it was designed for. Text is drawn with the
/// fonts fontconfig resolves (Liberation Sans for Helvetica on Debian).
///
/// ```swift
/// let png = try RasterRenderer.png(svg: spec.svg(), scale: 2)   // 1440 px wide for a 720 px figure
/// let pdf = try RasterRenderer.pdf(svg: spec.svg(), title: spec.title)
/// ```
public enum RasterRenderer {
    /// The creation and modification date written into every PDF: fixed, so the bytes depend
    /// only on the SVG.
    public static let fixedDate = "2000-01-01T00:00:00Z"
    /// Documents larger than this many bytes are refused.
    public static let maximumSVGBytes = 64 << 20
    /// Images with more pixels than this (at the requested scale) are refused.
    public static let maximumPixels = 100_000_000

    /// The SVG as a PNG image, `scale` device pixels per SVG pixel (2 for sharp text on
    /// high-density screens and in print).
    public static func png(svg: String, scale: Double = 2) throws(RenderError) -> [UInt8] {
        guard scale.isFinite, scale > 0, scale <= 16 else { throw .tooLarge("scale \(scale) is outside 0 to 16") }
        let document = try SVGDocument(svg)
        let width = Int32((document.width * scale).rounded(.up)), height = Int32((document.height * scale).rounded(.up))
        guard Double(width) * Double(height) <= Double(maximumPixels), width <= 32_767, height <= 32_767 else {
            throw .tooLarge("\(width) x \(height) pixels; the limit is \(maximumPixels) pixels, 32,767 a side")
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)
        defer { cairo_surface_destroy(surface) }
        try document.draw(on: surface, scale: scale)
        var sink = ByteSink()
        let status = withUnsafeMutablePointer(to: &sink) { cairo_surface_write_to_png_stream(surface, appendBytes, $0) }
        guard status == CAIRO_STATUS_SUCCESS else { throw .drawingFailed(String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    /// The SVG as a one-page PDF with its fonts embedded; `title` goes in the document's
    /// metadata (the SVG's `<title>` is not read for it).
    public static func pdf(svg: String, title: String? = nil) throws(RenderError) -> [UInt8] {
        let document = try SVGDocument(svg)
        // PDF points are 1/72 in; SVG pixels 1/96 in.
        let points = 72.0 / 96.0
        var sink = ByteSink()
        try withUnsafeMutablePointer(to: &sink) { (sinkPointer) throws(RenderError) in
            let surface = cairo_pdf_surface_create_for_stream(appendBytes, sinkPointer, document.width * points, document.height * points)
            defer { cairo_surface_destroy(surface) }
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, fixedDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, fixedDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "TIPStat")
            if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
            try document.draw(on: surface, scale: points)
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else { throw .drawingFailed(String(cString: cairo_status_to_string(status))) }
        }
        return sink.bytes
    }
}

/// Bytes cairo writes out, collected by ``appendBytes``.
struct ByteSink {
    var bytes: [UInt8] = []
}

/// cairo's write callback: appends to the ``ByteSink`` behind `closure`.
func appendBytes(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    closure.assumingMemoryBound(to: ByteSink.self).pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
