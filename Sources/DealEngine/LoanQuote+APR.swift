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
        var amounts: [ExactDecimal] = []
        for k in 0..<numberOfPayments {
            if k == numberOfPayments - 1 { amounts.append(finalPayment) } else if k == 0 { amounts.append(firstPayment ?? periodicPayment.net) } else { amounts.append(periodicPayment.net) }
        }
        var indices = Array(0..<numberOfPayments)
        if let balloon, !balloon.isZero {
            amounts.append(balloon)
            indices.append(paymentTiming == .advance ? numberOfPayments : numberOfPayments - 1)
        }
        var payments: [DatedAmount] = []
        for (amount, index) in zip(amounts, indices) where !amount.isZero {
            let date: CivilDate
            do { date = try frequency.paymentDate(index, first: first) } catch { throw DealError.invalidArgument("term", error.message) }
            var flow = DatedAmount(amount: amount, date: date, path: "term")
            flow.series = (frequency, first, index)
            payments.append(flow)
        }
        let problem = AnnualPercentageRate(method: .regz, advances: [DatedAmount(amount: amountFinanced, date: contract, path: "amountFinanced")],
                                           payments: payments, unitPeriod: frequency)
        return try problem.solve()
    }
}
