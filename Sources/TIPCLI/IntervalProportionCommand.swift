import ArgumentParser
import TIPTable
import TIPStats

extension ProportionInterval.Method: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "wilson": self = .wilson
        case "clopper-pearson", "clopper_pearson", "exact": self = .clopperPearson
        default: return nil
        }
    }

    /// The method as the command line and the output name it.
    var optionName: String { self == .wilson ? "wilson" : "clopper-pearson" }
}

/// `tipstat interval proportion --successes K --trials N`: the interval of a share of a group.
struct IntervalProportionCommand: ParsableCommand {
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

    func validate() throws {
        if trials < 1 { throw ValidationError("--trials must be at least 1 (got \(trials)): a share of an empty group is undefined") }
        if successes < 0 || successes > trials {
            throw ValidationError("--successes must lie between 0 and --trials \(trials) (got \(successes))")
        }
        try checkLevel(level)
    }

    func run() throws {
        let interval: ProportionInterval
        do {
            interval = try ProportionInterval(successes: successes, trials: trials, level: level, method: method)
        } catch {
            throw Output.failure(error.message)
        }
        let described = method == .wilson
            ? "Wilson score interval, as R's prop.test(k, n, correct = FALSE)"
            : "Clopper-Pearson exact interval, as R's binom.test: coverage at least \(formatNumber(100 * level))%"
        try result.emit(AnalysisResult(title: "Interval for a proportion", fields: [
            .init("successes", .count(successes)),
            .init("trials", .count(trials)),
            .init("estimate", .number(interval.estimate, .statistic)),
            .init("ci_low", .number(interval.lower, .statistic)),
            .init("ci_high", .number(interval.upper, .statistic)),
            .init("level", .number(level, .input)),
            .init("method", .text(method.optionName)),
        ], notes: [
            .init(.assumption, "The successes are a part of the trials: each member of the group is counted once, and the group is not a sample chosen by the outcome."),
            .init(.note, described + "."),
        ]))
    }
}
