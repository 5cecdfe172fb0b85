import Testing
import Foundation
@testable import TIPTable

/// Writes `text` to a new temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "data.csv") throws -> String {
    let dir = NSTemporaryDirectory() + "tipstat-aggregate-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = dir + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// A deterministic case-level file: quoted towns with commas, some with line breaks, blank
/// ages, amounts with cents, statutes and years.
func caseFile(rows: Int, seed: UInt64, multiLineEvery: Int = 7) -> String {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    let statutes = ["53a-192a", "53a-82", "53a-83(c)", "53-21"]
    let towns = ["Hartford", "\"Windsor, CT\"", "\"Groton,\nNew London County\"", "\"say \"\"hi\"\"\""]
    var text = "case_id,statute,year,town,age,amount\n"
    for i in 0..<rows {
        let r = next()
        let town = i % multiLineEvery == 0 ? towns[2] : towns[Int(r % 4) == 2 ? 1 : Int(r % 4)]
        let age = r % 5 == 0 ? "" : String(16 + r % 40)
        let cents = Int(next() % 100_000)
        let amount = r % 11 == 0 ? "NA" : "\(cents / 100).\(String(cents % 100).count == 1 ? "0" : "")\(cents % 100)"
        text += "C\(i),\(statutes[Int(next() % 4)]),\(2010 + Int(next() % 8)),\(town),\(age),\(amount)\n"
    }
    return text
}

@Suite struct AggregateTests {
    @Test("counts, sums and missing values agree with a group-by over the loaded table")
    func agreesWithTableLoader() throws {
        let path = try temporaryFile(caseFile(rows: 3000, seed: 42))
        var request = AggregateRequest(by: ["statute", "year"], count: true, sum: ["amount"], min: ["age"], max: ["age"])
        request.mean = ["amount"]
        let result = request.run(.path(path), threads: 1)
        #expect(result.problems.isEmpty)
        let table = try #require(result.table)

        // Independent: TableLoader types the whole file; sums in integer cents.
        let loaded = try #require(TableLoader().load(.path(path)).table)
        var expected: [String: (count: Int, cents: Int, missing: Int, minAge: Int?, maxAge: Int?)] = [:]
        for r in 0..<loaded.rowCount {
            let key = "\(loaded["statute"]!.values[r])|\(loaded["year"]!.values[r])"
            var e = expected[key] ?? (0, 0, 0, nil, nil)
            e.count += 1
            if let amount = loaded["amount"]!.values[r].number { e.cents += Int((amount * 100).rounded()) } else { e.missing += 1 }
            if let age = loaded["age"]!.values[r].integer {
                e.minAge = min(e.minAge ?? age, age)
                e.maxAge = max(e.maxAge ?? age, age)
            }
            expected[key] = e
        }
        #expect(table.rowCount == expected.count)
        for r in 0..<table.rowCount {
            let key = "\(table["statute"]!.values[r])|\(table["year"]!.values[r])"
            let e = try #require(expected[key])
            #expect(table["count"]!.values[r] == .integer(e.count))
            #expect(table["sum_amount"]!.values[r] == .double(Double(e.cents) / 100))
            #expect(table["missing_amount"]!.values[r] == .integer(e.missing))
            #expect(table["min_age"]!.values[r] == e.minAge.map(Value.integer) ?? .missing)
            #expect(table["max_age"]!.values[r] == e.maxAge.map(Value.integer) ?? .missing)
            let n = e.count - e.missing
            #expect(table["mean_amount"]!.values[r] == .double(Double(e.cents) / 100 / Double(n)))
        }
        #expect(table["year"]!.type == .integer)
    }

