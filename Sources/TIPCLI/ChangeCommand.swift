import ArgumentParser
import TIPTable
import TIPStats
import TIPText

extension TestAlternative: ExpressibleByArgument {}

/// `tipstat change`: the change between two periods, as an exact rate ratio of counts.
struct ChangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Change between two periods: exact rate ratio of two counts, as a percentage with its interval.",
        discussion: """
        Compares a count B over exposure TB with a baseline count A over exposure TA, as R's \
        poisson.test(c(B, A), c(TB, TA)): conditional on A + B, B is binomial, which gives the \
        exact (Clopper-Pearson) interval of the rate ratio (B/TB) / (A/TA) and the two-sided \
        exact p-value for no change. The percentage change is 100 (ratio - 1), and its interval \
        is the ratio's interval mapped the same way. From a zero baseline there is no ratio and \
        no percentage: the absolute change is given instead. Periods that overlap share months, \
        so their counts are not independent: the result then carries a caution.

        --null-ratio R tests the ratio R instead of 1 (no change), as poisson.test(..., r = R): \
        with --alternative greater, p_value is the exact one-sided p-value for "the rate ratio \
        exceeds R" (a claimed increase of more than 40% is --null-ratio 1.4), and the interval \
        is one-sided: ci_low is the lower bound at the level, ci_high infinite. --alternative \
        less gives the upper bound. The interval does not depend on R.

        From a file: the rows whose period is --from (the baseline) and --to; the exposure of \
        each is its period's length in years, so nine months (2016-01/2016-09) count as 0.75 of \
        a year against a full year. The value column is --value, or the file's only numeric \
        column. Values that are not whole counts get the plain percentage change only.

        From the command line: --counts A B [--exposures TA TB] (default exposures 1 and 1).

        Output keys: counts, exposures, rates, count_change, rate_ratio, percent_change, \
        ci_low, ci_high (the interval of the rate ratio), percent_change_low, \
        percent_change_high, p_value, level, method.

        Example:
          tipstat change Datasets/hotline.csv --from 2015 --to 2016-01/2016-09 --value cases
          tipstat change --counts 29 41 --exposures 1 0.75
          tipstat change --counts 29 41 --exposures 1 0.75 --null-ratio 1.4 --alternative greater
        """)

    @Argument(help: "A CSV file with a period column (or give --counts).")
    var file: String?

    @Option(help: ArgumentHelp("The baseline period (with FILE).", valueName: "period"))
    var from: String?

    @Option(help: ArgumentHelp("The later period (with FILE).", valueName: "period"))
    var to: String?

    @Option(help: ArgumentHelp("The value column (with FILE; default: the only numeric column).", valueName: "name"))
    var value: String?

    @Option(help: ArgumentHelp("The period column (with FILE; default: the column named period, or the only period column).", valueName: "name"))
    var period: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Two counts: the baseline A and the later B.", valueName: "n"))
    var counts: [Int] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Their exposures TA and TB (years observed; default 1 1).", valueName: "t"))
    var exposures: [Double] = []

    @Option(help: ArgumentHelp("Confidence level.", valueName: "p"))
    var level: Double = 0.95

    @Option(help: ArgumentHelp("The rate ratio under the null hypothesis (1: no change; 1.4: a 40% increase).", valueName: "r"))
    var nullRatio: Double = 1

    @Option(help: "two-sided, greater (the ratio exceeds --null-ratio) or less; one-sided gives a one-sided interval.")
    var alternative: TestAlternative = .twoSided

    @OptionGroup var result: ResultOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if file == nil {
            guard counts.count == 2 else { throw ValidationError("give FILE --from PERIOD --to PERIOD, or --counts A B") }
            if counts.contains(where: { $0 < 0 }) { throw ValidationError("--counts must be 0 or more (got \(counts[0]) and \(counts[1]))") }
            if !exposures.isEmpty && exposures.count != 2 { throw ValidationError("--exposures takes two values, TA and TB (got \(exposures.count))") }
            if exposures.contains(where: { !($0 > 0 && $0.isFinite) }) {
                throw ValidationError("--exposures must be positive (got \(exposures.map(formatNumber).joined(separator: " "))): a count observed over no time has no rate")
            }
        } else {
            if !counts.isEmpty || !exposures.isEmpty { throw ValidationError("give either FILE or --counts, not both") }
            guard let from, let to else { throw ValidationError("with FILE, give --from PERIOD and --to PERIOD") }
            for p in [from, to] where Period(parsing: p) == nil {
                throw ValidationError("\(p) is not a period (2016, 2016-03, 2016-Q3, 2016-01/2016-09 or 2006/2016-03)")
            }
        }
        try checkLevel(level)
        if !(nullRatio > 0 && nullRatio.isFinite) { throw ValidationError("--null-ratio must be a positive number (got \(formatNumber(nullRatio)))") }
    }

    func run() throws {
        guard let file else {
            let t = exposures.isEmpty ? [1.0, 1.0] : exposures
            try result.emit(try compare(values: counts.map(Double.init), exposures: t, labels: nil, whole: true, file: nil))
            return
        }
        let data = try loadFile(file)
        try result.emit(data, inputs: [file])
    }

    /// The two rows of the file, compared.
    func loadFile(_ file: String) throws -> AnalysisResult {
        let probe = try AnalysisInput.load(file, input: input, numeric: value.map { [$0] } ?? [])
        let table = probe.table
        var periodName = period ?? (table.columnIndex("period") != nil ? "period" : nil)
        if periodName == nil { periodName = try onlyColumn(table, "period", { $0.type == .period }, file: probe.file) }
        var valueName = value
        if valueName == nil {
            valueName = try onlyColumn(table, "numeric", { $0.type.isNumeric && !ColumnName.matches($0.name, periodName!) }, file: probe.file)
        }
        return try compareRows(file, periodName: periodName!, valueName: valueName!)
    }

    func compareRows(_ file: String, periodName: String, valueName: String) throws -> AnalysisResult {
        let data = try AnalysisInput.load(file, input: input, numeric: [valueName], time: [periodName])
        let periods = data.periods(periodName)
        let values = data.numbers(valueName)
        var rows: [Int] = []
        for wanted in [from!, to!] {
            let p = Period(parsing: wanted)!
            let matching = periods.indices.filter { periods[$0] == p }
            guard let r = matching.first else {
                let known = periods.compactMap { $0?.description }
                throw Output.failure("no row has period \(p.description) in column \(quotedForMessage(data.column(periodName).column.name)) "
                    + "(the periods are \(known.joined(separator: ", ")))", file: data.file)
            }
            guard matching.count == 1 else {
                throw Output.failure("\(matching.count) rows have period \(p.description) (lines "
                    + matching.map { String(data.table.rowLines[$0]) }.joined(separator: ", ") + "): keep one", file: data.file)
            }
            guard values[r] != nil else {
                throw Output.failure("column \(quotedForMessage(data.column(valueName).column.name)) has no value for period \(p.description)",
                                     file: data.location(row: r, column: valueName))
            }
            rows.append(r)
        }
        let v = rows.map { values[$0]! }
        let whole = v.allSatisfy { $0 >= 0 && $0 == $0.rounded() && $0 < 1e15 }
        var comparison = try compare(values: v, exposures: rows.map { periods[$0]!.years },
                                     labels: rows.map { periods[$0]!.description }, whole: whole, file: data.file)
        comparison.title = "Change in \(data.column(valueName).column.name): \(periods[rows[0]]!.label) to \(periods[rows[1]]!.label)"
        let (a, b) = (periods[rows[0]]!, periods[rows[1]]!)
        if a.overlaps(b) {
            let shared = Period(start: Swift.max(a.start, b.start), end: Swift.min(a.end, b.end))!
            comparison.notes.append(.init(.caution, "The periods overlap: both hold \(shared.label). An event of those months may be counted in "
                + "both rows, so the counts are not independent and the exact test's assumption fails; compare periods that do not overlap."))
        }
        return comparison
    }

    /// The one column of a kind in the table, or a message asking for it by name.
    func onlyColumn(_ table: Table, _ kind: String, _ test: (Column) -> Bool, file: String) throws -> String {
        let found = table.columns.filter(test)
        guard found.count == 1 else {
            let option = kind == "period" ? "--period" : "--value"
            throw Output.failure(found.isEmpty ? "the file has no \(kind) column; name one with \(option)"
                : "the file has several \(kind) columns (\(found.map(\.name).joined(separator: ", "))); choose one with \(option)", file: file)
        }
        return found[0].name
    }

    /// Baseline values[0] over exposures[0] against values[1] over exposures[1].
    func compare(values: [Double], exposures: [Double], labels: [String]?, whole: Bool, file: String?) throws -> AnalysisResult {
        var notes: [AnalysisResult.Note] = []
        var fields: [AnalysisResult.Field] = []
        if let labels { fields.append(.init("periods", .list(labels.map(AnalysisResult.Value.text)))) }
        guard whole else {
            let change: Change
            do { change = try Change(from: values[0], to: values[1]) } catch { throw Output.failure(error.message, file: file) }
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
            throw Output.failure(error.message, file: file)
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
        if !testsNoChange {
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
        if a == 0 {
            notes.append(.init(.note, "No ratio or percentage change from a zero base: count_change is the absolute change, and the upper limit of the rate ratio is infinite."))
        }
        if exposures[0] != exposures[1] && a > 0 {
            let naive = 100 * (Double(b) - Double(a)) / Double(a)
            notes.append(.init(.caution, "The exposures differ (\(formatNumber(exposures[0])) and \(formatNumber(exposures[1]))): the counts alone change by "
                + "\(formatFixed(naive, decimals: 1))%, the rates by \(formatFixed(test.percentChange ?? 0, decimals: 1))%. Compare rates, not counts, across periods of different length."))
        }
        return AnalysisResult(title: "Change", fields: fields, notes: notes)
    }
}
