/// One figure of the annual report recomputed from the data, beside the sentence it checks.
///
/// A finding names what the report (or the public source it rests on) says, the figures the
/// data gives and what follows from them, a verdict, and the rows it was computed from, so a
/// reader can trace every number back to its source. Built by ``ReportFindings``.
///
/// ```swift
/// let f = try ReportFindings(data: try CouncilData.load(directory: "Datasets")).finding("buyers")!
/// f.verdict        // .qualified
/// f.value("transactions")   // 82992
/// ```
public struct Finding: Sendable, Hashable {
    /// How the data bears on the sentence.
    public enum Verdict: String, Sendable, Hashable {
        /// The data gives what the sentence says.
        case consistent
        /// The data gives what the sentence says only under a stated condition or reading.
        case qualified
        /// The data contradicts the sentence.
        case inconsistent
        /// A figure derived from the data; the sentence states no figure to check.
        case derived
        /// An input the check needs is missing from the data.
        case missingData = "missing_data"
        /// An input in the data cannot be computed with (a negative amount, a share of more
        /// than its whole); the verdict text carries the computation's own error.
        case invalidData = "invalid_data"

        /// A mark for tables: ✓, ~, ✗, =, ?, !.
        public var symbol: String {
            switch self {
            case .consistent: return "\u{2713}"
            case .qualified: return "~"
            case .inconsistent: return "\u{2717}"
            case .derived: return "="
            case .missingData: return "?"
            case .invalidData: return "!"
            }
        }
    }

    /// One named figure: an input from the data or a result computed from it.
    public struct Figure: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// A count of children (subject to small-count suppression).
            case childCount = "child_count"
            /// A count of events or adults.
            case count
            case number
            /// Percentage points.
            case percent
            case pValue = "p_value"
            case dollars
        }

        /// snake_case name, unique within the finding.
        public var name: String
        /// nil when the figure cannot be computed (no ratio without a base).
        public var value: Double?
        public var kind: Kind

        public init(_ name: String, _ value: Double?, _ kind: Kind) {
            self.name = name
            self.value = value
            self.kind = kind
        }
    }

    /// Identifier (`hotline_increase`).
    public var id: String
    /// What the finding is about, for a heading.
    public var topic: String
    /// The sentence checked, in the source's words.
    public var claim: String
    /// Where the sentence is published.
    public var claimSource: String
    public var figures: [Figure]
    /// The computation in words, with its numbers.
    public var check: String
    public var verdict: Verdict
    /// The verdict in words.
    public var verdictText: String
    public var cautions: [String]
    /// The data rows used, as `FILE:LINE`.
    public var rows: [String]

    public init(id: String, topic: String, claim: String, claimSource: String, figures: [Figure], check: String,
                verdict: Verdict, verdictText: String, cautions: [String] = [], rows: [String]) {
        self.id = id
        self.topic = topic
        self.claim = claim
        self.claimSource = claimSource
        self.figures = figures
        self.check = check
        self.verdict = verdict
        self.verdictText = verdictText
        self.cautions = cautions
        self.rows = rows
    }

    public func figure(_ name: String) -> Figure? { figures.first { $0.name == name } }

    /// The value of the figure `name`; nil when there is no such figure or it has no value.
    public func value(_ name: String) -> Double? { figure(name)?.value }
}
