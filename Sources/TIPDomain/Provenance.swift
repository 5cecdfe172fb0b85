import TIPTable

/// Where a row's figures come from and how far to trust them: the columns every council
/// dataset carries beside its own (`source`, `quote`, `qualifier`, `confidence`, `note`), and
/// the row's line in its file so that a derived figure can be traced back to it.
///
/// ```swift
/// let r = try CouncilData.load(directory: "Datasets").referrals[0]
/// r.provenance.source     // "DCF HART slide deck, \"A child welfare response to human trafficking\""
/// r.provenance.reference  // "dcf-referrals.csv:2"
/// ```
public struct Provenance: Sendable, Hashable {
    /// The file the row was read from, as named in messages.
    public var file: String
    /// The physical line the row starts on.
    public var line: Int
    /// Publication and section or date.
    public var source: String?
    /// The source's exact words.
    public var quote: String?
    /// Words the source puts on the figure: "more than", "as of 2014-12-12".
    public var qualifier: String?
    /// "caution" for a lower-confidence or undated source.
    public var confidence: String?
    public var note: String?

    public init(file: String, line: Int, source: String? = nil, quote: String? = nil, qualifier: String? = nil,
                confidence: String? = nil, note: String? = nil) {
        self.file = file
        self.line = line
        self.source = source
        self.quote = quote
        self.qualifier = qualifier
        self.confidence = confidence
        self.note = note
    }

    /// `FILE:LINE`, the row a figure comes from.
    public var reference: String { "\(file):\(line)" }

    /// Whether the source is marked lower-confidence.
    public var isCaution: Bool { confidence?.lowercased() == "caution" }

    /// Whether the source gives the figure as a lower bound ("more than 765 calls").
    public var isLowerBound: Bool {
        guard let q = qualifier?.lowercased() else { return false }
        return q.hasPrefix("more than") || q.hasPrefix("over") || q.hasPrefix("at least")
    }
}
