// DealFinance — exact deal finance. DealEngine: the correctly rounded level payment.

import DealDecimal

/// A level-payment problem: the payment `P` that amortizes a principal over `n` payments at a
/// periodic rate, leaving a balloon, with an optional odd first period.
///
/// The exact payment (Documentation/RetailLoan.md) is
///
///     A' = A · (1 + φ·i) · (1 + i)^(t − 1)
///     P* = (A'·(1+i)^n − B) · i / ((1+i)^n − 1)        arrears
///     P* = that / (1 + i)                              advance
///     P* = (A − B) / n                                 i = 0
///
/// with `t` whole periods and a fraction `φ = oddDays / daysPerUnitPeriod` from the contract
/// date to the first payment. ``rounded(by:)`` returns `P*` rounded to minor units by a rule,
/// correctly: the result always equals the exact rational rounded by the rule.
///
/// ```swift
/// let rate = try PeriodicRate(annualPercentage: ExactDecimal(parsing: "6"), periodsPerYear: 12)
/// let problem = LevelPayment(principal: 3_000_000, balloon: 1_000_000, rate: rate, numberOfPayments: 60)
/// problem.rounded(by: .toNearestOrAway).minorUnits   // 43666  (436.66)
/// ```
public struct LevelPayment: Sendable, Hashable {
    /// Principal `A` in minor units (> 0).
    public var principal: Int128
    /// Balloon `B` in minor units (0 ≤ B < A).
    public var balloon: Int128
    /// The exact periodic rate `i`.
    public var rate: PeriodicRate
    /// Number of regular payments `n` (≥ 1).
    public var numberOfPayments: Int
    /// Arrears or advance.
    public var timing: PaymentTiming
    /// Whole periods `t` from the contract date to the first payment (1 for a regular first period).
    public var wholePeriodsToFirstPayment: Int
    /// Odd days beyond the whole periods.
    public var oddDays: Int
    /// Days in a unit period, the denominator of the odd fraction (30 for a month).
    public var daysPerUnitPeriod: Int
    /// Whether the odd period's interest is spread into the level payment (Reg Z actuarial).
    /// When false, `P*` is computed as for a regular first period.
    public var spreadsOddPeriod: Bool

    /// Creates a problem; by default a regular first period in arrears.
    ///
    /// ```swift
    /// LevelPayment(principal: 100_000, balloon: 0, rate: rate, numberOfPayments: 12, timing: .advance)
    /// ```
    public init(principal: Int128, balloon: Int128, rate: PeriodicRate, numberOfPayments: Int,
                timing: PaymentTiming = .arrears, wholePeriodsToFirstPayment: Int = 1, oddDays: Int = 0,
                daysPerUnitPeriod: Int = 30, spreadsOddPeriod: Bool = true) {
        self.principal = principal
        self.balloon = balloon
        self.rate = rate
        self.numberOfPayments = numberOfPayments
        self.timing = timing
        self.wholePeriodsToFirstPayment = wholePeriodsToFirstPayment
        self.oddDays = oddDays
        self.daysPerUnitPeriod = daysPerUnitPeriod
        self.spreadsOddPeriod = spreadsOddPeriod
    }

    /// A payment in minor units and how it was proven.
    public struct Rounded: Sendable, Hashable {
        /// The rounded payment in minor units.
        public let minorUnits: Int128
        /// True when the fast path's error interval contained a rounding boundary and the exact
        /// rational was evaluated with wide integers instead.
        public let usedExactFallback: Bool
    }

    /// `P*` rounded to minor units by `rule`, equal to the exact rational rounded by `rule`.
    ///
    /// A double-precision evaluation with a proven error bound decides almost every case
    /// without allocating; when its interval touches a rounding boundary the exact integer
    /// formula decides.
    ///
    /// `rule` must not be `requireExact`, which is not a rounding (a precondition: use
    /// ``payment(rule:)``, which reports an inexact payment as an error).
    ///
    /// ```swift
    /// problem.rounded(by: .toNearestOrAway).minorUnits   // 43666
    /// ```
    public func rounded(by rule: RoundingRule) -> Rounded {
        precondition(rule != .requireExact, "LevelPayment.rounded(by:) needs a rounding rule; use payment(rule:) for requireExact")
        if rate.isZero, let exact = zeroRateRounded(rule: rule) { return Rounded(minorUnits: exact, usedExactFallback: false) }
        if let fast = fastPath(rule: rule) { return Rounded(minorUnits: fast, usedExactFallback: false) }
        if let exact = exactRounded128(rule: rule) { return Rounded(minorUnits: exact, usedExactFallback: true) }
        return Rounded(minorUnits: exactRounded(rule: rule), usedExactFallback: true)
    }

