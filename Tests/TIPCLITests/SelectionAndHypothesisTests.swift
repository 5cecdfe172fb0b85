import Foundation
import Testing

/// The options the notebooks needed, end to end: `show --column`, `analyze --finding`, and
/// `change` against a null ratio other than 1 (one-sided, R's `poisson.test(r =, alternative =)`),
/// with its caution for periods that overlap.
@Suite struct SelectionAndHypothesisTests {
    // MARK: show --column

    @Test func showPrintsOnlyTheColumnsNamedInTheirOrder() throws {
        let run = try tipstat(["show", "Datasets/judicial.csv", "--column", "statute", "--column", "Convictions",
                               "--column", "period", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout == """
        statute,convictions,period
        53a-192a,0,2006-01/2016-03
        53a-192a,2,2016-03/2016-12
        53a-83(c),0,2013/2016
        53a-82,1841,2005/2014
        53a-83,269,2005/2014

        """)
    }

    @Test func showNamesAColumnThatIsNotThere() throws {
        let run = try tipstat(["show", "Datasets/hotline.csv", "--column", "case"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "Datasets/hotline.csv: error: no column \"case\" (given with --column; the columns are period, calls, cases, "
            + "cases_sex, cases_labor, cases_sex_and_labor, cases_not_specified, qualifier, confidence, note, source, quote)\n")
    }

    @Test func showSuppressesWithinTheColumnsShown() throws {
        // Only the integer columns shown are suppressed: the 1 of 10-year-olds becomes <5.
        let run = try tipstat(["show", "Datasets/dcf-demographics.csv", "--column", "category", "--column", "count",
                               "--suppress-small-counts", "--format", "csv"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "category,count")
        #expect(lines[3] == "10,<5" && lines[1] == "15-16,75")
    }

    // MARK: analyze --finding

    @Test func analyzePrintsOnlyTheFindingsNamed() throws {
        let run = try tipstat(["analyze", "--finding", "hotline_increase", "--format", "json"])
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(Set(json.keys) == ["data", "level", "hotline_increase", "notes"])
        #expect(close(json.object("hotline_increase")?.number("rate_ratio"), try r("change.29_41.estimate")))
        // The demographics warning concerns a file this finding does not read.
        #expect(run.stderr.isEmpty)
        let notes = json["notes"] as? [[String: Any]] ?? []
        #expect(notes.first?["text"] as? String == "1 finding: 1 qualified (~).")
    }

    @Test func analyzeKeepsTheWarningsOfTheFilesAFindingReads() throws {
        let run = try tipstat(["analyze", "--finding", "demographics_undated_race_ethnicity", "--finding", "buyers"])
        #expect(run.status == 0)
        #expect(run.stderr == "Datasets/dcf-demographics.csv:7:4: warning: counts of \"race/ethnicity\" (undated) add to 209, not the stated total of 210\n")
        // In the order asked for.
        let race = try #require(run.stdout.range(of: "demographics_undated_race_ethnicity:"))
        let buyers = try #require(run.stdout.range(of: "buyers:"))
        #expect(race.lowerBound < buyers.lowerBound)
        #expect(run.stdout.contains("Note: 2 findings: 1 qualified (~), 1 inconsistent (✗).\n"))
    }

    @Test func analyzeNamesTheFindingsWhenOneIsUnknown() throws {
        let dir = try scratchFolder([
            "hotline.csv": "period,cases\n2015,29\n",
            "hotline.csv-metadata.json": #"{"tipstat:schema": "hotline"}"#,
        ])
        let run = try tipstat(["analyze", ".", "--finding", "hotline"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == ".: error: no finding \"hotline\" (given with --finding); the findings are buyers, hotline_increase, "
            + "hotline_calls_annualised, dcf_referrals_annualised, statute_53a_192a, statute_53a_83_c, prostitution_vs_patronizing, "
            + "sex_trafficking_share\n")
    }

    // MARK: change against a null ratio

    @Test func aOneSidedTestOfMoreThanFortyPercentMatchesR() throws {
        let run = try tipstat(["change", "Datasets/hotline.csv", "--from", "2015", "--to", "2016-01/2016-09", "--value", "cases",
                               "--null-ratio", "1.4", "--alternative", "greater", "--format", "json"])
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(close(json.number("rate_ratio"), try r("change.29_41.estimate")))
        #expect(close(json.number("ci_low"), try r("change_greater.29_41_1.4.lower")))
        #expect(json["ci_high"] is NSNull && json["percent_change_high"] is NSNull)
        #expect(close(json.number("p_value"), try r("change_greater.29_41_1.4.p")))
        #expect(json.number("null_ratio") == 1.4 && json["alternative"] as? String == "greater")
        let notes = (json["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(notes.contains("p_value tests the null hypothesis that the rate ratio is at most 1.4 (a change of at most +40.0%) against "
            + "the alternative that it is greater: a small p-value is evidence of a change of more than +40.0%."))
        #expect(notes.contains("ci_low is the one-sided 95% lower bound of the rate ratio (exact, conditional on the total), and ci_high is "
            + "infinite; the percentage bounds are the same as 100 (ratio - 1)."))
    }

    @Test func theDefaultTestPrintsNoHypothesisKeys() throws {
        let json = try jsonObject(try tipstat(["change", "--counts", "29", "41", "--exposures", "1", "0.75", "--format", "json"]).stdout)
        #expect(json["null_ratio"] == nil && json["alternative"] == nil)
    }

    @Test func aNullRatioMustBePositive() throws {
        let run = try tipstat(["change", "--counts", "29", "41", "--null-ratio", "0"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --null-ratio must be a positive number (got 0)\n"))
        let alternative = try tipstat(["change", "--counts", "29", "41", "--alternative", "more"])
        #expect(alternative.status == 64)
        #expect(alternative.stderr.hasPrefix("Error: The value 'more' is invalid for '--alternative <alternative>'. Please provide one of 'two-sided', 'greater' or 'less'.\n"))
    }

    @Test func overlappingPeriodsAndAZeroBaseAreSaid() throws {
        // 53a-192a: 0 convictions from January 2006 to March 2016, 2 from March to December 2016.
        let run = try tipstat(["change", "Datasets/judicial.csv", "--from", "2006/2016-03", "--to", "2016-03/2016-12", "--value", "convictions"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("rate_ratio           NA\n"))
        #expect(run.stdout.contains("ci_high              Inf\n"))
        #expect(run.stdout.contains("Caution: The periods overlap: both hold Mar 2016. An event of those months may be counted in both rows, "
            + "so the counts are not independent and the exact test's assumption fails; compare periods that do not overlap.\n"))
        let json = try jsonObject(try tipstat(["change", "Datasets/judicial.csv", "--from", "2006/2016-03", "--to", "2016-03/2016-12",
                                               "--value", "convictions", "--format", "json"]).stdout)
        #expect(close(json.number("ci_low"), try r("change.0_2_123m_10m.lower")))
        #expect(close(json.number("p_value"), try r("change.0_2_123m_10m.p")))
        // Periods that touch without sharing a month carry no caution.
        let apart = try tipstat(["change", "Datasets/hotline.csv", "--from", "2015", "--to", "2016", "--value", "cases"])
        #expect(!apart.stdout.contains("overlap"))
    }
}
