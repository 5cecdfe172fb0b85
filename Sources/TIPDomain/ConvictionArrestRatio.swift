import TIPText
import TIPStats

/// Convictions divided by arrests for a statute over a period: a ratio, not a rate.
///
/// Convictions recorded in a year are not a subset of that year's arrests: a conviction may
/// follow an arrest from an earlier year, and charges are often changed or pleaded down between
/// arrest and conviction. The quotient is therefore not a probability, can exceed 1, and gets
/// no binomial interval; `caution` says so in words for every table and chart that shows it.
///
/// ```swift
/// let r = try ConvictionArrestRatio(convictions: 269, arrests: 1378)
/// r.ratio     // 0.1952...
/// r.statement // "269 convictions to 1,378 arrests: a ratio of 0.195"
/// ```
public struct ConvictionArrestRatio: Sendable, Hashable, Codable {
    public static let caution = "Convictions are not a subset of the same period's arrests "
        + "(a conviction may follow an earlier arrest, and charges change between arrest and "
        + "conviction), so this is a ratio, not a conviction rate, and it can exceed 1."

    public let convictions: Int
    public let arrests: Int
    /// convictions / arrests; nil when there were no arrests.
    public let ratio: Double?
    public let statement: String
    public let caution: String

    /// - Throws: ``StatsError`` for negative counts.
    public init(convictions: Int, arrests: Int) throws(StatsError) {
        guard convictions >= 0, arrests >= 0 else {
            throw .invalidInput("convictions and arrests cannot be negative (got \(convictions) and \(arrests))")
        }
        self.convictions = convictions
        self.arrests = arrests
        caution = ConvictionArrestRatio.caution
        let counts = "\(DecimalText.format(Double(convictions))) conviction\(convictions == 1 ? "" : "s") to "
            + "\(DecimalText.format(Double(arrests))) arrest\(arrests == 1 ? "" : "s")"
        if arrests == 0 {
            ratio = nil
            statement = "\(counts): no ratio without arrests"
        } else {
            let r = Double(convictions) / Double(arrests)
            ratio = r
            statement = "\(counts): a ratio of \(DecimalText.format(r, decimals: 3))"
        }
    }
}
