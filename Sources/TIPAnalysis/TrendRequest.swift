import TIPTable
import TIPStats

/// A trend over time in one column of a CSV file: least squares of the yearly rate on time,
/// or Poisson regression of counts on time with exposure as offset (as R's `glm`), with the
/// quasi-Poisson intervals when the counts vary more than Poisson allows. What `tipstat trend`
/// computes.
///
/// Time is a column of years, decimal years, dates (each at the middle of its day in decimal
/// years) or periods (each at its midpoint, its length in years its exposure unless
/// `exposure` names a column). Rows with a missing time, value or exposure are left out and
/// counted; rows of the `exclude` periods are left out. Periods must not overlap.
///
/// ```swift
/// let request = try TrendRequest(.path("Datasets/dcf-referrals.csv"), time: "period", value: "referrals", model: .poisson,
///                                exclude: [Period(parsing: "2013/2016")!, Period(year: 2016)])
/// let result = try request.run().result
/// result.field("rate_ratio")?.field("estimate")?.number   // 1.53...
/// ```
public struct TrendRequest: Sendable {
    /// The model fitted.
    public enum Model: String, Sendable, CaseIterable {
        /// Least squares of value / exposure on time.
        case linear
        /// log(rate) = b0 + b1 time with log(exposure) as offset, fitted by IRLS.
        case poisson
    }

    public let input: CSVInput
    public let options: LoadOptions
    /// The time column: years, decimal years, dates or periods.
    public let time: String
    /// The value column (whole counts for the Poisson model).
    public let value: String
    public let model: Model
    /// A column of exposures (years observed, population...); nil: period lengths in years, or 1.
    public let exposure: String?
    /// Periods whose rows are left out.
    public let exclude: [Period]
    public let level: Double

    /// - Throws: ``AnalysisError`` for a level outside (0, 1).
    public init(_ input: CSVInput, options: LoadOptions = LoadOptions(), time: String, value: String, model: Model = .linear,
                exposure: String? = nil, exclude: [Period] = [], level: Double = 0.95) throws(AnalysisError) {
        try AnalysisError.checkLevel(level)
        self.input = input
        self.options = options
        self.time = time
        self.value = value
        self.model = model
        self.exposure = exposure
        self.exclude = exclude
        self.level = level
    }

    /// One row taken into the fit.
    struct Point {
        var row: Int
        var period: Period?
        var time: Double
        var value: Double
        var exposure: Double
    }

    /// The rows fitted, and how many were left out as missing or excluded.
    struct Points {
        var points: [Point]
        var missing: Int
        var excluded: Int
    }

    public func run() throws(AnalysisError) -> AnalysisOutcome {
        let data = try AnalysisTable.load(input, options: options, numeric: [value] + (exposure.map { [$0] } ?? []), time: [time],
                                          datesAsTime: true)
        do {
            let points = try collect(data)
            return AnalysisOutcome(try model == .linear ? linear(points, data) : poisson(points, data), problems: data.problems)
        } catch {
            throw error.after(data.problems)
        }
    }

    /// The rows to fit, checked: exposures positive, periods not overlapping, Poisson values
    /// whole counts.
    func collect(_ data: AnalysisTable) throws(AnalysisError) -> Points {
        let timeColumn = data.column(time).column
        let isPeriod = timeColumn.type == .period
        let isDate = timeColumn.type == .date
        let periods = data.periods(time)
        let times = timeColumn.numbers
        let values = data.numbers(value)
        let exposures = exposure.map { data.numbers($0) }
        var found = Points(points: [], missing: 0, excluded: 0)
        for r in 0..<data.table.rowCount {
            if let p = periods[r], exclude.contains(p) { found.excluded += 1; continue }
            var t = isPeriod ? periods[r]?.midpoint : times[r]
            if isDate, case .date(let d) = timeColumn.values[r] { t = d.decimalYear }
            let e: Double? = exposures.map { $0[r] } ?? (isPeriod ? periods[r]?.years : 1)
            guard let t, let v = values[r], let e else { found.missing += 1; continue }
            guard e > 0 else {
                throw AnalysisError("the exposure is \(formatNumber(e)): a row observed over no time or population has no rate",
                                    file: data.location(row: r, column: exposure ?? time))
            }
            if model == .poisson && !(v >= 0 && v == v.rounded()) {
                let column = quotedForMessage(data.column(value).column.name)
                throw AnalysisError(file: data.location(row: r, column: value)) { name in
                    "column \(column): \(formatNumber(v)) is not a whole count, which a Poisson trend needs (use \(name("model")) linear)"
                }
            }
            found.points.append(Point(row: r, period: isPeriod ? periods[r] : nil, time: t, value: v, exposure: e))
        }
        for (i, a) in found.points.enumerated() {
            for b in found.points[..<i] {
                guard let pa = a.period, let pb = b.period, pa.overlaps(pb) else { continue }
                let line = data.table.rowLines[b.row]
                throw AnalysisError(file: data.location(row: a.row, column: time)) { name in
                    "period \(pa.description) overlaps \(pb.description) (line \(line)): "
                        + "a trend needs periods that do not overlap; leave one out with \(name("exclude"))"
                }
            }
        }
        return found
    }

