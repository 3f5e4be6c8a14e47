// DealFinance — exact deal finance. DealEngine: payoff quotes — daily simple-interest
// servicing, and the unearned-interest rebate of precomputed contracts (Rule of 78, actuarial).

import DealDecimal

/// The day count of per-diem interest: per diem = balance × APR / (365 or 360 or the days of
/// the day's own year).
///
/// ```swift
/// DayBasis(rawValue: "actual")   // .actual (366 in leap years, day by day)
/// ```
public enum DayBasis: String, Sendable, Hashable, CaseIterable {
    /// Every day is 1/365 year (the default; Documentation/Reference/Payoff.md).
    case days365 = "365"
    /// Every day is 1/360 year.
    case days360 = "360"
    /// Each day is 1/365 or 1/366 year by its calendar year (actual/actual).
    case actual
}

/// A payment posted on a date.
///
/// ```swift
/// PostedPayment(date: try CivilDate(parsing: "2026-02-01"), amount: try ExactDecimal(parsing: "500.00"))
/// ```
public struct PostedPayment: Sendable, Hashable {
    /// The day the payment was received.
    public var date: CivilDate
    /// The amount received.
    public var amount: ExactDecimal
    /// A payment of `amount` received on `date`.
    public init(date: CivilDate, amount: ExactDecimal) { self.date = date; self.amount = amount }
}

/// A daily simple-interest loan as a servicer sees it: interest accrues on the principal
/// balance day by day; each payment pays the accrued interest, then principal.
///
/// ```swift
/// var loan = SimpleInterestLoan(principal: try ExactDecimal(parsing: "10000.00"), apr: try ExactDecimal(parsing: "7.3"),
///                               startDate: try CivilDate(parsing: "2026-01-01"))
/// try loan.payoff(on: try CivilDate(parsing: "2026-01-31")).payoffAmount   // 10060.00 (30 days × 2.00)
/// ```
public struct SimpleInterestLoan: Sendable, Hashable {
    /// The principal at the start date.
    public var principal: ExactDecimal
    /// Annual rate, percent (0…100).
    public var apr: ExactDecimal
    /// The date interest starts to accrue (contract date).
    public var startDate: CivilDate
    /// How days are counted into years.
    public var dayBasis: DayBasis = .days365
    /// Payments in date order, on or after the start date.
    public var payments: [PostedPayment] = []
    /// The currency of every amount.
    public var currency: Currency = .usd
    /// Rounding of the interest accrued between two postings.
    public var interestRounding: RoundingRule = .toNearestOrAway

    /// A loan of `principal` at `apr` percent from `startDate`, with no payments posted yet.
    public init(principal: ExactDecimal, apr: ExactDecimal, startDate: CivilDate) {
        self.principal = principal
        self.apr = apr
        self.startDate = startDate
    }

    /// The interest on `balance` (minor units) from `start` to `end` (exact, unrounded).
    func interest(on balance: Int128, from start: CivilDate, to end: CivilDate) -> ExactRatio {
        let rate = ExactRatio(apr) / ExactRatio(100)
        switch dayBasis {
        case .days365: return ExactRatio(balance) * rate * ExactRatio(Int128(start.days(until: end)), 365)
        case .days360: return ExactRatio(balance) * rate * ExactRatio(Int128(start.days(until: end)), 360)
        case .actual:
            var years = ExactRatio.zero
            var from = start
            while from < end {
                // The next 1 January before `end`, or `end` itself in its own year (so year + 1
                // is at most end's year, a valid date).
                let to = from.year < end.year ? CivilDate(unchecked: from.year + 1, 1, 1) : end
                years = years + ExactRatio(Int128(from.days(until: to)), CivilDate.isLeapYear(from.year) ? 366 : 365)
                from = to
            }
            return ExactRatio(balance) * rate * years
        }
    }

