import ArgumentParser
import TIPTable
import TIPStats

/// `tipstat trend FILE --time C --value C [--model linear|poisson]`: a trend over time.
struct TrendCommand: ParsableCommand {
    enum Model: String, ExpressibleByArgument, Sendable {
        case linear, poisson
    }

    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Trend of a value over time: least squares, or Poisson regression of counts.",
        discussion: """
        Time: a column of years (2015), decimal years, dates (2016-03-04; see --date-order) \
        or periods (2015, 2016-01/2016-09, 2013/2016). A date stands at the middle of its day in \
        decimal years (2016-07-02 is 2016.5), with exposure 1. A period stands at its midpoint in decimal years (2015 is 2015.5, \
        January-September 2016 is 2016.375), and its length in years (months / 12) is its \
        exposure unless --exposure names a column: a partial period counts for the part of the \
        year it covers instead of being compared with full years as if it were one. Periods \
        must not overlap (2016 and 2016-01/2016-09 both hold the same months): leave one out \
        with --exclude. Rows with a missing time or value are left out and counted.

        --model linear (default): least squares of value / exposure (the yearly rate; the value \
        itself when every exposure is 1) on time, as tipstat regress.

        --model poisson: log(rate) = b0 + b1 time with log(exposure) as offset, fitted by IRLS \
        as R's glm(family = poisson); reports the rate ratio per year exp(b1) with its Wald \
        interval, the deviance, Pearson's chi-square and dispersion; when the dispersion is \
        above 1 (counts more variable than Poisson) the quasi-Poisson standard errors, t tests \
        and intervals are given too, and are the ones to report. Values must be whole counts.

        Example:
          tipstat trend Datasets/dcf-referrals.csv --time period --value referrals --model poisson --exclude 2013/2016 --exclude 2016
          tipstat trend data.csv --time year --value cases --format json
        """)

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: ArgumentHelp("The time column: years or periods.", valueName: "name"))
    var time: String

    @Option(help: ArgumentHelp("The value column (counts for --model poisson).", valueName: "name"))
    var value: String

    @Option(help: "linear or poisson.")
    var model: Model = .linear

    @Option(help: ArgumentHelp("A column of exposures (years observed, population...); default: period lengths in years, or 1.", valueName: "name"))
    var exposure: String?

    @Option(help: ArgumentHelp("Leave out the rows of this period; repeat for several.", valueName: "period"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("Confidence level of the intervals.", valueName: "p"))
    var level: Double = 0.95

    @OptionGroup var result: ResultOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        for p in exclude where Period(parsing: p) == nil {
            throw ValidationError("--exclude \(p): not a period (2016, 2016-03, 2016-Q3, 2016-01/2016-09 or 2006/2016-03)")
        }
        try checkLevel(level)
    }

    /// One row taken into the fit.
    struct Point {
        var row: Int
        var period: Period?
        var time: Double
        var value: Double
        var exposure: Double
    }

    func run() throws {
        let data = try AnalysisInput.load(file, input: input, numeric: [value] + (exposure.map { [$0] } ?? []), time: [time],
                                          datesAsTime: true)
        let points = try collect(data)
        let fitted = try model == .linear ? linear(points, data) : poisson(points, data)
        try result.emit(fitted, inputs: [file])
    }

    /// The rows to fit, checked: exposures positive, periods not overlapping.
    func collect(_ data: AnalysisInput) throws -> (points: [Point], missing: Int, excluded: Int) {
        let timeColumn = data.column(time).column
        let isPeriod = timeColumn.type == .period
        let isDate = timeColumn.type == .date
        let periods = data.periods(time)
        let times = timeColumn.numbers
        let values = data.numbers(value)
        let exposures = exposure.map { data.numbers($0) }
        let excludedPeriods = exclude.compactMap { Period(parsing: $0) }
        var points: [Point] = []
        var missing = 0, excluded = 0
        for r in 0..<data.table.rowCount {
            if let p = periods[r], excludedPeriods.contains(p) { excluded += 1; continue }
            var t = isPeriod ? periods[r]?.midpoint : times[r]
            if isDate, case .date(let d) = timeColumn.values[r] { t = d.decimalYear }
            let e: Double? = exposures.map { $0[r] } ?? (isPeriod ? periods[r]?.years : 1)
            guard let t, let v = values[r], let e else { missing += 1; continue }
            guard e > 0 else {
                throw Output.failure("the exposure is \(formatNumber(e)): a row observed over no time or population has no rate",
                                     file: data.location(row: r, column: exposure ?? time))
            }
            if model == .poisson && !(v >= 0 && v == v.rounded()) {
                throw Output.failure("column \(quotedForMessage(data.column(value).column.name)): \(formatNumber(v)) is not a whole count, "
                    + "which a Poisson trend needs (use --model linear)", file: data.location(row: r, column: value))
            }
            points.append(Point(row: r, period: isPeriod ? periods[r] : nil, time: t, value: v, exposure: e))
        }
        for (i, a) in points.enumerated() {
            for b in points[..<i] {
                guard let pa = a.period, let pb = b.period, pa.overlaps(pb) else { continue }
                throw Output.failure("period \(pa.description) overlaps \(pb.description) (line \(data.table.rowLines[b.row])): "
                    + "a trend needs periods that do not overlap; leave one out with --exclude", file: data.location(row: a.row, column: time))
            }
        }
        return (points, missing, excluded)
    }

    var timeTerm: String { time }

    /// Notes shared by both models.
    func commonNotes(_ input: (points: [Point], missing: Int, excluded: Int), _ data: AnalysisInput) -> [AnalysisResult.Note] {
        var notes: [AnalysisResult.Note] = []
        if data.column(time).column.type == .period {
            notes.append(.init(.note, "Time is each period's midpoint in decimal years (2015 is 2015.5, Jan–Sep 2016 is 2016.375)"
                + (exposure == nil ? "; each period's exposure is its length in years (months / 12)." : ".")))
        } else if data.column(time).column.type == .date {
            notes.append(.init(.note, "Time is each date at the middle of its day in decimal years (2016-07-02 is 2016.5), so the slope is per year"
                + (exposure == nil ? "; each row's exposure is 1." : ".")))
        }
        if input.missing > 0 {
            notes.append(.init(.note, "\(input.missing) row\(input.missing == 1 ? "" : "s") with a missing time, value or exposure left out."))
        }
        if input.excluded > 0 {
            notes.append(.init(.note, "\(input.excluded) row\(input.excluded == 1 ? "" : "s") left out by --exclude."))
        }
        if input.points.contains(where: { $0.exposure != 1 }) {
            notes.append(.init(.caution, "Rows with an exposure other than 1 (partial periods) enter as rates: a count over part of a year is an annualised estimate, not an observed annual count."))
        }
        return notes
    }

    func pointRecords(_ points: [Point], _ data: AnalysisInput) -> AnalysisResult.Field {
        let isCount = data.column(value).column.type == .integer
        return .init("points", .records(points.map { p in [
            .init("period", p.period.map { .text($0.description) } ?? .null),
            .init("time", .number(p.time, .input)),
            .init("value", isCount ? .count(Int(p.value)) : .number(p.value, .statistic)),
            .init("exposure", .number(p.exposure, .input)),
        ] }))
    }

    func linear(_ input: (points: [Point], missing: Int, excluded: Int), _ data: AnalysisInput) throws -> AnalysisResult {
        let fit: LinearRegression
        do {
            fit = try LinearRegression(response: input.points.map { $0.value / $0.exposure },
                                       predictors: [(name: timeTerm, values: input.points.map(\.time))], level: level)
        } catch {
            throw Output.failure(error.message, file: data.file)
        }
        let slope = fit.coefficients[1]
        var notes = fit.notes.map { AnalysisResult.Note(.caution, $0) } + commonNotes(input, data)
        notes.append(.init(.assumption, "A straight line with independent errors of constant variance; for counts, --model poisson is usually the better model."))
        return AnalysisResult(title: "Linear trend of \(data.column(value).column.name)", fields: [
            .init("model", .text("linear")),
            .init("n", .integer(fit.n)),
            .init("slope_per_year", .number(slope.estimate, .statistic)),
            .init("coefficients", .coefficients(fit)),
            .init("residual_sd", .number(fit.residualSD, .statistic)),
            .init("r_squared", .number(fit.rSquared, .statistic)),
            .init("df_residual", .integer(fit.dfResidual)),
            .init("level", .number(level, .input)),
            pointRecords(input.points, data),
        ], notes: notes)
    }

    func poisson(_ input: (points: [Point], missing: Int, excluded: Int), _ data: AnalysisInput) throws -> AnalysisResult {
        let fit: PoissonRegression
        do {
            fit = try PoissonRegression(counts: input.points.map { Int($0.value) }, time: input.points.map(\.time),
                                        exposure: input.points.map(\.exposure), level: level, timeName: timeTerm)
        } catch {
            throw Output.failure(error.message, file: data.file)
        }
        func coefficients(_ list: [PoissonRegression.Coefficient], statistic: String) -> AnalysisResult.Value {
            .records(list.map { c in [
                .init("term", .text(c.term)),
                .init("estimate", .number(c.estimate, .statistic)),
                .init("std_error", .number(c.stdError, .statistic)),
                .init(statistic, .number(c.statistic, .statistic)),
                .init("p", .number(c.p, .pValue)),
                .init("ci_low", .number(c.ciLow, .statistic)),
                .init("ci_high", .number(c.ciHigh, .statistic)),
            ] })
        }
        func rateRatio(_ r: PoissonRegression.RateRatio) -> AnalysisResult.Value {
            .object([
                .init("estimate", .number(r.estimate, .statistic)),
                .init("ci_low", .number(r.ciLow, .statistic)),
                .init("ci_high", .number(r.ciHigh, .statistic)),
                .init("percent_change", .number(r.percentChange, .percent)),
                .init("percent_change_low", .number(r.percentChangeLow, .percent)),
                .init("percent_change_high", .number(r.percentChangeHigh, .percent)),
            ])
        }
        var fields: [AnalysisResult.Field] = [
            .init("model", .text("poisson")),
            .init("n", .integer(fit.n)),
            .init("deviance", .number(fit.deviance, .statistic)),
            .init("null_deviance", .number(fit.nullDeviance, .statistic)),
            .init("df_residual", .integer(fit.dfResidual)),
            .init("pearson_chi_square", .number(fit.pearsonChiSquare, .statistic)),
            .init("dispersion", .number(fit.dispersion, .statistic)),
            .init("overdispersion_p", .number(fit.overdispersionP, .pValue)),
            .init("iterations", .integer(fit.iterations)),
            .init("level", .number(level, .input)),
            .init("rate_ratio", rateRatio(fit.rateRatio)),
            .init("coefficients", coefficients(fit.coefficients, statistic: "z")),
        ]
        if let q = fit.quasiPoisson {
            fields.append(.init("quasi_poisson_rate_ratio", rateRatio(q.rateRatio)))
            fields.append(.init("quasi_poisson_coefficients", coefficients(q.coefficients, statistic: "t")))
        }
        fields.append(pointRecords(input.points, data))
        var notes = fit.notes.map { AnalysisResult.Note(fit.quasiPoisson == nil ? .note : .caution, $0) } + commonNotes(input, data)
        notes.append(.init(.assumption, "Counts are Poisson (or quasi-Poisson) with a log-linear trend in time; the rate ratio is per year of time."))
        notes.append(.init(.note, "Wald intervals (estimate ± z·se; t with quasi-Poisson), as R's confint.default."))
        return AnalysisResult(title: "Poisson trend of \(data.column(value).column.name)", fields: fields, notes: notes)
    }
}
