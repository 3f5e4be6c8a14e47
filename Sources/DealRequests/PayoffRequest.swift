// DealFinance — exact deal finance. DealRequests: `"calculate": "payoff"` (Documentation/Rates.md).

import DealDecimal
import DealEngine
import DealJSON

/// `"calculate": "payoff"`: a payoff quote for a contract already written.
///
/// - `"method": "simpleInterest"` — daily simple-interest servicing: the contract as `"loan"`
///   (a loan request with `contractDate`) or `principal`, `apr`, `startDate`; `payments`
///   `[{date, amount}]` actually posted (default with `"loan"`: every scheduled payment due on
///   or before the payoff date, paid on its due date); `dayBasis` `"365"` (default), `"360"`,
///   `"actual"`; `payoffDate`.
/// - `"method": "ruleOf78"` or `"actuarial"` — a precomputed contract: `"loan"` (arrears, no
///   balloon) or `numberOfPayments`, `payment`, `financeCharge`, `apr` (actuarial), `frequency`;
///   with `paymentsMade`, or `payoffDate` (payments due on or before it count as made; needs
///   the loan's dates or `firstPaymentDate`).
///
/// ```swift
/// DealCalculator.calculate(requestText: #"{"calculate":"payoff","method":"ruleOf78","numberOfPayments":12,"payment":"550.00","financeCharge":"600.00","paymentsMade":4}"#)
/// // {"calculate":"payoff","method":"ruleOf78",…,"rebate":"276.92",…}
/// ```
enum PayoffRequest {
    enum Method: String, CaseIterable { case simpleInterest, ruleOf78, actuarial }

    static func result(for json: JSONValue) throws(DealError) -> JSONValue {
        var fields = try FieldReader(json, path: "")
        _ = try fields.string("calculate")
        guard let method = try fields.choice("method", Method.self) else {
            throw fields.missing("method", "\"simpleInterest\", \"ruleOf78\" or \"actuarial\"")
        }
        var loanQuote: LoanQuote? = nil
        var loanDeal: RetailLoan? = nil
        if fields.has("loan") {
            let value = json.objectValue?["loan"] ?? .null
            _ = try fields.object("loan")
            var object = value.objectValue ?? JSONObject()
            if object["calculate"] == nil { object["calculate"] = .string("loan") }
            let request: LoanRequest
            do { request = try LoanRequest(json: .object(object)) } catch { throw GridRequest.inDeal(error).renamed("deal", "loan") }
            if request.solve != nil { throw DealError.invalidArgument("loan.solveFor", "expected no solveFor in a payoff's loan, found one") }
            loanDeal = request.loan
            do { loanQuote = try request.loan.quote(includeSchedule: true) } catch { throw GridRequest.inDeal(error).renamed("deal", "loan") }
        }
        let payoffDate = try fields.date("payoffDate")
        switch method {
        case .simpleInterest:
            return try simpleInterest(&fields, quote: loanQuote, deal: loanDeal, payoffDate: payoffDate)
        case .ruleOf78, .actuarial:
            return try precomputed(&fields, method: method == .ruleOf78 ? .ruleOf78 : .actuarial, quote: loanQuote, deal: loanDeal, payoffDate: payoffDate)
        }
    }