    /// Notes shared by both models.
    func commonNotes(_ found: Points, _ data: AnalysisTable) -> [AnalysisResult.Note] {
        var notes: [AnalysisResult.Note] = []
        if data.column(time).column.type == .period {
            notes.append(.init(.note, "Time is each period's midpoint in decimal years (2015 is 2015.5, Jan–Sep 2016 is 2016.375)"
                + (exposure == nil ? "; each period's exposure is its length in years (months / 12)." : ".")))
        } else if data.column(time).column.type == .date {
            notes.append(.init(.note, "Time is each date at the middle of its day in decimal years (2016-07-02 is 2016.5), so the slope is per year"
                + (exposure == nil ? "; each row's exposure is 1." : ".")))
        }
        if found.missing > 0 {
            notes.append(.init(.note, "\(found.missing) row\(found.missing == 1 ? "" : "s") with a missing time, value or exposure left out."))
        }
        if found.excluded > 0 {
            notes.append(.init(.note, "\(found.excluded) row\(found.excluded == 1 ? "" : "s") left out by --exclude."))
        }
        if found.points.contains(where: { $0.exposure != 1 }) {
            notes.append(.init(.caution, "Rows with an exposure other than 1 (partial periods) enter as rates: a count over part of a year is an annualised estimate, not an observed annual count."))
        }
        return notes
    }

    func pointRecords(_ points: [Point], _ data: AnalysisTable) -> AnalysisResult.Field {
        let isCount = data.column(value).column.type == .integer
        return .init("points", .records(points.map { p in [
            .init("period", p.period.map { .text($0.description) } ?? .null),
            .init("time", .number(p.time, .input)),
            .init("value", isCount ? .count(Int(p.value)) : .number(p.value, .statistic)),
            .init("exposure", .number(p.exposure, .input)),
        ] }))
    }

    func linear(_ found: Points, _ data: AnalysisTable) throws(AnalysisError) -> AnalysisResult {
        let fit: LinearRegression
        do {
            fit = try LinearRegression(response: found.points.map { $0.value / $0.exposure },
                                       predictors: [(name: time, values: found.points.map(\.time))], level: level)
        } catch {
            throw AnalysisError(error.message, file: data.file)
        }
        let slope = fit.coefficients[1]
        var notes = fit.notes.map { AnalysisResult.Note(.caution, $0) } + commonNotes(found, data)
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
            pointRecords(found.points, data),
        ], notes: notes)
    }

    func poisson(_ found: Points, _ data: AnalysisTable) throws(AnalysisError) -> AnalysisResult {
        let fit: PoissonRegression
        do {
            fit = try PoissonRegression(counts: found.points.map { Int($0.value) }, time: found.points.map(\.time),
                                        exposure: found.points.map(\.exposure), level: level, timeName: time)
        } catch {
            throw AnalysisError(error.message, file: data.file)
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
        fields.append(pointRecords(found.points, data))
        var notes = fit.notes.map { AnalysisResult.Note(fit.quasiPoisson == nil ? .note : .caution, $0) } + commonNotes(found, data)
        notes.append(.init(.assumption, "Counts are Poisson (or quasi-Poisson) with a log-linear trend in time; the rate ratio is per year of time."))
        notes.append(.init(.note, "Wald intervals (estimate ± z·se; t with quasi-Poisson), as R's confint.default."))
        return AnalysisResult(title: "Poisson trend of \(data.column(value).column.name)", fields: fields, notes: notes)
    }
}
