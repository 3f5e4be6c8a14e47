// DealFinance — DealDecimalTests: the canonical text (ExactDecimal+Formatting.swift).

import Testing
import DealDecimal

@Suite("ExactDecimal: canonical formatting")
struct ExactDecimalFormattingTests {
    @Test(arguments: [
        (-123, 2, "-1.23"), (5, 3, "0.005"), (-5, 3, "-0.005"), (0, 0, "0"), (0, 2, "0.00"), (60, 0, "60"),
        (3_000_000, 2, "30000.00"), (1, 38, "0.00000000000000000000000000000000000001"), (10, 1, "1.0"),
        (-10, 0, "-10"), (100, 2, "1.00"), (123_456, 6, "0.123456"), (1_234_567, 6, "1.234567"),
    ])
    func examples(coefficient: Int, scale: Int, text: String) throws {
        let coefficient = Int128(coefficient)
        #expect(try ExactDecimal(coefficient: coefficient, scale: scale).description == text)
        #expect(String(describing: try ExactDecimal(coefficient: coefficient, scale: scale)) == text)
    }

    @Test func negativeZeroPrintsWithoutASign() throws {
        #expect(try ExactDecimal(parsing: "-0.00").description == "0.00")
        #expect(try ExactDecimal(parsing: "-0").description == "0")
        #expect(try ExactDecimal(coefficient: 0, scale: 2).negated().description == "0.00")
        #expect(try ExactDecimal(coefficient: -0, scale: 2).description == "0.00")
        #expect(try (ExactDecimal(parsing: "1.00") - ExactDecimal(parsing: "1")).description == "0.00")
        #expect(try (ExactDecimal(parsing: "-0.5") * ExactDecimal(parsing: "0.0")).description == "0.00")
        #expect(try ExactDecimal(parsing: "-0.004").rounded(scale: 2, rule: .toNearestOrAway).description == "0.00")
    }

    @Test func extremes() throws {
        let nines = String(repeating: "9", count: 38)
        #expect(try ExactDecimal(coefficient: tenTo(38) - 1, scale: 0).description == nines)
        #expect(try ExactDecimal(coefficient: -(tenTo(38) - 1), scale: 0).description == "-" + nines)
        #expect(try ExactDecimal(coefficient: tenTo(38) - 1, scale: 38).description == "0." + nines)
        #expect(try ExactDecimal(coefficient: -(tenTo(38) - 1), scale: 38).description == "-0." + nines)
        #expect(try ExactDecimal(coefficient: tenTo(38) - 1, scale: 1).description == String(nines.dropLast()) + ".9")
        #expect(ExactDecimal(Int.min).description == "\(Int.min)")
    }

    /// parse ∘ format is the identity (value and scale) on a seeded random corpus.
    @Test func roundTripOnARandomCorpus() throws {
        var rng = SplitMix64(seed: 0xF0_4A_77)
        for _ in 0..<20_000 {
            let value = randomDecimal(using: &rng)
            let text = value.description
            let parsed = try ExactDecimal(parsing: text)
            #expect(parsed.coefficient == value.coefficient, "\(text)")
            #expect(parsed.scale == value.scale, "\(text)")
            #expect(parsed.description == text)
            // The text is in the canonical shape: sign only if non-zero, no leading zeros, scale decimals.
            let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            #expect(text.hasPrefix("-") == (value.coefficient < 0))
            let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == (value.scale > 0 ? 2 : 1))
            #expect(parts.last!.count == (value.scale > 0 ? value.scale : parts[0].count))
            #expect(parts[0] == "0" || !parts[0].hasPrefix("0"))
        }
    }

    /// format ∘ parse is the identity on canonical strings (random digits and scales).
    @Test func canonicalStringsRoundTrip() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let integerDigits = Int.random(in: 1...20, using: &rng)
            let fractionDigits = Int.random(in: 0...18, using: &rng)
            var text = Bool.random(using: &rng) ? "-" : ""
            text += String(Int.random(in: 1...9, using: &rng))
            for _ in 1..<integerDigits { text += String(Int.random(in: 0...9, using: &rng)) }
            if fractionDigits > 0 {
                text += "."
                for _ in 0..<fractionDigits { text += String(Int.random(in: 0...9, using: &rng)) }
            }
            #expect(try ExactDecimal(parsing: text).description == text)
        }
    }
}
