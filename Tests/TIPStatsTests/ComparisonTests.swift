import Foundation
import Testing
import TIPStats

/// Comparisons against R (`Reference/r/comparisons.R`: fisher.test, chisq.test, prop.test,
/// p.adjust, and May and Johnson's Sison-Glaz algorithm and Goodman's formula written out) and
/// against published tables (Newcombe 1998; Sison and Glaz 1999 as tabulated by Sangeetha et al. 2013).
@Suite("Comparisons")
struct ComparisonTests {
    static let reference = ReferenceCases("r/comparisons.txt")

    static func table(_ key: String) throws -> ContingencyTable {
        let values = try reference.numbers("\(key).table").map { Int($0) }
        let dim = try reference.numbers("\(key).dim").map { Int($0) }
        return try ContingencyTable((0..<dim[0]).map { i in Array(values[(i * dim[1])..<((i + 1) * dim[1])]) })
    }

    @Test("Fisher 2 x 2: p, conditional MLE odds ratio and exact interval, as fisher.test solved to 1e-15",
          arguments: [("tea", TestAlternative.twoSided, 0.95), ("tea_greater", .greater, 0.95), ("convictions", .twoSided, 0.95),
                      ("less90", .less, 0.90), ("zero", .twoSided, 0.95), ("large", .twoSided, 0.95)])
    func fisher2x2(key: String, alternative: TestAlternative, level: Double) throws {
        let r = ComparisonTests.reference
        let t = try FisherExactTest(try ComparisonTests.table("fisher.\(key)"), alternative: alternative, level: level)
        #expect(agrees(t.pValue, try r.number("fisher.\(key).p"), tolerance: 1e-10))
        #expect(agrees(try #require(t.oddsRatio), try r.number("fisher.\(key).estimate"), tolerance: 1e-8))
        #expect(agrees(try #require(t.lower), try r.number("fisher.\(key).lower"), tolerance: 1e-8))
        #expect(agrees(try #require(t.upper), try r.number("fisher.\(key).upper"), tolerance: 1e-8))
        // fisher.test itself stops uniroot at about 1e-4: its printed estimate is that close.
        #expect(agrees(try #require(t.oddsRatio), try r.number("fisher.\(key).estimate_uniroot_default"), tolerance: 1e-4))
        #expect(agreesAll([try #require(t.lower), try #require(t.upper)], try r.numbers("fisher.\(key).ci_uniroot_default"), tolerance: 1e-2))
    }

    @Test("Fisher r x c by enumeration: the exact p of fisher.test (FEXACT)", arguments: ["job", "3x3", "2x4"])
    func fisherRxC(key: String) throws {
        let t = try FisherExactTest(try ComparisonTests.table("fisher.\(key)"))
        #expect(agrees(t.pValue, try ComparisonTests.reference.number("fisher.\(key).p"), tolerance: 1e-8))
        #expect(t.oddsRatio == nil && (t.enumerationSteps ?? 0) > 0)
    }

