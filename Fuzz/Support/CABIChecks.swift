// DealFinance — exact deal finance. _DealFuzzSupport: invariants of the C entry points.
//
// The checks call the @c functions of DealFinanceC (the code behind include/dealfinance.h)
// with C pointers the harness allocates to the exact capacity, so AddressSanitizer sees any
// write past a caller buffer.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDealFinance
import DealFinance
import DealFinanceC

extension FuzzChecks {
    /// The C entry points. The first byte picks the surface, the next bytes sizes, scales,
    /// rules and counts; the rest is the text.
    ///
    /// - 0: `dfin_calculate` and `dfin_calculate_buffer` with a capacity from bytes 1–2.
    /// - 1: `dfin_decimal_validate`, `_parse`, `_round` (into a buffer of random capacity), `_format`.
    /// - 2: `dfin_loan_payment`, `_minor` and `_batch` on three texts separated by 0xFF.
    public static func cABI(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 4 else { return nil }
        let header = Array(bytes.prefix(4))
        let rest = UnsafeBufferPointer(rebasing: bytes[4...])
        switch header[0] % 3 {
        case 0: return calculateChecks(rest, capacity: Int(header[1]) << 8 | Int(header[2]) , small: header[3])
        case 1: return decimalChecks(rest, scale: Int32(Int8(bitPattern: header[1])), rule: Int32(header[2] % 12), capacity: Int(header[3]))
        default: return loanChecks(rest, header)
        }
    }

    static let statuses: ClosedRange<Int32> = 0...8

