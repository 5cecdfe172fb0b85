import TIPTable
import TIPStats

/// Least squares of one column of a CSV file on others, or on a polynomial in one: what
/// `tipstat regress` computes. Householder QR in double-double arithmetic (never the normal
/// equations); estimates, standard errors, t, two-sided p on n - p degrees of freedom, t
/// intervals at `level`, the residual standard deviation, R-squared (uncentred without an
/// intercept, as R) and the overall F test, as R's `summary(lm(...))` and `confint()`. Rows
/// with a missing y or x are left out and counted.
///
/// ```swift
/// let fit = try RegressionRequest(.path("referrals.csv"), y: "referrals", x: ["year"]).run().result
/// fit.number("r_squared")
/// ```
public struct RegressionRequest: Sendable {
    public let input: CSVInput
    public let options: LoadOptions
    /// The response column.
    public let y: String
    /// The predictor columns.
    public let x: [String]
    /// The polynomial degree in the one `x` (1: a straight line).
    public let degree: Int
    public let intercept: Bool
    public let level: Double

    /// - Throws: ``AnalysisError`` for no predictor, a degree below 1, a degree above 1 with
    ///   several predictors, or a level outside (0, 1).
    public init(_ input: CSVInput, options: LoadOptions = LoadOptions(), y: String, x: [String], degree: Int = 1,
                intercept: Bool = true, level: Double = 0.95) throws(AnalysisError) {
        if x.isEmpty { throw AnalysisError(argument: "x") { name in "give at least one \(name("x"))" } }
        if degree < 1 { throw AnalysisError(argument: "degree") { name in "\(name("degree")) must be at least 1 (got \(degree))" } }
        if degree > 1 && x.count > 1 {
            throw AnalysisError(argument: "degree") { name in "\(name("degree")) applies to a single \(name("x")) (got \(x.count))" }
        }
        try AnalysisError.checkLevel(level)
        self.input = input
        self.options = options
        self.y = y
        self.x = x
        self.degree = degree
        self.intercept = intercept
        self.level = level
    }

    public func run() throws(AnalysisError) -> AnalysisOutcome {
        let data = try AnalysisTable.load(input, options: options, numeric: [y] + x)
        let response = data.numbers(y)
        let predictors = x.map { data.numbers($0) }
        let complete = response.indices.filter { r in response[r] != nil && predictors.allSatisfy { $0[r] != nil } }
        let missing = response.count - complete.count
        let yValues = complete.map { response[$0]! }
        let names = x.map { data.column($0).column.name }
        let fit: LinearRegression
        do {
            if degree > 1 {
                fit = try .polynomial(x: complete.map { predictors[0][$0]! }, y: yValues, degree: degree,
                                      intercept: intercept, level: level, variable: names[0])
            } else {
                fit = try LinearRegression(response: yValues, predictors: zip(names, predictors).map { name, values in
                    (name: name, values: complete.map { values[$0]! })
                }, intercept: intercept, level: level)
            }
        } catch {
            let left = missing > 0 ? " (\(complete.count) complete row\(complete.count == 1 ? "" : "s") of \(response.count))" : ""
            throw data.failure(error.message + left)
        }
        var notes = fit.notes.map { AnalysisResult.Note(.caution, $0) }
        if missing > 0 {
            notes.append(.init(.note, "\(missing) row\(missing == 1 ? "" : "s") with a missing value left out."))
        }
        notes.append(.init(.assumption, "Errors independent with constant variance (normal for the t and F tests and intervals)."))
        if !intercept {
            notes.append(.init(.note, "No intercept: R-squared and F are about zero, not the mean (uncentred), as R reports them."))
        }
        return AnalysisOutcome(AnalysisResult(title: "Least squares: \(data.column(y).column.name) on \(names.joined(separator: ", "))", fields: [
            .init("n", .integer(fit.n)),
            .init("coefficients", .coefficients(fit)),
            .init("residual_sd", .number(fit.residualSD, .statistic)),
            .init("r_squared", .number(fit.rSquared, .statistic)),
            .init("f", .number(fit.fTest?.statistic, .statistic)),
            .init("f_p_value", .number(fit.fTest?.p, .pValue)),
            .init("df_model", fit.fTest.map { .integer($0.dfModel) } ?? .null),
            .init("df_residual", .integer(fit.dfResidual)),
            .init("level", .number(level, .input)),
            .init("missing", .integer(missing)),
        ], notes: notes), problems: data.problems)
    }
}
