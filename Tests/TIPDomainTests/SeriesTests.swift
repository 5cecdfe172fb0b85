import Testing
import Foundation
import TIPTable
@testable import TIPDomain

@Suite struct SeriesTests {
    /// Ten charges, counted by hand below.
    static let charges = """
    case,statute,arrested,outcome,decided
    1,53a-192a,2015-03-01,Guilty,2016-01-05
    2,CGS 53A-192A,2015-07-01,nolle,
    3,53a-83(c),2017-02-01, convicted ,2017-05-01
    4,53a-82,2015-01-01,pending,
    5,53a-82,2015-12-31T23:59,guilty plea,2016-02-01
    6,53a-82,2016-06-30,GUILTY,2016-06-30
    7,53a-192a,2017-11-11,not guilty,2018-01-01
    8,53a-83(C),2017-03-03,Guilty,2018-02-02
    9,53a-82,2017-01-01,,
    10,53a-192a,2016-05-05,convicted,2016-12-31

    """

    func run(_ request: JudicialSeriesRequest, threads: Int = 1) throws -> AggregateResult {
        let dir = NSTemporaryDirectory() + "tipstat-series-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(SeriesTests.charges.utf8).write(to: URL(fileURLWithPath: dir + "/charges.csv"))
        return request.run(.file(dir + "/charges.csv", name: "charges.csv"), threads: threads, minimumPartBytes: 1)
    }

