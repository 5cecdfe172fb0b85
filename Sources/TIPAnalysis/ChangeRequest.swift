import TIPText
import TIPTable
import TIPStats

/// The change between two periods, as an exact rate ratio of two counts: what `tipstat change`
/// computes, from two counts or from two rows of a CSV file.
///
/// A count B over exposure TB against a baseline count A over TA, as R's
/// `poisson.test(c(B, A), c(TB, TA))`: conditional on A + B, B is binomial, which gives the exact
/// (Clopper-Pearson) interval of the rate ratio (B/TB) / (A/TA) and the exact p-value. The
/// percentage change is 100 (ratio - 1), its interval the ratio's mapped the same way. From a
/// zero baseline there is no ratio: the absolute change is given. Values that are not whole
/// counts get the plain change only. Periods that overlap share months, so their counts are not
/// independent: the result then carries a caution.
///
/// From a file, the rows whose period is `from` and `to` are compared; the exposure of each is
/// its period's length in years (nine months count 0.75 of a year).
///
/// ```swift
/// let outcome = try ChangeRequest(.counts(baseline: 29, later: 41, baselineExposure: 1, laterExposure: 0.75)).run()
/// outcome.result.number("rate_ratio")   // 1.885...
/// let rows = try ChangeRequest(.rows(.path("Datasets/hotline.csv"), from: Period(year: 2015),
///                                    to: Period(parsing: "2016-01/2016-09")!, value: "cases")).run()
/// ```
public struct ChangeRequest: Sendable {
    /// What is compared.
    public enum Input: Sendable {
        /// Two counts given directly: the baseline A over TA and the later B over TB.
        case counts(baseline: Int, later: Int, baselineExposure: Double = 1, laterExposure: Double = 1)
        /// Two rows of a CSV file, chosen by period: `value` is the column compared (default:
        /// the file's only numeric column), `period` the period column (default: the column
        /// named period, or the only period column).
        case rows(CSVInput, options: LoadOptions = LoadOptions(), from: Period, to: Period, value: String? = nil, period: String? = nil)
    }

    public let input: Input
    public let level: Double
    /// The rate ratio under the null hypothesis (1: no change; 1.4: a 40% increase).
    public let nullRatio: Double
    public let alternative: TestAlternative

    /// - Throws: ``AnalysisError`` for a negative count, an exposure that is not positive, a
    ///   level outside (0, 1) or a null ratio that is not positive.
    public init(_ input: Input, level: Double = 0.95, nullRatio: Double = 1, alternative: TestAlternative = .twoSided) throws(AnalysisError) {
        if case let .counts(a, b, ta, tb) = input {
            if a < 0 || b < 0 { throw AnalysisError(argument: "counts") { name in "\(name("counts")) must be 0 or more (got \(a) and \(b))" } }
            if !(ta > 0 && ta.isFinite) || !(tb > 0 && tb.isFinite) {
                throw AnalysisError(argument: "exposures") { name in
                    "\(name("exposures")) must be positive (got \(formatNumber(ta)) \(formatNumber(tb))): a count observed over no time has no rate"
                }
            }
        }
        try AnalysisError.checkLevel(level)
        if !(nullRatio > 0 && nullRatio.isFinite) {
            throw AnalysisError(argument: "null_ratio") { name in "\(name("null_ratio")) must be a positive number (got \(formatNumber(nullRatio)))" }
        }
        self.input = input
        self.level = level
        self.nullRatio = nullRatio
        self.alternative = alternative
    }

    public func run() throws(AnalysisError) -> AnalysisOutcome {
        switch input {
        case let .counts(a, b, ta, tb):
            return AnalysisOutcome(try compare(values: [Double(a), Double(b)], exposures: [ta, tb], labels: nil, whole: true, file: nil))
        case let .rows(input, options, from, to, value, period):
            return try compareFile(input, options: options, from: from, to: to, value: value, period: period)
        }
    }

    /// The file's period and value columns, as named or the only ones of their kind.
    func compareFile(_ input: CSVInput, options: LoadOptions, from: Period, to: Period, value: String?, period: String?) throws(AnalysisError) -> AnalysisOutcome {
        let probe = try AnalysisTable.load(input, options: options, numeric: value.map { [$0] } ?? [])
        let table = probe.table
        var periodName = period ?? (table.columnIndex("period") != nil ? "period" : nil)
        if periodName == nil { periodName = try onlyColumn(probe, "period") { $0.type == .period } }
        var valueName = value
        if valueName == nil {
            valueName = try onlyColumn(probe, "numeric") { $0.type.isNumeric && !ColumnName.matches($0.name, periodName!) }
        }
        return try compareRows(input, options: options, from: from, to: to, valueName: valueName!, periodName: periodName!)
    }

