/// Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4) for a
/// root of a continuous function on a bracketing interval: inverse quadratic interpolation and
/// secant steps, with a bisection whenever they would not shrink the bracket fast enough. It
/// needs no derivative, never leaves the bracket, and converges superlinearly on smooth
/// functions, so a root is found to the last bits of a double in some tens of evaluations.
///
/// Used for the limits of profile-likelihood and conditional (Fisher) intervals and for the
/// conditional maximum-likelihood odds ratio. R's `uniroot` is the same algorithm but stops at
/// a tolerance of about 1.2e-4 by default; here the bracket is shrunk to 4 eps |x|, so the
/// answers are exact to rounding rather than to R's default tolerance.
enum RootFinder {
    /// Evaluations allowed before giving up; Brent's method needs at most about
    /// (log2((b - a) / tolerance))^2 and in practice well under 100.
    static let maximumEvaluations = 200

    /// A root of `f` in [a, b], where f(a) and f(b) have opposite signs (or one is zero).
    /// - Throws: ``StatsError`` `.invalidInput` when the interval does not bracket a root,
    ///   `.noConvergence` after `maximumEvaluations`, or whatever `f` throws.
    static func brent(in a: Double, _ b: Double, what: String,
                      _ f: (Double) throws(StatsError) -> Double) throws(StatsError) -> Double {
        var a = a, b = b
        var fa = try f(a), fb = try f(b)
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard (fa < 0) != (fb < 0) else {
            throw .invalidInput("\(what): no sign change between \(a) and \(b)")
        }
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<maximumEvaluations {
            if (fb < 0) == (fc < 0) {
                c = a; fc = fa; d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            // At least the smallest positive double, so a root at 0 ends too.
            let tolerance = max(4 * Double.ulpOfOne * abs(b), Double.leastNormalMagnitude)
            let m = (c - b) / 2
            if abs(m) <= tolerance || fb == 0 { return b }
            if abs(e) >= tolerance && abs(fa) > abs(fb) {
                // Interpolate: secant with two points, inverse quadratic with three.
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tolerance * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = m
                    e = m
                }
            } else {
                d = m
                e = m
            }
            a = b
            fa = fb
            b += abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance)
            fb = try f(b)
        }
        throw StatsError(.noConvergence, "\(what): no root found in \(maximumEvaluations) evaluations")
    }
}
