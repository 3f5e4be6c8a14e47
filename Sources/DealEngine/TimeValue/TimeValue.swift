// DealFinance — exact deal finance. DealEngine: the spreadsheet time-value functions (Documentation/Reference/TVM.md).

import DealDecimal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// The spreadsheet time-value functions, computed exactly.
///
/// Arguments carry the spreadsheet's names and sign convention (money paid out is negative);
/// rates are plain decimals per period (0.005 = 0.5 %). The closed forms (`fv`, `pv`, `pmt`,
/// `ipmt`, `ppmt`, `cumipmt`, `cumprinc`, `effect`, `npv`) are evaluated as exact fractions of
/// wide integers and rounded once, half even, to ``significantDigits`` significant digits.
/// `rate` and `irr` are roots of a polynomial in `x = 1 + r`: a proven bracket in double
/// precision (`RateSolver`), then bisection on the decimal grid of 20 significant digits
/// with the polynomial's sign evaluated exactly, so the result is the root correctly rounded
/// (half even) to 20 significant digits. Documentation/Rates.md has the details.
///
/// ```swift
/// try TimeValue.pmt(rate: try ExactDecimal(parsing: "0.005"), nper: 60, pv: try ExactDecimal(parsing: "30000"))
/// // -579.9840458828375515059131
/// ```
public enum TimeValue {
    /// Significant digits of the closed-form results (rounded half even).
    public static let significantDigits = 25
    /// Significant digits of `rate` and `irr` (correctly rounded, half even).
    public static let rootDigits = 20
    /// The most periods or values a function accepts.
    public static let maximumPeriods = 1200

    // MARK: Closed forms

    /// FV(rate, nper, pmt, pv, type), wherever spreadsheets return a number: any whole nper
    /// from −1200 to 1200 (0 gives −pv), any rate with |rate| < 10⁶, `type` 0 (end) or any
    /// other number (beginning).
    ///
    /// - Throws: `no_solution` at rate −1 with a negative nper (0 to a negative power).
    public static func fv(rate: ExactDecimal, nper: Int, pmt: ExactDecimal, pv: ExactDecimal = .zero, type: Int = 0) throws(DealError) -> ExactDecimal {
        try output(signedFV(rate: rate, nper: nper, pmt: pmt, pv: pv, type: type))
    }

    /// PV(rate, nper, pmt, fv, type), over the same domain as ``fv(rate:nper:pmt:pv:type:)``
    /// (nper 0 gives −fv).
    ///
    /// - Throws: `no_solution` at rate −1 (x^nper is 0 or undefined: no present value).
    public static func pv(rate: ExactDecimal, nper: Int, pmt: ExactDecimal, fv: ExactDecimal = .zero, type: Int = 0) throws(DealError) -> ExactDecimal {
        try output(signedPV(rate: rate, nper: nper, pmt: pmt, fv: fv, type: type))
    }

    /// PMT(rate, nper, pv, fv, type), over the same domain as ``fv(rate:nper:pmt:pv:type:)``
    /// (LibreOffice: PMT(0.0199/12; −36; 25000) = 674.497001104058, PMT(−1; 36; 25000) = 0).
    ///
    /// - Throws: `no_solution` for nper 0 (#NUM! in spreadsheets), type ≠ 0 at rate −1, rate −2
    ///   with an even nper, rate −1 with a negative nper.
    public static func pmt(rate: ExactDecimal, nper: Int, pv: ExactDecimal, fv: ExactDecimal = .zero, type: Int = 0) throws(DealError) -> ExactDecimal {
        try output(signedPMT(rate: rate, nper: nper, pv: pv, fv: fv, type: type))
    }

    /// IPMT(rate, per, nper, pv, fv, type): the interest part of payment `per`.
    public static func ipmt(rate: ExactDecimal, per: Int, nper: Int, pv: ExactDecimal, fv: ExactDecimal = .zero, type: Int = 0) throws(DealError) -> ExactDecimal {
        let type = paymentType(type)
        try check(rate: rate, nper: nper, type: type)
        try check(per: per, nper: nper)
        let r = ExactFraction(rate)
        let payment = pmtFraction(r, nper, ExactFraction(pv), ExactFraction(fv), type)
        return try output(ipmtFraction(r, per, nper, payment, ExactFraction(pv), type))
    }

