/// What a field's text is, read as an exact number (`FieldParser.exactNumber`).
///
/// ```swift
/// // "1,234.50" -> .value(ExactDecimal(units: 123450, scale: 2), .decimal)
/// // "1e-19"    -> .invalid("has more than 18 decimal places, more than TIPStat sums exactly")
/// ```
public enum ExactNumberReading: Sendable, Equatable {
    case value(ExactDecimal, NumberForm)
    /// A number TIPStat cannot hold exactly (too many digits or places); the reason.
    case invalid(String)
    /// Not a number.
    case mismatch
}
