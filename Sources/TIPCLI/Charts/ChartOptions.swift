import ArgumentParser
import TIPTable
import TIPCharts
import TIPTableCharts

/// What every `tipstat chart KIND` command takes: the file, the columns, the rows kept, the
/// words around the chart, its size and where it goes.
struct ChartOptions: ParsableArguments {
    @Argument(help: "The CSV file (- for standard input).")
    var file: String

    @Option(help: ArgumentHelp("The column of categories, or of x for lines.", valueName: "column"))
    var x: String?

    @Option(help: ArgumentHelp("A column of values; repeat for one series per column.", valueName: "column"))
    var y: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp(
        "Keep rows whose column reads value (as `tipstat show --format csv` writes it; a period in any of its forms), or with != drop them; repeat: kept values of one column are alternatives, every column must pass.",
        valueName: "column=value"))
    var filters: [String] = []

    @OptionGroup var words: ChartTextOptions

    @Option(help: ArgumentHelp("Title of the --x column's axis (default: its metadata title and unit, or its name).", valueName: "text"))
    var xTitle: String?

    @Option(help: ArgumentHelp("Title of the values' axis (default: the --y column's metadata title and unit, or its name).",
                               valueName: "text"))
    var yTitle: String?

    @OptionGroup var input: InputOptions

    func validate() throws { _ = try parsedFilters() }

    /// `--where column=value` as filters.
    func parsedFilters() throws -> [TableChart.Filter] {
        try filters.map { text in
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            var column = parts[0]
            let excluding = column.hasSuffix("!")
            if excluding { column.removeLast() }
            guard parts.count == 2, !column.trimmingSpaces.isEmpty else {
                throw ValidationError("--where \(text): expected column=value or column!=value, e.g. --where statute=53a-192a")
            }
            return TableChart.Filter(column: column.trimmingSpaces, value: parts[1], excluding: excluding)
        }
    }

    var text: ChartText {
        var text = words.text
        text.xTitle = xTitle
        text.yTitle = yTitle
        return text
    }
}

/// The words around a chart and its frame: title, finding, notes, source, size, text
/// alternative, element ids, and the output file.
struct ChartTextOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The title (default: the metadata's dc:title, or one stating the finding).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("The finding, in one sentence, under the title.", valueName: "text"))
    var subtitle: String?

    @Option(name: .customLong("note"), help: ArgumentHelp("A note under the chart; repeat for several.", valueName: "text"))
    var notes: [String] = []

    @Option(help: ArgumentHelp("The source line (default: the rows' distinct `source` values, else the metadata's dc:source).",
                               valueName: "text"))
    var source: String?

    @Option(help: ArgumentHelp("Width in pixels (240 to 4000).", valueName: "px"))
    var width: Int = ChartSize.standard.width

    @Option(help: ArgumentHelp("Least height in pixels (160 to 4000); it grows when text needs room.", valueName: "px"))
    var height: Int = ChartSize.standard.height

    @Option(help: ArgumentHelp("The text alternative (default: the subtitle and every value in words).", valueName: "text"))
    var desc: String?

    @Option(help: ArgumentHelp("The prefix of the SVG's element ids (default: from the title and data).", valueName: "id"))
    var id: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the SVG to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard (240...4000).contains(width), (160...4000).contains(height) else {
            throw ValidationError("--width must lie in 240...4000 and --height in 160...4000 (got \(width) x \(height))")
        }
    }

    var text: ChartText {
        ChartText(title: title, subtitle: subtitle, notes: notes, source: source, size: ChartSize(width: width, height: height),
                  desc: desc, id: id)
    }
}

/// Split rows into series by a column's values.
struct SeriesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A column whose values split the rows into series (with one --y).", valueName: "column"))
    var group: String?

    func validate(_ y: [String]) throws {
        if group != nil && y.count > 1 {
            throw ValidationError("--group splits one --y column into series; give one --y with it, or several --y without it")
        }
    }
}

/// How counts over periods become values: annualised partial periods, estimates marked by a column.
struct PeriodOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "In a yearly series, annualise counts whose x period is shorter than a year (count x 12/months), drawn as estimates with a note."))
    var annualise = true

    @Option(help: ArgumentHelp("A true/false column marking rows that are estimates (drawn hollow or dashed).", valueName: "column"))
    var estimate: String?

    var settings: TableChart.Periods { TableChart.Periods(annualise: annualise, estimate: estimate) }
}

/// The interval around each value of a dot plot or line.
struct IntervalOptions: ParsableArguments {
    enum Method: String, ExpressibleByArgument, CaseIterable {
        case poisson
    }

    @Option(help: ArgumentHelp("The column of each interval's lower end.", valueName: "column"))
    var low: String?

    @Option(help: ArgumentHelp("The column of each interval's upper end.", valueName: "column"))
    var high: String?

    @Option(help: ArgumentHelp("Compute intervals from the counts: poisson (exact, Garwood).", valueName: "method"))
    var interval: Method?

    @Option(help: ArgumentHelp("A column of exposures (years, person-years): values become rates per unit.", valueName: "column"))
    var exposure: String?

    @Option(help: ArgumentHelp("Confidence level of computed intervals.", valueName: "p"))
    var level: Double = 0.95

    func validate() throws {
        if interval != nil && (low != nil || high != nil) {
            throw ValidationError("give --interval poisson or --low and --high, not both")
        }
        if (low == nil) != (high == nil) { throw ValidationError("give --low and --high together") }
        try checkLevel(level)
    }

    var given: Bool { interval != nil || low != nil }

    var settings: TableChart.Intervals {
        let source: TableChart.Intervals.Source? = interval == .poisson ? .poisson
            : (low.flatMap { low in high.map { .columns(low: low, high: $0) } })
        return TableChart.Intervals(source, exposure: exposure, level: level)
    }
}

/// A labelled reference value across the plot.
struct ReferenceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A reference value drawn across the plot.", valueName: "value"))
    var reference: Double?

    @Option(help: ArgumentHelp("The reference's label.", valueName: "text"))
    var referenceLabel: String = "Reference"

    var line: ReferenceLine? { reference.map { ReferenceLine($0, label: referenceLabel) } }
}
