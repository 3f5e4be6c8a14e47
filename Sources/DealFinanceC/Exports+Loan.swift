// DealFinance — exact deal finance. DealFinanceC: the typed loan payment calls dfin_loan_payment,
// dfin_loan_payment_minor, dfin_loan_payment_batch and their `_ex` forms, which also fill a
// caller's dfin_error.
//
// These Swift functions are not Swift API; the C declarations in include/dealfinance.h are.

import CDealFinance
import DealFinance

/// The conversions around `LevelPayment.loan(…)` (DealEngine validates and computes).
enum LoanPaymentCall {
    /// The shared C parameters of every loan payment call.
    struct Terms {
        let term: Int32
        let periodsPerYear: Int32
        let timing: Int32
        let rounding: Int32
        let minorDigits: Int32
    }

    /// The principal and balloon as the C caller gave them.
    enum Amounts {
        /// Decimal text of major units, parsed.
        case decimal(principal: ExactDecimal, balloon: ExactDecimal)
        /// Whole minor units.
        case minorUnits(principal: Int64, balloon: Int64)
    }

    /// The payment in minor units.
    static func payment(_ amounts: Amounts, apr: ExactDecimal, terms: Terms) throws(ExportFailure) -> Int64 {
        let timing = try PaymentTiming(code: terms.timing)
        let rule = try RoundingRule(code: terms.rounding)
        let minor: Int128
        do {
            let problem: LevelPayment
            switch amounts {
            case .decimal(let principal, let balloon):
                problem = try LevelPayment.loan(principal: principal, balloon: balloon, annualPercentage: apr,
                                                numberOfPayments: Int(terms.term), periodsPerYear: Int(terms.periodsPerYear),
                                                timing: timing, minorUnitDigits: Int(terms.minorDigits))
            case .minorUnits(let principal, let balloon):
                problem = try LevelPayment.loan(principal: Int128(principal), balloon: Int128(balloon), annualPercentage: apr,
                                                numberOfPayments: Int(terms.term), periodsPerYear: Int(terms.periodsPerYear),
                                                timing: timing, minorUnitDigits: Int(terms.minorDigits))
            }
            minor = try problem.payment(rule: rule)
        } catch {
            throw ExportFailure(error)
        }
        guard let payment = Int64(exactly: minor) else {
            throw ExportFailure(status: Status.overflow, path: "", message: "expected a payment that fits an int64_t in minor units, found \(minor)")
        }
        return payment
    }
}

extension LoanPaymentCall {
    /// `dfin_loan_payment`'s work: decimal texts → payment in minor units.
    static func decimal(_ out: UnsafeMutablePointer<Int64>?,
                        _ principal: UnsafePointer<CChar>?, _ principalLength: UInt,
                        _ balloon: UnsafePointer<CChar>?, _ balloonLength: UInt,
                        _ apr: UnsafePointer<CChar>?, _ aprLength: UInt, terms: Terms) throws(ExportFailure) {
        guard let out else { throw .nullArgument("out") }
        let principalValue = try CText.decimal(principal, principalLength, name: "principal")
        let balloonValue = balloon == nil && balloonLength == 0 ? ExactDecimal.zero : try CText.decimal(balloon, balloonLength, name: "balloon")
        let aprValue = try CText.decimal(apr, aprLength, name: "apr")
        out.pointee = try payment(.decimal(principal: principalValue, balloon: balloonValue), apr: aprValue, terms: terms)
    }

    /// `dfin_loan_payment_minor`'s work: minor units → payment in minor units.
    static func minor(_ out: UnsafeMutablePointer<Int64>?, _ principal: Int64, _ balloon: Int64,
                      _ apr: UnsafePointer<CChar>?, _ aprLength: UInt, terms: Terms) throws(ExportFailure) {
        guard let out else { throw .nullArgument("out") }
        let aprValue = try CText.decimal(apr, aprLength, name: "apr")
        out.pointee = try payment(.minorUnits(principal: principal, balloon: balloon), apr: aprValue, terms: terms)
    }

