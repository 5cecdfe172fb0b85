import Foundation

/// Fisher's exact test of independence in an r x c table, conditional on both margins, as R's
/// `fisher.test`; for a 2 x 2 table also the conditional maximum-likelihood odds ratio and its
/// exact interval.
///
/// Given the margins, the table has the multiple hypergeometric probability
/// P(T) = prod r_i! prod c_j! / (n! prod n_ij!). The two-sided p-value is the total
/// probability of the tables no more probable than the observed one, P(T) <= P(obs) (1 + 1e-7),
/// R's relative tolerance for ties. An r x c table's p-value comes from enumerating the tables
/// with its margins, whole subtrees at once where bounds settle them (see
/// `ExactTableEnumeration`; at most `enumerationLimit` steps, else an error that suggests the
/// Monte Carlo p-value), or from ``MonteCarloPValue`` over random tables with those margins
/// (R's `simulate.p.value`, counting tables with prod n_ij! >= the observed one's).
///
/// For 2 x 2 tables with x = n_11, the distribution of x given the margins is the noncentral
/// hypergeometric P(x; psi) proportional to C(m, x) C(n, k - x) psi^x (m, n column totals, k
/// the first row's). The estimate is the psi solving E(x; psi) = x (0 at the lower end of x's
/// support, infinity at the upper); the interval inverts the two one-sided tests, P(X >= x; psi_L)
/// = alpha/2 and P(X <= x; psi_U) = alpha/2. R finds these roots with `uniroot`'s default
/// tolerance (about 1e-4); here they are exact to rounding (Brent's method on log psi).
///
/// Assumption: both margins fixed (or conditioned on); the test is exact, and conservative
/// (p-values err on the large side). It is the test for sparse tables, where the chi-square
/// approximation fails.
///
/// ```swift
/// let t = try FisherExactTest(try ContingencyTable([[3, 1], [1, 3]])) // Fisher's tea tasting
/// t.pValue     // 0.4857
/// t.oddsRatio  // 6.40832 (fisher.test prints 6.408309, solved to 1e-4)
/// ```
public struct FisherExactTest: Sendable, Hashable {
    /// Steps of enumeration (columns filled or subtrees settled) allowed by default for an
    /// exact r x c p-value: about a second of work.
    public static let defaultEnumerationLimit = 10_000_000
    /// R's relative tolerance for tables as probable as the observed one.
    static let tieTolerance = 1e-7

    public let table: ContingencyTable
    public let alternative: TestAlternative
    public let level: Double
    public let pValue: Double
    /// The Monte Carlo settings, when the p-value was simulated.
    public let monteCarlo: MonteCarloPValue?
    /// Steps the exact r x c enumeration took (nil otherwise).
    public let enumerationSteps: Int?
    /// 2 x 2 only: the conditional maximum-likelihood odds ratio and its interval.
    public let oddsRatio: Double?
    public let lower: Double?
    public let upper: Double?

    /// - Parameters:
    ///   - alternative: for 2 x 2 tables, the odds ratio is greater or less than 1; larger
    ///     tables take only the two-sided test.
    ///   - monteCarlo: simulate the p-value of an r x c table instead of enumerating.
    ///   - enumerationLimit: bound on the steps of the exact enumeration of an r x c table.
    /// - Throws: ``StatsError`` for a one-sided alternative on a larger table, a bad level,
    ///   replicates out of range, or more than `enumerationLimit` steps of enumeration.
    public init(_ table: ContingencyTable, alternative: TestAlternative = .twoSided, level: Double = 0.95,
                monteCarlo: MonteCarloPValue? = nil, enumerationLimit: Int = FisherExactTest.defaultEnumerationLimit) throws(StatsError) {
        try StatsError.checkLevel(level)
        self.table = table
        self.alternative = alternative
        self.level = level
        if table.rows == 2 && table.columns == 2 && monteCarlo == nil {
            let conditional = ConditionalOddsRatio(table)
            pValue = conditional.pValue(alternative)
            let estimate = try conditional.maximumLikelihood()
            let limits = try conditional.interval(alternative: alternative, level: level)
            oddsRatio = estimate
            (lower, upper) = limits
            self.monteCarlo = nil
            enumerationSteps = nil
            return
        }
        guard alternative == .twoSided else {
            throw .invalidInput("a one-sided Fisher test needs a 2 x 2 table (got \(table.rows) x \(table.columns))")
        }
        oddsRatio = nil
        lower = nil
        upper = nil
        let logFactorial = RandomContingencyTable.logFactorials(upTo: table.total)
        func sumLogFactorials(_ t: [[Int]]) -> Double { t.reduce(0) { $0 + $1.reduce(0) { $0 + logFactorial[$1] } } }
        let observed = sumLogFactorials(table.counts)
        if let monteCarlo {
            try monteCarlo.check()
            // R: STATISTIC = -sum(lfactorial(x)), extreme when the simulated one is <= STATISTIC / (1 + 64 eps).
            let threshold = -observed / (1 + 64 * Double.ulpOfOne)
            pValue = monteCarlo.pValue(table) { -sumLogFactorials($0) <= threshold }
            self.monteCarlo = monteCarlo
            enumerationSteps = nil
        } else {
            let enumeration = try ExactTableEnumeration(table, logFactorial: logFactorial, maximumNodes: enumerationLimit)
            pValue = enumeration.pValue
            enumerationSteps = enumeration.nodes
            self.monteCarlo = nil
        }
    }
}
