// DealFinance — DealEngineTests: CivilDate.

import Testing
import DealEngine

/// Shorthand for a date literal in tests; traps on a bad literal.
func date(_ text: String) -> CivilDate {
    do { return try CivilDate(parsing: text) } catch { fatalError("bad test date \(text): \(error)") }
}

@Suite struct CivilDateTests {
    // MARK: Calendar facts

    @Test(arguments: [(1900, false), (2000, true), (2024, true), (2100, false),
                      (2026, false), (1600, true), (4, true), (1, false)])
    func leapYears(year: Int, leap: Bool) {
        #expect(CivilDate.isLeapYear(year) == leap)
        #expect(CivilDate.numberOfDays(inMonth: 2, year: year) == (leap ? 29 : 28))
    }

    @Test func everyMonthLength() {
        let common = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for month in 1...12 {
            #expect(CivilDate.numberOfDays(inMonth: month, year: 2026) == common[month - 1], "month \(month)")
            #expect(CivilDate.numberOfDays(inMonth: month, year: 2024) == common[month - 1] + (month == 2 ? 1 : 0))
        }
        #expect((1...12).map { CivilDate.numberOfDays(inMonth: $0, year: 2026) }.reduce(0, +) == 365)
        #expect((1...12).map { CivilDate.numberOfDays(inMonth: $0, year: 2000) }.reduce(0, +) == 366)
    }

    @Test func lastDayOfMonth() {
        #expect(date("2024-02-29").isLastDayOfMonth)
        #expect(!date("2024-02-28").isLastDayOfMonth)
        #expect(date("2026-02-28").isLastDayOfMonth)
        #expect(date("2026-04-30").isLastDayOfMonth)
        #expect(!date("2026-05-30").isLastDayOfMonth)
        #expect(date("2026-12-31").isLastDayOfMonth)
    }

    // MARK: Construction and text

    @Test func componentsAndDescription() throws {
        let value = try CivilDate(year: 812, month: 3, day: 7)
        #expect((value.year, value.month, value.day) == (812, 3, 7))
        #expect(value.description == "0812-03-07")
        #expect(date("2026-01-31").description == "2026-01-31")
        #expect(CivilDate.firstDate.description == "0001-01-01")
        #expect(CivilDate.lastDate.description == "9999-12-31")
    }

