import Foundation

/// The grid search of a joinpoint model: for k joinpoints, every admissible set of k observed
/// times as joinpoints, each fitted as a log-linear count model with the hinge terms
/// (t - tau)_+, keeping the set of least deviance (largest likelihood).
///
/// Admissible sets (NCI Joinpoint's grid search): a joinpoint at the i-th of n ordered times
/// needs at least `endGap` observations between it and either end of the series (excluding
/// itself), and two joinpoints at least `interiorGap` observations between them.
struct JoinpointSearch {
    let times: [Double]
    let offset: [Double]
    /// Columns entered in every model after the intercept and time (seasonal terms, covariates).
    let covariates: [[Double]]
    let covariateNames: [String]
    let endGap: Int
    let interiorGap: Int

    /// The number of admissible sets of k joinpoints among n times: k of the n - 2 endGap
    /// inner positions with at least interiorGap positions between consecutive ones, which is
    /// C(n - 2 endGap - (k - 1) interiorGap, k) (a Double: it can be astronomically large).
    static func candidateCount(n: Int, k: Int, endGap: Int, interiorGap: Int) -> Double {
        let m = n - 2 * endGap - (k - 1) * interiorGap
        guard k > 0 else { return 1 }
        guard m >= k else { return 0 }
        return (0..<k).reduce(1.0) { $0 * Double(m - $1) / Double($1 + 1) }
    }

    /// Every admissible set of k joinpoint indices.
    func candidates(_ k: Int) -> [[Int]] {
        let n = times.count
        var result: [[Int]] = []
        func extend(_ chosen: [Int]) {
            if chosen.count == k {
                result.append(chosen)
                return
            }
            let first = chosen.last.map { $0 + interiorGap + 1 } ?? endGap
            guard first <= n - 1 - endGap else { return }
            for i in first...(n - 1 - endGap) { extend(chosen + [i]) }
        }
        extend([])
        return result
    }

    /// The design's columns for joinpoints at the given indices.
    func columns(joinpoints: [Int]) -> (columns: [[Double]], names: [String]) {
        var columns = [Array(repeating: 1.0, count: times.count), times]
        var names = [LinearRegression.interceptName, "time"]
        for (k, i) in joinpoints.enumerated() {
            columns.append(times.map { max($0 - times[i], 0) })
            names.append("hinge\(k + 1)")
        }
        return (columns + covariates, names + covariateNames)
    }

    /// The best k-joinpoint model for the counts y (least deviance over the candidates). A
    /// candidate whose fit fails (a segment whose rates run to zero) is passed over; nil when
    /// every candidate fails.
    func best(_ k: Int, y: [Double], candidates: [[Int]], start: [Double]?) -> (joinpoints: [Int], fit: CountModelFit)? {
        var best: (joinpoints: [Int], fit: CountModelFit)?
        for set in candidates {
            let design = columns(joinpoints: set)
            guard let fit = try? CountModelFit(y: y, columns: design.columns, names: design.names, offset: offset,
                                              theta: nil, startEta: start) else { continue }
            if best.map({ fit.deviance < $0.fit.deviance }) ?? true { best = (set, fit) }
        }
        return best
    }
}
