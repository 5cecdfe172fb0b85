import Testing
import Foundation

/// `show --format csv` end to end: text a spreadsheet would run as a formula gets a `'` in
/// front, as OWASP's CSV Injection page advises (cells starting with `=`, `+`, `-`, `@`, tab or
/// carriage return), also after leading spaces; typed numbers, and text that is a plain
/// number, are left as they are.
@Suite struct CSVInjectionTests {
    @Test("typed table: formulas in text cells and column names neutralised, numbers untouched")
    func typed() throws {
        let dir = try scratchFolder(["in.csv": """
            @label,count,amount
            +SUM(A1:A9),-5,-$5
            -2+3+cmd|' /C calc'!A0,3,$1
            @SUM(A1),0,$2.5
            -7,1,$3
            plain text,2,$4

            """])
        let r = try tipstat(["show", "in.csv", "--format", "csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            '@label,count,amount
            '+SUM(A1:A9),-5,-$5.00
            '-2+3+cmd|' /C calc'!A0,3,$1.00
            '@SUM(A1),0,$2.50
            -7,1,$3.00
            plain text,2,$4.00

            """)
    }

    @Test("--raw: =, tab, carriage return and leading spaces are guarded too; plain numbers are not")
    func raw() throws {
        let dir = try scratchFolder(["in.csv": "label,n\n"
            + "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\n"
            + "\"\t=1+1\",1\n"
            + "\"\r=1\",2\n"
            + "\"  =1+1\",3\n"
            + "\"=cmd|' /C calc'!A0\",+4\n"])
        let r = try tipstat(["show", "in.csv", "--raw", "--format", "csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "label,n\n"
            + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\n"
            + "'\t=1+1,1\n"
            + "\"'\r=1\",2\n"
            + "'  =1+1,3\n"
            + "'=cmd|' /C calc'!A0,+4\n")
    }

    @Test("the written CSV reads back as the same text, guard included")
    func roundTrip() throws {
        let dir = try scratchFolder(["in.csv": "label,n\n\"=cmd|' /C calc'!A0\",1\n\"@SUM(A1)\",2\n"])
        let first = try tipstat(["show", "in.csv", "--raw", "--format", "csv", "-o", "out.csv"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try tipstat(["show", "out.csv", "--raw", "--format", "json"], in: dir)
        #expect(again.stdout == #"{"columns":[{"name":"label","type":"string"},{"name":"n","type":"string"}],"rows":[["'=cmd|' /C calc'!A0","1"],["'@SUM(A1)","2"]]}"# + "\n")
    }

    /// The fuzzer's finding end to end: a prepended mark before a comma must not split the cell.
    @Test("a mark glued to a comma cannot split a cell and start a formula in the next one")
    func markBeforeComma() throws {
        let dir = try scratchFolder(["in.csv": "label,n\n\"x\u{70F},=cmd|' /C calc'!A0\",1\n"])
        let r = try tipstat(["show", "in.csv", "--raw", "--format", "csv"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "label,n\n\"x\u{70F},=cmd|' /C calc'!A0\",1\n")
    }
}
