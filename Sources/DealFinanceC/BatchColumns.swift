// DealFinance — exact deal finance. DealFinanceC: reading the columns of a portfolio batch.

import DealFinance
import DealJSON

/// Conversions between batch columns (minor units, scaled rate coefficients, codes) and the
/// engine's values. Each column value becomes the `ExactDecimal` its JSON text would parse to.
enum BatchColumns {
    /// Largest scale of a rate column (an `int64_t` has at most 19 digits).
    static let maximumScale: Int32 = 18

    /// A column's scale, checked once per batch.
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` outside 0…18.
    static func scale(_ scale: Int32, name: String) throws(ExportFailure) -> Int {
        guard (0...maximumScale).contains(scale) else {
            throw .invalidArgument(name, "expected a scale from 0 to \(maximumScale), found \(scale)")
        }
        return Int(scale)
    }

    /// `value` × 10^−scale: a rate coefficient, or minor units at the currency's digits.
    static func decimal(_ value: Int64, scale: Int) -> ExactDecimal {
        // An Int64 has fewer than 38 digits and ``scale(_:name:)`` checked 0…18.
        ExactDecimal(checkedCoefficient: Int128(value), scale: scale)
    }

    /// A result amount in whole minor units.
    ///
    /// - Throws: `DFIN_EOVERFLOW` when it does not fit an `int64_t`; `DFIN_EINTERNAL` when it
    ///   has more decimals than the currency (the engine rounds every amount to them).
    static func minorUnits(_ value: ExactDecimal, digits: Int) throws(ExportFailure) -> Int64 {
        let scaled: ExactDecimal
        do { scaled = try value.rescaled(to: digits) } catch {
            throw ExportFailure(status: Status.internal, path: "", message: "the amount \(value) has more decimals than the currency's \(digits)")
        }
        guard let minor = Int64(exactly: scaled.coefficient) else {
            throw ExportFailure(status: Status.overflow, path: "", message: "expected an amount whose minor units fit an int64_t, found \(value)")
        }
        return minor
    }

    /// Makes `list` the one-element list `[element]`, overwriting the element in place when
    /// there is one (a batch refills one deal value, so only its first row allocates a list).
    static func setOnly<Element>(_ list: inout [Element], _ element: Element) {
        if list.count == 1 { list[0] = element } else { list = [element] }
    }

    /// The batch's currency: USD when no code is given.
    ///
    /// - Throws: `DFIN_ENULL_ARGUMENT` for NULL with a nonzero length; `DFIN_EINVALID_ARGUMENT`
    ///   for a code the engine does not know.
    static func currency(_ code: UnsafePointer<CChar>?, _ length: Int) throws(ExportFailure) -> Currency {
        if code == nil && length == 0 { return .usd }
        let bytes = try CText.bytes(code, UInt(length), name: "currency")
        guard bytes.count <= 8, let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidArgument("currency", "expected an ISO 4217 code of at most 8 UTF-8 bytes, found \(bytes.count) bytes")
        }
        do { return try Currency(code: text) } catch {
            throw ExportFailure(status: Status.of(error.code), path: "currency", message: error.message)
        }
    }
}

extension PaymentFrequency {
    /// The frequency a `DFIN_FREQUENCY_*` constant names (pinned values, JSON names' order).
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` for a value the header does not define.
    init(code: Int32) throws(ExportFailure) {
        switch code {
        case 0: self = .monthly
        case 1: self = .semimonthly
        case 2: self = .biweekly
        case 3: self = .weekly
        case 4: self = .quarterly
        case 5: self = .semiannual
        case 6: self = .annual
        default: throw .invalidArgument("frequency", "expected a DFIN_FREQUENCY_* code from 0 to 6, found \(code)")
        }
    }
}