    /// The rows of the two periods, compared.
    func compareRows(_ input: CSVInput, options: LoadOptions, from: Period, to: Period, valueName: String, periodName: String) throws(AnalysisError) -> AnalysisOutcome {
        let data = try AnalysisTable.load(input, options: options, numeric: [valueName], time: [periodName])
        let periods = data.periods(periodName)
        let values = data.numbers(valueName)
        var rows: [Int] = []
        for p in [from, to] {
            let matching = periods.indices.filter { periods[$0] == p }
            guard let r = matching.first else {
                let known = periods.compactMap { $0?.description }
                throw data.failure("no row has period \(p.description) in column \(quotedForMessage(data.column(periodName).column.name)) "
                    + "(the periods are \(known.joined(separator: ", ")))")
            }
            guard matching.count == 1 else {
                throw data.failure("\(matching.count) rows have period \(p.description) (lines "
                    + matching.map { String(data.table.rowLines[$0]) }.joined(separator: ", ") + "): keep one")
            }
            guard values[r] != nil else {
                throw data.failure("column \(quotedForMessage(data.column(valueName).column.name)) has no value for period \(p.description)",
                                   at: data.location(row: r, column: valueName))
            }
            rows.append(r)
        }
        let v = rows.map { values[$0]! }
        let (a, b) = (periods[rows[0]]!, periods[rows[1]]!)
        let whole = v.allSatisfy { $0 >= 0 && $0 == $0.rounded() && $0 < 1e15 }
        var comparison: AnalysisResult
        do {
            comparison = try compare(values: v, exposures: [a.years, b.years], labels: [a.description, b.description], whole: whole, file: data.file)
        } catch {
            throw error.after(data.problems)
        }
        comparison.title = "Change in \(data.column(valueName).column.name): \(a.label) to \(b.label)"
        if a.overlaps(b) {
            let shared = Period(start: Swift.max(a.start, b.start), end: Swift.min(a.end, b.end))!
            comparison.notes.append(.init(.caution, "The periods overlap: both hold \(shared.label). An event of those months may be counted in "
                + "both rows, so the counts are not independent and the exact test's assumption fails; compare periods that do not overlap."))
        }
        return AnalysisOutcome(comparison, problems: data.problems)
    }

    /// The one column of a kind in the table, or a failure asking for it by name.
    func onlyColumn(_ data: AnalysisTable, _ kind: String, _ test: (Column) -> Bool) throws(AnalysisError) -> String {
        let found = data.table.columns.filter(test)
        guard found.count == 1 else {
            let argument = kind == "period" ? "period" : "value", names = found.map(\.name).joined(separator: ", ")
            throw AnalysisError(file: data.file, problems: data.problems) { name in
                found.isEmpty ? "the file has no \(kind) column; name one with \(name(argument))"
                    : "the file has several \(kind) columns (\(names)); choose one with \(name(argument))"
            }
        }
        return found[0].name
    }

