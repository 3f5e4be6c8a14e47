// DealFinance — exact deal finance. DealFinanceC: the `dfin_rounding` and `dfin_timing` constants.

import DealFinance

extension RoundingRule {
    /// The rule a `DFIN_ROUND_*` constant names (pinned values, same words as the cases).
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` for a value the header does not define.
    init(code: Int32) throws(ExportFailure) {
        switch code {
        case 0: self = .down
        case 1: self = .up
        case 2: self = .towardZero
        case 3: self = .awayFromZero
        case 4: self = .toNearestOrDown
        case 5: self = .toNearestOrUp
        case 6: self = .toNearestOrZero
        case 7: self = .toNearestOrAway
        case 8: self = .toNearestOrEven
        case 9: self = .toOdd
        case 10: self = .requireExact
        default: throw .invalidArgument("rounding", "expected a DFIN_ROUND_* constant from 0 to 10, found \(code)")
        }
    }
}

extension PaymentTiming {
    /// The timing a `DFIN_TIMING_*` constant names: 0 arrears, 1 advance.
    ///
    /// - Throws: `DFIN_EINVALID_ARGUMENT` for any other value.
    init(code: Int32) throws(ExportFailure) {
        switch code {
        case 0: self = .arrears
        case 1: self = .advance
        default: throw .invalidArgument("timing", "expected DFIN_TIMING_ARREARS (0) or DFIN_TIMING_ADVANCE (1), found \(code)")
        }
    }
}
