import ArgumentParser

/// `tipstat chart KIND`: SVG figures from a CSV file's columns, and the demand model's figures.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a standalone, accessible SVG chart from a CSV file.",
        discussion: """
        Every figure has a title, an optional finding (--subtitle), axis titles with units (from \
        the file's metadata, or the column names), a source line (the rows' `source` values or \
        the metadata's dc:source), notes, and a text alternative that states the data. Missing \
        values are drawn as missing, never as zero. The SVG is the same, byte for byte, for the \
        same input. See `tipstat chart KIND --help` for each kind's options.

        Example:
          tipstat chart small-multiples Datasets/judicial.csv --facet statute --x period --y arrests --y convictions -o judicial.svg
          tipstat chart buyers --data Datasets/demand-model.csv --range days=90,365 -o tornado.svg
        """,
        subcommands: [
            TableChartCommand<BarKind>.self, TableChartCommand<GroupedBarKind>.self, TableChartCommand<StackedBarKind>.self,
            TableChartCommand<LineKind>.self, TableChartCommand<DotKind>.self, TableChartCommand<TornadoKind>.self,
            TableChartCommand<HistogramKind>.self, TableChartCommand<ShareKind>.self, TableChartCommand<SmallMultiplesKind>.self,
            ChartBuyersCommand.self,
        ])
}
