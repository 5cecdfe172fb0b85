import Foundation
import Testing
import TIPStats

/// Count models against R (`Reference/r/models.R`: glm, quasipoisson, MASS::glm.nb pushed to
/// full convergence, exact profile limits by uniroot, AER's Cameron-Trivedi formulas).
@Suite("Count regression")
struct CountRegressionTests {
    static let reference = ReferenceCases("r/models.txt")

    /// The predictors of a reference case: numeric columns and factors by name.
    static func predictors(_ key: String, numeric: [String], factors: [(String, String)]) throws -> [RegressionPredictor] {
        try numeric.map { .numeric(name: $0, values: try reference.numbers("\(key).data.\($0)")) }
            + factors.map { .factor(name: $0.0, values: try reference.text("\(key).data.\($0.0)"), reference: $0.1) }
    }

    func check(_ fit: CountRegression, _ key: String) throws {
        let r = CountRegressionTests.reference
        #expect(fit.coefficients.map(\.term) == (try r.text("\(key).terms")))
        #expect(agreesAll(fit.coefficients.map(\.estimate), try r.numbers("\(key).estimate")), "estimates")
        #expect(agreesAll(fit.coefficients.map(\.stdError), try r.numbers("\(key).se")), "standard errors")
        #expect(agreesAll(fit.coefficients.map(\.statistic), try r.numbers("\(key).statistic")), "statistics")
        #expect(agreesAll(fit.coefficients.map(\.p), try r.numbers("\(key).p")), "p-values")
        #expect(agreesAll(fit.coefficients.compactMap(\.profileLow), try r.numbers("\(key).profile_low")), "profile low")
        #expect(agreesAll(fit.coefficients.compactMap(\.profileHigh), try r.numbers("\(key).profile_high")), "profile high")
        // R's own confint interpolates a spline through the profile: within 1e-4 relative of
        // the exact limits (absolute 1e-5 for limits near zero).
        #expect(agreesAll(fit.coefficients.compactMap(\.profileLow), try r.numbers("\(key).confint_spline_low"), tolerance: 1e-4, absolute: 1e-5))
        #expect(agreesAll(fit.coefficients.compactMap(\.profileHigh), try r.numbers("\(key).confint_spline_high"), tolerance: 1e-4, absolute: 1e-5))
        #expect(agrees(fit.deviance, try r.number("\(key).deviance"), tolerance: 1e-8))
        #expect(agrees(fit.nullDeviance, try r.number("\(key).null_deviance"), tolerance: 1e-8))
        #expect(Double(fit.dfResidual) == (try r.number("\(key).df_residual")))
        #expect(agrees(fit.dispersion, try r.number("\(key).dispersion"), tolerance: 1e-8))
        let q = try r.number("\(key).wald_quantile")
        for c in fit.coefficients {
            #expect(agrees(c.waldHigh - c.estimate, q * c.stdError, tolerance: 1e-8), "\(c.term) Wald upper")
            #expect(agrees(c.estimate - c.waldLow, q * c.stdError, tolerance: 1e-8), "\(c.term) Wald lower")
        }
    }

