import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans a CSV file in parts on several threads, each part through its own libcsv parser,
/// with results identical to one thread.
///
/// The file is cut into `threads` byte ranges of about equal size, each cut placed after a
/// line feed. A cut is chosen where the lines before and after it hold an even number of
/// quote characters (a cut inside a quoted field with line breaks usually shows an odd
/// count), but that is only a guess: what proves a cut safe is the parser of the part before
/// it, which must end exactly at a record boundary (no field or record open, no quoted field
/// left unclosed). Parsing is deterministic, so when every cut is proven the parts together
/// deliver exactly the records one parser would. When a cut is not proven the whole file is
/// scanned again on one thread. A part that fails (syntax error, limit) or stops (strict
/// mode) ends the scan there, as one thread would; later parts are discarded.
///
/// Standard input, pipes and files under `minimumPartBytes` per part are scanned on one thread.
///
/// ```swift
/// let outcome = ParallelScan.scan(path: "cases.csv", dialect: CSVDialect(), limits: ReaderLimits(),
///                                 columnCount: 7, wanted: [false, true, true, false, false, true, false],
///                                 threads: 2) { MySink() }
/// ```
public enum ParallelScan {
    /// What a scan produced: the merged sink and how the scan went.
    public struct Outcome<Sink: ScanSink> {
        public var sink: Sink
        /// Data records delivered.
        public var records: Int
        /// Parts scanned concurrently (1 when the file was not split or a cut was not proven).
        public var parts: Int
        /// A syntax error, limit or I/O error stopped the scan: `ProblemLocator` names it.
        public var failed: Bool
        /// The sink stopped the scan.
        public var stopped: Bool
    }

    /// The number of processors online: the default for `--threads`.
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Scans the file at `path` (`-`: standard input) in up to `threads` parts of at least
    /// `minimumPartBytes`, delivering the `wanted` columns to sinks made by `makeSink` (one
    /// per part), and returns the first sink with the others absorbed into it in file order.
    public static func scan<Sink: ScanSink>(
        path: String, dialect: CSVDialect, limits: ReaderLimits, columnCount: Int, wanted: [Bool],
        threads: Int, minimumPartBytes: Int = 1 << 20, progress: ScanProgress? = nil,
        makeSink: () -> Sink
    ) -> Outcome<Sink> {
        let scanner = RecordScanner(dialect: dialect, limits: limits, columnCount: columnCount, wanted: wanted)
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return Outcome(sink: makeSink(), records: 0, parts: 1, failed: true, stopped: false) }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        let isRegular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        guard isRegular else {
            let sink = makeSink()
            let o = scanner.scan(fd: fd, range: nil, first: true, last: true, sink: sink, progress: progress)
            return Outcome(sink: sink, records: o.records, parts: 1, failed: o.failed, stopped: o.stopped)
        }
        let size = Int(info.st_size)
        progress?.setTotal(size)
        if Int64(size) > limits.maxFileBytes {
            return Outcome(sink: makeSink(), records: 0, parts: 1, failed: true, stopped: false)
        }
        let cuts = threads > 1 && size >= 2 * max(minimumPartBytes, 1)
            ? splitPoints(fd: fd, size: size, parts: min(threads, size / max(minimumPartBytes, 1)), quote: dialect.quote)
            : []
        let bounds = [0] + cuts + [size]
        let count = bounds.count - 1
        if count > 1 {
            let sinks = (0..<count).map { _ in makeSink() }
            let outcomes = PartOutcomes(count: count)
            // Each sink is used by exactly one thread until all have finished.
            let perThread = ThreadOwned(sinks)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let o = scanner.scan(fd: fd, range: bounds[i]..<bounds[i + 1], first: i == 0, last: i == count - 1,
                                     sink: perThread.value[i], progress: progress)
                outcomes.set(i, o)
            }
            if let merged = merge(sinks, outcomes.values) { return merged }
            // A cut fell inside a record: one thread decides.
        }
        let sink = makeSink()
        let o = scanner.scan(fd: fd, range: 0..<size, first: true, last: true, sink: sink, progress: nil)
        return Outcome(sink: sink, records: o.records, parts: 1, failed: o.failed, stopped: o.stopped)
    }

    /// Parts in file order, as long as each cut is proven; nil when one is not.
    private static func merge<Sink: ScanSink>(_ sinks: [Sink], _ outcomes: [PartOutcome]) -> Outcome<Sink>? {
        var records = outcomes[0].records
        var last = 0
        while last < sinks.count - 1 && !outcomes[last].failed && !outcomes[last].stopped {
            guard outcomes[last].endedAtRecordBoundary else { return nil }
            last += 1
        }
        for i in stride(from: 1, through: last, by: 1) {
            sinks[0].absorb(sinks[i], recordOffset: records)
            records += outcomes[i].records
        }
        return Outcome(sink: sinks[0], records: records, parts: sinks.count,
                       failed: outcomes[last].failed, stopped: outcomes[last].stopped)
    }

    /// Byte offsets just after a line feed, near `size × k / parts`, strictly increasing.
    static func splitPoints(fd: Int32, size: Int, parts: Int, quote: UInt8) -> [Int] {
        guard parts > 1 else { return [] }
        var cuts: [Int] = []
        let window = 1 << 16
        var buffer = [UInt8](repeating: 0, count: window)
        for k in 1..<parts {
            let proposed = size / parts * k
            if let last = cuts.last, proposed <= last { continue }
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, window, off_t(proposed)) }
            guard n > 0 else { continue }
            if let cut = buffer.withUnsafeBufferPointer({ chooseCut(in: UnsafeBufferPointer(rebasing: $0[0..<n]), quote: quote) }) {
                let at = proposed + cut
                if at < size && at > (cuts.last ?? 0) { cuts.append(at) }
            }
        }
        return cuts
    }

    /// Where to cut in a window that starts mid-line: just after a line feed whose lines on
    /// both sides (whole in the window) hold an even number of quotes; else after the first
    /// line feed; nil when the window has none.
    static func chooseCut(in b: UnsafeBufferPointer<UInt8>, quote: UInt8) -> Int? {
        var feeds: [Int] = []
        for (i, c) in b.enumerated() where c == 10 {
            feeds.append(i)
            if feeds.count > 64 { break }
        }
        guard let first = feeds.first else { return nil }
        func quotes(_ from: Int, _ to: Int) -> Int { b[from..<to].reduce(0) { $0 + ($1 == quote ? 1 : 0) } }
        if feeds.count >= 3 {
            for j in 1..<(feeds.count - 1) where quotes(feeds[j - 1] + 1, feeds[j]) % 2 == 0 && quotes(feeds[j] + 1, feeds[j + 1]) % 2 == 0 {
                return feeds[j] + 1
            }
        }
        return first + 1
    }
}

/// Values handed to threads that each use their own element and nothing else.
private struct ThreadOwned<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Outcomes written by the scanning threads, each to its own slot.
private final class PartOutcomes: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<PartOutcome>
    let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: PartOutcome(), count: count)
    }

    deinit { slots.deinitialize(count: count); slots.deallocate() }

    func set(_ i: Int, _ o: PartOutcome) { slots[i] = o }
    var values: [PartOutcome] { (0..<count).map { slots[$0] } }
}
