// DealFinance — DealRequestsTests: the JSON interface as text (DealCalculator+Text.swift).

import Testing
import DealEngine
import DealJSON
@testable import DealRequests

@Suite("DealCalculator: text answers")
struct DealCalculatorTextTests {
    private let loan = #"{"calculate":"loan","sellingPrice":"30000.00","downPayment":"0","apr":"6","term":60,"balloon":{"amount":"10000.00"}}"#

    /// The text is exactly the parsed answer written compactly (or pretty when asked).
    @Test func sameTextAsTheParsedAnswer() {
        for request in [loan, "{}", "not json", #"{"calculate":"lease"}"#] {
            let parsed = DealCalculator.calculate(requestText: request)
            #expect(DealCalculator.answer(requestText: request).json == JSONWriter(pretty: false).write(parsed))
            #expect(DealCalculator.answer(requestText: request, pretty: true).json == JSONWriter(pretty: true).write(parsed))
            #expect(DealCalculator.answer(requestBytes: Array(request.utf8)) == DealCalculator.answer(requestText: request))
        }
    }

    /// A result has no error; an error answer carries the typed error of its error object.
    @Test func errorIsTyped() throws {
        #expect(DealCalculator.answer(requestText: loan).error == nil)
        let missing = DealCalculator.answer(requestText: "{}")
        #expect(missing.error?.code == .invalidArgument && missing.error?.path == "calculate")
        #expect(missing.json.contains(#""path":"calculate""#))
        #expect(DealCalculator.answer(requestText: "not json").error?.code == .invalidJSON)
        #expect(throws: DealError.self) { try DealCalculator.resultJSON(requestText: #"{"calculate":"loan","term":0}"#) }
        #expect(try DealCalculator.resultJSON(requestText: loan).contains(#""calculate":"loan""#))
    }
}
