// DealFinance — exact deal finance. DealEngine: the disclosed APR of dated cash flows
// (Regulation Z Appendix J and the EU Consumer Credit Directive annex). Documentation/Reference/APR.md.

import DealDecimal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// One dated amount: an advance (money lent) or a payment.
///
/// ```swift
/// let advance = DatedAmount(amount: try ExactDecimal(parsing: "10000.00"), date: try CivilDate(parsing: "2026-04-01"))
/// ```
public struct DatedAmount: Sendable, Hashable {
    /// The amount (> 0).
    public var amount: ExactDecimal
    /// The date it is advanced or due.
    public var date: CivilDate
    /// The dotted request path, for errors.
    public var path: String
    /// When the amount belongs to a regular series: the series' frequency, first date and
    /// this payment's 0-based index (months are then measured on the series' own day).
    public var series: (frequency: PaymentFrequency, first: CivilDate, index: Int)? {
        get { seriesFrequency.map { ($0, seriesFirst!, seriesIndex) } }
        set { seriesFrequency = newValue?.frequency; seriesFirst = newValue?.first; seriesIndex = newValue?.index ?? 0 }
    }
    private var seriesFrequency: PaymentFrequency?
    private var seriesFirst: CivilDate?
    private var seriesIndex = 0

    /// Creates a dated amount.
    public init(amount: ExactDecimal, date: CivilDate, path: String = "") {
        self.amount = amount
        self.date = date
        self.path = path
    }
}

/// Which APR: Regulation Z Appendix J (US) or the EU Consumer Credit Directive annex.
public enum APRMethod: String, Sendable, CaseIterable {
    /// 12 CFR 1026 Appendix J: actuarial, unit-periods, odd fractions earn simple interest.
    case regz
    /// Directive 2008/48/EC Annex I: annual compounding over year fractions.
    case eu
}

/// How the EU method measures a time in years (Documentation/Reference/APR.md).
public enum EUTimeBasis: String, Sendable, CaseIterable {
    /// Whole months as 1/12 year (counted forward from the first drawdown), leftover days /365.
    case months
    /// Actual days / 365 throughout.
    case days
}

/// The disclosed annual percentage rate of dated advances and payments (Documentation/Reference/APR.md).
///
/// Regulation Z (`regz`): the unit-period is chosen by Appendix J (b)(4) unless given; every
/// flow is measured from the first advance in whole unit-periods `t` counted back from its
/// date and a fraction `f` (``UnitPeriodCount``); the periodic rate `i` solves
/// `Σ advances / ((1 + f·i)(1 + i)^t) = Σ payments / ((1 + f·i)(1 + i)^t)` and
/// `APR = i × unit-periods per year`. EU (`eu`): `Σ advances (1 + X)^(−t) = Σ payments (1 + X)^(−t)`
/// with `t` in years, `APR = X`. Documentation/Rates.md states the solver's bracket, stopping
/// rule and guarantee.
///
/// ```swift
/// let apr = AnnualPercentageRate(method: .regz,
///     advances: [DatedAmount(amount: try ExactDecimal(parsing: "10000.00"), date: try CivilDate(parsing: "2026-04-01"))],
///     payments: try PaymentSeries(amount: try ExactDecimal(parsing: "320.00"), count: 36,
///                                 firstDate: try CivilDate(parsing: "2026-05-16"), frequency: .monthly).amounts())
/// try apr.solve().apr   // 9.168512164909 (percent)
/// ```
public struct AnnualPercentageRate: Sendable {
    /// The method.
    public var method: APRMethod
    /// Advances (at least one, each > 0).
    public var advances: [DatedAmount]
    /// Payments (at least one, each > 0), none before the first advance.
    public var payments: [DatedAmount]
    /// Regulation Z only: the unit-period to use instead of Appendix J (b)(4)'s choice.
    public var unitPeriod: PaymentFrequency?
    /// EU only: how times are measured.
    public var timeBasis: EUTimeBasis = .months

    /// Decimal places of the unrounded ``Result/apr``.
    public static let resultDecimals = 12

    /// Creates the problem.
    public init(method: APRMethod, advances: [DatedAmount], payments: [DatedAmount],
                unitPeriod: PaymentFrequency? = nil, timeBasis: EUTimeBasis = .months) {
        self.method = method
        self.advances = advances
        self.payments = payments
        self.unitPeriod = unitPeriod
        self.timeBasis = timeBasis
    }

    /// The solved rate and the totals.
    public struct Result: Sendable, Equatable {
        /// The APR in percent with ``AnnualPercentageRate/resultDecimals`` decimals (unrounded
        /// in the documented sense: within ``errorBound`` of the exact root).
        public var apr: ExactDecimal
        /// The disclosed APR: regz 2 decimals, eu 1 decimal, half up.
        public var aprDisclosed: ExactDecimal
        /// The Appendix J unit-period (`monthly` … `annual`, k weeks or k months), the
        /// whole `term` (a single advance repaid by a single payment, Appendix J (b)(4)(ii)) or
        /// a `year` (EU); its ``APRUnitPeriod/name`` is the JSON `unitPeriod`.
        public var unitPeriod: APRUnitPeriod
        /// Unit-periods per year: 12, 24, 26, 52, 4, 2, 1; 52/k or 12/k for k weeks or months
        /// (13, 6; 10 decimals when not whole); for `"term"` 365/days or 12/months.
        public var unitPeriodsPerYear: ExactDecimal
        /// Σ advances.
        public var amountFinanced: ExactDecimal
        /// Σ payments.
        public var totalOfPayments: ExactDecimal
        /// Σ payments − Σ advances.
        public var financeCharge: ExactDecimal
        /// A proven bound on |apr − exact APR| in percentage points.
        public var errorBound: Double
        /// Regulation Z 1026.22(a)(3): multiple advances, irregular payment periods or
        /// irregular amounts other than the first or final payment.
        public var isIrregular: Bool
    }

