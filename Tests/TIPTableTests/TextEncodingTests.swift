import Foundation
import Testing
import TIPTable

/// Windows-1252 ("ANSI") files: transcoding against Foundation's own code page, and the loader,
/// the metadata and the streaming scan reading such a file as its UTF-8 twin.
@Suite struct TextEncodingTests {
    /// Every byte, against Foundation's Windows-1252; the five bytes the code page leaves
    /// unassigned become the C1 controls of the same value (the WHATWG index).
    @Test func everyByteMatchesFoundationsCodePage() throws {
        let unassigned: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        for byte in UInt8(0)...UInt8(255) {
            let ours = String(decoding: TextEncoding.windows1252.utf8([byte]), as: UTF8.self)
            if unassigned.contains(byte) {
                #expect(ours.unicodeScalars.map(\.value) == [UInt32(byte)], "\(byte)")
            } else {
                let foundation = try #require(String(data: Data([byte]), encoding: .windowsCP1252), "\(byte)")
                #expect(ours == foundation, "byte \(byte): \(ours) against \(foundation)")
            }
        }
        #expect(TextEncoding.utf8.utf8([0xE9]) == [0xE9])
    }

    @Test func labels() {
        #expect(TextEncoding(label: " Latin1 ") == .windows1252)
        #expect(TextEncoding(label: "ISO-8859-1") == .windows1252)
        #expect(TextEncoding(label: "cp1252") == .windows1252)
        #expect(TextEncoding(label: "UTF8") == .utf8)
        #expect(TextEncoding(label: "utf-16") == nil)
        #expect(TextEncoding(label: "") == nil)
    }

