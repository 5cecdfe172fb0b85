/// A text of a figure that a reader may not be able to read: outside the canvas, or overlapping
/// another text or a data mark, as librsvg lays it out.
///
/// ```swift
/// "\(problem)"
/// // "text #tip-x-text-12 \"2016\" (100.5, 20.1, 24 x 8.8) overlaps mark #tip-x-mark-4 (96, 18, 10 x 60)"
/// ```
public struct LayoutProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The element's box reaches beyond the canvas.
        case outsideCanvas
        /// Two texts' boxes overlap (or touch).
        case overlapsText
        /// A text's box covers painted pixels of a data mark.
        case overlapsMark
    }

    public var kind: Kind
    /// The element at fault (a text, or a mark outside the canvas).
    public var element: LaidOutElement
    /// The text or mark it overlaps.
    public var other: LaidOutElement?

    public init(kind: Kind, element: LaidOutElement, other: LaidOutElement? = nil) {
        self.kind = kind
        self.element = element
        self.other = other
    }

    public var description: String {
        switch kind {
        case .outsideCanvas: return "\(element) reaches outside the canvas"
        case .overlapsText, .overlapsMark: return "\(element) overlaps \(other.map { "\($0)" } ?? "another element")"
        }
    }
}

/// An element of a figure as laid out: its id, what it is, its text, and its box on the canvas.
public struct LaidOutElement: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    /// Whether it is a `<text>` (else a data mark).
    public var isText: Bool
    /// The text content (empty for a mark).
    public var text: String
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public var description: String {
        let box = "(\(LaidOutElement.short(x)), \(LaidOutElement.short(y)), \(LaidOutElement.short(width)) x \(LaidOutElement.short(height)))"
        return isText ? "text #\(id) \"\(text)\" \(box)" : "mark #\(id) \(box)"
    }

    static func short(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