    @Test func componentErrors() {
        #expect(throws: CalendarError(message: "expected a year in 1...9999, found 0")) {
            try CivilDate(year: 0, month: 1, day: 1)
        }
        #expect(throws: CalendarError(message: "expected a year in 1...9999, found 10000")) {
            try CivilDate(year: 10000, month: 1, day: 1)
        }
        #expect(throws: CalendarError(message: "expected a month in 1...12, found 13")) {
            try CivilDate(year: 2026, month: 13, day: 1)
        }
        #expect(throws: CalendarError(message: "expected a day in 1...28 for February 2026, found 29")) {
            try CivilDate(year: 2026, month: 2, day: 29)
        }
        #expect(throws: CalendarError(message: "expected a day in 1...30 for April 2026, found 0")) {
            try CivilDate(year: 2026, month: 4, day: 0)
        }
        #expect(throws: Never.self) { try CivilDate(year: 2024, month: 2, day: 29) }
    }

    @Test(arguments: ["2026-01-31", "2024-02-29", "0001-01-01", "9999-12-31", "1970-01-01", "2000-12-31"])
    func parseRoundTrip(text: String) throws {
        #expect(try CivilDate(parsing: text).description == text)
        #expect(try CivilDate(parsing: Substring("x" + text + "x").dropFirst().dropLast()).description == text)
    }

    @Test(arguments: [
        ("2026-2-3", ""),
        ("2026-02-30", " (February 2026 has 28 days)"),
        ("2100-02-29", " (February 2100 has 28 days)"),
        ("2026-04-31", " (April 2026 has 30 days)"),
        (" 2026-02-01", ""),
        ("2026-02-01 ", ""),
        ("2026-13-01", " (month 13 is not in 1...12)"),
        ("2026-00-10", " (month 0 is not in 1...12)"),
        ("2026-01-00", " (days of a month start at 01)"),
        ("0000-01-01", " (year 0000 is not in 0001...9999)"),
        ("10000-01-01", ""),
        ("2026-01-01T00:00", ""),
        ("2026-01-01x", ""),
        ("2026/01/01", ""),
        ("+026-01-01", ""),
        ("2026-0a-01", ""),
        ("", ""),
        ("２026-01-01", ""),
    ])
    func parseErrors(text: String, reason: String) {
        let expected = CalendarError(message: "expected a date YYYY-MM-DD, found \(String(reflecting: text))\(reason)")
        #expect(throws: expected) { try CivilDate(parsing: text) }
    }

    @Test func parseErrorMessageMatchesTheBrief() {
        #expect(throws: CalendarError(message: #"expected a date YYYY-MM-DD, found "2026-02-30" (February 2026 has 28 days)"#)) {
            try CivilDate(parsing: "2026-02-30")
        }
    }

    // MARK: Day numbers

    @Test func knownDayNumbers() throws {
        #expect(date("1970-01-01").daysSinceEpoch == 0)
        #expect(date("1969-12-31").daysSinceEpoch == -1)
        #expect(date("2000-03-01").daysSinceEpoch == 11017)
        #expect(date("2024-01-01").daysSinceEpoch == 19723)
        #expect(date("1900-01-01").daysSinceEpoch == -25567)
        #expect(CivilDate.firstDate.daysSinceEpoch == -719_162)
        #expect(CivilDate.lastDate.daysSinceEpoch == 2_932_896)
        #expect(try CivilDate(daysSinceEpoch: 19723) == date("2024-01-01"))
    }

    /// Every day of 1900…2100 against a plain counting loop that shares no code with the
    /// era arithmetic: its own leap rule and month table, one day at a time.
    @Test func dayNumbersAgainstACountingLoop() throws {
        func leap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        // 1900-01-01 is 70 years of 365 days plus 17 leap days (1904…1968) before 1970-01-01.
        var number = -(70 * 365 + 17)
        var previous: CivilDate?
        var checked = 0
        for year in 1900...2100 {
            for month in 1...12 {
                let length = lengths[month - 1] + (month == 2 && leap(year) ? 1 : 0)
                for day in 1...length {
                    let expected = try CivilDate(year: year, month: month, day: day)
                    let fromNumber = try CivilDate(daysSinceEpoch: number)
                    guard fromNumber == expected, expected.daysSinceEpoch == number else {
                        Issue.record("day \(number): got \(fromNumber) and \(expected.daysSinceEpoch) for \(expected)")
                        return
                    }
                    if let previous {
                        #expect(previous < expected)
                        #expect(previous.days(until: expected) == 1)
                    }
                    previous = expected
                    number += 1
                    checked += 1
                }
            }
        }
        #expect(checked == 201 * 365 + 49)   // 49 leap years in 1900…2100
        #expect(number == date("2101-01-01").daysSinceEpoch)
    }

    @Test func dayNumbersOutOfRange() throws {
        #expect(throws: CalendarError.self) { try CivilDate(daysSinceEpoch: -719_163) }
        #expect(throws: CalendarError.self) { try CivilDate(daysSinceEpoch: 2_932_897) }
        #expect(throws: CalendarError.self) { try CivilDate(daysSinceEpoch: .max) }
        #expect(throws: CalendarError.self) { try CivilDate(daysSinceEpoch: .min) }
        #expect(try CivilDate(daysSinceEpoch: -719_162) == CivilDate.firstDate)
        #expect(try CivilDate(daysSinceEpoch: 2_932_896) == CivilDate.lastDate)
    }

    // MARK: Arithmetic

    @Test func addingDays() throws {
        #expect(try date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(try date("2026-02-28").adding(days: 1) == date("2026-03-01"))
        #expect(try date("2026-03-01").adding(days: -1) == date("2026-02-28"))
        #expect(try date("2025-12-31").adding(days: 1) == date("2026-01-01"))
        #expect(try date("2026-01-01").adding(days: 365) == date("2027-01-01"))
        #expect(try date("2024-01-01").adding(days: 365) == date("2024-12-31"))
        #expect(try date("2026-05-05").adding(days: 0) == date("2026-05-05"))
        #expect(throws: CalendarError.self) { try CivilDate.lastDate.adding(days: 1) }
        #expect(throws: CalendarError.self) { try CivilDate.firstDate.adding(days: -1) }
        #expect(throws: CalendarError.self) { try date("2026-01-01").adding(days: .max) }
    }

    @Test func addingMonthsClampsToMonthEnd() throws {
        #expect(try date("2024-01-31").adding(months: 1) == date("2024-02-29"))
        #expect(try date("2026-01-31").adding(months: 1) == date("2026-02-28"))
        #expect(try date("2024-02-29").adding(months: 1) == date("2024-03-29"))
        #expect(try date("2026-03-31").adding(months: 1) == date("2026-04-30"))
        #expect(try date("2026-03-31").adding(months: -1) == date("2026-02-28"))
        #expect(try date("2024-02-29").adding(months: 12) == date("2025-02-28"))
        #expect(try date("2024-02-29").adding(months: 48) == date("2028-02-29"))
        #expect(try date("2026-01-15").adding(months: -13) == date("2024-12-15"))
        #expect(try date("2026-11-30").adding(months: 3) == date("2027-02-28"))
        #expect(try date("2026-12-31").adding(months: 0) == date("2026-12-31"))
        #expect(try date("9999-11-30").adding(months: 1) == date("9999-12-30"))
        #expect(throws: CalendarError.self) { try date("9999-12-01").adding(months: 1) }
        #expect(throws: CalendarError.self) { try date("0001-01-31").adding(months: -1) }
        #expect(throws: CalendarError.self) { try date("2026-01-01").adding(months: .max) }
        #expect(throws: CalendarError.self) { try date("2026-01-01").adding(months: .min) }
    }

    @Test func addingMonthsFromEveryMonthEnd() throws {
        // From the last day of every month of 2023–2024, one month later is the same day or
        // the last day of the next month, whichever is earlier.
        for year in 2023...2024 {
            for month in 1...12 {
                let end = try CivilDate(year: year, month: month, day: CivilDate.numberOfDays(inMonth: month, year: year))
                let next = try end.adding(months: 1)
                let (ny, nm) = month == 12 ? (year + 1, 1) : (year, month + 1)
                #expect(next == (try CivilDate(year: ny, month: nm, day: min(end.day, CivilDate.numberOfDays(inMonth: nm, year: ny)))))
                #expect(try next.adding(months: -1).month == month)
            }
        }
    }

    @Test func daysUntil() {
        #expect(date("2024-02-01").days(until: date("2024-03-01")) == 29)
        #expect(date("2024-03-01").days(until: date("2024-02-01")) == -29)
        #expect(date("1978-01-10").days(until: date("1978-02-10")) == 31)
        #expect(date("2026-06-15").days(until: date("2026-06-15")) == 0)
        #expect(CivilDate.firstDate.days(until: CivilDate.lastDate) == 3_652_058)
    }

    @Test func ordering() {
        #expect(date("2025-12-31") < date("2026-01-01"))
        #expect(date("2026-01-31") < date("2026-02-01"))
        #expect(date("2026-02-01") < date("2026-02-02"))
        #expect(!(date("2026-02-02") < date("2026-02-02")))
        #expect([date("2026-03-01"), date("2024-12-31"), date("2026-02-28")].sorted()
            == [date("2024-12-31"), date("2026-02-28"), date("2026-03-01")])
        #expect(Set([date("2026-03-01"), date("2026-03-01")]).count == 1)
    }

    /// The `String` entry and the generic one (a substring) agree, date and message.
    @Test(arguments: ["2024-02-29", "2026-02-30", "2026-2-3", " 2026-02-01", "0000-01-01"])
    func stringAndSubstringAgree(text: String) {
        func parsed(_ parse: () throws(CalendarError) -> CivilDate) -> String {
            do { return try parse().description } catch { return error.message }
        }
        #expect(parsed { () throws(CalendarError) in try CivilDate(parsing: text) } == parsed { () throws(CalendarError) in try CivilDate(parsing: text[...]) })
    }
}
