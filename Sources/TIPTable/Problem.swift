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

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Collects problems; in strict mode the first error stops the work by throwing.
public struct ProblemCollector: Sendable {
    /// Thrown in strict mode at the first error; carries that error.
    public struct StrictStop: Error, Sendable {
        public let problem: Problem
    }

    public let file: String
    public let strict: Bool
    public private(set) var problems: [Problem] = []
    private var located: Set<[Int]> = []

    public init(file: String, strict: Bool = false) {
        self.file = file
        self.strict = strict
    }

    public var errorCount: Int { problems.count { $0.severity == .error } }
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    public mutating func add(_ problem: Problem) throws(StrictStop) {
        problems.append(problem)
        if let line = problem.line, let column = problem.column { located.insert([line, column]) }
        if strict && problem.severity == .error { throw StrictStop(problem: problem) }
    }

    /// Whether a problem was already reported at this cell.
    public func hasProblem(line: Int, column: Int) -> Bool { located.contains([line, column]) }

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
/// and long text is cut to keep the message on one line.
public func quotedForMessage(_ text: String, limit: Int = 40) -> String {
    var out = "\""
    var count = 0
    for scalar in text.unicodeScalars {
        if count == limit { out += "…"; break }
        count += 1
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if isInvisibleOrControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// C0 and C1 controls, DEL, bidi embedding/override/isolate controls and zero-width characters.
func isInvisibleOrControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: return true
    default: return false
    }
}
