import Testing
import TIPStats

@Suite("Counts: exact Poisson intervals, rate ratios, annualisation")
struct CountTests {
    @Test("Garwood interval matches R's poisson.test", arguments: [
        (41, 0.75, 0.95), (0, 1.0, 0.95), (151, 0.75, 0.95), (7, 1.0, 0.90), (1, 2.5, 0.99),
    ])
    func poissonInterval(count: Int, exposure: Double, level: Double) throws {
        let i = try PoissonInterval(count: count, exposure: exposure, level: level)
        let key = "poisson_interval.\(count)_\(g(exposure))_\(g(level))"
        #expect(agrees(i.lower, try rValue("\(key).lower")))
        #expect(agrees(i.upper, try rValue("\(key).upper")))
        #expect(i.estimate == Double(count) / exposure)
    }

    @Test("the report's 'more than 40% increase': 41 cases in 0.75 years against 29 in a year")
    func hotlineIncrease() throws {
        let t = try RateRatioTest(count: 41, exposure: 0.75, baselineCount: 29, baselineExposure: 1)
        let key = "rate_ratio.41_29_0.75_1_0.95"
        #expect(agrees(t.rateRatio, try rValue("\(key).estimate")))
        #expect(agrees(t.lower, try rValue("\(key).lower")))
        #expect(agrees(t.upper, try rValue("\(key).upper")))
        #expect(agrees(t.pValue, try rValue("\(key).p")))
        #expect(agrees(t.expectedCount, try rValue("\(key).expected")))
        // Annualised, the increase is 88.5% (CI 14.3% to 214.5%), not the 41% of the raw counts.
        let annualisedIncrease: Double = 100 * (41 / 0.75 / 29 - 1)
        #expect(abs(try #require(t.percentChange) - annualisedIncrease) < 1e-9)
        #expect(agrees(try #require(t.percentChangeLower), 100 * (try rValue("\(key).lower") - 1)))
        #expect(t.statement == "rate 54.67 against 29: +88.5% (95% CI +14.3% to +214.5%), p = 0.011")
    }

    @Test("rate ratios match R's poisson.test, zero counts included", arguments: [
        (0, 5, 1.0, 1.0, 0.95), (5, 0, 1.0, 1.0, 0.95), (3, 7, 2.0, 1.0, 0.95), (151, 133, 0.75, 1.0, 0.90),
        (2, 10, 1.0, 1.0, 0.95),
    ])
    func rateRatio(x1: Int, x2: Int, t1: Double, t2: Double, level: Double) throws {
        let t = try RateRatioTest(count: x1, exposure: t1, baselineCount: x2, baselineExposure: t2, level: level)
        let key = "rate_ratio.\(x1)_\(x2)_\(g(t1))_\(g(t2))_\(g(level))"
        #expect(agrees(t.rateRatio, try rValue("\(key).estimate")))
        #expect(agrees(t.lower, try rValue("\(key).lower")))
        #expect(agrees(t.upper, try rValue("\(key).upper")))
        #expect(agrees(t.pValue, try rValue("\(key).p")))
        #expect(!t.rateRatio.isNaN && !t.lower.isNaN && !t.upper.isNaN)
    }

    @Test("rate ratios against a null ratio, one- and two-sided, match R's poisson.test(r =, alternative =)", arguments: [
        (41, 29, 0.75, 1.0, 0.95, 1.4, TestAlternative.greater), (41, 29, 0.75, 1.0, 0.95, 1.0, .less),
        (0, 5, 1.0, 1.0, 0.95, 1.0, .greater), (5, 0, 1.0, 1.0, 0.90, 2.0, .less),
        (3, 7, 2.0, 1.0, 0.95, 0.5, .twoSided), (151, 133, 0.75, 1.0, 0.90, 1.2, .greater),
    ])
    func rateRatioAgainstANullRatio(x1: Int, x2: Int, t1: Double, t2: Double, level: Double, r: Double,
                                    alternative: TestAlternative) throws {
        let t = try RateRatioTest(count: x1, exposure: t1, baselineCount: x2, baselineExposure: t2, level: level,
                                  nullRatio: r, alternative: alternative)
        let alt = alternative == .twoSided ? "two.sided" : alternative.rawValue
        let key = "rate_ratio_r.\(x1)_\(x2)_\(g(t1))_\(g(t2))_\(g(level))_\(g(r))_\(alt)"
        #expect(agrees(t.lower, try rValue("\(key).lower")))
        #expect(agrees(t.upper, try rValue("\(key).upper")))
        #expect(agrees(t.pValue, try rValue("\(key).p")))
        // The mean of the binomial tested: (x1 + x2) r t1 / (r t1 + t2).
        #expect(agrees(t.expectedCount, Double(x1 + x2) * r * t1 / (r * t1 + t2)))
    }

