// DealFinance — DealEngineTests: RateSolver.swift (bracketed bisection, bounded values).

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

@Suite("RateSolver")
struct RateSolverTests {
    @Test("provenSign: only values beyond their error bound have a sign")
    func provenSign() {
        #expect(BoundedValue(value: 1, errorBound: 0.5).provenSign == 1)
        #expect(BoundedValue(value: -1, errorBound: 0.5).provenSign == -1)
        #expect(BoundedValue(value: 0.4, errorBound: 0.5).provenSign == 0)
        #expect(BoundedValue(value: .nan, errorBound: 0).provenSign == 0)
        #expect(BoundedValue(value: .infinity, errorBound: 0).provenSign == 0)
        #expect(BoundedValue(value: 1, errorBound: .infinity).provenSign == 0)
    }

    @Test("narrow keeps a root inside and shrinks to a few ulps", arguments: [0.5, 1e-9, 0.123456789, 3.75, 1000.5])
    func narrowsToRoot(root: Double) {
        let bracket = RateSolver.narrow(lower: 0, upper: 2048, signAtLower: 1) { x in
            BoundedValue(value: root - x, errorBound: 4 * RateSolver.unitRoundoff * max(root, x))
        }
        #expect(bracket.lower <= root && root <= bracket.upper)
        #expect(bracket.upper - bracket.lower <= 32 * root.ulp)
    }

    @Test("narrow works with the sign reversed and when every midpoint is uncertain")
    func reversedAndUncertain() {
        let reversed = RateSolver.narrow(lower: -1, upper: 1, signAtLower: -1) { x in
            BoundedValue(value: x - 0.25, errorBound: 1e-18)
        }
        #expect(reversed.lower <= 0.25 && 0.25 <= reversed.upper)
        // A function whose sign is unprovable on [0.2, 0.3]: the bracket stays valid.
        let vague = RateSolver.narrow(lower: 0, upper: 1, signAtLower: 1) { x in
            BoundedValue(value: 0.25 - x, errorBound: 0.05)
        }
        #expect(vague.lower <= 0.25 && 0.25 <= vague.upper)
        #expect(vague.lower >= 0.19 && vague.upper <= 0.31)
    }

    @Test("narrow always stops (bounded steps) even on a function that is never provable")
    func bounded() {
        var calls = 0
        let bracket = RateSolver.narrow(lower: 0, upper: 1, signAtLower: 1) { _ in
            calls += 1
            return BoundedValue(value: .nan, errorBound: 0)
        }
        #expect(calls <= RateSolver.maximumSteps)
        #expect(bracket.lower == 0 && bracket.upper == 1)
    }

    @Test("gamma, power and its operation count")
    func helpers() {
        #expect(RateSolver.gamma(0) == 0)
        #expect(RateSolver.gamma(10) > 10 * RateSolver.unitRoundoff)
        #expect(RateSolver.gamma(1 << 60) == .infinity)
        #expect(RateSolver.power(2, 10) == 1024)
        #expect(RateSolver.power(1.5, 0) == 1)
        #expect(RateSolver.powerOperations(0) == 0)
        #expect(RateSolver.powerOperations(1) == 2)
        #expect(RateSolver.powerOperations(360) == 18)
    }

    @Test("decimal gives the double's exact value rounded; double converts decimals")
    func conversions() throws {
        #expect(RateSolver.decimal(0.1, scale: 20, rule: .toNearestOrEven)?.description == "0.10000000000000000555")
        #expect(RateSolver.decimal(-2.5, scale: 0, rule: .toNearestOrEven)?.description == "-2")
        #expect(RateSolver.decimal(1024, scale: 2, rule: .toNearestOrEven)?.description == "1024.00")
        #expect(RateSolver.decimal(0, scale: 3, rule: .toNearestOrEven)?.description == "0.000")
        #expect(RateSolver.decimal(.nan, scale: 3, rule: .toNearestOrEven) == nil)
        #expect(RateSolver.decimal(1e300, scale: 3, rule: .toNearestOrEven) == nil)
        #expect(RateSolver.decimal(Double.leastNonzeroMagnitude, scale: 5, rule: .up)?.description == "0.00001")
        #expect(RateSolver.double(try ExactDecimal(parsing: "320.00")) == 320)
        #expect(RateSolver.double(try ExactDecimal(parsing: "-0.125")) == -0.125)
    }

