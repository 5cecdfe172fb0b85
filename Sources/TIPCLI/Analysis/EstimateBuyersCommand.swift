import ArgumentParser
import TIPAnalysis

/// `tipstat estimate buyers`: the report's buyer extrapolation with every factor explicit.
struct EstimateBuyersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buyers",
        abstract: "The buyer-demand extrapolation: transactions = children x buyers per child per day x days.",
        discussion: """
        transactions = children x buyers per child per day x days, and unique buyers = \
        transactions / visits per buyer. The report multiplies 456 children by 1 buyer a day \
        for 182 days and calls the 82,992 transactions "more than 80,000 buyers"; that holds \
        only if no buyer returns (visits per buyer 1, the default, stated as an assumption).

        Factors come from --data (a demand dataset such as Datasets/demand-model.csv, with \
        their sources) and/or the options, which win. --sensitivity adds the one-at-a-time \
        table: each factor with a --range set to its low and high value, the others at base, \
        sorted by swing (a tornado chart). --vary gives a factor a distribution (uniform, \
        triangular, lognormal, fixed) for a Monte Carlo propagation in the manner of GUM \
        Supplement 1: --simulations draws from a xoshiro256** stream seeded by --seed (or a \
        fresh seed, printed, so the run can be repeated exactly); the interval is from the \
        percentiles of the draws.

        Output keys: transactions, unique_buyers, arithmetic, stated_result (when the data \
        states one), assumptions[{factor, value, unit, low, high, distribution, source}], \
        sensitivity[{factor, unit, base, low, high, transactions_at_low, transactions_at_high, \
        unique_buyers_at_low, unique_buyers_at_high, swing}], simulation{median, p2_5, p97_5, \
        mean (of unique buyers), transactions{...}, seed, draws, level, distributions[]}. The \
        percentile keys follow --level (0.9 gives p5 and p95).

        Example:
          tipstat estimate buyers --children 456 --buyers-per-day 1 --days 182
          tipstat estimate buyers --data Datasets/demand-model.csv --sensitivity --range days=30,365 --range visits_per_buyer=1,10
          tipstat estimate buyers --data Datasets/demand-model.csv --vary days=uniform(30,365) --vary visits=triangular(1,2,10) --seed 2016 --format json
        """)

    @OptionGroup var demand: DemandOptions

    @Flag(help: "Add the one-at-a-time sensitivity table over the --range values.")
    var sensitivity = false

    @OptionGroup var result: ResultOptions

    func validate() throws {
        _ = try request()
    }

    func run() throws {
        try result.emit(analysis(request().run), inputs: demand.data.map { [$0] } ?? [])
    }

    func request() throws -> BuyerEstimateRequest {
        let demand = try demand.request()
        return try usage { () throws(AnalysisError) in try BuyerEstimateRequest(demand, sensitivity: sensitivity) }
    }
}
