// DealFinance — DealRequestsTests: APRRequest.swift (`"calculate": "apr"`, Documentation/Reference/APR.md).

import Testing
import DealJSON
import DealEngine
@testable import DealRequests

private func answer(_ text: String) -> JSONValue { DealCalculator.calculate(requestText: text) }
private let oddExample = #"{"calculate":"apr","advances":[{"amount":"10000.00","date":"2026-04-01"}],"payments":[{"amount":"320.00","count":36,"firstDate":"2026-05-16","frequency":"monthly"}]"#

@Suite("APRRequest")
struct APRRequestTests {
    @Test("The result lines of Documentation/Reference/APR.md, in order")
    func result() {
        let json = answer(oddExample + "}")
        #expect(json.objectValue?.keys == ["calculate", "method", "apr", "aprDisclosed", "unitPeriod", "unitPeriodsPerYear",
                                            "financeCharge", "amountFinanced", "totalOfPayments", "transaction"])
        #expect(json.value(atPath: "apr") == .string("9.168512164909"))
        #expect(json.value(atPath: "aprDisclosed") == .string("9.17"))
        #expect(json.value(atPath: "unitPeriodsPerYear") == .number("12"))
        #expect(json.value(atPath: "financeCharge") == .string("1520.00"))
    }

    @Test("disclosedApr: within ⅛ point for a regular transaction, ¼ for an irregular one", arguments: [
        ("9.29", true, "0.125"), ("9.30", false, "0.125"), ("9.05", true, "0.125"), ("9.04", false, "0.125"),
    ])
    func tolerance(disclosed: String, within: Bool, tolerance: String) {
        let json = answer(oddExample + #","disclosedApr":"\#(disclosed)"}"#)
        #expect(json.value(atPath: "withinTolerance") == .bool(within))
        #expect(json.value(atPath: "aprTolerance") == .string(tolerance))
        let irregular = answer(#"{"calculate":"apr","advances":[{"amount":"5000.00","date":"2026-04-01"},{"amount":"5000.00","date":"2026-04-20"}],"payments":[{"amount":"320.00","count":36,"firstDate":"2026-05-16"}],"disclosedApr":"10"}"#)
        #expect(irregular.value(atPath: "transaction") == .string("irregular"))
        #expect(irregular.value(atPath: "aprTolerance") == .string("0.25"))
    }

    @Test("EU method: 1 decimal half up, unit-period year, time bases")
    func eu() {
        let json = answer(#"{"calculate":"apr","method":"eu","advances":[{"amount":"1000.00","date":"2026-01-15"}],"payments":[{"amount":"1100.00","date":"2027-01-15"}]}"#)
        #expect(json.value(atPath: "aprDisclosed") == .string("10.0"))
        #expect(json.value(atPath: "unitPeriod") == .string("year"))
        #expect(json.value(atPath: "transaction") == nil)
        let days = answer(#"{"calculate":"apr","method":"eu","timeBasis":"days","advances":[{"amount":"1000.00","date":"2026-01-15"}],"payments":[{"amount":"1100.00","date":"2027-01-15"}]}"#)
        #expect(days.value(atPath: "aprDisclosed") == .string("10.0"))
    }

    @Test("Errors: codes and paths", arguments: [
        (#"{"calculate":"apr","payments":[{"amount":"1.00","date":"2026-01-01"}]}"#, "invalid_argument", "advances"),
        (#"{"calculate":"apr","advances":[],"payments":[{"amount":"1.00","date":"2026-01-01"}]}"#, "invalid_argument", "advances"),
        (#"{"calculate":"apr","advances":[{"amount":"1.00","date":"2026-01-01"}]}"#, "invalid_argument", "payments"),
        (#"{"calculate":"apr","advances":[{"amount":"0.00","date":"2026-01-01"}],"payments":[{"amount":"1.00","date":"2026-01-01"}]}"#, "invalid_argument", "advances.0.amount"),
        (#"{"calculate":"apr","advances":[{"amount":"1.001","date":"2026-01-01"}],"payments":[{"amount":"1.00","date":"2026-01-01"}]}"#, "invalid_argument", "advances.0.amount"),
        (#"{"calculate":"apr","advances":[{"amount":"1.00"}],"payments":[{"amount":"1.00","date":"2026-01-01"}]}"#, "invalid_argument", "advances.0.date"),
        (#"{"calculate":"apr","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"1.00","count":0,"firstDate":"2026-02-01"}]}"#, "invalid_argument", "payments.0.count"),
        (#"{"calculate":"apr","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"1.00","count":2}]}"#, "invalid_argument", "payments.0.firstDate"),
        (#"{"calculate":"apr","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"1.00","count":2,"firstDate":"2026-02-01","frequency":"daily"}]}"#, "invalid_argument", "payments.0.frequency"),
        (#"{"calculate":"apr","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"2.00","date":"2025-01-01"}]}"#, "invalid_argument", "payments.0"),
        (#"{"calculate":"apr","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"2.00","date":"2026-02-01","when":"x"}]}"#, "invalid_argument", "payments.0.when"),
        (#"{"calculate":"apr","method":"us","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"2.00","date":"2026-02-01"}]}"#, "invalid_argument", "method"),
        (#"{"calculate":"apr","method":"eu","unitPeriod":"monthly","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"2.00","date":"2026-02-01"}]}"#, "invalid_argument", "unitPeriod"),
        (#"{"calculate":"apr","timeBasis":"days","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"2.00","date":"2026-02-01"}]}"#, "invalid_argument", "timeBasis"),
        (#"{"calculate":"apr","method":"eu","disclosedApr":"5","advances":[{"amount":"1.00","date":"2026-01-01"}],"payments":[{"amount":"2.00","date":"2026-02-01"}]}"#, "unsupported", "disclosedApr"),
        (#"{"calculate":"apr","advances":[{"amount":"100.00","date":"2026-01-01"}],"payments":[{"amount":"99.00","date":"2026-02-01"}]}"#, "no_solution", "payments"),
        (#"{"calculate":"apr","advances":[{"amount":"100.00","date":"2026-01-01"}],"payments":[{"amount":"100.00","date":"2026-01-01"},{"amount":"1.00","date":"2026-02-01"}]}"#, "no_solution", "payments"),
    ])
    func errors(text: String, code: String, path: String) {
        let json = answer(text)
        #expect(json.value(atPath: "error.code") == .string(code), "\(json)")
        #expect(json.value(atPath: "error.path") == .string(path), "\(json)")
    }
}
