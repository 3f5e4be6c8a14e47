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

    /// The stack-buffer formatter writes exactly what the previous array-based one wrote, on
    /// seeded coefficients of every length 1…38 (both signs, around 2⁶⁴ where the 128-bit
    /// step hands over to 64 bits, powers of ten and nines) at every scale 0…38.
    @Test func matchesTheArrayBasedFormatter() throws {
        func reference(_ coefficient: Int128, _ scale: Int) -> String {
            var digits: [UInt8] = []
            var value = coefficient.magnitude
            repeat {
                let (quotient, remainder) = value.quotientAndRemainder(dividingBy: 10)
                digits.append(UInt8(remainder) + 48)
                value = quotient
            } while value != 0
            while digits.count <= scale { digits.append(48) }
            var text: [UInt8] = []
            if coefficient < 0 { text.append(45) }
            for index in stride(from: digits.count - 1, through: 0, by: -1) {
                text.append(digits[index])
                if index == scale && scale > 0 { text.append(46) }
            }
            return String(decoding: text, as: UTF8.self)
        }
        var rng = SplitMix64(seed: 0x5EED_F0_47)
        var coefficients: [Int128] = [0, 1, 9, 10, 99, 100]
        let twoTo64 = Int128(UInt64.max) + 1
        for delta in Int128(-3)...3 { coefficients.append(twoTo64 + delta) }
        for digits in 1...38 {
            coefficients.append(tenTo(digits) - 1)
            if digits < 38 { coefficients.append(tenTo(digits)) }
            coefficients.append(tenTo(digits - 1) + 1)   // zeros inside the low 19 digits
            for _ in 0..<40 {
                var value: Int128 = Int128(UInt64.random(in: 1...9, using: &rng))
                for _ in 1..<digits { value = value * 10 + Int128(UInt64.random(in: 0...9, using: &rng)) }
                coefficients.append(value)
            }
        }
        var checked = 0
        for coefficient in coefficients {
            for sign in [Int128(1), -1] {
                for scale in 0...38 {
                    let value = try ExactDecimal(coefficient: sign * coefficient, scale: scale)
                    #expect(value.description == reference(sign * coefficient, scale), "\(sign * coefficient) scale \(scale)")
                    checked += 1
                }
            }
        }
        #expect(checked > 120_000)
    }
}
