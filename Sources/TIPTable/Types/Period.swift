/// A month of a year: the resolution of every period the council's sources state.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Months since January of year 0: makes month arithmetic plain subtraction.
    public var ordinal: Int { year * 12 + (month - 1) }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.ordinal < b.ordinal }

    public var description: String { pad(year, 4) + "-" + pad(month, 2) }
}

/// A reporting period of whole months, inclusive at both ends, written in ISO 8601 interval
/// notation: a year `2016`, a month `2016-03`, a quarter `2016-Q3`, a month range
/// `2016-01/2016-09`, or a span `2006/2016-03` (January 2006 to March 2016).
///
/// The length in months is the period's exposure: counts from a partial year are annualised
/// as `count / (months / 12)`.
///
/// ```swift
/// let p = Period(parsing: "2016-01/2016-09")!
/// p.months          // 9
/// p.isFullYear      // false
/// ```
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let start: YearMonth
    public let end: YearMonth

    public init?(start: YearMonth, end: YearMonth) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// The calendar year `year`.
    public init(year: Int) {
        start = YearMonth(year: year, month: 1)!
        end = YearMonth(year: year, month: 12)!
    }

    /// Why a text is not a period: malformed, or an interval that ends before it starts.
    public enum ParseFailure: Error, Sendable, Equatable {
        case malformed
        case endsBeforeStart
    }

    /// Parses the notations above; nil when the text is not a period.
    public init?(parsing text: Substring) {
        guard case .success(let p) = Period.parse(text) else { return nil }
        self = p
    }

    public init?(parsing text: String) { self.init(parsing: Substring(text)) }

    public static func parse(_ text: Substring) -> Result<Period, ParseFailure> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let (first, last) = endpoints(parts[0]) else { return .failure(.malformed) }
            return .success(Period(start: first, end: last)!)
        case 2:
            guard let (first, _) = endpoints(parts[0]), let (_, last) = endpoints(parts[1]) else {
                return .failure(.malformed)
            }
            guard let p = Period(start: first, end: last) else { return .failure(.endsBeforeStart) }
            return .success(p)
        default:
            return .failure(.malformed)
        }
    }

    /// The first and last month that one endpoint text covers: `2016` covers January to
    /// December, `2016-Q2` April to June, `2016-03` only March.
    private static func endpoints(_ text: Substring) -> (YearMonth, YearMonth)? {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var n = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let year = digits(0..<4) else { return nil }
        switch bytes.count {
        case 4:
            return (YearMonth(year: year, month: 1)!, YearMonth(year: year, month: 12)!)
        case 7 where bytes[4] == UInt8(ascii: "-") && (bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "q")):
            guard let q = digits(6..<7), (1...4).contains(q) else { return nil }
            return (YearMonth(year: year, month: 3 * q - 2)!, YearMonth(year: year, month: 3 * q)!)
        case 7 where bytes[4] == UInt8(ascii: "-"):
            guard let m = digits(5..<7), let ym = YearMonth(year: year, month: m) else { return nil }
            return (ym, ym)
        default:
            return nil
        }
    }

    /// Number of months covered, both ends included.
    public var months: Int { end.ordinal - start.ordinal + 1 }

    /// January to December of one year.
    public var isFullYear: Bool { start.year == end.year && start.month == 1 && end.month == 12 }

    /// True when the period is a single calendar year or a run of whole years.
    public var isWholeYears: Bool { start.month == 1 && end.month == 12 }

    /// Length in years (months / 12): the exposure used to annualise a count.
    public var years: Double { Double(months) / 12 }

    /// The middle of the period in decimal years (2016 -> 2016.5, Jan-Sep 2016 -> 2016.375):
    /// where a trend puts the period on its time axis.
    public var midpoint: Double { (Double(start.ordinal) + Double(end.ordinal + 1)) / 24 }

    /// True when the two periods share at least one month.
    public func overlaps(_ other: Period) -> Bool { start <= other.end && other.start <= end }

    public static func < (a: Period, b: Period) -> Bool {
        (a.start.ordinal, a.end.ordinal) < (b.start.ordinal, b.end.ordinal)
    }

    /// Canonical ISO 8601 text: `2016`, `2006/2016`, `2016-03`, `2016-01/2016-09`,
    /// `2006-01/2016-03`. Whole-year spans are written as years, anything else as months.
    public var description: String {
        if isWholeYears {
            return start.year == end.year ? pad(start.year, 4) : pad(start.year, 4) + "/" + pad(end.year, 4)
        }
        return start == end ? start.description : start.description + "/" + end.description
    }

    /// A label for people: "2016", "Jan–Sep 2016", "Jan 2006–Mar 2016".
    public var label: String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        if isWholeYears {
            return start.year == end.year ? String(start.year) : "\(start.year)–\(end.year)"
        }
        if start == end { return "\(names[start.month - 1]) \(start.year)" }
        if start.year == end.year {
            return "\(names[start.month - 1])–\(names[end.month - 1]) \(start.year)"
        }
        return "\(names[start.month - 1]) \(start.year)–\(names[end.month - 1]) \(end.year)"
    }
}