    @Test("arrests by arrest year, convictions by disposition year, zeros filled")
    func yearly() throws {
        let request = JudicialSeriesRequest(statuteColumn: "statute", dateColumn: "arrested", dispositionColumn: "outcome",
                                            dispositionDateColumn: "decided")
        let result = try run(request)
        #expect(result.problems.isEmpty)
        let table = try #require(result.table)
        let rows = (0..<table.rowCount).map { r in table.row(r).map(\.description).joined(separator: ",") }
        // By hand: 53a-192a arrests 2015: cases 1, 2; 2016: 10; 2017: 7. Convictions: case 1
        // decided 2016, case 10 decided 2016 ("convicted"); case 7 is "not guilty".
        // 53a-82 arrests 2015: 4, 5; 2016: 6; 2017: 9. Convictions: case 6 in 2016 ("GUILTY");
        // case 5's "guilty plea" is not a listed value.
        // 53a-83(c) arrests 2017: 3, 8. Convictions: case 3 in 2017, case 8 in 2018.
        #expect(rows == [
            "53a-192a,Trafficking in persons,2015,2,0",
            "53a-192a,Trafficking in persons,2016,1,2",
            "53a-192a,Trafficking in persons,2017,1,0",
            "53a-192a,Trafficking in persons,2018,0,0",
            "53a-82,Prostitution,2015,2,0",
            "53a-82,Prostitution,2016,1,1",
            "53a-82,Prostitution,2017,1,0",
            "53a-82,Prostitution,2018,0,0",
            "53a-83(c),Patronizing a prostitute,2015,0,0",
            "53a-83(c),Patronizing a prostitute,2016,0,0",
            "53a-83(c),Patronizing a prostitute,2017,2,1",
            "53a-83(c),Patronizing a prostitute,2018,0,1",
        ])
        // The output is a judicial dataset.
        let csv = TableRenderer.render(table, as: .csv)
        let dataset = Dataset.load(.bytes(Array(csv.utf8), name: "derived.csv"), kind: .judicial)
        #expect(dataset.problems.isEmpty)
        // Two threads, the same series.
        #expect(try run(request, threads: 2).table.map { TableRenderer.render($0, as: .csv) } == csv)
    }

    @Test("dates month first or day first give the ISO dates' series", arguments: [DateOrder.mdy, .dmy])
    func otherDateOrders(order: DateOrder) throws {
        // The same ten charges with every date rewritten: 2015-03-01 as 3/1/2015 (mdy) or
        // 01.03.2015 (dmy), the time kept after a space.
        let iso = /(\d{4})-(\d{2})-(\d{2})(T)?/
        let rewritten = SeriesTests.charges.replacing(iso) { m in
            let (y, mo, d) = (String(m.1), Int(m.2)!, Int(m.3)!)
            let time = m.4 == nil ? "" : " "
            return order == .mdy ? "\(mo)/\(d)/\(y)\(time)" : String(format: "%02d.%02d.%@", d, mo, y) + time
        }
        #expect(rewritten.contains(order == .mdy ? "12/31/2015 23:59" : "31.12.2015 23:59"))
        let dir = NSTemporaryDirectory() + "tipstat-series-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(rewritten.utf8).write(to: URL(fileURLWithPath: dir + "/charges.csv"))
        var request = JudicialSeriesRequest(statuteColumn: "statute", dateColumn: "arrested", dispositionColumn: "outcome",
                                            dispositionDateColumn: "decided")
        let expected = try #require(try run(request).table)
        request.dateOrder = order
        for threads in [1, 2] {
            let result = request.run(.file(dir + "/charges.csv", name: "charges.csv"), threads: threads, minimumPartBytes: 1)
            #expect(result.problems.isEmpty, "\(result.problems)")
            #expect(result.table.map { TableRenderer.render($0, as: .csv) } == TableRenderer.render(expected, as: .csv))
        }
        // ISO dates are not month/day/year: each is an error at its cell.
        let isoRead = try run(request)
        #expect(isoRead.table == nil)
        #expect(isoRead.problems.first?.description == "charges.csv:2:3: error: column \"arrested\": expected \(order.expectation), found \"2015-03-01\"")
    }

    @Test("conviction values, sections only, quarters")
    func options() throws {
        var request = JudicialSeriesRequest(statuteColumn: "statute", dateColumn: "arrested", dispositionColumn: "outcome",
                                            convictionValues: ["Guilty Plea", "guilty"], granularity: .quarter, sectionsOnly: true)
        request.dispositionDateColumn = nil
        let table = try #require(try run(request).table)
        let prostitution = (0..<table.rowCount).filter { table["statute"]!.values[$0] == .string("53a-82") }
        // Case 5 (guilty plea) counts in the quarter of its arrest, 2015-Q4; case 6 in 2016-Q2.
        let convictions = prostitution.map { "\(table["period"]!.values[$0]):\(table["convictions"]!.values[$0])" }
            .filter { !$0.hasSuffix(":0") }
        #expect(convictions == ["2015-10/2015-12:1", "2016-04/2016-06:1"])
        #expect(Set(table["statute"]!.values) == [.string("53a-192a"), .string("53a-82"), .string("53a-83")])
    }

    @Test("unknown and malformed statutes and bad dates are located errors")
    func problems() throws {
        let dir = NSTemporaryDirectory() + "tipstat-series-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("s,d,o\n53a-999,2015-01-01,guilty\nfoo,2015-01-01,x\n53a-82,2015-02-30,x\n53a-82,,x\n53a-999,2016-01-01,x\n".utf8)
            .write(to: URL(fileURLWithPath: dir + "/c.csv"))
        let request = JudicialSeriesRequest(statuteColumn: "s", dateColumn: "d", dispositionColumn: "o")
        let result = request.run(.file(dir + "/c.csv", name: "c.csv"))
        #expect(result.table == nil)
        #expect(result.problems.map(\.description) == [
            "c.csv:2:1: error: column \"s\": unknown statute \"53a-999\"; if it is right, pass --statute 53a-999 (in 2 rows; the first is shown)",
            "c.csv:3:1: error: column \"s\": \"foo\" is not a statute number such as 53a-192a or 53a-83(c)",
            "c.csv:4:2: error: column \"d\": \"2015-02-30\" is not a date that exists",
            "c.csv:5:2: error: column \"d\": a value is required in every row",
        ])
    }

    @Test func statuteNormalisation() {
        #expect(Statutes.normalized("CGS 53A-192A") == "53a-192a")
        #expect(Statutes.normalized(" C.G.S. § 53a - 83(C) ") == "53a-83(c)")
        #expect(Statutes.normalized("Sec. 53a-83(c)", sectionOnly: true) == "53a-83")
    }
}
