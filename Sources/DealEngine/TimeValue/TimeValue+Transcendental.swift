// DealFinance — exact deal finance. DealEngine: the spreadsheet functions that need
// logarithms, exponentials or fractional powers: NPER, NOMINAL, XNPV, XIRR (Documentation/Reference/TVM.md).

import DealDecimal

extension TimeValue {
    /// The most bits ``PreciseInterval/correctlyRounded(significantDigits:maximumBits:_:)``
    /// works with before it gives up deciding a rounding or a sign.
    static let maximumBits = 4096

    /// NPER(rate, pmt, pv, fv, type): the number of periods, possibly fractional or negative,
    /// as spreadsheets compute it:
    /// `ln((pmt·(1+rate·type) − fv·rate) / (pmt·(1+rate·type) + pv·rate)) / ln(1 + rate)`,
    /// and `−(pv + fv)/pmt` at rate 0. Rounded half even to ``significantDigits`` significant
    /// digits (exact when the quotient of logarithms is rational; correctly rounded otherwise).
    ///
    /// - Throws: `no_solution` when no count of periods reaches fv from pv: the logarithm's
    ///   argument is not positive (spreadsheets answer #NUM!) or pmt is 0 at rate 0;
    ///   `invalid_argument` for rate ≤ −1. `type` 0 is the end of the period, any other number
    ///   the beginning.
    public static func nper(rate: ExactDecimal, pmt: ExactDecimal, pv: ExactDecimal, fv: ExactDecimal = .zero, type: Int = 0) throws(DealError) -> ExactDecimal {
        try check(rate: rate)
        let type = paymentType(type)
        let r = ExactFraction(rate), p = ExactFraction(pmt), v = ExactFraction(pv), f = ExactFraction(fv)
        if r.isZero {
            guard !p.isZero else { throw noNumber("pmt", "at rate 0 with a payment of 0 no count of periods moves pv to fv") }
            return try output(-(v + f) / p)
        }
        let a = p * (ExactFraction(1) + r * ExactFraction(type))
        let numerator = a - f * r, denominator = a + v * r
        guard !denominator.isZero, numerator.sign * denominator.sign > 0 else {
            throw noNumber("pmt", "no count of periods reaches fv from pv at this rate ((pmt·(1+rate·type) − fv·rate)/(pmt·(1+rate·type) + pv·rate) is not above 0)")
        }
        let ratio = numerator / denominator
        if (ratio - ExactFraction(1)).isZero { return .zero }
        let base = ExactFraction(1) + r
        let rounded = PreciseInterval.correctlyRounded(significantDigits: significantDigits, maximumBits: maximumBits) { bits in
            let work = bits + 32
            guard let top = PreciseInterval(ratio, bits: work).log(), let bottom = PreciseInterval(base, bits: work).log(),
                  let q = top / bottom else { return nil }
            return q
        }
        return try transcendentalOutput(rounded, path: "rate")
    }

    /// NOMINAL(effectRate, npery) = npery·((1 + effect)^(1/npery) − 1), correctly rounded
    /// (half even) to ``significantDigits`` significant digits.
    ///
    /// - Throws: `invalid_argument` for effect ≤ 0 or npery outside 1…100000.
    public static func nominal(effectRate: ExactDecimal, npery: Int) throws(DealError) -> ExactDecimal {
        guard effectRate.signum > 0 else { throw DealError.invalidArgument("effectRate", "expected an effective rate above 0, found \(effectRate)") }
        guard (1...100_000).contains(npery) else { throw DealError.invalidArgument("npery", "expected periods a year from 1 to 100000, found \(npery)") }
        if npery == 1 { return effectRate }
        let base = ExactFraction(1) + ExactFraction(effectRate)
        let rounded = PreciseInterval.correctlyRounded(significantDigits: significantDigits, maximumBits: maximumBits) { bits in
            let work = bits + 32
            guard let l = PreciseInterval(base, bits: work).log(),
                  let scaled = l / PreciseInterval(npery, bits: work), let root = scaled.exp() else { return nil }
            return (root - PreciseInterval(1, bits: work)).times(npery)
        }
        return try transcendentalOutput(rounded, path: "effectRate")
    }

    /// XNPV(rate, values, dates) = Σ values[k] / (1 + rate)^((dates[k] − dates[0]) / 365),
    /// rounded half even to ``significantDigits`` significant digits (exact when every
    /// exponent is whole; correctly rounded otherwise; `0` when the sum cannot be told from
    /// zero at 4096 bits — see Documentation/Rates.md).
    ///
    /// - Throws: `invalid_argument` for rate ≤ −1, counts that differ, or a date before the
    ///   first.
    public static func xnpv(rate: ExactDecimal, values: [ExactDecimal], dates: [CivilDate]) throws(DealError) -> ExactDecimal {
        try check(rate: rate)
        let flows = try datedFlows(values: values, dates: dates)
        let x = ExactFraction(1) + ExactFraction(rate)
        if rate.isZero || flows.allSatisfy({ $0.days % 365 == 0 }) {
            var sum = ExactFraction(0)
            for flow in flows { sum = sum + flow.value / x.power(flow.days / 365) }
            return try output(sum)
        }
        let rounded = PreciseInterval.correctlyRounded(significantDigits: significantDigits, maximumBits: maximumBits) { bits in
            presentValue(flows, at: x, bits: bits + 32)
        }
        return try transcendentalOutput(rounded, path: "values")
    }

