// DealFinance — DealDecimalTests: exact arithmetic (ExactDecimal+Arithmetic.swift).

import Testing
@testable import DealDecimal

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("ExactDecimal: arithmetic")
struct ExactDecimalArithmeticTests {
    @Test func exactness() throws {
        let sum = try dec("0.1") + dec("0.2")
        #expect(sum == dec("0.3"))
        #expect(sum.description == "0.3")
        #expect(try (dec("0.10") + dec("0.2")).description == "0.30")
        #expect(try (dec("1.00") - dec("0.015")).description == "0.985")
        #expect(try (dec("470.10") * dec("0.07")).description == "32.9070")
        #expect(try (dec("3.133") * dec("100")).description == "313.300")
        #expect(try (dec("-2.5") * dec("-4")).description == "10.0")
        #expect(try (dec("-2.5") * dec("4")).description == "-10.0")
        #expect(try (dec("5") - dec("7.25")).description == "-2.25")
    }

    /// The compound operators and `reduce(.zero, +)` compose with `try`; on overflow they
    /// throw `.overflow` and leave the left operand unchanged (the documented choice: throw,
    /// never trap).
    @Test func compoundOperatorsAndReduce() throws {
        var total: ExactDecimal = 100
        try total += dec("0.25")
        #expect(total.description == "100.25")
        try total -= dec("0.50")
        #expect(total.description == "99.75")
        try total *= 2
        #expect(total.description == "199.50")
        let lines = [dec("436.66"), dec("0.34"), dec("-37.00")]
        #expect(try lines.reduce(.zero, +).description == "400.00")
        #expect(try lines.reduce(ExactDecimal(1), *) == dec("-5493.18280"))

        let largest = try ExactDecimal(coefficient: 99_999_999_999_999_999_999_999_999_999_999_999_999, scale: 0)
        var sum = largest
        #expect { try sum += 1 } throws: { error in
            guard case DecimalError.overflow = error else { return false }
            return true
        }
        #expect(sum == largest)
        var product = largest
        #expect(throws: DecimalError.self) { try product *= 10 }
        #expect(product == largest)
        var difference = largest.negated()
        #expect(throws: DecimalError.self) { try difference -= 1 }
        #expect(difference == largest.negated())
        #expect(throws: DecimalError.self) { try [largest, 1].reduce(.zero, +) }
    }

    @Test func scaleRules() throws {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            let a = randomDecimal(using: &rng, maxDigits: 15, maxScale: 12)
            let b = randomDecimal(using: &rng, maxDigits: 15, maxScale: 12)
            let sum = try a + b, difference = try a - b, product = try a * b
            #expect(sum.scale == max(a.scale, b.scale))
            #expect(difference.scale == max(a.scale, b.scale))
            #expect(product.scale == a.scale + b.scale)
            // Independent oracle on Int128 at the common scale.
            let s = max(a.scale, b.scale)
            let left = a.coefficient * tenTo(s - a.scale), right = b.coefficient * tenTo(s - b.scale)
            #expect(sum.coefficient == left + right)
            #expect(difference.coefficient == left - right)
            #expect(product.coefficient == a.coefficient * b.coefficient)
            // Algebra, exact: (a + b) − b = a, a − a = 0, a·1 = a, commutativity.
            #expect(try sum - b == a)
            #expect(try (a - a).isZero)
            #expect(try a * ExactDecimal(1) == a)
            #expect(try b + a == sum)
            #expect(try b * a == product)
        }
    }

    @Test func overflowAtThirtyEightDigits() throws {
        let nines = try ExactDecimal(coefficient: tenTo(38) - 1, scale: 0)
        #expect(throwsOverflow { _ = try nines + ExactDecimal(1) })
        #expect(throwsOverflow { _ = try nines.negated() - ExactDecimal(1) })
        #expect(try (nines - ExactDecimal(1)).coefficient == tenTo(38) - 2)
        #expect(try (nines + nines.negated()).isZero)
        // Aligning scales can overflow: 10^37 + 0.1 needs 39 digits.
        #expect(throwsOverflow { _ = try ExactDecimal(coefficient: tenTo(37), scale: 0) + dec("0.1") })
        #expect(try (ExactDecimal(coefficient: tenTo(36), scale: 0) + dec("0.1")).description == "1" + String(repeating: "0", count: 36) + ".1")
        // Products: 10^19 · 10^19 = 10^38 has 39 digits; 10^18 · 10^19 fits.
        #expect(throwsOverflow { _ = try ExactDecimal(coefficient: tenTo(19), scale: 0) * ExactDecimal(coefficient: tenTo(19), scale: 0) })
        #expect(try (ExactDecimal(coefficient: tenTo(18), scale: 0) * ExactDecimal(coefficient: tenTo(19), scale: 0)).coefficient == tenTo(37))
        #expect(throwsOverflow { _ = try nines * nines })               // overflows Int128 itself
        #expect(throwsOverflow { _ = try nines * ExactDecimal(-2) })
        // Scales add: 20 + 19 = 39 decimal places.
        #expect(throwsOverflow { _ = try ExactDecimal(coefficient: 1, scale: 20) * ExactDecimal(coefficient: 1, scale: 19) })
        #expect(try (ExactDecimal(coefficient: 1, scale: 20) * ExactDecimal(coefficient: 1, scale: 18)).scale == 38)
    }

    @Test func divisionByZero() {
        for rule in RoundingRule.allCases {
            #expect(throws: DecimalError.divisionByZero) { try dec("1").divided(by: dec("0.00"), scale: 2, rule: rule) }
            #expect(throws: DecimalError.divisionByZero) { try dec("0").divided(by: .zero, scale: 0, rule: rule) }
        }
    }

    @Test func divisionExamplesAndLimits() throws {
        #expect(try dec("6.9").divided(by: ExactDecimal(1200), scale: 8, rule: .toNearestOrEven).description == "0.00575000")
        #expect(try ExactDecimal(1).divided(by: ExactDecimal(3), scale: 2, rule: .up).description == "0.34")
        #expect(try ExactDecimal(1).divided(by: ExactDecimal(3), scale: 2, rule: .down).description == "0.33")
        #expect(try ExactDecimal(-1).divided(by: ExactDecimal(3), scale: 2, rule: .down).description == "-0.34")
        #expect(try dec("30895.00").divided(by: ExactDecimal(3), scale: 2, rule: .toNearestOrAway).description == "10298.33")
        #expect(try dec("1").divided(by: dec("8"), scale: 2, rule: .toNearestOrEven).description == "0.12")
        #expect(try dec("1").divided(by: dec("8"), scale: 2, rule: .toNearestOrAway).description == "0.13")
        #expect(try dec("1").divided(by: dec("-8"), scale: 2, rule: .toNearestOrAway).description == "-0.13")
        #expect(try dec("10").divided(by: dec("4"), scale: 1, rule: .requireExact).description == "2.5")
        #expect(throws: DecimalError.inexact) { try dec("10").divided(by: dec("4"), scale: 0, rule: .requireExact) }
        #expect(throwsOverflow { _ = try dec("1").divided(by: dec("3"), scale: 39, rule: .down) })
        #expect(throwsOverflow { _ = try dec("1").divided(by: dec("3"), scale: -1, rule: .down) })
        // 10^37 / 0.001 = 10^40.
        #expect(throwsOverflow { _ = try ExactDecimal(coefficient: tenTo(37), scale: 0).divided(by: dec("0.001"), scale: 0, rule: .down) })
        // Wide intermediates: 38-digit operands at scale 38.
        let big = try ExactDecimal(coefficient: tenTo(38) - 1, scale: 0)
        #expect(try big.divided(by: big, scale: 37, rule: .requireExact).description == "1." + String(repeating: "0", count: 37))
        #expect(throwsOverflow { _ = try big.divided(by: big, scale: 38, rule: .requireExact) })   // 1 needs 39 digits at scale 38
        let tiny = try ExactDecimal(coefficient: 1, scale: 38)
        #expect(try tiny.divided(by: big, scale: 38, rule: .up).coefficient == 1)
        #expect(try tiny.divided(by: big, scale: 38, rule: .down).coefficient == 0)
        #expect(try tiny.divided(by: big, scale: 38, rule: .down).scale == 38)
    }

    /// divided(by:scale:rule:) against an Int128 oracle for random operands and every rule.
    @Test func divisionAgainstAnIntegerOracle() throws {
        var rng = SplitMix64(seed: 0xD1_71DE)
        var exact = 0
        for _ in 0..<4_000 {
            let a = randomDecimal(using: &rng, maxDigits: 12, maxScale: 6)
            var b = randomDecimal(using: &rng, maxDigits: 8, maxScale: 6)
            if b.isZero { b = ExactDecimal(7) }
            let scale = Int.random(in: 0...10, using: &rng)
            // value = (a.c / 10^a.s) / (b.c / 10^b.s) at `scale`: a.c · 10^(scale + b.s) / (b.c · 10^a.s).
            let numerator = a.coefficient * tenTo(scale + b.scale)
            let denominator = b.coefficient * tenTo(a.scale)
            for rule in RoundingRule.allCases {
                let expected = oracleDivide(numerator, denominator, rule)
                let quotient = try inexactAsNil { try a.divided(by: b, scale: scale, rule: rule) }
                #expect(quotient?.coefficient == expected, "\(a) / \(b) at \(scale) by \(rule)")
                if let quotient { #expect(quotient.scale == scale) }
            }
            if oracleDivide(numerator, denominator, .requireExact) != nil { exact += 1 }
            // Bracketing, by multiplication only: q·b ≤ a < (q + ulp)·b for b > 0 with rule .down.
            let q = try a.divided(by: b.magnitude, scale: scale, rule: .down)
            let ulp = try ExactDecimal(coefficient: 1, scale: scale)
            #expect(try q * b.magnitude <= a)
            #expect(try a < (q + ulp) * b.magnitude)
        }
        #expect(exact > 100)
    }

    /// The 128-bit quotient (taken when a·10^shift fits) equals the wide-integer quotient it
    /// replaces, value, scale and errors, under every rule, on both sides of the 128-bit limit.
    @Test func quotientIn128BitsMatchesTheWideOne() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        var fast = 0
        for _ in 0..<4_000 {
            let digits = Int(next() % 38) + 1
            var a = Int128(next()) * Int128(next()) % Int128(PowersOfTen.unsigned(digits))
            if next() % 2 == 0 { a = -a }
            let b = Int128(next() % 1_000_000_000) - 500_000_000
            let (sa, sb, scale) = (Int(next() % 20), Int(next() % 12), Int(next() % 39))
            let rule = RoundingRule.allCases[Int(next()) % RoundingRule.allCases.count]
            guard b != 0 else { continue }
            let x = try ExactDecimal(coefficient: a, scale: sa), y = try ExactDecimal(coefficient: b, scale: sb)
            let shift = scale + sb - sa
            var numerator = WideInteger(a), denominator = WideInteger(b)
            if shift >= 0 { numerator = numerator.multiplied(byPowerOfTen: shift) } else { denominator = denominator.multiplied(byPowerOfTen: -shift) }
            let expected: Result<ExactDecimal, DecimalError> = Result { () throws(DecimalError) -> ExactDecimal in
                guard let c = try numerator.divided(by: denominator, rule: rule).int128Value else { throw .overflow("the quotient needs more than 38 digits") }
                return try ExactDecimal(coefficient: c, scale: scale)
            }
            let actual: Result<ExactDecimal, DecimalError> = Result { () throws(DecimalError) -> ExactDecimal in try x.divided(by: y, scale: scale, rule: rule) }
            switch (expected, actual) {
            case (.success(let e), .success(let v)):
                #expect(e.description == v.description, "\(x) / \(y) at \(scale) by \(rule)")
                if shift >= 0, shift <= 38, !a.multipliedReportingOverflow(by: PowersOfTen.signed(shift)).overflow { fast += 1 }
            case (.failure(let e), .failure(let v)):
                #expect(String(describing: e) == String(describing: v), "\(x) / \(y) at \(scale) by \(rule)")
            default:
                Issue.record("\(x) / \(y) at \(scale) by \(rule): \(expected) vs \(actual)")
            }
        }
        #expect(fast > 500)
    }
}
