// DealRequestsTests: GridRequest.swift (`"calculate": "grid"`).

import Testing
import DealJSON
@testable import DealRequests

private func answer(_ text: String) -> JSONValue { DealCalculator.calculate(requestText: text) }

@Suite("GridRequest")
struct GridRequestTests {
    @Test("Every loan cell equals the individual quote; term-major order")
    func loanCellsEqualQuotes() {
        let terms = [36, 60, 72], downs = ["0.00", "2500.00"], rates = ["0", "4.9", "6"]
        let json = answer(#"{"calculate":"grid","deal":{"calculate":"loan","sellingPrice":"30000.00","fees":[{"amount":"85.00","financed":false}],"tax":{"rate":"7","financed":false}},"terms":[36,60,72],"downPayments":["0.00","2500.00"],"rates":["0","4.9","6"]}"#)
        guard case .array(let cells)? = json.value(atPath: "cells") else { Issue.record("\(json)"); return }
        #expect(cells.count == 18)
        var index = 0
        for term in terms { for down in downs { for rate in rates {
            let single = answer(#"{"calculate":"loan","sellingPrice":"30000.00","fees":[{"amount":"85.00","financed":false}],"tax":{"rate":"7","financed":false},"term":\#(term),"downPayment":"\#(down)","apr":"\#(rate)"}"#)
            let cell = cells[index]
            #expect(cell.value(atPath: "term") == .number(String(term)))
            #expect(cell.value(atPath: "downPayment") == .string(down) && cell.value(atPath: "rate") == .string(rate))
            #expect(cell.value(atPath: "periodicPayment") == single.value(atPath: "periodicPayment.total"))
            #expect(cell.value(atPath: "dueAtSigning") == single.value(atPath: "dueAtSigning.total"))
            #expect(cell.value(atPath: "amountFinanced") == single.value(atPath: "amountFinanced"))
            #expect(cell.value(atPath: "totalOfPayments") == single.value(atPath: "totalOfPayments"))
            index += 1
        } } }
    }

    @Test("Lease cells equal individual quotes; the deal's money factor when no rates are given")
    func leaseCells() {
        let deal = #""msrp":"40000.00","sellingPrice":"37000.00","fees":[{"amount":"895.00"}],"rebates":[{"amount":"1000.00"}],"residual":{"percent":"58"},"moneyFactor":"0.00250","tax":{"rate":"7"}"#
        let json = answer(#"{"calculate":"grid","deal":{"calculate":"lease",\#(deal)},"terms":[24,36],"downPayments":["2000.00"]}"#)
        #expect(json.value(atPath: "moneyFactors") == .array([.string("0.00250")]))
        for (index, term) in [24, 36].enumerated() {
            let single = answer(#"{"calculate":"lease",\#(deal),"term":\#(term),"downPayment":"2000.00"}"#)
            #expect(json.value(atPath: "cells.\(index).periodicPayment") == single.value(atPath: "periodicPayment.total"))
            #expect(json.value(atPath: "cells.\(index).adjustedCapitalizedCost") == single.value(atPath: "adjustedCapitalizedCost"))
        }
        #expect(json.value(atPath: "cells.1.periodicPayment") == .string("503.01"))
    }

    @Test("A cell the engine refuses carries its error; the others compute")
    func cellError() {
        let json = answer(#"{"calculate":"grid","deal":{"calculate":"loan","sellingPrice":"1000.00","apr":"5"},"terms":[12],"downPayments":["0.00","5000.00"]}"#)
        #expect(json.value(atPath: "cells.0.periodicPayment") != nil)
        #expect(json.value(atPath: "cells.1.error.path") == .string("downPayments.1"))
    }

    @Test("Errors: limits, supplied fields, kinds", arguments: [
        (#""terms":[1,2,3,4,5,6,7,8,9,10,11],"downPayments":["0"]"#, "invalid_argument", "terms"),
        (#""terms":[12],"downPayments":[]"#, "invalid_argument", "downPayments"),
        (#""terms":[12]"#, "invalid_argument", "downPayments"),
        (#""terms":[12],"downPayments":["0"],"rates":["1","2","3","4","5","6","7","8","9","10","11"]"#, "invalid_argument", "rates"),
        (#""terms":[12],"downPayments":["0"],"rates":["1"],"extra":1"#, "invalid_argument", "extra"),
        (#""terms":[12],"downPayments":[0]"#, "invalid_argument", "downPayments.0"),
        (#""terms":[12],"downPayments":["0"],"moneyFactors":["0.001"]"#, "invalid_argument", "moneyFactors"),
    ])
    func errors(body: String, code: String, path: String) {
        let json = answer(#"{"calculate":"grid","deal":{"calculate":"loan","sellingPrice":"1000.00"},"# + body + "}")
        #expect(json.value(atPath: "error.code") == .string(code), "\(json)")
        #expect(json.value(atPath: "error.path") == .string(path), "\(json)")
    }

    @Test("The deal must not give what the grid supplies; its errors are under deal.")
    func dealErrors() {
        let given = answer(#"{"calculate":"grid","deal":{"calculate":"loan","sellingPrice":"1000.00","apr":"5","term":12},"terms":[12],"downPayments":["0"]}"#)
        #expect(given.value(atPath: "error.path") == .string("deal.term"))
        let bad = answer(#"{"calculate":"grid","deal":{"calculate":"loan","apr":"5"},"terms":[12],"downPayments":["0"]}"#)
        #expect(bad.value(atPath: "error.path") == .string("deal.sellingPrice"))
        let kind = answer(#"{"calculate":"grid","deal":{"calculate":"tvm"},"terms":[12],"downPayments":["0"]}"#)
        #expect(kind.value(atPath: "error.path") == .string("deal.calculate"))
    }
}
