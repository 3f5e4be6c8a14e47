// DealFinance — exact deal finance. DealEngine: the lease result lines from the rounded evaluation.

import DealDecimal

extension LeaseModel {
    /// An integer amount of an evaluation in rounded mode.
    func minor(_ value: ExactRatio) throws(DealError) -> Int128 {
        guard let amount = value.rounded(.toNearestOrAway) else {
            throw DealError(code: .overflow, path: "", message: "a lease amount needs more than 38 digits")
        }
        return amount
    }

    /// The result lines from the rounded evaluation.
    func quote(_ e: Evaluation, solved: Bool, totalCash: Int128?, includeSchedule: Bool) throws(DealError) -> LeaseQuote {
        let adjusted = try minor(e.adjusted)
        guard adjusted > 0 else {
            let path: String
            switch lease.driveOff {
            case .downPayment: path = "downPayment"
            case .zeroDriveOff: path = "zeroDriveOff"
            case .totalCash: path = "totalCash"   // also for "0.00": the field the request gave
            }
            throw DealError.invalidArgument(path, "expected the capitalized cost reduction (\(money.decimal(try minor(e.reduction)))) to leave an adjusted capitalized cost above zero (gross capitalized cost \(money.decimal(try minor(e.gross)))), found \(money.decimal(adjusted))")
        }
        guard residual < adjusted else {
            throw DealError.invalidArgument("residual", "expected a residual value below the adjusted capitalized cost \(money.decimal(adjusted)), found \(money.decimal(residual))")
        }
        let d = try minor(e.d), x = try minor(e.x)
        let base = try minor(e.base), payment = try minor(e.payment)
        let depreciation = adjusted - residual
        let periods = ExactRatio(Int128(n))
        let straight = lease.onePay ? ExactRatio(depreciation) : ExactRatio(depreciation) / periods
        let periodicDepreciation = try round(straight, rule, path: "periodicPayment")
        let periodicRent = try round(e.exactPayment - straight, rule, path: "periodicPayment")
        let rentCharge = Int128(q) * base - depreciation

        // MARK: Due at signing
        var items: [NamedAmount] = []
        let reduction = try minor(e.reduction)
        if reduction != 0 { items.append(NamedAmount(name: "Capitalized cost reduction", amount: money.decimal(reduction))) }
        if advance { items.append(NamedAmount(name: lease.onePay ? "Single payment" : "First periodic payment", amount: money.decimal(payment))) }
        let deposit = try minor(e.deposit)
        if deposit != 0 { items.append(NamedAmount(name: "Refundable security deposit", amount: money.decimal(deposit))) }
        for (name, amount) in signingFees where amount != 0 { items.append(NamedAmount(name: name, amount: money.decimal(amount))) }
        if e.upfrontAtSigning {
            for (index, value) in e.upfrontTaxes.enumerated() where try minor(value) != 0 {
                items.append(NamedAmount(name: "\(taxComponents[index].0) (up front)", amount: money.decimal(try minor(value))))
            }
        }
        if x != 0 { items.append(NamedAmount(name: "Amount capitalized (drive-off)", amount: money.decimal(-x))) }
        let dueTotal = items.reduce(Int128(0)) { $0 + (Self.minorUnits($1.amount, money) ) }
        var paidBy: [NamedAmount] = []
        if positiveEquity != 0 { paidBy.append(NamedAmount(name: "Net trade-in allowance", amount: money.decimal(positiveEquity))) }
        if rebatesTotal != 0 { paidBy.append(NamedAmount(name: "Rebates", amount: money.decimal(rebatesTotal))) }
        let cash = dueTotal - positiveEquity - rebatesTotal
        paidBy.append(NamedAmount(name: "Cash", amount: money.decimal(cash)))
        let paymentsAfterSigning = Int128(q - (advance ? 1 : 0)) * payment
        let totalOfPayments = dueTotal - deposit + paymentsAfterSigning + dispositionFee

        // MARK: Dates
        var firstDate: CivilDate? = nil, endDate: CivilDate? = nil
        if let contract = lease.contractDate {
            let expected: CivilDate
            if advance { expected = contract } else {
                do { expected = try lease.frequency.date(byAddingPeriods: 1, to: contract) } catch {
                    throw DealError.invalidArgument("contractDate", "expected a date whose first payment date is in the calendar range, found \(contract)")
                }
            }
            if let given = lease.firstPaymentDate, given != expected {
                throw DealError(code: .unsupported, path: "firstPaymentDate", message: "expected no firstPaymentDate or \(expected) (\(advance ? "the contract date: payments in advance" : "one period after the contract date"); odd first periods are not computed for leases), found \(given)")
            }
            firstDate = expected
            do { endDate = try lease.frequency.date(byAddingPeriods: n, to: contract) } catch {
                throw DealError.invalidArgument("term", "expected the lease to end within the years 1 to 9999, found it beyond")
            }
        } else if lease.firstPaymentDate != nil {
            throw DealError.invalidArgument("firstPaymentDate", "expected a contractDate with a firstPaymentDate, found none")
        }

        // MARK: Schedule
        var schedule: [LeaseScheduleRow]? = nil
        if includeSchedule {
            var rows: [LeaseScheduleRow] = []
            rows.reserveCapacity(q)
            var balance = adjusted
            for number in 1...q {
                var depreciationPart: Int128, rent: Int128
                if lease.onePay {
                    depreciationPart = depreciation
                    rent = base - depreciation
                } else if lease.rateMethod == .moneyFactor {
                    let before = try round(ExactRatio(depreciation * Int128(number - 1)) / periods, rule, path: "schedule")
                    let after = try round(ExactRatio(depreciation * Int128(number)) / periods, rule, path: "schedule")
                    depreciationPart = try minor(after - before)
                    rent = base - depreciationPart
                } else {
                    let rentBase = advance ? balance - base : balance
                    if number == q {
                        rent = residual - balance + base
                    } else {
                        let rate = periodicRate!
                        rent = try minor(try round(ExactRatio(rentBase) * ExactRatio(rate.numerator, rate.denominator), lease.rounding.interest, path: "schedule"))
                    }
                    depreciationPart = base - rent
                }
                balance -= depreciationPart
                let date: CivilDate? = try firstDate.map { (first) throws(DealError) in try RetailLoan.date(lease.frequency, index: number - 1, first: first) }
                rows.append(LeaseScheduleRow(number: number, date: date, payment: money.decimal(base), depreciation: money.decimal(depreciationPart),
                                             rentCharge: money.decimal(rent), balance: money.decimal(balance)))
            }
            schedule = rows
        }

        let hasNamedComponents = lease.tax.map { !($0.components.count == 1 && $0.components[0].name == "Sales tax") } ?? false
        let mfDisplay: ExactDecimal
        if case .moneyFactor(let given) = lease.rate, lease.rateMethod == .moneyFactor, moneyFactorBefore == nil {
            mfDisplay = given
        } else {
            mfDisplay = try Self.decimal(moneyFactor, significantDigits: 24, path: "moneyFactor")
        }
        return LeaseQuote(
            currency: lease.currency, rateMethod: lease.rateMethod,
            msrp: msrp.map(money.decimal), sellingPrice: money.decimal(price),
            addOnsTotal: money.decimal(addOnsTotal), productsTotal: money.decimal(productsTotal),
            feesCapitalized: money.decimal(feesCapitalized), feesDueAtSigning: money.decimal(feesAtSigning),
            tradeInAllowance: lease.tradeIns.isEmpty ? nil : money.decimal(allowance),
            tradeInPayoff: lease.tradeIns.isEmpty ? nil : money.decimal(payoff),
            tradeInEquity: lease.tradeIns.isEmpty ? nil : money.decimal(equity),
            downPayment: money.decimal(d), downPaymentSolved: solved, totalCash: totalCash.map(money.decimal),
            rebatesTotal: money.decimal(rebatesTotal),
            capitalizedTaxes: e.capitalizedTax.isZero ? nil : money.decimal(try minor(e.capitalizedTax)),
            capitalizedDriveOff: x == 0 ? nil : money.decimal(x),
            grossCapitalizedCost: money.decimal(try minor(e.gross)), capitalizedCostReduction: money.decimal(reduction),
            adjustedCapitalizedCost: money.decimal(adjusted),
            residualOnVehicle: money.decimal(residualVehicle), residualOnAddOns: residualAddOns.map(money.decimal),
            residualValue: money.decimal(residual), depreciation: money.decimal(depreciation),
            periodicDepreciation: money.decimal(try minor(periodicDepreciation)), periodicRentCharge: money.decimal(try minor(periodicRent)),
            rentCharge: money.decimal(rentCharge),
            moneyFactor: mfDisplay,
            moneyFactorFraction: moneyFactor.smallParts.map { FractionText(numerator: $0.0, denominator: $0.1) }
                ?? FractionText(text: "\(moneyFactor.numerator.decimalText)/\(moneyFactor.denominator.decimalText)"),
            moneyFactorBeforeDeposits: try moneyFactorBefore.map { (value) throws(DealError) in try Self.decimal(value, significantDigits: 24, path: "moneyFactor") },
            moneyFactorFromApr: mfFromApr,
            equivalentApr: lease.rateMethod == .moneyFactor ? try Self.decimal(moneyFactor * ExactRatio(2400), significantDigits: 24, path: "moneyFactor") : nil,
            apr: apr, aprFromMoneyFactor: aprFromMF, periodicRate: periodicRate,
            periodicPayment: LeasePayment(net: money.decimal(base), tax: money.decimal(try minor(e.paymentTax)), total: money.decimal(payment),
                                          taxLines: hasNamedComponents && lease.tax?.method == .monthly
                                            ? NamedAmountList(list: try e.paymentTaxes.enumerated().map { (item) throws(DealError) in NamedAmount(name: taxComponents[item.offset].0, amount: money.decimal(try minor(item.element))) }) : nil),
            unroundedPayment: try Self.unrounded(e.exactPayment, money: money),
            numberOfPayments: q, term: n, frequency: lease.frequency, paymentTiming: lease.paymentTiming, onePay: lease.onePay,
            securityDeposit: deposit == 0 && lease.securityDeposits == nil && lease.multipleSecurityDeposits == nil ? nil : money.decimal(deposit),
            securityDepositEach: try e.depositEach.map { (each) throws(DealError) in money.decimal(try minor(each)) },
            securityDepositCount: depositCount,
            taxMethod: lease.tax?.method, taxCapitalized: lease.tax?.capitalized ?? false,
            capitalizedTaxBase: lease.tax.flatMap { $0.method == .upfrontOnPayments && $0.capitalized ? $0.capitalizedTaxBase : nil },
            upfrontTaxBase: try e.upfrontBase.map { (base) throws(DealError) in money.decimal(try minor(try round(base, .toNearestOrAway, path: "tax"))) },
            upfrontTax: lease.tax == nil ? nil : money.decimal(try minor(e.upfrontTax)),
            upfrontTaxLines: lease.tax == nil ? nil : NamedAmountList(list: try e.upfrontTaxes.enumerated().map { (item) throws(DealError) in NamedAmount(name: taxComponents[item.offset].0, amount: money.decimal(try minor(item.element))) }),
            disclosedDownPayment: money.decimal(max(0, d + rebatesTotal + equity)),
            dueAtSigning: LeaseDueAtSigning(total: money.decimal(dueTotal), items: items, paidBy: paidBy),
            cashDueAtSigning: money.decimal(cash),
            dispositionFee: money.decimal(dispositionFee),
            totalOfPayments: money.decimal(totalOfPayments),
            firstPaymentDate: firstDate, leaseEndDate: endDate, schedule: schedule, rounding: lease.rounding)
    }

    static func minorUnits(_ amount: ExactDecimal, _ money: MinorUnits) -> Int128 {
        var coefficient = amount.coefficient
        for _ in amount.scale..<money.currency.minorUnitDigits { coefficient *= 10 }
        return coefficient
    }

    /// The exact payment in major units with at least 20 significant digits.
    static func unrounded(_ value: ExactRatio, money: MinorUnits) throws(DealError) -> ExactDecimal {
        var unit: Int128 = 1
        for _ in 0..<money.currency.minorUnitDigits { unit *= 10 }
        return try decimal(value / ExactRatio(unit), significantDigits: 20, path: "")
    }

    /// A value of the result as a decimal; `overflow` when its whole part needs more than 38
    /// digits.
    static func decimal(_ value: ExactRatio, significantDigits: Int, path: String) throws(DealError) -> ExactDecimal {
        guard let decimal = value.decimal(significantDigits: significantDigits) else {
            throw DealError(code: .overflow, path: path, message: "a lease value needs more than 38 digits")
        }
        return decimal
    }
}
