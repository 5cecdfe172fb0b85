import TIPText
import TIPTable
import TIPStats
import TIPDomain

/// The report's buyer extrapolation with every factor explicit: transactions = children x
/// buyers per child per day x days, and unique buyers = transactions / visits per buyer.
/// What `tipstat estimate buyers` computes: the point estimate exactly as the report does,
/// what the data says it amounts to, each factor with its source, and on request the
/// one-at-a-time sensitivity table and a seeded Monte Carlo in the manner of GUM Supplement 1.
///
/// ```swift
/// let demand = try DemandRequest(data: .path("Datasets/demand-model.csv"), ranges: [.init(factor: "days", low: 30, high: 365)])
/// let result = try BuyerEstimateRequest(demand, sensitivity: true).run().result
/// result.number("transactions")   // 82992
/// ```
public struct BuyerEstimateRequest: Sendable {
    public let demand: DemandRequest
    /// Whether to add the one-at-a-time sensitivity table over the ranges.
    public let sensitivity: Bool

    /// - Throws: ``AnalysisError`` when the sensitivity table is asked for without a range.
    public init(_ demand: DemandRequest, sensitivity: Bool = false) throws(AnalysisError) {
        if sensitivity && demand.ranges.isEmpty {
            throw AnalysisError(argument: "sensitivity") { name in
                "\(name("sensitivity")) needs a plausible range for at least one factor: give \(name("range")) name=low,high, "
                    + "e.g. \(name("range")) days=30,365"
            }
        }
        self.demand = demand
        self.sensitivity = sensitivity
    }

    public func run() throws(AnalysisError) -> AnalysisOutcome {
        let resolved = try demand.resolve()
        let model = resolved.model
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
                + "\(DecimalText.grouped(Int(estimate.transactions.rounded()))) transactions are "
                + "\(DecimalText.grouped(Int(estimate.uniqueBuyers.rounded()))) buyers."),
        ]
        if let stated = resolved.stated?.statedResult {
            fields.insert(.init("stated_result", .object([
                .init("value", .number(stated.value, .input)),
                .init("qualifier", stated.provenance.qualifier.map(AnalysisResult.Value.text) ?? .null),
                .init("unit", stated.unit.map(AnalysisResult.Value.text) ?? .null),
                .init("source", .text(stated.sourceText)),
            ])), at: 3)
        }
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
            let (lowKey, highKey) = BuyerEstimateRequest.percentileKeys(sim.level)
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
        return AnalysisOutcome(AnalysisResult(title: "Buyer-demand estimate", fields: fields, notes: notes), problems: resolved.problems)
    }

    /// `p2_5` and `p97_5` for a 95% level: the percentiles the interval is read from.
    static func percentileKeys(_ level: Double) -> (String, String) {
        func key(_ p: Double) -> String { "p" + formatNumber((p * 1e6).rounded() / 1e4).replacing(".", with: "_") }
        return (key((1 - level) / 2), key((1 + level) / 2))
    }
}
