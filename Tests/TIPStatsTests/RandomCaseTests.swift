import Foundation
import Testing
import TIPStats

/// Random cases drawn (seeded) by `Reference/r/random-cases.R`, with R's answers: count models,
/// Fisher and chi-square tests, Newcombe intervals, p.adjust and simultaneous multinomial
/// intervals, each compared to 1e-8 relative.
@Suite("Random cases against R")
struct RandomCaseTests {
    static let reference = ReferenceCases("r/random-cases.txt")

    static func keys(_ prefix: String) -> [String] {
        Set(reference.keys(withPrefix: prefix).map { $0.split(separator: ".").prefix(2).joined(separator: ".") }).sorted()
    }

    @Test("count models: estimates, standard errors, deviance, Pearson X^2, theta and exact profile limits")
    func countModels() throws {
        let r = RandomCaseTests.reference
        let keys = RandomCaseTests.keys("glm.").filter { $0 != "glm.count" }
        #expect(Double(keys.count) == (try r.number("glm.count")) && keys.count >= 30)
        for key in keys {
            let family = try #require(CountFamily(rawValue: try r.text("\(key).family")[0]))
            let fit = try CountRegression(counts: try r.numbers("\(key).y").map { Int($0) },
                                          predictors: [.numeric(name: "x", values: try r.numbers("\(key).x")),
                                                       .factor(name: "g", values: try r.text("\(key).g"), reference: "a")],
                                          exposure: try r.numbers("\(key).e"), family: family)
            #expect(agreesAll(fit.coefficients.map(\.estimate), try r.numbers("\(key).estimate")), "\(key) estimates")
            #expect(agreesAll(fit.coefficients.map(\.stdError), try r.numbers("\(key).se")), "\(key) se")
            #expect(agrees(fit.deviance, try r.number("\(key).deviance"), tolerance: 1e-8), "\(key) deviance")
            #expect(agrees(fit.pearsonChiSquare, try r.number("\(key).pearson"), tolerance: 1e-8), "\(key) Pearson")
            #expect(agreesAll(fit.coefficients.compactMap(\.profileLow), try r.numbers("\(key).profile_low")), "\(key) profile low")
            #expect(agreesAll(fit.coefficients.compactMap(\.profileHigh), try r.numbers("\(key).profile_high")), "\(key) profile high")
            if family == .negativeBinomial {
                #expect(agrees(try #require(fit.theta), try r.number("\(key).theta"), tolerance: 1e-8), "\(key) theta")
                #expect(agrees(try #require(fit.thetaStdError), try r.number("\(key).theta_se"), tolerance: 1e-8), "\(key) theta se")
            }
        }
    }

    @Test("Fisher 2 x 2: p, odds ratio and interval")
    func fisher2x2() throws {
        let r = RandomCaseTests.reference
        for key in RandomCaseTests.keys("fisher2.") {
            let v = try r.numbers("\(key).table").map { Int($0) }
            let t = try FisherExactTest(try ContingencyTable([[v[0], v[1]], [v[2], v[3]]]))
            #expect(agrees(t.pValue, try r.number("\(key).p"), tolerance: 1e-8), "\(key) p")
            #expect(agrees(try #require(t.oddsRatio), try r.number("\(key).estimate"), tolerance: 1e-8), "\(key) estimate")
            #expect(agrees(try #require(t.lower), try r.number("\(key).lower"), tolerance: 1e-8), "\(key) lower")
            #expect(agrees(try #require(t.upper), try r.number("\(key).upper"), tolerance: 1e-8), "\(key) upper")
        }
    }

    @Test("r x c: Fisher's exact p, Pearson's X^2, its p and standardised residuals")
    func rxc() throws {
        let r = RandomCaseTests.reference
        for key in RandomCaseTests.keys("rxc.") {
            let v = try r.numbers("\(key).table").map { Int($0) }
            let dim = try r.numbers("\(key).dim").map { Int($0) }
            let table = try ContingencyTable((0..<dim[0]).map { i in Array(v[(i * dim[1])..<((i + 1) * dim[1])]) })
            #expect(agrees(try FisherExactTest(table).pValue, try r.number("\(key).fisher_p"), tolerance: 1e-8), "\(key) Fisher")
            let chi = try ChiSquareIndependenceTest(table)
            #expect(agrees(chi.statistic, try r.number("\(key).chisq"), tolerance: 1e-10), "\(key) X^2 \(chi.statistic)")
            #expect(agrees(chi.pValue, try r.number("\(key).chisq_p"), tolerance: 1e-10), "\(key) p")
            #expect(agreesAll(chi.standardizedResiduals.flatMap { $0 }, try r.numbers("\(key).stdres"), tolerance: 1e-10, absolute: 1e-14))
        }
    }

    @Test("two proportions, p.adjust and simultaneous multinomial intervals")
    func proportions() throws {
        let r = RandomCaseTests.reference
        for key in RandomCaseTests.keys("prop.") {
            let d = try r.numbers("\(key).data").map { Int($0) }
            let c = try TwoProportionComparison(successes: d[0], trials: d[1], baselineSuccesses: d[2], baselineTrials: d[3])
            #expect(agreesAll([c.lower, c.upper], try r.numbers("\(key).ci"), tolerance: 1e-10, absolute: 1e-15), "\(key) interval")
            let p = try r.number("\(key).p")
            if p.isNaN { #expect(c.test == nil) } else { #expect(agrees(try #require(c.test).pValue, p, tolerance: 1e-10), "\(key) p") }
        }
        for key in RandomCaseTests.keys("padjust.") {
            let p = try r.numbers("\(key).p")
            for method in PValueAdjustment.allCases {
                #expect(agreesAll(try method.adjust(p), try r.numbers("\(key).\(method.rawValue)"), tolerance: 1e-14), "\(key) \(method)")
            }
        }
        for key in RandomCaseTests.keys("multi.") {
            let counts = try r.numbers("\(key).counts").map { Int($0) }
            let sg = try SimultaneousMultinomialIntervals(counts: counts, method: .sisonGlaz)
            #expect(agreesAll(sg.lower, try r.numbers("\(key).sg_lower"), tolerance: 1e-8), "\(key) SG lower")
            #expect(agreesAll(sg.upper, try r.numbers("\(key).sg_upper"), tolerance: 1e-8), "\(key) SG upper")
            let goodman = try SimultaneousMultinomialIntervals(counts: counts, method: .goodman)
            #expect(agreesAll(goodman.lower, try r.numbers("\(key).goodman_lower"), tolerance: 1e-10), "\(key) Goodman lower")
            #expect(agreesAll(goodman.upper, try r.numbers("\(key).goodman_upper"), tolerance: 1e-10), "\(key) Goodman upper")
        }
    }
}
