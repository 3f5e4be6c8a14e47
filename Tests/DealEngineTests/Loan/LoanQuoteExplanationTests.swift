// DealFinance — DealEngineTests: LoanQuote+Explanation.swift (formula and inputs per line).

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("LoanQuote explanation")
struct LoanQuoteExplanationTests {
    func fullQuote(_ mode: OddDaysTreatment = .spread, timing: PaymentTiming = .arrears) throws -> LoanQuote {
        var loan = RetailLoan(sellingPrice: dec("20000.00"), apr: dec("7.2"), term: 36)
        loan.msrp = dec("21000.00")
        loan.tradeIns = [TradeIn(allowance: dec("8000.00"), payoff: dec("12000.00"))]
        loan.tax = SalesTax(rate: dec("6"))
        loan.balloon = .amount(dec("4000.00"))
        loan.contractDate = try CivilDate(year: 2026, month: 1, day: 10)
        if timing == .arrears { loan.firstPaymentDate = try CivilDate(year: 2026, month: 2, day: 25) }
        loan.oddDays = mode
        loan.paymentTiming = timing
        return try loan.quote(includeSchedule: true)
    }

    @Test("Lines appear once each, in breakdown order")
    func order() throws {
        let lines = try fullQuote(.firstPayment).explanation().map(\.line)
        #expect(lines == ["sellingPrice", "msrp", "addOnsTotal", "productsTotal", "feesFinanced", "feesDueAtSigning",
                          "tradeInAllowance", "tradeInPayoff", "tradeInEquity", "downPayment", "rebatesTotal",
                          "taxableAmount", "salesTax", "financedAmount", "capitalizedCostReduction", "netFinancedAmount",
                          "prepaidFinanceCharges", "amountFinanced", "disclosedDownPayment", "apr", "periodicRate",
                          "periodicPayment", "unroundedPayment", "numberOfPayments", "firstPayment", "finalPayment",
                          "balloon", "totalOfPayments", "financeCharge", "totalSalePrice", "dueAtSigning",
                          "firstPaymentDate", "maturityDate", "schedule"])
        #expect(Set(lines).count == lines.count)
    }

    @Test("Lines for absent parts are absent")
    func absent() throws {
        let lines = try RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60).quote().explanation().map(\.line)
        for line in ["msrp", "tradeInAllowance", "tradeInPayoff", "tradeInEquity", "taxableAmount", "salesTax", "firstPayment",
                     "balloon", "firstPaymentDate", "maturityDate", "schedule"] {
            #expect(!lines.contains(line), "\(line)")
        }
    }

    @Test("A hand-set quote whose parts do not subtract within 38 digits says so, not 0")
    func financedTaxBeyondDigits() throws {
        var quote = try RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60).quote()
        quote.financedAmount = dec("99999999999999999999999999999999999999")
        quote.sellingPrice = dec("-99999999999999999999999999999999999999")
        let text = try Dictionary(uniqueKeysWithValues: quote.explanation().map { ($0.line, $0.text) })
        #expect(text["financedAmount"]?.contains("financed sales tax (not within 38 digits") == true)
    }

    @Test("Each text shows its inputs and its value")
    func texts() throws {
        let quote = try fullQuote()
        let text = try Dictionary(uniqueKeysWithValues: quote.explanation().map { ($0.line, $0.text) })
        #expect(text["tradeInEquity"]?.contains("tradeInAllowance 8000.00 − tradeInPayoff 12000.00 = -4000.00") == true)
        // taxable 20000 − 8000 = 12000; tax 720.00; financed 20000 + 4000 + 720 = 24720.
        #expect(text["salesTax"]?.contains("taxableAmount 12000.00") == true)
        #expect(text["salesTax"]?.hasSuffix("= 720.00") == true)
        #expect(text["financedAmount"]?.contains("negative trade equity 4000.00 + financed sales tax 720.00 = 24720.00") == true)
        #expect(text["netFinancedAmount"] == "financedAmount 24720.00 − capitalizedCostReduction 0.00 = 24720.00")
        #expect(text["disclosedDownPayment"]?.contains("= 0.00") == true)
        #expect(text["periodicRate"] == "apr 7.2 / 100 / 12 payments a year = 3/500 exactly")
        #expect(text["periodicPayment"]?.contains("A' = A·(1 + 15/30·i)·(1+i)^(1 − 1)") == true)
        #expect(text["periodicPayment"]?.contains("B = balloon 4000.00, n = 36, i = 3/500") == true)
        #expect(text["firstPaymentDate"]?.contains("1 whole period(s) and 15/30 of a period") == true)
        #expect(text["maturityDate"]?.hasPrefix("2029-01-25") == true)
        #expect(text["financeCharge"] == "totalOfPayments \(quote.totalOfPayments) − amountFinanced \(quote.amountFinanced) = \(quote.financeCharge) (interest + prepaid finance charges)")
        #expect(text["dueAtSigning"] == "sum of nothing = 0.00")
        #expect(text["schedule"]?.hasPrefix("36 rows") == true)
    }

    @Test("The payment formula names the timing and the odd-period treatment")
    func formulas() throws {
        let ignore = Dictionary(uniqueKeysWithValues: try fullQuote(.ignore).explanation().map { ($0.line, $0.text) })
        #expect(ignore["periodicPayment"]?.contains("with A' = A;") == true)
        let advance = Dictionary(uniqueKeysWithValues: try fullQuote(timing: .advance).explanation().map { ($0.line, $0.text) })
        #expect(advance["periodicPayment"]?.contains("divided by (1+i) for payments in advance") == true)
        #expect(advance["finalPayment"]?.contains("the balloon's value one period earlier") == true)
        #expect(advance["dueAtSigning"]?.contains("First payment") == true)
        let zero = Dictionary(uniqueKeysWithValues: try RetailLoan(sellingPrice: dec("1200.00"), apr: dec("0"), term: 12).quote().explanation().map { ($0.line, $0.text) })
        #expect(zero["periodicPayment"]?.hasPrefix("P = (A − B) / n at a zero rate") == true)
        #expect(zero["periodicPayment"]?.contains("= 100.00") == true)
    }
}
