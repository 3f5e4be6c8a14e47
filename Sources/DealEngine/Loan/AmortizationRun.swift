// DealFinance — exact deal finance. DealEngine: the amortization schedule in minor units.

import DealDecimal

/// The schedule of a level-payment loan under a rounding profile, in minor units.
///
/// Each period's interest is the balance times the exact periodic rate, rounded by the
/// profile's interest rule; payment 1 carries the odd first period as the treatment says; the
/// final regular payment absorbs the cent residue so the balance ends exactly at the balloon
/// (arrears), or at the balloon's value one period earlier followed by a balloon row (advance),
/// or at zero. Documentation/RetailLoan.md states each rule.
///
/// ```swift
/// let run = try AmortizationRun(problem: problem, payment: 43666, treatment: .spread,
///                               interestRule: .toNearestOrAway, keepRows: false)
/// run.finalRegularPayment   // 43641
/// ```
struct AmortizationRun {
    /// One row in minor units.
    struct Row {
        var number: Int
        var payment: Int128
        var interest: Int128
        var principal: Int128
        var balance: Int128
    }

    /// The rows, when kept.
    private(set) var rows: [Row] = []
    /// Rows in the schedule (n, or n + 1 with an advance balloon).
    private(set) var rowCount = 0
    /// Σ payments + balloon.
    private(set) var totalPaid: Int128 = 0
    /// Payment 1.
    private(set) var firstPayment: Int128 = 0
    /// Payment n.
    private(set) var finalRegularPayment: Int128 = 0

    /// `fastPeriods: false` takes the 128-bit step for every period (the reference the tests
    /// compare ``MiddlePeriods`` with); the result is the same either way.
    /// `balloonOnePeriodAfter`: in arrears too, the balloon is due one period after payment n
    /// (as it always is in advance).
    init(problem: LevelPayment, payment: Int128, treatment: OddDaysTreatment, interestRule: RoundingRule, keepRows: Bool,
         fastPeriods: Bool = true, balloonOnePeriodAfter: Bool = false) throws(DealError) {
        let principal = problem.principal, balloon = problem.balloon, n = problem.numberOfPayments
        let p = problem.rate.numerator, q = problem.rate.denominator
        let advance = problem.timing == .advance
        let balloonLater = advance || balloonOnePeriodAfter
        let regularFirst = problem.wholePeriodsToFirstPayment == 1 && problem.oddDays == 0
        if keepRows { rows.reserveCapacity(n + 1) }
        let interestOf = InterestDivider(p: p, q: q, rule: interestRule)
        let middle = fastPeriods ? MiddlePeriods(p: p, q: q, payment: payment, rule: interestRule) : nil
        var balance = principal
        var number = 1
        while number <= n {
            if number > 1 && number < n, let middle {
                // Periods 2…n−1 pay the level payment; in 64 bits while everything fits. A period
                // it cannot take (or one that would fail) is left to the 128-bit step below.
                let (done, newBalance) = middle.run(balance: balance, from: number, through: n - 1,
                                                    keepRows: keepRows, rows: &rows)
                if done > 0 {
                    balance = newBalance
                    totalPaid += payment * Int128(done)
                    number += done
                    continue
                }
            }
            var interest: Int128
            var paid = payment
            if advance {
                interest = number == 1 ? 0 : try interestOf(balance)
            } else if number == 1 && !regularFirst {
                switch treatment {
                case .spread:
                    interest = try Self.spreadFirstInterest(problem, interestRule)
                case .firstPayment:
                    let days = Int128(problem.wholePeriodsToFirstPayment * problem.daysPerUnitPeriod + problem.oddDays)
                    interest = try Self.round(principal * p * days, q * Int128(problem.daysPerUnitPeriod), interestRule)
                    paid = payment + interest - (try Self.round(principal * p, q, interestRule))
                case .ignore:
                    interest = try interestOf(balance)
                }
            } else {
                interest = try interestOf(balance)
            }
            if number == n {
                let target = balloonLater ? (balloon > 0 ? try Self.round(balloon * q, q + p, interestRule) : 0) : balloon
                let (owed, overflow) = balance.addingReportingOverflow(interest)
                guard !overflow else {
                    throw DealError(code: .overflow, path: "", message: "the final payment at payment \(number) does not fit in 128 bits")
                }
                paid = owed - target
            }
            let principalPart = paid - interest
            let (nextBalance, balanceOverflow) = balance.subtractingReportingOverflow(principalPart)
            let (nextTotal, totalOverflow) = totalPaid.addingReportingOverflow(paid)
            guard !balanceOverflow, !totalOverflow else {
                throw DealError(code: .overflow, path: "", message: "the balance or the total of payments at payment \(number) does not fit in 128 bits")
            }
            balance = nextBalance
            guard paid >= 0, number == n || balance >= 0 else {
                throw DealError(code: .unsupported, path: "term",
                                message: "expected the rounded payment to amortize the loan over all \(n) payments, found it repays the balance by payment \(number); use a shorter term or a larger amount")
            }
            if number == 1 { firstPayment = paid }
            if number == n { finalRegularPayment = paid }
            totalPaid = nextTotal
            if keepRows { rows.append(Row(number: number, payment: paid, interest: interest, principal: principalPart, balance: balance)) }
            number += 1
        }
        rowCount = n
        if balloonLater && balloon > 0 {
            // The balloon one period after payment n carries that period's interest.
            rowCount = n + 1
            if keepRows { rows.append(Row(number: n + 1, payment: balloon, interest: balloon - balance, principal: balance, balance: 0)) }
        }
        totalPaid += balloon
    }

