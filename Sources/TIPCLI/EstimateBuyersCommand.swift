import ArgumentParser
import TIPDomain
import TIPTable
import TIPStats

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
        if sensitivity && demand.ranges.isEmpty {
            throw ValidationError("--sensitivity needs a plausible range for at least one factor: give --range name=low,high, e.g. --range days=30,365")
        }
    }

    func run() throws {
        let model = try demand.model()
        let estimate = model.pointEstimate()
        var fields: [AnalysisResult.Field] = [
            .init("transactions", .number(estimate.transactions, .statistic)),
            .init("unique_buyers", .number(estimate.uniqueBuyers, .statistic)),
            .init("arithmetic", .text(estimate.statement)),
            .init("assumptions", .records(model.factors.map { f in [
                .init("factor", .text(f.name)),
                .init("value", f.name == "children" && f.value == f.value.rounded() ? .count(Int(f.value)) : .number(f.value, .input)),
                .init("unit", .text(f.unit)),
                .init("low", .number(f.low, .input)),
                .init("high", .number(f.high, .input)),
                .init("distribution", f.distribution.map { .text($0.description) } ?? .null),
                // Last, so that the long quotation wraps in a narrow table.
                .init("source", .text(f.source)),
            ] })),
        ]
        var notes: [AnalysisResult.Note] = [
            .init(.caution, "Transactions are not unique buyers: they are the same only if no buyer returns (visits_per_buyer = 1). "
                + "With \(formatNumber(model.visitsPerBuyer.value)) transaction\(model.visitsPerBuyer.value == 1 ? "" : "s") per buyer, "
                + "\(groupThousands(Int(estimate.transactions.rounded()))) transactions are \(groupThousands(Int(estimate.uniqueBuyers.rounded()))) buyers."),
        ]
        if let path = demand.data, let stated = try statedResult(path) { fields.insert(stated, at: 3) }
        if sensitivity {
            fields.append(.init("sensitivity", .records(model.sensitivity().map { r in [
                .init("factor", .text(r.factor)),
                .init("unit", .text(r.unit)),
                .init("base", .number(r.base, .input)),
                .init("low", .number(r.low, .input)),
                .init("high", .number(r.high, .input)),
                .init("transactions_at_low", .number(r.transactionsAtLow, .statistic)),
                .init("transactions_at_high", .number(r.transactionsAtHigh, .statistic)),
                .init("unique_buyers_at_low", .number(r.uniqueBuyersAtLow, .statistic)),
                .init("unique_buyers_at_high", .number(r.uniqueBuyersAtHigh, .statistic)),
                .init("swing", .number(r.swing, .statistic)),
            ] })))
            notes.append(.init(.note, "Sensitivity: one factor at a time at its low and high value, the others at base; rows sorted by swing in unique buyers."))
        }
        if let sim = try demand.simulation(of: model) {
            let (lowKey, highKey) = percentileKeys(sim.level)
            func summary(_ s: DemandSimulation.Summary) -> [AnalysisResult.Field] {
                [.init("median", .number(s.median, .statistic)), .init(lowKey, .number(s.lower, .statistic)),
                 .init(highKey, .number(s.upper, .statistic)), .init("mean", .number(s.mean, .statistic))]
            }
            fields.append(.init("simulation", .object(summary(sim.uniqueBuyers) + [
                .init("transactions", .object(summary(sim.transactions))),
                .init("seed", .text(String(sim.seed))),
                .init("draws", .integer(sim.draws)),
                .init("level", .number(sim.level, .input)),
                .init("distributions", .list(sim.distributions.map(AnalysisResult.Value.text))),
            ])))
            notes.append(.init(.note, "Monte Carlo (GUM Supplement 1): \(sim.draws) draws of every factor from its distribution; "
                + "the median and the \(formatNumber(100 * sim.level))% interval (\(lowKey), \(highKey)) are percentiles of the unique-buyer draws. "
                + "Seed \(sim.seed)\(demand.seed == nil ? " (drawn afresh)" : ""): rerun with --seed \(sim.seed) for the same figures."))
        }
        try result.emit(AnalysisResult(title: "Buyer-demand estimate", fields: fields, notes: notes), inputs: demand.data.map { [$0] } ?? [])
    }

    /// `p2_5` and `p97_5` for a 95% level: the percentiles the interval is read from.
    func percentileKeys(_ level: Double) -> (String, String) {
        func key(_ p: Double) -> String { "p" + formatNumber((p * 1e6).rounded() / 1e4).replacing(".", with: "_") }
        return (key((1 - level) / 2), key((1 + level) / 2))
    }

    /// What the data says the factors amount to ("more than 80,000 buyers"), beside the product.
    func statedResult(_ path: String) throws -> AnalysisResult.Field? {
        let dataset = TIPDomain.Dataset.load(.file(Console.current.resolve(path), name: path))
        guard let entry = TIPDomain.CouncilData(datasets: [dataset]).demand?.statedResult else { return nil }
        return .init("stated_result", .object([
            .init("value", .number(entry.value, .input)),
            .init("qualifier", entry.provenance.qualifier.map(AnalysisResult.Value.text) ?? .null),
            .init("unit", entry.unit.map(AnalysisResult.Value.text) ?? .null),
            .init("source", .text(entry.sourceText)),
        ]))
    }
}
