// DealFinance — exact deal finance. DealEngine: the lease pipeline (constants, evaluation, solves).

import DealDecimal

/// The lease's constants and its pipeline, evaluated exactly (for the solves) or with the
/// profile's roundings (for the result). Internal; Documentation/Lease.md is the definition.
struct LeaseModel {
    let lease: Lease
    let money: MinorUnits
    let rule: RoundingRule
    let taxRule: RoundingRule
    // Amounts (minor units)
    let price: Int128, msrp: Int128?, addOnsTotal: Int128, taxableAddOns: Int128
    let productsTotal: Int128, taxableProducts: Int128
    let feesCapitalized: Int128, feesAtSigning: Int128, taxableFeesAll: Int128, taxableFeesAtSigning: Int128
    let signingFees: [(String, Int128)]
    let allowance: Int128, payoff: Int128, equity: Int128, positiveEquity: Int128, negativeEquity: Int128
    let rebatesTotal: Int128, cashDown: Int128, dispositionFee: Int128
    let residualVehicle: Int128, residualAddOns: Int128?, residual: Int128
    // Rate
    let n: Int, q: Int, advance: Bool
    let moneyFactor: ExactRatio, moneyFactorBefore: ExactRatio?, mfFromApr: Bool
    let rentFactor: ExactRatio
    let periodicRate: PeriodicRate?, apr: ExactDecimal?, aprFromMF: Bool
    let beta: ExactRatio, paymentAtZero: ExactRatio
    // Tax
    let taxComponents: [(String, ExactRatio)]
    let taxTotalRate: ExactRatio
    // Deposits
    let plainDeposit: Int128?, plainDepositEach: Int128?, depositCount: Int?
    let msdRoundUp: Int128?

