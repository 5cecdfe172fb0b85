import Foundation

/// Checks of the Poisson assumption Var(y) = mu on the fitted values of a Poisson model:
/// Pearson's dispersion statistic and the Cameron-Trivedi regression tests.
///
/// - Pearson: X^2 = sum (y - mu)^2 / mu on the model's residual df; dispersion phi = X^2 / df
///   (1 for Poisson counts) and p = P(chi-square_df >= X^2). The chi-square reference is
///   approximate, and poor when many fitted values are below about 5.
/// - Cameron and Trivedi (1990), as `AER::dispersiontest`: with a_i = ((y_i - mu_i)^2 - y_i) / mu_i,
///   the NB1 form Var(y) = (1 + alpha) mu tests alpha = 0 by z = sqrt(n) mean(a) / sd(a)
///   (`trafo = NULL`; estimate of the dispersion 1 + mean(a)), and the NB2 form
///   Var(y) = mu + alpha mu^2 by the t statistic of the no-intercept regression of a on mu
///   (`trafo = 2`); both one-sided (overdispersion), p from the normal upper tail.
///
/// ```swift
/// let fit = try CountRegression(counts: [4, 30, 31, 13, 94, 133, 151],
///                               predictors: [.numeric(name: "year", values: [-4, -3, -2, -1, 2, 3, 4])],
///                               exposure: [1, 1, 1, 1, 1, 1, 0.75], family: .poisson)
/// let test = try DispersionTest(counts: [4, 30, 31, 13, 94, 133, 151], fitted: fit.fitted, dfResidual: 5)
/// test.dispersion        // 6.52 (the same as fit.dispersionTest)
/// test.isOverdispersed() // true: P(chi-square_5 >= 32.6) = 4.5e-6
/// ```
public struct DispersionTest: Sendable, Hashable {
    public let pearsonChiSquare: Double
    public let dfResidual: Int
    /// X^2 / df.
    public let dispersion: Double
    /// P(chi-square_df >= X^2).
    public let pearsonP: Double
    /// Cameron-Trivedi NB1: the dispersion estimate 1 + mean(a), its z and one-sided p.
    public let cameronTrivediDispersion: Double
    public let cameronTrivediZ: Double
    public let cameronTrivediP: Double
    /// Cameron-Trivedi NB2: alpha in Var(y) = mu + alpha mu^2, its t and one-sided p.
    public let cameronTrivediAlpha: Double
    public let cameronTrivediAlphaZ: Double
    public let cameronTrivediAlphaP: Double

    /// - Throws: ``StatsError`` for mismatched lengths, non-positive fitted values, fewer than
    ///   2 rows, or no residual degrees of freedom.
    public init(counts: [Int], fitted: [Double], dfResidual: Int) throws(StatsError) {
        let n = counts.count
        guard fitted.count == n else {
            throw .invalidInput("there are \(n) counts but \(fitted.count) fitted values")
        }
        guard n >= 2, dfResidual >= 1 else {
            throw .insufficientData("a dispersion test needs at least one residual degree of freedom and 2 counts")
        }
        guard fitted.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw .invalidInput("fitted values must be positive finite numbers")
        }
        let y = counts.map(Double.init)
        pearsonChiSquare = CountModelFit.pearsonChiSquare(y: y, mu: fitted, theta: nil)
        self.dfResidual = dfResidual
        dispersion = pearsonChiSquare / Double(dfResidual)
        pearsonP = Distributions.chiSquareUpperTail(pearsonChiSquare, df: Double(dfResidual))

        let a = zip(y, fitted).map { y, mu in ((y - mu) * (y - mu) - y) / mu }
        let mean = DoubleDouble.sum(a.map { DoubleDouble($0) }).value / Double(n)
        let variance = DoubleDouble.sum(a.map { DoubleDouble(($0 - mean) * ($0 - mean)) }).value / Double(n - 1)
        cameronTrivediDispersion = 1 + mean
        cameronTrivediZ = Double(n).squareRoot() * mean / variance.squareRoot()
        cameronTrivediP = Distributions.normalUpperTail(cameronTrivediZ)

        // Least squares of a on mu through the origin: alpha = sum a mu / sum mu^2, on n - 1 df.
        let smu2 = DoubleDouble.sum(fitted.map { DoubleDouble($0 * $0) }).value
        let alpha = DoubleDouble.sum(zip(a, fitted).map { DoubleDouble($0 * $1) }).value / smu2
        let rss = DoubleDouble.sum(zip(a, fitted).map { DoubleDouble(($0 - alpha * $1) * ($0 - alpha * $1)) }).value
        cameronTrivediAlpha = alpha
        cameronTrivediAlphaZ = alpha / (rss / Double(n - 1) / smu2).squareRoot()
        cameronTrivediAlphaP = Distributions.normalUpperTail(cameronTrivediAlphaZ)
    }

    /// Whether Pearson's test rejects Var(y) = mu at `alpha` (one-sided, overdispersion).
    public func isOverdispersed(alpha: Double = 0.05) -> Bool { pearsonP < alpha }
}
