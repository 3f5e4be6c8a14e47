// DealFinance — DealRequestsTests: concurrent pricing gives the single-threaded answers, and the
// API's value types are Sendable (checked at compile time).

import Testing
import DealDecimal
import DealJSON
import DealEngine
@testable import DealRequests

/// Compiles only for Sendable types.
private func requireSendable<T: Sendable>(_: T.Type) {}

/// Requests of every kind and shape: the built-in example, variations of price, rate, term,
/// frequency, timing, balloon, tax and trade-ins, schedules, and failing requests.
private func requests() -> [String] {
    var texts: [String] = DealCalculator.exampleNames.compactMap { DealCalculator.exampleRequest(named: $0) }
    let frequencies = ["monthly", "biweekly", "weekly", "semimonthly", "quarterly"]
    for index in 0..<96 {
        let price = 5000 + index * 977
        let apr = ["0", "3.9", "6", "7.25", "12.99", "24.5"][index % 6]
        let term = [12, 36, 60, 72, 84, 1][index % 6]
        var members = #""calculate":"loan","sellingPrice":"\#(price).\#(index % 100 < 10 ? "0" : "")\#(index % 100)","apr":"\#(apr)","term":\#(term)"#
        members += #","frequency":"\#(frequencies[index % frequencies.count])","paymentTiming":"\#(index % 3 == 0 ? "advance" : "arrears")""#
        if index % 4 == 1 { members += #","balloon":{"percentOfSellingPrice":"\#(index % 30)"}"# }
        if index % 5 == 2 { members += #","tax":{"rate":"\#(index % 9).5","financed":\#(index % 2 == 0)}"# }
        if index % 7 == 3 { members += #","tradeIns":[{"allowance":"\#(index * 50)","payoff":"\#(index * 61)"}]"# }
        if index % 2 == 0 { members += #","includeSchedule":true"# }
        if index % 8 == 5 { members += #","explain":true,"contractDate":"2024-01-31","firstPaymentDate":"2024-03-15","oddDays":"spread""# }
        texts.append("{" + members + "}")
    }
    // Other kinds: leases, Regulation Z and EU APRs, time-value functions, a lead kind.
    for index in 0..<12 {
        texts.append(#"{"calculate":"lease","moneyFactor":"0.00\#(125 + index * 20)","msrp":"40000.00","sellingPrice":"\#(36000 + index * 250).00","residual":{"percent":"\#(50 + index)"},"term":\#(24 + 12 * (index % 3)),"tax":{"rate":"7","method":"\#(["monthly", "upfrontOnPayments", "upfrontOnPrice"][index % 3])"}}"#)
        texts.append(#"{"calculate":"apr","method":"\#(index % 2 == 0 ? "regz" : "eu")","advances":[{"amount":"\#(5000 + index * 100).00","date":"2026-01-10"}],"payments":[{"amount":"230.00","count":\#(24 + index),"firstDate":"2026-02-\#(10 + index)","frequency":"monthly"}]}"#)
        texts.append(#"{"calculate":"tvm","function":"rate","nper":\#(36 + index),"pmt":"-230","pv":"\#(5000 + index * 100)"}"#)
    }
    texts.append(#"{"calculate":"vinValidate","vin":"1G4AH59H45G118341"}"#)
    texts += [#"{"calculate":"lease"}"#, #"{"calculate":"loan","term":0}"#, "[", #"{"calculate":"loan","sellingPrice":"1","apr":"6","term":60,"term":61}"#]
    return texts
}

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("the API's value types are Sendable")
    func sendable() {
        requireSendable(ExactDecimal.self); requireSendable(RoundingRule.self); requireSendable(DecimalError.self)
        requireSendable(JSONValue.self); requireSendable(JSONObject.self); requireSendable(JSONObject.Iterator.self)
        requireSendable(JSONReader.self); requireSendable(JSONWriter.self); requireSendable(JSONParseError.self)
        requireSendable(RetailLoan.self); requireSendable(LoanQuote.self); requireSendable(LevelPayment.self)
        requireSendable(DealError.self); requireSendable(Currency.self); requireSendable(CivilDate.self)
        requireSendable(RoundingProfile.self); requireSendable(PeriodicRate.self); requireSendable(ScheduleRow.self)
        requireSendable(DealCalculator.self); requireSendable(RetailLoan.Limits.self); requireSendable(VectorFile.self)
    }

    @Test("8 concurrent tasks pricing through DealCalculator give the single-threaded answers")
    func eightTasks() async {
        let texts = requests()
        let expected = texts.map { JSONWriter(pretty: false).write(DealCalculator.calculate(requestText: $0)) }
        #expect(expected.contains { !$0.hasPrefix(#"{"error""#) } && expected.contains { $0.hasPrefix(#"{"error""#) })
        let results = await withTaskGroup(of: (Int, [String]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    // Each task walks the requests from a different starting point, 3 times.
                    var answers = Array(repeating: "", count: texts.count)
                    for round in 0..<3 {
                        for step in 0..<texts.count {
                            let index = (step + task * 13 + round * 7) % texts.count
                            answers[index] = JSONWriter(pretty: false).write(DealCalculator.calculate(requestText: texts[index]))
                        }
                    }
                    return (task, answers)
                }
            }
            var collected: [(Int, [String])] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 8)
        for (task, answers) in results {
            for index in answers.indices where answers[index] != expected[index] {
                Issue.record("task \(task), request \(index): \(answers[index].prefix(200)) ≠ \(expected[index].prefix(200))")
            }
        }
    }
}
