import TIPStats

/// One named factor of a demand estimate, with everything a reader needs to judge it: its base
/// value and unit, where the value comes from (a source or an explicit assumption), an optional
/// plausible range for the sensitivity table, and an optional distribution for Monte Carlo.
///
/// ```swift
/// let days = try DemandFactor(name: "days", value: 182, unit: "days exploited",
///                             source: "assumption: half a year (the report's 'very conservative estimate')",
///                             low: 30, high: 365,
///                             distribution: .uniform(low: 30, high: 365))
/// ```
public struct DemandFactor: Sendable, Hashable, Codable {
    /// Identifier, as used on the command line (`days=uniform(90,365)`).
    public let name: String
    /// The base value, used for the point estimate.
    public let value: Double
    public let unit: String
    /// Where the value comes from, or the assumption it is.
    public let source: String
    /// Plausible range for the one-at-a-time sensitivity table; nil when not given.
    public let low: Double?
    public let high: Double?
    /// Uncertainty for the Monte Carlo; nil means the factor is held at `value`.
    public let distribution: FactorDistribution?

    /// - Throws: ``StatsError`` when the value is negative or not finite, only one of low and
    ///   high is given, the range does not contain the value, or the distribution is invalid.
    public init(name: String, value: Double, unit: String, source: String,
                low: Double? = nil, high: Double? = nil, distribution: FactorDistribution? = nil) throws(StatsError) {
        guard value >= 0, value.isFinite else {
            throw .invalidInput("factor '\(name)' must have a non-negative finite value (got \(value))")
        }
        switch (low, high) {
        case (nil, nil):
            break
        case let (l?, h?):
            guard l.isFinite, h.isFinite, l >= 0, l <= value, value <= h else {
                throw .invalidInput("factor '\(name)': the range \(l) to \(h) must be non-negative and contain the value \(value)")
            }
        default:
            throw .invalidInput("factor '\(name)': give both low and high, or neither")
        }
        try distribution?.validate()
        self.name = name
        self.value = value
        self.unit = unit
        self.source = source
        self.low = low
        self.high = high
        self.distribution = distribution
    }

    /// The same factor with a different distribution.
    public func with(distribution: FactorDistribution?) throws(StatsError) -> DemandFactor {
        try DemandFactor(name: name, value: value, unit: unit, source: source, low: low, high: high,
                         distribution: distribution)
    }
}

extension DemandFactor {
    private enum CodingKeys: String, CodingKey {
        case name, value, unit, source, low, high, distribution
    }

    /// Decodes through the validating initialiser, so a factor read from JSON obeys the same
    /// rules as one built in code.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(name: c.decode(String.self, forKey: .name), value: c.decode(Double.self, forKey: .value),
                      unit: c.decode(String.self, forKey: .unit), source: c.decode(String.self, forKey: .source),
                      low: c.decodeIfPresent(Double.self, forKey: .low), high: c.decodeIfPresent(Double.self, forKey: .high),
                      distribution: c.decodeIfPresent(FactorDistribution.self, forKey: .distribution))
    }
}
