// DealFinance — exact deal finance. DealEngine: computing the retail Payment Breakdown.

import DealDecimal

extension RetailLoan {
    /// Limits on the size of a request, so that no input can exhaust memory or time.
    public enum Limits: Sendable {
        /// Most regular payments (weekly for 23 years).
        public static let maximumTerm = 1200
        /// Most trade-ins on one deal.
        public static let maximumTradeIns = 10
        /// Most entries in each list of add-ons, products, fees and rebates.
        public static let maximumItems = 100
    }

    /// Computes every line of the Payment Breakdown (Documentation/RetailLoan.md).
    ///
    /// ```swift
    /// let quote = try RetailLoan(sellingPrice: try ExactDecimal(parsing: "30000.00"),
    ///                            apr: try ExactDecimal(parsing: "6"), term: 60).quote()
    /// quote.periodicPayment.total   // 579.98
    /// ```
    /// - Parameter includeSchedule: whether to keep the amortization rows in the result.
    /// - Throws: ``DealError`` — `invalid_argument` naming the field for bad input (or
    ///   `netFinancedAmount` when the items add up to more than 999,999,999,999 major units),
    ///   `unsupported` for a deal whose rounded payments cannot amortize it.
    public func quote(includeSchedule: Bool = false) throws(DealError) -> LoanQuote {
        try rounding.validate()
        guard rounding.payment != .requireExact else {
            throw DealError.invalidArgument("rounding.payment", "expected a rounding rule for a loan's payment (an exact payment is rarely a whole number of minor units), found requireExact")
        }
        let nominal = try PeriodicRate(annualPercentage: apr, periodsPerYear: frequency.periodsPerYear)
        switch rounding.rateBasis {
        case .nominal:
            return try quote(includeSchedule: includeSchedule, rate: try nominal.keeping(rounding.periodicRate))
        case .effectiveAnnual:
            return try effectiveRateQuote(includeSchedule: includeSchedule)
        }
    }

    /// The quote at one bound of an effective rate (``effectiveRateQuote(includeSchedule:)``):
    /// the body below, kept out of line there.
    @inline(never)
    func quote(includeSchedule: Bool, effectiveRate rate: PeriodicRate) throws(DealError) -> LoanQuote {
        try quote(includeSchedule: includeSchedule, rate: rate)
    }

