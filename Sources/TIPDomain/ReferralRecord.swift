import TIPTable

/// One row of a referrals dataset: DCF referrals of children in a period. A partial period
/// (January–September 2016) is exposure: its length in months is ``period``'s `months`.
///
/// ```swift
/// let partial = try CouncilData.load(directory: "Datasets").referrals.first { $0.period.months == 9 }!
/// (partial.referrals, partial.period.description)   // (151, "2016-01/2016-09")
/// ```
public struct ReferralRecord: Sendable, Hashable {
    public var period: Period
    public var referrals: Int
    public var provenance: Provenance

    public init(period: Period, referrals: Int, provenance: Provenance) {
        self.period = period
        self.referrals = referrals
        self.provenance = provenance
    }

    init?(_ row: RowReader) {
        guard let period = row.period("period"), let referrals = row.integer("referrals") else { return nil }
        self.init(period: period, referrals: referrals, provenance: row.provenance)
    }
}
