/// Numbers as text for people and for messages: the one place the package formats numbers.
///
/// Every rounding here is decimal: a number is rounded on the digits it prints as (its
/// shortest round-trip text), half away from zero, so 1.005 at two places is "1.01" and 0.285
/// is "0.29", as a reader of those numbers expects; binary rounding gives "1.00" and "0.28"
/// because the doubles nearest them lie just below. A number that rounds to zero has no sign.
/// Infinity and NaN are said in words. Nothing depends on the locale.
///
/// ```swift
/// DecimalText.fixed(1.005, decimals: 2)        // "1.01"
/// DecimalText.format(82_992.4)                 // "82,992.4"
/// DecimalText.signedPercent(41.379)            // "+41.4%"
/// DecimalText.dollars(-5.5)                    // "-$5.50"
/// DecimalText.dollars(8_344)                   // "$8,344"
/// DecimalText.significant(0.010681, digits: 3) // "0.0107"
/// DecimalText.scientific(3.2e-7, digits: 2)    // "3.2e-07"
/// DecimalText.shortest(82_992)                 // "82992"
/// ```
public enum DecimalText {
    /// How infinity is said (with a minus sign before it when negative).
    public static let infinity = "infinity"
    /// How NaN is said.
    public static let notANumber = "not a number"

    /// `decimals` places, zeros kept, no grouping: "346.19", "0.00", "-12.5".
    public static func fixed(_ x: Double, decimals: Int) -> String {
        DecimalFormat(decimals: decimals).string(x)
    }

    /// At most `decimals` places, trailing zeros dropped, thousands grouped: "82,992",
    /// "201.3", "0.125" (the style of the council's report).
    public static func format(_ x: Double, decimals: Int = 1) -> String {
        DecimalFormat(decimals: decimals, grouping: true, fraction: .trimmed).string(x)
    }

    /// A signed percentage of percentage points with `decimals` places: "+41.4%", "-12.0%",
    /// and "0.0%" for a change that rounds to nothing.
    public static func signedPercent(_ x: Double, decimals: Int = 1) -> String {
        DecimalFormat(decimals: decimals, plusSign: true, suffix: "%").string(x)
    }

    /// Dollars and cents, thousands grouped, the minus sign before the dollar sign: "$8,344",
    /// "$346.18", "-$5.50"; with `cents: .always`, "$8,344.00".
    public static func dollars(_ x: Double, cents: Cents = .whenAny) -> String {
        DecimalFormat(decimals: 2, grouping: true, fraction: cents == .always ? .fixed : .wholeOrFixed, prefix: "$").string(x)
    }

    /// A p-value as journals print it in a sentence: "p = 0.011", "p < 0.001" (three places).
    public static func pValue(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : "p = " + format(p, decimals: 3)
    }

    /// When ``dollars(_:cents:)`` writes cents.
    public enum Cents: Sendable, Hashable {
        /// Only when the amount has cents: "$8,344", "$5.50".
        case whenAny
        /// Always: "$8,344.00".
        case always
    }

    /// An integer with thousands grouped: "82,992", "-1,234,567".
    public static func grouped(_ n: Int) -> String {
        let text = grouped(digits: String(n.magnitude))
        return n < 0 ? "-" + text : text
    }

    /// A string of digits with a comma before every third from the right.
    static func grouped(digits: String) -> String {
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3)
        let count = digits.count
        for (i, c) in digits.enumerated() {
            if i > 0 && (count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// The shortest text that reads back as the same double, without a trailing ".0" on a
    /// whole number: "82992", "0.1", "1e-07", "1e+20". What files and JSON carry: exact, not
    /// rounded. Infinity and NaN as the text a parser reads back: "Infinity", "-Infinity", "NaN".
    public static func shortest(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
        if x == x.rounded(), x.magnitude < 1e15 { return String(Int64(x)) }
        return x.description
    }

    /// `digits` significant digits, trailing zeros dropped, whole numbers below 10^15 in full
    /// (201.3, 1.885, 0.01068, 82992); below 10^-4 in magnitude, scientific with `digits` - 1
    /// significant digits.
    public static func significant(_ x: Double, digits: Int) -> String {
        guard let value = DecimalDigits(x) else { return DecimalFormat().string(x) }
        if x == x.rounded(), x.magnitude < 1e15 { return shortest(x) }
        guard x.magnitude >= 1e-4 else { return scientific(x, digits: digits - 1) }
        return DecimalFormat(decimals: max(0, digits - value.point), fraction: .trimmed).string(x)
    }

    /// A mantissa with `digits` significant digits, "e", a sign and an exponent of at least two
    /// digits: "3.2e-07", "1.0e+20", "-5e-05" (one digit: no point).
    public static func scientific(_ x: Double, digits: Int) -> String {
        guard let value = DecimalDigits(x) else { return DecimalFormat().string(x) }
        guard !value.isZero else { return "0" }
        let significant = max(digits, 1)
        let rounded = value.rounded(significant: significant)
        let exponent = rounded.point - 1
        var mantissa = rounded
        mantissa.point = 1
        let text = mantissa.integerPart + (significant > 1 ? "." + mantissa.fractionPart(significant - 1) : "")
        let e = exponent.magnitude
        return (value.negative ? "-" : "") + text + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }
}
