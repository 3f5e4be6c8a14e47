// DealFinance — DealRequestsTests: printed quote values (QuotedLine.swift).

import Testing
import DealJSON
@testable import DealRequests

@Suite("QuotedLine")
struct QuotedLineTests {
    @Test("Fewer printed decimals match when the computed value rounds half up to them", arguments: [
        ("23637", "23637.40", true), ("23637", "23637.50", false), ("23,637", "23636.50", true), ("$42.49", "42.49", true),
        ("42.49", "42.494", true), ("42.49", "42.495", false), ("42.490", "42.49", true), ("42.491", "42.49", false),
        ("£1,234.5", "1234.45", true), ("0", "0.00", true), ("12", nil, false), ("12", "abc", false),
    ])
    func matching(printed: String, computed: String?, matches: Bool) throws {
        #expect(try QuotedLine(path: "x", text: printed, field: "quoted.x").matches(computed) == matches)
    }

    @Test(arguments: ["", "12.3.4", "1e3", "abc", "$", "- 5"])
    func unreadableValuesAreInvalid(text: String) {
        do {
            _ = try QuotedLine(path: "x", text: text, field: "quoted.x")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.path == "quoted.x")
        }
    }

    @Test func computedReadsStringsAndNumbers() {
        let result: JSONValue = ["a": ["b": "1.50"], "n": 60, "f": false]
        #expect(QuotedLine.computed(result, at: "a.b") == "1.50")
        #expect(QuotedLine.computed(result, at: "n") == "60")
        #expect(QuotedLine.computed(result, at: "f") == nil)
        #expect(QuotedLine.computed(result, at: "zz") == nil)
    }
}
