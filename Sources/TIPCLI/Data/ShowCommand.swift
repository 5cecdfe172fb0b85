import ArgumentParser
import TIPTable
import TIPDomain
import TIPAnalysis

/// `tipstat show FILE`: prints the typed table.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a CSV file as a typed table.",
        discussion: """
        Column types come from the schema (metadata or --schema) or are inferred from strictest \
        to loosest: boolean, integer, double, percent, currency, date, period, string. \
        JSON output is {"columns":[{"name":N,"type":T}],"rows":[[...]]} with typed values and \
        null for missing. With --raw every column is a string and every value exactly the field \
        text that was parsed. A file with errors prints its problems and no table (exit 1).

        Disclosure control: with --suppress-small-counts (threshold 5) or --suppress-below K, \
        counts from 1 to K - 1 in the integer columns named with --count-column (default: every \
        integer column) are shown as "<K", and a note says so (table, markdown, json). Zero and \
        missing values are shown as they are; columns of other types are never changed.

        --column NAME (repeatable) shows only the columns named, in the order given (names match \
        loosely, as schemas match them: `Cases Sex` is `cases_sex`); the file is still read and \
        checked whole.

        Example:
          tipstat show Datasets/hotline.csv
          tipstat show Datasets/judicial.csv --format json
          tipstat show export.csv --delimiter ';' --raw --format csv -o clean.csv
          tipstat show Datasets/dcf-demographics.csv --suppress-small-counts --count-column count
          tipstat show Datasets/judicial.csv --column statute --column period --column arrests --column convictions
        """)

    @Argument(help: "The CSV file (- for standard input).")
    var file: String

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Flag(help: "Every column a string, every value the exact field text.")
    var raw = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var suppression: SuppressionOptions

    @Option(name: .customLong("count-column"), help: ArgumentHelp(
        "With --suppress-*, an integer column holding counts to suppress; repeat for several (default: every integer column).",
        valueName: "name"))
    var countColumns: [String] = []

    @Option(name: .customLong("column"), help: ArgumentHelp(
        "Show only this column; repeat for several, in the order given (default: every column).", valueName: "name"))
    var columns: [String] = []

    @OptionGroup var schema: SchemaOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let dataset = Dataset.load(file, input: input, schema: schema, raw: raw)
        Output.problems(dataset.problems)
        guard !dataset.hasErrors, var table = dataset.table else { throw ExitCode(1) }
        if !columns.isEmpty { table = try selected(columns, of: table, file: dataset.path) }
        var shown = (table: table, notes: [String]())
        if let rule = suppression.rule {
            do {
                shown = try rule.applied(to: table, countColumns: countColumns)
            } catch {
                throw Output.failure(error.message ?? "", file: dataset.path)
            }
        }
        try Output.emit(TableRenderer.render(shown.table, as: format, notes: format == .csv ? [] : shown.notes), to: output, inputs: [file])
    }

    /// The table with only the named columns, in the order named.
    func selected(_ names: [String], of table: Table, file: String) throws -> Table {
        var picked = table
        picked.columns = try names.map { name in
            guard let i = table.columnIndex(name) else {
                throw Output.failure("no column \(quotedForMessage(name)) (given with --column; the columns are "
                    + table.columns.map(\.name).joined(separator: ", ") + ")", file: file)
            }
            return table.columns[i]
        }
        return picked
    }
}
