import TIPPlatform
import ArgumentParser
import TIPTable
import TIPAnalysis
import TIPText

/// Where commands print. Commands never call `print`: they write to `Console.current`, which is
/// the process's stdout and stderr when `tipstat` runs, and a capture when a notebook runs
/// commands in-process.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// The folder relative paths are resolved from (a notebook's folder), nil for the process's.
    public var directory: String?
    /// When set (`tipstat notebook check`), files are written under this folder instead of in
    /// place, at their absolute path below it, and a file written earlier in the run is read
    /// from there: a notebook runs completely without changing anything on disk.
    public var overlay: String?
    /// `err` is a terminal: progress bars may be drawn on it.
    public var errIsTerminal: Bool

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                directory: String? = nil, overlay: String? = nil, errIsTerminal: Bool = false) {
        self.out = out
        self.err = err
        self.directory = directory
        self.overlay = overlay
        self.errIsTerminal = errIsTerminal
    }

    public static let standard = Console(
        out: { s in writeAll(1, s) },
        err: { s in writeAll(2, s) },
        errIsTerminal: isatty(2) != 0)

    @TaskLocal public static var current = Console.standard

    /// A path as given on the command line, resolved against the console's folder.
    func joined(_ path: String) -> String {
        guard let directory, !path.hasPrefix("/"), path != "-" else { return path }
        return directory + "/" + path
    }

    /// Where to read a path given on the command line: resolved against the console's folder,
    /// and taken from the overlay when the run has written it there.
    public func resolve(_ path: String) -> String {
        let p = joined(path)
        guard let mirrored = mirrored(p), FileSystem.isFile(mirrored) else { return p }
        return mirrored
    }

    /// Where to write a path given on the command line: resolved against the console's folder,
    /// or its place in the overlay. The overlay's folders are made only where the real ones
    /// exist, so that a write fails in the overlay as it would have in place.
    public func outputPath(_ path: String) -> String {
        let p = joined(path)
        guard let mirrored = mirrored(p) else { return p }
        if FileSystem.isDirectory(FileSystem.parent(of: p)) { FileSystem.makeDirectories(FileSystem.parent(of: mirrored)) }
        return mirrored
    }

    /// A file named on the command line as an input to read: resolved as ``resolve(_:)`` says,
    /// named in messages as the user wrote it (`<stdin>` for `-`).
    public func input(_ path: String) -> CSVInput {
        .file(resolve(path), name: path == "-" ? "<stdin>" : path)
    }

    /// The overlay's copy of a path: the overlay folder followed by the path made absolute.
    func mirrored(_ path: String) -> String? {
        guard let overlay, path != "-" else { return nil }
        return overlay + FileSystem.absolute(path)
    }
}

/// Writes all of `s` to a file descriptor (stdout 1, stderr 2), retrying short writes.
func writeAll(_ fd: Int32, _ s: String) {
    var bytes = Array(s.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
    }
}

/// Printing helpers for commands.
enum Output {
    static func out(_ s: String) { Console.current.out(s) }
    static func err(_ s: String) { Console.current.err(s) }

    /// Prints the first `limit` problems; past that, how many more and the last one, which says
    /// why the reading stopped when it did (a syntax error, the error limit). `total` counts
    /// problems found but not kept (a scan keeps only the first ones).
    static func problems(_ problems: [Problem], limit: Int = 200, total: Int? = nil) {
        for p in problems.prefix(limit) { err(p.description + "\n") }
        let shown = Swift.min(limit, problems.count)
        let more = Swift.max(total ?? problems.count, problems.count) - shown
        guard more > 0 else { return }
        if problems.count > limit, let last = problems.last {
            err("… and \(more) more problems, the last:\n\(last.description)\n")
        } else {
            err("… and \(more) more problems\n")
        }
    }

    /// Prints why an analysis could not be done, as `FILE: error: MESSAGE` (or `error: MESSAGE`
    /// when no file is involved), and gives the exit status of a data problem to throw.
    static func failure(_ message: String, file: String? = nil) -> ExitCode {
        err(TerminalText.escaped((file.map { "\($0): " } ?? "") + "error: " + message) + "\n")
        return ExitCode(1)
    }

    /// Prints why an analysis was not done: its input's problems, then its message with
    /// arguments named as options; gives the exit status to throw.
    static func failure(_ error: AnalysisError) -> ExitCode {
        problems(error.problems)
        if let text = error.text(naming: optionName) { err(TerminalText.escaped(text) + "\n") }
        return ExitCode(1)
    }

    /// Writes a command's result to `path` atomically, or to stdout when no path is given.
    /// `inputs` are the files the command read; their metadata files were read too, and the
    /// output may land on none of them.
    static func emit(_ text: String, to path: String?, inputs: [String] = []) throws {
        guard let path else { out(text); return }
        try write(Array(text.utf8), to: path, inputs: inputs)
    }

    /// Writes a file atomically at a path given on the command line (through the console, so a
    /// notebook check writes into its overlay); a failure is reported under the path as given.
    /// `inputs` are the files the command read; their metadata files were read too, and the
    /// output may land on none of them.
    static func write(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws {
        let read = inputs.flatMap { [$0, TableMetadata.path(besides: $0)] }.map { Console.current.resolve($0) }
        do {
            try AtomicFile.write(bytes, to: Console.current.outputPath(path), inputs: read)
        } catch {
            err(TerminalText.escaped("\(path): error: \(error.reason)") + "\n")
            throw ExitCode(1)
        }
    }
}
