import TIPTable

/// Why an analysis was not done: an argument out of range (a level of 1.5, a negative count),
/// problems of its input file (each located at its file, line and column), or a reason the
/// figures cannot be computed (no row for a period, periods that overlap, a model that does
/// not fit), with the file or cell it concerns.
///
/// A message that names an argument ("--level must lie strictly between 0 and 1", "choose one
/// with --value") names it through ``text(naming:)``, so each front end says it its own way:
/// `tipstat` as an option (`--null-ratio`), a Swift caller as the parameter (`null_ratio`).
///
/// ```swift
/// do { _ = try PoissonIntervalRequest(count: 41, level: 1.5) } catch {
///     print(error)                                  // level must lie strictly between 0 and 1 (got 1.5)
///     print(error.text(naming: { "--" + $0 }))      // --level must lie strictly between 0 and 1 (got 1.5)
/// }
/// ```
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The named argument is out of range.
        case argument(String)
        /// The input or the analysis failed: see `problems` and the message.
        case failure
    }

    public var kind: Kind
    /// The input's problems, in file order (errors and the warnings met on the way), shown
    /// before the message.
    public var problems: [Problem]
    /// Where: a file, or `FILE:LINE:COLUMN` of a cell.
    public var file: String?
    /// The words, given how arguments are named; nil when the problems say it all.
    let phrase: (@Sendable (_ name: (String) -> String) -> String)?

    /// A failure of the input or the analysis; `message` nil when `problems` say it all.
    public init(_ message: String?, file: String? = nil, problems: [Problem] = []) {
        let phrase: (@Sendable (_ name: (String) -> String) -> String)? = message.map { text in { @Sendable _ in text } }
        self.init(file: file, problems: problems, phrase)
    }

    /// A failure whose words name arguments (`"choose one with \(name("value"))"`).
    init(file: String?, problems: [Problem] = [], _ phrase: (@Sendable (_ name: (String) -> String) -> String)?) {
        kind = .failure
        self.problems = problems
        self.file = file
        self.phrase = phrase
    }

    /// An argument out of range: `phrase` says what it must be, naming the argument and any
    /// other it mentions with the function it is given ("\(name("level")) must lie ...").
    init(argument: String, _ phrase: @escaping @Sendable (_ name: (String) -> String) -> String) {
        kind = .argument(argument)
        problems = []
        file = nil
        self.phrase = phrase
    }

    /// The message with arguments named as `name` says, arguments as they are named in Swift.
    public var message: String? { phrase.map { $0 { $0 } } }

    /// The last line of the error with arguments named by `name`: "--level must lie strictly
    /// between 0 and 1 (got 1.5)" for an argument, `FILE: error: MESSAGE` for a failure; nil
    /// for a failure the problems say all of.
    public func text(naming name: (String) -> String) -> String? {
        guard let phrase else { return nil }
        switch kind {
        case .argument: return phrase(name)
        case .failure: return (file.map { "\($0): " } ?? "") + "error: " + phrase(name)
        }
    }

    public var description: String {
        (problems.map(\.description) + [text(naming: { $0 })].compactMap { $0 }).joined(separator: "\n")
    }

    /// The same error with `earlier` problems shown before its own.
    func after(_ earlier: [Problem]) -> AnalysisError {
        var error = self
        error.problems = earlier + problems
        return error
    }
}

extension AnalysisError {
    /// The one check of a confidence level, shared by every analysis and front end: it lies
    /// strictly between 0 and 1. `argument` names it in the message.
    public static func checkLevel(_ level: Double, argument: String = "level") throws(AnalysisError) {
        guard level > 0 && level < 1 else {
            throw AnalysisError(argument: argument) { name in "\(name(argument)) must lie strictly between 0 and 1 (got \(formatNumber(level)))" }
        }
    }
}
