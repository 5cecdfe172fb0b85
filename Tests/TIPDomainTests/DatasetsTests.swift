import Testing
import TIPTable
import TIPDomain

/// The council's own data: every file validates against the schema its metadata names, every
/// row carries a source, and the figures are the ones the sources state.
@Suite struct DatasetsTests {
    static let files = ["judicial", "dcf-referrals", "dcf-demographics", "hotline", "providers", "demand-model"]

    @Test(arguments: files)
    func validatesWithItsSchema(name: String) throws {
        let d = Dataset.load(path: "\(datasetsFolder)/\(name).csv")
        #expect(d.kind != nil)
        #expect(!d.hasErrors, "\(d.problems)")
        let table = try #require(d.table)
        #expect(table.metadata?.title != nil)
        #expect(table.metadata?.source != nil)
        let sources = try #require(table["source"])
        #expect(sources.values.allSatisfy { !($0.string ?? "").isEmpty })
    }

    @Test func onlyTheSourcesOwnDiscrepancyIsFlagged() {
        let d = Dataset.load(path: "\(datasetsFolder)/dcf-demographics.csv")
        #expect(d.problems.map(\.message) == ["counts of \"race/ethnicity\" (undated) add to 209, not the stated total of 210"])
    }

    @Test func statedFigures() throws {
        let referrals = try #require(Dataset.load(path: "\(datasetsFolder)/dcf-referrals.csv").table)
        let byPeriod = Dictionary(uniqueKeysWithValues: (0..<referrals.rowCount).map {
            (referrals["period"]!.values[$0].description, referrals["referrals"]!.values[$0].integer!)
        })
        #expect(byPeriod["2015"] == 133)
        #expect(byPeriod["2016-01/2016-09"] == 151)
        #expect(byPeriod["2013/2016"] == 456)
        #expect(byPeriod["2012"] == nil)

        let hotline = try #require(Dataset.load(path: "\(datasetsFolder)/hotline.csv").table)
        let row = try #require((0..<hotline.rowCount).first { hotline["period"]!.values[$0].description == "2016-01/2016-09" })
        #expect(hotline["cases"]!.values[row] == .integer(41))
        #expect(hotline["calls"]!.values[row] == .integer(145))

        let judicial = try #require(Dataset.load(path: "\(datasetsFolder)/judicial.csv").table)
        let patronizing = try #require((0..<judicial.rowCount).first { judicial["statute"]!.values[$0] == .string("53a-83") })
        #expect(judicial["arrests"]!.values[patronizing] == .integer(1378))
        #expect(judicial["convictions"]!.values[patronizing] == .integer(269))
    }
}
