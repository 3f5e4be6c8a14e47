// DealFinance — DealDecimalTests: WideInteger (WideInteger.swift, package access).

import Testing
import DealDecimal

private func wide(_ value: Int128) -> WideInteger { WideInteger(value) }

/// A random Int128 whose magnitude has about `bits` bits.
private func randomInt128(bits: Int, using rng: inout SplitMix64) -> Int128 {
    let magnitude = UInt128(rng.next()) | (UInt128(rng.next()) << 64)
    let masked = bits >= 127 ? magnitude & UInt128(Int128.max) : magnitude & ((1 << UInt128(bits)) - 1)
    let value = Int128(masked)
    return Bool.random(using: &rng) ? -value : value
}

/// A random multi-limb value.
private func randomWide(limbs: Int, using rng: inout SplitMix64) -> WideInteger {
    WideInteger(limbs: (0..<limbs).map { _ in rng.next() }, negative: Bool.random(using: &rng))
}

/// 10^n by repeated multiplication by ten (independent of `power`).
private func tenToWide(_ n: Int) -> WideInteger {
    var value = WideInteger(1)
    for _ in 0..<n { value = value * WideInteger(10) }
    return value
}

@Suite("WideInteger")
struct WideIntegerTests {
    @Test func constructionAndInt128RoundTrip() {
        for value: Int128 in [0, 1, -1, 42, -42, Int128(UInt64.max), -Int128(UInt64.max), Int128(UInt64.max) + 1, .max, .min, .min + 1, .max - 1] {
            #expect(wide(value).int128Value == value, "\(value)")
            #expect(wide(value).isNegative == (value < 0))
            #expect(wide(value).isZero == (value == 0))
        }
        #expect(WideInteger.zero.limbs.isEmpty)
        #expect(WideInteger(limbs: [0, 0, 0], negative: true) == .zero)          // no negative zero
        #expect(!WideInteger(limbs: [0], negative: true).isNegative)
        #expect(WideInteger(limbs: [5, 0, 0], negative: false).limbs == [5])
        #expect(WideInteger(7 as Int) == wide(7))
        // Values outside Int128: 2^127 and −2^127 − 1, 2^128.
        #expect(WideInteger(limbs: [0, 1 << 63], negative: false).int128Value == nil)
        #expect(WideInteger(limbs: [0, 1 << 63], negative: true).int128Value == .min)
        #expect(WideInteger(limbs: [1, 1 << 63], negative: true).int128Value == nil)
        #expect(WideInteger(limbs: [0, 0, 1], negative: false).int128Value == nil)
        #expect(WideInteger(limbs: [1, 1], negative: true).int128Value == -(Int128(1) << 64) - 1)
    }

    @Test func bitWidth() {
        #expect(WideInteger.zero.bitWidth == 0)
        #expect(wide(1).bitWidth == 1)
        #expect(wide(-255).bitWidth == 8)
        #expect(wide(Int128(1) << 64).bitWidth == 65)
        #expect(tenToWide(50).bitWidth == 167)     // 10^50 ≈ 2^166.1
    }

    @Test func arithmeticAgainstInt128() {
        var rng = SplitMix64(seed: 0x1DE)
        for _ in 0..<5_000 {
            let a = randomInt128(bits: Int.random(in: 0...126, using: &rng), using: &rng)
            let b = randomInt128(bits: Int.random(in: 0...126, using: &rng), using: &rng)
            #expect((wide(a) + wide(b)).int128Value == a + b, "\(a) + \(b)")
            #expect((wide(a) - wide(b)).int128Value == a - b, "\(a) - \(b)")
            #expect((-wide(a)).int128Value == -a)
            #expect(wide(a).compare(to: wide(b)) == (a < b ? -1 : (a == b ? 0 : 1)), "compare \(a) \(b)")
            #expect((wide(a) < wide(b)) == (a < b))
            #expect((wide(a) == wide(b)) == (a == b))
            // Products of values below 2^63 fit.
            let x = Int128(truncatingIfNeeded: a) >> 64, y = Int128(truncatingIfNeeded: b) >> 64
            #expect((wide(x) * wide(y)).int128Value == x * y, "\(x) * \(y)")
            #expect((wide(x) * wide(y)).isNegative == (x * y < 0))
        }
    }

