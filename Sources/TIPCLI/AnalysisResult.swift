import TIPStats

/// The result of an analysis command, in one form that every output format is rendered from
/// (see `AnalysisResultRenderer`): ordered fields with snake_case keys, each value saying what
/// it is (a count of people, a statistic, a p-value, an amount of money...), and the
/// assumptions, notes and cautions that go with the figures.
///
/// Commands build one of these and hand it to `ResultOptions.emit`; none formats its own
/// output, so every command rounds, suppresses and orders the same way.
///
/// ```swift
/// var result = AnalysisResult(title: "Exact Poisson interval")
/// result.fields = [
///     .init("count", .count(41)),
///     .init("estimate", .number(54.67, .statistic)),
///     .init("method", .text("exact (Garwood)")),
/// ]
/// result.notes = [.init(.assumption, "the 41 cases are a Poisson count")]
/// ```
struct AnalysisResult: Sendable {
    /// One named value. `key` is the JSON key and the table's label.
    struct Field: Sendable {
        var key: String
        var value: Value

        init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// How a number is shown to people in tables; JSON and CSV always carry the exact double.
    enum NumberStyle: Sendable {
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

    indirect enum Value: Sendable {
        case null
        case text(String)
        case bool(Bool)
        case integer(Int)
        /// A count of people or events (possibly about children): withheld as "<K" when
        /// suppression is on and the count is from 1 to K - 1.
        case count(Int)
        case number(Double, NumberStyle)
        case list([Value])
        case object([Field])
        /// Rows of a table (JSON: an array of objects).
        case records([[Field]])

        /// A number, or null when there is none (a ratio without a base).
        static func number(_ x: Double?, _ style: NumberStyle) -> Value {
            x.map { .number($0, style) } ?? .null
        }
    }

    /// A sentence printed under the figures (table, markdown) and carried in JSON as
    /// `notes: [{kind, text}]`.
    struct Note: Sendable, Equatable {
        enum Kind: String, Sendable {
            /// Something the figures rest on ("the counts are Poisson").
            case assumption
            /// How a figure was computed or what it means.
            case note
            /// A warning about reading a figure (a ratio that is not a rate).
            case caution
        }

        var kind: Kind
        var text: String

        init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// A heading for table and markdown output.
    var title: String?
    var fields: [Field] = []
    var notes: [Note] = []

    init(title: String? = nil, fields: [Field] = [], notes: [Note] = []) {
        self.title = title
        self.fields = fields
        self.notes = notes
    }
}

extension AnalysisResult.Value {
    /// A least-squares coefficient table as `regress` and `trend` print it: term, estimate,
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
