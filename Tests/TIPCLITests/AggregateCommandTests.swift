import Testing
import Foundation

/// End-to-end tests of `tipstat aggregate` and `tipstat series`: exact output and stderr.
@Suite struct AggregateCommandTests {
    static let cases = """
    case_id,statute,year,town,age,amount
    1,53a-82,2016,"Hartford, CT",30,"1,000.50"
    2,53a-82,2016,Bristol,,2.25
    3,53a-192a,2015,"New
    Haven",41,NA
    4,53a-82,2015,Bristol,19,10
    5,53a-82,9,Bristol,19,1

    """

    @Test func countSumMeanAsCSV() throws {
        let dir = try scratchFolder(["cases.csv": AggregateCommandTests.cases])
        let r = try tipstat(["aggregate", "cases.csv", "--by", "year,statute", "--count", "--sum", "amount",
                             "--mean", "age", "--format", "csv"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        // By hand: year 9 sorts before 2015 (a year is a number); 2016/53a-82: 1000.50 + 2.25,
        // one age missing; 2015/53a-192a: amount NA, so no sum.
        #expect(r.stdout == """
        year,statute,count,mean_age,missing_age,sum_amount,missing_amount
        9,53a-82,1,19,0,1,0
        2015,53a-192a,1,41,0,,1
        2015,53a-82,1,19,0,10,0
        2016,53a-82,2,30,1,1002.75,0

        """)
    }

    @Test func whereAndJSON() throws {
        let dir = try scratchFolder(["cases.csv": AggregateCommandTests.cases])
        let r = try tipstat(["aggregate", "cases.csv", "--by", "town", "--max", "age", "--where", "statute=53a-82",
                             "--where", "year=2015", "--where", "year=9", "--format", "json", "--threads", "2"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == #"{"columns":[{"name":"town","type":"string"},{"name":"max_age","type":"integer"},{"name":"missing_age","type":"integer"}],"rows":[["Bristol",19,0]]}"# + "\n")
    }

    @Test func errorsAreLocatedAndNoOutputIsWritten() throws {
        let dir = try scratchFolder(["bad.csv": "g,x\na,1\nb,x1\nc,2,3\n"])
        let r = try tipstat(["aggregate", "bad.csv", "--by", "g", "--sum", "x", "-o", "out.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == """
        bad.csv:3:2: error: column "x": expected a number, found "x1"
        bad.csv:4:3: error: the row has 3 fields but the header has 2

        """)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
        let strict = try tipstat(["aggregate", "bad.csv", "--by", "g", "--sum", "x", "--strict"], in: dir)
        #expect(strict.stderr == "bad.csv:3:2: error: column \"x\": expected a number, found \"x1\"\n")
    }

    @Test func unknownColumnAndUsage() throws {
        let dir = try scratchFolder(["a.csv": "g,x\na,1\n"])
        let r = try tipstat(["aggregate", "a.csv", "--by", "town", "--count"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "a.csv:1: error: no column \"town\" in the header (columns: \"g\", \"x\")\n")
        let usage = try tipstat(["aggregate", "a.csv", "--by", "g"], in: dir)
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix("Error: say what to compute: --count, --sum, --mean, --min or --max\n"))
    }

    @Test func seriesIsAJudicialDataset() throws {
        let dir = try scratchFolder(["charges.csv": """
            id,statute,arrest_date,disposition
            1,53a-192a,2015-03-01,Guilty
            2,53A-192A,2016-07-01,dismissed
            3,53a-192a,2016-08-01,convicted

            """])
        let r = try tipstat(["series", "charges.csv", "--statute-column", "statute", "--date-column", "arrest_date",
                             "--disposition-column", "disposition", "-o", "judicial.csv"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        let written = try String(contentsOfFile: dir + "/judicial.csv", encoding: .utf8)
        #expect(written == """
        statute,offence,period,arrests,convictions
        53a-192a,Trafficking in persons,2015,1,1
        53a-192a,Trafficking in persons,2016,2,1

        """)
        let check = try tipstat(["validate", "--schema", "judicial", "judicial.csv"], in: dir)
        #expect(check.status == 0)
        #expect(check.stdout == "judicial.csv: ok (2 rows, judicial schema)\n")
    }

    @Test func seriesReadsUSDatesWithDateOrderMdy() throws {
        let dir = try scratchFolder(["charges.csv": "cgs,arrest_date,outcome\n53a-192a,3/4/2016 10:30 AM,Guilty\n53a-192a,12/31/2015,nolle\n53a-192a,13/1/2016,x\n"])
        let args = ["series", "charges.csv", "--statute-column", "cgs", "--date-column", "arrest_date", "--disposition-column", "outcome"]
        let bad = try tipstat(args + ["--date-order", "mdy"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr == "charges.csv:4:2: error: column \"arrest_date\": expected a date as month/day/year (3/4/2016 or 03-04-2016), found \"13/1/2016\"\n")
        try Data("cgs,arrest_date,outcome\n53a-192a,3/4/2016 10:30 AM,Guilty\n53a-192a,12/31/2015,nolle\n".utf8).write(to: URL(fileURLWithPath: dir + "/charges.csv"))
        let good = try tipstat(args + ["--date-order", "mdy"], in: dir)
        #expect(good.status == 0)
        #expect(good.stdout == "statute,offence,period,arrests,convictions\n53a-192a,Trafficking in persons,2015,1,0\n53a-192a,Trafficking in persons,2016,1,1\n")
        let unknown = try tipstat(args + ["--date-order", "ymd"], in: dir)
        #expect(unknown.status == 64)
    }

    @Test func seriesUnknownStatute() throws {
        let dir = try scratchFolder(["c.csv": "s,d,o\n53a-82,2015-01-01,guilty\n53a-999,2015-01-01,guilty\n"])
        let r = try tipstat(["series", "c.csv", "--statute-column", "s", "--date-column", "d", "--disposition-column", "o"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "c.csv:3:1: error: column \"s\": unknown statute \"53a-999\"; if it is right, pass --statute 53a-999\n")
        let accepted = try tipstat(["series", "c.csv", "--statute-column", "s", "--date-column", "d", "--disposition-column", "o",
                                    "--statute", "53a-999"], in: dir)
        #expect(accepted.status == 0)
        #expect(accepted.stdout.contains("53a-999,,2015,1,1\n"))
    }

    @Test func headerOnlyIsAnError() throws {
        let dir = try scratchFolder(["h.csv": "g,x\n"])
        let r = try tipstat(["aggregate", "h.csv", "--by", "g", "--count"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "h.csv:1: error: the file has a header row but no data rows\n")
    }

    @Test func aggregateReadsStandardInput() throws {
        let r = try tipstat(["aggregate", "-", "--by", "g", "--count", "--format", "csv"], stdin: "g\nb\na\nb\n")
        #expect(r.status == 0)
        #expect(r.stdout == "g,count\na,1\nb,2\n")
    }
}

@testable import TIPCLI

@Suite struct ProgressBarTests {
    @Test func lineShowsBytesRowsRateAndTimeLeft() {
        // Half of 200 MB in 2 s: 50 MB/s, 100 MB left, 2 s to go.
        #expect(ProgressBar.line(bytes: 100_000_000, total: 200_000_000, rows: 1_000_000, seconds: 2)
                == " 50% [#####     ]  100.0/200.0 MB  1,000,000 rows  50.0 MB/s  ETA 0:02")
        // Standard input: no size, so no percentage and no ETA.
        #expect(ProgressBar.line(bytes: 3_000_000, total: 0, rows: 10, seconds: 1) == "3.0 MB  10 rows  3.0 MB/s")
    }

    @Test func noBarWhenStderrIsNotATerminal() throws {
        let r = try tipstat(["aggregate", "-", "--by", "g", "--count"], stdin: "g\na\n")
        #expect(r.stderr == "")
    }
}

/// Streaming commands hold no table, so their file-size cap is larger by default; both caps
/// yield to the option.
@Suite struct StreamingFileCapTests {
    @Test func streamingCommandsDefaultToTheLargerCap() throws {
        let defaults = try InputOptions.parse([])
        #expect(defaults.loadOptions().limits.maxFileBytes == 256 << 20)
        #expect(defaults.loadOptions(streaming: true).limits.maxFileBytes == 16 << 30)
        let given = try InputOptions.parse(["--max-file-bytes", "1000"])
        #expect(given.loadOptions(streaming: true).limits.maxFileBytes == 1000)
        #expect(given.loadOptions().limits.maxFileBytes == 1000)
    }
}
