// DealFinance — DealJSON tests: JSONParseError (description, equality).
import DealJSON
import Testing

@Suite("JSONParseError")
struct JSONParseErrorTests {
    @Test("description adds the path when there is one")
    func description() {
        let nested = JSONParseError(kind: .invalidNumber, offset: 26, line: 1, column: 27, path: "tradeIns.0.payoff",
                                    message: "expected a digit after '.', found 'x' at line 1, column 27")
        #expect(nested.description
            == #"at path "tradeIns.0.payoff": expected a digit after '.', found 'x' at line 1, column 27"#)
        let top = JSONParseError(kind: .unexpectedEnd, offset: 0, line: 1, column: 1, path: "", message: "m")
        #expect(top.description == "m")
        #expect(String(describing: top) == "m")
    }

    @Test("errors from the reader carry the fields they were built with")
    func fromReader() {
        do {
            _ = try JSONReader().parse("{\n  \"a\": [1, 2 x]\n}")
            Issue.record("accepted invalid JSON")
        } catch {
            #expect(error == JSONParseError(
                kind: .unexpectedCharacter, offset: 15, line: 2, column: 14, path: "a",
                message: "expected ',' or ']' after an array element, found 'x' at line 2, column 14"))
            #expect(error != JSONParseError(
                kind: .unexpectedCharacter, offset: 15, line: 2, column: 14, path: "",
                message: error.message))
        }
    }
}
