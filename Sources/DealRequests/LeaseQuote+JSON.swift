// DealFinance — exact deal finance. DealRequests: the lease result object (Documentation/Reference/Lease.md).

import DealDecimal
import DealEngine
import DealJSON

extension LeaseQuote {
    /// The result object of Documentation/Reference/Lease.md in breakdown order; lines that do not apply are omitted.
    /// With `explain`, an `"explain"` object maps each line to its formula and inputs.
    ///
    /// ```swift
    /// try quote.json(explain: false).value(atPath: "periodicPayment.total")   // "503.01"
    /// ```
    package func json(explain: Bool) throws(DealError) -> JSONValue {
        var result = JSONObject()
        func money(_ key: String, _ value: ExactDecimal?) { if let value { result.appendUnchecked(key, .string(value.description)) } }
        func named(_ items: [NamedAmount]) -> JSONValue {
            .array(items.map { .object(JSONObject(uncheckedUniqueMembers: [("name", .string($0.name)), ("amount", .string($0.amount.description))])) })
        }
        result.appendUnchecked("calculate", .string("lease"))
        result.appendUnchecked("currency", .string(currency.code))
        result.appendUnchecked("rateMethod", .string(rateMethod.rawValue))
        money("msrp", msrp)
        money("sellingPrice", sellingPrice)
        money("addOnsTotal", addOnsTotal)
        money("productsTotal", productsTotal)
        money("feesCapitalized", feesCapitalized)
        money("feesDueAtSigning", feesDueAtSigning)
        money("tradeInAllowance", tradeInAllowance)
        money("tradeInPayoff", tradeInPayoff)
        money("tradeInEquity", tradeInEquity)
        money("capitalizedTaxes", capitalizedTaxes)
        money("capitalizedDriveOff", capitalizedDriveOff)
        money("grossCapitalizedCost", grossCapitalizedCost)
        money("totalCash", totalCash)
        money("downPayment", downPayment)
        money("rebatesTotal", rebatesTotal)
        money("capitalizedCostReduction", capitalizedCostReduction)
        money("adjustedCapitalizedCost", adjustedCapitalizedCost)
        money("residualOnVehicle", residualOnVehicle)
        money("residualOnAddOns", residualOnAddOns)
        money("residualValue", residualValue)
        money("depreciation", depreciation)
        money("periodicDepreciation", periodicDepreciation)
        money("periodicRentCharge", periodicRentCharge)
        money("rentCharge", rentCharge)
        result.appendUnchecked("moneyFactor", .string(moneyFactor.description))
        if rateMethod == .annuity {
            result.appendUnchecked("moneyFactorNote", .string("informational: apr / 2400; the annuity method does not use a money factor"))
        }
        if let moneyFactorBeforeDeposits { result.appendUnchecked("moneyFactorBeforeDeposits", .string(moneyFactorBeforeDeposits.description)) }
        if let equivalentApr {
            result.appendUnchecked("equivalentApr", .string(equivalentApr.description))
            result.appendUnchecked("equivalentAprNote", .string("informational: moneyFactor × 2400; a lease rate is not an APR and is never converted back"))
        }
        if let apr { result.appendUnchecked("apr", .string(apr.description)) }
        if let periodicRate { result.appendUnchecked("periodicRate", .string(try periodicRate.decimal(significantDigits: 24).normalized().description)) }
        var payment = JSONObject(uncheckedUniqueMembers: [
            ("net", .string(periodicPayment.net.description)),
            ("tax", .string(periodicPayment.tax.description)),
            ("total", .string(periodicPayment.total.description)),
        ])
        if let taxes = periodicPayment.taxes { payment.appendUnchecked("taxes", named(taxes)) }
        result.appendUnchecked("periodicPayment", .object(payment))
        result.appendUnchecked("unroundedPayment", .string(unroundedPayment.description))
        result.appendUnchecked("numberOfPayments", .number(String(numberOfPayments)))
        result.appendUnchecked("term", .number(String(term)))
        if onePay { result.appendUnchecked("onePay", .bool(true)) }
        money("securityDeposit", securityDeposit)
        money("securityDepositEach", securityDepositEach)
        if let securityDepositCount, securityDeposit != nil { result.appendUnchecked("securityDepositCount", .number(String(securityDepositCount))) }
        if let taxMethod {
            result.appendUnchecked("taxMethod", .string(taxMethod.rawValue))
            if taxMethod != .monthly { result.appendUnchecked("taxCapitalized", .bool(taxCapitalized)) }
            if let capitalizedTaxBase { result.appendUnchecked("capitalizedTaxBase", .string(capitalizedTaxBase.rawValue)) }
        }
        money("upfrontTaxBase", upfrontTaxBase)
        money("upfrontTax", upfrontTax)
        if let upfrontTaxes { result.appendUnchecked("upfrontTaxes", named(upfrontTaxes)) }
        money("disclosedDownPayment", disclosedDownPayment)
        result.appendUnchecked("dueAtSigning", .object(JSONObject(uncheckedUniqueMembers: [
            ("total", .string(dueAtSigning.total.description)),
            ("items", named(dueAtSigning.items)),
            ("paidBy", named(dueAtSigning.paidBy)),
        ])))
        money("cashDueAtSigning", cashDueAtSigning)
        money("dispositionFee", dispositionFee)
        money("totalOfPayments", totalOfPayments)
        if let firstPaymentDate { result.appendUnchecked("firstPaymentDate", .string(firstPaymentDate.description)) }
        if let leaseEndDate { result.appendUnchecked("leaseEndDate", .string(leaseEndDate.description)) }
        if let schedule {
            result.appendUnchecked("schedule", .array(schedule.map { row in
                var object = JSONObject()
                object.appendUnchecked("number", .number(String(row.number)))
                if let date = row.date { object.appendUnchecked("date", .string(date.description)) }
                object.appendUnchecked("payment", .string(row.payment.description))
                object.appendUnchecked("depreciation", .string(row.depreciation.description))
                object.appendUnchecked("rentCharge", .string(row.rentCharge.description))
                object.appendUnchecked("balance", .string(row.balance.description))
                return .object(object)
            }))
        }
        if explain {
            result.appendUnchecked("explain", .object(JSONObject(explanation().map { ($0.line, JSONValue.string($0.text)) })))
        }
        return .object(result)
    }

