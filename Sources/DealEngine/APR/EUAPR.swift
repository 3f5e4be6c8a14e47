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
            let years: Double
            switch timeBasis {
            case .days:
                years = Double(days) / 365
            case .months:
                // Whole months forward from the first drawdown (on its day, month ends kept),
                // then the leftover days over 365.
                var months = (flow.date.year - start.year) * 12 + (flow.date.month - start.month)
                func boundary(_ k: Int) -> CivilDate? { try? anchor.date(months: k, after: start) }
                while months > 0, let b = boundary(months), flow.date < b { months -= 1 }
                let rest = boundary(months).map { $0.days(until: flow.date) } ?? days
                years = Double(months) / 12 + Double(max(0, rest)) / 365
            }
            terms.append(Term(amount: sign * RateSolver.double(flow.amount), whole: 0, fraction: 0, years: years))
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
