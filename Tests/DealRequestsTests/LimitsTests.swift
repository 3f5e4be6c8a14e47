// DealFinance — DealRequestsTests: every documented limit of the JSON interface (RELIABILITY.md).
//
// Each limit is accepted at its value and rejected one step beyond it, with `invalid_argument`
// (`invalid_json` for the reader's size and depth) and a message that names the limit — never
// a trap, never `overflow` for a limit.

import Testing
import DealJSON
import DealEngine
@testable import DealRequests

private func loan(_ members: String) -> String { "{" + members + "}" }
private let base = #""calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60"#
private func list(_ item: String, _ count: Int) -> String {
    "[" + Array(repeating: item, count: count).joined(separator: ",") + "]"
}
private let lease = #""calculate":"lease","moneyFactor":"0.00250","msrp":"40000.00","sellingPrice":"37000.00","residual":{"percent":"58"},"term":36"#
private func apr(advances: Int = 1, entries: Int = 1, count: Int = 24) -> String {
    let advance = #"{"amount":"\#(advances > 1 ? "50.00" : "5000.00")","date":"2026-01-10"}"#
    let payments = list(#"{"amount":"230.00","count":\#(count),"firstDate":"2026-02-10","frequency":"weekly"}"#, entries)
    return #"{"calculate":"apr","method":"regz","advances":"# + list(advance, advances) + #","payments":"# + payments + "}"
}
private func grid(terms: Int) -> String {
    #"{"calculate":"grid","deal":{"calculate":"loan","sellingPrice":"30000.00"},"terms":"# + list("60", terms) + #","downPayments":["0.00"],"rates":["6"]}"#
}

/// A limit: a request at the limit that must succeed and one beyond it that must fail.
struct LimitCase: CustomTestStringConvertible, Sendable {
    var name: String
    var accepted: String
    var rejected: String
    var code: String
    var path: String
    var names: String
    var testDescription: String { name }
}

@Suite("Limits of the JSON interface")
struct LimitsTests {
    static let limits: [LimitCase] = [
        .init(name: "term 1…1200", accepted: loan(base.replacing("60", with: "1200")),
              rejected: loan(base.replacing("60", with: "1201")), code: "invalid_argument", path: "term", names: "1200"),
        .init(name: "term beyond Int", accepted: loan(base),
              rejected: loan(base.replacing("60", with: "99999999999999999999999")), code: "invalid_argument", path: "term", names: "whole number"),
        .init(name: "amount at most 999,999,999,999 major units",
              accepted: loan(base.replacing("30000.00", with: "999999999999.99")),
              rejected: loan(base.replacing("30000.00", with: "1000000000000.00")), code: "invalid_argument", path: "sellingPrice", names: "999999999999"),
        .init(name: "net financed amount at most 999,999,999,999 major units",
              accepted: loan(base.replacing("30000.00", with: "999999999998.99") + #","addOns":[{"amount":"1.00"}]"#),
              rejected: loan(base.replacing("30000.00", with: "999999999999.99") + #","addOns":[{"amount":"0.01"}]"#),
              code: "invalid_argument", path: "netFinancedAmount", names: "999999999999"),
        .init(name: "38 significant digits in a decimal",
              accepted: loan(base.replacing(#""6""#, with: #""6.0000000000""#)),
              rejected: loan(base.replacing("30000.00", with: String(repeating: "1", count: 39))), code: "invalid_argument", path: "sellingPrice", names: "38"),
        .init(name: "38 decimal places in a decimal",
              accepted: loan(base),
              rejected: loan(base.replacing("30000.00", with: "1." + String(repeating: "0", count: 39))), code: "invalid_argument", path: "sellingPrice", names: "38"),
        .init(name: "10 decimals in a rate",
              accepted: loan(base.replacing(#""6""#, with: #""6.0000000001""#)),
              rejected: loan(base.replacing(#""6""#, with: #""6.00000000001""#)), code: "invalid_argument", path: "apr", names: "10"),
        .init(name: "apr 0…100",
              accepted: loan(base.replacing(#""6""#, with: #""100""#)),
              rejected: loan(base.replacing(#""6""#, with: #""100.01""#)), code: "invalid_argument", path: "apr", names: "100"),
        .init(name: "100 add-ons", accepted: loan(base + #","addOns":"# + list(#"{"amount":"1.00"}"#, 100)),
              rejected: loan(base + #","addOns":"# + list(#"{"amount":"1.00"}"#, 101)), code: "invalid_argument", path: "addOns", names: "100"),
        .init(name: "100 products", accepted: loan(base + #","products":"# + list(#"{"amount":"1.00"}"#, 100)),
              rejected: loan(base + #","products":"# + list(#"{"amount":"1.00"}"#, 101)), code: "invalid_argument", path: "products", names: "100"),
        .init(name: "100 fees", accepted: loan(base + #","fees":"# + list(#"{"amount":"1.00"}"#, 100)),
              rejected: loan(base + #","fees":"# + list(#"{"amount":"1.00"}"#, 101)), code: "invalid_argument", path: "fees", names: "100"),
        .init(name: "100 rebates", accepted: loan(base + #","rebates":"# + list(#"{"amount":"1.00"}"#, 100)),
              rejected: loan(base + #","rebates":"# + list(#"{"amount":"1.00"}"#, 101)), code: "invalid_argument", path: "rebates", names: "100"),
        .init(name: "10 trade-ins", accepted: loan(base + #","tradeIns":"# + list(#"{"allowance":"1.00"}"#, 10)),
              rejected: loan(base + #","tradeIns":"# + list(#"{"allowance":"1.00"}"#, 11)), code: "invalid_argument", path: "tradeIns", names: "10"),
        .init(name: "lease term 1…1200", accepted: loan(lease.replacing(#""term":36"#, with: #""term":1200"#)),
              rejected: loan(lease.replacing(#""term":36"#, with: #""term":1201"#)), code: "invalid_argument", path: "term", names: "1200"),
        .init(name: "5 lease tax components",
              accepted: loan(lease + #","tax":{"components":"# + list(#"{"name":"GST","rate":"1"}"#, 5) + "}"),
              rejected: loan(lease + #","tax":{"components":"# + list(#"{"name":"GST","rate":"1"}"#, 6) + "}"),
              code: "invalid_argument", path: "tax.components", names: "5"),
        .init(name: "100 advances for an APR", accepted: apr(advances: 100, count: 60), rejected: apr(advances: 101),
              code: "invalid_argument", path: "advances", names: "100"),
        .init(name: "1,000 payment entries for an APR", accepted: apr(entries: 1000, count: 6), rejected: apr(entries: 1001),
              code: "invalid_argument", path: "payments", names: "1000"),
        .init(name: "6,000 payments in all for an APR", accepted: apr(entries: 5, count: 1200), rejected: apr(entries: 6, count: 1001),
              code: "invalid_argument", path: "payments.5", names: "6000"),
        .init(name: "10 terms in a payment grid", accepted: grid(terms: 10), rejected: grid(terms: 11),
              code: "invalid_argument", path: "terms", names: "10"),
        .init(name: "request of 1 MiB", accepted: loan(base) + String(repeating: " ", count: (1 << 20) - loan(base).utf8.count),
              rejected: loan(base) + String(repeating: " ", count: (1 << 20) + 1 - loan(base).utf8.count), code: "invalid_json", path: "", names: "1048576"),
        .init(name: "nesting depth 64",
              accepted: loan(base + #","x":"# + String(repeating: "[", count: 63) + String(repeating: "]", count: 63)),
              rejected: loan(base + #","x":"# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)), code: "invalid_json", path: "", names: "64"),
    ]

    @Test("at the limit: accepted (or rejected for another reason than the limit)", arguments: limits)
    func atLimit(_ limit: LimitCase) {
        let answer = DealCalculator.calculate(requestText: limit.accepted)
        if limit.name.hasPrefix("nesting") {
            // The 64-deep member is past the reader; the calculator rejects it as unknown.
            #expect(answer.value(atPath: "error.code") == "invalid_argument")
            #expect(answer.value(atPath: "error.path") == "x")
        } else {
            #expect(!DealCalculator.isError(answer), "\(JSONWriter(pretty: false).write(answer).prefix(300))")
        }
    }

    @Test("one beyond the limit: the error names it", arguments: limits)
    func beyondLimit(_ limit: LimitCase) {
        let answer = DealCalculator.calculate(requestText: limit.rejected)
        #expect(answer.value(atPath: "error.code") == .string(limit.code))
        if limit.code == "invalid_argument" { #expect(answer.value(atPath: "error.path") == .string(limit.path)) }
        let message = answer.value(atPath: "error.message")?.stringValue ?? ""
        #expect(message.contains(limit.names), "\(message)")
    }

    @Test("a 10 MB string is refused by size before it is read, naming the limit")
    func tenMegabyteString() {
        let request = loan(base + #","notes":""# + String(repeating: "x", count: 10_000_000) + "\"")
        let answer = DealCalculator.calculate(requestText: request)
        #expect(answer.value(atPath: "error.code") == "invalid_json")
        #expect(answer.value(atPath: "error.message")?.stringValue?.contains("1048576") == true)
    }

    @Test("the largest deal: every line fits, the identities hold, no overflow")
    func largestDeal() {
        let request = loan(#""calculate":"loan","sellingPrice":"999999999999.99","apr":"100","term":1200,"frequency":"weekly","includeSchedule":true"#)
        let answer = DealCalculator.calculate(requestText: request)
        #expect(!DealCalculator.isError(answer), "\(JSONWriter(pretty: false).write(answer).prefix(300))")
        #expect(answer.value(atPath: "schedule")?.arrayValue?.count == 1200)
    }
}
