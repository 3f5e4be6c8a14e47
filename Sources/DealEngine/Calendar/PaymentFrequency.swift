// DealFinance — DealEngine: how often regular payments fall due.

/// The interval between regular payments, named as the `frequency` field of Documentation/Reference/Loan.md names it.
///
/// The periodic rate of a deal is exactly `apr / 100 / periodsPerYear` (Documentation/Reference/Loan.md). A period
/// is either a whole number of calendar months (``monthsPerPeriod``), a whole number of days
/// (``daysPerPeriod``) or, for `semimonthly`, half a month on two fixed days of each month.
///
/// ```swift
/// let frequency = PaymentFrequency(rawValue: "biweekly")!
/// frequency.periodsPerYear    // 26
/// frequency.daysPerPeriod     // 14
/// frequency.monthsPerPeriod   // nil
/// ```
public enum PaymentFrequency: String, Sendable, CaseIterable {
    /// Every calendar month on the same day (12 a year).
    case monthly
    /// Twice a calendar month on two days 15 days apart, e.g. the 1st and 16th (24 a year).
    case semimonthly
    /// Every 14 days (26 a year).
    case biweekly
    /// Every 7 days (52 a year).
    case weekly
    /// Every 3 calendar months (4 a year).
    case quarterly
    /// Every 6 calendar months (2 a year).
    case semiannual
    /// Every 12 calendar months (1 a year).
    case annual

    /// The number of regular periods in a year: 12, 24, 26, 52, 4, 2, 1 — the `m` of the
    /// periodic rate `apr / 100 / m` and, for Regulation Z, the unit-periods per year of
    /// Appendix J (b)(5)(ii)–(v).
    ///
    /// ```swift
    /// PaymentFrequency.weekly.periodsPerYear   // 52
    /// ```
    public var periodsPerYear: Int {
        switch self {
        case .monthly: 12
        case .semimonthly: 24
        case .biweekly: 26
        case .weekly: 52
        case .quarterly: 4
        case .semiannual: 2
        case .annual: 1
        }
    }

    /// The whole calendar months in one period: 1, 3, 6 or 12; `nil` for `semimonthly`,
    /// `biweekly` and `weekly`.
    ///
    /// ```swift
    /// PaymentFrequency.quarterly.monthsPerPeriod     // 3
    /// PaymentFrequency.semimonthly.monthsPerPeriod   // nil
    /// ```
    public var monthsPerPeriod: Int? {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .semiannual: 6
        case .annual: 12
        case .semimonthly, .biweekly, .weekly: nil
        }
    }

    /// The days in one period: 14 for `biweekly`, 7 for `weekly`; `nil` for the others.
    ///
    /// ```swift
    /// PaymentFrequency.weekly.daysPerPeriod    // 7
    /// PaymentFrequency.monthly.daysPerPeriod   // nil
    /// ```
    public var daysPerPeriod: Int? {
        switch self {
        case .biweekly: 14
        case .weekly: 7
        case .monthly, .semimonthly, .quarterly, .semiannual, .annual: nil
        }
    }
}
