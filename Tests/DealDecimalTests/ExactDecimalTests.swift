// DealFinance — DealDecimalTests: ExactDecimal (ExactDecimal.swift).

import Testing
import DealDecimal

/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator, so every random test is
/// reproducible. Written here so DealDecimalTests does not depend on `_DealTestSupport`.
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

/// 10^exponent as an Int128 computed by repeated multiplication (test-side, independent).
func tenTo(_ exponent: Int) -> Int128 {
    var value: Int128 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// A random value with 1…`maxDigits` digits, a random sign and a scale in 0…`maxScale`.
func randomDecimal(using rng: inout SplitMix64, maxDigits: Int = 38, maxScale: Int = 38) -> ExactDecimal {
    let digits = Int.random(in: 1...maxDigits, using: &rng)
    var coefficient: Int128 = 0
    for _ in 0..<digits { coefficient = coefficient * 10 + Int128(Int.random(in: 0...9, using: &rng)) }
    if Bool.random(using: &rng) { coefficient = -coefficient }
    return try! ExactDecimal(coefficient: coefficient, scale: Int.random(in: 0...maxScale, using: &rng))
}

/// Whether `body` throws a `DecimalError.overflow` (any message).
func throwsOverflow(_ body: () throws -> Void) -> Bool {
    do { try body(); return false } catch let error as DecimalError {
        if case .overflow = error { return true } else { return false }
    } catch { return false }
}

@Suite("ExactDecimal: construction and accessors")
struct ExactDecimalTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        // The published C code seeded with 1234567 gives these three values.
        var rng = SplitMix64(seed: 1_234_567)
        #expect(rng.next() == 6_457_827_717_110_365_317)
        #expect(rng.next() == 3_203_168_211_198_807_973)
        #expect(rng.next() == 9_817_491_932_198_370_423)
    }

    @Test func coefficientAndScale() throws {
        let value = try ExactDecimal(coefficient: 6875, scale: 3)
        #expect(value.coefficient == 6875)
        #expect(value.scale == 3)
        #expect(value.description == "6.875")
        let negative = try ExactDecimal(coefficient: -1230, scale: 2)
        #expect(negative.coefficient == -1230)
        #expect(negative.scale == 2)
        #expect(negative.description == "-12.30")
    }

    @Test func scaleLimits() throws {
        #expect(try ExactDecimal(coefficient: 1, scale: 0).scale == 0)
        #expect(try ExactDecimal(coefficient: 1, scale: 38).scale == 38)
        #expect(ExactDecimal.maximumScale == 38)
        #expect(ExactDecimal.maximumDigits == 38)
        for bad in [-1, 39, 255, 256, Int.max, Int.min] {
            #expect(throwsOverflow { _ = try ExactDecimal(coefficient: 1, scale: bad) }, "scale \(bad)")
        }
    }

    @Test func coefficientLimits() throws {
        let largest = tenTo(38) - 1
        #expect(try ExactDecimal(coefficient: largest, scale: 0).coefficient == largest)
        #expect(try ExactDecimal(coefficient: -largest, scale: 5).coefficient == -largest)
        for bad in [tenTo(38), -tenTo(38), Int128.max, Int128.min, Int128.min + 1] {
            #expect(throwsOverflow { _ = try ExactDecimal(coefficient: bad, scale: 0) }, "coefficient \(bad)")
        }
    }

    @Test func integerInitializer() {
        #expect(ExactDecimal(60).description == "60")
        #expect(ExactDecimal(60).scale == 0)
        #expect(ExactDecimal(-7).coefficient == -7)
        #expect(ExactDecimal(Int.max).description == "9223372036854775807")
        #expect(ExactDecimal(Int.min).description == "-9223372036854775808")
    }

    @Test func zeroSignAndMagnitude() throws {
        #expect(ExactDecimal.zero.isZero)
        #expect(ExactDecimal.zero.scale == 0)
        #expect(ExactDecimal.zero.description == "0")
        #expect(try ExactDecimal(parsing: "0.00").isZero)
        #expect(try ExactDecimal(parsing: "-0.00").isZero)
        #expect(!(try ExactDecimal(parsing: "-0.00").isNegative))
        #expect(try ExactDecimal(parsing: "-0.01").isNegative)
        #expect(!(try ExactDecimal(parsing: "0.01").isNegative))
        #expect(!(try ExactDecimal(parsing: "0.01").isZero))
        #expect(try ExactDecimal(parsing: "-3.5").signum == -1)
        #expect(try ExactDecimal(parsing: "0.000").signum == 0)
        #expect(try ExactDecimal(parsing: "2").signum == 1)
        #expect(try ExactDecimal(parsing: "-3.50").magnitude.description == "3.50")
        #expect(try ExactDecimal(parsing: "3.50").magnitude.description == "3.50")
        #expect(try ExactDecimal(parsing: "3.50").negated().description == "-3.50")
        #expect(try ExactDecimal(parsing: "-3.50").negated().description == "3.50")
        #expect(ExactDecimal.zero.negated().description == "0")
        let largest = try ExactDecimal(coefficient: -(tenTo(38) - 1), scale: 3)
        #expect(largest.magnitude.coefficient == tenTo(38) - 1)
        #expect(largest.negated().negated().coefficient == largest.coefficient)
    }

    @Test func rescaled() throws {
        #expect(try ExactDecimal(parsing: "12.5").rescaled(to: 2).description == "12.50")
        #expect(try ExactDecimal(parsing: "12.50").rescaled(to: 1).description == "12.5")
        #expect(try ExactDecimal(parsing: "12.00").rescaled(to: 0).description == "12")
        #expect(throws: DecimalError.inexact) { try ExactDecimal(parsing: "12.50").rescaled(to: 0) }
        #expect(throws: DecimalError.inexact) { try ExactDecimal(parsing: "12.55").rescaled(to: 1) }
        #expect(throws: DecimalError.inexact) { try ExactDecimal(parsing: "-0.001").rescaled(to: 2) }
        // 10^37 has 38 digits; one more decimal place needs 39.
        let big = try ExactDecimal(coefficient: tenTo(37), scale: 0)
        #expect(throwsOverflow { _ = try big.rescaled(to: 1) })
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "1").rescaled(to: 39) })
        #expect(try ExactDecimal(parsing: "1").rescaled(to: 37).coefficient == tenTo(37))
    }

    @Test func rescaledRoundTripsOverARandomSample() throws {
        var rng = SplitMix64(seed: 0xDEC0)
        for _ in 0..<2000 {
            let value = randomDecimal(using: &rng, maxDigits: 20, maxScale: 15)
            let wider = try value.rescaled(to: value.scale + Int.random(in: 0...18, using: &rng))
            #expect(wider == value)
            #expect(try wider.rescaled(to: value.scale).coefficient == value.coefficient)
        }
    }
}

/// The result of `body`, or nil when it throws `DecimalError.inexact` (other errors propagate).
func inexactAsNil<T>(_ body: () throws -> T) throws -> T? {
    do { return try body() } catch let error as DecimalError where error == .inexact { return nil }
}

@Suite("ExactDecimal(checkedCoefficient:scale:)")
struct ExactDecimalCheckedInitTests {
    @Test("Equal to the checking initializer wherever that one succeeds")
    func equalToChecked() throws {
        var rng = SplitMix64(seed: 38)
        for _ in 0..<2_000 {
            let coefficient = Int128(truncatingIfNeeded: Int64(bitPattern: rng.next())) * Int128(rng.next() % 1_000_000)
            let scale = Int(rng.next() % 39)
            guard let checked = try? ExactDecimal(coefficient: coefficient, scale: scale) else { continue }
            let fast = ExactDecimal(checkedCoefficient: coefficient, scale: scale)
            #expect(fast == checked && fast.scale == checked.scale && fast.description == checked.description)
        }
    }
}

