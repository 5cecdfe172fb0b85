import Testing
import TIPTable
import TIPDomain

/// The quote rule on small tables: how numbers are read from a quote, how rows are keyed, and
/// every way a derivation can fail, each with its exact message and cell.
@Suite struct QuoteRuleTests {
    /// The quotes are the sources' own words (Datasets/), plus the edges of the reading rule.
    @Test(arguments: [
        ("3,557 prostitutes were arrested compared to 1,378 buyers of sex", [3557.0, 1378]),
        ("The State Legislature allocated $8,344 in 2016", [8344, 2016]),
        ("Of those, 82.7 percent – or 24 cases – involved trafficking for sex", [82.7, 24]),
        ("86% were female", [86]),
        ("Clients Served by Region Total =210", [210]),
        ("75 were 15- and 16-year-olds, and 12 were 11 or 12. One was 10.", [75, 15, 16, 12, 11, 12, 1, 10]),
        ("The TIP Council met five times during 2016", [5, 2016]),
        ("absolutely no convictions for the crime despite 10 arrests", [0, 10]),
        ("Funds spent for housing: $346.18; CONNECTICUT 0.88%", [346.18, 0.88]),
        ("twenty-one cases, Ninety-Nine calls, sixteen-year-olds, NONE", [21, 99, 16, 0]),
        // A leading zero is a date part, not a count; a group after a comma has exactly three digits.
        ("From 2016-01/2016-09", [2016, 2016]),
        ("1,23 and 12,3456 and 0,123", [1, 23, 12, 3456, 0, 123]),
        // Scale words are not read; identifiers give their digits.
        ("one hundred and 53a-192a", [1, 53, 192]),
        ("nothing, not, nobody", []),
    ])
    func numbersAQuoteStates(quote: String, expected: [Double]) {
        #expect(QuoteRule.numbers(in: quote) == expected, "\(quote)")
    }

    static func table(_ text: String, name: String) throws -> Table {
        let options = LoadOptions(columnTypes: ["period": .period], readMetadata: false)
        return try #require(Dataset.load(.bytes(Array(text.utf8), name: name), options: options).table)
    }

    /// The rows other rows derive from: two parts of 2016 and the year, a figure no quote
    /// states, and a key two rows share.
    static let other = """
        period,count,quote
        2016-01/2016-09,151,151 referrals
        2016-10/2016-12,51,51 more
        2016,202,202 children
        2015,7,no words for it
        2015,8,8

        """

