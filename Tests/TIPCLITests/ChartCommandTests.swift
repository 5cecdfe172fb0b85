import Foundation
import Testing
import TIPTestSupport

/// `tipstat chart KIND` end to end on a generic CSV without metadata: the SVG it writes, its
/// exact messages and exit statuses, and hostile labels kept as text.
@Suite struct ChartCommandTests {
    /// A generic file, no metadata: one missing arrest count, sources per row.
    static let courts = """
    year,arrests,convictions,source
    2014,35,4,Court report 2015
    2015,,6,Court report 2016
    2016,41,3,Court report 2017

    """

    static let goldenDirectory = repositoryRoot + "/Tests/TIPCLITests/Golden"

    func svg(_ dir: String, _ name: String) throws -> String {
        try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
    }

    /// Parses and renders cleanly with xmllint and rsvg-convert.
    func wellFormed(_ path: String) throws {
        #expect(try xmllintProblems(path) == nil, "\(path)")
        #expect(try rsvgProblems(path) == nil, "\(path)")
    }

    @Test func groupedBarOnAGenericCSVMatchesItsGolden() throws {
        let dir = try scratchFolder(["courts.csv": Self.courts])
        let r = try tipstat(["chart", "grouped-bar", "courts.csv", "--x", "year", "--y", "arrests", "--y", "convictions",
                             "--title", "Arrests rose and convictions stayed few", "--subtitle", "41 arrests in 2016, 3 convictions.",
                             "--note", "2015 arrests were not published.", "-o", "courts.svg"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == "")
        let out = try svg(dir, "courts.svg")
        let golden = Self.goldenDirectory + "/grouped-bar-generic.svg"
        if ProcessInfo.processInfo.environment["TIPSTAT_UPDATE_GOLDEN"] == "1" { try Data(out.utf8).write(to: URL(fileURLWithPath: golden)) }
        #expect(out == (try? String(contentsOfFile: golden, encoding: .utf8)), "differs from Golden/grouped-bar-generic.svg; review and regenerate")
        // The values from the file, the missing one said as such, never as zero.
        #expect(out.contains("Grouped bar chart. arrests: 2014 35, 2015 no data, 2016 41. convictions: 2014 4, 2015 6, 2016 3."))
        #expect(out.contains(">no data</text>"))
        #expect(out.contains(">Source: Court report 2015; Court report 2016; Court report 2017</text>"))
        #expect(out.contains(">2015 arrests were not published.</text>"))
        try wellFormed(dir + "/courts.svg")
    }

    @Test(arguments: [
        ["bar", "--x", "year", "--y", "arrests", "--horizontal"],
        ["stacked-bar", "--x", "year", "--y", "arrests", "--y", "convictions", "--percent"],
        ["line", "--x", "year", "--y", "arrests", "--y", "convictions"],
        ["dot", "--x", "year", "--y", "convictions", "--interval", "poisson"],
        ["histogram", "--x", "arrests", "--bins", "5"],
        ["share", "--x", "year", "--y", "convictions", "--sort"],
        ["share", "--x", "year", "--y", "convictions", "--donut"],
        ["small-multiples", "--facet", "year", "--x", "year", "--y", "arrests", "--y", "convictions"],
    ])
    func everyKindDrawsAWellFormedFigure(_ arguments: [String]) throws {
        let dir = try scratchFolder(["courts.csv": Self.courts])
        let r = try tipstat(["chart", arguments[0], "courts.csv"] + arguments.dropFirst() + ["-o", "out.svg"], in: dir)
        #expect(r.status == 0, "\(arguments)")
        #expect(r.stderr == "", "\(arguments)")
        #expect(try svg(dir, "out.svg").hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""))
        try wellFormed(dir + "/out.svg")
    }

    @Test func aLineOverDatesHasACalendarAxis() throws {
        // US dates read with --date-order; irregular intervals do not break the line.
        let dir = try scratchFolder(["calls.csv": "date,calls\n1/15/2016,10\n2/15/2016,12\n5/1/2016,9\n"])
        let r = try tipstat(["chart", "line", "calls.csv", "--x", "date", "--y", "calls", "--date-order", "mdy", "-o", "calls.svg"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let out = try svg(dir, "calls.svg")
        #expect(out.contains("Line chart. calls: 2016-01-15 10, 2016-02-15 12, 2016-05-01 9."))
        for month in ["Feb 2016", "Mar 2016", "Apr 2016", "May 2016"] { #expect(out.contains(">\(month)</text>"), "\(month)") }
        #expect(!out.contains(">no data</text>"))
        try wellFormed(dir + "/calls.svg")
        // A row without a date cannot be placed: an error at its cell.
        let gap = try scratchFolder(["calls.csv": "date,calls\n2016-01-15,10\n,12\n"])
        let bad = try tipstat(["chart", "line", "calls.csv", "--x", "date", "--y", "calls", "-o", "calls.svg"], in: gap)
        #expect(bad.status == 1)
        #expect(bad.stderr == "calls.csv:3:1: error: column \"date\" (--x) is empty: every row drawn needs a value there\n")
    }

    @Test func tornadoFromASensitivityTable() throws {
        let dir = try scratchFolder(["s.csv": "factor,base,at_low,at_high,low,high\nDays,82992,41040,166440,90,365\nBuyers per day,82992,41496,248976,0.5,3\n"])
        let r = try tipstat(["chart", "tornado", "s.csv", "--x", "factor", "--y", "base", "--low", "at_low", "--high", "at_high",
                             "--low-setting", "low", "--high-setting", "high", "-o", "t.svg"], in: dir)
        #expect(r.status == 0 && r.stderr == "")
        let out = try svg(dir, "t.svg")
        #expect(out.contains("Tornado chart around base 82,992. Buyers per day: 0.5 gives 41,496, 3 gives 248,976; Days: 90 gives 41,040, 365 gives 166,440."))
        try wellFormed(dir + "/t.svg")
    }

    @Test func withoutOutputTheSVGGoesToStdout() throws {
        let dir = try scratchFolder(["courts.csv": Self.courts])
        let r = try tipstat(["chart", "bar", "courts.csv", "--x", "year", "--y", "convictions"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<svg ") && r.stdout.hasSuffix("</svg>\n"))
    }

    @Test func partialYearsAreAnnualisedAndSaidSo() throws {
        let dir = try scratchFolder(["r.csv": "period,referrals\n2014,94\n2015,133\n2016-01/2016-09,151\n"])
        let r = try tipstat(["chart", "line", "r.csv", "--x", "period", "--y", "referrals", "-o", "r.svg"], in: dir)
        #expect(r.status == 0)
        let out = try svg(dir, "r.svg")
        #expect(out.contains("2016 201.3 (estimate) (170.5 to 236.1)"))
        #expect(out.contains(">Annualised estimates, drawn hollow or dashed: counts for part of a year scaled to a full year (Jan–Sep"))
    }

    @Test func dataErrorsExitOneWithTheirLocationAndWriteNothing() throws {
        let dir = try scratchFolder(["courts.csv": Self.courts, "bad.csv": "year,cases\n2014,35\n2015,x\n", "empty.csv": "year,cases\n"])
        let unknown = try tipstat(["chart", "bar", "courts.csv", "--x", "year", "--y", "arests", "-o", "out.svg"], in: dir)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "courts.csv: error: no column \"arests\" (given with --y); the columns are \"year\", \"arrests\", \"convictions\", \"source\"\n")
        let text = try tipstat(["chart", "bar", "bad.csv", "--x", "year", "--y", "cases", "-o", "out.svg"], in: dir)
        #expect(text.status == 1)
        #expect(text.stderr == "bad.csv:3:2: error: column \"cases\" (--y): expected a number, found \"x\"\n")
        let empty = try tipstat(["chart", "bar", "empty.csv", "--x", "year", "--y", "cases", "-o", "out.svg"], in: dir)
        #expect(empty.status == 1)
        #expect(empty.stderr == "empty.csv:1: error: the file has a header row but no data rows\n")
        let none = try tipstat(["chart", "bar", "courts.csv", "--x", "year", "--y", "arrests", "--where", "year=1999", "-o", "out.svg"], in: dir)
        #expect(none.status == 1)
        #expect(none.stderr == "courts.csv: error: no row matches --where year=1999\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.svg"))
        let onto = try tipstat(["chart", "bar", "courts.csv", "--x", "year", "--y", "arrests", "-o", "courts.csv"], in: dir)
        #expect(onto.status == 1)
        #expect(onto.stderr == "courts.csv: error: refusing to write the output onto the input file courts.csv\n")
        #expect(try svg(dir, "courts.csv") == Self.courts)
    }

    @Test(arguments: [
        (["dot", "courts.csv", "--x", "year", "--y", "arrests"], "a dot plot draws intervals: give --low and --high, or --interval poisson"),
        (["grouped-bar", "courts.csv", "--x", "year", "--y", "arrests", "--y", "convictions", "--group", "source"],
         "--group splits one --y column into series; give one --y with it, or several --y without it"),
        (["bar", "courts.csv", "--x", "year", "--y", "arrests", "--width", "10"], "--width must lie in 240...4000 and --height in 160...4000 (got 10 x 450)"),
        (["histogram", "courts.csv", "--x", "arrests", "--y", "convictions"], "a histogram draws one column of values: give it with --x (or --y), once"),
        (["bar", "courts.csv", "--x", "year", "--y", "arrests", "--where", "year"], "--where year: expected column=value or column!=value, e.g. --where statute=53a-192a"),
        (["bar", "courts.csv", "--x", "year", "--y", "arrests", "--suppress-below", "1"], "--suppress-below must be at least 2 (got 1): a threshold of 1 withholds no count"),
    ])
    func usageErrorsExitSixtyFour(_ arguments: [String], _ message: String) throws {
        let dir = try scratchFolder(["courts.csv": Self.courts])
        let r = try tipstat(["chart"] + arguments + ["-o", "out.svg"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: \(message)\n"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.svg"))
    }

    @Test func suppressedCountsAreShownAsWithheld() throws {
        let dir = try scratchFolder(["c.csv": "region,children\nNorth,3\nSouth,0\nEast,12\n"])
        let r = try tipstat(["chart", "bar", "c.csv", "--x", "region", "--y", "children", "--suppress-below", "5", "-o", "c.svg"], in: dir)
        #expect(r.status == 0)
        let out = try svg(dir, "c.svg")
        #expect(out.contains("North fewer than 5 (suppressed), South 0, East 12"))
        #expect(out.contains(">&lt;5</text>"))
        #expect(!out.contains(">3</text>"))
    }

    /// Markup, quotes, ampersands, very long text and right-to-left text, as labels, title and notes.
    static let hostileCSV = """
    label,count
    "<script>alert(1)</script>",5
    "\"\"><svg onload=alert(1)>",7
    "Tom & Jerry's ""quoted"" & <b>bold</b>",9
    "\(String(repeating: "Trafficking in persons, ", count: 20))",11
    الاتجار بالبشر,13
    סחר בבני אדם,15

    """

    @Test(arguments: [["bar", "--horizontal"], ["share"], ["dot", "--interval", "poisson"], ["line"]])
    func hostileLabelsStayEscapedAndLegible(_ kind: [String]) throws {
        let dir = try scratchFolder(["h.csv": Self.hostileCSV, "l.csv": "year,count\n2014,3\n2015,5\n"])
        let file = kind[0] == "line" ? "l.csv" : "h.csv", x = kind[0] == "line" ? "year" : "label"
        let r = try tipstat(["chart", kind[0], file, "--x", x, "--y", "count"] + kind.dropFirst() + [
            "--title", "<script>alert('t')</script> & \"title\"", "--subtitle", "\u{202E}reversed? ]]> &amp;",
            "--note", "<img src=x onerror=alert(1)>", "--source", "<a href=\"http://evil\">src</a>", "-o", "h.svg"], in: dir)
        #expect(r.status == 0, "\(kind)")
        #expect(r.stderr == "")
        let out = try svg(dir, "h.svg")
        for raw in ["<script", "<svg onload", "<img", "<a href", "<b>", "]]>", "\u{202E}"] { #expect(!out.contains(raw), "\(kind): \(raw)") }
        #expect(out.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; &quot;title&quot;"))
        #expect(out.contains("&amp;amp;"), "an entity in the input prints as typed")
        if kind[0] != "line" {
            #expect(out.contains("direction=\"rtl\""), "right-to-left labels are marked so they read correctly")
            #expect(out.contains("\u{2026}</text>"), "the very long label is cut with an ellipsis")
            #expect(out.contains("<title>Trafficking in persons, Trafficking in persons,"), "and kept whole in a <title>")
        }
        try wellFormed(dir + "/h.svg")
    }
}
