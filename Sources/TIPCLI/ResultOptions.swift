import ArgumentParser
import TIPTable

/// How an analysis command prints its result: the format, the output file and disclosure
/// control. Shared by every analysis command, so all print through `AnalysisResultRenderer`.
struct ResultOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var suppression: SuppressionOptions

    /// Renders and writes the result; `inputs` are the files read (never overwritten).
    func emit(_ result: AnalysisResult, inputs: [String] = []) throws {
        try Output.emit(AnalysisResultRenderer.render(result, as: format, suppressBelow: suppression.threshold),
                        to: output, inputs: inputs)
    }
}

/// The one check of a `--level` option: a confidence level lies strictly between 0 and 1.
func checkLevel(_ level: Double) throws {
    if !(level > 0 && level < 1) { throw ValidationError("--level must lie strictly between 0 and 1 (got \(formatNumber(level)))") }
}
