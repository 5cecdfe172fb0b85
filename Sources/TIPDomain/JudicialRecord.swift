import TIPTable

/// One row of a judicial dataset: arrests and convictions under a statute in a period. Either
/// count may be missing (the source states only the other).
///
/// Convictions in a period are not a subset of that period's arrests (a conviction may follow
/// an arrest years earlier, or an arrest on another charge), so the two are compared as a
/// ratio, never as a conviction rate.
///
/// ```swift
/// let r = try CouncilData.load(directory: "Datasets").judicial.first { $0.statute == "53a-83" }!
/// (r.arrests, r.convictions, r.period.label)   // (1378, 269, "2005–2014")
/// ```
public struct JudicialRecord: Sendable, Hashable {
    public var statute: String
    /// The offence's name: the row's own, or the statute's from ``Statutes/offences``.
    public var offence: String?
    public var period: Period
    public var arrests: Int?
    public var convictions: Int?
    public var provenance: Provenance

    public init(statute: String, offence: String?, period: Period, arrests: Int?, convictions: Int?, provenance: Provenance) {
        self.statute = statute
        self.offence = offence
        self.period = period
        self.arrests = arrests
        self.convictions = convictions
        self.provenance = provenance
    }

    init?(_ row: RowReader) {
        guard let statute = row.string("statute"), let period = row.period("period") else { return nil }
        self.init(statute: statute, offence: row.string("offence") ?? Statutes.offences[Statutes.section(of: statute)],
                  period: period, arrests: row.integer("arrests"), convictions: row.integer("convictions"),
                  provenance: row.provenance)
    }
}
