import CRmath

/// The probability functions of R's standalone math library (Rmath), under names that say what
/// they compute. This file is the only place in TIPStat that calls Rmath: every quantile, CDF
/// and tail probability in the module comes from here, so results match R to the last digit.
///
/// Rmath's trailing arguments are `lower_tail` and `log_p`; upper tails are asked for directly
/// (`lower_tail = 0`) rather than as `1 - cdf`, which would cancel to zero for small p-values.
enum Distributions {
    static func normalQuantile(_ p: Double) -> Double { qnorm5(p, 0, 1, 1, 0) }

    static func studentTQuantile(_ p: Double, df: Double) -> Double { qt(p, df, 1, 0) }

    /// P(|T| >= |t|) for T ~ t(df).
    static func studentTTwoSidedP(_ t: Double, df: Double) -> Double { 2 * pt(-t.magnitude, df, 1, 0) }

    /// P(|Z| >= |z|) for Z ~ N(0, 1).
    static func normalTwoSidedP(_ z: Double) -> Double { 2 * pnorm5(-z.magnitude, 0, 1, 1, 0) }

    /// P(X >= x) for X ~ chi-square(df).
    static func chiSquareUpperTail(_ x: Double, df: Double) -> Double { pchisq(x, df, 0, 0) }

    /// P(X >= f) for X ~ F(df1, df2).
    static func fUpperTail(_ f: Double, df1: Double, df2: Double) -> Double { pf(f, df1, df2, 0, 0) }

    /// Quantile of the gamma distribution with the given shape and scale 1.
    static func gammaQuantile(_ p: Double, shape: Double) -> Double { qgamma(p, shape, 1, 1, 0) }

    static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double { qbeta(p, a, b, 1, 0) }

    /// P(X = x) for X ~ binomial(n, p).
    static func binomialProbability(_ x: Int, n: Int, p: Double) -> Double {
        dbinom(Double(x), Double(n), p, 0)
    }

    /// P(X <= x) for X ~ binomial(n, p).
    static func binomialLowerTail(_ x: Int, n: Int, p: Double) -> Double {
        pbinom(Double(x), Double(n), p, 1, 0)
    }

    /// P(X > x) for X ~ binomial(n, p).
    static func binomialUpperTail(_ x: Int, n: Int, p: Double) -> Double {
        pbinom(Double(x), Double(n), p, 0, 0)
    }
}
