// DealFinance — exact deal finance. DealEngine: the Regulation Z Appendix J (b)(4) choice of the
// unit-period and the 1026.22(a)(3) irregularity of a schedule.

import DealDecimal

extension AnnualPercentageRate {
    // MARK: Unit-period (Appendix J (b)(4))

    /// The unit-period: the override, or the common period that occurs most often between
    /// consecutive distinct dates of the transaction (ties: a payment frequency, then the
    /// shorter) among the
    /// frequencies, a day and its multiples up to 6 days, and the multiples of a week (3…13
    /// weeks) or a month (2…11 months,
    /// ``UnitPeriod/candidates``; these only when they occur at least twice), or, with no
    /// common period, the frequency whose nominal
    /// length (365/m days) is nearest the average interval (ties: the shorter). Never longer
    /// than a year.
    public func chooseUnitPeriod(start: CivilDate) throws(DealError) -> UnitPeriod {
        if let unitPeriod { return .frequency(unitPeriod) }
        let dates = distinctSortedDates()
        guard dates.count >= 2 else { return .monthly }
        let order = UnitPeriod.candidates, byDays = UnitPeriod.candidatesByDaysFlat, starts = UnitPeriod.candidatesByDaysStart
        // counts[j]: the gaps that are one period of order[j] (0: none).
        var counts = [Int](repeating: 0, count: order.count)
        // Gaps of up to 41 days that agree in their ``gapKey(_:_:days:)`` are one period of
        // the same candidates: each such gap is counted out once (a direct-mapped table of
        // 64 keys and their candidate masks), the others every time.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { memo in
            memo.initialize(repeating: 0)
            var a = dates[0], aDays = a.daysSinceEpoch
            for b in dates.dropFirst() {
                let bDays = b.daysSinceEpoch, days = bDays - aDays
                // Only the candidates whose day range admits the gap are counted out.
                if days >= UnitPeriod.shortestPeriodDays, days + 1 < starts.count {
                    var mask: UInt64 = 0
                    let key = Self.gapKey(a, b, days: days)
                    let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58)
                    if key != 0 && memo[slot] == key {
                        mask = memo[64 + slot]
                    } else {
                        for k in starts[days]..<starts[days + 1] where UnitPeriod.isOnePeriodByCounting(from: a, to: b, order[byDays[k]]) {
                            mask |= 1 << UInt64(byDays[k])
                        }
                        if key != 0 { (memo[slot], memo[64 + slot]) = (key, mask) }
                    }
                    while mask != 0 {
                        counts[mask.trailingZeroBitCount] += 1
                        mask &= mask - 1
                    }
                }
                (a, aDays) = (b, bDays)
            }
        }
        // Days and multiples of a week or month must recur (twice or more) to be a common interval:
        // one 35-day gap in a ragged schedule does not make 5 weeks the unit-period.
        for j in counts.indices where order[j].paymentFrequency == nil && counts[j] < 2 { counts[j] = 0 }
        if let best = counts.max(), best > 0 {
            // One interval can be two periods at once (February 1 to March 1 is a month and 4
            // weeks): among equally frequent ones a payment frequency wins, then the shorter.
            let j = counts.indices.first { counts[$0] == best && order[$0].paymentFrequency != nil }
                ?? counts.indices.first { counts[$0] == best }!
            return order[j]
        }
        let average = Double(dates.first!.days(until: dates.last!)) / Double(dates.count - 1)
        var choice = PaymentFrequency.weekly
        var distance = Double.infinity
        for frequency in [PaymentFrequency.weekly, .biweekly, .semimonthly, .monthly, .quarterly, .semiannual, .annual] {
            let d = abs(365 / Double(frequency.periodsPerYear) - average)
            if d < distance { distance = d; choice = frequency }
        }
        return .frequency(choice)
    }

    /// The gap a → b (`days` apart) as a key that decides which candidates it is one period
    /// of, or 0 when it may not: gaps of 7…41 days with both years in 2…9998. Packs the
    /// months and days of a and b, the day count, and whether the February from a's month to
    /// b's month (if one lies there) has 29 days.
    ///
    /// Why it decides: the candidates of such a gap (``UnitPeriod/possibleDays``) are weekly,
    /// biweekly, 3–5 weeks (the day count), semimonthly, monthly and 2 months. Their tests
    /// read the days between, the calendar months between (the months and, within 41 days,
    /// whether the year changes, which the months tell), b's day and whether it ends its
    /// month, and dates built in a's month, b's month or one between (their lengths: the
    /// months, and February's the flag); nothing reaches year 1 or 9999. `UnitPeriodTests`
    /// checks that every pair of dates with one key has one answer over leap, century and
    /// 400-year boundaries.
    @inline(__always)
    static func gapKey(_ a: CivilDate, _ b: CivilDate, days: Int) -> UInt64 {
        guard days >= 7, days <= 41, a.year >= 2, b.year <= 9_998 else { return 0 }
        let key = UInt64(a.month) | UInt64(a.day) << 4 | UInt64(b.month) << 9 | UInt64(b.day) << 14 | UInt64(days) << 19
        // February lies from a's month to b's: in a's year when a is in January or February
        // and b is in a later year or from February on; else in b's year when b is in
        // February of the next year (41 days reach no further).
        let february = a.month <= 2 && (b.year > a.year || b.month >= 2) ? a.year
            : (b.year > a.year && b.month == 2 ? b.year : 0)
        return key | (february != 0 && CivilDate.isLeapYear(february) ? 1 << 26 : 0) | 1 << 28
    }

    /// The distinct dates of all flows in increasing order: the flows' own order when it is
    /// already strictly increasing (a regular series after its advance), else sorted.
    func distinctSortedDates() -> [CivilDate] {
        var dates: [CivilDate] = []
        dates.reserveCapacity(advances.count + payments.count)
        for k in advances.indices { dates.append(advances[k].date) }
        for k in payments.indices { dates.append(payments[k].date) }
        var increasing = true
        for k in dates.indices.dropFirst() where !(dates[k - 1] < dates[k]) { increasing = false; break }
        return increasing ? dates : Array(Set(dates)).sorted()
    }

    /// Whether `b` is exactly one `frequency` period after `a`.
    static func isOnePeriod(from a: CivilDate, to b: CivilDate, _ frequency: PaymentFrequency) -> Bool {
        guard a < b else { return false }
        if frequency == .monthly {
            // (b)(5)(ii) gives 1 month and 0 days exactly when the month boundary one month
            // back from b (on b's day) is a: then a is in the month before b's and no days
            // remain. The counting below, without the day count.
            if let decided = UnitPeriod.monthsApartByCalendar(from: a, to: b, months: 1) { return decided }
            return UnitPeriodCount.monthBoundary(1, before: b, on: DayOfMonth(anchoring: b)) == a
        }
        if let per = frequency.daysPerPeriod {
            // (b)(5)(iv): actual days over 7 or 14, so one period and no odd days is exactly
            // that many days (the counting below would say the same).
            return a.days(until: b) == per
        }
        if frequency == .semimonthly {
            let days = a.days(until: b)
            if (try? PaymentFrequency.semimonthly.paymentDate(1, first: a)) == b { return true }
            return (13...17).contains(days) && days != 14
        }
        guard let count = try? UnitPeriodCount(from: a, to: b, frequency: frequency) else { return false }
        return count.wholePeriods == 1 && count.oddDays == 0 && (count.oddMonths ?? 0) == 0
    }

    /// Regulation Z 1026.22(a)(3) irregularity.
    func isIrregular(unit: UnitPeriod) -> Bool {
        if advances.count > 1 { return true }
        var increasing = true
        for k in payments.indices.dropFirst() where !(payments[k - 1].date < payments[k].date) { increasing = false; break }
        // Already in date order (a series): no sorted copy of the flows.
        let sorted = increasing ? payments : payments.sorted { $0.date < $1.date }
        if sorted.count > 2 {
            let first = sorted[1].amount
            // Equal coefficients at equal scales are equal (no comparison); otherwise compare.
            for k in 2..<(sorted.count - 1) {
                let amount = sorted[k].amount
                if amount.scale == first.scale && amount.coefficient == first.coefficient { continue }
                if amount != first { return true }
            }
        }
        // Months and multiples of a month: the counting alone (the day range is only a
        // shortcut to a "no" the counting also gives, `UnitPeriodTests`); it needs no day
        // numbers. Otherwise each date's day number once (carried to the next gap).
        switch unit {
        case .frequency(.monthly), .months:
            for k in sorted.indices.dropFirst() where !UnitPeriod.isOnePeriodByCounting(from: sorted[k - 1].date, to: sorted[k].date, unit) {
                return true
            }
            return false
        default:
            // Weekly, biweekly, k weeks: one period is exactly 7, 14 or 7k days.
            let per = unit.daysPerPeriod
            var previous = sorted[0].date, previousDays = previous.daysSinceEpoch
            if let per {
                for k in sorted.indices.dropFirst() {
                    let days = sorted[k].date.daysSinceEpoch
                    if days - previousDays != per { return true }
                    previousDays = days
                }
                return false
            }
            for k in sorted.indices.dropFirst() {
                let date = sorted[k].date, days = date.daysSinceEpoch
                if !UnitPeriod.isOnePeriod(from: previous, to: date, days: days - previousDays, unit) { return true }
                (previous, previousDays) = (date, days)
            }
            return false
        }
    }
}
