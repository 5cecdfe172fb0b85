#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The steps every streaming command takes over a large CSV file: read the header, resolve
/// the columns the command needs, scan the file in parallel into sinks, merge them, finish the
/// table, and locate the problems by line. `AggregateRequest` and the judicial series
/// derivation are both this with their own sink.
///
/// ```swift
/// let result = CaseFileScan.run(.path("cases.csv"), dialect: nil, limits: ReaderLimits(), strict: false,
///                               threads: 2) { header in
///     let c = try header.column("statute")
///     return (wanted: header.names.indices.map { $0 == c }, makeSink: { MySink(column: c) })
/// }
/// ```
///
/// Standard input, pipes and bytes in memory are first copied to a temporary file: problems
/// are located by reading the input a second time. A file in another encoding than UTF-8 is
/// copied too, transcoded as it is copied, so memory stays flat whatever its size.
public enum CaseFileScan {
    public static func run<Sink: ScanSink>(
        _ input: CSVInput, dialect: CSVDialect?, limits: ReaderLimits, strict: Bool,
        threads: Int, minimumPartBytes: Int = 1 << 20, progress: ScanProgress? = nil, encoding: TextEncoding = .utf8,
        plan: (CSVHeader) throws(CSVHeaderError) -> (wanted: [Bool], makeSink: () -> Sink)
    ) -> AggregateResult {
        guard encoding == .utf8, let path = input.filePath, isRegularFile(path) else {
            let spool: String
            do { spool = try spooled(input, encoding: encoding, limits: limits) } catch {
                return AggregateResult(table: nil, problems: [error.problem], problemCount: 1, rows: 0, parts: 0)
            }
            defer { unlink(spool) }
            // A transcoded copy was held to the limit by the file's own bytes as it was made.
            var spoolLimits = limits
            if encoding != .utf8 { spoolLimits.maxFileBytes = .max }
            return run(.file(spool, name: input.name), dialect: dialect, limits: spoolLimits, strict: strict, threads: threads,
                       minimumPartBytes: minimumPartBytes, progress: progress, plan: plan)
        }
        let header: CSVHeader
        switch CSVHeader.read(input, dialect: dialect, limits: limits) {
        case .success(let h): header = h
        case .failure(let p): return AggregateResult(table: nil, problems: [p], problemCount: 1, rows: 0, parts: 0)
        }
        let resolved: (wanted: [Bool], makeSink: () -> Sink)
        do { resolved = try plan(header) } catch {
            return AggregateResult(table: nil, problems: [Problem(file: input.name, line: header.line, message: error.message)],
                                   problemCount: 1, rows: 0, parts: 0)
        }
        let outcome = ParallelScan.scan(path: input.filePath ?? "-", dialect: header.dialect, limits: limits,
                                        columnCount: header.names.count, wanted: resolved.wanted, threads: threads,
                                        minimumPartBytes: minimumPartBytes, progress: progress, makeSink: resolved.makeSink)
        let sink = outcome.sink
        let table = outcome.failed ? nil : sink.finish(name: input.name)
        var pending = sink.problems.sorted(by: PendingProblem.inFileOrder)
        var count = sink.problemCount + (outcome.failed ? 1 : 0)
        if strict && !pending.isEmpty { pending = [pending[0]] }
        var problems = pending.isEmpty && !outcome.failed ? [] : ProblemLocator.locate(
            Array(pending.prefix(AggregateResult.problemLimit)),
            input: input, dialect: header.dialect, limits: limits, scanFailed: outcome.failed)
        if strict && problems.count > 1 { problems = [problems[0]] }
        problems += sink.fileProblems(name: input.name)
        if outcome.records == 0 && !outcome.failed {
            // An export that lost its rows is an error to report, as `TableLoader` says.
            problems.append(Problem(file: input.name, line: header.line, message: "the file has a header row but no data rows"))
            count += 1
        }
        if strict { count = problems.count }
        let errors = problems.contains { $0.severity == .error }
        return AggregateResult(table: errors ? nil : table, problems: problems, problemCount: max(count, problems.count),
                               rows: outcome.records, parts: outcome.parts)
    }

    /// Whether `path` names a regular file (not a pipe, a device or a folder). A path that
    /// cannot be read at all counts as regular: the scan then reports why.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }
        return (info.st_mode & S_IFMT) == S_IFREG || (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Copies standard input, a pipe or memory (transcoded to UTF-8 from `encoding`) to a new
    /// temporary file and returns its path.
    private static func spooled(_ input: CSVInput, encoding: TextEncoding, limits: ReaderLimits) throws(CSVReadError) -> String {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((directory + "/tipstat-spool-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CSVReadError(problem: Problem(file: input.name, message: "cannot make a temporary copy of the input: " + String(cString: strerror(errno))))
        }
        defer { close(fd) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do {
            // UTF-8 past the size limit: the copy stops with bytes too many and the scan reports
            // it. Another encoding: the limit is on the file's own bytes, checked as they are read.
            try TextEncoding.transcode(input, from: encoding, maxFileBytes: encoding == .utf8 ? .max : limits.maxFileBytes) { (block: [UInt8]) throws in
                var written = 0
                while written < block.count {
                    let w = block.withUnsafeBytes { write(fd, $0.baseAddress! + written, block.count - written) }
                    if w < 0 && errno == EINTR { continue }
                    guard w > 0 else {
                        throw CSVReadError(problem: Problem(file: input.name, message: "cannot make a temporary copy of the input: " + String(cString: strerror(errno))))
                    }
                    written += w
                }
                if encoding == .utf8 && lseek(fd, 0, SEEK_CUR) > off_t(limits.maxFileBytes) { throw SpoolFull() }
            }
        } catch is SpoolFull {
        } catch let e as CSVReadError {
            unlink(path)
            throw e
        } catch {
            unlink(path)
            throw CSVReadError(problem: Problem(file: input.name, message: "\(error)"))
        }
        return path
    }

    private struct SpoolFull: Error {}
}
