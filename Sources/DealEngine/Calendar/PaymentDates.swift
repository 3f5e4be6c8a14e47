// DealFinance — DealEngine: the due dates of a sequence of regular payments.

/// The day of the month a schedule returns to: a fixed day (clamped to shorter months) or
/// the last day of every month.
///
/// Regulation Z Appendix J (b)(3)(iv): "If a series of payments (or advances) is scheduled
/// for the last day of each month, months shall be measured from the last day of the given
/// month to the last day of another month. If payments (or advances) are scheduled for the
/// 29th or 30th of each month, the last day of February shall be used when applicable."
enum DayOfMonth: Hashable, Sendable {
    /// This day, or the last day of a month that is shorter.
    case day(Int)
    /// The last day of every month.
    case lastDay

    /// The anchor a month-based schedule whose date is `date` keeps: the last day when
    /// `date` is a month end, its own day otherwise.
    init(anchoring date: CivilDate) {
        self = date.isLastDayOfMonth ? .lastDay : .day(date.day)
    }

    /// This day in `month` of `year`.
    func date(year: Int, month: Int) -> CivilDate {
        let length = CivilDate.numberOfDays(inMonth: month, year: year)
        switch self {
        case .day(let day): return CivilDate(unchecked: year, month, min(day, length))
        case .lastDay: return CivilDate(unchecked: year, month, length)
        }
    }

    /// This day in the month `months` months after the month of `date`.
    func date(months: Int, after date: CivilDate) throws(CalendarError) -> CivilDate {
        let (year, month) = try date.shiftedMonth(by: months)
        return self.date(year: year, month: month)
    }
}

/// The two days of each month a semimonthly schedule uses.
struct SemimonthlyDays: Hashable, Sendable {
    /// The day in the first half of the month, 1...15.
    let early: Int
    /// The day in the second half: the 15th after the 1st, `early + 15` (clamped), or the month end.
    let late: DayOfMonth
    /// Whether the anchoring date is the second-half payment of its month.
    let anchorIsLate: Bool

    /// The pair of days the schedule that starts on `first` keeps (rule in
    /// ``PaymentFrequency/paymentDate(_:first:)``).
    init(anchoring first: CivilDate) {
        if first.day == 1 {
            (early, late, anchorIsLate) = (1, .day(15), false)
        } else if first.day < 15 {
            (early, late, anchorIsLate) = (first.day, .day(first.day + 15), false)
        } else if first.day == 15 {
            (early, late, anchorIsLate) = (15, .lastDay, false)
        } else if first.isLastDayOfMonth {
            (early, late, anchorIsLate) = (15, .lastDay, true)
        } else {
            (early, late, anchorIsLate) = (first.day - 15, .day(first.day), true)
        }
    }
}

extension PaymentFrequency {
    /// The due date of payment number `index` (0-based) of a regular sequence whose first
    /// payment is due on `first`.
    ///
    /// Every date is computed from `first`, never from the previous date, so clamping to a
    /// short month never makes the schedule drift.
    ///
    /// - Month-based (`monthly`, `quarterly`, `semiannual`, `annual`): payment `index` falls
    ///   `index × monthsPerPeriod` months after `first`, on `first`'s day, clamped to the end
    ///   of a shorter month. When `first` is the last day of its month the schedule stays on
    ///   month ends (Regulation Z Appendix J (b)(3)(iv)): 2026-01-31 gives 02-28, 03-31,
    ///   04-30; 2026-02-28 gives 03-31, 04-30; 2026-01-30 gives 02-28, 03-30.
    /// - `biweekly`, `weekly`: `index × 14` or `index × 7` days after `first`.
    /// - `semimonthly`: two payments each month. With `d` the day of `first`:
    ///   - `d` = 1: the 1st and the 15th of every month (the customary payroll pair);
    ///   - 1 < `d` < 15: the `d`th and the `(d + 15)`th of every month, the second clamped to
    ///     the month end (5th/20th; 14th/29th gives 02-28 in a common year);
    ///   - `d` = 15: the 15th and the last day of every month (15th/end of month);
    ///   - `d` > 15 and `first` the last day of its month: also the 15th and the last day,
    ///     `first` being the month-end payment (2026-02-28 gives 03-15, 03-31, 04-15 …);
    ///   - otherwise `d` > 15: the `d`th this month (clamped) and the `(d − 15)`th of the next
    ///     (the 20th gives the 5th and 20th).
    ///
    /// - Parameters:
    ///   - index: 0 for `first` itself, 1 for the next payment, and so on.
    ///   - first: the due date of the first payment.
    /// - Returns: the due date of payment `index`.
    /// - Throws: ``CalendarError`` when `index` is negative or the date leaves years 1...9999.
    ///
    /// ```swift
    /// let first = try CivilDate(parsing: "2026-01-31")
    /// try PaymentFrequency.monthly.paymentDate(1, first: first)       // 2026-02-28
    /// try PaymentFrequency.monthly.paymentDate(2, first: first)       // 2026-03-31
    /// let payday = try CivilDate(parsing: "2024-02-01")
    /// try PaymentFrequency.semimonthly.paymentDate(1, first: payday)  // 2024-02-15
    /// try PaymentFrequency.semimonthly.paymentDate(2, first: payday)  // 2024-03-01
    /// ```
    public func paymentDate(_ index: Int, first: CivilDate) throws(CalendarError) -> CivilDate {
        guard index >= 0 else {
            throw CalendarError(message: "expected a payment index of 0 or more, found \(index)")
        }
        return try date(byAddingPeriods: index, to: first)
    }

