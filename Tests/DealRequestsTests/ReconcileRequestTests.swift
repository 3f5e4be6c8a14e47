// DealFinance — DealRequestsTests: `"calculate": "reconcile"` (ReconcileRequest.swift, ReconciledDeal.swift).

import Testing
import DealJSON
@testable import DealRequests

private func reconcile(_ request: String, _ quoted: String) -> JSONValue {
    DealCalculator.calculate(try! JSONReader().parse(#"{"calculate":"reconcile","request":"# + request + #","quoted":"# + quoted + "}"))
}

private let loan = #"{"calculate":"loan","sellingPrice":"30000.00","apr":"5.99","term":72}"#
private let lease = #"{"calculate":"lease","msrp":"40000.00","sellingPrice":"37000.00","downPayment":"2000.00","residual":{"percent":"58"},"apr":"5.9","term":36,"tax":{"rate":"7","method":"monthly"}}"#

@Suite("ReconcileRequest")
struct ReconcileRequestTests {
    /// 30000 at 5.99 % over 72: 5.99/1200 = 0.00499166…; a lender keeping 0.00499 (5 decimals,
    /// rounded or truncated) charges the standard payment of 5.988 % (0.00499 × 1200): 497.02
    /// against 497.05.
    @Test func aRoundedMonthlyRateIsFound() throws {
        let atKept = DealCalculator.calculate(try JSONReader().parse(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"5.988","term":72}"#))
        let payment = atKept.value(atPath: "periodicPayment.total")!.stringValue!
        let total = atKept.value(atPath: "totalOfPayments")!.stringValue!
        #expect(payment == "497.02")
        let answer = reconcile(loan, #"{"periodicPayment.total":""# + payment + #"","totalOfPayments":""# + total + #""}"#)
        #expect(answer.value(atPath: "lines.0.matches") == false)
        #expect(answer.value(atPath: "lines.0.computed") == "497.05")
        #expect(answer.value(atPath: "lines.1.path") == "totalOfPayments")
        let profiles = answer.value(atPath: "profiles")?.arrayValue ?? []
        #expect(profiles.count == 2)
        #expect(profiles.first?.value(atPath: "rounding") == ["base": "standard", "periodicRate": "rounded", "periodicRateDecimals": 5])
        #expect(profiles.first?.value(atPath: "departures") == 1)
        #expect(profiles.last?.value(atPath: "rounding.periodicRate") == "truncated")
        // The implied APR is the kept rate's: 5.988 reproduces both lines.
        #expect(answer.value(atPath: "implied.0.field") == "apr")
        #expect(answer.value(atPath: "implied.0.value") == "5.988")
        #expect(answer.value(atPath: "implied.0.reproduces") == ["periodicPayment.total", "totalOfPayments"])
        #expect(answer.value(atPath: "implied.0.residuals.totalOfPayments") == "0.00")
        #expect(answer.value(atPath: "search.size") == 784)
        // The rounding found, put into the request, reproduces the quote.
        let redo = DealCalculator.calculate(try JSONReader().parse(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"5.99","term":72,"rounding":{"base":"standard","periodicRate":"rounded","periodicRateDecimals":5}}"#))
        #expect(redo.value(atPath: "periodicPayment.total")?.stringValue == payment)
    }

    /// A quote that the request's own profile reproduces: the base profile is the only answer.
    @Test func aMatchingQuoteIsExplainedByItsOwnProfile() {
        let answer = reconcile(loan, #"{"periodicPayment.total":"497.05","numberOfPayments":"72"}"#)
        #expect(answer.value(atPath: "lines.0.matches") == true)
        #expect(answer.value(atPath: "lines.1.matches") == true)
        #expect(answer.value(atPath: "profiles") == [["rounding": ["base": "standard"], "departures": 0]])
        #expect(answer.value(atPath: "search.evaluated") == 1)
    }

    /// Depreciation 327.7777… and rent 143.075 rounded apart: 470.86 (hand-derived in the
    /// lease profile tests); tax 7 % of it 32.96.
    @Test func leasePartsRounded() {
        let answer = reconcile(lease, #"{"periodicPayment.net":"470.86","periodicPayment.total":"503.82"}"#)
        let profiles = answer.value(atPath: "profiles")?.arrayValue ?? []
        #expect(profiles.contains { $0.value(atPath: "rounding") == ["base": "standard", "leaseBasePayment": "partsRounded"] })
        #expect(profiles.allSatisfy { $0.value(atPath: "departures") == 1 })
        #expect(answer.value(atPath: "search.size") == 166)
        let fields = (answer.value(atPath: "implied")?.arrayValue ?? []).compactMap { $0.value(atPath: "field")?.stringValue }
        #expect(fields == ["apr", "sellingPrice", "downPayment", "residual", "term"])
        // The implied residual: the payment falls 1/36 + MF per unit of residual; 470.86 needs a
        // residual below 23200 (58 % of 40000).
        let residual = (answer.value(atPath: "implied")?.arrayValue ?? []).first { $0.value(atPath: "field") == "residual" }
        #expect(residual?.value(atPath: "reproduces") == ["periodicPayment.net", "periodicPayment.total"])
        #expect((residual?.value(atPath: "value")?.stringValue).flatMap { Double($0) }.map { $0 < 23200 } == true)
    }

    /// Nothing in the search explains a payment 50 off; implied values are still given.
    @Test func unexplainedQuoteStillGetsImpliedValues() {
        let answer = reconcile(loan, #"{"periodicPayment.total":"547.05"}"#)
        #expect(answer.value(atPath: "profiles") == [])
        let implied = answer.value(atPath: "implied")?.arrayValue ?? []
        #expect(!implied.isEmpty)
        let price = implied.first { $0.value(atPath: "field") == "sellingPrice" }
        #expect(price?.value(atPath: "reproduces") == ["periodicPayment.total"])
        #expect(price?.value(atPath: "residuals")?.objectValue?["periodicPayment.total"] == "0.00")
    }

    @Test func answersAreDeterministic() {
        let quoted = #"{"periodicPayment.total":"497.02"}"#
        #expect(reconcile(loan, quoted) == reconcile(loan, quoted))
    }

    @Test("Bad reconcile requests name the field", arguments: [
        (#"{"calculate":"reconcile","quoted":{"periodicPayment.total":"1"}}"#, "request"),
        (#"{"calculate":"reconcile","request":{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60}}"#, "quoted"),
        (#"{"calculate":"reconcile","request":{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60},"quoted":{}}"#, "quoted"),
        (#"{"calculate":"reconcile","request":{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60},"quoted":{"nope":"1"}}"#, "quoted.nope"),
        (#"{"calculate":"reconcile","request":{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60},"quoted":{"totalOfPayments":1}}"#, "quoted.totalOfPayments"),
        (#"{"calculate":"reconcile","request":{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":0},"quoted":{"totalOfPayments":"1"}}"#, "request.term"),
        (#"{"calculate":"reconcile","request":{"calculate":"tvm"},"quoted":{"x":"1"}}"#, "request.calculate"),
        (#"{"calculate":"reconcile","request":{"calculate":"loan","sellingPrice":"30000.00","term":60,"solveFor":"apr","targetPayment":"500"},"quoted":{"x":"1"}}"#, "request.solveFor"),
        (#"{"calculate":"reconcile","request":{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60},"quoted":{"x":"1"},"extra":1}"#, "extra"),
    ])
    func invalid(text: String, path: String) throws {
        let answer = DealCalculator.calculate(try JSONReader().parse(text))
        #expect(answer.value(atPath: "error.code") == "invalid_argument")
        #expect(answer.value(atPath: "error.path")?.stringValue == path)
    }
}
