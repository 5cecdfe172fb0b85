import ArgumentParser
import TIPTable
import TIPDomain

/// `tipstat validate FILE...`: checks files against their schema.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check CSV files against their schema and report every problem.",
        discussion: """
        Each file is checked against the schema its metadata names (NAME.csv-metadata.json, \
        "tipstat:schema") or the one given with --schema: required columns, types, non-negative \
        counts, shares summing to 100 within rounding, known statute numbers. A file with neither \
        is checked as plain CSV: encoding, quoting, header, row lengths and inferred types. A file \
        with a quote column is also checked against the quote rule: a figure its row's quote does \
        not state, and no derived_from gives, is a warning (docs/quote-rule.md).

        Problems go to stderr as FILE:LINE:COLUMN: error: MESSAGE. The exit status is 0 when no \
        file has an error (warnings allowed) and 1 otherwise.

        Schemas: judicial, referrals, demographics, hotline, providers, demand.

        Example:
          tipstat validate Datasets/*.csv
          tipstat validate --schema judicial exports/arrests-2017.csv
        """)

    @Argument(help: "CSV files to check.")
    var files: [String]

    @OptionGroup var schema: SchemaOptions
    @OptionGroup var input: InputOptions

    @Flag(name: .shortAndLong, help: "Print only problems, not a line per file.")
    var quiet = false

    func run() throws {
        var failed = false
        for file in files {
            let dataset = Dataset.load(file, input: input, schema: schema)
            let problems = dataset.problems + QuoteRule.check(dataset, besides: Console.current.resolve(file), options: input.loadOptions())
            Output.problems(problems)
            let errors = problems.count { $0.severity == .error }
            let warnings = problems.count - errors
            failed = failed || errors > 0
            guard !quiet else { continue }
            let checked = dataset.kind.map { "\($0.rawValue) schema" } ?? "plain CSV"
            let rows = dataset.table.map { "\($0.rowCount) row\($0.rowCount == 1 ? "" : "s")" } ?? "not readable"
            var verdict = errors == 0 ? "ok" : "\(errors) error\(errors == 1 ? "" : "s")"
            if warnings > 0 { verdict += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            Output.out("\(file): \(verdict) (\(rows), \(checked))\n")
        }
        if failed { throw ExitCode(1) }
    }
}
