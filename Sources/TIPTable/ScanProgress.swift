import Synchronization

/// Bytes and records a scan has done so far, updated by the scanning threads once per chunk
/// and read by a progress display on another thread.
///
/// ```swift
/// let progress = ScanProgress()
/// // ... pass it to ParallelScan.scan, and from a timer:
/// print(progress.bytes, "of", progress.totalBytes)
/// ```
public final class ScanProgress: Sendable {
    private let doneBytes = Atomic<Int>(0)
    private let doneRecords = Atomic<Int>(0)
    private let total = Atomic<Int>(0)

    public init() {}

    /// Bytes read so far.
    public var bytes: Int { doneBytes.load(ordering: .relaxed) }
    /// Data records finished so far.
    public var records: Int { doneRecords.load(ordering: .relaxed) }
    /// Size of the input, 0 when unknown (standard input).
    public var totalBytes: Int { total.load(ordering: .relaxed) }

    func setTotal(_ n: Int) { total.store(n, ordering: .relaxed) }

    func add(bytes: Int, records: Int) {
        doneBytes.add(bytes, ordering: .relaxed)
        doneRecords.add(records, ordering: .relaxed)
    }
}