    static func simpleInterest(_ fields: inout FieldReader, quote: LoanQuote?, deal: RetailLoan?, payoffDate: CivilDate?) throws(DealError) -> JSONValue {
        guard let payoffDate else { throw fields.missing("payoffDate", "a YYYY-MM-DD date") }
        let basis = try fields.choice("dayBasis", DayBasis.self) ?? .days365
        var loan: SimpleInterestLoan
        var posted: [PostedPayment]? = nil
        if let elements = try fields.array("payments", limit: RetailLoan.Limits.maximumTerm) {
            var list: [PostedPayment] = []
            for element in elements {
                var item = try FieldReader(element.value, path: element.path)
                guard let date = try item.date("date") else { throw item.missing("date", "a YYYY-MM-DD date") }
                let payment = PostedPayment(date: date, amount: try item.requiredDecimal("amount"))
                try item.finish()
                list.append(payment)
            }
            posted = list
        }
        if let quote, let deal {
            for key in ["principal", "apr", "startDate", "currency"] { try fields.suppliedElsewhere(key, by: "the loan") }
            guard let start = deal.contractDate else {
                throw DealError.invalidArgument("loan.contractDate", "expected a contractDate (interest accrues from it), found none")
            }
            loan = SimpleInterestLoan(principal: quote.netFinancedAmount, apr: deal.apr, startDate: start)
            loan.currency = deal.currency
            if posted == nil {
                // Every scheduled payment due on or before the payoff date, paid on its due date.
                posted = (quote.schedule ?? []).compactMap { row in
                    guard let date = row.date, date <= payoffDate, date >= start else { return nil }
                    return PostedPayment(date: date, amount: row.payment)
                }
            }
        } else {
            let principal = try fields.requiredDecimal("principal")
            let apr = try fields.requiredDecimal("apr")
            guard let start = try fields.date("startDate") else { throw fields.missing("startDate", "a YYYY-MM-DD date") }
            loan = SimpleInterestLoan(principal: principal, apr: apr, startDate: start)
            if let code = try fields.string("currency") { loan.currency = try Currency(code: code) }
        }
        try fields.finish()
        loan.dayBasis = basis
        loan.payments = posted ?? []
        let payoff = try loan.payoff(on: payoffDate)
        var result = JSONObject()
        result["calculate"] = .string("payoff")
        result["method"] = .string("simpleInterest")
        result["currency"] = .string(loan.currency.code)
        result["dayBasis"] = .string(basis.rawValue)
        result["payoffDate"] = .string(payoffDate.description)
        result["principal"] = .string(loan.principal.description)
        result["apr"] = .string(loan.apr.description)
        result["startDate"] = .string(loan.startDate.description)
        result["interestPaid"] = .string(payoff.interestPaid.description)
        result["principalPaid"] = .string(payoff.principalPaid.description)
        result["principalBalance"] = .string(payoff.principalBalance.description)
        result["unpaidInterest"] = .string(payoff.unpaidInterest.description)
        result["daysSinceLastPayment"] = .number(String(payoff.daysSinceLastPayment))
        result["accruedInterest"] = .string(payoff.accruedInterest.description)
        result["perDiem"] = .string(payoff.perDiem.description)
        result["payoffAmount"] = .string(payoff.payoffAmount.description)
        result["history"] = .array(payoff.rows.map { row in
            .object(JSONObject([
                ("date", .string(row.date.description)), ("days", .number(String(row.days))),
                ("payment", .string(row.payment.description)), ("interestAccrued", .string(row.interestAccrued.description)),
                ("interestPaid", .string(row.interestPaid.description)), ("principalPaid", .string(row.principalPaid.description)),
                ("principalBalance", .string(row.principalBalance.description)), ("unpaidInterest", .string(row.unpaidInterest.description)),
            ]))
        })
        return .object(result)
    }

