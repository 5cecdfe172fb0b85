import TIPTable

/// Derives the Judicial Branch series (arrests and convictions by statute and period) from a
/// case-level file with one row per charge, as `tipstat series` does.
///
/// Assumptions, stated because the result depends on them:
/// - Every row is one charge: an arrest under the row's statute, counted in the period of the
///   row's date (`dateColumn`, the arrest or charge date).
/// - A row is a conviction when its disposition, spaces trimmed and case ignored, is one of
///   `convictionValues`; it is counted in the period of its disposition date
///   (`dispositionDateColumn`, or the row's date when there is none). A row with another or
///   no disposition is not a conviction (pending, nolle, dismissed, acquitted).
/// - Convictions of a period are not a subset of that period's arrests: their ratio is a
///   ratio, not a rate.
/// - The file holds every charge of the span it covers: a statute with no row in a period of
///   that span had no arrest and no conviction then, so every statute gets a row of zeros for
///   each period between the first and last period seen. Periods are whole calendar years,
///   quarters or months; a file covering part of its last year yields a partial count for it.
/// - Statutes are normalised (`CGS 53A-192A` -> `53a-192a`) and must be well formed and known
///   (or listed in `extraStatutes`); anything else is an error at its first row, as is a
///   missing or malformed date.
///
/// ```swift
/// var request = JudicialSeriesRequest(statuteColumn: "statute", dateColumn: "arrest_date",
///                                     dispositionColumn: "disposition")
/// request.convictionValues = ["guilty", "convicted"]
/// let result = request.run(.path("charges.csv"), threads: 2)
/// ```
public struct JudicialSeriesRequest: Sendable {
    /// The length of each period.
    public enum Granularity: String, Sendable, CaseIterable {
        case year, quarter, month
    }

    public var statuteColumn: String
    public var dateColumn: String
    /// How the dates are written (default ISO 8601; `.mdy` for US exports such as `3/4/2016`).
    public var dateOrder: DateOrder
    public var dispositionColumn: String
    public var dispositionDateColumn: String?
    public var convictionValues: [String]
    public var granularity: Granularity
    public var extraStatutes: Set<String>
    /// Count subsections under their section (`53a-83(c)` under `53a-83`).
    public var sectionsOnly: Bool
    public var nullTokens: Set<String>
    public var strict: Bool
    public var dialect: CSVDialect?
    public var limits: ReaderLimits
    /// The file's text encoding (transcoded to UTF-8 as it is read).
    public var encoding: TextEncoding = .utf8

    public init(statuteColumn: String, dateColumn: String, dispositionColumn: String,
                dispositionDateColumn: String? = nil, convictionValues: [String] = ["guilty", "convicted"],
                granularity: Granularity = .year, extraStatutes: Set<String> = [], sectionsOnly: Bool = false,
                nullTokens: Set<String> = LoadOptions.defaultNullTokens, strict: Bool = false,
                dialect: CSVDialect? = nil, limits: ReaderLimits = ReaderLimits(), dateOrder: DateOrder = .iso) {
        self.statuteColumn = statuteColumn
        self.dateColumn = dateColumn
        self.dateOrder = dateOrder
        self.dispositionColumn = dispositionColumn
        self.dispositionDateColumn = dispositionDateColumn
        self.convictionValues = convictionValues
        self.granularity = granularity
        self.extraStatutes = extraStatutes
        self.sectionsOnly = sectionsOnly
        self.nullTokens = nullTokens
        self.strict = strict
        self.dialect = dialect
        self.limits = limits
    }

    /// What the notes of the result say, for people reading the table.
    public var assumptions: [String] {
        [
            "arrests: one per charge row, in the \(granularity.rawValue) of \(dateColumn)",
            "convictions: rows whose \(dispositionColumn) is \(convictionValues.map { quotedForMessage($0) }.joined(separator: " or ")) (case ignored), in the \(granularity.rawValue) of \(dispositionDateColumn ?? dateColumn)",
            "statutes with no row in a period between the first and the last are counted as 0",
        ] + (dateOrder == .iso ? [] : ["dates read as \(dateOrder == .mdy ? "month/day/year" : "day/month/year")"])
    }

    public func run(_ input: CSVInput, threads: Int = 1, minimumPartBytes: Int = 1 << 20,
                    progress: ScanProgress? = nil) -> AggregateResult {
        CaseFileScan.run(input, dialect: dialect, limits: limits, strict: strict, threads: threads,
                         minimumPartBytes: minimumPartBytes, progress: progress, encoding: encoding) { header throws(CSVHeaderError) in
            let plan = try SeriesPlan(self, header: header)
            return (plan.wanted, { SeriesSink(plan: plan) })
        }
    }
}
