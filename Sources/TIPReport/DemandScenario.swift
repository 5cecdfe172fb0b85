import TIPStats
import TIPDomain

/// The assumptions the council's figure set puts around the demand model's stated factors:
/// a plausible range for each factor, as multiples of its stated value, for the tornado; a
/// triangular distribution over the same range, most likely at the stated value, for the Monte
/// Carlo; and the number of draws and the seed. None of this is data: the figures' notes say so
/// and give every number here.
///
/// ```swift
/// let model = try DemandScenario.council.apply(to: try data.demand!.model())
/// model.days.low    // 91: half of the stated 182
/// ```
public struct DemandScenario: Sendable, Hashable {
    /// A factor's range as multiples of its stated value, and why.
    public struct Range: Sendable, Hashable {
        public var factor: String
        public var low: Double
        public var high: Double
        public var reason: String

        public init(factor: String, low: Double, high: Double, reason: String) {
            self.factor = factor
            self.low = low
            self.high = high
            self.reason = reason
        }
    }

    public var ranges: [Range]
    public var draws: Int
    public var seed: UInt64

    public init(ranges: [Range], draws: Int, seed: UInt64) {
        self.ranges = ranges
        self.draws = draws
        self.seed = seed
    }

    /// The figure set's scenario.
    public static let council = DemandScenario(ranges: [
        Range(factor: "children", low: 0.5, high: 1.5,
              reason: "not every referred child was exploited, and not every exploited child was referred"),
        Range(factor: "buyers_per_child_per_day", low: 0.5, high: 3, reason: "the report calls one a day very conservative"),
        Range(factor: "days", low: 0.5, high: 2, reason: "a quarter of a year to a year"),
        Range(factor: "visits_per_buyer", low: 1, high: 10, reason: "the report assumes no buyer returns"),
    ], draws: 100_000, seed: 20_161_215)

    /// The model with each factor's range and triangular distribution set from its stated
    /// value. A factor whose range is empty (a stated value of 0) keeps neither.
    ///
    /// - Throws: ``StatsError`` when the model refuses a factor (see ``DemandModel``).
    public func apply(to model: DemandModel) throws(StatsError) -> DemandModel {
        var factors: [DemandFactor] = []
        for f in model.factors {
            guard let r = ranges.first(where: { $0.factor == f.name }), f.value * r.low < f.value * r.high else {
                factors.append(f)
                continue
            }
            let low = f.value * r.low, high = f.value * r.high
            factors.append(try DemandFactor(name: f.name, value: f.value, unit: f.unit, source: f.source, low: low, high: high,
                                            distribution: .triangular(low: low, mode: f.value, high: high)))
        }
        return try DemandModel(children: factors[0], buyersPerDay: factors[1], days: factors[2], visitsPerBuyer: factors[3])
    }

    /// Each range's reason, by factor name, for the figures' notes.
    public var reasons: [String: String] {
        Dictionary(ranges.map { ($0.factor, $0.reason) }, uniquingKeysWith: { a, _ in a })
    }
}
