import Foundation

/// The conditional (noncentral hypergeometric) distribution of n_11 in a 2 x 2 table given its
/// margins, with R's `fisher.test` p-values, conditional MLE and exact interval for the odds
/// ratio psi (see ``FisherExactTest``).
struct ConditionalOddsRatio {
    let x: Int
    let low: Int
    let high: Int
    /// log C(m, s) C(n, k - s) / C(m + n, k) for s = low...high (psi = 1).
    let logDensity: [Double]

    init(_ table: ContingencyTable) {
        let m = table.columnTotals[0], n = table.columnTotals[1], k = table.rowTotals[0]
        x = table.counts[0][0]
        low = max(0, k - n)
        high = min(k, m)
        logDensity = (low...high).map { Distributions.hypergeometricLogProbability($0, white: m, black: n, drawn: k) }
    }

    /// P(X = s; psi) for s = low...high, scaled by the largest term before normalising.
    func density(logOddsRatio: Double) -> [Double] {
        let d = logDensity.indices.map { logDensity[$0] + logOddsRatio * Double(low + $0) }
        let top = d.max() ?? 0
        let e = d.map { exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    func mean(logOddsRatio: Double) -> Double {
        zip(low...high, density(logOddsRatio: logOddsRatio)).reduce(0) { $0 + Double($1.0) * $1.1 }
    }

    /// P(X <= x) or P(X >= x).
    func tail(logOddsRatio: Double, upper: Bool) -> Double {
        zip(low...high, density(logOddsRatio: logOddsRatio)).reduce(0) { sum, pair in
            (upper ? pair.0 >= x : pair.0 <= x) ? sum + pair.1 : sum
        }
    }

    func pValue(_ alternative: TestAlternative) -> Double {
        switch alternative {
        case .less: return tail(logOddsRatio: 0, upper: false)
        case .greater: return tail(logOddsRatio: 0, upper: true)
        case .twoSided:
            let d = density(logOddsRatio: 0)
            let observed = d[x - low] * (1 + FisherExactTest.tieTolerance)
            return min(1, d.filter { $0 <= observed }.reduce(0, +))
        }
    }

    /// The psi with E(X; psi) = x; 0 or infinity at the ends of the support.
    func maximumLikelihood() throws(StatsError) -> Double {
        if x == low { return 0 }
        if x == high { return .infinity }
        return try solve(what: "conditional maximum-likelihood odds ratio") { s in mean(logOddsRatio: s) - Double(x) }
    }

    /// The exact interval: psi_L with P(X >= x; psi_L) = a, psi_U with P(X <= x; psi_U) = a,
    /// a = (1 - level)/2 two-sided or 1 - level for the one bound of a one-sided test.
    func interval(alternative: TestAlternative, level: Double) throws(StatsError) -> (Double, Double) {
        let a = alternative == .twoSided ? (1 - level) / 2 : 1 - level
        let lower = alternative == .less || x == low ? 0
            : try solve(what: "lower limit of the odds ratio") { s in tail(logOddsRatio: s, upper: true) - a }
        let upper = alternative == .greater || x == high ? .infinity
            : try solve(what: "upper limit of the odds ratio") { s in a - tail(logOddsRatio: s, upper: false) }
        return (lower, upper)
    }

    /// exp of the root of an increasing function of log psi, bracketed by doubling outwards.
    private func solve(what: String, _ f: (Double) -> Double) throws(StatsError) -> Double {
        var a = -1.0, b = 1.0
        for _ in 0..<12 where f(a) > 0 { a *= 2 }
        for _ in 0..<12 where f(b) < 0 { b *= 2 }
        return exp(try RootFinder.brent(in: a, b, what: what) { s in f(s) })
    }
}
