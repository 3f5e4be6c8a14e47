// DealFinance — DealEngineTests: the lease result type (LeaseQuote.swift).

import Testing
import DealDecimal
@testable import DealEngine

@Suite("LeaseQuote")
struct LeaseQuoteTests {
    @Test("Due at signing items and paid-by lines sum to the same total")
    func dueAtSigningBalances() throws {
        var lease = Lease(sellingPrice: ExactDecimal(37000), residual: .percent(ExactDecimal(58)),
                          rate: .moneyFactor(try ExactDecimal(parsing: "0.00250")), term: 36)
        lease.msrp = ExactDecimal(40000)
        lease.downPayment = ExactDecimal(2000)
        lease.rebates = [Rebate(name: "Lease cash", amount: ExactDecimal(1000))]
        lease.tradeIns = [TradeIn(allowance: ExactDecimal(3000), payoff: ExactDecimal(1000))]
        lease.securityDeposits = SecurityDeposits(count: 1, amount: ExactDecimal(500))
        let quote = try lease.quote()
        let items = try quote.dueAtSigning.items.reduce(ExactDecimal.zero) { try $0 + $1.amount }
        let paid = try quote.dueAtSigning.paidBy.reduce(ExactDecimal.zero) { try $0 + $1.amount }
        #expect(items == quote.dueAtSigning.total)
        #expect(paid == quote.dueAtSigning.total)
        #expect(quote.dueAtSigning.paidBy.map(\.name) == ["Net trade-in allowance", "Rebates", "Cash"])
        #expect(quote.cashDueAtSigning == quote.dueAtSigning.paidBy.last?.amount)
    }
}
