import TIPText

/// One thing wrong with an input file, located by file, line and column.
///
/// Problems are collected rather than thrown, in the manner of readr: a loader reads the whole
/// file and reports every bad cell, so a user fixes a spreadsheet export in one pass.
/// Rendered as `FILE:LINE:COLUMN: error: MESSAGE` (or `FILE: error: MESSAGE` for a problem with
/// the file as a whole), the format compilers use, so editors can jump to the cell.
///
/// ```swift
/// let p = Problem(file: "judicial.csv", line: 4, column: 5, message: "expected an integer")
/// print(p) // judicial.csv:4:5: error: expected an integer
/// ```
public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var file: String
    /// Physical line of the file, 1-based (a quoted field with newlines spans several lines).
    public var line: Int?
    /// CSV column (field) number, 1-based.
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil,
                severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// The one-line form. Control, bidi and invisible characters anywhere in it (a file name
    /// from a shared folder, text from a metadata file) are shown as `\u{…}` escapes, so that a
    /// problem printed on a terminal cannot rewrite it.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return TerminalText.escaped("\(location): \(severity.rawValue): \(message)")
    }
}

/// Collects problems; in strict mode the first error stops the work by throwing, and so does
/// an error past `maxErrors` (as a compiler stops after its error limit): a hostile file with
/// an error in every cell cannot fill memory with problems.
public struct ProblemCollector: Sendable {
    /// Thrown in strict mode at the first error, or at the first error past the limit.
    public struct StrictStop: Error, Sendable {
        /// The error that stopped the work, or the notice that the limit was reached.
        public let problem: Problem
        /// What to report: the one error in strict mode; at the limit, every problem collected
        /// and then the notice.
        public let problems: [Problem]

        public init(problem: Problem, problems: [Problem]? = nil) {
            self.problem = problem
            self.problems = problems ?? [problem]
        }
    }

    public let file: String
    public let strict: Bool
    public let maxErrors: Int
    public private(set) var problems: [Problem] = []
    public private(set) var errorCount = 0
    private var located: Set<Cell> = []

    private struct Cell: Hashable, Sendable {
        let line: Int
        let column: Int
    }

    public init(file: String, strict: Bool = false, maxErrors: Int = ReaderLimits().maxErrors) {
        self.file = file
        self.strict = strict
        self.maxErrors = maxErrors
    }

    public var hasErrors: Bool { errorCount > 0 }

    public mutating func add(_ problem: Problem) throws(StrictStop) {
        if problem.severity == .error {
            if strict { throw StrictStop(problem: problem) }
            if errorCount == maxErrors {
                let notice = Problem(file: file, message:
                    "stopped after \(maxErrors) errors; fix these first (or raise the limit with --max-errors)")
                throw StrictStop(problem: notice, problems: problems + [notice])
            }
            errorCount += 1
        }
        problems.append(problem)
        if let line = problem.line, let column = problem.column { located.insert(Cell(line: line, column: column)) }
    }

    /// Whether a problem was already reported at this cell.
    public func hasProblem(line: Int, column: Int) -> Bool { located.contains(Cell(line: line, column: column)) }

    public mutating func error(line: Int?, column: Int?, _ message: String) throws(StrictStop) {
        try add(Problem(file: file, line: line, column: column, message: message))
    }

    public mutating func warning(line: Int?, column: Int?, _ message: String) throws(StrictStop) {
        try add(Problem(file: file, line: line, column: column, severity: .warning, message: message))
    }

    public mutating func append(contentsOf other: [Problem]) throws(StrictStop) {
        for p in other { try add(p) }
    }
}

/// Quotes a cell's text for a problem message: control characters, bidi overrides and other
/// invisible characters are escaped so that a hostile cell cannot rewrite the user's terminal,
/// and long text is cut to keep the message on one line (TIPText's
/// ``TerminalText/quoted(_:limit:)``).
public func quotedForMessage(_ text: String, limit: Int = 40) -> String { TerminalText.quoted(text, limit: limit) }