    @Test("keys are typed: years sort as numbers, 1,841 and 1841 are one key, missing keys sort last")
    func typedKeyOrder() throws {
        let path = try temporaryFile("k,v\n2016,1\n9,2\n\"1,841\",3\nNA,4\n1841,5\n10,6\n,7\n")
        let table = try #require(AggregateRequest(by: ["k"], count: true, sum: ["v"]).run(.path(path)).table)
        #expect(table["k"]!.type == .integer)
        #expect(table["k"]!.values == [.integer(9), .integer(10), .integer(1841), .integer(2016), .missing])
        #expect(table["count"]!.values == [.integer(1), .integer(1), .integer(2), .integer(1), .integer(2)])
        #expect(table["sum_v"]!.values == [.integer(2), .integer(6), .integer(8), .integer(1), .integer(11)])
    }

    @Test("text keys sort by code point and periods in time")
    func textAndPeriodKeys() throws {
        let path = try temporaryFile("name,period,n\nb,2016-Q2,1\nB,2016-01/2016-03,1\na,2016-04,1\n")
        let byName = try #require(AggregateRequest(by: ["name"], count: true).run(.path(path)).table)
        #expect(byName["name"]!.values == [.string("B"), .string("a"), .string("b")])
        var request = AggregateRequest(by: ["period"], count: true)
        request.filters = [("name", ["a", "b"])]
        let byPeriod = try #require(request.run(.path(path)).table)
        // 2016-04 and 2016-Q2 are both periods starting in April: the shorter sorts first.
        #expect(byPeriod["period"]!.type == .period)
        #expect(byPeriod["period"]!.values.map(\.description) == ["2016-04", "2016-04/2016-06"])
    }

    @Test("--where: values for one column are alternatives, columns must all match")
    func filters() throws {
        let path = try temporaryFile("s,d,x\na, guilty ,1\na,nolle,2\nb,guilty,4\nb,convicted,8\na,convicted,16\n")
        var request = AggregateRequest(by: ["s"], sum: ["x"])
        request.filters = [("d", ["guilty"]), ("d", ["convicted"]), ("s", ["b"])]
        let table = try #require(request.run(.path(path)).table)
        #expect(table["s"]!.values == [.string("b")])
        #expect(table["sum_x"]!.values == [.integer(12)])
    }

    @Test("missing values are counted, not summed as zero; a group with none has no sum")
    func missingValues() throws {
        let path = try temporaryFile("g,x\na,NA\na,\nb,2.5\nb,-\nb,$1.25\n")
        let table = try #require(AggregateRequest(by: ["g"], sum: ["x"], mean: ["x"]).run(.path(path)).table)
        #expect(table["missing_x"]!.values == [.integer(2), .integer(1)])
        #expect(table["sum_x"]!.values == [.missing, .double(3.75)])
        #expect(table["mean_x"]!.values == [.missing, .double(1.875)])
    }

    @Test("money sums as money and percentages as percentages, exactly")
    func forms() throws {
        let path = try temporaryFile("g,m,p\na,\"$0.10\",0.1%\na,\"$0.20\",0.2%\na,\"($0.05)\",28%\n")
        let table = try #require(AggregateRequest(by: ["g"], sum: ["m", "p"]).run(.path(path)).table)
        // 0.1 + 0.2 in doubles is 0.30000000000000004; exact decimals give 0.3.
        #expect(table["sum_m"]!.values == [.currency(0.25)])
        #expect(table["sum_p"]!.values == [.percent(28.3)])
        #expect(table["sum_m"]!.type == .currency)
    }

