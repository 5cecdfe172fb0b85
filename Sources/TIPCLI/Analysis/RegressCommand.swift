import ArgumentParser
import TIPTable
import TIPAnalysis

/// `tipstat regress FILE --y C --x C [--x C ...]`: ordinary least squares.
struct RegressCommand: AnalysisCommand {
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

    var inputs: [String] { [file] }

    func request() throws(AnalysisError) -> RegressionRequest {
        try RegressionRequest(Console.current.input(file), options: input.loadOptions(), y: y, x: x, degree: degree,
                              intercept: !noIntercept, level: level)
    }
}
