import ArgumentParser

/// `tipstat interval poisson|proportion`: confidence intervals for a count or a proportion.
struct IntervalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interval",
        abstract: "Confidence interval for a count or rate (exact Poisson) or a proportion (Wilson, Clopper-Pearson).",
        discussion: """
        Example:
          tipstat interval poisson --count 151 --exposure 0.75
          tipstat interval proportion --successes 24 --trials 29 --method clopper-pearson
        """,
        subcommands: [IntervalPoissonCommand.self, IntervalProportionCommand.self])
}