    /// The servicing history up to `date` and the payoff amount on it.
    ///
    /// - Throws: `invalid_argument` for a payment before the start date, out of date order,
    ///   after the payoff date, or larger than what is owed on its date.
    public func payoff(on date: CivilDate) throws(DealError) -> SimpleInterestPayoff {
        let money = MinorUnits(currency)
        var balance = try money.amount(principal, path: "principal")
        try MinorUnits.checkPercent(apr, path: "apr", what: "an annual rate in percent")
        guard date >= startDate else {
            throw DealError.invalidArgument("payoffDate", "expected a payoff date on or after the start date \(startDate), found \(date)")
        }
        guard payments.count <= RetailLoan.Limits.maximumTerm else {
            throw DealError.invalidArgument("payments", "expected at most \(RetailLoan.Limits.maximumTerm) payments, found \(payments.count)")
        }
        var unpaid: Int128 = 0, last = startDate
        var rows: [ServicingRow] = []
        var interestPaidTotal: Int128 = 0, principalPaidTotal: Int128 = 0
        func accrue(to day: CivilDate, path: String) throws(DealError) -> Int128 {
            guard let value = interest(on: balance, from: last, to: day).rounded(interestRounding) else {
                throw DealError(code: .overflow, path: path, message: "the interest could not be computed")
            }
            return value
        }
        for (index, payment) in payments.enumerated() {
            let path = "payments.\(index)"
            let amount = try money.amount(payment.amount, path: "\(path).amount")
            guard payment.date >= last else {
                throw DealError.invalidArgument("\(path).date", "expected payments in date order on or after \(last), found \(payment.date)")
            }
            guard payment.date <= date else {
                throw DealError.invalidArgument("\(path).date", "expected payments on or before the payoff date \(date), found \(payment.date)")
            }
            let accrued = try accrue(to: payment.date, path: path)
            let days = last.days(until: payment.date)
            let interestDue = unpaid + accrued
            guard amount <= interestDue + balance else {
                throw DealError.invalidArgument("\(path).amount", "expected at most the payoff amount \(money.decimal(interestDue + balance)) on \(payment.date), found \(payment.amount)")
            }
            let toInterest = min(amount, interestDue)
            let toPrincipal = amount - toInterest
            unpaid = interestDue - toInterest
            balance -= toPrincipal
            interestPaidTotal += toInterest
            principalPaidTotal += toPrincipal
            last = payment.date
            rows.append(ServicingRow(date: payment.date, days: days, payment: money.decimal(amount), interestAccrued: money.decimal(accrued),
                                     interestPaid: money.decimal(toInterest), principalPaid: money.decimal(toPrincipal),
                                     principalBalance: money.decimal(balance), unpaidInterest: money.decimal(unpaid)))
        }
        let accrued = try accrue(to: date, path: "payoffDate")
        let yearDays: Int128 = dayBasis == .days360 ? 360 : (dayBasis == .actual && CivilDate.isLeapYear(date.year) ? 366 : 365)
        let perDiem = ExactRatio(balance) * ExactRatio(apr) / ExactRatio(100 * yearDays * money.unit)
        guard let perDiemDecimal = perDiem.decimal(significantDigits: 30),
              let perDiemMajor = try? perDiemDecimal.rounded(scale: 5, rule: .toNearestOrAway) else {
            throw DealError(code: .overflow, path: "payoffDate", message: "the per diem needs more than 38 digits")
        }
        return SimpleInterestPayoff(payoffDate: date, daysSinceLastPayment: last.days(until: date), principalBalance: money.decimal(balance),
                                    unpaidInterest: money.decimal(unpaid), accruedInterest: money.decimal(accrued),
                                    payoffAmount: money.decimal(balance + unpaid + accrued), perDiem: perDiemMajor,
                                    interestPaid: money.decimal(interestPaidTotal), principalPaid: money.decimal(principalPaidTotal), rows: rows)
    }
}

