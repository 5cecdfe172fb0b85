import Foundation

/// The repository's root, from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// The built `tipstat` binary: beside the test bundle in the build folder.
let tipstatBinary: String = {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tipstat").path,
        Bundle.main.bundleURL.appendingPathComponent("tipstat").path,
        repositoryRoot + "/.build/debug/tipstat",
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built binary, as a user would, in `directory` (default: the repository root).
/// `shellSetup`, when given, is run by `/bin/sh` first (`ulimit -d 102400`), the binary then
/// replacing the shell, so that its limits apply to the binary alone.
func tipstat(_ arguments: [String], in directory: String = repositoryRoot, stdin: String? = nil,
             shellSetup: String? = nil) throws -> RunResult {
    let process = Process()
    if let shellSetup {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", shellSetup + "; exec \"$0\" \"$@\"", tipstatBinary] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: tipstatBinary)
        process.arguments = arguments
    }
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    // Each run hashes with its own random seed, as a user's does: a result that depends on
    // the order of a Set or Dictionary then differs between runs, and the determinism tests see it.
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_DETERMINISTIC_HASHING"] = nil
    process.environment = environment
    // Output goes to files, so a large output can never block the child on a full pipe.
    let base = NSTemporaryDirectory() + "tipstat-run-" + UUID().uuidString
    FileManager.default.createFile(atPath: base + ".out", contents: nil)
    FileManager.default.createFile(atPath: base + ".err", contents: nil)
    defer { try? FileManager.default.removeItem(atPath: base + ".out"); try? FileManager.default.removeItem(atPath: base + ".err") }
    let input = Pipe()
    process.standardOutput = FileHandle(forWritingAtPath: base + ".out")
    process.standardError = FileHandle(forWritingAtPath: base + ".err")
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    let outData = FileManager.default.contents(atPath: base + ".out") ?? Data()
    let errData = FileManager.default.contents(atPath: base + ".err") ?? Data()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder holding the given files (names may include subfolders).
func scratchFolder(_ files: [String: String]) throws -> String {
    let dir = NSTemporaryDirectory() + "tipstat-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (name, text) in files {
        let url = URL(fileURLWithPath: dir + "/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return dir
}

/// The sanitizer this test process (and so the binary beside it) is built with under
/// `make sanitize`, found by its runtime's entry point; nil in an ordinary build.
let sanitizer: String? = [("__asan_init", "AddressSanitizer"), ("__tsan_init", "ThreadSanitizer")]
    .first { dlsym(UnsafeMutableRawPointer(bitPattern: 0), $0.0) != nil }?.1
