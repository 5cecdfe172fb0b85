import TIPStats

/// A seeded Monte Carlo propagation of a ``DemandModel``'s factor distributions, in the manner
/// of the GUM Supplement 1 (JCGM 101:2008): draw every factor from its distribution, evaluate
/// the model, repeat, and read the output's distribution from the draws.
///
/// Each draw takes exactly one uniform from a ``Xoshiro256StarStar`` stream per factor, in the
/// order of `DemandModel.factors`, fixed factors included, and maps it through the factor's
/// inverse CDF (the lognormal through Rmath's qnorm). The stream is therefore the same whatever
/// the distributions: changing one factor's distribution leaves the others' draws unchanged
/// (common random numbers), and the same seed and draws reproduce the same figures on every run.
/// The coverage interval is the probabilistically symmetric one of GUM S1, from the
/// (1 - level)/2 and (1 + level)/2 percentiles (R type 7) of the sorted draws; the mean is
/// accumulated in double-double.
///
/// The draws themselves are kept for a histogram but are not encoded; the type is `Encodable`
/// only, since a decoded simulation would lack them.
///
/// ```swift
/// let sim = try model.settingDistributions(["days=uniform(90,365)"]).simulate(draws: 10_000, seed: 1)
/// sim.uniqueBuyers.median
/// sim.uniqueBuyers.lower // 2.5% percentile
/// ```
public struct DemandSimulation: Sendable, Hashable, Encodable {
    /// Summary of one output's draws.
    public struct Summary: Sendable, Hashable, Codable {
        public let mean: Double
        public let median: Double
        /// The (1 - level)/2 percentile.
        public let lower: Double
        /// The (1 + level)/2 percentile.
        public let upper: Double

        init(_ draws: [Double], level: Double) {
            let sorted = draws.sorted()
            mean = (DoubleDouble.sum(draws.map { DoubleDouble($0) }) / DoubleDouble(draws.count)).value
            median = Quantile.type7(sorted: sorted, probability: 0.5)
            lower = Quantile.type7(sorted: sorted, probability: (1 - level) / 2)
            upper = Quantile.type7(sorted: sorted, probability: (1 + level) / 2)
        }
    }

    public let seed: UInt64
    public let draws: Int
    public let level: Double
    public let transactions: Summary
    public let uniqueBuyers: Summary
    /// Each factor's distribution as used, in the order of the draws, as `name=distribution`
    /// text (`fixed(v)` for a factor without one): the run can be repeated from it and the seed.
    public let distributions: [String]
    /// Every draw of transactions, in order (not encoded).
    public let transactionDraws: [Double]
    /// Every draw of unique buyers, in order (not encoded).
    public let uniqueBuyerDraws: [Double]

    private enum CodingKeys: String, CodingKey {
        case seed, draws, level, transactions, uniqueBuyers, distributions
    }

    /// Runs the simulation.
    ///
    /// - Throws: ``StatsError`` for fewer than 2 draws or a bad level.
    public init(model: DemandModel, draws: Int, seed: UInt64, level: Double = 0.95) throws(StatsError) {
        guard draws >= 2 else { throw .invalidInput("a Monte Carlo needs at least 2 draws (got \(draws))") }
        try StatsError.checkLevel(level)
        let distributions = model.factors.map { $0.distribution ?? .fixed($0.value) }
        var generator = Xoshiro256StarStar(seed: seed)
        var transactionDraws: [Double] = []
        var uniqueBuyerDraws: [Double] = []
        transactionDraws.reserveCapacity(draws)
        uniqueBuyerDraws.reserveCapacity(draws)
        var values = Array(repeating: 0.0, count: distributions.count)
        for _ in 0..<draws {
            for (i, d) in distributions.enumerated() { values[i] = d.quantile(generator.nextUniform()) }
            let out = DemandModel.evaluate(values)
            transactionDraws.append(out.transactions)
            uniqueBuyerDraws.append(out.uniqueBuyers)
        }
        self.seed = seed
        self.draws = draws
        self.level = level
        self.distributions = zip(model.factors, distributions).map { "\($0.name)=\($1)" }
        transactions = Summary(transactionDraws, level: level)
        uniqueBuyers = Summary(uniqueBuyerDraws, level: level)
        self.transactionDraws = transactionDraws
        self.uniqueBuyerDraws = uniqueBuyerDraws
    }
}
