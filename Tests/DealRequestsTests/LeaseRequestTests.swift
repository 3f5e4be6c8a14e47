// DealFinance — DealRequestsTests: decoding and validating `"calculate": "lease"` (LeaseRequest.swift).

import Testing
import DealJSON
import DealEngine
@testable import DealRequests

private let spec = #""calculate":"lease","msrp":"40000.00","sellingPrice":"37000.00","fees":[{"name":"Acquisition fee","amount":"895.00"}],"downPayment":"2000.00","rebates":[{"name":"Lease cash","amount":"1000.00"}],"residual":{"percent":"58"},"term":36"#

private func answer(_ extra: String, rate: String = #","moneyFactor":"0.00250""#) -> JSONValue {
    DealCalculator.calculate(requestText: "{" + spec + rate + extra + "}")
}

@Suite("LeaseRequest")
struct LeaseRequestTests {
    @Test("the worked example of Documentation/Reference/Lease.md through JSON: 503.01")
    func worked() {
        let result = answer(#","tax":{"rate":"7","method":"monthly"}"#)
        #expect(result.value(atPath: "periodicPayment.total") == "503.01")
        #expect(result.value(atPath: "adjustedCapitalizedCost") == "34895.00")
        #expect(result.value(atPath: "periodicDepreciation") == "324.86")
        #expect(result.value(atPath: "periodicRentCharge") == "145.24")
    }

    @Test("Tax components, zero drive-off and total cash decode")
    func decoding() {
        let canada = answer(#","tax":{"components":[{"name":"GST","rate":"5"},{"name":"QST","rate":"9.975"}]}"#)
        #expect(canada.value(atPath: "periodicPayment.taxes.1.name") == "QST")
        let zero = DealCalculator.calculate(requestText: "{" + spec.replacing(#""downPayment":"2000.00","#, with: "") + #","moneyFactor":"0.00250","zeroDriveOff":true,"tax":{"rate":"7"}}"#)
        #expect(zero.value(atPath: "cashDueAtSigning") == "0.00")
        #expect(zero.value(atPath: "capitalizedDriveOff") == "659.15")
        let cash = DealCalculator.calculate(requestText: "{" + spec.replacing(#""downPayment":"2000.00","#, with: "") + #","moneyFactor":"0.00250","totalCash":"5000.00","tax":{"rate":"7"}}"#)
        #expect(cash.value(atPath: "downPayment") == "4204.11")
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        let extra: String, rate: String, code: String, path: String
        init(_ extra: String, rate: String = #","moneyFactor":"0.00250""#, _ path: String, code: String = "invalid_argument") {
            self.extra = extra; self.rate = rate; self.code = code; self.path = path
        }
        var testDescription: String { "\(path): \(extra)\(rate)" }
    }

    @Test("Validation errors with their paths", arguments: [
        Bad(#","tax":{"rate":"7","method":"weekly"}"#, "tax.method"),
        Bad("", rate: #","moneyFactor":"0.0025","apr":"6""#, "apr"),
        Bad("", rate: "", "moneyFactor"),
        Bad("", rate: #","moneyFactor":"-0.001""#, "moneyFactor"),
        Bad("", rate: #","moneyFactor":0.0025"#, "moneyFactor"),
        Bad(#","rateMethod":"flat""#, "rateMethod"),
        Bad(#","tax":{"rate":"7","components":[{"name":"GST","rate":"5"}]}"#, "tax.rate"),
        Bad(#","tax":{"rate":"7","capitalized":true}"#, "tax.capitalized"),
        Bad(#","tax":{"rate":"7","method":"upfrontOnPrice","taxCashDown":true}"#, "tax.taxCashDown"),
        Bad(#","tax":{"rate":"7","method":"upfrontOnPayments","capitalizedTaxBase":"includesCappedTax"}"#, "tax.capitalizedTaxBase"),
        Bad(#","zeroDriveOff":true"#, "downPayment"),
        Bad(#","securityDeposits":{"amount":"500.00"},"multipleSecurityDeposits":{"count":2,"moneyFactorReductionPerDeposit":"0.00004"}"#, "multipleSecurityDeposits"),
        Bad(#","onePay":true,"paymentTiming":"arrears""#, "onePay"),
        Bad(#","residualPercent":"50""#, "residualPercent"),
        Bad(#","firstPaymentDate":"2026-01-01""#, "firstPaymentDate"),
        Bad(#","contractDate":"2026-01-01","firstPaymentDate":"2026-01-15""#, "firstPaymentDate", code: "unsupported"),
    ])
    func validation(_ bad: Bad) {
        let result = answer(bad.extra, rate: bad.rate)
        #expect(result.value(atPath: "error.code") == .string(bad.code))
        #expect(result.value(atPath: "error.path") == .string(bad.path))
    }

    @Test("Residual: missing, both keys, percent without MSRP, above the adjusted cap cost")
    func residualErrors() {
        let noMsrp = DealCalculator.calculate(requestText: "{" + spec.replacing(#""msrp":"40000.00","#, with: "") + #","moneyFactor":"0.0025"}"#)
        #expect(noMsrp.value(atPath: "error.path") == "msrp")
        let both = DealCalculator.calculate(requestText: "{" + spec.replacing(#"{"percent":"58"}"#, with: #"{"percent":"58","amount":"1.00"}"#) + #","moneyFactor":"0.0025"}"#)
        #expect(both.value(atPath: "error.path") == "residual")
        let above = DealCalculator.calculate(requestText: "{" + spec.replacing(#"{"percent":"58"}"#, with: #"{"amount":"35000.00"}"#) + #","moneyFactor":"0.0025"}"#)
        #expect(above.value(atPath: "error.path") == "residual")
        let none = DealCalculator.calculate(requestText: "{" + spec.replacing(#""residual":{"percent":"58"},"#, with: "") + #","moneyFactor":"0.0025"}"#)
        #expect(none.value(atPath: "error.path") == "residual")
    }
}