    /// PPMT(rate, per, nper, pv, fv, type) = PMT − IPMT.
    public static func ppmt(rate: ExactDecimal, per: Int, nper: Int, pv: ExactDecimal, fv: ExactDecimal = .zero, type: Int = 0) throws(DealError) -> ExactDecimal {
        let type = paymentType(type)
        try check(rate: rate, nper: nper, type: type)
        try check(per: per, nper: nper)
        let r = ExactFraction(rate)
        let payment = pmtFraction(r, nper, ExactFraction(pv), ExactFraction(fv), type)
        return try output(payment - ipmtFraction(r, per, nper, payment, ExactFraction(pv), type))
    }

    /// CUMIPMT(rate, nper, pv, startPeriod, endPeriod, type): Σ IPMT over the periods
    /// (spreadsheet domain: rate > 0, pv > 0, 1 ≤ start ≤ end ≤ nper).
    public static func cumipmt(rate: ExactDecimal, nper: Int, pv: ExactDecimal, startPeriod: Int, endPeriod: Int, type: Int) throws(DealError) -> ExactDecimal {
        try output(cumulative(rate: rate, nper: nper, pv: pv, start: startPeriod, end: endPeriod, type: type).interest)
    }

    /// CUMPRINC(rate, nper, pv, startPeriod, endPeriod, type): Σ PPMT over the periods.
    public static func cumprinc(rate: ExactDecimal, nper: Int, pv: ExactDecimal, startPeriod: Int, endPeriod: Int, type: Int) throws(DealError) -> ExactDecimal {
        let sums = try cumulative(rate: rate, nper: nper, pv: pv, start: startPeriod, end: endPeriod, type: type)
        return try output(sums.payments - sums.interest)
    }

    /// EFFECT(nominalRate, npery) = (1 + nominal/npery)^npery − 1.
    public static func effect(nominalRate: ExactDecimal, npery: Int) throws(DealError) -> ExactDecimal {
        guard nominalRate.signum > 0 else { throw DealError.invalidArgument("nominalRate", "expected a nominal rate above 0, found \(nominalRate)") }
        guard (1...100_000).contains(npery) else { throw DealError.invalidArgument("npery", "expected periods a year from 1 to 100000, found \(npery)") }
        let n = ExactFraction(npery)
        return try output((ExactFraction(1) + ExactFraction(nominalRate) / n).power(npery) - ExactFraction(1))
    }

    /// NPV(rate, values): Σ values[k] / (1 + rate)^(k+1).
    public static func npv(rate: ExactDecimal, values: [ExactDecimal]) throws(DealError) -> ExactDecimal {
        try check(rate: rate)
        guard (1...maximumPeriods).contains(values.count) else {
            throw DealError.invalidArgument("values", "expected 1 to \(maximumPeriods) values, found \(values.count)")
        }
        // Horner in 1/(1+r): ((v_{n-1}/x + v_{n-2})/x + …)/x.
        let x = ExactFraction(1) + ExactFraction(rate)
        var sum = ExactFraction(0)
        for value in values.reversed() { sum = (sum + ExactFraction(value)) / x }
        return try output(sum)
    }

    // MARK: Roots

    /// RATE(nper, pmt, pv, fv, type, guess): the rate per period, the root nearest `guess`.
    ///
    /// - Throws: `no_solution` when no rate above −100 % satisfies the equation.
    public static func rate(nper: Int, pmt: ExactDecimal, pv: ExactDecimal, fv: ExactDecimal = .zero, type: Int = 0,
                            guess: ExactDecimal? = nil) throws(DealError) -> ExactDecimal {
        let type = paymentType(type)
        try check(nper: nper, type: type)
        // pv·x^n + pmt·Σ x^j (j = type … n−1+type) + fv, x = 1 + r (exact: sums of 38-digit
        // decimals of different scales may need more than 38 digits).
        var coefficients = [ExactFraction](repeating: ExactFraction(0), count: nper + 1)
        let p = ExactFraction(pmt)
        for j in type..<(nper + type) { coefficients[j] = p }
        coefficients[nper] = coefficients[nper] + ExactFraction(pv)
        coefficients[0] = coefficients[0] + ExactFraction(fv)
        return try root(coefficients, guess: guess ?? defaultGuess, path: "pmt")
    }

