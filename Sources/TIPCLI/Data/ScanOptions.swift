import ArgumentParser
import TIPTable

/// Options of the commands that stream large files: threads and the progress bar.
struct ScanOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Threads reading the file (default: all cores). Results do not depend on it.", valueName: "n"))
    var threads: Int?

    @Flag(name: .shortAndLong, help: "No progress bar.")
    var quiet = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var threadCount: Int { threads ?? ParallelScan.processorCount }

    /// Runs `body` with a progress bar on stderr when stderr is a terminal and not --quiet.
    func withProgress<T>(_ body: (ScanProgress?) -> T) -> T {
        guard !quiet, Console.current.errIsTerminal else { return body(nil) }
        let progress = ScanProgress()
        let bar = ProgressBar(progress: progress, write: Console.current.err)
        bar.start()
        defer { bar.stop() }
        return body(progress)
    }
}
