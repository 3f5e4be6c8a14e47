// DealFinance — exact deal finance. DealEngine: the common lease quote in integers.

import DealDecimal

extension Lease {
    /// The quote of a common lease computed in integers: the money-factor method, periodic
    /// payments (not one-pay), the down payment given (no zero drive-off or total cash), no
    /// multiple security deposits, and no tax or a monthly tax (not capitalized).
    ///
    /// Every line is the same rational value the general pipeline (``LeaseModel``) rounds,
    /// held as one integer fraction and rounded by the same rule, so the result is identical;
    /// the lists of the result are kept as parts (``LeaseDueAtSigning/LeaseParts``,
    /// ``TaxAmounts``) and the money factor's fraction as its two integers, so that no array
    /// or string is built. Nil for any other lease, for any input the general pipeline would
    /// reject and for any intermediate that would not fit in `Int128`: the general pipeline then
    /// gives the result or the error.
    ///
    /// ```swift
    /// lease.fastQuote(includeSchedule: false) == (try? lease.generalQuote(includeSchedule: false))   // true (or nil)
    /// ```
    @inline(__always)
    func fastQuote(includeSchedule: Bool) -> LeaseQuote? {
        guard rounding.keepsLeaseFastPath, rateMethod == .moneyFactor, multipleSecurityDeposits == nil, !onePay, case .downPayment = driveOff else { return nil }
        let n = term
        guard n >= 1, n <= Limits.maximumTerm, addOns.count <= Limits.maximumItems, products.count <= Limits.maximumItems,
              fees.count <= Limits.maximumItems, rebates.count <= Limits.maximumItems, tradeIns.count <= Limits.maximumTradeIns
        else { return nil }
        let advance = paymentTiming == .advance
        let money = MinorUnits(currency)
        let rule = rounding.payment, taxRule = rounding.tax

        // MARK: Amounts (the general pipeline's checks, as conditions)
        guard let price = try? money.amount(sellingPrice, path: ""), price > 0 else { return nil }
        var msrpMinor: Int128? = nil
        if let msrp {
            guard let value = try? money.amount(msrp, path: "") else { return nil }
            msrpMinor = value
        }
        var vehiclePercent: ExactDecimal? = nil
        let residualVehicle: Int128
        switch residual {
        case .percent(let percent):
            guard MinorUnits.isPercent(percent), let msrpMinor,
                  let value = try? money.percentage(of: msrpMinor, percent: percent, rule: rounding.percentAmount, path: "")
            else { return nil }
            vehiclePercent = percent
            residualVehicle = value
        case .amount(let amount):
            guard let value = try? money.amount(amount, path: "") else { return nil }
            residualVehicle = value
        }
        var addOnsTotal: Int128 = 0, addOnResidual: Int128 = 0, anyResidualized = false
        for item in addOns {
            guard let amount = try? money.amount(item.amount, path: "") else { return nil }
            addOnsTotal += amount
            if item.residualized {
                anyResidualized = true
                guard let percent = item.residualPercent ?? vehiclePercent, MinorUnits.isPercent(percent),
                      let value = try? money.percentage(of: amount, percent: percent, rule: rounding.percentAmount, path: "")
                else { return nil }
                addOnResidual += value
            } else if item.residualPercent != nil {
                return nil
            }
        }
        let residualTotal = residualVehicle + addOnResidual
        var productsTotal: Int128 = 0
        for item in products {
            guard let amount = try? money.amount(item.amount, path: "") else { return nil }
            productsTotal += amount
        }
        var feesCapitalized: Int128 = 0, feesAtSigning: Int128 = 0, taxableSigning: Int128 = 0
        for fee in fees {
            guard let amount = try? money.amount(fee.amount, path: "") else { return nil }
            if fee.capitalized { feesCapitalized += amount } else {
                feesAtSigning += amount
                if fee.taxable { taxableSigning += amount }
            }
        }
        var allowance: Int128 = 0, payoff: Int128 = 0
        for tradeIn in tradeIns {
            guard let a = try? money.amount(tradeIn.allowance, path: ""), let p = try? money.amount(tradeIn.payoff, path: "") else { return nil }
            allowance += a
            payoff += p
        }
        let equity = allowance - payoff
        let positiveEquity = max(0, equity), negativeEquity = max(0, -equity)
        var rebatesTotal: Int128 = 0
        for rebate in rebates {
            guard let amount = try? money.amount(rebate.amount, path: "") else { return nil }
            rebatesTotal += amount
        }
        guard let cashDown = try? money.amount(downPayment, path: ""),
              let dispositionMinor = try? money.amount(dispositionFee, path: "") else { return nil }

        // MARK: Rate: the money factor m/D as the general pipeline holds it (not reduced)
        let periodsPerYear = Int128(frequency.periodsPerYear)
        let mfNumerator: Int128, mfDenominator: Int128, fromApr: Bool
        switch rate {
        case .moneyFactor(let value):
            guard LeaseModel.isMoneyFactor(value) else { return nil }
            mfNumerator = value.coefficient
            mfDenominator = Int128(ExactRatio.tenToThe(value.scale))
            fromApr = false
        case .apr(let value):
            guard (try? PeriodicRate(annualPercentage: value, periodsPerYear: frequency.periodsPerYear, path: "")) != nil,
                  value.scale <= 30 else { return nil }
            // ExactRatio(apr) / ExactRatio(2400): coefficient / (10^scale · 2400).
            mfNumerator = value.coefficient
            mfDenominator = Int128(ExactRatio.tenToThe(value.scale)) * 2400
            fromApr = true
        }

        // MARK: Tax (monthly or none)
        var taxCount = 0
        if let tax {
            guard tax.method == .monthly, !tax.capitalized, !tax.components.isEmpty,
                  tax.components.count <= Limits.maximumTaxComponents else { return nil }
            for component in tax.components where !MinorUnits.isPercent(component.rate) { return nil }
            taxCount = tax.components.count
        }

        // MARK: Deposits
        var plainDeposit: Int128 = 0, plainDepositEach: Int128? = nil
        if let deposits = securityDeposits {
            guard deposits.count >= 1, deposits.count <= Limits.maximumSecurityDeposits,
                  let each = try? money.amount(deposits.amount, path: "") else { return nil }
            plainDepositEach = each
            plainDeposit = each * Int128(deposits.count)
        }

        // MARK: The pipeline, rounded (d = the down payment, nothing capitalized)
        let d = cashDown
        let reduction = d + positiveEquity + rebatesTotal
        let gross = price + addOnsTotal + productsTotal + feesCapitalized + negativeEquity
        let adjusted = gross - reduction
        guard adjusted > 0, residualTotal < adjusted else { return nil }
        // P*(C) = (C − R)/n + (C + R)·12m/(D·ppy) = N/L with L = n·D·ppy.
        guard let dPpy = Self.product(mfDenominator, periodsPerYear), let l = Self.product(Int128(n), dPpy),
              let rentFactorNumerator = Self.product(12 * Int128(n), mfNumerator),
              let straightPart = Self.product(adjusted - residualTotal, dPpy),
              let rentPart = Self.product(adjusted + residualTotal, rentFactorNumerator)
        else { return nil }
        let (exactNumerator, overflow) = straightPart.addingReportingOverflow(rentPart)
        guard !overflow, let base = Self.round(exactNumerator, l, rule) else { return nil }

        var taxableOther: Int128 = 0
        var upfrontTaxes: TaxAmounts? = nil, paymentTaxes: TaxAmounts? = nil
        if let tax {
            if tax.taxCashDown { taxableOther += d }
            if !tax.tradeInCredit { taxableOther += positiveEquity }
            if !tax.rebatesReduceTaxBase { taxableOther += rebatesTotal }
            taxableOther += taxableSigning
            var upfront = TaxAmounts(), onPayment = TaxAmounts()
            for index in 0..<taxCount {
                let rate = tax.components[index].rate
                // rate % = coefficient / (10^scale · 100)
                let denominator = Int128(ExactRatio.tenToThe(rate.scale)) * 100
                guard let upfrontNumerator = Self.product(rate.coefficient, taxableOther),
                      let upfrontValue = Self.round(upfrontNumerator, denominator, taxRule),
                      let paymentNumerator = Self.product(rate.coefficient, base),
                      let paymentValue = Self.round(paymentNumerator, denominator, taxRule)
                else { return nil }
                upfront.append(upfrontValue)
                onPayment.append(paymentValue)
            }
            upfrontTaxes = upfront
            paymentTaxes = onPayment
        }
        let paymentTax = paymentTaxes?.total ?? 0
        let payment = base + paymentTax
        let upfrontTax = upfrontTaxes?.total ?? 0

        // MARK: Result lines
        let depreciation = adjusted - residualTotal
        guard let periodicDepreciation = Self.round(depreciation, Int128(n), rule),
              let periodicRent = Self.round(rentPart, l, rule) else { return nil }
        let q = n
        let rentCharge = Int128(q) * base - depreciation
        let dueTotal = reduction + (advance ? payment : 0) + plainDeposit + feesAtSigning + upfrontTax
        let cash = dueTotal - positiveEquity - rebatesTotal
        let paymentsAfterSigning = Int128(q - (advance ? 1 : 0)) * payment
        let totalOfPayments = dueTotal - plainDeposit + paymentsAfterSigning + dispositionMinor

        // MARK: Dates
        var firstDate: CivilDate? = nil, endDate: CivilDate? = nil
        if let contract = contractDate {
            let expected: CivilDate
            if advance { expected = contract } else {
                guard let date = try? frequency.date(byAddingPeriods: 1, to: contract) else { return nil }
                expected = date
            }
            if let given = firstPaymentDate, given != expected { return nil }
            firstDate = expected
            guard let end = try? frequency.date(byAddingPeriods: n, to: contract) else { return nil }
            endDate = end
        } else if firstPaymentDate != nil {
            return nil
        }

        // MARK: Schedule (straight-line depreciation, rounded cumulatively)
        var schedule: [LeaseScheduleRow]? = nil
        if includeSchedule {
            var rows: [LeaseScheduleRow] = []
            rows.reserveCapacity(q)
            var balance = adjusted
            var before: Int128 = 0
            for number in 1...q {
                guard let after = Self.round(depreciation * Int128(number), Int128(n), rule) else { return nil }
                let depreciationPart = after - before
                before = after
                balance -= depreciationPart
                var date: CivilDate? = nil
                if let firstDate {
                    guard let value = try? RetailLoan.date(frequency, index: number - 1, first: firstDate) else { return nil }
                    date = value
                }
                rows.append(LeaseScheduleRow(number: number, date: date, payment: money.decimal(base), depreciation: money.decimal(depreciationPart),
                                             rentCharge: money.decimal(base - depreciationPart), balance: money.decimal(balance)))
            }
            schedule = rows
        }

        let mfDisplay: ExactDecimal
        let equivalentApr: ExactDecimal
        if case .moneyFactor(let given) = rate {
            mfDisplay = given
            // (m/10^s)·2400 terminates: m·2400 at scale s without its trailing zeros.
            equivalentApr = Self.leastScale(coefficient: mfNumerator * 2400, scale: given.scale)
        } else {
            guard let display = ExactRatio(mfNumerator, mfDenominator).decimal(significantDigits: 24),
                  let apr = (ExactRatio(mfNumerator, mfDenominator) * ExactRatio(2400)).decimal(significantDigits: 24) else { return nil }
            mfDisplay = display
            equivalentApr = apr
        }
        guard let unitL = Self.product(l, money.unit), let unroundedPayment = ExactRatio(exactNumerator, unitL).decimal(significantDigits: 20) else { return nil }
        let hasNamedComponents = tax.map { !($0.components.count == 1 && $0.components[0].name == "Sales tax") } ?? false
        let hasTradeIns = !tradeIns.isEmpty
        let parts = LeaseDueAtSigning.LeaseParts(
            currency: currency, reduction: reduction, firstPayment: advance ? payment : nil, onePay: false, deposit: plainDeposit,
            fees: fees, components: tax?.components ?? [], upfrontTaxes: upfrontTaxes, positiveEquity: positiveEquity, rebates: rebatesTotal, cash: cash)
        return LeaseQuote(
            currency: currency, rateMethod: .moneyFactor,
            msrp: msrpMinor.map(money.decimal), sellingPrice: money.decimal(price),
            addOnsTotal: money.decimal(addOnsTotal), productsTotal: money.decimal(productsTotal),
            feesCapitalized: money.decimal(feesCapitalized), feesDueAtSigning: money.decimal(feesAtSigning),
            tradeInAllowance: hasTradeIns ? money.decimal(allowance) : nil,
            tradeInPayoff: hasTradeIns ? money.decimal(payoff) : nil,
            tradeInEquity: hasTradeIns ? money.decimal(equity) : nil,
            downPayment: money.decimal(d), downPaymentSolved: false, totalCash: nil,
            rebatesTotal: money.decimal(rebatesTotal),
            capitalizedTaxes: nil, capitalizedDriveOff: nil,
            grossCapitalizedCost: money.decimal(gross), capitalizedCostReduction: money.decimal(reduction),
            adjustedCapitalizedCost: money.decimal(adjusted),
            residualOnVehicle: money.decimal(residualVehicle), residualOnAddOns: anyResidualized ? money.decimal(addOnResidual) : nil,
            residualValue: money.decimal(residualTotal), depreciation: money.decimal(depreciation),
            periodicDepreciation: money.decimal(periodicDepreciation), periodicRentCharge: money.decimal(periodicRent),
            rentCharge: money.decimal(rentCharge),
            moneyFactor: mfDisplay,
            moneyFactorFraction: FractionText(numerator: mfNumerator, denominator: mfDenominator),
            moneyFactorBeforeDeposits: nil,
            moneyFactorFromApr: fromApr,
            equivalentApr: equivalentApr,
            apr: nil, aprFromMoneyFactor: false, periodicRate: nil,
            periodicPayment: LeasePayment(net: money.decimal(base), tax: money.decimal(paymentTax), total: money.decimal(payment),
                                          taxLines: hasNamedComponents ? paymentTaxes.map { NamedAmountList(currency: currency, components: tax?.components ?? [], taxes: $0) } : nil),
            unroundedPayment: unroundedPayment,
            numberOfPayments: q, term: n, frequency: frequency, paymentTiming: paymentTiming, onePay: false,
            securityDeposit: securityDeposits == nil && plainDeposit == 0 ? nil : money.decimal(plainDeposit),
            securityDepositEach: plainDepositEach.map(money.decimal),
            securityDepositCount: securityDeposits?.count,
            taxMethod: tax?.method, taxCapitalized: false, capitalizedTaxBase: nil,
            upfrontTaxBase: tax == nil ? nil : money.decimal(taxableOther),
            upfrontTax: tax == nil ? nil : money.decimal(upfrontTax),
            upfrontTaxLines: upfrontTaxes.map { NamedAmountList(currency: currency, components: tax?.components ?? [], taxes: $0) },
            disclosedDownPayment: money.decimal(max(0, d + rebatesTotal + equity)),
            dueAtSigning: LeaseDueAtSigning(total: money.decimal(dueTotal), parts: parts),
            cashDueAtSigning: money.decimal(cash),
            dispositionFee: money.decimal(dispositionMinor),
            totalOfPayments: money.decimal(totalOfPayments),
            firstPaymentDate: firstDate, leaseEndDate: endDate, schedule: schedule, rounding: rounding)
    }