    @Test("decimal to nearest even in 128 bits equals the wide division: random doubles, ties, both signs, every scale 0…18, the range limits")
    func decimalFastPath() throws {
        var g = SeededGenerator(seed: 0xDEC_1A1)
        var values: [Double] = [1, 0.5, 1.5, 2.5, 0.1, 1.0 / 8192, 3.0 / 8192, 0x1p-74, 0x1p-75, 0x1p-76, 0x1p59, 0x1p60.nextDown, 0x1p60,
                                Double.leastNormalMagnitude, Double.leastNonzeroMagnitude, 9.168512164909, 1e-12, 5e-13, 4.9999999999999996e-13]
        for _ in 0..<4_000 {
            // Mantissas of every length, exponents from far below to above the range.
            let mantissa = Double(g.int(in: 1...(1 << 53))) / Double(1 << g.int(in: 0...53))
            values.append(mantissa * Double(sign: .plus, exponent: g.int(in: -80...62), significand: 1))
        }
        for k in 0..<200 {
            // Exact ties at scale s: (2j + 1) / 2^(s + 1) has s + 1 decimals ending in 5.
            let s = k % 19
            values.append(Double(2 * g.int(in: 0...100_000) + 1) / Double(sign: .plus, exponent: s + 1, significand: 1))
        }
        for x in values {
            for value in [x, -x] {
                for scale in 0...18 {
                    let general = RateSolver.decimalByDivision(value, scale: scale, rule: .toNearestOrEven)
                    if let fast = RateSolver.decimalToNearestEven(value, scale: scale) {
                        #expect(fast.description == general?.description, "\(value) at \(scale)")
                    } else {
                        // Only outside its range.
                        #expect(!value.isNormal || value.magnitude >= 0x1p60 || 52 - Int(value.exponent) >= 127
                                || general == nil || general!.coefficient.magnitude >= 99_999_999_999_999_999_999_999_999_999_999_999_999,
                                "\(value) at \(scale)")
                    }
                    #expect(RateSolver.decimal(value, scale: scale, rule: .toNearestOrEven)?.description == general?.description)
                }
            }
        }
        #expect(RateSolver.decimalToNearestEven(1, scale: 19) == nil)
        #expect(RateSolver.decimalToNearestEven(0x1p60, scale: 2) == nil)
        #expect(RateSolver.decimalToNearestEven(0.5, scale: 0)?.description == "0")
        #expect(RateSolver.decimalToNearestEven(1.5, scale: 0)?.description == "2")
        #expect(RateSolver.decimalToNearestEven(-1.0 / 8192, scale: 12)?.description == "-0.000122070312")
    }

    @Test("double through Int64 below 2^53 equals the generic Int128 conversion, at and around the limit")
    func doubleConversion() throws {
        var g = SeededGenerator(seed: 0xD0_0B1E)
        var coefficients: [Int128] = [0, 1, -1, 1 << 53, -(1 << 53), (1 << 53) + 1, -(1 << 53) - 1, (1 << 53) - 1, Int128(Int64.max), Int128(1) << 100, -(Int128(1) << 100) - 1]
        for _ in 0..<2_000 { coefficients.append(Int128(g.int(in: -(1 << 62)...(1 << 62))) >> g.int(in: 0...62)) }
        for coefficient in coefficients {
            for scale in [0, 2, 7, 12] {
                let value = try ExactDecimal(coefficient: coefficient, scale: scale)
                var power = 1.0
                for _ in 0..<scale { power *= 10 }
                #expect(RateSolver.double(value).bitPattern == (Double(coefficient) / power).bitPattern, "\(value)")
            }
        }
    }
}
