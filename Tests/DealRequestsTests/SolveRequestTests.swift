// DealRequestsTests: SolveRequest.swift (`"solveFor"` in loan and lease requests).

import Testing
import DealJSON
@testable import DealRequests

private func answer(_ text: String) -> JSONValue { DealCalculator.calculate(requestText: text) }

@Suite("SolveRequest")
struct SolveRequestTests {
    @Test("Result: calculate, then solved, then the full forward result")
    func shape() {
        let json = answer(#"{"calculate":"loan","solveFor":"apr","targetPayment":"579.98","sellingPrice":"30000.00","term":60}"#)
        #expect(json.objectValue?.keys.prefix(3) == ["calculate", "solved", "currency"])
        #expect(json.value(atPath: "solved.field") == .string("apr"))
        #expect(json.value(atPath: "solved.value") == .string("6.000"))
        #expect(json.value(atPath: "solved.targetField") == .string("periodicPayment.total"))
        #expect(json.value(atPath: "solved.achieved") == .string("579.98"))
        #expect(json.value(atPath: "solved.adjacentValue") == .string("6.001"))
        #expect(json.value(atPath: "contractRate") == .string("6.000"))
        #expect(json.value(atPath: "periodicPayment.total") == .string("579.98"))
    }

    @Test("The solved value, quoted forward as a plain request, gives the achieved line")
    func forwardAgrees() {
        let json = answer(#"{"calculate":"loan","solveFor":"downPayment","targetPayment":"450.00","sellingPrice":"30000.00","apr":"6","term":60}"#)
        guard case .string(let down)? = json.value(atPath: "solved.value") else { Issue.record("\(json)"); return }
        let forward = answer(#"{"calculate":"loan","downPayment":""# + down + #"","sellingPrice":"30000.00","apr":"6","term":60}"#)
        #expect(forward.value(atPath: "periodicPayment.total") == json.value(atPath: "solved.achieved"))
    }

    @Test("Term is a JSON integer; lease apr and moneyFactor solves", arguments: [
        (#""solveFor":"term","targetPayment":"503.01","moneyFactor":"0.00250""#, "solved.value", JSONValue.number("36")),
        (#""solveFor":"moneyFactor","targetPayment":"503.01","term":36"#, "solved.value", JSONValue.string("0.002500")),
        (#""solveFor":"apr","targetPayment":"503.01","term":36"#, "solved.value", JSONValue.string("6.000")),
    ])
    func lease(body: String, path: String, expected: JSONValue) {
        let deal = #"{"calculate":"lease","msrp":"40000.00","sellingPrice":"37000.00","fees":[{"amount":"895.00"}],"downPayment":"2000.00","rebates":[{"amount":"1000.00"}],"residual":{"percent":"58"},"tax":{"rate":"7"},"#
        let json = answer(deal + body + "}")
        #expect(json.value(atPath: path) == expected, "\(json)")
    }

    @Test("Errors", arguments: [
        (#"{"calculate":"loan","solveFor":"apr","targetPayment":"1.00","apr":"5","sellingPrice":"1000.00","term":12}"#, "invalid_argument", "apr"),
        (#"{"calculate":"loan","solveFor":"apr","sellingPrice":"1000.00","term":12}"#, "invalid_argument", "targetPayment"),
        (#"{"calculate":"loan","targetPayment":"1.00","apr":"5","sellingPrice":"1000.00","term":12}"#, "invalid_argument", "targetPayment"),
        (#"{"calculate":"loan","solveFor":"residual","targetPayment":"1.00","apr":"5","sellingPrice":"1000.00","term":12}"#, "invalid_argument", "solveFor"),
        (#"{"calculate":"loan","solveFor":"term","targetPayment":"1.00","targetDueAtSigning":"1.00","apr":"5","sellingPrice":"1000.00"}"#, "invalid_argument", "targetDueAtSigning"),
        (#"{"calculate":"loan","solveFor":"term","targetPayment":"1.00","apr":"5","sellingPrice":"1000.00"}"#, "no_solution", "term"),
        (#"{"calculate":"loan","solveFor":"apr","targetPayment":"80.00","sellingPrice":"1000.00","term":12}"#, "no_solution", "apr"),
        (#"{"calculate":"lease","solveFor":"downPayment","targetPayment":"1.00","zeroDriveOff":true,"sellingPrice":"1000.00","residual":{"amount":"500.00"},"moneyFactor":"0.001","term":12}"#, "invalid_argument", "solveFor"),
    ])
    func errors(text: String, code: String, path: String) {
        let json = answer(text)
        #expect(json.value(atPath: "error.code") == .string(code), "\(json)")
        #expect(json.value(atPath: "error.path") == .string(path), "\(json)")
    }
}
