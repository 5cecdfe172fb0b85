/// A rate per `per` people (100,000 by default): count / population x per, with the exact
/// (Garwood) Poisson interval of ``PoissonInterval`` scaled the same way, R's
/// `poisson.test(count, population)$conf.int * per`.
///
/// Assumption: the count is a Poisson count over a known population (its person-time); the
/// interval is exact in the sense of covering at least `level` for every true rate, which
/// counts of 0 to 60 need. A population measured with error, or counts that vary more than
/// Poisson counts (see ``DispersionTest``), make it too narrow.
///
/// ```swift
/// let r = try PopulationRate(count: 41, population: 3_574_097) // Connecticut's 2010 census
/// r.rate  // 1.147 per 100,000
/// r.lower // 0.823
/// ```
public struct PopulationRate: Sendable, Hashable {
    public let count: Int
    public let population: Double
    public let per: Double
    public let level: Double
    public let rate: Double
    public let lower: Double
    public let upper: Double

    /// - Throws: ``StatsError`` for a negative count, a population or `per` that is not
    ///   positive and finite, or a bad level.
    public init(count: Int, population: Double, per: Double = 100_000, level: Double = 0.95) throws(StatsError) {
        guard per > 0, per.isFinite else { throw .invalidInput("the rate's base must be a positive finite number (got \(per))") }
        guard population > 0, population.isFinite else {
            throw .invalidInput("population must be a positive finite number (got \(population))")
        }
        let interval = try PoissonInterval(count: count, exposure: population, level: level)
        self.count = count
        self.population = population
        self.per = per
        self.level = level
        rate = interval.estimate * per
        lower = interval.lower * per
        upper = interval.upper * per
    }
}
