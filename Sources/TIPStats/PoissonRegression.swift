import Foundation
import TIPText

/// Poisson regression of yearly (or other) counts on time, log(mu_i) = b0 + b1 t_i + log(e_i),
/// with an optional exposure e_i (0.75 for January to September) entering as an offset: R's
/// `glm(count ~ time, family = poisson, offset = log(exposure))` and its `summary`.
///
/// The fit is iteratively reweighted least squares exactly as R's `glm.fit`: start at
/// mu = y + 0.1, solve the weighted least-squares problem for the working response
/// z = eta - offset + (y - mu) / mu with weights mu, stop when
/// |dev - dev_old| / (|dev| + 0.1) < 1e-8, at most 25 iterations. Each solve is a double-double
/// Householder QR (see `HouseholderQR`). As in R's `summary.glm`, the covariance and the Pearson
/// statistic use the working weights of the final iteration; this matters at the 1e-8 level
/// (the convergence tolerance) and keeps every figure within 1e-10 of R.
///
/// Reported: Wald coefficients (z tests, estimate +- z_{(1+level)/2} se as `confint.default`),
/// the rate ratio per unit of time exp(b1) with its interval, deviance and null deviance (the
/// intercept-only model with the same offset, mu_i = e_i sum y / sum e), the Pearson
/// chi-square X^2 = sum w_i ((y_i - mu_i) / mu_i)^2, the dispersion X^2 / df_residual and the
/// overdispersion p-value P(chi-square_df >= X^2). Counts of children and cases are usually
/// more variable than Poisson; when the dispersion exceeds 1 the quasi-Poisson correction is
/// given as R's `quasipoisson` summary computes it: standard errors times sqrt(dispersion),
/// t tests on df_residual, t-based intervals.
///
/// ```swift
/// let fit = try PoissonRegression(counts: [4, 30, 31, 13, 94, 133, 151],
///                                 time: [2008, 2009, 2010, 2011, 2014, 2015, 2016],
///                                 exposure: [1, 1, 1, 1, 1, 1, 0.75])
/// fit.rateRatio.estimate  // 1.4339...: 43% more referrals a year
/// fit.dispersion          // 6.52...: overdispersed
/// fit.quasiPoisson?.rateRatio.ciLow // 1.2434...
/// ```
public struct PoissonRegression: Sendable, Hashable, Codable {
    public struct Coefficient: Sendable, Hashable, Codable {
        public let term: String
        public let estimate: Double
        public let stdError: Double
        /// z (Poisson) or t (quasi-Poisson) statistic.
        public let statistic: Double
        public let p: Double
        public let ciLow: Double
        public let ciHigh: Double
    }

    /// exp(b1): the factor by which the expected count changes per unit of time.
    public struct RateRatio: Sendable, Hashable, Codable {
        public let estimate: Double
        public let ciLow: Double
        public let ciHigh: Double
        /// 100 (estimate - 1): the percentage change per unit of time, and its interval.
        public let percentChange: Double
        public let percentChangeLow: Double
        public let percentChangeHigh: Double
    }

    /// The quasi-Poisson summary: same estimates, standard errors scaled by sqrt(dispersion).
    public struct QuasiPoisson: Sendable, Hashable, Codable {
        public let dispersion: Double
        public let coefficients: [Coefficient]
        public let rateRatio: RateRatio
    }

    public let n: Int
    public let level: Double
    public let iterations: Int
    public let coefficients: [Coefficient]
    public let rateRatio: RateRatio
    public let deviance: Double
    public let nullDeviance: Double
    public let dfResidual: Int
    public let dfNull: Int
    public let pearsonChiSquare: Double
    /// pearsonChiSquare / dfResidual.
    public let dispersion: Double
    /// P(chi-square on dfResidual >= pearsonChiSquare): small values mean overdispersion.
    public let overdispersionP: Double
    /// Present when the dispersion exceeds 1; then its intervals are the ones to report.
    public let quasiPoisson: QuasiPoisson?
    public let notes: [String]

