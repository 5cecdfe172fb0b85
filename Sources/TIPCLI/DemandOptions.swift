import ArgumentParser
import TIPTable
import TIPStats
import TIPDomain

/// The demand (buyer) model as the command line states it: shared by `tipstat estimate buyers`
/// and `tipstat chart buyers`, so both read the same factors the same way.
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

    /// The schema's factor names, and the short names accepted for them.
    static let factorNames = ["children", "buyers_per_child_per_day", "days", "visits_per_buyer"]
    static let aliases = ["buyers_per_day": "buyers_per_child_per_day", "visits": "visits_per_buyer"]

    /// The factor a user's name means (`buyers-per-day` is `buyers_per_child_per_day`), or nil.
    static func factorName(_ text: String) -> String? {
        let n = ColumnName.normalize(text)
        let name = aliases[n] ?? n
        return factorNames.contains(name) ? name : nil
    }

    func validate() throws {
        if data == nil {
            let missing = [("--children", children), ("--buyers-per-day", buyersPerDay), ("--days", days)]
                .filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                throw ValidationError("give \(missing.joined(separator: ", ")), or --data with a demand dataset")
            }
        }
        if let simulations, simulations < 2 { throw ValidationError("--simulations must be at least 2 (got \(simulations))") }
        try checkLevel(level)
        for text in ranges { _ = try parseRange(text) }
        for text in distributions { _ = try parseAssignment(text) }
    }

    /// `days=30,365` as (name, low, high).
    func parseRange(_ text: String) throws -> (name: String, low: Double, high: Double) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let name = DemandOptions.factorName(parts[0]) else {
            throw ValidationError("--range \(text): expected name=low,high with a factor name among \(DemandOptions.factorNames.joined(separator: ", "))")
        }
        let bounds = parts[1].split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0).trimmingSpaces) }
        guard bounds.count == 2, let low = bounds[0], let high = bounds[1], low.isFinite, high.isFinite, low <= high else {
            throw ValidationError("--range \(text): expected two finite numbers low,high with low <= high, e.g. days=30,365")
        }
        return (name, low, high)
    }

    /// `days=uniform(90,365)` with the factor's name made canonical.
    func parseAssignment(_ text: String) throws -> String {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let name = DemandOptions.factorName(parts[0]) else {
            throw ValidationError("--vary \(text): expected name=distribution with a factor name among \(DemandOptions.factorNames.joined(separator: ", "))")
        }
        do {
            _ = try FactorDistribution(parsing: parts[1])
        } catch {
            throw ValidationError("--vary \(text): \(error.message)")
        }
        return name + "=" + parts[1]
    }

    /// The model: base values from the dataset and the options, ranges and distributions set.
    /// Problems of the dataset are printed; a dataset with errors or a factor the model refuses
    /// ends the command with exit status 1.
    func model() throws -> DemandModel {
        var stated: [String: DemandFactor] = [:]
        if let data {
            let dataset = Dataset.load(.file(Console.current.resolve(data), name: data))
            Output.problems(dataset.problems)
            guard !dataset.hasErrors else { throw ExitCode(1) }
            guard dataset.kind == .demand else {
                Output.err("\(data): error: not a demand dataset (its metadata must name \"tipstat:schema\": \"demand\")\n")
                throw ExitCode(1)
            }
            // Each stated factor as the data gives it; a factor the data lacks may come from its option.
            for entry in CouncilData(datasets: [dataset]).demand?.entries ?? [] where DemandOptions.factorNames.contains(entry.factor) {
                do {
                    stated[entry.factor] = try DemandFactor(name: entry.factor, value: entry.value, unit: entry.unit ?? entry.factor,
                                                            source: entry.sourceText)
                } catch {
                    Output.err("\(entry.provenance.reference): error: \(error.message)\n")
                    throw ExitCode(1)
                }
            }
        }
        let given: [(String, Double?, String, String)] = [
            ("children", children, "children", "--children"),
            ("buyers_per_child_per_day", buyersPerDay, "buyers per child per day", "--buyers-per-day"),
            ("days", days, "days", "--days"),
            ("visits_per_buyer", visitsPerBuyer, "transactions per buyer", "--visits-per-buyer"),
        ]
        let parsedRanges = try ranges.map(parseRange)
        do {
            var factors: [DemandFactor] = []
            for (name, value, unit, option) in given {
                var base = stated[name]
                if let value {
                    base = try DemandFactor(name: name, value: value, unit: base?.unit ?? unit,
                                            source: "given on the command line (\(option) \(formatNumber(value)))")
                }
                // Only visits per buyer has a default (the report's implicit 1); the others must be stated.
                guard let f = base ?? (name == "visits_per_buyer" ? DemandModel.defaultVisitsPerBuyer : nil) else {
                    throw Output.failure("the demand data does not state the factor \"\(name)\"; give \(option)", file: data)
                }
                let range = parsedRanges.last { $0.name == name }
                factors.append(try DemandFactor(name: name, value: f.value, unit: f.unit, source: f.source,
                                                low: range?.low ?? f.low, high: range?.high ?? f.high))
            }
            return try DemandModel(children: factors[0], buyersPerDay: factors[1], days: factors[2], visitsPerBuyer: factors[3])
                .settingDistributions(distributions.map(parseAssignment))
        } catch let error as StatsError {
            Output.err("error: \(error.message)\n")
            throw ExitCode(1)
        }
    }

    /// The Monte Carlo, when `--vary` or `--simulations` asks for one; the seed is the user's or
    /// a fresh one (reported in the result, so the run can be repeated).
    func simulation(of model: DemandModel) throws -> DemandSimulation? {
        guard !distributions.isEmpty || simulations != nil else { return nil }
        var system = SystemRandomNumberGenerator()
        do {
            return try model.simulate(draws: simulations ?? 100_000, seed: seed ?? system.next(), level: level)
        } catch {
            Output.err("error: \(error.message)\n")
            throw ExitCode(1)
        }
    }
}