    static func precomputed(_ fields: inout FieldReader, method: RebateMethod, quote: LoanQuote?, deal: RetailLoan?, payoffDate: CivilDate?) throws(DealError) -> JSONValue {
        var contract: PrecomputedContract
        var dates: (first: CivilDate, frequency: PaymentFrequency)? = nil
        if let quote, let deal {
            for key in ["numberOfPayments", "payment", "financeCharge", "apr", "frequency", "firstPaymentDate", "currency"] {
                try fields.suppliedElsewhere(key, by: "the loan")
            }
            guard deal.balloon == nil, deal.paymentTiming == .arrears, quote.firstPayment == nil else {
                throw DealError(code: .unsupported, path: "loan", message: "expected a precomputed loan in arrears with level payments and no balloon or odd-days first payment, found \(deal.balloon != nil ? "a balloon" : deal.paymentTiming == .advance ? "payments in advance" : "a different first payment")")
            }
            let money = MinorUnits(deal.currency)
            var payments: [Int128] = []
            for line in quote.schedule ?? [] { payments.append(try minor(line.payment, money: money)) }
            // The precomputed interest: total of payments − the principal they repay.
            let charge = try minor(quote.totalOfPayments, money: money) - minor(quote.netFinancedAmount, money: money)
            contract = PrecomputedContract(payments: payments, financeCharge: charge, apr: deal.apr)
            contract.periodsPerYear = deal.frequency.periodsPerYear
            contract.currency = deal.currency
            if let first = quote.firstPaymentDate { dates = (first, deal.frequency) }
        } else {
            let n = try fields.requiredInteger("numberOfPayments")
            guard (1...RetailLoan.Limits.maximumTerm).contains(n) else {
                throw DealError.invalidArgument("numberOfPayments", "expected 1 to \(RetailLoan.Limits.maximumTerm), found \(n)")
            }
            var currency = Currency.usd
            if let code = try fields.string("currency") { currency = try Currency(code: code) }
            let money = MinorUnits(currency)
            let payment = try money.amount(try fields.requiredDecimal("payment"), path: "payment")
            let charge = try money.amount(try fields.requiredDecimal("financeCharge"), path: "financeCharge")
            guard charge <= payment * Int128(n) else {
                throw DealError.invalidArgument("financeCharge", "expected a finance charge at most the total of payments \(money.decimal(payment * Int128(n))), found \(money.decimal(charge))")
            }
            contract = PrecomputedContract(payments: Array(repeating: payment, count: n), financeCharge: charge, apr: try fields.decimal("apr"))
            contract.currency = currency
            let frequency = try fields.choice("frequency", PaymentFrequency.self) ?? .monthly
            contract.periodsPerYear = frequency.periodsPerYear
            if let first = try fields.date("firstPaymentDate") { dates = (first, frequency) }
        }
        let made: Int
        if let count = try fields.integer("paymentsMade") {
            guard payoffDate == nil else { throw DealError.invalidArgument("payoffDate", "expected either paymentsMade or payoffDate, found both") }
            made = count
        } else if let payoffDate {
            guard let dates else {
                throw DealError.invalidArgument("payoffDate", "expected the payment dates (the loan's contractDate, or firstPaymentDate) to count the payments due by the payoff date, found none")
            }
            var count = 0
            while count < contract.payments.count, let due = try? dates.frequency.paymentDate(count, first: dates.first), due <= payoffDate { count += 1 }
            made = count
        } else {
            throw fields.missing("paymentsMade", "paymentsMade or payoffDate")
        }
        try fields.finish()
        let payoff = try contract.payoff(after: made, method: method)
        let money = MinorUnits(contract.currency)
        var result = JSONObject()
        result["calculate"] = .string("payoff")
        result["method"] = .string(method.rawValue)
        result["currency"] = .string(contract.currency.code)
        if let payoffDate { result["payoffDate"] = .string(payoffDate.description) }
        result["numberOfPayments"] = .number(String(payoff.numberOfPayments))
        result["paymentsMade"] = .number(String(payoff.paymentsMade))
        result["remainingPayments"] = .number(String(payoff.remainingPayments))
        result["financeCharge"] = .string(money.decimal(contract.financeCharge).description)
        result["remainingBalance"] = .string(payoff.remainingBalance.description)
        result["rebate"] = .string(payoff.rebate.description)
        result["rebateExact"] = .string(payoff.rebateExact.description)
        result["earnedFinanceCharge"] = .string(payoff.earnedFinanceCharge.description)
        result["payoffAmount"] = .string(payoff.payoffAmount.description)
        return .object(result)
    }
}

/// A non-negative result amount in minor units.
/// An amount of the loan's own quote in minor units (always at the currency's scale).
private func minor(_ value: ExactDecimal, money: MinorUnits) throws(DealError) -> Int128 { try money.amount(value, path: "loan") }

extension DealError {
    /// The same error with a leading path component renamed.
    func renamed(_ from: String, _ to: String) -> DealError {
        guard path == from || path.hasPrefix(from + ".") else { return self }
        return DealError(code: code, path: to + path.dropFirst(from.count), message: message)
    }
}
