import ArgumentParser
import TIPTable
import TIPAnalysis

/// `tipstat trend FILE --time C --value C [--model linear|poisson]`: a trend over time.
struct TrendCommand: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Trend of a value over time: least squares, or Poisson regression of counts.",
        discussion: """
        Time: a column of years (2015), decimal years, dates (2016-03-04; see --date-order) \
        or periods (2015, 2016-01/2016-09, 2013/2016). A date stands at the middle of its day in \
        decimal years (2016-07-02 is 2016.5), with exposure 1. A period stands at its midpoint in decimal years (2015 is 2015.5, \
        January-September 2016 is 2016.375), and its length in years (months / 12) is its \
        exposure unless --exposure names a column: a partial period counts for the part of the \
        year it covers instead of being compared with full years as if it were one. Periods \
        must not overlap (2016 and 2016-01/2016-09 both hold the same months): leave one out \
        with --exclude. Rows with a missing time or value are left out and counted.

        --model linear (default): least squares of value / exposure (the yearly rate; the value \
        itself when every exposure is 1) on time, as tipstat regress.

        --model poisson: log(rate) = b0 + b1 time with log(exposure) as offset, fitted by IRLS \
        as R's glm(family = poisson); reports the rate ratio per year exp(b1) with its Wald \
        interval, the deviance, Pearson's chi-square and dispersion; when the dispersion is \
        above 1 (counts more variable than Poisson) the quasi-Poisson standard errors, t tests \
        and intervals are given too, and are the ones to report. Values must be whole counts.

        Example:
          tipstat trend Datasets/dcf-referrals.csv --time period --value referrals --model poisson --exclude 2013/2016 --exclude 2016
          tipstat trend data.csv --time year --value cases --format json
        """)

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: ArgumentHelp("The time column: years or periods.", valueName: "name"))
    var time: String

    @Option(help: ArgumentHelp("The value column (counts for --model poisson).", valueName: "name"))
    var value: String

    @Option(help: "linear or poisson.")
    var model: TrendRequest.Model = .linear

    @Option(help: ArgumentHelp("A column of exposures (years observed, population...); default: period lengths in years, or 1.", valueName: "name"))
    var exposure: String?

    @Option(help: ArgumentHelp("Leave out the rows of this period; repeat for several.", valueName: "period"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("Confidence level of the intervals.", valueName: "p"))
    var level: Double = 0.95

    @OptionGroup var result: ResultOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        for p in exclude where Period(parsing: p) == nil {
            throw ValidationError("--exclude \(p): not a period (2016, 2016-03, 2016-Q3, 2016-01/2016-09 or 2006/2016-03)")
        }
        _ = try usage(request)
    }

    var inputs: [String] { [file] }

    func request() throws(AnalysisError) -> TrendRequest {
        try TrendRequest(Console.current.input(file), options: input.loadOptions(), time: time, value: value, model: model,
                         exposure: exposure, exclude: exclude.compactMap(Period.init(parsing:)), level: level)
    }
}

extension TrendRequest.Model: ExpressibleByArgument {}