    /// `numerator / denominator` (denominator > 0) rounded as ``ExactRatio/rounded(_:)`` rounds
    /// it (`requireExact` as `toNearestOrAway`); nil if it does not fit.
    ///
    /// Parts below 2^63 take one 64-bit division (`Int128` division is a library call for
    /// the quotient and another for the remainder); the rule is applied by the same
    /// ``RoundingRule/adjust(truncated:negative:remainderVersusHalf:)`` either way.
    @inline(__always)
    static func round(_ numerator: Int128, _ denominator: Int128, _ rule: RoundingRule) -> Int128? {
        let effective = rule == .requireExact ? RoundingRule.toNearestOrAway : rule
        if let n = int64(numerator), let d = int64(denominator), d > 0 {
            let (quotient, remainder) = n.quotientAndRemainder(dividingBy: d)
            if remainder == 0 { return Int128(quotient) }
            let r = remainder.magnitude, rest = UInt64(d) - r
            return try? effective.adjust(truncated: Int128(quotient), negative: n < 0, remainderVersusHalf: r < rest ? -1 : (r == rest ? 0 : 1))
        }
        return try? effective.divide(numerator, by: denominator)
    }

    /// `a · b`, nil on overflow (factors below 2^63 in magnitude multiply without the check).
    @inline(__always)
    static func product(_ a: Int128, _ b: Int128) -> Int128? {
        if let x = int64(a), let y = int64(b) { return Int128(x) &* Int128(y) }
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : value
    }

    /// The value as an `Int64` if it is one (two comparisons, no generic conversion).
    @inline(__always)
    static func int64(_ value: Int128) -> Int64? {
        let narrow = Int64(truncatingIfNeeded: value)
        return Int128(narrow) == value ? narrow : nil
    }

    /// `coefficient / 10^scale` at the least scale at which it is exact (what
    /// ``ExactRatio/terminatingDecimal()`` gives for it); coefficient below 10^38.
    static func leastScale(coefficient: Int128, scale: Int) -> ExactDecimal {
        if coefficient == 0 { return .zero }
        if var c = int64(coefficient) {
            var s = scale
            while s > 0, c % 10 == 0 {
                c /= 10
                s -= 1
            }
            return ExactDecimal(checkedCoefficient: Int128(c), scale: s)
        }
        var c = coefficient, s = scale
        while s > 0, c % 10 == 0 {
            c /= 10
            s -= 1
        }
        return ExactDecimal(checkedCoefficient: c, scale: s)
    }
}
