// DealFinance — DealEngine: the Regulation Z Appendix J unit-period.

import DealDecimal

/// The unit-period of Regulation Z (12 CFR 1026) Appendix J: a payment frequency, or a
/// multiple of a week or of a month that is not one (Appendix J (b)(4) picks the most common
/// payment interval, which can be 4 weeks or 2 months; (b)(5)(iii)–(iv) count such periods).
///
/// - `.frequency(f)`: the Documentation/Reference/Loan.md frequencies (`weekly` … `annual`).
/// - `.days(k)`, k = 1…6: k days; 365/k unit-periods a year (a day: 365; (b)(5)(iv) counts
///   actual days).
/// - `.weeks(k)`, k = 3…13: k × 7 days; 52/k unit-periods a year ((b)(5)(iv)).
/// - `.months(k)`, k = 2, 4, 5, 7…11: k months, each counted as 30 days plus the remaining
///   days, divided by 30·k ((b)(5)(iii)); 12/k unit-periods a year.
///
/// ```swift
/// UnitPeriod.weeks(4).name             // "4 weeks"
/// UnitPeriod.weeks(4).periodsPerYear   // (numerator: 52, denominator: 4), 13 a year
/// UnitPeriod.months(2).name            // "2 months"
/// UnitPeriod.days(1).name              // "daily", 365 a year
/// ```
public enum UnitPeriod: Sendable, Hashable {
    /// One of the payment frequencies.
    case frequency(PaymentFrequency)
    /// k days, k = 1…6 (7 and 14 are `weekly` and `biweekly`).
    case days(Int)
    /// k weeks, k = 3…13 (1 and 2 are `weekly` and `biweekly`).
    case weeks(Int)
    /// k months, k = 2, 4, 5, 7…11 (1, 3, 6 and 12 are `monthly` … `annual`).
    case months(Int)

    /// A week.
    public static let weekly = UnitPeriod.frequency(.weekly)
    /// Two weeks.
    public static let biweekly = UnitPeriod.frequency(.biweekly)
    /// Half a month.
    public static let semimonthly = UnitPeriod.frequency(.semimonthly)
    /// A month.
    public static let monthly = UnitPeriod.frequency(.monthly)
    /// Three months.
    public static let quarterly = UnitPeriod.frequency(.quarterly)
    /// Six months.
    public static let semiannual = UnitPeriod.frequency(.semiannual)
    /// A year.
    public static let annual = UnitPeriod.frequency(.annual)

    /// The candidates of Appendix J (b)(4)'s choice, shortest first (ties go to the shorter).
    public static let candidates: [UnitPeriod] = [
        .days(1), .days(2), .days(3), .days(4), .days(5), .days(6), .weekly, .biweekly, .weeks(3), .semimonthly, .weeks(4), .monthly, .weeks(5), .weeks(6), .weeks(7), .weeks(8),
        .months(2), .weeks(9), .weeks(10), .weeks(11), .weeks(12), .quarterly, .weeks(13), .months(4), .months(5),
        .semiannual, .months(7), .months(8), .months(9), .months(10), .months(11), .annual,
    ]

    /// The name reported as `unitPeriod`: the frequency's name (`"monthly"`), `"daily"`, or
    /// `"3 days"`, `"4 weeks"`, `"2 months"`.
    public var name: String {
        switch self {
        case .frequency(let f): f.rawValue
        case .days(let k): k == 1 ? "daily" : "\(k) days"
        case .weeks(let k): "\(k) weeks"
        case .months(let k): "\(k) months"
        }
    }

    /// Unit-periods per year as a fraction: m of the frequency, 365/k, 52/k, 12/k.
    public var periodsPerYear: (numerator: Int, denominator: Int) {
        switch self {
        case .frequency(let f): (f.periodsPerYear, 1)
        case .days(let k): (365, k)
        case .weeks(let k): (52, k)
        case .months(let k): (12, k)
        }
    }

    /// Unit-periods per year as a decimal: exact when whole (13, 6), else rounded half even to
    /// 10 decimals (52/3 = 17.3333333333).
    public var periodsPerYearDecimal: ExactDecimal {
        let (n, d) = periodsPerYear
        // A whole number: the quotient below, normalized, is n itself.
        if d == 1 { return ExactDecimal(n) }
        // n ≤ 365 and d ≥ 2, both positive: n·10¹⁰/d has at most 13 digits, so the quotient is
        // plain Int128 arithmetic, rounded half even by hand, and the decimal is in range.
        let (quotient, remainder) = (Int128(n) * 10_000_000_000).quotientAndRemainder(dividingBy: Int128(d))
        let twice = 2 * remainder, divisor = Int128(d)
        let units = twice > divisor || (twice == divisor && quotient % 2 == 1) ? quotient + 1 : quotient
        return ExactDecimal(checkedCoefficient: units, scale: 10).normalized()
    }

    /// The payment frequency, when the unit-period is one.
    public var paymentFrequency: PaymentFrequency? {
        if case .frequency(let f) = self { return f }
        return nil
    }

