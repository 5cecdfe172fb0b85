/// Receives, from a `ParallelScan`, the fields it asked for and the end of each data record.
/// Subclasses override the four methods.
///
/// A scan gives each part of a file its own sink; when every part is done the later sinks are
/// absorbed, in file order, into the first. A sink keeps no pointer into the field bytes
/// (they are libcsv's buffer, reused for the next field) and allocates nothing per field, so
/// that a scan runs at the speed of libcsv itself. (A class rather than a protocol: libcsv's
/// callbacks reach it through an unretained reference, with no reference counting per field.)
///
/// ```swift
/// final class RowCounter: ScanSink {
///     var rows = 0
///     override func endRecord(_ record: Int, fieldCount: Int) -> Bool { rows += 1; return true }
///     override func absorb(_ later: ScanSink, recordOffset: Int) { rows += (later as! RowCounter).rows }
/// }
/// ```
open class ScanSink {
    public init() {}

    /// A field of a data record in a column the scan wants (0-based column).
    open func field(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) {}
    /// The fields delivered since the last record end belong to a blank line: forget them.
    open func skipRecord() {}
    /// The end of data record `record` (0-based within this part, header excluded) with
    /// `fieldCount` fields. Returns false to stop the scan (strict mode after a problem).
    open func endRecord(_ record: Int, fieldCount: Int) -> Bool { true }
    /// Adds what a later part's sink (made by the same factory) saw; its record numbers are
    /// shifted by `recordOffset`.
    open func absorb(_ later: ScanSink, recordOffset: Int) {}

    /// After the scan: the result table, adding to `problems` what only the whole file shows.
    open func finish(name: String) -> Table? { nil }
    /// Problems found so far, the first ones in file order (a sink may keep only some).
    open var problems: [PendingProblem] { [] }
    /// Problems found, including those not kept.
    open var problemCount: Int { problems.count }
    /// Problems about the file as a whole, with no record.
    open func fileProblems(name: String) -> [Problem] { [] }
}

/// A problem found while scanning, located by data record and field rather than by line:
/// scanning counts no lines, and `ProblemLocator` turns records into lines afterwards.
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