/// One posted payment of the servicing history.
public struct ServicingRow: Sendable, Hashable {
    /// The day the payment was received.
    public var date: CivilDate
    /// Days since the previous posting (or the start date).
    public var days: Int
    /// The amount received.
    public var payment: ExactDecimal
    /// Interest accrued over those days (rounded once).
    public var interestAccrued: ExactDecimal
    /// The part of the payment applied to interest.
    public var interestPaid: ExactDecimal
    /// The part of the payment applied to principal.
    public var principalPaid: ExactDecimal
    /// The principal balance after the payment.
    public var principalBalance: ExactDecimal
    /// Accrued interest the payment did not cover (carried, never capitalized).
    public var unpaidInterest: ExactDecimal
}

/// A simple-interest payoff quote.
public struct SimpleInterestPayoff: Sendable, Hashable {
    /// The day the payoff is quoted for.
    public var payoffDate: CivilDate
    /// Days from the last payment (or the start) to the payoff date.
    public var daysSinceLastPayment: Int
    /// The principal balance after the last payment.
    public var principalBalance: ExactDecimal
    /// Interest accrued before the last payment and not yet paid.
    public var unpaidInterest: ExactDecimal
    /// Interest accrued from the last posting to the payoff date.
    public var accruedInterest: ExactDecimal
    /// principal balance + unpaid interest + accrued interest.
    public var payoffAmount: ExactDecimal
    /// balance × APR / day basis on the payoff date, 5 decimals half up (informational).
    public var perDiem: ExactDecimal
    /// Interest paid by the posted payments.
    public var interestPaid: ExactDecimal
    /// Principal repaid by the posted payments.
    public var principalPaid: ExactDecimal
    /// One row per posted payment.
    public var rows: [ServicingRow]
}

/// How the unearned finance charge of a precomputed contract is rebated at payoff.
public enum RebateMethod: String, Sendable, Hashable, CaseIterable {
    /// Rule of 78 (sum of the digits): FC × k(k+1) / (n(n+1)); refused over 61 months (15 U.S.C. §1615).
    case ruleOf78
    /// Actuarial: remaining payments − their present value at the contract rate.
    case actuarial
}

/// A precomputed contract: the finance charge is added to the balance at origination and
/// the scheduled payments repay it.
///
/// ```swift
/// let contract = PrecomputedContract(payments: Array(repeating: 5500, count: 12), financeCharge: 60000)  // minor units
/// try contract.payoff(after: 4, method: .ruleOf78).rebate   // 276.92
/// ```
public struct PrecomputedContract: Sendable, Hashable {
    /// Scheduled payment amounts, minor units, in order (n = count, 1…1200).
    public var payments: [Int128]
    /// The precomputed finance charge (minor units).
    public var financeCharge: Int128
    /// The contract rate in percent (needed by the actuarial method).
    public var apr: ExactDecimal?
    /// Payments a year (12 = monthly); the periodic rate is apr / 100 / periodsPerYear.
    public var periodsPerYear: Int = 12
    /// The currency of every amount.
    public var currency: Currency = .usd

    /// A contract of `payments` (minor units) carrying `financeCharge` (minor units), at `apr` percent when known.
    public init(payments: [Int128], financeCharge: Int128, apr: ExactDecimal? = nil) {
        self.payments = payments
        self.financeCharge = financeCharge
        self.apr = apr
    }

    /// The Rule of 78 rebate FC × k(k+1) / (n(n+1)), exact, before rounding.
    static func ruleOf78(financeCharge: Int128, remaining k: Int, of n: Int) -> ExactRatio {
        ExactRatio(financeCharge * Int128(k) * Int128(k + 1), Int128(n) * Int128(n + 1))
    }

    /// The actuarial rebate Σ P_j − Σ P_j v^j over the k remaining payments, exact.
    static func actuarial(remaining: ArraySlice<Int128>, apr: ExactDecimal, periodsPerYear: Int) -> ExactRatio {
        // i = c / D with c = apr coefficient, D = 100 · m · 10^scale; v = D / (D + c).
        let c = WideInteger(apr.coefficient)
        let d = WideInteger(Int128(100 * periodsPerYear)).multiplied(byPowerOfTen: apr.scale)
        var numerator = WideInteger(0), power = WideInteger(1), total: Int128 = 0
        for amount in remaining.reversed() {      // Horner from the last payment back
            numerator = (numerator + WideInteger(amount) * power) * d
            power = power * (d + c)
            total += amount
        }
        return ExactRatio(WideInteger(total) * power - numerator, power)
    }

