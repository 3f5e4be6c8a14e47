// DealFinance — DealDecimalTests: strict parsing (ExactDecimal+Parsing.swift).

import Testing
import DealDecimal

/// The position of the `invalidFormat` error `text` raises, or nil when it raises none (or another error).
private func invalidPosition(_ text: String) -> Int? {
    do {
        _ = try ExactDecimal(parsing: text)
        return nil
    } catch .invalidFormat(let position, _) {
        return position
    } catch {
        return nil
    }
}

@Suite("ExactDecimal: parsing (Documentation/Reference/Values.md grammar -?[0-9]+(\\.[0-9]+)?)")
struct ExactDecimalParsingTests {
    @Test(arguments: [
        ("0", 0, 0), ("-0", 0, 0), ("0.00", 0, 2), ("-0.00", 0, 2), ("7", 7, 0), ("-7", -7, 0),
        ("30000.00", 3_000_000, 2), ("-0.5", -5, 1), ("00012.340", 12340, 3), ("1.000000", 1_000_000, 6),
        ("0.001", 1, 3), ("123456789.987654321", 123_456_789_987_654_321, 9), ("100", 100, 0),
    ])
    func accepted(text: String, coefficient: Int, scale: Int) throws {
        let coefficient = Int128(coefficient)
        let value = try ExactDecimal(parsing: text)
        #expect(value.coefficient == coefficient)
        #expect(value.scale == scale)
        #expect(ExactDecimal(text)?.coefficient == coefficient)
    }

    @Test func acceptsSubstringsAndOtherStringProtocols() throws {
        let text = "xx12.5yy"
        let slice = text.dropFirst(2).dropLast(2)
        let value = try ExactDecimal(parsing: slice)
        #expect(value.coefficient == 125 && value.scale == 1)
    }

    /// Rejected strings with the 0-based Unicode-scalar offset of the first character that does not fit.
    @Test(arguments: [
        ("", 0), ("-", 1), ("1.", 2), (".5", 0), ("-.5", 1), ("--1", 1), ("+1", 0), ("1e3", 1), ("1E3", 1),
        ("1.5e3", 3), ("1e-3", 1), (" 1", 0), ("1 ", 1), ("1 000", 1), ("1,000", 1), ("1,5", 1), ("1_000", 1),
        ("1'000", 1), ("NaN", 0), ("nan", 0), ("Infinity", 0), ("-Infinity", 1), ("inf", 0), ("12abc", 2),
        ("1.2.3", 3), ("1..2", 2), ("1.-5", 2), ("1-", 1), ("0x10", 1), ("١٢", 0), ("1٢", 1), ("１", 0),
        ("\u{2212}1", 0), ("1.5\n", 3), ("\t1", 0), ("12\u{0}", 2), ("1\u{301}", 1), ("12😀3", 2), ("😀", 0),
        ("-0.", 3), ("-00.", 4), ("1.5.", 3),
    ])
    func rejected(text: String, position: Int) {
        #expect(invalidPosition(text) == position, "\"\(text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())\"")
        #expect(ExactDecimal(text) == nil)
    }

    @Test func messagesNameWhatWasExpectedAndFound() {
        func message(_ text: String) -> String {
            do { _ = try ExactDecimal(parsing: text); return "" } catch .invalidFormat(_, let message) { return message } catch { return "" }
        }
        #expect(message("12abc").contains("found 'a'"))
        #expect(message("12abc").contains("a digit, '.' or the end"))
        #expect(message("").contains("a digit or '-'"))
        #expect(message("").contains("found the end"))
        #expect(message("1.").contains("found the end"))
        #expect(message("1.x").contains("expected a plain decimal like 1234.56: a digit, found 'x'"))
        let description = DecimalError.invalidFormat(position: 2, message: message("12abc")).description
        #expect(description.hasSuffix("(at offset 2)"))
    }

    @Test func thirtyEightSignificantDigitsFitThirtyNineDoNot() throws {
        let nines38 = String(repeating: "9", count: 38)
        #expect(try ExactDecimal(parsing: nines38).coefficient == tenTo(38) - 1)
        #expect(try ExactDecimal(parsing: "-" + nines38).coefficient == -(tenTo(38) - 1))
        #expect(try ExactDecimal(parsing: "1" + String(repeating: "0", count: 37)).coefficient == tenTo(37))
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "1" + String(repeating: "0", count: 38)) })
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "9" + nines38) })
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "-9" + nines38) })
        // Leading zeros are not significant; trailing fractional zeros are.
        let padded = String(repeating: "0", count: 60) + nines38
        #expect(try ExactDecimal(parsing: padded).coefficient == tenTo(38) - 1)
        #expect(try ExactDecimal(parsing: "0." + nines38).scale == 38)
        #expect(try ExactDecimal(parsing: "9." + String(repeating: "9", count: 37)).scale == 37)
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "9." + nines38) })
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "1" + String(repeating: "0", count: 30) + ".00000000") })
        // An overflow is reported even when garbage follows (the digits come first).
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "9" + nines38 + "x") })
        // Garbage before the 39th digit is a format error.
        #expect(invalidPosition("9x" + nines38) == 1)
    }

    @Test func scaleLimit() throws {
        #expect(try ExactDecimal(parsing: "0." + String(repeating: "0", count: 38)).scale == 38)
        #expect(try ExactDecimal(parsing: "0." + String(repeating: "0", count: 37) + "1").coefficient == 1)
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "0." + String(repeating: "0", count: 39)) })
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "0." + String(repeating: "0", count: 38) + "1") })
        #expect(throwsOverflow { _ = try ExactDecimal(parsing: "-0." + String(repeating: "0", count: 39)) })
    }

    /// Random strings over the grammar's alphabet: accepted exactly when a hand-written matcher accepts.
    @Test func randomStringsAgreeWithAnIndependentMatcher() {
        let alphabet: [Character] = ["0", "1", "5", "9", "-", ".", "e", "+", " ", ","]
        var rng = SplitMix64(seed: 42)
        var accepted = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...7, using: &rng)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
            let matches = Self.matchesGrammar(text)
            let parsed = ExactDecimal(text)
            #expect((parsed != nil) == matches, "\"\(text)\"")
            if matches, let parsed {
                accepted += 1
                let fraction = text.split(separator: ".", omittingEmptySubsequences: false)
                #expect(parsed.scale == (fraction.count == 2 ? fraction[1].count : 0), "\"\(text)\"")
                let digits = text.filter(\.isNumber)
                let magnitude = Int128(digits)!
                #expect(parsed.coefficient == (text.hasPrefix("-") ? -magnitude : magnitude), "\"\(text)\"")
            }
        }
        #expect(accepted > 500)
    }

    /// `-?[0-9]+(\.[0-9]+)?`, written as a direct check of the parts.
    static func matchesGrammar(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
        return parts.allSatisfy(isDigits)
    }

    /// The `String` entry and the generic one (a substring) agree, value, scale and error.
    @Test(arguments: ["30000.00", "-0.5", "0", "1e3", "", "12.", "123456789012345678901234567890123456789"])
    func stringAndSubstringAgree(text: String) {
        func parsed(_ parse: () throws(DecimalError) -> ExactDecimal) -> String {
            do { return try parse().description } catch { return "\(error)" }
        }
        #expect(parsed { () throws(DecimalError) in try ExactDecimal(parsing: text) } == parsed { () throws(DecimalError) in try ExactDecimal(parsing: text[...]) })
    }
}
