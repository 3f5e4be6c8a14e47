// DealFinance — exact deal finance. DealEngine: the formula and inputs behind each line.

import DealDecimal

extension LoanQuote {
    /// For each line of the breakdown, the formula and the inputs that produced it, in words
    /// (Documentation/Reference/README.md: `"explain": true`). Lines appear in breakdown order.
    ///
    /// ```swift
    /// let lines = try quote.explanation()
    /// lines.first { $0.line == "netFinancedAmount" }?.text
    /// // "financedAmount 30000.00 − capitalizedCostReduction 0.00 = 30000.00"
    /// ```
    /// - Throws: ``DealError`` as ``unroundedPayment`` does.
    public func explanation() throws(DealError) -> [(line: String, text: String)] {
        let rule = rounding.payment.rawValue
        var lines: [(line: String, text: String)] = []
        func add(_ line: String, _ text: String) { lines.append((line, text)) }
        let departures = rounding.describedDepartures()
        if !departures.isEmpty { add("rounding", "standard, except: " + departures.joined(separator: "; ")) }
        let negativeEquity = tradeInEquity.map { $0.isNegative ? $0.negated() : ExactDecimal.zero } ?? .zero
        let positiveEquity = tradeInEquity.map { $0.isNegative ? ExactDecimal.zero : $0 } ?? .zero
        // The financed sales tax is what the other parts leave of financedAmount; quotes set by
        // hand may not subtract within 38 digits, and then the text says so instead of a number.
        let financedTax: String
        do { financedTax = "\(try financedAmount - sellingPrice - addOnsTotal - productsTotal - feesFinanced - negativeEquity)" } catch {
            financedTax = "(not within 38 digits: \(error))"
        }
        add("sellingPrice", "the agreed price of the vehicle, as given = \(sellingPrice)")
        if let msrp { add("msrp", "the list price, as given (shown, and the base of a balloon in percent of MSRP) = \(msrp)") }
        add("addOnsTotal", "sum of the add-on amounts = \(addOnsTotal)")
        if !addOns.isEmpty {
            add("addOns", "each add-on as given, at the currency's minor units, preInstalled as given (default false; it changes no amount)")
        }
        if let preInstalledAddOnsTotal {
            add("preInstalledAddOnsTotal", "sum of the add-ons marked preInstalled (part of addOnsTotal, same tax and financing) = \(preInstalledAddOnsTotal)")
        }
        add("productsTotal", "sum of the F&I product amounts = \(productsTotal)")
        add("feesFinanced", "sum of the fees with financed = true = \(feesFinanced)")
        add("feesDueAtSigning", "sum of the fees with financed = false = \(feesDueAtSigning)")
        if let tradeInAllowance, let tradeInPayoff, let tradeInEquity {
            add("tradeInAllowance", "sum of the trade-in allowances = \(tradeInAllowance)")
            add("tradeInPayoff", "sum of the trade-in payoffs (liens) = \(tradeInPayoff)")
            add("tradeInEquity", "tradeInAllowance \(tradeInAllowance) − tradeInPayoff \(tradeInPayoff) = \(tradeInEquity) (negative equity is financed; positive equity reduces the amount financed)")
        }
        add("downPayment", "the cash down payment, as given = \(downPayment)")
        add("rebatesTotal", "sum of the rebate amounts = \(rebatesTotal)")
        if let taxableAmount, let salesTax {
            add("taxableAmount", "max(0, sellingPrice + taxable add-ons, products and fees − the trade-in allowance where the tax gives trade-in credit − rebates where they reduce the tax base) = \(taxableAmount)")
            add("salesTax", "taxableAmount \(taxableAmount) × the tax rate, rounded to the minor unit by \(rounding.tax.rawValue) = \(salesTax)")
        }
        add("financedAmount", "sellingPrice \(sellingPrice) + addOnsTotal \(addOnsTotal) + productsTotal \(productsTotal) + feesFinanced \(feesFinanced) + negative trade equity \(negativeEquity) + financed sales tax \(financedTax) = \(financedAmount)")
        add("capitalizedCostReduction", "downPayment \(downPayment) + positive trade equity \(positiveEquity) + rebates \(rebatesTotal) = \(capitalizedCostReduction)")
        add("netFinancedAmount", "financedAmount \(financedAmount) − capitalizedCostReduction \(capitalizedCostReduction) = \(netFinancedAmount)")
        add("prepaidFinanceCharges", "sum of the fees marked prepaidFinanceCharge = \(prepaidFinanceCharges)")
        add("amountFinanced", "netFinancedAmount \(netFinancedAmount) − prepaidFinanceCharges \(prepaidFinanceCharges) = \(amountFinanced) (Truth in Lending amount financed)")
        add("disclosedDownPayment", "max(0, downPayment \(downPayment) + rebates \(rebatesTotal) + tradeInEquity \(tradeInEquity ?? .zero)) = \(disclosedDownPayment) (a disclosed down payment is never negative)")
        add("apr", "the annual percentage rate, as given, in percent = \(apr)")
        add("periodicRate", "apr \(apr) / 100 / \(frequency.periodsPerYear) payments a year = \(periodicRate.numerator)/\(periodicRate.denominator) exactly")
        var formula = periodicRate.isZero
            ? "P = (A − B) / n at a zero rate"
            : "P = (A'·(1+i)^n − B)·i / ((1+i)^n − 1)"
        if paymentTiming == .advance && !periodicRate.isZero { formula += ", divided by (1+i) for payments in advance" }
        if !firstPeriod.isRegular && oddDays == .spread && !periodicRate.isZero {
            formula += ", with A' = A·(1 + \(firstPeriod.oddDays)/\(firstPeriod.daysPerUnitPeriod)·i)·(1+i)^(\(firstPeriod.wholePeriods) − 1) for the odd first period (Regulation Z Appendix J)"
        } else if !periodicRate.isZero {
            formula += ", with A' = A"
        }
        add("periodicPayment", "\(formula); A = netFinancedAmount \(netFinancedAmount), B = balloon \(balloon ?? .zero), n = \(numberOfPayments), i = \(periodicRate.numerator)/\(periodicRate.denominator); the exact value rounded to the minor unit by \(rule) = \(periodicPayment.net); retail sales tax is not charged per payment, so tax = \(periodicPayment.tax)")
        add("unroundedPayment", "the exact value of P before rounding, to at least 20 significant digits = \(try unroundedPayment)")
        add("numberOfPayments", "the term: \(numberOfPayments) regular \(frequency.rawValue) payments")
        if let firstPayment {
            add("firstPayment", "the regular payment plus the odd first period's extra interest (oddDays = \(oddDays.rawValue)) = \(firstPayment)")
        }
        add("finalPayment", "balance before the last regular payment + its interest − \((paymentTiming == .advance || rounding.balloonTiming == .onePeriodAfter) && balloon != nil ? "the balloon's value one period earlier" : "the balloon") = \(finalPayment) (the last payment absorbs the rounding residue of the schedule; interest each period is the balance × i rounded by \(rounding.interest.rawValue))")
        if let balloon { add("balloon", "due at the end of the term = \(balloon)") }
        add("totalOfPayments", "sum of the \(numberOfPayments) scheduled payments + balloon \(balloon ?? .zero) = \(totalOfPayments)")
        add("financeCharge", "totalOfPayments \(totalOfPayments) − amountFinanced \(amountFinanced) = \(financeCharge) (interest + prepaid finance charges)")
        add("totalSalePrice", "totalOfPayments \(totalOfPayments) + disclosedDownPayment \(disclosedDownPayment) + fees and sales tax paid at signing = \(totalSalePrice)")
        add("dueAtSigning", "sum of \(dueAtSigning.items.map { "\($0.name) \($0.amount)" }.joined(separator: " + ").ifEmpty("nothing")) = \(dueAtSigning.total)")
        if let firstPaymentDate {
            add("firstPaymentDate", "\(firstPaymentDate): \(firstPeriod.isRegular ? "one regular period after the contract date" : "\(firstPeriod.wholePeriods) whole period(s) and \(firstPeriod.oddDays)/\(firstPeriod.daysPerUnitPeriod) of a period after the contract date, counted back from the first payment date as Regulation Z Appendix J (b)(5) does")")
        }
        if let maturityDate { add("maturityDate", "\(maturityDate): the due date of the last scheduled payment") }
        if let schedule {
            add("schedule", "\(schedule.count) rows from the net financed amount \(netFinancedAmount): interest = the previous balance × i rounded by \(rounding.interest.rawValue), principal = payment − interest, balance = previous balance − principal; the last regular payment absorbs the residue")
        }
        return lines
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
