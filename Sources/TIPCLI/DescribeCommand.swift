import ArgumentParser
import TIPTable
import TIPStats

/// `tipstat describe FILE --column C`: descriptive statistics of one numeric column.
struct DescribeCommand: ParsableCommand {
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

    func run() throws {
        let data = try AnalysisInput.load(file, input: input, numeric: [column])
        let (_, col) = data.column(column)
        let summary: DescriptiveSummary
        do {
            summary = try DescriptiveSummary(col.numbers)
        } catch {
            throw Output.failure("column \(quotedForMessage(col.name)): \(error.message)", file: data.file)
        }
        var notes: [AnalysisResult.Note] = []
        func warn(_ text: String) {
            Output.err("\(data.file): warning: column \(quotedForMessage(col.name)): \(text)\n")
            notes.append(.init(.caution, text))
        }
        if summary.n == 1 {
            warn("only 1 value: no standard deviation or autocorrelation")
        } else if summary.sd == 0 {
            warn("every value is \(formatNumber(summary.min)): no variation, so no autocorrelation")
        } else if summary.lag1Autocorrelation == nil {
            warn("no two neighbouring rows both have a value: no lag-1 autocorrelation")
        }
        if summary.missing > 0 {
            notes.append(.init(.note, "\(summary.missing) missing value\(summary.missing == 1 ? " was" : "s were") skipped."))
        }
        // An order statistic of integer counts is one row's count, suppressed like one; an
        // interpolated quartile and the moments are summaries of many rows.
        let isCount = col.type == .integer
        func order(_ x: Double) -> AnalysisResult.Value {
            isCount && x == x.rounded() ? .count(Int(x)) : .number(x, .summary)
        }
        try result.emit(AnalysisResult(title: "Descriptive statistics of \(col.name)", fields: [
            .init("n", .integer(summary.n)),
            .init("mean", .number(summary.mean, .summary)),
            .init("sd", .number(summary.sd, .summary)),
            .init("min", order(summary.min)),
            .init("q1", order(summary.q1)),
            .init("median", order(summary.median)),
            .init("q3", order(summary.q3)),
            .init("max", order(summary.max)),
            .init("lag1_autocorrelation", .number(summary.lag1Autocorrelation, .summary)),
            .init("missing", .integer(summary.missing)),
        ], notes: notes), inputs: [file])
    }
}