    /// Baseline values[0] over exposures[0] against values[1] over exposures[1].
    func compare(values: [Double], exposures: [Double], labels: [String]?, whole: Bool, file: String?) throws(AnalysisError) -> AnalysisResult {
        var notes: [AnalysisResult.Note] = []
        var fields: [AnalysisResult.Field] = []
        if let labels { fields.append(.init("periods", .list(labels.map(AnalysisResult.Value.text)))) }
        guard whole else {
            let change: Change
            do { change = try Change(from: values[0], to: values[1]) } catch { throw AnalysisError(error.message, file: file) }
            notes.append(.init(.note, "The values are not whole counts, so there is no exact rate comparison: the plain change only."))
            if change.percentChange == nil { notes.append(.init(.note, "No percentage change from a zero base: the absolute change is given.")) }
            return AnalysisResult(title: "Change", fields: fields + [
                .init("values", .list(values.map { .number($0, .statistic) })),
                .init("absolute_change", .number(change.absoluteChange, .statistic)),
                .init("percent_change", .number(change.percentChange, .percent)),
            ], notes: notes)
        }
        let a = Int(values[0]), b = Int(values[1])
        let test: RateRatioTest
        do {
            test = try RateRatioTest(count: b, exposure: exposures[1], baselineCount: a, baselineExposure: exposures[0], level: level,
                                     nullRatio: nullRatio, alternative: alternative)
        } catch {
            throw AnalysisError(error.message, file: file)
        }
        fields += [
            .init("counts", .list([.count(a), .count(b)])),
            .init("exposures", .list(exposures.map { .number($0, .input) })),
            .init("rates", .list([.number(Double(a) / exposures[0], .statistic), .number(Double(b) / exposures[1], .statistic)])),
            .init("count_change", .integer(b - a)),
            // From a zero base there is no ratio (R's Inf), as there is no percentage.
            .init("rate_ratio", .number(a == 0 ? nil : test.rateRatio, .statistic)),
            .init("percent_change", .number(test.percentChange, .percent)),
            .init("ci_low", .number(test.lower, .statistic)),
            .init("ci_high", .number(test.upper, .statistic)),
            .init("percent_change_low", .number(test.percentChangeLower, .percent)),
            .init("percent_change_high", .number(test.percentChangeUpper, .percent)),
            .init("p_value", .number(test.pValue, .pValue)),
        ]
        let testsNoChange = nullRatio == 1 && alternative == .twoSided
        if !testsNoChange {
            fields += [.init("null_ratio", .number(nullRatio, .input)), .init("alternative", .text(alternative.rawValue))]
        }
        fields += [
            .init("level", .number(level, .input)),
            .init("method", .text("exact conditional (poisson.test)")),
        ]
        notes += hypothesisNotes(zeroBase: a == 0)
        if exposures[0] != exposures[1] && a > 0 {
            let naive = 100 * (Double(b) - Double(a)) / Double(a)
            notes.append(.init(.caution, "The exposures differ (\(formatNumber(exposures[0])) and \(formatNumber(exposures[1]))): the counts alone change by "
                + "\(DecimalText.fixed(naive, decimals: 1))%, the rates by \(DecimalText.fixed(test.percentChange ?? 0, decimals: 1))%. "
                + "Compare rates, not counts, across periods of different length."))
        }
        return AnalysisResult(title: "Change", fields: fields, notes: notes)
    }

    /// What the interval and the p-value assume and mean, for the alternative asked for.
    func hypothesisNotes(zeroBase: Bool) -> [AnalysisResult.Note] {
        var notes: [AnalysisResult.Note] = []
        let percent = formatNumber(100 * level)
        notes.append(.init(.assumption, "Each count is Poisson over its exposure; the two are independent."))
        switch alternative {
        case .twoSided:
            notes.append(.init(.note, "ci_low and ci_high are the \(percent)% interval of the rate ratio (exact, conditional on the total); the percentage interval is the same interval as 100 (ratio - 1)."))
        case .greater:
            notes.append(.init(.note, "ci_low is the one-sided \(percent)% lower bound of the rate ratio (exact, conditional on the total), and ci_high is infinite; the percentage bounds are the same as 100 (ratio - 1)."))
        case .less:
            notes.append(.init(.note, "ci_high is the one-sided \(percent)% upper bound of the rate ratio (exact, conditional on the total), and ci_low is 0; the percentage bounds are the same as 100 (ratio - 1)."))
        }
        if !(nullRatio == 1 && alternative == .twoSided) {
            let r = formatNumber(nullRatio), x = DecimalText.signedPercent(100 * (nullRatio - 1))
            let text = switch alternative {
            case .twoSided: "p_value tests the null hypothesis that the rate ratio equals \(r) (a change of \(x)) against the alternative that it differs."
            case .greater: "p_value tests the null hypothesis that the rate ratio is at most \(r) (a change of at most \(x)) against the alternative "
                + "that it is greater: a small p-value is evidence of a change of more than \(x)."
            case .less: "p_value tests the null hypothesis that the rate ratio is at least \(r) (a change of at least \(x)) against the alternative "
                + "that it is smaller: a small p-value is evidence of a change of less than \(x)."
            }
            notes.append(.init(.note, text))
        }
        if zeroBase {
            notes.append(.init(.note, "No ratio or percentage change from a zero base: count_change is the absolute change, and the upper limit of the rate ratio is infinite."))
        }
        return notes
    }
}