    init(_ lease: Lease) throws(DealError) {
        self.lease = lease
        let money = MinorUnits(lease.currency)
        self.money = money
        rule = lease.rounding.payment
        taxRule = lease.rounding.tax
        n = lease.term
        guard (1...Lease.Limits.maximumTerm).contains(n) else {
            throw DealError.invalidArgument("term", "expected a number of periods from 1 to \(Lease.Limits.maximumTerm), found \(n)")
        }
        try RetailLoan.checkCount(lease.addOns.count, Lease.Limits.maximumItems, "addOns")
        try RetailLoan.checkCount(lease.products.count, Lease.Limits.maximumItems, "products")
        try RetailLoan.checkCount(lease.fees.count, Lease.Limits.maximumItems, "fees")
        try RetailLoan.checkCount(lease.rebates.count, Lease.Limits.maximumItems, "rebates")
        try RetailLoan.checkCount(lease.tradeIns.count, Lease.Limits.maximumTradeIns, "tradeIns")
        advance = lease.paymentTiming == .advance
        if lease.onePay {
            guard advance else { throw DealError.invalidArgument("onePay", "expected paymentTiming advance for a one-pay lease (the single payment is due at signing), found arrears") }
            guard case .downPayment = lease.driveOff else {
                throw DealError.invalidArgument("onePay", "expected no zeroDriveOff or totalCash with a one-pay lease (its single payment cannot be capitalized), found one")
            }
        }
        q = lease.onePay ? 1 : n

        // MARK: Amounts
        price = try money.amount(lease.sellingPrice, path: "sellingPrice")
        guard price > 0 else { throw DealError.invalidArgument("sellingPrice", "expected a selling price above zero, found \(lease.sellingPrice)") }
        msrp = try lease.msrp.map { (value) throws(DealError) in try money.amount(value, path: "msrp") }
        var vehiclePercent: ExactDecimal? = nil
        switch lease.residual {
        case .percent(let percent):
            try MinorUnits.checkPercent(percent, path: "residual.percent", what: "a residual percentage")
            guard let msrp else { throw DealError.invalidArgument("msrp", "expected an msrp because the residual is a percentage of it, found none") }
            vehiclePercent = percent
            residualVehicle = try money.percentage(of: msrp, percent: percent, rule: lease.rounding.percentAmount, path: "residual.percent")
        case .amount(let amount):
            residualVehicle = try money.amount(amount, path: "residual.amount")
        }
        var addOnsTotal: Int128 = 0, taxableAddOns: Int128 = 0, addOnResidual: Int128 = 0, anyResidualized = false
        for (index, item) in lease.addOns.enumerated() {
            let amount = try money.amount(item.amount, path: "addOns.\(index).amount")
            addOnsTotal += amount
            if item.taxable { taxableAddOns += amount }
            if item.residualized {
                anyResidualized = true
                guard let percent = item.residualPercent ?? vehiclePercent else {
                    throw DealError.invalidArgument("addOns.\(index).residualPercent", "expected a residualPercent for a residualized add-on when the residual is an amount, found none")
                }
                try MinorUnits.checkPercent(percent, path: "addOns.\(index).residualPercent", what: "a residual percentage")
                addOnResidual += try money.percentage(of: amount, percent: percent, rule: lease.rounding.percentAmount, path: "addOns.\(index).residualPercent")
            } else if item.residualPercent != nil {
                throw DealError.invalidArgument("addOns.\(index).residualized", "expected residualized true (or absent) when a residualPercent is given, found false")
            }
        }
        self.addOnsTotal = addOnsTotal
        self.taxableAddOns = taxableAddOns
        residualAddOns = anyResidualized ? addOnResidual : nil
        residual = residualVehicle + addOnResidual
        var productsTotal: Int128 = 0, taxableProducts: Int128 = 0
        for (index, item) in lease.products.enumerated() {
            let amount = try money.amount(item.amount, path: "products.\(index).amount")
            productsTotal += amount
            if item.taxable { taxableProducts += amount }
        }
        self.productsTotal = productsTotal
        self.taxableProducts = taxableProducts
        var feesCapitalized: Int128 = 0, feesAtSigning: Int128 = 0, taxableAll: Int128 = 0, taxableSigning: Int128 = 0
        var signingFees: [(String, Int128)] = []
        for (index, fee) in lease.fees.enumerated() {
            let amount = try money.amount(fee.amount, path: "fees.\(index).amount")
            if fee.capitalized { feesCapitalized += amount } else {
                feesAtSigning += amount
                signingFees.append((fee.name, amount))
                if fee.taxable { taxableSigning += amount }
            }
            if fee.taxable { taxableAll += amount }
        }
        self.feesCapitalized = feesCapitalized
        self.feesAtSigning = feesAtSigning
        self.taxableFeesAll = taxableAll
        self.taxableFeesAtSigning = taxableSigning
        self.signingFees = signingFees
        var allowance: Int128 = 0, payoff: Int128 = 0
        for (index, tradeIn) in lease.tradeIns.enumerated() {
            allowance += try money.amount(tradeIn.allowance, path: "tradeIns.\(index).allowance")
            payoff += try money.amount(tradeIn.payoff, path: "tradeIns.\(index).payoff")
        }
        self.allowance = allowance
        self.payoff = payoff
        equity = allowance - payoff
        positiveEquity = max(0, equity)
        negativeEquity = max(0, -equity)
        var rebatesTotal: Int128 = 0
        for (index, rebate) in lease.rebates.enumerated() {
            rebatesTotal += try money.amount(rebate.amount, path: "rebates.\(index).amount")
        }
        self.rebatesTotal = rebatesTotal
        cashDown = try money.amount(lease.downPayment, path: "downPayment")
        dispositionFee = try money.amount(lease.dispositionFee, path: "dispositionFee")

        // MARK: Rate
        let periodsPerYear = lease.frequency.periodsPerYear
        switch lease.rateMethod {
        case .moneyFactor:
            var mf: ExactRatio
            switch lease.rate {
            case .moneyFactor(let value):
                try Self.checkMoneyFactor(value, path: "moneyFactor")
                mf = ExactRatio(value)
                mfFromApr = false
            case .apr(let value):
                _ = try PeriodicRate(annualPercentage: value, periodsPerYear: periodsPerYear, path: "apr")
                mf = ExactRatio(value) / ExactRatio(2400)
                if let k = lease.rounding.moneyFactorDecimals {
                    // The money factor as a rate sheet prints it: APR / 2400 rounded half up to k decimals.
                    let scale = ExactRatio(Int128(ExactRatio.tenToThe(k)))
                    guard let units = (mf * scale).rounded(.toNearestOrAway) else {
                        throw DealError(code: .overflow, path: "rounding.moneyFactorDecimals", message: "the money factor kept to \(k) decimals does not fit in 128 bits")
                    }
                    mf = ExactRatio(units) / scale
                }
                mfFromApr = true
            }
            if let msd = lease.multipleSecurityDeposits {
                guard msd.maximumCount >= 1, msd.maximumCount <= 100 else {
                    throw DealError.invalidArgument("multipleSecurityDeposits.maximumCount", "expected a maximum from 1 to 100, found \(msd.maximumCount)")
                }
                guard (1...msd.maximumCount).contains(msd.count) else {
                    throw DealError.invalidArgument("multipleSecurityDeposits.count", "expected a count from 1 to \(msd.maximumCount), found \(msd.count)")
                }
                try Self.checkMoneyFactor(msd.moneyFactorReductionPerDeposit, path: "multipleSecurityDeposits.moneyFactorReductionPerDeposit")
                let reduced = mf - ExactRatio(Int128(msd.count)) * ExactRatio(msd.moneyFactorReductionPerDeposit)
                guard !reduced.isNegative else {
                    throw DealError.invalidArgument("multipleSecurityDeposits.moneyFactorReductionPerDeposit", "expected \(msd.count) reductions of \(msd.moneyFactorReductionPerDeposit) to leave a money factor of 0 or more, found it below 0")
                }
                moneyFactorBefore = mf
                mf = reduced
            } else {
                moneyFactorBefore = nil
            }
            moneyFactor = mf
            rentFactor = mf * ExactRatio(12) / ExactRatio(Int128(periodsPerYear))
            periodicRate = nil
            apr = nil
            aprFromMF = false
            if lease.onePay {
                beta = ExactRatio.one + ExactRatio(Int128(n)) * rentFactor
                paymentAtZero = ExactRatio(residual) * (ExactRatio(Int128(n)) * rentFactor - ExactRatio.one)
            } else {
                let perPeriod = ExactRatio(1, Int128(n))
                beta = perPeriod + rentFactor
                paymentAtZero = ExactRatio(residual) * (rentFactor - perPeriod)
            }
        case .annuity:
            if lease.multipleSecurityDeposits != nil {
                throw DealError.invalidArgument("multipleSecurityDeposits", "expected multiple security deposits only with rateMethod moneyFactor (they lower a money factor), found rateMethod annuity")
            }
            let annual: ExactDecimal
            switch lease.rate {
            case .apr(let value):
                annual = value
                aprFromMF = false
            case .moneyFactor(let value):
                try Self.checkMoneyFactor(value, path: "moneyFactor")
                do { annual = try value * ExactDecimal(2400) } catch {
                    throw DealError(code: .overflow, path: "moneyFactor", message: "moneyFactor × 2400 needs more than 38 digits")
                }
                aprFromMF = true
            }
            let rate = try PeriodicRate(annualPercentage: annual, periodsPerYear: periodsPerYear, path: aprFromMF ? "moneyFactor" : "apr")
                .keeping(lease.rounding.periodicRate)
            periodicRate = rate
            apr = annual
            moneyFactor = ExactRatio(annual) / ExactRatio(2400)
            moneyFactorBefore = nil
            mfFromApr = false
            rentFactor = .zero
            let i = ExactRatio(rate.numerator, rate.denominator)
            let r = WideInteger(rate.denominator + rate.numerator), qd = WideInteger(rate.denominator)
            let vn = ExactRatio(qd.power(n), r.power(n))
            let residualRatio = ExactRatio(residual)
            if lease.onePay {
                beta = .one
                paymentAtZero = -(residualRatio * vn)
            } else if rate.isZero {
                beta = ExactRatio(1, Int128(n))
                paymentAtZero = -(residualRatio * beta)
            } else {
                var b = i / (ExactRatio.one - vn)
                if advance { b = b / (ExactRatio.one + i) }
                beta = b
                paymentAtZero = -(residualRatio * vn * b)
            }
        }

        // MARK: Tax
        if let tax = lease.tax {
            guard !tax.components.isEmpty, tax.components.count <= Lease.Limits.maximumTaxComponents else {
                throw DealError.invalidArgument("tax.components", "expected 1 to \(Lease.Limits.maximumTaxComponents) tax components, found \(tax.components.count)")
            }
            var components: [(String, ExactRatio)] = []
            var total = ExactRatio.zero
            for (index, component) in tax.components.enumerated() {
                try MinorUnits.checkPercent(component.rate, path: tax.components.count == 1 && component.name == "Sales tax" ? "tax.rate" : "tax.components.\(index).rate", what: "a tax rate in percent")
                let rate = ExactRatio(component.rate) / ExactRatio(100)
                components.append((component.name, rate))
                total = total + rate
            }
            taxComponents = components
            taxTotalRate = total
            if tax.method == .monthly && tax.capitalized {
                throw DealError.invalidArgument("tax.capitalized", "expected capitalized only with an upfront method (upfrontOnPayments, upfrontOnPrice), found method monthly")
            }
        } else {
            taxComponents = []
            taxTotalRate = .zero
        }

        // MARK: Deposits
        if lease.securityDeposits != nil && lease.multipleSecurityDeposits != nil {
            throw DealError.invalidArgument("multipleSecurityDeposits", "expected either securityDeposits or multipleSecurityDeposits, found both")
        }
        if let deposits = lease.securityDeposits {
            guard (1...Lease.Limits.maximumSecurityDeposits).contains(deposits.count) else {
                throw DealError.invalidArgument("securityDeposits.count", "expected a count from 1 to \(Lease.Limits.maximumSecurityDeposits), found \(deposits.count)")
            }
            let each = try money.amount(deposits.amount, path: "securityDeposits.amount")
            plainDepositEach = each
            plainDeposit = each * Int128(deposits.count)
            depositCount = deposits.count
        } else {
            plainDeposit = nil
            plainDepositEach = nil
            depositCount = lease.multipleSecurityDeposits?.count
        }
        if let msd = lease.multipleSecurityDeposits {
            let unit = try money.amount(msd.roundUpTo, path: "multipleSecurityDeposits.roundUpTo")
            guard unit > 0 else { throw DealError.invalidArgument("multipleSecurityDeposits.roundUpTo", "expected an amount above zero, found \(msd.roundUpTo)") }
            msdRoundUp = unit
        } else {
            msdRoundUp = nil
        }
        switch lease.driveOff {
        case .downPayment: break
        case .zeroDriveOff, .totalCash:
            let path: String
            if case .zeroDriveOff = lease.driveOff { path = "zeroDriveOff" } else { path = "totalCash" }
            if cashDown != 0 { throw DealError.invalidArgument("downPayment", "expected no downPayment with \(path) (the down payment is solved), found \(lease.downPayment)") }
            if case .zeroDriveOff = lease.driveOff, lease.securityDeposits != nil || lease.multipleSecurityDeposits != nil {
                throw DealError.invalidArgument("zeroDriveOff", "expected no security deposits with zeroDriveOff (refundable deposits are paid in cash; use totalCash), found some")
            }
            if lease.multipleSecurityDeposits != nil {
                throw DealError(code: .unsupported, path: "multipleSecurityDeposits", message: "expected no multiple security deposits in totalCash mode (the deposit is a step function of the solved payment), found some")
            }
        }
    }

