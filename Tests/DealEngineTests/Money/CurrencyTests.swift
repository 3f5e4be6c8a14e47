// DealFinance — DealEngineTests: Currency (Currency.swift).

import Testing
import DealEngine

@Suite("Currency")
struct CurrencyTests {
    @Test(arguments: [("USD", 2), ("EUR", 2), ("GBP", 2), ("CAD", 2), ("JPY", 0), ("KRW", 0), ("CLP", 0), ("ISK", 0), ("VND", 0),
                      ("BHD", 3), ("KWD", 3), ("OMR", 3), ("JOD", 3), ("TND", 3)])
    func minorUnitDigits(code: String, digits: Int) throws {
        let currency = try Currency(code: code)
        #expect(currency.code == code)
        #expect(currency.minorUnitDigits == digits)
        #expect(currency.description == code)
    }

    @Test func usdIsTheDefault() throws {
        #expect(Currency.usd.code == "USD")
        #expect(Currency.usd.minorUnitDigits == 2)
        #expect(try Currency(code: "USD") == .usd)
    }

    @Test(arguments: ["usd", "US", "USDD", "", " USD", "XXX", "EURO", "BTC"])
    func unknownCodesAreInvalidArguments(code: String) {
        do {
            _ = try Currency(code: code)
            Issue.record("\(code) was accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.path == "currency")
            #expect(error.message.contains("\"\(code)\""))
        }
    }

    @Test func knownTableIsConsistent() throws {
        #expect(Currency.known.count == 33)
        for (code, digits) in Currency.known {
            #expect(code.count == 3 && code.allSatisfy { $0.isASCII && $0.isUppercase }, "\(code)")
            #expect([0, 2, 3].contains(digits), "\(code)")
            #expect(try Currency(code: code).minorUnitDigits == digits)
        }
    }
}
