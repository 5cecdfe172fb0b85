import Testing
import TIPStats
import TIPDomain

@Suite("Funding")
struct FundingTests {
    @Test("OVS 2016: $566.66 spent of $8,344 allocated")
    func share() throws {
        let f = try FundingShare(spent: 346.18 + 220.48, allocated: 8344)
        let percent: Double = 100 * (346.18 + 220.48) / 8344
        #expect(abs(try #require(f.percent) - percent) < 1e-12)
        #expect(f.statement == "$566.66 spent of $8,344 allocated (6.8%)")
        let none = try FundingShare(spent: 100, allocated: 0)
        #expect(none.share == nil && none.statement == "$100 spent of $0 allocated: no share of a zero allocation")
    }

    @Test("cost per unit, and none for zero units")
    func costPerUnit() throws {
        let housing = try CostPerUnit(dollars: 346.18, units: 2, unit: "victim housed")
        #expect(housing.costPerUnit == 173.09)
        #expect(housing.statement == "$346.18 for 2 victims housed: $173.09 per victim housed")
        let training = try CostPerUnit(dollars: 220.48, units: 31, unit: "participant")
        #expect(training.statement == "$220.48 for 31 participants: $7.11 per participant")
        let nothing = try CostPerUnit(dollars: 50, units: 0, unit: "participant")
        #expect(nothing.costPerUnit == nil)
        #expect(nothing.statement == "$50 with no participant counted: no cost per participant")
        #expect(throws: StatsError(.invalidInput, "the number of units cannot be negative (got -1)")) {
            try CostPerUnit(dollars: 1, units: -1, unit: "participant")
        }
    }
}
