import Foundation

/// What a command-line tool printed and how it ended.
public struct ToolResult: Sendable {
    public var status: Int32
    /// Standard output and standard error together, in order.
    public var output: String
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

/// Runs a command-line tool found on PATH, capturing stdout and stderr together (through a file,
/// so a large output never blocks the tool on a full pipe). A missing tool is an error, so the
/// check fails instead of passing silently.
///
/// ```swift
/// let r = try runTool("xmllint", package: "libxml2-utils", arguments: ["--noout", "figure.svg"])
/// ```
public func runTool(_ tool: String, package: String, arguments: [String]) throws -> ToolResult {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { $0 + "/" + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else { throw ToolError.missing(tool, package: package) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let log = NSTemporaryDirectory() + "tipstat-\(tool)-\(UUID().uuidString).log"
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: log) }
    let handle = FileHandle(forWritingAtPath: log)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle?.close()
    let output = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
    return ToolResult(status: process.terminationStatus, output: output)
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
