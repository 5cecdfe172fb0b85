import TIPText
import TIPStats

/// The buyer-demand extrapolation of the council's 2016 report, with every factor explicit:
///
///     transactions  = children x buyers per child per day x days
///     unique buyers = transactions / visits per buyer
///
/// The report multiplies 456 referred children by one buyer a day for half a year (182 days)
/// and calls the product, 82,992, "more than 80,000 buyers". That product counts transactions;
/// it equals the number of distinct buyers only if no buyer returns, so the model carries
/// visits per buyer as a factor, default 1 with that assumption stated.
///
/// Three views of the uncertainty: the point estimate exactly as the report computes it
/// (``pointEstimate()``), a one-at-a-time sensitivity table for a tornado chart
/// (``sensitivity()``), and a seeded Monte Carlo propagation of the factors' distributions
/// (``simulate(draws:seed:level:)``).
///
/// ```swift
/// let model = try DemandModel(
///     children: DemandFactor(name: "children", value: 456, unit: "children", source: "DCF referrals 2013-2016"),
///     buyersPerDay: DemandFactor(name: "buyers_per_day", value: 1, unit: "buyers per child per day",
///                                source: "assumption (report)"),
///     days: DemandFactor(name: "days", value: 182, unit: "days", source: "assumption: half a year (report)"))
/// model.pointEstimate().transactions // 82992
/// ```
public struct DemandModel: Sendable, Hashable, Codable {
    /// The model's value at one setting of the factors.
    public struct Estimate: Sendable, Hashable, Codable {
        public let transactions: Double
        public let uniqueBuyers: Double
        /// The arithmetic in words: "456 children x 1 buyer per child per day x 182 days = ...".
        public let statement: String
    }

    /// One row of the tornado chart: the outputs with one factor at its low and high values and
    /// the others at their base values.
    public struct SensitivityRow: Sendable, Hashable, Codable {
        public let factor: String
        public let unit: String
        public let base: Double
        public let low: Double
        public let high: Double
        public let transactionsAtLow: Double
        public let transactionsAtHigh: Double
        public let uniqueBuyersAtLow: Double
        public let uniqueBuyersAtHigh: Double
        /// |unique buyers at high - unique buyers at low|: the length of the tornado bar.
        public let swing: Double
    }

    /// The default visits-per-buyer factor: 1, the report's implicit assumption. (The `try!`
    /// cannot fail: the constant's value is valid.)
    public static let defaultVisitsPerBuyer = try! DemandFactor(
        name: "visits_per_buyer", value: 1, unit: "transactions per buyer",
        source: "assumption: every transaction is a different buyer (no buyer returns), as the report implicitly assumes")

    public let children: DemandFactor
    public let buyersPerDay: DemandFactor
    public let days: DemandFactor
    public let visitsPerBuyer: DemandFactor

    /// - Throws: ``StatsError`` when visits per buyer (a divisor) is zero anywhere in its range
    ///   or distribution, or two factors share a name.
    public init(children: DemandFactor, buyersPerDay: DemandFactor, days: DemandFactor,
                visitsPerBuyer: DemandFactor = DemandModel.defaultVisitsPerBuyer) throws(StatsError) {
        guard visitsPerBuyer.value > 0, visitsPerBuyer.low.map({ $0 > 0 }) ?? true,
              visitsPerBuyer.distribution?.isPositive ?? true else {
            throw .invalidInput("visits per buyer divides the transactions, so it must be positive over its whole range")
        }
        let names = [children, buyersPerDay, days, visitsPerBuyer].map(\.name)
        guard Set(names).count == names.count else {
            throw .invalidInput("factor names must differ (got \(names.joined(separator: ", ")))")
        }
        self.children = children
        self.buyersPerDay = buyersPerDay
        self.days = days
        self.visitsPerBuyer = visitsPerBuyer
    }

    /// The factors in the order of the formula (and of the Monte Carlo's draws).
    public var factors: [DemandFactor] { [children, buyersPerDay, days, visitsPerBuyer] }

