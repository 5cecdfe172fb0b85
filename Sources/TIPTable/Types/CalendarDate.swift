/// A calendar date of the proleptic Gregorian calendar, as ISO 8601 writes it (`2016-09-30`).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a date that does not exist (`2015-02-29`, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The day of the year, 1 for 1 January.
    public var dayOfYear: Int {
        (1..<month).reduce(day) { $0 + CalendarDate.daysInMonth(year: year, month: $1) }
    }

    /// The middle of the day in decimal years, as a period stands at its midpoint: 2016-07-02
    /// (day 184 of 366) is 2016 + 183.5 / 366 = 2016.5.
    public var decimalYear: Double {
        Double(year) + (Double(dayOfYear) - 0.5) / Double(CalendarDate.isLeapYear(year) ? 366 : 365)
    }
}

/// Zero-padded decimal, for the fixed-width fields of ISO 8601.
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(abs(n))
    let padded = s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    return n < 0 ? "-" + padded : padded
}

/// How the day, month and year of a date are written: ISO 8601 (`2016-03-04`, the default
/// everywhere), or the numeric orders of agency exports, month first as US systems write it
/// (`3/4/2016`, `03-04-2016`) or day first (`4/3/2016`, `04.03.2016`). A two-digit year is
/// refused: `3/4/16` could be 1916 or 2016.
///
/// ```swift
/// DateOrder.mdy.date(Array("3/4/2016".utf8))    // 2016-03-04
/// DateOrder.dmy.date(Array("4.3.2016".utf8))    // 2016-03-04
/// DateOrder.mdy.date(Array("2/30/2016".utf8))   // nil: no such day
/// ```
public enum DateOrder: String, Sendable, CaseIterable {
    case iso, mdy, dmy

    /// What a field of this order looks like, for messages.
    public var expectation: String {
        switch self {
        case .iso: return ColumnType.date.expectation
        case .mdy: return "a date as month/day/year (3/4/2016 or 03-04-2016)"
        case .dmy: return "a date as day/month/year (4/3/2016 or 04.03.2016)"
        }
    }

    /// The date a field holds (spaces around it and a time after it, `3/4/2016 10:30 AM` or
    /// `2016-03-04T10:30`, ignored), or nil when it is not one of this order or does not exist.
    /// Reads in place: `tipstat series` calls it for every date cell of a case-level file.
    public func date(_ field: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        var b = FieldParser.trim(field)
        if let cut = b.firstIndex(where: { $0 == 32 || $0 == 9 || $0 == UInt8(ascii: "T") }) { b = UnsafeBufferPointer(rebasing: b[..<cut]) }
        if case .value(.date(let d)) = reading(b) { return d }
        return nil
    }

    /// The same, for bytes in an array.
    public func date(_ field: [UInt8]) -> CalendarDate? { field.withUnsafeBufferPointer { date($0) } }

    /// A field (spaces around it trimmed, nothing after the date) read as a date of this order:
    /// the date, `.invalid` for the form of one that does not exist (`2/30/2016`), else
    /// `.mismatch`, as `FieldParser` reads every type.
    public func reading(_ field: UnsafeBufferPointer<UInt8>) -> FieldReading {
        let b = FieldParser.trim(field)
        if self == .iso { return FieldParser.date(b) }
        // one or two digits, a separator, one or two digits, the same separator, four digits
        func isSeparator(_ c: UInt8) -> Bool { c == UInt8(ascii: "/") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") }
        guard let s1 = b.firstIndex(where: isSeparator), let s2 = b[(s1 + 1)...].firstIndex(of: b[s1]) else { return .mismatch }
        func number(_ part: Slice<UnsafeBufferPointer<UInt8>>, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return part.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let a = number(b[..<s1], digits: 1...2), let c = number(b[(s1 + 1)..<s2], digits: 1...2),
              let year = number(b[(s2 + 1)...], digits: 4...4) else { return .mismatch }
        let (month, day) = self == .mdy ? (a, c) : (c, a)
        guard let d = CalendarDate(year: year, month: month, day: day) else { return .invalid("is not a date that exists") }
        return .value(.date(d))
    }
}