    /// The quote at a given periodic rate (the profile's, or one bound of an effective rate).
    /// Inlined into ``quote(includeSchedule:)`` so that the result is built where it is
    /// returned, not copied out of a call.
    @inline(__always)
    func quote(includeSchedule: Bool, rate: PeriodicRate) throws(DealError) -> LoanQuote {
        let money = MinorUnits(currency)
        // MARK: Validation of counts and rates
        guard (1...Limits.maximumTerm).contains(term) else {
            throw DealError.invalidArgument("term", "expected a number of payments from 1 to \(Limits.maximumTerm), found \(term)")
        }
        try Self.checkCount(addOns.count, Limits.maximumItems, "addOns")
        try Self.checkCount(products.count, Limits.maximumItems, "products")
        try Self.checkCount(fees.count, Limits.maximumItems, "fees")
        try Self.checkCount(rebates.count, Limits.maximumItems, "rebates")
        try Self.checkCount(tradeIns.count, Limits.maximumTradeIns, "tradeIns")

        // MARK: Amounts
        let price = try money.amount(sellingPrice, path: "sellingPrice")
        guard price > 0 else { throw DealError.invalidArgument("sellingPrice", "expected a selling price above zero, found \(sellingPrice)") }
        let msrpMinor: Int128? = try msrp.map { (value) throws(DealError) in try money.amount(value, path: "msrp") }
        var addOnsTotal: Int128 = 0, taxableAddOns: Int128 = 0, preInstalledAddOns: Int128 = 0
        var itemizedAddOns: [LineItem] = []
        for (index, item) in addOns.enumerated() {
            let amount = try money.amount(item.amount, path: "addOns.\(index).amount")
            addOnsTotal += amount
            if item.taxable { taxableAddOns += amount }
            if item.preInstalled { preInstalledAddOns += amount }
            itemizedAddOns.append(LineItem(name: item.name, amount: money.decimal(amount), taxable: item.taxable, preInstalled: item.preInstalled))
        }
        var productsTotal: Int128 = 0, taxableProducts: Int128 = 0
        for (index, item) in products.enumerated() {
            let amount = try money.amount(item.amount, path: "products.\(index).amount")
            productsTotal += amount
            if item.taxable { taxableProducts += amount }
        }
        var feesFinanced: Int128 = 0, feesAtSigning: Int128 = 0, taxableFees: Int128 = 0, prepaidFinanceCharges: Int128 = 0
        for (index, fee) in fees.enumerated() {
            let amount = try money.amount(fee.amount, path: "fees.\(index).amount")
            if fee.financed { feesFinanced += amount } else { feesAtSigning += amount }
            if fee.taxable { taxableFees += amount }
            if fee.prepaidFinanceCharge { prepaidFinanceCharges += amount }
        }
        var allowance: Int128 = 0, payoff: Int128 = 0
        for (index, tradeIn) in tradeIns.enumerated() {
            allowance += try money.amount(tradeIn.allowance, path: "tradeIns.\(index).allowance")
            payoff += try money.amount(tradeIn.payoff, path: "tradeIns.\(index).payoff")
        }
        let equity = allowance - payoff
        var rebatesTotal: Int128 = 0
        for (index, rebate) in rebates.enumerated() {
            rebatesTotal += try money.amount(rebate.amount, path: "rebates.\(index).amount")
        }
        let cashDown = try money.amount(downPayment, path: "downPayment")

        // MARK: Tax
        var taxableAmount: Int128? = nil, salesTax: Int128 = 0
        if let tax {
            try MinorUnits.checkPercent(tax.rate, path: "tax.rate", what: "a tax rate in percent")
            var base = price + taxableAddOns + taxableProducts + taxableFees
            if tax.tradeInCredit { base -= allowance }
            if tax.rebatesReduceTaxBase { base -= rebatesTotal }
            base = max(0, base)
            taxableAmount = base
            salesTax = try money.percentage(of: base, percent: tax.rate, rule: rounding.tax, path: "tax.rate")
        }
        let taxFinanced = tax?.financed ?? true
        let taxAtSigning: Int128 = taxFinanced ? 0 : salesTax

        // MARK: Structure
        let financedAmount = price + addOnsTotal + productsTotal + feesFinanced + max(0, -equity) + (taxFinanced ? salesTax : 0)
        let reduction = cashDown + max(0, equity) + rebatesTotal
        let principal = financedAmount - reduction
        guard principal > 0 else {
            throw DealError.invalidArgument("downPayment", "expected the down payment, trade equity and rebates (\(money.decimal(reduction))) to leave something to finance below the financed amount (\(money.decimal(financedAmount)))")
        }
        // Each amount is at most 999,999,999,999 major units, but up to 300 items add up past
        // that; the payment engine is specified (and checked against the oracle) up to it.
        let largestPrincipal = (MinorUnits.maximumMajorUnits + 1) * money.unit - 1
        guard principal <= largestPrincipal else {
            throw DealError.invalidArgument("netFinancedAmount", "expected a net financed amount of at most 999999999999 \(currency.code), found \(money.decimal(principal))")
        }
        let disclosedDown = max(0, cashDown + rebatesTotal + equity)

        // MARK: Balloon
        var balloonMinor: Int128 = 0
        if let balloon {
            switch balloon {
            case .amount(let value):
                balloonMinor = try money.amount(value, path: "balloon.amount")
            case .percentOfMsrp(let percent):
                try MinorUnits.checkPercent(percent, path: "balloon.percentOfMsrp", what: "a percentage")
                guard let msrpMinor else {
                    throw DealError.invalidArgument("msrp", "expected an msrp because the balloon is a percentage of it, found none")
                }
                balloonMinor = try money.percentage(of: msrpMinor, percent: percent, rule: rounding.percentAmount, path: "balloon.percentOfMsrp")
            case .percentOfSellingPrice(let percent):
                try MinorUnits.checkPercent(percent, path: "balloon.percentOfSellingPrice", what: "a percentage")
                balloonMinor = try money.percentage(of: price, percent: percent, rule: rounding.percentAmount, path: "balloon.percentOfSellingPrice")
            }
            // A balloon equal to the net financed amount is an interest-only loan: the payment is
            // the interest. Above it the payments would not cover the interest.
            guard balloonMinor <= principal else {
                throw Self.negativeAmortization(path: Self.balloonPath(balloon), principal: money.decimal(principal), balloon: money.decimal(balloonMinor))
            }
        }

        // MARK: Dates and the first period
        var (firstDate, firstPeriod) = try firstPaymentDateAndPeriod()
        if rounding.oddDaysCounting == .actualOver365, paymentTiming == .arrears, let contractDate, let first = firstDate {
            firstPeriod = actualOver365Period(from: contractDate, to: first)
        }

        // MARK: Payment and schedule
        let problem = LevelPayment(principal: principal, balloon: balloonMinor, rate: rate, numberOfPayments: term,
                                   timing: paymentTiming, wholePeriodsToFirstPayment: firstPeriod.wholePeriods,
                                   oddDays: firstPeriod.oddDays, daysPerUnitPeriod: firstPeriod.daysPerUnitPeriod,
                                   spreadsOddPeriod: oddDays == .spread)
        let payment = try rounding.roundedPayment(problem, money: money)
        let run = try AmortizationRun(problem: problem, payment: payment.minorUnits, treatment: oddDays,
                                      interestRule: rounding.interest, keepRows: includeSchedule,
                                      balloonOnePeriodAfter: rounding.defersBalloon(problem))
        let (totalOfPayments, finalRegularPayment) = try rounding.totals(run, problem: problem, payment: payment.minorUnits)
        let amountFinanced = principal - prepaidFinanceCharges

        // MARK: Due at signing
        // The items are listed from these parts when read (no array is built here).
        let signingParts = DueAtSigning.LoanParts(currency: currency, cashDown: cashDown, fees: fees, taxAtSigning: taxAtSigning,
                                                  firstPayment: paymentTiming == .advance ? run.firstPayment : nil)
        var dueTotal = cashDown + feesAtSigning + taxAtSigning
        if paymentTiming == .advance { dueTotal += run.firstPayment }

        // MARK: Dates of the rows
        var schedule: [ScheduleRow]? = nil
        var maturity: CivilDate? = nil
        if let firstDate {
            let lastIndex = run.rowCount - 1
            maturity = try Self.date(frequency, index: lastIndex, first: firstDate)
        }
        if includeSchedule {
            var rows: [ScheduleRow] = []
            rows.reserveCapacity(run.rows.count)
            // Month-based frequencies: the month index of row k is first's + k × step, on the
            // anchor's day — what `paymentDate(k, first:)` computes, without its per-call checks
            // (the maturity date above has checked the last row's date is in range).
            let monthly: (anchor: DayOfMonth, firstMonth: Int, step: Int)? = firstDate.flatMap { first in
                frequency.monthsPerPeriod.map { (DayOfMonth(anchoring: first), first.year * 12 + (first.month - 1), $0) }
            }
            for row in run.rows {
                let date: CivilDate?
                if let monthly {
                    let month = monthly.firstMonth + (row.number - 1) * monthly.step
                    date = monthly.anchor.date(year: month / 12, month: month % 12 + 1)
                } else {
                    date = try firstDate.map { (first) throws(DealError) in try Self.date(frequency, index: row.number - 1, first: first) }
                }
                rows.append(ScheduleRow(number: row.number, date: date, payment: money.decimal(row.payment), interest: money.decimal(row.interest),
                                        principal: money.decimal(row.principal), balance: money.decimal(row.balance)))
            }
            schedule = rows
        }

        let paymentDecimal = money.decimal(payment.minorUnits)
        return LoanQuote(
            currency: currency,
            sellingPrice: money.decimal(price),
            msrp: msrpMinor.map(money.decimal),
            addOnsTotal: money.decimal(addOnsTotal),
            productsTotal: money.decimal(productsTotal),
            feesFinanced: money.decimal(feesFinanced),
            feesDueAtSigning: money.decimal(feesAtSigning),
            tradeInAllowance: tradeIns.isEmpty ? nil : money.decimal(allowance),
            tradeInPayoff: tradeIns.isEmpty ? nil : money.decimal(payoff),
            tradeInEquity: tradeIns.isEmpty ? nil : money.decimal(equity),
            taxableAmount: taxableAmount.map(money.decimal),
            salesTax: tax == nil ? nil : money.decimal(salesTax),
            financedAmount: money.decimal(financedAmount),
            capitalizedCostReduction: money.decimal(reduction),
            netFinancedAmount: money.decimal(principal),
            prepaidFinanceCharges: money.decimal(prepaidFinanceCharges),
            amountFinanced: money.decimal(amountFinanced),
            disclosedDownPayment: money.decimal(disclosedDown),
            apr: apr,
            periodicRate: rate,
            periodicPayment: PaymentParts(net: paymentDecimal, tax: money.decimal(0), total: paymentDecimal),
            firstPayment: run.firstPayment == payment.minorUnits || term == 1 ? nil : money.decimal(run.firstPayment),
            numberOfPayments: term,
            finalPayment: money.decimal(finalRegularPayment),
            balloon: balloon == nil ? nil : money.decimal(balloonMinor),
            financeCharge: money.decimal(totalOfPayments - amountFinanced),
            totalOfPayments: money.decimal(totalOfPayments),
            totalSalePrice: money.decimal(totalOfPayments + disclosedDown + feesAtSigning + taxAtSigning),
            dueAtSigning: DueAtSigning(total: money.decimal(dueTotal), parts: signingParts),
            firstPaymentDate: firstDate,
            maturityDate: maturity,
            schedule: schedule,
            paymentUsedExactFallback: payment.usedExactFallback,
            firstPeriod: firstPeriod,
            downPayment: money.decimal(cashDown),
            rebatesTotal: money.decimal(rebatesTotal),
            frequency: frequency,
            paymentTiming: paymentTiming,
            oddDays: oddDays,
            rounding: rounding,
            paymentProblem: problem,
            contractDate: contractDate,
            addOns: itemizedAddOns,
            preInstalledAddOnsTotal: addOns.contains(where: \.preInstalled) ? money.decimal(preInstalledAddOns) : nil)
    }

