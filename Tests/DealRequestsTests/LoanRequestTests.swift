// DealFinance — DealRequestsTests: LoanRequest (decoding `"calculate": "loan"`, Documentation/Reference/Loan.md fields).

import Testing
import DealDecimal
import DealEngine
import DealJSON
@testable import DealRequests

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

private func decode(_ extra: String = "") throws -> LoanRequest {
    try LoanRequest(json: try JSONReader().parse(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6.9","term":60"# + extra + "}"))
}

private func decodingError(_ text: String) -> DealError? {
    do { _ = try LoanRequest(json: try! JSONReader().parse(text)) } catch { return error }
    return nil
}

@Suite("LoanRequest")
struct LoanRequestTests {
    @Test("Only sellingPrice, apr, term given: every other field has Documentation/Reference/Loan.md's default")
    func defaults() throws {
        let request = try decode()
        let loan = request.loan
        #expect(loan.sellingPrice == dec("30000.00"))
        #expect(loan.apr == dec("6.9"))
        #expect(loan.term == 60)
        #expect(loan.msrp == nil)
        #expect(loan.addOns.isEmpty)
        #expect(loan.products.isEmpty)
        #expect(loan.fees.isEmpty)
        #expect(loan.tradeIns.isEmpty)
        #expect(loan.downPayment == .zero)
        #expect(loan.rebates.isEmpty)
        #expect(loan.tax == nil)
        #expect(loan.frequency == .monthly)
        #expect(loan.paymentTiming == .arrears)
        #expect(loan.balloon == nil)
        #expect(loan.contractDate == nil)
        #expect(loan.firstPaymentDate == nil)
        #expect(loan.oddDays == .spread)
        #expect(loan.rounding == .standard)
        #expect(loan.currency == .usd)
        #expect(request.includeSchedule == false)
        #expect(request.explain == false)
        #expect(loan == RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6.9"), term: 60))
    }

    @Test("List entries: defaults for names, taxable, financed, prepaidFinanceCharge and payoff")
    func entryDefaults() throws {
        let loan = try decode(#","addOns":[{"amount":"100.00"}],"products":[{"amount":"200.00"}],"fees":[{"amount":"300.00"}],"tradeIns":[{"allowance":"400.00"}],"rebates":[{"amount":"500.00"}],"tax":{"rate":"7"}"#).loan
        #expect(loan.addOns == [LineItem(name: "Add-on 1", amount: dec("100.00"), taxable: true, preInstalled: false)])
        #expect(loan.products == [LineItem(name: "Product 1", amount: dec("200.00"), taxable: false)])
        #expect(loan.fees == [Fee(name: "Fee 1", amount: dec("300.00"), taxable: false, financed: true, prepaidFinanceCharge: false)])
        #expect(loan.tradeIns == [TradeIn(allowance: dec("400.00"), payoff: .zero)])
        #expect(loan.rebates == [Rebate(name: "Rebate 1", amount: dec("500.00"))])
        #expect(loan.tax == SalesTax(rate: dec("7"), financed: true, tradeInCredit: true, rebatesReduceTaxBase: false))
    }

    @Test("addOns[].preInstalled is decoded (default false) and changes nothing else")
    func preInstalled() throws {
        let loan = try decode(#","addOns":[{"name":"Tint","amount":"399.00","preInstalled":true},{"name":"Mats","amount":"150.00","preInstalled":false},{"amount":"1.00"}]"#).loan
        #expect(loan.addOns.map(\.preInstalled) == [true, false, false])
        #expect(loan.addOns[0] == LineItem(name: "Tint", amount: dec("399.00"), taxable: true, preInstalled: true))
        #expect(loan.addOns.allSatisfy { $0.taxable })
    }

    @Test("Default names count from 1 by position")
    func defaultNames() throws {
        let loan = try decode(#","addOns":[{"amount":"1.00"},{"name":"Mats","amount":"2.00"},{"amount":"3.00"}],"fees":[{"amount":"1.00"},{"amount":"2.00"}],"rebates":[{"name":"Loyalty","amount":"1.00"},{"amount":"2.00"}],"products":[{"amount":"1.00"},{"amount":"1.00"}]"#).loan
        #expect(loan.addOns.map(\.name) == ["Add-on 1", "Mats", "Add-on 3"])
        #expect(loan.fees.map(\.name) == ["Fee 1", "Fee 2"])
        #expect(loan.rebates.map(\.name) == ["Loyalty", "Rebate 2"])
        #expect(loan.products.map(\.name) == ["Product 1", "Product 2"])
    }

    @Test("Every field given with a value other than its default is decoded")
    func everyField() throws {
        let request = try decode(#"""
        ,"currency":"EUR","msrp":"34995.00",
        "addOns":[{"name":"Mats","amount":"189.00","taxable":false}],
        "products":[{"name":"GAP","amount":"695.00","taxable":true}],
        "fees":[{"name":"Origination","amount":"495.00","taxable":true,"financed":false,"prepaidFinanceCharge":true}],
        "tradeIns":[{"allowance":"9000.00","payoff":"11250.00"},{"allowance":"500.00","payoff":"0.00"}],
        "downPayment":"3000.00",
        "rebates":[{"name":"Conquest","amount":"1000.00"}],
        "tax":{"rate":"7.25","financed":false,"tradeInCredit":false,"rebatesReduceTaxBase":true},
        "frequency":"biweekly","paymentTiming":"advance",
        "balloon":{"percentOfMsrp":"35"},
        "contractDate":"2026-11-23","firstPaymentDate":"2026-11-23",
        "oddDays":"firstPayment","rounding":"standard","includeSchedule":true,"explain":true
        """#)
        let loan = request.loan
        #expect(loan.currency == (try Currency(code: "EUR")))
        #expect(loan.msrp == dec("34995.00"))
        #expect(loan.addOns == [LineItem(name: "Mats", amount: dec("189.00"), taxable: false)])
        #expect(loan.products == [LineItem(name: "GAP", amount: dec("695.00"), taxable: true)])
        #expect(loan.fees == [Fee(name: "Origination", amount: dec("495.00"), taxable: true, financed: false, prepaidFinanceCharge: true)])
        #expect(loan.tradeIns == [TradeIn(allowance: dec("9000.00"), payoff: dec("11250.00")), TradeIn(allowance: dec("500.00"), payoff: .zero)])
        #expect(loan.downPayment == dec("3000.00"))
        #expect(loan.rebates == [Rebate(name: "Conquest", amount: dec("1000.00"))])
        #expect(loan.tax == SalesTax(rate: dec("7.25"), financed: false, tradeInCredit: false, rebatesReduceTaxBase: true))
        #expect(loan.frequency == .biweekly)
        #expect(loan.paymentTiming == .advance)
        #expect(loan.balloon == .percentOfMsrp(dec("35")))
        #expect(loan.contractDate == (try CivilDate(year: 2026, month: 11, day: 23)))
        #expect(loan.firstPaymentDate == (try CivilDate(year: 2026, month: 11, day: 23)))
        #expect(loan.oddDays == .firstPayment)
        #expect(loan.rounding == .standard)
        #expect(request.includeSchedule)
        #expect(request.explain)
    }

    @Test("Each balloon form", arguments: [
        (#"{"amount":"10000.00"}"#, Balloon.amount(dec("10000.00"))),
        (#"{"percentOfMsrp":"35"}"#, .percentOfMsrp(dec("35"))),
        (#"{"percentOfSellingPrice":"40.5"}"#, .percentOfSellingPrice(dec("40.5"))),
    ])
    func balloons(json: String, balloon: Balloon) throws {
        #expect(try decode(#","balloon":"# + json).loan.balloon == balloon)
    }

    @Test("Every frequency, timing and odd-days name", arguments: PaymentFrequency.allCases)
    func frequencies(frequency: PaymentFrequency) throws {
        #expect(try decode(#","frequency":""# + frequency.rawValue + "\"").loan.frequency == frequency)
    }

    @Test func timingsAndOddDays() throws {
        for timing in PaymentTiming.allCases {
            #expect(try decode(#","paymentTiming":""# + timing.rawValue + "\"").loan.paymentTiming == timing)
        }
        for treatment in OddDaysTreatment.allCases {
            #expect(try decode(#","oddDays":""# + treatment.rawValue + "\"").loan.oddDays == treatment)
        }
    }

    @Test("A currency's code is decoded before the amounts are checked against it")
    func currencies() throws {
        let yen = try LoanRequest(json: try JSONReader().parse(#"{"calculate":"loan","currency":"JPY","sellingPrice":"3000000","apr":"3","term":60}"#))
        #expect(yen.loan.currency.minorUnitDigits == 0)
        let dinar = try LoanRequest(json: try JSONReader().parse(#"{"calculate":"loan","currency":"BHD","sellingPrice":"1000.005","apr":"3","term":60}"#))
        #expect(dinar.loan.currency.minorUnitDigits == 3)
        #expect(decodingError(#"{"calculate":"loan","currency":"EURO","sellingPrice":"1.00","apr":"3","term":6}"#)?.path == "currency")
    }

    @Test("Decoding errors name the field's path", arguments: [
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"extra":1}"#, "extra"),
        (#"{"calculate":"loan","apr":"3","term":6}"#, "sellingPrice"),
        (#"{"calculate":"loan","sellingPrice":"1.00","term":6}"#, "apr"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3"}"#, "term"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"fees":[{"amount":"1.00"},{"amount":1}]}"#, "fees.1.amount"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"rebates":[{"amount":"1.00","name":false}]}"#, "rebates.0.name"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"tradeIns":[{"allowance":"1.00","payoff":2}]}"#, "tradeIns.0.payoff"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"tax":{"rate":"7","tradeInCredit":"no"}}"#, "tax.tradeInCredit"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"tax":{"rate":"7","rebatesReduceTaxBase":0}}"#, "tax.rebatesReduceTaxBase"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"balloon":{"amount":"1.00","percentOfMsrp":"5","percentOfSellingPrice":"5"}}"#, "balloon"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"firstPaymentDate":"2026-13-01"}"#, "firstPaymentDate"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"rounding":"up"}"#, "rounding"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"products":[{"amount":"1.00","financed":true}]}"#, "products.0.financed"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"addOns":[{"amount":"1.00","preInstalled":"yes"}]}"#, "addOns.0.preInstalled"),
        (#"{"calculate":"loan","sellingPrice":"1.00","apr":"3","term":6,"products":[{"amount":"1.00","preInstalled":true}]}"#, "products.0.preInstalled"),
    ])
    func errors(text: String, path: String) {
        let error = decodingError(text)
        #expect(error?.code == .invalidArgument)
        #expect(error?.path == path)
        #expect(error?.message.hasPrefix("expected") == true)
    }

    @Test("Decoding does not validate ranges: the engine does (term 0 decodes)")
    func rangesAreTheEnginesJob() throws {
        let request = try LoanRequest(json: try JSONReader().parse(#"{"calculate":"loan","sellingPrice":"-1.00","apr":"101","term":0}"#))
        #expect(request.loan.term == 0)
        #expect(request.loan.apr == dec("101"))
        #expect(request.loan.sellingPrice == dec("-1.00"))
    }
}