    @Test("DCF referrals on year with 2016 as nine months: Poisson, quasi-Poisson, negative binomial")
    func referrals() throws {
        let r = CountRegressionTests.reference
        let counts = try r.numbers("referrals.data.count").map { Int($0) }
        let exposure = try r.numbers("referrals.data.exposure")
        let year = try CountRegressionTests.predictors("referrals", numeric: ["year"], factors: [])
        let poisson = try CountRegression(counts: counts, predictors: year, exposure: exposure, family: .poisson)
        try check(poisson, "referrals.poisson")
        #expect(agrees(poisson.pearsonChiSquare, try r.number("referrals.poisson.pearson"), tolerance: 1e-8))
        #expect(agrees(try #require(poisson.logLikelihood), try r.number("referrals.poisson.loglik"), tolerance: 1e-8))
        #expect(agrees(try #require(poisson.aic), try r.number("referrals.poisson.aic"), tolerance: 1e-8))
        let test = try #require(poisson.dispersionTest)
        #expect(agrees(test.pearsonP, try r.number("referrals.poisson.pearson_p"), tolerance: 1e-8))
        #expect(agrees(test.cameronTrivediZ, try r.number("referrals.poisson.ct_z"), tolerance: 1e-8))
        #expect(agrees(test.cameronTrivediDispersion, try r.number("referrals.poisson.ct_dispersion"), tolerance: 1e-8))
        #expect(agrees(test.cameronTrivediAlpha, try r.number("referrals.poisson.ct2_alpha"), tolerance: 1e-8))
        #expect(agrees(test.cameronTrivediAlphaZ, try r.number("referrals.poisson.ct2_z"), tolerance: 1e-8))
        #expect(test.isOverdispersed())

        let quasi = try CountRegression(counts: counts, predictors: year, exposure: exposure, family: .quasiPoisson)
        try check(quasi, "referrals.quasipoisson")
        #expect(quasi.logLikelihood == nil && quasi.aic == nil && quasi.statisticName == "t")
        #expect(quasi.coefficients.map(\.estimate) == poisson.coefficients.map(\.estimate))

        let negbin = try CountRegression(counts: counts, predictors: year, exposure: exposure, family: .negativeBinomial)
        try check(negbin, "referrals.negbin")
        #expect(agrees(try #require(negbin.theta), try r.number("referrals.negbin.theta"), tolerance: 1e-8))
        #expect(agrees(try #require(negbin.thetaStdError), try r.number("referrals.negbin.theta_se"), tolerance: 1e-8))
        #expect(agrees(try #require(negbin.logLikelihood), try r.number("referrals.negbin.loglik"), tolerance: 1e-8))
        #expect(agrees(try #require(negbin.aic), try r.number("referrals.negbin.aic"), tolerance: 1e-8))
        // glm.nb at its default tolerances is good to about 1e-9 here.
        #expect(agrees(try #require(negbin.theta), try r.number("referrals.negbin.theta_default"), tolerance: 1e-7))
    }

