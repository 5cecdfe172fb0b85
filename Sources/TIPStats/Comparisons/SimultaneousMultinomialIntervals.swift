import Foundation

/// Simultaneous confidence intervals for the shares p_1..p_k of a multinomial count vector
/// (x_1..x_k, n = sum x): all k intervals cover their shares together with probability about
/// `level`, unlike k separate 95% intervals (whose joint coverage can be far lower).
///
/// - Sison and Glaz (1995), as `MultinomialCI::multinomialCI` and `DescTools::MultinomCI`
///   (May and Johnson's 2000 program): intervals [p_i - c/n, p_i + (c + 2 delta)/n], cut to
///   [0, 1]. The integer c is the smallest with nu(c + 1) > level, where nu(c) approximates
///   P(|X_i - x_i| <= c for all i) by treating the X_i as independent Poisson(x_i) truncated to
///   [x_i - c, x_i + c] and conditioning on their sum being n, the sum's density given by an
///   Edgeworth expansion with the truncated moments; delta = (level - nu(c)) / (nu(c + 1) - nu(c)).
///   Recommended when shares are small or k is large.
/// - Goodman (1965): Wilson-type intervals with the Bonferroni chi-square quantile
///   A = chi-square_{1, 1 - (1 - level)/k}:
///   (A + 2 x_i -+ sqrt(A (A + 4 x_i (n - x_i) / n))) / (2 (n + A)). Conservative and simple;
///   good when every count is large.
///
/// ```swift
/// let s = try SimultaneousMultinomialIntervals(counts: [56, 72, 73, 59, 62, 87, 58], method: .sisonGlaz)
/// s.lower[0] // 0.079 (Sison and Glaz 1999's example, as tabulated by Sangeetha et al. 2013)
/// ```
public struct SimultaneousMultinomialIntervals: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        case sisonGlaz = "sison_glaz"
        case goodman
    }

    public static let maximumCategories = 1000
    /// The Sison-Glaz search for c evaluates nu(c) for c = 1, 2, ...; n bounds it, and so does this.
    public static let maximumTotal = 10_000_000

    public let counts: [Int]
    public let level: Double
    public let method: Method
    /// x_i / n.
    public let estimates: [Double]
    public let lower: [Double]
    public let upper: [Double]
    /// Sison-Glaz: the c and delta of the construction.
    public let sisonGlazC: Int?
    public let sisonGlazDelta: Double?

    /// - Throws: ``StatsError`` for fewer than 2 categories, a negative count, a zero total,
    ///   sizes beyond the bounds, a bad level, or (Sison-Glaz) no c reaching the level.
    public init(counts: [Int], level: Double = 0.95, method: Method) throws(StatsError) {
        try StatsError.checkLevel(level)
        guard counts.count >= 2 else { throw .invalidInput("simultaneous intervals need at least 2 categories (got \(counts.count))") }
        guard counts.count <= SimultaneousMultinomialIntervals.maximumCategories else {
            throw .invalidInput("at most \(SimultaneousMultinomialIntervals.maximumCategories) categories are allowed (got \(counts.count))")
        }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw .invalidInput("counts cannot be negative") }
        let total = counts.reduce(0, +)
        guard total > 0 else { throw .insufficientData("every count is zero: there are no shares to estimate") }
        guard total <= SimultaneousMultinomialIntervals.maximumTotal else {
            throw .invalidInput("the total \(total) exceeds \(SimultaneousMultinomialIntervals.maximumTotal)")
        }
        self.counts = counts
        self.level = level
        self.method = method
        let n = Double(total)
        estimates = counts.map { Double($0) / n }
        switch method {
        case .goodman:
            let a = Distributions.chiSquareQuantile(1 - (1 - level) / Double(counts.count), df: 1)
            let halfWidths = counts.map { x in (a * (a + 4 * Double(x) * (n - Double(x)) / n)).squareRoot() }
            lower = zip(counts, halfWidths).map { x, h in max(0, (a + 2 * Double(x) - h) / (2 * (n + a))) }
            upper = zip(counts, halfWidths).map { x, h in min(1, (a + 2 * Double(x) + h) / (2 * (n + a))) }
            sisonGlazC = nil
            sisonGlazDelta = nil
        case .sisonGlaz:
            var previous = 0.0
            var found: (c: Int, delta: Double)?
            for c in 1...total {
                let nu = SimultaneousMultinomialIntervals.truncatedPoissonCoverage(c: c, counts: counts, n: total)
                if nu > level && previous < level {
                    found = (c - 1, (level - previous) / (nu - previous))
                    break
                }
                previous = nu
            }
            guard let (c, delta) = found else {
                throw StatsError(.noConvergence, "the Sison-Glaz coverage never crossed \(level); the counts are too few for simultaneous intervals")
            }
            lower = estimates.map { max(0, $0 - Double(c) / n) }
            upper = estimates.map { min(1, $0 + Double(c) / n + 2 * delta / n) }
            sisonGlazC = c
            sisonGlazDelta = delta
        }
    }

    /// nu(c): P(x_i - c <= X_i <= x_i + c for all i | sum X_i = n) for independent Poisson(x_i),
    /// as May and Johnson compute it: P(sum = n)^-1 prod P(x_i - c <= X_i <= x_i + c) f(n),
    /// f the Edgeworth density of the sum of the truncated variables.
    static func truncatedPoissonCoverage(c: Int, counts: [Int], n: Int) -> Double {
        var m1 = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0
        var probability = 1.0
        for x in counts {
            let moments = truncatedMoments(c: c, lambda: Double(x))
            m1 += moments.mean
            m2 += moments.variance
            m3 += moments.third
            m4 += moments.fourth - 3 * moments.variance * moments.variance
            probability *= moments.mass
        }
        let nn = Double(n)
        let pointMass = Distributions.poissonLowerTail(nn, lambda: nn) - Distributions.poissonLowerTail(nn - 1, lambda: nn)
        let z = (nn - m1) / m2.squareRoot()
        let g1 = m3 / (m2 * m2.squareRoot())
        let g2 = m4 / (m2 * m2)
        let z2 = z * z
        let poly = 1 + g1 * (z2 * z - 3 * z) / 6 + g2 * (z2 * z2 - 6 * z2 + 3) / 24
            + g1 * g1 * (z2 * z2 * z2 - 15 * z2 * z2 + 45 * z2 - 15) / 72
        let density = poly * exp(-z2 / 2) / (2 * Double.pi).squareRoot()
        return probability * density / (pointMass * m2.squareRoot())
    }

    /// Moments of X ~ Poisson(lambda) truncated to [b, a] = [max(lambda - c, 0), lambda + c] from
    /// its factorial moments mu_r = lambda^r (1 - (P(a - r < X <= a) - P(b - r <= X < b)) / P(b <= X <= a)):
    /// mean, variance, third and fourth central moments, and the mass P(b <= X <= a).
    static func truncatedMoments(c: Int, lambda: Double) -> (mean: Double, variance: Double, third: Double, fourth: Double, mass: Double) {
        let a = lambda + Double(c)
        let b = max(lambda - Double(c), 0)
        func cdf(_ k: Double) -> Double { Distributions.poissonLowerTail(k, lambda: lambda) }
        let mass = cdf(a) - cdf(b - 1)
        var mu = [Double](repeating: 0, count: 5)
        for r in 1...4 {
            let poisA = cdf(a) - cdf(a - Double(r))
            let poisB = cdf(b - 1) - cdf(b - Double(r) - 1)
            mu[r] = pow(lambda, Double(r)) * (1 - (poisA - poisB) / mass)
        }
        let (m1, m2, m3, m4) = (mu[1], mu[2], mu[3], mu[4])
        let variance = m2 + m1 - m1 * m1
        let third = m3 + m2 * (3 - 3 * m1) + (m1 - 3 * m1 * m1 + 2 * m1 * m1 * m1)
        let fourth = m4 + m3 * (6 - 4 * m1) + m2 * (7 - 12 * m1 + 6 * m1 * m1) + m1 - 4 * m1 * m1 + 6 * m1 * m1 * m1
            - 3 * m1 * m1 * m1 * m1
        return (m1, variance, third, fourth, mass)
    }
}
