import Foundation

/// Pearson's chi-square test of independence (or of equal proportions across groups) in an
/// r x c table, as R's `chisq.test` on a matrix.
///
/// X^2 = sum (|n_ij - E_ij| - Y)^2 / E_ij with E_ij = r_i c_j / n, on (r - 1)(c - 1) df.
/// Y = min(0.5, min_ij |n_ij - E_ij|) is Yates's continuity correction (in a 2 x 2 table every
/// |n_ij - E_ij| is the same, so it never overshoots), applied (as R does by default) only to
/// 2 x 2 tables and only to the asymptotic p-value. Also given: the Pearson
/// residuals (n - E) / sqrt(E) and the standardised residuals
/// (n - E) / sqrt(E (1 - r_i/n)(1 - c_j/n)), approximately N(0, 1) under independence, which
/// say which cells depart.
///
/// The chi-square distribution of X^2 is a large-sample approximation; R warns when an
/// expected count is below 5. With ``MonteCarloPValue`` (R's `simulate.p.value`) the p-value is
/// instead the share of random tables with the same margins whose X^2 (no correction) is at
/// least the observed one, times (1 - 64 eps) for rounding, which holds at any sample size;
/// `automatic` uses it exactly when some expected count is below 5.
///
/// ```swift
/// let t = try ChiSquareIndependenceTest(try ContingencyTable([[12, 5], [7, 9]]))
/// t.statistic // X^2 with Yates's correction
/// t.pValue
/// ```
public struct ChiSquareIndependenceTest: Sendable, Hashable {
    public enum PValueMethod: Sendable, Hashable {
        /// The chi-square distribution on (r - 1)(c - 1) df.
        case asymptotic
        /// Random tables with the observed margins.
        case monteCarlo(MonteCarloPValue)
        /// Monte Carlo when an expected count is below 5, else asymptotic.
        case automatic(MonteCarloPValue)
    }

    /// R's rule of thumb: below this expected count the chi-square approximation may be poor.
    public static let smallExpected = 5.0

    public let table: ContingencyTable
    public let statistic: Double
    public let df: Int
    public let pValue: Double
    /// Whether Yates's correction entered the statistic (2 x 2, asymptotic, requested).
    public let continuityCorrected: Bool
    /// The Monte Carlo settings, when the p-value was simulated.
    public let monteCarlo: MonteCarloPValue?
    public let expected: [[Double]]
    public let residuals: [[Double]]
    public let standardizedResiduals: [[Double]]
    /// Whether some expected count is below 5.
    public let hasSmallExpected: Bool

    /// - Throws: ``StatsError`` for Monte Carlo replicates out of range.
    public init(_ table: ContingencyTable, continuityCorrection: Bool = true,
                method: PValueMethod = .asymptotic) throws(StatsError) {
        self.table = table
        let e = table.expected
        expected = e
        let n = Double(table.total)
        hasSmallExpected = e.contains { $0.contains { $0 < ChiSquareIndependenceTest.smallExpected } }
        df = (table.rows - 1) * (table.columns - 1)
        residuals = table.counts.indices.map { i in
            table.counts[i].indices.map { j in (Double(table.counts[i][j]) - e[i][j]) / e[i][j].squareRoot() }
        }
        standardizedResiduals = table.counts.indices.map { i in
            table.counts[i].indices.map { j in
                (Double(table.counts[i][j]) - e[i][j])
                    / (e[i][j] * (1 - Double(table.rowTotals[i]) / n) * (1 - Double(table.columnTotals[j]) / n)).squareRoot()
            }
        }

        let simulation: MonteCarloPValue?
        switch method {
        case .asymptotic: simulation = nil
        case .monteCarlo(let settings): simulation = settings
        case .automatic(let settings): simulation = hasSmallExpected ? settings : nil
        }
        // X^2 with the correction Y; terms sorted decreasing before summing, as R does.
        func chiSquare(_ counts: [[Int]], yates: Bool) -> Double {
            let deviations = counts.indices.map { i in counts[i].indices.map { j in abs(Double(counts[i][j]) - e[i][j]) } }
            let y = yates ? min(0.5, deviations.joined().min() ?? 0) : 0
            var terms: [Double] = []
            terms.reserveCapacity(counts.count * counts[0].count)
            for i in counts.indices {
                for j in counts[i].indices { terms.append((deviations[i][j] - y) * (deviations[i][j] - y) / e[i][j]) }
            }
            return terms.sorted(by: >).reduce(0, +)
        }
        if let simulation {
            try simulation.check()
            continuityCorrected = false
            statistic = chiSquare(table.counts, yates: false)
            let threshold = (1 - 64 * Double.ulpOfOne) * statistic
            pValue = simulation.pValue(table) { chiSquare($0, yates: false) >= threshold }
            monteCarlo = simulation
        } else {
            continuityCorrected = continuityCorrection && table.rows == 2 && table.columns == 2
            statistic = chiSquare(table.counts, yates: continuityCorrected)
            pValue = Distributions.chiSquareUpperTail(statistic, df: Double(df))
            monteCarlo = nil
        }
    }
}
