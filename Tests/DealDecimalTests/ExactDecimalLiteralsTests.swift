// DealFinance — DealDecimalTests: integer literals (ExactDecimal+Literals.swift).

import Testing
import DealDecimal

@Suite("ExactDecimal: integer literals")
struct ExactDecimalLiteralsTests {
    @Test func literalIsAWholeNumberAtScaleZero() {
        let term: ExactDecimal = 60
        #expect(term.coefficient == 60 && term.scale == 0)
        let negative: ExactDecimal = -1_200
        #expect(negative.description == "-1200")
        let largest = ExactDecimal(integerLiteral: .max)
        #expect(largest.description == "\(Int.max)")
        #expect(ExactDecimal(integerLiteral: .min).description == "\(Int.min)")
    }
}
