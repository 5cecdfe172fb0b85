import Foundation
import Testing

/// End-to-end tests of the analysis commands: the built binary's table and JSON output against
/// R (Reference/make-reference.R) or exact arithmetic, exact stderr for bad and degenerate input.
@Suite struct AnalysisCommandTests {
    // MARK: interval

    @Test func intervalPoissonTableIsRoundedFromRsValues() throws {
        let run = try tipstat(["interval", "poisson", "--count", "151", "--exposure", "0.75"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        // R: poisson.test(151, 0.75)$conf.int = 170.5016..., 236.1291...; 151 / 0.75 = 201.333...
        #expect(run.stdout == """
        Exact Poisson interval

        statistic  value
        ---------  ---------------
        count      151
        exposure   0.75
        estimate   201.3
        ci_low     170.5
        ci_high    236.1
        level      0.95
        method     exact (Garwood)

        Assumption: The count is a Poisson count: events happen independently at a constant rate over the exposure.
        Note: Exact (Garwood) interval, as R's poisson.test: its coverage is at least 95% for every true rate.
        Note: The estimate is a rate per unit of exposure (151 / 0.75); when the exposure is part of a year, it is an annualised estimate, not an observed annual count.

        """)
    }

    @Test func intervalPoissonJSONIsExact() throws {
        let json = try jsonObject(try tipstat(["interval", "poisson", "--count", "151", "--exposure", "0.75", "--format", "json"]).stdout)
        #expect(json.number("estimate") == 151 / 0.75)
        #expect(close(json.number("ci_low"), try r("poisson.151_0.75.lower")))
        #expect(close(json.number("ci_high"), try r("poisson.151_0.75.upper")))
        #expect(json["method"] as? String == "exact (Garwood)")
        let zero = try jsonObject(try tipstat(["interval", "poisson", "--count", "0", "--format", "json"]).stdout)
        #expect(zero.number("ci_low") == 0)
        #expect(close(zero.number("ci_high"), try r("poisson.0_1.upper")))
    }

    @Test func intervalProportionWilsonAndClopperPearson() throws {
        let wilson = try jsonObject(try tipstat(["interval", "proportion", "--successes", "24", "--trials", "29", "--format", "json"]).stdout)
        #expect(close(wilson.number("ci_low"), try r("wilson.24_29.lower")))
        #expect(close(wilson.number("ci_high"), try r("wilson.24_29.upper")))
        #expect(wilson["method"] as? String == "wilson")
        let cp = try jsonObject(try tipstat(["interval", "proportion", "--successes", "24", "--trials", "29",
                                             "--method", "clopper-pearson", "--format", "json"]).stdout)
        #expect(close(cp.number("ci_low"), try r("cp.24_29.lower")))
        #expect(close(cp.number("ci_high"), try r("cp.24_29.upper")))
        #expect(close(cp.number("estimate"), 24.0 / 29.0, tolerance: 1e-15))
    }

    @Test func intervalUsageErrorsExit64() throws {
        let zero = try tipstat(["interval", "poisson", "--count", "3", "--exposure", "0"])
        #expect(zero.status == 64)
        #expect(zero.stderr.hasPrefix("Error: --exposure must be a positive number (got 0): a count observed over no time has no rate\n"))
        let empty = try tipstat(["interval", "proportion", "--successes", "0", "--trials", "0"])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("Error: --trials must be at least 1 (got 0): a share of an empty group is undefined\n"))
    }

    @Test func everyLevelOptionRejectsLevelsOutsideZeroToOne() throws {
        let commands: [[String]] = [
            ["interval", "poisson", "--count", "3"],
            ["interval", "proportion", "--successes", "1", "--trials", "3"],
            ["change", "Datasets/dcf-referrals.csv", "--from", "2015", "--to", "2016"],
            ["trend", "Datasets/dcf-referrals.csv", "--time", "period", "--value", "referrals"],
            ["regress", "Datasets/dcf-referrals.csv", "--x", "a", "--y", "b"],
            ["analyze", "Datasets"],
            ["estimate", "buyers", "--children", "456", "--buyers-per-day", "1", "--days", "182"],
            ["chart", "line", "Datasets/dcf-referrals.csv", "--x", "period", "--y", "referrals", "-o", "unused.svg"],
            ["chart", "histogram", "Datasets/dcf-referrals.csv", "--x", "referrals", "-o", "unused.svg"],
        ]
        for command in commands {
            for level in ["0", "1", "1.5", "-0.2", "nan"] {
                let run = try tipstat(command + ["--level=\(level)"])
                #expect(run.status == 64, "\(command) --level \(level)")
                #expect(run.stderr.hasPrefix("Error: --level must lie strictly between 0 and 1 (got "), "\(command) --level \(level): \(run.stderr)")
            }
        }
    }

    // MARK: describe

    @Test func describeMatchesR() throws {
        let run = try tipstat(["describe", "Datasets/dcf-referrals.csv", "--column", "referrals", "--format", "json"])
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(json.number("n") == 11 && json.number("missing") == 0)
        #expect(close(json.number("mean"), try r("describe.mean")))
        #expect(close(json.number("sd"), try r("describe.sd")))
        #expect(close(json.number("q1"), try r("describe.q1")))
        #expect(close(json.number("median"), try r("describe.median")))
        #expect(close(json.number("q3"), try r("describe.q3")))
        #expect(json.number("min") == 4 && json.number("max") == 456)
        // R's acf divides both sums by n, as NIST's r(1) does, so they agree.
        #expect(close(json.number("lag1_autocorrelation"), try r("describe.acf")))
    }

    @Test func describeLocatesNonNumericCells() throws {
        let dir = try scratchFolder(["bad.csv": "a,b\n1,x\n2,3\n,4\n5,abc\n"])
        let run = try tipstat(["describe", "bad.csv", "--column", "b"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == """
        bad.csv:2:2: error: column "b": expected a number, found "x"
        bad.csv:5:2: error: column "b": expected a number, found "abc"

        """)
        let missingColumn = try tipstat(["describe", "bad.csv", "--column", "c"], in: dir)
        #expect(missingColumn.status == 1)
        #expect(missingColumn.stderr == "bad.csv: error: no column \"c\" (the columns are a, b)\n")
    }

    @Test func describeDegenerateColumns() throws {
        let dir = try scratchFolder(["one.csv": "v\n7\n", "const.csv": "v\n3\n3\n3\n", "miss.csv": "v,w\nNA,1\n,2\n"])
        let one = try tipstat(["describe", "one.csv", "--column", "v", "--format", "json"], in: dir)
        #expect(one.status == 0)
        #expect(one.stderr == "one.csv: warning: column \"v\": only 1 value: no standard deviation or autocorrelation\n")
        let json = try jsonObject(one.stdout)
        #expect(json["sd"] is NSNull && json["lag1_autocorrelation"] is NSNull && json.number("mean") == 7)
        #expect(!one.stdout.contains("NaN") && !one.stdout.contains("nan"))
        let constant = try tipstat(["describe", "const.csv", "--column", "v"], in: dir)
        #expect(constant.status == 0)
        #expect(constant.stderr == "const.csv: warning: column \"v\": every value is 3: no variation, so no autocorrelation\n")
        #expect(constant.stdout.contains("sd                    0\n"))
        let missing = try tipstat(["describe", "miss.csv", "--column", "v"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr == "miss.csv: error: column \"v\": no values to summarise: all 2 values are missing\n")
    }

    // MARK: regress

    static let referrals = "year,referrals\n2008,4\n2009,30\n2010,31\n2011,13\n2014,94\n2015,133\n2016,\n"

    @Test func regressMatchesRsLm() throws {
        let dir = try scratchFolder(["referrals.csv": Self.referrals])
        let run = try tipstat(["regress", "referrals.csv", "--y", "referrals", "--x", "year", "--format", "json"], in: dir)
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(json.number("n") == 6 && json.number("missing") == 1 && json.number("df_residual") == 4)
        let coefficients = json.records("coefficients")
        #expect(coefficients.map { $0["term"] as? String } == ["(Intercept)", "year"])
        for (i, c) in coefficients.enumerated() {
            #expect(close(c.number("estimate"), try r("regress.estimate.\(i + 1)")))
            #expect(close(c.number("std_error"), try r("regress.se.\(i + 1)")))
            #expect(close(c.number("t"), try r("regress.t.\(i + 1)")))
            #expect(close(c.number("p"), try r("regress.p.\(i + 1)")))
            #expect(close(c.number("ci_low"), try r("regress.ci_low.\(i + 1)")))
            #expect(close(c.number("ci_high"), try r("regress.ci_high.\(i + 1)")))
        }
        #expect(close(json.number("residual_sd"), try r("regress.sigma")))
        #expect(close(json.number("r_squared"), try r("regress.r2")))
        #expect(close(json.number("f"), try r("regress.f")))
        // The raw-year quadratic is ill-conditioned (about 1e13): R itself keeps about 9 digits.
        let quadratic = try jsonObject(try tipstat(["regress", "referrals.csv", "--y", "referrals", "--x", "year", "--degree", "2", "--format", "json"], in: dir).stdout)
        for (i, c) in quadratic.records("coefficients").enumerated() {
            #expect(close(c.number("estimate"), try r("regress2.estimate.\(i + 1)"), tolerance: 1e-6))
        }
    }

    @Test func regressTableShowsTheCoefficients() throws {
        let dir = try scratchFolder(["referrals.csv": Self.referrals])
        let run = try tipstat(["regress", "referrals.csv", "--y", "referrals", "--x", "year"], in: dir)
        // R: estimate -34139, 17; se 6929.41, 3.4455; t -4.9267, 4.9340; p 0.00789, 0.00785.
        #expect(run.stdout.contains("""
        term         estimate  std_error       t        p  ci_low  ci_high
        -----------  --------  ---------  ------  -------  ------  -------
        (Intercept)    -34139       6929  -4.927  0.00789  -53378   -14900
        year               17      3.445   4.934  0.00785   7.434    26.57
        """))
        #expect(run.stdout.contains("Note: 1 row with a missing value left out.\n"))
    }

    @Test func regressDegenerateDesigns() throws {
        let dir = try scratchFolder([
            "sing.csv": "a,b,c\n1,2,3\n2,4,5\n3,6,7\n4,8,8\n",
            "const.csv": "x,y\n1,3\n2,3\n3,3\n",
            "one.csv": "x,y\n1,2\n",
        ])
        let singular = try tipstat(["regress", "sing.csv", "--y", "c", "--x", "a", "--x", "b"], in: dir)
        #expect(singular.status == 1)
        #expect(singular.stderr == "sing.csv: error: the design is singular: column 'b' is a linear combination of '(Intercept)', 'a' (less than 1e-13 of its norm lies outside their span); drop or combine columns\n")
        let constant = try tipstat(["regress", "const.csv", "--y", "y", "--x", "x"], in: dir)
        #expect(constant.status == 1)
        #expect(constant.stderr == "const.csv: error: the response is constant (every value is 3.0): there is no variation to model\n")
        let one = try tipstat(["regress", "one.csv", "--y", "y", "--x", "x"], in: dir)
        #expect(one.status == 1)
        #expect(one.stderr == "one.csv: error: a model with 2 coefficients needs at least 3 observations (got 1)\n")
        let constantX = try tipstat(["regress", "const.csv", "--y", "x", "--x", "y"], in: dir)
        #expect(constantX.stderr == "const.csv: error: predictor 'y' is constant (every value is 3.0), so with an intercept its coefficient cannot be estimated\n")
    }

    // MARK: trend

    static let trendArguments = ["trend", "Datasets/dcf-referrals.csv", "--time", "period", "--value", "referrals",
                                 "--exclude", "2013/2016", "--exclude", "2016"]

    @Test func poissonTrendOnPeriodsMatchesRsGlm() throws {
        let run = try tipstat(Self.trendArguments + ["--model", "poisson", "--format", "json"])
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(json.number("n") == 9)
        for (i, c) in json.records("coefficients").enumerated() {
            #expect(close(c.number("estimate"), try r("trend.estimate.\(i + 1)"), tolerance: 1e-8))
            #expect(close(c.number("std_error"), try r("trend.se.\(i + 1)"), tolerance: 1e-8))
        }
        #expect(close(json.number("deviance"), try r("trend.deviance"), tolerance: 1e-8))
        #expect(close(json.number("null_deviance"), try r("trend.null_deviance"), tolerance: 1e-8))
        #expect(close(json.number("dispersion"), try r("trend.dispersion"), tolerance: 1e-8))
        let rr = try #require(json.object("rate_ratio"))
        #expect(close(rr.number("estimate"), try r("trend.rate_ratio"), tolerance: 1e-8))
        #expect(close(rr.number("ci_low"), try r("trend.rr_low"), tolerance: 1e-8))
        let quasi = try #require(json.object("quasi_poisson_rate_ratio"))
        #expect(close(quasi.number("ci_low"), try r("trend.quasi_rr_low"), tolerance: 1e-8))
        #expect(close(quasi.number("ci_high"), try r("trend.quasi_rr_high"), tolerance: 1e-8))
        // The partial year stands at its midpoint with 9 months of exposure.
        let partial = try #require(json.records("points").first { $0["period"] as? String == "2016-01/2016-09" })
        #expect(partial.number("time") == 2016.375 && partial.number("exposure") == 0.75)
    }

    @Test func linearTrendUsesYearlyRates() throws {
        let json = try jsonObject(try tipstat(Self.trendArguments + ["--format", "json"]).stdout)
        for (i, c) in json.records("coefficients").enumerated() {
            #expect(close(c.number("estimate"), try r("trend_linear.estimate.\(i + 1)"), tolerance: 1e-9))
            #expect(close(c.number("std_error"), try r("trend_linear.se.\(i + 1)"), tolerance: 1e-9))
        }
    }

    @Test func trendOverDatesInDecimalYears() throws {
        // US dates read month first; each stands at the middle of its day in decimal years.
        // Reference: Reference/make-reference.R, trend_dates.*.
        let dir = try scratchFolder(["calls.csv": "date,calls\n1/15/2016,10\n2/15/2016,12\n3/15/2016,9\n"])
        let linear = try jsonObject(try tipstat(["trend", "calls.csv", "--time", "date", "--value", "calls", "--date-order", "mdy",
                                                 "--format", "json"], in: dir).stdout)
        #expect(close(linear.number("slope_per_year"), try r("trend_dates.slope")))
        let slope = try #require(linear.records("coefficients").last)
        #expect(close(slope.number("std_error"), try r("trend_dates.slope_se")))
        #expect(close(linear.records("points").first?.number("time"), 2016 + 14.5 / 366, tolerance: 1e-15))
        let poisson = try jsonObject(try tipstat(["trend", "calls.csv", "--time", "date", "--value", "calls", "--date-order", "mdy",
                                                  "--model", "poisson", "--format", "json"], in: dir).stdout)
        #expect(close(poisson.object("rate_ratio")?.number("estimate"), try r("trend_dates.rate_ratio")))
        let table = try tipstat(["trend", "calls.csv", "--time", "date", "--value", "calls", "--date-order", "mdy"], in: dir)
        #expect(table.stdout.contains("Note: Time is each date at the middle of its day in decimal years (2016-07-02 is 2016.5), so the slope is per year; each row's exposure is 1."))
        // change compares periods: a date column is refused at its cells.
        let change = try tipstat(["change", "calls.csv", "--from", "2016", "--to", "2017", "--period", "date", "--value", "calls",
                                  "--date-order", "mdy"], in: dir)
        #expect(change.status == 1)
        #expect(change.stderr.hasPrefix("calls.csv:2:1: error: column \"date\": "), "\(change.stderr)")
    }

    @Test func trendDegenerateInput() throws {
        let overlap = try tipstat(["trend", "Datasets/dcf-referrals.csv", "--time", "period", "--value", "referrals"])
        #expect(overlap.status == 1)
        #expect(overlap.stderr == "Datasets/dcf-referrals.csv:9:1: error: period 2016 overlaps 2016-01/2016-09 (line 8): a trend needs periods that do not overlap; leave one out with --exclude\n")
        let dir = try scratchFolder([
            "zero.csv": "year,cases\n2014,0\n2015,0\n2016,0\n",
            "exposure.csv": "year,cases,exposure\n2014,3,1\n2015,4,0\n2016,5,1\n",
            "half.csv": "year,cases\n2014,2.5\n2015,3\n2016,4\n",
            "same.csv": "year,cases\n2015,2\n2015,3\n2015,4\n",
        ])
        let zero = try tipstat(["trend", "zero.csv", "--time", "year", "--value", "cases", "--model", "poisson"], in: dir)
        #expect(zero.status == 1)
        #expect(zero.stderr == "zero.csv: error: every count is zero: a Poisson rate of zero has no finite log-linear trend\n")
        let noExposure = try tipstat(["trend", "exposure.csv", "--time", "year", "--value", "cases", "--exposure", "exposure"], in: dir)
        #expect(noExposure.status == 1)
        #expect(noExposure.stderr == "exposure.csv:3:3: error: the exposure is 0: a row observed over no time or population has no rate\n")
        let fraction = try tipstat(["trend", "half.csv", "--time", "year", "--value", "cases", "--model", "poisson"], in: dir)
        #expect(fraction.stderr == "half.csv:2:2: error: column \"cases\": 2.5 is not a whole count, which a Poisson trend needs (use --model linear)\n")
        let same = try tipstat(["trend", "same.csv", "--time", "year", "--value", "cases"], in: dir)
        #expect(same.status == 1)
        #expect(same.stderr == "same.csv: error: predictor 'year' is constant (every value is 2015.0), so with an intercept its coefficient cannot be estimated\n")
    }

    // MARK: change

    @Test func changeOfTheHotlineCasesMatchesPoissonTest() throws {
        let run = try tipstat(["change", "Datasets/hotline.csv", "--from", "2015", "--to", "2016-01/2016-09", "--value", "cases", "--format", "json"])
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(json["counts"] as? [Int] == [29, 41])
        #expect(json["exposures"] as? [Double] == [1, 0.75])
        #expect(close(json.number("rate_ratio"), try r("change.29_41.estimate")))
        #expect(close(json.number("ci_low"), try r("change.29_41.lower")))
        #expect(close(json.number("ci_high"), try r("change.29_41.upper")))
        #expect(close(json.number("p_value"), try r("change.29_41.p")))
        #expect(close(json.number("percent_change"), 100 * (try r("change.29_41.estimate") - 1)))
        #expect(close(json.number("percent_change_low"), 100 * (try r("change.29_41.lower") - 1)))
        // The same comparison from the command line.
        let direct = try jsonObject(try tipstat(["change", "--counts", "29", "41", "--exposures", "1", "0.75", "--format", "json"]).stdout)
        #expect(direct.number("rate_ratio") == json.number("rate_ratio") && direct.number("p_value") == json.number("p_value"))
    }

    @Test func changeTableStatesTheExposureCaution() throws {
        let run = try tipstat(["change", "--counts", "29", "41", "--exposures", "1", "0.75"])
        #expect(run.stdout.contains("rate_ratio           1.885\n"))
        #expect(run.stdout.contains("percent_change       88.5%\n"))
        #expect(run.stdout.contains("p_value              0.0107\n"))
        #expect(run.stdout.contains("Caution: The exposures differ (1 and 0.75): the counts alone change by 41.4%, the rates by 88.5%."))
    }

    @Test func changeFromZeroGivesNoPercentage() throws {
        let run = try tipstat(["change", "--counts", "0", "5", "--format", "json"])
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(json["percent_change"] is NSNull && json["rate_ratio"] is NSNull && json["ci_high"] is NSNull)
        #expect(json.number("count_change") == 5)
        #expect(close(json.number("ci_low"), try r("change.0_5.lower")))
        #expect(close(json.number("p_value"), try r("change.0_5.p")))
        #expect(!run.stdout.contains("NaN"))
        let both = try tipstat(["change", "--counts", "0", "0"])
        #expect(both.status == 1)
        #expect(both.stderr == "error: both counts are zero: there is no rate to compare\n")
    }

    @Test func changeFileErrorsAreLocated() throws {
        let noValue = try tipstat(["change", "Datasets/hotline.csv", "--from", "2015", "--to", "2016-01/2016-09", "--value", "calls"])
        #expect(noValue.status == 1)
        #expect(noValue.stderr == "Datasets/hotline.csv:4:2: error: column \"calls\" has no value for period 2015\n")
        let ambiguous = try tipstat(["change", "Datasets/hotline.csv", "--from", "2015", "--to", "2016"])
        #expect(ambiguous.stderr == "Datasets/hotline.csv: error: the file has several numeric columns (calls, cases, cases_sex, cases_labor, cases_sex_and_labor, cases_not_specified); choose one with --value\n")
        let absent = try tipstat(["change", "Datasets/hotline.csv", "--from", "2015", "--to", "2017", "--value", "cases"])
        #expect(absent.stderr == "Datasets/hotline.csv: error: no row has period 2017 in column \"period\" (the periods are 2007-01/2016-09, 2014, 2015, 2016-01/2016-09, 2016)\n")
    }

    // MARK: estimate buyers

    @Test func buyersPointEstimateAndSensitivity() throws {
        let run = try tipstat(["estimate", "buyers", "--data", "Datasets/demand-model.csv", "--sensitivity",
                               "--range", "days=30,365", "--range", "visits_per_buyer=1,10", "--format", "json"])
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(json.number("transactions") == 82_992.0)
        #expect(json.number("unique_buyers") == 82_992)
        #expect(json.records("assumptions").map { $0["factor"] as? String } == ["children", "buyers_per_child_per_day", "days", "visits_per_buyer"])
        #expect(json.object("stated_result")?.number("value") == 80_000)
        let sensitivity = json.records("sensitivity")
        #expect(sensitivity.map { $0["factor"] as? String } == ["days", "visits_per_buyer"])
        #expect(sensitivity[0].number("unique_buyers_at_high") == 166_440.0)
        #expect(sensitivity[1].number("unique_buyers_at_high") == 82_992.0 / 10)
    }

    @Test func buyersMonteCarloReproducesFromItsSeed() throws {
        let arguments = ["estimate", "buyers", "--children", "456", "--buyers-per-day", "1", "--days", "182",
                         "--vary", "days=uniform(30,365)", "--format", "json"]
        let first = try tipstat(arguments + ["--seed", "2016"])
        let again = try tipstat(arguments + ["--seed", "2016"])
        #expect(first.status == 0 && first.stdout == again.stdout)
        let json = try jsonObject(first.stdout)
        let sim = try #require(json.object("simulation"))
        #expect(sim["seed"] as? String == "2016" && sim.number("draws") == 100_000)
        // Only days varies, so buyers = 456 x days: the exact quantiles of 456 x U(30, 365) are
        // 456 (30 + 335 p); 100,000 draws put the sample quantiles within 1% of them.
        #expect(close(sim.number("median"), 456 * (30 + 335 * 0.5), tolerance: 0.01))
        #expect(close(sim.number("p2_5"), 456 * (30 + 335 * 0.025), tolerance: 0.01))
        #expect(close(sim.number("p97_5"), 456 * (30 + 335 * 0.975), tolerance: 0.01))
        // Without --seed a fresh seed is printed, and rerunning with it gives the same figures.
        let fresh = try jsonObject(try tipstat(arguments).stdout)
        let seed = try #require(fresh.object("simulation")?["seed"] as? String)
        let repeated = try jsonObject(try tipstat(arguments + ["--seed", seed]).stdout)
        #expect(repeated.object("simulation")?.number("median") == fresh.object("simulation")?.number("median"))
        let other = try jsonObject(try tipstat(arguments + ["--seed", "2017"]).stdout)
        #expect(other.object("simulation")?.number("median") != sim.number("median"))
    }

    @Test func buyersUsageErrors() throws {
        let noRange = try tipstat(["estimate", "buyers", "--data", "Datasets/demand-model.csv", "--sensitivity"])
        #expect(noRange.status == 64)
        #expect(noRange.stderr.hasPrefix("Error: --sensitivity needs a plausible range for at least one factor: give --range name=low,high, e.g. --range days=30,365\n"))
        let missing = try tipstat(["estimate", "buyers", "--children", "456"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("Error: give --buyers-per-day, --days, or --data with a demand dataset\n"))
        let zeroVisits = try tipstat(["estimate", "buyers", "--children", "456", "--buyers-per-day", "1", "--days", "182", "--visits-per-buyer", "0"])
        #expect(zeroVisits.status == 1)
        #expect(zeroVisits.stderr == "error: visits per buyer divides the transactions, so it must be positive over its whole range\n")
    }

    @Test func aFactorMissingFromTheDataComesFromItsOption() throws {
        let dir = try scratchFolder([
            "demand.csv": "factor,value,source\nchildren,456,report\nbuyers_per_child_per_day,1,report\n",
            "demand.csv-metadata.json": #"{"tipstat:schema": "demand"}"#,
        ])
        let withDays = try tipstat(["estimate", "buyers", "--data", "demand.csv", "--days", "100", "--format", "json"], in: dir)
        #expect(withDays.status == 0)
        #expect(try jsonObject(withDays.stdout).number("transactions") == 45_600.0)
        let without = try tipstat(["estimate", "buyers", "--data", "demand.csv"], in: dir)
        #expect(without.status == 1)
        #expect(without.stderr == "demand.csv: error: the demand data does not state the factor \"days\"; give --days\n")
    }

    // MARK: suppression

    @Test func suppressionMarksCountsAndWithholdsWhatTheyDerive() throws {
        let run = try tipstat(["interval", "poisson", "--count", "3", "--suppress-small-counts", "--format", "json"])
        let json = try jsonObject(run.stdout)
        #expect(json["count"] as? String == "<5")
        #expect(json["estimate"] as? String == "suppressed" && json["ci_high"] as? String == "suppressed")
        #expect(json.number("exposure") == 1)
        #expect(json.object("suppression")?.number("counts_withheld") == 1)
        let table = try tipstat(["interval", "poisson", "--count", "0", "--suppress-below", "3"]).stdout
        #expect(table.contains("count      0\n"))
        #expect(table.contains("Note: Counts from 1 to 2 are suppressed to protect privacy and shown as \"<3\" (no count in this result is that small)"))
        let csv = try tipstat(["change", "--counts", "2", "40", "--suppress-small-counts", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("counts_1,counts_2,exposures_1,exposures_2,rates_1,rates_2,count_change,rate_ratio"))
        #expect(csv.contains("\n<5,40,1,1,suppressed,suppressed,38,suppressed"))
    }

    @Test func showSuppressesTheCountColumnsAsked() throws {
        let run = try tipstat(["show", "Datasets/dcf-demographics.csv", "--suppress-small-counts", "--count-column", "count", "--format", "csv"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines[3].hasPrefix("2016,age,10,<5,,202,false"))
        #expect(lines[2].hasPrefix("2016,age,11-12,12,"))
        #expect(lines.contains { $0.hasPrefix(",race/ethnicity,Asian,0,") })
        let text = try tipstat(["show", "Datasets/dcf-referrals.csv", "--suppress-below", "10"]).stdout
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("2008 ") && $0.contains(" <10 ") })
        #expect(text.contains("Counts from 1 to 9 in referrals are suppressed to protect privacy and shown as \"<10\" (1 withheld)."))
        let notCounts = try tipstat(["show", "Datasets/dcf-demographics.csv", "--suppress-small-counts", "--count-column", "share"])
        #expect(notCounts.status == 1)
        #expect(notCounts.stderr.hasSuffix("Datasets/dcf-demographics.csv: error: column \"share\" holds percent values, not counts: only integer columns are suppressed\n"))
    }

    // MARK: analyze

    @Test func analyzeChecksTheReportAgainstTheData() throws {
        let run = try tipstat(["analyze", "--format", "json"])
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        let buyers = try #require(json.object("buyers"))
        #expect(buyers["verdict"] as? String == "qualified" && buyers.number("transactions") == 82_992)
        let hotline = try #require(json.object("hotline_increase"))
        #expect(close(hotline.number("count_percent_change"), 100.0 * 12 / 29))
        #expect(close(hotline.number("rate_ratio"), try r("change.29_41.estimate")))
        #expect(close(hotline.number("ci_low"), try r("change.29_41.lower")))
        #expect(close(hotline.number("p_value"), try r("change.29_41.p")))
        let referrals = try #require(json.object("dcf_referrals_annualised"))
        #expect(referrals.number("annualised") == 151 / 0.75)
        #expect(close(referrals.number("ci_low"), try r("poisson.151_0.75.lower")))
        #expect(close(referrals.number("rate_ratio"), try r("change.133_151.estimate")))
        #expect(close(referrals.number("p_value"), try r("change.133_151.p")))
        #expect(referrals["verdict"] as? String == "consistent" && referrals.number("referrals_full_year") == 202)
        let color = try #require(json.object("demographics_2018_race_ethnicity_grouped"))
        #expect(close(color.number("children_of_color_wilson_low"), 100 * (try r("wilson.153_210.lower"))))
        #expect(close(color.number("children_of_color_clopper_pearson_high"), 100 * (try r("cp.153_210.upper"))))
        #expect(json.object("demographics_undated_race_ethnicity")?["verdict"] as? String == "inconsistent")
        let served = try #require(json.object("served_international_institute_of_connecticut_2016"))
        #expect(close(served.number("wilson_high"), 100 * (try r("wilson.46_120.upper"))))
        let funding = try #require(json.object("funding_office_of_victim_services_judicial_branch_2016"))
        #expect(close(funding.number("spent"), 566.66, tolerance: 1e-12) && close(funding.number("cost_per_victim_housed"), 173.09, tolerance: 1e-12))
        #expect(run.stderr == "Datasets/dcf-demographics.csv:7:4: warning: counts of \"race/ethnicity\" (undated) add to 209, not the stated total of 210\n")
    }

    @Test func analyzeTablePutsEachFigureBesideItsSentence() throws {
        let run = try tipstat(["analyze"])
        #expect(run.stdout.contains("report_says            From January to September 2016, the NHTRC has received 145 calls from Connecticut and a total of 41 unique cases (incidents) of potential human trafficking. This is a more than 40% increase from 2015.\n"))
        #expect(run.stdout.contains("verdict_text           ~ more than 40% as a count comparison (+41.4%); the exposure-adjusted rate rose +88.5%\n"))
        #expect(run.stdout.contains("verdict_text              ~ 456 × 1 × 182 = 82,992 transactions is more than 80,000 as transactions; as buyers only if no buyer returns\n"))
        #expect(run.stdout.contains("Note: 14 findings: 6 consistent (✓), 3 qualified (~), 1 inconsistent (✗), 4 derived (=).\n"))
    }

    @Test func analyzeSaysWhatIsMissing() throws {
        let dir = try scratchFolder([
            "hotline.csv": "period,cases\n2015,29\n",
            "hotline.csv-metadata.json": #"{"tipstat:schema": "hotline"}"#,
        ])
        let run = try tipstat(["analyze", ".", "--format", "json"], in: dir)
        #expect(run.status == 0)
        let json = try jsonObject(run.stdout)
        #expect(json.object("hotline_increase")?["verdict_text"] as? String == "? cannot be checked: the data has no hotline cases for both 2015 and Jan–Sep 2016")
        #expect(json.object("buyers")?["verdict"] as? String == "missing_data")
    }

    @Test func analyzeWithholdsSentencesThatStateASuppressedCount() throws {
        let json = try jsonObject(try tipstat(["analyze", "--suppress-small-counts", "--format", "json"]).stdout)
        let ages = try #require(json.object("demographics_2016_age"))
        #expect(ages["10_count"] as? String == "<5")
        #expect(ages["report_says"] as? String == "withheld: it states a suppressed count")
        #expect(ages["10_share"] as? String == "suppressed")
        #expect(ages.number("15_16_count") == 75)
    }
}