    /// The payoff after `paymentsMade` scheduled payments (on the due date of the last one made).
    ///
    /// - Throws: `invalid_argument` for a count outside 0…n−1, a Rule of 78 term over 61
    ///   months (15 U.S.C. §1615), or an actuarial rebate without an APR.
    public func payoff(after paymentsMade: Int, method: RebateMethod) throws(DealError) -> PrecomputedPayoff {
        let n = payments.count
        guard (1...RetailLoan.Limits.maximumTerm).contains(n) else {
            throw DealError.invalidArgument("numberOfPayments", "expected 1 to \(RetailLoan.Limits.maximumTerm) payments, found \(n)")
        }
        guard (0..<n).contains(paymentsMade) else {
            throw DealError.invalidArgument("paymentsMade", "expected 0 to \(n - 1) payments made (n = \(n)), found \(paymentsMade)")
        }
        let money = MinorUnits(currency)
        let k = n - paymentsMade
        let remaining = payments[paymentsMade...]
        let remainingTotal = remaining.reduce(Int128(0), +)
        let exact: ExactRatio
        switch method {
        case .ruleOf78:
            // Months of the term: n periods of 12/m months each.
            let months = (n * 12 + periodsPerYear - 1) / periodsPerYear
            guard months <= 61 else {
                throw DealError.invalidArgument("method", "expected actuarial for a precomputed contract over 61 months (\(months) here): 15 U.S.C. §1615 requires a refund at least as favourable as the actuarial method, so the Rule of 78 is refused")
            }
            exact = Self.ruleOf78(financeCharge: financeCharge, remaining: k, of: n)
        case .actuarial:
            guard let apr else { throw DealError.invalidArgument("apr", "expected the contract apr for the actuarial method, found none") }
            try MinorUnits.checkPercent(apr, path: "apr", what: "an annual rate in percent")
            exact = Self.actuarial(remaining: remaining, apr: apr, periodsPerYear: periodsPerYear)
        }
        guard let rebate = exact.rounded(.toNearestOrAway), let rebateExact = (exact / ExactRatio(money.unit)).decimal(significantDigits: 25) else {
            throw DealError(code: .overflow, path: "financeCharge", message: "the rebate could not be computed")
        }
        return PrecomputedPayoff(method: method, numberOfPayments: n, paymentsMade: paymentsMade, remainingPayments: k,
                                 remainingBalance: money.decimal(remainingTotal), rebate: money.decimal(rebate),
                                 rebateExact: rebateExact,
                                 earnedFinanceCharge: money.decimal(financeCharge - rebate),
                                 payoffAmount: money.decimal(remainingTotal - rebate))
    }
}

/// A precomputed contract's payoff quote.
public struct PrecomputedPayoff: Sendable, Hashable {
    /// How the unearned finance charge was rebated.
    public var method: RebateMethod
    /// The contract's number of payments.
    public var numberOfPayments: Int
    /// Payments made before the payoff.
    public var paymentsMade: Int
    /// Payments that remain.
    public var remainingPayments: Int
    /// Σ remaining scheduled payments (the precomputed balance).
    public var remainingBalance: ExactDecimal
    /// The unearned finance charge refunded, rounded half up to the minor unit.
    public var rebate: ExactDecimal
    /// The rebate before rounding (exact, or 25 significant digits).
    public var rebateExact: ExactDecimal
    /// Finance charge − rebate: the part of the finance charge earned.
    public var earnedFinanceCharge: ExactDecimal
    /// remaining balance − rebate.
    public var payoffAmount: ExactDecimal
}
