import Testing
import TIPAnalysis

/// The analyses without the command line: the same requests `tipstat change`, `trend` and
/// `analyze` make, giving the same numbers as the end-to-end tests of the binary, against R
/// (Tests/TIPCLITests/Reference/make-reference.R). This target depends on TIPAnalysis alone.
@Suite("Analyses without the command line")
struct AnalysisTests {
    @Test("change from two counts: R's poisson.test(c(41, 29), c(0.75, 1))")
    func changeFromCounts() throws {
        let result = try ChangeRequest(.counts(baseline: 29, later: 41, baselineExposure: 1, laterExposure: 0.75)).run().result
        #expect(close(result.number("rate_ratio"), try r("change.29_41.estimate")))
        #expect(close(result.number("ci_low"), try r("change.29_41.lower")))
        #expect(close(result.number("ci_high"), try r("change.29_41.upper")))
        #expect(close(result.number("p_value"), try r("change.29_41.p")))
        #expect(result.number("count_change") == 12)
        #expect(result.notes.contains { $0.kind == .caution && $0.text.hasPrefix("The exposures differ (1 and 0.75)") })
    }

    @Test("change between two rows of a file, with a one-sided null of +40%")
    func changeFromRows() throws {
        let from = try #require(Period(parsing: "2015")), to = try #require(Period(parsing: "2016-01/2016-09"))
        let outcome = try ChangeRequest(.rows(dataset("hotline.csv"), from: from, to: to, value: "cases"),
                                        nullRatio: 1.4, alternative: .greater).run()
        #expect(outcome.problems.isEmpty)
        let result = outcome.result
        #expect(result.title == "Change in cases: 2015 to Jan–Sep 2016")
        #expect(close(result.number("ci_low"), try r("change_greater.29_41_1.4.lower")))
        #expect(close(result.number("p_value"), try r("change_greater.29_41_1.4.p")))
        #expect(result.number("ci_high") == .infinity)
        let referrals = try ChangeRequest(.rows(dataset("dcf-referrals.csv"), from: from, to: to)).run().result
        #expect(close(referrals.number("rate_ratio"), try r("change.133_151.estimate")))
        #expect(close(referrals.number("p_value"), try r("change.133_151.p")))
    }

