import TIPText
import Foundation

/// Iteratively reweighted least squares for a log-linear count model,
/// log mu_i = x_i'b + offset_i, with variance V(mu) = mu (Poisson and quasi-Poisson) or
/// mu + mu^2 / theta (negative binomial with theta fixed), as R's `glm.fit`.
///
/// Each iteration solves the weighted least-squares problem for the working response
/// z = eta - offset + (y - mu) / mu with working weights w = mu^2 / V(mu) (= mu / (1 + mu/theta))
/// by a double-double Householder QR (see `HouseholderQR`). R stops when the relative change
/// in deviance |D - D_old| / (|D| + 0.1) falls below 1e-8; since IRLS converges quadratically
/// near the optimum, the last iterate is then good to about 1e-8 relative in the coefficients.
/// Here the bound is 1e-13 (or an exact repeat of the deviance), which leaves the coefficients
/// exact to rounding. Where the deviance rises or overflows (possible only far from the
/// optimum) the step is halved, as glm.fit does for a non-finite deviance.
///
/// The covariance and the standard errors come from the QR of sqrt(W) X at the final fitted
/// values, not (as in R) the weights of the iteration before; at full convergence the two agree.
struct CountModelFit {
    static let tolerance = 1e-13
    static let maximumIterations = 100
    static let maximumHalvings = 30
    /// A zero count whose fitted value is below this fraction of the mean count marks a
    /// coefficient running to minus infinity (R warns "fitted rates numerically 0 occurred").
    static let vanishingFit = 1e-8

    let coefficients: [Double]
    /// Linear predictor including the offset.
    let eta: [Double]
    let mu: [Double]
    let deviance: Double
    let iterations: Int
    /// QR of sqrt(W) X at the final fitted values.
    let qr: HouseholderQR

    /// - Parameters:
    ///   - columns: the design's columns (at least one).
    ///   - theta: the negative binomial shape; nil for the Poisson variance.
    ///   - startEta: a starting linear predictor (with offset); nil for R's start mu = y + 0.1.
    init(y: [Double], columns: [[Double]], names: [String], offset: [Double], theta: Double?,
         startEta: [Double]? = nil) throws(StatsError) {
        let n = y.count
        let p = columns.count
        var eta = startEta ?? y.map { log($0 + 0.1) }
        var mu = eta.map { exp($0) }
        var devOld = CountModelFit.deviance(y: y, mu: mu, theta: theta)
        var beta = Array(repeating: 0.0, count: p)
        var iteration = 0
        var dev = devOld
        while true {
            iteration += 1
            let qr = try CountModelFit.weightedQR(columns: columns, names: names, mu: mu, theta: theta)
            let root = CountModelFit.weights(mu: mu, theta: theta).map { $0.squareRoot() }
            let z = (0..<n).map { i -> DoubleDouble in
                let working: Double = eta[i] - offset[i] + (y[i] - mu[i]) / mu[i]
                return DoubleDouble(working) * DoubleDouble(root[i])
            }
            var step = qr.solve(z).map(\.value)
            var candidate = CountModelFit.linearPredictor(columns: columns, beta: step, offset: offset)
            dev = CountModelFit.deviance(y: y, mu: candidate.map { exp($0) }, theta: theta)
            // Step halving towards the previous estimate (from the second iteration on: the
            // first starts from mu = y + 0.1, which is no estimate and nearly saturated).
            var halvings = 0
            while !dev.isFinite || (iteration > 1 && dev > devOld * (1 + 1e-12) + 1e-300) {
                halvings += 1
                guard halvings <= CountModelFit.maximumHalvings else {
                    throw StatsError(.noConvergence, "the count model diverged: halving the step \(CountModelFit.maximumHalvings) "
                        + "times at iteration \(iteration) did not reduce the deviance")
                }
                step = zip(step, beta).map { ($0 + $1) / 2 }
                candidate = CountModelFit.linearPredictor(columns: columns, beta: step, offset: offset)
                dev = CountModelFit.deviance(y: y, mu: candidate.map { exp($0) }, theta: theta)
            }
            beta = step
            eta = candidate
            mu = eta.map { exp($0) }
            let change = abs(dev - devOld) / (abs(dev) + 0.1)
            if change <= CountModelFit.tolerance { break }
            guard iteration < CountModelFit.maximumIterations else {
                throw StatsError(.noConvergence, "the count model did not converge in \(CountModelFit.maximumIterations) "
                    + "iterations (relative change in deviance \(DecimalText.scientific(change, digits: 2))); a coefficient may run to infinity")
            }
            devOld = dev
        }
        let meanCount = y.reduce(0, +) / Double(n)
        let vanishing = (0..<n).filter { y[$0] == 0 && mu[$0] < CountModelFit.vanishingFit * max(meanCount, 1) }
        guard vanishing.isEmpty else {
            throw .invalidInput("fitted rates run to zero at row\(vanishing.count == 1 ? "" : "s") "
                + vanishing.prefix(10).map { String($0 + 1) }.joined(separator: ", ")
                + (vanishing.count > 10 ? ", ..." : "")
                + " (all zero counts): a coefficient has no finite estimate (a level or range of a predictor with no events)")
        }
        coefficients = beta
        self.eta = eta
        self.mu = mu
        deviance = dev
        iterations = iteration
        qr = try CountModelFit.weightedQR(columns: columns, names: names, mu: mu, theta: theta)
    }

    /// Working weights mu^2 / V(mu).
    static func weights(mu: [Double], theta: Double?) -> [Double] {
        guard let theta else { return mu }
        return mu.map { $0 / (1 + $0 / theta) }
    }

    /// QR of sqrt(W) X, refusing a (numerically) dependent column by name.
    static func weightedQR(columns: [[Double]], names: [String], mu: [Double], theta: Double?) throws(StatsError) -> HouseholderQR {
        let root = weights(mu: mu, theta: theta).map { DoubleDouble($0.squareRoot()) }
        let qr = HouseholderQR(columns: columns.map { column in column.indices.map { DoubleDouble(column[$0]) * root[$0] } })
        try qr.requireFullRank(names: names)
        return qr
    }

    static func linearPredictor(columns: [[Double]], beta: [Double], offset: [Double]) -> [Double] {
        offset.indices.map { i in
            (DoubleDouble.sum(columns.indices.lazy.map { DoubleDouble(columns[$0][i]) * DoubleDouble(beta[$0]) })
                + DoubleDouble(offset[i])).value
        }
    }

    /// Deviance: 2 sum [y log(y/mu) - (y - mu)] (Poisson) or
    /// 2 sum [y log(y/mu) - (y + theta) log((y + theta)/(mu + theta))] (negative binomial),
    /// y log(y/mu) = 0 at y = 0; summed in double-double.
    static func deviance(y: [Double], mu: [Double], theta: Double?) -> Double {
        DoubleDouble.sum(zip(y, mu).map { y, mu in
            let term = y > 0 ? y * log(y / mu) : 0
            guard let theta else { return DoubleDouble(2 * (term - (y - mu))) }
            return DoubleDouble(2 * (term - (y + theta) * log((y + theta) / (mu + theta))))
        }).value
    }

    /// Pearson's X^2 = sum (y - mu)^2 / V(mu) at the given fitted values.
    static func pearsonChiSquare(y: [Double], mu: [Double], theta: Double?) -> Double {
        DoubleDouble.sum(zip(y, mu).map { y, mu in
            DoubleDouble((y - mu) * (y - mu) / (theta.map { mu + mu * mu / $0 } ?? mu))
        }).value
    }
}