    /// XIRR(values, dates, guess): the rate r > −1 with Σ values[k] / (1 + r)^(days_k/365) = 0
    /// nearest `guess` (default 0.1), correctly rounded (half even) to ``rootDigits``
    /// significant digits.
    ///
    /// - Throws: `no_solution` when the values are all of one sign or no sign change is found
    ///   (rates from −100 % to 10⁶); `invalid_argument` for counts that differ or a date
    ///   before the first.
    public static func xirr(values: [ExactDecimal], dates: [CivilDate], guess: ExactDecimal? = nil) throws(DealError) -> ExactDecimal {
        let flows = try datedFlows(values: values, dates: dates)
        let guess = guess ?? defaultGuess
        guard guess > ExactDecimal(-1) else { throw DealError.invalidArgument("guess", "expected a guess above -1, found \(guess)") }
        guard flows.contains(where: { $0.value.sign > 0 }), flows.contains(where: { $0.value.sign < 0 }) else {
            throw DealError(code: .noSolution, path: "values", message: "expected at least one positive and one negative value on different dates, found values of one sign (no rate makes their present value zero)")
        }
        if flows.reduce(ExactFraction(0), { $0 + $1.value }).isZero { return .zero }
        // Bracket in double (exp/log1p, bounded as in Documentation/Rates.md), then exactness.
        var doubles: [(value: Double, years: Double)] = []
        for flow in flows {
            // Values on one day are summed exactly: the sum may need more than 38 digits.
            guard let value = flow.value.decimal(significantDigits: 30) else {
                throw DealError(code: .overflow, path: "values", message: "the values on day \(flow.days) sum to more than 38 digits")
            }
            doubles.append((RateSolver.double(value), Double(flow.days) / 365))
        }
        let evaluate: (Double) -> BoundedValue = { r in xnpvDouble(doubles, r) }
        guard let bracket = nearestBracket(evaluate, guess: RateSolver.double(guess)) else {
            throw DealError(code: .noSolution, path: "values", message: "expected cash flows that some rate above -100 % (up to 10^6) balances, found none: the present value never changes sign")
        }
        return try refineRoot(bracket, path: "values") { x throws(DealError) in
            // The exact sign of Σ v_k (1 + x)^(−t_k), decided at increasing precision. At a
            // rate of −100 % or below (a widened bracket end) there is no sign (0).
            let base = ExactFraction(1) + x
            guard base.sign > 0 else { return 0 }
            var bits = 128
            while bits <= maximumBits {
                guard let value = presentValue(flows, at: base, bits: bits) else {
                    // A discount factor beyond e^4096 (a growth factor: the rate far below 0
                    // over a long span): more bits cannot help.
                    throw DealError(code: .overflow, path: "dates", message: "expected flows whose growth factors (1 + rate)^(days/365) near the root stay below e^4096, found a factor beyond that at the rate \(x.decimal(significantDigits: 20).map { "\($0)" } ?? "?") (dates too far apart for a rate this far below 0)")
                }
                if value.sign != 0 { return value.sign }
                bits *= 2
            }
            return 0
        }
    }

    // MARK: Implementation

    /// Flows grouped by day offset from the first date (values on the same day summed).
    static func datedFlows(values: [ExactDecimal], dates: [CivilDate]) throws(DealError) -> [(days: Int, value: ExactFraction)] {
        guard (1...(maximumPeriods + 1)).contains(values.count) else {
            throw DealError.invalidArgument("values", "expected 1 to \(maximumPeriods + 1) values, found \(values.count)")
        }
        guard dates.count == values.count else {
            throw DealError.invalidArgument("dates", "expected one date per value (\(values.count)), found \(dates.count)")
        }
        var byDay: [Int: ExactFraction] = [:]
        for (index, date) in dates.enumerated() {
            let days = dates[0].days(until: date)
            guard days >= 0 else { throw DealError.invalidArgument("dates.\(index)", "expected a date on or after the first date \(dates[0]), found \(date)") }
            byDay[days] = (byDay[days] ?? ExactFraction(0)) + ExactFraction(values[index])
        }
        return byDay.keys.sorted().map { ($0, byDay[$0]!) }
    }

