// DealFinance — DealEngineTests: RetailLoan.swift (the deal's inputs and their defaults).

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("RetailLoan inputs")
struct RetailLoanTests {
    @Test("A new deal has Documentation/Reference/Loan.md's defaults")
    func defaults() {
        let loan = RetailLoan(sellingPrice: dec("25000.00"), apr: dec("4.9"), term: 72)
        #expect(loan.sellingPrice == dec("25000.00"))
        #expect(loan.apr == dec("4.9"))
        #expect(loan.term == 72)
        #expect(loan.msrp == nil && loan.tax == nil && loan.balloon == nil)
        #expect(loan.addOns.isEmpty && loan.products.isEmpty && loan.fees.isEmpty && loan.tradeIns.isEmpty && loan.rebates.isEmpty)
        #expect(loan.downPayment == .zero)
        #expect(loan.frequency == .monthly)
        #expect(loan.paymentTiming == .arrears)
        #expect(loan.contractDate == nil && loan.firstPaymentDate == nil)
        #expect(loan.oddDays == .spread)
        #expect(loan.rounding == .standard)
        #expect(loan.currency == .usd)
    }

    @Test("Entry types default as documented")
    func entryDefaults() {
        let fee = Fee(name: "Doc", amount: dec("85.00"))
        #expect(!fee.taxable && fee.financed && !fee.prepaidFinanceCharge)
        #expect(TradeIn(allowance: dec("5000.00")).payoff == .zero)
        let tax = SalesTax(rate: dec("7.25"))
        #expect(tax.financed && tax.tradeInCredit && !tax.rebatesReduceTaxBase)
        let item = LineItem(name: "Mats", amount: dec("150.00"), taxable: true)
        #expect(item.name == "Mats" && item.amount == dec("150") && item.taxable)
        #expect(Rebate(name: "R", amount: dec("1")).amount == dec("1.00"))
    }

    @Test("Odd-days treatments are named as requests spell them")
    func oddDaysNames() {
        #expect(OddDaysTreatment.allCases.map(\.rawValue) == ["spread", "firstPayment", "ignore"])
        #expect(OddDaysTreatment(rawValue: "firstpayment") == nil)
    }

    @Test("Values compare by content (amounts numerically)")
    func equality() {
        var a = RetailLoan(sellingPrice: dec("100.0"), apr: dec("6"), term: 12)
        let b = RetailLoan(sellingPrice: dec("100.00"), apr: dec("6.0"), term: 12)
        #expect(a == b)
        a.balloon = .amount(dec("10"))
        #expect(a != b)
        #expect(Balloon.percentOfMsrp(dec("10")) != .percentOfSellingPrice(dec("10")))
        #expect(Set([Balloon.amount(dec("1.0")), .amount(dec("1.00"))]).count == 1)
    }
}