    /// Calls `body` with the text as a C pointer (never NULL, even when empty).
    static func withText<R>(_ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>, UInt) -> R) -> R {
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: max(text.count, 1))
        defer { copy.deallocate() }
        if let base = text.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: text.count) }
        return body(copy, UInt(text.count))
    }

    static func calculateChecks(_ request: UnsafeBufferPointer<UInt8>, capacity rawCapacity: Int, small: UInt8) -> String? {
        withText(request) { pointer, length in
            var answer: UnsafeMutablePointer<CChar>? = nil
            var answerLength: UInt = 0
            let status = dfinCalculate(&answer, &answerLength, pointer, length)
            guard status != 8, statuses.contains(status), let answer else { return "dfin_calculate returned \(status)" }
            defer { dfinStringFree(answer) }
            guard strlen(answer) == Int(answerLength) else { return "dfin_calculate: length \(answerLength) but strlen \(strlen(answer))" }
            let text = String(cString: answer)
            if status == 0, text.hasPrefix("{\"error\"") { return "status ok with an error object" }
            if status != 0, !text.hasPrefix("{\"error\"") { return "status \(status) without an error object" }
            // Capacities: mostly near the answer's length (the interesting boundary).
            let capacity: Int
            switch small % 4 {
            case 0: capacity = Int(answerLength) + 1
            case 1: capacity = Int(answerLength)
            case 2: capacity = rawCapacity % (Int(answerLength) + 2)
            default: capacity = rawCapacity
            }
            let buffer = capacity == 0 ? nil : UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
            defer { buffer?.deallocate() }
            buffer?.initialize(repeating: 0x5A, count: capacity)
            var bufferLength: UInt = 12345
            let bufferStatus = dfinCalculateBuffer(buffer, UInt(capacity), &bufferLength, pointer, length)
            guard bufferLength == answerLength else { return "dfin_calculate_buffer length \(bufferLength) ≠ \(answerLength)" }
            if capacity < Int(answerLength) + 1 {
                guard bufferStatus == 6 else { return "capacity \(capacity) < \(answerLength + 1) but status \(bufferStatus)" }
                if let buffer, (0..<capacity).contains(where: { buffer[$0] != 0x5A }) { return "buffer written although too small" }
            } else {
                guard bufferStatus == status else { return "dfin_calculate_buffer status \(bufferStatus) ≠ \(status)" }
                guard let buffer, buffer[Int(answerLength)] == 0, String(cString: buffer) == text else { return "dfin_calculate_buffer text differs" }
            }
            return nil
        }
    }

    static func decimalChecks(_ text: UnsafeBufferPointer<UInt8>, scale: Int32, rule: Int32, capacity: Int) -> String? {
        withText(text) { pointer, length in
            var textScale: Int32 = -1
            let valid = dfinDecimalValidate(&textScale, pointer, length)
            guard statuses.contains(valid) else { return "validate returned \(valid)" }
            let swift = String(validating: text, as: UTF8.self).flatMap { length <= 1024 ? try? ExactDecimal(parsing: $0) : nil }
            if (valid == 0) != (swift != nil) { return "validate \(valid) disagrees with ExactDecimal(parsing:)" }
            if let swift, Int(textScale) != swift.scale { return "validate scale \(textScale) ≠ \(swift.scale)" }
            var minor: Int64 = 0
            let parsed = dfinDecimalParse(&minor, pointer, length, scale, rule)
            guard statuses.contains(parsed) else { return "parse returned \(parsed)" }
            if parsed == 0 {
                guard valid == 0 else { return "parse accepted text validate rejected" }
                // Format the minor units back and parse them exactly: the same value.
                var formatted = [CChar](repeating: 0, count: 48)
                var formattedLength: UInt = 0
                let status = dfinDecimalFormat(&formatted, 48, &formattedLength, minor, scale)
                guard status == 0 else { return "format of parse's \(minor) at scale \(scale) returned \(status)" }
                var back: Int64 = 0
                let again = formatted.withUnsafeBufferPointer { dfinDecimalParse(&back, $0.baseAddress, formattedLength, scale, 10) }
                let formattedText = String(decoding: formatted.prefix(Int(formattedLength)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                guard again == 0, back == minor else { return "parse∘format: \(minor) → \(formattedText) → \(back) (\(again))" }
                if rule == 10, let swift, (try? ExactDecimal(parsing: formattedText)) != swift {
                    return "requireExact parse changed the value"
                }
            }
            let buffer = capacity == 0 ? nil : UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
            defer { buffer?.deallocate() }
            var roundedLength: UInt = 0
            let rounded = dfinDecimalRound(buffer, UInt(capacity), &roundedLength, pointer, length, scale, rule)
            guard statuses.contains(rounded) else { return "round returned \(rounded)" }
            if rounded == 0 {
                guard let buffer, Int(roundedLength) < capacity, buffer[Int(roundedLength)] == 0, roundedLength <= 41 else { return "round: bad length \(roundedLength)" }
                let out = String(cString: buffer)
                guard let value = try? ExactDecimal(parsing: out), value.scale == Int(scale) else { return "round wrote \(out.debugDescription) for scale \(scale)" }
            } else if rounded == 6 {
                guard Int(roundedLength) + 1 > capacity else { return "round: buffer_too_small with room" }
            }
            var formattedLength: UInt = 0
            let small = capacity == 0 ? nil : UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
            defer { small?.deallocate() }
            let formatStatus = dfinDecimalFormat(small, UInt(capacity), &formattedLength, Int64(truncatingIfNeeded: capacity &* 7919 &- 40000), scale)
            guard statuses.contains(formatStatus) else { return "format returned \(formatStatus)" }
            return nil
        }
    }

    static func loanChecks(_ rest: UnsafeBufferPointer<UInt8>, _ header: [UInt8]) -> String? {
        let parts = rest.split(separator: 0xFF, maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let principal = UnsafeBufferPointer(rebasing: parts[0]), balloon = UnsafeBufferPointer(rebasing: parts[1]), apr = UnsafeBufferPointer(rebasing: parts[2])
        let extra = parts.count > 3 ? Array(parts[3]) : []
        func byte(_ index: Int) -> UInt8 { index < extra.count ? extra[index] : 0 }
        let term = Int32(Int16(bitPattern: UInt16(byte(0)) << 8 | UInt16(byte(1))))
        let periods: [Int32] = [12, 1, 2, 4, 6, 24, 26, 52, 365, 0, 366, -1]
        let perYear = periods[Int(header[1]) % periods.count]
        let timing = Int32(header[2] % 3)
        let rule = Int32(header[3] % 12)
        let digits = Int32(byte(2) % 6)
        return withText(principal) { principalPointer, principalLength in
            withText(balloon) { balloonPointer, balloonLength in
                withText(apr) { aprPointer, aprLength in
                    var payment: Int64 = -1
                    let status = dfinLoanPayment(&payment, principalPointer, principalLength,
                                                 balloonLength == 0 ? nil : balloonPointer, balloonLength,
                                                 aprPointer, aprLength, term, perYear, timing, rule, digits)
                    guard statuses.contains(status), status != 8 else { return "dfin_loan_payment returned \(status)" }
                    // The _ex form: the same status and payment, and a detail that matches.
                    var detailed: Int64 = -1
                    var error = dfin_error()
                    let detailedStatus = dfinLoanPaymentEx(&detailed, principalPointer, principalLength,
                                                           balloonLength == 0 ? nil : balloonPointer, balloonLength,
                                                           aprPointer, aprLength, term, perYear, timing, rule, digits, &error)
                    guard detailedStatus == status, error.status == status, status != 0 || detailed == payment else {
                        return "dfin_loan_payment_ex: \(detailedStatus) (detail \(error.status)) \(detailed) ≠ \(status) \(payment)"
                    }
                    let pathEnds = withUnsafeBytes(of: &error.path) { $0.contains(0) }, messageEnds = withUnsafeBytes(of: &error.message) { $0.contains(0) }
                    let messageEmpty = withUnsafeBytes(of: &error.message) { $0[0] == 0 }
                    guard pathEnds, messageEnds, messageEmpty == (status == 0) else { return "dfin_error not terminated, or a message on success / none on failure" }
                    guard status == 0 else { return nil }
                    guard payment >= 0 else { return "negative payment \(payment)" }
                    // The same deal in minor units, alone and as a batch of one.
                    var principalMinor: Int64 = 0, balloonMinor: Int64 = 0
                    guard dfinDecimalParse(&principalMinor, principalPointer, principalLength, digits, 10) == 0 else { return "principal accepted but not exact in minor units" }
                    if balloonLength > 0, dfinDecimalParse(&balloonMinor, balloonPointer, balloonLength, digits, 10) != 0 { return "balloon accepted but not exact in minor units" }
                    var minor: Int64 = -1
                    let minorStatus = dfinLoanPaymentMinor(&minor, principalMinor, balloonMinor, aprPointer, aprLength, term, perYear, timing, rule, digits)
                    guard minorStatus == 0, minor == payment else { return "dfin_loan_payment_minor: \(minorStatus) \(minor) ≠ \(payment)" }
                    var batchPayment: Int64 = -1
                    var batchStatus: Int32 = -1
                    var principals = [principalMinor], balloons = [balloonMinor], terms = [term], lengths = [aprLength]
                    var aprs: [UnsafePointer<CChar>?] = [aprPointer]
                    let overall = dfinLoanPaymentBatch(&batchPayment, &batchStatus, 1, &principals, &balloons, &aprs, &lengths, &terms, perYear, timing, rule, digits)
                    guard overall == 0, batchStatus == 0, batchPayment == payment else { return "dfin_loan_payment_batch: \(overall) \(batchStatus) \(batchPayment) ≠ \(payment)" }
                    return nil
                }
            }
        }
    }
}
