import Testing
import TIPTable

@Suite struct FieldParserTests {
    @Test("integers: plain, signed, thousands separators", arguments: [
        ("0", 0), ("42", 42), ("+7", 7), ("-12", -12), ("1,841", 1841), ("80,000", 80000),
        ("1,234,567", 1234567), (" 15 ", 15), ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
    ])
    func integers(text: String, expected: Int) {
        #expect(FieldParser.read(text, as: .integer) == .value(.integer(expected)))
    }

    @Test("not integers", arguments: ["1.5", "1e3", "12a", "1,84", "1,8411", ",184", "", "--1", "NaN", "0x10"])
    func notIntegers(text: String) {
        #expect(FieldParser.read(text, as: .integer) == .mismatch)
    }

    @Test func integerOutOfRangeIsInvalidNotText() {
        guard case .invalid(let why) = FieldParser.read("9223372036854775808", as: .integer) else {
            Issue.record("expected invalid"); return
        }
        #expect(why.contains("64-bit"))
        #expect(FieldParser.read("-0", as: .integer) == .invalid("is a negative zero, which is not an integer value"))
    }

    @Test("doubles", arguments: [
        ("3.25", 3.25), ("-0.5", -0.5), (".5", 0.5), ("5.", 5.0), ("1e3", 1000.0), ("2.5E-3", 0.0025),
        ("1,841.50", 1841.5), ("346.18", 346.18),
    ])
    func doubles(text: String, expected: Double) {
        #expect(FieldParser.read(text, as: .double) == .value(.double(expected)))
    }

    @Test("non-numbers are not doubles", arguments: ["NaN", "nan", "Infinity", "-inf", "1e", "e5", ".", "1.2.3", "$5", "5%"])
    func notDoubles(text: String) {
        #expect(FieldParser.read(text, as: .double) == .mismatch)
    }

    @Test func doubleOverflowAndUnderflowAreInvalid() {
        #expect(FieldParser.read("1e400", as: .double) == .invalid("is beyond the range of a 64-bit float"))
        #expect(FieldParser.read("-1e400", as: .double) == .invalid("is beyond the range of a 64-bit float"))
        #expect(FieldParser.read("1e-400", as: .double) == .invalid("is too close to zero to represent"))
    }

    @Test("percentages keep percentage points", arguments: [("28%", 28.0), ("2.5 %", 2.5), ("-3%", -3.0), ("100%", 100.0)])
    func percents(text: String, expected: Double) {
        #expect(FieldParser.read(text, as: .percent) == .value(.percent(expected)))
    }

    @Test("currency", arguments: [
        ("$346.18", 346.18), ("$8,344", 8344.0), ("-$5", -5.0), ("$-5", -5.0), ("$ 12.50", 12.5), ("($5.00)", -5.0),
    ])
    func currency(text: String, expected: Double) {
        #expect(FieldParser.read(text, as: .currency) == .value(.currency(expected)))
    }

    @Test("not currency", arguments: ["346.18", "$", "$abc", "($-5)", "$+5", "USD 5"])
    func notCurrency(text: String) {
        #expect(FieldParser.read(text, as: .currency) == .mismatch)
    }