    /// Whether a decimal's magnitude is at most 0.1 (the largest money factor): 10·|coefficient|
    /// ≤ 10^scale, in 128 bits (an overflow means above).
    static func isAtMostOneTenth(_ value: ExactDecimal) -> Bool {
        let limit = ExactRatio.tenToThe(value.scale)
        let (tenfold, overflow) = value.coefficient.magnitude.multipliedReportingOverflow(by: 10)
        return !overflow && tenfold <= limit
    }

    /// Whether ``checkMoneyFactor(_:path:)`` accepts `value` (the same check; its message is
    /// built only for a value it rejects).
    ///
    /// ```swift
    /// LeaseModel.isMoneyFactor(try ExactDecimal(parsing: "0.00250"))   // true
    /// ```
    static func isMoneyFactor(_ value: ExactDecimal) -> Bool {
        (try? checkMoneyFactor(value, path: "")) != nil
    }

    static func checkMoneyFactor(_ value: ExactDecimal, path: String) throws(DealError) {
        guard !value.isNegative, isAtMostOneTenth(value) else {
            throw DealError.invalidArgument(path, "expected a money factor from 0 to 0.1 (a plain decimal such as 0.00250), found \(value)")
        }
        guard value.scale <= Lease.Limits.maximumMoneyFactorDecimals else {
            throw DealError.invalidArgument(path, "expected at most \(Lease.Limits.maximumMoneyFactorDecimals) decimal places in a money factor, found \(value.scale) in \(value)")
        }
    }

