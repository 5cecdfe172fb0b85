/// Sample quantiles by R's default definition (Hyndman and Fan type 7).
///
/// Type 7 interpolates linearly between order statistics at position h = (n - 1)p (0-based):
/// Q(p) = x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)]). It is the definition
/// of R's `quantile()`, NumPy's default and Excel's `PERCENTILE.INC`, so the figures here can
/// be checked with any of them. The arithmetic follows R's `quantile.default` term for term,
/// `(1 - h) x[lo] + h x[hi]`, so results agree with R bit for bit.
///
/// ```swift
/// Quantile.type7(sorted: [1, 2, 3, 4], probability: 0.25) // 1.75
/// ```
public enum Quantile {
    /// The type-7 quantile of already sorted, non-empty values at probability `p` in [0, 1].
    public static func type7(sorted values: [Double], probability p: Double) -> Double {
        precondition(!values.isEmpty && p >= 0 && p <= 1, "type7 needs values and 0 <= p <= 1")
        // R's 1-based index, kept so that h is rounded exactly as R rounds it.
        let index = 1 + Double(values.count - 1) * p
        let lo = index.rounded(.down)
        let h = index - lo
        let below = values[Int(lo) - 1]
        guard h > 0, values[Int(lo)] != below else { return below }
        return (1 - h) * below + h * values[Int(lo)]
    }
}