    /// The first payment date and the first period's length (Reg Z Appendix J counting).
    func firstPaymentDateAndPeriod() throws(DealError) -> (CivilDate?, FirstPeriod) {
        guard let contractDate else { return (firstPaymentDate, .regular) }
        if paymentTiming == .advance {
            if let firstPaymentDate, firstPaymentDate != contractDate {
                throw DealError.invalidArgument("firstPaymentDate", "expected no firstPaymentDate or the contractDate \(contractDate) when payments are in advance (payment 1 is due at signing), found \(firstPaymentDate)")
            }
            return (contractDate, .regular)
        }
        let first: CivilDate
        if let firstPaymentDate {
            first = firstPaymentDate
        } else {
            do { first = try frequency.date(byAddingPeriods: 1, to: contractDate) } catch {
                throw DealError.invalidArgument("contractDate", "expected a date whose first payment date is in the calendar range, found \(contractDate): \(error.message)")
            }
        }
        guard first > contractDate else {
            throw DealError.invalidArgument("firstPaymentDate", "expected a first payment date after the contract date \(contractDate), found \(first)")
        }
        // A year measured as Reg Z Appendix J (b)(3)(iv) measures months (month end to month
        // end): the annual period after 2015-02-28 ends on 2016-02-29, so the default first
        // payment date of an annual deal is never "more than a year" after the contract date.
        guard let yearLater = try? PaymentFrequency.annual.date(byAddingPeriods: 1, to: contractDate), first <= yearLater else {
            throw DealError.invalidArgument("firstPaymentDate", "expected a first payment date at most one year after the contract date \(contractDate), found \(first)")
        }
        let count: UnitPeriodCount
        do { count = try UnitPeriodCount(from: contractDate, to: first, frequency: frequency) } catch {
            throw DealError.invalidArgument("firstPaymentDate", error.message)
        }
        let fraction = count.fraction
        let period = FirstPeriod(wholePeriods: count.wholePeriods, oddDays: fraction.numerator, daysPerUnitPeriod: fraction.denominator)
        return (first, period.oddDays == 0 && period.wholePeriods == 1 ? .regular : period)
    }

