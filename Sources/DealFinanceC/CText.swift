// DealFinance — exact deal finance. DealFinanceC: reading C text (pointer + length) safely.

import DealFinance

/// Conversions of C inputs given as a pointer and a byte length (no NUL needed).
enum CText {
    /// Longest decimal text accepted, in bytes (`DFIN_DECIMAL_INPUT_MAX`).
    static let decimalInputMaximum: UInt = 1024

    /// The bytes at `pointer`; a length beyond `Int.max` is clamped (such a length is
    /// rejected by every reader by its count alone, before any byte is read).
    ///
    /// - Throws: `DFIN_ENULL_ARGUMENT` at `name` when `pointer` is NULL.
    static func bytes(_ pointer: UnsafePointer<CChar>?, _ length: UInt, name: String) throws(ExportFailure) -> UnsafeRawBufferPointer {
        guard let pointer else { throw .nullArgument(name) }
        return UnsafeRawBufferPointer(start: pointer, count: Int(clamping: length))
    }

    /// The decimal written at `pointer` (Documentation/Reference/Values.md grammar), the C parameter `name`.
    ///
    /// - Throws: at `name`: `DFIN_ENULL_ARGUMENT` for NULL; `DFIN_EINVALID_ARGUMENT` for text
    ///   longer than ``decimalInputMaximum``, invalid UTF-8 or text outside the grammar;
    ///   `DFIN_EOVERFLOW` for more than 38 digits or decimals.
    static func decimal(_ pointer: UnsafePointer<CChar>?, _ length: UInt, name: String) throws(ExportFailure) -> ExactDecimal {
        guard let pointer else { throw .nullArgument(name) }
        guard length <= decimalInputMaximum else {
            throw .invalidArgument(name, "expected at most \(decimalInputMaximum) bytes of decimal text, found \(length)")
        }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: Int(length))
        if let value = plainDecimal(bytes) { return value }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidArgument(name, "expected decimal text in UTF-8, found bytes that are not UTF-8")
        }
        do { return try ExactDecimal(parsing: text) } catch { throw ExportFailure(error, at: name) }
    }

    /// The common short case of ``decimal(_:_:)`` without a `String`: 1 to 18 ASCII digits
    /// with at most one `.` between two of them (`6.9`, `0`, `17.250`), read straight from
    /// the bytes into the same coefficient and scale as `ExactDecimal(parsing:)`; `nil` for
    /// anything else (signs, longer text, other bytes, errors), which the full parser then
    /// reads or rejects as before. `CTextTests` compares the two on random and malformed text.
    static func plainDecimal(_ bytes: UnsafeRawBufferPointer) -> ExactDecimal? {
        guard bytes.count >= 1, bytes.count <= 19 else { return nil }
        var coefficient: Int64 = 0, digits = 0, point = -1
        for offset in 0..<bytes.count {
            let byte = bytes[offset]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                guard digits <= 18 else { return nil }
                coefficient = coefficient * 10 + Int64(byte &- 0x30)
            } else if byte == 0x2E && point < 0 && offset > 0 && offset < bytes.count - 1 {
                point = offset
            } else {
                return nil
            }
        }
        return try? ExactDecimal(coefficient: Int128(coefficient), scale: point < 0 ? 0 : bytes.count - 1 - point)
    }

    /// A scale (decimal places) in 0…38.
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` at `scale` outside that range.
    static func scale(_ value: Int32) throws(ExportFailure) -> Int {
        guard (0...Int32(ExactDecimal.maximumScale)).contains(value) else {
            throw .invalidArgument("scale", "expected a scale from 0 to \(ExactDecimal.maximumScale), found \(value)")
        }
        return Int(value)
    }
}

extension ExactDecimal {
    /// The value rounded to a C scale by a `DFIN_ROUND_*` rule; `name` is the text's parameter.
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` for a scale outside 0…38, an unknown rule or an
    ///   inexact result under `requireExact`; `DFIN_EOVERFLOW` for more than 38 digits.
    func rounded(scale: Int32, roundingCode: Int32, name: String) throws(ExportFailure) -> ExactDecimal {
        let newScale = try CText.scale(scale)
        let rule = try RoundingRule(code: roundingCode)
        do { return try rounded(scale: newScale, rule: rule) } catch { throw ExportFailure(error, at: name) }
    }

    /// `units × 10^−scale` for a C scale.
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` for a scale outside 0…38.
    init(units: Int64, scale: Int32) throws(ExportFailure) {
        let checkedScale = try CText.scale(scale)
        do { self = try ExactDecimal(coefficient: Int128(units), scale: checkedScale) } catch { throw ExportFailure(error, at: "value") }
    }
}
