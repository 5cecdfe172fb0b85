import Foundation
import Testing
import TIPStats

/// Rates against R (`Reference/r/rates.R`: poisson.test, epitools' ageadjust.direct written out).
@Suite("Rates")
struct RateTests {
    static let reference = ReferenceCases("r/rates.txt")

    @Test("rate per 100,000 with the exact Garwood interval", arguments: ["hotline", "zero", "small90"])
    func populationRate(key: String) throws {
        let r = RateTests.reference
        let data = try r.numbers("rate.\(key).data")
        let rate = try PopulationRate(count: Int(data[0]), population: data[1], level: data[2])
        #expect(agrees(rate.rate, try r.number("rate.\(key).rate"), tolerance: 1e-12))
        #expect(agreesAll([rate.lower, rate.upper], try r.numbers("rate.\(key).ci"), tolerance: 1e-10))
    }

    @Test("directly age-standardised rate with Fay and Feuer's gamma interval", arguments: ["epitools", "sparse", "single"])
    func ageStandardised(key: String) throws {
        let r = RateTests.reference
        let rate = try AgeStandardisedRate(counts: try r.numbers("adjust.\(key).count").map { Int($0) },
                                           populations: try r.numbers("adjust.\(key).pop"),
                                           standard: try r.numbers("adjust.\(key).std"), level: try r.number("adjust.\(key).level"))
        #expect(agrees(rate.crudeRate, try r.number("adjust.\(key).crude"), tolerance: 1e-12))
        #expect(agrees(rate.rate, try r.number("adjust.\(key).rate"), tolerance: 1e-12))
        #expect(agrees(rate.variance, try r.number("adjust.\(key).variance"), tolerance: 1e-12))
        #expect(agrees(rate.lower, try r.number("adjust.\(key).lower"), tolerance: 1e-10))
        #expect(agrees(rate.upper, try r.number("adjust.\(key).upper"), tolerance: 1e-10))
    }

    @Test("one stratum: Fay-Feuer is the Garwood interval")
    func singleStratumIsGarwood() throws {
        let adjusted = try AgeStandardisedRate(counts: [7], populations: [50_000], standard: [1])
        let exact = try PopulationRate(count: 7, population: 50_000)
        #expect(agrees(adjusted.lower, exact.lower, tolerance: 1e-10) && agrees(adjusted.upper, exact.upper, tolerance: 1e-10))
    }

    @Test("bad strata are refused with the reason")
    func errors() {
        #expect(throws: StatsError(.invalidInput, "counts, populations and standard need one value per stratum (got 2, 2 and 3)")) {
            try AgeStandardisedRate(counts: [1, 2], populations: [10, 20], standard: [1, 1, 1])
        }
        #expect(throws: StatsError(.invalidInput, "populations must be positive finite numbers")) {
            try AgeStandardisedRate(counts: [1, 2], populations: [10, 0], standard: [1, 1])
        }
        #expect(throws: StatsError(.invalidInput, "population must be a positive finite number (got 0.0)")) {
            try PopulationRate(count: 3, population: 0)
        }
    }
}