    @Test func carriesAcrossLimbs() {
        let allOnes = WideInteger(limbs: [.max, .max], negative: false)           // 2^128 − 1
        let sum = allOnes + WideInteger(1)
        #expect(sum.limbs == [0, 0, 1])
        #expect((sum - WideInteger(1)).limbs == [.max, .max])
        #expect((allOnes * allOnes).limbs == [1, 0, .max - 1, .max])            // (2^128−1)^2
        #expect((WideInteger(1) - sum).isNegative)
        #expect((WideInteger(1) - sum).limbs == [.max, .max])
        #expect((sum + (-sum)) == .zero)
    }

    @Test func powerAgainstInt128() {
        for base: Int128 in [-13, -10, -7, -2, -1, 0, 1, 2, 3, 7, 10, 13, 1_000_003] {
            var expected: Int128 = 1
            for exponent in 0...40 {
                #expect(wide(base).power(exponent).int128Value == expected, "\(base)^\(exponent)")
                let (next, overflow) = expected.multipliedReportingOverflow(by: base)
                if overflow || next.magnitude > UInt128(1) << 120 { break }
                expected = next
            }
        }
        #expect(wide(0).power(0).int128Value == 1)
        #expect(wide(10).power(50) == tenToWide(50))
        #expect(wide(3).multiplied(byPowerOfTen: 40) == wide(3) * tenToWide(40))
        #expect(wide(-3).multiplied(byPowerOfTen: 0) == wide(-3))
        #expect(WideInteger.zero.multiplied(byPowerOfTen: 100) == .zero)
        // (a^m)^n = a^(mn), a^m · a^n = a^(m+n) for big values.
        let a = wide(1_000_000_007)
        #expect(a.power(6).power(7) == a.power(42))
        #expect(a.power(17) * a.power(25) == a.power(42))
    }

    @Test func divisionAgainstInt128Oracle() throws {
        var rng = SplitMix64(seed: 0xD17)
        var multiLimbDivisors = 0
        for round in 0..<3_000 {
            let n = randomInt128(bits: Int.random(in: 0...126, using: &rng), using: &rng)
            var d = randomInt128(bits: Int.random(in: 1...126, using: &rng), using: &rng)
            if round % 5 == 0 { d = randomInt128(bits: Int.random(in: 1...12, using: &rng), using: &rng) }
            if d == 0 { d = 3 }
            if d.magnitude >> 64 != 0 { multiLimbDivisors += 1 }
            for rule in RoundingRule.allCases {
                let expected = oracleDivide(n, d, rule)
                let quotient = try inexactAsNil { try wide(n).divided(by: wide(d), rule: rule) }
                #expect(quotient?.int128Value == expected, "\(n) / \(d) by \(rule)")
            }
        }
        #expect(multiLimbDivisors > 1_000)
        #expect(throws: DecimalError.divisionByZero) { try wide(5).divided(by: .zero, rule: .down) }
        #expect(throws: DecimalError.divisionByZero) { try WideInteger.zero.divided(by: .zero, rule: .toNearestOrEven) }
    }

