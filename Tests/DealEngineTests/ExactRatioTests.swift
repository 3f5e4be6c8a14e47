// DealFinance — DealEngineTests: exact rationals (ExactRatio) and WideInteger.decimalText.

import Testing
import DealDecimal
@testable import DealEngine

@Suite("ExactRatio")
struct ExactRatioTests {
    @Test("Arithmetic, comparison and rounding are exact")
    func arithmetic() {
        let third = ExactRatio(1, 3), half = ExactRatio(1, 2)
        #expect((third + half) == ExactRatio(5, 6))
        #expect((third - half) == ExactRatio(-1, 6))
        #expect((third * half) == ExactRatio(1, 6))
        #expect((third / half) == ExactRatio(2, 3))
        #expect(ExactRatio(1, -2) == ExactRatio(-1, 2))
        #expect(third < half)
        #expect(ExactRatio(5, 2).rounded(.toNearestOrAway) == 3)
        #expect(ExactRatio(-5, 2).rounded(.toNearestOrAway) == -3)
        #expect(ExactRatio(5, 2).rounded(.toNearestOrEven) == 2)
        #expect(ExactRatio(7, 3).rounded(.up) == 3)
        #expect(ExactRatio(-1, 3).isNegative && !ExactRatio.zero.isNegative && ExactRatio.one.isPositive)
    }

    @Test("Decimal display: exact when terminating, else 24 significant digits")
    func display() throws {
        #expect(ExactRatio(try ExactDecimal(parsing: "0.00250")).decimal(significantDigits: 24).description == "0.0025")
        #expect(ExactRatio(1, 480).decimal(significantDigits: 24).description == "0.00208333333333333333333333")
        #expect(ExactRatio(-3, 4).decimal(significantDigits: 24).description == "-0.75")
    }

    @Test("WideInteger.decimalText across 18-digit chunks")
    func decimalText() {
        #expect(WideInteger(Int128(0)).decimalText == "0")
        #expect(WideInteger(Int128(-1234)).decimalText == "-1234")
        #expect(WideInteger(Int128(10)).power(40).decimalText == "1" + String(repeating: "0", count: 40))
        #expect((WideInteger(Int128(10)).power(20) + WideInteger(Int128(7))).decimalText == "100000000000000000007")
    }
}
