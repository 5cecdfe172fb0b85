import Foundation

/// The profile-likelihood interval of one coefficient of a log-linear count model.
///
/// With b_j held at b, the other coefficients are refitted (b_j x_j joins the offset) and the
/// signed root deviance tau(b) = sign(b - b_hat) sqrt((D_j(b) - D_hat) / phi) is computed, as in
/// MASS's `profile.glm`. The limits are the b where tau(b) = -+ cutoff. tau is monotone in b
/// (the profile deviance is convex for the Poisson log link), so each limit is bracketed by
/// stepping out from b_hat in steps of one standard error, doubled each time (at most
/// `maximumDoublings`; beyond that the limit is reported as infinite: the likelihood never
/// drops by the cutoff, as for a rate that may be zero), then found by Brent's method.
/// Each refit starts from the previous one's linear predictor.
struct ProfileLikelihood {
    static let maximumDoublings = 40

    let y: [Double]
    let design: DesignMatrix
    let offset: [Double]
    let theta: Double?
    let fit: CountModelFit
    let dispersion: Double

    func interval(coefficient j: Int, stdError: Double, cutoff: Double) throws(StatsError) -> (Double, Double) {
        let estimate = fit.coefficients[j]
        let others = design.columns.indices.filter { $0 != j }
        let columns = others.map { design.columns[$0] }
        let names = others.map { design.names[$0] }
        let xj = design.columns[j]
        var start = fit.eta

        // tau(b) - target, refitting the other coefficients with b x_j in the offset.
        func tau(_ b: Double) throws(StatsError) -> Double {
            let shifted = offset.indices.map { (DoubleDouble(offset[$0]) + DoubleDouble(xj[$0]) * DoubleDouble(b)).value }
            let deviance: Double
            if columns.isEmpty {
                deviance = CountModelFit.deviance(y: y, mu: shifted.map { exp($0) }, theta: theta)
            } else {
                let refit = try CountModelFit(y: y, columns: columns, names: names, offset: shifted, theta: theta, startEta: start)
                start = refit.eta
                deviance = refit.deviance
            }
            let drop = max(deviance - fit.deviance, 0) / dispersion
            return (b < estimate ? -1 : 1) * drop.squareRoot()
        }

        func limit(direction: Double) throws(StatsError) -> Double {
            start = fit.eta
            let target = direction * cutoff
            var inner = estimate
            var step = stdError
            for _ in 0..<ProfileLikelihood.maximumDoublings {
                let outer = estimate + direction * step
                let value: Double
                do {
                    value = try tau(outer)
                } catch where error.kind == .invalidInput {
                    // Fitted rates ran to zero this far out: the limit lies inside.
                    return try RootFinder.brent(in: inner, (inner + outer) / 2, what: "profile limit") { b throws(StatsError) in try tau(b) - target }
                }
                if direction * value >= cutoff {
                    return try RootFinder.brent(in: inner, outer, what: "profile limit") { b throws(StatsError) in try tau(b) - target }
                }
                inner = outer
                step *= 2
            }
            return direction * .infinity
        }
        return (try limit(direction: -1), try limit(direction: 1))
    }
}