    /// `dfin_loan_payment_batch`'s work: every deal priced, statuses per deal; the first
    /// failure (its path naming the deal's array element, `aprs[3]`) is thrown after all.
    static func batch(_ outPayments: UnsafeMutablePointer<Int64>?, _ outStatuses: UnsafeMutablePointer<Int32>?,
                      _ count: UInt,
                      _ principals: UnsafePointer<Int64>?, _ balloons: UnsafePointer<Int64>?,
                      _ aprs: UnsafePointer<UnsafePointer<CChar>?>?, _ aprLengths: UnsafePointer<UInt>?,
                      _ terms: UnsafePointer<Int32>?,
                      _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32, _ minorDigits: Int32) throws(ExportFailure) {
        guard count > 0 else { return }
        guard let outPayments else { throw .nullArgument("out_payments") }
        guard let outStatuses else { throw .nullArgument("out_statuses") }
        guard let principals else { throw .nullArgument("principals") }
        guard let aprs else { throw .nullArgument("aprs") }
        guard let aprLengths else { throw .nullArgument("apr_lengths") }
        guard let terms else { throw .nullArgument("terms") }
        guard count <= UInt(Int.max) else { throw .invalidArgument("count", "expected at most \(Int.max) deals, found \(count)") }
        var first: ExportFailure?
        // Deals the shortcut accepts skip the per-deal parsing and rate reduction; every other
        // deal (and every deal when a shared parameter is invalid) takes the full call below,
        // which gives its status.
        let shortcut = LoanBatchShortcut(periodsPerYear: periodsPerYear, timing: timing, rounding: rounding, minorDigits: minorDigits)
        var rates = LoanBatchShortcut.RateCache()
        for index in 0..<Int(count) {
            let principal = principals[index], balloon: Int64 = if let balloons { balloons[index] } else { 0 }
            if let shortcut, let payment = shortcut.payment(principal: principal, balloon: balloon, term: terms[index],
                                                            apr: aprs[index], aprLength: aprLengths[index], rates: &rates) {
                outPayments[index] = payment
                outStatuses[index] = Status.ok
                continue
            }
            do throws(ExportFailure) {
                let apr = try CText.decimal(aprs[index], aprLengths[index], name: "apr")
                let dealTerms = Terms(term: terms[index], periodsPerYear: periodsPerYear, timing: timing,
                                      rounding: rounding, minorDigits: minorDigits)
                outPayments[index] = try payment(.minorUnits(principal: principal, balloon: balloon), apr: apr, terms: dealTerms)
                outStatuses[index] = Status.ok
            } catch {
                outPayments[index] = 0
                outStatuses[index] = error.status
                if first == nil { first = error.inBatch(at: index) }
            }
        }
        if let first { throw first }
    }
}

/// `dfin_loan_payment`: principal and balloon as decimal text → payment in minor units.
@c(dfin_loan_payment)
public func dfinLoanPayment(_ out: UnsafeMutablePointer<Int64>?,
                            _ principal: UnsafePointer<CChar>?, _ principalLength: UInt,
                            _ balloon: UnsafePointer<CChar>?, _ balloonLength: UInt,
                            _ apr: UnsafePointer<CChar>?, _ aprLength: UInt,
                            _ term: Int32, _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32,
                            _ minorDigits: Int32) -> Int32 {
    let terms = LoanPaymentCall.Terms(term: term, periodsPerYear: periodsPerYear, timing: timing, rounding: rounding, minorDigits: minorDigits)
    return CError.report(nil) { () throws(ExportFailure) in
        try LoanPaymentCall.decimal(out, principal, principalLength, balloon, balloonLength, apr, aprLength, terms: terms)
    }
}

/// `dfin_loan_payment_ex`: `dfin_loan_payment` with the error's detail.
@c(dfin_loan_payment_ex)
public func dfinLoanPaymentEx(_ out: UnsafeMutablePointer<Int64>?,
                              _ principal: UnsafePointer<CChar>?, _ principalLength: UInt,
                              _ balloon: UnsafePointer<CChar>?, _ balloonLength: UInt,
                              _ apr: UnsafePointer<CChar>?, _ aprLength: UInt,
                              _ term: Int32, _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32,
                              _ minorDigits: Int32, _ error: UnsafeMutablePointer<dfin_error>?) -> Int32 {
    let terms = LoanPaymentCall.Terms(term: term, periodsPerYear: periodsPerYear, timing: timing, rounding: rounding, minorDigits: minorDigits)
    return CError.report(error) { () throws(ExportFailure) in
        try LoanPaymentCall.decimal(out, principal, principalLength, balloon, balloonLength, apr, aprLength, terms: terms)
    }
}

