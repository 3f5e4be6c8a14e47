// DealFinance — exact deal finance. DealEngine: the loan roundings a profile changes.

import DealDecimal

extension RoundingProfile {
    /// The payment `P*` rounded by ``payment`` to the minor unit, or to a multiple of
    /// 10^``paymentIncrementExponent`` major units (exactly, from the rational `P*`).
    ///
    /// ```swift
    /// try RoundingProfile.wholeUnitPaymentUp.roundedPayment(problem, money: MinorUnits(.usd)).minorUnits   // 58000
    /// ```
    /// - Throws: `invalid_argument` at `rounding.paymentIncrement` for an increment below the
    ///   currency's minor unit.
    func roundedPayment(_ problem: LevelPayment, money: MinorUnits) throws(DealError) -> LevelPayment.Rounded {
        let exponent = paymentIncrementExponent ?? -money.currency.minorUnitDigits
        guard exponent != -money.currency.minorUnitDigits || defersBalloon(problem) else {
            return try problem.rounded(by: payment)
        }
        let steps = exponent + money.currency.minorUnitDigits
        guard steps >= 0, steps <= 12 else {
            throw DealError.invalidArgument("rounding.paymentIncrement", "expected an increment from the minor unit of \(money.currency.code) to 10^12 minor units, found 10^\(exponent)")
        }
        let increment = WideInteger(1).multiplied(byPowerOfTen: steps)
        let (numerator, denominator) = try exactPayment(problem)
        do {
            let units = try numerator.divided(by: denominator * increment, rule: payment)
            guard let value = (units * increment).int128Value else {
                throw DealError(code: .overflow, path: "periodicPayment", message: "the payment does not fit in 128 bits")
            }
            return LevelPayment.Rounded(minorUnits: value, usedExactFallback: true)
        } catch let error as DealError {
            throw error
        } catch {
            throw DealError.invalidArgument("rounding.payment", "expected a rounding rule that can round the payment, found \(payment.rawValue): \(error)")
        }
    }

    /// Whether the balloon of `problem` is deferred one period past the last payment by
    /// ``balloonTiming`` (arrears with a balloon; in advance it always is).
    func defersBalloon(_ problem: LevelPayment) -> Bool {
        balloonTiming == .onePeriodAfter && problem.timing == .arrears && problem.balloon > 0
    }

    /// `P*` as an exact fraction under ``balloonTiming`` (``balloonTimed(_:)``'s problem's
    /// fraction over its divisor).
    ///
    /// - Throws: `overflow` when A·(q + p) does not fit in 128 bits.
    func exactPayment(_ problem: LevelPayment) throws(DealError) -> (WideInteger, WideInteger) {
        let (timed, divisor) = try balloonTimed(problem)
        let (numerator, denominator) = timed.exactFraction()
        return divisor == 1 ? (numerator, denominator) : (numerator, denominator * WideInteger(divisor))
    }

    /// `problem` under ``balloonTiming`` as a problem whose payment over `divisor` is `P*`.
    /// A balloon B due one period after payment n is worth B/(1 + i) at payment n: the
    /// problem with A·(q + p) and B·q has the payment (q + p)·P* (i = p/q; every term is
    /// linear in A and B), so its divisor is q + p; otherwise `problem` itself and 1.
    ///
    /// - Throws: `overflow` when A·(q + p) does not fit in 128 bits.
    func balloonTimed(_ problem: LevelPayment) throws(DealError) -> (problem: LevelPayment, divisor: Int128) {
        guard defersBalloon(problem) else { return (problem, 1) }
        let q = problem.rate.denominator, r = problem.rate.denominator + problem.rate.numerator
        let (principal, principalOverflow) = problem.principal.multipliedReportingOverflow(by: r)
        let (balloon, balloonOverflow) = problem.balloon.multipliedReportingOverflow(by: q)
        guard !principalOverflow, !balloonOverflow else {
            throw DealError(code: .overflow, path: "balloon", message: "the payment with the balloon one period later does not fit in 128 bits at this rate")
        }
        var scaled = problem
        scaled.principal = principal
        scaled.balloon = balloon
        return (scaled, r)
    }

