import ArgumentParser
import TIPTable
import TIPAnalysis

/// How an analysis command prints its result: the format, the output file and disclosure
/// control. Shared by every analysis command, so all print through `AnalysisResultRenderer`.
struct ResultOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var suppression: SuppressionOptions

    /// Prints the outcome's problems, applies the small-count rule asked for (unless the
    /// analysis applied it itself), renders and writes the result; `inputs` are the files read
    /// (never overwritten). An outcome whose input had errors ends with exit status 1.
    func emit(_ outcome: AnalysisOutcome, inputs: [String] = []) throws {
        Output.problems(outcome.problems)
        var result = outcome.result
        if let rule = suppression.rule, result.suppression == nil { result = rule.applied(to: result) }
        try Output.emit(AnalysisResultRenderer.render(result, as: format), to: output, inputs: inputs)
        if outcome.inputHadErrors { throw ExitCode(1) }
    }
}

/// The one check of a `--level` option: a confidence level lies strictly between 0 and 1.
func checkLevel(_ level: Double) throws {
    try usage { () throws(AnalysisError) in try AnalysisError.checkLevel(level) }
}
