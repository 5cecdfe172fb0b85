import TIPTable

/// One row of a providers dataset: one measure of one provider's programme in a period
/// (people screened or served, trainings, dollars allocated or spent, ...).
///
/// ```swift
/// let screened = try CouncilData.load(directory: "Datasets").providers.first { $0.measure == "screened" }!
/// (screened.provider, screened.value)   // ("International Institute of Connecticut", 120)
/// ```
public struct ProviderRecord: Sendable, Hashable {
    public var provider: String
    public var programme: String?
    public var period: Period
    /// One of ``DatasetKind/providerMeasures``, normalised (`Dollars Spent` is `dollars_spent`).
    public var measure: String
    public var value: Double
    public var unit: String?
    public var provenance: Provenance

    public init(provider: String, programme: String?, period: Period, measure: String, value: Double, unit: String?,
                provenance: Provenance) {
        self.provider = provider
        self.programme = programme
        self.period = period
        self.measure = measure
        self.value = value
        self.unit = unit
        self.provenance = provenance
    }

    /// Whether the value is an amount of money.
    public var isDollars: Bool { measure.hasPrefix("dollars_") }

    init?(_ row: RowReader) {
        guard let provider = row.string("provider"), let period = row.period("period"),
              let measure = row.string("measure"), let value = row.number("value") else { return nil }
        self.init(provider: provider, programme: row.string("programme"), period: period,
                  measure: ColumnName.normalize(measure), value: value, unit: row.string("unit"), provenance: row.provenance)
    }
}
