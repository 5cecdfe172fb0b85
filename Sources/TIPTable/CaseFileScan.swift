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
public enum CaseFileScan {
    public static func run<Sink: ScanSink>(
        _ input: CSVInput, dialect: CSVDialect?, limits: ReaderLimits, strict: Bool,
        threads: Int, minimumPartBytes: Int = 1 << 20, progress: ScanProgress? = nil,
        plan: (CSVHeader) throws(CSVHeaderError) -> (wanted: [Bool], makeSink: () -> Sink)
    ) -> AggregateResult {
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
        if strict { count = problems.count }
        let errors = problems.contains { $0.severity == .error }
        return AggregateResult(table: errors ? nil : table, problems: problems, problemCount: max(count, problems.count),
                               rows: outcome.records, parts: outcome.parts)
    }
}
