// DealFinance — exact deal finance. DealEngine: a rounding profile's conventions in words.

import DealDecimal

extension RoundingProfile {
    /// Each dimension that differs from `base`, in words (for `explain` lines).
    ///
    /// ```swift
    /// RoundingProfile.wholeUnitPaymentUp.describedDepartures()
    /// // ["payment rounded up", "payment a multiple of 10^0 major units"]
    /// ```
    public func describedDepartures(from base: RoundingProfile = .standard) -> [String] {
        var words: [String] = []
        if payment != base.payment { words.append("payment rounded \(payment.rawValue)") }
        if paymentIncrementExponent != base.paymentIncrementExponent {
            words.append(paymentIncrementExponent.map { "payment a multiple of 10^\($0) major units" } ?? "payment to the minor unit")
        }
        if periodicRate != base.periodicRate {
            switch periodicRate {
            case .exact: words.append("exact periodic rate")
            case .rounded(let k): words.append("periodic rate rounded half up to \(k) decimals before use")
            case .truncated(let k): words.append("periodic rate truncated to \(k) decimals before use")
            }
        }
        if rateBasis != base.rateBasis {
            words.append(rateBasis == .effectiveAnnual ? "periodic rate (1 + APR)^(1/m) − 1 (effective annual APR)" : "periodic rate APR / m (nominal APR)")
        }
        if totals != base.totals {
            switch totals {
            case .finalPaymentTrueUp: words.append("total of payments from the schedule, the final payment absorbing the residue")
            case .paymentTimesCount: words.append("total of payments = n × the rounded payment, no final true-up")
            case .exactPaymentRoundedOnce: words.append("total of payments = n × the exact payment, rounded once")
            }
        }
        if balloonTiming != base.balloonTiming { words.append("balloon \(balloonTiming == .onePeriodAfter ? "one period after" : "with") the last payment") }
        if oddDaysCounting != base.oddDaysCounting {
            words.append(oddDaysCounting == .actualOver365 ? "odd first period in actual days / 365" : "odd first period in 30-day months (Appendix J)")
        }
        if interest != base.interest { words.append("schedule interest rounded \(interest.rawValue)") }
        if tax != base.tax { words.append("taxes rounded \(tax.rawValue)") }
        if taxLines != base.taxLines { words.append(taxLines == .onTotal ? "tax components rounded once on their total" : "each tax component rounded") }
        if percentAmount != base.percentAmount { words.append("percent amounts rounded \(percentAmount.rawValue)") }
        if leaseBasePayment != base.leaseBasePayment {
            words.append(leaseBasePayment == .partsRounded ? "depreciation and rent each rounded, then added" : "base payment rounded once")
        }
        if leasePaymentTax != base.leasePaymentTax {
            words.append(leasePaymentTax == .onUnroundedBase ? "payment tax on the unrounded base payment" : "payment tax on the rounded base payment")
        }
        if moneyFactorDecimals != base.moneyFactorDecimals {
            words.append(moneyFactorDecimals.map { "money factor from an APR rounded half up to \($0) decimals" } ?? "money factor kept exact")
        }
        return words
    }
}
