// DealFinance — DealDecimalTests: numeric equality, order and hashing (ExactDecimal+Comparable.swift).

import Testing
@testable import DealDecimal

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

/// Independent order: compare `a.c · 10^(s − a.s)` with `b.c · 10^(s − b.s)` as exact decimal strings
/// of equal length (no arithmetic on the library's types).
private func oracleCompare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
    let s = max(a.scale, b.scale)
    func digits(_ x: ExactDecimal) -> (Bool, String) {
        var text = String(x.coefficient.magnitude) + String(repeating: "0", count: s - x.scale)
        while text.count > 1 && text.hasPrefix("0") { text.removeFirst() }
        return (x.coefficient < 0, String(repeating: "0", count: 80 - text.count) + text)
    }
    let (na, da) = digits(a), (nb, db) = digits(b)
    let zeroA = a.coefficient == 0, zeroB = b.coefficient == 0
    let signA = zeroA ? 0 : (na ? -1 : 1), signB = zeroB ? 0 : (nb ? -1 : 1)
    if signA != signB { return signA < signB ? -1 : 1 }
    let order = da < db ? -1 : (da == db ? 0 : 1)
    return signA < 0 ? -order : order
}

@Suite("ExactDecimal: equality, order, hashing")
struct ExactDecimalComparableTests {
    @Test func numericEqualityAcrossScales() {
        #expect(dec("1.5") == dec("1.50"))
        #expect(dec("1.5") == dec("1.500000000000000000000000000000000000"))
        #expect(dec("0") == dec("-0.000"))
        #expect(dec("100") == dec("100.00"))
        #expect(dec("1.5") != dec("1.51"))
        #expect(dec("-1.5") != dec("1.5"))
        #expect(dec("0.999") < dec("1"))
        #expect(dec("-1") < dec("-0.999"))
        #expect(!(dec("1.50") < dec("1.5")))
        #expect(dec("2") > dec("1.99999999999999999999999999999999999"))
    }

    /// Pairs that cannot be brought to a common scale in 38 digits use the wide comparison.
    @Test func extremesUseTheWidePath() throws {
        let bigWhole = try ExactDecimal(coefficient: tenTo(38) - 1, scale: 0)
        let tiny = try ExactDecimal(coefficient: 1, scale: 38)
        let bigFraction = try ExactDecimal(coefficient: tenTo(38) - 1, scale: 38)   // 0.999…9
        #expect(tiny < bigWhole)
        #expect(bigWhole.negated() < tiny.negated())
        #expect(bigFraction < ExactDecimal(1))
        #expect(bigFraction.negated() > ExactDecimal(-1))
        #expect(bigWhole > bigFraction)
        #expect(bigWhole != tiny)
        let a = try ExactDecimal(coefficient: tenTo(37) * 5, scale: 0)
        let b = try ExactDecimal(coefficient: tenTo(37) * 5 + 1, scale: 1)        // 5·10^36 + 0.1
        #expect(b < a)
        #expect(try ExactDecimal(coefficient: tenTo(37) + 1, scale: 37) > ExactDecimal(1))
        #expect(try ExactDecimal(coefficient: tenTo(37), scale: 37) == ExactDecimal(1))
        #expect(try ExactDecimal(coefficient: tenTo(37), scale: 37) == ExactDecimal(coefficient: 1, scale: 0))
        #expect(try ExactDecimal(coefficient: tenTo(37), scale: 0) == ExactDecimal(coefficient: tenTo(37), scale: 0))
    }

    /// A random sample mixing scales (and equal values written with different scales):
    /// the order agrees with an independent comparison and is a total order.
    @Test func totalOrderOnARandomSample() throws {
        var rng = SplitMix64(seed: 0x5EED)
        var sample: [ExactDecimal] = []
        for _ in 0..<30 {
            let value = randomDecimal(using: &rng, maxDigits: Int.random(in: 1...38, using: &rng), maxScale: 38)
            sample.append(value)
            if value.scale < 38, value.coefficient.magnitude < tenTo(37) {
                sample.append(try value.rescaled(to: value.scale + 1))     // an equal value at another scale
            }
        }
        sample += [dec("0"), dec("0.00"), dec("1"), dec("-1"), dec("0.5"), dec("-0.5")]
        for a in sample {
            #expect(a == a)
            #expect(!(a < a))
            for b in sample {
                let expected = oracleCompare(a, b)
                #expect((a < b) == (expected < 0), "\(a) < \(b)")
                #expect((a == b) == (expected == 0), "\(a) == \(b)")
                // Exactly one of <, ==, > and antisymmetry.
                #expect([a < b, a == b, b < a].filter { $0 }.count == 1, "\(a) \(b)")
                if a == b { #expect(a.hashValue == b.hashValue, "\(a) \(b)") }
                for c in sample where a < b && b < c {
                    #expect(a < c, "\(a) < \(b) < \(c)")
                }
            }
        }
        let sorted = sample.sorted()
        for (x, y) in zip(sorted, sorted.dropFirst()) { #expect(oracleCompare(x, y) <= 0) }
    }

    /// `compare(toWhole:)` agrees with the independent oracle at every scale, on and around
    /// the whole number, and past 128 bits (the exact fallback: scale 38 against 10^12).
    @Test func compareToWholeMatchesTheOracle() throws {
        var rng = SplitMix64(seed: 0xC0DE)
        for whole: Int128 in [0, 1, 100, 1_000_000_000_000, -7] {
            for scale in 0...38 {
                var scaled: Int128? = whole
                for _ in 0..<scale { scaled = scaled.flatMap { let (v, o) = $0.multipliedReportingOverflow(by: 10); return o ? nil : v } }
                var coefficients: [Int128] = [0, 1, -1, 99, 100, 101]
                if let scaled { coefficients += [scaled - 1, scaled, scaled + 1] }
                for _ in 0..<20 { coefficients.append(Int128(Int64(bitPattern: rng.next())) * Int128(rng.next() >> Int(rng.next() % 64))) }
                for coefficient in coefficients {
                    guard let value = try? ExactDecimal(coefficient: coefficient, scale: scale) else { continue }
                    let expected = oracleCompare(value, try ExactDecimal(coefficient: whole, scale: 0))
                    #expect(value.compare(toWhole: whole) == expected, "\(value) vs \(whole)")
                }
            }
        }
    }

    @Test func equalValuesHashEqually() throws {
        #expect(Set([dec("1.5"), dec("1.50"), dec("1.500")]).count == 1)
        #expect(Set([dec("0"), dec("0.00"), dec("-0.0")]).count == 1)
        #expect(Set([dec("1.5"), dec("1.05"), dec("15"), dec("0.15")]).count == 4)
        var rng = SplitMix64(seed: 99)
        for _ in 0..<2_000 {
            let value = randomDecimal(using: &rng, maxDigits: 20, maxScale: 10)
            let wider = try value.rescaled(to: value.scale + Int.random(in: 1...15, using: &rng))
            #expect(value == wider)
            #expect(value.hashValue == wider.hashValue)
            var h1 = Hasher(), h2 = Hasher()
            value.hash(into: &h1); wider.hash(into: &h2)
            #expect(h1.finalize() == h2.finalize())
        }
        let dictionary = [dec("2.50"): "a"]
        #expect(dictionary[dec("2.5")] == "a")
    }
}
