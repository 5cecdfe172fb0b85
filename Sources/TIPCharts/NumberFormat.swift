/// How a chart prints numbers: at most `decimals` decimals (rounded half away from zero,
/// trailing zeros dropped), thousands grouped with commas as the council's report writes them
/// (82,992), an optional prefix and suffix ("$", "%"), and a true minus sign (U+2212).
///
/// The output depends only on the number, never on the machine's locale, so a figure is
/// byte-identical wherever it is drawn.
///
/// ```swift
/// NumberFormat.integer.string(82_992)         // "82,992"
/// NumberFormat.decimal(1).string(201.333)      // "201.3"
/// NumberFormat.year.string(2016)               // "2016"
/// NumberFormat.percent(decimals: 0).string(46) // "46%"
/// NumberFormat.dollars.string(346.18)          // "$346.18"
/// ```
public struct NumberFormat: Sendable, Hashable {
    /// The largest number of decimals printed; trailing zeros are dropped ("201.3", "202").
    public var decimals: Int
    /// Whether thousands are grouped with commas.
    public var grouping: Bool
    public var prefix: String
    public var suffix: String

    public init(decimals: Int = 0, grouping: Bool = true, prefix: String = "", suffix: String = "") {
        self.decimals = min(max(decimals, 0), 12)
        self.grouping = grouping
        self.prefix = prefix
        self.suffix = suffix
    }

    /// Whole numbers with thousands separators: counts.
    public static let integer = NumberFormat()
    /// Whole numbers without separators: years on an axis.
    public static let year = NumberFormat(grouping: false)
    /// Dollars with cents when there are any.
    public static let dollars = NumberFormat(decimals: 2, prefix: "$")
    /// Numbers with up to `decimals` decimals.
    public static func decimal(_ decimals: Int) -> NumberFormat { NumberFormat(decimals: decimals) }
    /// Percentage points with a "%" suffix (the value 46 prints as "46%").
    public static func percent(decimals: Int = 0) -> NumberFormat { NumberFormat(decimals: decimals, suffix: "%") }

    /// The same format printing up to `decimals` decimals.
    public func with(decimals: Int) -> NumberFormat {
        NumberFormat(decimals: decimals, grouping: grouping, prefix: prefix, suffix: suffix)
    }

    /// The number as text. Non-finite numbers print as "no data": a chart never shows NaN.
    public func string(_ x: Double) -> String {
        guard x.isFinite else { return "no data" }
        let (negative, digits) = NumberFormat.digits(x, decimals: decimals, grouping: grouping)
        return (negative ? "\u{2212}" : "") + prefix + digits + suffix
    }

    /// Sign and digits of `x` rounded to `decimals` decimals, trailing zeros dropped. Shared
    /// with SVG coordinates, which use two decimals and no grouping.
    static func digits(_ x: Double, decimals: Int, grouping: Bool) -> (negative: Bool, digits: String) {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 the integer part is not exact anyway; Swift's shortest round-trip
        // description is deterministic there.
        guard scaled < 9.0e15 else { return (x < 0, x.magnitude.description) }
        let units = UInt64(scaled)
        let unitScale = UInt64(scale)
        let whole = units / unitScale
        var text = grouping ? grouped(whole) : String(whole)
        var fraction = units % unitScale
        if fraction != 0 {
            var places = decimals
            while fraction % 10 == 0 { fraction /= 10; places -= 1 }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: places - f.count) + f
        }
        return (x < 0 && units != 0, text)
    }

    private static func grouped(_ n: UInt64) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// SVG coordinates: two decimals at most, trailing zeros dropped, never "-0".
func coordinate(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let (negative, digits) = NumberFormat.digits(x, decimals: 2, grouping: false)
    return negative ? "-" + digits : digits
}
