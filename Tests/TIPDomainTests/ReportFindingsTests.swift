import Foundation
import Testing
import TIPTable
import TIPStats
import TIPDomain
import TIPTestSupport

/// The report's derived figures recomputed from the council's data, checked by exact arithmetic
/// and against R (`RReference`: Tests/TIPCLITests/Reference/make-reference.R, R 4.2.2).
@Suite struct ReportFindingsTests {
    static let findings = try! ReportFindings(data: try! CouncilData.load(directory: datasetsFolder, displayName: "Datasets"))

    func finding(_ id: String) throws -> Finding { try #require(Self.findings.finding(id), "no finding \(id)") }

    func r(_ key: String) throws -> Double { try #require(RReference.value(key), "no R reference \(key)") }

    @Test func theBuyerEstimateIsTransactionsNotBuyers() throws {
        let f = try finding("buyers")
        #expect(f.figure("transactions")?.value == 82_992.0)
        #expect(f.figure("stated_result")?.value == 80_000)
        #expect(f.verdict == .qualified)
        #expect(f.cautions[0].contains("at 2 visits per buyer they are 41,496 buyers"))
        #expect(f.rows == ["Datasets/demand-model.csv:2", "Datasets/demand-model.csv:3", "Datasets/demand-model.csv:4", "Datasets/demand-model.csv:5"])
    }

    @Test func theFortyPercentIncreaseHoldsForCountsButNotAsAnEstablishedRateIncrease() throws {
        let f = try finding("hotline_increase")
        // 41 / 29 - 1 exactly; R: poisson.test(c(41, 29), c(0.75, 1)).
        #expect(f.value("count_percent_change") == 100 * 12.0 / 29.0)
        #expect(abs(try #require(f.value("rate_ratio")) - 41.0 / 0.75 / 29.0) < 1e-15)
        #expect(abs(try #require(f.value("ci_low")) - (try r("change.29_41.lower"))) < 1e-12)
        #expect(abs(try #require(f.value("p_value")) - (try r("change.29_41.p"))) < 1e-14)
        #expect(f.verdict == .qualified)
        #expect(f.cautions[0].hasSuffix("the data support an increase, not that it exceeds 40%."))
        #expect(f.figure("cases_full_year_later")?.value == 54)
    }

    @Test func partialYearsAreAnnualisedWithExactIntervals() throws {
        let f = try finding("dcf_referrals_annualised")
        #expect(f.figure("annualised")?.value == 151 / 0.75)
        // R: poisson.test(151, 0.75)$conf.int
        #expect(abs(try #require(f.value("ci_low")) - (try r("poisson.151_0.75.lower"))) < 1e-9)
        #expect(abs(try #require(f.value("ci_high")) - (try r("poisson.151_0.75.upper"))) < 1e-9)
        #expect(f.verdict == .consistent)
        #expect(f.verdictText == "annualised estimate 201.3; the later full-year figure 202 lies within its interval")
        let calls = try finding("hotline_calls_annualised")
        #expect(calls.figure("annualised")?.value == 145 / 0.75)
        #expect(calls.figure("calls_full_year")?.value == 193)
    }

    @Test func convictionsAndArrestsByStatute() throws {
        let trafficking = try finding("statute_53a_192a")
        #expect(trafficking.figure("arrests_2006_01_to_2016_03")?.value == 10)
        #expect(trafficking.figure("convictions_2006_01_to_2016_03")?.value == 0)
        #expect(trafficking.figure("convictions_2016_03_to_2016_12")?.value == 2)
        #expect(trafficking.verdict == .consistent)
        let patronizing = try finding("statute_53a_83_c")
        #expect(patronizing.figure("conviction_arrest_ratio_2013_to_2016")?.value == nil)
        let f = try finding("prostitution_vs_patronizing")
        #expect(f.figure("arrest_ratio")?.value == 3557.0 / 1378.0)
        #expect(f.figure("conviction_arrest_ratio_patronizing")?.value == 269.0 / 1378.0)
        #expect(f.cautions.first?.hasPrefix("Convictions are not a subset") == true)
    }

    @Test func sharesAreCheckedToTheirRounding() throws {
        let sex = try finding("sex_trafficking_share")
        // 24/29 = 82.758...%: 82.8 rounded, 82.7 truncated.
        #expect(sex.verdict == .qualified)
        #expect(abs(try #require(sex.value("wilson_low")) - 100 * (try r("wilson.24_29.lower"))) < 1e-9)
        let color = try finding("demographics_2018_race_ethnicity_grouped")
        #expect(color.verdict == .consistent)
        #expect(abs(try #require(color.value("children_of_color_share")) - 100 * 153.0 / 210.0) < 1e-12)
        let race = try finding("demographics_undated_race_ethnicity")
        #expect(race.verdict == .inconsistent && race.figure("sum_of_counts")?.value == 209)
        #expect(try finding("demographics_undated_residence_at_exploitation").verdict == .consistent)
        #expect(try finding("demographics_2016_age").figure("10_count")?.kind == .childCount)
    }

    @Test func fundingAndOutputs() throws {
        let f = try finding("funding_office_of_victim_services_judicial_branch_2016")
        #expect(f.figure("spent")?.value == 346.18 + 220.48)
        #expect(f.figure("cost_per_victim_housed")?.value == 346.18 / 2)
        #expect(f.figure("cost_per_participant")?.value == 220.48 / 31)
        let served = try finding("served_international_institute_of_connecticut_2016")
        #expect(served.figure("share")?.value == 100 * 46.0 / 120.0)
    }

    @Test func missingInputsAreSaidNotFailed() throws {
        let data = CouncilData(datasets: [dataset("period,referrals\n2015,133\n", kind: .referrals)])
        let findings = try ReportFindings(data: data)
        #expect(findings.finding("buyers")?.verdict == .missingData)
        #expect(findings.finding("dcf_referrals_annualised")?.verdictText == "cannot be checked: the data has no DCF referrals for Jan–Sep 2016")
        #expect(findings.finding("hotline_increase")?.verdict == .missingData)
    }

    @Test func figuresFollowTheData() throws {
        // Different data, different figures: nothing is written into the findings.
        let data = CouncilData(datasets: [dataset("period,cases\n2015,20\n2016-01/2016-09,30\n", kind: .hotline)])
        let f = try ReportFindings(data: data).finding("hotline_increase")
        #expect(f?.figure("count_percent_change")?.value == 50)
        #expect(f?.figure("rate_ratio")?.value == 2)
    }

    /// The sources the claims quote, inside the repository: the council's quotes in Datasets/
    /// (every `quote` cell) and a verbatim copy of the annual report's text and of the public
    /// figures' page (Reference/sources/, copied from the shared sources the datasets were built
    /// from). The test reads only these, so it runs from a clean clone and never skips.
    static let referenceText: String = {
        let folder = repositoryRoot + "/Tests/TIPDomainTests/Reference/sources/"
        let copies = ["tip-council-2016-annual-report.txt", "public-figures.md"].map { (try? String(contentsOfFile: folder + $0, encoding: .utf8)) ?? "" }
        let data = (try? CouncilData.load(directory: datasetsFolder)).map { $0.datasets } ?? []
        let quotes = data.compactMap(\.table).flatMap { table in table.columnIndex("quote").map { table.columns[$0].values.compactMap(\.string) } ?? [] }
        return (copies + quotes).joined(separator: "\n")
    }()

    @Test("every claim is quoted word for word from the sources inside the repository")
    func everyClaimIsQuotedWordForWord() throws {
        func words(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let text = words(Self.referenceText)
        #expect(text.count > 20_000, "the copies of the sources are missing from Tests/TIPDomainTests/Reference/sources")
        for claim in ReportClaim.all {
            for part in claim.quote.components(separatedBy: " \u{2026} ") {
                #expect(text.contains(words(part)), "not in the sources: \(part)")
            }
        }
    }

    /// The shared sources, when they are beside the repository.
    static let sharedSources = repositoryRoot + "/../shared/sources/"

    @Test("the copies of the sources are the shared sources, byte for byte",
          .enabled(if: FileManager.default.fileExists(atPath: sharedSources), "the shared sources are not beside this checkout"))
    func copiesAreFaithful() {
        for name in ["tip-council-2016-annual-report.txt", "public-figures.md"] {
            #expect(FileManager.default.contents(atPath: repositoryRoot + "/Tests/TIPDomainTests/Reference/sources/" + name)
                    == FileManager.default.contents(atPath: Self.sharedSources + name), "\(name) differs from the shared source")
        }
    }
}

/// Errors of the computations are carried into the findings with their own words, never turned
/// into "missing data" or dropped.
@Suite("ReportFindings: errors carried")
struct ReportFindingsErrorTests {
    @Test("a level outside (0, 1) is refused, not a crash")
    func badLevel() {
        let data = CouncilData(datasets: [])
        #expect(throws: StatsError(.invalidInput, "confidence level must lie strictly between 0 and 1 (got 1.5)")) {
            try ReportFindings(data: data, level: 1.5)
        }
        #expect(throws: StatsError.self) { try ReportFindings(data: data, level: .nan) }
    }

    @Test("a demand factor the model refuses is invalid data, in the model's words; a factor not stated is missing, named")
    func demandErrors() throws {
        let zeroVisits = dataset("factor,value,unit\nchildren,456,children\nbuyers_per_child_per_day,1,buyers\ndays,182,days\n"
                                 + "visits_per_buyer,0,visits\n", kind: .demand)
        let refused = try #require(try ReportFindings(data: CouncilData(datasets: [zeroVisits])).finding("buyers"))
        #expect(refused.verdict == .invalidData)
        #expect(refused.verdictText == "cannot be computed: visits per buyer divides the transactions, so it must be positive over its whole range")
        #expect(refused.rows.count == 4)
        let noDays = dataset("factor,value,unit\nchildren,456,children\nbuyers_per_child_per_day,1,buyers\n", kind: .demand)
        let missing = try #require(try ReportFindings(data: CouncilData(datasets: [noDays])).finding("buyers"))
        #expect(missing.verdict == .missingData)
        #expect(missing.verdictText == "cannot be checked: the demand data does not state the factor \"days\"")
    }

    @Test("a rate ratio the test refuses says why")
    func rateRatioRefused() throws {
        let zeros = dataset("period,cases\n2015,0\n2016-01/2016-09,0\n", kind: .hotline)
        let f = try #require(try ReportFindings(data: CouncilData(datasets: [zeros])).finding("hotline_increase"))
        #expect(f.verdict == .missingData)
        #expect(f.verdictText == "cannot be checked: the rate ratio of the cases: both counts are zero: there is no rate to compare")
        #expect(f.rows.count == 2)
    }

    @Test("the verdict's mark for invalid data")
    func symbol() {
        #expect(Finding.Verdict.invalidData.symbol == "!")
        #expect(Finding.Verdict.invalidData.rawValue == "invalid_data")
    }
}
