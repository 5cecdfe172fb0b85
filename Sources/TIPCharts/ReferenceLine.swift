/// A labelled reference value drawn across a plot: a baseline year's level, a target, the
/// report's point estimate.
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
}
