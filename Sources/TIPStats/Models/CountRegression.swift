import TIPText
import Foundation

/// A log-linear regression for counts with several predictors, factors and an exposure:
/// log E(y_i) = x_i'b + log(exposure_i), with a Poisson, quasi-Poisson or negative binomial
/// error (see ``CountFamily``). R's `glm(y ~ ..., family = poisson | quasipoisson,
/// offset = log(exposure))` and `MASS::glm.nb(y ~ ... + offset(log(exposure)))`, with their
/// `summary`, `confint` (profile likelihood) and `confint.default` (Wald).
///
/// Fitting: iteratively reweighted least squares solved by double-double QR to full
/// convergence (relative change in deviance below 1e-13, where R stops at 1e-8; see
/// `CountModelFit`). The negative binomial alternates IRLS for b at fixed theta with Newton's
/// method for theta at fixed b, as glm.nb does, until theta changes by less than 1e-12
/// relative and the log-likelihood by less than 1e-13 relative.
///
/// Reported, for each coefficient b_j (a log rate ratio; exp(b_j) is the rate ratio):
/// - standard error sqrt(phi [(X'WX)^-1]_jj), with phi = 1 (Poisson, negative binomial) or
///   phi = X^2 / (n - p) (quasi-Poisson), X^2 = sum (y - mu)^2 / V(mu) the Pearson statistic
///   at the final fit;
/// - a z test (Poisson, negative binomial) or a t test on n - p df (quasi-Poisson);
/// - the Wald interval b_j +- q se_j, q the normal quantile (t for quasi-Poisson; note that R's
///   `confint.default` uses the normal quantile even then);
/// - the profile-likelihood interval: the b_j where the signed root deviance
///   sign(b - b_hat) sqrt((D_j(b) - D) / phi) equals -+ z_{(1+level)/2}, D_j(b) the deviance
///   minimised over the other coefficients with b_j held at b. This is the interval R's
///   `confint` computes (MASS's profile method; normal cutoff for every family, theta held at
///   its estimate for the negative binomial), with the crossing found exactly by Brent's
///   method where R interpolates a spline through a few profile points (R's limits differ by
///   about 1e-5 relative). Likelihood-based, it is asymmetric where the likelihood is, and is
///   the one to report when counts are small; with one count near zero the Wald interval is
///   poor. An infinite limit means the profile never reaches the cutoff (a rate that may be 0).
///
/// Assumptions: the counts are independent given the predictors; the log of the rate is linear
/// in them; and Var(y) is as the family says. The Pearson ``DispersionTest`` of a Poisson fit
/// checks the last; when it fails, the quasi-Poisson or negative binomial answers are the
/// ones to believe.
///
/// ```swift
/// let fit = try CountRegression(counts: [4, 30, 31, 13, 94, 133, 151],
///                               predictors: [.numeric(name: "year", values: [2008, 2009, 2010, 2011, 2014, 2015, 2016])],
///                               exposure: [1, 1, 1, 1, 1, 1, 0.75], family: .negativeBinomial)
/// fit.coefficients[1].estimate // log rate ratio per year
/// fit.theta                    // the negative binomial shape
/// fit.coefficients[1].profileLow
/// ```
public struct CountRegression: Sendable, Hashable {
    public struct Coefficient: Sendable, Hashable {
        public let term: String
        public let estimate: Double
        public let stdError: Double
        /// z (Poisson, negative binomial) or t (quasi-Poisson).
        public let statistic: Double
        public let p: Double
        public let waldLow: Double
        public let waldHigh: Double
        /// The profile-likelihood limits; -infinity / +infinity when the profile does not
        /// reach the cutoff; nil when profiles were not asked for.
        public let profileLow: Double?
        public let profileHigh: Double?
    }

    public static let maximumThetaIterations = 100
    /// Rows allowed; the QR's cost grows with rows x coefficients^2.
    public static let maximumRows = 1_000_000
    public static let maximumCoefficients = 100