    @Test("change from a zero base, and over periods of unequal length")
    func changeFromZero() throws {
        let zero = try ChangeRequest(.counts(baseline: 0, later: 5)).run().result
        #expect(zero.field("rate_ratio").map { if case .null = $0 { true } else { false } } == true)
        #expect(close(zero.number("ci_low"), try r("change.0_5.lower")))
        #expect(close(zero.number("p_value"), try r("change.0_5.p")))
        let judicial = try ChangeRequest(.rows(dataset("judicial.csv"), from: try #require(Period(parsing: "2006/2016-03")),
                                               to: try #require(Period(parsing: "2016-03/2016-12")), value: "convictions", period: "period"))
        let convictions = try judicial.run().result
        #expect(close(convictions.number("ci_low"), try r("change.0_2_123m_10m.lower")))
        #expect(close(convictions.number("p_value"), try r("change.0_2_123m_10m.p")))
        #expect(convictions.notes.contains { $0.kind == .caution && $0.text.hasPrefix("The periods overlap: both hold Mar 2016") })
    }

    @Test("Poisson trend over periods: R's glm(family = poisson) with log(exposure) offset, and its quasi-Poisson intervals")
    func poissonTrend() throws {
        let request = try TrendRequest(dataset("dcf-referrals.csv"), time: "period", value: "referrals", model: .poisson,
                                       exclude: [try #require(Period(parsing: "2013/2016")), Period(year: 2016)])
        let result = try request.run().result
        #expect(result.number("n") == 9)
        for (i, c) in result.records("coefficients").enumerated() {
            #expect(close(c.number("estimate"), try r("trend.estimate.\(i + 1)"), tolerance: 1e-8))
            #expect(close(c.number("std_error"), try r("trend.se.\(i + 1)"), tolerance: 1e-8))
        }
        #expect(close(result.number("deviance"), try r("trend.deviance"), tolerance: 1e-8))
        #expect(close(result.number("dispersion"), try r("trend.dispersion"), tolerance: 1e-8))
        #expect(close(result.field("rate_ratio")?.field("estimate")?.number, try r("trend.rate_ratio"), tolerance: 1e-8))
        #expect(close(result.field("rate_ratio")?.field("ci_low")?.number, try r("trend.rr_low"), tolerance: 1e-8))
        #expect(close(result.field("quasi_poisson_rate_ratio")?.field("ci_high")?.number, try r("trend.quasi_rr_high"), tolerance: 1e-8))
        let partial = try #require(result.records("points").first { $0.number("exposure") == 0.75 })
        #expect(partial.number("time") == 2016.375)
    }

    @Test("linear trend of the yearly rates: R's lm(I(y / e) ~ t)")
    func linearTrend() throws {
        let request = try TrendRequest(dataset("dcf-referrals.csv"), time: "period", value: "referrals",
                                       exclude: [try #require(Period(parsing: "2013/2016")), Period(year: 2016)])
        for (i, c) in try request.run().result.records("coefficients").enumerated() {
            #expect(close(c.number("estimate"), try r("trend_linear.estimate.\(i + 1)"), tolerance: 1e-9))
            #expect(close(c.number("std_error"), try r("trend_linear.se.\(i + 1)"), tolerance: 1e-9))
        }
    }

    @Test("analyze: the report's findings from the datasets, with R's numbers")
    func analyze() throws {
        let outcome = try AnalyzeRequest(directory: datasets, displayName: "Datasets").run()
        #expect(!outcome.inputHadErrors)
        let result = outcome.result
        let hotline = try #require(result.field("hotline_increase"))
        #expect(close(hotline.field("rate_ratio")?.number, try r("change.29_41.estimate")))
        #expect(close(hotline.field("ci_low")?.number, try r("change.29_41.lower")))
        #expect(close(hotline.field("p_value")?.number, try r("change.29_41.p")))
        let referrals = try #require(result.field("dcf_referrals_annualised"))
        #expect(close(referrals.field("ci_low")?.number, try r("poisson.151_0.75.lower")))
        #expect(close(referrals.field("ci_high")?.number, try r("poisson.151_0.75.upper")))
        let share = try #require(result.field("sex_trafficking_share"))
        #expect(close(share.field("wilson_low")?.number, 100 * (try r("wilson.24_29.lower"))))
        #expect(close(share.field("clopper_pearson_high")?.number, 100 * (try r("cp.24_29.upper"))))
        #expect(result.field("buyers")?.field("transactions")?.number == 82_992)
    }

    @Test("analyze: chosen findings in order, and an unknown one named with the argument as the caller names it")
    func analyzeChosen() throws {
        let chosen = try AnalyzeRequest(directory: datasets, findings: ["dcf_referrals_annualised", "buyers"]).run().result
        #expect(chosen.fields.map(\.key) == ["data", "level", "dcf_referrals_annualised", "buyers"])
        #expect {
            try AnalyzeRequest(directory: datasets, displayName: "Datasets", findings: ["hotline"]).run()
        } throws: { error in
            guard let e = error as? AnalysisError else { return false }
            return e.text(naming: { "--" + $0 })?.hasPrefix("Datasets: error: no finding \"hotline\" (given with --finding); the findings are buyers, ") == true
                && e.message?.hasPrefix("no finding \"hotline\" (given with finding)") == true
        }
    }

    @Test("the small-count rule withholds the counts of children and the sentences that state them")
    func suppression() throws {
        let rule = try SmallCountRule()
        let result = try AnalyzeRequest(directory: datasets, findings: ["demographics_2016_age"], suppression: rule).run().result
        let ages = try #require(result.field("demographics_2016_age"))
        guard case .text(let withheld)? = ages.field("10_count") else { Issue.record("the count of 1 is not withheld"); return }
        #expect(withheld == "<5")
        guard case .text(let words)? = ages.field("report_says") else { Issue.record("no sentence"); return }
        #expect(words == "withheld: it states a suppressed count")
        #expect(result.suppression == AnalysisResult.Suppression(threshold: 5, countsWithheld: result.suppression?.countsWithheld ?? -1))
        #expect((result.suppression?.countsWithheld ?? 0) > 0)
    }

    @Test("entry points check their own arguments, with the argument named as the caller names it")
    func arguments() {
        func text(_ call: () throws -> Void) -> String? {
            do { try call(); return nil } catch { return (error as? AnalysisError)?.text(naming: { "--" + $0.replacing("_", with: "-") }) }
        }
        #expect(text { _ = try ChangeRequest(.counts(baseline: 29, later: 41), level: 1.5) } == "--level must lie strictly between 0 and 1 (got 1.5)")
        #expect(text { _ = try ChangeRequest(.counts(baseline: -1, later: 41)) } == "--counts must be 0 or more (got -1 and 41)")
        #expect(text { _ = try ChangeRequest(.counts(baseline: 1, later: 2), nullRatio: 0) } == "--null-ratio must be a positive number (got 0)")
        #expect(text { _ = try PoissonIntervalRequest(count: 3, exposure: 0) }
                == "--exposure must be a positive number (got 0): a count observed over no time has no rate")
        #expect(text { _ = try ProportionIntervalRequest(successes: 30, trials: 29) } == "--successes must lie between 0 and --trials 29 (got 30)")
        #expect(text { _ = try AnalyzeRequest(directory: datasets, level: .nan) } == "--level must lie strictly between 0 and 1 (got NaN)")
        #expect(text { _ = try SmallCountRule(threshold: 1) } == "--suppress-below must be at least 2 (got 1): a threshold of 1 withholds no count")
        #expect(throws: AnalysisError.self) { try TrendRequest(dataset("hotline.csv"), time: "period", value: "cases", level: 0) }
        #expect((try? PoissonIntervalRequest(count: 3, level: 2)) == nil)
    }

    @Test("an input's problems come with the failure that follows them, located")
    func failures() throws {
        #expect {
            try ChangeRequest(.rows(dataset("hotline.csv"), from: Period(year: 2017), to: Period(year: 2015), value: "cases")).run()
        } throws: { error in
            (error as? AnalysisError)?.description
                == "Datasets/hotline.csv: error: no row has period 2017 in column \"period\" (the periods are 2007-01/2016-09, 2014, 2015, 2016-01/2016-09, 2016)"
        }
    }
}