    @Test("counts by region (factor, reference North) and year with population exposure")
    func regions() throws {
        let r = CountRegressionTests.reference
        let counts = try r.numbers("regions.data.count").map { Int($0) }
        let exposure = try r.numbers("regions.data.exposure")
        let predictors = try CountRegressionTests.predictors("regions", numeric: ["year"], factors: [("region", "North")])
        // R's formula puts region before year.
        let ordered = [predictors[1], predictors[0]]
        try check(try CountRegression(counts: counts, predictors: ordered, exposure: exposure, family: .poisson), "regions.poisson")
        try check(try CountRegression(counts: counts, predictors: ordered, exposure: exposure, family: .quasiPoisson), "regions.quasipoisson")
        // Underdispersed (Cameron-Trivedi dispersion 0.54): the negative binomial's theta runs off.
        #expect(throws: StatsError(.invalidInput, "the negative binomial theta runs to infinity: the counts vary no more than Poisson counts do, so the negative binomial reduces to the Poisson model; fit the Poisson model")) {
            try CountRegression(counts: counts, predictors: ordered, exposure: exposure, family: .negativeBinomial)
        }
    }

    @Test("MASS's quine data: Poisson and negative binomial (theta 1.275, se 0.161, as Venables & Ripley print)")
    func quine() throws {
        let r = CountRegressionTests.reference
        let counts = try r.numbers("quine.data.Days").map { Int($0) }
        let predictors = try CountRegressionTests.predictors("quine", numeric: [],
                                                             factors: [("Eth", "A"), ("Sex", "F"), ("Age", "F0"), ("Lrn", "AL")])
        let poisson = try CountRegression(counts: counts, predictors: predictors, family: .poisson)
        try check(poisson, "quine.poisson")
        #expect(poisson.dispersionTest?.isOverdispersed() == true)
        let negbin = try CountRegression(counts: counts, predictors: predictors, family: .negativeBinomial)
        try check(negbin, "quine.negbin")
        #expect(agrees(try #require(negbin.theta), try r.number("quine.negbin.theta"), tolerance: 1e-8))
        #expect(agrees(try #require(negbin.thetaStdError), try r.number("quine.negbin.theta_se"), tolerance: 1e-8))
        #expect(String(format: "%.3f %.3f", try #require(negbin.theta), try #require(negbin.thetaStdError)) == "1.275 0.161")
        #expect(agrees(try #require(negbin.aic), try r.number("quine.negbin.aic"), tolerance: 1e-8))
    }

    @Test("zero counts, separation and bad input throw with the reason")
    func errors() {
        // A level with no events: its coefficient runs to minus infinity.
        #expect(throws: StatsError(.invalidInput, "fitted rates run to zero at rows 3, 4 (all zero counts): a coefficient has no finite estimate (a level or range of a predictor with no events)")) {
            try CountRegression(counts: [5, 7, 0, 0, 6], predictors: [.factor(name: "g", values: ["a", "a", "b", "b", "a"])], family: .poisson)
        }
        #expect(throws: StatsError(.insufficientData, "every count is zero: a rate of zero has no finite log-linear model")) {
            try CountRegression(counts: [0, 0, 0], predictors: [], family: .poisson)
        }
        #expect(throws: StatsError(.insufficientData, "a model with 2 coefficients needs at least 3 rows (got 2)")) {
            try CountRegression(counts: [1, 2], predictors: [.numeric(name: "x", values: [1, 2])], family: .poisson)
        }
        #expect(throws: StatsError(.singularDesign, "the design is singular: column 'x2' is a linear combination of '(Intercept)', 'x' (less than 1e-13 of its norm lies outside their span); drop or combine columns")) {
            try CountRegression(counts: [1, 2, 3, 5], predictors: [.numeric(name: "x", values: [1, 2, 3, 4]), .numeric(name: "x2", values: [2, 4, 6, 8])], family: .poisson)
        }
        #expect(throws: StatsError(.invalidInput, "reference level 'c' is not a value of factor 'g' (levels: 'a', 'b')")) {
            try CountRegression(counts: [1, 2, 3], predictors: [.factor(name: "g", values: ["a", "b", "a"], reference: "c")], family: .poisson)
        }
        #expect(throws: StatsError(.singularDesign, "factor 'g' has only one level ('a'), so it has no effect to estimate")) {
            try CountRegression(counts: [1, 2, 3], predictors: [.factor(name: "g", values: ["a", "a", "a"])], family: .poisson)
        }
        #expect(throws: StatsError(.invalidInput, "exposures must be positive finite numbers")) {
            try CountRegression(counts: [1, 2, 3], predictors: [], exposure: [1, -1, 1], family: .poisson)
        }
    }

    @Test("overdispersion-aware rate ratio: quasi-Poisson Wald with a given dispersion, as glm + summary(dispersion =)")
    func overdispersedRateRatio() throws {
        let r = CountRegressionTests.reference
        let cases: [(String, Int, Double, Int, Double, Double, Int?)] = [
            ("dcf", 151, 0.75, 133, 1, 17.8, 5), ("hotline", 41, 0.75, 29, 1, 3.2, nil), ("unit", 20, 1, 10, 2, 1, nil),
        ]
        for (key, x1, t1, x2, t2, phi, df) in cases {
            let t = try OverdispersedRateRatio(count: x1, exposure: t1, baselineCount: x2, baselineExposure: t2,
                                               dispersion: phi, dispersionDF: df)
            #expect(agrees(t.rateRatio, try r.number("odrr.\(key).ratio")), "\(key) ratio")
            #expect(agrees(t.stdErrorOfLog, try r.number("odrr.\(key).se_log")), "\(key) se")
            #expect(agrees(t.lower, try r.number("odrr.\(key).lower")), "\(key) lower")
            #expect(agrees(t.upper, try r.number("odrr.\(key).upper")), "\(key) upper")
            #expect(agrees(t.pValue, try r.number("odrr.\(key).p")), "\(key) p")
        }
        #expect(throws: StatsError(.insufficientData, "a zero count has no log rate ratio, so no overdispersion-adjusted Wald interval; only the exact Poisson test applies, and it assumes Poisson variation")) {
            try OverdispersedRateRatio(count: 0, exposure: 1, baselineCount: 4, baselineExposure: 1, dispersion: 2)
        }
    }
}