    /// At a zero rate `P* = (A − B) / n` exactly (whatever the timing and first period, as in
    /// ``exactFraction()``): one 128-bit division decides it, with the same rule as ``exactRounded(rule:)``. Nil only if `A − B` overflows.
    @inline(__always)
    func zeroRateRounded(rule: RoundingRule) -> Int128? {
        let (difference, overflow) = principal.subtractingReportingOverflow(balloon)
        guard !overflow, numberOfPayments > 0 else { return nil }
        return try? rule.divide(difference, by: Int128(numberOfPayments))
    }

    /// The exact fraction of ``exactFraction()`` evaluated in 128-bit integers when every
    /// intermediate fits (short terms: n = 1 or 2, where `P*` is often a whole number of minor
    /// units and the fast path must defer), rounded like ``exactRounded(rule:)``. Nil when
    /// anything would overflow: then the wide integers decide. No heap allocation.
    func exactRounded128(rule: RoundingRule) -> Int128? {
        func mul(_ x: Int128, _ y: Int128) -> Int128? {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? nil : product
        }
        func power(_ base: Int128, _ exponent: Int) -> Int128? {
            var result: Int128 = 1
            for _ in 0..<exponent { guard let next = mul(result, base) else { return nil }; result = next }
            return result
        }
        guard !rate.isZero, numberOfPayments > 0, numberOfPayments <= 8 else { return nil }
        let p = rate.numerator, q = rate.denominator
        let (r, rOverflow) = q.addingReportingOverflow(p)
        guard !rOverflow, let rn = power(r, numberOfPayments), let qn = power(q, numberOfPayments) else { return nil }
        var f1: Int128 = 1, f0: Int128 = 1, x: Int128 = 1, y: Int128 = 1
        if spreadsOddPeriod {
            if oddDays != 0 {
                guard let days = mul(Int128(daysPerUnitPeriod), q), let odd = mul(Int128(oddDays), p) else { return nil }
                f0 = days
                let (sum, overflow) = days.addingReportingOverflow(odd)
                guard !overflow else { return nil }
                f1 = sum
            }
            let shift = wholePeriodsToFirstPayment - 1
            guard abs(shift) <= 8 else { return nil }
            if shift > 0 {
                guard let xs = power(r, shift), let ys = power(q, shift) else { return nil }
                (x, y) = (xs, ys)
            } else if shift < 0 {
                guard let xs = power(q, -shift), let ys = power(r, -shift) else { return nil }
                (x, y) = (xs, ys)
            }
        }
        guard let t1 = mul(principal, f1), let t2 = mul(t1, x), let grown = mul(t2, rn),
              let s1 = mul(balloon, f0), let s2 = mul(s1, y), let owed = mul(s2, qn) else { return nil }
        let (difference, dOverflow) = grown.subtractingReportingOverflow(owed)
        guard !dOverflow, var numerator = mul(difference, p),
              let d1 = mul(f0, y), let d2 = mul(d1, q) else { return nil }
        let (gap, gOverflow) = rn.subtractingReportingOverflow(qn)
        guard !gOverflow, var denominator = mul(d2, gap) else { return nil }
        if timing == .advance {
            guard let n2 = mul(numerator, q), let d3 = mul(denominator, r) else { return nil }
            (numerator, denominator) = (n2, d3)
        }
        return try? rule.divide(numerator, by: denominator)
    }