    /// IRR(values, guess): the rate for which Σ values[k] / (1 + r)^k = 0, nearest `guess`.
    ///
    /// - Throws: `no_solution` when no rate above −100 % makes the values' present value zero
    ///   (for example when they are all of one sign).
    public static func irr(values: [ExactDecimal], guess: ExactDecimal? = nil) throws(DealError) -> ExactDecimal {
        guard (2...(maximumPeriods + 1)).contains(values.count) else {
            throw DealError.invalidArgument("values", "expected 2 to \(maximumPeriods + 1) values, found \(values.count)")
        }
        guard values.contains(where: { $0.signum > 0 }), values.contains(where: { $0.signum < 0 }) else {
            throw DealError(code: .noSolution, path: "values", message: "expected at least one positive and one negative value, found values of one sign (no rate makes their present value zero)")
        }
        // Σ v_k x^(N−k) = 0.
        return try root(values.reversed().map(ExactFraction.init), guess: guess ?? defaultGuess, path: "values")
    }

    /// The spreadsheet default guess, 0.1.
    public static let defaultGuess = try! ExactDecimal(coefficient: 1, scale: 1)

    // MARK: Implementation

    static func add(_ a: ExactDecimal, _ b: ExactDecimal) throws(DealError) -> ExactDecimal {
        do { return try a + b } catch { throw DealError(code: .overflow, path: "", message: "a sum needs more than 38 digits") }
    }

    static func check(rate: ExactDecimal) throws(DealError) {
        guard rate > ExactDecimal(-1) else { throw DealError.invalidArgument("rate", "expected a rate above -1 (-100 %), found \(rate)") }
        guard rate < ExactDecimal(1_000_000) else { throw DealError.invalidArgument("rate", "expected a rate below 1000000 per period, found \(rate)") }
    }

    static func check(nper: Int, type: Int) throws(DealError) {
        guard (1...maximumPeriods).contains(nper) else {
            throw DealError.invalidArgument("nper", "expected a number of periods from 1 to \(maximumPeriods), found \(nper)")
        }
        guard type == 0 || type == 1 else { throw DealError.invalidArgument("type", "expected 0 (end of period) or 1 (beginning), found \(type)") }
    }

    static func check(rate: ExactDecimal, nper: Int, type: Int) throws(DealError) {
        try check(rate: rate)
        try check(nper: nper, type: type)
    }

    static func check(per: Int, nper: Int) throws(DealError) {
        guard (1...nper).contains(per) else { throw DealError.invalidArgument("per", "expected a period from 1 to nper (\(nper)), found \(per)") }
    }

    static func output(_ value: ExactFraction) throws(DealError) -> ExactDecimal {
        guard let decimal = value.decimal(significantDigits: significantDigits) else {
            throw DealError(code: .overflow, path: "", message: "the result needs more than 38 digits")
        }
        return decimal
    }

    static func fvFraction(_ r: ExactFraction, _ n: Int, _ p: ExactFraction, _ v: ExactFraction, _ type: Int) -> ExactFraction {
        if r.isZero { return -(v + p * ExactFraction(n)) }
        let x = (ExactFraction(1) + r).power(n)
        return -(v * x + p * (ExactFraction(1) + r * ExactFraction(type)) * (x - ExactFraction(1)) / r)
    }

    static func pmtFraction(_ r: ExactFraction, _ n: Int, _ v: ExactFraction, _ f: ExactFraction, _ type: Int) -> ExactFraction {
        if r.isZero { return -(v + f) / ExactFraction(n) }
        let x = (ExactFraction(1) + r).power(n)
        return -(v * x + f) * r / ((ExactFraction(1) + r * ExactFraction(type)) * (x - ExactFraction(1)))
    }

    /// The spreadsheet IPMT: FV(rate, per − 1, pmt, pv, type) × rate, divided by 1 + rate for
    /// type 1, and 0 for the first period of type 1 (paid at the start, no interest yet).
    static func ipmtFraction(_ r: ExactFraction, _ per: Int, _ n: Int, _ payment: ExactFraction, _ v: ExactFraction, _ type: Int) -> ExactFraction {
        if type == 1 && per == 1 { return ExactFraction(0) }
        let interest = fvFraction(r, per - 1, payment, v, type) * r
        return type == 1 ? interest / (ExactFraction(1) + r) : interest
    }