    static func date(_ frequency: PaymentFrequency, index: Int, first: CivilDate) throws(DealError) -> CivilDate {
        do { return try frequency.paymentDate(index, first: first) } catch {
            throw DealError.invalidArgument("term", "expected payment dates within the years 1 to 9999, found one beyond: \(error.message)")
        }
    }

    static func checkCount(_ count: Int, _ limit: Int, _ path: String) throws(DealError) {
        guard count <= limit else {
            throw DealError.invalidArgument(path, "expected at most \(limit) entries, found \(count)")
        }
    }

    /// The error for a balloon above the net financed amount: the payments would be below the
    /// interest and the balance would grow to the balloon (negative amortization), which is
    /// `unsupported` — a retail quote's level payment at least pays the interest.
    static func negativeAmortization(path: String, principal: ExactDecimal, balloon: some CustomStringConvertible) -> DealError {
        DealError(code: .unsupported, path: path, message: "expected a balloon of at most the net financed amount \(principal) (equal to it: an interest-only loan), found \(balloon): a larger balloon means payments below the interest and a balance that grows to the balloon (negative amortization), which is not supported")
    }

    static func balloonPath(_ balloon: Balloon) -> String {
        switch balloon {
        case .amount: return "balloon.amount"
        case .percentOfMsrp: return "balloon.percentOfMsrp"
        case .percentOfSellingPrice: return "balloon.percentOfSellingPrice"
        }
    }
}
