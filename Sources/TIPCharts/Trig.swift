/// Sine and cosine by argument reduction and Taylor series, in plain arithmetic, for the donut
/// chart's arcs. The platform's libm may differ in the last bit between systems; these do not,
/// which keeps the SVG byte-identical everywhere. Accuracy (about 1e-15) is far beyond the
/// two decimals coordinates are printed with.
enum Trig {
    static let pi = 3.141592653589793

    /// (sin x, cos x).
    static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        guard x.isFinite else { return (0, 1) }
        // Reduce to [-pi, pi], then to [-pi/4, pi/4] with the quadrant.
        var r = x - 2 * pi * (x / (2 * pi)).rounded()
        let quadrant = Int((r / (pi / 2)).rounded())
        r -= Double(quadrant) * (pi / 2)
        let r2 = r * r
        var s = r, c = 1.0
        var sTerm = r, cTerm = 1.0
        for n in 1...10 {
            sTerm *= -r2 / Double((2 * n) * (2 * n + 1))
            cTerm *= -r2 / Double((2 * n - 1) * (2 * n))
            s += sTerm
            c += cTerm
        }
        switch ((quadrant % 4) + 4) % 4 {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }
}
