// DealFinance — DealEngineTests: ExactFraction.swift.

import Testing
import DealDecimal
@testable import DealEngine

@Suite("ExactFraction")
struct ExactFractionTests {
    @Test("Arithmetic and rounding to significant digits")
    func arithmetic() throws {
        let third = ExactFraction(1) / ExactFraction(3)
        #expect(third.decimal(significantDigits: 5)?.description == "0.33333")
        #expect((third * ExactFraction(-300)).decimal(significantDigits: 4)?.description == "-100.0")
        #expect((ExactFraction(try ExactDecimal(parsing: "0.005")) + ExactFraction(1)).power(12).decimal(significantDigits: 20)?.description == "1.0616778118644995688")
        #expect(ExactFraction(0).decimal(significantDigits: 5) == .zero)
        #expect((ExactFraction(7) - ExactFraction(7)).sign == 0)
        #expect(ExactFraction(WideInteger(1), WideInteger(-2)).sign == -1)
        #expect((ExactFraction(1) / ExactFraction(1000)).decimal(significantDigits: 3)?.description == "0.00100")
        #expect(ExactFraction(10).power(40).decimal(significantDigits: 3) == nil)
    }
}
