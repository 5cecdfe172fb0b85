import ArgumentParser

/// The `tipstat` command: statistics and figures for the Connecticut Trafficking in Persons Council.
public struct TIPStatCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tipstat",
        abstract: "Statistics and figures for the Connecticut Trafficking in Persons Council.",
        discussion: """
        Loads the council's CSV data into typed tables, checks it against its schema, computes \
        what the annual report computes with honest statistics, and draws SVG figures.

        Example:
          tipstat summary Datasets
          tipstat validate Datasets/*.csv
          tipstat show Datasets/dcf-referrals.csv --format markdown
          tipstat report --out report
        """,
        version: "0.1.0",
        subcommands: [ValidateCommand.self, ShowCommand.self, SummaryCommand.self]
            + [DescribeCommand.self, RegressCommand.self, TrendCommand.self, ChangeCommand.self, IntervalCommand.self, EstimateCommand.self, AnalyzeCommand.self]
            + [AggregateCommand.self, SeriesCommand.self]
            + [ChartCommand.self, ReportCommand.self]
            + [NotebookCommand.self])

    public init() {}
}
