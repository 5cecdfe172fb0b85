import TIPTable
import TIPStats

/// Descriptive statistics of one numeric column of a CSV file: n, mean, standard deviation
/// (denominator n - 1), R's type-7 quartiles, and NIST's lag-1 autocorrelation over
/// neighbouring rows that are both present, in file order; sums in double-double arithmetic.
/// Missing cells are skipped and counted. What `tipstat describe` computes.
///
/// The order statistics (min, quartiles, median, max) of an integer column are values of
/// single rows, so they are counts to a ``SmallCountRule``; the moments are summaries.
///
/// ```swift
/// let result = try DescribeRequest(.path("Datasets/dcf-referrals.csv"), column: "referrals").run().result
/// result.number("median")   // 133
/// ```
public struct DescribeRequest: Sendable {
    public let input: CSVInput
    public let options: LoadOptions
    public let column: String

    public init(_ input: CSVInput, options: LoadOptions = LoadOptions(), column: String) {
        self.input = input
        self.options = options
        self.column = column
    }

    /// The statistics; a warning in the outcome's problems (and a caution in the result) when
    /// there is one value, no variation or no neighbouring pair.
    public func run() throws(AnalysisError) -> AnalysisOutcome {
        let data = try AnalysisTable.load(input, options: options, numeric: [column])
        let (_, col) = data.column(column)
        let summary: DescriptiveSummary
        do {
            summary = try DescriptiveSummary(col.numbers)
        } catch {
            throw data.failure("column \(quotedForMessage(col.name)): \(error.message)")
        }
        var problems = data.problems
        var notes: [AnalysisResult.Note] = []
        func warn(_ text: String) {
            problems.append(Problem(file: data.file, severity: .warning, message: "column \(quotedForMessage(col.name)): \(text)"))
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
        let result = AnalysisResult(title: "Descriptive statistics of \(col.name)", fields: [
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
        ], notes: notes)
        return AnalysisOutcome(result, problems: problems)
    }
}
