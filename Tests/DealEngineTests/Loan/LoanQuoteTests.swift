// DealFinance — DealEngineTests: LoanQuote.swift (the result value).

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("LoanQuote")
struct LoanQuoteTests {
    @Test("Fees paid at signing are listed at the currency's decimals, whatever decimals they were given with")
    func signingFeesAtMinorUnits() throws {
        for code in ["USD", "BHD", "JPY"] {
            var loan = RetailLoan(sellingPrice: try ExactDecimal(parsing: "30000"), apr: try ExactDecimal(parsing: "6"), term: 60)
            loan.currency = try Currency(code: code)
            loan.fees = [Fee(name: "Title", amount: try ExactDecimal(parsing: "85"), financed: false),
                         Fee(name: "Doc", amount: try ExactDecimal(parsing: code == "JPY" ? "199" : "199.5"), financed: false),
                         Fee(name: "Registration", amount: try ExactDecimal(parsing: "50"))]
            let items = try loan.quote().dueAtSigning.items
            let digits = loan.currency.minorUnitDigits
            #expect(items.map(\.name) == ["Title", "Doc"])
            #expect(items.map(\.amount.scale) == [digits, digits])
            #expect(items[0].amount == (try ExactDecimal(parsing: "85")))
        }
    }

    @Test("FirstPeriod.regular is one whole period with no odd days")
    func regularPeriod() throws {
        #expect(FirstPeriod.regular.wholePeriods == 1)
        #expect(FirstPeriod.regular.oddDays == 0)
        #expect(FirstPeriod.regular.isRegular)
        #expect(!FirstPeriod(wholePeriods: 1, oddDays: 15, daysPerUnitPeriod: 30).isRegular)
        #expect(!FirstPeriod(wholePeriods: 2, oddDays: 0, daysPerUnitPeriod: 30).isRegular)
    }

    @Test("unroundedPayment matches the exact P* to its last digit (half even)", arguments: [
        // (price, apr, term, P* digits from Python fractions)
        ("30000.00", "6", 60, "579.984045882837"),
        ("1000.00", "0", 3, "333.33333333"),
        ("20000.00", "7.2", 36, "619.372443571932"),
    ])
    func unrounded(price: String, apr: String, term: Int, prefix: String) throws {
        let quote = try RetailLoan(sellingPrice: dec(price), apr: dec(apr), term: term).quote()
        let text = try quote.unroundedPayment.description
        #expect(text.hasPrefix(prefix), "\(text)")
        #expect(text.filter(\.isNumber).drop { $0 == "0" }.count >= 20)
        // Rounding it half up gives the disclosed payment.
        #expect(try quote.unroundedPayment.rounded(scale: 2, rule: .toNearestOrAway) == quote.periodicPayment.net)
    }

    @Test("The payment parts: net + tax = total, tax 0 for retail")
    func parts() throws {
        let quote = try RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60).quote()
        #expect(quote.periodicPayment.tax == .zero)
        #expect(try quote.periodicPayment.net + quote.periodicPayment.tax == quote.periodicPayment.total)
        #expect(quote.numberOfPayments == 60)
        #expect(quote.firstPayment == nil)
        #expect(quote.schedule == nil)
        #expect(quote.currency == .usd)
        #expect(quote.frequency == .monthly && quote.paymentTiming == .arrears && quote.oddDays == .spread)
        #expect(quote.firstPeriod == .regular)
        #expect(quote.totalOfPayments.description == "34799.09")
    }

    @Test("Money keeps the currency's scale: JPY 0, BHD 3")
    func scales() throws {
        var yen = RetailLoan(sellingPrice: dec("3000000"), apr: dec("3"), term: 12)
        yen.currency = try Currency(code: "JPY")
        let yenQuote = try yen.quote()
        #expect(yenQuote.periodicPayment.net.scale == 0)
        #expect(yenQuote.totalOfPayments.scale == 0)
        var dinar = RetailLoan(sellingPrice: dec("3000"), apr: dec("3"), term: 12)
        dinar.currency = try Currency(code: "BHD")
        let dinarQuote = try dinar.quote()
        #expect(dinarQuote.sellingPrice.description == "3000.000")
        #expect(dinarQuote.periodicPayment.net.scale == 3)
        #expect(dinarQuote.financeCharge.scale == 3)
    }
}
