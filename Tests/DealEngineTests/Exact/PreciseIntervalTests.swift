// DealFinance — DealEngineTests: PreciseInterval.swift (exp/log enclosures) against GMP
// rational series brackets.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

/// The exact rational value of a WideInteger.
private func rational(_ w: WideInteger) -> Rational {
    var result = Rational(0)
    var scale = Rational(1)
    let base32 = Rational(1 << 32)
    for limb in w.limbs {
        result = result + scale * (Rational(Int(limb & 0xFFFF_FFFF)) + base32 * Rational(Int(limb >> 32)))
        scale = scale * base32 * base32
    }
    return w.isNegative ? -result : result
}

private func rational(_ w: WideInteger, bits: Int) -> Rational { rational(w) / Rational(2).power(bits) }

/// [lower, upper] ∋ e^x from the series: for x ≥ 0, S_N ≤ e^x ≤ S_N + 2·x^(N+1)/(N+1)!
/// when x ≤ (N+2)/2; for x < 0 the reciprocals of the bracket of e^−x.
private func oracleExp(_ x: Rational, terms: Int = 90) -> (lower: Rational, upper: Rational) {
    if x.sign < 0 {
        let b = oracleExp(-x, terms: terms)
        return (Rational(1) / b.upper, Rational(1) / b.lower)
    }
    var sum = Rational(1), term = Rational(1)
    for k in 1...terms {
        term = term * x / Rational(k)
        sum = sum + term
    }
    let next = term * x / Rational(terms + 1)
    return (sum, sum + next + next)
}

@Suite("PreciseInterval")
struct PreciseIntervalTests {
    @Test("Shifts round down and up, for both signs")
    func shifts() {
        #expect(WideInteger(7).shiftedRight(1, roundingUp: false) == WideInteger(3))
        #expect(WideInteger(7).shiftedRight(1, roundingUp: true) == WideInteger(4))
        #expect(WideInteger(-7).shiftedRight(1, roundingUp: false) == WideInteger(-4))
        #expect(WideInteger(-7).shiftedRight(1, roundingUp: true) == WideInteger(-3))
        #expect(WideInteger(8).shiftedRight(3, roundingUp: true) == WideInteger(1))
        #expect(WideInteger(1).shiftedRight(200, roundingUp: true) == WideInteger(1))
        #expect(WideInteger(1).shiftedRight(200, roundingUp: false) == .zero)
        let big = WideInteger(12345).shiftedLeft(130)
        #expect(big == WideInteger(12345) * WideInteger(2).power(130))
        #expect(big.shiftedRight(130, roundingUp: false) == WideInteger(12345))
    }

    @Test("exp encloses e^x (GMP series bracket) and is tight, random dyadic x in [-12, 12]")
    func expEncloses() {
        var g = SeededGenerator(seed: 0xE4B)
        for _ in 0..<25 {
            let bits = g.element(of: [64, 128, 200])
            // x = m / 2^bits with |x| ≤ 12.
            let m = WideInteger(g.int(in: -12_000_000...12_000_000)).shiftedLeft(bits)
            let mScaled = (try? m.divided(by: WideInteger(1_000_000), rule: .down)) ?? .zero
            let x = PreciseInterval(lower: mScaled, upper: mScaled, bits: bits)
            guard let e = x.exp() else { Issue.record("exp failed"); continue }
            let exact = oracleExp(rational(mScaled, bits: bits))
            let lo = rational(e.lower, bits: bits), hi = rational(e.upper, bits: bits)
            // Containment: lo ≤ e^x ≤ hi (the oracle bracket is far narrower than 2^-bits).
            #expect(lo <= exact.upper && exact.lower <= hi)
            #expect(lo <= exact.lower || exact.upper - exact.lower > hi - lo)
            #expect(exact.upper <= hi || exact.upper - exact.lower > hi - lo)
            // Tightness: a few units in the last place (times e^x's integer part).
            #expect(hi - lo <= Rational(16) * (Rational(1) + exact.upper) / Rational(2).power(bits))
        }
    }