    /// Σ IPMT and Σ PMT over start … end (closed form: the balances form geometric sums).
    static func cumulative(rate: ExactDecimal, nper: Int, pv: ExactDecimal, start: Int, end: Int, type: Int) throws(DealError)
        -> (interest: ExactFraction, payments: ExactFraction) {
        guard rate.signum > 0 else { throw DealError.invalidArgument("rate", "expected a rate above 0, found \(rate)") }
        try check(rate: rate, nper: nper, type: type)
        guard pv.signum > 0 else { throw DealError.invalidArgument("pv", "expected a present value above 0, found \(pv)") }
        guard start >= 1, start <= end else { throw DealError.invalidArgument("startPeriod", "expected 1 ≤ startPeriod ≤ endPeriod, found \(start) and \(end)") }
        guard end <= nper else { throw DealError.invalidArgument("endPeriod", "expected endPeriod at most nper (\(nper)), found \(end)") }
        let r = ExactFraction(rate), v = ExactFraction(pv), one = ExactFraction(1)
        let payment = pmtFraction(r, nper, v, ExactFraction(0), type)
        // IPMT_k = r·FV(r, k−1, P, pv, type) (÷(1+r) for type 1; 0 for k = 1, type 1), with
        // FV(r, j) = −(pv·x^j + P(1+r·type)(x^j − 1)/r); Σ_{j=a}^{b} x^j = (x^(b+1) − x^a)/r.
        var a = start - 1
        let b = end - 1
        if type == 1 && start == 1 { a = 1 }
        var interest = ExactFraction(0)
        if a <= b {
            let x = one + r
            let s = (x.power(b + 1) - x.power(a)) / r
            let count = ExactFraction(b - a + 1)
            let sumFV = -(v * s + payment * (one + r * ExactFraction(type)) * (s - count) / r)
            interest = sumFV * r
            if type == 1 { interest = interest / x }
        }
        return (interest, payment * ExactFraction(end - start + 1))
    }

    /// The root x > 0 of Σ a_j x^j nearest 1 + guess, as r = x − 1 correctly rounded to
    /// ``rootDigits`` significant digits.
    /// `fractions` are decimals (power-of-ten denominators).
    static func root(_ fractions: [ExactFraction], guess: ExactDecimal, path: String) throws(DealError) -> ExactDecimal {
        guard guess > ExactDecimal(-1) else { throw DealError.invalidArgument("guess", "expected a guess above -1, found \(guess)") }
        // Exact integer coefficients over the common (largest) power-of-ten denominator.
        let common = fractions.reduce(WideInteger(1)) { $0.compare(to: $1.denominator) >= 0 ? $0 : $1.denominator }
        var integers: [WideInteger] = []
        for f in fractions {
            // Every denominator is a power of ten no larger than `common`: the quotient is exact.
            guard let factor = try? common.divided(by: f.denominator, rule: .requireExact) else {
                throw DealError.internalFailure(path, "expected power-of-ten denominators dividing \(common.decimalText), found \(f.denominator.decimalText)")
            }
            integers.append(f.numerator * factor)
        }
        // Double coefficients for the bracket: each rounded to 30 digits first (≪ one rounding).
        var doubles: [Double] = []
        for f in fractions {
            guard let d = f.decimal(significantDigits: 30) else {
                throw DealError(code: .overflow, path: path, message: "a coefficient needs more than 38 digits")
            }
            doubles.append(RateSolver.double(d))
        }
        let degree = fractions.count - 1
        if integers.reduce(WideInteger.zero, +).isZero { return .zero }   // x = 1 is a root
        let evaluate: (Double) -> BoundedValue = { r in polynomialValue(doubles, r) }
        let g = RateSolver.double(guess)
        guard let bracket = nearestBracket(evaluate, guess: g) else {
            throw DealError(code: .noSolution, path: path, message: "expected cash flows that some rate above -100 % (up to 10^6 per period) balances, found none: the present value never changes sign")
        }
        // Correct rounding on the decimal grid with exact signs.
        let mid = bracket.midpoint
        let exponent = mid == 0 ? -40 : Int(floor(log10(abs(mid))))
        let digits = min(ExactDecimal.maximumScale - 1, max(0, rootDigits - 1 - exponent))
        func exactSign(_ coefficient: Int128, _ s: Int) -> Int {
            // sign of Σ a_j (10^s + c)^j 10^(s(N−j)), the polynomial at x = 1 + c/10^s times 10^(sN).
            let base = WideInteger(1).multiplied(byPowerOfTen: s)
            let x = base + WideInteger(coefficient)
            var acc = integers[degree]
            var power = WideInteger(1)
            for j in stride(from: degree - 1, through: 0, by: -1) {
                power = power * base
                acc = acc * x + integers[j] * power
            }
            return acc.isZero ? 0 : (acc.isNegative ? -1 : 1)
        }
        guard let low = RateSolver.decimal(bracket.lower, scale: digits, rule: .down),
              let high = RateSolver.decimal(bracket.upper, scale: digits, rule: .up) else {
            throw DealError(code: .overflow, path: path, message: "the rate needs more than 38 digits")
        }
        // h(m) = sign at (m + 1/2)·10^(−digits), i.e. coefficient 10m + 5 at digits + 1.
        func h(_ m: Int128) -> Int { exactSign(10 * m + 5, digits + 1) }
        var a = low.coefficient - 1, b = high.coefficient
        let signLow = h(a)
        guard signLow != 0, h(b) == -signLow else {
            // The double bracket rests on proven error bounds, so its ends' exact signs differ;
            // if they did not, any value reported would be a guess.
            throw DealError.internalFailure(path, "expected the exact signs at the proven bracket [\(low), \(high)] to differ, found \(signLow) and \(h(b))")
        }
        while b - a > 1 {
            let m = a + (b - a) / 2
            let s = h(m)
            if s == 0 { return try rootDecimal(m % 2 == 0 ? m : m + 1, scale: digits, path: path).normalized() }
            if s == signLow { a = m } else { b = m }
        }
        return try rootDecimal(b, scale: digits, path: path)
    }

