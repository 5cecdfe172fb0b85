import TIPTable
import TIPStats
import TIPDomain

/// The buyer-demand model as a caller states it: base values from a demand dataset (such as
/// Datasets/demand-model.csv) and/or given values, which win; plausible ranges for the
/// sensitivity table; distributions and a seed for the Monte Carlo. Shared by the estimate
/// (``BuyerEstimateRequest``) and the demand figures, so both read the factors the same way.
///
/// Factor names are the demand schema's: `children`, `buyers_per_child_per_day` (or
/// `buyers_per_day`), `days`, `visits_per_buyer` (or `visits`). Only visits per buyer has a
/// default: 1, the report's implicit assumption that no buyer returns.
///
/// ```swift
/// let request = try DemandRequest(data: .path("Datasets/demand-model.csv"),
///                                 ranges: [.init(factor: "days", low: 30, high: 365)])
/// let model = try request.resolve().model
/// model.pointEstimate().transactions   // 82992
/// ```
public struct DemandRequest: Sendable {
    /// A factor's value given by the caller, and how the caller gave it (the source shown).
    public struct GivenFactor: Sendable, Hashable {
        public var value: Double
        public var source: String

        public init(value: Double, source: String) {
            self.value = value
            self.source = source
        }
    }

    /// A factor's plausible low and high values.
    public struct FactorRange: Sendable, Hashable {
        public var factor: String
        public var low: Double
        public var high: Double

        public init(factor: String, low: Double, high: Double) {
            self.factor = factor
            self.low = low
            self.high = high
        }
    }

    /// The model and what the data says besides.
    public struct Resolved: Sendable {
        public var model: DemandModel
        /// The dataset's stated factors and result; nil without a dataset.
        public var stated: DemandAssumptions?
        /// The dataset's warnings.
        public var problems: [Problem]
    }

    /// The schema's factor names, in the order of the formula.
    public static let factorNames = ["children", "buyers_per_child_per_day", "days", "visits_per_buyer"]
    /// Short names accepted for factors.
    public static let aliases = ["buyers_per_day": "buyers_per_child_per_day", "visits": "visits_per_buyer"]
    /// Each factor's argument name, for messages asking for it.
    static let argumentNames = ["children": "children", "buyers_per_child_per_day": "buyers_per_day", "days": "days",
                                "visits_per_buyer": "visits_per_buyer"]
    /// Each factor's unit when neither the data nor the caller gives one.
    static let defaultUnits = ["children": "children", "buyers_per_child_per_day": "buyers per child per day", "days": "days",
                               "visits_per_buyer": "transactions per buyer"]

    /// The factor a name means (`buyers-per-day` is `buyers_per_child_per_day`), or nil.
    public static func factorName(_ text: String) -> String? {
        let n = ColumnName.normalize(text)
        let name = aliases[n] ?? n
        return factorNames.contains(name) ? name : nil
    }

    /// A demand dataset whose stated factors are the base values, and its name in messages.
    public let data: CSVInput?
    public let options: LoadOptions
    /// Values that override the data's, by factor name.
    public let given: [String: GivenFactor]
    /// Ranges for the sensitivity table; the last for a factor wins.
    public let ranges: [FactorRange]
    /// Distributions for the Monte Carlo, as `factor=distribution` (`days=uniform(90,365)`).
    public let distributions: [String]
    /// Monte Carlo draws; nil: 100,000 when distributions are given, else no simulation.
    public let simulations: Int?
    /// The Monte Carlo's seed; nil: a fresh one, reported in the simulation.
    public let seed: UInt64?
    /// Coverage of the Monte Carlo interval.
    public let level: Double