    /// Σ v_k · x^(−days_k/365) enclosed at `bits` fraction bits; nil when x is not provably
    /// positive or an exponent is out of range.
    static func presentValue(_ flows: [(days: Int, value: ExactFraction)], at x: ExactFraction, bits: Int) -> PreciseInterval? {
        guard x.sign > 0, let l = PreciseInterval(x, bits: bits).log() else { return nil }
        let year = PreciseInterval(365, bits: bits)
        var sum = PreciseInterval(0, bits: bits)
        for flow in flows {
            if flow.value.isZero { continue }
            let v = PreciseInterval(flow.value, bits: bits)
            if flow.days == 0 { sum = sum + v; continue }
            guard let exponent = l.times(-flow.days) / year, let factor = exponent.exp() else { return nil }
            sum = sum + v * factor
        }
        return sum
    }

    /// Σ v_k (1 + r)^(−t_k) in double with an error bound: each term's exponent
    /// z = t·log1p(r) carries (|z| + 4)·2u of error (log1p and exp within 2 ulp), so the term's
    /// relative error is below (4|z| + 16)·u; the sum adds γ_N.
    static func xnpvDouble(_ flows: [(value: Double, years: Double)], _ r: Double) -> BoundedValue {
        let l = log1pApprox(r)
        var sum = 0.0, bound = 0.0, magnitude = 0.0
        for flow in flows {
            let z = flow.years * l
            let term = flow.value * expApprox(-z)
            sum += term
            magnitude += abs(term)
            bound += abs(term) * (4 * abs(z) + 16) * RateSolver.unitRoundoff
        }
        bound += RateSolver.gamma(flows.count + 2) * magnitude
        return BoundedValue(value: sum, errorBound: 2 * bound + 1e-300)
    }

    /// The root in `bracket` correctly rounded to ``rootDigits`` significant digits, given the
    /// exact sign of the function at a decimal x (0: undecided within 4096 bits).
    static func refineRoot(_ bracket: RateSolver.Bracket, path: String, sign: (ExactFraction) throws(DealError) -> Int) throws(DealError) -> ExactDecimal {
        let mid = bracket.midpoint
        var exponent = -40
        if mid != 0 { var m = abs(mid); exponent = 0; while m >= 10 { m /= 10; exponent += 1 }; while m < 1 { m *= 10; exponent -= 1 } }
        let digits = min(ExactDecimal.maximumScale - 1, max(0, rootDigits - 1 - exponent))
        guard let low = RateSolver.decimal(bracket.lower, scale: digits, rule: .down),
              let high = RateSolver.decimal(bracket.upper, scale: digits, rule: .up) else {
            throw DealError(code: .overflow, path: path, message: "the rate needs more than 38 digits")
        }
        // h(m) = sign at (m + 1/2)·10^(−digits).
        let denominator = WideInteger(1).multiplied(byPowerOfTen: digits + 1)
        func h(_ m: Int128) throws(DealError) -> Int { try sign(ExactFraction(WideInteger(10 * m + 5), denominator)) }
        var a = low.coefficient - 1, b = high.coefficient
        var signLow = try h(a), signHigh = try h(b)
        // The double bracket rests on the C library's exp/log1p accuracy: widen it if the
        // exact signs disagree (a few times), so the result never depends on that.
        var widen: Int128 = 16
        for _ in 0..<8 where !(signLow != 0 && signHigh == -signLow) {
            if signLow == 0 || signLow == signHigh { a -= widen; signLow = try h(a) }
            if signHigh == 0 || signLow == signHigh { b += widen; signHigh = try h(b) }
            widen *= 16
        }
        guard signLow != 0, signHigh == -signLow else {
            // Widened 8 times (16^8 grid steps) without a proven sign change, or a sign
            // undecided at 4096 bits: any value reported would be a guess.
            throw DealError.internalFailure(path, "expected the exact signs near the bracket [\(low), \(high)] to differ, found \(signLow) and \(signHigh) after widening")
        }
        while b - a > 1 {
            let m = a + (b - a) / 2
            let s = try h(m)
            if s == 0 { return try rootDecimal(m % 2 == 0 ? m : m + 1, scale: digits, path: path).normalized() }
            if s == signLow { a = m } else { b = m }
        }
        return try rootDecimal(b, scale: digits, path: path).normalized()
    }

    static func transcendentalOutput(_ rounded: PreciseInterval.Rounded?, path: String) throws(DealError) -> ExactDecimal {
        guard let rounded else {
            throw DealError(code: .overflow, path: path, message: "the result needs exponents beyond e^4096 or more than 38 digits")
        }
        guard let value = rounded.value else {
            throw DealError.internalFailure(path, "expected \(maximumBits) bits to decide the rounding to \(significantDigits) significant digits, found the value within 2^-\(maximumBits) of a rounding tie")
        }
        return value.normalized()
    }
}
