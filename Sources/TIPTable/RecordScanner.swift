import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How one part of a file was scanned.
struct PartOutcome: Sendable {
    /// Data records delivered (header and blank lines excluded).
    var records = 0
    /// The part ended where libcsv had no field or record open: the next part starts at a
    /// record boundary, which proves the split point safe.
    var endedAtRecordBoundary = true
    /// A syntax error, a limit or an I/O error: the file is read again by `ProblemLocator`,
    /// which names it with its line and column.
    var failed = false
    /// The sink asked to stop (strict mode after a problem).
    var stopped = false
}

/// The state libcsv's callbacks share, reached through the `void *` context. A struct behind
/// a pointer: no reference counting and no exclusivity checks per field.
struct ScanContext {
    var column = 0
    var firstLength = 0
    var record = 0
    var inHeader: Bool
    var active = true
    var failed = false
    var stopped = false
    let columnCount: Int
    let wanted: UnsafePointer<Bool>
    let maxFieldBytes: Int
    let maxFields: Int
    /// Unretained: the scan holds the sink for as long as the parser runs.
    let sink: Unmanaged<ScanSink>
}

/// libcsv field callback: counts the column and hands wanted fields to the sink.
private func scanField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let s = context.unsafelyUnwrapped.assumingMemoryBound(to: ScanContext.self)
    guard s.pointee.active else { return }
    let c = s.pointee.column
    s.pointee.column = c &+ 1
    if c == 0 { s.pointee.firstLength = length }
    if length > s.pointee.maxFieldBytes || c >= s.pointee.maxFields {
        s.pointee.failed = true
        s.pointee.active = false
        return
    }
    if c < s.pointee.columnCount && s.pointee.wanted[c] && !s.pointee.inHeader {
        s.pointee.sink._withUnsafeGuaranteedRef {
            $0.field(c, UnsafeBufferPointer(start: data?.assumingMemoryBound(to: UInt8.self), count: length))
        }
    }
}

/// libcsv record callback: skips bare line ends, blank lines and the header, numbers the rest.
private func scanRecord(_ c: Int32, _ context: UnsafeMutableRawPointer?) {
    let s = context.unsafelyUnwrapped.assumingMemoryBound(to: ScanContext.self)
    guard s.pointee.active else { return }
    let n = s.pointee.column
    guard n > 0 else { return }
    s.pointee.column = 0
    if n == 1 && s.pointee.firstLength == 0 {
        // A line of nothing but spaces, as `CSVReader` skips it.
        if !s.pointee.inHeader { s.pointee.sink._withUnsafeGuaranteedRef { $0.skipRecord() } }
        return
    }
    if s.pointee.inHeader {
        s.pointee.inHeader = false
        return
    }
    let r = s.pointee.record
    s.pointee.record = r &+ 1
    if !s.pointee.sink._withUnsafeGuaranteedRef({ $0.endRecord(r, fieldCount: n) }) {
        s.pointee.stopped = true
        s.pointee.active = false
    }
}

/// Scans one byte range of a file through libcsv set up as `CSVReader` sets it (`LibCSVParser`)
/// (strict, every line end reported), counting columns and records but not lines: the hot
/// path does nothing a problem-free file does not need.
struct RecordScanner {
    let dialect: CSVDialect
    let limits: ReaderLimits
    let columnCount: Int
    let wanted: [Bool]
    static let chunkSize = 1 << 16

    /// Scans `range` of `fd` (nil: read `fd` sequentially to its end). The first part skips a
    /// byte order mark and the header record; the last part finishes libcsv's input.
    func scan(fd: Int32, range: Range<Int>?, first: Bool, last: Bool, sink: ScanSink, progress: ScanProgress?) -> PartOutcome {
        var outcome = PartOutcome()
        var parser = csv_parser()
        guard LibCSVParser.initialise(&parser, dialect: dialect) else {
            outcome.failed = true
            return outcome
        }
        defer { csv_free(&parser) }

        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: RecordScanner.chunkSize)
        defer { buffer.deallocate() }
        let wantedFlags = UnsafeMutablePointer<Bool>.allocate(capacity: max(columnCount, 1))
        defer { wantedFlags.deallocate() }
        for c in 0..<columnCount { wantedFlags[c] = wanted[c] }

        let context = UnsafeMutablePointer<ScanContext>.allocate(capacity: 1)
        defer { context.deinitialize(count: 1); context.deallocate() }
        context.initialize(to: ScanContext(inHeader: first, columnCount: columnCount, wanted: wantedFlags,
                                           maxFieldBytes: limits.maxFieldBytes, maxFields: limits.maxFieldsPerRow,
                                           sink: Unmanaged.passUnretained(sink)))

        var offset = range?.lowerBound ?? 0
        var total = 0
        var atStart = first
        var reportedRecords = 0
        while context.pointee.active {
            let want = range.map { min(RecordScanner.chunkSize, $0.upperBound - offset) } ?? RecordScanner.chunkSize
            if want <= 0 { break }
            let n = range == nil ? read(fd, buffer, want) : pread(fd, buffer, want, off_t(offset))
            if n < 0 {
                if errno == EINTR { continue }
                outcome.failed = true
                return outcome
            }
            if n == 0 { break }
            offset += n
            total += n
            if range == nil && Int64(total) > limits.maxFileBytes {
                outcome.failed = true
                return outcome
            }
            var start = 0
            if atStart {
                atStart = false
                if ByteOrder.hasUTF8Mark(UnsafeBufferPointer(start: buffer, count: n)) { start = 3 }
            }
            let length = n - start
            let consumed = csv_parse(&parser, buffer + start, length, scanField, scanRecord, context)
            if consumed < length || LibCSVParser.fieldLengthSoFar(parser) > limits.maxFieldBytes { context.pointee.failed = true }
            if context.pointee.failed {
                outcome.failed = true
                return outcome
            }
            progress?.add(bytes: n, records: context.pointee.record - reportedRecords)
            reportedRecords = context.pointee.record
        }
        if context.pointee.active {
            if last {
                if csv_fini(&parser, scanField, scanRecord, context) != 0 || context.pointee.failed { outcome.failed = true }
            } else {
                outcome.endedAtRecordBoundary = parser.pstate == 0 && parser.entry_pos == 0 && context.pointee.column == 0
            }
        }
        withExtendedLifetime(sink) {}
        outcome.records = context.pointee.record
        outcome.stopped = context.pointee.stopped
        outcome.failed = outcome.failed || context.pointee.failed
        return outcome
    }
}