    /// R's `glm.control()` defaults.
    static let tolerance = 1e-8
    static let maximumIterations = 25

    /// - Parameters:
    ///   - counts: non-negative counts, one per period.
    ///   - time: the period's time (a year, or years since a base year).
    ///   - exposure: the length of each period (1 for a full year); nil for equal exposure.
    ///   - timeName: the name of the time term in the coefficient table.
    /// - Throws: ``StatsError`` for mismatched lengths, negative counts, non-positive exposure,
    ///   fewer than 3 periods, all counts zero, constant time, fitted rates that run to zero (no
    ///   finite estimate) or no convergence in 25 iterations.
    public init(counts: [Int], time: [Double], exposure: [Double]? = nil, level: Double = 0.95,
                timeName: String = "time") throws(StatsError) {
        try StatsError.checkLevel(level)
        let n = counts.count
        guard time.count == n, exposure.map({ $0.count == n }) ?? true else {
            throw .invalidInput("counts, time and exposure must have the same length "
                + "(got \(n), \(time.count) and \(exposure?.count ?? n))")
        }
        guard n >= 3 else {
            throw .insufficientData("a Poisson trend needs at least 3 periods to estimate its dispersion (got \(n))")
        }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw .invalidInput("counts cannot be negative") }
        for (i, t) in time.enumerated() { try StatsError.checkFinite(t, "time value \(i + 1)") }
        let exposure = exposure ?? Array(repeating: 1, count: n)
        guard exposure.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw .invalidInput("exposures must be positive finite numbers")
        }
        guard counts.contains(where: { $0 > 0 }) else {
            throw .insufficientData("every count is zero: a Poisson rate of zero has no finite log-linear trend")
        }
        guard time.contains(where: { $0 != time[0] }) else {
            throw StatsError(.singularDesign, "'\(timeName)' is constant (every value is \(time[0])), so there is no trend to estimate")
        }

        let y = counts.map(Double.init)
        let offset = exposure.map { log($0) }
        let names = [LinearRegression.interceptName, timeName]
        let design = [Array(repeating: 1.0, count: n), time]

        func devianceAt(_ mu: [Double]) -> Double {
            DoubleDouble.sum(zip(y, mu).map { y, mu in
                DoubleDouble(y > 0 ? 2 * (y * log(y / mu) - (y - mu)) : 2 * mu)
            }).value
        }

        // IRLS, glm.fit step for step.
        var mu = y.map { $0 + 0.1 }
        var eta = mu.map { log($0) }
        var devOld = devianceAt(mu)
        var beta: [Double]
        var qr: HouseholderQR
        var weights: [Double]
        var iteration = 0
        var dev: Double
        repeat {
            iteration += 1
            weights = mu
            let root = weights.map { $0.squareRoot() }
            let z = (0..<n).map { i in eta[i] - offset[i] + (y[i] - mu[i]) / mu[i] }
            qr = HouseholderQR(columns: design.map { column in
                (0..<n).map { DoubleDouble(column[$0]) * DoubleDouble(root[$0]) }
            })
            try qr.requireFullRank(names: names)
            beta = qr.solve((0..<n).map { DoubleDouble(z[$0]) * DoubleDouble(root[$0]) }).map(\.value)
            eta = (0..<n).map { i in beta[0] + beta[1] * time[i] + offset[i] }
            mu = eta.map { exp($0) }
            dev = devianceAt(mu)
            guard dev.isFinite else {
                throw StatsError(.noConvergence, "Poisson regression diverged: the deviance is not finite at iteration \(iteration)")
            }
            if abs(dev - devOld) / (abs(dev) + 0.1) < PoissonRegression.tolerance { break }
            guard iteration < PoissonRegression.maximumIterations else {
                throw StatsError(.noConvergence, "Poisson regression did not converge in \(PoissonRegression.maximumIterations) "
                    + "iterations (relative change in deviance \(DecimalText.scientific(abs(dev - devOld) / (abs(dev) + 0.1), digits: 2)))")
            }
            devOld = dev
        } while true

        // glm.fit's warning "fitted rates numerically 0 occurred": the likelihood keeps rising as
        // a fitted rate goes to zero, so the estimates are not finite.
        guard mu.allSatisfy({ $0 >= 10 * Double.ulpOfOne }) else {
            throw .invalidInput("fitted rates run to zero (the counts are zero at one end of the series "
                + "and positive only at the other): the Poisson trend has no finite estimate")
        }

        self.n = n
        self.level = level
        iterations = iteration
        self.deviance = dev
        dfResidual = n - 2
        dfNull = n - 1
        let rate = Double(counts.reduce(0, +)) / exposure.reduce(0, +)
        nullDeviance = devianceAt(exposure.map { $0 * rate })
        // summary.glm: working weights of the last iteration times squared working residuals.
        pearsonChiSquare = DoubleDouble.sum((0..<n).map { i in
            let r = (y[i] - mu[i]) / mu[i]
            return DoubleDouble(weights[i] * r * r)
        }).value
        dispersion = pearsonChiSquare / Double(dfResidual)
        overdispersionP = Distributions.chiSquareUpperTail(pearsonChiSquare, df: Double(dfResidual))

        // The coefficient table for standard errors scaled by `scale`, with the reference
        // distribution's quantile and two-sided p-value (normal for Poisson, t for quasi-Poisson).
        let unscaled = qr.unscaledVariances().map { $0.squareRoot().value }
        func table(scale: Double, quantile: Double, twoSidedP: (Double) -> Double) -> [Coefficient] {
            (0..<2).map { j in
                let se = unscaled[j] * scale
                return Coefficient(term: names[j], estimate: beta[j], stdError: se, statistic: beta[j] / se,
                                   p: twoSidedP(beta[j] / se), ciLow: beta[j] - quantile * se, ciHigh: beta[j] + quantile * se)
            }
        }
        coefficients = table(scale: 1, quantile: Distributions.normalQuantile((1 + level) / 2),
                             twoSidedP: Distributions.normalTwoSidedP)
        rateRatio = RateRatio(coefficients[1])

        if dispersion > 1 {
            let df = Double(dfResidual)
            let scale = dispersion.squareRoot()
            let adjusted = table(scale: scale, quantile: Distributions.studentTQuantile((1 + level) / 2, df: df),
                                 twoSidedP: { Distributions.studentTTwoSidedP($0, df: df) })
            quasiPoisson = QuasiPoisson(dispersion: dispersion, coefficients: adjusted, rateRatio: RateRatio(adjusted[1]))
            notes = ["overdispersed: Pearson chi-square \(DecimalText.format(pearsonChiSquare, decimals: 2)) on "
                + "\(dfResidual) df (dispersion \(DecimalText.format(dispersion, decimals: 2)), "
                + "\(DecimalText.pValue(overdispersionP))); report the quasi-Poisson intervals, whose standard "
                + "errors are \(DecimalText.format(scale, decimals: 2)) times the Poisson ones"]
        } else {
            quasiPoisson = nil
            notes = ["no overdispersion: dispersion \(DecimalText.format(dispersion, decimals: 2)) <= 1, "
                + "so the Poisson standard errors stand"]
        }
    }
}

extension PoissonRegression.RateRatio {
    /// exp of a log-scale coefficient and its interval.
    init(_ c: PoissonRegression.Coefficient) {
        estimate = exp(c.estimate)
        ciLow = exp(c.ciLow)
        ciHigh = exp(c.ciHigh)
        percentChange = 100 * (estimate - 1)
        percentChangeLow = 100 * (ciLow - 1)
        percentChangeHigh = 100 * (ciHigh - 1)
    }
}
