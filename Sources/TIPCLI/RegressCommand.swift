import ArgumentParser
import TIPTable
import TIPStats

/// `tipstat regress FILE --y C --x C [--x C ...]`: ordinary least squares.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Least-squares regression of one column on others, or a polynomial in one.",
        discussion: """
        Fits y = b0 + b1 x1 + ... by Householder QR in double-double arithmetic (never the \
        normal equations): every NIST StRD linear regression set, Filip and Wampler5 included, \
        to at least 13 significant digits. Reports what R's summary(lm(...)) and confint() \
        report: estimates, standard errors, t, two-sided p on n - p degrees of freedom, t \
        intervals at --level, the residual standard deviation, R-squared (uncentred with \
        --no-intercept, as R) and the overall F test. --degree K fits a polynomial of degree K \
        in the one --x given. Rows with a missing y or x are left out and counted.

        Output keys: n, coefficients[{term, estimate, std_error, t, p, ci_low, ci_high}], \
        residual_sd, r_squared, f, f_p_value, df_model, df_residual, level, missing. An exact \
        fit (zero residuals) has null t, p and F.

        Example:
          tipstat regress data.csv --y referrals --x year
          tipstat regress data.csv --y y --x x --degree 2 --format json
          tipstat regress data.csv --y y --x x1 --x x2 --no-intercept
        """)

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: ArgumentHelp("The response column.", valueName: "name"))
    var y: String

    @Option(help: ArgumentHelp("A predictor column; repeat for several.", valueName: "name"))
    var x: [String]

    @Option(help: ArgumentHelp("Polynomial degree in the one --x (default 1).", valueName: "k"))
    var degree: Int = 1

    @Flag(help: "Fit without an intercept (through the origin).")
    var noIntercept = false

    @Option(help: ArgumentHelp("Confidence level of the intervals.", valueName: "p"))
    var level: Double = 0.95

    @OptionGroup var result: ResultOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if x.isEmpty { throw ValidationError("give at least one --x") }
        if degree < 1 { throw ValidationError("--degree must be at least 1 (got \(degree))") }
        if degree > 1 && x.count > 1 { throw ValidationError("--degree applies to a single --x (got \(x.count))") }
        try checkLevel(level)
    }

    func run() throws {
        let data = try AnalysisInput.load(file, input: input, numeric: [y] + x)
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
                                      intercept: !noIntercept, level: level, variable: names[0])
            } else {
                fit = try LinearRegression(response: yValues, predictors: zip(names, predictors).map { name, values in
                    (name: name, values: complete.map { values[$0]! })
                }, intercept: !noIntercept, level: level)
            }
        } catch {
            let left = missing > 0 ? " (\(complete.count) complete row\(complete.count == 1 ? "" : "s") of \(response.count))" : ""
            throw Output.failure(error.message + left, file: data.file)
        }
        var notes = fit.notes.map { AnalysisResult.Note(.caution, $0) }
        if missing > 0 {
            notes.append(.init(.note, "\(missing) row\(missing == 1 ? "" : "s") with a missing value left out."))
        }
        notes.append(.init(.assumption, "Errors independent with constant variance (normal for the t and F tests and intervals)."))
        if noIntercept {
            notes.append(.init(.note, "No intercept: R-squared and F are about zero, not the mean (uncentred), as R reports them."))
        }
        try result.emit(AnalysisResult(title: "Least squares: \(data.column(y).column.name) on \(names.joined(separator: ", "))", fields: [
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
        ], notes: notes), inputs: [file])
    }
}
