// DealFinance — DealEngineTests: PeriodicRate (PeriodicRate.swift).

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

private func gcd(_ a: Int128, _ b: Int128) -> Int128 {
    var (x, y) = (a.magnitude, b.magnitude)
    while y != 0 { (x, y) = (y, x % y) }
    return Int128(x)
}

@Suite("PeriodicRate")
struct PeriodicRateTests {
    @Test(arguments: [
        ("6", 12, 1, 200), ("5.2", 52, 1, 1000), ("6.875", 12, 11, 1920), ("12", 12, 1, 100),
        ("100", 1, 1, 1), ("100", 12, 1, 12), ("0.01", 1, 1, 10_000), ("6.9", 12, 23, 4000), ("5.99", 12, 599, 120_000),
        ("7.8", 26, 3, 1000), ("4.8", 24, 1, 500), ("0.0000000001", 52, 1, 52_000_000_000_000), ("30", 4, 3, 40),
        ("6.00", 12, 1, 200), ("6.0000000000", 12, 1, 200),
    ])
    func reduction(apr: String, perYear: Int, numerator: Int, denominator: Int) throws {
        // (Int arguments: Int128 inside parameterized-test tuples crashes the 6.3.1 runtime here.)
        let rate = try PeriodicRate(annualPercentage: dec(apr), periodsPerYear: perYear)
        #expect(rate.numerator == Int128(numerator))
        #expect(rate.denominator == Int128(denominator))
        #expect(rate.periodsPerYear == perYear)
        #expect(rate.annualPercentage == dec(apr))
        #expect(rate.annualPercentage.scale == dec(apr).scale)
        #expect(!rate.isZero)
    }

    @Test func zeroRate() throws {
        for text in ["0", "0.00", "0.0000000000"] {
            let rate = try PeriodicRate(annualPercentage: dec(text), periodsPerYear: 12)
            #expect(rate.isZero)
            #expect(rate.numerator == 0)
            #expect(rate.denominator == 1)
            #expect(try rate.decimal(significantDigits: 20) == .zero)
        }
    }