    /// A root's coefficient at `scale` as a decimal; `overflow` when it needs more than 38
    /// digits (a coefficient between the bracket ends, which fit, always fits).
    static func rootDecimal(_ coefficient: Int128, scale: Int, path: String) throws(DealError) -> ExactDecimal {
        do { return try ExactDecimal(coefficient: coefficient, scale: scale) } catch {
            throw DealError(code: .overflow, path: path, message: "the rate needs more than 38 digits")
        }
    }

    /// Σ a_j x^j at x = 1 + r with a proven error bound; for x > 1 it evaluates x^(−N)·P(x)
    /// (same sign, no overflow).
    static func polynomialValue(_ a: [Double], _ r: Double) -> BoundedValue {
        let x = 1 + r
        let n = a.count - 1
        var acc = 0.0, magnitude = 0.0
        if x <= 1 {
            for j in stride(from: n, through: 0, by: -1) { acc = acc * x + a[j]; magnitude = magnitude * x + abs(a[j]) }
        } else {
            let y = 1 / x
            for j in 0...n { acc = acc * y + a[j]; magnitude = magnitude * y + abs(a[j]) }
        }
        // x = 1 + r and 1/x rounded, the coefficients converted (3 roundings), 2 per Horner step.
        let bound = 2 * RateSolver.gamma(4 * n + 12) * magnitude + 1e-300
        return BoundedValue(value: acc, errorBound: bound)
    }

    /// The bracket of the sign change nearest `guess`: points step away from the guess on
    /// both sides (1e−7 growing by 1.3 each step; below, halving the way to −1), the first
    /// proven sign change on each side is narrowed, and the root nearer the guess wins.
    static func nearestBracket(_ f: (Double) -> BoundedValue, guess: Double) -> RateSolver.Bracket? {
        let guessSign = f(guess).provenSign
        func scan(upward: Bool) -> (first: (x: Double, sign: Int)?, bracket: RateSolver.Bracket?) {
            var lastPoint = guess, lastSign = guessSign
            var first: (x: Double, sign: Int)?
            var step = 1e-7, halvings = 0
            for _ in 0..<600 {
                var x: Double
                if upward {
                    x = guess + step
                    if x > 1e6 { break }
                } else {
                    x = guess - step
                    if x <= -1 + 1e-9 {
                        halvings += 1
                        if halvings > 60 { break }
                        x = -1 + min(1e-9, 1 + guess) * Double(sign: .plus, exponent: -halvings, significand: 1)
                    }
                }
                step *= 1.3
                let s = f(x).provenSign
                if s == 0 { continue }
                if first == nil { first = (x, s) }
                if lastSign != 0 && s != lastSign {
                    let (lo, hi, sl) = upward ? (lastPoint, x, lastSign) : (x, lastPoint, s)
                    return (first, RateSolver.narrow(lower: lo, upper: hi, signAtLower: sl, evaluate: f))
                }
                lastPoint = x; lastSign = s
            }
            return (first, nil)
        }
        let up = scan(upward: true), down = scan(upward: false)
        if guessSign == 0, let u = up.first, let d = down.first, u.sign != d.sign {
            // The guess is within the evaluation error of a root: that root is the nearest.
            return RateSolver.narrow(lower: d.x, upper: u.x, signAtLower: d.sign, evaluate: f)
        }
        switch (up.bracket, down.bracket) {
        case let (u?, d?): return abs(u.midpoint - guess) <= abs(d.midpoint - guess) ? u : d
        case let (u?, nil): return u
        case let (nil, d?): return d
        default: return nil
        }
    }
}
