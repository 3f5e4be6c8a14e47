// DealFinance — DealFinanceCTests: Exports+Loan.swift, dfin_loan_payment_batch (with its
// per-call rate cache and integer checks) against dfin_loan_payment_minor deal by deal.

import Testing
import DealFinance
import DealJSON
@testable import DealFinanceC

@Suite("C ABI loan payment batch")
struct LoanBatchTests {
    /// Runs one batch and every deal alone; their payments and statuses must agree.
    private func compare(principals: [Int64], balloons: [Int64], aprs: [String], terms: [Int32],
                         periodsPerYear: Int32, timing: Int32, rounding: Int32, minorDigits: Int32) -> Int {
        let count = principals.count
        var payments = [Int64](repeating: -1, count: count), statuses = [Int32](repeating: -1, count: count)
        let texts = aprs.map { Array($0.utf8CString) }
        let buffers = texts.map { text -> UnsafeMutablePointer<CChar> in
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: text.count)
            buffer.initialize(from: text, count: text.count)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        let pointers = buffers.map { UnsafePointer($0) }
        let lengths = aprs.map { UInt($0.utf8.count) }
        let optionalPointers: [UnsafePointer<CChar>?] = pointers
        let batchStatus = dfinLoanPaymentBatch(&payments, &statuses, UInt(count), principals, balloons, optionalPointers, lengths, terms,
                                               periodsPerYear, timing, rounding, minorDigits)
        var firstFailure = Status.ok, okCount = 0
        for k in 0..<count {
            var alone: Int64 = -1
            let status = dfinLoanPaymentMinor(&alone, principals[k], balloons[k], pointers[k], lengths[k], terms[k],
                                              periodsPerYear, timing, rounding, minorDigits)
            #expect(statuses[k] == status, "deal \(k): \(principals[k]) \(balloons[k]) \(aprs[k]) \(terms[k]) m=\(periodsPerYear)")
            #expect(payments[k] == (status == Status.ok ? alone : 0), "deal \(k): \(principals[k]) \(aprs[k]) \(terms[k])")
            if status == Status.ok { okCount += 1 } else if firstFailure == Status.ok { firstFailure = status }
        }
        #expect(batchStatus == firstFailure)
        return okCount
    }

    @Test("Random deals, repeated and distinct rates, invalid deals and parameters: the batch equals the single calls")
    func batchEqualsSingleCalls() {
        var state: UInt64 = 0x0BA7_C4ED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // A small rate sheet (repeats: cache hits), many distinct rates, and texts
        // the shortcut must leave to the full call.
        let sheet = ["0", "3.9", "6.99", "12", "17.250", "100", "0.0000000001"]
        let odd = ["100.01", "-1", "6.9x", "", "1.", "0.00000000001", "007.5", "99.9999999999",
                   "12345678901234567890", "6.9000000000000000", "3.141592653"]
        var ok = 0
        for round in 0..<60 {
            let count = 1 + next(400)
            var principals: [Int64] = [], balloons: [Int64] = [], aprs: [String] = [], terms: [Int32] = []
            for _ in 0..<count {
                let principal = [Int64(next(5_000_000_00)) + 1, 0, -5, 99_999_999_999_999, 100_000_000_000_000, Int64.max][next(40) < 35 ? 0 : next(6)]
                principals.append(principal)
                balloons.append(next(5) == 0 ? [0, principal / 3, principal, -1, principal - 1][next(5)] : 0)
                switch next(10) {
                case 0..<5: aprs.append(sheet[next(sheet.count)])
                case 5..<9: aprs.append("\(next(30)).\(next(1000))")
                default: aprs.append(odd[next(odd.count)])
                }
                terms.append(next(30) == 0 ? [0, -1, 1200, 1201][next(4)] : Int32(1 + next(96)))
            }
            let periods: Int32 = round % 10 == 9 ? [0, 366, 365][next(3)] : [12, 26, 52, 24, 4, 2, 1][next(7)]
            let timing: Int32 = round % 13 == 12 ? 7 : Int32(next(2))
            let rounding: Int32 = round % 11 == 10 ? 99 : Int32(next(10))
            let digits: Int32 = round % 17 == 16 ? 5 : [2, 0, 3, 4][next(4)]
            ok += compare(principals: principals, balloons: balloons, aprs: aprs, terms: terms,
                          periodsPerYear: periods, timing: timing, rounding: rounding, minorDigits: digits)
        }
        #expect(ok > 5_000)
    }

    @Test("A rate sheet's texts shared by address in any order (the address table) give the single calls' payments")
    func sharedRateTextsInAnyOrder() {
        var state: UInt64 = 0x5EED_0F_7A7E
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // 300 distinct texts (more than the table waits for), a few invalid, one buffer each.
        let texts = (0..<300).map { $0 % 50 == 49 ? "6.9x" : "\($0 / 12).\($0 % 100)" }
        let buffers = texts.map { text -> UnsafeMutablePointer<CChar> in
            let bytes = Array(text.utf8CString)
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        let count = 20_000
        var principals: [Int64] = [], aprs: [UnsafePointer<CChar>?] = [], lengths: [UInt] = [], terms: [Int32] = []
        for _ in 0..<count {
            let pick = next(texts.count)
            principals.append(Int64(1 + next(8_000_000)))
            aprs.append(UnsafePointer(buffers[pick]))
            lengths.append(UInt(texts[pick].utf8.count))
            terms.append(Int32(1 + next(84)))
        }
        var payments = [Int64](repeating: -1, count: count), statuses = [Int32](repeating: -1, count: count)
        _ = dfinLoanPaymentBatch(&payments, &statuses, UInt(count), principals, nil, aprs, lengths, terms, 12, 0, 7, 2)
        var mismatches = 0, ok = 0
        for k in 0..<count {
            var alone: Int64 = -1
            let status = dfinLoanPaymentMinor(&alone, principals[k], 0, aprs[k], lengths[k], terms[k], 12, 0, 7, 2)
            if status != statuses[k] || (status == Status.ok && alone != payments[k]) { mismatches += 1 }
            if status == Status.ok { ok += 1 }
        }
        #expect(mismatches == 0)
        #expect(ok > 18_000 && ok < count)
    }
}
