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

    /// Quantile of the gamma distribution with the given shape and scale (1 by default).
    static func gammaQuantile(_ p: Double, shape: Double, scale: Double = 1) -> Double {
        qgamma(p, shape, scale, 1, 0)
    }

    /// Quantile of the chi-square distribution.
    static func chiSquareQuantile(_ p: Double, df: Double) -> Double { qchisq(p, df, 1, 0) }

    /// P(Z >= z) for Z ~ N(0, 1).
    static func normalUpperTail(_ z: Double) -> Double { pnorm5(z, 0, 1, 0, 0) }

    /// log Gamma(x) for x > 0.
    static func logGamma(_ x: Double) -> Double { lgammafn(x) }

    /// The digamma function d/dx log Gamma(x).
    static func digammaFunction(_ x: Double) -> Double { digamma(x) }

    /// The trigamma function d^2/dx^2 log Gamma(x).
    static func trigammaFunction(_ x: Double) -> Double { trigamma(x) }

    /// P(X <= x) for X ~ Poisson(lambda); 0 for x < 0.
    static func poissonLowerTail(_ x: Double, lambda: Double) -> Double { ppois(x, lambda, 1, 0) }

    /// log P(X = x) for X hypergeometric: x white balls among k drawn from m white and n black.
    static func hypergeometricLogProbability(_ x: Int, white m: Int, black n: Int, drawn k: Int) -> Double {
        dhyper(Double(x), Double(m), Double(n), Double(k), 1)
    }

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