    /// The total of payments and the final regular payment under ``totals``, in minor units.
    ///
    /// `finalPaymentTrueUp`: the schedule's (the last payment absorbs the residue);
    /// `paymentTimesCount`: payment 1 as scheduled + (n − 1) × the payment, the final payment
    /// equal to the others; `exactPaymentRoundedOnce`: n × `P*` rounded once by the payment
    /// rule (plus payment 1's odd-days interest when it carries it). The balloon is added.
    func totals(_ run: AmortizationRun, problem: LevelPayment, payment: Int128) throws(DealError) -> (total: Int128, final: Int128) {
        let n = Int128(problem.numberOfPayments)
        let extraFirst = n > 1 ? run.firstPayment - payment : 0
        switch totals {
        case .finalPaymentTrueUp:
            return (run.totalPaid, run.finalRegularPayment)
        case .paymentTimesCount:
            return (payment * n + extraFirst + problem.balloon, payment)
        case .exactPaymentRoundedOnce:
            let (numerator, denominator) = try exactPayment(problem)
            guard let total = (try? (numerator * WideInteger(n)).divided(by: denominator, rule: self.payment))?.int128Value else {
                throw DealError(code: .overflow, path: "totalOfPayments", message: "the total of payments does not fit in 128 bits")
            }
            return (total + extraFirst + problem.balloon, payment)
        }
    }
}

extension RetailLoan {
    /// The first period as actual days / 365 of a year, times the periods a year: whole unit
    /// periods and the rest as a fraction `oddDays / 365` of a unit period.
    ///
    /// ```swift
    /// loan.actualOver365Period(from: 2026-01-01, to: 2026-02-15)   // 45 days × 12 = 1 + 175/365 months
    /// ```
    func actualOver365Period(from contract: CivilDate, to first: CivilDate) -> FirstPeriod {
        let units = contract.days(until: first) * frequency.periodsPerYear
        let period = FirstPeriod(wholePeriods: units / 365, oddDays: units % 365, daysPerUnitPeriod: 365)
        return period.isRegular ? .regular : period
    }

    /// Precisions (decimals of the periodic rate) at which an effective rate is enclosed.
    static let effectiveRateDigits = [20, 26, 32]
    /// Decimals the effective rate is computed to before a profile rounds or truncates it.
    static let effectiveRateKeptDigits = 21

    /// The quote under an effective annual rate basis, decided exactly.
    ///
    /// With the rate rounded or truncated to k ≤ 20 decimals, that rate is exact from
    /// ⌊i·10^21⌋. Otherwise the quote is computed at the two decimals enclosing the irrational
    /// rate, 10^-20 apart: every line is monotone in the rate (each period's interest is the
    /// balance × i rounded; the payment grows with i), so when both quotes agree they are the
    /// quote at the true rate. Else 10^-26, 10^-32; still different: `overflow` (never a
    /// midpoint).
    func effectiveRateQuote(includeSchedule: Bool) throws(DealError) -> LoanQuote {
        let m = frequency.periodsPerYear
        func rate(_ numerator: Int128, _ digits: Int) -> PeriodicRate {
            PeriodicRate(reducing: numerator, Int128(ExactRatio.tenToThe(digits)), periodsPerYear: m, annualPercentage: apr)
        }
        switch rounding.periodicRate {
        case .rounded(let k), .truncated(let k):
            let kept = Self.effectiveRateKeptDigits
            let floor = try EffectiveAnnualRate.floor(annualPercentage: apr, periodsPerYear: m, digits: kept)
            let unit = Int128(ExactRatio.tenToThe(kept - k))
            let rounded = rounding.periodicRate == .truncated(decimals: k) ? floor / unit : (floor + unit / 2) / unit
            return try quote(includeSchedule: includeSchedule, effectiveRate: rate(rounded, k))
        case .exact:
            for digits in Self.effectiveRateDigits {
                let floor = try EffectiveAnnualRate.floor(annualPercentage: apr, periodsPerYear: m, digits: digits)
                let low: LoanQuote, high: LoanQuote
                do {
                    low = try quote(includeSchedule: includeSchedule, effectiveRate: rate(floor, digits))
                    high = try quote(includeSchedule: includeSchedule, effectiveRate: rate(floor + 1, digits))
                } catch where error.code == .overflow && digits != Self.effectiveRateDigits.first {
                    break
                }
                if low.agrees(with: high) { return low }
            }
            throw DealError(code: .overflow, path: "apr", message: "expected the quote at the effective periodic rate to be decided within 10^-\(Self.effectiveRateDigits.last!) of the rate, found it was not")
        }
    }
}

extension LoanQuote {
    /// Whether every amount of two quotes of one deal at two rates is the same.
    func agrees(with other: LoanQuote) -> Bool {
        periodicPayment == other.periodicPayment && firstPayment == other.firstPayment && finalPayment == other.finalPayment
            && totalOfPayments == other.totalOfPayments && schedule == other.schedule
    }
}
