/// A labelled reference value drawn across a plot: a baseline year's level, a target, the
/// report's point estimate. A chart may carry several; each is drawn dashed and labelled where
/// its label clears the data and the other labels.
///
/// ```swift
/// ReferenceLine(29, label: "2015 level")
/// ```
public struct ReferenceLine: Sendable, Hashable {
    public var value: Double
    public var label: String

    public init(_ value: Double, label: String) {
        self.value = value
        self.label = label
    }

    /// "2015 level: 29".
    func text(_ format: NumberFormat) -> String { SVGText.clean(label) + ": " + format.string(value) }

    /// "Reference lines: 2015 level 29, target 50." for descriptions; nothing without lines.
    static func describe(_ lines: [ReferenceLine], _ format: NumberFormat) -> [String] {
        guard !lines.isEmpty else { return [] }
        return [(lines.count == 1 ? "Reference line: " : "Reference lines: ")
                + lines.map { SVGText.clean($0.label) + " " + format.string($0.value) }.joined(separator: ", ") + "."]
    }

    /// The dash pattern of reference lines: long dashes, unlike estimates' short ones.
    static let dash = "8 3 2 3"

    /// Horizontal dashed lines across `plot` at each reference value that can be drawn.
    static func drawAcross(_ ctx: inout RenderContext, _ lines: [ReferenceLine], plot: Rect, y: AxisScale) {
        for r in lines where y.canDraw(r.value) {
            let ry = y(r.value)
            ctx.line(x1: plot.minX, y1: ry, x2: plot.maxX, y2: ry, stroke: Theme.body, width: 1.25, dash: dash, mark: true)
        }
    }
}
