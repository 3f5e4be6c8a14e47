// Tests for RetailLoan+Quote.swift: the worked example of Documentation/Reference/Loan.md and every line's definition.

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("Retail loan quote")
struct RetailLoanQuoteTests {
    @Test("Interest-only: a balloon equal to the net financed amount; the payment is the interest, the APR the contract rate; odd days and advance timing")
    func interestOnly() throws {
        var loan = RetailLoan(sellingPrice: dec("200000.00"), apr: dec("6"), term: 60)
        loan.balloon = .amount(dec("200000.00"))
        let quote = try loan.quote(includeSchedule: true)
        #expect(quote.periodicPayment.total == dec("1000.00"))
        #expect(quote.finalPayment == dec("1000.00"))
        #expect(quote.schedule?.allSatisfy { $0.principal.isZero && $0.balance == dec("200000.00") } == true)
        #expect(quote.totalOfPayments == dec("260000.00"))
        #expect(quote.financeCharge == dec("60000.00"))
        let disclosure = try quote.annualPercentageRate()
        #expect(disclosure.apr == dec("6.000000000000"))
        #expect(disclosure.aprDisclosed == dec("6.00"))
        // 5 %: 833.333… a month, rounded to 833.33; the last payment takes the residue.
        loan.apr = dec("5")
        let five = try loan.quote(includeSchedule: true)
        #expect(five.periodicPayment.total == dec("833.33"))
        #expect(five.schedule?.last?.balance == dec("200000.00"))
        // Odd first period spread into the payment (Appendix J): more than the interest.
        loan.apr = dec("6")
        loan.contractDate = try CivilDate(parsing: "2026-01-01")
        loan.firstPaymentDate = try CivilDate(parsing: "2026-02-16")
        let odd = try loan.quote()
        #expect(odd.periodicPayment.total > dec("1000.00"))
        #expect(try odd.annualPercentageRate().aprDisclosed == dec("6.00"))
        // In advance: P* = A·i / (1 + i), the balloon one period after the last payment.
        loan.contractDate = nil
        loan.firstPaymentDate = nil
        loan.paymentTiming = .advance
        let advance = try loan.quote(includeSchedule: true)
        #expect(advance.periodicPayment.total == dec("995.02"))
        #expect(advance.schedule?.last?.payment == dec("200000.00"))
    }

    @Test("A balloon above the net financed amount is unsupported: negative amortization")
    func negativeAmortization() throws {
        var loan = RetailLoan(sellingPrice: dec("20000.00"), apr: dec("6"), term: 60)
        loan.balloon = .percentOfSellingPrice(dec("100"))
        #expect(try loan.quote().periodicPayment.total == dec("100.00"))
        loan.downPayment = dec("1000.00")
        let error = #expect(throws: DealError.self) { try loan.quote() }
        #expect(error?.code == .unsupported && error?.path == "balloon.percentOfSellingPrice")
        #expect(error?.message.contains("negative amortization") == true)
    }

    @Test("Documentation/Reference/Loan.md worked example: balloon, no balloon, advance")
    func workedExample() throws {
        var loan = RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60)
        loan.balloon = .amount(dec("10000.00"))
        let quote = try loan.quote(includeSchedule: true)
        #expect(quote.periodicPayment.total.description == "436.66")
        #expect(quote.finalPayment.description == "436.41")
        #expect(quote.totalOfPayments.description == "36199.35")
        #expect(quote.financeCharge.description == "6199.35")
        #expect(quote.schedule?.last?.balance.description == "10000.00")
        #expect(quote.schedule?.count == 60)
        loan.balloon = nil
        #expect(try loan.quote().periodicPayment.total.description == "579.98")
        loan.balloon = .amount(dec("10000.00"))
        loan.paymentTiming = .advance
        let advance = try loan.quote(includeSchedule: true)
        #expect(advance.periodicPayment.total.description == "434.48")
        #expect(advance.schedule?.count == 61)
        #expect(advance.schedule?.last?.balance.description == "0.00")
        #expect(advance.schedule?.last?.payment.description == "10000.00")
        #expect(advance.dueAtSigning.total.description == "434.48")
    }
}

