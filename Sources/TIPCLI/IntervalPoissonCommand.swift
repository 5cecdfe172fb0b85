import ArgumentParser
import TIPTable
import TIPStats

/// `tipstat interval poisson --count K [--exposure T]`: the exact (Garwood) interval of a count
/// or a rate.
struct IntervalPoissonCommand: ParsableCommand {
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

    func validate() throws {
        if count < 0 { throw ValidationError("--count must be 0 or more (got \(count))") }
        if !(exposure > 0 && exposure.isFinite) {
            throw ValidationError("--exposure must be a positive number (got \(formatNumber(exposure))): a count observed over no time has no rate")
        }
        try checkLevel(level)
    }

    func run() throws {
        let interval: PoissonInterval
        do {
            interval = try PoissonInterval(count: count, exposure: exposure, level: level)
        } catch {
            throw Output.failure(error.message)
        }
        var notes: [AnalysisResult.Note] = [
            .init(.assumption, "The count is a Poisson count: events happen independently at a constant rate over the exposure."),
            .init(.note, "Exact (Garwood) interval, as R's poisson.test: its coverage is at least \(formatNumber(100 * level))% for every true rate."),
        ]
        if exposure != 1 {
            notes.append(.init(.note, "The estimate is a rate per unit of exposure (\(count) / \(formatNumber(exposure))); "
                + "when the exposure is part of a year, it is an annualised estimate, not an observed annual count."))
        }
        try result.emit(AnalysisResult(title: "Exact Poisson interval", fields: [
            .init("count", .count(count)),
            .init("exposure", .number(exposure, .input)),
            .init("estimate", .number(interval.estimate, .statistic)),
            .init("ci_low", .number(interval.lower, .statistic)),
            .init("ci_high", .number(interval.upper, .statistic)),
            .init("level", .number(level, .input)),
            .init("method", .text("exact (Garwood)")),
        ], notes: notes))
    }
}
