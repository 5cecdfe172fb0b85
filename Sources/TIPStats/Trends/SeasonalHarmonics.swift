import Foundation

/// Harmonic seasonal terms for counts observed within a year (monthly, quarterly): the pairs
/// sin(2 pi h t / period), cos(2 pi h t / period), h = 1...pairs, as predictors of a log-linear
/// model, so the seasonal pattern is a smooth periodic curve with 2 x pairs coefficients rather
/// than period - 1 dummies. One pair is a single annual peak and trough; two pairs allow a
/// second peak. With t in decimal years, period is 1; with t in months, 12. At most
/// floor((period - 1) / 2) pairs: beyond that the terms of observations at whole steps of
/// the period are dependent (sin(pi t) is zero at every whole t).
///
/// ```swift
/// let months = (0..<36).map { 2014 + (Double($0) + 0.5) / 12 } // mid-month, decimal years
/// let terms = try SeasonalHarmonics(period: 1, pairs: 2).predictors(times: months)
/// terms.map(\.name) // ["sin1", "cos1", "sin2", "cos2"]
/// ```
public struct SeasonalHarmonics: Sendable, Hashable {
    public static let maximumPairs = 6

    public let period: Double
    public let pairs: Int

    /// - Throws: ``StatsError`` for a period that is not positive and finite, or pairs outside
    ///   1...maximumPairs.
    public init(period: Double, pairs: Int) throws(StatsError) {
        guard period > 0, period.isFinite else { throw .invalidInput("the seasonal period must be a positive finite number (got \(period))") }
        guard (1...SeasonalHarmonics.maximumPairs).contains(pairs) else {
            throw .invalidInput("harmonic pairs must lie between 1 and \(SeasonalHarmonics.maximumPairs) (got \(pairs))")
        }
        self.period = period
        self.pairs = pairs
    }

    /// The predictors `sin1`, `cos1`, `sin2`, ... at the given times.
    public func predictors(times: [Double]) -> [RegressionPredictor] {
        (1...pairs).flatMap { h -> [RegressionPredictor] in
            let angles = times.map { 2 * Double.pi * Double(h) * $0 / period }
            return [.numeric(name: "sin\(h)", values: angles.map { sin($0) }),
                    .numeric(name: "cos\(h)", values: angles.map { cos($0) })]
        }
    }
}
