// DealFinance — DealEngineTests: LoanQuote+APR.swift (the Reg Z APR of a quoted loan).

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("LoanQuote.annualPercentageRate")
struct LoanQuoteAPRTests {
    @Test("A regular loan's APR is its contract rate up to the cent rounding of the payment")
    func regular() throws {
        let quote = try RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60).quote()
        let result = try quote.annualPercentageRate()
        #expect(result.aprDisclosed == dec("6.00"))
        #expect(abs(RateSolver.double(result.apr) - 6) < 0.0001)
        #expect(result.financeCharge == quote.financeCharge)
        #expect(result.totalOfPayments == quote.totalOfPayments)
    }

    @Test("Prepaid finance charges raise the APR above the contract rate")
    func prepaid() throws {
        var loan = RetailLoan(sellingPrice: dec("20000.00"), apr: dec("5.9"), term: 48)
        loan.fees = [Fee(name: "Origination", amount: dec("500.00"), taxable: false, financed: true, prepaidFinanceCharge: true)]
        let result = try loan.quote().annualPercentageRate()
        #expect(result.apr > dec("7"))
        #expect(result.totalOfPayments == (try loan.quote().totalOfPayments))
    }

    @Test("Odd days: spread keeps the APR at the contract rate; ignore lowers it; dates and balloons in both timings")
    func oddDays() throws {
        var loan = RetailLoan(sellingPrice: dec("10000.00"), apr: dec("9"), term: 36)
        loan.contractDate = try CivilDate(parsing: "2026-04-01")
        loan.firstPaymentDate = try CivilDate(parsing: "2026-05-16")
        let spread = try loan.quote().annualPercentageRate()
        #expect(abs(RateSolver.double(spread.apr) - 9) < 0.01)
        loan.oddDays = .ignore
        let ignored = try loan.quote().annualPercentageRate()
        #expect(ignored.apr < spread.apr)
        for timing in [PaymentTiming.arrears, .advance] {
            var balloon = RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60)
            balloon.balloon = .amount(dec("10000.00"))
            balloon.paymentTiming = timing
            let quote = try balloon.quote()
            let result = try quote.annualPercentageRate()
            #expect(result.totalOfPayments == quote.totalOfPayments)
            #expect(result.aprDisclosed == dec("6.00"), "\(timing) \(result.apr)")
        }
    }
}
