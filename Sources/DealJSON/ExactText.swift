// DealFinance — DealJSON: text compared code point by code point, as RFC 8259 §8.3 asks.

/// A string that is equal only to the same sequence of Unicode scalars.
///
/// Swift's `String` equality uses canonical equivalence, so `"é"` (U+00E9) equals
/// `"e\u{301}"`; JSON compares member names and strings code unit by code unit. Keys, string
/// values and number texts are therefore compared and hashed through this wrapper, which makes
/// equal values always write the same bytes.
///
/// ```swift
/// ExactText("é") == ExactText("e\u{301}")   // false
/// "é" == "e\u{301}"                          // true
/// ```
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(text.utf8.count)
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
