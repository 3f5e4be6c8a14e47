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

    @Test("a bridged-looking substring copy hashes the same as the original")
    func hashStability() {
        let long = String(repeating: "ab", count: 100)
        let copy = String(long.dropFirst(0))
        #expect(ExactText(long).hashValue == ExactText(copy).hashValue)
    }
}
