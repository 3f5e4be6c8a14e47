// DealFinance — DealEngine: Regulation Z Appendix J unit-period counting.

/// The time from an advance (the contract date) to a later date (a payment) in unit-periods,
/// counted as Regulation Z (12 CFR 1026) Appendix J (b)(5) counts it: whole unit-periods
/// measured **back from the later date**, then the remaining days as an exact fraction of a
/// unit-period. The unit-period is the payment frequency (Appendix J (b)(4)), or a multiple of
/// a week or a month (``init(from:to:unitPeriod:)``).
///
/// The rules, by frequency:
///
/// - `monthly` — (b)(5)(ii): "the number of full unit-periods between 2 dates shall be the
///   number of months measured back from the later date. The remaining fraction of a
///   unit-period shall be the number of days measured forward from the earlier date to the
///   beginning of the first full unit-period, divided by 30."
/// - `semimonthly`, `quarterly`, `semiannual` — (b)(5)(iii): "the number of days between 2
///   dates shall be 30 times the number of full months measured back from the later date,
///   plus the number of remaining days", divided by 15 for a semimonth or by 30 × months for
///   a multi-month unit-period (90, 180); the quotient is ``wholePeriods``, the remainder
///   ``oddDays``.
/// - `weekly`, `biweekly` — (b)(5)(iv): the actual days between the dates (24-hour
///   intervals, (b)(5)(i)) divided by the days per unit-period, 7 or 14.
/// - `annual` — (b)(5)(v): full years (each 12 months) measured back from the later date;
///   the remainder is "(A) the remaining number of months divided by 12 if the remaining
///   interval is equal to a whole number of months, or (B) the remaining number of days
///   divided by 365" otherwise (``oddMonths`` is set in case (A)).
///
/// Months are measured as Appendix J (b)(3)(iv) says: from a date to the same date of
/// another month; when the later date is on the last day of its month (a series of month-end
/// payments), from month end to month end, so counting back from the 31st (or from
/// February 28 in a common year) lands on the last day of every month; a 29th or 30th lands
/// on the last day of February.
///
/// ```swift
/// // Appendix J (c)(1)(ii): advance 1978-02-10, first monthly payment 1978-04-01:
/// let count = try UnitPeriodCount(from: CivilDate(parsing: "1978-02-10"),
///                                 to: CivilDate(parsing: "1978-04-01"), frequency: .monthly)
/// count.wholePeriods        // 1  (back from 04-01 to 03-01)
/// count.oddDays             // 19 (02-10 to 03-01)
/// count.daysPerUnitPeriod   // 30, so the fraction is 19/30
/// ```
package struct UnitPeriodCount: Sendable, Equatable {
    /// The number of full unit-periods, `t` of Appendix J (b)(8).
    ///
    /// ```swift
    /// try UnitPeriodCount(from: CivilDate(parsing: "1978-03-20"), to: CivilDate(parsing: "1978-04-21"),
    ///                     frequency: .weekly).wholePeriods   // 4
    /// ```
    package let wholePeriods: Int

    /// The days left over after the whole unit-periods: actual days for `monthly`, `weekly`,
    /// `biweekly` and `annual`; for `semimonthly`, `quarterly` and `semiannual` the remainder
    /// of the (b)(5)(iii) day count, in which each full month counts 30 days.
    ///
    /// ```swift
    /// try UnitPeriodCount(from: CivilDate(parsing: "1978-03-20"), to: CivilDate(parsing: "1978-04-21"),
    ///                     frequency: .weekly).oddDays   // 4
    /// ```
    package let oddDays: Int

    /// The denominator of the fraction of a unit-period that ``oddDays`` make: 30 (month,
    /// (b)(5)(ii)), 15 (semimonth), 90 and 180 (3 and 6 months, (b)(5)(iii)), 14 and 7
    /// ((b)(5)(iv)), 365 (year, (b)(5)(v)(B)).
    ///
    /// ```swift
    /// try UnitPeriodCount(from: CivilDate(parsing: "2026-01-01"), to: CivilDate(parsing: "2026-01-16"),
    ///                     frequency: .semimonthly).daysPerUnitPeriod   // 15
    /// ```
    package let daysPerUnitPeriod: Int

    /// For `annual` only, when the remainder after the full years is a whole number of months
    /// ((b)(5)(v)(A)): that number of months, the fraction being `oddMonths / 12`; `nil`
    /// otherwise.
    ///
    /// ```swift
    /// try UnitPeriodCount(from: CivilDate(parsing: "2026-03-15"), to: CivilDate(parsing: "2027-09-15"),
    ///                     frequency: .annual).oddMonths   // 6, so 1 year and 6/12
    /// ```
    package let oddMonths: Int?

    /// The fractional unit-period `f` of Appendix J (b)(8) as an exact ratio: `oddMonths / 12`
    /// in the annual case (b)(5)(v)(A), `oddDays / daysPerUnitPeriod` otherwise. Not reduced.
    ///
    /// ```swift
    /// try UnitPeriodCount(from: CivilDate(parsing: "1978-02-10"), to: CivilDate(parsing: "1978-04-01"),
    ///                     frequency: .monthly).fraction   // (numerator: 19, denominator: 30)
    /// ```
    package var fraction: (numerator: Int, denominator: Int) {
        if let oddMonths { return (oddMonths, 12) }
        return (oddDays, daysPerUnitPeriod)
    }

    /// Counts the unit-periods from `start` to `end`, measuring months back from `end` on
    /// `end`'s own day of the month (month ends when `end` is the last day of its month).
    ///
    /// `end` alone cannot show whether a schedule on the 28th or 30th is a month-end schedule;
    /// this initializer assumes a month-end `end` belongs to one, as
    /// ``PaymentFrequency/paymentDate(_:first:)`` does for a first payment on a month end.
    /// For payments after the first, use ``init(from:toPayment:firstPayment:frequency:)``,
    /// which measures on the schedule's own day.
    ///
    /// - Parameters:
    ///   - start: the earlier date: the advance, or the date the finance charge starts.
    ///   - end: the later date, normally a payment due date.
    ///   - frequency: the unit-period.
    /// - Throws: ``CalendarError`` when `end` is before `start`.
    ///
    /// ```swift
    /// let count = try UnitPeriodCount(from: CivilDate(parsing: "2026-01-10"),
    ///                                 to: CivilDate(parsing: "2026-02-15"), frequency: .monthly)
    /// (count.wholePeriods, count.oddDays)   // (1, 5): 1 month and 5 days, f = 5/30
    /// ```
    package init(from start: CivilDate, to end: CivilDate, frequency: PaymentFrequency) throws(CalendarError) {
        try self.init(from: start, to: end, frequency: frequency,
                      monthDay: frequency.daysPerPeriod == nil ? DayOfMonth(anchoring: end) : nil)
    }

    /// Counts the unit-periods from `start` to the due date of payment `index` of the regular
    /// schedule whose first payment is due on `firstPayment`, measuring months back on the
    /// schedule's own day (Appendix J (b)(3)(iv)): for a schedule on the 30th starting
    /// 2026-01-30, from 2026-04-30 back to 03-30, 02-28, 01-30, not to month ends.
    ///
    /// - Parameters:
    ///   - start: the earlier date: the advance, or the date the finance charge starts.
    ///   - index: the 0-based payment number.
    ///   - firstPayment: the due date of the first payment.
    ///   - frequency: the unit-period and the schedule's frequency.
    /// - Throws: ``CalendarError`` when `index` is negative or the payment is before `start`.
    ///
    /// ```swift
    /// let contract = try CivilDate(parsing: "2025-12-30"), first = try CivilDate(parsing: "2026-01-30")
    /// let third = try UnitPeriodCount(from: contract, toPayment: 3, firstPayment: first, frequency: .monthly)
    /// (third.wholePeriods, third.oddDays)   // (4, 0): 2026-04-30 is 4 months after 2025-12-30
    /// ```
    package init(from start: CivilDate, toPayment index: Int, firstPayment: CivilDate,
                frequency: PaymentFrequency) throws(CalendarError) {
        let end = try frequency.paymentDate(index, first: firstPayment)
        try self.init(from: start, to: end, frequency: frequency,
                      monthDay: frequency.dayOfMonth(afterPeriods: index, anchoredOn: firstPayment))
    }

    /// Counts `unit` unit-periods from `start` to `end`: a frequency as
    /// ``init(from:to:frequency:)`` does; k days and k weeks as (b)(5)(iv) says (actual days
    /// divided by k or 7·k); k months as (b)(5)(iii) says (30 days per full month measured back from `end`
    /// plus the remaining days, divided by 30·k).
    ///
    /// ```swift
    /// // Appendix J (c)(4)(ii): advance 1978-01-10, first bimonthly payment 1978-03-01:
    /// let count = try UnitPeriodCount(from: CivilDate(parsing: "1978-01-10"),
    ///                                 to: CivilDate(parsing: "1978-03-01"), unitPeriod: .months(2))
    /// count.fraction   // (numerator: 52, denominator: 60): 1 month back to 02-01, then 22 days
    /// ```
    package init(from start: CivilDate, to end: CivilDate, unitPeriod: UnitPeriod) throws(CalendarError) {
        switch unitPeriod {
        case .frequency(let frequency):
            try self.init(from: start, to: end, frequency: frequency)
        case .days, .weeks:
            // (b)(5)(iv): actual days divided by the days per unit-period (k or 7·k).
            guard start <= end else { throw CalendarError(message: "expected a later date on or after the start \(start), found \(end)") }
            let per = unitPeriod.daysPerPeriod ?? 7
            let total = start.days(until: end)
            self.init(whole: total / per, odd: total % per, per: per, oddMonths: nil)
        case .months(let k):
            guard start <= end else { throw CalendarError(message: "expected a later date on or after the start \(start), found \(end)") }
            let (months, remainingDays) = Self.fullMonths(from: start, to: end, on: DayOfMonth(anchoring: end))
            let total = 30 * months + remainingDays
            self.init(whole: total / (30 * k), odd: total % (30 * k), per: 30 * k, oddMonths: nil)
        }
    }

    /// The counting itself; `monthDay` is the day months are measured back on (`nil` for the
    /// day-based unit-periods).
    private init(from start: CivilDate, to end: CivilDate, frequency: PaymentFrequency,
                 monthDay: DayOfMonth?) throws(CalendarError) {
        guard start <= end else {
            throw CalendarError(message: "expected a later date on or after the start \(start), found \(end)")
        }
        if let days = frequency.daysPerPeriod {
            // (b)(5)(iv): actual days divided by the days per unit-period.
            let total = start.days(until: end)
            self.init(whole: total / days, odd: total % days, per: days, oddMonths: nil)
            return
        }
        let (months, remainingDays) = Self.fullMonths(from: start, to: end, on: monthDay ?? DayOfMonth(anchoring: end))
        switch frequency {
        case .monthly:
            // (b)(5)(ii)
            self.init(whole: months, odd: remainingDays, per: 30, oddMonths: nil)
        case .annual:
            // (b)(5)(v): full years of 12 months back from the later date, then (A) or (B).
            let years = months / 12
            if remainingDays == 0 {
                self.init(whole: years, odd: 0, per: 365, oddMonths: months % 12)
            } else {
                let yearBoundary = Self.monthBoundary(years * 12, before: end, on: monthDay ?? DayOfMonth(anchoring: end))
                self.init(whole: years, odd: start.days(until: yearBoundary), per: 365, oddMonths: nil)
            }
        default:
            // (b)(5)(iii): 30 days per full month plus the remaining days, divided by 15 or 30 × n.
            let per = frequency.monthsPerPeriod.map { 30 * $0 } ?? 15
            let total = 30 * months + remainingDays
            self.init(whole: total / per, odd: total % per, per: per, oddMonths: nil)
        }
    }

    /// `count` with `periods` more whole unit-periods and the same fraction.
    init(shifting count: UnitPeriodCount, by periods: Int) {
        self.init(whole: count.wholePeriods + periods, odd: count.oddDays, per: count.daysPerUnitPeriod,
                  oddMonths: count.oddMonths)
    }

    private init(whole: Int, odd: Int, per: Int, oddMonths: Int?) {
        wholePeriods = whole
        oddDays = odd
        daysPerUnitPeriod = per
        self.oddMonths = oddMonths
    }

    /// The full months measured back from `end` on `day` that still end on or after `start`,
    /// and the days from `start` forward to the earliest of those month boundaries.
    static func fullMonths(from start: CivilDate, to end: CivilDate, on day: DayOfMonth) -> (months: Int, days: Int) {
        // Going back k months from `end` reaches the month of `start` at k = calendarMonths;
        // that boundary is on or after `start` or it is not, so the answer is one of two.
        let calendarMonths = (end.year - start.year) * 12 + (end.month - start.month)
        var months = calendarMonths
        if monthBoundary(months, before: end, on: day) < start { months -= 1 }
        return (months, start.days(until: monthBoundary(months, before: end, on: day)))
    }

    /// The date `months` months before `end` on `day`; `months` = 0 is `end` itself.
    static func monthBoundary(_ months: Int, before end: CivilDate, on day: DayOfMonth) -> CivilDate {
        if months == 0 { return end }
        let index = end.year * 12 + (end.month - 1) - months
        return day.date(year: index / 12, month: index % 12 + 1)
    }
}
