import ArgumentParser
import TIPTable
import TIPStats
import TIPAnalysis

/// The demand (buyer) model as the command line states it, as a TIPAnalysis ``DemandRequest``:
/// shared by `tipstat estimate buyers` and `tipstat chart buyers`, so both read the same
/// factors the same way.
///
/// Base values come from a demand dataset (`--data`, e.g. Datasets/demand-model.csv) and/or the
/// factor options, which win. Factor names are the demand schema's: `children`,
/// `buyers_per_child_per_day` (or `buyers_per_day`), `days`, `visits_per_buyer`.
struct DemandOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A demand dataset whose factors are the base values (the options below override them).",
                               valueName: "file"))
    var data: String?

    @Option(help: ArgumentHelp("Children exploited (the report: 456 DCF referrals since 2013).", valueName: "n"))
    var children: Double?

    @Option(name: .customLong("buyers-per-day"), help: ArgumentHelp("Buyers per child per day (the report: 1).", valueName: "b"))
    var buyersPerDay: Double?

    @Option(help: ArgumentHelp("Days of exploitation (the report: 182, half a year).", valueName: "d"))
    var days: Double?

    @Option(help: ArgumentHelp("Transactions per distinct buyer (default 1: no buyer returns, as the report assumes).",
                               valueName: "v"))
    var visitsPerBuyer: Double?

    @Option(name: .customLong("range"), help: ArgumentHelp(
        "A factor's plausible low and high values for the sensitivity table, e.g. days=30,365; repeat for several.",
        valueName: "name=low,high"))
    var ranges: [String] = []

    @Option(name: .customLong("vary"), help: ArgumentHelp(
        "A factor's distribution for the Monte Carlo: uniform(low,high), triangular(low,mode,high), lognormal(median,gsd) or fixed(v), e.g. days=uniform(90,365); repeat for several.",
        valueName: "name=dist"))
    var distributions: [String] = []

    @Option(help: ArgumentHelp("Monte Carlo draws (default 100000 when --vary is given).", valueName: "n"))
    var simulations: Int?

    @Option(help: ArgumentHelp("Seed of the Monte Carlo's random stream (default: a fresh one, printed with the result).",
                               valueName: "s"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Coverage of the Monte Carlo interval.", valueName: "p"))
    var level: Double = 0.95

    func validate() throws {
        _ = try usage { () throws(AnalysisError) in try request(ranges: [], distributions: []) }
        for text in ranges { _ = try parseRange(text) }
        for text in distributions { _ = try parseAssignment(text) }
    }

    /// `days=30,365` as a factor's range.
    func parseRange(_ text: String) throws -> DemandRequest.FactorRange {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let name = DemandRequest.factorName(parts[0]) else {
            throw ValidationError("--range \(text): expected name=low,high with a factor name among \(DemandRequest.factorNames.joined(separator: ", "))")
        }
        let bounds = parts[1].split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0).trimmingSpaces) }
        guard bounds.count == 2, let low = bounds[0], let high = bounds[1], low.isFinite, high.isFinite, low <= high else {
            throw ValidationError("--range \(text): expected two finite numbers low,high with low <= high, e.g. days=30,365")
        }
        return DemandRequest.FactorRange(factor: name, low: low, high: high)
    }

    /// `days=uniform(90,365)` with the factor's name made canonical.
    func parseAssignment(_ text: String) throws -> String {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let name = DemandRequest.factorName(parts[0]) else {
            throw ValidationError("--vary \(text): expected name=distribution with a factor name among \(DemandRequest.factorNames.joined(separator: ", "))")
        }
        do {
            _ = try FactorDistribution(parsing: parts[1])
        } catch {
            throw ValidationError("--vary \(text): \(error.message)")
        }
        return name + "=" + parts[1]
    }

    /// The model as the options state it, every range and distribution parsed.
    func request() throws -> DemandRequest {
        let parsedRanges = try ranges.map(parseRange)
        let assignments = try distributions.map(parseAssignment)
        return try usage { () throws(AnalysisError) in try request(ranges: parsedRanges, distributions: assignments) }
    }

    private func request(ranges: [DemandRequest.FactorRange], distributions: [String]) throws(AnalysisError) -> DemandRequest {
        var given: [String: DemandRequest.GivenFactor] = [:]
        for (name, value, option) in [("children", children, "--children"), ("buyers_per_child_per_day", buyersPerDay, "--buyers-per-day"),
                                      ("days", days, "--days"), ("visits_per_buyer", visitsPerBuyer, "--visits-per-buyer")] {
            if let value { given[name] = .init(value: value, source: "given on the command line (\(option) \(formatNumber(value)))") }
        }
        return try DemandRequest(data: data.map { .file(Console.current.resolve($0), name: $0) }, given: given, ranges: ranges,
                                 distributions: distributions, simulations: simulations, seed: seed, level: level)
    }
}
