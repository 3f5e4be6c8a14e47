// DealFinance — DealJSON: the RFC 8259 number grammar, shared by the reader and validation.

/// The outcome of scanning one number literal.
enum NumberScan: Equatable {
    /// A complete number ends just before `end`.
    case number(end: Int)
    /// The grammar failed at `offset` (possibly the end of the input); `expected` says
    /// what the grammar needed there.
    case failure(offset: Int, expected: String)
}

/// Scans `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?` starting at `start`.
///
/// Stops at the first byte that cannot continue the number and reports where it stopped;
/// the caller decides whether that byte may follow a number. A digit right after a leading
/// `0` is a failure (leading zeros are not allowed). Linear in the length of the literal.
///
/// ```swift
/// scanJSONNumber(Array("-12.5e3,".utf8), from: 0)   // .number(end: 7)
/// scanJSONNumber(Array("01".utf8), from: 0)         // .failure(offset: 1, …)
/// ```
func scanJSONNumber(_ bytes: [UInt8], from start: Int) -> NumberScan {
    var position = start
    func isDigit(_ index: Int) -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }
    func skipDigits() {
        while isDigit(position) { position += 1 }
    }

    if position < bytes.count && bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard isDigit(position) else {
        let what = position > start ? "a digit after '-'" : "a digit or '-' to start a number"
        return .failure(offset: position, expected: what)
    }
    if bytes[position] == UInt8(ascii: "0") {
        position += 1
        if isDigit(position) {
            return .failure(
                offset: position,
                expected: "'.', 'e' or the end of the number after a leading '0' (leading zeros are not allowed)")
        }
    } else {
        skipDigits()
    }
    if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
        position += 1
        guard isDigit(position) else { return .failure(offset: position, expected: "a digit after '.'") }
        skipDigits()
    }
    if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
        position += 1
        if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
            position += 1
        }
        guard isDigit(position) else { return .failure(offset: position, expected: "a digit in the exponent") }
        skipDigits()
    }
    return .number(end: position)
}
