// DealFinance — DealJSON tests: the number grammar scanner.
@testable import DealJSON
import Testing

@Suite("JSON number grammar")
struct JSONNumberGrammarTests {
    @Test("stops at the first byte that cannot continue a number", arguments: [
        ("0", 1), ("-0,", 2), ("12]", 2), ("1.5}", 3), ("1e5 ", 3), ("-1.0E-10x", 8), ("0.0e+0.", 6), ("7-", 1),
    ] as [(String, Int)])
    func stops(_ text: String, _ end: Int) {
        #expect(scanJSONNumber(Array(text.utf8), from: 0) == .number(end: end))
    }

    @Test("starts anywhere in the buffer")
    func offsetStart() {
        #expect(scanJSONNumber(Array("[1, -25]".utf8), from: 4) == .number(end: 7))
    }

    @Test("fails where the grammar breaks", arguments: [
        ("-", 1, "a digit after '-'"),
        ("-x", 1, "a digit after '-'"),
        ("x", 0, "a digit or '-' to start a number"),
        ("00", 1, "'.', 'e' or the end of the number after a leading '0' (leading zeros are not allowed)"),
        ("1.", 2, "a digit after '.'"),
        ("1.e", 2, "a digit after '.'"),
        ("1e", 2, "a digit in the exponent"),
        ("1E-", 3, "a digit in the exponent"),
        ("1e+-1", 3, "a digit in the exponent"),
    ] as [(String, Int, String)])
    func failures(_ text: String, _ offset: Int, _ expected: String) {
        #expect(scanJSONNumber(Array(text.utf8), from: 0) == .failure(offset: offset, expected: expected))
    }

    @Test("agrees with a hand-written matcher on every string of up to four grammar bytes")
    func exhaustiveShortStrings() {
        let alphabet = Array("0159-+.eE".utf8)
        func oracle(_ s: [UInt8]) -> Bool {
            // Independent regular-expression-like matcher over the same grammar.
            var i = 0
            func digits() -> Int { let start = i; while i < s.count, (48...57).contains(s[i]) { i += 1 }; return i - start }
            if i < s.count, s[i] == 45 { i += 1 }
            if i < s.count, s[i] == 48 { i += 1 } else if i < s.count, (49...57).contains(s[i]) { _ = digits() } else { return false }
            if i < s.count, s[i] == 46 { i += 1; if digits() == 0 { return false } }
            if i < s.count, s[i] == 101 || s[i] == 69 {
                i += 1
                if i < s.count, s[i] == 43 || s[i] == 45 { i += 1 }
                if digits() == 0 { return false }
            }
            return i == s.count
        }
        var candidates: [[UInt8]] = [[]]
        var checked = 0
        for _ in 1...4 {
            candidates = candidates.flatMap { prefix in alphabet.map { prefix + [$0] } }
            for bytes in candidates {
                let whole: Bool
                if case .number(let end) = scanJSONNumber(bytes, from: 0) { whole = end == bytes.count } else { whole = false }
                #expect(whole == oracle(bytes), "\(String(decoding: bytes, as: UTF8.self))")
                checked += 1
            }
        }
        #expect(checked == 9 + 81 + 729 + 6561)
    }
}
