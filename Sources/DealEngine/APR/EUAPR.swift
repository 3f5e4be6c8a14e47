// DealFinance — exact deal finance. DealEngine: the EU Consumer Credit Directive (2008/48/EC
// Annex I) APR: times in years and the bounded evaluation.

import DealDecimal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

extension AnnualPercentageRate {
    func euTerms(start: CivilDate) throws(DealError) -> [Term] {
        var terms: [Term] = []
        let anchor = DayOfMonth(anchoring: start)
        for (flow, sign) in advances.map({ ($0, -1.0) }) + payments.map({ ($0, 1.0) }) {
            let days = start.days(until: flow.date)
            let years: Double, exact: (numerator: Int, denominator: Int)
            switch timeBasis {
            case .days:
                years = Double(days) / 365
                exact = (days, 365)
            case .months:
                // Whole months forward from the first drawdown (on its day, month ends kept),
                // then the leftover days over 365.
                var months = (flow.date.year - start.year) * 12 + (flow.date.month - start.month)
                func boundary(_ k: Int) -> CivilDate? { try? anchor.date(months: k, after: start) }
                while months > 0, let b = boundary(months), flow.date < b { months -= 1 }
                let rest = boundary(months).map { $0.days(until: flow.date) } ?? days
                years = Double(months) / 12 + Double(max(0, rest)) / 365
                exact = (365 * months + 12 * max(0, rest), 4_380)
            }
            terms.append(Term(amount: sign * RateSolver.double(flow.amount), whole: 0, fraction: 0, years: years, exact: exact))
        }
        return terms
    }

    /// Σ amount · (1 + X)^(−t), multiplied by (1 + X)^T (T the largest t) when X < 0.
    static func euValue(_ terms: [Term], _ x: Double) -> BoundedValue {
        let maxYears = terms.map(\.years).max() ?? 0
        let logBase = (1 + x).isFinite ? log1pApprox(x) : .nan
        var sum = 0.0, magnitude = 0.0, worstRelative = 0.0
        for term in terms {
            let exponent = x >= 0 ? -term.years * logBase : (maxYears - term.years) * logBase
            let value = term.amount * expApprox(exponent)
            sum += value
            magnitude += abs(value)
            // exp and log1p within 2 ulp, the product and the year fraction within a few:
            // relative error ≤ (8·|exponent| + 8 + 8·|log|·T)·u.
            worstRelative = max(worstRelative, (8 * abs(exponent) + 8 * abs(logBase) * (maxYears + 1) + 8) * RateSolver.unitRoundoff)
        }
        let bound = 2 * (worstRelative + RateSolver.gamma(terms.count + 2)) * magnitude + Double(terms.count) * 1e-290
        return BoundedValue(value: sum, errorBound: bound)
    }
}

/// ln(1 + x) (the C library's `log1p`, within 1 ulp on glibc and Darwin).
@inline(__always) func log1pApprox(_ x: Double) -> Double { log1p(x) }
/// e^x (the C library's `exp`, within 1 ulp on glibc and Darwin).
@inline(__always) func expApprox(_ x: Double) -> Double { exp(x) }

extension AnnualPercentageRate {
    /// x^n (n ≥ 1) by repeated squaring, each product rounded outward.
    static func power(_ x: PreciseInterval, _ n: Int) -> PreciseInterval {
        var result: PreciseInterval?, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result = result.map { $0 * base } ?? base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result ?? PreciseInterval(1, bits: x.bits)
    }

    /// The most fraction bits ``euExactSign(_:at:)`` encloses the value at before it gives up.
    static let euMaximumBits = 4_096

    /// The sign of Σ a·(1 + X)^(−t) at the rational rate X > −1, proven, for `terms` from
    /// ``euTerms(start:)`` (advances then payments, ``Term/exact`` the exact years).
    ///
    /// When every t is a whole number of years the equation is rational: its exact sign is
    /// the Appendix J form's with f = 0 (``regzExactSign(_:at:)``), zero included. Otherwise
    /// (1 + X)^(−t) = e^(−t·ln(1 + X)) is irrational and the sum is enclosed by
    /// ``PreciseInterval`` (log and exp with proven bounds, not the C library's; the factors
    /// as powers of e^(−ln(1 + X)/4380)) at 128, 256, … bits until the enclosure excludes 0.
    ///
    /// - Throws: ``DealError`` `internal` when 4,096 bits do not separate the value from 0,
    ///   `overflow` when a factor is beyond e^4096.
    func euExactSign(_ terms: [Term], at rate: ExactFraction) throws(DealError) -> Int {
        if terms.allSatisfy({ $0.exact.numerator % $0.exact.denominator == 0 }) {
            let whole = terms.map { term in
                var yearly = term
                yearly.whole = term.exact.numerator / term.exact.denominator
                yearly.exact = (0, 1)
                return yearly
            }
            return regzExactSign(whole, at: rate)
        }
        let base = ExactFraction(1) + rate
        guard base.sign > 0, terms.count == advances.count + payments.count else {
            throw DealError(code: .internal, path: "", message: "expected a rate above -100 % to decide the APR's rounding, found \(base.decimal(significantDigits: 20).map { "\($0)" } ?? "?") - 1")
        }
        // Amounts on the same date summed: one exponential a date.
        var byTime: [Int: (time: (numerator: Int, denominator: Int), amount: ExactFraction)] = [:]
        for k in terms.indices {
            let value = k < advances.count ? -ExactFraction(advances[k].amount) : ExactFraction(payments[k - advances.count].amount)
            let time = terms[k].exact
            let key = time.numerator * 4_380 / time.denominator
            byTime[key] = byTime[key].map { ($0.time, $0.amount + value) } ?? (time, value)
        }
        // Times in 1/4380 of a year (365·12 divides every time of both bases), increasing:
        // the discount factor of each is the previous one times z^Δ, z = e^(−ln(1 + X)/4380),
        // one exponential a bit count instead of one a date.
        let times = byTime.keys.sorted()
        var bits = 128
        while bits <= Self.euMaximumBits {
            guard let logarithm = PreciseInterval(base, bits: bits).log(),
                  let step = (logarithm.times(-1) / PreciseInterval(4_380, bits: bits))?.exp() else {
                throw DealError(code: .overflow, path: "payments", message: "expected discount factors (1 + APR)^(-years) within e^4096, found one beyond it")
            }
            var sum = PreciseInterval(0, bits: bits), factor = PreciseInterval(1, bits: bits), at = 0
            var powers: [Int: PreciseInterval] = [:]
            for time in times {
                let flow = byTime[time]!
                if time > at {
                    let power = powers[time - at] ?? Self.power(step, time - at)
                    powers[time - at] = power
                    factor = factor * power
                    at = time
                }
                if !flow.amount.isZero { sum = sum + PreciseInterval(flow.amount, bits: bits) * factor }
            }
            if sum.sign != 0 { return sum.sign }
            bits *= 2
        }
        throw DealError(code: .internal, path: "", message: "expected the EU equation's sign at \(rate.decimal(significantDigits: 30).map { "\($0)" } ?? "?") to be decidable within \(Self.euMaximumBits) bits, found it within 2^-\(Self.euMaximumBits) of 0: the APR's rounding is undecided")
    }
}
