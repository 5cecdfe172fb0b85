/// A problem found while scanning, located by data record and field rather than by line:
/// scanning counts no lines, and `ProblemLocator` turns records into lines afterwards.
///
/// ```swift
/// let p = PendingProblem(record: 41, field: 5, column: 6, message: "column \"amount\": expected a number, found \"x\"")
/// ```
public struct PendingProblem: Sendable, Hashable {
    /// 0-based index of the data record (header excluded) in the whole file.
    public var record: Int
    /// 0-based field whose starting line locates the problem.
    public var field: Int
    /// 1-based column printed in the message; nil prints no column.
    public var column: Int?
    public var severity: Problem.Severity
    public var message: String

    public init(record: Int, field: Int, column: Int?, severity: Problem.Severity = .error, message: String) {
        self.record = record
        self.field = field
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// A row whose number of fields differs from the header's, located as `TableLoader`
    /// locates it: at the first extra field, or just after the last field of a short row.
    public static func raggedRow(record: Int, fieldCount n: Int, columnCount m: Int) -> PendingProblem {
        PendingProblem(record: record, field: n > m ? m : n - 1, column: min(n, m) + 1,
                       message: "the row has \(n) field\(n == 1 ? "" : "s") but the header has \(m)")
    }

    /// File order: by record, then column.
    public static func inFileOrder(_ a: PendingProblem, _ b: PendingProblem) -> Bool {
        (a.record, a.column ?? 0) < (b.record, b.column ?? 0)
    }
}
