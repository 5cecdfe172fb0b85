import ArgumentParser
import TIPTable
import TIPAnalysis

/// `tipstat describe FILE --column C`: descriptive statistics of one numeric column.
struct DescribeCommand: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Descriptive statistics of a numeric column: n, mean, sd, quartiles, lag-1 autocorrelation.",
        discussion: """
        Missing cells are skipped and counted. The standard deviation has denominator n - 1; \
        quartiles and the median are R's default (type 7); the lag-1 autocorrelation is NIST's \
        r(1), taken over neighbouring rows that are both present, in file order. Sums are \
        accumulated in double-double arithmetic (every NIST StRD univariate set to 13 digits).

        Output keys: n, mean, sd, min, q1, median, q3, max, lag1_autocorrelation, missing. sd \
        is null for one value; lag1_autocorrelation is null without neighbouring values or \
        without variation (a warning on stderr says why).

        With --suppress-*, the order statistics (min, quartiles, median, max) of an integer \
        column are treated as counts: they are values of single rows.

        Example:
          tipstat describe Datasets/dcf-referrals.csv --column referrals
          tipstat describe data.csv --column amount --format json
        """)

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: ArgumentHelp("The numeric column to describe.", valueName: "name"))
    var column: String

    @OptionGroup var result: ResultOptions
    @OptionGroup var input: InputOptions

    var inputs: [String] { [file] }

    func request() -> DescribeRequest {
        DescribeRequest(Console.current.input(file), options: input.loadOptions(), column: column)
    }
}
