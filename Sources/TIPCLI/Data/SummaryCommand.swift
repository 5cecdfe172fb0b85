import ArgumentParser
import TIPTable
import TIPDomain

/// `tipstat summary [DIR]`: every dataset of a folder at a glance.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise every dataset in a folder: rows, periods, sources, problems.",
        discussion: """
        Reads every *.csv file of the folder (default: Datasets) with its metadata and schema, \
        and prints one line per dataset: its schema, rows, the periods it covers, how many \
        distinct sources its rows cite, rows without a source, rows with a figure their quote \
        does not state and no derived_from gives (the quote rule, docs/quote-rule.md), and \
        problems. The sources are listed below the table. Exit status 1 when any dataset has an \
        error.

        Example:
          tipstat summary
          tipstat summary exports/ --format markdown
        """)

    @Argument(help: "Folder of datasets.")
    var directory: String = "Datasets"

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        let folder = Console.current.resolve(directory)
        guard let names = DirectoryListing.files(in: folder, suffix: ".csv") else {
            Output.err("\(directory): error: cannot read the folder\n")
            throw ExitCode(1)
        }
        guard !names.isEmpty else {
            Output.err("\(directory): error: the folder holds no .csv files\n")
            throw ExitCode(1)
        }
        var summaries: [DatasetSummary] = []
        let files = names.map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
        for file in files {
            let dataset = Dataset.unreadSpecialFile(Console.current.resolve(file), name: file) ?? Dataset.load(file, input: input)
            let unquoted = QuoteRule.check(dataset, besides: Console.current.resolve(file), options: input.loadOptions())
            Output.problems(dataset.problems + unquoted)
            summaries.append(DatasetSummary(dataset, quoteRule: unquoted))
        }
        try Output.emit(render(summaries), to: output, inputs: files)
        if summaries.contains(where: { $0.errors > 0 }) { throw ExitCode(1) }
    }

    func render(_ summaries: [DatasetSummary]) -> String {
        if format == .json {
            return JSONValue.array(summaries.map { s in
                .object([
                    ("file", .string(s.file)),
                    ("schema", s.kind.map { .string($0.rawValue) } ?? .null),
                    ("title", s.title.map(JSONValue.string) ?? .null),
                    ("rows", .integer(s.rows)),
                    ("periods", s.coverage.map { .string($0.description) } ?? .null),
                    ("sources", .array(s.sources.map(JSONValue.string))),
                    ("rows_without_source", .integer(s.rowsWithoutSource)),
                    ("unquoted_rows", .integer(s.unquotedRows)),
                    ("errors", .integer(s.errors)),
                    ("warnings", .integer(s.warnings)),
                ])
            }).rendered() + "\n"
        }
        let table = Table(name: "summary", columns: [
            Column(name: "dataset", type: .string, values: summaries.map { .string(baseName($0.file)) }),
            Column(name: "schema", type: .string, values: summaries.map { $0.kind.map { .string($0.rawValue) } ?? .missing }),
            Column(name: "rows", type: .integer, values: summaries.map { .integer($0.rows) }),
            Column(name: "periods", type: .string, values: summaries.map { $0.coverage.map { .string($0.label) } ?? .missing }),
            Column(name: "sources", type: .integer, values: summaries.map { .integer($0.sources.count) }),
            Column(name: "unsourced_rows", type: .integer, values: summaries.map { .integer($0.rowsWithoutSource) }),
            Column(name: "unquoted_rows", type: .integer, values: summaries.map { .integer($0.unquotedRows) }),
            Column(name: "errors", type: .integer, values: summaries.map { .integer($0.errors) }),
            Column(name: "warnings", type: .integer, values: summaries.map { .integer($0.warnings) }),
        ], rowLines: summaries.indices.map { $0 + 2 })
        guard format == .table || format == .markdown else { return TableRenderer.render(table, as: format) }
        var notes: [String] = []
        for s in summaries {
            notes.append("")
            notes.append("\(baseName(s.file)): \(s.title ?? "(no title)")")
            for source in s.sources { notes.append((format == .markdown ? "- " : "  - ") + source) }
        }
        return TableRenderer.render(table, as: format, notes: notes)
    }

    func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
