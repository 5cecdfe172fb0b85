import Testing
import Foundation

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
}