    /// The flows measured on the solver's time scale.
    struct Term {
        var amount: Double      // signed: payments +, advances −
        var whole: Int          // regz: t
        var fraction: Double    // regz: f (≤ 3 roundings)
        var years: Double       // eu: t in years (≤ 4 roundings)
    }

    /// Solves for the APR.
    ///
    /// - Throws: ``DealError`` `invalid_argument` for flows that cannot be measured (a payment
    ///   before the first advance, no advance or payment), `no_solution` when the payments total
    ///   less than the advances (the APR would be negative), when no rate up to 2³⁰ per
    ///   unit-period balances the flows, or when
    ///   flows that are not "all advances before all payments" admit more than one rate.
    public func solve() throws(DealError) -> Result {
        // The flows' fields are read in place (`flows[k].date`): no copy of each flow.
        guard var start = advances.first?.date else {
            throw DealError.invalidArgument("advances", "expected at least one advance, found none")
        }
        for k in advances.indices where advances[k].date < start { start = advances[k].date }
        guard !payments.isEmpty else {
            throw DealError.invalidArgument("payments", "expected at least one payment, found none")
        }
        for k in payments.indices where payments[k].date < start {
            throw DealError.invalidArgument(payments[k].path, "expected a payment on or after the first advance \(start), found \(payments[k].date)")
        }
        let advanced: ExactDecimal, paid: ExactDecimal
        do {
            advanced = try Self.total(advances)
            paid = try Self.total(payments)
        } catch { throw DealError(code: .overflow, path: "", message: "the totals need more than 38 digits") }
        let charge: ExactDecimal
        do { charge = try paid - advanced } catch { throw DealError(code: .overflow, path: "", message: "the finance charge needs more than 38 digits") }
        guard !charge.isNegative else {
            throw DealError(code: .noSolution, path: "payments", message: "expected payments totalling at least the advances (\(advanced)), found \(paid): no rate of zero or more repays them, and an APR is not negative")
        }
        switch method {
        case .regz:
            let unit = try chooseUnitPeriod(start: start)
            let irregular = isIrregular(unit: unit)
            if unitPeriod == nil, advances.count == 1, payments.count == 1,
               let term = try singlePaymentTerm(start: start) {
                return try singlePaymentResult(term, advanced: advanced, paid: paid, charge: charge)
            }
            let terms = try regzTerms(start: start, unit: unit)
            let perYear = Double(unit.periodsPerYear.numerator) / Double(unit.periodsPerYear.denominator)
            let bracket: RateSolver.Bracket
            if let fast = Self.regzNewtonBracket(terms: terms, exactSignAtZero: charge.signum) {
                bracket = fast
            } else {
                bracket = try Self.regzBisectionBracket(terms: terms, exactSignAtZero: charge.signum)
            }
            return try result(bracket: bracket, scale: perYear * 100, unit: .unitPeriod(unit),
                              perYear: unit.periodsPerYearDecimal, advanced: advanced, paid: paid,
                              charge: charge, irregular: irregular)
        case .eu:
            let terms = try euTerms(start: start)
            let bracket = try Self.solve(terms: terms, exactSignAtZero: charge.signum, evaluate: Self.euValue)
            return try result(bracket: bracket, scale: 100, unit: .year, perYear: ExactDecimal(1),
                              advanced: advanced, paid: paid, charge: charge, irregular: false)
        }
    }

    /// Σ amounts exactly as adding them one by one to ``ExactDecimal/zero`` gives it (value,
    /// scale and the overflow error): when every amount is ≥ 0 at one scale, the partial sums
    /// only grow, so the sum of the coefficients (checked against the 38-digit limit at every
    /// step, in 128 unsigned bits) is that result; otherwise, or at the limit, the additions.
    static func total(_ flows: [DatedAmount]) throws(DecimalError) -> ExactDecimal {
        if let scale = flows.first?.amount.scale {
            var sum: UInt128 = 0, direct = true
            for k in flows.indices {
                let amount = flows[k].amount
                guard amount.scale == scale, amount.coefficient >= 0 else { direct = false; break }
                sum += UInt128(amount.coefficient)     // < 2 · 10^38 < 2^128
                guard sum < 100_000_000_000_000_000_000_000_000_000_000_000_000 else { direct = false; break }
            }
            if direct { return try ExactDecimal(coefficient: Int128(sum), scale: scale) }
        }
        var total = ExactDecimal.zero
        for k in flows.indices { total = try total + flows[k].amount }
        return total
    }

    // MARK: Unit-period (Appendix J (b)(4))

    /// The unit-period: the override, or the common period that occurs most often between
    /// consecutive distinct dates of the transaction (ties: a payment frequency, then the
    /// shorter) among the
    /// frequencies and the multiples of a week (3…13 weeks) or a month (2…11 months,
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
        // A multiple of a week or month must recur (twice or more) to be a common interval:
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

    // MARK: Single advance, single payment (Appendix J (b)(4)(ii))

