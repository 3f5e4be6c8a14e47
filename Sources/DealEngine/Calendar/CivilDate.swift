// DealFinance — DealEngine: a calendar date without time or time zone.

/// A day of the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Years run from 1 through 9999, so every date has exactly one `YYYY-MM-DD` spelling
/// (Documentation/Reference/Values.md). Dates compare chronologically and convert to a day count since 1970-01-01,
/// which makes day differences exact integer arithmetic.
///
/// ```swift
/// let contract = try CivilDate(parsing: "2026-01-31")
/// let firstPayment = try contract.adding(months: 1)    // 2026-02-28 (clamped)
/// contract.days(until: firstPayment)                   // 28
/// firstPayment.isLastDayOfMonth                        // true
/// ```
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1...9999.
    ///
    /// ```swift
    /// try CivilDate(year: 2026, month: 1, day: 31).year   // 2026
    /// ```
    public let year: Int
    /// The month, 1 (January) ... 12 (December).
    ///
    /// ```swift
    /// try CivilDate(year: 2026, month: 1, day: 31).month  // 1
    /// ```
    public let month: Int
    /// The day of the month, 1 ... ``numberOfDays(inMonth:year:)``.
    ///
    /// ```swift
    /// try CivilDate(year: 2026, month: 1, day: 31).day    // 31
    /// ```
    public let day: Int

    /// The years a date may have.
    ///
    /// ```swift
    /// CivilDate.validYears.contains(10000)   // false
    /// ```
    public static let validYears: ClosedRange<Int> = 1...9999

    /// Creates the date `year`-`month`-`day` after checking that it exists.
    ///
    /// - Parameters:
    ///   - year: 1...9999.
    ///   - month: 1...12.
    ///   - day: 1 up to the length of the month in that year.
    /// - Throws: ``CalendarError`` naming the first component out of range.
    ///
    /// ```swift
    /// let leapDay = try CivilDate(year: 2024, month: 2, day: 29)
    /// // try CivilDate(year: 2026, month: 2, day: 29) throws
    /// // "expected a day in 1...28 for February 2026, found 29"
    /// ```
    public init(year: Int, month: Int, day: Int) throws(CalendarError) {
        guard Self.validYears.contains(year) else {
            throw CalendarError(message: "expected a year in 1...9999, found \(year)")
        }
        guard (1...12).contains(month) else {
            throw CalendarError(message: "expected a month in 1...12, found \(month)")
        }
        let length = Self.numberOfDays(inMonth: month, year: year)
        guard (1...length).contains(day) else {
            throw CalendarError(message:
                "expected a day in 1...\(length) for \(Self.monthName(month)) \(year), found \(day)")
        }
        self.init(unchecked: year, month, day)
    }

    /// Creates a date from components already known to be valid.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    // MARK: - Text

    /// Parses exactly `YYYY-MM-DD`: ten ASCII characters, four digits of year, two of month,
    /// two of day, separated by `-`; nothing before or after, no signs or spaces.
    ///
    /// - Parameter text: the date text, for example a JSON string's contents.
    /// - Throws: ``CalendarError`` quoting `text` and, when the shape is right but the date
    ///   does not exist, saying which component is wrong.
    ///
    /// ```swift
    /// try CivilDate(parsing: "2024-02-29")   // 2024-02-29
    /// // "2026-2-3", " 2026-02-01", "2026-02-01T00:00" throw: expected a date YYYY-MM-DD, found "…"
    /// // "2026-02-30" throws: … (February 2026 has 28 days)
    /// ```
    public init(parsing text: some StringProtocol) throws(CalendarError) {
        try self.init(parsingText: text)
    }

    /// ``init(parsing:)`` for a `String`: the parser specialized here, so that callers in
    /// other modules (request decoding) do not run its generic form.
    ///
    /// ```swift
    /// let text: String = "2024-02-29"
    /// try CivilDate(parsing: text)   // 2024-02-29
    /// ```
    public init(parsing text: String) throws(CalendarError) {
        try self.init(parsingText: text)
    }

    /// The parser of ``init(parsing:)``.
    private init(parsingText text: some StringProtocol) throws(CalendarError) {
        // The quoted text is only built for an error (no string work on the way to a date).
        func failure(_ reason: String? = nil) -> CalendarError {
            CalendarError(message: "expected a date YYYY-MM-DD, found \(String(reflecting: String(text)))"
                + (reason.map { " (\($0))" } ?? ""))
        }
        // One pass over the bytes: '-' at positions 4 and 7, digits elsewhere, exactly ten.
        var year = 0, month = 0, day = 0, position = 0
        for byte in text.utf8 {
            guard position < 10 else { throw failure() }
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { throw failure() }
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw failure() }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 { year = year * 10 + digit } else if position < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            position += 1
        }
        guard position == 10 else { throw failure() }
        guard year >= 1 else { throw failure("year 0000 is not in 0001...9999") }
        guard (1...12).contains(month) else { throw failure("month \(month) is not in 1...12") }
        let length = Self.numberOfDays(inMonth: month, year: year)
        guard day >= 1 else { throw failure("days of a month start at 01") }
        guard day <= length else {
            throw failure("\(Self.monthName(month)) \(year) has \(length) days")
        }
        self.init(unchecked: year, month, day)
    }

    /// The date as `YYYY-MM-DD`, zero-padded.
    ///
    /// ```swift
    /// try CivilDate(year: 812, month: 3, day: 7).description   // "0812-03-07"
    /// ```
    public var description: String {
        if (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) {
            // Every date the checked initializers make: ten ASCII bytes written in place.
            return String(unsafeUninitializedCapacity: 10) { buffer in
                func put(_ value: Int, at end: Int, width: Int) {
                    var rest = value
                    for offset in 0..<width {
                        buffer[end - offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                }
                put(year, at: 3, width: 4)
                buffer[4] = UInt8(ascii: "-")
                put(month, at: 6, width: 2)
                buffer[7] = UInt8(ascii: "-")
                put(day, at: 9, width: 2)
                return 10
            }
        }
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    // MARK: - Day numbers

    /// The date `daysSinceEpoch` days after 1970-01-01 (negative: before it).
    ///
    /// - Parameter daysSinceEpoch: 0 is 1970-01-01; the range is ``firstDate`` ... ``lastDate``.
    /// - Throws: ``CalendarError`` when the day falls outside years 1...9999.
    ///
    /// ```swift
    /// try CivilDate(daysSinceEpoch: 0)       // 1970-01-01
    /// try CivilDate(daysSinceEpoch: 19723)   // 2024-01-01
    /// try CivilDate(daysSinceEpoch: -1)      // 1969-12-31
    /// ```
    public init(daysSinceEpoch: Int) throws(CalendarError) {
        guard (Self.firstDate.daysSinceEpoch...Self.lastDate.daysSinceEpoch).contains(daysSinceEpoch)
        else {
            throw CalendarError(message: "expected a day number in "
                + "\(Self.firstDate.daysSinceEpoch)...\(Self.lastDate.daysSinceEpoch) "
                + "(0001-01-01...9999-12-31), found \(daysSinceEpoch)")
        }
        // Civil-from-days over 400-year eras starting on March 1 (H. Hinnant, "chrono-
        // compatible low-level date algorithms"); exact integer arithmetic.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days from 1970-01-01 to this date (negative before it).
    ///
    /// ```swift
    /// try CivilDate(parsing: "2000-03-01").daysSinceEpoch   // 11017
    /// ```
    public var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The earliest representable date, 0001-01-01.
    ///
    /// ```swift
    /// CivilDate.firstDate.description   // "0001-01-01"
    /// ```
    public static let firstDate = CivilDate(unchecked: 1, 1, 1)

    /// The latest representable date, 9999-12-31.
    ///
    /// ```swift
    /// CivilDate.lastDate.description    // "9999-12-31"
    /// ```
    public static let lastDate = CivilDate(unchecked: 9999, 12, 31)

    // MARK: - Calendar facts

    /// Whether `year` has a February 29: divisible by 4, except centuries not divisible by 400.
    ///
    /// - Parameter year: any year of the proleptic Gregorian calendar.
    /// - Returns: `true` for 2000 and 2024, `false` for 1900, 2100 and 2026.
    ///
    /// ```swift
    /// CivilDate.isLeapYear(2000)   // true
    /// CivilDate.isLeapYear(2100)   // false
    /// ```
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days of `month` in `year`: 28...31.
    ///
    /// - Parameters:
    ///   - month: 1...12 (a precondition: other values are a programming error).
    ///   - year: any year.
    /// - Returns: 31, 28 or 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31.
    ///
    /// ```swift
    /// CivilDate.numberOfDays(inMonth: 2, year: 2024)   // 29
    /// CivilDate.numberOfDays(inMonth: 4, year: 2026)   // 30
    /// ```
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        precondition((1...12).contains(month), "month \(month) is not in 1...12")
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether this is the last day of its month.
    ///
    /// ```swift
    /// try CivilDate(parsing: "2024-02-29").isLastDayOfMonth   // true
    /// try CivilDate(parsing: "2024-02-28").isLastDayOfMonth   // false
    /// ```
    public var isLastDayOfMonth: Bool {
        day == Self.numberOfDays(inMonth: month, year: year)
    }

    // MARK: - Arithmetic

    /// The date `days` days later (earlier when negative).
    ///
    /// - Parameter days: any count of days.
    /// - Returns: the shifted date.
    /// - Throws: ``CalendarError`` when the result leaves years 1...9999.
    ///
    /// ```swift
    /// try CivilDate(parsing: "2024-02-28").adding(days: 1)    // 2024-02-29
    /// try CivilDate(parsing: "2026-03-01").adding(days: -1)   // 2026-02-28
    /// ```
    public func adding(days: Int) throws(CalendarError) -> CivilDate {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        guard !overflow else {
            throw CalendarError(message: "expected a date in years 1...9999, found \(self) + \(days) days")
        }
        do {
            return try CivilDate(daysSinceEpoch: sum)
        } catch {
            throw CalendarError(message: "expected a date in years 1...9999, found \(self) + \(days) days")
        }
    }

    /// The same day `months` calendar months later (earlier when negative), clamped to the
    /// last day of a shorter month.
    ///
    /// Clamping does not remember the original day: 2024-01-31 + 1 month is 2024-02-29, and
    /// that + 1 month is 2024-03-29. Schedules that must return to the 31st anchor every date
    /// on the first one (see ``PaymentFrequency/paymentDate(_:first:)``).
    ///
    /// - Parameter months: any count of months.
    /// - Returns: the shifted date.
    /// - Throws: ``CalendarError`` when the result leaves years 1...9999.
    ///
    /// ```swift
    /// try CivilDate(parsing: "2024-01-31").adding(months: 1)    // 2024-02-29
    /// try CivilDate(parsing: "2026-03-31").adding(months: -1)   // 2026-02-28
    /// ```
    public func adding(months: Int) throws(CalendarError) -> CivilDate {
        let (year, month) = try shiftedMonth(by: months)
        return CivilDate(unchecked: year, month, min(day, Self.numberOfDays(inMonth: month, year: year)))
    }

    /// The year and month `months` months away from this date's month.
    func shiftedMonth(by months: Int) throws(CalendarError) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1)
        let (shifted, overflow) = index.addingReportingOverflow(months)
        let year = shifted >= 0 ? shifted / 12 : -1
        guard !overflow, Self.validYears.contains(year) else {
            throw CalendarError(message: "expected a date in years 1...9999, found \(self) + \(months) months")
        }
        return (year, shifted % 12 + 1)
    }

    /// The number of days from this date to `other`: `other - self`, negative when `other`
    /// is earlier.
    ///
    /// - Parameter other: the later (or earlier) date.
    /// - Returns: the signed day difference; both ends count as points in time, so
    ///   1978-01-10 to 1978-02-10 is 31.
    ///
    /// ```swift
    /// let a = try CivilDate(parsing: "2024-02-01"), b = try CivilDate(parsing: "2024-03-01")
    /// a.days(until: b)   // 29
    /// b.days(until: a)   // -29
    /// ```
    public func days(until other: CivilDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// Chronological order.
    ///
    /// ```swift
    /// try CivilDate(parsing: "2025-12-31") < CivilDate(parsing: "2026-01-01")   // true
    /// ```
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The English name of `month` (1...12), for messages.
    static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"][month - 1]
    }
}
