/// Base-10 logarithms in plain arithmetic, for log scales. The platform's `log10` may differ
/// in the last bit between machines (glibc picks a fused multiply-add variant where the CPU has
/// one); this does not, which keeps the SVG byte-identical everywhere, as ``Trig`` does for the
/// donut's arcs.
///
/// x = m · 2^e with m in [1, 2) exactly (the double's significand and exponent), and
/// ln m = 2 atanh z = 2 (z + z³/3 + z⁵/5 + …) with z = (m − 1)/(m + 1) < 1/3, so 21 terms leave
/// an error below 1e-19; log10 x = (e ln 2 + ln m) / ln 10.
///
/// ```swift
/// Logarithm.log10(1000)   // 3, within 4e-16
/// ```
enum Logarithm {
    static let ln2 = 0.6931471805599453
    static let ln10 = 2.302585092994046

    /// log10 of `x`; nil for zero, negative and non-finite values.
    static func log10(_ x: Double) -> Double? {
        guard x > 0, x.isFinite else { return nil }
        let m = x.significand, e = Double(x.exponent)
        let z = (m - 1) / (m + 1), z2 = z * z
        var term = z, sum = 0.0
        for k in stride(from: 1, through: 41, by: 2) {
            sum += term / Double(k)
            term *= z2
        }
        return (e * ln2 + 2 * sum) / ln10
    }

    /// The largest power of ten not above `x` (positive and finite), as its exponent: exact,
    /// by comparing with exact powers of ten rather than trusting a rounded logarithm.
    static func floorPower(_ x: Double) -> Int {
        var p = Int((log10(x) ?? 0).rounded(.down))
        while p > -300 && NiceTicks.value(1, power: p) > x { p -= 1 }
        while p < 300 && NiceTicks.value(1, power: p + 1) <= x { p += 1 }
        return p
    }
}