    /// Interest of row 1 under Reg Z actuarial odd days: A·((1 + φ·i)(1 + i)^t − 1).
    static func spreadFirstInterest(_ problem: LevelPayment, _ rule: RoundingRule) throws(DealError) -> Int128 {
        let p = WideInteger(problem.rate.numerator), q = WideInteger(problem.rate.denominator)
        let t = problem.wholePeriodsToFirstPayment
        let f0 = WideInteger(problem.daysPerUnitPeriod) * q
        let f1 = f0 + WideInteger(problem.oddDays) * p
        let growth = f1 * (q + p).power(t)
        let base = f0 * q.power(t)
        let numerator = WideInteger(problem.principal) * (growth - base)
        do {
            guard let value = try numerator.divided(by: base, rule: rule).int128Value else {
                throw DealError(code: .overflow, path: "firstPaymentDate", message: "the first period's interest does not fit in 128 bits")
            }
            return value
        } catch let error as DecimalError {
            throw DealError(code: .overflow, path: "firstPaymentDate", message: "the first period's interest could not be computed: \(error)")
        } catch let error as DealError {
            throw error
        } catch {
            throw DealError(code: .overflow, path: "firstPaymentDate", message: "\(error)")
        }
    }

    /// The regular periods between the first and the last in 64-bit integers: each period's
    /// interest `balance × p / q` rounded by the rule, then the level payment. It applies while
    /// `p`, `q`, the payment and the balance are below 2^62 and `balance × p` fits 64 bits; the
    /// quotient comes from a multiplication by a 64-bit reciprocal of `q`, corrected by its
    /// integer remainder, so every period is exactly the 128-bit step's. It stops before a
    /// period it cannot take or that would drive the balance below zero (the 128-bit step then
    /// reports it).
    struct MiddlePeriods {
        let p: UInt64, q: UInt64, payment: Int64
        let rule: RoundingRule
        /// ⌊(2^64 − 1) / q⌋.
        let reciprocal: UInt64

        /// Nil when the rate, the payment or the rule is outside the 64-bit path.
        init?(p: Int128, q: Int128, payment: Int128, rule: RoundingRule) {
            guard p >= 0, p < 1 << 62, q > 0, q < 1 << 62, payment >= 0, payment < 1 << 62, rule != .requireExact else { return nil }
            (self.p, self.q, self.payment, self.rule) = (UInt64(p), UInt64(q), Int64(payment), rule)
            reciprocal = UInt64.max / self.q
        }

