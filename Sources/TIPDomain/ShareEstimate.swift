import TIPStats

/// A share k of n with its Wilson and Clopper-Pearson intervals, in percentage points: the typed
/// figures behind ``ReportFindings``' share findings, read by name in code and written as
/// ``Finding/Figure``s (`share`, `wilson_low`, `wilson_high`, `clopper_pearson_low`,
/// `clopper_pearson_high`) for the output.
///
/// ```swift
/// let s = try ShareEstimate(24, of: 29, level: 0.95)
/// s.percent      // 82.76
/// s.wilsonLow    // 65.45
/// ```
struct ShareEstimate {
    let percent: Double
    let wilsonLow: Double
    let wilsonHigh: Double
    let clopperPearsonLow: Double
    let clopperPearsonHigh: Double

    /// - Throws: ``StatsError`` when k is not a share of n (k < 0, k > n, n < 1) or the level is bad.
    init(_ k: Int, of n: Int, level: Double) throws(StatsError) {
        let wilson = try ProportionInterval(successes: k, trials: n, level: level, method: .wilson)
        let exact = try ProportionInterval(successes: k, trials: n, level: level, method: .clopperPearson)
        percent = 100 * wilson.estimate
        wilsonLow = 100 * wilson.lower
        wilsonHigh = 100 * wilson.upper
        clopperPearsonLow = 100 * exact.lower
        clopperPearsonHigh = 100 * exact.upper
    }

    /// The figures, their names prefixed (`hispanic_share`).
    func figures(prefix: String = "") -> [Finding.Figure] {
        [.init(prefix + "share", percent, .percent),
         .init(prefix + "wilson_low", wilsonLow, .percent), .init(prefix + "wilson_high", wilsonHigh, .percent),
         .init(prefix + "clopper_pearson_low", clopperPearsonLow, .percent),
         .init(prefix + "clopper_pearson_high", clopperPearsonHigh, .percent)]
    }
}
