import Foundation
import Testing
import TIPStats

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

    @Test("xoshiro256** seeded by SplitMix64 reproduces the reference C code", arguments: [UInt64(0), 42, 20_161_215])
    func generator(seed: UInt64) throws {
        var g = Xoshiro256StarStar(seed: seed)
        for i in 0..<5 {
            #expect(g.next() == UInt64(try #require(Reference.python["xoshiro.\(seed).\(i)"])))
        }
        var u = Xoshiro256StarStar(seed: seed)
        for i in 0..<3 {
            #expect(u.nextUniform() == (try pythonValue("uniform.\(seed).\(i)")))
        }
    }

    @Test("inverse CDFs: triangular against SciPy, lognormal against R's qlnorm")
    func quantiles() throws {
        let t = FactorDistribution.triangular(low: 0.5, mode: 1, high: 3)
        for u in [0.01, 0.2, 0.5, 0.9, 0.999] {
            let expected = try pythonValue("triangular.0.5_1_3.\(u)")
            #expect(agrees(t.quantile(u), expected, tolerance: 1e-14))
        }
        let l = FactorDistribution.lognormal(median: 456, geometricSD: 1.5)
        for u in [0.025, 0.5, 0.9] {
            #expect(agrees(l.quantile(u), try rValue("qlnorm.456_1.5.\(g(u))"), tolerance: 1e-13))
        }
        #expect(FactorDistribution.uniform(low: 90, high: 365).quantile(0.5) == 227.5)
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

    @Test("factor distributions parse from text, with clear errors", arguments: [
        ("triangular(0.5,1,3)", FactorDistribution.triangular(low: 0.5, mode: 1, high: 3)),
        (" uniform( 90 , 365 ) ", .uniform(low: 90, high: 365)),
        ("lognormal(456,1.5)", .lognormal(median: 456, geometricSD: 1.5)),
        ("lognormal(median=456,gsd=1.5)", .lognormal(median: 456, geometricSD: 1.5)),
        ("182", .fixed(182)),
        ("fixed(1)", .fixed(1)),
    ])
    func parse(text: String, expected: FactorDistribution) throws {
        #expect(try FactorDistribution(parsing: text) == expected)
        #expect(try FactorDistribution(parsing: expected.description) == expected)
    }

    @Test("meanlog/sdlog parameterisation of the lognormal")
    func meanlog() throws {
        let d = try FactorDistribution(parsing: "lognormal(meanlog=6,sdlog=0.5)")
        #expect(agrees(d.quantile(0.5), exp(6), tolerance: 1e-15))
    }

    @Test("bad distribution text is refused with the reason", arguments: [
        ("normal(1,2)", "cannot read distribution 'normal(1,2)': unknown distribution 'normal'; expected fixed(value), uniform(low,high), triangular(low,mode,high) or lognormal(median,gsd)"),
        ("triangular(0.5,1)", "cannot read distribution 'triangular(0.5,1)': triangular takes 3 numbers (low, mode, high), got 2"),
        ("uniform(abc,3)", "cannot read distribution 'uniform(abc,3)': 'abc' is not a finite number"),
        ("uniform(1,3", "cannot read distribution 'uniform(1,3': missing ')' at the end"),
        ("uniform(3,1)", "uniform(3.0,1.0): uniform needs low < high"),
        ("triangular(3,1,0.5)", "triangular(3.0,1.0,0.5): triangular needs low <= mode <= high and low < high"),
        ("lognormal(456,0.5)", "lognormal(456.0,0.5): lognormal needs a positive median and a geometric SD of at least 1"),
        ("uniform(low=1,high=2)", "cannot read distribution 'uniform(low=1,high=2)': uniform takes its numbers in order, without names like 'low='"),
        ("", "cannot read distribution '': it is empty"),
        ("lots", "cannot read distribution 'lots': expected a number or name(parameters), e.g. triangular(0.5,1,3)"),
    ])
    func parseErrors(text: String, message: String) {
        #expect(throws: StatsError(.invalidSpecification, message)) { try FactorDistribution(parsing: text) }
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
}
