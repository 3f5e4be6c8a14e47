// DealFinance — exact deal finance. DealEngine: the disclosed APR of a quoted loan.

import DealDecimal

extension LoanQuote {
    /// The Regulation Z APR of the deal's actual cash flows: the amount financed advanced at
    /// the contract date, every scheduled payment (payment 1 as scheduled, the final payment
    /// with its residue) and the balloon at their due dates, unit-period = the payment
    /// frequency, solved by ``AnnualPercentageRate``.
    ///
    /// It differs from the contract rate (``apr``) when prepaid finance charges reduce the
    /// amount financed, when odd days are `ignore`d or added to payment 1, and by the cent
    /// rounding of the payment. Without dates the first period is regular (a synthetic
    /// contract date of 2001-01-01 is used; the result does not depend on it).
    ///
    /// ```swift
    /// let quote = try RetailLoan(sellingPrice: try ExactDecimal(parsing: "30000.00"),
    ///                            apr: try ExactDecimal(parsing: "6"), term: 60).quote()
    /// try quote.annualPercentageRate().aprDisclosed   // 6.00
    /// ```
    /// - Throws: ``DealError`` `no_solution` when the payments total less than the amount financed.
    public func annualPercentageRate() throws(DealError) -> AnnualPercentageRate.Result {
        let contract: CivilDate, first: CivilDate
        if let contractDate, let firstPaymentDate {
            (contract, first) = (contractDate, firstPaymentDate)
        } else {
            contract = CivilDate(unchecked: 2001, 1, 1)
            do {
                first = paymentTiming == .advance ? contract : try frequency.date(byAddingPeriods: 1, to: contract)
            } catch { throw DealError.invalidArgument("contractDate", error.message) }
        }
        // Payments 1…n (payment 1 as scheduled, the final with its residue), then the
        // balloon; zero amounts left out. One reserved array, no intermediate lists.
        let hasBalloon = balloon.map { !$0.isZero } ?? false
        var payments: [DatedAmount] = []
        payments.reserveCapacity(numberOfPayments + (hasBalloon ? 1 : 0))
        for k in 0..<(numberOfPayments + (hasBalloon ? 1 : 0)) {
            let amount: ExactDecimal, index: Int
            if k == numberOfPayments {
                (amount, index) = (balloon!, paymentTiming == .advance || rounding.balloonTiming == .onePeriodAfter ? numberOfPayments : numberOfPayments - 1)
            } else if k == numberOfPayments - 1 {
                (amount, index) = (finalPayment, k)
            } else if k == 0 {
                (amount, index) = (firstPayment ?? periodicPayment.net, k)
            } else {
                (amount, index) = (periodicPayment.net, k)
            }
            if amount.isZero { continue }
            let date: CivilDate
            do { date = try frequency.paymentDate(index, first: first) } catch { throw DealError.invalidArgument("term", error.message) }
            // Appended, then marked in place: no copy of the flow per payment.
            payments.append(DatedAmount(amount: amount, date: date, path: "term"))
            payments[payments.count - 1].series = (frequency, first, index)
        }
        let problem = AnnualPercentageRate(method: .regz, advances: [DatedAmount(amount: amountFinanced, date: contract, path: "amountFinanced")],
                                           payments: payments, unitPeriod: frequency)
        return try problem.solve()
    }
}