    @Test("the report's 'more than 40%' as a one-sided test: not established at 5%")
    func moreThanFortyPercent() throws {
        let t = try RateRatioTest(count: 41, exposure: 0.75, baselineCount: 29, baselineExposure: 1,
                                  nullRatio: 1.4, alternative: .greater)
        #expect(t.statement == "rate 54.67 against 29: +88.5% (95% lower bound +23.3%), p = 0.133 for a rate ratio of 1.4 (greater)")
        #expect(throws: StatsError(.invalidInput, "the null rate ratio must be a positive finite number (got 0.0)")) {
            try RateRatioTest(count: 41, exposure: 0.75, baselineCount: 29, baselineExposure: 1, nullRatio: 0)
        }
    }

    @Test("a zero baseline gives an infinite ratio and no percentage; a zero count a ratio of 0")
    func zeroCounts() throws {
        let fromZero = try RateRatioTest(count: 5, exposure: 1, baselineCount: 0, baselineExposure: 1)
        #expect(fromZero.rateRatio == .infinity && fromZero.upper == .infinity)
        #expect(fromZero.percentChange == nil && fromZero.percentChangeUpper == nil)
        #expect(fromZero.statement == "rate 5 against a baseline of 0: no ratio or percentage from a zero base "
            + "(lower limit of the rate ratio 0.92, p = 0.063)")
        let toZero = try RateRatioTest(count: 0, exposure: 1, baselineCount: 5, baselineExposure: 1)
        #expect(toZero.rateRatio == 0 && toZero.lower == 0)
        #expect(toZero.percentChange == -100)
        #expect(throws: StatsError(.insufficientData, "both counts are zero: there is no rate to compare")) {
            try RateRatioTest(count: 0, exposure: 1, baselineCount: 0, baselineExposure: 1)
        }
    }

    @Test("exact binomial test matches R's binom.test, ties in the tails included", arguments: [
        (24, 29, 0.5), (0, 10, 0.3), (10, 10, 0.3), (7, 20, 0.25), (3, 10, 0.3), (5, 20, 0.5), (13, 40, 0.5),
        (60, 61, 0.9),
    ])
    func binomial(x: Int, n: Int, p: Double) throws {
        let t = try BinomialTest(successes: x, trials: n, nullProportion: p)
        let key = "binom.\(x)_\(n)_\(g(p))"
        #expect(agrees(t.pValue, try rValue("\(key).p")))
        #expect(agrees(t.interval.lower, try rValue("\(key).lower")))
        #expect(agrees(t.interval.upper, try rValue("\(key).upper")))
    }

    @Test("annualising nine months: 151 DCF referrals January to September 2016")
    func annualised() throws {
        let a = try AnnualisedCount(count: 151, months: 9)
        #expect(abs(a.estimate - 151 / 0.75) < 1e-12)
        #expect(agrees(a.lower, try rValue("poisson_interval.151_0.75_0.95.lower")))
        #expect(agrees(a.upper, try rValue("poisson_interval.151_0.75_0.95.upper")))
        #expect(a.label == "annualised estimate from 9 months (151 observed)")
        #expect(throws: StatsError(.invalidInput, "months observed must lie in (0, 12] to annualise (got 0.0)")) {
            try AnnualisedCount(count: 3, months: 0)
        }
    }

    @Test("bad arguments throw with the reason")
    func errors() {
        #expect(throws: StatsError(.invalidInput, "a Poisson count cannot be negative (got -1)")) {
            try PoissonInterval(count: -1)
        }
        #expect(throws: StatsError(.invalidInput, "exposure must be a positive finite number (got 0.0)")) {
            try PoissonInterval(count: 1, exposure: 0)
        }
        #expect(throws: StatsError(.invalidInput, "confidence level must lie strictly between 0 and 1 (got 95.0)")) {
            try PoissonInterval(count: 1, level: 95)
        }
    }
}

/// A number as R's `%g` prints it in reference keys: 0.75, 1, 0.95.
func g(_ x: Double) -> String {
    x == x.rounded() ? String(Int(x)) : String(x)
}
