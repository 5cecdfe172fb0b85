import Testing
import TIPStats

@Suite("Changes")
struct ChangeTests {
    @Test("percentage change, and none from a zero base")
    func change() throws {
        let up = try Change(from: 29, to: 41)
        #expect(up.absoluteChange == 12)
        #expect(up.percentChange == 100 * 12.0 / 29)
        #expect(up.statement == "up 12 from 29 to 41 (+41.4%)")
        let fromZero = try Change(from: 0, to: 2)
        #expect(fromZero.percentChange == nil)
        #expect(fromZero.statement == "up 2 from 0 to 2 (no percentage change from a zero base)")
        #expect(try Change(from: 35, to: 29).statement == "down 6 from 35 to 29 (-17.1%)")
        #expect(try Change(from: 0, to: 0).statement == "unchanged at 0")
        #expect(try Change(from: 0, to: 0).percentChange == nil)
    }

    @Test("year over year: element i is the change from value i to value i + 1")
    func series() throws {
        let s = try Change.series([94, 133, 202])
        #expect(s.map(\.absoluteChange) == [39, 69])
        #expect(s[1].statement == "up 69 from 133 to 202 (+51.9%)")
        #expect(try Change.series([5]).isEmpty)
        #expect(throws: StatsError(.invalidInput, "the value changed to must be a finite number (got inf)")) {
            try Change.series([1, .infinity])
        }
    }

    @Test("compound annual growth rate")
    func cagr() throws {
        // DCF referrals 2014 -> 2016 (94 -> 202): (202/94)^(1/2) - 1 = 46.5925...%
        let g = try CompoundAnnualGrowth(start: 94, end: 202, years: 2)
        #expect(agrees(try #require(g.ratePercent), 100 * ((202.0 / 94).squareRoot() - 1), tolerance: 1e-14))
        #expect(g.statement == "+46.6% a year compounded over 2 years (from 94 to 202)")
        let zero = try CompoundAnnualGrowth(start: 0, end: 4, years: 3)
        #expect(zero.ratePercent == nil)
        #expect(zero.statement == "up 4 from 0 to 4 (no percentage change from a zero base) over 3 years; no growth rate from a zero start")
        #expect(throws: StatsError(.invalidInput, "compound growth needs a positive number of years (got 0.0)")) {
            try CompoundAnnualGrowth(start: 1, end: 2, years: 0)
        }
    }
}
