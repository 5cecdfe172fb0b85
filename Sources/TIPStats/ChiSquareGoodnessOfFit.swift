import TIPText

/// Pearson's chi-square test of observed counts against baseline proportions (for instance the
/// race/ethnicity of referred children against the state's child population): R's
/// `chisq.test(observed, p = baseline, rescale.p = TRUE)`.
///
/// X^2 = sum (O_i - E_i)^2 / E_i with E_i = N p_i, on k - 1 degrees of freedom; p-value
/// P(chi-square_{k-1} >= X^2). The baseline may be given as proportions or percentages: it is
/// rescaled to sum to 1. The chi-square approximation needs expected counts of about 5 or more
/// (Cochran's rule); each cell below 5 produces a warning naming it. The standardised residual
/// (O - E) / sqrt(E) of each cell shows which categories drive the statistic.
///
/// ```swift
/// let g = try ChiSquareGoodnessOfFit(categories: ["Black", "White", "Hispanic"],
///                                    observed: [39, 55, 96], baseline: [13, 55, 24])
/// g.statistic // 79.22...
/// g.df        // 2
/// ```
public struct ChiSquareGoodnessOfFit: Sendable, Hashable, Codable {
    public struct Cell: Sendable, Hashable, Codable {
        public let category: String
        public let observed: Int
        public let expected: Double
        /// (O - E) / sqrt(E).
        public let standardisedResidual: Double
    }

    /// Cochran's rule of thumb for the smallest expected count.
    public static let minimumExpected = 5.0

    public let n: Int
    public let statistic: Double
    public let df: Int
    public let p: Double
    public let cells: [Cell]
    public let warnings: [String]

    /// - Throws: ``StatsError`` for mismatched lengths, fewer than 2 categories, negative counts,
    ///   no observations, or a baseline proportion that is not positive.
    public init(categories: [String], observed: [Int], baseline: [Double]) throws(StatsError) {
        guard categories.count == observed.count, observed.count == baseline.count else {
            throw .invalidInput("need one observed count and one baseline share per category (got "
                + "\(categories.count) categories, \(observed.count) counts, \(baseline.count) shares)")
        }
        guard observed.count >= 2 else { throw .insufficientData("a goodness-of-fit test needs at least 2 categories") }
        guard observed.allSatisfy({ $0 >= 0 }) else { throw .invalidInput("observed counts cannot be negative") }
        for (name, b) in zip(categories, baseline) where !(b > 0 && b.isFinite) {
            throw .invalidInput("the baseline share of '\(name)' must be positive (got \(b)): a category "
                + "that cannot occur has no place in the test")
        }
        let n = observed.reduce(0, +)
        guard n > 0 else { throw .insufficientData("no observations: every count is zero") }
        let baselineTotal = baseline.reduce(0, +)
        let expected = baseline.map { $0 / baselineTotal * Double(n) }
        self.n = n
        cells = categories.indices.map { i in
            Cell(category: categories[i], observed: observed[i], expected: expected[i],
                 standardisedResidual: (Double(observed[i]) - expected[i]) / expected[i].squareRoot())
        }
        statistic = DoubleDouble.sum(cells.map { c in
            DoubleDouble(c.standardisedResidual) * DoubleDouble(c.standardisedResidual)
        }).value
        df = observed.count - 1
        p = Distributions.chiSquareUpperTail(statistic, df: Double(df))
        warnings = cells.filter { $0.expected < ChiSquareGoodnessOfFit.minimumExpected }.map { c in
            "expected count for '\(c.category)' is \(DecimalText.format(c.expected, decimals: 2)), below 5: "
                + "the chi-square approximation may be poor; consider merging categories"
        }
    }
}
