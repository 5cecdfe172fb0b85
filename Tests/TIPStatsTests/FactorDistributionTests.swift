import Foundation
import Testing
import TIPStats

/// The general parts under the demand model: the seeded generator and the factor
/// distributions' inverse CDFs and text form.
@Suite("Factor distributions and the random stream")
struct FactorDistributionTests {
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
}
