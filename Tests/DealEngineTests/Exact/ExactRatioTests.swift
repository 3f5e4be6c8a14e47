// DealFinance — DealEngineTests: exact rationals (ExactRatio) and WideInteger.decimalText.

import Testing
import DealDecimal
import _DealTestSupport
@testable import DealEngine

/// The trial-division form `decimal(significantDigits:)` had before the termination was decided
/// from the denominator's factors 2 and 5 (every power of ten by `WideInteger.power`): the
/// reference the fast form must equal on every input.
func referenceDecimal(_ ratio: ExactRatio, significantDigits: Int) -> ExactDecimal? {
    func times10(_ value: WideInteger, _ k: Int) -> WideInteger { k == 0 ? value : value * WideInteger(Int128(10)).power(k) }
    let numerator = ratio.numerator, denominator = ratio.denominator
    if ratio.isZero { return .zero }
    if var exact = try? times10(numerator, ExactDecimal.maximumScale).divided(by: denominator, rule: .requireExact) {
        var scale = ExactDecimal.maximumScale
        let ten = WideInteger(Int128(10))
        while scale > 0, let shorter = try? exact.divided(by: ten, rule: .requireExact) {
            exact = shorter
            scale -= 1
        }
        // Exact when the coefficient fits 38 digits; otherwise rounded below (never 0).
        if let value = exact.int128Value, let decimal = try? ExactDecimal(coefficient: value, scale: scale) { return decimal }
    }
    let magnitude = ratio.isNegative ? -numerator : numerator
    var shift = 0
    while times10(magnitude, shift) < denominator && shift < 200 { shift += 1 }
    var scale = min(ExactDecimal.maximumScale, max(0, shift - 1 + significantDigits))
    while scale >= 0 {
        if let value = (try? times10(numerator, scale).divided(by: denominator, rule: .toNearestOrEven))?.int128Value,
           let decimal = try? ExactDecimal(coefficient: value, scale: scale) {
            return decimal
        }
        scale -= 1
    }
    return nil
}

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
        #expect(ExactRatio(try ExactDecimal(parsing: "0.00250")).decimal(significantDigits: 24)?.description == "0.0025")
        #expect(ExactRatio(1, 480).decimal(significantDigits: 24)?.description == "0.00208333333333333333333333")
        #expect(ExactRatio(-3, 4).decimal(significantDigits: 24)?.description == "-0.75")
    }

    @Test("WideInteger.decimalText across 18-digit chunks")
    func decimalText() {
        #expect(WideInteger(Int128(0)).decimalText == "0")
        #expect(WideInteger(Int128(-1234)).decimalText == "-1234")
        #expect(WideInteger(Int128(10)).power(40).decimalText == "1" + String(repeating: "0", count: 40))
        #expect((WideInteger(Int128(10)).power(20) + WideInteger(Int128(7))).decimalText == "100000000000000000007")
    }

    /// Checks the fast form against the reference (value and scale) at 20 and 24 digits.
    func check(_ ratio: ExactRatio, _ note: @autoclosure () -> String = "") {
        for digits in [20, 24] {
            let fast = ratio.decimal(significantDigits: digits), slow = referenceDecimal(ratio, significantDigits: digits)
            #expect(fast == slow && fast?.scale == slow?.scale && fast?.description == slow?.description,
                    "\(ratio.numerator.decimalText)/\(ratio.denominator.decimalText) at \(digits) digits: fast \(fast), reference \(slow) \(note())")
        }
    }

    @Test("Termination decided from the factors 2 and 5 equals the trial divisions: boundaries")
    func terminationBoundaries() {
        let ten = WideInteger(Int128(10)), two = WideInteger(Int128(2)), five = WideInteger(Int128(5))
        // Denominators with only 2s and 5s (terminating), at and beyond 38 decimals.
        for k in [0, 1, 2, 17, 37, 38, 39, 40, 60] {
            for numerator: Int128 in [1, 3, -7, 10, 1_000, 123_456_789, Int128(Int64.max)] {
                check(ExactRatio(WideInteger(numerator), two.power(k)))
                check(ExactRatio(WideInteger(numerator), five.power(k)))
                check(ExactRatio(WideInteger(numerator), ten.power(k)))
                check(ExactRatio(WideInteger(numerator), two.power(k) * five.power(k / 2 + 1)))
            }
        }
        // 10^38 and its neighbours as numerators: coefficients at and past the ExactDecimal limit.
        let e38 = ten.power(38)
        for numerator: WideInteger in [e38, e38 - WideInteger(Int128(1)), e38 + WideInteger(Int128(1)), ten.power(39), -e38,
                          WideInteger(Int128.max), WideInteger(Int128.min), WideInteger(Int128.max) + WideInteger(Int128(1))] {
            let denominators: [Int128] = [1, 2, 3, 4, 5, 7, 10, 40, 100, 1_000_000, 3_072]
            for denominator in denominators {
                check(ExactRatio(numerator, WideInteger(denominator)))
                check(ExactRatio(numerator, WideInteger(denominator) * ten.power(30)))
            }
        }
        // Other factors: terminating only when they divide the numerator.
        let pairs: [(Int128, Int128)] = [(3, 3), (6, 12), (21, 224), (22, 224), (1, 480), (480, 480), (2, 3), (0, 7),
                                         (99, 1_125), (10, 3), (1, 1_000_003), (5_000_015, 8_000_024)]
        for (n, d) in pairs {
            check(ExactRatio(n, d))
            check(ExactRatio(-n, d))
            check(ExactRatio(WideInteger(n) * ten.power(25), WideInteger(d) * ten.power(25)))
            check(ExactRatio(WideInteger(n) * three40, WideInteger(d) * three40))
        }
        // Values far below one (leading position near the 200 cap) and far above.
        check(ExactRatio(WideInteger(Int128(1)), ten.power(190) * WideInteger(Int128(3))))
        check(ExactRatio(WideInteger(Int128(1)), ten.power(210) * WideInteger(Int128(3))))
        check(ExactRatio(WideInteger(Int128(7)), ten.power(250)))
        check(ExactRatio(ten.power(45) + WideInteger(Int128(1)), WideInteger(Int128(3))))
    }

    var three40: WideInteger { WideInteger(Int128(3)).power(40) }

    @Test("Termination decided from the factors 2 and 5 equals the trial divisions: seeded random ratios")
    func terminationRandom() {
        var g = SeededGenerator(seed: 20_261_123)
        for _ in 0..<3_000 {
            func factor() -> WideInteger {
                var value = WideInteger(Int128(1))
                for _ in 0..<g.int(in: 0...3) {
                    let prime = [2, 2, 2, 5, 5, 5, 3, 7, 11, 13, 1_000_003][g.int(in: 0...10)]
                    value = value * WideInteger(Int128(prime)).power(g.int(in: 1...12))
                }
                return value
            }
            let common = factor()
            var numerator = WideInteger(Int128(g.int(in: 1...Int(Int32.max)))) * factor() * common
            if g.chance(1, in: 3) { numerator = -numerator }
            let denominator = factor() * common
            check(ExactRatio(numerator, denominator))
        }
    }

    /// A random Int128 of about `bits` bits (any sign), or a boundary value.
    func sample(_ g: inout SeededGenerator) -> Int128 {
        switch g.int(in: 0...9) {
        case 0: return g.element(of: [Int128.min, Int128.max, Int128.min + 1, -1, 1, 0, Int128(1) << 63, -(Int128(1) << 64)])
        default:
            let bits = g.int(in: 1...127)
            let magnitude = (UInt128(g.next()) | (UInt128(g.next()) << 64)) >> (128 - bits)
            let value = Int128(truncatingIfNeeded: magnitude)
            return g.chance(1, in: 2) ? value : (value == .min ? value : -value)
        }
    }

    @Test("Int128 parts: every operation gives the numerator and denominator of the wide formula")
    func smallMatchesWide() {
        var g = SeededGenerator(seed: 1_128)
        func parts(_ r: ExactRatio) -> (WideInteger, WideInteger) { (r.numerator, r.denominator) }
        func normalized(_ n: WideInteger, _ d: WideInteger) -> (WideInteger, WideInteger) { d.isNegative ? (-n, -d) : (n, d) }
        for _ in 0..<20_000 {
            var (a, b, c, d) = (sample(&g), sample(&g), sample(&g), sample(&g))
            if b == 0 { b = 7 }
            if d == 0 { d = -3 }
            if g.chance(1, in: 4) { d = b }   // equal denominators
            let x = ExactRatio(a, b), y = ExactRatio(c, d)
            let (xn, xd) = normalized(WideInteger(a), WideInteger(b)), (yn, yd) = normalized(WideInteger(c), WideInteger(d))
            #expect(parts(x) == (xn, xd))
            let sum = xd == yd ? (xn + yn, xd) : (xn * yd + yn * xd, xd * yd)
            #expect(parts(x + y) == sum, "\(a)/\(b) + \(c)/\(d)")
            let difference = xd == yd ? (xn - yn, xd) : (xn * yd + (-yn) * xd, xd * yd)
            #expect(parts(x - y) == difference, "\(a)/\(b) − \(c)/\(d)")
            #expect(parts(-x) == (-xn, xd))
            #expect(parts(x * y) == (xn * yn, xd * yd), "\(a)/\(b) × \(c)/\(d)")
            if c != 0 { #expect(parts(x / y) == normalized(xn * yd, xd * yn), "\(a)/\(b) ÷ \(c)/\(d)") }
            #expect(x.compare(to: y) == (xn * yd).compare(to: yn * xd), "\(a)/\(b) vs \(c)/\(d)")
            #expect(x.isZero == xn.isZero && x.isNegative == (xn.isNegative && !xn.isZero) && x.isPositive == (!xn.isNegative && !xn.isZero))
            for rule in [RoundingRule.toNearestOrAway, .toNearestOrEven, .up, .down, .towardZero, .requireExact] {
                let effective: RoundingRule = rule == .requireExact ? .toNearestOrAway : rule
                #expect(x.rounded(rule) == (try? xn.divided(by: xd, rule: effective))?.int128Value, "\(a)/\(b) \(rule)")
            }
            // Results that fit are held in Int128 again.
            if let n = (x * y).numerator.int128Value, (x * y).denominator.int128Value != nil { #expect((x * y).isSmall, "\(n)") }
        }
    }

    @Test("Int128 parts: the rounded decimal equals the trial-division form (seeded and boundary ratios)")
    func smallDecimals() {
        var g = SeededGenerator(seed: 24)
        var ratios: [ExactRatio] = []
        for _ in 0..<4_000 {
            var d = sample(&g)
            if d == 0 { d = 3 }
            ratios.append(ExactRatio(sample(&g), d))
        }
        let edges: [(Int128, Int128)] = [(1, 3), (-1, 3), (2, 3), (Int128.max, 3), (Int128.min, 3), (Int128.max, Int128.max - 1),
                                         (1, Int128.max), (-1, Int128.max), (1, 10_000_000_000_000_000_000_000_000_000_000_007),
                                         (5, 6), (1, 6), (-5, 6), (15, 2 * 7), (7, 16 * 9), (999_999_999_999_999_999_999, 7)]
        for (n, d) in edges { ratios.append(ExactRatio(n, d)) }
        for ratio in ratios {
            for digits in [1, 20, 24, 30, 38, 40] {
                let fast = ratio.decimal(significantDigits: digits), slow = referenceDecimal(ratio, significantDigits: digits)
                #expect(fast == slow && fast?.scale == slow?.scale,
                        "\(ratio.numerator.decimalText)/\(ratio.denominator.decimalText) at \(digits): fast \(fast), reference \(slow)")
            }
        }
        #expect(WideInteger(Int128.min).decimalText == String(Int128.min))
        #expect((WideInteger(Int128.max) + WideInteger(Int128(1))).decimalText == "170141183460469231731687303715884105728")
    }

    @Test("smallParts: the unreduced parts while both fit in Int128, nil when wide")
    func smallParts() {
        let ratio = ExactRatio(6, 4)
        #expect(ratio.smallParts?.numerator == 6 && ratio.smallParts?.denominator == 4)
        #expect(ExactRatio(3, -9).smallParts?.numerator == -3 && ExactRatio(3, -9).smallParts?.denominator == 9)
        let wide = ExactRatio(Int128.max) * ExactRatio(Int128.max)
        #expect(!wide.isSmall && wide.smallParts == nil)
    }

    @Test("Parts below 2^64: the 64-bit terminating and rounding steps give the reference decimal")
    func sixtyFourBitDecimals() {
        var g = SeededGenerator(seed: 0x64B1_7DEC)
        var checked = 0, terminating = 0, rounded64 = 0
        func check(_ numerator: Int128, _ denominator: Int128) {
            let ratio = ExactRatio(numerator, denominator)
            for digits in [1, 12, 20, 24] {
                let fast = ratio.decimal(significantDigits: digits), slow = referenceDecimal(ratio, significantDigits: digits)
                #expect(fast?.coefficient == slow?.coefficient && fast?.scale == slow?.scale, "\(numerator)/\(denominator) to \(digits) digits: \(fast) vs \(slow)")
                checked += 1
            }
            if ExactRatio.terminatingDecimal(numerator, denominator) != nil { terminating += 1 }
            if ExactRatio.roundedDecimal64(numerator, denominator, significantDigits: 20) != nil { rounded64 += 1 }
        }
        for _ in 0..<3_000 {
            // Denominators with factors 2, 5 and others; numerators of every size below 2^63.
            var denominator = Int128(g.int(in: 1...1_000_000))
            for _ in 0..<g.int(in: 0...12) { denominator *= Int128(g.element(of: [2, 5, 10, 3, 7])) }
            let numerator = Int128(g.int(in: -Int(Int32.max)...Int(Int32.max))) * Int128(g.int(in: 1...Int(Int32.max))) + Int128(g.int(in: -9...9))
            check(numerator, denominator)
            check(numerator, denominator * Int128(g.int(in: 1...1_000_000_000)))
            // Terminating: r·k / (r·2^a·5^b).
            let r = Int128(g.int(in: 1...999)), k = Int128(g.int(in: -1_000_000_000...1_000_000_000))
            var twosAndFives: Int128 = 1
            for _ in 0..<g.int(in: 0...20) { twosAndFives *= Int128(g.element(of: [2, 5, 10])) }
            check(r * k, r * twosAndFives)
        }
        // The 2^63 and 2^64 edges, half-way ties, the 10^38 coefficient edge, the largest 64-bit parts.
        let edges: [(Int128, Int128)] = [
            (Int128(Int64.max), 3), (Int128(Int64.max), Int128(Int64.max)), (Int128(Int64.min), 7), (Int128(UInt64.max), 9),
            (Int128(UInt64.max) + 1, 9), (Int128(UInt64.max), Int128(UInt64.max)), (1, Int128(UInt64.max)), (5, 2), (-5, 2), (25, 20),
            (1, 3), (2, 3), (-2, 3), (Int128(UInt64.max), 1), (17_014_118_346_046_923_173, 1), (1, 1 << 62), (3, 1 << 63),
            (12_345_678_901_234_567_890, 1_000_000_007), (1, 7_000_000_000_000_000_000),
        ]
        for (numerator, denominator) in edges { check(numerator, denominator) }
        #expect(checked > 20_000 && terminating > 2_000 && rounded64 > 2_000, "\(checked) \(terminating) \(rounded64)")
    }
}
