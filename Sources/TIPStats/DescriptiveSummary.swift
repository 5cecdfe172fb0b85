/// Descriptive statistics of a numeric column with missing values.
///
/// Missing values (`nil`) are skipped and counted. Quartiles and the median use R's default
/// quantile definition (type 7, see ``Quantile``). The standard deviation has denominator
/// n - 1. The lag-1 autocorrelation is NIST's
/// r(1) = sum_i (x_i - mean)(x_{i+1} - mean) / sum_i (x_i - mean)^2,
/// where the numerator takes only pairs of neighbours that are both present (a gap breaks the
/// lag) and the denominator all present values.
///
/// Accuracy: each value is read as the decimal it prints as (see `DoubleDouble(decimalOf:)`),
/// and the mean, the sums of squared deviations and the lagged products are accumulated in
/// double-double arithmetic. This reproduces every NIST StRD univariate certified value to at
/// least 13 significant digits, including NumAcc4 (values 10000000.1 to 10000000.3, whose
/// nearest doubles alone would cap the standard deviation at 8 correct digits).
///
/// ```swift
/// let s = try DescriptiveSummary([29, nil, 35, 41])
/// s.n        // 3
/// s.missing  // 1
/// s.median   // 35
/// s.sd       // 6
/// ```
public struct DescriptiveSummary: Sendable, Hashable, Codable {
    /// Number of values present.
    public let n: Int
    /// Number of missing values.
    public let missing: Int
    public let mean: Double
    /// Sample standard deviation (denominator n - 1); nil when n < 2.
    public let sd: Double?
    public let min: Double
    /// First quartile, R type 7.
    public let q1: Double
    /// Median, R type 7.
    public let median: Double
    /// Third quartile, R type 7.
    public let q3: Double
    public let max: Double
    /// NIST lag-1 autocorrelation; nil when there is no adjacent pair or no variation.
    public let lag1Autocorrelation: Double?

    /// Summarises `values`, skipping and counting `nil`.
    ///
    /// - Throws: ``StatsError`` when no value is present or a value is not finite.
    public init(_ values: [Double?]) throws(StatsError) {
        let present = values.compactMap { $0 }
        guard !present.isEmpty else {
            throw .insufficientData(values.count == 1 ? "no values to summarise: the only value is missing"
                : "no values to summarise: all \(values.count) values are missing")
        }
        if let bad = present.first(where: { !$0.isFinite }) {
            throw .invalidInput("cannot summarise a non-finite value (\(bad))")
        }
        n = present.count
        missing = values.count - present.count

        let sorted = present.sorted()
        min = sorted[0]
        max = sorted[n - 1]
        q1 = Quantile.type7(sorted: sorted, probability: 0.25)
        median = Quantile.type7(sorted: sorted, probability: 0.5)
        q3 = Quantile.type7(sorted: sorted, probability: 0.75)

        // Two passes in double-double: the mean, then deviations from it. The deviations of
        // NumAcc4 are 1e-8 of the values, so their sum of squares needs the extra digits.
        let exact = values.map { $0.map { DoubleDouble(decimalOf: $0) } }
        let meanDD = DoubleDouble.sum(exact.compactMap { $0 }) / DoubleDouble(n)
        mean = meanDD.value
        let deviations = exact.map { $0.map { $0 - meanDD } }
        let sumOfSquares = DoubleDouble.sum(deviations.compactMap { $0.map { $0 * $0 } })
        sd = n > 1 ? (sumOfSquares / DoubleDouble(n - 1)).squareRoot().value : nil

        let laggedProducts = zip(deviations, deviations.dropFirst()).compactMap { pair -> DoubleDouble? in
            guard let a = pair.0, let b = pair.1 else { return nil }
            return a * b
        }
        if laggedProducts.isEmpty || sumOfSquares.isZero {
            lag1Autocorrelation = nil
        } else {
            lag1Autocorrelation = (DoubleDouble.sum(laggedProducts) / sumOfSquares).value
        }
    }
}
