/// An unevaluated sum `hi + lo` of two doubles with `|lo| <= ulp(hi)/2`: about 32 significant
/// digits, portable (unlike `Float80`, which exists only on x86_64).
///
/// Used wherever plain `Double` arithmetic loses digits that the NIST StRD certified values
/// demand: sums of squared deviations around a large mean (NumAcc3/4), and Householder QR of
/// ill-conditioned polynomial designs (Filip has condition number 1.8e15, so a float64 QR keeps
/// about one digit of the sixteen; double-double keeps about seventeen).
///
/// The algorithms are the error-free transformations of Knuth (TwoSum), Dekker (FastTwoSum)
/// and the fused multiply-add product (swift-numerics' `Augmented.sum` and `Augmented.product`
/// are the same transformations), combined as in the QD library of Hida, Li and Bailey
/// ("accurate" addition and division).
///
/// At the edges the type behaves as `Double` does, and the tests check each case:
/// - A result whose leading part is infinite or NaN is that double with a zero trailing part:
///   `inf + 1` is `inf`, `inf - inf` and `0 * inf` are NaN, `1 / 0` is `inf`. (The raw
///   transformations would turn an infinite sum into NaN: `s - a` is `inf - inf`.)
/// - Zero keeps its IEEE sign: `-0 + -0` is `-0`, `-1 * 0` is `-0`, `0 / -1` is `-0`.
/// - `squareRoot()` of a negative number is NaN, of `-0` is `-0`, of `inf` is `inf`.
///
/// ```swift
/// let tiny = DoubleDouble(1e-20)
/// ((DoubleDouble(1) + tiny) - DoubleDouble(1)).value    // 1e-20 (Double gives 0)
/// DoubleDouble.sum([0.1, 0.2, 0.3].map(DoubleDouble.init)).value
/// ```
public struct DoubleDouble: Sendable, Hashable, Comparable {
    /// The leading part: the double nearest the value.
    public private(set) var hi: Double
    /// The trailing part, at most half an ulp of `hi`.
    public private(set) var lo: Double

    public static let zero = DoubleDouble(0)
    public static let one = DoubleDouble(1)

    public init(_ value: Double) {
        hi = value
        lo = 0
    }

    public init(_ value: Int) {
        // Every Int up to 2^106 is a double-double; split so each half is exact.
        let high = Double(value)
        hi = high
        lo = high.magnitude < 0x1p63 ? Double(value - Int(high)) : 0
        self = DoubleDouble.fastTwoSum(hi, lo)
    }

    private init(unnormalisedHi hi: Double, lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    /// The double nearest the double-double value (`hi`, since the pair is normalised).
    public var value: Double { hi }

    /// Knuth's TwoSum: `s + e == a + b` exactly, for any a and b.
    private static func twoSum(_ a: Double, _ b: Double) -> (s: Double, e: Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// Dekker's FastTwoSum, normalising a pair whose first element is the larger.
    private static func fastTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(unnormalisedHi: s, lo: b - (s - a))
    }

    /// `p + e == a * b` exactly: the fused multiply-add computes `a * b - p` with one rounding.
    private static func twoProduct(_ a: Double, _ b: Double) -> (p: Double, e: Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    public static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (s, e) = twoSum(a.hi, b.hi)
        guard s.isFinite else { return DoubleDouble(s) }
        let (t, f) = twoSum(a.lo, b.lo)
        let u = fastTwoSum(s, e + t)
        return exactOrSigned(fastTwoSum(u.hi, u.lo + f), s)
    }

    /// `result`, or the IEEE-signed zero `leading` when the result is zero (the transformations
    /// add +0 and lose a -0) or not finite.
    private static func exactOrSigned(_ result: DoubleDouble, _ leading: Double) -> DoubleDouble {
        result.hi == 0 || !result.hi.isFinite ? DoubleDouble(result.hi == 0 ? leading : result.hi) : result
    }

    public static prefix func - (a: DoubleDouble) -> DoubleDouble {
        DoubleDouble(unnormalisedHi: -a.hi, lo: -a.lo)
    }

    public static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    public static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (p, e) = twoProduct(a.hi, b.hi)
        guard p.isFinite else { return DoubleDouble(p) }
        return exactOrSigned(fastTwoSum(p, e + (a.hi * b.lo + a.lo * b.hi)), p)
    }

