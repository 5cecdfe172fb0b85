/// A rectangle on the page, in SVG user units (y grows downward).
struct Rect: Sendable, Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    /// The rectangle with `top`, `right`, `bottom` and `left` taken off its sides.
    func inset(top: Double = 0, right: Double = 0, bottom: Double = 0, left: Double = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: Swift.max(width - left - right, 0), height: Swift.max(height - top - bottom, 0))
    }
}
