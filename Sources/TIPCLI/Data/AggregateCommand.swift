import ArgumentParser
import TIPTable

/// `tipstat aggregate FILE --by C[,C...]`: a streaming group-by.
struct AggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Group the rows of a large CSV file and count, sum, average or bound columns.",
        discussion: """
        Reads the file once, streaming, on several threads (--threads): memory grows with the \
        number of groups, not of rows. Groups are keyed by the --by columns, typed as `show` \
        types a column (a year sorts as a number; 1,841 and 1841 are one key) and sorted by \
        them, missing keys last.

        --sum, --mean, --min and --max read numbers as exact decimals (1,234.50, $8,344, 28%): \
        sums do not depend on the order of the rows or the number of threads. Missing values \
        (the null tokens) are counted in a missing_COLUMN column and left out of the statistics; \
        a group with no value has no sum (NA), not 0. A value that is not a number is an error \
        at its FILE:LINE:COLUMN; errors print and no table is written (exit 1); --strict stops \
        at the first. --where C=VALUE keeps rows whose C (spaces trimmed) is VALUE; several \
        values for one column are alternatives, different columns must all match.

        Example:
          tipstat aggregate cases.csv --by statute,year --count --sum amount
          tipstat aggregate cases.csv --by town --mean age --where disposition=guilty --format csv -o towns.csv
        """)

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: ArgumentHelp("Group by these columns, comma-separated.", valueName: "columns"))
    var by: String

    @Flag(help: "Count the rows of each group.")
    var count = false

    @Option(help: ArgumentHelp("Sum this column; repeat for several.", valueName: "column"))
    var sum: [String] = []

    @Option(help: ArgumentHelp("Average this column; repeat for several.", valueName: "column"))
    var mean: [String] = []

    @Option(help: ArgumentHelp("Smallest value of this column; repeat for several.", valueName: "column"))
    var min: [String] = []

    @Option(help: ArgumentHelp("Largest value of this column; repeat for several.", valueName: "column"))
    var max: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep rows whose column holds this text; repeat for several.", valueName: "column=value"))
    var filters: [String] = []

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var scan: ScanOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if byColumns.isEmpty { throw ValidationError("--by needs at least one column name") }
        if !count && sum.isEmpty && mean.isEmpty && min.isEmpty && max.isEmpty {
            throw ValidationError("say what to compute: --count, --sum, --mean, --min or --max")
        }
        for f in filters where !f.contains("=") {
            throw ValidationError("--where takes COLUMN=VALUE, not \"\(f)\"")
        }
    }

    var byColumns: [String] { by.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty } }

    func run() throws {
        let options = input.loadOptions(streaming: true)
        var request = AggregateRequest(
            by: byColumns, count: count, sum: sum, mean: mean, min: min, max: max,
            filters: filters.map { f in
                let eq = f.firstIndex(of: "=")!
                return (String(f[..<eq]), [String(f[f.index(after: eq)...])])
            },
            nullTokens: options.nullTokens, strict: options.strict, dialect: options.dialect, limits: options.limits)
        request.encoding = options.encoding ?? .utf8
        let result = scan.withProgress { progress in
            request.run(.file(Console.current.resolve(file), name: file), threads: scan.threadCount, progress: progress)
        }
        Output.problems(result.problems, total: result.problemCount)
        guard let table = result.table else { throw ExitCode(1) }
        try Output.emit(TableRenderer.render(table, as: format), to: output, inputs: [file])
    }
}
