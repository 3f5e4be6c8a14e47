// DealFinance — DealEngineTests: DoubleWord.swift against exact rationals.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

@Suite("DoubleWord")
struct DoubleWordTests {
    private func exact(_ x: DoubleWord) -> ExactFraction { ExactFraction.of(x.hi) + ExactFraction.of(x.lo) }

    /// |computed − exact| ≤ relativeError · |exact|, in exact arithmetic.
    private func within(_ computed: DoubleWord, _ value: ExactFraction) -> Bool {
        let error = exact(computed) - value
        let magnitude = value.sign < 0 ? -value : value
        let e = error.sign < 0 ? -error : error
        let limit = magnitude * ExactFraction.of(DoubleWord.relativeError)
        return (limit - e).sign >= 0
    }

    @Test("Sums and products of random double words are within 16u² of the exact value; exact integers below 2^106")
    func bounds() {
        var g = SeededGenerator(seed: 0xD0_B1E)
        func random() -> DoubleWord {
            let hi = Double(g.int(in: 1...(1 << 53))) * Double(sign: .plus, exponent: g.int(in: -80...40), significand: 1) * (g.chance(1, in: 3) ? -1 : 1)
            let lo = hi.ulp / 2 * Double(g.int(in: -1_000_000...1_000_000)) / 1_000_000
            let (h, l) = DoubleWord.fastTwoSum(hi, lo)
            return DoubleWord(hi: h, lo: l)
        }
        for _ in 0..<5_000 {
            let x = random(), y = random()
            #expect(within(x + y, exact(x) + exact(y)))
            #expect(within(x * y, exact(x) * exact(y)))
            let n = g.int(in: 0...40)
            let base = DoubleWord(1) + DoubleWord(Double(g.int(in: 0...1_000_000)) / 1e8)
            let p = base.power(n)
            let limit = DoubleWord.gamma(2 * 7)   // ≤ 2·⌈log₂ 41⌉ products
            let error = exact(p) - exact(base).power(n)
            let e = error.sign < 0 ? -error : error
            #expect((exact(base).power(n) * ExactFraction.of(limit) - e).sign >= 0)
            let integer = Int128(g.int(in: 0...Int.max)) << Int128(g.int(in: 0...42)) + Int128(g.int(in: 0...Int.max))
            let word = DoubleWord(exactly: integer)!
            #expect((exact(word) - ExactFraction(WideInteger(integer), WideInteger(1))).isZero)
        }
        #expect(DoubleWord(exactly: Int128(1) << 106) == nil)
    }
}

@Suite("DoubleWord division")
struct DoubleWordDivisionTests {
    @Test("Quotients of integers below 2^106 are within 2 · relativeError of the exact quotient")
    func quotients() {
        var g = SeededGenerator(seed: 0xD1_D1DE)
        for _ in 0..<5_000 {
            let p = Int128(g.int(in: 0...Int.max)) << Int128(g.int(in: 0...40)) + Int128(g.int(in: 0...Int.max))
            let q = Int128(g.int(in: 1...Int.max)) << Int128(g.int(in: 0...40)) + Int128(g.int(in: 0...Int.max))
            let z = DoubleWord(exactly: p)! / DoubleWord(exactly: q)!
            let exact = ExactFraction(WideInteger(p), WideInteger(q))
            let error = ExactFraction.of(z.hi) + ExactFraction.of(z.lo) - exact
            let e = error.sign < 0 ? -error : error
            #expect((exact * ExactFraction.of(2 * DoubleWord.relativeError) - e).sign >= 0, "\(p)/\(q)")
        }
    }
}