    /// Whether `b` is exactly one unit-period after `a` (for multiples of a month: k months
    /// measured back from `b` on its day of the month, no days left over).
    static func isOnePeriod(from a: CivilDate, to b: CivilDate, _ unit: UnitPeriod) -> Bool {
        isOnePeriod(from: a, to: b, days: a.days(until: b), unit)
    }

    /// ``isOnePeriod(from:to:_:)`` with `days` = `a.days(until: b)` already known: gaps whose
    /// length ``mayBeOnePeriod(days:_:)`` rules out are answered without counting months.
    static func isOnePeriod(from a: CivilDate, to b: CivilDate, days: Int, _ unit: UnitPeriod) -> Bool {
        guard mayBeOnePeriod(days: days, unit) else { return false }
        return isOnePeriodByCounting(from: a, to: b, unit)
    }

    /// A necessary condition for `b` to be one unit-period after `a`, `days` days later: the
    /// day-based periods need exactly 7·k days; a semimonth is 13…17 days (checked as 10…20);
    /// k months (monthly, quarterly, semiannual, annual, `.months(k)`) span between 28·k − 3
    /// and 31·k + 3 days, or for the (b)(5)(iii) count 30 days plus k − 1 months (checked as
    /// 28·k − 40 … 31·k + 10). `UnitPeriodTests` checks it against the counting on every pair
    /// of dates over two years.
    @inline(__always)
    static func mayBeOnePeriod(days: Int, _ unit: UnitPeriod) -> Bool {
        let range = unit.possibleDays
        return days >= range.lowerBound && days <= range.upperBound
    }

    /// The gap lengths in days that may be one such period (``mayBeOnePeriod(days:_:)``).
    var possibleDays: ClosedRange<Int> {
        let months: Int
        switch self {
        case .frequency(let f):
            switch f {
            case .weekly: return 7...7
            case .biweekly: return 14...14
            case .semimonthly: return 10...20
            case .monthly: months = 1
            case .quarterly: months = 3
            case .semiannual: months = 6
            case .annual: months = 12
            }
        case .days(let k): return k...k
        case .weeks(let k): return (7 * k)...(7 * k)
        case .months(let k): months = k
        }
        return max(1, 28 * months - 40)...(31 * months + 10)
    }

    /// ``possibleDays`` of each of the ``candidates``, in their order.
    static let candidateDays: [ClosedRange<Int>] = candidates.map(\.possibleDays)

    /// ``candidatesByDays`` in one array: the candidates for `days` are
    /// `candidatesByDaysFlat[candidatesByDaysStart[days]..<candidatesByDaysStart[days + 1]]`
    /// (no inner array retained per gap).
    static let candidatesByDaysFlat: [Int] = candidatesByDays.flatMap { $0 }
    static let candidatesByDaysStart: [Int] = candidatesByDays.reduce(into: [0]) { $0.append($0.last! + $1.count) }

    /// For a gap of d days (d < `candidatesByDays.count`), the indices into ``candidates``
    /// whose ``possibleDays`` contain d, in order; no candidate admits a longer gap.
    static let candidatesByDays: [[Int]] = {
        let longest = candidateDays.map(\.upperBound).max()!
        return (0...longest).map { days in candidateDays.indices.filter { candidateDays[$0].contains(days) } }
    }()

    /// No unit-period is shorter than this many days (a day).
    static let shortestPeriodDays = 1

    /// The days of one period when it is a fixed number of days (k days, weekly 7, biweekly
    /// 14, k weeks 7·k: (b)(5)(iv) counts actual days), else nil.
    var daysPerPeriod: Int? {
        switch self {
        case .frequency(let f): f.daysPerPeriod
        case .days(let k): k
        case .weeks(let k): 7 * k
        case .months: nil
        }
    }

    /// Whether `b` is k months after `a` on `b`'s day of the month, when the calendar months
    /// alone decide it: false unless `a` is in the k-th month before `b`'s; before the 28th
    /// (`b` then ends no month, and every month has its day) exactly when the days agree; nil
    /// from the 28th on, where the month boundary must be counted.
    @inline(__always)
    static func monthsApartByCalendar(from a: CivilDate, to b: CivilDate, months k: Int) -> Bool? {
        guard (b.year - a.year) * 12 + (b.month - a.month) == k else { return false }
        return b.day < 28 ? a.day == b.day : nil
    }

    /// The counting behind ``isOnePeriod(from:to:_:)``, without the day-range shortcut.
    static func isOnePeriodByCounting(from a: CivilDate, to b: CivilDate, _ unit: UnitPeriod) -> Bool {
        guard a < b else { return false }
        switch unit {
        case .frequency(let f): return AnnualPercentageRate.isOnePeriod(from: a, to: b, f)
        case .days(let k): return a.days(until: b) == k
        case .weeks(let k): return a.days(until: b) == 7 * k
        case .months(let k):
            // The boundary k months back from b is in the k-th calendar month before b's.
            if let decided = monthsApartByCalendar(from: a, to: b, months: k) { return decided }
            let (months, days) = UnitPeriodCount.fullMonths(from: a, to: b, on: DayOfMonth(anchoring: b))
            return months == k && days == 0
        }
    }
}
