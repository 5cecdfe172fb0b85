import Foundation
import Testing
import TIPStats

@Suite("Poisson regression")
struct PoissonRegressionTests {
    func check(_ fit: PoissonRegression, _ key: String, quasi: Bool) throws {
        for (i, c) in fit.coefficients.enumerated() {
            #expect(agrees(c.estimate, try rValue("\(key).estimate.\(i + 1)")), "\(c.term) estimate")
            #expect(agrees(c.stdError, try rValue("\(key).se.\(i + 1)")), "\(c.term) se")
            #expect(agrees(c.statistic, try rValue("\(key).z.\(i + 1)")), "\(c.term) z")
            #expect(agrees(c.p, try rValue("\(key).p.\(i + 1)")), "\(c.term) p")
            #expect(agrees(c.ciLow, try rValue("\(key).ci_low.\(i + 1)")), "\(c.term) ci low")
            #expect(agrees(c.ciHigh, try rValue("\(key).ci_high.\(i + 1)")), "\(c.term) ci high")
        }
        #expect(agrees(fit.deviance, try rValue("\(key).deviance")))
        #expect(agrees(fit.nullDeviance, try rValue("\(key).null_deviance")))
        #expect(agrees(fit.pearsonChiSquare, try rValue("\(key).pearson")))
        #expect(agrees(fit.dispersion, try rValue("\(key).dispersion")))
        #expect(Double(fit.iterations) == (try rValue("\(key).iter")))
        #expect(fit.rateRatio.estimate == exp(fit.coefficients[1].estimate))
        guard quasi else {
            #expect(fit.quasiPoisson == nil)
            return
        }
        let q = try #require(fit.quasiPoisson)
        for (i, c) in q.coefficients.enumerated() {
            #expect(c.estimate == fit.coefficients[i].estimate)
            #expect(agrees(c.stdError, try rValue("\(key).quasi_se.\(i + 1)")), "\(c.term) quasi se")
            #expect(agrees(c.statistic, try rValue("\(key).quasi_t.\(i + 1)")), "\(c.term) quasi t")
            #expect(agrees(c.p, try rValue("\(key).quasi_p.\(i + 1)")), "\(c.term) quasi p")
            #expect(agrees(c.ciLow, try rValue("\(key).quasi_ci_low.\(i + 1)")), "\(c.term) quasi ci low")
            #expect(agrees(c.ciHigh, try rValue("\(key).quasi_ci_high.\(i + 1)")), "\(c.term) quasi ci high")
        }
        #expect(q.rateRatio.ciLow == exp(q.coefficients[1].ciLow))
    }

    @Test("DCF referrals 2008-2016 with 2016 as nine months of exposure: overdispersed")
    func referrals() throws {
        let fit = try PoissonRegression(counts: [4, 30, 31, 13, 94, 133, 151],
                                        time: [2008, 2009, 2010, 2011, 2014, 2015, 2016],
                                        exposure: [1, 1, 1, 1, 1, 1, 0.75], timeName: "year")
        try check(fit, "glm.referrals", quasi: true)
        #expect(fit.coefficients.map(\.term) == ["(Intercept)", "year"])
        #expect(fit.dfResidual == 5 && fit.dfNull == 6)
        #expect(fit.overdispersionP < 1e-5)
        #expect(fit.notes[0].hasPrefix("overdispersed: Pearson chi-square 32.61 on 5 df (dispersion 6.52, p < 0.001)"))
    }

    @Test("hotline cases 2014-2016 (2016 nine months): glm(cases ~ year, offset = log(exposure))")
    func hotline() throws {
        let fit = try PoissonRegression(counts: [35, 29, 41], time: [2014, 2015, 2016], exposure: [1, 1, 0.75])
        try check(fit, "glm.hotline", quasi: true)
    }

    @Test("a steady series is not overdispersed: no quasi-Poisson correction")
    func steady() throws {
        let fit = try PoissonRegression(counts: [10, 12, 11, 13, 12], time: [1, 2, 3, 4, 5])
        try check(fit, "glm.steady", quasi: false)
        #expect(fit.dispersion < 1)
        #expect(fit.notes == ["no overdispersion: dispersion 0.08 <= 1, so the Poisson standard errors stand"])
    }

    @Test("degenerate series throw with the reason")
    func errors() {
        #expect(throws: StatsError(.insufficientData, "every count is zero: a Poisson rate of zero has no finite log-linear trend")) {
            try PoissonRegression(counts: [0, 0, 0, 0], time: [1, 2, 3, 4])
        }
        #expect(throws: StatsError(.insufficientData, "a Poisson trend needs at least 3 periods to estimate its dispersion (got 2)")) {
            try PoissonRegression(counts: [3, 4], time: [1, 2])
        }
        #expect(throws: StatsError(.singularDesign, "'time' is constant (every value is 2016.0), so there is no trend to estimate")) {
            try PoissonRegression(counts: [3, 4, 5], time: [2016, 2016, 2016])
        }
        #expect(throws: StatsError(.invalidInput, "fitted rates run to zero (the counts are zero at one end of the series and positive only at the other): the Poisson trend has no finite estimate")) {
            try PoissonRegression(counts: [0, 0, 0, 0, 5], time: [1, 2, 3, 4, 5])
        }
        #expect(throws: StatsError(.invalidInput, "exposures must be positive finite numbers")) {
            try PoissonRegression(counts: [1, 2, 3], time: [1, 2, 3], exposure: [1, 0, 1])
        }
    }
}
