import TIPPlatform
import ArgumentParser
import TIPTable
import TIPDomain
import TIPReport

/// `tipstat report --out DIR`: the council's figure set, with its HTML and Markdown index.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw the council's figure set from a folder of datasets.",
        discussion: """
        Reads every dataset of --datasets (default: Datasets), refuses to draw if any has an \
        error (the problems are printed, nothing is written), and writes to --out one SVG per \
        figure, index.html (every figure with its finding, text alternative, notes, source and \
        a table of its values; no script) and index.md.

        The figures: arrests and convictions for prostitution against patronizing; the other \
        statutes as small multiples on a common scale; DCF referrals over time, a part-year \
        annualised with its exact interval; each demographic breakdown as shares with counts \
        and percentages; hotline cases and calls per year with exact Poisson intervals; \
        providers' outputs; funding allocated, spent and committed; the demand estimate's \
        tornado and Monte Carlo histogram (ranges and distributions are stated assumptions, \
        seed 20161215). Every file is written atomically and is the same, byte for byte, on \
        every run.

        --link TEXT=TARGET (repeatable) puts a link under the indexes' introduction, to pages \
        beside the figures such as the notebooks' HTML (a relative path) or to an http(s) \
        address.

        Example:
          tipstat report --out report
          tipstat report --datasets exports/2017 --out report-2017
          tipstat report --out report --link 'The analyses, as notebooks=notebooks/index.html'
        """)

    @Option(help: ArgumentHelp("The folder of datasets.", valueName: "dir"))
    var datasets: String = "Datasets"

    @Option(help: ArgumentHelp("The folder to write the figures and indexes into (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .customLong("link"), help: ArgumentHelp(
        "A link under the introduction, TEXT=TARGET (the text ends at the first =; the target is a relative path or an http(s) address); repeat for several.",
        valueName: "text=target"))
    var links: [String] = []

    @OptionGroup var input: InputOptions

    func validate() throws { _ = try parsedLinks() }

    /// `--link TEXT=TARGET` as links: the target follows the first `=`, and is a relative path
    /// or an http(s) address (no other scheme, so no link runs anything).
    func parsedLinks() throws -> [FigureSet.Link] {
        try links.map { text in
            guard let cut = text.firstIndex(of: "="), cut != text.startIndex, text.index(after: cut) != text.endIndex else {
                throw ValidationError("--link \(text): expected TEXT=TARGET, e.g. --link 'Notebooks=notebooks/index.html'")
            }
            let target = String(text[text.index(after: cut)...])
            if let colon = target.firstIndex(of: ":"), !["http", "https"].contains(target[..<colon].lowercased()) {
                throw ValidationError("--link \(text): the target must be a relative path or an http(s) address")
            }
            return FigureSet.Link(text: String(text[..<cut]), target: target)
        }
    }

    func run() throws {
        let data: CouncilData
        do {
            data = try CouncilData.load(directory: Console.current.resolve(datasets), displayName: datasets,
                                        options: input.loadOptions())
        } catch {
            Output.err(error.description + "\n")
            throw ExitCode(1)
        }
        Output.problems(data.problems)
        guard !data.hasErrors else {
            Output.err("\(datasets): error: the datasets have errors; no figure was drawn\n")
            throw ExitCode(1)
        }
        let figures = CouncilFigures(data)
        for reason in figures.omitted { Output.err("\(datasets): warning: not drawn: \(reason)\n") }
        let set = FigureSet(title: "Connecticut Trafficking in Persons Council: figures", introduction: [
            "Drawn by TIPStat from the council's datasets. Every value comes from a dataset row, and each figure's source "
                + "line names the rows' sources; notes say what is estimated, missing or assumed.",
            "Each figure is a standalone SVG file; below each one are its text alternative and a table of the values it draws.",
        ], links: try parsedLinks(), figures: figures.figures)
        // Everything is drawn before anything is written; each file then replaces its old
        // version atomically.
        let files = try set.files
        let folder = Console.current.outputPath(out)
        var info = stat()
        if stat(folder, &info) != 0 && mkdir(folder, 0o777) != 0 {
            Output.err("\(out): error: cannot create the folder: \(String(cString: strerror(errno)))\n")
            throw ExitCode(1)
        }
        for file in files {
            try Output.write(Array(file.contents.utf8), to: out + "/" + file.name)
        }
        try removeStaleFiles(folder: folder, written: files.map(\.name))
        Output.out("\(out)/index.html: \(figures.figures.count) figure\(figures.figures.count == 1 ? "" : "s")\n")
    }

    /// The list of files the last run wrote, kept in the output folder.
    static let manifest = ".tipstat-report-files"

    /// Removes the files a previous run wrote that this run did not (a figure no longer drawn),
    /// and only those: other files in the folder are never touched. Then records this run's.
    private func removeStaleFiles(folder: String, written: [String]) throws {
        let manifestPath = folder + "/" + Self.manifest
        let keep = Set(written)
        if let previous = try? String(contentsOfFile: manifestPath, encoding: .utf8) {
            for name in previous.split(separator: "\n").map(String.init) where !keep.contains(name)
                && !name.contains("/") && !name.hasPrefix(".") && [".svg", ".html", ".md"].contains(where: name.hasSuffix) {
                if unlink(folder + "/" + name) == 0 { Output.err("\(out)/\(name): removed (no longer drawn)\n") }
            }
        }
        try Output.write(Array((written.sorted().joined(separator: "\n") + "\n").utf8), to: out + "/" + Self.manifest)
    }
}