    /// The term as (days, or whole months) when it is not one standard period and at most a
    /// year; nil when a standard period fits (then the general path gives t = 1, f = 0).
    func singlePaymentTerm(start: CivilDate) throws(DealError) -> (days: Int, months: Int?)? {
        let end = payments[0].date
        let days = start.days(until: end)
        guard days > 0 else { return nil }
        for frequency in PaymentFrequency.allCases where Self.isOnePeriod(from: start, to: end, frequency) { return nil }
        guard let monthly = try? UnitPeriodCount(from: start, to: end, frequency: .monthly) else { return nil }
        if monthly.wholePeriods >= 12 { return nil }      // longer than a year: the unit-period is a year
        if monthly.oddDays == 0 { return (days, monthly.wholePeriods) }
        return (days, nil)
    }

    func singlePaymentResult(_ term: (days: Int, months: Int?), advanced: ExactDecimal, paid: ExactDecimal,
                             charge: ExactDecimal) throws(DealError) -> Result {
        // i = charge / advanced exactly; APR = i × 100 × (365 / days or 12 / months).
        do {
            let (numerator, denominator) = term.months.map { (Int128(12), Int128($0)) } ?? (365, Int128(term.days))
            let perYear = try ExactDecimal(coefficient: numerator, scale: 0)
                .divided(by: ExactDecimal(coefficient: denominator, scale: 0), scale: 10, rule: .toNearestOrEven).normalized()
            let scaledCharge = try charge * ExactDecimal(coefficient: numerator * 100, scale: 0)
            let scaledAdvance = try advanced * ExactDecimal(coefficient: denominator, scale: 0)
            let apr = try scaledCharge.divided(by: scaledAdvance, scale: Self.resultDecimals, rule: .toNearestOrEven)
            let disclosed = try scaledCharge.divided(by: scaledAdvance, scale: 2, rule: .toNearestOrAway)
            return Result(apr: apr, aprDisclosed: disclosed, unitPeriod: .term, unitPeriodsPerYear: perYear,
                          amountFinanced: advanced, totalOfPayments: paid, financeCharge: charge,
                          errorBound: 0.5e-12, isIrregular: false)
        } catch {
            throw DealError(code: .overflow, path: "", message: "the APR needs more than 38 digits")
        }
    }

    // MARK: Measuring the flows

    func regzTerms(start: CivilDate, unit: UnitPeriod) throws(DealError) -> [Term] {
        var terms: [Term] = []
        terms.reserveCapacity(advances.count + payments.count)
        // The count to the first payment of the last series seen: later payments of a series
        // whose periods are whole months or days are that count plus their index
        // (``seriesCount(base:index:first:frequency:)``).
        var seriesBase: (first: CivilDate, frequency: PaymentFrequency, count: UnitPeriodCount)?
        // Two passes over the stored arrays, reading fields in place (no copy of each flow).
        for pass in 0..<2 {
            let flows = pass == 0 ? advances : payments, sign = pass == 0 ? -1.0 : 1.0
            for k in flows.indices {
                let count: UnitPeriodCount
                do {
                    if let series = flows[k].series, series.frequency == unit.paymentFrequency, series.first >= start {
                        if let base = seriesBase, base.first == series.first, base.frequency == series.frequency,
                           let shifted = Self.seriesCount(base: base.count, index: series.index, first: series.first, frequency: series.frequency) {
                            count = shifted
                        } else {
                            let base = try UnitPeriodCount(from: start, toPayment: 0, firstPayment: series.first, frequency: series.frequency)
                            seriesBase = (series.first, series.frequency, base)
                            if let shifted = Self.seriesCount(base: base, index: series.index, first: series.first, frequency: series.frequency) {
                                count = shifted
                            } else {
                                count = try UnitPeriodCount(from: start, toPayment: series.index, firstPayment: series.first, frequency: series.frequency)
                            }
                        }
                    } else {
                        count = try UnitPeriodCount(from: start, to: flows[k].date, unitPeriod: unit)
                    }
                } catch {
                    throw DealError.invalidArgument(flows[k].path, error.message)
                }
                let (n, d) = count.fraction
                terms.append(Term(amount: sign * RateSolver.double(flows[k].amount), whole: count.wholePeriods,
                                  fraction: Double(n) / Double(d), years: 0))
            }
        }
        return terms
    }

    /// The count from the start to payment `index` of a regular series, given `base`, the
    /// count to its first payment (index 0), without calendar work: payment `index` is
    /// `index` periods (whole months on the series' day, or 7 or 14 days) after the first, and
    /// Appendix J counts back from it on that same day, so `t` grows by `index` and `f` stays
    /// (for (b)(5)(iii) the day count grows by 30 per month, a multiple of the divisor). Nil
    /// where that does not hold or the old path must decide: `semimonthly` (its two days
    /// a month are not equally spaced), a negative index, or a date that might leave years
    /// 1...9999 (the counting then throws). `CashFlowAPRTests` compares it with
    /// ``UnitPeriodCount/init(from:toPayment:firstPayment:frequency:)`` on random series.
    static func seriesCount(base: UnitPeriodCount, index: Int, first: CivilDate,
                            frequency: PaymentFrequency) -> UnitPeriodCount? {
        // Each period is at most a year, so the date stays within years 1...9999.
        guard frequency != .semimonthly, index >= 0, index < 9_999 - first.year else { return nil }
        return UnitPeriodCount(shifting: base, by: index)
    }

