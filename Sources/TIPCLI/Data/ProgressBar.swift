import Dispatch
import TIPTable

/// A one-line progress bar for long scans, redrawn in place on a terminal's stderr: percent,
/// bytes, rows, rate and estimated time left. It appears only after half a second, so short
/// runs print nothing, and erases itself when the scan ends.
///
/// ```swift
/// let bar = ProgressBar(progress: progress, write: Console.current.err)
/// bar.start(); defer { bar.stop() }
/// ```
final class ProgressBar: @unchecked Sendable {
    private let progress: ScanProgress
    private let write: @Sendable (String) -> Void
    /// Timer callbacks and `stop` run on this queue, one at a time: the state below is only
    /// touched there.
    private let queue = DispatchQueue(label: "tipstat.progress")
    private var timer: DispatchSourceTimer?
    private var drawn = false
    private let started = DispatchTime.now()

    init(progress: ScanProgress, write: @escaping @Sendable (String) -> Void) {
        self.progress = progress
        self.write = write
    }

    func start() {
        let t = DispatchSource.makeTimerSource(queue: queue)
        t.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(200))
        t.setEventHandler { [self] in draw() }
        timer = t
        t.resume()
    }

    func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            // Carriage return, then erase to the end of the line (ANSI EL).
            if drawn { write("\r\u{1B}[K") }
        }
    }

    private func draw() {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        write("\r" + ProgressBar.line(bytes: progress.bytes, total: progress.totalBytes, rows: progress.records, seconds: seconds) + "\u{1B}[K")
        drawn = true
    }

    /// The text of the bar, short enough for an 80-column terminal.
    static func line(bytes: Int, total: Int, rows: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(bytes) / seconds : 0
        var parts: [String] = []
        if total > 0 {
            let fraction = min(1, Double(bytes) / Double(total))
            let width = 10
            let filled = Int(fraction * Double(width))
            parts.append(formatFixed(fraction * 100, decimals: 0).leftPadded(3) + "% [" + String(repeating: "#", count: filled)
                         + String(repeating: " ", count: width - filled) + "]")
            parts.append(formatFixed(Double(bytes) / 1e6, decimals: 1) + "/" + megabytes(total))
        } else {
            parts.append(megabytes(bytes))
        }
        parts.append(groupThousands(rows) + " rows")
        parts.append(megabytes(Int(rate)) + "/s")
        if total > 0 && rate > 0 {
            let left = Int((Double(total - bytes) / rate).rounded(.up))
            parts.append("ETA " + String(left / 60) + ":" + String(left % 60).leftPadded(2, with: "0"))
        }
        return parts.joined(separator: "  ")
    }

    private static func megabytes(_ n: Int) -> String { formatFixed(Double(n) / 1e6, decimals: 1) + " MB" }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
