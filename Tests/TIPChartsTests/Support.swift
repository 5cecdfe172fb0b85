import Foundation

/// The package root, from this file's path.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

let goldenDirectory = packageRoot + "/Tests/TIPChartsTests/Golden"

struct ToolResult {
    var status: Int32
    var output: String
}

enum ToolError: Error, CustomStringConvertible {
    case missing(String, package: String)

    var description: String {
        switch self {
        case let .missing(tool, package):
            return "\(tool) is not installed: the SVG checks need it (Debian package \(package); `make deps-test` installs it)"
        }
    }
}

/// Runs a command-line tool found on PATH with `input` as a file argument, capturing stdout and
/// stderr together. A missing tool is an error, so the check fails instead of passing silently.
func runTool(_ tool: String, package: String, arguments: [String]) throws -> ToolResult {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { $0 + "/" + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else { throw ToolError.missing(tool, package: package) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let log = NSTemporaryDirectory() + "tipcharts-\(tool)-\(UUID().uuidString).log"
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

/// Writes `svg` to a temporary file and returns its path.
func temporarySVG(_ svg: String, name: String) throws -> String {
    let path = NSTemporaryDirectory() + "tipcharts-\(name)-\(UUID().uuidString).svg"
    try Data(svg.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// xmllint's verdict on an SVG file: nil when it parses cleanly, else the messages.
func xmllintProblems(_ path: String) throws -> String? {
    let r = try runTool("xmllint", package: "libxml2-utils", arguments: ["--noout", path])
    return r.status == 0 && r.output.isEmpty ? nil : "xmllint exit \(r.status): \(r.output)"
}

/// rsvg-convert's verdict: nil when it renders to PNG with no message at all, else the messages.
func rsvgProblems(_ path: String) throws -> String? {
    let png = path + ".png"
    defer { try? FileManager.default.removeItem(atPath: png) }
    let r = try runTool("rsvg-convert", package: "librsvg2-bin", arguments: ["-o", png, path])
    let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
    return r.status == 0 && r.output.isEmpty && size > 0 ? nil : "rsvg-convert exit \(r.status), \(size) bytes: \(r.output)"
}