    public let family: CountFamily
    public let level: Double
    public let n: Int
    public let coefficients: [Coefficient]
    /// phi (X'WX)^-1, in the order of `coefficients`.
    public let covariance: [[Double]]
    public let fitted: [Double]
    public let deviance: Double
    /// Deviance of the intercept-only model with the same exposure (and theta).
    public let nullDeviance: Double
    public let dfResidual: Int
    public let dfNull: Int
    /// Pearson's X^2 = sum (y - mu)^2 / V(mu) at the final fit.
    public let pearsonChiSquare: Double
    /// The dispersion phi the standard errors use: 1, or X^2 / dfResidual for quasi-Poisson.
    public let dispersion: Double
    /// nil for quasi-Poisson, which has no likelihood.
    public let logLikelihood: Double?
    /// -2 logLik + 2 (parameters, theta included); nil for quasi-Poisson.
    public let aic: Double?
    /// The negative binomial shape and its standard error; nil for the other families.
    public let theta: Double?
    public let thetaStdError: Double?
    /// IRLS iterations of the final fit (for the negative binomial, summed over the alternations).
    public let iterations: Int
    /// "z" or "t".
    public let statisticName: String
    /// The Pearson and Cameron-Trivedi checks of the Poisson variance (Poisson and
    /// quasi-Poisson fits; nil for the negative binomial).
    public let dispersionTest: DispersionTest?

