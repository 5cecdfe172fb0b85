import Testing
import TIPTable

@Suite struct TableLoaderTests {
    @Test func typesAreInferredStrictestFirst() throws {
        let r = load("""
        year,period,count,rate,share,spent,on,flag,name,empty
        2014,2014,"1,378",0.5,28%,$346.18,2016-09-30,yes,Hartford,
        2015,2016-01/2016-09,29,2,5%,"$8,344",2016-10-01,no,"New Haven",NA
        """)
        let t = try #require(r.table)
        #expect(r.problems.isEmpty)
        #expect(t.columns.map(\.type) == [.integer, .period, .integer, .double, .percent, .currency, .date, .boolean, .string, .string])
        #expect(t["count"]?.values == [.integer(1378), .integer(29)])
        #expect(t["rate"]?.values == [.double(0.5), .double(2)])
        #expect(t["empty"]?.values == [.missing, .missing])
        #expect(t.rowLines == [2, 3])
    }

    @Test func mixedNumbersAndTextBecomeText() throws {
        let t = try #require(load("a,b\n1,28%\nx,5\n").table)
        #expect(t.columns.map(\.type) == [.string, .string])
    }

    @Test func outOfRangeValuesAreProblemsNotText() {
        let r = load("id,x\n1,1.5\n2,1e400\n3,NaN\n")
        // NaN has no number form, so the column is text; 1e400 alone keeps it numeric.
        #expect(r.table?["x"]?.type == .string)
        let r2 = load("id,x\n1,1.5\n2,1e400\n")
        #expect(r2.table?["x"]?.type == .double)
        #expect(messages(r2) == ["t.csv:3:2: error: column \"x\": \"1e400\" is beyond the range of a 64-bit float"])
    }

    @Test func defaultNullTokens() throws {
        let t = try #require(load("n\n1\nNA\nN/A\nNULL\n-\n—\n\n5\n").table)
        // The empty line is a blank line, not a row.
        #expect(t["n"]?.values == [.integer(1), .missing, .missing, .missing, .missing, .missing, .integer(5)])
        #expect(t["n"]?.type == .integer)
    }

    @Test func customNullTokensReplaceDefaults() throws {
        let t = try #require(load("n\n1\n.\nNA\n", LoadOptions(nullTokens: ["."])).table)
        #expect(t["n"]?.type == .string)
        #expect(t["n"]?.values == [.string("1"), .missing, .string("NA")])
    }

    @Test func schemaTypesOverrideInference() throws {
        let r = load("period,n\n2014,1\n2015,x\n", LoadOptions(columnTypes: ["period": .period, "n": .integer]))
        #expect(r.table?["period"]?.values == [.period(Period(year: 2014)), .period(Period(year: 2015))])
        #expect(messages(r) == ["t.csv:3:2: error: column \"n\": expected an integer, found \"x\""])
    }

    @Test func raggedRowsAreProblemsAndKeepWhatIsThere() throws {
        let r = load("a,b,c\n1,2,3\n4,5\n6,7,8,9\n")
        #expect(messages(r) == [
            "t.csv:3:3: error: the row has 2 fields but the header has 3",
            "t.csv:4:4: error: the row has 4 fields but the header has 3",
        ])
        #expect(r.table?["c"]?.values == [.integer(3), .missing, .integer(8)])
    }

    @Test func strictStopsAtTheFirstError() {
        let r = load("a,b\n1\n2\n", LoadOptions(strict: true))
        #expect(r.table == nil)
        #expect(messages(r) == ["t.csv:2:2: error: the row has 1 field but the header has 2"])
    }

    @Test func headerProblems() {
        #expect(messages(load("a,,b\n1,2,3\n")) == ["t.csv:1:2: error: column 2 has an empty name in the header row"])
        #expect(messages(load("a,b,A\n1,2,3\n")) == ["t.csv:1:3: error: duplicate column name \"A\" (also column 1)"])
    }

    @Test func emptyFileAndHeaderOnly() throws {
        #expect(messages(load("")) == ["t.csv: error: the file is empty: a header row is expected"])
        #expect(messages(load("\n\n")) == ["t.csv: error: the file is empty: a header row is expected"])
        let headerOnly = load("a,b\n")
        #expect(messages(headerOnly) == ["t.csv:1: error: the file has a header row but no data rows"])
        let t = try #require(headerOnly.table)
        #expect(t.rowCount == 0)
        #expect(t.columns.map(\.name) == ["a", "b"])
    }

    @Test func invalidUTF8AndNULAreLocated() {
        let bad: [UInt8] = Array("name,n\nok,1\n".utf8) + [0x41, 0xC3, 0x28, 0x2C, 0x32, 0x0A] + Array("x\u{0}y,3\n".utf8)
        let r = load(bytes: bad, LoadOptions(readMetadata: false))
        #expect(messages(r) == [
            "t.csv:3:1: error: column \"name\": the field is not valid UTF-8 (bad byte after 1 valid bytes); save the file as UTF-8, or read it with --encoding windows-1252 if it is Windows (ANSI) text",
            "t.csv:4:1: error: column \"name\": the field contains a NUL byte (is this a binary or UTF-16 file?)",
        ])
        #expect(r.table?["n"]?.values == [.integer(1), .integer(2), .integer(3)])
    }

    @Test func spreadsheetArtefactsAreErrors() {
        let r = load("a,b\n#N/A,1\n\"=\"\"0123\"\"\",2\n\"=cmd|' /C calc'!A0\",3\n#DIV/0!,4\n")
        #expect(messages(r) == [
            "t.csv:2:1: error: column \"a\": \"#N/A\" is a spreadsheet error value, not a value",
            "t.csv:3:1: error: column \"a\": \"=\\\"0123\\\"\" is a spreadsheet formula, not a value",
            "t.csv:4:1: error: column \"a\": \"=cmd|' /C calc'!A0\" is a spreadsheet formula, not a value",
            "t.csv:5:1: error: column \"a\": \"#DIV/0!\" is a spreadsheet error value, not a value",
        ])
    }

    @Test func rawKeepsTheExactFieldText() throws {
        let t = try #require(load("a,b\n\" 1,841 \",NA\n,x\n", LoadOptions(raw: true)).table)
        #expect(t.columns.map(\.type) == [.string, .string])
        #expect(t["a"]?.values == [.string(" 1,841 "), .string("")])
        #expect(t["b"]?.values == [.string("NA"), .string("x")])
    }

    @Test func hostileTextIsEscapedInMessages() {
        let r = load("a\n=\u{1B}[2J\u{202E}evil\n")
        #expect(messages(r) == ["t.csv:2:1: error: column \"a\": \"=\\u{1B}[2J\\u{202E}evil\" is a spreadsheet formula, not a value"])
    }

    @Test func columnNamesMatchLoosely() throws {
        let t = try #require(load("Cases Sex, Arrests \n1,2\n").table)
        #expect(t["cases_sex"]?.values == [.integer(1)])
        #expect(t["arrests"]?.values == [.integer(2)])
    }
}