    func euTerms(start: CivilDate) throws(DealError) -> [Term] {
        var terms: [Term] = []
        let anchor = DayOfMonth(anchoring: start)
        for (flow, sign) in advances.map({ ($0, -1.0) }) + payments.map({ ($0, 1.0) }) {
            let days = start.days(until: flow.date)
            let years: Double
            switch timeBasis {
            case .days:
                years = Double(days) / 365
            case .months:
                // Whole months forward from the first drawdown (on its day, month ends kept),
                // then the leftover days over 365.
                var months = (flow.date.year - start.year) * 12 + (flow.date.month - start.month)
                func boundary(_ k: Int) -> CivilDate? { try? anchor.date(months: k, after: start) }
                while months > 0, let b = boundary(months), flow.date < b { months -= 1 }
                let rest = boundary(months).map { $0.days(until: flow.date) } ?? days
                years = Double(months) / 12 + Double(max(0, rest)) / 365
            }
            terms.append(Term(amount: sign * RateSolver.double(flow.amount), whole: 0, fraction: 0, years: years))
        }
        return terms
    }

    // MARK: Evaluation with a proven error bound

    /// Σ amount / ((1 + f·i)(1 + i)^t), multiplied by (1 + i)^T (T the largest t) when i < 0
    /// so that nothing overflows; the sign is unchanged.
    static func regzValue(_ terms: [Term], _ i: Double) -> BoundedValue {
        regzValue(terms, i, wholes: wholeRange(terms))
    }

    /// The smallest and largest t of the terms (nil for none).
    static func wholeRange(_ terms: [Term]) -> ClosedRange<Int>? {
        guard let first = terms.first else { return nil }
        var maxWhole = first.whole, minWhole = first.whole
        for term in terms {
            if term.whole > maxWhole { maxWhole = term.whole }
            if term.whole < minWhole { minWhole = term.whole }
        }
        return minWhole...maxWhole
    }