    /// - Parameters:
    ///   - counts: the non-negative counts, one per row.
    ///   - predictors: numeric columns and factors; an intercept is always included.
    ///   - exposure: each row's exposure (person-years, months/12), entering as log offset;
    ///     nil for equal exposure.
    ///   - profile: whether to compute profile-likelihood intervals (a few fits per coefficient).
    /// - Throws: ``StatsError``: mismatched lengths, negative counts, non-positive exposure, all
    ///   counts zero, no more rows than coefficients, dependent columns (named), a coefficient
    ///   without finite estimate (fitted rates running to zero), no convergence, or (negative
    ///   binomial) no overdispersion at all.
    public init(counts: [Int], predictors: [RegressionPredictor], exposure: [Double]? = nil,
                family: CountFamily, level: Double = 0.95, profile: Bool = true) throws(StatsError) {
        try StatsError.checkLevel(level)
        let n = counts.count
        guard n <= CountRegression.maximumRows else {
            throw .invalidInput("a count model takes at most \(CountRegression.maximumRows) rows (got \(n))")
        }
        let design = try DesignMatrix(predictors: predictors, rows: n)
        let p = design.columns.count
        guard p <= CountRegression.maximumCoefficients else {
            throw .invalidInput("the model has \(p) coefficients; at most \(CountRegression.maximumCoefficients) are allowed")
        }
        guard n > p else {
            throw .insufficientData("a model with \(p) coefficient\(p == 1 ? "" : "s") needs at least \(p + 1) rows (got \(n))")
        }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw .invalidInput("counts cannot be negative") }
        guard counts.contains(where: { $0 > 0 }) else {
            throw .insufficientData("every count is zero: a rate of zero has no finite log-linear model")
        }
        if let exposure {
            guard exposure.count == n else {
                throw .invalidInput("exposure has \(exposure.count) values but there are \(n) counts")
            }
            guard exposure.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw .invalidInput("exposures must be positive finite numbers")
            }
        }
        let y = counts.map(Double.init)
        let offset = exposure?.map { log($0) } ?? Array(repeating: 0, count: n)

        // The fit: Poisson IRLS, then for the negative binomial the alternation with theta.
        var fit = try CountModelFit(y: y, columns: design.columns, names: design.names, offset: offset, theta: nil)
        var theta: (theta: Double, standardError: Double)?
        var iterations = fit.iterations
        if family == .negativeBinomial {
            var current = try NegativeBinomialTheta.estimate(y: y, mu: fit.mu)
            var logLik = NegativeBinomialTheta.logLikelihood(theta: current.theta, y: y, mu: fit.mu)
            var alternation = 0
            while true {
                alternation += 1
                fit = try CountModelFit(y: y, columns: design.columns, names: design.names, offset: offset,
                                       theta: current.theta, startEta: fit.eta)
                iterations += fit.iterations
                let next = try NegativeBinomialTheta.estimate(y: y, mu: fit.mu, start: current.theta)
                let nextLogLik = NegativeBinomialTheta.logLikelihood(theta: next.theta, y: y, mu: fit.mu)
                let thetaChange = abs(next.theta - current.theta) / next.theta
                let logLikChange = abs(nextLogLik - logLik) / (abs(nextLogLik) + 0.1)
                current = next
                logLik = nextLogLik
                if thetaChange <= 1e-12 && logLikChange <= 1e-13 { break }
                guard alternation < CountRegression.maximumThetaIterations else {
                    throw StatsError(.noConvergence, "the negative binomial fit did not converge in \(CountRegression.maximumThetaIterations) "
                        + "alternations of IRLS and theta (relative change in theta \(DecimalText.scientific(thetaChange, digits: 2)))")
                }
            }
            theta = current
        }
        let shape = theta?.theta
        let pearson = CountModelFit.pearsonChiSquare(y: y, mu: fit.mu, theta: shape)
        let df = n - p
        let phi = family == .quasiPoisson ? pearson / Double(df) : 1
        let unscaled = fit.qr.unscaledCovariance()
        let covariance = unscaled.map { row in row.map { ($0 * DoubleDouble(phi)).value } }
        let useT = family == .quasiPoisson
        let quantile = useT ? Distributions.studentTQuantile((1 + level) / 2, df: Double(df))
                            : Distributions.normalQuantile((1 + level) / 2)
        let profileCutoff = Distributions.normalQuantile((1 + level) / 2)

        var coefficients: [Coefficient] = []
        for j in 0..<p {
            let b = fit.coefficients[j]
            let se = covariance[j][j].squareRoot()
            let statistic = b / se
            let pValue = useT ? Distributions.studentTTwoSidedP(statistic, df: Double(df)) : Distributions.normalTwoSidedP(statistic)
            var limits: (Double, Double)?
            if profile {
                let profiler = ProfileLikelihood(y: y, design: design, offset: offset, theta: shape, fit: fit, dispersion: phi)
                limits = try profiler.interval(coefficient: j, stdError: se, cutoff: profileCutoff)
            }
            coefficients.append(Coefficient(term: design.names[j], estimate: b, stdError: se, statistic: statistic, p: pValue,
                                            waldLow: b - quantile * se, waldHigh: b + quantile * se,
                                            profileLow: limits?.0, profileHigh: limits?.1))
        }

        let nullFit = try CountModelFit(y: y, columns: [design.columns[0]], names: [design.names[0]], offset: offset, theta: shape)
        self.family = family
        self.level = level
        self.n = n
        self.coefficients = coefficients
        self.covariance = covariance
        fitted = fit.mu
        deviance = fit.deviance
        nullDeviance = nullFit.deviance
        dfResidual = df
        dfNull = n - 1
        pearsonChiSquare = pearson
        dispersion = phi
        self.iterations = iterations
        statisticName = useT ? "t" : "z"
        self.theta = shape
        thetaStdError = theta?.standardError
        switch (family, shape) {
        case (.negativeBinomial, let shape?):
            dispersionTest = nil
            let l = NegativeBinomialTheta.logLikelihood(theta: shape, y: y, mu: fit.mu)
            logLikelihood = l
            aic = -2 * l + 2 * Double(p + 1)
        case (.poisson, _):
            dispersionTest = try DispersionTest(counts: counts, fitted: fit.mu, dfResidual: df)
            let l = NegativeBinomialTheta.poissonLogLikelihood(y: y, mu: fit.mu)
            logLikelihood = l
            aic = -2 * l + 2 * Double(p)
        default: // quasi-Poisson: no likelihood
            dispersionTest = try DispersionTest(counts: counts, fitted: fit.mu, dfResidual: df)
            logLikelihood = nil
            aic = nil
        }
    }
}
