import ArgumentParser
import TIPAnalysis

/// `tipstat interval poisson --count K [--exposure T]`: the exact (Garwood) interval of a count
/// or a rate.
struct IntervalPoissonCommand: AnalysisCommand {
    static let configuration = CommandConfiguration(
        commandName: "poisson",
        abstract: "Exact (Garwood) confidence interval for a Poisson count, or a rate per unit of exposure.",
        discussion: """
        The interval is R's poisson.test(K, T)$conf.int: lower = qgamma(alpha/2, K) / T (0 when \
        K = 0), upper = qgamma(1 - alpha/2, K + 1) / T. It covers the true rate at least as often \
        as the level says, for any rate, which small counts need. With --exposure the estimate is \
        a rate per unit of exposure: 9 months of a year is --exposure 0.75, and the estimate is \
        then the annualised count.

        Output keys: count, exposure, estimate, ci_low, ci_high, level, method.

        Example:
          tipstat interval poisson --count 151 --exposure 0.75
          tipstat interval poisson --count 0 --format json
        """)

    @Option(help: ArgumentHelp("The observed count (a whole number, 0 or more).", valueName: "k"))
    var count: Int

    @Option(help: ArgumentHelp("What the count was observed over (years, person-years; 0.75 for nine months).", valueName: "t"))
    var exposure: Double = 1

    @Option(help: ArgumentHelp("Confidence level.", valueName: "p"))
    var level: Double = 0.95

    @OptionGroup var result: ResultOptions

    func request() throws(AnalysisError) -> PoissonIntervalRequest {
        try PoissonIntervalRequest(count: count, exposure: exposure, level: level)
    }
}
