import Foundation
import Testing
import TIPStats
import TIPDomain

@Suite("Demand model")
struct DemandModelTests {
    /// The report's extrapolation, with illustrative ranges for the sensitivity table.
    static func reportModel() throws -> DemandModel {
        try DemandModel(
            children: DemandFactor(name: "children", value: 456, unit: "children", source: "DCF referrals since 2013 (report)",
                                   low: 300, high: 600),
            buyersPerDay: DemandFactor(name: "buyers_per_day", value: 1, unit: "buyers per child per day",
                                       source: "assumption (report)", low: 0.5, high: 3),
            days: DemandFactor(name: "days", value: 182, unit: "days", source: "assumption: half a year (report)",
                               low: 90, high: 365))
    }

    @Test("the point estimate is exactly the report's 456 x 1 x 182 = 82,992")
    func pointEstimate() throws {
        let e = try Self.reportModel().pointEstimate()
        #expect(e.transactions == 82_992)
        #expect(e.uniqueBuyers == 82_992)
        #expect(e.statement == "456 children x 1 buyers per child per day x 182 days = 82,992 transactions; "
            + "/ 1 transactions per buyer = 82,992 unique buyers")
    }

    @Test("visits per buyer turns transactions into unique buyers")
    func visits() throws {
        let m = try Self.reportModel()
        let repeatBuyers = try DemandModel(children: m.children, buyersPerDay: m.buyersPerDay, days: m.days,
                                           visitsPerBuyer: DemandFactor(name: "visits_per_buyer", value: 4, unit: "visits",
                                                                        source: "assumption", low: 1, high: 12))
        #expect(repeatBuyers.pointEstimate().uniqueBuyers == 20_748)
        #expect(DemandModel.defaultVisitsPerBuyer.value == 1)
        #expect(DemandModel.defaultVisitsPerBuyer.source.hasPrefix("assumption: every transaction is a different buyer"))
    }

    @Test("one-at-a-time sensitivity, sorted by swing for a tornado chart")
    func sensitivity() throws {
        let rows = try Self.reportModel().sensitivity()
        #expect(rows.map(\.factor) == ["buyers_per_day", "days", "children"])
        #expect(rows[0].uniqueBuyersAtLow == 456 * 0.5 * 182 && rows[0].uniqueBuyersAtHigh == 456 * 3 * 182)
        #expect(rows[0].swing == 456 * 2.5 * 182)
        #expect(rows[1].transactionsAtHigh == 456 * 365)
    }

    @Test("the Monte Carlo is deterministic for a seed and propagates the distributions")
    func monteCarlo() throws {
        let model = try Self.reportModel().settingDistributions([
            "buyers_per_day=triangular(0.5,1,3)", "days = uniform(90,365)", "children=lognormal(456,1.5)",
        ])
        let a = try model.simulate(draws: 20_000, seed: 7)
        let b = try model.simulate(draws: 20_000, seed: 7)
        #expect(a == b)
        #expect(a.seed == 7 && a.draws == 20_000 && a.transactionDraws.count == 20_000)
        #expect(a.distributions == ["children=lognormal(456.0,1.5)", "buyers_per_day=triangular(0.5,1.0,3.0)",
                                    "days=uniform(90.0,365.0)", "visits_per_buyer=fixed(1.0)"])
        // The recorded distributions reproduce the run.
        #expect(try model.settingDistributions(a.distributions).simulate(draws: 20_000, seed: 7) == a)
        // The first draw is the model at the first three uniforms of seed 7's stream.
        var g = Xoshiro256StarStar(seed: 7)
        let (u1, u2, u3) = (g.nextUniform(), g.nextUniform(), g.nextUniform())
        let first = FactorDistribution.lognormal(median: 456, geometricSD: 1.5).quantile(u1)
            * FactorDistribution.triangular(low: 0.5, mode: 1, high: 3).quantile(u2)
            * FactorDistribution.uniform(low: 90, high: 365).quantile(u3)
        #expect(a.transactionDraws[0] == first)
        // Product of independent factors: the mean is the product of the means,
        // 456 exp(log(1.5)^2 / 2) x 1.5 x 227.5 = 169,262; 20,000 draws give it to about 1%.
        let mean = 456 * exp(log(1.5) * log(1.5) / 2) * 1.5 * 227.5
        #expect(abs(a.transactions.mean / mean - 1) < 0.02)
        #expect(a.transactions.lower < a.transactions.median && a.transactions.median < a.transactions.upper)
        let other = try model.simulate(draws: 20_000, seed: 8)
        #expect(other.transactions.median != a.transactions.median)
    }

    @Test("assignments name a factor of the model")
    func assignmentErrors() throws {
        let m = try Self.reportModel()
        #expect(throws: StatsError(.invalidSpecification, "unknown factor 'buyers' in 'buyers=uniform(1,2)'; the factors are children, buyers_per_day, days, visits_per_buyer")) {
            try m.settingDistributions(["buyers=uniform(1,2)"])
        }
        #expect(throws: StatsError(.invalidSpecification, "cannot read 'days': expected factor=distribution, e.g. days=uniform(90,365)")) {
            try m.settingDistributions(["days"])
        }
        #expect(throws: StatsError(.invalidInput, "visits per buyer divides the transactions, so it must be positive over its whole range")) {
            try m.settingDistributions(["visits_per_buyer=uniform(0,2)"])
        }
        #expect(throws: StatsError(.invalidInput, "visits per buyer divides the transactions, so it must be positive over its whole range")) {
            try m.settingDistributions(["visits_per_buyer=fixed(0)"])
        }
    }

    @Test("a simulation encodes its summary but not its draws")
    func simulation() throws {
        let model = try DemandModel(
            children: DemandFactor(name: "children", value: 456, unit: "children", source: "report"),
            buyersPerDay: DemandFactor(name: "buyers_per_day", value: 1, unit: "buyers per child per day", source: "report",
                                       distribution: .triangular(low: 0.5, mode: 1, high: 3)),
            days: DemandFactor(name: "days", value: 182, unit: "days", source: "report"))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let text = String(decoding: try encoder.encode(model.simulate(draws: 100, seed: 1)), as: UTF8.self)
        #expect(text.contains("\"unique_buyers\"") && text.contains("\"seed\":1"))
        #expect(!text.contains("draws\":["))
    }

    @Test("a demand model round-trips through JSON, and invalid JSON factors are refused")
    func demandModel() throws {
        let model = try DemandModelTests.reportModel().settingDistributions(["days=uniform(90,365)"])
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(DemandModel.self, from: data) == model)
        let bad = Data(#"{"name":"days","value":-1,"unit":"days","source":"x"}"#.utf8)
        #expect(throws: StatsError(.invalidInput, "factor 'days' must have a non-negative finite value (got -1.0)")) {
            try JSONDecoder().decode(DemandFactor.self, from: bad)
        }
    }
}
