import Testing
import Foundation
import TIPPlatform

/// `-o FILE` end to end with the built binary: an input is never overwritten however the path
/// reaches it, an existing output is replaced only on success, nothing is left behind when a
/// write fails, and a folder that cannot take the file is said so.
@Suite struct OutputSafetyTests {
    static let referrals = "period,referrals\n2015,133\n2016,151\n"
    static let metadata = #"{"tipstat:schema":"referrals"}"#
    /// `show --format csv` of `referrals`: the typed table written back.
    static let referralsCSV = "period,referrals\n2015,133\n2016,151\n"

    /// A folder with `in.csv`, its metadata, a symbolic link and a hard link to it.
    func folderWithInput() throws -> String {
        let dir = try scratchFolder(["in.csv": Self.referrals, "in.csv-metadata.json": Self.metadata])
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: "in.csv")
        #expect(link(dir + "/in.csv", dir + "/hard.csv") == 0)
        return dir
    }

    func listing(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("-o onto the input is refused, however the path names it", arguments: [
        ("in.csv", "in.csv"), ("./in.csv", "in.csv"), ("../FOLDER/in.csv", "in.csv"), ("link.csv", "in.csv"),
        ("hard.csv", "in.csv"), ("in.csv-metadata.json", "in.csv-metadata.json"),
    ])
    func outputOntoAnInput(target: String, input: String) throws {
        let dir = try folderWithInput()
        let path = target.replacing("FOLDER", with: URL(fileURLWithPath: dir).lastPathComponent)
        let before = try listing(dir)
        let r = try tipstat(["show", "in.csv", "--format", "csv", "-o", path], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "\(path): error: refusing to write the output onto the input file \(input)\n")
        #expect(contents(dir + "/in.csv") == Self.referrals)
        #expect(contents(dir + "/in.csv-metadata.json") == Self.metadata)
        #expect(try listing(dir) == before)
    }

    @Test("summary -o onto one of the datasets it read is refused")
    func summaryOntoADataset() throws {
        let dir = try scratchFolder(["data/referrals.csv": Self.referrals, "data/referrals.csv-metadata.json": Self.metadata])
        let r = try tipstat(["summary", "data", "-o", "data/referrals.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "data/referrals.csv: error: refusing to write the output onto the input file data/referrals.csv\n")
        #expect(contents(dir + "/data/referrals.csv") == Self.referrals)
    }

    @Test("an existing output is replaced only on success, and keeps its permissions")
    func replacedOnlyOnSuccess() throws {
        let dir = try scratchFolder(["good.csv": Self.referrals, "bad.csv": "period,referrals\n2015,x\n", "out.csv": "precious\n"])
        #expect(chmod(dir + "/out.csv", 0o640) == 0)
        let before = try listing(dir)
        let failed = try tipstat(["show", "bad.csv", "--schema", "referrals", "--format", "csv", "-o", "out.csv"], in: dir)
        #expect(failed.status == 1)
        #expect(failed.stderr == "bad.csv:2:2: error: column \"referrals\": expected an integer, found \"x\"\n")
        #expect(contents(dir + "/out.csv") == "precious\n")
        #expect(try listing(dir) == before)

        let ok = try tipstat(["show", "good.csv", "--format", "csv", "-o", "out.csv"], in: dir)
        #expect(ok.status == 0 && ok.stderr.isEmpty && ok.stdout.isEmpty)
        #expect(contents(dir + "/out.csv") == Self.referralsCSV)
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/out.csv")[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try listing(dir) == before)
    }

    @Test("a write that fails half-way (file size limit) leaves the old output and no temporary file",
          .disabled(if: sanitizer == "ThreadSanitizer", "ThreadSanitizer's own file mappings fail under ulimit -f"))
    func failedWriteLeavesNothing() throws {
        // 200 rows make an output of about 2 kB, beyond `ulimit -f 1` (512 bytes).
        let rows = (1800..<2000).map { "\($0),\($0 - 1700)\n" }.joined()
        let dir = try scratchFolder(["in.csv": "period,referrals\n" + rows, "out.csv": "precious\n"])
        let before = try listing(dir)
        // SIGXFSZ ignored, so that the write fails with EFBIG instead of killing the process.
        let r = try tipstat(["show", "in.csv", "--format", "csv", "-o", "out.csv"], in: dir, shellSetup: "trap '' XFSZ; ulimit -f 1")
        #expect(r.status == 1)
        #expect(r.stderr == "out.csv: error: cannot write: File too large\n")
        #expect(contents(dir + "/out.csv") == "precious\n")
        #expect(try listing(dir) == before)
    }

    @Test("a symbolic link as output stays a link; the file it points to is replaced")
    func outputThroughALink() throws {
        let dir = try scratchFolder(["in.csv": Self.referrals, "real/out.csv": "old\n"])
        try FileManager.default.createSymbolicLink(atPath: dir + "/out.csv", withDestinationPath: "real/out.csv")
        let r = try tipstat(["show", "in.csv", "--format", "csv", "-o", "out.csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/out.csv") == "real/out.csv")
        #expect(contents(dir + "/real/out.csv") == Self.referralsCSV)
        #expect(try listing(dir + "/real") == ["out.csv"])
    }

    @Test("a pipe as output is written through and stays a pipe")
    func outputIntoAFIFO() throws {
        let dir = try scratchFolder(["in.csv": Self.referrals])
        let fifo = dir + "/out.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reading end, open before the writer so that the writer's open does not wait.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let r = try tipstat(["show", "in.csv", "--format", "csv", "-o", "out.fifo"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(reader, &buffer, buffer.count)
        #expect(n > 0 && String(decoding: buffer[0..<max(n, 0)], as: UTF8.self) == Self.referralsCSV)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a folder that cannot take the output is named, with the reason")
    func unusableFolders() throws {
        let dir = try scratchFolder(["in.csv": Self.referrals])
        // Root writes anywhere permissions allow nothing; sysfs refuses new files even to root.
        let readOnly: String
        if geteuid() == 0 {
            readOnly = "/sys/kernel"
        } else {
            readOnly = dir + "/locked"
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
            #expect(chmod(readOnly, 0o555) == 0)
        }
        let cases = [
            ("missing/out.csv", "missing/out.csv: error: cannot write the output: the folder missing does not exist\n"),
            ("in.csv/out.csv", "in.csv/out.csv: error: cannot write the output: in.csv is not a folder\n"),
            (readOnly + "/out.csv", "\(readOnly)/out.csv: error: cannot write the output: the folder \(readOnly) is not writable (Permission denied)\n"),
            ("out/", "out/: error: the output path names a folder, not a file\n"),
            (".", ".: error: the output path is a folder\n"),
        ]
        for (target, message) in cases {
            let r = try tipstat(["show", "in.csv", "-o", target], in: dir)
            #expect(r.status == 1, "\(target)")
            #expect(r.stderr == message)
        }
        #expect(try listing(dir).filter { $0 != "locked" } == ["in.csv"])
    }
}
