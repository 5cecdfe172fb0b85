import TIPTable
import TIPDomain

/// The annual report's derived figures recomputed from a folder of the council's datasets, each
/// beside the sentence it checks (see ``ReportFindings``): what `tipstat analyze` computes.
///
/// Each finding becomes an object of the result under its id, with the sentence, its source,
/// the computation, the verdict, the figures, the cautions and the rows used. With a
/// ``SmallCountRule``, a finding that holds a small count of children withholds the count, the
/// figures derived from it and the sentences that state it in words.
///
/// ```swift
/// let outcome = try AnalyzeRequest(directory: "Datasets", findings: ["hotline_increase"]).run()
/// outcome.result.field("hotline_increase")?.field("rate_ratio")?.number   // 1.885...
/// outcome.inputHadErrors   // false
/// ```
public struct AnalyzeRequest: Sendable {
    /// The folder read, and its name in messages.
    public let directory: String
    public let displayName: String
    public let options: LoadOptions
    public let level: Double
    /// The findings returned, in this order; empty: all.
    public let findings: [String]
    public let suppression: SmallCountRule?

    /// - Throws: ``AnalysisError`` for a level outside (0, 1).
    public init(directory: String, displayName: String? = nil, options: LoadOptions = LoadOptions(), level: Double = 0.95,
                findings: [String] = [], suppression: SmallCountRule? = nil) throws(AnalysisError) {
        try AnalysisError.checkLevel(level)
        self.directory = directory
        self.displayName = displayName ?? directory
        self.options = options
        self.level = level
        self.findings = findings
        self.suppression = suppression
    }

    /// The findings. The outcome's problems are every error of the datasets, and their
    /// warnings when all findings are returned or a returned finding reads the file;
    /// `inputHadErrors` says a dataset did not read (its findings then say what is missing).
    ///
    /// - Throws: ``AnalysisError`` when the folder cannot be read or holds no dataset, or a
    ///   finding asked for is not one the data gives.
    public func run() throws(AnalysisError) -> AnalysisOutcome {
        let data: CouncilData
        do {
            data = try CouncilData.load(directory: directory, displayName: displayName, options: options)
        } catch {
            throw AnalysisError(error.message, file: error.folder)
        }
        let all: [Finding]
        do {
            all = try ReportFindings(data: data, level: level).findings
        } catch {
            throw AnalysisError(error.message)
        }
        var chosen = all
        if !findings.isEmpty {
            chosen = []
            for id in findings {
                guard let f = all.first(where: { $0.id == id }) else {
                    let ids = all.map(\.id).joined(separator: ", ")
                    throw AnalysisError(file: displayName, problems: data.problems) { name in
                        "no finding \(quotedForMessage(id)) (given with \(name("finding"))); the findings are " + ids
                    }
                }
                chosen.append(f)
            }
        }
        // Errors always show; a warning shows when a finding returned reads its file.
        let used = Set(chosen.flatMap(\.rows).map { $0.split(separator: ":", omittingEmptySubsequences: false).dropLast().joined(separator: ":") })
        let problems = data.problems.filter { $0.severity == .error || findings.isEmpty || used.contains($0.file) }
        var fields: [AnalysisResult.Field] = [.init("data", .text(displayName)), .init("level", .number(level, .input))]
        for f in chosen { fields.append(.init(f.id, .object(self.fields(of: f)))) }
        let counts = Dictionary(grouping: chosen, by: \.verdict).mapValues(\.count)
        let tally = [Finding.Verdict.consistent, .qualified, .inconsistent, .derived, .missingData, .invalidData].compactMap { v in
            counts[v].map { "\($0) \(v.rawValue.replacing("_", with: " ")) (\(v.symbol))" }
        }.joined(separator: ", ")
        var result = AnalysisResult(title: "The 2016 annual report's derived figures, recomputed from \(displayName)", fields: fields, notes: [
            .init(.note, "\(chosen.count) finding\(chosen.count == 1 ? "" : "s"): \(tally)."),
            .init(.note, "Verdicts: consistent ✓ (the data gives what the sentence says), qualified ~ (true under the reading stated), "
                + "inconsistent ✗, derived = (a figure with no claim to check), missing data ? (an input is not in the data)"
                + (counts[.invalidData] == nil ? "." : ", invalid data ! (the computation refuses an input of the data, and says why).")),
            .init(.note, "Intervals are \(formatNumber(100 * level))%: exact Poisson (Garwood) for counts and rates, exact conditional for rate ratios "
                + "(R's poisson.test), Wilson and Clopper-Pearson for shares."),
        ])
        if let suppression { result = suppression.applied(to: result) }
        return AnalysisOutcome(result, problems: problems, inputHadErrors: data.hasErrors)
    }

    /// A finding as result fields; under the suppression rule, the sentences of a finding that
    /// holds a withheld count of children are withheld too, since they state it in words.
    func fields(of f: Finding) -> [AnalysisResult.Field] {
        let holdsSmallCount = suppression.map { rule in f.figures.contains { $0.kind == .childCount && rule.withholds($0.value ?? 0) } } ?? false
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