    /// Long division to three partial quotients (QD's accurate division).
    public static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        // Division by zero or infinity, and a zero or non-finite quotient, are the double's.
        guard q1.isFinite, q1 != 0, b.hi.isFinite else { return DoubleDouble(q1) }
        var r = a - b * DoubleDouble(q1)
        let q2 = r.hi / b.hi
        r = r - b * DoubleDouble(q2)
        let q3 = r.hi / b.hi
        return fastTwoSum(q1, q2) + DoubleDouble(q3)
    }

    public static func += (a: inout DoubleDouble, b: DoubleDouble) { a = a + b }
    public static func -= (a: inout DoubleDouble, b: DoubleDouble) { a = a - b }

    public static func < (a: DoubleDouble, b: DoubleDouble) -> Bool {
        a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo)
    }

    public var magnitude: DoubleDouble { hi < 0 || (hi == 0 && lo < 0) ? -self : self }
    public var isZero: Bool { hi == 0 }

    /// Square root by one Newton step from the double root: x + (a - x^2) / (2x). As the
    /// double's at the edges: NaN below zero, `-0` for `-0`, `inf` for `inf`.
    public func squareRoot() -> DoubleDouble {
        guard hi > 0, hi.isFinite else { return DoubleDouble(hi.squareRoot()) }
        let x = hi.squareRoot()
        let residual = self - DoubleDouble(x) * DoubleDouble(x)
        return DoubleDouble.fastTwoSum(x, residual.hi / (2 * x))
    }

    /// The sum of doubles, each added exactly into a double-double accumulator.
    public static func sum<S: Sequence>(_ values: S) -> DoubleDouble where S.Element == DoubleDouble {
        values.reduce(.zero, +)
    }

    /// Dot product accumulated in double-double.
    public static func dot(_ a: [DoubleDouble], _ b: [DoubleDouble]) -> DoubleDouble {
        var s = DoubleDouble.zero
        for i in a.indices { s += a[i] * b[i] }
        return s
    }
}

extension DoubleDouble {
    /// The decimal number a double prints as (its shortest round-trip representation), to
    /// double-double precision.
    ///
    /// Data arrive as decimal text. `10000000.1` has no binary representation: the nearest
    /// double is 10000000.099999999627, and the standard deviation of NumAcc4's doubles is
    /// 0.10000000056, wrong in the ninth digit before any arithmetic is done. The shortest
    /// round-trip decimal of a double is the text it was parsed from whenever that text had at
    /// most 15 significant digits, and in every case lies within half an ulp of the double, so
    /// reading it back is never less accurate than the binary value and recovers the decimal
    /// data exactly where it can.
    public init(decimalOf x: Double) {
        self.init(x)
        guard x.isFinite, x != 0, let parsed = DoubleDouble.parseDecimal(x.description) else { return }
        // Keep the binary value if rounding the decimal does not give x back (cannot happen for
        // a round-trip decimal unless it lies within 1e-32 of a rounding boundary).
        if parsed.hi == x { self = parsed }
    }

    /// Parses Swift's `Double.description` format (`-12.5`, `1e-07`, `5e+20`) exactly to
    /// double-double: an integer significand of at most 17 digits scaled by a power of ten.
    private static func parseDecimal(_ text: String) -> DoubleDouble? {
        var significand: Int = 0
        var digits = 0
        var fractionDigits = 0
        var exponent = 0
        var negative = false
        var inFraction = false
        var chars = Substring(text)
        if chars.first == "-" {
            negative = true
            chars = chars.dropFirst()
        }
        while let c = chars.first, c != "e" {
            chars = chars.dropFirst()
            if c == "." {
                inFraction = true
                continue
            }
            guard let d = c.wholeNumberValue else { return nil }
            if significand == 0 && d == 0 {
                if inFraction { fractionDigits += 1 }
                continue
            }
            digits += 1
            guard digits <= 18 else { return nil }
            significand = significand * 10 + d
            if inFraction { fractionDigits += 1 }
        }
        if chars.first == "e" {
            guard let e = Int(chars.dropFirst()) else { return nil } // Int accepts "+20"
            exponent = e
        }
        let power = exponent - fractionDigits
        // Double-double products overflow or lose their low part near the ends of the range.
        guard abs(power) <= 280 else { return nil }
        let scale = powerOfTen(abs(power))
        let magnitude = power >= 0 ? DoubleDouble(significand) * scale : DoubleDouble(significand) / scale
        return negative ? -magnitude : magnitude
    }

    /// 10^k: exact as a double up to 10^22, then products of exact factors (error ~k·1e-33).
    private static func powerOfTen(_ k: Int) -> DoubleDouble {
        var result = DoubleDouble.one
        var remaining = k
        while remaining > 0 {
            let step = min(remaining, 22)
            result = result * DoubleDouble((1...step).reduce(1.0) { acc, _ in acc * 10 })
            remaining -= step
        }
        return result
    }
}