    // MARK: - The pipeline

    /// Every amount of the pipeline, in minor units (integers when rounded).
    struct Evaluation {
        var d: ExactRatio, x: ExactRatio
        var capitalizedTax: ExactRatio
        var gross: ExactRatio, reduction: ExactRatio, adjusted: ExactRatio
        var exactPayment: ExactRatio
        var base: ExactRatio
        var paymentTaxes: [ExactRatio]
        var paymentTax: ExactRatio
        var payment: ExactRatio
        var upfrontBase: ExactRatio?
        var upfrontTaxes: [ExactRatio]
        var upfrontTax: ExactRatio
        var upfrontAtSigning: Bool
        var deposit: ExactRatio
        var depositEach: ExactRatio?
        var cashDue: ExactRatio
        var usedLevelPayment: Bool
    }

    func round(_ value: ExactRatio, _ rule: RoundingRule, path: String) throws(DealError) -> ExactRatio {
        guard let integer = value.rounded(rule) else {
            throw DealError(code: .overflow, path: path, message: "an amount does not fit in 128 bits")
        }
        return ExactRatio(integer)
    }

    /// A base payment (or part) rounded by the payment rule to the minor unit, or to the
    /// profile's payment increment.
    func roundBase(_ value: ExactRatio) throws(DealError) -> ExactRatio {
        guard let exponent = lease.rounding.paymentIncrementExponent, exponent != -money.currency.minorUnitDigits else {
            return try round(value, rule, path: "periodicPayment")
        }
        let steps = exponent + money.currency.minorUnitDigits
        guard steps > 0, steps <= 12 else {
            throw DealError.invalidArgument("rounding.paymentIncrement", "expected an increment from the minor unit of \(money.currency.code) to 10^12 minor units, found 10^\(exponent)")
        }
        let increment = ExactRatio(Int128(ExactRatio.tenToThe(steps)))
        return try round(value / increment, rule, path: "periodicPayment") * increment
    }

