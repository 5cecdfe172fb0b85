import TIPText
import TIPStats

/// Dollars per unit of output: per training participant, per victim housed.
///
/// cost = dollars / units. With zero units there is no unit cost (nil), and the statement says
/// that the money bought no counted output rather than dividing by zero.
///
/// ```swift
/// let c = try CostPerUnit(dollars: 346.18, units: 2, unit: "victim housed")
/// c.costPerUnit // 173.09
/// c.statement   // "$346.18 for 2 victims housed: $173.09 per victim housed"
/// ```
public struct CostPerUnit: Sendable, Hashable, Codable {
    public let dollars: Double
    public let units: Int
    /// What one unit is, singular ("participant", "victim housed").
    public let unit: String
    /// dollars / units; nil when units is zero.
    public let costPerUnit: Double?
    public let statement: String

    /// - Throws: ``StatsError`` for a negative or non-finite amount or negative units.
    public init(dollars: Double, units: Int, unit: String) throws(StatsError) {
        guard dollars >= 0, dollars.isFinite else {
            throw .invalidInput("the amount must be a non-negative number of dollars (got \(dollars))")
        }
        guard units >= 0 else { throw .invalidInput("the number of units cannot be negative (got \(units))") }
        self.dollars = dollars
        self.units = units
        self.unit = unit
        if units == 0 {
            costPerUnit = nil
            statement = "\(DecimalText.dollars(dollars)) with no \(unit) counted: no cost per \(unit)"
        } else {
            costPerUnit = dollars / Double(units)
            statement = "\(DecimalText.dollars(dollars)) for \(units) \(CostPerUnit.plural(unit, units)): "
                + "\(DecimalText.dollars(dollars / Double(units))) per \(unit)"
        }
    }

    /// "victim housed" -> "victims housed": the first word takes the plural s.
    private static func plural(_ unit: String, _ count: Int) -> String {
        guard count != 1 else { return unit }
        var words = unit.split(separator: " ", maxSplits: 1).map(String.init)
        guard !words.isEmpty else { return unit }
        words[0] += words[0].hasSuffix("s") ? "" : "s"
        return words.joined(separator: " ")
    }
}
