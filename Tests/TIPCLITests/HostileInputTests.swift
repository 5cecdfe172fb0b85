import Testing
import Foundation
import TIPPlatform

/// The hostile-input corpus (`Hostile/`, written by `Hostile/make-corpus.py`): every file is
/// refused with exit status 1 and the exact first message the manifest gives, no crash, and no
/// output file left behind.
@Suite struct HostileInputTests {
    static let folder = repositoryRoot + "/Tests/TIPCLITests/Hostile"

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let message: String
        var testDescription: String { file }
    }

    static let cases: [Case] = {
        let text = (try? String(contentsOfFile: folder + "/manifest.tsv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return Case(file: String(parts[0]), message: parts.count > 1 ? String(parts[1]) : "")
        }
    }()

    @Test func theCorpusIsLargeEnough() {
        #expect(HostileInputTests.cases.count >= 40)
    }

    @Test(arguments: cases)
    func refusedWithItsMessage(c: Case) throws {
        let r = try tipstat(["validate", "-q", c.file], in: HostileInputTests.folder)
        #expect(r.status == 1, "\(c.file): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").first.map(String.init) == c.message)
    }

    @Test(arguments: cases)
    func showWritesNoOutput(c: Case) throws {
        let out = NSTemporaryDirectory() + "tipstat-hostile-" + UUID().uuidString + ".csv"
        let r = try tipstat(["show", c.file, "--format", "csv", "-o", out], in: HostileInputTests.folder)
        #expect(r.status == 1, "\(c.file)")
        #expect(!FileManager.default.fileExists(atPath: out), "\(c.file)")
    }

    @Test func sixteenMegabyteField() throws {
        let dir = try scratchFolder([:])
        var data = Data("name,n\n\"".utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: 16 << 20))
        data.append(Data("\",1\n".utf8))
        try data.write(to: URL(fileURLWithPath: dir + "/big.csv"))
        let r = try tipstat(["validate", "-q", "big.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("big.csv:2:1: error: a field is larger than the limit of 1048576 bytes"))
        let raised = try tipstat(["validate", "-q", "--max-field-bytes", "20000000", "big.csv"], in: dir)
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    @Test func aMillionColumns() throws {
        let dir = try scratchFolder([:])
        var row = [UInt8]()
        row.reserveCapacity(2_000_001)
        for i in 0..<1_000_000 { if i > 0 { row.append(UInt8(ascii: ",")) }; row.append(UInt8(ascii: "1")) }
        row.append(10)
        try Data(row).write(to: URL(fileURLWithPath: dir + "/wide.csv"))
        let r = try tipstat(["validate", "-q", "wide.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "wide.csv:1:10001: error: the row has more than 10000 fields (raise the limit with --max-fields)\n")
    }

    /// Cases the file system makes: they cannot be committed as files.
    @Test func fileSystemCases() throws {
        let dir = try scratchFolder(["data.csv": "period,referrals\n2015,133\n"])
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/folder.csv", withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: dir + "/unreadable.csv", withDestinationPath: "/proc/self/mem")
        for name in ["meta-folder", "meta-fifo", "meta-device", "meta-huge"] {
            try fm.copyItem(atPath: dir + "/data.csv", toPath: "\(dir)/\(name).csv")
        }
        try fm.createDirectory(atPath: dir + "/meta-folder.csv-metadata.json", withIntermediateDirectories: false)
        #expect(mkfifo(dir + "/meta-fifo.csv-metadata.json", 0o600) == 0)
        try fm.createSymbolicLink(atPath: dir + "/meta-device.csv-metadata.json", withDestinationPath: "/dev/zero")
        // A metadata file past the 4 MiB limit: valid JSON, but no metadata is that large.
        let notes = "{\"notes\":[" + Array(repeating: "\"x\"", count: 1_100_000).joined(separator: ",") + "]}"
        try Data(notes.utf8).write(to: URL(fileURLWithPath: dir + "/meta-huge.csv-metadata.json"))
        // A last line of 1.5 MB with no line end.
        var long = Data("name\n".utf8)
        long.append(Data(repeating: UInt8(ascii: "x"), count: 1_500_000))
        try long.write(to: URL(fileURLWithPath: dir + "/long-last-line.csv"))

        let cases = [
            ("folder.csv", "folder.csv: error: is a directory, not a CSV file"),
            ("unreadable.csv", "unreadable.csv: error: cannot read the file: Input/output error"),
            ("missing.csv", "missing.csv: error: cannot open the file: No such file or directory"),
            ("/dev/zero", "/dev/zero:1:1: error: a field is larger than the limit of 1048576 bytes (raise it with --max-field-bytes)"),
            ("meta-folder.csv", "meta-folder.csv-metadata.json: error: the metadata path is a folder, not a JSON file"),
            ("meta-fifo.csv", "meta-fifo.csv-metadata.json: error: the metadata path is a device, pipe or socket, not a JSON file"),
            ("meta-device.csv", "meta-device.csv-metadata.json: error: the metadata path is a device, pipe or socket, not a JSON file"),
            ("meta-huge.csv", "meta-huge.csv-metadata.json: error: the metadata file is larger than the limit of 4194304 bytes (raise it with --max-metadata-bytes)"),
            ("long-last-line.csv", "long-last-line.csv:2:1: error: a field is larger than the limit of 1048576 bytes (raise it with --max-field-bytes)"),
        ]
        for (file, message) in cases {
            let r = try tipstat(["validate", "-q", file], in: dir)
            #expect(r.status == 1, "\(file)")
            #expect(r.stderr == message + "\n")
            let out = try tipstat(["show", file, "--format", "csv", "-o", "out.csv"], in: dir)
            #expect(out.status == 1 && !fm.fileExists(atPath: dir + "/out.csv"), "\(file)")
        }
        let raised = try tipstat(["validate", "-q", "--max-metadata-bytes", "10000000", "meta-huge.csv"], in: dir)
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    /// Every limit has its message and its option; a limit that is not positive is a usage error.
    @Test func limitsAreSettable() throws {
        let row = (1...20).map(String.init).joined(separator: ",") + "\n"
        let dir = try scratchFolder(["wide.csv": row + row, "file.csv": String(repeating: "a\n", count: 100)])
        let cases: [([String], String)] = [
            (["--max-fields", "10", "wide.csv"], "wide.csv:1:11: error: the row has more than 10 fields (raise the limit with --max-fields)\n"),
            (["--max-file-bytes", "199", "file.csv"], "file.csv: error: the file is larger than the limit of 199 bytes (raise it with --max-file-bytes)\n"),
            (["--max-field-bytes", "1", "wide.csv"], "wide.csv:1:10: error: a field is larger than the limit of 1 bytes (raise it with --max-field-bytes)\n"),
        ]
        for (arguments, message) in cases {
            let r = try tipstat(["validate", "-q"] + arguments, in: dir)
            #expect(r.status == 1 && r.stderr == message, "\(arguments)")
        }
        #expect(try tipstat(["validate", "-q", "--max-fields", "20", "--max-file-bytes", "200", "--max-field-bytes", "2", "wide.csv", "file.csv"], in: dir).status == 0)
        // Standard input has no size to check first: the limit stops it as it streams.
        let piped = try tipstat(["validate", "-q", "--max-file-bytes", "199", "-"], in: dir, stdin: String(repeating: "a\n", count: 100))
        #expect(piped.status == 1 && piped.stderr == "<stdin>: error: the file is larger than the limit of 199 bytes (raise it with --max-file-bytes)\n")
        // The error limit: the work on a file stops, and the last line says why.
        let bad = "period,referrals\n" + (1...1500).map { "\(1000 + $0),x\n" }.joined()
        try Data(bad.utf8).write(to: URL(fileURLWithPath: dir + "/bad.csv"))
        let stopped = try tipstat(["validate", "-q", "--schema", "referrals", "bad.csv"], in: dir)
        let lines = stopped.stderr.split(separator: "\n")
        #expect(stopped.status == 1 && lines.count == 202)
        #expect(lines.first == "bad.csv:2:2: error: column \"referrals\": expected an integer, found \"x\"")
        #expect(lines.suffix(2) == ["… and 801 more problems, the last:",
                                    "bad.csv: error: stopped after 1000 errors; fix these first (or raise the limit with --max-errors)"])
        let few = try tipstat(["validate", "-q", "--schema", "referrals", "--max-errors", "2", "bad.csv"], in: dir)
        #expect(few.stderr.split(separator: "\n").last == "bad.csv: error: stopped after 2 errors; fix these first (or raise the limit with --max-errors)")
        #expect(few.stderr.split(separator: "\n").count == 3)
        for option in ["--max-fields", "--max-file-bytes", "--max-field-bytes", "--max-metadata-bytes", "--max-errors"] {
            let r = try tipstat(["validate", option, "0", "wide.csv"], in: dir)
            #expect(r.status == 64 && r.stderr.hasPrefix("Error: the --max-* limits must be positive\n"), "\(option)")
        }
    }

    /// Memory stays bounded whatever the input: under a 100 MiB cap on the process's data
    /// (`ulimit -d`, heap and anonymous mappings), an endless input, a 16 MB field and a million
    /// columns end with their limit's message, not an allocation failure.
    @Test(.disabled(if: sanitizer != nil, "a sanitizer reserves terabytes of shadow memory, which ulimit -d forbids"))
    func memoryStaysBounded() throws {
        let dir = try scratchFolder([:])
        var big = Data("name\n\"".utf8)
        big.append(Data(repeating: UInt8(ascii: "y"), count: 16 << 20))
        try big.write(to: URL(fileURLWithPath: dir + "/big.csv"))
        let wide = Data((Array(repeating: "1", count: 1_000_000).joined(separator: ",") + "\n").utf8)
        try wide.write(to: URL(fileURLWithPath: dir + "/wide.csv"))
        let cases = [
            ("/dev/zero", "/dev/zero:1:1: error: a field is larger than the limit of 1048576 bytes (raise it with --max-field-bytes)\n"),
            ("big.csv", "big.csv:2:1: error: a field is larger than the limit of 1048576 bytes (raise it with --max-field-bytes)\n"),
            ("wide.csv", "wide.csv:1:10001: error: the row has more than 10000 fields (raise the limit with --max-fields)\n"),
        ]
        for (file, message) in cases {
            let r = try tipstat(["validate", "-q", file], in: dir, shellSetup: "ulimit -d 102400")
            #expect(r.status == 1 && r.stderr == message, "\(file): \(r.stderr)")
        }
        // Without the field limit, libcsv's buffer meets the cap: said so, not a crash.
        let unlimited = try tipstat(["validate", "-q", "--max-field-bytes", "1000000000", "/dev/zero"], in: dir, shellSetup: "ulimit -d 102400")
        #expect(unlimited.status == 1)
        #expect(unlimited.stderr.hasPrefix("/dev/zero:1:1: error: out of memory holding a field of "))
    }

    /// A file name from a shared folder or text from a metadata file cannot rewrite the terminal:
    /// control and bidi characters in problems print as escapes.
    @Test func terminalCannotBeRewritten() throws {
        let name = "x\u{1B}]0;pwned\u{7}\u{202E}.csv"
        let dir = try scratchFolder([
            "data/" + name: "period,referrals\n2015,x\n",
            "data/\(name)-metadata.json": #"{"tipstat:schema":"referrals"}"#,
            "meta.csv": "period\n2015\n",
            "meta.csv-metadata.json": #"{"tableSchema":{"columns":[{"name":"period","tipstat:type":"\u001b[2J"}]}}"#,
        ])
        let summary = try tipstat(["summary", "data"], in: dir)
        #expect(summary.status == 1)
        #expect(summary.stderr == "data/x\\u{1B}]0;pwned\\u{7}\\u{202E}.csv:2:2: error: column \"referrals\": expected an integer, found \"x\"\n")
        #expect(!summary.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" })
        let meta = try tipstat(["validate", "-q", "meta.csv"], in: dir)
        #expect(meta.stderr == "meta.csv-metadata.json: error: column \"period\": unknown tipstat:type \"\\u{1B}[2J\" (expected one of boolean, integer, double, percent, currency, date, period, string)\n")
    }

    /// A FIFO left in a shared folder (no writer) must not hang `summary`: it is named and
    /// skipped. A FIFO or pipe named on the command line is read (`<(command)`, `/dev/stdin`).
    @Test(.timeLimit(.minutes(1))) func fifoInAFolder() throws {
        let dir = try scratchFolder(["data/good.csv": "period,referrals\n2015,133\n"])
        #expect(mkfifo(dir + "/data/stuck.csv", 0o600) == 0)
        let summary = try tipstat(["summary", "data"], in: dir)
        #expect(summary.status == 1)
        #expect(summary.stderr == "data/stuck.csv: error: is not a regular file (a FIFO, device or socket): not read\n")
        let piped = try tipstat(["validate", "-q", "/dev/stdin"], in: dir, stdin: "period,referrals\n2015,133\n")
        #expect(piped.status == 0, "\(piped.stderr)")
    }
}
