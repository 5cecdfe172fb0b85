import ArgumentParser
import Synchronization
import TIPNotebook
import TIPTable

/// Runs a `tipstat` command inside this process with its output captured, as a notebook needs:
/// the same parsing, messages and exit statuses as the binary, with paths resolved against the
/// notebook's folder (and written into the overlay during a check).
enum InProcessRun {
    /// Text appended from the command's two streams, which may write from several threads
    /// (a parallel scan reports progress while the main thread prints).
    final class Capture: Sendable {
        private let streams = Mutex((out: "", err: ""))

        func append(_ s: String, error: Bool) {
            streams.withLock { if error { $0.err += s } else { $0.out += s } }
        }

        var texts: (String, String) { streams.withLock { ($0.out, $0.err) } }
    }

    /// Help, tables' last columns and notes are wrapped at this width whatever the terminal, so
    /// notebook output is the same on every machine and reads without scrolling.
    static let outputColumns = 100

    static func run(_ arguments: [String], directory: String?, overlay: String?) -> CommandOutcome {
        let capture = Capture()
        let console = Console(out: { capture.append($0, error: false) }, err: { capture.append($0, error: true) },
                              directory: directory, overlay: overlay)
        let status: Int32 = Console.$current.withValue(console) { TableRenderer.$wrapWidth.withValue(outputColumns) {
            do {
                var command = try TIPStatCommand.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                let code = TIPStatCommand.exitCode(for: error).rawValue
                let message = TIPStatCommand.fullMessage(for: error, columns: outputColumns)
                if !message.isEmpty { capture.append(message + "\n", error: code != 0) }
                return code
            }
        } }
        let (out, err) = capture.texts
        return CommandOutcome(status: status, stdout: out, stderr: err)
    }
}
