/// A chart's size in pixels, written as the SVG's `viewBox` and its `width` and `height`. The
/// height grows when titles, notes or rows need more room, so text never overlaps.
///
/// ```swift
/// ChartSize.standard               // 720 x 450: a page column in print, a laptop screen
/// ChartSize(width: 960, height: 540)
/// ```
public struct ChartSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    /// Sizes are clamped to 240...4000 wide and 160...4000 high.
    public init(width: Int, height: Int) {
        self.width = Swift.min(Swift.max(width, 240), 4000)
        self.height = Swift.min(Swift.max(height, 160), 4000)
    }

    public static let standard = ChartSize(width: 720, height: 450)
}
