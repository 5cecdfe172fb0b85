#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import TIPTable
import TIPNotebook

/// `tipstat notebook run|check|html`: executable Markdown notebooks.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Run, check or render executable Markdown notebooks.",
        discussion: """
        A notebook is CommonMark. A fenced block with info string `tipstat` holds one or more \
        tipstat commands (one per line, `\\` continues a line, `#` starts a comment, quotes as in \
        a shell); the fenced block right after it with info string `output` holds what they print. \
        Commands run in this process, in order, with paths relative to the notebook's folder; no \
        shell runs, so pipes and redirections are refused. Figures written by a command \
        (-o figures/NAME.svg) are linked as images in the prose.

        Example:
          tipstat notebook run Notebooks-md/hotline.md
          tipstat notebook check Notebooks-md/*.md
          tipstat notebook html Notebooks-md/*.md --out report/notebooks
        """,
        subcommands: [Run.self, Check.self, HTML.self])

    /// A notebook read from disk, with what the messages call it and its folder.
    struct Source {
        let path: String
        let text: String
        var directory: String { FileSystem.parent(of: Console.current.resolve(path)) }
        var name: String { path }

        static func read(_ path: String) throws -> Source {
            guard let bytes = FileSystem.read(Console.current.resolve(path)) else {
                Output.err("\(path): error: cannot read the notebook\n")
                throw ExitCode(1)
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                Output.err("\(path): error: the notebook is not valid UTF-8\n")
                throw ExitCode(1)
            }
            return Source(path: path, text: text)
        }

        func run(overlay: String?) -> NotebookRunner.Result {
            let directory = self.directory
            let runner = NotebookRunner(name: name, directory: directory) { arguments in
                InProcessRun.run(arguments, directory: directory, overlay: overlay)
            }
            return runner.run(Notebook(text: text))
        }

        /// Images the prose links to that do not exist (in the overlay or on disk).
        func missingImages(overlay: String?) -> [String] {
            Notebook(text: text).imageLinks.compactMap { link in
                let console = Console(out: { _ in }, err: { _ in }, directory: directory, overlay: overlay)
                return FileSystem.isFile(console.resolve(link.path))
                    ? nil : "\(name):\(link.line + 1): error: the image \(link.path) does not exist"
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every tipstat block of the notebooks and rewrite their output blocks.",
            discussion: """
            Blocks run in order; each block's output block is replaced (or inserted) with what its \
            commands print. A failing command ends its block, whose output then shows the command, \
            its messages and the notebook line; later blocks still run. The notebook is rewritten \
            atomically. Exit status 1 when any block failed or a linked image is missing.

            Example:
              tipstat notebook run Notebooks-md/demand.md
            """)

        @Argument(help: "Notebooks (Markdown files).")
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                let source = try Source.read(file)
                let result = source.run(overlay: nil)
                if result.text != source.text {
                    try Output.write(Array(result.text.utf8), to: file)
                }
                let problems = result.failures.map(\.description) + source.missingImages(overlay: nil)
                for p in problems { Output.err(p + "\n") }
                failed = failed || !problems.isEmpty
                Output.out("\(file): \(result.failures.isEmpty ? "ok" : "\(result.failures.count) failed block\(result.failures.count == 1 ? "" : "s")")\n")
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the notebooks without writing anything and fail if any output or figure differs.",
            discussion: """
            Every block runs as with `notebook run`, but files the commands write go to a \
            temporary folder. The notebook's text and every file written are compared with what \
            is on disk; each difference is printed as a unified diff. Exit status 1 when anything \
            differs, a block fails or a linked image is missing.

            Example:
              tipstat notebook check Notebooks-md/*.md
            """)

        @Argument(help: "Notebooks (Markdown files).")
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                let source = try Source.read(file)
                var template = Array("/tmp/tipstat-notebook-XXXXXX".utf8CString)
                guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                    Output.err("error: cannot create a temporary folder\n")
                    throw ExitCode(1)
                }
                let overlay = String(cString: made)
                defer { FileSystem.removeTree(overlay) }
                let result = source.run(overlay: overlay)
                var problems = result.failures.map(\.description) + source.missingImages(overlay: overlay)
                var diffs = UnifiedDiff.diff(old: source.text, new: result.text, oldName: file, newName: file + " (as run)")
                let here = FileSystem.absolute(".") + "/"
                for written in FileSystem.files(under: overlay) {
                    let bytes = FileSystem.read(overlay + written) ?? []
                    let shown = written.hasPrefix(here) ? String(written.dropFirst(here.count)) : written
                    guard let old = FileSystem.read(written) else {
                        problems.append("\(file): error: running it writes \(shown), which does not exist")
                        continue
                    }
                    guard old != bytes else { continue }
                    diffs += UnifiedDiff.diff(old: String(decoding: old, as: UTF8.self), new: String(decoding: bytes, as: UTF8.self),
                                              oldName: shown, newName: shown + " (as run)")
                }
                if !diffs.isEmpty {
                    problems.insert("\(file): error: the notebook's outputs differ from a fresh run", at: 0)
                    Output.out(diffs)
                }
                for p in problems { Output.err(p + "\n") }
                failed = failed || !problems.isEmpty
                if problems.isEmpty { Output.out("\(file): ok\n") }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct HTML: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "html",
            abstract: "Render notebooks as standalone HTML pages with their figures.",
            discussion: """
            Writes OUT/NAME.html for each notebook NAME.md, and copies the local images its prose \
            links (figures/NAME.svg) into OUT at the same relative path; then OUT/index.html, a \
            contents page linking every page by its title (--title names it), unless a notebook \
            is itself named index. Nothing is run: run or check the notebooks first.

            Example:
              tipstat notebook html Notebooks-md/*.md --out report/notebooks --title "The council's analyses"
            """)

        @Argument(help: "Notebooks (Markdown files).")
        var files: [String]

        @Option(help: ArgumentHelp("Folder for the pages (created when missing).", valueName: "dir"))
        var out: String

        @Option(help: ArgumentHelp("The contents page's title.", valueName: "text"))
        var title = "Notebooks"

        func run() throws {
            FileSystem.makeDirectories(Console.current.outputPath(out))
            var pages: [(title: String, file: String)] = []
            for file in files {
                let source = try Source.read(file)
                let base = String((file.split(separator: "/").last ?? Substring(file)).dropLast(file.hasSuffix(".md") ? 3 : 0))
                pages.append((NotebookHTML.title(markdown: source.text, fallback: base), base + ".html"))
                try Output.write(Array(NotebookHTML.page(markdown: source.text, fallbackTitle: base).utf8),
                                 to: out + "/" + base + ".html", inputs: [file])
                for link in Notebook(text: source.text).imageLinks {
                    guard !link.path.hasPrefix("/"), !link.path.split(separator: "/").contains("..") else {
                        Output.err("\(file):\(link.line + 1): warning: the image \(link.path) lies outside the notebook's folder and is not copied\n")
                        continue
                    }
                    guard let bytes = FileSystem.read(Console.current.resolve(FileSystem.parent(of: file) + "/" + link.path)) else {
                        Output.err("\(file):\(link.line + 1): error: the image \(link.path) does not exist\n")
                        throw ExitCode(1)
                    }
                    let target = out + "/" + link.path
                    FileSystem.makeDirectories(FileSystem.parent(of: Console.current.outputPath(target)))
                    try Output.write(bytes, to: target)
                }
                Output.out("\(out)/\(base).html\n")
            }
            guard !pages.contains(where: { $0.file == "index.html" }) else { return }
            try Output.write(Array(NotebookHTML.index(title: title, pages: pages).utf8), to: out + "/index.html", inputs: files)
            Output.out("\(out)/index.html\n")
        }
    }
}