    /// The due dates of the first `count` payments of the regular sequence starting on `first`.
    ///
    /// - Parameters:
    ///   - count: the number of payments, 0 or more.
    ///   - first: the due date of the first payment.
    /// - Returns: `count` dates, `paymentDate(0, first:)` through `paymentDate(count - 1, first:)`.
    /// - Throws: ``CalendarError`` when `count` is negative or a date leaves years 1...9999.
    ///
    /// ```swift
    /// try PaymentFrequency.quarterly.paymentDates(count: 3, first: CivilDate(parsing: "2026-11-30"))
    /// // [2026-11-30, 2027-02-28, 2027-05-31]
    /// ```
    public func paymentDates(count: Int, first: CivilDate) throws(CalendarError) -> [CivilDate] {
        guard count >= 0 else {
            throw CalendarError(message: "expected a payment count of 0 or more, found \(count)")
        }
        var dates: [CivilDate] = []
        dates.reserveCapacity(count)
        for index in 0..<count {
            dates.append(try date(byAddingPeriods: index, to: first))
        }
        return dates
    }

    /// The date `count` regular periods after `date` (before it when `count` is negative), on
    /// the schedule that `date` anchors: exactly `paymentDate(count, first: date)` for
    /// `count` ≥ 0, and the same rules run backwards otherwise.
    ///
    /// Use it for the first payment one period after the contract date and for the contract
    /// date one period before a first payment. For a date after the last payment of a
    /// schedule (a balloon one period later), prefer `paymentDate(term, first:)`: it keeps the
    /// schedule's own anchor, which the last date alone may not show (a schedule on the 30th
    /// has its February payment on the 28th).
    ///
    /// - Parameters:
    ///   - count: the number of periods, any sign.
    ///   - date: the anchoring date.
    /// - Returns: the shifted date.
    /// - Throws: ``CalendarError`` when the result leaves years 1...9999.
    ///
    /// ```swift
    /// let contract = try CivilDate(parsing: "2026-01-31")
    /// try PaymentFrequency.monthly.date(byAddingPeriods: 1, to: contract)     // 2026-02-28
    /// try PaymentFrequency.biweekly.date(byAddingPeriods: -1, to: contract)   // 2026-01-17
    /// try PaymentFrequency.monthly.date(byAddingPeriods: -1,
    ///                                   to: CivilDate(parsing: "2026-02-28"))  // 2026-01-31
    /// ```
    public func date(byAddingPeriods count: Int, to date: CivilDate) throws(CalendarError) -> CivilDate {
        func overflow() -> CalendarError {
            CalendarError(message: "expected a date in years 1...9999, found \(date) + \(count) \(rawValue) periods")
        }
        if let months = monthsPerPeriod {
            let (total, overflowed) = count.multipliedReportingOverflow(by: months)
            guard !overflowed else { throw overflow() }
            return try DayOfMonth(anchoring: date).date(months: total, after: date)
        }
        if let days = daysPerPeriod {
            let (total, overflowed) = count.multipliedReportingOverflow(by: days)
            guard !overflowed else { throw overflow() }
            return try date.adding(days: total)
        }
        guard let (monthOffset, day) = semimonthlySlot(count, anchoredOn: date) else { throw overflow() }
        return try day.date(months: monthOffset, after: date)
    }

    /// The day of the month that the date `count` periods after `date` keeps on the schedule
    /// `date` anchors (the day months are measured from, Appendix J (b)(3)(iv)); `nil` for
    /// `biweekly` and `weekly`, whose periods are days.
    func dayOfMonth(afterPeriods count: Int, anchoredOn date: CivilDate) -> DayOfMonth? {
        if monthsPerPeriod != nil { return DayOfMonth(anchoring: date) }
        if daysPerPeriod != nil { return nil }
        return semimonthlySlot(count, anchoredOn: date)?.day
    }

    /// For `semimonthly`: the month (counted from `date`'s month) and day of the date `count`
    /// periods after `date`; `nil` on integer overflow. Slot 2m is the early payment of
    /// month m and slot 2m + 1 the late one.
    private func semimonthlySlot(_ count: Int, anchoredOn date: CivilDate) -> (monthOffset: Int, day: DayOfMonth)? {
        let days = SemimonthlyDays(anchoring: date)
        let (slot, overflowed) = count.addingReportingOverflow(days.anchorIsLate ? 1 : 0)
        guard !overflowed else { return nil }
        let monthOffset = slot >= 0 ? slot / 2 : -((1 - slot) / 2)   // floor(slot / 2)
        let isEarly = slot - 2 * monthOffset == 0
        return (monthOffset, isEarly ? .day(days.early) : days.late)
    }
}
