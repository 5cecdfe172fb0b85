/// Dates on a chart's x axis: a date is its day number (days since 1970-01-01 in the proleptic
/// Gregorian calendar), and ticks fall on calendar boundaries (1 January, the first of a
/// month, or whole days) rather than at round day numbers.
///
/// ```swift
/// CalendarAxis.day(year: 2016, month: 3, day: 4)           // 16864
/// CalendarAxis.label(16864)                                 // "2016-03-04"
/// CalendarAxis.ticks(from: 16801, to: 17166, count: 6).map { CalendarAxis.tickLabel($0, step: 61) }
/// // ["Jan 2016", "Mar 2016", "May 2016", "Jul 2016", "Sep 2016", "Nov 2016"]
/// ```
public enum CalendarAxis {
    /// The day number of a calendar date (H. Hinnant's days_from_civil).
    public static func day(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of a day number (civil_from_days).
    public static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// A day number as ISO 8601 (`2016-03-04`): how points are named in text alternatives.
    public static func label(_ x: Double) -> String {
        guard x.isFinite, x.magnitude < 1e9 else { return "no data" }
        let (y, m, d) = civil(Int(x.rounded()))
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// About `count` ticks covering the days `lo`…`hi`, on 1 January when the range spans
    /// three years or more, on the first of months when it spans months, else on days. Only
    /// ticks inside the range are returned; when fewer than two fall there, its two ends.
    public static func ticks(from lo: Double, to hi: Double, count: Int) -> [Double] {
        guard lo.isFinite, hi.isFinite, hi > lo, hi - lo < 1e9 else { return lo.isFinite && lo.magnitude < 1e9 ? [lo] : [] }
        let want = Swift.max(count, 2)
        let first = civil(Int(lo.rounded(.up))), last = civil(Int(hi.rounded(.down)))
        let monthSpan = (last.year - first.year) * 12 + last.month - first.month
        var out: [Double] = []
        if monthSpan >= 3 * 12 {
            let years = last.year - first.year
            let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].first { years / $0 <= want } ?? 1000
            var year = first.month == 1 && first.day == 1 ? first.year : first.year + 1
            year = (year + step - 1) / step * step
            while year <= last.year {
                out.append(Double(day(year: year, month: 1, day: 1)))
                year += step
            }
        } else if monthSpan >= 2 {
            let step = [1, 2, 3, 6, 12].first { monthSpan / $0 <= want } ?? 12
            var index = first.year * 12 + first.month - 1 + (first.day == 1 ? 0 : 1)
            index = (index + step - 1) / step * step
            while index <= last.year * 12 + last.month - 1 {
                let (y, m) = (index / 12, index % 12 + 1)
                out.append(Double(day(year: y, month: m, day: 1)))
                index += step
            }
        } else {
            let days = Int(hi.rounded(.down)) - Int(lo.rounded(.up))
            let step = [1, 2, 7, 14].first { days / $0 <= want } ?? 14
            var x = Int(lo.rounded(.up))
            while Double(x) <= hi {
                out.append(Double(x))
                x += step
            }
        }
        return out.count >= 2 ? out : [lo, hi]
    }

    /// A tick's label for ticks `step` days apart: the year on 1 January of yearly ticks,
    /// "Mar 2016" on the first of a month for monthly ones, else the ISO date.
    public static func tickLabel(_ x: Double, step: Double) -> String {
        guard x.isFinite, x.magnitude < 1e9 else { return "no data" }
        let (y, m, d) = civil(Int(x.rounded()))
        if step >= 365 && m == 1 && d == 1 { return String(y) }
        if step >= 28 && d == 1 { return months[m - 1] + " " + String(y) }
        return label(x)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(abs(n))
        return (n < 0 ? "-" : "") + String(repeating: "0", count: Swift.max(width - s.count, 0)) + s
    }
}
