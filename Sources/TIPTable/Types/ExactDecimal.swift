/// A decimal number held exactly as `units × 10^-scale` in 128 bits: `1,234.50` is 123450
/// units at scale 2.
///
/// Aggregation sums exact decimals rather than doubles so that a sum does not depend on the
/// order in which rows are added: the one-thread and the parallel paths, which add the same
/// rows in different orders, give the same bytes. A double is made once, at the end, by
/// correctly rounding the exact result.
///
/// ```swift
/// let price = ExactDecimal(units: 1999, scale: 2)          // 19.99
/// let total = price.adding(ExactDecimal(units: 1, scale: 3))!
/// total.description   // "19.991"
/// total.double        // 19.991
/// ```
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var units: Int128
    /// Decimal places, 0 through `maxScale`.
    public var scale: Int

    /// Most decimal places an exact decimal keeps: with 38 digits in 128 bits this leaves 20
    /// digits before the point.
    public static let maxScale = 18

    public init(units: Int128, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// `units × 10^places`, or nil when it does not fit in 128 bits.
    @inline(__always) static func scaled(_ units: Int128, by places: Int) -> Int128? {
        if places == 0 { return units }
        let (r, overflow) = units.multipliedReportingOverflow(by: powersOfTen[places])
        return overflow ? nil : r
    }

    static let powersOfTen: [Int128] = (0...38).map { p in (0..<p).reduce(Int128(1)) { r, _ in r * 10 } }

    /// The same value at a scale at least as large, or nil when it does not fit.
    @inline(__always) public func rescaled(to newScale: Int) -> ExactDecimal? {
        guard let u = ExactDecimal.scaled(units, by: newScale - scale) else { return nil }
        return ExactDecimal(units: u, scale: newScale)
    }

    /// The exact sum, or nil when it does not fit in 128 bits.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        let s = max(scale, other.scale)
        guard let a = rescaled(to: s), let b = other.rescaled(to: s) else { return nil }
        let (u, overflow) = a.units.addingReportingOverflow(b.units)
        return overflow ? nil : ExactDecimal(units: u, scale: s)
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let s = max(a.scale, b.scale)
        // Values that do not fit at the common scale are far apart: compare their signs and sizes.
        guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else { return a.double < b.double }
        return x.units < y.units
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let s = max(a.scale, b.scale)
        guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else { return false }
        return x.units == y.units
    }

    public func hash(into hasher: inout Hasher) {
        // Equal values at different scales hash alike: hash the value without trailing zeros.
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        hasher.combine(u)
        hasher.combine(s)
    }

    /// Exact decimal text: `-1234.50` keeps its scale's places.
    public var description: String {
        let digits = String(units.magnitude)
        guard scale > 0 else { return (units < 0 ? "-" : "") + digits }
        let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
        let point = padded.index(padded.endIndex, offsetBy: -scale)
        return (units < 0 ? "-" : "") + padded[..<point] + "." + padded[point...]
    }

    /// The nearest double (correctly rounded from the exact text).
    public var double: Double {
        if case .value(.double(let d)) = FieldParser.read(description, as: .double) { return d }
        return units < 0 ? -.infinity : .infinity
    }

    /// The value as a 64-bit integer when it is whole and fits.
    public var integer: Int? {
        guard let whole = ExactDecimal.scaled(1, by: scale), units % whole == 0 else { return nil }
        return Int(exactly: units / whole)
    }
}