    @Test("Fisher r x c: the enumeration bound and the one-sided refusal are errors")
    func fisherBounds() throws {
        let job = try ComparisonTests.table("fisher.job")
        #expect(throws: StatsError(.invalidInput, "the exact p-value needs more than 1000 steps of enumeration for this table; use the Monte Carlo p-value")) {
            try FisherExactTest(job, enumerationLimit: 1000)
        }
        #expect(throws: StatsError(.invalidInput, "a one-sided Fisher test needs a 2 x 2 table (got 4 x 4)")) {
            try FisherExactTest(job, alternative: .greater)
        }
        #expect(throws: StatsError(.invalidInput, "Monte Carlo replicates must lie between 1 and 10000000 (got 0)")) {
            try FisherExactTest(job, monteCarlo: MonteCarloPValue(replicates: 0, seed: 1))
        }
    }

    /// |p - p_R| within 4.5 standard errors of the difference of two Monte Carlo estimates.
    func withinMonteCarloError(_ p: Double, replicates: Int, _ reference: Double, referenceReplicates: Int) -> Bool {
        let se = (reference * (1 - reference) * (1 / Double(replicates) + 1 / Double(referenceReplicates))).squareRoot()
        return abs(p - reference) <= 4.5 * se
    }

    @Test("Monte Carlo p-values (Patefield's random tables) agree with R's within Monte Carlo error, and repeat with the seed")
    func monteCarlo() throws {
        let r = ComparisonTests.reference
        let settings = MonteCarloPValue(replicates: 20_000, seed: 7)
        let job = try ComparisonTests.table("mc.fisher_job")
        let fisher = try FisherExactTest(job, monteCarlo: settings)
        #expect(withinMonteCarloError(fisher.pValue, replicates: 20_000, try r.number("mc.fisher_job.p"), referenceReplicates: 1_000_000))
        #expect(withinMonteCarloError(fisher.pValue, replicates: 20_000, try FisherExactTest(job).pValue, referenceReplicates: .max))
        #expect(try FisherExactTest(job, monteCarlo: settings).pValue == fisher.pValue)
        #expect(try FisherExactTest(job, monteCarlo: MonteCarloPValue(replicates: 20_000, seed: 8)).pValue != fisher.pValue)

        let sparse = try ComparisonTests.table("mc.chisq_sparse")
        let chi = try ChiSquareIndependenceTest(sparse, method: .automatic(settings))
        #expect(chi.hasSmallExpected && chi.monteCarlo == settings)
        #expect(agrees(chi.statistic, try r.number("mc.chisq_sparse.statistic"), tolerance: 1e-12))
        #expect(withinMonteCarloError(chi.pValue, replicates: 20_000, try r.number("mc.chisq_sparse.p"), referenceReplicates: 1_000_000))

        // A 2 x 2 table simulated: the Monte Carlo Fisher p estimates the exact one.
        let tea = try ComparisonTests.table("fisher.tea")
        let simulated = try FisherExactTest(tea, monteCarlo: settings)
        #expect(withinMonteCarloError(simulated.pValue, replicates: 20_000, try r.number("fisher.tea.p"), referenceReplicates: .max))
    }

    @Test("Pearson chi-square: statistic, df, p, expected, residuals and standardised residuals as chisq.test",
          arguments: [("yates", true), ("noyates", false), ("smalldev", true), ("party", true), ("job", true)])
    func chiSquare(key: String, correct: Bool) throws {
        let r = ComparisonTests.reference
        let t = try ChiSquareIndependenceTest(try ComparisonTests.table("chisq.\(key)"), continuityCorrection: correct)
        #expect(agrees(t.statistic, try r.number("chisq.\(key).statistic"), tolerance: 1e-10))
        #expect(Double(t.df) == (try r.number("chisq.\(key).df")))
        #expect(agrees(t.pValue, try r.number("chisq.\(key).p"), tolerance: 1e-10))
        #expect(agreesAll(t.expected.flatMap { $0 }, try r.numbers("chisq.\(key).expected"), tolerance: 1e-12))
        #expect(agreesAll(t.residuals.flatMap { $0 }, try r.numbers("chisq.\(key).residuals"), tolerance: 1e-10, absolute: 1e-14))
        #expect(agreesAll(t.standardizedResiduals.flatMap { $0 }, try r.numbers("chisq.\(key).stdres"), tolerance: 1e-10, absolute: 1e-14))
    }

    @Test("Newcombe's hybrid score interval: R's Wilson limits combined, and Newcombe (1998) Table II, method 10",
          arguments: [("a", "0.0524", "0.3339"), ("b", "0.1705", "0.8090"), ("c", "0.0582", "0.8062"), ("d", "-0.0381", "0.1926"),
                      ("e", "-0.1611", "0.2775"), ("f", "-0.2775", "0.2775"), ("g", "0.6791", "1.0000"), ("h", "0.6075", "1.0000"),
                      ("iiconn", nil, nil)] as [(String, String?, String?)])
    func newcombe(key: String, publishedLower: String?, publishedUpper: String?) throws {
        let r = ComparisonTests.reference
        let data = try r.numbers("prop.\(key).data")
        let d = try TwoProportionComparison(successes: Int(data[0]), trials: Int(data[1]), baselineSuccesses: Int(data[2]),
                                            baselineTrials: Int(data[3]), level: data[4])
        #expect(agrees(d.lower, try r.number("prop.\(key).lower"), tolerance: 1e-10))
        #expect(agrees(d.upper, try r.number("prop.\(key).upper"), tolerance: 1e-10))
        if let publishedLower, let publishedUpper {
            #expect(String(format: "%.4f", d.lower) == publishedLower && String(format: "%.4f", d.upper) == publishedUpper)
        }
        if let p = r.optionalNumber("prop.\(key).p") {
            #expect(agrees(try #require(d.test).pValue, p, tolerance: 1e-10))
            let uncorrected = try TwoProportionComparison(successes: Int(data[0]), trials: Int(data[1]), baselineSuccesses: Int(data[2]),
                                                          baselineTrials: Int(data[3]), level: data[4], continuityCorrection: false)
            #expect(agrees(try #require(uncorrected.test).pValue, try r.number("prop.\(key).p_nocorrect"), tolerance: 1e-10))
        } else {
            #expect(d.test == nil)
        }
    }

    @Test("p.adjust: Bonferroni, Holm, Benjamini-Hochberg, with a missing p-value", arguments: PValueAdjustment.allCases)
    func pAdjust(method: PValueAdjustment) throws {
        let r = ComparisonTests.reference
        let p = try r.numbers("padjust.p").map { $0.isNaN ? nil : $0 }
        let adjusted = try method.adjust(p)
        let expected = try r.numbers("padjust.\(method.rawValue)")
        #expect(adjusted.count == expected.count)
        for (a, e) in zip(adjusted, expected) {
            if e.isNaN { #expect(a == nil) } else { #expect(agrees(try #require(a), e, tolerance: 1e-14)) }
        }
        #expect(throws: StatsError(.invalidInput, "p-value 2 must lie between 0 and 1 (got 1.5)")) { try method.adjust([0.1, 1.5]) }
    }

    @Test("simultaneous multinomial intervals: Sison-Glaz and Goodman as written out in R, and the published table",
          arguments: ["sisonglaz1999", "goodman1965", "package", "small"])
    func multinomial(key: String) throws {
        let r = ComparisonTests.reference
        let counts = try r.numbers("multi.\(key).counts").map { Int($0) }
        let level = try r.number("multi.\(key).level")
        let sg = try SimultaneousMultinomialIntervals(counts: counts, level: level, method: .sisonGlaz)
        #expect(Double(try #require(sg.sisonGlazC)) == (try r.number("multi.\(key).sg_c")))
        #expect(agrees(try #require(sg.sisonGlazDelta), try r.number("multi.\(key).sg_delta"), tolerance: 1e-8))
        #expect(agreesAll(sg.lower, try r.numbers("multi.\(key).sg_lower"), tolerance: 1e-10))
        #expect(agreesAll(sg.upper, try r.numbers("multi.\(key).sg_upper"), tolerance: 1e-8))
        let goodman = try SimultaneousMultinomialIntervals(counts: counts, level: level, method: .goodman)
        #expect(agreesAll(goodman.lower, try r.numbers("multi.\(key).goodman_lower"), tolerance: 1e-10))
        #expect(agreesAll(goodman.upper, try r.numbers("multi.\(key).goodman_upper"), tolerance: 1e-10))
        if key == "sisonglaz1999" {
            // Sangeetha, Subbiah and Srinivasan (2013), Table 2 (Sison and Glaz 1999's example), to 3 decimals.
            // The table prints 0.114 for the second lower limit, where 72/467 - 19/467 = 0.11349:
            // so the comparison allows 0.0006 (half a unit of the third decimal, plus that).
            #expect(agreesAll(sg.lower, [0.079, 0.114, 0.116, 0.086, 0.092, 0.146, 0.084], tolerance: 0, absolute: 0.0006))
            #expect(agreesAll(sg.upper, [0.164, 0.199, 0.201, 0.171, 0.177, 0.231, 0.169], tolerance: 0, absolute: 0.0006))
            #expect(agreesAll(goodman.lower, [0.085, 0.115, 0.116, 0.091, 0.096, 0.143, 0.089], tolerance: 0, absolute: 0.0006))
            #expect(agreesAll(goodman.upper, [0.166, 0.204, 0.207, 0.173, 0.181, 0.239, 0.171], tolerance: 0, absolute: 0.0006))
        }
    }

    @Test("bad tables are refused with the reason")
    func tableErrors() {
        #expect(throws: StatsError(.insufficientData, "column 2 of the table has no observations; remove it")) {
            try ContingencyTable([[3, 0], [2, 0]])
        }
        #expect(throws: StatsError(.invalidInput, "counts cannot be negative (row 2, column 1 is -1)")) {
            try ContingencyTable([[3, 1], [-1, 2]])
        }
        #expect(throws: StatsError(.invalidInput, "every row of the table must have 2 columns")) {
            try ContingencyTable([[3, 1], [1, 2, 3]])
        }
        #expect(throws: StatsError(.invalidInput, "a contingency table needs at least 2 rows and 2 columns")) {
            try ContingencyTable([[3, 1]])
        }
    }
}