    @Test("a value that is not a number is a located error and there is no table")
    func notANumber() throws {
        let path = try temporaryFile("g,x\na,1\na,\"two\nlines\"\nb,#N/A\nb,3\n", name: "bad.csv")
        let result = AggregateRequest(by: ["g"], sum: ["x"]).run(.file(path, name: "bad.csv"))
        #expect(result.table == nil)
        #expect(result.problems.map(\.description) == [
            "bad.csv:3:2: error: column \"x\": expected a number, found \"two\\nlines\"",
            "bad.csv:5:2: error: column \"x\": \"#N/A\" is a spreadsheet error value, not a value",
        ])
        var strict = AggregateRequest(by: ["g"], sum: ["x"])
        strict.strict = true
        #expect(strict.run(.file(path, name: "bad.csv")).problems.count == 1)
    }

    @Test("one thread and several give the same table, with quoted line breaks at chunk boundaries and cuts",
          arguments: [2, 3, 4])
    func parallelIsIdentical(threads: Int) throws {
        // About 1 MB, with a quoted field holding line breaks every third row: the 256 KiB
        // chunk boundaries and the proposed cuts fall inside such fields.
        let text = caseFile(rows: 20000, seed: 7, multiLineEvery: 3)
        let path = try temporaryFile(text)
        let request = AggregateRequest(by: ["town", "statute", "year"], count: true, sum: ["amount"], mean: ["age"], min: ["amount"])
        let one = request.run(.path(path), threads: 1)
        let many = request.run(.path(path), threads: threads, minimumPartBytes: 1)
        #expect(one.parts == 1)
        #expect(many.parts == threads)
        #expect(one.rows == 20000 && many.rows == 20000)
        let a = try #require(one.table), b = try #require(many.table)
        #expect(TableRenderer.render(a, as: .csv) == TableRenderer.render(b, as: .csv))
    }

    @Test("a cut proposed inside a quoted field is not proven and one thread decides")
    func unprovenCutFallsBack() throws {
        // One huge quoted field with many line breaks and even quote counts on its lines:
        // the cut heuristic is fooled, the parser of the first part is not.
        let inner = String(repeating: "line with \"\"quotes\"\"\n", count: 4000)
        let text = "g,x\na,1\nb,\"" + inner + "\"\na,2\n"
        let path = try temporaryFile(text)
        let request = AggregateRequest(by: ["g"], count: true)
        let many = request.run(.path(path), threads: 2, minimumPartBytes: 1)
        #expect(many.parts == 1)
        #expect(many.table.map { TableRenderer.render($0, as: .csv) } == "g,count\na,2\nb,1\n")
    }

    @Test("errors found by different threads are reported as one thread reports them")
    func parallelProblems() throws {
        var text = caseFile(rows: 5000, seed: 3)
        text += "C9,53a-82,2012,Hartford,30,abc\n"
        text += "C10,53a-82,2012,Hartford\n"
        let path = try temporaryFile(text)
        let request = AggregateRequest(by: ["year"], sum: ["amount"])
        let one = request.run(.path(path), threads: 1)
        let many = request.run(.path(path), threads: 2, minimumPartBytes: 1)
        #expect(one.problems.count == 2)
        #expect(one.problems == many.problems)
    }

    @Test("a syntax error is named by line as the reader names it, on any number of threads")
    func syntaxError() throws {
        let path = try temporaryFile(caseFile(rows: 2000, seed: 5) + "C1,53a-82,2012,Hart\"ford,30,1.00\n", name: "s.csv")
        for threads in [1, 2] {
            let result = AggregateRequest(by: ["year"], count: true).run(.file(path, name: "s.csv"), threads: threads, minimumPartBytes: 1)
            #expect(result.table == nil)
            #expect(result.problems.count == 1)
            #expect(result.problems.first?.message == "a quote character inside an unquoted field; quote the whole field and double the quotes inside it (\"\")")
        }
    }

    @Test("bytes in memory are aggregated through a temporary copy")
    func memoryInput() throws {
        let result = AggregateRequest(by: ["g"], count: true).run(.bytes(Array("g\nx\ny\nx\n".utf8), name: "m.csv"))
        #expect(result.table.map { TableRenderer.render($0, as: .csv) } == "g,count\nx,2\ny,1\n")
    }
}

@Suite struct ExactNumberTests {
    func read(_ s: String) -> ExactNumberReading {
        var t = s
        return t.withUTF8 { FieldParser.exactNumber($0) }
    }

