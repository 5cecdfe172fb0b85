import Testing
import Foundation

/// End-to-end tests of the built binary: exact output, exact stderr, exit status.
@Suite struct FoundationCommandTests {
    @Test func validateTheCouncilsDatasets() throws {
        let r = try tipstat(["validate", "Datasets/judicial.csv", "Datasets/dcf-demographics.csv"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        Datasets/judicial.csv: ok (5 rows, judicial schema)
        Datasets/dcf-demographics.csv: ok, 1 warning (20 rows, demographics schema)

        """)
        #expect(r.stderr == "Datasets/dcf-demographics.csv:7:4: warning: counts of \"race/ethnicity\" (undated) add to 209, not the stated total of 210\n")
    }

    @Test func validateReportsErrorsWithLocationAndExitsOne() throws {
        let dir = try scratchFolder(["arrests.csv": "statute,period,arrests,convictions\n53a-192a,2016,3,1\n53a-86,2016,x,1\n53a-999,2015,1,0\n"])
        let r = try tipstat(["validate", "--schema", "judicial", "arrests.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == """
        arrests.csv:3:3: error: column "arrests": expected an integer, found "x"
        arrests.csv:4:1: error: column "statute": unknown statute "53a-999"; if it is right, list it in the metadata's "tipstat:statutes" or pass --statute 53a-999

        """)
        #expect(r.stdout == "arrests.csv: 2 errors (3 rows, judicial schema)\n")
        let accepted = try tipstat(["validate", "--schema", "judicial", "--statute", "53a-999", "-q", "arrests.csv"], in: dir)
        #expect(accepted.stderr == "arrests.csv:3:3: error: column \"arrests\": expected an integer, found \"x\"\n")
        #expect(accepted.stdout == "")
    }

    @Test func validatePlainCSVAndStrict() throws {
        let dir = try scratchFolder(["plain.csv": "a,b\n1,2\n3\n4,5,6\n"])
        let r = try tipstat(["validate", "plain.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "plain.csv:3:2: error: the row has 1 field but the header has 2\nplain.csv:4:3: error: the row has 3 fields but the header has 2\n")
        #expect(r.stdout == "plain.csv: 2 errors (3 rows, plain CSV)\n")
        let strict = try tipstat(["validate", "--strict", "plain.csv"], in: dir)
        #expect(strict.stderr == "plain.csv:3:2: error: the row has 1 field but the header has 2\n")
    }

    @Test func missingFile() throws {
        let r = try tipstat(["validate", "nope.csv"])
        #expect(r.status == 1)
        #expect(r.stderr == "nope.csv: error: cannot open the file: No such file or directory\n")
    }

    @Test func showJSONIsTyped() throws {
        let dir = try scratchFolder(["h.csv": "period,cases,share\n2015,29,82.7%\n2016-01/2016-09,41,\n"])
        let r = try tipstat(["show", "h.csv", "--format", "json"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == #"{"columns":[{"name":"period","type":"period"},{"name":"cases","type":"integer"},{"name":"share","type":"percent"}],"rows":[["2015",29,82.7],["2016-01/2016-09",41,null]]}"# + "\n")
    }

    @Test func showRawDelimiterAndStdin() throws {
        let r = try tipstat(["show", "-", "--raw", "--delimiter", ";", "--format", "csv"], stdin: "a;b\n\"1,5\";NA\n")
        #expect(r.status == 0)
        #expect(r.stdout == "a,b\n\"1,5\",NA\n")
    }

    @Test func showWithErrorsPrintsNoTable() throws {
        let dir = try scratchFolder(["bad.csv": "a,b\n1,\"open\n"])
        let r = try tipstat(["show", "bad.csv", "-o", "out.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "bad.csv:2:2: error: a quoted field is never closed: its opening quote is on this line and the file ends before the closing quote\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
    }

    @Test func outputOntoTheInputIsRefused() throws {
        let dir = try scratchFolder(["in.csv": "a\n1\n"])
        let r = try tipstat(["show", "in.csv", "--format", "csv", "-o", "in.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "in.csv: error: refusing to write the output onto the input file in.csv\n")
        #expect(try String(contentsOfFile: dir + "/in.csv", encoding: .utf8) == "a\n1\n")
    }

    @Test func badDelimiterIsAUsageError() throws {
        let r = try tipstat(["show", "x.csv", "--delimiter", "ab"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: --delimiter must be one character such as , ; | or the word tab, not \"ab\"\n"))
    }

    @Test func summaryOfTheDatasets() throws {
        let r = try tipstat(["summary", "Datasets", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        dataset,schema,rows,periods,sources,unsourced_rows,unquoted_rows,errors,warnings
        council-activity.csv,,2,2016,2,0,0,0,0
        dcf-demographics.csv,demographics,20,2016–2021,4,0,0,0,1
        dcf-referrals.csv,referrals,11,2008–2021,7,0,0,0,0
        demand-model.csv,demand,4,,1,0,0,0,0
        hotline.csv,hotline,5,2007–2016,3,0,0,0,0
        judicial.csv,judicial,5,2005–2016,4,0,0,0,0
        population.csv,,18,2010–2020,2,0,0,0,0
        providers.csv,providers,16,2014–2022,6,0,0,0,0

        """)
    }

    /// The quote rule in `validate` and `summary`: a figure its row's quote does not state and
    /// no derivation gives is a warning at its cell; a derivation may name a row of another file
    /// in the same folder, and may only use figures that the rows it names quote. A column of
    /// bare years is read as integers (figures) unless the metadata says it is a period.
    @Test func validateWarnsAndSummaryCountsRowsBreakingTheQuoteRule() throws {
        let dir = try scratchFolder([
            "data/other.csv": "period,referrals,quote\n2016,202,202 children\n",
            "data/other.csv-metadata.json": #"{"tableSchema": {"columns": [{"name": "period", "datatype": "gYear"}]}}"#,
            "data/refs.csv": """
            period,referrals,source,quote,derived_from
            2015,133,report,"In 2015, DCF received 133 referrals",
            2016,202,slides,,referrals = 202 from other.csv:2016
            2017,9,press,,
            2018,210,press,two hundred and ten,
            2016/2017,211,sum,,referrals = 202 + 9 from other.csv:2016; refs.csv:2017

            """,
        ])
        let r = try tipstat(["validate", "data/refs.csv"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "data/refs.csv: ok, 4 warnings (5 rows, plain CSV)\n")
        #expect(r.stderr == """
        data/refs.csv:4:2: warning: column "referrals": the row has no quote to state 9, and no derived_from gives it
        data/refs.csv:5:2: warning: column "referrals": the quote does not state 210, and no derived_from gives it
        data/refs.csv:6:5: warning: derived_from: 9 is not a figure that the rows named (other.csv:2016; refs.csv:2017) state in their quotes
        data/refs.csv:6:2: warning: column "referrals": the row has no quote to state 211, and no derived_from gives it

        """)
        let summary = try tipstat(["summary", "data", "--format", "csv"], in: dir)
        #expect(summary.status == 0)
        #expect(summary.stdout == """
        dataset,schema,rows,periods,sources,unsourced_rows,unquoted_rows,errors,warnings
        other.csv,,1,2016,0,1,0,0,0
        refs.csv,,5,2015–2018,4,0,3,0,4

        """)
        #expect(summary.stderr == r.stderr)
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        for command in ["validate", "show", "summary"] {
            let r = try tipstat([command, "--help"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Example:"), "\(command)")
        }
    }

    @Test func windowsTextIsReadWithEncoding() throws {
        let dir = NSTemporaryDirectory() + "tipstat-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let bytes: [UInt8] = Array("town,count\n".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(",3\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/towns.csv"))
        let plain = try tipstat(["show", "towns.csv"], in: dir)
        #expect(plain.status == 1)
        #expect(plain.stderr == "towns.csv:2:1: error: column \"town\": the field is not valid UTF-8 (bad byte after 3 valid bytes); save the file as UTF-8, or read it with --encoding windows-1252 if it is Windows (ANSI) text\n")
        let read = try tipstat(["show", "towns.csv", "--encoding", "windows-1252", "--format", "csv"], in: dir)
        #expect(read.status == 0)
        #expect(read.stdout == "town,count\nCafé,3\n")
        #expect(try tipstat(["validate", "towns.csv", "--encoding", "latin1"], in: dir).stdout == "towns.csv: ok (1 row, plain CSV)\n")
        let aggregate = try tipstat(["aggregate", "towns.csv", "--by", "town", "--sum", "count", "--encoding", "cp1252", "--format", "csv"], in: dir)
        #expect(aggregate.stdout == "town,sum_count,missing_count\nCafé,3,0\n")
        // The input is never changed.
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/towns.csv")) == Data(bytes))
        let unknown = try tipstat(["show", "towns.csv", "--encoding", "utf-16"], in: dir)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: --encoding must be one of utf-8, windows-1252 (also cp1252, latin1, iso-8859-1), not \"utf-16\"\n"))
    }

    @Test func usDatesWithDateOrder() throws {
        let dir = try scratchFolder(["us.csv": "d,n\n3/4/2016,1\n12/31/2015,2\n"])
        #expect(try tipstat(["show", "us.csv", "--format", "csv"], in: dir).stdout == "d,n\n3/4/2016,1\n12/31/2015,2\n")
        let dates = try tipstat(["show", "us.csv", "--date-order", "mdy", "--format", "json"], in: dir)
        #expect(dates.status == 0)
        #expect(dates.stdout == #"{"columns":[{"name":"d","type":"date"},{"name":"n","type":"integer"}],"rows":[["2016-03-04",1],["2015-12-31",2]]}"# + "\n")
        let wrong = try tipstat(["show", "us.csv", "--date-order", "dmy"], in: dir)
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "us.csv:3:1: error: column \"d\": \"12/31/2015\" is not a date that exists\n")
    }
}
