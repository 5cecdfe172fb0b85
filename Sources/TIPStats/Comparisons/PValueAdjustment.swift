/// Adjustment of p-values for several tests shown together, as R's `p.adjust`.
///
/// With p_(1) <= ... <= p_(m) the sorted p-values of m tests:
/// - Bonferroni: min(1, m p_i). Controls the family-wise error rate (the chance of any false
///   rejection) under any dependence.
/// - Holm (1979): p_(i) -> max over j <= i of min(1, (m - j + 1) p_(j)). Also controls the
///   family-wise error rate under any dependence, and rejects everything Bonferroni rejects:
///   prefer it to Bonferroni.
/// - Benjamini-Hochberg (1995): p_(i) -> min over j >= i of min(1, m p_(j) / j). Controls the
///   false discovery rate (the expected share of false rejections among the rejections) for
///   independent or positively dependent tests; use it when many comparisons are screened and
///   a few false leads are acceptable.
/// Missing p-values (nil) stay nil and do not count in m (R's default `n = length(p[!is.na(p)])`).
///
/// ```swift
/// let adjusted = try PValueAdjustment.holm.adjust([0.01, 0.04, 0.03, 0.20])
/// // [0.04, 0.09, 0.09, 0.2]
/// ```
public enum PValueAdjustment: String, Sendable, Hashable, Codable, CaseIterable {
    case bonferroni
    case holm
    case benjaminiHochberg = "BH"

    /// Most p-values adjusted at once.
    public static let maximumCount = 10_000_000

    /// - Throws: ``StatsError`` for a p-value outside [0, 1] (or NaN) or too many values.
    public func adjust(_ pValues: [Double?]) throws(StatsError) -> [Double?] {
        guard pValues.count <= PValueAdjustment.maximumCount else {
            throw .invalidInput("at most \(PValueAdjustment.maximumCount) p-values can be adjusted at once (got \(pValues.count))")
        }
        for (i, p) in pValues.enumerated() {
            if let p, !(0...1).contains(p) {
                throw .invalidInput("p-value \(i + 1) must lie between 0 and 1 (got \(p))")
            }
        }
        let present = pValues.indices.filter { pValues[$0] != nil }
        let p = pValues.compactMap { $0 } // in the order of `present`
        let m = Double(p.count)
        var adjusted = Array(repeating: 0.0, count: p.count)
        switch self {
        case .bonferroni:
            adjusted = p.map { min(1, m * $0) }
        case .holm:
            let order = p.indices.sorted { p[$0] < p[$1] }
            var running = 0.0
            for (rank, i) in order.enumerated() {
                running = max(running, min(1, (m - Double(rank)) * p[i]))
                adjusted[i] = running
            }
        case .benjaminiHochberg:
            let order = p.indices.sorted { p[$0] > p[$1] }
            var running = 1.0
            for (rank, i) in order.enumerated() {
                running = min(running, m / (m - Double(rank)) * p[i])
                adjusted[i] = min(1, running)
            }
        }
        var result = pValues
        for (k, i) in present.enumerated() { result[i] = adjusted[k] }
        return result
    }

    /// The adjustment of p-values none of which is missing.
    public func adjust(_ pValues: [Double]) throws(StatsError) -> [Double] {
        try adjust(pValues.map { Optional($0) }).map { $0 ?? .nan }
    }
}
