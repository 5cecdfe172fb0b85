#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one command printed and how it ended.
public struct CommandOutcome: Sendable, Hashable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs the commands of a notebook in order and produces the notebook with its outputs
/// rewritten. The runner knows nothing of the commands: `execute` runs one (the words after
/// `tipstat`) in-process, with paths resolved against the notebook's folder, and returns what
/// it printed. Only `tipstat` commands run, never a shell; a notebook cannot run notebooks.
///
/// A block's output block holds what its commands print to standard output, then what they
/// print to standard error. A command that fails (non-zero exit) ends its block: the output
/// block shows the command, its exit status, its messages and the notebook's line, and later
/// blocks still run.
///
/// ```swift
/// let runner = NotebookRunner(name: "hotline.md", directory: "Notebooks-md") { args in
///     CommandOutcome(status: 0, stdout: "ran \(args)\n", stderr: "")
/// }
/// let result = runner.run(Notebook(text: text))
/// result.failures   // [] when every command succeeded
/// result.text       // the notebook with its output blocks rewritten
/// ```
public struct NotebookRunner: Sendable {
    /// One failed block: its 1-based notebook line and what went wrong.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): error: \(message)" }
    }

    public struct Result: Sendable {
        /// The notebook with every output block rewritten.
        public var text: String
        public var failures: [Failure]
    }

    /// The notebook's name in messages.
    public var name: String
    /// The notebook's folder: glob patterns expand against it.
    public var directory: String
    public var execute: @Sendable ([String]) -> CommandOutcome

    public init(name: String, directory: String, execute: @escaping @Sendable ([String]) -> CommandOutcome) {
        self.name = name
        self.directory = directory
        self.execute = execute
    }

    public func run(_ notebook: Notebook) -> Result {
        var outputs: [[String]?] = []
        var failures: [Failure] = []
        // Messages name lines of the rewritten notebook, so that a run of it is stable.
        var offset = 0
        for cell in notebook.cells {
            let (lines, failure) = run(cell, offset: offset)
            outputs.append(lines)
            offset += notebook.shift(cell, lines)
            if let failure { failures.append(failure) }
        }
        return Result(text: notebook.rewriting(outputs: outputs), failures: failures)
    }

    /// Runs one cell: its output lines (nil when nothing was printed) and its failure, if any.
    /// `offset` is how far the cell has moved in the rewritten notebook.
    func run(_ cell: Notebook.Cell, offset: Int) -> ([String]?, Failure?) {
        let firstLine = cell.block.openLine + 1 + offset
        let commands: [CommandWords.Command]
        do {
            commands = try CommandWords.split(cell.block.content, firstLine: firstLine)
        } catch {
            return fail(line: error.line, command: nil, message: error.message, printed: "")
        }
        var printed = ""
        for command in commands {
            guard command.words.first == "tipstat" else {
                return fail(line: command.line, command: command.text,
                            message: "only tipstat commands run in a notebook (this line starts with \(quoted(command.words.first ?? "")))",
                            printed: printed)
            }
            guard command.words.dropFirst().first != "notebook" else {
                return fail(line: command.line, command: command.text,
                            message: "a notebook cannot run notebooks", printed: printed)
            }
            var arguments: [String] = []
            for (i, word) in command.words.enumerated().dropFirst() {
                guard command.globs.contains(i) else { arguments.append(word); continue }
                let matches = expand(word)
                guard !matches.isEmpty else {
                    return fail(line: command.line, command: command.text,
                                message: "no file matches \(quoted(word)) (relative to \(directory))", printed: printed)
                }
                arguments += matches
            }
            let outcome = execute(arguments)
            printed += outcome.stdout + outcome.stderr
            guard outcome.status == 0 else {
                return fail(line: command.line, command: command.text,
                            message: "the command exited with status \(outcome.status)", printed: printed)
            }
        }
        return (printed.isEmpty ? nil : printed.textLines, nil)
    }

    func fail(line: Int, command: String?, message: String, printed: String) -> ([String]?, Failure) {
        let failure = Failure(file: name, line: line + 1, message: message)
        var shown = printed.isEmpty ? [] : printed.textLines
        shown.append("error: \(name):\(line + 1): \(message)")
        if let command { shown.append("  in: \(command)") }
        return (shown, failure)
    }


    func quoted(_ s: String) -> String { "\u{201C}\(s)\u{201D}" }

    /// A glob pattern's matches relative to the notebook's folder, sorted; none when nothing matches.
    func expand(_ pattern: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let full = absolute ? pattern : directory + "/" + pattern
        var g = glob_t()
        defer { globfree(&g) }
        guard glob(full, 0, nil, &g) == 0 else { return [] }
        var matches: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            guard let p = g.gl_pathv[i] else { continue }
            let path = String(cString: p)
            matches.append(absolute ? path : String(path.dropFirst(directory.count + 1)))
        }
        return matches.sorted()
    }
}