    @Test func forms() {
        #expect(read("1,234.50") == .value(ExactDecimal(units: 123450, scale: 2), .decimal))
        #expect(read(" 42 ") == .value(ExactDecimal(units: 42, scale: 0), .integer))
        #expect(read("$8,344") == .value(ExactDecimal(units: 8344, scale: 0), .currency))
        #expect(read("($5.00)") == .value(ExactDecimal(units: -500, scale: 2), .currency))
        #expect(read("28%") == .value(ExactDecimal(units: 28, scale: 0), .percent))
        #expect(read("1.5e-2") == .value(ExactDecimal(units: 15, scale: 3), .decimal))
        #expect(read("2E3") == .value(ExactDecimal(units: 2000, scale: 0), .decimal))
        #expect(read("abc") == .mismatch)
        #expect(read("12345678901234567890") == .value(ExactDecimal(units: 12345678901234567890, scale: 0), .integer))
        #expect(read("123456789012345678901") == .invalid("has more significant digits than TIPStat sums exactly (19)"))
        #expect(read("1e-19") == .invalid("has more than 18 decimal places, more than TIPStat sums exactly"))
    }

    @Test func exactText() {
        #expect(ExactDecimal(units: -5, scale: 3).description == "-0.005")
        #expect(ExactDecimal(units: 123450, scale: 2).description == "1234.50")
        #expect(ExactDecimal(units: 1, scale: 1) == ExactDecimal(units: 10, scale: 2))
    }

    @Test("the decimal fast path rounds as strtod does")
    func fastPathMatchesStrtod() {
        var state: UInt64 = 99
        for _ in 0..<20000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = state >> (state % 40 + 11)
            let places = Int(state % 23)
            var digits = String(mantissa)
            if places > 0 {
                if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
            }
            let reference = strtod(digits, nil)
            #expect(FieldParser.read(digits, as: .double) == .value(.double(reference)), "\(digits)")
        }
    }
}

@Suite struct ParallelScanTests {
    @Test("a byte order mark and CRLF line ends read alike on one thread and several")
    func bomAndCRLF() throws {
        let body = caseFile(rows: 4000, seed: 11).replacingOccurrences(of: "\n", with: "\r\n")
        let path = try temporaryFile("\u{FEFF}" + body)
        let request = AggregateRequest(by: ["case_id"], count: true)
        let one = request.run(.path(path), threads: 1)
        let many = request.run(.path(path), threads: 2, minimumPartBytes: 1)
        #expect(many.parts == 2)
        #expect(one.rows == 4000)
        #expect(one.table.map { TableRenderer.render($0, as: .csv) } == many.table.map { TableRenderer.render($0, as: .csv) })
        // The first key is the first case: the mark is not part of the header or the data.
        #expect(one.table?["case_id"]?.values.first == .string("C0"))
    }

    @Test("cuts go after a line feed whose lines on both sides have an even number of quotes")
    func cutChoice() {
        let window = Array("ld\",1\n\"a\nb\",2\nc,3\nd,4\n".utf8)
        let cut = window.withUnsafeBufferPointer { ParallelScan.chooseCut(in: $0, quote: UInt8(ascii: "\"")) }
        // The lines `"a` and `b",2` hold one quote each (a quoted field with a line break):
        // no cut next to them. The first line feed with even lines on both sides ends "c,3".
        #expect(cut == 18)
        #expect(Array(window[18...]) == Array("d,4\n".utf8))
    }
}

@Suite struct ExactDecimalTests {
    @Test func additionIsExactAcrossScales() {
        // 0.1 + 0.2 is exactly 0.3 in decimals; in doubles it is 0.30000000000000004.
        let sum = ExactDecimal(units: 1, scale: 1).adding(ExactDecimal(units: 20, scale: 2))!
        #expect(sum.description == "0.30")
        #expect(sum.double == 0.3)
        #expect(ExactDecimal(units: Int128.max, scale: 0).adding(ExactDecimal(units: 1, scale: 0)) == nil)
        #expect(ExactDecimal(units: -15, scale: 1) < ExactDecimal(units: -1, scale: 0))
    }
}
