import Testing
import TIPTable

@Suite struct CSVReaderTests {
    @Test("line ends: LF, CRLF and CR give the same records and lines", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(end: String) throws {
        let text = ["period,count", "2015,29", "2016,41"].joined(separator: end) + end
        let r = try records(text)
        #expect(r.map(\.fields) == [["period", "count"], ["2015", "29"], ["2016", "41"]])
        #expect(r.map(\.line) == [1, 2, 3])
    }

    @Test("delimiters are detected", arguments: [",", ";", "\t", "|"])
    func detectedDelimiter(d: String) throws {
        let text = ["a\(d)b\(d)c", "1\(d)2\(d)3", "4\(d)\(d)6"].joined(separator: "\n")
        var fields: [[String]] = []
        let dialect = try CSVReader().read(.bytes(Array(text.utf8), name: "t.csv")) { r in
            fields.append((0..<r.count).map { r.lossyString(at: $0) })
        }
        #expect(dialect.delimiter == UInt8(ascii: Unicode.Scalar(d)!))
        #expect(fields == [["a", "b", "c"], ["1", "2", "3"], ["4", "", "6"]])
    }

    @Test func semicolonFileWithDecimalCommasIsSemicolon() throws {
        let text = "name;value\nx;1,5\ny;2,25\n"
        var fields: [[String]] = []
        let dialect = try CSVReader().read(.bytes(Array(text.utf8), name: "t.csv")) { r in
            fields.append((0..<r.count).map { r.lossyString(at: $0) })
        }
        #expect(dialect.delimiter == UInt8(ascii: ";"))
        #expect(fields[1] == ["x", "1,5"])
    }

    @Test func explicitDelimiterWins() throws {
        let r = try records("a;b,c\n1;2,3\n", dialect: CSVDialect(delimiter: UInt8(ascii: ",")))
        #expect(r.map(\.fields) == [["a;b", "c"], ["1;2", "3"]])
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "id,text,n\n1,\"Hartford, CT\",2\n2,\"she said \"\"no\"\"\",3\n3,\"two\nlines\",4\n4,\"crlf\r\ninside\",5\n5,plain,6\n"
        let r = try records(text)
        #expect(r[1].fields == ["1", "Hartford, CT", "2"])
        #expect(r[2].fields == ["2", "she said \"no\"", "3"])
        #expect(r[3].fields == ["3", "two\nlines", "4"])
        #expect(r[4].fields == ["4", "crlf\r\ninside", "5"])
        // Lines count the newlines inside quoted fields: record 4 starts on line 5, record 5 on 7.
        #expect(r.map(\.line) == [1, 2, 3, 4, 6, 8])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let r = try records("a,b\n\n1,2\n   \n3,4\n\n\n")
        #expect(r.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(r.map(\.line) == [1, 3, 5])
    }

    @Test func lastLineWithoutLineEnd() throws {
        #expect(try records("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func byteOrderMarkIsDropped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("period,count\n2016,1\n".utf8)
        var first: [String] = []
        try CSVReader().read(.bytes(bytes, name: "t.csv")) { r in
            if first.isEmpty { first = (0..<r.count).map { r.lossyString(at: $0) } }
        }
        #expect(first == ["period", "count"])
    }

    @Test("records are the same whatever the chunk size", arguments: [16, 17, 64, 1 << 16])
    func chunkBoundaries(size: Int) throws {
        let text = "id,text\r\n" + (1...40).map { "\($0),\"row \($0), with \"\"quotes\"\"\r\nand a line\"" }.joined(separator: "\r\n") + "\r\n"
        let small = try records(text, chunkSize: size)
        let big = try records(text)
        #expect(small.map(\.fields) == big.map(\.fields))
        #expect(small.map(\.line) == big.map(\.line))
        #expect(big.count == 41)
        #expect(big.last!.line == 80)
    }

    @Test func strayQuoteIsLocated() {
        #expect(throws: CSVReadError.self) { try records("a,b\n1,2\n3,x\"y\n") }
        do {
            _ = try records("a,b\n1,2\n3,x\"y\n")
        } catch let e as CSVReadError {
            #expect(e.description == "t.csv:3:2: error: a quote character inside an unquoted field; quote the whole field and double the quotes inside it (\"\")")
        } catch { Issue.record("\(error)") }
    }

    @Test func textAfterClosingQuoteIsLocatedAfterMultilineField() {
        do {
            _ = try records("a,b\n\"one\ntwo\",\"x\"y\n")
            Issue.record("expected an error")
        } catch let e as CSVReadError {
            #expect(e.problem.line == 3)
            #expect(e.problem.column == 2)
            #expect(e.problem.message.hasPrefix("unexpected character 'y' after the closing quote"))
        } catch { Issue.record("\(error)") }
    }

    @Test func unterminatedQuote() {
        do {
            _ = try records("a,b\n1,\"never\nclosed\n")
            Issue.record("expected an error")
        } catch let e as CSVReadError {
            #expect(e.description == "t.csv:2:2: error: a quoted field is never closed: its opening quote is on this line and the file ends before the closing quote")
        } catch { Issue.record("\(error)") }
    }

    @Test func utf16IsRefused() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("a,b\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let noMark: [UInt8] = Array("a,b\n1,2\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for bytes in [utf16, noMark] {
            do {
                try CSVReader().read(.bytes(bytes, name: "u.csv")) { _ in }
                Issue.record("expected a refusal")
            } catch let e as CSVReadError {
                #expect(e.problem.line == nil)
                #expect(e.description.hasPrefix("u.csv: error: the file is UTF-16"))
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func limits() {
        let wide = (1...50).map(String.init).joined(separator: ",") + "\n"
        do {
            try CSVReader(limits: ReaderLimits(maxFieldsPerRow: 10)).read(.bytes(Array(wide.utf8), name: "w.csv")) { _ in }
            Issue.record("expected the field-count limit")
        } catch let e as CSVReadError {
            #expect(e.description == "w.csv:1:11: error: the row has more than 10 fields (raise the limit with --max-fields)")
        } catch { Issue.record("\(error)") }

        let big = "a\n\"" + String(repeating: "x", count: 5000) + "\"\n"
        do {
            try CSVReader(limits: ReaderLimits(maxFieldBytes: 1000), chunkSize: 256).read(.bytes(Array(big.utf8), name: "b.csv")) { _ in }
            Issue.record("expected the field-size limit")
        } catch let e as CSVReadError {
            #expect(e.problem.line == 2)
            #expect(e.problem.message.hasPrefix("a field is larger than the limit of 1000 bytes"))
        } catch { Issue.record("\(error)") }

        do {
            try CSVReader(limits: ReaderLimits(maxFileBytes: 100), chunkSize: 64).read(.bytes(Array(repeating: UInt8(ascii: "a"), count: 300), name: "f.csv")) { _ in }
            Issue.record("expected the file-size limit")
        } catch let e as CSVReadError {
            #expect(e.description == "f.csv: error: the file is larger than the limit of 100 bytes (raise it with --max-file-bytes)")
        } catch { Issue.record("\(error)") }
    }

    @Test func missingFileAndFolder() {
        for (path, message) in [("/nonexistent/x.csv", "cannot open the file: No such file or directory"), ("/tmp", "is a directory, not a CSV file")] {
            do {
                try CSVReader().read(.path(path)) { _ in }
                Issue.record("expected an error for \(path)")
            } catch let e as CSVReadError {
                #expect(e.description == "\(path): error: \(message)")
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func dialectDetectionPrefersConsistentCounts() {
        func detect(_ s: String) -> UInt8 {
            let copy = Array(s.utf8)
            return copy.withUnsafeBufferPointer { CSVDialect.detect(sample: $0, complete: true).delimiter }
        }
        #expect(detect("a|b|c\n1|2|3\n") == UInt8(ascii: "|"))
        #expect(detect("\"a,b\";c\n\"1,2\";3\n") == UInt8(ascii: ";"))
        #expect(detect("single\nvalue\n") == UInt8(ascii: ","))
        #expect(CSVDialect(delimiterName: "tab")?.delimiter == 9)
        #expect(CSVDialect(delimiterName: "ab") == nil)
        #expect(CSVDialect(delimiterName: "a") == nil)
    }
}