    /// `P*` rounded by `rule` from the exact rational only (the slow reference path). `rule`
    /// must not be `requireExact` (a precondition; see ``payment(rule:)``).
    ///
    /// ```swift
    /// problem.exactRounded(rule: .toNearestOrAway)   // 43666
    /// ```
    public func exactRounded(rule: RoundingRule) -> Int128 {
        precondition(rule != .requireExact, "LevelPayment.exactRounded(rule:) needs a rounding rule; use payment(rule:) for requireExact")
        let (numerator, denominator) = exactFraction()
        // The quotient is a payment in minor units: it always fits (A < 10^15, i ≤ 1).
        let quotient = (try? numerator.divided(by: denominator, rule: rule)) ?? .zero
        return quotient.int128Value ?? 0
    }

    /// The exact payment `P*` in major units (minor units / 10^`minorUnitDigits`) as a decimal
    /// with at least `significantDigits` significant digits (at most 38 digits in all),
    /// rounded half-even in the last digit — for reconciling with lenders and spreadsheets.
    ///
    /// ```swift
    /// problem.unroundedPayment(minorUnitDigits: 2, significantDigits: 20)   // 436.656030588558405…
    /// ```
    public func unroundedPayment(minorUnitDigits: Int, significantDigits: Int) -> ExactDecimal {
        let (numerator, denominator) = exactFraction()
        guard !numerator.isZero else { return ExactDecimal.zero }
        // Extra digits when P* is below one minor unit: about 0.30103 decimal digits per bit.
        let shortfall = max(0, (denominator.bitWidth - numerator.bitWidth) * 30103 / 100000 + 1)
        var extra = significantDigits + shortfall
        extra = min(extra, ExactDecimal.maximumScale - minorUnitDigits)
        while extra >= 0 {
            if let quotient = try? numerator.multiplied(byPowerOfTen: extra).divided(by: denominator, rule: .toNearestOrEven).int128Value,
               let value = try? ExactDecimal(coefficient: quotient, scale: extra + minorUnitDigits) {
                return value
            }
            extra -= 1
        }
        return ExactDecimal.zero
    }

    /// `P*` as an exact fraction of wide integers (numerator, denominator > 0).
    ///
    /// ```swift
    /// let (n, d) = problem.exactFraction()   // n / d = 43665.603058…
    /// ```
    package func exactFraction() -> (WideInteger, WideInteger) {
        let a = WideInteger(principal), b = WideInteger(balloon)
        if rate.isZero {
            return (a - b, WideInteger(numberOfPayments))
        }
        let p = WideInteger(rate.numerator), q = WideInteger(rate.denominator)
        let r = q + p
        let rn = r.power(numberOfPayments), qn = q.power(numberOfPayments)
        var f1 = WideInteger(1), f0 = WideInteger(1), x = WideInteger(1), y = WideInteger(1)
        if spreadsOddPeriod {
            if oddDays != 0 {
                f0 = WideInteger(daysPerUnitPeriod) * q
                f1 = f0 + WideInteger(oddDays) * p
            }
            let shift = wholePeriodsToFirstPayment - 1
            if shift > 0 { x = r.power(shift); y = q.power(shift) } else if shift < 0 { x = q.power(-shift); y = r.power(-shift) }
        }
        var numerator = (a * f1 * x * rn - b * f0 * y * qn) * p
        var denominator = f0 * y * q * (rn - qn)
        if timing == .advance {
            numerator = numerator * q
            denominator = denominator * r
        }
        return (numerator, denominator)
    }