    /// P*(C) = P*(0) + β·C.
    func exactPayment(_ adjusted: ExactRatio) -> ExactRatio { paymentAtZero + beta * adjusted }

    /// Evaluates every line for a cash down payment `d` and a capitalized drive-off `x`,
    /// exactly (`rounded == false`) or with the profile's roundings.
    func evaluate(d: ExactRatio, x: ExactRatio, rounded: Bool) throws(DealError) -> Evaluation {
        let tax = lease.tax
        let reduction = d + ExactRatio(positiveEquity + rebatesTotal)
        let grossBeforeTax = ExactRatio(price + addOnsTotal + productsTotal + feesCapitalized + negativeEquity) + x
        let adjustedBeforeTax = grossBeforeTax - reduction
        // Taxable items other than payments (K).
        var taxableOther = ExactRatio.zero
        if let tax {
            if tax.taxCashDown { taxableOther = taxableOther + d }
            if !tax.tradeInCredit { taxableOther = taxableOther + ExactRatio(positiveEquity) }
            if !tax.rebatesReduceTaxBase { taxableOther = taxableOther + ExactRatio(rebatesTotal) }
            taxableOther = taxableOther + ExactRatio(taxableFeesAtSigning)
        }
        func taxes(on base: ExactRatio) throws(DealError) -> [ExactRatio] {
            var result: [ExactRatio] = []
            if rounded && lease.rounding.taxLines == .onTotal && taxComponents.count > 1 {
                // The total rounded once; the last line takes what the others leave.
                let total = try round(taxTotalRate * base, taxRule, path: "tax")
                var others = ExactRatio.zero
                for (_, rate) in taxComponents.dropLast() {
                    let line = try round(rate * base, taxRule, path: "tax")
                    result.append(line)
                    others = others + line
                }
                result.append(total - others)
                return result
            }
            for (_, rate) in taxComponents {
                result.append(rounded ? try round(rate * base, taxRule, path: "tax") : rate * base)
            }
            return result
        }
        let qRatio = ExactRatio(Int128(q))
        var upfrontBase: ExactRatio? = nil
        var upfrontTaxes: [ExactRatio] = []
        var capitalizedTax = ExactRatio.zero
        var atSigning = true
        // Taxes that do not depend on the final payment, or are capitalized.
        if let tax {
            switch tax.method {
            case .monthly:
                upfrontBase = taxableOther
                upfrontTaxes = try taxes(on: taxableOther)
            case .upfrontOnPrice:
                var base = ExactRatio(price + taxableAddOns + taxableProducts + taxableFeesAll)
                if tax.tradeInCredit { base = base - ExactRatio(allowance) }
                if tax.rebatesReduceTaxBase { base = base - ExactRatio(rebatesTotal) }
                if base.isNegative { base = .zero }
                upfrontBase = base
                upfrontTaxes = try taxes(on: base)
                atSigning = !tax.capitalized
            case .upfrontOnPayments:
                if tax.capitalized {
                    atSigning = false
                    let a = exactPayment(adjustedBeforeTax)
                    var base = qRatio * a + taxableOther
                    if tax.capitalizedTaxBase == .includesCappedTax {
                        let denominator = ExactRatio.one - taxTotalRate * qRatio * beta
                        guard denominator.isPositive else {
                            throw DealError(code: .noSolution, path: "tax.capitalizedTaxBase", message: "expected tax rate × payments × (effect of 1 capitalized on the payment) below 1 for the capitalized tax to have a fixed point, found it at or above 1")
                        }
                        base = base / denominator
                    }
                    upfrontBase = base
                    upfrontTaxes = try taxes(on: base)
                }
            }
            if !atSigning { capitalizedTax = upfrontTaxes.reduce(ExactRatio.zero, +) }
        }
        let gross = grossBeforeTax + capitalizedTax
        let adjusted = gross - reduction
        let exact = exactPayment(adjusted)
        var base = exact
        var usedLevelPayment = false
        if rounded, lease.rounding.leaseBasePayment == .partsRounded, lease.rateMethod == .moneyFactor, !lease.onePay {
            let depreciation = (adjusted - ExactRatio(residual)) / ExactRatio(Int128(n))
            let rent = (adjusted + ExactRatio(residual)) * rentFactor
            base = try roundBase(depreciation) + roundBase(rent)
        } else if rounded {
            if lease.rateMethod == .annuity, !lease.onePay, lease.rounding.paymentIncrementExponent == nil, let rate = periodicRate,
               let principal = adjusted.rounded(.towardZero), residual < principal, principal < (1 << 100) {
                let problem = LevelPayment(principal: principal, balloon: residual, rate: rate, numberOfPayments: n, timing: lease.paymentTiming)
                base = ExactRatio(try problem.rounded(by: rule).minorUnits)
                usedLevelPayment = true
            } else {
                base = try roundBase(exact)
            }
        }
        var paymentTaxes: [ExactRatio] = []
        if let tax, tax.method == .upfrontOnPayments, !tax.capitalized {
            let totalBase = qRatio * base + taxableOther
            upfrontBase = totalBase
            upfrontTaxes = try taxes(on: totalBase)
        }
        if let tax, tax.method == .monthly {
            paymentTaxes = try taxes(on: lease.rounding.leasePaymentTax == .onUnroundedBase ? exact : base)
        }
        let paymentTax = paymentTaxes.reduce(ExactRatio.zero, +)
        let payment = base + paymentTax
        let upfrontTax = upfrontTaxes.reduce(ExactRatio.zero, +)
        var deposit = ExactRatio.zero
        var depositEach: ExactRatio? = nil
        if let plainDeposit, let plainDepositEach {
            deposit = ExactRatio(plainDeposit)
            depositEach = ExactRatio(plainDepositEach)
        } else if let unit = msdRoundUp, let count = lease.multipleSecurityDeposits?.count {
            let each = try round(payment / ExactRatio(unit), .up, path: "multipleSecurityDeposits") * ExactRatio(unit)
            depositEach = each
            deposit = each * ExactRatio(Int128(count))
        }
        var cash = d + deposit + ExactRatio(feesAtSigning) - x
        if advance { cash = cash + payment }
        if atSigning { cash = cash + upfrontTax }
        return Evaluation(d: d, x: x, capitalizedTax: capitalizedTax, gross: gross, reduction: reduction, adjusted: adjusted,
                          exactPayment: exact, base: base, paymentTaxes: paymentTaxes, paymentTax: paymentTax, payment: payment,
                          upfrontBase: upfrontBase, upfrontTaxes: upfrontTaxes, upfrontTax: upfrontTax, upfrontAtSigning: atSigning,
                          deposit: deposit, depositEach: depositEach, cashDue: cash, usedLevelPayment: usedLevelPayment)
    }