    @Test func everyFigureQuotedOrDerivedAndEveryFailureLocated() throws {
        let d = try Self.table("""
            period,count,total,quote,derived_from
            2016,75,202,"75 were 15- and 16-year-olds",total = 202 from o.csv:2016
            2016,202,203,202 in all,total = 151 + 51 from o.csv:2016-01/2016-09; o.csv:2016-10/2016-12
            2017,9,,,
            2018,5,,five cases,
            2019,4,,three cases,
            2020,10,,ten,count = 10 from o.csv:2021
            2021,1,15,one,total = 7 + 8 from o.csv:2015
            2022,3,,three,count = 3 from d.csv:2022
            2023,4,,,count = 2 x 2 from d.csv:2018
            2024,6,,,count = (5 + 1 from d.csv:2018
            2025,5,,,count = 5 / (5 - 5) from d.csv:2018
            2026,5,,,cases = 5 from d.csv:2018
            2027,5,,,count = 5 from ../x.csv:1
            2028,5,,,count = 5 from gone.csv:1
            2029,5,,,count = 5 from d.csv:2018 | total = 5 from d.csv:2018
            2030,40,,,count = 5 * (3 + 5) from d.csv:2018; o.csv:2016

            """, name: "d.csv")
        let other = try Self.table(Self.other, name: "o.csv")
        var reads: [String] = []
        let problems = QuoteRule.check(d, file: "d.csv") { name in
            reads.append(name)
            return name == "o.csv" ? other : nil
        }
        #expect(reads == ["o.csv", "gone.csv"], "each other file is read once; the file itself never")
        #expect(problems.allSatisfy { $0.severity == .warning })
        #expect(problems.map(\.description) == [
            "d.csv:3:5: warning: derived_from: 151 + 51 = 202, not the row's total of 203",
            "d.csv:3:3: warning: column \"total\": the quote does not state 203, and no derived_from gives it",
            "d.csv:4:2: warning: column \"count\": the row has no quote to state 9, and no derived_from gives it",
            "d.csv:6:2: warning: column \"count\": the quote does not state 4, and no derived_from gives it",
            "d.csv:7:5: warning: derived_from: no row of o.csv has the key \"o.csv:2021\" (a key is the file name, then the row's text and period values in column order, joined by \":\")",
            "d.csv:8:5: warning: derived_from: 2 rows of o.csv have the key \"o.csv:2015\": a key must name one row",
            "d.csv:8:3: warning: column \"total\": the quote does not state 15, and no derived_from gives it",
            "d.csv:9:5: warning: derived_from: \"d.csv:2022\" is this row: a figure cannot be derived from itself",
            "d.csv:10:5: warning: derived_from: 2 is not a figure that the rows named (d.csv:2018) state in their quotes",
            "d.csv:10:2: warning: column \"count\": the row has no quote to state 4, and no derived_from gives it",
            "d.csv:11:5: warning: derived_from: cannot read \"count = (5 + 1 from d.csv:2018\": a \"(\" is never closed; write COLUMN = ARITHMETIC from FILE:KEY[; FILE:KEY...]",
            "d.csv:11:2: warning: column \"count\": the row has no quote to state 6, and no derived_from gives it",
            "d.csv:12:5: warning: derived_from: 5 / (5 - 5) divides by zero",
            "d.csv:12:2: warning: column \"count\": the row has no quote to state 5, and no derived_from gives it",
            "d.csv:13:5: warning: derived_from: no figure column \"cases\" (the figure columns are count, total)",
            "d.csv:13:2: warning: column \"count\": the row has no quote to state 5, and no derived_from gives it",
            "d.csv:14:5: warning: derived_from: \"../x.csv:1\" does not start with a CSV file name (FILE.csv:KEY, FILE in the same folder as this file)",
            "d.csv:14:2: warning: column \"count\": the row has no quote to state 5, and no derived_from gives it",
            "d.csv:15:5: warning: derived_from: cannot read gone.csv beside this file",
            "d.csv:15:2: warning: column \"count\": the row has no quote to state 5, and no derived_from gives it",
            "d.csv:16:5: warning: derived_from: column \"total\" is empty in this row: nothing to derive",
            "d.csv:17:5: warning: derived_from: 3 is not a figure that the rows named (d.csv:2018; o.csv:2016) state in their quotes",
            "d.csv:17:2: warning: column \"count\": the row has no quote to state 40, and no derived_from gives it",
        ])
    }

    @Test func precedenceAndParenthesesInTheArithmetic() throws {
        // 5 * (8 - 5) + 8 / 8 = 16, from figures the named rows quote (5; 8); without the
        // parentheses it would be 36.
        let d = try Self.table("""
            period,count,quote,derived_from
            2018,5,five,
            2019,16,,count = 5 × (8 - 5) + 8 / 8 from d.csv:2018; o.csv:2015
            2020,36,,count = 5 x 8 - 5 + 8 / 8 from d.csv:2018; o.csv:2015

            """, name: "d.csv")
        let other = try Self.table("period,count,quote\n2015,8,eight\n", name: "o.csv")
        #expect(QuoteRule.check(d, file: "d.csv") { $0 == "o.csv" ? other : nil }.isEmpty)
        let wrong = try Self.table("period,count,quote,derived_from\n2018,5,five,\n2019,16,,count = 5 * 8 - 5 from d.csv:2018\n",
                                   name: "d.csv")
        #expect(QuoteRule.check(wrong, file: "d.csv") { _ in nil }.first?.message
                == "derived_from: 8 is not a figure that the rows named (d.csv:2018) state in their quotes")
    }

    @Test func boundsOnWhatACellMayAsk() throws {
        let deep = String(repeating: "(", count: 40) + "5" + String(repeating: ")", count: 40)
        let many = (0..<17).map { _ in "count = 5 from d.csv:2018" }.joined(separator: " | ")
        let d = try Self.table("period,count,quote,derived_from\n2018,5,five,\n2019,5,,count = \(deep) from d.csv:2018\n2020,5,five,\"\(many)\"\n",
                               name: "d.csv")
        let messages = QuoteRule.check(d, file: "d.csv") { _ in nil }.map(\.message)
        // The cell is quoted to its first 60 characters.
        let shown = "count = " + String(repeating: "(", count: 40) + "5" + String(repeating: ")", count: 11) + "…"
        #expect(messages == [
            "derived_from: cannot read \"\(shown)\": parentheses nested more than 32 deep; write COLUMN = ARITHMETIC from FILE:KEY[; FILE:KEY...]",
            "column \"count\": the row has no quote to state 5, and no derived_from gives it",
            "derived_from: more than 16 derivations in one cell",
        ])
    }

    @Test func aTableWithoutQuoteOrDerivationIsNotChecked() throws {
        let d = try Self.table("period,count\n2016,3\n", name: "d.csv")
        #expect(QuoteRule.check(d, file: "d.csv") { _ in nil }.isEmpty)
    }

    @Test func rowKeysAreTheTextAndPeriodValues() throws {
        let demographics = try #require(Dataset.load(path: "\(datasetsFolder)/dcf-demographics.csv").table)
        #expect(QuoteRule.rowKey(of: 0, in: demographics, file: "Datasets/dcf-demographics.csv") == "dcf-demographics.csv:2016:age:15-16")
        #expect(QuoteRule.rowKey(of: 8, in: demographics, file: "dcf-demographics.csv") == "dcf-demographics.csv::race/ethnicity:Asian")
        let referrals = try #require(Dataset.load(path: "\(datasetsFolder)/dcf-referrals.csv").table)
        #expect(QuoteRule.rowKey(of: 7, in: referrals, file: "dcf-referrals.csv") == "dcf-referrals.csv:2016")
        let population = try #require(Dataset.load(path: "\(datasetsFolder)/population.csv").table)
        #expect(QuoteRule.rowKey(of: 0, in: population, file: "population.csv") == "population.csv:Connecticut:state:2010")
    }
}
