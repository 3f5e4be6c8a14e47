// DealFinance — DealDecimalTests: quantization (ExactDecimal+Rounding.swift).

import Testing
import DealDecimal

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("ExactDecimal: rounding to a scale")
struct ExactDecimalRoundingTests {
    @Test func docExamples() throws {
        #expect(try dec("436.656030").rounded(scale: 2, rule: .toNearestOrAway).description == "436.66")
        #expect(try dec("2.345").rounded(scale: 2, rule: .toNearestOrEven).description == "2.34")
        #expect(try dec("2.345").rounded(scale: 2, rule: .toNearestOrAway).description == "2.35")
        #expect(try dec("1.5").rounded(scale: 3, rule: .requireExact).description == "1.500")
        #expect(dec("12.500").normalized().description == "12.5")
        #expect(dec("3.00").normalized().description == "3")
        #expect(dec("-0.00").normalized().description == "0")
        #expect(dec("100").normalized().description == "100")
        #expect(dec("0.120").normalized().scale == 2)
    }

    /// The RoundingRule table again, through decimals: -1.5, -0.5, 0.5, 0.7, 1.2, 2.5 to whole numbers.
    @Test(arguments: roundingTable)
    func docTableThroughDecimals(rule: RoundingRule, expected: [Int]) throws {
        for (tenths, result) in zip(roundingTableTenths, expected) {
            let (tenths, result) = (Int128(tenths), Int128(result))
            let value = try ExactDecimal(coefficient: tenths, scale: 1)
            let rounded = try value.rounded(scale: 0, rule: rule)
            #expect(rounded.coefficient == result, "\(rule) \(value)")
            #expect(rounded.scale == 0)
            // The same at the cent level: x.xx5-style values (−0.015 … 0.025) to two decimals.
            let cents = try ExactDecimal(coefficient: tenths, scale: 3).rounded(scale: 2, rule: rule)
            #expect(cents.coefficient == result, "\(rule) \(tenths)/1000")
        }
    }

    /// Edge table around ties: x.xx5, negative ties, zero, maximum magnitude.
    @Test(arguments: [
        ("2.345", RoundingRule.toNearestOrAway, "2.35"), ("2.345", .toNearestOrEven, "2.34"), ("2.355", .toNearestOrEven, "2.36"),
        ("-2.345", .toNearestOrAway, "-2.35"), ("-2.345", .toNearestOrEven, "-2.34"), ("-2.345", .toNearestOrUp, "-2.34"),
        ("-2.345", .toNearestOrDown, "-2.35"), ("-2.345", .toNearestOrZero, "-2.34"), ("2.3450000001", .toNearestOrZero, "2.35"),
        ("2.3449999999", .toNearestOrAway, "2.34"), ("0.005", .toNearestOrAway, "0.01"), ("-0.005", .toNearestOrAway, "-0.01"),
        ("-0.005", .toNearestOrEven, "0.00"), ("0.000", .awayFromZero, "0.00"), ("-0.001", .up, "0.00"), ("-0.001", .down, "-0.01"),
        ("0.001", .toOdd, "0.01"), ("0.011", .toOdd, "0.01"), ("0.021", .toOdd, "0.03"), ("0.020", .toOdd, "0.02"),
        ("99999999999999999999999999999999999.995", .toNearestOrEven, "100000000000000000000000000000000000.00"),
        ("-99999999999999999999999999999999999.995", .toNearestOrAway, "-100000000000000000000000000000000000.00"),
        ("9.99999999999999999999999999999999999", .up, "10"), ("0.99999999999999999999999999999999999999", .up, "1"),
        ("0.99999999999999999999999999999999999999", .down, "0"),
    ])
    func tieTable(text: String, rule: RoundingRule, expected: String) throws {
        let scale = expected.split(separator: ".").count == 2 ? expected.split(separator: ".")[1].count : 0
        #expect(try dec(text).rounded(scale: scale, rule: rule).description == expected)
    }

    @Test func widerScalesPadAndCanOverflow() throws {
        #expect(try dec("1.5").rounded(scale: 4, rule: .down).description == "1.5000")
        #expect(throwsOverflow { _ = try dec("12345678901234567890").rounded(scale: 19, rule: .down) })
        #expect(throwsOverflow { _ = try dec("1").rounded(scale: 39, rule: .down) })
        #expect(throwsOverflow { _ = try dec("1").rounded(scale: -1, rule: .down) })
    }

    @Test func requireExactThrowsExactlyWhenDigitsAreDropped() throws {
        #expect(try dec("1.230").rounded(scale: 2, rule: .requireExact).description == "1.23")
        #expect(throws: DecimalError.inexact) { try dec("1.231").rounded(scale: 2, rule: .requireExact) }
        #expect(throws: DecimalError.inexact) { try dec("-0.0001").rounded(scale: 3, rule: .requireExact) }
        #expect(try dec("-0.0000").rounded(scale: 0, rule: .requireExact).description == "0")
    }

    /// Every coefficient −2000…2000 at scale 3, rounded to scales 0, 1, 2 by every rule, against the oracle.
    @Test func exhaustiveSmallDomain() throws {
        var failures: [String] = []
        for rule in RoundingRule.allCases {
            for coefficient in Int128(-2000)...2000 {
                let value = try ExactDecimal(coefficient: coefficient, scale: 3)
                for scale in 0...2 {
                    let expected = oracleDivide(coefficient, tenTo(3 - scale), rule)
                    let actual = try inexactAsNil { try value.rounded(scale: scale, rule: rule).coefficient }
                    if actual != expected && failures.count < 10 { failures.append("\(value) → \(scale) by \(rule)") }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Idempotence and monotonicity on random values.
    @Test func idempotentAndMonotonic() throws {
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<1_000 {
            let a = randomDecimal(using: &rng, maxDigits: 30, maxScale: 20)
            let b = randomDecimal(using: &rng, maxDigits: 30, maxScale: 20)
            let scale = Int.random(in: 0...20, using: &rng)
            for rule in RoundingRule.allCases where rule != .requireExact {
                let ra = try a.rounded(scale: min(scale, a.scale), rule: rule)
                #expect(try ra.rounded(scale: ra.scale, rule: rule) == ra)
                #expect(try ra.rounded(scale: ra.scale, rule: .requireExact) == ra)
                if a.scale >= scale && b.scale >= scale && a <= b {
                    #expect(try a.rounded(scale: scale, rule: rule) <= b.rounded(scale: scale, rule: rule), "\(a) \(b) \(rule)")
                }
                // The rounded value is within one unit in the last place, on the side the rule promises.
                if a.scale >= scale {
                    let r = try a.rounded(scale: scale, rule: rule)
                    let ulp = try ExactDecimal(coefficient: 1, scale: scale)
                    #expect(try (r - a).magnitude < ulp)
                    if rule == .down { #expect(r <= a) }
                    if rule == .up { #expect(r >= a) }
                    if rule == .towardZero { #expect(r.magnitude <= a.magnitude) }
                    if rule == .awayFromZero { #expect(r.magnitude >= a.magnitude) }
                }
            }
        }
    }
}
