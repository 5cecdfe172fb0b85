import Testing
import TIPTable

/// CSVWriter: RFC 4180 quoting that holds for every Unicode text, and the OWASP formula guard.
@Suite struct CSVWriterTests {
    /// Found by the CSVReaderFuzz harness: U+070F (a prepended concatenation mark) glues itself
    /// to the next character, so Swift's Character-based `contains(",")` missed the comma and
    /// the field went out unquoted: the cell split in two, and a formula could start the second.
    @Test("quoting looks at scalars: a mark glued to a comma, quote or line end still quotes", arguments: [
        ("\u{70F},", "\"\u{70F},\""),
        ("x\u{70F},=cmd|' /C calc'!A0", "\"x\u{70F},=cmd|' /C calc'!A0\""),
        ("a\u{600}\"b", "\"a\u{600}\"\"b\""),
        ("a\u{70F}\nb", "\"a\u{70F}\nb\""),
        (" \u{301}x", "\" \u{301}x\""),
        ("x\t", "\"x\t\""),
        ("\"", "\"\"\"\""),
        ("plain", "plain"),
    ])
    func quoting(text: String, written: String) {
        #expect(CSVWriter.field(text, neutralise: false) == written)
    }

    @Test("the delimiter is found the same way for ; and tab")
    func otherDelimiters() {
        #expect(CSVWriter.field("a\u{70F};b", neutralise: false, delimiter: ";") == "\"a\u{70F};b\"")
        #expect(CSVWriter.field("a\u{70F}\tb", neutralise: false, delimiter: "\t") == "\"a\u{70F}\tb\"")
        #expect(CSVWriter.field("a,b", neutralise: false, delimiter: ";") == "a,b")
    }

    @Test("formula guard (OWASP): = + - @ first, after spaces too, and a leading tab or CR", arguments: [
        ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("\tplain", "'\tplain"), ("  =1+1", "'  =1+1"),
        ("=\u{301}1", "'=\u{301}1"), ("-", "'-"), ("\0=1", "'\0=1"),
    ])
    func guarded(text: String, neutralised: String) {
        #expect(CSVWriter.neutralised(text) == neutralised)
    }

    @Test("plain numbers and ordinary text are left alone", arguments: [
        "-5", "+3.5", "-1,841", "1e-3", " -7 ", "53a-192a", "plain text", "a=b", "", "'=already",
    ])
    func unguarded(text: String) {
        #expect(CSVWriter.neutralised(text) == text)
    }

    @Test("a record of one empty field is written \"\", so that it reads back as a record")
    func emptyRecord() {
        #expect(CSVWriter.line([""]) == "\"\"\n")
        #expect(CSVWriter.line(["", ""]) == ",\n")
        #expect(CSVWriter.line(["a", "b"], delimiter: ";") == "a;b\n")
    }

    @Test("Markdown output escapes a | glued to a mark as well")
    func markdownPipeAfterAMark() {
        let table = Table(name: "t", columns: [Column(name: "a", type: .string, values: [.string("x\u{70F}|y")])], rowLines: [2])
        let expected = "| a |\n|---|\n| x\u{70F}\\|y |\n"
        #expect(TableRenderer.render(table, as: .markdown) == expected)
    }
}