    /// Every n in −300…300 and d in ±1…±40 and every rule, like RoundingRule's exhaustive test.
    @Test func divisionExhaustiveSmallDomain() throws {
        var failures: [String] = []
        for rule in RoundingRule.allCases {
            for n in Int128(-300)...300 {
                for m in Int128(1)...40 {
                    for d in [m, -m] {
                        let expected = oracleDivide(n, d, rule)
                        let actual = try inexactAsNil { try wide(n).divided(by: wide(d), rule: rule) }?.int128Value
                        if actual != expected && failures.count < 10 { failures.append("\(n)/\(d) \(rule)") }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func bigValueIdentities() throws {
        var rng = SplitMix64(seed: 0xB16)
        for _ in 0..<200 {
            let a = randomWide(limbs: Int.random(in: 1...8, using: &rng), using: &rng)
            var b = randomWide(limbs: Int.random(in: 1...6, using: &rng), using: &rng)
            if b.isZero { b = WideInteger(1) }
            let product = a * b
            for rule in RoundingRule.allCases {
                #expect(try product.divided(by: b, rule: rule) == a)
            }
            // floor(n / b) · b ≤ n < (floor + 1) · b for b > 0, and twice the remainder decides ties.
            let n = product + randomWide(limbs: 1, using: &rng)
            let positive = b.isNegative ? -b : b
            let floor = try n.divided(by: positive, rule: .down)
            let remainder = n - floor * positive
            #expect(!remainder.isNegative && remainder < positive)
            let ceiling = try n.divided(by: positive, rule: .up)
            #expect(ceiling == (remainder.isZero ? floor : floor + WideInteger(1)))
            let nearest = try n.divided(by: positive, rule: .toNearestOrAway)
            let twice = remainder + remainder
            let expectedNearest = twice < positive ? floor : (positive < twice ? ceiling : (n.isNegative ? floor : ceiling))
            #expect(nearest == expectedNearest)
        }
    }

    /// (10^50 + 7) / 3: 10^50 ≡ 1 (mod 3), so the remainder is 2 and the quotient is (10^50 + 5) / 3.
    @Test func tenToTheFiftyPlusSevenDividedByThree() throws {
        let n = tenToWide(50) + WideInteger(7)
        let q = try n.divided(by: WideInteger(3), rule: .towardZero)
        #expect(q * WideInteger(3) + WideInteger(2) == n)
        #expect(try n.divided(by: WideInteger(3), rule: .down) == q)
        #expect(try n.divided(by: WideInteger(3), rule: .up) == q + WideInteger(1))
        #expect(try n.divided(by: WideInteger(3), rule: .toNearestOrAway) == q + WideInteger(1))   // 2/3 > 1/2
        #expect(try n.divided(by: WideInteger(3), rule: .toNearestOrZero) == q + WideInteger(1))
        #expect(try (-n).divided(by: WideInteger(3), rule: .down) == -(q + WideInteger(1)))
        #expect(try (-n).divided(by: WideInteger(3), rule: .towardZero) == -q)
        #expect(try n.divided(by: WideInteger(-3), rule: .up) == -q)
        #expect(throws: DecimalError.inexact) { try n.divided(by: WideInteger(3), rule: .requireExact) }
        // q's last digit: (10^50 + 5)/3 = 333…335, odd; toOdd keeps it, toNearestOrEven on the tie below moves.
        #expect(try n.divided(by: WideInteger(3), rule: .toOdd) == q)
        // A multi-limb divisor: (10^50 + 7) / 10^25 = 10^25 remainder 7.
        let d = tenToWide(25)
        #expect(try n.divided(by: d, rule: .down) == d)
        #expect(try n.divided(by: d, rule: .up) == d + WideInteger(1))
        #expect(try n.divided(by: d, rule: .toNearestOrAway) == d)
        // Exact ties with a multi-limb divisor: (2k + 1)·d / (2d) = k + 1/2.
        let k = tenToWide(30) + WideInteger(4)          // even
        let tie = (k + k + WideInteger(1)) * d
        let twoD = d + d
        #expect(try tie.divided(by: twoD, rule: .toNearestOrEven) == k)
        #expect(try tie.divided(by: twoD, rule: .toNearestOrAway) == k + WideInteger(1))
        #expect(try tie.divided(by: twoD, rule: .toNearestOrZero) == k)
        #expect(try tie.divided(by: twoD, rule: .toNearestOrUp) == k + WideInteger(1))
        #expect(try (-tie).divided(by: twoD, rule: .toNearestOrUp) == -k)
        #expect(try (-tie).divided(by: twoD, rule: .toNearestOrDown) == -(k + WideInteger(1)))
        #expect(try (-tie).divided(by: twoD, rule: .toNearestOrEven) == -k)
        #expect(try tie.divided(by: twoD, rule: .toOdd) == k + WideInteger(1))
        // Just above and below the tie.
        #expect(try (tie + WideInteger(1)).divided(by: twoD, rule: .toNearestOrZero) == k + WideInteger(1))
        #expect(try (tie - WideInteger(1)).divided(by: twoD, rule: .toNearestOrAway) == k)
    }

    // MARK: Algorithm D (divideMagnitudes with divisors of two limbs or more)

    /// Checks the defining identity of truncated division: q·d + r = n and 0 ≤ r < d.
    private func checkDivision(_ n: [UInt64], _ d: [UInt64], sourceLocation: SourceLocation = #_sourceLocation) {
        let (q, r) = WideInteger.divideMagnitudes(n, d)
        let nw = WideInteger(limbs: n, negative: false), dw = WideInteger(limbs: d, negative: false)
        let qw = WideInteger(limbs: q, negative: false), rw = WideInteger(limbs: r, negative: false)
        #expect(qw * dw + rw == nw, "n = \(n), d = \(d)", sourceLocation: sourceLocation)
        #expect(!rw.isNegative && rw < dw, "n = \(n), d = \(d)", sourceLocation: sourceLocation)
        #expect(r.last != 0, "remainder not trimmed: \(r)", sourceLocation: sourceLocation)
    }

    @Test func algorithmDRandomBigDivisions() {
        var rng = SplitMix64(seed: 0xA16D)
        for round in 0..<4_000 {
            let divisorLimbs = Int.random(in: 2...12, using: &rng)
            let numeratorLimbs = Int.random(in: divisorLimbs...(divisorLimbs + 30), using: &rng)
            var d = (0..<divisorLimbs).map { _ in rng.next() }
            var n = (0..<numeratorLimbs).map { _ in rng.next() }
            // Top limbs: random, 1 (largest normalization shift), 2⁶⁴ − 1 (no shift), 2⁶³.
            switch round % 4 {
            case 1: d[divisorLimbs - 1] = 1
            case 2: d[divisorLimbs - 1] = .max
            case 3: d[divisorLimbs - 1] = 1 << 63
            default: if d[divisorLimbs - 1] == 0 { d[divisorLimbs - 1] = 1 }
            }
            // Sparse limbs (0 and 2⁶⁴ − 1) make the estimate's corner cases frequent.
            if round % 3 == 0 {
                for k in d.indices.dropLast() where rng.next() % 2 == 0 { d[k] = rng.next() % 2 == 0 ? 0 : .max }
                for k in n.indices where rng.next() % 2 == 0 { n[k] = rng.next() % 2 == 0 ? 0 : .max }
            }
            if n[numeratorLimbs - 1] == 0 { n[numeratorLimbs - 1] = 1 }
            checkDivision(n, d)
            // An exact multiple and one below it.
            let product = WideInteger(limbs: n, negative: false) * WideInteger(limbs: d, negative: false)
            let (q, r) = WideInteger.divideMagnitudes(product.limbs, d)
            #expect(WideInteger(limbs: q, negative: false) == WideInteger(limbs: n, negative: false) && r.isEmpty)
            checkDivision((product - WideInteger(1)).limbs, d)
        }
    }

    /// Cases where D3's first estimate q̂ = ⌊(u_{j+n}·b + u_{j+n−1}) / v_{n−1}⌋ exceeds the
    /// quotient digit by 2 (the v_{n−2} test removes both), and cases that still need the D6
    /// add-back (q̂ one too large after that test) — the 64-bit analogues of Hacker's Delight's
    /// divmnu test cases; the expected values were computed with Python integers.
    @Test func algorithmDEstimateCorners() {
        let max = UInt64.max, high: UInt64 = 1 << 63
        func expect(_ n: [UInt64], _ d: [UInt64], quotient: [UInt64], remainder: [UInt64]) {
            let (q, r) = WideInteger.divideMagnitudes(n, d)
            #expect(WideInteger(limbs: q, negative: false).limbs == quotient, "n = \(n), d = \(d)")
            #expect(r == remainder, "n = \(n), d = \(d)")
            checkDivision(n, d)
        }
        // q̂ off by 2 (first estimate), corrected by the v_{n−2} test.
        expect([0, 0, high, high - 1], [0, max, high], quotient: [max - 2], remainder: [0, max - 2, 3])
        expect([0, 0, max], [max, high], quotient: [max - 5, 1], remainder: [max - 5, 7])
        // D6 add-back.
        expect([0, 0, high, high - 1], [1, 0, high], quotient: [max - 1], remainder: [2, max, high - 1])
        expect([3, 0, high], [1, 0, high >> 2], quotient: [3], remainder: [0, 0, high >> 2])
        // Divisor top limb 1 and 2⁶⁴ − 1; equal top limbs (q̂ = b − 1 branch).
        checkDivision([max, max, max, max], [max, 1])
        checkDivision([max, max, max, max], [1, max])
        checkDivision([max, max, max, max], [max, max])
        checkDivision([0, 0, 0, 1], [max, 1])
        checkDivision([5, 0, 1 << 62, 1 << 62], [7, 0, 1 << 62])
        checkDivision([max, max, max], [max, max, max])
        // 10^100 / (10^40 + 1) against the identity and a direct expansion.
        let big = tenToWide(100), divisor = tenToWide(40) + WideInteger(1)
        checkDivision(big.limbs, divisor.limbs)
    }

    @Test("multiplied(byPowerOfTen:): the 128-bit powers up to 10^38 equal the wide powering, and beyond")
    func powersOfTen() {
        let ten = WideInteger(Int128(10))
        let values: [WideInteger] = [wide(1), wide(-1), wide(7), wide(Int128.max), wide(Int128.min), ten.power(40) + wide(3), wide(0)]
        for value in values {
            for exponent in 0...80 {
                let expected = exponent == 0 ? value : value * ten.power(exponent)
                #expect(value.multiplied(byPowerOfTen: exponent) == expected, "\(value) × 10^\(exponent)")
            }
        }
        #expect(wide(1).multiplied(byPowerOfTen: 38).limbs == ten.power(38).limbs)
    }
}

