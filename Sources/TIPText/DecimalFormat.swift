/// How a number is written for people: rounded half away from zero on its decimal digits (see
/// ``DecimalText``), with a number of decimals, thousands grouped or not, trailing zeros kept,
/// dropped, or kept only when there is a fraction (cents), a sign and a prefix and suffix.
/// The text depends on the number alone, never on the machine's locale.
///
/// ```swift
/// DecimalFormat(decimals: 2).string(1.005)                                 // "1.01"
/// DecimalFormat(decimals: 1, grouping: true, fraction: .trimmed).string(82_992)  // "82,992"
/// DecimalFormat(decimals: 2, fraction: .wholeOrFixed, prefix: "$").string(-5.5)  // "-$5.50"
/// DecimalFormat(decimals: 1, plusSign: true, suffix: "%").string(41.38)     // "+41.4%"
/// ```
public struct DecimalFormat: Sendable, Hashable {
    /// What happens to the zeros at the end of the fraction.
    public enum Fraction: Sendable, Hashable {
        /// Always `decimals` digits: "12.50", "3.00".
        case fixed
        /// Trailing zeros dropped: "12.5", "3".
        case trimmed
        /// No fraction for a whole number, else all `decimals` digits: "$3", "$12.50".
        case wholeOrFixed
    }

    /// Digits after the point, 0 to 40.
    public var decimals: Int
    /// Thousands separated by commas, as the council's report writes them (82,992).
    public var grouping: Bool
    public var fraction: Fraction
    /// The sign of a negative number: "-", or U+2212 MINUS SIGN in figures.
    public var minusSign: String
    /// Whether a positive number that does not round to zero gets a "+".
    public var plusSign: Bool
    /// Written after the sign and before the digits ("$").
    public var prefix: String
    /// Written after the digits ("%").
    public var suffix: String

    public init(decimals: Int = 0, grouping: Bool = false, fraction: Fraction = .fixed, minusSign: String = "-",
                plusSign: Bool = false, prefix: String = "", suffix: String = "") {
        self.decimals = min(max(decimals, 0), 40)
        self.grouping = grouping
        self.fraction = fraction
        self.minusSign = minusSign
        self.plusSign = plusSign
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The number as text. A number that rounds to zero has no sign ("0.00", never "-0.00").
    /// Infinity and NaN are said in words: "infinity", "-infinity", "not a number".
    public func string(_ x: Double) -> String {
        guard let value = DecimalDigits(x) else {
            return x.isNaN ? DecimalText.notANumber : (x < 0 ? minusSign : "") + DecimalText.infinity
        }
        let rounded = value.rounded(decimals: decimals)
        var whole = rounded.integerPart
        if grouping { whole = DecimalText.grouped(digits: whole) }
        var places = decimals
        switch fraction {
        case .fixed: break
        case .trimmed: places = min(rounded.fractionDigits, decimals)
        case .wholeOrFixed: if rounded.fractionDigits == 0 { places = 0 }
        }
        let text = places > 0 ? whole + "." + rounded.fractionPart(places) : whole
        let sign = rounded.isZero ? "" : (value.negative ? minusSign : (plusSign ? "+" : ""))
        return sign + prefix + text + suffix
    }
}
