// DealFinance — exact deal finance. DealEngine: the unrounded payment's digits from a
// double-word evaluation with a proven error bound.

import DealDecimal

extension LevelPayment {
    /// `P* / divisor` as ``decimal(_:_:minorUnitDigits:significantDigits:)`` gives it from the
    /// exact fraction, or nil when the double-word evaluation below does not prove every digit.
    ///
    /// Only the common case is taken: `P*/divisor ≥ 16` minor units, where the exact path keeps
    /// `e = min(significantDigits, 38 − minorUnitDigits)` decimals past the minor unit (its
    /// shortfall term is 0: the numerator has at least 4 more bits than the denominator), and
    /// `V = P*/divisor · 10^e` rounded half-even is its coefficient. When the interval
    /// `[V − error, V + error]` holds no half-integer, V and every value in it round to the
    /// same integer, which is the exact path's. Arithmetic only: the caller checks the inputs.
    ///
    /// ```swift
    /// problem.provenUnrounded(dividedBy: 1, minorUnitDigits: 2, significantDigits: 20)   // 436.6560305885583676706087
    /// ```
    func provenUnrounded(dividedBy divisor: Int128, minorUnitDigits: Int, significantDigits: Int) -> ExactDecimal? {
        let decimals = min(significantDigits, ExactDecimal.maximumScale - minorUnitDigits)
        guard decimals >= 0, decimals <= 31, let (value, error) = unroundedEstimate(dividedBy: divisor, decimals: decimals) else { return nil }
        // hi ≥ 2⁵³ is a whole number, so V_c = hi + lo rounds to hi + round(lo), and
        // ½ − |fraction| is V_c's distance to the nearest half-integer.
        guard value.hi >= 0x1p53, value.hi < 0x1p100 else { return nil }
        let nearest = value.lo.rounded(.toNearestOrEven)
        let fraction = value.lo - nearest
        guard fraction.magnitude + error < 0.5 else { return nil }
        // hi = top·2⁵⁰ + rest exactly (a power-of-two scaling and an exact difference).
        let top = (value.hi * 0x1p-50).rounded(.down), rest = value.hi - top * 0x1p50
        let coefficient = Int128(Int64(top)) << 50 + Int128(Int64(rest)) + Int128(Int64(nearest))
        // V > coefficient − ½ ≥ 16·10^e: the exact path's shortfall is 0 (see above).
        let power = Int128(ExactRatio.tenToThe(decimals))
        guard coefficient > 16 * power else { return nil }
        return try? ExactDecimal(coefficient: coefficient, scale: decimals + minorUnitDigits)
    }

    /// `V = P*/divisor · 10^decimals` as a double word and a bound on `|V_c − V|`, or nil
    /// outside the range where the bound below holds (rate zero, an input beyond 2⁵² or
    /// 2¹⁰⁶, a value that could overflow, a bound above 2⁻⁵⁰ relative).
    ///
    /// With i = p/q, H = (1 + i)ⁿ − 1, W = (1 + φi)·(1 + i)^(t − 1 + n) − 1 and
    /// c = p/(q_t·divisor) (q_t = q in arrears, r in advance):
    ///
    ///     V = ((A − B) + A·W) · c · 10^decimals / H
    ///
    /// which is ``exactFraction()`` divided through by f₀·y·qⁿ. H and W are carried as
    /// excesses over 1 ((1 + x)(1 + y) − 1 = x + y + x·y): every term is positive, nothing
    /// cancels, and ``Tracked`` bounds the error.
    func unroundedEstimate(dividedBy divisor: Int128, decimals: Int) -> (value: DoubleWord, error: Double)? {
        let limit: Int128 = 1 << 52
        let p = rate.numerator, q = rate.denominator, r = p + q
        let periods = wholePeriodsToFirstPayment - 1 + numberOfPayments
        guard p > 0, q > 0, p < limit, q < limit, divisor > 0, divisor < limit,
              balloon >= 0, balloon <= principal, numberOfPayments > 0, wholePeriodsToFirstPayment >= 0,
              oddDays >= 0, oddDays < 1 << 20, daysPerUnitPeriod > 0, daysPerUnitPeriod < 1 << 20,
              let a = DoubleWord(exactly: principal), let net = DoubleWord(exactly: principal - balloon) else { return nil }
        let i = Tracked.quotient(p, q)
        let h = i.excessPower(numberOfPayments)
        var w = i.excessPower(spreadsOddPeriod ? periods : numberOfPayments)
        if spreadsOddPeriod, oddDays != 0 { w = w.combined(Tracked.quotient(Int128(oddDays) * p, Int128(daysPerUnitPeriod) * q)) }
        // H, W < 2⁶⁰⁰ keep every value below 2¹⁰⁰⁰ (A, 10^decimals < 2¹⁰⁶, c < 2⁵²).
        guard h.value.hi > 0, w.value.hi < 0x1p600 else { return nil }
        let sum = Tracked(exactly: net).plus(Tracked(exactly: a) * w)

        let periodDenominator = (timing == .advance ? r : q) * divisor
        guard periodDenominator < 1 << 106 else { return nil }
        let scaled = sum * Tracked.quotient(p, periodDenominator) * Tracked(exactly: DoubleWord(exactly: Int128(ExactRatio.tenToThe(decimals)))!)
        let value = scaled / h
        let rho = value.units * Tracked.unit
        guard value.value.hi.isFinite, value.value.hi > 0, rho <= 0x1p-50 else { return nil }
        return (value.value, 3 * rho * value.value.hi)
    }
}