    /// ``regzValue(_:_:)`` with the terms' ``wholeRange(_:)`` computed once by the caller
    /// (the solver evaluates the same terms ~70 times).
    static func regzValue(_ terms: [Term], _ i: Double, wholes: ClosedRange<Int>?) -> BoundedValue {
        guard let wholes else { return BoundedValue(value: 0, errorBound: 0) }
        let maxWhole = wholes.upperBound, minWhole = wholes.lowerBound
        // exponent + powerOperations(exponent) grows with the exponent, so its maximum over
        // the terms is at the largest exponent.
        let largest = i >= 0 ? maxWhole : maxWhole - minWhole
        let worst = largest + RateSolver.powerOperations(largest) + 10
        let bits = largest <= 0 ? 0 : Int.bitWidth - largest.leadingZeroBitCount
        // 128 doubles (1 KiB) stay on the stack; a larger table is worth its heap block only
        // when it is not much longer than the terms.
        let (sum, magnitude): (Double, Double)
        if bits + largest < 128 {
            (sum, magnitude) = withUnsafeTemporaryAllocation(of: Double.self, capacity: 128) {
                regzSums(terms, i, maxWhole: maxWhole, largest: largest, bits: bits, buffer: $0, tabulate: true)
            }
        } else if largest < 4_096 && largest <= 4 * terms.count + 64 {
            (sum, magnitude) = withUnsafeTemporaryAllocation(of: Double.self, capacity: bits + largest + 1) {
                regzSums(terms, i, maxWhole: maxWhole, largest: largest, bits: bits, buffer: $0, tabulate: true)
            }
        } else {
            (sum, magnitude) = withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) {
                regzSums(terms, i, maxWhole: maxWhole, largest: largest, bits: bits, buffer: $0, tabulate: false)
            }
        }
        let bound = 2 * RateSolver.gamma(worst + terms.count + 2) * magnitude + Double(terms.count) * 1e-290
        return BoundedValue(value: sum, errorBound: bound)
    }

    /// The sum and the sum of magnitudes of ``regzValue(_:_:)``'s terms, in term order.
    ///
    /// `RateSolver.power(b, e)` multiplies the squares b^(2^j) of e's set bits, lowest first;
    /// its value for e is therefore its value for e without the highest bit times that bit's
    /// square, one rounded product. `buffer` holds the squares at `0..<bits` and, when
    /// `tabulate`, every power 0...`largest` after them (one product each): bit for bit what
    /// `RateSolver.power` returns, so the sums are too.
    @inline(__always)
    static func regzSums(_ terms: [Term], _ i: Double, maxWhole: Int, largest: Int, bits: Int,
                         buffer: UnsafeMutableBufferPointer<Double>, tabulate: Bool) -> (Double, Double) {
        var sum = 0.0, magnitude = 0.0
        var square = 1 + i
        for j in 0..<bits {
            buffer[j] = square
            square *= square
        }
        if tabulate {
            let table = bits
            buffer[table] = 1
            // e in 2^top ..< 2^(top+1): the entry for e − 2^top times the square of 2^top.
            for top in 0..<bits {
                let square = buffer[top], low = 1 << top
                for e in low...min(2 * low - 1, largest) { buffer[table + e] = buffer[table + e - low] * square }
            }
            for term in terms {
                let exponent = i >= 0 ? term.whole : maxWhole - term.whole
                let p = exponent > 0 ? buffer[table + exponent] : 1
                let q = 1 + term.fraction * i
                let value = i >= 0 ? term.amount / (q * p) : term.amount * p / q
                sum += value
                magnitude += abs(value)
            }
        } else {
            for term in terms {
                let exponent = i >= 0 ? term.whole : maxWhole - term.whole
                var p = 1.0, e = exponent, j = 0
                while e > 0 {
                    if e & 1 == 1 { p *= buffer[j] }
                    e >>= 1
                    j += 1
                }
                let q = 1 + term.fraction * i
                let value = i >= 0 ? term.amount / (q * p) : term.amount * p / q
                sum += value
                magnitude += abs(value)
            }
        }
        return (sum, magnitude)
    }

    /// ``regzValue(_:_:)`` for the solver, answering from earlier evaluations where they
    /// prove the sign, so that the solver takes exactly the steps it takes on the full
    /// evaluation with far fewer evaluations.
    ///
    /// When every advance is at t = 0 with f = 0 (and t, f ≥ 0), every rounded operation of
    /// the evaluation at a rate i ≥ 0 is monotone in i (IEEE rounding is monotone): each
    /// payment's value a/((1 + f·i)(1 + i)^t) does not increase, each advance's is the
    /// constant −A, so the computed sum v(i) and magnitude, and with it the computed bound
    /// b(i), never increase. With evaluated points y ≤ m ≤ z (finite values and bounds):
    /// - v(z) > b(y) proves v(m) > b(m): the sign at m is +1;
    /// - v(y) < −b(y) proves v(m) < −b(m): −1;
    /// - v(y) ≤ b(z) and v(z) ≥ −b(z) prove |v(m)| ≤ b(m): 0 (no proven sign).
    /// Only ``BoundedValue/provenSign`` of the answer is meaningful: inferred answers are
    /// (±1, 0) or (0, 1). To make the rules apply, an undecided request first places anchors:
    /// secant steps towards the root, then points just outside and inside the two places where
    /// the sign stops being provable. `CashFlowAPRTests` checks every answer against the full
    /// evaluation and the solver's bracket against the one on the full evaluation.
    final class RegzSigns {
        let terms: [Term]
        let wholes: ClosedRange<Int>?
        /// Whether the monotone argument applies (else every request is evaluated).
        let monotone: Bool
        /// Evaluated points at rates ≥ 0 in increasing order.
        private(set) var points: [(x: Double, value: Double, bound: Double)] = []
        /// Full evaluations made.
        private(set) var evaluations = 0
        private var anchored = false

        init(terms: [Term]) {
            self.terms = terms
            wholes = AnnualPercentageRate.wholeRange(terms)
            monotone = AnnualPercentageRate.isMonotone(terms)
        }

        /// The full evaluation, recorded when i ≥ 0 and finite.
        func evaluate(_ x: Double) -> BoundedValue {
            evaluations += 1
            let result = AnnualPercentageRate.regzValue(terms, x, wholes: wholes)
            if monotone, x >= 0, x.isFinite, result.value.isFinite, result.errorBound.isFinite {
                let k = points.firstIndex { $0.x >= x } ?? points.endIndex
                if k == points.endIndex || points[k].x != x { points.insert((x, result.value, result.errorBound), at: k) }
            }
            return result
        }

        /// The sign proven by the recorded points at x (nil when they do not decide it).
        func inferredSign(_ x: Double) -> Int? {
            guard monotone, x >= 0, x.isFinite else { return nil }
            let k = points.firstIndex { $0.x >= x } ?? points.endIndex
            let below = k > 0 ? points[k - 1] : nil
            let above = k < points.endIndex ? points[k] : nil
            if let above, above.x == x {
                return BoundedValue(value: above.value, errorBound: above.bound).provenSign
            }
            if let below, below.value < -below.bound { return -1 }
            guard let below, let above else { return nil }
            if above.value > below.bound { return 1 }
            if below.value <= above.bound && above.value >= -above.bound { return 0 }
            return nil
        }

        /// The value the solver sees at x.
        func value(at x: Double) -> BoundedValue {
            if let sign = inferredSign(x) { return Self.bounded(sign) }
            if monotone, x >= 0, x.isFinite, !anchored { placeAnchors(); if let sign = inferredSign(x) { return Self.bounded(sign) } }
            return evaluate(x)
        }

        static func bounded(_ sign: Int) -> BoundedValue {
            sign == 0 ? BoundedValue(value: 0, errorBound: 1) : BoundedValue(value: Double(sign), errorBound: 0)
        }

        /// Secant steps between the nearest proven-positive and proven-negative points, then
        /// anchors around the two edges of the unprovable zone (|v| ≤ b). Done once; it only
        /// adds evaluated points, so it cannot change an answer, only how many are inferred.
        private func placeAnchors() {
            // Not before the solver has proven both signs (the bracket search).
            guard let (y, z) = provenPair() else { return }
            anchored = true
            // Secant steps from the proven pair, each from the two evaluated points nearest
            // the estimate, until the estimate moves by less than 1/16 of the zone.
            var slope = (y.value - z.value) / (z.x - y.x)
            guard slope > 0, slope.isFinite else { return }
            var root = y.x + y.value / slope
            var halfZone = y.bound / slope
            for _ in 0..<12 {
                guard root > y.x, root < z.x, root.isFinite else { return }
                let r = evaluate(root)
                guard let k = points.firstIndex(where: { $0.x == root }) else { return }
                let neighbor = k > 0 && (k + 1 == points.count || root - points[k - 1].x < points[k + 1].x - root) ? points[k - 1] : (k + 1 < points.count ? points[k + 1] : points[k])
                let local = (points[k].value - neighbor.value) / (neighbor.x - points[k].x)
                guard local > 0, local.isFinite else { return }
                slope = local
                halfZone = r.errorBound / slope
                let next = root + r.value / slope
                let moved = abs(next - root)
                root = next
                if moved <= halfZone / 16 { break }
            }
            guard halfZone.isFinite, halfZone > 0 else { return }
            // Anchors: well inside the +1 side (small bounds for the rules), just outside and
            // inside both edges of the unprovable zone.
            let margin = Swift.max(32 * root.ulp, halfZone / 16)
            for x in [root - 4 * halfZone, root - halfZone - margin, root - halfZone + margin,
                      root + halfZone - margin, root + halfZone + margin]
                where x > y.x && x < z.x && inferredSign(x) == nil {
                _ = evaluate(x)
            }
        }

        /// The largest evaluated point with proven sign +1 and the smallest with −1 above it.
        private func provenPair() -> ((x: Double, value: Double, bound: Double), (x: Double, value: Double, bound: Double))? {
            guard let k = points.lastIndex(where: { $0.value > $0.bound }),
                  let j = points.firstIndex(where: { $0.value < -$0.bound }), k < j else { return nil }
            return (points[k], points[j])
        }
    }

    /// The bracket by the bracket search and bisection (``solve(terms:exactSignAtZero:evaluate:)``
    /// with ``RegzSigns``): the path every regz solve took before the Newton bracket, and its
    /// fallback.
    static func regzBisectionBracket(terms: [Term], exactSignAtZero: Int) throws(DealError) -> RateSolver.Bracket {
        let signs = RegzSigns(terms: terms)
        return try solve(terms: terms, exactSignAtZero: exactSignAtZero, evaluate: { _, x in signs.value(at: x) })
    }

    /// Whether every advance is at t = 0 with f = 0 and every payment at t, f ≥ 0 (finite):
    /// then the computed ``regzValue(_:_:wholes:)`` and its bound never increase with i ≥ 0
    /// (``RegzSigns``).
    static func isMonotone(_ terms: [Term]) -> Bool {
        for term in terms {
            guard term.amount.isFinite, term.whole >= 0, term.fraction >= 0, term.fraction.isFinite,
                  term.amount >= 0 || (term.whole == 0 && term.fraction == 0) else { return false }
        }
        return true
    }

    /// The largest t the Newton bracket tabulates powers for (longer terms take the bisection).
    static let newtonLargestWhole = 4_096

    /// A bracket of the root found by Newton's method, proven by two bounded evaluations; nil
    /// when it does not apply or does not succeed (the caller then bisects).
    ///
    /// Applies when the sign at 0 is +1 and the terms are monotone (``isMonotone(_:)``: every
    /// advance at the first date). The Appendix J sum is then convex and decreasing in i ≥ 0,
    /// so Newton's method from 0 climbs to the root from below. The steps use a plain double
    /// evaluation of the value and its derivative (``regzValueAndSlope(_:_:maxWhole:powers:)``);
    /// they stop when a step is below 1/8 of the zone where the sign cannot be proven (the
    /// evaluation's bound over the slope). Then `lower = r − δ` and `upper = r + δ`, δ about
    /// that zone, are evaluated with ``regzValue(_:_:wholes:)``: the bracket is returned only
    /// when `lower` has proven sign +1 and `upper` −1 (a side whose sign is not proven moves
    /// out by 2× at a time, at most 24 times), with 0 < lower and upper ≤ 2³⁰. Any other
    /// outcome — a non-finite or non-negative slope, no convergence in 64 steps, a proven sign
    /// on the wrong side — returns nil. Correctness rests only on the two proven signs; the
    /// errors stay those of the bisection path: a proven −1 at upper ≤ 2³⁰ implies (monotone
    /// value and bound) a proven −1 at the first power of two ≥ upper, where the bracket
    /// search stops, so it would not have thrown either.
    static func regzNewtonBracket(terms: [Term], exactSignAtZero: Int) -> RateSolver.Bracket? {
        guard exactSignAtZero > 0, let wholes = wholeRange(terms), wholes.upperBound <= newtonLargestWhole,
              isMonotone(terms) else { return nil }
        let maxWhole = wholes.upperBound
        let worst = maxWhole + RateSolver.powerOperations(maxWhole) + 10
        let relative = 2 * RateSolver.gamma(worst + terms.count + 2)
        let limit = Double(sign: .plus, exponent: 30, significand: 1)
        // Newton's method from the quadratic start.
        let estimate: (root: Double, zone: Double)? = withUnsafeTemporaryAllocation(of: Double.self, capacity: maxWhole + 1) { powers in
            var x = regzStart(terms)
            var previous = Double.infinity
            for _ in 0..<64 {
                let (value, slope, magnitude) = regzValueAndSlope(terms, x, maxWhole: maxWhole, powers: powers)
                guard value.isFinite, slope.isFinite, slope < 0, magnitude.isFinite else { return nil }
                let zone = (relative * magnitude + Double(terms.count) * 1e-290) / -slope
                let step = value / -slope
                // From the right of the root a step may pass 0: continue from 0 (left of it).
                let next = Swift.max(0, x + step)
                guard next.isFinite, next <= limit else { return nil }
                // Converged: a step well inside the zone, or steps that stopped shrinking
                // within it (rounding noise; the proof below widens δ if needed).
                if abs(step) <= zone / 8 || (abs(step) <= zone && abs(step) > previous / 2) { return (next, zone) }
                previous = abs(step)
                x = next
            }
            return nil
        }
        guard let (root, zone) = estimate, zone.isFinite, root > 0 else { return nil }
        var below = 1.25 * zone + 4 * root.ulp, above = below
        var lower = 0.0, upper = 0.0
        var lowerProven = false, upperProven = false
        for _ in 0..<24 {
            if !lowerProven {
                lower = root - below
                guard lower > 0 else { return nil }
                switch regzValue(terms, lower, wholes: wholes).provenSign {
                case 1: lowerProven = true
                case -1: return nil
                default: below *= 2
                }
            }
            if !upperProven {
                upper = root + above
                guard upper <= limit else { return nil }
                switch regzValue(terms, upper, wholes: wholes).provenSign {
                case -1: upperProven = true
                case 1: return nil
                default: above *= 2
                }
            }
            if lowerProven && upperProven { return RateSolver.Bracket(lower: lower, upper: upper) }
        }
        return nil
    }

    /// Newton's start: the smaller root of the equation's second-order expansion at 0 with
    /// each payment discounted as (1 + i)^−(t + f), M₀ − M₁·i + M₂·i² = 0 (M₀ = Σ amounts,
    /// M₁ = Σ a·τ, M₂ = Σ a·τ(τ + 1)/2, τ = t + f), or M₀/M₁ (one Newton step from 0) when it
    /// has no real root; 0 when neither is a finite positive number. Only a start: any start
    /// ≥ 0 converges on the convex sum (from the right, the first step lands left of the
    /// root).
    static func regzStart(_ terms: [Term]) -> Double {
        var m0 = 0.0, m1 = 0.0, m2 = 0.0
        for term in terms {
            let tau = Double(term.whole) + term.fraction
            m0 += term.amount
            m1 += term.amount * tau
            m2 += term.amount * tau * (tau + 1) / 2
        }
        guard m0 > 0, m1 > 0, m0.isFinite, m1.isFinite else { return 0 }
        let linear = m0 / m1
        let discriminant = m1 * m1 - 4 * m0 * m2
        guard m2 > 0, m2.isFinite, discriminant >= 0, discriminant.isFinite else { return linear.isFinite ? linear : 0 }
        let quadratic = 2 * m0 / (m1 + discriminant.squareRoot())
        return quadratic.isFinite && quadratic > 0 ? quadratic : (linear.isFinite ? linear : 0)
    }

    /// Σ amount / ((1 + f·i)(1 + i)^t), its derivative in i and Σ |amount / ((1 + f·i)(1 + i)^t)|
    /// at i ≥ 0 in plain double, without an error bound: Newton's steps only (the bracket is
    /// proven by ``regzValue(_:_:wholes:)``). `powers` holds at least `maxWhole + 1` doubles.
    static func regzValueAndSlope(_ terms: [Term], _ i: Double, maxWhole: Int,
                                  powers: UnsafeMutableBufferPointer<Double>) -> (value: Double, slope: Double, magnitude: Double) {
        let base = 1 + i
        var power = 1.0
        for t in 0...maxWhole {
            powers[t] = power
            power *= base
        }
        let inverseBase = 1 / base
        var sum = 0.0, magnitude = 0.0, slope = 0.0
        for term in terms {
            let p = powers[term.whole]
            let reciprocal = 1 / ((1 + term.fraction * i) * p)
            let value = term.amount * reciprocal
            sum += value
            magnitude += abs(value)
            // d/di of a / ((1 + f·i)(1 + i)^t) = −value · (f / (1 + f·i) + t / (1 + i)), with
            // 1 / (1 + f·i) = p · reciprocal (one division a term).
            slope -= value * (term.fraction * p * reciprocal + Double(term.whole) * inverseBase)
        }
        return (sum, slope, magnitude)
    }

    /// Σ amount · (1 + X)^(−t), multiplied by (1 + X)^T (T the largest t) when X < 0.
    static func euValue(_ terms: [Term], _ x: Double) -> BoundedValue {
        let maxYears = terms.map(\.years).max() ?? 0
        let logBase = (1 + x).isFinite ? log1pApprox(x) : .nan
        var sum = 0.0, magnitude = 0.0, worstRelative = 0.0
        for term in terms {
            let exponent = x >= 0 ? -term.years * logBase : (maxYears - term.years) * logBase
            let value = term.amount * expApprox(exponent)
            sum += value
            magnitude += abs(value)
            // exp and log1p within 2 ulp, the product and the year fraction within a few:
            // relative error ≤ (8·|exponent| + 8 + 8·|log|·T)·u.
            worstRelative = max(worstRelative, (8 * abs(exponent) + 8 * abs(logBase) * (maxYears + 1) + 8) * RateSolver.unitRoundoff)
        }
        let bound = 2 * (worstRelative + RateSolver.gamma(terms.count + 2)) * magnitude + Double(terms.count) * 1e-290
        return BoundedValue(value: sum, errorBound: bound)
    }

    /// Finds the bracket: the sign of the equation at 0 is exact (Σ payments − Σ advances);
    /// the far end is searched outward (up to 2³⁰ per period above, down to −1 + 2⁻⁶⁰ below)
    /// until its sign is proven opposite, then ``RateSolver/narrow(lower:upper:signAtLower:evaluate:)``.
    static func solve(terms: [Term], exactSignAtZero: Int,
                      evaluate: @escaping ([Term], Double) -> BoundedValue) throws(DealError) -> RateSolver.Bracket {
        if exactSignAtZero == 0 { return RateSolver.Bracket(lower: 0, upper: 0) }
        let f: (Double) -> BoundedValue = { evaluate(terms, $0) }
        if !isConventional(terms) {
            // Payments before some advance: the equation may have several roots. Scan a grid
            // over the whole domain; more than one proven sign change is ambiguous.
            var grid: [Double] = (1...40).map { -(1 - Double(sign: .plus, exponent: -$0, significand: 1)) }.reversed()
            grid += (1...24).map { -Double(sign: .plus, exponent: -$0, significand: 1) }
            grid += (1...24).reversed().map { Double(sign: .plus, exponent: -$0, significand: 1) }
            grid += (0...30).map { Double(sign: .plus, exponent: $0, significand: 1) }
            grid.sort()
            var changes = 0, last = 0
            for x in grid {
                let s = x == 0 ? exactSignAtZero : f(x).provenSign
                if s != 0 { if last != 0 && s != last { changes += 1 }; last = s }
            }
            if changes > 1 {
                throw DealError(code: .noSolution, path: "payments", message: "expected cash flows with one rate, found \(changes) sign changes of the present value (payments before advances make the rate ambiguous)")
            }
        }
        let bracket: RateSolver.Bracket
        if exactSignAtZero > 0 {
            var lower = 0.0
            var found: Double?
            var exponent = -12
            while exponent <= 30 {
                let x = Double(sign: .plus, exponent: exponent, significand: 1)
                let s = f(x).provenSign
                if s < 0 { found = x; break }
                if s > 0 { lower = x }
                exponent += 1
            }
            guard let upper = found else {
                throw DealError(code: .noSolution, path: "payments", message: "expected payments that some rate up to 2^30 per unit-period discounts to the advances, found payments worth more than the advances at every such rate (a payment on the advance date that repays it, or payments that never discount enough)")
            }
            bracket = RateSolver.narrow(lower: lower, upper: upper, signAtLower: 1, evaluate: f)
        } else {
            var upper = 0.0
            var found: Double?
            var candidates: [Double] = (1...11).map { -Double(sign: .plus, exponent: -12 + $0, significand: 1) }
            candidates += (2...60).map { -(1 - Double(sign: .plus, exponent: -$0, significand: 1)) }
            for x in candidates {
                let s = f(x).provenSign
                if s > 0 { found = x; break }
                if s < 0 { upper = x }
            }
            guard let lower = found else {
                throw DealError(code: .noSolution, path: "payments", message: "expected payments that some rate above -100 % per unit-period makes worth the advances, found payments worth less than the advances at every such rate")
            }
            bracket = RateSolver.narrow(lower: lower, upper: upper, signAtLower: 1, evaluate: f)
        }
        return bracket
    }

    /// Whether every advance is measured no later than every payment (then the root is unique:
    /// Documentation/Rates.md).
    static func isConventional(_ terms: [Term]) -> Bool {
        var lastAdvance: (Int, Double, Double)?, firstPayment: (Int, Double, Double)?
        for term in terms {
            let key = (term.whole, term.fraction, term.years)
            if term.amount < 0, lastAdvance.map({ $0 < key }) ?? true { lastAdvance = key }
            if term.amount > 0, firstPayment.map({ key < $0 }) ?? true { firstPayment = key }
        }
        guard let lastAdvance, let firstPayment else { return true }
        return lastAdvance <= firstPayment
    }

    func result(bracket: RateSolver.Bracket, scale: Double, unit: APRUnitPeriod, perYear: ExactDecimal,
                advanced: ExactDecimal, paid: ExactDecimal, charge: ExactDecimal, irregular: Bool) throws(DealError) -> Result {
        let rate = bracket.midpoint * scale
        let bound = bracket.halfWidth * scale * (1 + 4 * RateSolver.unitRoundoff) + abs(rate) * 4 * RateSolver.unitRoundoff
            + 0.5 * 1e-12
        guard let apr = RateSolver.decimal(rate, scale: Self.resultDecimals, rule: .toNearestOrEven),
              let disclosed = try? apr.rounded(scale: method == .regz ? 2 : 1, rule: .toNearestOrAway) else {
            throw DealError(code: .overflow, path: "", message: "the APR needs more than 38 digits")
        }
        return Result(apr: apr, aprDisclosed: disclosed, unitPeriod: unit, unitPeriodsPerYear: perYear,
                      amountFinanced: advanced, totalOfPayments: paid, financeCharge: charge,
                      errorBound: bound, isIrregular: irregular)
    }
}

