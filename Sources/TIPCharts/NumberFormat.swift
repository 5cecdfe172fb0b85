import TIPText

/// How a chart prints numbers: at most `decimals` decimals (rounded half away from zero on the
/// decimal digits, as TIPText's ``DecimalFormat`` rounds; trailing zeros dropped, except that
/// dollars keep their cents when there are any), thousands grouped with commas as the council's
/// report writes them (82,992), an optional prefix and suffix ("$", "%"), and a true minus sign
/// (U+2212).
///
/// The output depends only on the number, never on the machine's locale, so a figure is
/// byte-identical wherever it is drawn.
///
/// ```swift
/// NumberFormat.integer.string(82_992)         // "82,992"
/// NumberFormat.decimal(1).string(201.333)      // "201.3"
/// NumberFormat.year.string(2016)               // "2016"
/// NumberFormat.percent(decimals: 0).string(46) // "46%"
/// NumberFormat.dollars.string(346.1)           // "$346.10"
/// ```
public struct NumberFormat: Sendable, Hashable {
    /// The largest number of decimals printed; trailing zeros are dropped ("201.3", "202").
    public var decimals: Int
    /// Whether thousands are grouped with commas.
    public var grouping: Bool
    public var prefix: String
    public var suffix: String
    /// What happens to trailing zeros: dropped (`.trimmed`), or for money all the cents or
    /// none (`.wholeOrFixed`).
    public var fraction: DecimalFormat.Fraction

    public init(decimals: Int = 0, grouping: Bool = true, prefix: String = "", suffix: String = "",
                fraction: DecimalFormat.Fraction = .trimmed) {
        self.decimals = min(max(decimals, 0), 12)
        self.grouping = grouping
        self.prefix = prefix
        self.suffix = suffix
        self.fraction = fraction
    }

    /// Whole numbers with thousands separators: counts.
    public static let integer = NumberFormat()
    /// Whole numbers without separators: years on an axis.
    public static let year = NumberFormat(grouping: false)
    /// Dollars, with all their cents when there are any ("$8,344", "$346.10").
    public static let dollars = NumberFormat(decimals: 2, prefix: "$", fraction: .wholeOrFixed)
    /// Numbers with up to `decimals` decimals.
    public static func decimal(_ decimals: Int) -> NumberFormat { NumberFormat(decimals: decimals) }
    /// Percentage points with a "%" suffix (the value 46 prints as "46%").
    public static func percent(decimals: Int = 0) -> NumberFormat { NumberFormat(decimals: decimals, suffix: "%") }

    /// The same format printing up to `decimals` decimals.
    public func with(decimals: Int) -> NumberFormat {
        NumberFormat(decimals: decimals, grouping: grouping, prefix: prefix, suffix: suffix, fraction: fraction)
    }

    /// The number as text. Non-finite numbers print as "no data": a chart never shows NaN;
    /// magnitudes of 10^15 and more in scientific notation.
    public func string(_ x: Double) -> String {
        guard x.isFinite else { return "no data" }
        // Beyond 10^15 the digits are not exact in binary and would run off any figure: three
        // significant digits in scientific notation ("2.00e+308") say the magnitude.
        if x.magnitude >= 1e15 {
            let text = DecimalText.scientific(x.magnitude, digits: 3)
            return (x < 0 ? "\u{2212}" : "") + prefix + text + suffix
        }
        return DecimalFormat(decimals: decimals, grouping: grouping, fraction: fraction, minusSign: "\u{2212}",
                             prefix: prefix, suffix: suffix).string(x)
    }
}

/// SVG coordinates: two decimals at most, trailing zeros dropped, never "-0".
func coordinate(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    return DecimalFormat(decimals: 2, fraction: .trimmed).string(x)
}
