// DealFinance — DealEngineTests: LevelPayment (LevelPayment.swift).

import Testing
import DealDecimal
@testable import DealEngine

/// SplitMix64 (Steele, Lea, Flood 2014), seeded, written here so the tests need no support module.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func rate(_ apr: String, _ perYear: Int = 12) -> PeriodicRate {
    try! PeriodicRate(annualPercentage: dec(apr), periodsPerYear: perYear)
}
private let one = WideInteger(1)
private func abs(_ x: WideInteger) -> WideInteger { x.isNegative ? -x : x }

/// The exact payment N/D located against the integers: its floor, whether it is exact, and
/// how its fractional part compares with one half. Decided by multiplication only: a candidate
/// floor `c` is checked with c·D ≤ N < (c+1)·D (long division only when the candidate is wrong).
struct ExactPosition {
    let floor: Int128
    let isInteger: Bool
    let versusHalf: Int          // sign of 2(N − floor·D) − D
    /// 2(N − floor·D) − D: the signed distance to floor + 1/2, in units of 1/(2D).
    let twiceOffsetFromHalf: WideInteger
    let denominator: WideInteger

    init(numerator n: WideInteger, denominator d: WideInteger, candidate: Int128) {
        precondition(!d.isNegative && !d.isZero)
        var c = WideInteger(candidate)
        let low = c * d, high = low + d
        if n < low || !(n < high) {
            c = try! n.divided(by: d, rule: .down)
            Issue.record("candidate floor \(candidate) was wrong")
        }
        let remainder = n - c * d
        floor = c.int128Value!
        isInteger = remainder.isZero
        twiceOffsetFromHalf = remainder + remainder - d
        versusHalf = twiceOffsetFromHalf.isZero ? 0 : (twiceOffsetFromHalf.isNegative ? -1 : 1)
        denominator = d
    }

    /// The payment rounded by `rule`, from the position alone (no library rounding code).
    func rounded(_ rule: RoundingRule) -> Int128 {
        if isInteger { return floor }
        let ceiling = floor + 1
        let even = floor % 2 == 0 ? floor : ceiling
        func nearest(_ tie: Int128) -> Int128 { versusHalf < 0 ? floor : (versusHalf > 0 ? ceiling : tie) }
        switch rule {
        case .down, .towardZero: return floor
        case .up, .awayFromZero: return ceiling
        case .toNearestOrDown, .toNearestOrZero: return nearest(floor)
        case .toNearestOrUp, .toNearestOrAway: return nearest(ceiling)
        case .toNearestOrEven: return nearest(even)
        case .toOdd: return even == floor ? ceiling : floor
        case .requireExact: fatalError("not a rounding")
        }
    }

    /// |P* − (floor + 1/2)| as a Double (from a 2^-80 fixed-point quotient).
    var distanceToHalf: Double {
        let scaled = try! (abs(twiceOffsetFromHalf) * WideInteger(1 << 40) * WideInteger(1 << 40)).divided(by: denominator + denominator, rule: .down)
        let value = scaled.int128Value ?? .max
        return Double(value) * 0x1p-80
    }

    /// Distance from P* to the nearest integer, as a Double.
    var distanceToInteger: Double {
        let rem = (twiceOffsetFromHalf + denominator)         // 2·remainder
        let other = denominator + denominator - rem              // 2·(D − remainder)
        let nearest = rem < other ? rem : other
        let scaled = try! (nearest * WideInteger(1 << 40) * WideInteger(1 << 40)).divided(by: denominator + denominator, rule: .down)
        return Double(scaled.int128Value ?? .max) * 0x1p-80
    }
}

extension LevelPayment {
    /// The exact position of P*, using `rounded(by: .down)` only as a candidate.
    var exactPosition: ExactPosition {
        get throws {
            let (n, d) = exactFraction()
            return ExactPosition(numerator: n, denominator: d, candidate: try rounded(by: .down).minorUnits)
        }
    }
}

private let rules = RoundingRule.allCases.filter { $0 != .requireExact }

