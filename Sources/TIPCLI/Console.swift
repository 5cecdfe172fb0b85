#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import TIPTable

/// Where commands print. Commands never call `print`: they write to `Console.current`, which is
/// the process's stdout and stderr when `tipstat` runs, and a capture when a notebook runs
/// commands in-process.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// The folder relative paths are resolved from (a notebook's folder), nil for the process's.
    public var directory: String?

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, directory: String? = nil) {
        self.out = out
        self.err = err
        self.directory = directory
    }

    public static let standard = Console(
        out: { s in writeAll(1, s) },
        err: { s in writeAll(2, s) })

    @TaskLocal public static var current = Console.standard

    /// A path as given on the command line, resolved against the console's folder.
    public func resolve(_ path: String) -> String {
        guard let directory, !path.hasPrefix("/"), path != "-" else { return path }
        return directory + "/" + path
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
    /// why the reading stopped when it did (a syntax error, the error limit).
    static func problems(_ problems: [Problem], limit: Int = 200) {
        for p in problems.prefix(limit) { err(p.description + "\n") }
        if problems.count > limit, let last = problems.last {
            err("… and \(problems.count - limit) more problems, the last:\n\(last.description)\n")
        }
    }

    /// Writes a command's result to `path` atomically, or to stdout when no path is given.
    /// `inputs` are the files the command read; their metadata files were read too, and the
    /// output may land on none of them.
    static func emit(_ text: String, to path: String?, inputs: [String] = []) throws {
        guard let path else { out(text); return }
        let read = inputs.flatMap { [$0, TableMetadata.path(besides: $0)] }.map { Console.current.resolve($0) }
        do {
            try AtomicFile.write(text, to: Console.current.resolve(path), inputs: read)
        } catch {
            err(error.description + "\n")
            throw ExitCode(1)
        }
    }
}
