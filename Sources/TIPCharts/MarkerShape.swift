/// Point marker shapes, one per series, so lines and dots differ in shape as well as colour.
///
/// ```swift
/// MarkerShape.forSeries(0) // .circle
/// MarkerShape.forSeries(1) // .square
/// ```
public enum MarkerShape: Sendable, Hashable, CaseIterable {
    case circle, square, triangle, diamond, triangleDown

    /// The shape of series `index`, cycling.
    public static func forSeries(_ index: Int) -> MarkerShape { allCases[((index % allCases.count) + allCases.count) % allCases.count] }

    /// SVG path data for the shape centred on (x, y) with "radius" r (shapes of equal area to
    /// the eye, roughly).
    func path(x: Double, y: Double, r: Double) -> String {
        let c = coordinate
        switch self {
        case .circle:
            return "M\(c(x - r)) \(c(y))a\(c(r)) \(c(r)) 0 1 0 \(c(2 * r)) 0a\(c(r)) \(c(r)) 0 1 0 \(c(-2 * r)) 0Z"
        case .square:
            let s = r * 0.9
            return "M\(c(x - s)) \(c(y - s))H\(c(x + s))V\(c(y + s))H\(c(x - s))Z"
        case .triangle:
            let s = r * 1.25
            return "M\(c(x)) \(c(y - s))L\(c(x + s)) \(c(y + s * 0.75))H\(c(x - s))Z"
        case .diamond:
            let s = r * 1.25
            return "M\(c(x)) \(c(y - s))L\(c(x + s)) \(c(y))L\(c(x)) \(c(y + s))L\(c(x - s)) \(c(y))Z"
        case .triangleDown:
            let s = r * 1.25
            return "M\(c(x)) \(c(y + s))L\(c(x + s)) \(c(y - s * 0.75))H\(c(x - s))Z"
        }
    }
}