@Suite("LevelPayment")
struct LevelPaymentTests {
    /// Documentation/Reference/Loan.md worked example: 30,000.00 financed, 10,000.00 balloon, 6 %, 60 months.
    @Test func specWorkedExample() throws {
        let six = rate("6")
        let balloon = LevelPayment(principal: 3_000_000, balloon: 1_000_000, rate: six, numberOfPayments: 60)
        #expect(try balloon.rounded(by: .toNearestOrAway).minorUnits == 43666)
        #expect(try balloon.exactRounded(rule: .toNearestOrAway) == 43666)
        #expect(try !balloon.rounded(by: .toNearestOrAway).usedExactFallback)
        let plain = LevelPayment(principal: 3_000_000, balloon: 0, rate: six, numberOfPayments: 60)
        #expect(try plain.rounded(by: .toNearestOrAway).minorUnits == 57998)
        #expect(try plain.exactRounded(rule: .toNearestOrAway) == 57998)
        let advance = LevelPayment(principal: 3_000_000, balloon: 1_000_000, rate: six, numberOfPayments: 60, timing: .advance)
        #expect(try advance.rounded(by: .toNearestOrAway).minorUnits == 43448)
        #expect(try advance.exactRounded(rule: .toNearestOrAway) == 43448)
        // 43665.603058…: down/up bracket it.
        #expect(try balloon.rounded(by: .down).minorUnits == 43665)
        #expect(try balloon.rounded(by: .up).minorUnits == 43666)
        #expect(try balloon.exactRounded(rule: .down) == 43665)
    }

    /// The exact fraction of the worked example, checked by hand: i = 1/200, P* = (A·201^60 − B·200^60)/(200·(201^60 − 200^60)).
    @Test func exactFractionOfTheWorkedExample() throws {
        let problem = LevelPayment(principal: 3_000_000, balloon: 1_000_000, rate: rate("6"), numberOfPayments: 60)
        let (n, d) = problem.exactFraction()
        let r = WideInteger(201).power(60), q = WideInteger(200).power(60)
        let expectedN = WideInteger(3_000_000) * r - WideInteger(1_000_000) * q
        let expectedD = WideInteger(200) * (r - q)
        #expect(n * expectedD == expectedN * d)             // equal as fractions
        #expect(!d.isNegative && !d.isZero)
    }

