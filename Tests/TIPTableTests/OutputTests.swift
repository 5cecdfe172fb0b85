import Testing
import TIPTable
import TIPPlatform

@Suite struct OutputTests {
    let table = Table(name: "t", columns: [
        Column(name: "period", type: .period, values: [.period(Period(year: 2015)), .period(Period(parsing: "2016-01/2016-09")!)]),
        Column(name: "cases", type: .integer, values: [.integer(29), .missing]),
        Column(name: "note", type: .string, values: [.string("=HYPERLINK(\"x\")"), .string("a|b, \"c\"")]),
    ], rowLines: [2, 3])

    @Test func json() {
        #expect(TableRenderer.render(table, as: .json) ==
            #"{"columns":[{"name":"period","type":"period"},{"name":"cases","type":"integer"},{"name":"note","type":"string"}],"rows":[["2015",29,"=HYPERLINK(\"x\")"],["2016-01/2016-09",null,"a|b, \"c\""]]}"# + "\n")
    }

    @Test func csvNeutralisesFormulasAndQuotes() {
        #expect(TableRenderer.render(table, as: .csv) ==
            "period,cases,note\n2015,29,\"'=HYPERLINK(\"\"x\"\")\"\n2016-01/2016-09,,\"a|b, \"\"c\"\"\"\n")
        for lead in ["=", "+", "-", "@", "\t", "\r"] {
            #expect(CSVWriter.field(lead + "1+1", neutralise: true).contains("'" + lead))
        }
        #expect(CSVWriter.field("-5", neutralise: false) == "-5")
    }

    @Test func markdownEscapesPipes() {
        #expect(TableRenderer.render(table, as: .markdown) == """
        | period | cases | note |
        |---|---:|---|
        | 2015 | 29 | =HYPERLINK("x") |
        | 2016-01/2016-09 |  | a\\|b, "c" |

        """)
    }

    @Test func textTableAlignsAndMarksMissing() {
        #expect(TableRenderer.render(table, as: .table) == """
        period           cases  note
        ---------------  -----  ---------------
        2015                29  =HYPERLINK("x")
        2016-01/2016-09     NA  a|b, "c"

        """)
    }

    @Test func aWrapWidthWrapsTheLastTextColumnAndTheNotesWithAHangingIndent() {
        let quotes = Table(name: "t", columns: [
            Column(name: "period", type: .string, values: [.string("2014"), .string("2016")]),
            Column(name: "source", type: .string, values: [
                .string("Norwich Bulletin, 2016-02-14, quoting the council's report of 2016-01-06"), .string("short")]),
        ], rowLines: [2, 3])
        let text = TableRenderer.$wrapWidth.withValue(40) {
            TableRenderer.render(quotes, as: .table, notes: ["Note: one long note that runs on past the width of forty characters."])
        }
        #expect(text == """
        period  source
        ------  --------------------------------
        2014    Norwich Bulletin, 2016-02-14,
                quoting the council's report of
                2016-01-06
        2016    short
        Note: one long note that runs on past
          the width of forty characters.

        """)
        // No wrap width, the same table on one line per row, as always.
        #expect(TableRenderer.render(quotes, as: .table).split(separator: "\n").count == 4)
        // A numeric last column is never wrapped, and a column left less than 20 characters is not either.
        #expect(TableRenderer.$wrapWidth.withValue(10) { TableRenderer.render(table, as: .table) } == TableRenderer.render(table, as: .table))
        // Only the text format wraps.
        #expect(TableRenderer.$wrapWidth.withValue(40) { TableRenderer.render(quotes, as: .csv) } == TableRenderer.render(quotes, as: .csv))
    }

    @Test func jsonEscapesControls() {
        #expect(JSONValue.string("a\u{1}\u{2028}\"\\").rendered() == #""a\u0001\u2028\"\\""#)
        #expect(JSONValue.number(.nan).rendered() == "null")
        #expect(JSONValue.number(0.1).rendered() == "0.1")
    }

    @Test func atomicWriteReplacesOnlyOnSuccessAndProtectsInputs() throws {
        let dir = "/tmp/tipstat-atomic-\(getpid())"
        mkdir(dir, 0o755)
        defer { system("rm -rf '\(dir)'") }
        let target = dir + "/out.txt"
        try AtomicFile.write("first", to: target)
        try AtomicFile.write("second", to: target)
        #expect(readFile(target) == "second")
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: target, inputs: [target]) }
        #expect(readFile(target) == "second")
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: dir + "/missing/out.txt") }
        // No temporary file is left behind.
        #expect(listing(dir) == ["out.txt"])
    }

    func readFile(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var out = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n == 0 { break }
            out += buf[0..<n]
        }
        return String(decoding: out, as: UTF8.self)
    }

    func listing(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
