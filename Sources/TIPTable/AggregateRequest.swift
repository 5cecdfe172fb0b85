/// A streaming group-by over a CSV file: what `tipstat aggregate` computes.
///
/// Rows are grouped by the text of the `by` columns and counted; the `sum`, `mean`, `min` and
/// `max` columns are read as exact decimals (`1,234.50`, `$8,344`, `28%`) and summed without
/// rounding, so the result does not depend on the order of the rows or on how many threads
/// read them. Memory grows with the number of groups, not of rows.
///
/// - Group keys are typed after the scan: the distinct texts of a `by` column are typed as
///   `TableLoader` types a column (boolean, integer, …, period, string), equal typed keys
///   (`1,841` and `1841`) form one group, and groups sort by their typed keys (a year sorts as
///   a number; missing keys last).
/// - Missing values (the null tokens, or a short row) are counted per column in
///   `missing_COLUMN` and left out of sums, means, minima and maxima; a group with no value
///   has no sum (NA), never a sum of 0.
/// - A value that is not a number is an error located at its cell. Errors stop the command
///   with no result (a total that silently left a cell out would misstate the data); with
///   `strict` the scan stops at the first one. Rows excluded by `filters` are not checked.
/// - `filters` keep the rows whose column's text (spaces trimmed) equals one of the listed
///   values: values for the same column are alternatives, different columns must all match.
///
/// ```swift
/// var request = AggregateRequest(by: ["statute", "year"])
/// request.count = true
/// request.sum = ["amount"]
/// let result = request.run(.path("cases.csv"), threads: 2)
/// for p in result.problems { print(p) }
/// if let table = result.table { print(TableRenderer.render(table, as: .table)) }
/// ```
public struct AggregateRequest: Sendable {
    public var by: [String]
    public var count: Bool
    public var sum: [String]
    public var mean: [String]
    public var min: [String]
    public var max: [String]
    /// Column name and the texts it may hold.
    public var filters: [(column: String, values: [String])]
    public var nullTokens: Set<String>
    public var strict: Bool
    public var dialect: CSVDialect?
    public var limits: ReaderLimits
    /// The file's text encoding (transcoded to UTF-8 as it is read).
    public var encoding: TextEncoding = .utf8

    public init(by: [String], count: Bool = false, sum: [String] = [], mean: [String] = [], min: [String] = [],
                max: [String] = [], filters: [(column: String, values: [String])] = [],
                nullTokens: Set<String> = LoadOptions.defaultNullTokens, strict: Bool = false,
                dialect: CSVDialect? = nil, limits: ReaderLimits = ReaderLimits()) {
        self.by = by
        self.count = count
        self.sum = sum
        self.mean = mean
        self.min = min
        self.max = max
        self.filters = filters
        self.nullTokens = nullTokens
        self.strict = strict
        self.dialect = dialect
        self.limits = limits
    }

    /// Scans `input` with up to `threads` threads and returns the grouped table, or the
    /// problems that prevent it.
    public func run(_ input: CSVInput, threads: Int = 1, minimumPartBytes: Int = 1 << 20,
                    progress: ScanProgress? = nil) -> AggregateResult {
        CaseFileScan.run(input, dialect: dialect, limits: limits, strict: strict, threads: threads,
                         minimumPartBytes: minimumPartBytes, progress: progress, encoding: encoding) { header throws(CSVHeaderError) in
            let plan = try AggregatePlan(self, header: header)
            return (plan.wanted, { GroupAggregator(plan: plan) })
        }
    }
}