/// Hand-computed deals (Documentation/RetailLoan.md evaluated with Python `fractions`, never by
/// running the engine). Amounts in comments are the working.
@Suite("Retail loan quote: hand-computed deals")
struct RetailLoanQuoteHandComputedTests {
    /// price 25000, add-on 500 (taxable), GAP 700, doc fee 150 taxable financed, title 200 at
    /// signing, trade 5000/2000 (+3000), down 1000, rebate 500, tax 6.25 %, 5.9 % for 60 months.
    func taxDeal(_ configure: (inout SalesTax) -> Void = { _ in }) -> RetailLoan {
        var loan = RetailLoan(sellingPrice: dec("25000.00"), apr: dec("5.9"), term: 60)
        loan.addOns = [LineItem(name: "Mats", amount: dec("500.00"), taxable: true)]
        loan.products = [LineItem(name: "GAP", amount: dec("700.00"), taxable: false)]
        loan.fees = [Fee(name: "Doc", amount: dec("150.00"), taxable: true), Fee(name: "Title", amount: dec("200.00"), financed: false)]
        loan.tradeIns = [TradeIn(allowance: dec("5000.00"), payoff: dec("2000.00"))]
        loan.downPayment = dec("1000.00")
        loan.rebates = [Rebate(name: "Rebate", amount: dec("500.00"))]
        var tax = SalesTax(rate: dec("6.25"))
        configure(&tax)
        loan.tax = tax
        return loan
    }

