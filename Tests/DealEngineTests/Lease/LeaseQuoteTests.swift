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

    @Test("Lists kept as parts read, compare and hash as the lists they stand for; setting stores a list")
    func listsFromParts() throws {
        let components = [LeaseTax.Component(name: "GST", rate: ExactDecimal(5)), LeaseTax.Component(name: "QST", rate: try ExactDecimal(parsing: "9.975"))]
        var amounts = TaxAmounts()
        amounts.append(1250)
        amounts.append(0)
        #expect(amounts.count == 2 && amounts[0] == 1250 && amounts[1] == 0 && amounts.total == 1250)
        let fromParts = NamedAmountList(currency: .usd, components: components, taxes: amounts)
        let list = [NamedAmount(name: "GST", amount: try ExactDecimal(parsing: "12.50")), NamedAmount(name: "QST", amount: try ExactDecimal(parsing: "0.00"))]
        #expect(fromParts.list == list)
        #expect(fromParts == NamedAmountList(list: list))
        #expect(fromParts.hashValue == NamedAmountList(list: list).hashValue)
        #expect(fromParts != NamedAmountList(list: Array(list.prefix(1))))
        var five = TaxAmounts()
        for value in 1...5 { five.append(Int128(value)) }
        #expect(five.count == 5 && five[4] == 5 && five.total == 15)

        let fraction = FractionText(numerator: 250, denominator: 100000)
        #expect(fraction.text == "250/100000")
        #expect(fraction == FractionText(text: "250/100000") && fraction.hashValue == FractionText(text: "250/100000").hashValue)
        #expect(fraction != FractionText(text: "1/400"))

        var upfront = TaxAmounts()
        upfront.append(700)
        upfront.append(0)
        let fees = [LeaseFee(name: "Acquisition fee", amount: ExactDecimal(895)),
                    LeaseFee(name: "Doc fee", amount: try ExactDecimal(parsing: "85.00"), capitalized: false),
                    LeaseFee(name: "Zero", amount: ExactDecimal(0), capitalized: false)]
        let parts = LeaseDueAtSigning.LeaseParts(currency: .usd, reduction: 300000, firstPayment: 50301, onePay: false, deposit: 45000,
                                                 fees: fees, components: components, upfrontTaxes: upfront, positiveEquity: 200000, rebates: 0, cash: 403808 - 200000)
        var due = LeaseDueAtSigning(total: try ExactDecimal(parsing: "4038.08"), parts: parts)
        #expect(due.items.map(\.name) == ["Capitalized cost reduction", "First periodic payment", "Refundable security deposit", "Doc fee", "GST (up front)"])
        #expect(due.items.map(\.amount.description) == ["3000.00", "503.01", "450.00", "85.00", "7.00"])
        #expect(due.paidBy.map(\.name) == ["Net trade-in allowance", "Cash"])
        #expect(due.paidBy.map(\.amount.description) == ["2000.00", "2038.08"])
        let listed = LeaseDueAtSigning(total: due.total, items: due.items, paidBy: due.paidBy)
        #expect(due == listed && due.hashValue == listed.hashValue)
        let paidBy = due.paidBy
        due.items = [NamedAmount(name: "Cash", amount: ExactDecimal(1))]
        #expect(due.items.count == 1 && due.paidBy == paidBy)
        due.paidBy = []
        #expect(due.items.count == 1 && due.paidBy.isEmpty)
        #expect(due != listed)
        var onePay = parts
        onePay.onePay = true
        onePay.upfrontTaxes = nil
        #expect(LeaseDueAtSigning(total: due.total, parts: onePay).items.map(\.name) == ["Capitalized cost reduction", "Single payment", "Refundable security deposit", "Doc fee"])
    }

    @Test("Setting a listed line of a quote stores it")
    func settingListedLines() throws {
        var lease = Lease(sellingPrice: ExactDecimal(37000), residual: .percent(ExactDecimal(58)),
                          rate: .moneyFactor(try ExactDecimal(parsing: "0.00250")), term: 36)
        lease.msrp = ExactDecimal(40000)
        lease.tax = LeaseTax(components: [.init(name: "GST", rate: ExactDecimal(5)), .init(name: "PST", rate: ExactDecimal(7))])
        var quote = try lease.quote()
        #expect(quote.moneyFactorExact == "250/100000")
        #expect(quote.upfrontTaxes?.map(\.name) == ["GST", "PST"])
        #expect(quote.periodicPayment.taxes?.map(\.name) == ["GST", "PST"])
        quote.moneyFactorExact = "1/400"
        quote.upfrontTaxes = nil
        quote.periodicPayment.taxes = [NamedAmount(name: "Other", amount: ExactDecimal(1))]
        #expect(quote.moneyFactorExact == "1/400")
        #expect(quote.upfrontTaxes == nil)
        #expect(quote.periodicPayment.taxes?.map(\.name) == ["Other"])
    }
}