    /// Reduced, and equal to apr / 100 / m by cross-multiplication, on a random sample.
    @Test func reductionIsExactAndLowest() throws {
        var rng = SplitMix64(seed: 0x5EED)
        for _ in 0..<3_000 {
            let scale = Int((rng.next() >> 11) % 11)
            var limit: Int128 = 100
            for _ in 0..<scale { limit *= 10 }
            let coefficient = Int128((rng.next() >> 11)) % (limit + 1)
            let apr = try ExactDecimal(coefficient: coefficient, scale: scale)
            let m = [1, 2, 4, 12, 24, 26, 52, 365][Int((rng.next() >> 11) % 8)]
            let rate = try PeriodicRate(annualPercentage: apr, periodsPerYear: m)
            #expect(rate.denominator > 0)
            #expect(rate.numerator >= 0)
            if coefficient == 0 { #expect(rate.denominator == 1); continue }
            #expect(gcd(rate.numerator, rate.denominator) == 1, "\(apr) / \(m)")
            // numerator / denominator == coefficient / (10^scale · 100 · m)
            #expect(rate.numerator * limit * Int128(m) == coefficient * rate.denominator, "\(apr) / \(m)")
        }
    }

    /// The rate's range check (by coefficient, `compare(toWhole:)`) equals ExactDecimal's
    /// `<= 100` at every scale, on and around 100: within it the rate is built, beyond it refused.
    @Test func hundredCheckMatchesComparison() throws {
        var rng = SplitMix64(seed: 0x100)
        for scale in 0...38 {
            var hundred: Int128 = 100
            for _ in 0..<min(scale, 36) { hundred *= 10 }
            var coefficients: [Int128] = [0, 1, 99, 100, 101]
            if scale <= 36 { coefficients += [hundred - 1, hundred, hundred + 1] }
            for _ in 0..<50 { coefficients.append(Int128(rng.next() >> 1) * Int128(rng.next() >> Int(rng.next() % 64))) }
            for coefficient in coefficients {
                guard let value = try? ExactDecimal(coefficient: coefficient, scale: scale) else { continue }
                guard !value.isNegative, value.scale <= PeriodicRate.maximumDecimals else { continue }
                let accepted = (try? PeriodicRate(annualPercentage: value, periodsPerYear: 12)) != nil
                #expect(accepted == (value <= ExactDecimal(100)), "\(value)")
            }
        }
    }

    /// Stein's algorithm equals Euclid's on random pairs, zeros and powers of two.
    @Test func binaryGreatestCommonDivisor() throws {
        var rng = SplitMix64(seed: 0x6CD)
        var pairs: [(UInt64, UInt64)] = [(0, 7), (7, 0), (1, 1), (1 << 63, 1 << 40), (12_000, 69), (UInt64.max, UInt64.max - 1)]
        for _ in 0..<5_000 {
            let common = rng.next() >> (40 + rng.next() % 24)
            pairs.append(((rng.next() >> (rng.next() % 64)) | 1, (rng.next() >> (rng.next() % 64)) | 1))
            pairs.append(((rng.next() >> 40) * common, (rng.next() >> 40) * common))
        }
        for (a, b) in pairs where a != 0 || b != 0 {
            var (x, y) = (a, b)
            while y != 0 { (x, y) = (y, x % y) }
            #expect(PeriodicRate.binaryGreatestCommonDivisor(a, b) == x, "\(a), \(b)")
        }
    }

    /// Rates with more periods a year than 64 bits allow are reduced in 128 bits.
    @Test func hugePeriodsPerYear() throws {
        let rate = try PeriodicRate(annualPercentage: dec("6.9"), periodsPerYear: Int.max)
        #expect(rate.numerator * 1_000 * Int128(Int.max) == 69 * rate.denominator)
        #expect(gcd(rate.numerator, rate.denominator) == 1)
    }

    private func failure(_ apr: String, _ m: Int, path: String = "apr") -> DealError? {
        do { _ = try PeriodicRate(annualPercentage: dec(apr), periodsPerYear: m, path: path); return nil } catch { return error }
    }

    @Test func limits() throws {
        #expect(failure("100", 12) == nil)
        #expect(failure("0", 1) == nil)
        #expect(failure("99.9999999999", 12) == nil)
        for (apr, m, needle) in [("-0.01", 12, "from 0 to 100"), ("100.0000000001", 12, "from 0 to 100"), ("101", 12, "from 0 to 100"),
                                 ("5.12345678901", 12, "at most 10"), ("0.00000000000", 12, "at most 10"),
                                 ("6", 0, "positive number of periods"), ("6", -12, "positive number of periods")] {
            let error = failure(apr, m, path: "loan.apr")
            #expect(error?.code == .invalidArgument, "\(apr) \(m)")
            #expect(error?.path == "loan.apr")
            #expect(error?.message.contains(needle) == true, "\(apr) \(m): \(String(describing: error?.message))")
        }
        #expect(PeriodicRate.maximumDecimals == 10)
    }

    @Test func decimalExamples() throws {
        let rate = try PeriodicRate(annualPercentage: dec("5.99"), periodsPerYear: 12)
        #expect(try rate.decimal(significantDigits: 24).description == "0.00499166666666666666666667")
        let six = try PeriodicRate(annualPercentage: dec("6"), periodsPerYear: 12)
        #expect(try six.decimal(significantDigits: 20).description == "0.0050000000000000000000")
        #expect(try six.decimal(significantDigits: 1).description == "0.005")
        let third = try PeriodicRate(annualPercentage: dec("4"), periodsPerYear: 12)     // 1/300
        #expect(try third.decimal(significantDigits: 5).description == "0.0033333")
        #expect(try PeriodicRate(annualPercentage: dec("8"), periodsPerYear: 12).decimal(significantDigits: 3).description == "0.00667")
        // A rate of 1 per period (100 % a year, annual): 20 significant digits.
        let one = try PeriodicRate(annualPercentage: dec("100"), periodsPerYear: 1)
        #expect(try one.decimal(significantDigits: 20).description == "1.0000000000000000000")
        #expect(try PeriodicRate(annualPercentage: dec("12"), periodsPerYear: 1).decimal(significantDigits: 20).description == "0.12000000000000000000")
    }

    /// `decimal(significantDigits:)` has exactly that many significant digits and is the rate rounded
    /// half-even at that position (checked with wide integers: |d·q − p·10^s| ≤ q/2).
    @Test func decimalDigitsAndAccuracy() throws {
        var rng = SplitMix64(seed: 77)
        for _ in 0..<1_000 {
            let scale = Int((rng.next() >> 11) % 4)
            var limit: Int128 = 30
            for _ in 0..<scale { limit *= 10 }
            let apr = try ExactDecimal(coefficient: 1 + Int128((rng.next() >> 11)) % limit, scale: scale)
            let m = [1, 2, 4, 12, 24, 26, 52][Int((rng.next() >> 11) % 7)]
            let rate = try PeriodicRate(annualPercentage: apr, periodsPerYear: m)
            let digits = 1 + Int((rng.next() >> 11) % 30)
            let value = try rate.decimal(significantDigits: digits)
            let significant = String(value.coefficient.magnitude)
            let isPowerOfTen = significant.first == "1" && significant.dropFirst().allSatisfy { $0 == "0" }
            #expect(significant.count == digits || (isPowerOfTen && significant.count == digits + 1), "\(apr)/\(m) to \(digits): \(value)")
            let p = WideInteger(rate.numerator), q = WideInteger(rate.denominator)
            let error = WideInteger(value.coefficient) * q - p * WideInteger(10).power(value.scale)
            let twice = error + error
            let magnitude = twice.isNegative ? -twice : twice
            #expect(magnitude.compare(to: q) <= 0, "\(apr)/\(m) to \(digits): \(value)")
        }
    }

    /// More significant digits than a decimal holds is an `invalid_argument` at
    /// `significantDigits` (never a value of 0 or fewer digits than asked).
    @Test func decimalDigitsOutOfRange() throws {
        let rate = try PeriodicRate(annualPercentage: dec("5.99"), periodsPerYear: 12)   // 0.00499…: 2 leading zeros
        let isInvalid: @Sendable (any Error) -> Bool = { ($0 as? DealError).map { $0.code == .invalidArgument && $0.path == "significantDigits" } ?? false }
        for digits in [0, -1, 38, 39, 100] {
            #expect(performing: { try rate.decimal(significantDigits: digits) }, throws: isInvalid)
        }
        // 0.00499…: the 36th significant digit is the 38th decimal, the most a decimal has.
        #expect(try rate.decimal(significantDigits: 36).scale == 38)
        #expect(performing: { try rate.decimal(significantDigits: 37) }, throws: isInvalid)
        let one = try PeriodicRate(annualPercentage: dec("100"), periodsPerYear: 1)
        #expect(try one.decimal(significantDigits: 37).description == "1." + String(repeating: "0", count: 36))
    }
}
