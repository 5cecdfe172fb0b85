import TIPText

/// Ordinary least squares fit of y on any number of predictors, with or without an intercept,
/// with the summary R's `summary(lm(...))` prints.
///
/// The fit is a Householder QR factorisation of the design in double-double arithmetic (see
/// `HouseholderQR` for why), never the normal equations. It reproduces the certified
/// coefficients, standard deviations, residual standard deviation and R-squared of every NIST
/// StRD linear regression problem to at least 13 significant digits (Filip, Longley and
/// Wampler1-5 included; the least, 13.2 on Wampler2, is the limit set by storing its decimal
/// data as doubles).
///
/// Definitions, as in R and NIST:
/// - residual SD s = sqrt(RSS / (n - p)), df_residual = n - p;
/// - std_error_j = s sqrt([(X'X)^-1]_jj), t = estimate / std_error, p = 2 P(T_df > |t|),
///   interval estimate +- t_{(1+level)/2, df} std_error;
/// - R-squared = 1 - RSS / sum (y - mean y)^2 with an intercept; without one it is uncentred,
///   1 - RSS / sum y^2, as R and NIST report it (`rSquaredCentred` says which);
/// - F = ((TSS - RSS) / df_model) / (RSS / df_residual), df_model = p - 1 with an intercept, p
///   without (TSS centred or not, as R-squared).
///
/// An exact fit (R's rule: residual variance below 1e-30 of mean(fitted)^2 + var(fitted), i.e.
/// residuals at the rounding level of the data, as in Wampler1) has outcome `.exactFit`: the
/// estimates and the (tiny) standard errors are reported, but t, p and F, which would be
/// infinite or meaningless, are nil.
///
/// ```swift
/// let fit = try LinearRegression.polynomial(x: [2008, 2009, 2010, 2011],
///                                           y: [4, 30, 31, 13], degree: 1)
/// fit.coefficients[1].term     // "x"
/// fit.coefficients[1].estimate // 2.8
/// fit.dfResidual               // 2
/// ```
public struct LinearRegression: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case fitted
        /// Residuals are zero to the precision of the data; t, p and F are not defined.
        case exactFit = "exact_fit"
    }

    public struct Coefficient: Sendable, Hashable, Codable {
        public let term: String
        public let estimate: Double
        public let stdError: Double
        /// estimate / stdError; nil for an exact fit.
        public let t: Double?
        /// Two-sided p-value of t on df_residual degrees of freedom; nil for an exact fit.
        public let p: Double?
        public let ciLow: Double
        public let ciHigh: Double
    }

    public struct FTest: Sendable, Hashable, Codable {
        public let statistic: Double
        public let dfModel: Int
        public let dfResidual: Int
        public let p: Double
    }

    /// The name R gives the intercept term.
    public static let interceptName = "(Intercept)"

    public let n: Int
    public let intercept: Bool
    public let level: Double
    public let outcome: Outcome
    public let coefficients: [Coefficient]
    public let residualSD: Double
    public let rSquared: Double
    /// true: R-squared about the mean (a model with intercept); false: uncentred.
    public let rSquaredCentred: Bool
    /// The overall F test; nil for a model with no predictor besides the intercept, or an exact fit.
    public let fTest: FTest?
    public let dfResidual: Int
    /// Plain-language remarks: an exact fit, a nearly dependent column.
    public let notes: [String]

    /// Fits `response ~ predictors` (plus an intercept unless `intercept` is false).
    ///
    /// - Parameter predictors: named columns, each as long as `response`.
    /// - Throws: ``StatsError``: mismatched lengths or non-finite values (invalidInput), no more
    ///   observations than coefficients (insufficientData), a constant or zero predictor, a
    ///   dependent column (singularDesign), a response without variation (invalidInput).
    public init(response: [Double], predictors: [(name: String, values: [Double])],
                intercept: Bool = true, level: Double = 0.95) throws(StatsError) {
        for (i, y) in response.enumerated() { try StatsError.checkFinite(y, "response value \(i + 1)") }
        var columns: [[DoubleDouble]] = []
        for predictor in predictors {
            guard predictor.values.count == response.count else {
                throw .invalidInput("predictor '\(predictor.name)' has \(predictor.values.count) values "
                    + "but the response has \(response.count)")
            }
            for (i, x) in predictor.values.enumerated() {
                try StatsError.checkFinite(x, "predictor '\(predictor.name)' value \(i + 1)")
            }
            columns.append(predictor.values.map { DoubleDouble($0) })
        }
        try self.init(response: response.map { DoubleDouble($0) }, columns: columns,
                      names: predictors.map(\.name), intercept: intercept, level: level)
    }

    /// Fits a polynomial y = b0 + b1 x + ... + b_degree x^degree. The powers are formed in
    /// double-double from x, so the design is exact (Filip's x^10 in float64 would already
    /// carry rounding error).
    ///
    /// Terms are named `variable`, `variable^2`, ...
    public static func polynomial(x: [Double], y: [Double], degree: Int, intercept: Bool = true,
                                  level: Double = 0.95, variable: String = "x") throws(StatsError) -> LinearRegression {
        guard degree >= 1 else { throw .invalidInput("polynomial degree must be at least 1 (got \(degree))") }
        guard x.count == y.count else {
            throw .invalidInput("x has \(x.count) values but y has \(y.count)")
        }
        for (i, v) in x.enumerated() { try StatsError.checkFinite(v, "x value \(i + 1)") }
        for (i, v) in y.enumerated() { try StatsError.checkFinite(v, "y value \(i + 1)") }
        let base = x.map { DoubleDouble($0) }
        var columns = [base]
        for _ in 1..<degree { columns.append(zip(columns[columns.count - 1], base).map { $0 * $1 }) }
        let names = (1...degree).map { $0 == 1 ? variable : "\(variable)^\($0)" }
        return try LinearRegression(response: y.map { DoubleDouble($0) }, columns: columns, names: names,
                                    intercept: intercept, level: level)
    }

    private init(response y: [DoubleDouble], columns predictorColumns: [[DoubleDouble]], names predictorNames: [String],
                 intercept: Bool, level: Double) throws(StatsError) {
        try StatsError.checkLevel(level)
        let n = y.count
        let columns = (intercept ? [Array(repeating: DoubleDouble.one, count: n)] : []) + predictorColumns
        let names = (intercept ? [LinearRegression.interceptName] : []) + predictorNames
        let p = columns.count
        guard p > 0 else { throw .invalidInput("a model needs an intercept or at least one predictor") }
        guard n > p else {
            throw .insufficientData("a model with \(p) coefficient\(p == 1 ? "" : "s") needs at least "
                + "\(p + 1) observations (got \(n))")
        }
        for (name, column) in zip(predictorNames, predictorColumns) {
            if column.allSatisfy(\.isZero) {
                throw StatsError(.singularDesign, "predictor '\(name)' is zero in every row")
            }
            if intercept, column.allSatisfy({ $0 == column[0] }) {
                throw StatsError(.singularDesign, "predictor '\(name)' is constant (every value is "
                    + "\(column[0].value)), so with an intercept its coefficient cannot be estimated")
            }
        }
        // Total sum of squares: about the mean with an intercept, about zero without.
        let centre = intercept ? DoubleDouble.sum(y) / DoubleDouble(n) : .zero
        let tss = DoubleDouble.sum(y.map { ($0 - centre) * ($0 - centre) })
        guard !tss.isZero else {
            throw .invalidInput(intercept
                ? "the response is constant (every value is \(y[0].value)): there is no variation to model"
                : "the response is zero in every row: there is nothing to model")
        }

        let qr = HouseholderQR(columns: columns)
        try qr.requireFullRank(names: names)
        let b = qr.solve(y)
        let fitted = (0..<n).map { i in DoubleDouble.sum((0..<p).lazy.map { columns[$0][i] * b[$0] }) }
        let rss = DoubleDouble.sum(zip(y, fitted).map { ($0 - $1) * ($0 - $1) })
        let df = n - p
        let residualVariance = rss / DoubleDouble(df)

        // R's summary.lm test for an essentially perfect fit.
        let fittedMean = DoubleDouble.sum(fitted) / DoubleDouble(n)
        let fittedVariance = DoubleDouble.sum(fitted.map { ($0 - fittedMean) * ($0 - fittedMean) }) / DoubleDouble(n - 1)
        let exact = residualVariance.value < (fittedMean * fittedMean + fittedVariance).value * 1e-30

        let s = residualVariance.squareRoot()
        let tQuantile = Distributions.studentTQuantile((1 + level) / 2, df: Double(df))
        coefficients = zip(names, zip(b, qr.unscaledVariances())).map { name, pair in
            let (estimate, unscaled) = pair
            let se = (s * unscaled.squareRoot()).value
            let t = exact ? nil : estimate.value / se
            return Coefficient(term: name, estimate: estimate.value, stdError: se, t: t,
                               p: t.map { Distributions.studentTTwoSidedP($0, df: Double(df)) },
                               ciLow: estimate.value - tQuantile * se, ciHigh: estimate.value + tQuantile * se)
        }

        self.n = n
        self.intercept = intercept
        self.level = level
        self.dfResidual = df
        outcome = exact ? .exactFit : .fitted
        residualSD = s.value
        rSquared = (DoubleDouble.one - rss / tss).value
        rSquaredCentred = intercept
        let dfModel = p - (intercept ? 1 : 0)
        if exact || dfModel == 0 {
            fTest = nil
        } else {
            let f = ((tss - rss) / DoubleDouble(dfModel) / residualVariance).value
            fTest = FTest(statistic: f, dfModel: dfModel, dfResidual: df,
                          p: Distributions.fUpperTail(f, df1: Double(dfModel), df2: Double(df)))
        }

        var notes: [String] = []
        if exact {
            notes.append("exact fit: the residuals are zero to the precision of the data, so t, p and F are not defined")
        }
        // Flag near-dependence well before the singularity tolerance. A relative change e in a
        // column whose independent part is f moves the estimates by up to about e / f, so below
        // f = 1e-6 a change in the sixth digit of the data can change an estimate's first.
        if let j = qr.firstDependentColumn(tolerance: 1e-6) {
            notes.append("column '\(names[j])' is nearly a linear combination of the columns before it "
                + "(independent part \(DecimalText.scientific(qr.independentFraction(j), digits: 2)) of its norm): "
                + "the estimates are very sensitive to small changes in the data")
        }
        self.notes = notes
    }
}