/// `dfin_loan_payment_minor`: principal and balloon in minor units → payment in minor units.
@c(dfin_loan_payment_minor)
public func dfinLoanPaymentMinor(_ out: UnsafeMutablePointer<Int64>?, _ principal: Int64, _ balloon: Int64,
                                 _ apr: UnsafePointer<CChar>?, _ aprLength: UInt,
                                 _ term: Int32, _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32,
                                 _ minorDigits: Int32) -> Int32 {
    let terms = LoanPaymentCall.Terms(term: term, periodsPerYear: periodsPerYear, timing: timing, rounding: rounding, minorDigits: minorDigits)
    return CError.report(nil) { () throws(ExportFailure) in try LoanPaymentCall.minor(out, principal, balloon, apr, aprLength, terms: terms) }
}

/// `dfin_loan_payment_minor_ex`: `dfin_loan_payment_minor` with the error's detail.
@c(dfin_loan_payment_minor_ex)
public func dfinLoanPaymentMinorEx(_ out: UnsafeMutablePointer<Int64>?, _ principal: Int64, _ balloon: Int64,
                                   _ apr: UnsafePointer<CChar>?, _ aprLength: UInt,
                                   _ term: Int32, _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32,
                                   _ minorDigits: Int32, _ error: UnsafeMutablePointer<dfin_error>?) -> Int32 {
    let terms = LoanPaymentCall.Terms(term: term, periodsPerYear: periodsPerYear, timing: timing, rounding: rounding, minorDigits: minorDigits)
    return CError.report(error) { () throws(ExportFailure) in try LoanPaymentCall.minor(out, principal, balloon, apr, aprLength, terms: terms) }
}

/// `dfin_loan_payment_batch`: N deals in minor units → N payments and N statuses.
@c(dfin_loan_payment_batch)
public func dfinLoanPaymentBatch(_ outPayments: UnsafeMutablePointer<Int64>?, _ outStatuses: UnsafeMutablePointer<Int32>?,
                                 _ count: UInt,
                                 _ principals: UnsafePointer<Int64>?, _ balloons: UnsafePointer<Int64>?,
                                 _ aprs: UnsafePointer<UnsafePointer<CChar>?>?, _ aprLengths: UnsafePointer<UInt>?,
                                 _ terms: UnsafePointer<Int32>?,
                                 _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32, _ minorDigits: Int32) -> Int32 {
    CError.report(nil) { () throws(ExportFailure) in
        try LoanPaymentCall.batch(outPayments, outStatuses, count, principals, balloons, aprs, aprLengths, terms,
                                  periodsPerYear, timing, rounding, minorDigits)
    }
}

/// `dfin_loan_payment_batch_ex`: `dfin_loan_payment_batch` with the first failure's detail.
@c(dfin_loan_payment_batch_ex)
public func dfinLoanPaymentBatchEx(_ outPayments: UnsafeMutablePointer<Int64>?, _ outStatuses: UnsafeMutablePointer<Int32>?,
                                   _ count: UInt,
                                   _ principals: UnsafePointer<Int64>?, _ balloons: UnsafePointer<Int64>?,
                                   _ aprs: UnsafePointer<UnsafePointer<CChar>?>?, _ aprLengths: UnsafePointer<UInt>?,
                                   _ terms: UnsafePointer<Int32>?,
                                   _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32, _ minorDigits: Int32,
                                   _ error: UnsafeMutablePointer<dfin_error>?) -> Int32 {
    CError.report(error) { () throws(ExportFailure) in
        try LoanPaymentCall.batch(outPayments, outStatuses, count, principals, balloons, aprs, aprLengths, terms,
                                  periodsPerYear, timing, rounding, minorDigits)
    }
}

/// The common case of `dfin_loan_payment_batch` without per-deal overhead: the shared
/// parameters checked once, each distinct APR text parsed and reduced to its periodic rate
/// once (rate sheets repeat rates), and the principal, balloon and term checked on the
/// integers by the same functions `LevelPayment.loan` calls (`LevelPayment.isValid…`, one
/// implementation of each rule). It answers only deals that `LevelPayment.loan` accepts with
/// the same problem (`nil` otherwise, and the full call decides), so payments and statuses
/// are those of the per-deal path; `LoanBatchTests` compares the batch with
/// `dfin_loan_payment_minor` deal by deal, invalid deals included.
struct LoanBatchShortcut {
    let periodsPerYear: Int
    let timing: PaymentTiming
    let rule: RoundingRule
    /// The largest principal in minor units (`LevelPayment.loan`'s bound).
    let largest: Int128

