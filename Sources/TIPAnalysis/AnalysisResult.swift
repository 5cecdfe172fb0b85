import TIPStats

/// The result of an analysis, in one form that every output format is rendered from: ordered
/// fields with snake_case keys, each value saying what it is (a count of people, a statistic, a
/// p-value, an amount of money...), the assumptions, notes and cautions that go with the
/// figures, and the disclosure state (which small counts were withheld, under what rule).
///
/// Analyses build one of these and return it; none formats or prints it, so a command, a
/// notebook or another Swift program gets the same figures and words. `tipstat` renders it as
/// a table, CSV, JSON or Markdown.
///
/// ```swift
/// var result = AnalysisResult(title: "Exact Poisson interval")
/// result.fields = [
///     .init("count", .count(41)),
///     .init("estimate", .number(54.67, .statistic)),
///     .init("method", .text("exact (Garwood)")),
/// ]
/// result.notes = [.init(.assumption, "the 41 cases are a Poisson count")]
/// result.number("estimate")   // 54.67
/// ```
public struct AnalysisResult: Sendable {
    /// One named value. `key` is the JSON key and the table's label.
    public struct Field: Sendable {
        public var key: String
        public var value: Value

        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// How a number is shown to people in tables; JSON and CSV always carry the exact double.
    public enum NumberStyle: Sendable {
        /// Four significant digits (201.3, 1.885, 0.01068), whole numbers in full.
        case statistic
        /// Percentage points with one decimal and a percent sign (88.5%).
        case percent
        /// Three significant digits, scientific below 0.001 (0.0107, 3.2e-07).
        case pValue
        /// Dollars and cents ($566.66).
        case dollars
        /// A value the user gave (an exposure, a level): shown exactly, and never withheld
        /// when a count beside it is suppressed, since it reveals nothing about the count.
        case input
        /// A summary over many rows (a mean, a standard deviation): rounded as `statistic`,
        /// and kept when a count beside it is suppressed, since no single count can be read
        /// back from it.
        case summary
    }

    public indirect enum Value: Sendable {
        case null
        case text(String)
        case bool(Bool)
        case integer(Int)
        /// A count of people or events (possibly about children): withheld as "<K" by a
        /// ``SmallCountRule`` when it is from 1 to K - 1.
        case count(Int)
        case number(Double, NumberStyle)
        case list([Value])
        case object([Field])
        /// Rows of a table (JSON: an array of objects).
        case records([[Field]])

        /// A number, or null when there is none (a ratio without a base).
        public static func number(_ x: Double?, _ style: NumberStyle) -> Value {
            x.map { .number($0, style) } ?? .null
        }

        /// The value as a number: a number, an integer or a count; nil otherwise.
        public var number: Double? {
            switch self {
            case .number(let x, _): return x
            case .integer(let n), .count(let n): return Double(n)
            default: return nil
            }
        }

        /// The field `key` of an object value.
        public func field(_ key: String) -> Value? {
            guard case .object(let fields) = self else { return nil }
            return fields.first { $0.key == key }?.value
        }
    }

    /// A sentence printed under the figures (table, markdown) and carried in JSON as
    /// `notes: [{kind, text}]`.
    public struct Note: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// Something the figures rest on ("the counts are Poisson").
            case assumption
            /// How a figure was computed or what it means.
            case note
            /// A warning about reading a figure (a ratio that is not a rate).
            case caution
        }

        public var kind: Kind
        public var text: String

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// What disclosure control did to the result: the rule's threshold and how many counts
    /// it withheld (see ``SmallCountRule``). nil when no rule was applied.
    public struct Suppression: Sendable, Equatable {
        public var threshold: Int
        public var countsWithheld: Int

        public init(threshold: Int, countsWithheld: Int) {
            self.threshold = threshold
            self.countsWithheld = countsWithheld
        }
    }

    /// A heading for table and markdown output.
    public var title: String?
    public var fields: [Field] = []
    public var notes: [Note] = []
    public var suppression: Suppression?

    public init(title: String? = nil, fields: [Field] = [], notes: [Note] = []) {
        self.title = title
        self.fields = fields
        self.notes = notes
    }

    /// The value of the top-level field `key`.
    public func field(_ key: String) -> Value? { fields.first { $0.key == key }?.value }

    /// The top-level field `key` as a number (nil when absent, null or not a number).
    public func number(_ key: String) -> Double? { field(key)?.number }
}

extension AnalysisResult.Value {
    /// A least-squares coefficient table as `regress` and `trend` give it: term, estimate,
    /// std_error, t, p, ci_low, ci_high.
    static func coefficients(_ fit: LinearRegression) -> AnalysisResult.Value {
        .records(fit.coefficients.map { c in [
            .init("term", .text(c.term)),
            .init("estimate", .number(c.estimate, .statistic)),
            .init("std_error", .number(c.stdError, .statistic)),
            .init("t", .number(c.t, .statistic)),
            .init("p", .number(c.p, .pValue)),
            .init("ci_low", .number(c.ciLow, .statistic)),
            .init("ci_high", .number(c.ciHigh, .statistic)),
        ] })
    }
}
