/// The alternative hypothesis of a test, as R's `alternative` argument: two-sided (the
/// parameter differs from its null value), greater or less (one-sided). A one-sided test's
/// interval is one-sided too: `greater` gives a lower bound (the upper end is infinite, or 1
/// for a proportion), `less` an upper bound.
///
/// ```swift
/// let t = try RateRatioTest(count: 41, exposure: 0.75, baselineCount: 29, baselineExposure: 1,
///                           nullRatio: 1.4, alternative: .greater)
/// t.pValue // 0.1332: P(ratio <= 1.4) is not rejected
/// ```
public enum TestAlternative: String, Sendable, Hashable, Codable, CaseIterable {
    case twoSided = "two-sided"
    case greater
    case less
}