    /// Nil when a shared parameter is invalid (then every deal takes the full call).
    init?(periodsPerYear: Int32, timing: Int32, rounding: Int32, minorDigits: Int32) {
        guard LevelPayment.isValidMinorUnitDigits(Int(minorDigits)), LevelPayment.isValidPeriodsPerYear(Int(periodsPerYear)),
              let timing = try? PaymentTiming(code: timing), let rule = try? RoundingRule(code: rounding) else { return nil }
        self.periodsPerYear = Int(periodsPerYear)
        self.timing = timing
        self.rule = rule
        self.largest = LevelPayment.largestPrincipal(minorUnitDigits: Int(minorDigits))
    }

    /// The payment, or nil when the full call must decide (invalid input, overflow, a
    /// requireExact payment that is not whole).
    func payment(principal: Int64, balloon: Int64, term: Int32, apr: UnsafePointer<CChar>?, aprLength: UInt,
                 rates: inout RateCache) -> Int64? {
        guard LevelPayment.isValidPrincipal(Int128(principal), largest: largest),
              LevelPayment.isValidBalloon(Int128(balloon), principal: Int128(principal)),
              LevelPayment.isValidNumberOfPayments(Int(term)),
              let apr, let rate = rates.rate(apr, aprLength, periodsPerYear: periodsPerYear) else { return nil }
        let problem = LevelPayment(principal: Int128(principal), balloon: Int128(balloon), rate: rate,
                                   numberOfPayments: Int(term), timing: timing)
        guard let minor = try? problem.payment(rule: rule) else { return nil }
        return Int64(exactly: minor)
    }

    /// The periodic rate of the previous deal's APR text (rate sheets list deals by rate, so
    /// consecutive deals often repeat it): reused when the next text has the same bytes.
    ///
    /// Rate sheets also pass the same few thousand texts in any order: after a few distinct
    /// texts, rates are also kept by the text's address (within one call the bytes at an
    /// address cannot change), in a direct-mapped table allocated once per call.
    struct RateCache {
        private typealias Entry = (pointer: UnsafePointer<CChar>, length: Int, rate: PeriodicRate)
        private var last: Entry?
        /// Rates by text address, empty until `misses` reaches `tableAfter`.
        private var byAddress: [Entry?] = []
        private var misses = 0
        /// log2 of the slots of `byAddress`, and the distinct texts before it is made.
        private static let slotBits = 13, tableAfter = 16

        /// The rate of the text, parsed and reduced unless it repeats the previous deal's or
        /// an earlier text at the same address; nil when the text is not a valid rate (the
        /// full call then reports why).
        mutating func rate(_ pointer: UnsafePointer<CChar>, _ length: UInt, periodsPerYear: Int) -> PeriodicRate? {
            if let last, last.length == Int(length), last.pointer == pointer || Self.sameBytes(last.pointer, pointer, last.length) {
                return last.rate
            }
            // Fibonacci hashing of the address: its top slotBits bits.
            let slot = Int(truncatingIfNeeded: (UInt(bitPattern: Int(bitPattern: pointer)) &* 0x9E37_79B9_7F4A_7C15) >> (UInt.bitWidth - Self.slotBits))
            if !byAddress.isEmpty, let entry = byAddress[slot], entry.pointer == pointer, entry.length == Int(length) {
                last = entry
                return entry.rate
            }
            guard let rate = Self.reduce(pointer, length, periodsPerYear: periodsPerYear) else { return nil }
            let entry: Entry = (pointer, Int(length), rate)
            last = entry
            misses += 1
            if byAddress.isEmpty && misses >= Self.tableAfter { byAddress = Array(repeating: nil, count: 1 << Self.slotBits) }
            if !byAddress.isEmpty { byAddress[slot] = entry }
            return rate
        }

        static func sameBytes(_ a: UnsafePointer<CChar>, _ b: UnsafePointer<CChar>, _ count: Int) -> Bool {
            for k in 0..<count where a[k] != b[k] { return false }
            return true
        }

        static func reduce(_ pointer: UnsafePointer<CChar>, _ length: UInt, periodsPerYear: Int) -> PeriodicRate? {
            guard let apr = try? CText.decimal(pointer, length, name: "apr") else { return nil }
            return try? PeriodicRate(annualPercentage: apr, periodsPerYear: periodsPerYear)
        }
    }
}
