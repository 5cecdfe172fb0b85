import TIPTable

/// One row of a hotline dataset: National Human Trafficking Hotline calls and cases for the
/// state in a period, with cases by type where the source gives them.
///
/// ```swift
/// let r = try CouncilData.load(directory: "Datasets").hotline.first { $0.period.months == 9 }!
/// (r.calls, r.cases)   // (145, 41)
/// ```
public struct HotlineRecord: Sendable, Hashable {
    public var period: Period
    public var calls: Int?
    public var cases: Int?
    public var casesSex: Int?
    public var casesLabor: Int?
    public var casesSexAndLabor: Int?
    public var casesNotSpecified: Int?
    public var provenance: Provenance

    public init(period: Period, calls: Int?, cases: Int?, casesSex: Int? = nil, casesLabor: Int? = nil,
                casesSexAndLabor: Int? = nil, casesNotSpecified: Int? = nil, provenance: Provenance) {
        self.period = period
        self.calls = calls
        self.cases = cases
        self.casesSex = casesSex
        self.casesLabor = casesLabor
        self.casesSexAndLabor = casesSexAndLabor
        self.casesNotSpecified = casesNotSpecified
        self.provenance = provenance
    }

    init?(_ row: RowReader) {
        guard let period = row.period("period") else { return nil }
        self.init(period: period, calls: row.integer("calls"), cases: row.integer("cases"), casesSex: row.integer("cases_sex"),
                  casesLabor: row.integer("cases_labor"),
                  casesSexAndLabor: row.integer("cases_sex_and_labor"),
                  casesNotSpecified: row.integer("cases_not_specified"), provenance: row.provenance)
    }
}
