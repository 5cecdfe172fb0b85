import Foundation
import Testing
import TIPTable
import TIPDomain

/// The council's own data: every file validates against the schema its metadata names (or as
/// plain CSV with its metadata's types), every row carries a source and a quote that states
/// its figures, and the figures are the ones the sources state.
@Suite struct DatasetsTests {
    static let files = ["judicial", "dcf-referrals", "dcf-demographics", "hotline", "providers", "demand-model"]
    /// Datasets no schema describes: checked as plain CSV with their metadata's column types.
    static let plainFiles = ["population", "council-activity"]
    static let allFiles = (try? FileManager.default.contentsOfDirectory(atPath: datasetsFolder))?
        .filter { $0.hasSuffix(".csv") }.sorted() ?? []

    @Test(arguments: files)
    func validatesWithItsSchema(name: String) throws {
        let d = Dataset.load(path: "\(datasetsFolder)/\(name).csv")
        #expect(d.kind != nil)
        #expect(!d.hasErrors, "\(d.problems)")
        let table = try #require(d.table)
        #expect(table.metadata?.title != nil)
        #expect(table.metadata?.source != nil)
        let sources = try #require(table["source"])
        #expect(sources.values.allSatisfy { !($0.string ?? "").isEmpty })
    }

    @Test func onlyTheSourcesOwnDiscrepancyIsFlagged() {
        let d = Dataset.load(path: "\(datasetsFolder)/dcf-demographics.csv")
        #expect(d.problems.map(\.message) == ["counts of \"race/ethnicity\" (undated) add to 209, not the stated total of 210"])
    }

    @Test func statedFigures() throws {
        let referrals = try #require(Dataset.load(path: "\(datasetsFolder)/dcf-referrals.csv").table)
        let byPeriod = Dictionary(uniqueKeysWithValues: (0..<referrals.rowCount).map {
            (referrals["period"]!.values[$0].description, referrals["referrals"]!.values[$0].integer!)
        })
        #expect(byPeriod["2015"] == 133)
        #expect(byPeriod["2016-01/2016-09"] == 151)
        #expect(byPeriod["2013/2016"] == 456)
        #expect(byPeriod["2012"] == nil)

        let hotline = try #require(Dataset.load(path: "\(datasetsFolder)/hotline.csv").table)
        let row = try #require((0..<hotline.rowCount).first { hotline["period"]!.values[$0].description == "2016-01/2016-09" })
        #expect(hotline["cases"]!.values[row] == .integer(41))
        #expect(hotline["calls"]!.values[row] == .integer(145))

        let judicial = try #require(Dataset.load(path: "\(datasetsFolder)/judicial.csv").table)
        let patronizing = try #require((0..<judicial.rowCount).first { judicial["statute"]!.values[$0] == .string("53a-83") })
        #expect(judicial["arrests"]!.values[patronizing] == .integer(1378))
        #expect(judicial["convictions"]!.values[patronizing] == .integer(269))
    }

    @Test func theFoldersFilesAreTheOnesTestedHere() {
        #expect(Self.allFiles == (Self.files + Self.plainFiles).map { $0 + ".csv" }.sorted())
    }

    @Test(arguments: plainFiles)
    func plainDatasetsValidateWithTheirMetadata(name: String) throws {
        let d = Dataset.load(path: "\(datasetsFolder)/\(name).csv")
        #expect(d.kind == nil)
        #expect(d.problems.isEmpty, "\(d.problems)")
        let table = try #require(d.table)
        #expect(table.metadata?.title != nil && table.metadata?.source != nil)
        for column in ["source", "quote"] {
            #expect(try #require(table[column]).values.allSatisfy { !($0.string ?? "").isEmpty }, "\(column)")
        }
    }

    /// The rule of the folder: every figure of every row is in the row's quote, or derived from
    /// figures other rows quote. Three rows derive their total (the 2016 ages, of the 202 of
    /// dcf-referrals.csv:2016); none may lack a quote.
    @Test(arguments: allFiles)
    func everyRowKeepsTheQuoteRule(file: String) throws {
        let path = "\(datasetsFolder)/\(file)"
        let d = Dataset.load(path: path)
        let table = try #require(d.table)
        #expect(table["quote"] != nil)
        #expect(QuoteRule.check(d, besides: path).map(\.description) == [])
        #expect(try #require(table["quote"]).values.allSatisfy { !($0.string ?? "").isEmpty })
        let derived = table["derived_from"]?.values.filter { !($0.string ?? "").isEmpty } ?? []
        #expect(derived == (file == "dcf-demographics.csv" ? Array(repeating: .string("total = 202 from dcf-referrals.csv:2016"), count: 3) : []))
    }