    /// The outputs at factor values given in the order of `factors`.
    static func evaluate(_ v: [Double]) -> (transactions: Double, uniqueBuyers: Double) {
        let transactions = v[0] * v[1] * v[2]
        return (transactions, transactions / v[3])
    }

    /// The point estimate at the base values, computed exactly as the report does.
    public func pointEstimate() -> Estimate {
        let (transactions, buyers) = DemandModel.evaluate(factors.map(\.value))
        let f = factors.map { "\(DecimalText.format($0.value, decimals: 3)) \($0.unit)" }
        return Estimate(transactions: transactions, uniqueBuyers: buyers,
                        statement: "\(f[0]) x \(f[1]) x \(f[2]) = \(DecimalText.format(transactions, decimals: 0)) "
                            + "transactions; / \(f[3]) = \(DecimalText.format(buyers, decimals: 0)) unique buyers")
    }

    /// One-at-a-time sensitivity: each factor with a range set to its low and its high value,
    /// the others at base. Rows are sorted by swing in unique buyers, largest first (the order
    /// of a tornado chart, top down); factors without a range are left out.
    public func sensitivity() -> [SensitivityRow] {
        let base = factors.map(\.value)
        return factors.indices.compactMap { i -> SensitivityRow? in
            let f = factors[i]
            guard let low = f.low, let high = f.high else { return nil }
            var atLow = base, atHigh = base
            atLow[i] = low
            atHigh[i] = high
            let l = DemandModel.evaluate(atLow), h = DemandModel.evaluate(atHigh)
            return SensitivityRow(factor: f.name, unit: f.unit, base: f.value, low: low, high: high,
                                  transactionsAtLow: l.transactions, transactionsAtHigh: h.transactions,
                                  uniqueBuyersAtLow: l.uniqueBuyers, uniqueBuyersAtHigh: h.uniqueBuyers,
                                  swing: abs(h.uniqueBuyers - l.uniqueBuyers))
        }.sorted { $0.swing > $1.swing }
    }

    /// The model with distributions set from text assignments such as
    /// `buyers_per_day=triangular(0.5,1,3)`, `days=uniform(90,365)`, `children=lognormal(456,1.5)`.
    ///
    /// - Throws: ``StatsError`` (invalidSpecification) for text without `=`, an unknown factor
    ///   name, or a distribution that does not parse (see ``FactorDistribution/init(parsing:)``).
    public func settingDistributions(_ assignments: [String]) throws(StatsError) -> DemandModel {
        var updated = factors
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw StatsError(.invalidSpecification, "cannot read '\(assignment)': expected factor=distribution, "
                    + "e.g. days=uniform(90,365)")
            }
            guard let i = updated.firstIndex(where: { $0.name == parts[0] }) else {
                throw StatsError(.invalidSpecification, "unknown factor '\(parts[0])' in '\(assignment)'; the factors are "
                    + updated.map(\.name).joined(separator: ", "))
            }
            updated[i] = try updated[i].with(distribution: FactorDistribution(parsing: parts[1]))
        }
        return try DemandModel(children: updated[0], buyersPerDay: updated[1], days: updated[2], visitsPerBuyer: updated[3])
    }

    /// Seeded Monte Carlo propagation of the factors' distributions (factors without one are
    /// held at their value). See ``DemandSimulation``.
    public func simulate(draws: Int = 100_000, seed: UInt64 = 20_161_215, level: Double = 0.95) throws(StatsError) -> DemandSimulation {
        try DemandSimulation(model: self, draws: draws, seed: seed, level: level)
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

extension DemandModel {
    private enum CodingKeys: String, CodingKey {
        case children, buyersPerDay, days, visitsPerBuyer
    }

    /// Decodes through the validating initialiser (visits per buyer positive, names distinct).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(children: c.decode(DemandFactor.self, forKey: .children),
                      buyersPerDay: c.decode(DemandFactor.self, forKey: .buyersPerDay),
                      days: c.decode(DemandFactor.self, forKey: .days),
                      visitsPerBuyer: c.decode(DemandFactor.self, forKey: .visitsPerBuyer))
    }
}
