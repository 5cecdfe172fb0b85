import Foundation
import Testing
@testable import TIPCharts

@Suite("Dates on the x axis")
struct CalendarAxisTests {
    /// Day numbers against Foundation's Gregorian calendar in UTC, every 97 days over 1700–2300.
    @Test func dayNumbersMatchFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for n in stride(from: -98_000, through: 121_000, by: 97) {
            let date = Date(timeIntervalSince1970: Double(n) * 86_400)
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let (y, m, d) = CalendarAxis.civil(n)
            #expect((y, m, d) == (c.year!, c.month!, c.day!), "day \(n)")
            #expect(CalendarAxis.day(year: y, month: m, day: d) == n)
        }
        #expect(CalendarAxis.day(year: 1970, month: 1, day: 1) == 0)
        #expect(CalendarAxis.day(year: 2016, month: 3, day: 4) == 16_864)
        #expect(CalendarAxis.label(16_864) == "2016-03-04")
        #expect(CalendarAxis.label(.nan) == "no data")
    }

    @Test("ticks on years, on the first of months, or on days, as the range asks")
    func ticks() {
        let jan2016 = Double(CalendarAxis.day(year: 2016, month: 1, day: 1))
        let dec2016 = Double(CalendarAxis.day(year: 2016, month: 12, day: 31))
        let months = CalendarAxis.ticks(from: jan2016, to: dec2016, count: 6)
        #expect(months.map { CalendarAxis.tickLabel($0, step: months[1] - months[0]) }
                == ["Jan 2016", "Mar 2016", "May 2016", "Jul 2016", "Sep 2016", "Nov 2016"])
        let mid2014 = Double(CalendarAxis.day(year: 2014, month: 3, day: 15))
        let end2017 = Double(CalendarAxis.day(year: 2017, month: 11, day: 30))
        let years = CalendarAxis.ticks(from: mid2014, to: end2017, count: 6)
        #expect(years.map { CalendarAxis.tickLabel($0, step: years[1] - years[0]) } == ["2015", "2016", "2017"])
        let decades = CalendarAxis.ticks(from: Double(CalendarAxis.day(year: 1950, month: 6, day: 1)), to: end2017, count: 5)
        #expect(decades.map { CalendarAxis.civil(Int($0)).year } == [1960, 1980, 2000])
        let week = CalendarAxis.ticks(from: jan2016, to: jan2016 + 6, count: 4)
        #expect(week.map { CalendarAxis.tickLabel($0, step: week[1] - week[0]) } == ["2016-01-01", "2016-01-03", "2016-01-05", "2016-01-07"])
        // Every tick inside the range; fewer than two there gives the range's ends.
        #expect(months.allSatisfy { $0 >= jan2016 && $0 <= dec2016 })
        #expect(CalendarAxis.ticks(from: jan2016 + 1, to: jan2016 + 1.5, count: 4) == [jan2016 + 1, jan2016 + 1.5])
    }

    @Test func aLineOverDatesNamesItsPointsByDate() {
        var chart = LineChart(series: [LineSeries("Calls", points: [
            LinePoint(x: 16_815, value: Datum(10)), LinePoint(x: 16_846, value: Datum(12)),
        ])])
        chart.xDates = true
        #expect(chart.dataDescription == "Line chart. Calls: 2016-01-15 10, 2016-02-15 12.")
    }
}
