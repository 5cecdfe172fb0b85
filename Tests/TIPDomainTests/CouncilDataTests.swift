import Testing
import TIPTable
import TIPStats
import TIPDomain

/// The council's records as the analyses and figures read them: the figures the sources state,
/// with the row each comes from.
@Suite struct CouncilDataTests {
    @Test func readsEveryKindFromTheDatasetsFolder() throws {
        let data = try CouncilData.load(directory: datasetsFolder, displayName: "Datasets")
        #expect(!data.hasErrors)
        #expect(data.datasets.count == 6)
        #expect(data.referrals.map(\.referrals) == [4, 30, 31, 13, 94, 133, 151, 202, 456, 210, 241])
        let partial = try #require(data.referrals.first { $0.period.months == 9 })
        #expect(partial.referrals == 151)
        #expect(partial.provenance.reference == "Datasets/dcf-referrals.csv:8")
        #expect(partial.provenance.source == "TIP Council 2016 annual report, Council Member Activities, DCF")

        let patronizing = try #require(data.judicial.first { $0.statute == "53a-83" })
        #expect(patronizing.arrests == 1378 && patronizing.convictions == 269)
        #expect(patronizing.period.description == "2005/2014")
        let roundtable = try #require(data.judicial.first { $0.statute == "53a-192a" && $0.arrests == nil })
        #expect(roundtable.convictions == 2)

        let calls = try #require(data.hotline.first { $0.period.description == "2007-01/2016-09" })
        #expect(calls.calls == 765 && calls.cases == nil && calls.provenance.isLowerBound)
        let y2015 = try #require(data.hotline.first { $0.period == Period(year: 2015) })
        #expect(y2015.cases == 29 && y2015.casesSex == 24 && y2015.casesLabor == nil)
        #expect(data.hotline.first { $0.period == Period(year: 2016) }?.provenance.isCaution == true)

        let hispanic = try #require(data.demographics.first { $0.category == "Hispanic" })
        #expect(hispanic.count == 96 && hispanic.total == 210 && hispanic.period == nil && hispanic.complete == true)
        #expect(data.demographics.first { $0.dimension == "gender" }?.share == 86)

        let spent = data.providers.filter { $0.measure == "dollars_spent" }.map(\.value)
        #expect(spent == [346.18, 220.48])
        #expect(data.providers.first { $0.measure == "screened" }?.isDollars == false)
    }

    @Test func theDemandFactorsReproduceTheReportsArithmetic() throws {
        let data = try CouncilData.load(directory: datasetsFolder)
        let demand = try #require(data.demand)
        let estimate = try demand.model().pointEstimate()
        #expect(estimate.transactions == 456 * 1 * 182)
        #expect(estimate.uniqueBuyers == 82_992)
        #expect(demand.statedResult?.value == 80_000)
        #expect(demand.statedResult?.provenance.isLowerBound == true)
        #expect(try demand.model().children.source.hasPrefix("TIP Council 2016 annual report, End Demand CT: \u{201C}During"))
    }

    @Test func aDemandDatasetWithoutDaysCannotMakeAModel() {
        let d = dataset("factor,value\nchildren,456\nbuyers_per_child_per_day,1\n", kind: .demand)
        let data = CouncilData(datasets: [d])
        #expect(throws: StatsError(.insufficientData, "the demand data does not state the factor \"days\"")) {
            try data.demand?.model()
        }
    }

    @Test func aFileWithErrorsGivesNoRecordsButKeepsItsProblems() {
        let good = dataset("period,referrals\n2015,133\n", kind: .referrals)
        let bad = dataset("period,referrals\n2016,x\n", kind: .referrals)
        let data = CouncilData(datasets: [good, bad])
        #expect(data.referrals.map(\.referrals) == [133])
        #expect(data.hasErrors)
        #expect(data.problems.map(\.description) == ["d.csv:2:2: error: column \"referrals\": expected an integer, found \"x\""])
    }

    @Test func recordsReadColumnsUnderTheSchemasAliases() throws {
        // Another agency's export: "Year" for period, "Count" for referrals, "Offense", "Percent".
        let data = CouncilData(datasets: [
            dataset("Year,Count,Source\n2015,133,a letter\n", kind: .referrals),
            dataset("Statute,Offense,Year,Arrests,Convictions\n53a-192a,Trafficking (as exported),2014,3,0\n", kind: .judicial),
            dataset("year,dimension,category,percent\n2016,race/ethnicity,Hispanic,28%\n", kind: .demographics),
            dataset("period,cases_labour,cases_both\n2015,4,2\n", kind: .hotline),
            dataset("provider,program,period,measure,value\nP,Prog,2016,trainings,3\n", kind: .providers),
        ])
        #expect(!data.hasErrors, "\(data.problems)")
        let referral = try #require(data.referrals.first)
        #expect(referral.referrals == 133 && referral.period.description == "2015" && referral.provenance.source == "a letter")
        #expect(data.judicial.first?.offence == "Trafficking (as exported)")
        #expect(data.judicial.first?.arrests == 3)
        #expect(data.demographics.first?.share == 28)
        #expect(data.demographics.first?.period?.description == "2016")
        #expect(data.hotline.first?.casesLabor == 4 && data.hotline.first?.casesSexAndLabor == 2)
        #expect(data.providers.first?.programme == "Prog")
    }

    @Test func aFolderWithoutDatasetsIsAnError() {
        #expect(throws: CouncilData.LoadError.self) { try CouncilData.load(directory: "/nonexistent-folder") }
    }
}