    /// i = 0: P* = (A − B)/n exactly, ties decided by the rule.
    @Test func zeroRate() throws {
        let zero = rate("0")
        let exact = LevelPayment(principal: 1_200_000, balloon: 0, rate: zero, numberOfPayments: 12)
        for rule in rules { #expect(try exact.rounded(by: rule).minorUnits == 100_000) }
        // A zero rate is decided by one exact 128-bit division: no floating point, no fallback.
        #expect(try !exact.rounded(by: .toNearestOrAway).usedExactFallback)
        let tie = LevelPayment(principal: 2_500, balloon: 0, rate: zero, numberOfPayments: 2)      // 1250 exactly
        #expect(try tie.rounded(by: .toNearestOrEven).minorUnits == 1250)
        let half = LevelPayment(principal: 5, balloon: 0, rate: zero, numberOfPayments: 2)           // 2.5
        #expect(try half.rounded(by: .toNearestOrAway).minorUnits == 3)
        #expect(try half.rounded(by: .toNearestOrEven).minorUnits == 2)
        #expect(try half.rounded(by: .toNearestOrZero).minorUnits == 2)
        #expect(try half.rounded(by: .toNearestOrUp).minorUnits == 3)
        #expect(try half.rounded(by: .toOdd).minorUnits == 3)
        #expect(try !half.rounded(by: .toNearestOrAway).usedExactFallback)
        let balloon = LevelPayment(principal: 1_000_001, balloon: 400_000, rate: zero, numberOfPayments: 2, timing: .advance) // 300000.5
        #expect(try balloon.rounded(by: .toNearestOrAway).minorUnits == 300_001)
        #expect(try balloon.rounded(by: .toNearestOrEven).minorUnits == 300_000)
        // Every small zero-rate problem against the integer oracle.
        for principal in Int128(1)...150 {
            for n in 1...13 {
                let problem = LevelPayment(principal: principal, balloon: principal / 3, rate: zero, numberOfPayments: n)
                let position = ExactPosition(numerator: WideInteger(principal - principal / 3), denominator: WideInteger(n),
                                             candidate: (principal - principal / 3) / Int128(n))
                for rule in rules {
                    #expect(try problem.rounded(by: rule).minorUnits == position.rounded(rule), "\(principal) \(n) \(rule)")
                }
                #expect(try problem.exactRounded(rule: .toNearestOrEven) == position.rounded(.toNearestOrEven))
            }
        }
    }

    /// n = 1: P* = A(1+i) − B, whose halves are exact ties the fast path must hand to the exact path.
    @Test func singlePaymentTies() throws {
        let problem = LevelPayment(principal: 100, balloon: 0, rate: rate("6"), numberOfPayments: 1)      // 100.5
        #expect(try problem.rounded(by: .toNearestOrAway).minorUnits == 101)
        #expect(try problem.rounded(by: .toNearestOrEven).minorUnits == 100)
        #expect(try problem.rounded(by: .toNearestOrAway).usedExactFallback)
        #expect(try problem.exactRounded(rule: .toNearestOrZero) == 100)
        let advance = LevelPayment(principal: 100, balloon: 0, rate: rate("6"), numberOfPayments: 1, timing: .advance)  // 100
        #expect(try advance.rounded(by: .up).minorUnits == 100)
    }

    /// The exact fraction satisfies the balance recurrence (an independent statement of the contract):
    /// arrears: b₀ = A', b_k = b_{k−1}(1+i) − P, b_n = B; advance: b_k = (b_{k−1} − P)(1+i), b_n = B.
    @Test func exactFractionSatisfiesTheBalanceRecurrence() throws {
        var rng = SplitMix64(seed: 0xBA1A)
        for _ in 0..<300 {
            let problem = Self.randomProblem(using: &rng, maxTerm: 60)
            guard !problem.rate.isZero else { continue }
            let (n, d) = problem.exactFraction()
            let p = WideInteger(problem.rate.numerator), q = WideInteger(problem.rate.denominator), r = p + q
            // A' = A · f1 · x / (f0 · y) with 1 + φi = f1/f0 and (1+i)^(t−1) = x/y.
            var f1 = one, f0 = one, x = one, y = one
            if problem.spreadsOddPeriod {
                f0 = WideInteger(problem.daysPerUnitPeriod) * q
                f1 = f0 + WideInteger(problem.oddDays) * p
                for _ in 0..<max(0, problem.wholePeriodsToFirstPayment - 1) { x = x * r; y = y * q }
                if problem.wholePeriodsToFirstPayment == 0 { x = q; y = r }
            }
            // Scale balances by s_k = f0·y·d·q^k so they stay integers: β_k = b_k · s_k.
            var beta = WideInteger(problem.principal) * f1 * x * d
            let scale0 = f0 * y                               // s_k = scale0 · d · q^k; P·s_k = n·scale0·q^k
            var qk = one
            for _ in 0..<problem.numberOfPayments {
                if problem.timing == .arrears {
                    beta = beta * r - n * scale0 * qk * q     // b·(1+i) − P, scaled by s_{k+1} = s_k·q
                } else {
                    beta = (beta - n * scale0 * qk) * r       // (b − P)(1+i)
                }
                qk = qk * q
            }
            #expect(beta == WideInteger(problem.balloon) * scale0 * d * qk, "\(problem)")
        }
    }

    static func randomProblem(using rng: inout SplitMix64, maxTerm: Int = 96) -> LevelPayment {
        let perYear = [12, 24, 26, 52, 4, 2, 1].randomElement(using: &rng)!
        let decimals = Int.random(in: 0...3, using: &rng)
        var unit: Int128 = 1
        for _ in 0..<decimals { unit *= 10 }
        let apr = try! ExactDecimal(coefficient: Int128.random(in: 0...(30 * unit), using: &rng), scale: decimals)
        let long = Int.random(in: 0..<100, using: &rng) == 0
        let term = long ? Int.random(in: 97...1200, using: &rng) : Int.random(in: 1...maxTerm, using: &rng)
        let principal = Int.random(in: 0..<4, using: &rng) == 0 ? Int128.random(in: 1...999_999_999, using: &rng)
                                                               : Int128.random(in: 100_000...10_000_000, using: &rng)
        let balloon = Bool.random(using: &rng) ? 0 : Int128.random(in: 0...(principal * 6 / 10), using: &rng)
        let odd = Int.random(in: 0..<3, using: &rng) == 0
        return LevelPayment(principal: principal, balloon: balloon, rate: try! PeriodicRate(annualPercentage: apr, periodsPerYear: perYear),
                            numberOfPayments: term, timing: Bool.random(using: &rng) ? .arrears : .advance,
                            wholePeriodsToFirstPayment: odd ? Int.random(in: 0...2, using: &rng) : 1,
                            oddDays: odd ? Int.random(in: 0...29, using: &rng) : 0, daysPerUnitPeriod: 30,
                            spreadsOddPeriod: Int.random(in: 0..<10, using: &rng) != 0)
    }

    /// 20,000 seeded random problems × every rule: the fast path agrees with the exact rational,
    /// and the exact fallback is rare.
    @Test func randomProblemsAgreeWithTheExactRational() throws {
        var rng = SplitMix64(seed: 20_000)
        var calls = 0, fallbacks = 0, problems = 0, crossChecked = 0, zeroRateFallbacks = 0, boundaryFallbacks = 0
        var mismatches: [String] = []
        for index in 0..<20_000 {
            let problem = Self.randomProblem(using: &rng)
            problems += 1
            let position = try problem.exactPosition
            for rule in rules {
                let result = try problem.rounded(by: rule)
                calls += 1
                if result.usedExactFallback {
                    fallbacks += 1
                    if problem.rate.isZero { zeroRateFallbacks += 1 }
                    if position.isInteger || position.versusHalf == 0 { boundaryFallbacks += 1 }
                }
                if result.minorUnits != position.rounded(rule), mismatches.count < 10 {
                    mismatches.append("\(problem) \(rule): \(result.minorUnits) vs \(position.rounded(rule))")
                }
            }
            if index % 40 == 0 {
                let rule = rules[index / 40 % rules.count]
                #expect(try problem.exactRounded(rule: rule) == position.rounded(rule), "\(problem) \(rule)")
                crossChecked += 1
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        let rate = Double(fallbacks) / Double(calls)
        print("LevelPayment random: \(problems) problems, \(calls) roundings, \(fallbacks) exact fallbacks (\(rate * 100) %; \(zeroRateFallbacks) of them at a zero rate; \(boundaryFallbacks) where P* is exactly an integer or a half), \(crossChecked) exactRounded cross-checks")
        #expect(rate < 0.01)
    }

    // MARK: The double estimate and its bound

    /// The sign of n/d − v for d > 0, exactly (v a finite double, a dyadic rational).
    static func compare(_ n: WideInteger, over d: WideInteger, with v: Double) -> Int {
        if v == 0 { return n.isZero ? 0 : (n.isNegative ? -1 : 1) }
        let significand = WideInteger(Int128(v.significandBitPattern | (v.isNormal ? 1 << 52 : 0)) * (v < 0 ? -1 : 1))
        let exponent = Int(v.exponent) - 52
        let two = WideInteger(2)
        // n/d − m·2^e  ~  n·2^-e − m·d (e < 0)  or  n − m·d·2^e (e ≥ 0)
        let lhs = exponent < 0 ? n * two.power(-exponent) : n
        let rhs = exponent < 0 ? significand * d : significand * d * two.power(exponent)
        return lhs.compare(to: rhs)
    }

    /// Problems around the estimate's edges: terms either side of the 512 split, odd days, first
    /// periods of 0…3 whole periods, both timings, balloons close to the principal, the largest
    /// principals the fast path takes, rates of 0.001 % to 100 %.
    static func edgeProblem(using rng: inout SplitMix64) -> LevelPayment {
        var problem = randomProblem(using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: problem.numberOfPayments = Int.random(in: 500...530, using: &rng)
        case 1: problem.numberOfPayments = [1, 2, 3, 7, 8, 63, 64, 65, 447, 448, 511, 512, 513, 1023, 4096].randomElement(using: &rng)!
        case 2: problem.principal = (1 << 53) - Int128.random(in: 1...1_000_000, using: &rng)
        case 3: problem.balloon = problem.principal - Int128.random(in: 1...1_000, using: &rng)
        case 4:
            let decimals = Int.random(in: 0...3, using: &rng)
            var unit: Int128 = 1
            for _ in 0..<decimals { unit *= 10 }
            problem.rate = try! PeriodicRate(annualPercentage: ExactDecimal(coefficient: Int128.random(in: 1...(100 * unit), using: &rng), scale: decimals),
                                             periodsPerYear: [1, 2, 4, 12, 24, 26, 52].randomElement(using: &rng)!)
        default:
            problem.wholePeriodsToFirstPayment = Int.random(in: 0...3, using: &rng)
            problem.oddDays = Int.random(in: 0...30, using: &rng)
            problem.spreadsOddPeriod = true
        }
        return problem
    }

    /// The proven bound, checked exactly: whenever ``LevelPayment/estimate()`` answers,
    /// 1.9·|twice − 2P*| + 15u·twice ≤ error, with P* the exact rational (wide integers) —
    /// on seeded random and edge problems. A wrong power, table index, scale or formula would
    /// put twice far outside; an error count too small would show as a violated bound.
    @Test func estimateBoundHoldsExactly() throws {
        var rng = SplitMix64(seed: 0xE57_1A7E)
        var checked = 0, declined = 0, worst = 0.0
        var violations: [String] = []
        for index in 0..<6_000 {
            let problem = index % 2 == 0 ? Self.randomProblem(using: &rng) : Self.edgeProblem(using: &rng)
            guard let (twice, error) = problem.estimate() else { declined += 1; continue }
            checked += 1
            let (n, d) = problem.exactFraction()
            let twiceN = n + n
            let margin = (error - 15 * 0x1p-53 * twice) / 1.9
            #expect(margin > 0)
            if Self.compare(twiceN, over: d, with: twice - margin) < 0 || Self.compare(twiceN, over: d, with: twice + margin) > 0 {
                if violations.count < 10 { violations.append("\(problem): twice \(twice) error \(error)") }
            }
            // How much of the bound the actual error uses (for the log): |twice − 2P*| / margin.
            let quotient = try! (twiceN * WideInteger(1 << 40)).divided(by: d, rule: .toNearestOrEven)
            let exact = Double(quotient.int128Value ?? 0) * 0x1p-40
            worst = max(worst, Swift.abs(twice - exact) / margin)
        }
        #expect(violations.isEmpty, "\(violations)")
        #expect(checked > 4_000)
        print("LevelPayment.estimate: \(checked) estimates checked exactly, \(declined) declined; largest |twice − 2P*| / bound ≈ \(worst)")
    }

    /// Every rounding of the edge problems agrees with the exact rational, fast path or not.
    @Test func edgeProblemsAgreeWithTheExactRational() throws {
        var rng = SplitMix64(seed: 0xED6E)
        var fast = 0
        for _ in 0..<3_000 {
            let problem = Self.edgeProblem(using: &rng)
            let position = try problem.exactPosition
            for rule in rules {
                let result = try problem.rounded(by: rule)
                #expect(result.minorUnits == position.rounded(rule), "\(problem) \(rule)")
                if !result.usedExactFallback { fast += 1 }
            }
        }
        #expect(fast > 3_000 * rules.count / 2)
    }

    /// Inputs the fast path must decline (it has no exact double for them, or the rate is 0):
    /// the exact path decides and agrees with the exact rational.
    @Test func outOfRangeInputsAreDeclined() throws {
        let six = rate("6")
        let large = LevelPayment(principal: 1 << 53, balloon: 0, rate: six, numberOfPayments: 60)
        #expect(large.estimate() == nil)
        #expect(try large.rounded(by: .toNearestOrAway).minorUnits == large.exactRounded(rule: .toNearestOrAway))
        let largest = LevelPayment(principal: (1 << 53) - 1, balloon: 0, rate: six, numberOfPayments: 60)
        #expect(largest.estimate() != nil)
        #expect(try largest.rounded(by: .toNearestOrAway).minorUnits == largest.exactRounded(rule: .toNearestOrAway))
        // q ≥ 2^53: ten decimals and 10,000 periods a year (q = 10^16).
        let fine = LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("7.1234567891", 10_000), numberOfPayments: 72)
        #expect(fine.rate.denominator >= 1 << 53)
        #expect(fine.estimate() == nil)
        #expect(try fine.rounded(by: .toNearestOrAway).minorUnits == fine.exactRounded(rule: .toNearestOrAway))
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("0"), numberOfPayments: 72).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: 2_500_000, rate: six, numberOfPayments: 72).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: -1, rate: six, numberOfPayments: 72).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: six, numberOfPayments: 100_001).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: six, numberOfPayments: 0).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: six, numberOfPayments: 12, wholePeriodsToFirstPayment: -1).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: six, numberOfPayments: 12, oddDays: -1).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: six, numberOfPayments: 12, daysPerUnitPeriod: 0).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: six, numberOfPayments: 12, daysPerUnitPeriod: 1 << 20).estimate() == nil)
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: six, numberOfPayments: 12, daysPerUnitPeriod: (1 << 20) - 1).estimate() != nil)
        // A 100 % rate (p = q after reduction for m = 1) is in range; x^n overflows for long terms: declined.
        let hundred = LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("100", 1), numberOfPayments: 12)
        #expect(hundred.estimate() != nil)
        #expect(try hundred.rounded(by: .toNearestOrAway).minorUnits == hundred.exactRounded(rule: .toNearestOrAway))
        #expect(LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("100", 1), numberOfPayments: 1_100).estimate() == nil)
    }

    /// The fixed base-8 table powers against exact powers, for every n < 512: bⁿ·2^(−8k·⌊n/8⌋)
    /// within the (n − 1) roundings the bound counts (a wrong digit, table entry or scaling
    /// would be off by a factor of the base or of 2^(8k) at least).
    @Test func scaledPowersAreWithinTheirRoundingCount() throws {
        var rng = SplitMix64(seed: 0x8A5E)
        for (qMax, pShare) in [(Int64(1) << 40, 1.0), (Int64(1) << 52, 0.01), (Int64(1) << 52, 1.0), (Int64(3), 1.0)] {
            let q = Int64.random(in: (qMax / 2)...qMax, using: &rng)
            let p = Int64.random(in: 1...max(1, Int64(Double(q) * pShare)), using: &rng)
            let k = 64 - q.leadingZeroBitCount
            let scale = Double(sign: .plus, exponent: -8 * k, significand: 1)
            // exact: bⁿ / 2^(8k·⌊n/8⌋), built up one n at a time.
            var exactR = WideInteger(1), exactQ = WideInteger(1), denominator = WideInteger(1)
            let stepR = WideInteger(Int128(q + p)), stepQ = WideInteger(Int128(q)), stepD = WideInteger(2).power(8 * k)
            for n in 0..<512 {
                let (rn, qn) = LevelPayment.scaledPowers(Double(q + p), Double(q), n, scale: scale)
                let bound = Double(max(n - 1, 0)) * 0x1p-53 * 1.001
                for (exact, computed) in [(exactR, rn), (exactQ, qn)] {
                    #expect(computed.isNormal)
                    #expect(Self.compare(exact, over: denominator, with: computed * (1 - bound)) >= 0
                            && Self.compare(exact, over: denominator, with: computed * (1 + bound)) <= 0,
                            "p \(p) q \(q) n \(n): \(computed)")
                }
                exactR = exactR * stepR
                exactQ = exactQ * stepQ
                if n % 8 == 7 { denominator = denominator * stepD }
            }
        }
        let zero = LevelPayment.scaledPowers(3, 2, 0, scale: 0x1p-16), one = LevelPayment.scaledPowers(3, 2, 1, scale: 0x1p-16)
        let nine = LevelPayment.scaledPowers(3, 2, 9, scale: 0x1p-16)
        #expect(zero.0 == 1 && zero.1 == 1)
        #expect(one.0 == 3 && one.1 == 2)
        #expect(nine.0 == 19_683 * 0x1p-16 && nine.1 == 0x1p-7)   // 3⁹·2⁻¹⁶, 2⁹·2⁻¹⁶, exact
    }

    /// `power` (the x-form for n ≥ 512 and the first-period shift): exact where the result is.
    @Test func powerIsExactWhereTheResultIs() throws {
        #expect(LevelPayment.power(1.5, 0) == 1)
        #expect(LevelPayment.power(1.5, 1) == 1.5)
        #expect(LevelPayment.power(1.5, 5) == 7.59375)
        #expect(LevelPayment.power(3, 33) == 5_559_060_566_555_523)
        #expect(LevelPayment.power(2, 600) == 0x1p600)
    }

    // MARK: Near-ties

    /// Fixed-point modulus for the tie search: fractional parts are handled as multiples of 2^-100.
    static let modulus: UInt128 = 1 << 100

    /// The smallest x ≥ 0 with l ≤ (a·x) mod m ≤ r, for 0 ≤ l ≤ r < m ≤ 2^100 (Euclid-like recursion), or nil.
    static func firstMultiple(_ a: UInt128, _ m: UInt128, _ l: UInt128, _ r: UInt128) -> UInt128? {
        if l == 0 { return 0 }
        let a = a % m
        if a == 0 { return nil }
        let k = (l + a - 1) / a
        if a * k <= r { return k }
        // No multiple of a lies in [l, r]: wrap around. a·x − m·y ∈ [l, r] ⇔ (m·y) mod a ∈ [−r mod a, −l mod a].
        guard let y = firstMultiple(m % a, a, a - r % a, a - l % a) else { return nil }
        var (high, low) = m.multipliedFullWidth(by: y)
        var carry: Bool
        (low, carry) = low.addingReportingOverflow(l + a - 1)
        if carry { high += 1 }
        return a.dividingFullWidth((high: high, low: low)).quotient
    }

    /// The smallest principal A ≥ start with frac(C + A·S) (in units of 2^-100) in the cyclic window [low, high].
    static func firstPrincipal(slope: UInt128, offset: UInt128, start: UInt128, low: UInt128, high: UInt128) -> UInt128? {
        let mask = modulus - 1
        let b = (offset &+ (start &* slope)) & mask
        let lo = (low &- b) & mask, hi = (high &- b) & mask
        let x: UInt128?
        if lo <= hi {
            x = firstMultiple(slope, modulus, lo, hi)
        } else {
            let first = firstMultiple(slope, modulus, lo, modulus - 1), second = firstMultiple(slope, modulus, 0, hi)
            x = [first, second].compactMap { $0 }.min()
        }
        return x.map { start + $0 }
    }

    @Test func tieSearchFindsTheSmallestSolution() throws {
        // Brute force on small moduli agrees with the recursion.
        var rng = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let m = UInt128.random(in: 2...500, using: &rng), a = UInt128.random(in: 0..<m, using: &rng)
            let l = UInt128.random(in: 0..<m, using: &rng), r = UInt128.random(in: l..<m, using: &rng)
            let brute = (0..<(2 * m)).first { (a * $0) % m >= l && (a * $0) % m <= r }
            #expect(Self.firstMultiple(a, m, l, r) == brute, "\(a) \(m) [\(l), \(r)]")
        }
    }

    /// (fractional part of v / d) as a multiple of 2^-100, rounded down.
    static func fixedFraction(_ v: WideInteger, over d: WideInteger) -> UInt128 {
        let floor = try! v.divided(by: d, rule: .down)
        let remainder = v - floor * d
        return UInt128(try! (remainder * WideInteger(Int128(1) << 100)).divided(by: d, rule: .down).int128Value!)
    }

    /// Near-ties: for a fixed rate and term the exact payment is affine in the principal, so the
    /// principals whose exact payment lies within a tolerance of k + 1/2 (or of an integer) are
    /// solved for, checked exactly with wide integers, and every rounding rule is compared with
    /// the exact rational there. The exact fallback must fire on some, and on every case closer
    /// to the boundary than 4 ulps of the payment (the fast path's bound is at least 8 ulps).
    @Test func nearTiesAgreeAndTriggerTheFallback() throws {
        var rng = SplitMix64(seed: 0x71E5)
        var cases = 0, fallbacks = 0, closestWithoutFallback = Double.infinity, realistic = 0, realisticFallbacks = 0
        var integerCases = 0
        for perYear in [12, 24, 26, 52, 4, 2, 1] {
            for configuration in 0..<2 {
                var problem = Self.randomProblem(using: &rng)
                let decimals = Int.random(in: 0...3, using: &rng)
                var unit: Int128 = 1
                for _ in 0..<decimals { unit *= 10 }
                problem.rate = try! PeriodicRate(annualPercentage: ExactDecimal(coefficient: Int128.random(in: 1...(30 * unit), using: &rng), scale: decimals),
                                                 periodsPerYear: perYear)
                // Mostly terms up to 96; one long term (97…600) for monthly and weekly.
                problem.numberOfPayments = configuration == 1 && (perYear == 12 || perYear == 52)
                    ? Int.random(in: 97...600, using: &rng) : Int.random(in: 1...96, using: &rng)
                problem.balloon = configuration == 0 ? 0 : Int128.random(in: 1...99_999, using: &rng)
                var base = problem
                base.principal = 0
                let (n0, d) = base.exactFraction()
                base.principal = 1
                let (n1, d1) = base.exactFraction()
                #expect(d1 == d)
                let slope = Self.fixedFraction(n1 - n0, over: d), offset = Self.fixedFraction(n0, over: d)
                let half = Self.modulus / 2
                // (range, tolerance, target is half?, how many)
                let searches: [(ClosedRange<UInt128>, Double, Bool, Int)] = [
                    (100_000...100_000_000, 1e-6, true, 3), (1_000_000_000...10_000_000_000_000, 1e-6, true, 3),
                    (1_000_000_000...10_000_000_000_000, 1e-9, true, 3), (1_000_000_000...10_000_000_000_000, 1e-6, false, 2),
                ]
                for (range, tolerance, halfTarget, count) in searches {
                    let width = UInt128(tolerance * 0x1p100)
                    let center = halfTarget ? half : 0
                    var start = range.lowerBound
                    for _ in 0..<count {
                        guard let principal = Self.firstPrincipal(slope: slope, offset: offset, start: start,
                                                                  low: (center &- width) & (Self.modulus - 1), high: (center + width) & (Self.modulus - 1)),
                              range.contains(principal) else { break }
                        start = principal + 1
                        var tie = problem
                        tie.principal = Int128(principal)
                        let position = try tie.exactPosition
                        let distance = halfTarget ? position.distanceToHalf : position.distanceToInteger
                        #expect(distance < tolerance * 1.001, "\(tie): distance \(distance)")
                        let payment = Double(position.floor)
                        let checked: [RoundingRule] = halfTarget ? [.toNearestOrAway, .toNearestOrEven, .toNearestOrZero, .toNearestOrUp, .toNearestOrDown]
                                                                 : [.down, .up, .towardZero, .awayFromZero, .toOdd]
                        for rule in checked {
                            let result = try tie.rounded(by: rule)
                            #expect(result.minorUnits == position.rounded(rule), "\(tie) \(rule) distance \(distance)")
                            if distance < 4 * payment.ulp { #expect(result.usedExactFallback, "\(tie) \(rule) distance \(distance)") }
                        }
                        let standard = try tie.rounded(by: checked[0])
                        #expect(try standard.minorUnits == tie.exactRounded(rule: checked[0]), "\(tie)")
                        cases += 1
                        if !halfTarget { integerCases += 1 }
                        if standard.usedExactFallback { fallbacks += 1 } else { closestWithoutFallback = min(closestWithoutFallback, distance / max(payment, 1)) }
                        if range.lowerBound == 100_000 { realistic += 1; if standard.usedExactFallback { realisticFallbacks += 1 } }
                    }
                }
            }
        }
        print("LevelPayment near-ties: \(cases) cases (\(integerCases) near integers), exact fallback on \(fallbacks); realistic principals: \(realistic) cases, \(realisticFallbacks) fallbacks; closest decided by the fast path: relative distance \(closestWithoutFallback)")
        #expect(cases > 100)
        #expect(fallbacks > 0)
    }

    /// Inputs outside the range of `checkInputs()` are an `invalid_argument` naming the field,
    /// from every method that computes P* (never a payment of 0): the fast path declines them
    /// and the exact paths check them first.
    @Test("Inputs out of range are invalid_argument naming the field", arguments: [
        ("numberOfPayments", LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("6"), numberOfPayments: 0)),
        ("numberOfPayments", LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("0"), numberOfPayments: -3)),
        ("numberOfPayments", LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("6"), numberOfPayments: 100_001)),
        ("principal", LevelPayment(principal: 0, balloon: 0, rate: rate("6"), numberOfPayments: 12)),
        ("balloon", LevelPayment(principal: 2_500_000, balloon: 2_500_001, rate: rate("6"), numberOfPayments: 12)),
        ("balloon", LevelPayment(principal: 2_500_000, balloon: -1, rate: rate("0"), numberOfPayments: 12)),
        ("wholePeriodsToFirstPayment", LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("6"), numberOfPayments: 12, wholePeriodsToFirstPayment: -1)),
        ("oddDays", LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("6"), numberOfPayments: 12, oddDays: -1)),
        ("daysPerUnitPeriod", LevelPayment(principal: 2_500_000, balloon: 0, rate: rate("6"), numberOfPayments: 12, oddDays: 5, daysPerUnitPeriod: 0)),
    ])
    func invalidInputs(field: String, problem: LevelPayment) {
        let isInvalid: @Sendable (any Error) -> Bool = { ($0 as? DealError).map { $0.code == .invalidArgument && $0.path == field } ?? false }
        #expect(performing: { try problem.checkInputs() }, throws: isInvalid)
        #expect(performing: { try problem.rounded(by: .toNearestOrAway) }, throws: isInvalid)
        #expect(performing: { try problem.exactRounded(rule: .down) }, throws: isInvalid)
        #expect(performing: { try problem.payment(rule: .requireExact) }, throws: isInvalid)
        #expect(performing: { try problem.unroundedPayment(minorUnitDigits: 2, significantDigits: 20) }, throws: isInvalid)
    }

    /// A balloon equal to the principal is in range: an interest-only problem whose payment is
    /// the interest (2,500,000 × 0.5 % = 12,500 minor units), by the exact path.
    @Test func balloonEqualToThePrincipalIsInterestOnly() throws {
        let problem = LevelPayment(principal: 2_500_000, balloon: 2_500_000, rate: rate("6"), numberOfPayments: 12)
        try problem.checkInputs()
        #expect(try problem.rounded(by: .toNearestOrAway).minorUnits == 12_500)
        #expect(try problem.unroundedPayment(minorUnitDigits: 2, significantDigits: 20) == ExactDecimal(parsing: "125"))
    }

    /// A payment beyond 128 bits of minor units is an `overflow`, not a made-up number; one
    /// beyond 38 digits has no decimal, also an `overflow`.
    @Test func paymentBeyondTheRangeIsOverflow() throws {
        let huge = LevelPayment(principal: Int128.max, balloon: 0, rate: rate("100", 1), numberOfPayments: 1)   // 2·(2^127 − 1)
        #expect(performing: { try huge.exactRounded(rule: .down) }, throws: { ($0 as? DealError)?.code == .overflow })
        #expect(performing: { try huge.rounded(by: .down) }, throws: { ($0 as? DealError)?.code == .overflow })
        #expect(performing: { try huge.unroundedPayment(minorUnitDigits: 2, significantDigits: 20) }, throws: { ($0 as? DealError)?.code == .overflow })
        // Just inside: 10^36 minor units at 2 digits is 10^34 major units, kept to 3 decimals (38 digits).
        let large = LevelPayment(principal: 1_000_000_000_000_000_000_000_000_000_000_000_000, balloon: 0, rate: rate("0"), numberOfPayments: 1)
        #expect(try large.unroundedPayment(minorUnitDigits: 2, significantDigits: 20).description == "1" + String(repeating: "0", count: 34) + ".000")
        #expect(performing: { try large.unroundedPayment(minorUnitDigits: 39, significantDigits: 20) },
                throws: { ($0 as? DealError).map { $0.code == .invalidArgument && $0.path == "minorUnitDigits" } ?? false })
    }
}