    /// The formula and inputs of each line, in words (Documentation/Lease.md).
    ///
    /// ```swift
    /// quote.explanation().first { $0.line == "moneyFactor" }?.text
    /// ```
    public func explanation() -> [(line: String, text: String)] {
        var lines: [(line: String, text: String)] = []
        func add(_ line: String, _ text: String) { lines.append((line, text)) }
        let departures = rounding.describedDepartures()
        if !departures.isEmpty { add("rounding", "standard, except: " + departures.joined(separator: "; ")) }
        let q = numberOfPayments
        add("grossCapitalizedCost", "sellingPrice \(sellingPrice) + addOnsTotal \(addOnsTotal) + productsTotal \(productsTotal) + feesCapitalized \(feesCapitalized) + negative trade equity + capitalizedTaxes \(capitalizedTaxes ?? .zero) + capitalizedDriveOff \(capitalizedDriveOff ?? .zero) = \(grossCapitalizedCost)")
        if downPaymentSolved {
            add("downPayment", "solved: the customer brings \(totalCash ?? .zero) in cash; up-front items are paid first and the rest is the cash capitalized cost reduction (a shortfall is capitalized as capitalizedDriveOff), from the exact linear equation, rounded once, then corrected by the cents the roundings moved = \(downPayment)")
        } else {
            add("downPayment", "the cash capitalized cost reduction, as given = \(downPayment)")
        }
        add("capitalizedCostReduction", "downPayment \(downPayment) + positive trade equity + rebates \(rebatesTotal) = \(capitalizedCostReduction)")
        add("adjustedCapitalizedCost", "grossCapitalizedCost \(grossCapitalizedCost) − capitalizedCostReduction \(capitalizedCostReduction) = \(adjustedCapitalizedCost)")
        add("residualValue", "residual on the vehicle \(residualOnVehicle) (percent of MSRP rounded half up, or the amount) + residual on residualized add-ons \(residualOnAddOns ?? .zero) = \(residualValue)")
        add("depreciation", "adjustedCapitalizedCost \(adjustedCapitalizedCost) − residualValue \(residualValue) = \(depreciation)")
        switch rateMethod {
        case .moneyFactor:
            if moneyFactorFromApr {
                add("moneyFactor", "converted from the apr given: moneyFactor = apr / 2400 exactly (the US desk convention) = \(moneyFactorExact) = \(moneyFactor)")
            } else {
                add("moneyFactor", "as given\(moneyFactorBeforeDeposits.map { " (\($0)) less the multiple-security-deposit reduction" } ?? "") = \(moneyFactor)")
            }
            add("equivalentApr", "informational only: moneyFactor × 2400 = \(equivalentApr ?? .zero) %; a lease rate is not an APR and this value is never used to compute anything")
            add("periodicPayment", "base = round(depreciation / \(term) + (adjustedCapitalizedCost + residualValue) × moneyFactor × 12 / \(frequency.periodsPerYear)\(onePay ? " × \(term) (one-pay: depreciation + rent for every period)" : "")), rounded once half up = \(periodicPayment.net); tax = each tax rate × the rounded base, rounded = \(periodicPayment.tax); total = \(periodicPayment.total)")
        case .annuity:
            if aprFromMoneyFactor { add("apr", "converted from the money factor given: apr = moneyFactor × 2400 exactly = \(apr ?? .zero)") }
            add("moneyFactor", "informational only: apr / 2400 = \(moneyFactor); the annuity method uses the periodic rate")
            add("periodicPayment", "base = round((C − R·vⁿ)·i / (1 − vⁿ)\(paymentTiming == .advance ? " / (1 + i)" : "")) with C = adjustedCapitalizedCost \(adjustedCapitalizedCost), R = residualValue \(residualValue), n = \(term), i = \(periodicRate.map { "\($0.numerator)/\($0.denominator)" } ?? "0") (annuity \(paymentTiming == .advance ? "due" : "immediate"), the residual as balloon), rounded once half up = \(periodicPayment.net); tax = \(periodicPayment.tax); total = \(periodicPayment.total)")
        }
        add("unroundedPayment", "the exact base payment before rounding = \(unroundedPayment)")
        add("periodicDepreciation", "depreciation / \(onePay ? 1 : term), rounded for display = \(periodicDepreciation)")
        add("periodicRentCharge", "exact base payment − exact periodic depreciation, rounded for display = \(periodicRentCharge)")
        add("rentCharge", "base payment \(periodicPayment.net) × \(q) − depreciation \(depreciation) = \(rentCharge) (Regulation M)")
        if let taxMethod, let upfrontTax {
            let how: String
            switch taxMethod {
            case .monthly: how = "monthly: tax on each base payment; up front, tax on the taxable capitalized cost reduction and fees paid at signing"
            case .upfrontOnPrice: how = "upfrontOnPrice: tax on the selling price (+ taxable add-ons, products, fees − trade-in allowance with trade-in credit − rebates where they reduce the base), \(taxCapitalized ? "capitalized" : "paid at signing")"
            case .upfrontOnPayments:
                if !taxCapitalized {
                    how = "upfrontOnPayments, paid at signing: tax on \(q) × the rounded base payment + taxable capitalized cost reduction and fees"
                } else if capitalizedTaxBase == .includesCappedTax {
                    how = "upfrontOnPayments, capitalized, includesCappedTax: the fixed point T = t·(q·a + K) / (1 − t·q·β) in closed form (a = exact base payment without the capped tax, β = effect of 1 capitalized on the payment), rounded once per tax"
                } else {
                    how = "upfrontOnPayments, capitalized, excludesCappedTax (one pass): T = t·(q·a + K) with a = the exact base payment without the capped tax, rounded once per tax"
                }
            }
            add("upfrontTax", "\(how); base \(upfrontTaxBase ?? .zero) → \(upfrontTax)")
        }
        if let securityDeposit {
            add("securityDeposit", "\(securityDepositCount ?? 1) × \(securityDepositEach ?? .zero)\(moneyFactorBeforeDeposits != nil ? " (each the total payment after the money-factor reduction, rounded up)" : "") = \(securityDeposit), refundable")
        }
        add("dueAtSigning", "sum of \(dueAtSigning.items.map { "\($0.name) \($0.amount)" }.joined(separator: " + ")) = \(dueAtSigning.total); paid by \(dueAtSigning.paidBy.map { "\($0.name) \($0.amount)" }.joined(separator: " + "))")
        add("totalOfPayments", "dueAtSigning \(dueAtSigning.total) − refundable deposits \(securityDeposit ?? .zero) + \(q - (paymentTiming == .advance ? 1 : 0)) remaining payments of \(periodicPayment.total) + dispositionFee \(dispositionFee) = \(totalOfPayments) (Regulation M)")
        add("disclosedDownPayment", "max(0, downPayment + rebates + tradeInEquity) = \(disclosedDownPayment)")
        if schedule != nil {
            add("schedule", rateMethod == .annuity ? "constant yield: rent each period = the balance after the payment × i, rounded; the last period absorbs the residue so the balance ends at the residual" : "depreciation per period from the cumulative rounded straight line; rent = base payment − depreciation; the balance ends at the residual")
        }
        return lines
    }
}

extension LeaseQuote {
    /// The lease result object (the `"calculate":"lease"` answer) as JSON text, with the
    /// `"explain"` object when `explain` is true.
    ///
    /// ```swift
    /// try lease.quote().jsonText(explain: false)   // {"calculate":"lease",…}
    /// ```
    /// - Throws: `DealError` as `PeriodicRate/decimal(significantDigits:)` does.
    public func jsonText(explain: Bool, pretty: Bool = false) throws(DealError) -> String {
        JSONWriter(pretty: pretty).write(try json(explain: explain))
    }
}
