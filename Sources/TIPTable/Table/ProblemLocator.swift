/// Turns problems found by a fast scan, located by record and field, into problems located by
/// physical line, by reading the file again through `CSVReader`, which counts lines exactly
/// as every other command does. It runs only when there is something to locate, so a
/// problem-free file is read once. After a failed scan (a syntax error or a limit) it reads
/// on until `CSVReader` meets the same failure and reports it in its own words.
///
/// ```swift
/// let problems = ProblemLocator.locate(pending, input: .path("cases.csv"),
///                                      dialect: CSVDialect(), limits: ReaderLimits(), scanFailed: false)
/// ```
public enum ProblemLocator {
    public static func locate(_ pending: [PendingProblem], input: CSVInput, dialect: CSVDialect,
                              limits: ReaderLimits, scanFailed: Bool) -> [Problem] {
        let ordered = pending.sorted(by: PendingProblem.inFileOrder)
        var located: [Problem] = []
        var next = 0
        var record = -1
        do {
            try CSVReader(dialect: dialect, limits: limits).read(input) { rec in
                defer { record += 1 }
                guard record >= 0 else { return }   // the header
                while next < ordered.count && ordered[next].record == record {
                    let p = ordered[next]
                    located.append(Problem(file: input.name, line: rec.line(ofField: min(p.field, rec.count - 1)),
                                           column: p.column, severity: p.severity, message: p.message))
                    next += 1
                }
                if next == ordered.count && !scanFailed { throw CSVReader.Stop() }
            }
            if scanFailed {
                located.append(Problem(file: input.name, message: "the file changed while it was being read; run the command again"))
            }
        } catch let failure as CSVReadError {
            located.append(failure.problem)
            return located
        } catch {
            located.append(Problem(file: input.name, message: "\(error)"))
            return located
        }
        // Problems past the last record (none are expected) keep their file-level message.
        for p in ordered[next...] { located.append(Problem(file: input.name, severity: p.severity, message: p.message)) }
        return located
    }
}
