// DealRequestsTests: PayoffRequest.swift (`"calculate": "payoff"`).

import Testing
import DealJSON
@testable import DealRequests

private func answer(_ text: String) -> JSONValue { DealCalculator.calculate(requestText: text) }

@Suite("PayoffRequest")
struct PayoffRequestTests {
    @Test("Rule of 78: Documentation/Reference/Payoff.md worked example (rebate 276.92)")
    func ruleOf78() {
        let json = answer(#"{"calculate":"payoff","method":"ruleOf78","numberOfPayments":12,"payment":"550.00","financeCharge":"600.00","paymentsMade":4}"#)
        #expect(json.value(atPath: "rebate") == .string("276.92"))
        #expect(json.value(atPath: "remainingPayments") == .number("8"))
        #expect(json.value(atPath: "payoffAmount") == .string("4123.08"))
    }

    @Test("Precomputed from a loan request; the payoff date counts the payments due")
    func fromLoan() {
        let json = answer(#"{"calculate":"payoff","method":"actuarial","loan":{"sellingPrice":"10000.00","apr":"6","term":12,"contractDate":"2026-01-15"},"payoffDate":"2026-05-15"}"#)
        #expect(json.value(atPath: "paymentsMade") == .number("4"))
        // The actuarial payoff is the loan's balance after 4 payments (within the schedule's cent rounding).
        let schedule = answer(#"{"calculate":"loan","sellingPrice":"10000.00","apr":"6","term":12,"includeSchedule":true}"#)
        guard case .string(let payoff)? = json.value(atPath: "payoffAmount"), case .string(let balance)? = schedule.value(atPath: "schedule.3.balance"),
              let a = Double(payoff), let b = Double(balance) else { Issue.record("\(json)"); return }
        #expect(abs(a - b) <= 0.05)
    }

    @Test("Simple interest from a loan: scheduled payments on their due dates")
    func simpleInterestFromLoan() {
        let json = answer(#"{"calculate":"payoff","method":"simpleInterest","loan":{"sellingPrice":"10000.00","apr":"6","term":12,"contractDate":"2026-01-15"},"payoffDate":"2026-05-01"}"#)
        guard case .array(let rows)? = json.value(atPath: "history") else { Issue.record("\(json)"); return }
        #expect(rows.count == 3)
        #expect(json.value(atPath: "history.0.days") == .number("31"))
        #expect(json.value(atPath: "daysSinceLastPayment") == .number("16"))
    }

    @Test("Explicit simple interest with posted payments and a 360-day basis")
    func explicit() {
        let json = answer(#"{"calculate":"payoff","method":"simpleInterest","principal":"10000.00","apr":"7.3","startDate":"2026-01-01","dayBasis":"360","payments":[{"date":"2026-01-31","amount":"500.00"}],"payoffDate":"2026-01-31"}"#)
        #expect(json.value(atPath: "history.0.interestAccrued") == .string("60.83"))
        #expect(json.value(atPath: "payoffAmount") == .string("9560.83"))
    }

    @Test("Errors", arguments: [
        (#""method":"ruleOf78","numberOfPayments":72,"payment":"500.00","financeCharge":"6000.00","paymentsMade":4"#, "invalid_argument", "method"),
        (#""method":"actuarial","numberOfPayments":12,"payment":"500.00","financeCharge":"600.00","paymentsMade":4"#, "invalid_argument", "apr"),
        (#""method":"ruleOf78","numberOfPayments":12,"payment":"500.00","financeCharge":"600.00","paymentsMade":12"#, "invalid_argument", "paymentsMade"),
        (#""method":"ruleOf78","numberOfPayments":12,"payment":"500.00","financeCharge":"600.00""#, "invalid_argument", "paymentsMade"),
        (#""method":"rule78""#, "invalid_argument", "method"),
        (#""method":"simpleInterest","principal":"1000.00","apr":"5","startDate":"2026-01-01""#, "invalid_argument", "payoffDate"),
        (#""method":"simpleInterest","loan":{"sellingPrice":"1000.00","apr":"5","term":12},"payoffDate":"2026-01-01""#, "invalid_argument", "loan.contractDate"),
        (#""method":"ruleOf78","loan":{"sellingPrice":"1000.00","apr":"5","term":12,"balloon":{"amount":"100.00"}},"paymentsMade":1"#, "unsupported", "loan"),
    ])
    func errors(body: String, code: String, path: String) {
        let json = answer(#"{"calculate":"payoff","# + body + "}")
        #expect(json.value(atPath: "error.code") == .string(code), "\(json)")
        #expect(json.value(atPath: "error.path") == .string(path), "\(json)")
    }
}
