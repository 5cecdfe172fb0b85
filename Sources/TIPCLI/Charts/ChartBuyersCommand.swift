import ArgumentParser
import TIPReport
import TIPAnalysis

/// `tipstat chart buyers`: the demand model's tornado or Monte Carlo histogram, one figure per run.
struct ChartBuyersCommand: ParsableCommand {
    enum Figure: String, ExpressibleByArgument, CaseIterable {
        case tornado, histogram
    }

    static let configuration = CommandConfiguration(
        commandName: "buyers",
        abstract: "Draw the buyer-demand model's tornado or Monte Carlo histogram.",
        discussion: """
        One figure per run, chosen with --figure, written to -o (or stdout):

        tornado    unique buyers with each factor that has a --range moved alone from its low \
        to its high value, the others at base; needs at least one --range. Factors without a \
        range are named in a note as held at base.
        histogram  the distribution of simulated unique buyers from the --vary distributions, \
        with the median, the central --level interval and the base estimate marked; needs at \
        least one --vary. The seed is stated in a note: give --seed for a figure that is the \
        same on every run.

        Base values come from --data (a demand dataset) and the factor options, as for \
        `tipstat estimate buyers`. Every base value, range and distribution is stated in the \
        figure's notes: ranges and distributions are assumptions, not data.

        Example:
          tipstat chart buyers --data Datasets/demand-model.csv --range buyers_per_day=0.5,3 --range days=90,365 -o tornado.svg
          tipstat chart buyers --data Datasets/demand-model.csv --figure histogram --vary 'days=uniform(90,365)' --seed 2016 -o histogram.svg
        """)

    @Option(help: ArgumentHelp("Which figure: tornado or histogram.", valueName: "figure"))
    var figure: Figure = .tornado

    @OptionGroup var demand: DemandOptions
    @OptionGroup var words: ChartTextOptions

    func validate() throws {
        switch figure {
        case .tornado where demand.ranges.isEmpty:
            throw ValidationError("the tornado needs at least one --range name=low,high (e.g. --range days=90,365): "
                + "a factor without a range has nothing to show")
        case .histogram where demand.distributions.isEmpty:
            throw ValidationError("the histogram needs at least one --vary name=distribution (e.g. --vary 'days=uniform(90,365)'): "
                + "without one every draw is the base estimate")
        default:
            break
        }
    }

    func run() throws {
        let request = try demand.request()
        let resolved = try analysis(request.resolve)
        Output.problems(resolved.problems)
        let spec: String
        switch figure {
        case .tornado:
            spec = try DemandFigures.tornado(resolved.model, text: words.text).svg()
        case .histogram:
            guard let simulation = try analysis({ () throws(AnalysisError) in try request.simulation(of: resolved.model) }) else { throw ExitCode(1) }
            spec = try DemandFigures.histogram(simulation, model: resolved.model, text: words.text).svg()
        }
        try Output.emit(spec, to: words.output, inputs: demand.data.map { [$0] } ?? [])
    }
}
