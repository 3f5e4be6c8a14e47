// DealFinance — exact deal finance. DealRequests: the loan result object (Documentation/Reference/Loan.md).

import DealDecimal
import DealEngine
import DealJSON

extension LoanQuote {
    /// The result object of Documentation/Reference/Loan.md, lines in breakdown order; lines that do not apply are
    /// omitted, never `null`. With `explain`, an `"explain"` object maps each line to its
    /// formula and inputs.
    ///
    /// ```swift
    /// let json = try quote.json(explain: false)
    /// json.value(atPath: "periodicPayment.total")   // .string("436.66")
    /// ```
    package func json(explain: Bool) throws(DealError) -> JSONValue { try json(explain: explain, disclosingAPR: true) }

    /// The result object; without `disclosingAPR` the Regulation Z APR solve (`apr`,
    /// `aprUnrounded`) is left out, for the many quotes of a reconcile that do not compare it.
    func json(explain: Bool, disclosingAPR: Bool) throws(DealError) -> JSONValue {
        var result = JSONObject()
        result.reserveCapacity(40)   // every line of Documentation/Reference/Loan.md with `schedule` and `explain`
        func money(_ key: String, _ value: ExactDecimal?) { if let value { result.appendUnchecked(key, .string(value.description)) } }
        result.appendUnchecked("calculate", .string("loan"))
        result.appendUnchecked("currency", .string(currency.code))
        money("sellingPrice", sellingPrice)
        money("msrp", msrp)
        money("addOnsTotal", addOnsTotal)
        if !addOns.isEmpty {
            result.appendUnchecked("addOns", .array(addOns.map { item in
                .object(JSONObject(uncheckedUniqueMembers: [("name", .string(item.name)), ("amount", .string(item.amount.description)),
                                                            ("preInstalled", .bool(item.preInstalled))]))
            }))
        }
        money("preInstalledAddOnsTotal", preInstalledAddOnsTotal)
        money("productsTotal", productsTotal)
        money("feesFinanced", feesFinanced)
        money("feesDueAtSigning", feesDueAtSigning)
        money("tradeInAllowance", tradeInAllowance)
        money("tradeInPayoff", tradeInPayoff)
        money("tradeInEquity", tradeInEquity)
        money("downPayment", downPayment)
        money("rebatesTotal", rebatesTotal)
        money("taxableAmount", taxableAmount)
        money("salesTax", salesTax)
        money("financedAmount", financedAmount)
        money("capitalizedCostReduction", capitalizedCostReduction)
        money("netFinancedAmount", netFinancedAmount)
        money("prepaidFinanceCharges", prepaidFinanceCharges)
        money("amountFinanced", amountFinanced)
        money("disclosedDownPayment", disclosedDownPayment)
        // Documentation/Reference/Loan.md `apr`: the Regulation Z APR of the deal's cash flows (2 decimals, half up),
        // `aprUnrounded` its 12-decimal value, `contractRate` the rate the payment is computed at.
        let disclosure = disclosingAPR ? try? annualPercentageRate() : nil
        if let disclosure {
            result.appendUnchecked("apr", .string(disclosure.aprDisclosed.description))
            result.appendUnchecked("aprUnrounded", .string(disclosure.apr.description))
        }
        result.appendUnchecked("contractRate", .string(apr.description))
        result.appendUnchecked("periodicRate", .string(try periodicRate.decimal(significantDigits: 24).normalized().description))
        result.appendUnchecked("periodicPayment", .object(JSONObject(uncheckedUniqueMembers: [
            ("net", .string(periodicPayment.net.description)),
            ("tax", .string(periodicPayment.tax.description)),
            ("total", .string(periodicPayment.total.description)),
        ])))
        result.appendUnchecked("unroundedPayment", .string(try unroundedPayment.description))
        money("firstPayment", firstPayment)
        result.appendUnchecked("numberOfPayments", .number(String(numberOfPayments)))
        money("finalPayment", finalPayment)
        money("balloon", balloon)
        money("financeCharge", financeCharge)
        money("totalOfPayments", totalOfPayments)
        money("totalSalePrice", totalSalePrice)
        result.appendUnchecked("dueAtSigning", .object(JSONObject(uncheckedUniqueMembers: [
            ("total", .string(dueAtSigning.total.description)),
            ("items", .array(dueAtSigning.items.map { item in
                .object(JSONObject(uncheckedUniqueMembers: [("name", .string(item.name)), ("amount", .string(item.amount.description))]))
            })),
        ])))
        if let firstPaymentDate { result.appendUnchecked("firstPaymentDate", .string(firstPaymentDate.description)) }
        if let maturityDate { result.appendUnchecked("maturityDate", .string(maturityDate.description)) }
        if let schedule {
            result.appendUnchecked("schedule", .array(schedule.map { row in
                var object = JSONObject()
                object.appendUnchecked("number", .number(String(row.number)))
                if let date = row.date { object.appendUnchecked("date", .string(date.description)) }
                object.appendUnchecked("payment", .string(row.payment.description))
                object.appendUnchecked("interest", .string(row.interest.description))
                object.appendUnchecked("principal", .string(row.principal.description))
                object.appendUnchecked("balance", .string(row.balance.description))
                return .object(object)
            }))
        }
        if explain {
            var lines = try explanation()
            if let disclosure {
                let index = lines.firstIndex { $0.line == "apr" } ?? lines.endIndex
                lines.remove(at: index)
                lines.insert((line: "apr", text: "the Regulation Z Appendix J APR of the cash flows (amountFinanced \(amountFinanced) at the contract date; every scheduled payment and the balloon at its due date; unit-period \(disclosure.unitPeriod)), rounded to 2 decimals half up = \(disclosure.aprDisclosed)"), at: index)
                lines.insert((line: "aprUnrounded", text: "the periodic rate i solving Σ amountFinanced/((1+f·i)(1+i)^t) = Σ payment/((1+f·i)(1+i)^t), times \(disclosure.unitPeriodsPerYear) × 100, to 12 decimals = \(disclosure.apr)"), at: index + 1)
                lines.insert((line: "contractRate", text: "the contract rate, as given, in percent = \(apr)"), at: index + 2)
            }
            result.appendUnchecked("explain", .object(JSONObject(lines.map { ($0.line, JSONValue.string($0.text)) })))
        }
        return .object(result)
    }
}

extension LoanQuote {
    /// The loan result object (the `"calculate":"loan"` answer) as JSON text, with the
    /// `"explain"` object when `explain` is true.
    ///
    /// ```swift
    /// try loan.quote().jsonText(explain: false)   // {"calculate":"loan",…}
    /// ```
    /// - Throws: `DealError` as `unroundedPayment` and `PeriodicRate/decimal(significantDigits:)` do.
    public func jsonText(explain: Bool, pretty: Bool = false) throws(DealError) -> String {
        JSONWriter(pretty: pretty).write(try json(explain: explain))
    }
}