    static let ansi: [UInt8] = Array("town,count,note\r\n".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(",3,\"".utf8)
        + [0x93, 0x71, 0x94, 0x2C, 0x20, 0x80, 0x35] + Array("\"\r\nNorwalk,4,ok\r\n".utf8)
    static let utf8Twin = "town,count,note\r\nCafé,3,\"\u{201C}q\u{201D}, €5\"\r\nNorwalk,4,ok\r\n"

    @Test func theLoaderReadsAWindowsFileAsItsUTF8Twin() throws {
        let plain = load(bytes: Self.ansi)
        #expect(plain.problems.first?.description.hasPrefix("t.csv:2:1: error: column \"town\": the field is not valid UTF-8") == true)
        let read = load(bytes: Self.ansi, LoadOptions(encoding: .windows1252))
        let twin = load(Self.utf8Twin)
        #expect(read.problems.isEmpty)
        let table = try #require(read.table)
        let expected = try #require(twin.table)
        #expect(table.columns.map(\.name) == expected.columns.map(\.name))
        #expect(table.columns.map(\.values) == expected.columns.map(\.values))
        #expect(table["note"]?.values.first == .string("\u{201C}q\u{201D}, €5"))
        #expect(table.rowLines == [2, 3])
    }

    @Test func theMetadataNamesTheEncoding() throws {
        let dir = NSTemporaryDirectory() + "tipstat-encoding-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(Self.ansi).write(to: URL(fileURLWithPath: dir + "/a.csv"))
        try Data(#"{"url":"a.csv","dialect":{"encoding":"windows-1252"}}"#.utf8).write(to: URL(fileURLWithPath: dir + "/a.csv-metadata.json"))
        let read = TableLoader().load(.file(dir + "/a.csv", name: "a.csv"))
        #expect(read.problems.isEmpty)
        #expect(read.table?["town"]?.values == [.string("Café"), .string("Norwalk")])
        // The option wins over the metadata.
        let forced = TableLoader(options: LoadOptions(encoding: .utf8)).load(.file(dir + "/a.csv", name: "a.csv"))
        #expect(forced.problems.count == 2)
        try Data(#"{"url":"a.csv","dialect":{"encoding":"klingon"}}"#.utf8).write(to: URL(fileURLWithPath: dir + "/a.csv-metadata.json"))
        let unknown = TableLoader().load(.file(dir + "/a.csv", name: "a.csv"))
        #expect(unknown.table == nil)
        #expect(unknown.problems.map(\.description) == [
            "\(dir)/a.csv-metadata.json: error: the metadata gives an unknown encoding \"klingon\" (known: utf-8, windows-1252 (also cp1252, latin1, iso-8859-1))",
        ])
    }

    @Test func aUTF8FileIsNotTakenForWindowsText() {
        let bom = load(bytes: [0xEF, 0xBB, 0xBF] + Array("a\n1\n".utf8), LoadOptions(encoding: .windows1252))
        #expect(bom.problems.map(\.description) == [
            "t.csv: error: the file starts with a UTF-8 byte order mark: it is UTF-8, not windows-1252; read it without --encoding",
        ])
        let wide = load(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00], LoadOptions(encoding: .windows1252))
        #expect(wide.table == nil)
        #expect(wide.problems.first?.description.hasPrefix("t.csv: error: the file is UTF-16") == true)
    }

    @Test func theSizeLimitCountsTheFilesOwnBytes() {
        var options = LoadOptions(encoding: .windows1252)
        options.limits.maxFileBytes = Int64(Self.ansi.count - 1)
        #expect(load(bytes: Self.ansi, options).problems.map(\.description) == [
            "t.csv: error: the file is larger than the limit of \(Self.ansi.count - 1) bytes (raise it with --max-file-bytes)",
        ])
        options.limits.maxFileBytes = Int64(Self.ansi.count)
        #expect(load(bytes: Self.ansi, options).problems.isEmpty)
    }

    @Test("the streaming scan transcodes a file or a pipe, on one thread or two", arguments: [1, 2])
    func aggregateOverAWindowsFile(threads: Int) throws {
        let dir = NSTemporaryDirectory() + "tipstat-encoding-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var rows: [UInt8] = Array("town,count\n".utf8)
        for i in 0..<3000 { rows += (i % 3 == 0 ? [0x43, 0x61, 0x66, 0xE9] : Array("Norwalk".utf8)) + Array(",\(i % 7)\n".utf8) }
        try Data(rows).write(to: URL(fileURLWithPath: dir + "/a.csv"))
        var request = AggregateRequest(by: ["town"], count: true, sum: ["count"])
        request.encoding = .windows1252
        for input in [CSVInput.file(dir + "/a.csv", name: "a.csv"), .bytes(rows, name: "a.csv")] {
            let result = request.run(input, threads: threads, minimumPartBytes: 1024)
            #expect(result.problems.isEmpty, "\(result.problems)")
            let table = try #require(result.table)
            #expect(table["town"]?.values == [.string("Café"), .string("Norwalk")])
            #expect(table["count"]?.values == [.integer(1000), .integer(2000)])
            let cafe = (0..<3000).filter { $0 % 3 == 0 }.reduce(0) { $0 + $1 % 7 }
            #expect(table["sum_count"]?.values.first?.description == String(cafe))
        }
        // The size limit counts the file's own bytes, not the longer UTF-8.
        request.limits.maxFileBytes = Int64(rows.count)
        #expect(request.run(.file(dir + "/a.csv", name: "a.csv"), threads: threads).problems.isEmpty)
        request.limits.maxFileBytes = Int64(rows.count - 1)
        #expect(request.run(.file(dir + "/a.csv", name: "a.csv"), threads: threads).problems.map(\.description) == [
            "a.csv: error: the file is larger than the limit of \(rows.count - 1) bytes (raise it with --max-file-bytes)",
        ])
        request.limits = ReaderLimits()
        // Without the encoding, the é is an error at its cell.
        request.encoding = .utf8
        let plain = request.run(.file(dir + "/a.csv", name: "a.csv"), threads: threads)
        #expect(plain.table == nil)
        #expect(plain.problems.first?.description.hasPrefix("a.csv:2:1: error:") == true, "\(plain.problems)")
    }
}