    @Test("log encloses ln x: e^lower ≤ x ≤ e^upper proven with the GMP bracket")
    func logEncloses() {
        var g = SeededGenerator(seed: 0x109)
        for _ in 0..<25 {
            let bits = 128
            let numerator = g.int(in: 1...2_000_000_000), denominator = g.int(in: 1...20_000_000)
            let x = ExactFraction(WideInteger(numerator), WideInteger(denominator))
            let interval = PreciseInterval(x, bits: bits)
            guard let l = interval.log() else { Issue.record("log failed"); continue }
            let exactX = Rational(numerator: numerator, denominator: denominator)
            #expect(oracleExp(rational(l.lower, bits: bits)).upper <= exactX)
            #expect(exactX <= oracleExp(rational(l.upper, bits: bits)).lower)
            #expect(rational(l.upper, bits: bits) - rational(l.lower, bits: bits) <= Rational(1) / Rational(2).power(bits - 8))
        }
        #expect(PreciseInterval(0, bits: 64).log() == nil)
        #expect(PreciseInterval(-1, bits: 64).log() == nil)
        let zero = PreciseInterval(1, bits: 64).log()!
        #expect(zero.lower.isZero && zero.upper.isZero)
    }

    @Test("Ziv's strategy: e, ln 2, e^-10 correctly rounded; an exact zero is reported as 0")
    func correctRounding() {
        let e = PreciseInterval.correctlyRounded(significantDigits: 25) { PreciseInterval(1, bits: $0).exp() }
        #expect(e == .decided(try! ExactDecimal(parsing: "2.718281828459045235360287")))
        let ln2 = PreciseInterval.correctlyRounded(significantDigits: 25) { PreciseInterval(2, bits: $0).log() }
        #expect(ln2 == .decided(try! ExactDecimal(parsing: "0.6931471805599453094172321")))
        let small = PreciseInterval.correctlyRounded(significantDigits: 20) { PreciseInterval(-10, bits: $0).exp() }
        #expect(small == .decided(try! ExactDecimal(parsing: "0.000045399929762484851536")))
        let zero = PreciseInterval.correctlyRounded(significantDigits: 20, maximumBits: 512) { bits in
            PreciseInterval(3, bits: bits).log().map { $0 - $0 }
        }
        #expect(zero?.value == .zero)
        // An enclosure that always straddles the tie 2.5 decides nothing: no midpoint is made up.
        let tie = PreciseInterval.correctlyRounded(significantDigits: 1, maximumBits: 512) { bits in
            let center = WideInteger(5).shiftedLeft(bits - 1)
            return PreciseInterval(lower: center - WideInteger(1), upper: center + WideInteger(1), bits: bits)
        }
        #expect(tie == .undecided)
        #expect(tie?.value == nil)
        #expect(PreciseInterval(5000, bits: 64).exp() == nil)
    }

    @Test("exp at or below −2^12: [0, one unit] up to 5909 bits (e^−4096 < 2^−5909), nil above; a straddling interval keeps its series upper end")
    func tinyExp() throws {
        for bits in [64, 128, 4128, PreciseInterval.largestBitsForTinyExp] {
            for x in [-4096, -5000, -1_000_000] {
                let e = try #require(PreciseInterval(x, bits: bits).exp(), "e^\(x) at \(bits) bits")
                #expect(e.lower.isZero && e.upper == WideInteger(1), "e^\(x) at \(bits) bits")
            }
        }
        // The claim itself, e^4096 > 2^5909: with c = 0.69315, e^c > 2 (the oracle's lower
        // bound) and 5909·c < 4096, so e^4096 > (e^c)^5909 > 2^5909.
        let c = Rational(69315) / Rational(100_000)
        #expect(oracleExp(c, terms: 40).lower > Rational(2))
        #expect(Rational(PreciseInterval.largestBitsForTinyExp) * c < Rational(4096))
        #expect(PreciseInterval(-4096, bits: PreciseInterval.largestBitsForTinyExp + 1).exp() == nil)
        // Just inside the series' range the series answers, and its lower end is positive.
        let inside = try #require(PreciseInterval(-4095, bits: 6000).exp())
        #expect(!inside.lower.isZero && !inside.lower.isNegative)
        // [−5000, −10]: lower end 0 (e^x > 0), upper end e^−10's series bound.
        let straddle = PreciseInterval(lower: PreciseInterval(-5000, bits: 128).lower, upper: PreciseInterval(-10, bits: 128).upper, bits: 128)
        let e = try #require(straddle.exp())
        let e10 = try #require(PreciseInterval(-10, bits: 128).exp())
        #expect(e.lower.isZero && e.upper == e10.upper)
    }
}
