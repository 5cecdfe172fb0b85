/// A named series of values, one per category of a ``BarChart`` (in the chart's category order).
/// A series marked `isUnknown` (the part whose breakdown is unknown, or that the source does not
/// break down) is drawn grey.
///
/// ```swift
/// Series("Arrests", [3557, 1378])
/// Series("Convictions", [1841, 269])
/// Series("Not recorded", [12, 4], isUnknown: true)
/// ```
public struct Series: Sendable, Hashable {
    public var name: String
    public var values: [Datum]
    /// Whether the series stands for what is unknown or not broken down: grey, never a colour.
    public var isUnknown: Bool

    public init(_ name: String, _ values: [Datum], isUnknown: Bool = false) {
        self.name = name
        self.values = values
        self.isUnknown = isUnknown
    }

    /// The value for category `index`; missing when the series is shorter than the categories.
    func value(_ index: Int) -> Datum { index < values.count ? values[index] : .missing }
}
