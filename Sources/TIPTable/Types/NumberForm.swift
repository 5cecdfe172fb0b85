/// The written form of a number an aggregation reads: it decides the type of a sum.
///
/// ```swift
/// // "$8,344" reads as .value(ExactDecimal(units: 8344, scale: 0), .currency)
/// ```
public enum NumberForm: UInt8, Sendable {
    case integer = 1, decimal = 2, currency = 4, percent = 8
}