    @Test func booleans() {
        for t in ["true", "TRUE", "Yes", "yes"] { #expect(FieldParser.read(t, as: .boolean) == .value(.boolean(true))) }
        for t in ["false", "No", "FALSE"] { #expect(FieldParser.read(t, as: .boolean) == .value(.boolean(false))) }
        for t in ["T", "F", "1", "0", "y", "maybe"] { #expect(FieldParser.read(t, as: .boolean) == .mismatch) }
    }

    @Test func dates() {
        #expect(FieldParser.read("2016-09-30", as: .date) == .value(.date(CalendarDate(year: 2016, month: 9, day: 30)!)))
        #expect(FieldParser.read("2016-02-29", as: .date) == .value(.date(CalendarDate(year: 2016, month: 2, day: 29)!)))
        #expect(FieldParser.read("2015-02-29", as: .date) == .invalid("is not a date that exists"))
        #expect(FieldParser.read("2016-13-01", as: .date) == .invalid("is not a date that exists"))
        #expect(FieldParser.read("9/30/2016", as: .date) == .mismatch)
        #expect(FieldParser.read("2016-9-30", as: .date) == .mismatch)
    }

    @Test func periodsOfEveryForm() throws {
        let cases: [(String, String, Int)] = [
            ("2016", "2016", 12), ("2016-03", "2016-03", 1), ("2016-Q3", "2016-07/2016-09", 3),
            ("2016-01/2016-09", "2016-01/2016-09", 9), ("2006/2016-03", "2006-01/2016-03", 123),
            ("2013/2016", "2013/2016", 48), ("2016-03/2016-12", "2016-03/2016-12", 10), ("2014/2014", "2014", 12),
        ]
        for (text, canonical, months) in cases {
            let reading = FieldParser.read(text, as: .period)
            guard case .value(.period(let p)) = reading else { Issue.record("\(text): \(reading)"); continue }
            #expect(p.description == canonical, "\(text)")
            #expect(p.months == months, "\(text)")
        }
        #expect(FieldParser.read("2016-09/2016-01", as: .period) == .invalid("ends before it starts"))
        #expect(FieldParser.read("2016-13", as: .period) == .invalid("is not a valid period"))
        #expect(FieldParser.read("sixteen", as: .period) == .mismatch)
        #expect(FieldParser.read("2016/2017/2018", as: .period) == .invalid("is not a valid period"))
    }

    @Test func periodArithmetic() throws {
        let partial = try #require(Period(parsing: "2016-01/2016-09"))
        #expect(partial.years == 0.75)
        #expect(partial.midpoint == 2016.375)
        #expect(!partial.isFullYear)
        #expect(partial.label == "Jan–Sep 2016")
        #expect(Period(year: 2016).midpoint == 2016.5)
        #expect(Period(parsing: "2006/2016-03")!.label == "Jan 2006–Mar 2016")
        #expect(Period(parsing: "2013/2016")!.label == "2013–2016")
        #expect(Period(year: 2015) < partial)
        #expect(partial.overlaps(Period(year: 2016)))
        #expect(!partial.overlaps(Period(year: 2015)))
    }

    @Test func canonicalTextRoundTrips() {
        let values: [(Value, ColumnType)] = [
            (.integer(-42), .integer), (.double(0.1), .double), (.double(82992), .double), (.percent(28.5), .percent),
            (.currency(8344), .currency), (.currency(-5.25), .currency), (.boolean(true), .boolean),
            (.date(CalendarDate(year: 2016, month: 1, day: 5)!), .date), (.period(Period(parsing: "2006/2016-03")!), .period),
        ]
        for (v, t) in values {
            #expect(FieldParser.read(v.description, as: t) == .value(v), "\(v)")
        }
    }

    @Test func numberFormatting() {
        #expect(formatNumber(82992) == "82992")
        #expect(formatNumber(0.1) == "0.1")
        #expect(formatNumber(-0.0) == "0")
        #expect(formatFixed(346.185, decimals: 2) == "346.19")
        #expect(formatFixed(-0.004, decimals: 2) == "0.00")
        #expect(groupThousands(82992) == "82,992")
        #expect(groupThousands(-1234567) == "-1,234,567")
        #expect(groupThousands(999) == "999")
    }

    @Test("dates in the numeric orders of agency exports", arguments: [
        (DateOrder.mdy, "3/4/2016", "2016-03-04"), (.mdy, "03-04-2016", "2016-03-04"), (.mdy, " 12/31/2015 10:30 AM", "2015-12-31"),
        (.mdy, "2/29/2016", "2016-02-29"), (.dmy, "4/3/2016", "2016-03-04"), (.dmy, "04.03.2016", "2016-03-04"),
        (.dmy, "31/12/2015T23:59", "2015-12-31"), (.iso, "2016-03-04", "2016-03-04"), (.iso, "2016-03-04T10:30", "2016-03-04"),
    ])
    func dateOrders(order: DateOrder, text: String, expected: String) {
        #expect(order.date(Array(text.utf8))?.description == expected)
    }

    @Test("not dates of the order", arguments: [
        (DateOrder.mdy, "13/1/2016"), (.mdy, "2/29/2015"), (.mdy, "3/4/16"), (.mdy, "3/4-2016"), (.mdy, "2016-03-04"),
        (.mdy, "3//2016"), (.mdy, "003/4/2016"), (.mdy, "3/4/20160"), (.mdy, ""), (.mdy, "a/b/cdef"), (.dmy, "1/13/2016"),
        (.dmy, "31.04.2016"), (.iso, "3/4/2016"),
    ])
    func notDatesOfTheOrder(order: DateOrder, text: String) {
        #expect(order.date(Array(text.utf8)) == nil)
    }

    @Test func usDatesAreTextUnlessTheDateOrderSaysSo() throws {
        // Not the shape of a period (no four-digit year first): text, never "not a valid period".
        #expect(FieldParser.read("3/4/2016", as: .period) == .mismatch)
        #expect(FieldParser.read("12/31/2015", as: .period) == .mismatch)
        #expect(TypeInference.infer(["3/4/2016", "12/31/2015"]) == .string)
        #expect(TypeInference.infer(["3/4/2016", "12/31/2015"], dateOrder: .mdy) == .date)
        // An impossible date of the order still makes a date column, so the cell is reported.
        #expect(TypeInference.infer(["4/3/2016", "31/12/2015", "31/02/2016"], dateOrder: .dmy) == .date)
        #expect(FieldParser.read("31/02/2016", as: .date, dateOrder: .dmy) == .invalid("is not a date that exists"))
        #expect(FieldParser.read("3/4/2016", as: .date, dateOrder: .mdy) == .value(.date(try #require(CalendarDate(year: 2016, month: 3, day: 4)))))
        #expect(FieldParser.read("3/4/2016 10:30", as: .date, dateOrder: .mdy) == .mismatch)
        #expect(FieldParser.read("2016-03-04", as: .date, dateOrder: .mdy) == .mismatch)
        let loaded = load("d,n\n3/4/2016,1\n12/31/2015,2\n", LoadOptions(dateOrder: .mdy))
        #expect(loaded.problems.isEmpty)
        #expect(loaded.table?["d"]?.values.map(\.description) == ["2016-03-04", "2015-12-31"])
        let wrongOrder = load("d,n\n3/4/2016,1\n12/31/2015,2\n", LoadOptions(dateOrder: .dmy))
        #expect(wrongOrder.problems.map(\.description) == ["t.csv:3:1: error: column \"d\": \"12/31/2015\" is not a date that exists"])
        let mixed = load("d\n3/4/2016\n2016-03-05\n", LoadOptions(columnTypes: ["d": .date], dateOrder: .mdy))
        #expect(mixed.problems.map(\.description) == ["t.csv:3:1: error: column \"d\": expected a date as month/day/year (3/4/2016 or 03-04-2016), found \"2016-03-05\""])
    }
}