    /// The double-precision evaluation with its error bound; nil when the bound does not
    /// decide the rounding (or an input is outside the fast path's exact-representation range).
    ///
    /// Bound: every quantity is a sum or product of positive terms, so each floating-point
    /// operation adds at most one unit roundoff `u` = 2⁻⁵³ of relative error. `i = p/q` has
    /// relative error ≤ u (p, q < 2⁵³ are exact); `E = (1+i)ⁿ − 1` evaluated by binary powering
    /// of `e ↦ e·e' + e + e'` has relative error ≤ n·(u + 3u) = 4nu; the payment is formed as
    /// `P = A'·i + (A' − B)·i/E` (no cancellation: A' > B) and its error is summed term by
    /// term. The bound used is twice that sum plus 8 ulps of the result.
    @usableFromInline
    func fastPath(rule: RoundingRule) -> Int128? {
        let limit: Int128 = 1 << 53
        guard principal < limit, balloon >= 0, balloon < principal,
              rate.numerator < limit, rate.denominator < limit,
              numberOfPayments > 0, numberOfPayments <= 100_000,
              wholePeriodsToFirstPayment >= 0, wholePeriodsToFirstPayment < 10_000,
              oddDays >= 0, oddDays < 1 << 20, daysPerUnitPeriod > 0, daysPerUnitPeriod < 1 << 20
        else { return nil }
        let u = 0x1p-53
        // Every integer converted below is < 2^53 (checked above), so going through Int64 is exact
        // and avoids the generic (slow) Int128 → Double conversion.
        let a = Self.double(principal), b = Self.double(balloon)
        let rateNumerator = Self.double(rate.numerator), rateDenominator = Self.double(rate.denominator)
        var value: Double
        var error: Double
        if rate.isZero {
            value = (a - b) / Double(numberOfPayments)     // a − b exact (integers < 2^53)
            error = value * u
        } else {
            let i = rateNumerator / rateDenominator
            let n = numberOfPayments
            let e = Self.powerMinusOne(i, n)
            let errorE = (4 * Double(n) + 8) * u
            // A' = A · (1 + φ i) · (1 + i)^(t − 1)
            var adjusted = a
            var errorAdjusted = 0.0
            if spreadsOddPeriod {
                if oddDays != 0 {
                    let phiI = (Double(oddDays) * rateNumerator) / (Double(daysPerUnitPeriod) * rateDenominator)
                    adjusted *= 1 + phiI
                    errorAdjusted += 6 * u
                }
                let shift = wholePeriodsToFirstPayment - 1
                if shift > 0 {
                    adjusted *= 1 + Self.powerMinusOne(i, shift)
                    errorAdjusted += (4 * Double(shift) + 10) * u
                } else if shift < 0 {
                    adjusted /= 1 + i
                    errorAdjusted += 4 * u
                }
            }
            let interestOnly = adjusted * i
            let errorInterestOnly = errorAdjusted + 3 * u
            let difference = adjusted - b
            guard difference > 0 else { return nil }
            let errorDifference = adjusted * errorAdjusted / difference + u
            let amortizing = difference * i / e
            let errorAmortizing = errorDifference + errorE + 4 * u
            value = interestOnly + amortizing
            error = interestOnly * errorInterestOnly + amortizing * errorAmortizing + value * u
            if timing == .advance {
                value /= 1 + i
                error = error / (1 + i) + value * 4 * u
            }
        }
        guard value.isFinite, error.isFinite, value >= 0, value < 0x1p52 else { return nil }
        error = 2 * error + 8 * value.ulp + 0x1p-1000
        let low = value - error, high = value + error
        guard low > 0, high < 0x1p52 else { return nil }
        // Truncation by integer conversion is floor for positive values (and needs no libm).
        let floorLow = Int64(low), floorHigh = Int64(high)
        let halfLow = Int64(low + 0.5), halfHigh = Int64(high + 0.5)
        guard floorLow == floorHigh, low > Double(floorLow), halfLow == halfHigh, low + 0.5 > Double(halfLow) else { return nil }
        let truncated = Int128(floorLow)
        let side = halfLow > floorLow ? 1 : -1
        return try? rule.adjust(truncated: truncated, negative: false, remainderVersusHalf: side)
    }

    /// An integer of magnitude below 2^53 as a double, exactly.
    @inline(__always)
    static func double(_ value: Int128) -> Double { Double(Int64(truncatingIfNeeded: value)) }

    /// (1 + i)^n − 1 for i ≥ 0 by binary powering on e = x − 1: (1+a)(1+b) − 1 = a·b + a + b,
    /// which adds only positive terms (no cancellation for small i).
    @inlinable
    static func powerMinusOne(_ i: Double, _ n: Int) -> Double {
        var result = 0.0
        var base = i
        var remaining = n
        while remaining > 0 {
            if remaining & 1 == 1 { result = result * base + result + base }
            remaining >>= 1
            if remaining > 0 { base = base * base + 2 * base }
        }
        return result
    }
}
