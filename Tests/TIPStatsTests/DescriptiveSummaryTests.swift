import Testing
@testable import TIPStats

@Suite("Descriptive statistics")
struct DescriptiveSummaryTests {
    /// NIST StRD univariate problems: certified mean, sd (n - 1) and lag-1 autocorrelation to at
    /// least 9 significant digits. NumAcc3 and NumAcc4 need the decimal reading and double-double
    /// sums; the others are a check that nothing is lost on easy data.
    @Test("NIST StRD univariate certified values", arguments: [
        "PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4",
    ])
    func strdUnivariate(name: String) throws {
        let set = try StRD(name)
        let s = try DescriptiveSummary(set.rows.map { $0[0] })
        #expect(s.n == set.rows.count)
        #expect(s.missing == 0)
        let mean = lre(s.mean, try set.certified("Sample Mean"))
        let sd = lre(try #require(s.sd), try set.certified("Sample Standard Deviation"))
        let r1 = lre(try #require(s.lag1Autocorrelation), try set.certified("Sample Autocorrelation"))
        #expect(mean >= 9, "\(name) mean LRE \(mean)")
        #expect(sd >= 9, "\(name) sd LRE \(sd)")
        #expect(r1 >= 9, "\(name) r(1) LRE \(r1)")
    }

    @Test("missing values are skipped and counted; quartiles are R type 7")
    func missingAndQuartiles() throws {
        // R: x <- c(4, 30, 31, 13, 94, 133); quantile(x) -> 4, 17.25, 30.5, 78.25, 133;
        // mean 50.83333..., sd 51.07...
        let s = try DescriptiveSummary([4, nil, 30, 31, 13, nil, 94, 133])
        #expect(s.n == 6)
        #expect(s.missing == 2)
        #expect(s.min == 4)
        #expect(s.q1 == 17.25)
        #expect(s.median == 30.5)
        #expect(s.q3 == 78.25)
        #expect(s.max == 133)
        #expect(abs(s.mean - 305.0 / 6) < 1e-13)
    }

    @Test("autocorrelation takes only neighbours that are both present")
    func autocorrelationAcrossGap() throws {
        // Present values 1, 2, 3, 4 (mean 2.5, deviations -1.5, -0.5, 0.5, 1.5, sum of squares 5).
        // Pairs (1,2) and (3,4) only, across the gap: (0.75 + 0.75) / 5 = 0.3.
        let s = try DescriptiveSummary([1, 2, nil, 3, 4])
        #expect(abs(try #require(s.lag1Autocorrelation) - 0.3) < 1e-15)
        // Without the gap the pair (2, 3) adds -0.25: 1.25 / 5.
        let t = try DescriptiveSummary([1, 2, 3, 4])
        #expect(abs(try #require(t.lag1Autocorrelation) - 0.25) < 1e-15)
    }

    @Test("one value: no sd, no autocorrelation; constant values: sd 0, no autocorrelation")
    func degenerate() throws {
        let one = try DescriptiveSummary([7])
        #expect(one.sd == nil)
        #expect(one.lag1Autocorrelation == nil)
        #expect(one.median == 7 && one.q1 == 7 && one.q3 == 7)
        let constant = try DescriptiveSummary([5, 5, 5])
        #expect(constant.sd == 0)
        #expect(constant.lag1Autocorrelation == nil)
    }

    @Test("all missing or non-finite values throw")
    func errors() {
        #expect(throws: StatsError(.insufficientData, "no values to summarise: all 2 values are missing")) {
            try DescriptiveSummary([nil, nil])
        }
        #expect(throws: StatsError(.invalidInput, "cannot summarise a non-finite value (nan)")) {
            try DescriptiveSummary([1, .nan])
        }
    }

    @Test("type-7 quantiles match R", arguments: [
        // R: quantile(c(1, 2, 3, 4), c(0, 0.1, 0.25, 0.5, 0.9, 1))
        (0.0, 1.0), (0.1, 1.3), (0.25, 1.75), (0.5, 2.5), (0.9, 3.7), (1.0, 4.0),
    ])
    func quantiles(p: Double, expected: Double) {
        #expect(abs(Quantile.type7(sorted: [1, 2, 3, 4], probability: p) - expected) < 1e-15)
    }

    @Test("a double is read as the decimal it prints as")
    func decimalReading() {
        let x = DoubleDouble(decimalOf: 10000000.1)
        // 10000000.1 - nearest double = 3.725290298461914e-10 (exact), so lo carries it.
        #expect(x.value == 10000000.1)
        #expect(abs((x - DoubleDouble(10000000.1)).value - 3.725290298461914e-10) < 1e-24)
        #expect(DoubleDouble(decimalOf: 1e-7).value == 1e-7)
        #expect(DoubleDouble(decimalOf: -0.1).value == -0.1)
    }
}
