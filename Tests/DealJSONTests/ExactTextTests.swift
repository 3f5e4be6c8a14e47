// DealFinance — DealJSON tests: ExactText (scalar-exact comparison and hashing).
@testable import DealJSON
import Testing

@Suite("ExactText")
struct ExactTextTests {
    @Test("canonically equivalent strings differ; identical ones match and hash alike")
    func comparison() {
        #expect("\u{E9}" == "e\u{301}")                      // Swift's String says equal…
        #expect(ExactText("\u{E9}") != ExactText("e\u{301}"))  // …JSON does not.
        #expect(ExactText("abc") == ExactText("ab" + "c"))
        #expect(ExactText("") != ExactText("\u{0}"))
        var set = Set([ExactText("\u{E9}"), ExactText("e\u{301}"), ExactText(String("\u{E9}"))])
        #expect(set.count == 2)
        set.insert(ExactText("x"))
        #expect(set.contains(ExactText("x")) && !set.contains(ExactText("y")))
    }

    @Test("texts of one byte length are compared byte by byte")
    func sameLength() {
        // ḋ + combining dot below and ḍ + combining dot above: canonically equivalent, 5 bytes each.
        #expect("\u{1E0B}\u{323}" == "\u{1E0D}\u{307}")
        #expect(ExactText("\u{1E0B}\u{323}") != ExactText("\u{1E0D}\u{307}"))
        let long = String(repeating: "ab", count: 100)
        #expect(ExactText(long + "x") != ExactText(long + "y"))
        #expect(ExactText(long + "x") == ExactText(String(repeating: "ab", count: 100) + "x"))
        #expect(ExactText("sellingPrice") == ExactText(String(decoding: Array("sellingPrice".utf8), as: UTF8.self)))
    }

    @Test("a bridged-looking substring copy hashes the same as the original")
    func hashStability() {
        let long = String(repeating: "ab", count: 100)
        let copy = String(long.dropFirst(0))
        #expect(ExactText(long).hashValue == ExactText(copy).hashValue)
    }
}
