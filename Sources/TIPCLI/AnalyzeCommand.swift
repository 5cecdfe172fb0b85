import ArgumentParser
import TIPTable
import TIPDomain

/// `tipstat analyze [DIR]`: the annual report's derived figures recomputed from the data.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Recompute the annual report's derived figures from the data, each beside the sentence it checks.",
        discussion: """
        Reads every dataset of the folder (default: Datasets) and recomputes what the council's \
        2016 annual report derives: the buyer extrapolation, the hotline's "more than 40% \
        increase" (as counts, and as exact rates over 9 against 12 months), annualised partial \
        years with exact intervals against the later full-year figures, arrests and convictions \
        by statute (conviction/arrest ratios, with the caution that they are not rates), shares \
        with Wilson and Clopper-Pearson intervals, demographic totals, spending against \
        allocation and cost per unit, people served of those screened.

        Each finding gives the sentence (report_says, source), the figures, the computation \
        (check), a verdict and the data rows used: consistent (✓), qualified (~: true under a \
        stated reading), inconsistent (✗), derived (=: a figure with no claim to check) or \
        missing_data (?: an input is not in the data; the analysis goes on). Every number comes \
        from the data's rows. Problems of the datasets are printed; the exit status is 1 when a \
        dataset has an error (its findings then say what is missing).

        --finding ID (repeatable) prints only the findings named, in the order given: the ids are \
        the keys of the full output (hotline_increase, statute_53a_192a, ...); an id the data \
        does not give is an error that lists the ids it does give.

        With --suppress-*, a finding that holds a small count of children withholds the count, \
        the figures derived from it and the sentences that state it.

        Example:
          tipstat analyze
          tipstat analyze Datasets --format markdown -o findings.md
          tipstat analyze Datasets --format json --suppress-small-counts
          tipstat analyze Datasets --finding hotline_increase --finding dcf_referrals_annualised
        """)

    @Argument(help: "Folder of datasets.")
    var directory: String = "Datasets"

    @Option(help: ArgumentHelp("Confidence level of every interval.", valueName: "p"))
    var level: Double = 0.95

    @Option(name: .customLong("finding"), help: ArgumentHelp(
        "Print only this finding (its key in the full output); repeat for several.", valueName: "id"))
    var only: [String] = []

    @OptionGroup var result: ResultOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        try checkLevel(level)
    }

    func run() throws {
        let data: CouncilData
        do {
            data = try CouncilData.load(directory: Console.current.resolve(directory), displayName: directory, options: input.loadOptions())
        } catch {
            Output.err(error.description + "\n")
            throw ExitCode(1)
        }
        let all = ReportFindings(data: data, level: level).findings
        var findings = all
        if !only.isEmpty {
            findings = try only.map { id in
                guard let f = all.first(where: { $0.id == id }) else {
                    Output.problems(data.problems)
                    throw Output.failure("no finding \(quotedForMessage(id)) (given with --finding); the findings are "
                        + all.map(\.id).joined(separator: ", "), file: directory)
                }
                return f
            }
        }
        // Errors always print; a warning prints when a printed finding reads its file.
        let used = Set(findings.flatMap(\.rows).map { $0.split(separator: ":", omittingEmptySubsequences: false).dropLast().joined(separator: ":") })
        Output.problems(data.problems.filter { $0.severity == .error || only.isEmpty || used.contains($0.file) })
        var fields: [AnalysisResult.Field] = [.init("data", .text(directory)), .init("level", .number(level, .input))]
        for f in findings { fields.append(.init(f.id, .object(render(f)))) }
        let counts = Dictionary(grouping: findings, by: \.verdict).mapValues(\.count)
        let tally = [Finding.Verdict.consistent, .qualified, .inconsistent, .derived, .missingData].compactMap { v in
            counts[v].map { "\($0) \(v.rawValue.replacing("_", with: " ")) (\(v.symbol))" }
        }.joined(separator: ", ")
        try result.emit(AnalysisResult(title: "The 2016 annual report's derived figures, recomputed from \(directory)", fields: fields, notes: [
            .init(.note, "\(findings.count) finding\(findings.count == 1 ? "" : "s"): \(tally)."),
            .init(.note, "Verdicts: consistent ✓ (the data gives what the sentence says), qualified ~ (true under the reading stated), "
                + "inconsistent ✗, derived = (a figure with no claim to check), missing data ? (an input is not in the data)."),
            .init(.note, "Intervals are \(formatNumber(100 * level))%: exact Poisson (Garwood) for counts and rates, exact conditional for rate ratios "
                + "(R's poisson.test), Wilson and Clopper-Pearson for shares."),
        ]), inputs: [])
        if data.hasErrors { throw ExitCode(1) }
    }

    /// A finding as result fields; with suppression on, the sentences of a finding that holds
    /// a withheld count of children are withheld too, since they state it in words.
    func render(_ f: Finding) -> [AnalysisResult.Field] {
        let holdsSmallCount = result.suppression.threshold.map { k in
            f.figures.contains { $0.kind == .childCount && ($0.value ?? 0) >= 1 && ($0.value ?? 0) < Double(k) }
        } ?? false
        func words(_ text: String) -> AnalysisResult.Value {
            .text(holdsSmallCount ? "withheld: it states a suppressed count" : text)
        }
        var fields: [AnalysisResult.Field] = [
            .init("topic", .text(f.topic)),
            .init("verdict", .text(f.verdict.rawValue)),
            .init("verdict_text", words(f.verdict.symbol + " " + f.verdictText)),
            .init("report_says", words(f.claim)),
            .init("source", .text(f.claimSource)),
            .init("check", words(f.check)),
        ]
        for figure in f.figures {
            let value: AnalysisResult.Value
            switch (figure.kind, figure.value) {
            case (_, nil): value = .null
            case (.childCount, let x?) where x == x.rounded(): value = .count(Int(x))
            case (.count, let x?) where x == x.rounded() && abs(x) < 1e15: value = .integer(Int(x))
            case (.percent, let x?): value = .number(x, .percent)
            case (.pValue, let x?): value = .number(x, .pValue)
            case (.dollars, let x?): value = .number(x, .dollars)
            case (_, let x?): value = .number(x, .statistic)
            }
            fields.append(.init(figure.name, value))
        }
        fields.append(.init("cautions", .list(f.cautions.map { holdsSmallCount ? .text("withheld") : .text($0) })))
        fields.append(.init("rows", .list(f.rows.map(AnalysisResult.Value.text))))
        return fields
    }
}
