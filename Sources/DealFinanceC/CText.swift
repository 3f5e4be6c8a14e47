// DealFinance — exact deal finance. DealFinanceC: reading C text (pointer + length) safely.

import DealFinance

/// Conversions of C inputs given as a pointer and a byte length (no NUL needed).
enum CText {
    /// Longest decimal text accepted, in bytes (`DFIN_DECIMAL_INPUT_MAX`).
    static let decimalInputMaximum: UInt = 1024

    /// The bytes at `pointer`; a length beyond `Int.max` is clamped (such a length is
    /// rejected by every reader by its count alone, before any byte is read).
    ///
    /// - Throws: `DFIN_ENULL_ARGUMENT` when `pointer` is NULL.
    static func bytes(_ pointer: UnsafePointer<CChar>?, _ length: UInt) throws(ExportFailure) -> UnsafeRawBufferPointer {
        guard let pointer else { throw .nullArgument }
        return UnsafeRawBufferPointer(start: pointer, count: Int(clamping: length))
    }

    /// The decimal written at `pointer` (SPEC §2 grammar).
    ///
    /// - Throws: `DFIN_ENULL_ARGUMENT` for NULL; `DFIN_EINVALID_ARGUMENT` for text longer than
    ///   ``decimalInputMaximum``, invalid UTF-8 or text outside the grammar; `DFIN_EOVERFLOW`
    ///   for more than 38 digits or decimals.
    static func decimal(_ pointer: UnsafePointer<CChar>?, _ length: UInt) throws(ExportFailure) -> ExactDecimal {
        guard let pointer else { throw .nullArgument }
        guard length <= decimalInputMaximum else { throw .invalidArgument }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: Int(length))
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidArgument }
        do { return try ExactDecimal(parsing: text) } catch { throw ExportFailure(error) }
    }

    /// A scale (decimal places) in 0…38.
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` outside that range.
    static func scale(_ value: Int32) throws(ExportFailure) -> Int {
        guard (0...Int32(ExactDecimal.maximumScale)).contains(value) else { throw .invalidArgument }
        return Int(value)
    }
}

extension ExactDecimal {
    /// The value rounded to a C scale by a `DFIN_ROUND_*` rule.
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` for a scale outside 0…38, an unknown rule or an
    ///   inexact result under `requireExact`; `DFIN_EOVERFLOW` for more than 38 digits.
    func rounded(scale: Int32, roundingCode: Int32) throws(ExportFailure) -> ExactDecimal {
        let newScale = try CText.scale(scale)
        let rule = try RoundingRule(code: roundingCode)
        do { return try rounded(scale: newScale, rule: rule) } catch { throw ExportFailure(error) }
    }

    /// `units × 10^−scale` for a C scale.
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` for a scale outside 0…38.
    init(units: Int64, scale: Int32) throws(ExportFailure) {
        let checkedScale = try CText.scale(scale)
        do { self = try ExactDecimal(coefficient: Int128(units), scale: checkedScale) } catch { throw ExportFailure(error) }
    }
}
