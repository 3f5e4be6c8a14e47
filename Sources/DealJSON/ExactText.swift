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

    /// Equal byte counts, then the bytes compared where both texts are contiguous (native
    /// and small strings are), else through the UTF-8 views.
    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        let a = lhs.text.utf8, b = rhs.text.utf8
        guard a.count == b.count else { return false }
        let compared = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in
                var index = 0
                while index < x.count {
                    if x[index] != y[index] { return false }
                    index += 1
                }
                return true
            }
        }
        if let compared, let equal = compared { return equal }
        return a.elementsEqual(b)
    }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }
}
