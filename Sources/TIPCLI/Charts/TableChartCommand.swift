import ArgumentParser
import TIPTable
import TIPDomain
import TIPReport
import TIPTableCharts
import TIPCharts

/// `tipstat chart KIND FILE --x C --y C ... -o OUT.svg`: one command per chart kind, each with
/// its own options and help; the mapping from columns to the chart is ``TableChart``'s.
struct TableChartCommand<Kind: ChartKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.kind.rawValue, abstract: Kind.abstract, discussion: Kind.discussion)
    }

    @OptionGroup var chart: ChartOptions
    @OptionGroup var options: Kind

    func validate() throws { try options.check(chart) }

    func run() throws {
        let dataset = Dataset.load(chart.file, input: chart.input)
        Output.problems(dataset.problems)
        guard !dataset.hasErrors, let table = dataset.table else { throw ExitCode(1) }
        let request = TableChart(options.marks, x: chart.x, y: chart.y, filters: try chart.parsedFilters(), text: chart.text)
        let chartSpec: ChartSpec
        do {
            chartSpec = try request.spec(for: table, rowNotes: CouncilFigures.provenanceNotes(for:))
        } catch {
            Output.problems(error.problems)
            throw ExitCode(1)
        }
        let svg = try chartSpec.svg()
        try Output.emit(svg, to: chart.words.output, inputs: [chart.file])
    }
}
