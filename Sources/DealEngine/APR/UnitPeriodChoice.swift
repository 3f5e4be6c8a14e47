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
        return unitPeriodScan().unit
    }

    /// What one scan of the flows' dates tells: Appendix J (b)(4)'s unit-period, and whether
    /// every gap between consecutive payments is one period of it (the 1026.22(a)(3) period
    /// test of ``isIrregular(unit:periodsRegular:)``).
    struct UnitPeriodScan: Equatable {
        /// The unit-period ``chooseUnitPeriod(start:)`` reports.
        var unit: UnitPeriod
        /// Whether every payment is one ``unit`` after the previous one; nil when the scan did
        /// not see exactly those gaps (several advances, or flows not in strictly increasing
        /// date order).
        var paymentPeriodsRegular: Bool?
    }

    /// The (b)(4) choice over the distinct dates (the flows themselves when they are already
    /// strictly increasing, as a series after its advance is: no copy). With `shortcuts`, gaps
    /// whose candidates answer alike are counted out once (``gapKey(_:_:days:)``, and a gap of
    /// one calendar month on a day before the 28th, whose answers depend on its length
    /// alone); without, every gap asks every candidate (`UnitPeriodChoiceTests` compares
    /// the two on seeded schedules).
    func unitPeriodScan(shortcuts: Bool = true) -> UnitPeriodScan {
        let split = advances.count
        if let scan = Self.unitPeriodScan(count: split + payments.count, seesPaymentGaps: split == 1, shortcuts: shortcuts, date: {
            $0 < split ? advances[$0].date : payments[$0 - split].date
        }) { return scan }
        var all: [CivilDate] = []
        all.reserveCapacity(split + payments.count)
        for k in advances.indices { all.append(advances[k].date) }
        for k in payments.indices { all.append(payments[k].date) }
        // Distinct and sorted: strictly increasing, so the scan below runs to its end.
        let dates = Array(Set(all)).sorted()
        return Self.unitPeriodScan(count: dates.count, seesPaymentGaps: false, shortcuts: shortcuts) { dates[$0] }!
    }

    /// The scan over `count` dates `date(0)…`, nil as soon as one is not after the previous
    /// one (then the caller scans them sorted); when `seesPaymentGaps`, `date(0)` is the one
    /// advance and the others are the payments.
    @inline(__always)
    static func unitPeriodScan(count: Int, seesPaymentGaps: Bool, shortcuts: Bool,
                               date: (Int) -> CivilDate) -> UnitPeriodScan? {
        guard count >= 2 else { return UnitPeriodScan(unit: .monthly, paymentPeriodsRegular: nil) }
        let order = UnitPeriod.candidates, byDays = UnitPeriod.candidatesByDaysFlat, starts = UnitPeriod.candidatesByDaysStart
        precondition(order.count <= 32, "the buffer below counts 32 candidates")
        // The candidates that the gap a → b (`days` apart) is one period of, as a mask: only
        // those whose day range admits the gap are asked.
        func candidateMask(_ a: CivilDate, _ b: CivilDate, days: Int) -> UInt64 {
            var mask: UInt64 = 0
            guard days >= UnitPeriod.shortestPeriodDays, days + 1 < starts.count else { return 0 }
            for i in starts[days]..<starts[days + 1] where UnitPeriod.isOnePeriodByCounting(from: a, to: b, order[byDays[i]]) {
                mask |= 1 << UInt64(byDays[i])
            }
            return mask
        }
        // One stack buffer (1 KiB, within the stack allocation limit): a direct-mapped table of
        // 32 gap keys (0..<32) and their candidate masks (32..<64); counts[j], the gaps that
        // are one period of order[j] (64..<96); for the calendar-month gaps of 28…31 days,
        // their masks with bit 63 set once known (96..<100) and how many there were (100..<104).
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { memo -> UnitPeriodScan? in
            memo.initialize(repeating: 0)
            // Bit j: every payment gap so far is one period of order[j]; bit d: a payment gap
            // was a calendar month of 28 + d days.
            var everyPaymentGap = UInt64.max, paymentMonthLengths = 0
            var a = date(0), aDays = a.daysSinceEpoch
            for k in 1..<count {
                let b = date(k)
                if shortcuts, b.day == a.day, b.day < 28, b.month == a.month % 12 + 1, b.year == a.year + (a.month == 12 ? 1 : 0) {
                    // One calendar month on a day every month has: as many days as a's month,
                    // and the candidates' answers depend on that length alone.
                    let days = CivilDate.numberOfDays(inMonth: a.month, year: a.year), length = days - 28
                    if memo[96 + length] == 0 { memo[96 + length] = candidateMask(a, b, days: days) | 1 << 63 }
                    memo[100 + length] += 1
                    if k >= 2 { paymentMonthLengths |= 1 << length }
                    (a, aDays) = (b, aDays + days)
                    continue
                }
                let days = b.daysSinceEpoch - aDays
                guard days > 0 else { return nil }
                let key = shortcuts ? Self.gapKey(a, b, days: days) : 0
                let slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 59)
                let mask: UInt64
                if key != 0 && memo[slot] == key {
                    mask = memo[32 + slot]
                } else {
                    mask = candidateMask(a, b, days: days)
                    if key != 0 { (memo[slot], memo[32 + slot]) = (key, mask) }
                }
                var bits = mask
                while bits != 0 {
                    memo[64 + bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
                if k >= 2 { everyPaymentGap &= mask }
                (a, aDays) = (b, aDays + days)
            }
            // The calendar-month gaps, counted out by length.
            for length in 0..<4 where memo[100 + length] > 0 {
                var bits = memo[96 + length] & ~(1 << 63)
                if paymentMonthLengths & 1 << length != 0 { everyPaymentGap &= bits }
                while bits != 0 {
                    memo[64 + bits.trailingZeroBitCount] += memo[100 + length]
                    bits &= bits - 1
                }
            }
            let j = Self.mostCommonPeriod(order, counts: UnsafeBufferPointer(rebasing: memo[64..<(64 + order.count)]),
                                          first: date(0), last: date(count - 1), dates: count)
            return UnitPeriodScan(unit: order[j], paymentPeriodsRegular: seesPaymentGaps ? everyPaymentGap >> UInt64(j) & 1 == 1 : nil)
        }
    }

    /// The index into `order` (``UnitPeriod/candidates``) of the unit-period, given
    /// `counts[j]`, the gaps that are one period of candidate j, and the first and last of
    /// `dates` distinct dates (for the average interval when no period is common).
    static func mostCommonPeriod(_ order: [UnitPeriod], counts: UnsafeBufferPointer<UInt64>,
                                 first: CivilDate, last: CivilDate, dates: Int) -> Int {
        // Days and multiples of a week or month must recur (twice or more) to be a common interval:
        // one 35-day gap in a ragged schedule does not make 5 weeks the unit-period.
        func count(_ j: Int) -> UInt64 { order[j].paymentFrequency == nil && counts[j] < 2 ? 0 : counts[j] }
        var best: UInt64 = 0
        for j in order.indices { best = max(best, count(j)) }
        if best > 0 {
            // One interval can be two periods at once (February 1 to March 1 is a month and 4
            // weeks): among equally frequent ones a payment frequency wins, then the shorter.
            return order.indices.first { count($0) == best && order[$0].paymentFrequency != nil }
                ?? order.indices.first { count($0) == best }!
        }
        let average = Double(first.days(until: last)) / Double(dates - 1)
        var choice = PaymentFrequency.weekly
        var distance = Double.infinity
        for frequency in [PaymentFrequency.weekly, .biweekly, .semimonthly, .monthly, .quarterly, .semiannual, .annual] {
            let d = abs(365 / Double(frequency.periodsPerYear) - average)
            if d < distance { distance = d; choice = frequency }
        }
        return order.firstIndex(of: .frequency(choice))!
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

    /// Regulation Z 1026.22(a)(3) irregularity; `periodsRegular`, when known
    /// (``UnitPeriodScan/paymentPeriodsRegular``, which implies payments in strictly
    /// increasing date order), answers the period test without its scan.
    func isIrregular(unit: UnitPeriod, periodsRegular: Bool? = nil) -> Bool {
        if advances.count > 1 { return true }
        // Already in date order (a series, or as the scan saw them when it knows the periods):
        // no sorted copy of the flows.
        var increasing = true
        if periodsRegular == nil {
            for k in payments.indices.dropFirst() where !(payments[k - 1].date < payments[k].date) { increasing = false; break }
        }
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
        if let periodsRegular { return !periodsRegular }
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
