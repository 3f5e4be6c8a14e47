// DealFinance — DealJSON: well-formed UTF-8 (Unicode Table 3-7), one sequence at a time.

/// The outcome of decoding one UTF-8 sequence.
enum UTF8Scan: Equatable {
    /// A well-formed sequence of `length` bytes encoding `scalar`.
    case scalar(Unicode.Scalar, length: Int)
    /// The byte at `offset` makes the sequence ill-formed: a byte that cannot lead
    /// (`80`–`C1`, `F5`–`FF`), or a continuation outside its allowed range (overlongs,
    /// UTF-16 surrogates encoded in UTF-8, values above U+10FFFF).
    case invalid(offset: Int)
    /// The input ends inside the sequence.
    case truncated
}

/// Decodes the UTF-8 sequence that starts at `start` (which must be a valid index).
///
/// Follows the well-formed byte sequences of Unicode Table 3-7 exactly:
///
/// | first     | second    | third  | fourth |
/// |-----------|-----------|--------|--------|
/// | 00–7F     |           |        |        |
/// | C2–DF     | 80–BF     |        |        |
/// | E0        | A0–BF     | 80–BF  |        |
/// | E1–EC     | 80–BF     | 80–BF  |        |
/// | ED        | 80–9F     | 80–BF  |        |
/// | EE–EF     | 80–BF     | 80–BF  |        |
/// | F0        | 90–BF     | 80–BF  | 80–BF  |
/// | F1–F3     | 80–BF     | 80–BF  | 80–BF  |
/// | F4        | 80–8F     | 80–BF  | 80–BF  |
///
/// ```swift
/// scanUTF8([0xC3, 0xA9], at: 0)        // .scalar("é", length: 2)
/// scanUTF8([0xC0, 0xAF], at: 0)        // .invalid(offset: 0)  (overlong lead)
/// scanUTF8([0xED, 0xA0, 0x80], at: 0)  // .invalid(offset: 1)  (encoded surrogate)
/// ```
func scanUTF8(_ bytes: [UInt8], at start: Int) -> UTF8Scan {
    let lead = bytes[start]
    let length: Int
    var low: UInt8 = 0x80   // allowed range of the second byte
    var high: UInt8 = 0xBF
    var value: UInt32
    switch lead {
    case 0x00...0x7F:
        return .scalar(Unicode.Scalar(lead), length: 1)
    case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0: length = 3; value = UInt32(lead & 0x0F); low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3; value = UInt32(lead & 0x0F)
    case 0xED: length = 3; value = UInt32(lead & 0x0F); high = 0x9F
    case 0xF0: length = 4; value = UInt32(lead & 0x07); low = 0x90
    case 0xF1...0xF3: length = 4; value = UInt32(lead & 0x07)
    case 0xF4: length = 4; value = UInt32(lead & 0x07); high = 0x8F
    default:
        return .invalid(offset: start)
    }
    for index in (start + 1)..<(start + length) {
        guard index < bytes.count else { return .truncated }
        let byte = bytes[index]
        let allowed = index == start + 1 ? (low...high) : (0x80...0xBF)
        guard allowed.contains(byte) else { return .invalid(offset: index) }
        value = value << 6 | UInt32(byte & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return .invalid(offset: start) }  // unreachable by the table
    return .scalar(scalar, length: length)
}