    /// Solves the cash down payment or the capitalized shortfall for a given cash at signing
    /// (Documentation/Lease.md, "Zero drive-off and total-cash mode").
    func solveDriveOff(cash: Int128) throws(DealError) -> (ExactRatio, ExactRatio) {
        let target = ExactRatio(cash)
        let path: String
        if case .zeroDriveOff = lease.driveOff { path = "zeroDriveOff" } else { path = "totalCash" }
        let origin = try evaluate(d: .zero, x: .zero, rounded: false).cashDue
        if !(target < origin) {
            let slope = try evaluate(d: .one, x: .zero, rounded: false).cashDue - origin
            guard slope.isPositive else {
                throw DealError(code: .noSolution, path: path, message: "expected the cash due to grow with the down payment, found it does not")
            }
            guard let first = ((target - origin) / slope).rounded(rule) else { throw DealError(code: .overflow, path: path, message: "the solved down payment does not fit") }
            let check = try evaluate(d: ExactRatio(first), x: .zero, rounded: true).cashDue
            guard let residue = (target - check).rounded(.towardZero) else { throw DealError(code: .overflow, path: path, message: "overflow") }
            return (ExactRatio(max(0, first + residue)), .zero)
        }
        let depositInCash: Int128 = if let plainDeposit { plainDeposit } else { 0 }
        let fixedDeposit = ExactRatio(depositInCash)
        guard !(target < fixedDeposit) else {
            throw DealError.invalidArgument(path, "expected at least the refundable security deposit \(money.decimal(depositInCash)) in cash, found \(money.decimal(cash))")
        }
        let slope = try evaluate(d: .zero, x: .one, rounded: false).cashDue - origin
        guard slope.isNegative else {
            throw DealError(code: .noSolution, path: path, message: "expected capitalizing up-front items to lower the cash due, found it does not")
        }
        guard let first = ((target - origin) / slope).rounded(rule) else { throw DealError(code: .overflow, path: path, message: "the capitalized amount does not fit") }
        let check = try evaluate(d: .zero, x: ExactRatio(first), rounded: true).cashDue
        guard let residue = (target - check).rounded(.towardZero) else { throw DealError(code: .overflow, path: path, message: "overflow") }
        return (.zero, ExactRatio(max(0, first - residue)))
    }
}