        /// Runs periods `from…through` (or fewer); returns how many it took and the balance after them.
        @inline(__always)
        func run(balance start: Int128, from first: Int, through last: Int, keepRows: Bool, rows: inout [Row]) -> (Int, Int128) {
            guard start >= 0, start < 1 << 62, first <= last else { return (0, start) }
            var balance = Int64(start)
            var number = first
            while number <= last {
                let (high, low) = UInt64(balance).multipliedFullWidth(by: p)
                guard high == 0 else { break }
                // ⌊low × ⌊(2^64 − 1)/q⌋ / 2^64⌋ is at most 2 below ⌊low/q⌋ and never above it.
                var quotient = low.multipliedFullWidth(by: reciprocal).high
                var remainder = low &- quotient &* q
                while remainder >= q { quotient &+= 1; remainder &-= q }
                guard quotient < 1 << 62 else { break }
                var interest = Int64(quotient)
                if remainder != 0 {
                    let rest = q - remainder
                    let half = remainder < rest ? -1 : (remainder == rest ? 0 : 1)
                    guard let rounded = try? rule.adjust(truncated: interest, negative: false, remainderVersusHalf: half) else { break }
                    interest = rounded
                }
                let principalPart = payment &- interest
                let next = balance &- principalPart
                guard next >= 0, next < 1 << 62 else { break }
                balance = next
                if keepRows {
                    rows.append(Row(number: number, payment: Int128(payment), interest: Int128(interest),
                                    principal: Int128(principalPart), balance: Int128(next)))
                }
                number += 1
            }
            return (number - first, Int128(balance))
        }
    }

    /// A period's interest `balance × p / q` rounded by the interest rule, without a 128-bit
    /// division: a double-precision estimate of the quotient is corrected to the exact truncated
    /// quotient by its integer remainder, so the result is exactly that of
    /// ``round(_:_:_:)`` (which handles anything outside the estimate's range).
    struct InterestDivider {
        let p: Int128, q: Int128, rule: RoundingRule
        let inverse: Double
        let usable: Bool

        init(p: Int128, q: Int128, rule: RoundingRule) {
            (self.p, self.q, self.rule) = (p, q, rule)
            usable = q > 0 && q < 1 << 62 && p >= 0 && p < 1 << 62
            inverse = usable ? 1 / Double(Int64(truncatingIfNeeded: q)) : 0
        }

        @inline(__always)
        func callAsFunction(_ balance: Int128) throws(DealError) -> Int128 {
            // balance < 2^62 and p < 2^62 keep the product below 2^124 and the quotient estimate
            // (relative error a few ulps) within ±2 of the truth.
            guard usable, balance >= 0, balance < 1 << 62 else {
                let (numerator, overflow) = balance.multipliedReportingOverflow(by: p)
                guard !overflow else {
                    throw DealError(code: .overflow, path: "", message: "a period's interest on a balance of \(balance) minor units does not fit in 128 bits")
                }
                return try AmortizationRun.round(numerator, q, rule)
            }
            let numerator = balance * p
            let magnitude = UInt128(numerator)
            let approximate = (Double(UInt64(truncatingIfNeeded: magnitude >> 64)) * 0x1p64
                + Double(UInt64(truncatingIfNeeded: magnitude))) * inverse
            guard approximate < 0x1p62 else { return try AmortizationRun.round(numerator, q, rule) }
            var quotient = Int128(Int64(approximate))
            var remainder = numerator - quotient * q
            while remainder < 0 { quotient -= 1; remainder += q }
            while remainder >= q { quotient += 1; remainder -= q }
            if remainder == 0 { return quotient }
            let rest = q - remainder
            let half = remainder < rest ? -1 : (remainder == rest ? 0 : 1)
            do { return try rule.adjust(truncated: quotient, negative: false, remainderVersusHalf: half) } catch {
                throw DealError(code: .overflow, path: "", message: "an interest amount could not be rounded: \(error)")
            }
        }
    }

    @inline(__always)
    static func round(_ numerator: Int128, _ denominator: Int128, _ rule: RoundingRule) throws(DealError) -> Int128 {
        do { return try rule.divide(numerator, by: denominator) } catch {
            throw DealError(code: .overflow, path: "", message: "an interest amount could not be rounded: \(error)")
        }
    }
}