    /// - Throws: ``AnalysisError`` when, without data, children, buyers per day or days is not
    ///   given; for fewer than 2 simulations; for a level outside (0, 1).
    public init(data: CSVInput? = nil, options: LoadOptions = LoadOptions(), given: [String: GivenFactor] = [:],
                ranges: [FactorRange] = [], distributions: [String] = [], simulations: Int? = nil, seed: UInt64? = nil,
                level: Double = 0.95) throws(AnalysisError) {
        if data == nil {
            let missing = DemandRequest.factorNames.dropLast().filter { given[$0] == nil }.map { DemandRequest.argumentNames[$0]! }
            if !missing.isEmpty {
                throw AnalysisError(argument: missing[0]) { name in
                    "give \(missing.map(name).joined(separator: ", ")), or \(name("data")) with a demand dataset"
                }
            }
        }
        if let simulations, simulations < 2 {
            throw AnalysisError(argument: "simulations") { name in "\(name("simulations")) must be at least 2 (got \(simulations))" }
        }
        try AnalysisError.checkLevel(level)
        self.data = data
        self.options = options
        self.given = given
        self.ranges = ranges
        self.distributions = distributions
        self.simulations = simulations
        self.seed = seed
        self.level = level
    }

    /// The model: base values from the dataset and the given values, ranges and
    /// distributions set.
    ///
    /// - Throws: ``AnalysisError`` with the dataset's problems when it has errors or is not a
    ///   demand dataset, naming a stated factor the model refuses or a factor no one states.
    public func resolve() throws(AnalysisError) -> Resolved {
        var stated: [String: DemandFactor] = [:]
        var assumptions: DemandAssumptions?
        var problems: [Problem] = []
        if let data {
            let dataset = Dataset.load(data, options: options)
            problems = dataset.problems
            guard !dataset.hasErrors else { throw AnalysisError(nil, problems: problems) }
            guard dataset.kind == .demand else {
                throw AnalysisError("not a demand dataset (its metadata must name \"tipstat:schema\": \"demand\")", file: data.name, problems: problems)
            }
            assumptions = CouncilData(datasets: [dataset]).demand
            // Each stated factor as the data gives it; a factor the data lacks may be given.
            for entry in assumptions?.entries ?? [] where DemandRequest.factorNames.contains(entry.factor) {
                do {
                    stated[entry.factor] = try DemandFactor(name: entry.factor, value: entry.value, unit: entry.unit ?? entry.factor,
                                                            source: entry.sourceText)
                } catch {
                    throw AnalysisError(error.message, file: entry.provenance.reference, problems: problems)
                }
            }
        }
        // Each factor's base: given, else stated, else (visits per buyer only) the report's 1.
        var bases: [(name: String, given: GivenFactor?, stated: DemandFactor?)] = []
        for name in DemandRequest.factorNames {
            let base = stated[name] ?? (name == "visits_per_buyer" ? DemandModel.defaultVisitsPerBuyer : nil)
            guard given[name] != nil || base != nil else {
                let argument = DemandRequest.argumentNames[name]!
                throw AnalysisError(file: data?.name, problems: problems) { n in
                    "the demand data does not state the factor \"\(name)\"; give \(n(argument))"
                }
            }
            bases.append((name, given[name], base))
        }
        do {
            var factors: [DemandFactor] = []
            for (name, given, stated) in bases {
                let f = try given.map { g throws(StatsError) in
                    try DemandFactor(name: name, value: g.value, unit: stated?.unit ?? DemandRequest.defaultUnits[name]!, source: g.source)
                } ?? stated!
                let range = ranges.last { $0.factor == name }
                factors.append(try DemandFactor(name: name, value: f.value, unit: f.unit, source: f.source,
                                                low: range?.low ?? f.low, high: range?.high ?? f.high))
            }
            let model = try DemandModel(children: factors[0], buyersPerDay: factors[1], days: factors[2], visitsPerBuyer: factors[3])
                .settingDistributions(distributions)
            return Resolved(model: model, stated: assumptions, problems: problems)
        } catch {
            throw AnalysisError(error.message, problems: problems)
        }
    }

    /// Whether a Monte Carlo is asked for (distributions or a number of draws).
    public var simulates: Bool { !distributions.isEmpty || simulations != nil }

    /// The Monte Carlo of `model`, when one is asked for; the seed is the caller's or a fresh
    /// one (reported in the simulation, so the run can be repeated).
    public func simulation(of model: DemandModel) throws(AnalysisError) -> DemandSimulation? {
        guard simulates else { return nil }
        var system = SystemRandomNumberGenerator()
        do {
            return try model.simulate(draws: simulations ?? 100_000, seed: seed ?? system.next(), level: level)
        } catch {
            throw AnalysisError(error.message)
        }
    }
}