/// A double word with a first-order bound on its relative error, in units of
/// ``unit`` = 4u² = 2⁻¹⁰⁴ (u = 2⁻⁵³): the bounds of Joldes, Muller and Popescu (ACM TOMS
/// 44(2), 2017) are 3u² + 13u³ for `AccurateDWPlusDW`, 4u² for `DWTimesDW3` (one unit each)
/// and 15u² + 56u³ for `DWDivDW1` (four), as ``DoubleWord`` implements them, without
/// underflow or overflow (the callers keep values between 2⁻³⁰⁰ and 2¹⁰⁰⁰).
///
/// Propagation (x = X(1 + θx), y = Y(1 + θy), X, Y ≥ 0): a product or quotient carries
/// |θx| + |θy| + its own; a sum (θx·X + θy·Y)/(X + Y) + 1 (weighted from the computed
/// values, with 0.1 % to spare); ``combined(_:)`` as documented there.
/// The weights need the values only to 0.1 %: no value here carries more than 10⁷ units
/// (2⁻⁸⁰). With the total ρ = units·unit ≤ 2⁻⁵⁰ the neglected higher-order terms are below
/// 2⁻⁴⁰·ρ; the caller's factor 3 on ρ leaves room for them and for the doubles that weigh.
struct Tracked {
    var value: DoubleWord
    var units: Double

    static let unit = 0x1p-104

    init(_ value: DoubleWord, units: Double) { (self.value, self.units) = (value, units) }
    init(exactly value: DoubleWord) { (self.value, self.units) = (value, 0) }
    init(exactly value: Double) { (self.value, self.units) = (DoubleWord(value), 0) }

    /// x/y of two integers below 2¹⁰⁶ (exact as double words).
    static func quotient(_ x: Int128, _ y: Int128) -> Tracked {
        Tracked(exactly: DoubleWord(exactly: x)!) / Tracked(exactly: DoubleWord(exactly: y)!)
    }

    static func * (x: Tracked, y: Tracked) -> Tracked { Tracked(x.value * y.value, units: x.units + y.units + 1) }
    static func / (x: Tracked, y: Tracked) -> Tracked { Tracked(x.value / y.value, units: x.units + y.units + 4) }

    /// x + y for x, y ≥ 0: the errors weighted by the terms, plus the sum's own.
    func plus(_ y: Tracked) -> Tracked {
        let total = value.hi + y.value.hi
        let carried = total > 0 ? (units * value.hi + y.units * y.value.hi) / total * 1.001 : 0
        return Tracked(value + y.value, units: carried + 1)
    }

    /// (1 + x)(1 + y) − 1 = (x + y) + x·y for x, y ≥ 0. The exact result of the carried
    /// values is off by θx·X(1 + Y) + θy·Y(1 + X), relative to X + Y + XY (weighted below
    /// from the computed values); the two sums and the product add
    /// at most 2 units relative to the result.
    func combined(_ y: Tracked) -> Tracked {
        let x0 = value.hi, y0 = y.value.hi
        let total = x0 + y0 + x0 * y0
        let carried = total > 0 ? (units * x0 * (1 + y0) + y.units * y0 * (1 + x0)) / total * 1.001 : 0
        return Tracked((value + y.value) + value * y.value, units: carried + 2)
    }

    /// (1 + x)^m − 1 for x ≥ 0, m ≥ 0, by binary powering of the excess.
    func excessPower(_ m: Int) -> Tracked {
        var result = Tracked(exactly: 0), base = self, e = m
        while e > 0 {
            if e & 1 == 1 { result = result.value.hi == 0 ? base : result.combined(base) }
            e >>= 1
            if e > 0 { base = base.combined(base) }
        }
        return result
    }
}
