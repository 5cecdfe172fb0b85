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
