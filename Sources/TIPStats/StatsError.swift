/// Why a statistic could not be computed.
///
/// Degenerate input (nothing to summarise, a singular design, a zero denominator that has no
/// honest answer, unparseable text) is reported by throwing one of these, never by returning
/// NaN. The `message` is a complete sentence meant for the user; `kind` lets a caller branch.
///
/// ```swift
/// do {
///     _ = try DescriptiveSummary([nil, nil])
/// } catch {
///     print(error) // no values to summarise: all 2 values are missing
/// }
/// ```
public struct StatsError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An argument is out of its domain (a negative count, a level outside (0, 1), NaN).
        case invalidInput
        /// Too few observations for the statistic (no values, fewer rows than coefficients).
        case insufficientData
        /// The design matrix has (numerically) dependent columns.
        case singularDesign
        /// An iterative fit did not converge.
        case noConvergence
        /// A textual specification (a factor distribution) could not be parsed.
        case invalidSpecification
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

extension StatsError {
    /// An input the computation cannot take, with the reason.
    public static func invalidInput(_ message: String) -> StatsError { StatsError(.invalidInput, message) }
    static func insufficientData(_ message: String) -> StatsError {
        StatsError(.insufficientData, message)
    }

    /// Checks a confidence level, shared by every interval in the module.
    public static func checkLevel(_ level: Double) throws(StatsError) {
        guard level > 0, level < 1 else {
            throw .invalidInput("confidence level must lie strictly between 0 and 1 (got \(level))")
        }
    }

    /// Checks that a value is finite, naming it in the message.
    static func checkFinite(_ value: Double, _ name: String) throws(StatsError) {
        guard value.isFinite else { throw .invalidInput("\(name) must be a finite number (got \(value))") }
    }
}
