/// The decimal digits of a double as it prints, and rounding on those digits.
///
/// A double is shown to people as its shortest round-trip decimal (Swift's `description`):
/// `1.005` prints as "1.005" although the double is 1.00499999999999989342. Rounding the
/// binary value to two places gives "1.00", which no reader of "1.005" expects; rounding the
/// decimal digits half away from zero gives "1.01". Every formatter of this module rounds here,
/// on the digits, so the same number rounds the same way everywhere, and no value is too large
/// (1e308 has 309 digits before the point, all of them printed) or too small to format.
///
/// The value is `0.d1 d2 d3 ... × 10^point`: `digits` holds d1, d2, ... without leading or
/// trailing zeros, and `point` is the number of digits before the decimal point (negative for
/// values below 0.1).
struct DecimalDigits: Equatable {
    var digits: [UInt8]
    var point: Int
    var negative: Bool

    /// The digits of a finite double's shortest round-trip text; nil for infinity and NaN.
    init?(_ x: Double) {
        guard x.isFinite else { return nil }
        negative = x.sign == .minus
        digits = []
        point = 0
        guard x != 0 else { return }
        // `description` is "1.005", "1e-05", "1.5e+20" or "1.0000000000000001e+16".
        let text = x.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var beforePoint = 0
        var seenPoint = false
        for c in mantissa.utf8 {
            if c == UInt8(ascii: ".") { seenPoint = true; continue }
            digits.append(c - UInt8(ascii: "0"))
            if !seenPoint { beforePoint += 1 }
        }
        point = beforePoint + exponent
        while digits.first == 0 { digits.removeFirst(); point -= 1 }
        while digits.last == 0 { digits.removeLast() }
    }

    /// Whether every digit is zero (the value rounded to zero).
    var isZero: Bool { digits.isEmpty }

    /// Rounded half away from zero to `decimals` places after the point: the first dropped
    /// digit decides, since the digits are the decimal value itself.
    func rounded(decimals: Int) -> DecimalDigits {
        let keep = point + decimals
        guard keep < digits.count else { return self }
        var out = self
        guard keep >= 0 else {
            out.digits = []
            return out
        }
        let roundsUp = digits[keep] >= 5
        out.digits = Array(digits[..<keep])
        if roundsUp {
            var i = out.digits.count - 1
            while i >= 0 && out.digits[i] == 9 {
                out.digits[i] = 0
                i -= 1
            }
            if i >= 0 {
                out.digits[i] += 1
            } else {
                out.digits.insert(1, at: 0)
                out.point += 1
            }
        }
        while out.digits.last == 0 { out.digits.removeLast() }
        if out.digits.isEmpty { out.point = 0 }
        return out
    }

    /// Rounded half away from zero to `significant` digits.
    func rounded(significant: Int) -> DecimalDigits {
        rounded(decimals: significant - point)
    }

    /// The digits before the point ("0" when there are none).
    var integerPart: String {
        guard point > 0 else { return "0" }
        var out = ""
        for i in 0..<point { out.append(Character(Unicode.Scalar(UInt8(ascii: "0") + (i < digits.count ? digits[i] : 0)))) }
        return out
    }

    /// The first `count` digits after the point, zeros included.
    func fractionPart(_ count: Int) -> String {
        var out = ""
        for i in 0..<max(count, 0) {
            let position = point + i
            let d: UInt8 = position >= 0 && position < digits.count ? digits[position] : 0
            out.append(Character(Unicode.Scalar(UInt8(ascii: "0") + d)))
        }
        return out
    }

    /// How many digits after the point the value has (0 for a whole number).
    var fractionDigits: Int { max(digits.count - point, 0) }
}
