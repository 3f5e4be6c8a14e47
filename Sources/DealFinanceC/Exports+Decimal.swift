// DealFinance — exact deal finance. DealFinanceC: the typed decimal calls dfin_decimal_validate,
// dfin_decimal_parse, dfin_decimal_format, dfin_decimal_round and their `_ex` forms, which also
// fill a caller's dfin_error.
//
// These Swift functions are not Swift API; the C declarations in include/dealfinance.h are.

import CDealFinance
import DealFinance

/// The typed decimal calls, each once for the plain and the `_ex` export.
enum DecimalCall {
    /// Checks the Documentation/Reference/Values.md grammar and limits; reports the scale.
    static func validate(_ outScale: UnsafeMutablePointer<Int32>?, _ text: UnsafePointer<CChar>?, _ textLength: UInt) throws(ExportFailure) {
        let value = try CText.decimal(text, textLength, name: "text")
        outScale?.pointee = Int32(value.scale)
    }

    /// Text → whole units of 10^−scale, rounded by a rule.
    static func parse(_ out: UnsafeMutablePointer<Int64>?, _ text: UnsafePointer<CChar>?, _ textLength: UInt,
                      _ scale: Int32, _ rounding: Int32) throws(ExportFailure) {
        guard let out else { throw .nullArgument("out") }
        let rounded = try CText.decimal(text, textLength, name: "text").rounded(scale: scale, roundingCode: rounding, name: "text")
        guard let units = Int64(exactly: rounded.coefficient) else {
            throw ExportFailure(status: Status.overflow, path: "text", message: "expected a value whose units of 10^-\(scale) fit an int64_t, found \(rounded)")
        }
        out.pointee = units
    }

    /// Whole units of 10^−scale → canonical text (caller buffer).
    static func format(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt, _ outLength: UnsafeMutablePointer<UInt>?,
                       _ value: Int64, _ scale: Int32) throws(ExportFailure) {
        let buffer = try CBuffer(out: out, capacity: capacity, length: outLength)
        try buffer.deliver(try ExactDecimal(units: value, scale: scale).description)
    }

    /// Text → text with `scale` decimals, rounded by a rule (caller buffer).
    static func round(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt, _ outLength: UnsafeMutablePointer<UInt>?,
                      _ text: UnsafePointer<CChar>?, _ textLength: UInt, _ scale: Int32, _ rounding: Int32) throws(ExportFailure) {
        let buffer = try CBuffer(out: out, capacity: capacity, length: outLength)
        let rounded = try CText.decimal(text, textLength, name: "text").rounded(scale: scale, roundingCode: rounding, name: "text")
        try buffer.deliver(rounded.description)
    }
}

/// `dfin_decimal_validate`: checks the Documentation/Reference/Values.md grammar and limits; reports the scale.
@c(dfin_decimal_validate)
public func dfinDecimalValidate(_ outScale: UnsafeMutablePointer<Int32>?,
                                _ text: UnsafePointer<CChar>?, _ textLength: UInt) -> Int32 {
    CError.report(nil) { () throws(ExportFailure) in try DecimalCall.validate(outScale, text, textLength) }
}

/// `dfin_decimal_validate_ex`: `dfin_decimal_validate` with the error's detail.
@c(dfin_decimal_validate_ex)
public func dfinDecimalValidateEx(_ outScale: UnsafeMutablePointer<Int32>?,
                                  _ text: UnsafePointer<CChar>?, _ textLength: UInt,
                                  _ error: UnsafeMutablePointer<dfin_error>?) -> Int32 {
    CError.report(error) { () throws(ExportFailure) in try DecimalCall.validate(outScale, text, textLength) }
}

/// `dfin_decimal_parse`: text → whole units of 10^−scale, rounded by a rule.
@c(dfin_decimal_parse)
public func dfinDecimalParse(_ out: UnsafeMutablePointer<Int64>?,
                             _ text: UnsafePointer<CChar>?, _ textLength: UInt,
                             _ scale: Int32, _ rounding: Int32) -> Int32 {
    CError.report(nil) { () throws(ExportFailure) in try DecimalCall.parse(out, text, textLength, scale, rounding) }
}

/// `dfin_decimal_parse_ex`: `dfin_decimal_parse` with the error's detail.
@c(dfin_decimal_parse_ex)
public func dfinDecimalParseEx(_ out: UnsafeMutablePointer<Int64>?,
                               _ text: UnsafePointer<CChar>?, _ textLength: UInt,
                               _ scale: Int32, _ rounding: Int32,
                               _ error: UnsafeMutablePointer<dfin_error>?) -> Int32 {
    CError.report(error) { () throws(ExportFailure) in try DecimalCall.parse(out, text, textLength, scale, rounding) }
}

/// `dfin_decimal_format`: whole units of 10^−scale → canonical text (caller buffer).
@c(dfin_decimal_format)
public func dfinDecimalFormat(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt,
                              _ outLength: UnsafeMutablePointer<UInt>?,
                              _ value: Int64, _ scale: Int32) -> Int32 {
    CError.report(nil) { () throws(ExportFailure) in try DecimalCall.format(out, capacity, outLength, value, scale) }
}

/// `dfin_decimal_format_ex`: `dfin_decimal_format` with the error's detail.
@c(dfin_decimal_format_ex)
public func dfinDecimalFormatEx(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt,
                                _ outLength: UnsafeMutablePointer<UInt>?,
                                _ value: Int64, _ scale: Int32,
                                _ error: UnsafeMutablePointer<dfin_error>?) -> Int32 {
    CError.report(error) { () throws(ExportFailure) in try DecimalCall.format(out, capacity, outLength, value, scale) }
}

/// `dfin_decimal_round`: text → text with `scale` decimals, rounded by a rule (caller buffer).
@c(dfin_decimal_round)
public func dfinDecimalRound(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt,
                             _ outLength: UnsafeMutablePointer<UInt>?,
                             _ text: UnsafePointer<CChar>?, _ textLength: UInt,
                             _ scale: Int32, _ rounding: Int32) -> Int32 {
    CError.report(nil) { () throws(ExportFailure) in try DecimalCall.round(out, capacity, outLength, text, textLength, scale, rounding) }
}

/// `dfin_decimal_round_ex`: `dfin_decimal_round` with the error's detail.
@c(dfin_decimal_round_ex)
public func dfinDecimalRoundEx(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt,
                               _ outLength: UnsafeMutablePointer<UInt>?,
                               _ text: UnsafePointer<CChar>?, _ textLength: UInt,
                               _ scale: Int32, _ rounding: Int32,
                               _ error: UnsafeMutablePointer<dfin_error>?) -> Int32 {
    CError.report(error) { () throws(ExportFailure) in try DecimalCall.round(out, capacity, outLength, text, textLength, scale, rounding) }
}