    @Test("A pre-installed add-on is itemized and totalled but taxed and financed like any add-on")
    func preInstalledAddOn() throws {
        var marked = taxDeal()
        marked.addOns = [LineItem(name: "Mats", amount: dec("500"), taxable: true, preInstalled: true),
                         LineItem(name: "Tint", amount: dec("99.5"), taxable: true)]
        var plain = marked
        plain.addOns[0].preInstalled = false
        let quote = try marked.quote(), plainQuote = try plain.quote()
        #expect(quote.addOns == [LineItem(name: "Mats", amount: dec("500.00"), taxable: true, preInstalled: true),
                                 LineItem(name: "Tint", amount: dec("99.50"), taxable: true)])
        #expect(quote.preInstalledAddOnsTotal == dec("500.00"))
        #expect(plainQuote.preInstalledAddOnsTotal == nil)
        var unmarked = quote
        unmarked.addOns = plainQuote.addOns
        unmarked.preInstalledAddOnsTotal = nil
        #expect(unmarked == plainQuote)
    }

    @Test("Tax with trade-in credit: 20650 × 6.25 % = 1290.625 → 1290.63 (tie, half up)")
    func taxWithTradeInCredit() throws {
        let quote = try taxDeal().quote()
        #expect(quote.taxableAmount == dec("20650.00"))
        #expect(quote.salesTax?.description == "1290.63")
        #expect(quote.addOnsTotal.description == "500.00")
        #expect(quote.productsTotal.description == "700.00")
        #expect(quote.feesFinanced.description == "150.00")
        #expect(quote.feesDueAtSigning.description == "200.00")
        #expect(quote.tradeInEquity?.description == "3000.00")
        #expect(quote.financedAmount.description == "27640.63")
        #expect(quote.capitalizedCostReduction.description == "4500.00")
        #expect(quote.netFinancedAmount.description == "23140.63")
        #expect(quote.amountFinanced.description == "23140.63")
        #expect(quote.disclosedDownPayment.description == "4500.00")
        #expect(quote.periodicPayment.net.description == "446.30")
        #expect(quote.finalPayment.description == "446.17")
        #expect(quote.totalOfPayments.description == "26777.87")
        #expect(quote.financeCharge.description == "3637.24")
        // 26777.87 + 4500 + 200 (tax financed).
        #expect(quote.totalSalePrice.description == "31477.87")
        #expect(quote.dueAtSigning.items == [NamedAmount(name: "Cash down payment", amount: dec("1000.00")), NamedAmount(name: "Title", amount: dec("200.00"))])
        #expect(quote.dueAtSigning.total.description == "1200.00")
    }

    @Test("Tax without trade-in credit (25650 → 1603.13), and with rebates reducing the base (25150 → 1571.88)")
    func taxBases() throws {
        let noCredit = try taxDeal { $0.tradeInCredit = false }.quote()
        #expect(noCredit.taxableAmount?.description == "25650.00")
        #expect(noCredit.salesTax?.description == "1603.13")
        #expect(noCredit.financedAmount.description == "27953.13")
        let rebateBase = try taxDeal { $0.tradeInCredit = false; $0.rebatesReduceTaxBase = true }.quote()
        #expect(rebateBase.taxableAmount?.description == "25150.00")
        #expect(rebateBase.salesTax?.description == "1571.88")
        let both = try taxDeal { $0.rebatesReduceTaxBase = true }.quote()
        // 20650 − 500 = 20150 → 1259.375 → 1259.38.
        #expect(both.salesTax?.description == "1259.38")
        // A base below zero is clamped to 0.
        var big = taxDeal()
        big.tradeIns = [TradeIn(allowance: dec("40000.00"), payoff: dec("39000.00"))]
        let clamped = try big.quote()
        #expect(clamped.taxableAmount?.description == "0.00")
        #expect(clamped.salesTax?.description == "0.00")
    }

    @Test("Tax paid at signing: in due at signing and the total sale price, not financed")
    func taxAtSigning() throws {
        var loan = RetailLoan(sellingPrice: dec("20000.00"), apr: dec("4.5"), term: 48)
        loan.downPayment = dec("2000.00")
        loan.tax = SalesTax(rate: dec("7"), financed: false)
        let quote = try loan.quote()
        #expect(quote.salesTax?.description == "1400.00")
        #expect(quote.financedAmount.description == "20000.00")
        #expect(quote.netFinancedAmount.description == "18000.00")
        #expect(quote.periodicPayment.total.description == "410.46")
        #expect(quote.finalPayment.description == "410.61")
        #expect(quote.totalOfPayments.description == "19702.23")
        #expect(quote.dueAtSigning.items.map(\.name) == ["Cash down payment", "Sales tax"])
        #expect(quote.dueAtSigning.items.map(\.amount) == [dec("2000.00"), dec("1400.00")])
        #expect(quote.dueAtSigning.total.description == "3400.00")
        // 19702.23 + 2000 + 0 + 1400.
        #expect(quote.totalSalePrice.description == "23102.23")
    }

    @Test("Negative equity is financed and the disclosed down payment is clamped to 0")
    func negativeEquity() throws {
        var loan = RetailLoan(sellingPrice: dec("20000.00"), apr: dec("7.5"), term: 72)
        loan.tradeIns = [TradeIn(allowance: dec("8000.00"), payoff: dec("12000.00"))]
        loan.downPayment = dec("1000.00")
        loan.rebates = [Rebate(name: "R", amount: dec("500.00"))]
        let quote = try loan.quote()
        #expect(quote.tradeInEquity?.description == "-4000.00")
        #expect(quote.financedAmount.description == "24000.00")
        #expect(quote.capitalizedCostReduction.description == "1500.00")
        #expect(quote.netFinancedAmount.description == "22500.00")
        #expect(quote.disclosedDownPayment.description == "0.00")
        #expect(quote.periodicPayment.total.description == "389.03")
        #expect(quote.finalPayment.description == "388.80")
        #expect(quote.totalOfPayments.description == "28009.93")
        #expect(quote.totalSalePrice.description == "28009.93")
    }

    @Test("Several trade-ins are netted before equity is split")
    func tradeInsNetted() throws {
        var loan = RetailLoan(sellingPrice: dec("20000.00"), apr: dec("7.5"), term: 72)
        loan.tradeIns = [TradeIn(allowance: dec("8000.00"), payoff: dec("12000.00")), TradeIn(allowance: dec("3000.00"))]
        loan.downPayment = dec("1000.00")
        loan.rebates = [Rebate(name: "R", amount: dec("500.00"))]
        let quote = try loan.quote()
        #expect(quote.tradeInAllowance?.description == "11000.00")
        #expect(quote.tradeInPayoff?.description == "12000.00")
        #expect(quote.tradeInEquity?.description == "-1000.00")
        #expect(quote.financedAmount.description == "21000.00")
        #expect(quote.capitalizedCostReduction.description == "1500.00")
        #expect(quote.netFinancedAmount.description == "19500.00")
        #expect(quote.disclosedDownPayment.description == "500.00")
        #expect(quote.periodicPayment.total.description == "337.16")
        #expect(quote.finalPayment.description == "336.85")
        #expect(quote.totalOfPayments.description == "24275.21")
    }

    @Test("Prepaid finance charges, financed or paid at signing, reduce the amount financed")
    func prepaidFinanceCharges() throws {
        var loan = RetailLoan(sellingPrice: dec("20000.00"), apr: dec("8"), term: 60)
        loan.fees = [Fee(name: "Origination", amount: dec("495.00"), prepaidFinanceCharge: true),
                     Fee(name: "Points", amount: dec("300.00"), financed: false, prepaidFinanceCharge: true),
                     Fee(name: "Title", amount: dec("75.00"), financed: false)]
        let quote = try loan.quote()
        #expect(quote.feesFinanced.description == "495.00")
        #expect(quote.feesDueAtSigning.description == "375.00")
        #expect(quote.netFinancedAmount.description == "20495.00")
        #expect(quote.prepaidFinanceCharges.description == "795.00")
        #expect(quote.amountFinanced.description == "19700.00")
        #expect(quote.periodicPayment.total.description == "415.56")
        #expect(quote.finalPayment.description == "415.86")
        #expect(quote.totalOfPayments.description == "24933.90")
        #expect(quote.financeCharge.description == "5233.90")
        #expect(quote.dueAtSigning.items == [NamedAmount(name: "Points", amount: dec("300.00")), NamedAmount(name: "Title", amount: dec("75.00"))])
        #expect(quote.dueAtSigning.total.description == "375.00")
        #expect(quote.totalSalePrice.description == "25308.90")
    }

    @Test("Zero-rate loans: (A − B) / n, the last payment takes the cent residue")
    func zeroRate() throws {
        let even = try RetailLoan(sellingPrice: dec("12000.00"), apr: dec("0"), term: 48).quote()
        #expect(even.periodicPayment.total.description == "250.00")
        #expect(even.finalPayment.description == "250.00")
        #expect(even.totalOfPayments.description == "12000.00")
        #expect(even.financeCharge.description == "0.00")
        #expect(even.periodicRate.isZero)
        let odd = try RetailLoan(sellingPrice: dec("1000.00"), apr: dec("0"), term: 3).quote(includeSchedule: true)
        #expect(odd.periodicPayment.total.description == "333.33")
        #expect(odd.finalPayment.description == "333.34")
        #expect(odd.schedule?.map(\.balance) == [dec("666.67"), dec("333.34"), dec("0.00")])
        #expect(odd.schedule?.allSatisfy { $0.interest.isZero } == true)
        #expect(try odd.unroundedPayment.description.hasPrefix("333.333333333333333333"))
    }

    @Test("Every frequency's periodic rate is apr / 100 / m, and its payment", arguments: [
        (PaymentFrequency.monthly, 24, "13/2500", "1066.29", "1066.32", "25590.99"),
        (.semimonthly, 48, "13/5000", "532.50", "532.37", "25559.87"),
        (.biweekly, 52, "3/1250", "491.49", "491.53", "25557.52"),
        (.weekly, 104, "3/2500", "245.61", "245.25", "25543.08"),
        (.quarterly, 8, "39/2500", "3214.40", "3214.41", "25715.21"),
        (.semiannual, 4, "39/1250", "6475.19", "6475.18", "25900.75"),
        (.annual, 3, "39/625", "9018.53", "9018.53", "27055.59"),
    ])
    func frequencies(frequency: PaymentFrequency, term: Int, rate: String, payment: String, final: String, total: String) throws {
        var loan = RetailLoan(sellingPrice: dec("24000.00"), apr: dec("6.24"), term: term)
        loan.frequency = frequency
        let quote = try loan.quote()
        #expect("\(quote.periodicRate.numerator)/\(quote.periodicRate.denominator)" == rate)
        #expect(quote.periodicRate.periodsPerYear == frequency.periodsPerYear)
        #expect(quote.periodicPayment.total.description == payment)
        #expect(quote.finalPayment.description == final)
        #expect(quote.totalOfPayments.description == total)
    }

    @Test("Advance: the first payment is due at signing with the cash down")
    func advanceDueAtSigning() throws {
        var loan = RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60)
        loan.downPayment = dec("2000.00")
        loan.paymentTiming = .advance
        let quote = try loan.quote(includeSchedule: true)
        #expect(quote.periodicPayment.total.description == "538.63")
        #expect(quote.finalPayment.description == "538.27")
        #expect(quote.totalOfPayments.description == "32317.44")
        #expect(quote.dueAtSigning.items == [NamedAmount(name: "Cash down payment", amount: dec("2000.00")), NamedAmount(name: "First payment", amount: dec("538.63"))])
        #expect(quote.dueAtSigning.total.description == "2538.63")
        #expect(quote.schedule?.count == 60)
        #expect(quote.schedule?.first?.interest.description == "0.00")
        #expect(quote.schedule?.last?.balance.description == "0.00")
    }

    /// Contract 2026-01-10, first payment 2026-02-25 monthly: 1 whole month + 15/30.
    /// A = 20000, 7.2 % (i = 0.006), 36 payments.
    @Test("Odd first period in spread, firstPayment and ignore modes", arguments: [
        (OddDaysTreatment.spread, "621.23", nil as String?, "180.36", "621.24", "22364.29"),
        (.firstPayment, "619.37", "679.37", "180.00", "619.47", "22357.42"),
        (.ignore, "619.37", nil, "120.00", "619.47", "22297.42"),
    ])
    func oddFirstPeriod(mode: OddDaysTreatment, payment: String, first: String?, interest1: String, final: String, total: String) throws {
        var loan = RetailLoan(sellingPrice: dec("20000.00"), apr: dec("7.2"), term: 36)
        loan.contractDate = try CivilDate(year: 2026, month: 1, day: 10)
        loan.firstPaymentDate = try CivilDate(year: 2026, month: 2, day: 25)
        loan.oddDays = mode
        let quote = try loan.quote(includeSchedule: true)
        #expect(quote.firstPeriod == FirstPeriod(wholePeriods: 1, oddDays: 15, daysPerUnitPeriod: 30))
        #expect(quote.periodicPayment.total.description == payment)
        #expect(quote.firstPayment?.description == first)
        #expect(quote.schedule?.first?.interest.description == interest1)
        #expect(quote.schedule?.first?.payment.description == (first ?? payment))
        #expect(quote.finalPayment.description == final)
        #expect(quote.totalOfPayments.description == total)
        #expect(quote.firstPaymentDate?.description == "2026-02-25")
        #expect(quote.maturityDate?.description == "2029-01-25")
        #expect(quote.schedule?.last?.date?.description == "2029-01-25")
    }

    @Test("Dates: default first payment one period after the contract; advance starts at signing")
    func dates() throws {
        var loan = RetailLoan(sellingPrice: dec("12000.00"), apr: dec("5"), term: 12)
        loan.contractDate = try CivilDate(year: 2026, month: 1, day: 15)
        let arrears = try loan.quote()
        #expect(arrears.firstPaymentDate?.description == "2026-02-15")
        #expect(arrears.maturityDate?.description == "2027-01-15")
        #expect(arrears.firstPeriod.isRegular)
        loan.paymentTiming = .advance
        let advance = try loan.quote()
        #expect(advance.firstPaymentDate?.description == "2026-01-15")
        #expect(advance.maturityDate?.description == "2026-12-15")
        loan.balloon = .amount(dec("3000.00"))
        #expect(try loan.quote().maturityDate?.description == "2027-01-15")
        // Without dates there are none.
        let undated = try RetailLoan(sellingPrice: dec("12000.00"), apr: dec("5"), term: 12).quote(includeSchedule: true)
        #expect(undated.firstPaymentDate == nil)
        #expect(undated.maturityDate == nil)
        #expect(undated.schedule?.allSatisfy { $0.date == nil } == true)
        // A first payment date alone gives dates without an odd period.
        var firstOnly = RetailLoan(sellingPrice: dec("12000.00"), apr: dec("5"), term: 12)
        firstOnly.firstPaymentDate = try CivilDate(year: 2026, month: 3, day: 1)
        let quote = try firstOnly.quote()
        #expect(quote.maturityDate?.description == "2027-02-01")
        #expect(quote.firstPeriod.isRegular)
    }

    @Test("Schedule identities", arguments: [
        ("30000.00", "6", 60, PaymentTiming.arrears, "10000.00" as String?, OddDaysTreatment.spread, false),
        ("30000.00", "6", 60, .advance, "10000.00", .spread, false),
        ("30000.00", "6", 60, .advance, nil, .spread, false),
        ("18000.00", "0", 7, .arrears, "1000.00", .spread, false),
        ("20000.00", "7.2", 36, .arrears, nil, .spread, true),
        ("20000.00", "7.2", 36, .arrears, "4000.00", .firstPayment, true),
        ("20000.00", "24.99", 84, .arrears, nil, .ignore, true),
        ("999.99", "99.5", 13, .arrears, "100.00", .spread, true),
    ])
    func identities(price: String, apr: String, term: Int, timing: PaymentTiming, balloon: String?, mode: OddDaysTreatment, dated: Bool) throws {
        var loan = RetailLoan(sellingPrice: dec(price), apr: dec(apr), term: term)
        loan.paymentTiming = timing
        loan.balloon = balloon.map { .amount(dec($0)) }
        loan.oddDays = mode
        if dated {
            loan.contractDate = try CivilDate(year: 2026, month: 1, day: 10)
            loan.firstPaymentDate = try CivilDate(year: 2026, month: 2, day: 25)
        }
        let quote = try loan.quote(includeSchedule: true)
        let rows = try #require(quote.schedule)
        let b = quote.balloon ?? .zero
        func sum(_ values: [ExactDecimal]) throws -> ExactDecimal { try values.reduce(ExactDecimal.zero) { try $0 + $1 } }
        let extraRow = timing == .advance && balloon != nil
        #expect(rows.count == term + (extraRow ? 1 : 0))
        let regular = Array(rows.prefix(term))
        // Σ principal of the regular rows = A − B (arrears) — with the balloon row, all principal = A.
        #expect(try sum(rows.map(\.principal)) == (extraRow ? quote.netFinancedAmount : try quote.netFinancedAmount - b))
        // Σ regular payments + balloon = total of payments.
        #expect(try sum(regular.map(\.payment)) + b == quote.totalOfPayments)
        #expect(regular.last?.payment == quote.finalPayment)
        for row in rows {
            #expect(!row.balance.isNegative)
            #expect(try row.payment - row.interest == row.principal)
        }
        for (previous, row) in zip(rows, rows.dropFirst()) {
            #expect(try previous.balance - row.principal == row.balance)
        }
        if timing == .arrears {
            #expect(rows.last?.balance == b)
        } else {
            #expect(rows.last?.balance == .zero)
            if extraRow { #expect(rows.last?.payment == b) }
        }
        #expect(rows.map(\.number) == Array(1...rows.count))
        #expect(try quote.financeCharge == quote.totalOfPayments - quote.amountFinanced)
    }

    @Test("A rounded payment that repays early is unsupported: 1.50 at 0 % over 300 payments")
    func repaysEarly() throws {
        let loan = RetailLoan(sellingPrice: dec("1.50"), apr: dec("0"), term: 300)
        #expect(throws: DealError.self) { try loan.quote() }
        do { _ = try loan.quote() } catch {
            #expect(error.code == .unsupported)
            #expect(error.path == "term")
            #expect(error.message.contains("expected the rounded payment to amortize the loan over all 300 payments"))
            #expect(error.message.contains("by payment 151"))
        }
        // 1.50 over 150 payments is exactly 0.01 each.
        #expect(try RetailLoan(sellingPrice: dec("1.50"), apr: dec("0"), term: 150).quote().finalPayment.description == "0.01")
    }

    @Test("Balloons in percent: of MSRP and of the selling price, rounded half up")
    func percentBalloons() throws {
        var loan = RetailLoan(sellingPrice: dec("32500.00"), apr: dec("6"), term: 36)
        loan.msrp = dec("34995.00")
        loan.balloon = .percentOfMsrp(dec("35"))
        // 34995 × 35 % = 12248.25.
        #expect(try loan.quote().balloon?.description == "12248.25")
        loan.balloon = .percentOfSellingPrice(dec("40.5"))
        // 32500 × 40.5 % = 13162.50.
        #expect(try loan.quote().balloon?.description == "13162.50")
        loan.sellingPrice = dec("100.01")
        loan.balloon = .percentOfSellingPrice(dec("50"))
        // 50.005 → 50.01.
        #expect(try loan.quote().balloon?.description == "50.01")
    }

    @Test("unroundedPayment has at least 20 significant digits of P*")
    func unroundedDigits() throws {
        var loan = RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60)
        loan.balloon = .amount(dec("10000.00"))
        let text = try loan.quote().unroundedPayment.description
        // P* = 436.65603058855836767060874084… (Python fractions).
        #expect(text.hasPrefix("436.6560305885583676706"))
        #expect(text.filter(\.isNumber).count >= 20)
        // Tiny payments still carry 20 significant digits.
        let tiny = try RetailLoan(sellingPrice: dec("0.01"), apr: dec("0"), term: 3).quote(includeSchedule: false)
        #expect(tiny.periodicPayment.net.description == "0.00")
        #expect(tiny.finalPayment.description == "0.01")
        #expect(try tiny.unroundedPayment.description.hasPrefix("0.00" + String(repeating: "3", count: 20)))
    }

    @Test("Schedule dates: row k is paymentDate(k − 1, first:) for every frequency, month-end and leap-day anchors, and a balloon row")
    func scheduleDates() throws {
        let firsts = ["2024-01-29", "2024-01-30", "2024-01-31", "2024-02-29", "2025-02-28", "2026-11-30", "2026-03-15", "2026-12-01"]
        var checked = 0, monthlyChecked = 0
        for frequency in PaymentFrequency.allCases {
            for text in firsts {
                for (timing, balloon) in [(PaymentTiming.arrears, false), (.advance, true)] {
                    var loan = RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6.9"), term: frequency.periodsPerYear >= 12 ? 60 : 7)
                    loan.frequency = frequency
                    loan.paymentTiming = timing
                    if balloon { loan.balloon = .amount(dec("8000.00")) }
                    let first = try CivilDate(parsing: text)
                    loan.contractDate = timing == .advance ? first : try frequency.date(byAddingPeriods: -1, to: first)
                    loan.firstPaymentDate = first
                    guard let quote = try? loan.quote(includeSchedule: true), let schedule = quote.schedule,
                          let firstDate = quote.firstPaymentDate else { continue }
                    for row in schedule {
                        #expect(row.date == (try frequency.paymentDate(row.number - 1, first: firstDate)), "\(frequency) \(text) row \(row.number)")
                        checked += 1
                        if frequency.monthsPerPeriod != nil { monthlyChecked += 1 }
                    }
                }
            }
        }
        #expect(checked > 2_000 && monthlyChecked > 500, "\(checked) rows, \(monthlyChecked) month-based")
    }
}