/// A regular series of equal payments `{amount, count, firstDate, frequency}` (Documentation/Reference/APR.md).
///
/// ```swift
/// let series = try PaymentSeries(amount: try ExactDecimal(parsing: "320.00"), count: 36,
///                                firstDate: try CivilDate(parsing: "2026-05-16"), frequency: .monthly)
/// try series.amounts().count   // 36
/// ```
public struct PaymentSeries: Sendable, Hashable {
    /// Each payment.
    public var amount: ExactDecimal
    /// How many (1…1200).
    public var count: Int
    /// The first due date.
    public var firstDate: CivilDate
    /// The interval.
    public var frequency: PaymentFrequency
    /// The request path, for errors.
    public var path: String

    /// Creates a series.
    public init(amount: ExactDecimal, count: Int, firstDate: CivilDate, frequency: PaymentFrequency, path: String = "") {
        self.amount = amount
        self.count = count
        self.firstDate = firstDate
        self.frequency = frequency
        self.path = path
    }

    /// The dated payments, each remembering its place in the series.
    public func amounts() throws(DealError) -> [DatedAmount] {
        let dates: [CivilDate]
        do { dates = try frequency.paymentDates(count: count, first: firstDate) } catch {
            throw DealError.invalidArgument(path.isEmpty ? "count" : "\(path).count", error.message)
        }
        return dates.enumerated().map { index, date in
            var flow = DatedAmount(amount: amount, date: date, path: path)
            flow.series = (frequency, firstDate, index)
            return flow
        }
    }
}

/// ln(1 + x) (the C library's `log1p`, within 1 ulp on glibc and Darwin).
@inline(__always) func log1pApprox(_ x: Double) -> Double { log1p(x) }
/// e^x (the C library's `exp`, within 1 ulp on glibc and Darwin).
@inline(__always) func expApprox(_ x: Double) -> Double { exp(x) }
