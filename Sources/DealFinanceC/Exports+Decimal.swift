// DealFinance — exact deal finance. DealFinanceC: the typed decimal calls dfin_decimal_validate,
// dfin_decimal_parse, dfin_decimal_format and dfin_decimal_round.
//
// These Swift functions are not Swift API; the C declarations in include/dealfinance.h are.

import DealFinance

/// `dfin_decimal_validate`: checks the Documentation/Reference/Values.md grammar and limits; reports the scale.
@c(dfin_decimal_validate)
public func dfinDecimalValidate(_ outScale: UnsafeMutablePointer<Int32>?,
                                _ text: UnsafePointer<CChar>?, _ textLength: UInt) -> Int32 {
    do throws(ExportFailure) {
        let value = try CText.decimal(text, textLength)
        outScale?.pointee = Int32(value.scale)
        return Status.ok
    } catch {
        return error.status
    }
}

/// `dfin_decimal_parse`: text → whole units of 10^−scale, rounded by a rule.
@c(dfin_decimal_parse)
public func dfinDecimalParse(_ out: UnsafeMutablePointer<Int64>?,
                             _ text: UnsafePointer<CChar>?, _ textLength: UInt,
                             _ scale: Int32, _ rounding: Int32) -> Int32 {
    do throws(ExportFailure) {
        guard let out else { throw .nullArgument }
        let rounded = try CText.decimal(text, textLength).rounded(scale: scale, roundingCode: rounding)
        guard let units = Int64(exactly: rounded.coefficient) else { throw .overflow }
        out.pointee = units
        return Status.ok
    } catch {
        return error.status
    }
}

/// `dfin_decimal_format`: whole units of 10^−scale → canonical text (caller buffer).
@c(dfin_decimal_format)
public func dfinDecimalFormat(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt,
                              _ outLength: UnsafeMutablePointer<UInt>?,
                              _ value: Int64, _ scale: Int32) -> Int32 {
    do throws(ExportFailure) {
        let buffer = try CBuffer(out: out, capacity: capacity, length: outLength)
        return buffer.deliver(try ExactDecimal(units: value, scale: scale).description, status: Status.ok)
    } catch {
        return error.status
    }
}

/// `dfin_decimal_round`: text → text with `scale` decimals, rounded by a rule (caller buffer).
@c(dfin_decimal_round)
public func dfinDecimalRound(_ out: UnsafeMutablePointer<CChar>?, _ capacity: UInt,
                             _ outLength: UnsafeMutablePointer<UInt>?,
                             _ text: UnsafePointer<CChar>?, _ textLength: UInt,
                             _ scale: Int32, _ rounding: Int32) -> Int32 {
    do throws(ExportFailure) {
        let buffer = try CBuffer(out: out, capacity: capacity, length: outLength)
        let rounded = try CText.decimal(text, textLength).rounded(scale: scale, roundingCode: rounding)
        return buffer.deliver(rounded.description, status: Status.ok)
    } catch {
        return error.status
    }
}
