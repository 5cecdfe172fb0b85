import ArgumentParser
import TIPTable
import TIPDomain

extension JudicialSeriesRequest.Granularity: ExpressibleByArgument {}

/// `tipstat series FILE`: the Judicial Branch series from case-level rows.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Derive arrests and convictions by statute and period from case-level rows.",
        discussion: """
        Reads a file with one row per charge and writes the judicial series (statute, offence, \
        period, arrests, convictions) as CSV that `tipstat validate --schema judicial` accepts.

        Assumptions: every row is one charge, an arrest counted in the period of --date-column. \
        A row is a conviction when its --disposition-column (spaces trimmed, case ignored) is \
        one of the --conviction-value texts (default: guilty, convicted); it is counted in the \
        period of --disposition-date-column, or of --date-column when none is given. Other \
        dispositions (nolle, dismissed, not guilty, pending, empty) are not convictions. \
        Convictions of a period are not a subset of its arrests. The file is taken to hold \
        every charge of the span it covers: each statute gets a row, 0 when it had no charge, \
        for every period from the first to the last seen. Statutes are normalised (CGS 53A-192A \
        is 53a-192a) and must be known (or passed with --statute); a malformed or unknown \
        statute, or a missing or malformed date, is an error at its FILE:LINE:COLUMN and no \
        series is written (exit 1). Dates are ISO 8601 (2016-03-04, also with a time after it), or \
        with --date-order mdy month first as US systems export them (3/4/2016, 03-04-2016 10:30 AM), \
        or with dmy day first (4/3/2016, 04.03.2016); two-digit years are refused.

        Example:
          tipstat series charges.csv --statute-column statute --date-column arrest_date --disposition-column disposition -o judicial-derived.csv
          tipstat series charges.csv --statute-column cgs --date-column arrest_date --disposition-column outcome --disposition-date-column outcome_date --conviction-value "guilty plea" --conviction-value "guilty verdict" --period quarter
        """)

    @Argument(help: "The case-level CSV file, one row per charge.")
    var file: String

    @Option(help: ArgumentHelp("The column holding the statute charged.", valueName: "column"))
    var statuteColumn: String

    @Option(help: ArgumentHelp("The column holding the arrest (charge) date.", valueName: "column"))
    var dateColumn: String

    @Option(help: ArgumentHelp("The column holding the disposition.", valueName: "column"))
    var dispositionColumn: String

    @Option(help: ArgumentHelp("The column holding the disposition date (default: --date-column).", valueName: "column"))
    var dispositionDateColumn: String?

    @Option(name: .customLong("conviction-value"), help: ArgumentHelp(
        "A disposition that is a conviction (case ignored); repeat for several. Default: guilty, convicted.", valueName: "text"))
    var convictionValues: [String] = []

    @Option(name: .customLong("period"), help: "Period length: year, quarter or month.")
    var granularity: JudicialSeriesRequest.Granularity = .year

    @Flag(help: "Count subsections under their section (53a-83(c) as 53a-83).")
    var sections = false

    @Option(name: .customLong("statute"), help: ArgumentHelp("Accept this statute number as known; repeat for several.", valueName: "number"))
    var extraStatutes: [String] = []

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .csv

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @OptionGroup var scan: ScanOptions
    @OptionGroup var input: InputOptions

    func run() throws {
        let options = input.loadOptions(streaming: true)
        var request = JudicialSeriesRequest(
            statuteColumn: statuteColumn, dateColumn: dateColumn, dispositionColumn: dispositionColumn,
            dispositionDateColumn: dispositionDateColumn, granularity: granularity,
            extraStatutes: Set(extraStatutes.map { Statutes.normalized($0) }), sectionsOnly: sections,
            nullTokens: options.nullTokens, strict: options.strict, dialect: options.dialect, limits: options.limits,
            dateOrder: options.dateOrder)
        if !convictionValues.isEmpty { request.convictionValues = convictionValues }
        request.encoding = options.encoding ?? .utf8
        let result = scan.withProgress { progress in
            request.run(.file(Console.current.resolve(file), name: file), threads: scan.threadCount, progress: progress)
        }
        Output.problems(result.problems, total: result.problemCount)
        guard let table = result.table else { throw ExitCode(1) }
        try Output.emit(TableRenderer.render(table, as: format, notes: request.assumptions), to: output, inputs: [file])
    }
}
