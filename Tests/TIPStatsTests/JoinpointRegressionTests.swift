import Foundation
import Testing
import TIPStats

/// Joinpoint trends against R (`Reference/r/trends.R`: the grid search redone by brute force
/// with glm, the selected model refitted with its hinge terms and by segmented with the
/// joinpoint fixed), and the permutation test's properties.
@Suite("Joinpoint regression")
struct JoinpointRegressionTests {
    static let reference = ReferenceCases("r/trends.txt")

    struct Series {
        let counts: [Int]
        let times: [Double]
        let exposure: [Double]
        var harmonics: [RegressionPredictor] {
            (try? SeasonalHarmonics(period: 1, pairs: 1).predictors(times: times)) ?? []
        }
    }

    static func series(_ key: String) throws -> Series {
        Series(counts: try reference.numbers("\(key).counts").map { Int($0) }, times: try reference.numbers("\(key).times"),
               exposure: try reference.numbers("\(key).exposure"))
    }

    @Test("grid search: the best joinpoints and deviance for each k, as glm over the same admissible sets",
          arguments: [("bend1", 2), ("bend2", 2), ("seasonal", 1)])
    func grid(key: String, k: Int) throws {
        let s = try JoinpointRegressionTests.series(key)
        let trend = try JoinpointRegression(counts: s.counts, times: s.times, exposure: s.exposure,
                                            covariates: key == "seasonal" ? s.harmonics : [],
                                            minimumJoinpoints: k, maximumJoinpoints: k, permutations: 1, seed: 1)
        for j in 0...k {
            let r = JoinpointRegressionTests.reference
            #expect(agreesAll(trend.models[j].joinpoints, try r.numbers("\(key).k\(j).joinpoints"), tolerance: 1e-15), "k = \(j)")
            #expect(agrees(trend.models[j].deviance, try r.number("\(key).k\(j).deviance"), tolerance: 1e-8), "k = \(j)")
        }
        #expect(trend.tests.isEmpty && trend.joinpoints == trend.models[k].joinpoints)
    }

    @Test("segments: slopes, standard errors and APC intervals of the selected model, Poisson and quasi-Poisson",
          arguments: [("bend1", 1, CountFamily.poisson), ("bend1", 1, .quasiPoisson), ("bend2", 2, .poisson),
                      ("bend2", 2, .quasiPoisson), ("seasonal", 1, .poisson), ("seasonal", 1, .quasiPoisson)])
    func segments(key: String, k: Int, family: CountFamily) throws {
        let r = JoinpointRegressionTests.reference
        let s = try JoinpointRegressionTests.series(key)
        let trend = try JoinpointRegression(counts: s.counts, times: s.times, exposure: s.exposure,
                                            covariates: key == "seasonal" ? s.harmonics : [],
                                            minimumJoinpoints: k, maximumJoinpoints: k, family: family, permutations: 1, seed: 1)
        let prefix = "\(key).\(family.rawValue)"
        #expect(agreesAll(trend.segments.map(\.slope), try r.numbers("\(prefix).slope"), tolerance: 1e-8))
        #expect(agreesAll(trend.segments.map(\.stdError), try r.numbers("\(prefix).se"), tolerance: 1e-8))
        #expect(agreesAll(trend.segments.map(\.apc), try r.numbers("\(prefix).apc"), tolerance: 1e-8))
        #expect(agreesAll(trend.segments.map(\.apcLow), try r.numbers("\(prefix).apc_low"), tolerance: 1e-8))
        #expect(agreesAll(trend.segments.map(\.apcHigh), try r.numbers("\(prefix).apc_high"), tolerance: 1e-8))
        #expect(agrees(trend.fit.deviance, try r.number("\(prefix).deviance"), tolerance: 1e-8))
        if k == 1 {
            // segmented with the joinpoint held fixed, at glm's default tolerance.
            #expect(agreesAll(trend.segments.map(\.slope), try r.numbers("\(prefix).segmented_slope"), tolerance: 1e-6))
        }
        #expect(trend.segments.first?.startTime == s.times.first && trend.segments.last?.endTime == s.times.last)
    }

    @Test("the permutation test: a clear bend is found, a straight trend is kept, and the seed reproduces the p-values")
    func permutationTest() throws {
        let s = try JoinpointRegressionTests.series("bend2")
        let bent = try JoinpointRegression(counts: s.counts, times: s.times, maximumJoinpoints: 2, permutations: 49, seed: 11)
        #expect(bent.joinpoints == [8, 16])
        #expect(bent.tests.map(\.nullJoinpoints) == [0, 1] && bent.tests.allSatisfy(\.rejected))
        // With 49 permutations the smallest possible p is 1/50: every permuted ratio fell short.
        #expect(bent.tests.allSatisfy { $0.pValue == 0.02 && $0.permutationsUsed == 49 })
        #expect(bent.tests.map(\.testLevel) == [0.025, 0.05])

        // Counts exactly on a straight log-linear trend (rounded): no joinpoint is needed.
        let times = (1...15).map(Double.init)
        let straight = times.map { Int((20 * exp(0.05 * $0)).rounded()) }
        let flat = try JoinpointRegression(counts: straight, times: times, maximumJoinpoints: 1, permutations: 99, seed: 3)
        #expect(flat.joinpoints.isEmpty && flat.segments.count == 1)
        let test = try #require(flat.tests.first)
        #expect(!test.rejected && test.pValue > 0.05)
        let again = try JoinpointRegression(counts: straight, times: times, maximumJoinpoints: 1, permutations: 99, seed: 3)
        #expect(again.tests == flat.tests)
    }

    @Test("bad input and impossible searches throw with the reason")
    func errors() {
        let times = (1...7).map(Double.init)
        #expect(throws: StatsError(.insufficientData, "a series of 7 observations admits at most 1 joinpoint with 2 observations to either end and 2 between joinpoints (asked for 2)")) {
            try JoinpointRegression(counts: [1, 2, 3, 4, 5, 6, 7], times: times, maximumJoinpoints: 2, seed: 1)
        }
        #expect(throws: StatsError(.invalidInput, "times must increase strictly (time 3, 2.0, follows 2.0)")) {
            try JoinpointRegression(counts: [1, 2, 3], times: [1, 2, 2], maximumJoinpoints: 0, seed: 1)
        }
        #expect(throws: StatsError(.invalidInput, "joinpoint trends take the Poisson or quasi-Poisson family")) {
            try JoinpointRegression(counts: [1, 2, 3], times: [1, 2, 3], family: .negativeBinomial, seed: 1)
        }
        #expect(throws: StatsError(.invalidInput, "the grid search and permutation tests could need 1.1e+08 model fits, more than 20000000; lower the permutations or the maximum number of joinpoints")) {
            try JoinpointRegression(counts: Array(repeating: 5, count: 60), times: (1...60).map(Double.init), maximumJoinpoints: 2,
                                    permutations: 20_000, seed: 1)
        }
        // Refused from the count of candidate sets, before any is built (C(9988, 5), about 8e17 sets of 5, times 2 x 5 tests x 100 permutations).
        #expect(throws: StatsError(.invalidInput, "the grid search and permutation tests could need 8.3e+20 model fits, more than 20000000; lower the permutations or the maximum number of joinpoints")) {
            try JoinpointRegression(counts: Array(repeating: 5, count: 10_000), times: (1...10_000).map(Double.init),
                                    maximumJoinpoints: 5, permutations: 100, seed: 1)
        }
    }
}
