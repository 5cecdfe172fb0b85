import Foundation

/// What a command-line tool printed and how it ended.
public struct ToolResult: Sendable {
    public var status: Int32
    /// Standard output, with standard error in order unless asked for apart.
    public var output: String
    /// Standard error, when asked for apart from the output.
    public var errors: String
}

/// A tool the checks need is not installed: the check fails with this, never passes silently.
public enum ToolError: Error, CustomStringConvertible {
    case missing(String, package: String)

    public var description: String {
        switch self {
        case let .missing(tool, package):
            return "\(tool) is not installed: the SVG checks need it (Debian package \(package); `make deps-test` installs it)"
        }
    }
}

/// Runs a command-line tool found on PATH, capturing stdout and stderr (together, or apart with
/// `separateErrors`) through files, so a large output never blocks the tool on a full pipe. A
/// missing tool is an error, so the check fails instead of passing silently; a tool still
/// running after `timeout` seconds is stopped and reported.
///
/// ```swift
/// let r = try runTool("xmllint", package: "libxml2-utils", arguments: ["--noout", "figure.svg"])
/// ```
public func runTool(_ tool: String, package: String, arguments: [String], separateErrors: Bool = false,
                    timeout: Double = 300) throws -> ToolResult {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { $0 + "/" + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else { throw ToolError.missing(tool, package: package) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let base = NSTemporaryDirectory() + "tipstat-\(tool)-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
    _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
    defer {
        try? FileManager.default.removeItem(atPath: base + ".out")
        try? FileManager.default.removeItem(atPath: base + ".err")
    }
    let out = FileHandle(forWritingAtPath: base + ".out"), err = FileHandle(forWritingAtPath: base + ".err")
    process.standardOutput = out
    process.standardError = separateErrors ? err : out
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        throw ToolTimeout(tool: tool, seconds: timeout)
    }
    process.waitUntilExit()
    try out?.close()
    try err?.close()
    func read(_ suffix: String) -> String { String(decoding: FileManager.default.contents(atPath: base + suffix) ?? Data(), as: UTF8.self) }
    return ToolResult(status: process.terminationStatus, output: read(".out"), errors: read(".err"))
}

/// A tool that did not finish in time.
public struct ToolTimeout: Error, CustomStringConvertible {
    public var tool: String
    public var seconds: Double
    public var description: String { "\(tool) did not finish within \(Int(seconds)) seconds" }
}

/// xmllint's verdict on an SVG file: nil when it parses cleanly, else the messages.
public func xmllintProblems(_ path: String) throws -> String? {
    let r = try runTool("xmllint", package: "libxml2-utils", arguments: ["--noout", path])
    return r.status == 0 && r.output.isEmpty ? nil : "xmllint exit \(r.status): \(r.output)"
}

/// rsvg-convert's verdict: nil when it renders to PNG with no message at all, else the messages.
public func rsvgProblems(_ path: String) throws -> String? {
    let png = path + ".png"
    defer { try? FileManager.default.removeItem(atPath: png) }
    let r = try runTool("rsvg-convert", package: "librsvg2-bin", arguments: ["-o", png, path])
    let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
    return r.status == 0 && r.output.isEmpty && size > 0 ? nil : "rsvg-convert exit \(r.status), \(size) bytes: \(r.output)"
}

/// An executable this package builds (`svg-layout-check`): beside the test bundle in the build
/// folder. The path is returned even when nothing is there, so running it fails loudly.
public func builtExecutable(_ name: String) -> String {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path,
        Bundle.main.bundleURL.appendingPathComponent(name).path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
}

/// Runs the executable at `path` and returns its exit status and standard output with standard
/// error after it, through a file (a large output never blocks it).
public func runExecutable(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = NSTemporaryDirectory() + "tipstat-run-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let handle = FileHandle(forWritingAtPath: out)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle?.close()
    return (process.terminationStatus, String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self))
}
