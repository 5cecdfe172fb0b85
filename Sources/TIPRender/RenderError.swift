/// Why an SVG could not be drawn to PNG or PDF, or measured.
///
/// ```swift
/// "\(RenderError.unreadableSVG("Error domain 1 code 4 on line 1 column 5 of data: ..."))"
/// // "librsvg cannot read the SVG: Error domain 1 ..."
/// ```
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// librsvg refused the document (its message).
    case unreadableSVG(String)
    /// The document is larger than the renderer accepts (bytes of SVG, or pixels).
    case tooLarge(String)
    /// The document has no usable size (no width and height, or not positive and finite).
    case noSize
    /// librsvg or cairo failed while drawing (its message).
    case drawingFailed(String)

    public var description: String {
        switch self {
        case let .unreadableSVG(m): return "librsvg cannot read the SVG: \(m)"
        case let .tooLarge(m): return "the SVG is too large to render: \(m)"
        case .noSize: return "the SVG has no usable width and height"
        case let .drawingFailed(m): return "drawing the SVG failed: \(m)"
        }
    }
}
