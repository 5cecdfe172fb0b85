/// A named series of values, one per category of a ``BarChart`` (in the chart's category order).
///
/// ```swift
/// Series("Arrests", [3557, 1378])
/// Series("Convictions", [1841, 269])
/// ```
public struct Series: Sendable, Hashable {
    public var name: String
    public var values: [Datum]

    public init(_ name: String, _ values: [Datum]) {
        self.name = name
        self.values = values
    }

    /// The value for category `index`; missing when the series is shorter than the categories.
    func value(_ index: Int) -> Datum { index < values.count ? values[index] : .missing }
}