    /// The test above can fail: on a copy of the folder, a quote that loses its figure and a
    /// figure that no longer matches the row a derivation names are both found, at their cells.
    @Test func theRuleFindsAQuoteThatLosesItsFigureOnACopy() throws {
        let copy = NSTemporaryDirectory() + "tipstat-quote-rule-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        for name in Self.allFiles.flatMap({ [$0, $0 + "-metadata.json"] }) {
            try FileManager.default.copyItem(atPath: "\(datasetsFolder)/\(name)", toPath: "\(copy)/\(name)")
        }
        func edit(_ name: String, _ old: String, _ new: String) throws {
            let text = try String(contentsOfFile: "\(copy)/\(name)", encoding: .utf8)
            #expect(text.components(separatedBy: old).count == 2, "\(old) once in \(name)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: "\(copy)/\(name)", atomically: true, encoding: .utf8)
        }
        func findings(_ name: String) -> [String] {
            QuoteRule.check(Dataset.load(path: "\(copy)/\(name)"), besides: "\(copy)/\(name)").map { "\($0.line!):\($0.column!): \($0.message)" }
        }
        try edit("hotline.csv", "received 145 calls from Connecticut", "received calls from Connecticut")
        #expect(findings("hotline.csv") == ["5:2: column \"calls\": the quote does not state 145, and no derived_from gives it"])
        try edit("dcf-referrals.csv", "2016,202,", "2016,203,")
        #expect(findings("dcf-referrals.csv") == ["9:2: column \"referrals\": the quote does not state 203, and no derived_from gives it"])
        #expect(findings("dcf-demographics.csv") == (2...4).flatMap { line in [
            "\(line):12: derived_from: 202 is not a figure that the rows named (dcf-referrals.csv:2016) state in their quotes",
            "\(line):6: column \"total\": the quote does not state 202, and no derived_from gives it",
        ] })
        for name in Self.allFiles where !["hotline.csv", "dcf-referrals.csv", "dcf-demographics.csv"].contains(name) {
            #expect(findings(name).isEmpty, "\(name)")
        }
    }

    /// Every quote is in the sources word for word (spaces aside); a quote that joins passages
    /// separates them with an ellipsis ("..." or "…"). The sources are beside the repository
    /// when it is checked out with them.
    static let sourcesText: String? = {
        let folder = repositoryRoot + "/../shared/sources/"
        let files = ["tip-council-2016-annual-report.txt", "tip-council-2017-01-19-minutes.md", "public-figures.md"]
        let texts = files.compactMap { try? String(contentsOfFile: folder + $0, encoding: .utf8) }
        return texts.count == files.count ? texts.joined(separator: "\n") : nil
    }()

    @Test(.enabled(if: sourcesText != nil, "the shared sources are not beside the repository"), arguments: allFiles)
    func everyQuoteIsInTheSourcesWordForWord(file: String) throws {
        func words(_ s: some StringProtocol) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let text = words(try #require(Self.sourcesText))
        let table = try #require(Dataset.load(path: "\(datasetsFolder)/\(file)").table)
        for (r, quote) in try #require(table["quote"]).values.enumerated() {
            let parts = (quote.string ?? "").replacingOccurrences(of: "\u{2026}", with: "...").components(separatedBy: "...")
            for part in parts.map(words) where !part.isEmpty {
                #expect(text.contains(part), "\(file):\(table.rowLines[r]): not in the sources: \(part)")
            }
        }
    }

    /// The census counts: Connecticut and its eight counties in 2010 and 2020, and the
    /// counties add to the state as the source's figures do.
    @Test func populationOfTheStateAndItsCounties() throws {
        let table = try #require(Dataset.load(path: "\(datasetsFolder)/population.csv").table)
        #expect(table["year"]?.type == .period && table["population"]?.type == .integer)
        var state: [String: Int] = [:], counties: [String: Int] = [:], areas = Set<String>()
        for r in 0..<table.rowCount {
            let year = table["year"]!.values[r].description, people = try #require(table["population"]!.values[r].integer)
            areas.insert(table["area"]!.values[r].string!)
            switch table["level"]!.values[r].string {
            case "state": state[year, default: 0] += people
            case "county": counties[year, default: 0] += people
            default: Issue.record("unknown level at row \(r)")
            }
        }
        #expect(table.rowCount == 18 && areas.count == 9)
        #expect(state == ["2010": 3_574_097, "2020": 3_605_944])
        #expect(counties == state)
    }

    /// The two figures the issue found missing: the council met five times in 2016, and HART
    /// has over 100 members (a lower bound).
    @Test func councilMeetingsAndHARTMembership() throws {
        let table = try #require(Dataset.load(path: "\(datasetsFolder)/council-activity.csv").table)
        let rows = (0..<table.rowCount).map { r in
            (table["measure"]!.values[r].string!, table["value"]!.values[r].integer, table["qualifier"]!.values[r].string)
        }
        #expect(rows.map(\.0) == ["meetings", "members"])
        #expect(rows.map(\.1) == [5, 100])
        #expect(rows.map(\.2) == [nil, "over"])
    }
}
