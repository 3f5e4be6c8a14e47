// DealFinance — DealFinanceCTests: BatchColumns.swift, the conversions of batch columns.

import Testing
import DealFinance
import DealJSON
@testable import DealFinanceC

@Suite("C ABI batch columns")
struct BatchColumnsTests {
    @Test("A coefficient and scale is the decimal its text parses to")
    func decimals() throws {
        #expect(BatchColumns.decimal(690, scale: 2) == (try ExactDecimal(parsing: "6.90")))
        #expect(BatchColumns.decimal(-5, scale: 3).description == "-0.005")
        #expect(BatchColumns.decimal(Int64.max, scale: 18) == (try ExactDecimal(parsing: "9.223372036854775807")))
    }

    @Test("Scales 0 to 18 are accepted, others refused")
    func scales() throws {
        #expect(try BatchColumns.scale(0, name: "apr_scale") == 0)
        #expect(try BatchColumns.scale(18, name: "apr_scale") == 18)
        let error = #expect(throws: ExportFailure.self) { try BatchColumns.scale(19, name: "apr_scale") }
        #expect(error?.path == "apr_scale" && error?.status == Status.invalidArgument)
        #expect(throws: ExportFailure.self) { try BatchColumns.scale(-1, name: "tax_rate_scale") }
    }

    @Test("Results in minor units: rescaled exactly, overflow and excess decimals refused")
    func minorUnits() throws {
        #expect(try BatchColumns.minorUnits(try ExactDecimal(parsing: "436.66"), digits: 2) == 43666)
        #expect(try BatchColumns.minorUnits(try ExactDecimal(parsing: "436.6"), digits: 2) == 43660)
        #expect(try BatchColumns.minorUnits(try ExactDecimal(parsing: "5"), digits: 0) == 5)
        #expect(throws: ExportFailure.self) { try BatchColumns.minorUnits(try ExactDecimal(parsing: "0.001"), digits: 2) }
        #expect(throws: ExportFailure.self) { try BatchColumns.minorUnits(try ExactDecimal(parsing: "99999999999999999999"), digits: 2) }
    }

    @Test("Currency codes: none is USD, known codes give their digits, others are refused")
    func currencies() throws {
        #expect(try BatchColumns.currency(nil, 0) == .usd)
        let yen = try "JPY".withCString { try BatchColumns.currency($0, 3) }
        #expect(yen.minorUnitDigits == 0)
        #expect(throws: ExportFailure.self) { try "XYZ".withCString { try BatchColumns.currency($0, 3) } }
        #expect(throws: ExportFailure.self) { try BatchColumns.currency(nil, 3) }
    }

    @Test("Every DFIN_FREQUENCY_* code is the frequency of the JSON name in that order")
    func frequencies() throws {
        let names = ["monthly", "semimonthly", "biweekly", "weekly", "quarterly", "semiannual", "annual"]
        for (code, name) in names.enumerated() {
            #expect(try PaymentFrequency(code: Int32(code)).rawValue == name)
        }
        #expect(throws: ExportFailure.self) { try PaymentFrequency(code: 7) }
    }
}
