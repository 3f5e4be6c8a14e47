// DealFinance — exact deal finance. DealFinanceC: the typed loan payment calls dfin_loan_payment,
// dfin_loan_payment_minor and dfin_loan_payment_batch.
//
// These Swift functions are not Swift API; the C declarations in include/dealfinance.h are.

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
        guard let payment = Int64(exactly: minor) else { throw .overflow }
        return payment
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
    do throws(ExportFailure) {
        guard let out else { throw .nullArgument }
        let principalValue = try CText.decimal(principal, principalLength)
        let balloonValue = balloon == nil && balloonLength == 0 ? ExactDecimal.zero : try CText.decimal(balloon, balloonLength)
        let aprValue = try CText.decimal(apr, aprLength)
        let terms = LoanPaymentCall.Terms(term: term, periodsPerYear: periodsPerYear, timing: timing, rounding: rounding, minorDigits: minorDigits)
        out.pointee = try LoanPaymentCall.payment(.decimal(principal: principalValue, balloon: balloonValue), apr: aprValue, terms: terms)
        return Status.ok
    } catch {
        return error.status
    }
}

/// `dfin_loan_payment_minor`: principal and balloon in minor units → payment in minor units.
@c(dfin_loan_payment_minor)
public func dfinLoanPaymentMinor(_ out: UnsafeMutablePointer<Int64>?, _ principal: Int64, _ balloon: Int64,
                                 _ apr: UnsafePointer<CChar>?, _ aprLength: UInt,
                                 _ term: Int32, _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32,
                                 _ minorDigits: Int32) -> Int32 {
    do throws(ExportFailure) {
        guard let out else { throw .nullArgument }
        let aprValue = try CText.decimal(apr, aprLength)
        let terms = LoanPaymentCall.Terms(term: term, periodsPerYear: periodsPerYear, timing: timing, rounding: rounding, minorDigits: minorDigits)
        out.pointee = try LoanPaymentCall.payment(.minorUnits(principal: principal, balloon: balloon), apr: aprValue, terms: terms)
        return Status.ok
    } catch {
        return error.status
    }
}

/// `dfin_loan_payment_batch`: N deals in minor units → N payments and N statuses.
@c(dfin_loan_payment_batch)
public func dfinLoanPaymentBatch(_ outPayments: UnsafeMutablePointer<Int64>?, _ outStatuses: UnsafeMutablePointer<Int32>?,
                                 _ count: UInt,
                                 _ principals: UnsafePointer<Int64>?, _ balloons: UnsafePointer<Int64>?,
                                 _ aprs: UnsafePointer<UnsafePointer<CChar>?>?, _ aprLengths: UnsafePointer<UInt>?,
                                 _ terms: UnsafePointer<Int32>?,
                                 _ periodsPerYear: Int32, _ timing: Int32, _ rounding: Int32, _ minorDigits: Int32) -> Int32 {
    guard count > 0 else { return Status.ok }
    guard let outPayments, let outStatuses, let principals, let aprs, let aprLengths, let terms else { return Status.nullArgument }
    guard count <= UInt(Int.max) else { return Status.invalidArgument }
    var first = Status.ok
    for index in 0..<Int(count) {
        let status: Int32
        do throws(ExportFailure) {
            let apr = try CText.decimal(aprs[index], aprLengths[index])
            let dealTerms = LoanPaymentCall.Terms(term: terms[index], periodsPerYear: periodsPerYear, timing: timing,
                                                  rounding: rounding, minorDigits: minorDigits)
            outPayments[index] = try LoanPaymentCall.payment(.minorUnits(principal: principals[index], balloon: balloons?[index] ?? 0),
                                                             apr: apr, terms: dealTerms)
            status = Status.ok
        } catch {
            outPayments[index] = 0
            status = error.status
        }
        outStatuses[index] = status
        if first == Status.ok { first = status }
    }
    return first
}
