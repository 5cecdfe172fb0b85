import TIPTable
import TIPStats

/// The factors of a buyer-demand estimate as a demand dataset states them, each with its
/// source, and the result the source draws from them (the report's "more than 80,000 buyers").
///
/// ```swift
/// let a = try CouncilData.load(directory: "Datasets").demand!
/// try a.model().pointEstimate().transactions   // 82992 (456 x 1 x 182)
/// a.statedResult?.value                         // 80000, qualifier "more than"
/// ```
public struct DemandAssumptions: Sendable, Hashable {
    /// One stated factor or result.
    public struct Entry: Sendable, Hashable {
        /// One of ``DatasetKind/demandFactors``.
        public var factor: String
        public var value: Double
        public var unit: String?
        public var provenance: Provenance
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    init(rows: [RowReader]) {
        entries = rows.compactMap { row in
            guard let factor = row.string("factor"), let value = row.number("value") else { return nil }
            return Entry(factor: ColumnName.normalize(factor), value: value, unit: row.string("unit"), provenance: row.provenance)
        }
    }

    public func entry(_ factor: String) -> Entry? { entries.first { $0.factor == factor } }

    /// The conclusion the source draws (`stated_result`), if it states one.
    public var statedResult: Entry? { entry("stated_result") }

    /// The model with the stated factors as base values. Visits per buyer defaults to 1 (the
    /// report's implicit assumption that no buyer returns) when the dataset does not give it.
    ///
    /// - Throws: ``StatsError`` (`insufficientData`) when children, buyers per child per day or
    ///   days is not stated, or (`invalidInput`) a factor is invalid (negative; visits per buyer
    ///   zero).
    public func model() throws(StatsError) -> DemandModel {
        func factor(_ name: String, required: Bool) throws(StatsError) -> DemandFactor? {
            guard let e = entry(name) else {
                if required { throw StatsError(.insufficientData, "the demand data does not state the factor \"\(name)\"") }
                return nil
            }
            return try DemandFactor(name: name, value: e.value, unit: e.unit ?? name, source: e.sourceText)
        }
        return try DemandModel(children: factor("children", required: true)!,
                               buyersPerDay: factor("buyers_per_child_per_day", required: true)!,
                               days: factor("days", required: true)!,
                               visitsPerBuyer: factor("visits_per_buyer", required: false) ?? DemandModel.defaultVisitsPerBuyer)
    }
}

extension DemandAssumptions.Entry {
    /// The source with its words: `TIP Council 2016 annual report, End Demand CT: "…"`.
    public var sourceText: String {
        let source = provenance.source ?? provenance.reference
        guard let quote = provenance.quote else { return source }
        return "\(source): \u{201C}\(quote)\u{201D}"
    }
}
