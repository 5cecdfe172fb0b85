import ArgumentParser
import TIPTable
import TIPStats
import TIPAnalysis
import TIPText

extension TestAlternative: ExpressibleByArgument {}

/// `tipstat change`: the change between two periods, as an exact rate ratio of counts.
struct ChangeCommand: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Change between two periods: exact rate ratio of two counts, as a percentage with its interval.",
        discussion: """
        Compares a count B over exposure TB with a baseline count A over exposure TA, as R's \
        poisson.test(c(B, A), c(TB, TA)): conditional on A + B, B is binomial, which gives the \
        exact (Clopper-Pearson) interval of the rate ratio (B/TB) / (A/TA) and the two-sided \
        exact p-value for no change. The percentage change is 100 (ratio - 1), and its interval \
        is the ratio's interval mapped the same way. From a zero baseline there is no ratio and \
        no percentage: the absolute change is given instead. Periods that overlap share months, \
        so their counts are not independent: the result then carries a caution.

        --null-ratio R tests the ratio R instead of 1 (no change), as poisson.test(..., r = R): \
        with --alternative greater, p_value is the exact one-sided p-value for "the rate ratio \
        exceeds R" (a claimed increase of more than 40% is --null-ratio 1.4), and the interval \
        is one-sided: ci_low is the lower bound at the level, ci_high infinite. --alternative \
        less gives the upper bound. The interval does not depend on R.

        From a file: the rows whose period is --from (the baseline) and --to; the exposure of \
        each is its period's length in years, so nine months (2016-01/2016-09) count as 0.75 of \
        a year against a full year. The value column is --value, or the file's only numeric \
        column. Values that are not whole counts get the plain percentage change only.

        From the command line: --counts A B [--exposures TA TB] (default exposures 1 and 1).

        Output keys: counts, exposures, rates, count_change, rate_ratio, percent_change, \
        ci_low, ci_high (the interval of the rate ratio), percent_change_low, \
        percent_change_high, p_value, level, method.

        Example:
          tipstat change Datasets/hotline.csv --from 2015 --to 2016-01/2016-09 --value cases
          tipstat change --counts 29 41 --exposures 1 0.75
          tipstat change --counts 29 41 --exposures 1 0.75 --null-ratio 1.4 --alternative greater
        """)

    @Argument(help: "A CSV file with a period column (or give --counts).")
    var file: String?

    @Option(help: ArgumentHelp("The baseline period (with FILE).", valueName: "period"))
    var from: String?

    @Option(help: ArgumentHelp("The later period (with FILE).", valueName: "period"))
    var to: String?

    @Option(help: ArgumentHelp("The value column (with FILE; default: the only numeric column).", valueName: "name"))
    var value: String?

    @Option(help: ArgumentHelp("The period column (with FILE; default: the column named period, or the only period column).", valueName: "name"))
    var period: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Two counts: the baseline A and the later B.", valueName: "n"))
    var counts: [Int] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Their exposures TA and TB (years observed; default 1 1).", valueName: "t"))
    var exposures: [Double] = []

    @Option(help: ArgumentHelp("Confidence level.", valueName: "p"))
    var level: Double = 0.95

    @Option(help: ArgumentHelp("The rate ratio under the null hypothesis (1: no change; 1.4: a 40% increase).", valueName: "r"))
    var nullRatio: Double = 1

    @Option(help: "two-sided, greater (the ratio exceeds --null-ratio) or less; one-sided gives a one-sided interval.")
    var alternative: TestAlternative = .twoSided

    @OptionGroup var result: ResultOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if file == nil {
            guard counts.count == 2 else { throw ValidationError("give FILE --from PERIOD --to PERIOD, or --counts A B") }
            if !exposures.isEmpty && exposures.count != 2 { throw ValidationError("--exposures takes two values, TA and TB (got \(exposures.count))") }
        } else {
            if !counts.isEmpty || !exposures.isEmpty { throw ValidationError("give either FILE or --counts, not both") }
            guard let from, let to else { throw ValidationError("with FILE, give --from PERIOD and --to PERIOD") }
            for p in [from, to] where Period(parsing: p) == nil {
                throw ValidationError("\(p) is not a period (2016, 2016-03, 2016-Q3, 2016-01/2016-09 or 2006/2016-03)")
            }
        }
        _ = try usage(request)
    }

    var inputs: [String] { file.map { [$0] } ?? [] }

    /// The comparison asked for: two rows of FILE, or the two counts.
    func request() throws(AnalysisError) -> ChangeRequest {
        guard let file, let from = from.flatMap(Period.init(parsing:)), let to = to.flatMap(Period.init(parsing:)) else {
            let t = exposures.isEmpty ? [1.0, 1.0] : exposures
            return try ChangeRequest(.counts(baseline: counts[0], later: counts[1], baselineExposure: t[0], laterExposure: t[1]),
                                     level: level, nullRatio: nullRatio, alternative: alternative)
        }
        return try ChangeRequest(.rows(Console.current.input(file), options: input.loadOptions(), from: from, to: to, value: value, period: period),
                                 level: level, nullRatio: nullRatio, alternative: alternative)
    }
}
