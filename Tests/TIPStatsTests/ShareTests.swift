import Testing
import TIPStats

@Suite("Distributions of shares")
struct ShareTests {
    @Test("the report's race/ethnicity shares sum to 100 within whole-point rounding")
    func shareTotal() throws {
        let c = try ShareTotalCheck(shares: [2, 5, 10, 28, 29, 26])
        #expect(c.total == 100 && c.tolerance == 3 && c.withinTolerance)
        #expect(c.rule == "6 shares rounded to 1 point can be off by 6 x 0.5 = 3 points in total")
        let off = try ShareTotalCheck(shares: [2, 5, 10, 28, 29, 20])
        #expect(!off.withinTolerance)
        #expect(off.statement == "shares sum to 94%, more than rounding explains (6 shares rounded to 1 point "
            + "can be off by 6 x 0.5 = 3 points in total): a category may be missing or mistyped")
        // One-decimal shares that sum to 100.2 are fine (3 x 0.05 = 0.15? no: 0.2 > 0.15).
        #expect(try !ShareTotalCheck(shares: [33.4, 33.4, 33.4], roundingUnit: 0.1).withinTolerance)
        #expect(try ShareTotalCheck(shares: [33.3, 33.3, 33.3], roundingUnit: 0.1).withinTolerance)
        // An explicit tolerance replaces the rule.
        let strict = try ShareTotalCheck(shares: [2, 5, 10, 28, 29, 27], tolerance: 0)
        #expect(!strict.withinTolerance && strict.rule == "tolerance set to 0 points")
    }

    @Test("shares back to counts: estimates, rounding ranges, whole counts that add up")
    func sharesToCounts() throws {
        let c = try SharesToCounts(categories: ["A", "B", "C"], shares: [33, 33, 34], total: 10)
        #expect(c.counts.map(\.estimate) == [3.3, 3.3, 3.4])
        #expect(c.counts.map(\.rounded) == [3, 3, 4])
        #expect(c.counts.map(\.rounded).reduce(0, +) == 10)
        #expect(abs(c.counts[0].low - 3.25) < 1e-12 && abs(c.counts[0].high - 3.35) < 1e-12)
        // Largest remainder, ties to the earlier category.
        let tie = try SharesToCounts(categories: ["A", "B", "C"], shares: [50, 25, 25], total: 2)
        #expect(tie.counts.map(\.rounded) == [1, 1, 0])
        // Shares summing to 101 are rescaled before rounding so the counts still add to the total.
        let over = try SharesToCounts(categories: ["A", "B"], shares: [51, 50], total: 210)
        #expect(over.counts.map(\.rounded).reduce(0, +) == 210)
    }

    @Test("chi-square goodness of fit matches R's chisq.test(x, p, rescale.p = TRUE)")
    func chiSquare() throws {
        let g = try ChiSquareGoodnessOfFit(categories: ["Black", "White", "Hispanic", "Multi", "Other"],
                                           observed: [39, 55, 96, 18, 1], baseline: [13, 55, 24, 5, 3])
        #expect(agrees(g.statistic, try rValue("chisq.race.statistic")))
        #expect(agrees(g.p, try rValue("chisq.race.p"), tolerance: 1e-9))
        for (i, cell) in g.cells.enumerated() {
            #expect(agrees(cell.expected, try rValue("chisq.race.expected.\(i + 1)")))
            #expect(agrees(cell.standardisedResidual, try rValue("chisq.race.residuals.\(i + 1)")))
        }
        #expect(g.df == 4 && g.n == 209)
        #expect(g.warnings.isEmpty)
        let small = try ChiSquareGoodnessOfFit(categories: ["a", "b"], observed: [9, 1], baseline: [0.8, 0.2])
        #expect(small.warnings == ["expected count for 'b' is 2, below 5: the chi-square approximation may be poor; consider merging categories"])
        #expect(throws: StatsError(.invalidInput, "the baseline share of 'b' must be positive (got 0.0): a category that cannot occur has no place in the test")) {
            try ChiSquareGoodnessOfFit(categories: ["a", "b"], observed: [9, 1], baseline: [1, 0])
        }
    }

    @Test("disproportionality: share over baseline share, with the Wilson interval divided through")
    func disproportionality() throws {
        let d = try DisproportionalityRatio(categories: ["Black", "White"], counts: [39, 170], baseline: [13, 87])
        let black = d.groups[0]
        #expect(black.share == 39.0 / 209)
        #expect(agrees(black.shareLow, try rValue("wilson.39_209_0.95.lower")))
        #expect(agrees(black.ratio, 39.0 / 209 / 0.13))
        #expect(agrees(black.ratioLow, try rValue("wilson.39_209_0.95.lower") / 0.13))
        #expect(agrees(black.ratioHigh, try rValue("wilson.39_209_0.95.upper") / 0.13))
        #expect(throws: StatsError(.insufficientData, "no observations: every count is zero")) {
            try DisproportionalityRatio(categories: ["a"], counts: [0], baseline: [1])
        }
    }
}
