import ArgumentParser
import TIPAnalysis
import TIPStats

extension ProportionInterval.Method: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "wilson": self = .wilson
        case "clopper-pearson", "clopper_pearson", "exact": self = .clopperPearson
        default: return nil
        }
    }
}

/// `tipstat interval proportion --successes K --trials N`: the interval of a share of a group.
struct IntervalProportionCommand: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "proportion",
        abstract: "Confidence interval for a proportion K of N (Wilson or Clopper-Pearson).",
        discussion: """
        Wilson (default) inverts the score test: R's prop.test(K, N, correct = FALSE)$conf.int. \
        It stays within [0, 1] and is close to the nominal coverage on average. Clopper-Pearson \
        inverts two exact binomial tests: R's binom.test(K, N)$conf.int; its coverage is at least \
        the level, at the price of width. Both assume the K are a random (exchangeable) share \
        of the N: the N must be a group, and the K a part of it.

        Output keys: successes, trials, estimate, ci_low, ci_high, level, method.

        Example:
          tipstat interval proportion --successes 24 --trials 29
          tipstat interval proportion --successes 153 --trials 210 --method clopper-pearson --format json
        """)

    @Option(help: ArgumentHelp("Members of the group with the characteristic.", valueName: "k"))
    var successes: Int

    @Option(help: ArgumentHelp("Size of the group (at least 1).", valueName: "n"))
    var trials: Int

    @Option(help: "wilson or clopper-pearson.")
    var method: ProportionInterval.Method = .wilson

    @Option(help: ArgumentHelp("Confidence level.", valueName: "p"))
    var level: Double = 0.95

    @OptionGroup var result: ResultOptions

    func request() throws(AnalysisError) -> ProportionIntervalRequest {
        try ProportionIntervalRequest(successes: successes, trials: trials, method: method, level: level)
    }
}
