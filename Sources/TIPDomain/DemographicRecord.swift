import TIPTable

/// One row of a demographics dataset: a category of a dimension (age, gender, race/ethnicity,
/// residence) with its count and/or share, and the total the group is taken of when known.
/// The period is nil for undated sources.
///
/// ```swift
/// let hispanic = try CouncilData.load(directory: "Datasets").demographics.first { $0.category == "Hispanic" }!
/// (hispanic.count, hispanic.total, hispanic.period)   // (96, 210, nil)
/// ```
public struct DemographicRecord: Sendable, Hashable {
    public var period: Period?
    public var dimension: String
    public var category: String
    public var count: Int?
    /// Percentage points (86 for 86%).
    public var share: Double?
    public var total: Int?
    /// Whether the rows of this period and dimension are all the categories there are.
    public var complete: Bool?
    public var provenance: Provenance

    public init(period: Period?, dimension: String, category: String, count: Int?, share: Double?, total: Int?,
                complete: Bool?, provenance: Provenance) {
        self.period = period
        self.dimension = dimension
        self.category = category
        self.count = count
        self.share = share
        self.total = total
        self.complete = complete
        self.provenance = provenance
    }

    init?(_ row: RowReader) {
        guard let dimension = row.string("dimension"), let category = row.string("category") else { return nil }
        self.init(period: row.period("period"), dimension: dimension, category: category, count: row.integer("count"),
                  share: row.number("share"), total: row.integer("total"), complete: row.boolean("complete"),
                  provenance: row.provenance)
    }
}
