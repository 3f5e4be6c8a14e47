// DealFinance — DealRequestsTests: the lease result object and its explanations (LeaseQuote+JSON.swift).

import Testing
import DealJSON
@testable import DealRequests

@Suite("LeaseQuote JSON")
struct LeaseQuoteJSONTests {
    private let base = #"{"calculate":"lease","msrp":"40000.00","sellingPrice":"37000.00","fees":[{"name":"Acquisition fee","amount":"895.00"}],"downPayment":"2000.00","rebates":[{"name":"Lease cash","amount":"1000.00"}],"residual":{"percent":"58"},"term":36,"tax":{"rate":"7"},"explain":true"#

    @Test("Money strings with two decimals, informational labels, explain for every main line")
    func lines() throws {
        let result = DealCalculator.calculate(requestText: base + #","apr":"6"}"#)
        #expect(result.value(atPath: "calculate") == "lease")
        #expect(result.value(atPath: "residualValue") == "23200.00")
        #expect(result.value(atPath: "dueAtSigning.items.0.name") == "Capitalized cost reduction")
        #expect(result.value(atPath: "dueAtSigning.paidBy.0.name") == "Rebates")
        #expect(result.value(atPath: "equivalentAprNote")?.stringValue?.hasPrefix("informational") == true)
        let text = result.value(atPath: "explain.moneyFactor")?.stringValue ?? ""
        #expect(text.contains("apr / 2400 exactly"))
        for line in ["grossCapitalizedCost", "adjustedCapitalizedCost", "residualValue", "periodicPayment", "rentCharge", "dueAtSigning", "totalOfPayments", "equivalentApr", "upfrontTax"] {
            #expect(result.value(atPath: "explain.\(line)") != nil, "\(line)")
        }
    }

    @Test("jsonText is the result object written as JSON text")
    func jsonText() throws {
        let request = try LeaseRequest(json: try JSONReader().parse(Array((base + #","apr":"6"}"#).utf8)))
        let quote = try request.lease.quote(includeSchedule: true)
        for explain in [false, true] {
            #expect(try quote.jsonText(explain: explain) == JSONWriter(pretty: false).write(quote.json(explain: explain)))
            #expect(try quote.jsonText(explain: explain, pretty: true) == JSONWriter(pretty: true).write(quote.json(explain: explain)))
        }
        #expect(try quote.jsonText(explain: false).contains(#""residualValue":"23200.00""#))
    }

    @Test("Annuity results show apr, periodic rate and an informational money factor; lines that do not apply are omitted")
    func annuity() throws {
        let result = DealCalculator.calculate(requestText: base + #","apr":"6","rateMethod":"annuity","includeSchedule":true}"#)
        #expect(result.value(atPath: "periodicPayment.net") == "469.44")
        #expect(result.value(atPath: "periodicRate") == "0.005")
        #expect(result.value(atPath: "moneyFactorNote") != nil)
        #expect(result.value(atPath: "equivalentApr") == nil)
        #expect(result.value(atPath: "tradeInEquity") == nil)
        #expect(result.value(atPath: "schedule.35.balance") == "23200.00")
    }
}
