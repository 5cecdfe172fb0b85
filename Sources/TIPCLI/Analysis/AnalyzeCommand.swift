import ArgumentParser
import TIPAnalysis

/// `tipstat analyze [DIR]`: the annual report's derived figures recomputed from the data.
struct AnalyzeCommand: AnalysisCommand {
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
        stated reading), inconsistent (✗), derived (=: a figure with no claim to check), \
        missing_data (?: an input is not in the data; the analysis goes on) or invalid_data (!: \
        the computation refuses an input, and says why). Every number comes \
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

    func request() throws(AnalysisError) -> AnalyzeRequest {
        try AnalyzeRequest(directory: Console.current.resolve(directory), displayName: directory, options: input.loadOptions(),
                           level: level, findings: only, suppression: result.suppression.rule)
    }
}
