import Foundation

/// Maximum-likelihood estimation of the negative binomial shape theta for fixed means, as
/// `MASS::theta.ml`, and the negative binomial and Poisson log-likelihoods.
///
/// With Var(y) = mu + mu^2 / theta the log-likelihood of theta is
/// l(theta) = sum [lgamma(theta + y) - lgamma(theta) - lgamma(y + 1) + theta log theta
///                 + y log mu - (theta + y) log(theta + mu)],
/// its score s(theta) = sum [psi(theta + y) - psi(theta) + log theta + 1 - log(theta + mu)
///                           - (y + theta) / (mu + theta)]
/// and its observed information i(theta) = sum [-psi'(theta + y) + psi'(theta) - 1/theta
///                                              + 2 / (mu + theta) - (y + theta) / (mu + theta)^2].
/// Newton's method from the moment estimate n / sum (y/mu - 1)^2, as MASS, but to a relative
/// step of 1e-14 rather than MASS's absolute 1.2e-4; the standard error is 1 / sqrt(i(theta)).
enum NegativeBinomialTheta {
    static let maximumIterations = 100
    static let tolerance = 1e-14
    /// Beyond this the likelihood is flat in theta: the data show no extra-Poisson variation
    /// and the negative binomial has degenerated to the Poisson.
    static let poissonLimit = 1e10

    static func score(_ theta: Double, y: [Double], mu: [Double]) -> Double {
        DoubleDouble.sum(zip(y, mu).map { y, mu in
            DoubleDouble(Distributions.digammaFunction(theta + y) - Distributions.digammaFunction(theta) + log(theta) + 1
                         - log(theta + mu) - (y + theta) / (mu + theta))
        }).value
    }

    static func information(_ theta: Double, y: [Double], mu: [Double]) -> Double {
        DoubleDouble.sum(zip(y, mu).map { y, mu in
            DoubleDouble(-Distributions.trigammaFunction(theta + y) + Distributions.trigammaFunction(theta) - 1 / theta
                         + 2 / (mu + theta) - (y + theta) / ((mu + theta) * (mu + theta)))
        }).value
    }

    /// The maximum-likelihood theta for the means `mu`, starting from `start` (the moment
    /// estimate when nil), and its standard error.
    /// - Throws: ``StatsError`` `.noConvergence` when Newton's method does not settle, and
    ///   `.invalidInput` when theta runs to infinity (no overdispersion).
    static func estimate(y: [Double], mu: [Double], start: Double? = nil) throws(StatsError) -> (theta: Double, standardError: Double) {
        let moment = Double(y.count) / DoubleDouble.sum(zip(y, mu).map { y, mu in DoubleDouble((y / mu - 1) * (y / mu - 1)) }).value
        var theta = start ?? moment
        for _ in 0..<maximumIterations {
            theta = abs(theta)
            guard theta.isFinite, theta < poissonLimit else { throw noOverdispersion }
            let step = score(theta, y: y, mu: mu) / information(theta, y: y, mu: mu)
            let next = theta + step
            if abs(step) <= tolerance * abs(next) || next == theta {
                guard next < poissonLimit else { throw noOverdispersion }
                return (next, 1 / information(next, y: y, mu: mu).squareRoot())
            }
            theta = next
        }
        throw StatsError(.noConvergence, "the negative binomial theta did not converge in \(maximumIterations) Newton steps")
    }

    static let noOverdispersion = StatsError(.invalidInput, "the negative binomial theta runs to infinity: the counts vary no more "
        + "than Poisson counts do, so the negative binomial reduces to the Poisson model; fit the Poisson model")

    /// The negative binomial log-likelihood (MASS's `loglik` in glm.nb).
    static func logLikelihood(theta: Double, y: [Double], mu: [Double]) -> Double {
        DoubleDouble.sum(zip(y, mu).map { y, mu in
            DoubleDouble(Distributions.logGamma(theta + y) - Distributions.logGamma(theta) - Distributions.logGamma(y + 1)
                         + theta * log(theta) + (y > 0 ? y * log(mu) : 0) - (theta + y) * log(theta + mu))
        }).value
    }

    /// The Poisson log-likelihood sum [y log mu - mu - lgamma(y + 1)].
    static func poissonLogLikelihood(y: [Double], mu: [Double]) -> Double {
        DoubleDouble.sum(zip(y, mu).map { y, mu in
            DoubleDouble((y > 0 ? y * log(mu) : 0) - mu - Distributions.logGamma(y + 1))
        }).value
    }
}
