// DealFinance — DealRequestsTests: `expectIncludes` in vector files (VectorFile.swift).

import Testing
import DealDecimal
import DealJSON
@testable import DealRequests

private func failures(includes: String, answer: JSONValue) throws -> [VectorCase.Failure] {
    let text = #"{"format":"dealfinance-vectors/1","title":"t","cases":[{"id":"c","request":{},"expectIncludes":"# + includes + "}]}"
    return try VectorFile(json: try JSONReader().parse(text), name: "t.json").cases[0].check { _ in answer }
}

@Suite("VectorFile expectIncludes")
struct VectorFileIncludesTests {
    static let answer: JSONValue = ["profiles": [
        ["rounding": ["base": "standard", "periodicRate": "rounded", "periodicRateDecimals": 5], "departures": 1],
        ["rounding": ["base": "standard", "totals": "paymentTimesCount"], "departures": 1],
    ], "lines": [["path": "x", "computed": "42.494"]]]

    @Test("An element matches when every listed key is present and equal; extra keys are allowed", arguments: [
        (#"{"profiles":[{"rounding":{"periodicRate":"rounded"}}]}"#, true),
        (#"{"profiles":[{"rounding":{"base":"standard","totals":"paymentTimesCount"}},{"departures":1}]}"#, true),
        (#"{"profiles":[{"rounding":{"periodicRate":"rounded","totals":"paymentTimesCount"}}]}"#, false),
        (#"{"profiles":[{"rounding":{"periodicRateDecimals":6}}]}"#, false),
        (#"{"profiles":[{"rounding":{"payment":"up"}}]}"#, false),
        (#"{"lines":[{"computed":"42.49"}]}"#, true),
        (#"{"lines":[{"computed":"42.50"}]}"#, false),
        (#"{"missing":[{}]}"#, false),
        (#"{"profiles":[]}"#, true),
    ])
    func includes(includes: String, passes: Bool) throws {
        #expect(try failures(includes: includes, answer: Self.answer).isEmpty == passes)
    }

    @Test func aCaseMayHaveOnlyExpectIncludes() throws {
        let text = #"{"format":"dealfinance-vectors/1","title":"t","cases":[{"id":"c","request":{},"expectIncludes":{"a":[1]}}]}"#
        let file = try VectorFile(json: try JSONReader().parse(text), name: "t.json")
        #expect(file.cases[0].expectIncludes.count == 1)
        #expect(file.cases[0].expect.isEmpty)
    }

    @Test func malformedIncludesAreFileErrors() {
        for bad in [#""expectIncludes":[1]"#, #""expectIncludes":{"a":1}"#] {
            let text = #"{"format":"dealfinance-vectors/1","title":"t","cases":[{"id":"c","request":{},"# + bad + "}]}"
            #expect(throws: VectorFileError.self) { try VectorFile(json: try JSONReader().parse(text), name: "t.json") }
        }
    }
}
