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
/// try problem.rounded(by: .toNearestOrAway).minorUnits   // 43666  (436.66)
/// ```
///
/// Any values may be stored; the methods that compute `P*` check them first
/// (``checkInputs()``) and report a problem outside their range as `invalid_argument`.
public struct LevelPayment: Sendable, Hashable {
    /// Principal `A` in minor units (> 0).
    public var principal: Int128
    /// Balloon `B` in minor units (0 ≤ B ≤ A; B = A is an interest-only loan, `P* = A·i` with a
    /// regular first period in arrears).
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

    /// Checks what every computation of `P*` needs: `A > 0`, `0 ≤ B ≤ A` (`B = A`: interest only),
    /// `1 ≤ n ≤ 100,000`, `0 ≤ t < 10,000`, `0 ≤ oddDays < 2²⁰` and
    /// `1 ≤ daysPerUnitPeriod < 2²⁰` — the range the fast path's `estimate()` accepts, apart
    /// from its bounds on the principal and the rate and `B = A`, which the exact path computes.
    ///
    /// ```swift
    /// try LevelPayment(principal: 100, balloon: 0, rate: rate, numberOfPayments: 0).checkInputs()
    /// // throws invalid_argument at numberOfPayments
    /// ```
    /// - Throws: ``DealError`` `invalid_argument` naming the first field out of range.
    public func checkInputs() throws(DealError) {
        guard principal > 0 else {
            throw DealError.invalidArgument("principal", "expected a principal above zero minor units, found \(principal)")
        }
        guard balloon >= 0, balloon <= principal else {
            throw DealError.invalidArgument("balloon", "expected a balloon from zero to the principal \(principal), found \(balloon)")
        }
        guard (1...100_000).contains(numberOfPayments) else {
            throw DealError.invalidArgument("numberOfPayments", "expected from 1 to 100000 payments, found \(numberOfPayments)")
        }
        guard (0..<10_000).contains(wholePeriodsToFirstPayment) else {
            throw DealError.invalidArgument("wholePeriodsToFirstPayment", "expected from 0 to 9999 whole periods, found \(wholePeriodsToFirstPayment)")
        }
        guard (0..<(1 << 20)).contains(oddDays) else {
            throw DealError.invalidArgument("oddDays", "expected from 0 to \((1 << 20) - 1) odd days, found \(oddDays)")
        }
        guard (1..<(1 << 20)).contains(daysPerUnitPeriod) else {
            throw DealError.invalidArgument("daysPerUnitPeriod", "expected from 1 to \((1 << 20) - 1) days in a unit period, found \(daysPerUnitPeriod)")
        }
    }

    /// A payment in minor units and how it was proven.
    public struct Rounded: Sendable, Hashable {
        /// The rounded payment in minor units.
        public let minorUnits: Int128
        /// True when the fast path's error interval contained a rounding boundary and the exact
        /// rational was evaluated with wide integers instead.
        public let usedExactFallback: Bool

        @usableFromInline
        init(minorUnits: Int128, usedExactFallback: Bool) {
            self.minorUnits = minorUnits
            self.usedExactFallback = usedExactFallback
        }
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
    /// try problem.rounded(by: .toNearestOrAway).minorUnits   // 43666
    /// ```
    /// - Throws: ``DealError`` `invalid_argument` for inputs outside ``checkInputs()``'s range
    ///   (checked when the fast path declines: its own range is inside that one), `overflow`
    ///   for a payment beyond 128 bits.
    @inlinable @inline(__always)
    public func rounded(by rule: RoundingRule) throws(DealError) -> Rounded {
        precondition(rule != .requireExact, "LevelPayment.rounded(by:) needs a rounding rule; use payment(rule:) for requireExact")
        // The fast path declines a zero rate; the rest is out of line and gets the fields by
        // value, so an inlined caller needs no copy of the whole problem in memory.
        if let fast = fastPath(rule: rule) { return Rounded(minorUnits: fast, usedExactFallback: false) }
        return try Self.slowRounded(principal, balloon, rate, numberOfPayments, timing, wholePeriodsToFirstPayment,
                                oddDays, daysPerUnitPeriod, spreadsOddPeriod, rule: rule)
    }

    /// ``rounded(by:)`` when the fast path declines: a zero rate by one exact division, then
    /// ``exactRounded128(rule:)``, then ``exactRounded(rule:)``.
    @usableFromInline @inline(never)
    static func slowRounded(_ principal: Int128, _ balloon: Int128, _ rate: PeriodicRate, _ numberOfPayments: Int,
                            _ timing: PaymentTiming, _ wholePeriodsToFirstPayment: Int, _ oddDays: Int,
                            _ daysPerUnitPeriod: Int, _ spreadsOddPeriod: Bool, rule: RoundingRule) throws(DealError) -> Rounded {
        let problem = LevelPayment(principal: principal, balloon: balloon, rate: rate, numberOfPayments: numberOfPayments,
                                   timing: timing, wholePeriodsToFirstPayment: wholePeriodsToFirstPayment, oddDays: oddDays,
                                   daysPerUnitPeriod: daysPerUnitPeriod, spreadsOddPeriod: spreadsOddPeriod)
        try problem.checkInputs()
        if rate.isZero, let exact = problem.zeroRateRounded(rule: rule) { return Rounded(minorUnits: exact, usedExactFallback: false) }
        if let exact = problem.exactRounded128(rule: rule) { return Rounded(minorUnits: exact, usedExactFallback: true) }
        return Rounded(minorUnits: try problem.exactRounded(rule: rule), usedExactFallback: true)
    }

    /// At a zero rate `P* = (A − B) / n` exactly (whatever the timing and first period, as in
    /// ``exactFraction()``): one 128-bit division decides it, with the same rule as ``exactRounded(rule:)``. Nil only if `A − B` overflows.
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
    /// try problem.exactRounded(rule: .toNearestOrAway)   // 43666
    /// ```
    /// - Throws: ``DealError`` `invalid_argument` for inputs outside ``checkInputs()``'s
    ///   range, `overflow` for a payment beyond 128 bits.
    public func exactRounded(rule: RoundingRule) throws(DealError) -> Int128 {
        precondition(rule != .requireExact, "LevelPayment.exactRounded(rule:) needs a rounding rule; use payment(rule:) for requireExact")
        try checkInputs()
        let (numerator, denominator) = exactFraction()
        let quotient: WideInteger
        do {
            quotient = try numerator.divided(by: denominator, rule: rule)
        } catch {
            throw DealError.internalFailure("periodicPayment", "the exact payment's denominator of checked inputs is not positive: \(error)")
        }
        guard let minorUnits = quotient.int128Value else {
            throw DealError(code: .overflow, path: "periodicPayment", message: "expected a payment that fits in 128 bits of minor units, found one of \(quotient.bitWidth) bits")
        }
        return minorUnits
    }

    /// The exact payment `P*` in major units (minor units / 10^`minorUnitDigits`) as a decimal
    /// with at least `significantDigits` significant digits (at most 38 digits in all),
    /// rounded half-even in the last digit — for reconciling with lenders and spreadsheets.
    ///
    /// ```swift
    /// try problem.unroundedPayment(minorUnitDigits: 2, significantDigits: 20)   // 436.6560305885583676706087
    /// ```
    /// - Throws: ``DealError`` `invalid_argument` for inputs outside ``checkInputs()``'s
    ///   range or `minorUnitDigits` outside 0–38, `overflow` for a payment of 10^38 or more.
    public func unroundedPayment(minorUnitDigits: Int, significantDigits: Int) throws(DealError) -> ExactDecimal {
        try checkInputs()
        guard (0...ExactDecimal.maximumScale).contains(minorUnitDigits) else {
            throw DealError.invalidArgument("minorUnitDigits", "expected from 0 to \(ExactDecimal.maximumScale) minor-unit decimals, found \(minorUnitDigits)")
        }
        if let proven = provenUnrounded(dividedBy: 1, minorUnitDigits: minorUnitDigits, significantDigits: significantDigits) { return proven }
        let (numerator, denominator) = exactFraction()
        return try Self.decimal(numerator, denominator, minorUnitDigits: minorUnitDigits, significantDigits: significantDigits)
    }

    /// A positive fraction of minor units in major units with `significantDigits` significant
    /// digits, rounded half-even (as ``unroundedPayment(minorUnitDigits:significantDigits:)``).
    /// Throws `overflow` when even the whole major units do not fit in 38 digits.
    static func decimal(_ numerator: WideInteger, _ denominator: WideInteger, minorUnitDigits: Int, significantDigits: Int) throws(DealError) -> ExactDecimal {
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
        throw DealError(code: .overflow, path: "unroundedPayment", message: "expected an exact payment below 10^38 major units, found a larger one")
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
    /// No heap allocation, no division on the power's dependency chain, no branch on the bits
    /// of `n` below 512 payments.
    ///
    /// With `r = q + p` (i = p/q) the payment is, multiplied through by `qⁿ·s` for any s > 0,
    ///
    ///     P* = (A'·c·R − B·c·Q) / (R − Q),   R = rⁿ·s, Q = qⁿ·s, c = p/q_t,
    ///
    /// q_t = q in arrears and r in advance (P*/(1+i) = …/(q·(1+i)) = …/r). ``estimate()`` evaluates it and bounds its error;
    /// here the interval `2·[P − error, P + error]` must lie strictly between two consecutive
    /// multiples of ½ — then the floor of `P*` and the side of its half are proven, and every
    /// rule (none of which is decided at an exact integer or half, which the interval excludes)
    /// follows from them.
    @inlinable @inline(__always)
    func fastPath(rule: RoundingRule) -> Int128? {
        guard let (twice, error) = estimate() else { return nil }
        // `twice` ≈ 2P*, `error` ≥ 1.9·|twice − 2P*| + 15u·twice (see estimate()), so both
        // rounded ends below are still beyond 2P* (each end is off by at most half an ulp of `twice`).
        let low = twice - error, high = twice + error
        // twice < 2^51 and error ≤ 2^-19·twice: both ends are in (0, 2^52), safe to truncate.
        let halves = Int64(low)                      // truncation is the floor for low > 0
        guard low > Double(halves), Int64(high) == halves else { return nil }
        // 2P* ∈ (halves, halves + 1): P* ∈ (⌊halves/2⌋ + {0 or ½}, … + ½) strictly.
        let floor = Int128(halves >> 1)
        let aboveHalf = halves & 1 == 1
        switch rule {
        case .down, .towardZero: return floor
        case .up, .awayFromZero: return floor + 1
        case .toOdd: return floor & 1 == 1 ? floor : floor + 1
        case .toNearestOrDown, .toNearestOrUp, .toNearestOrZero, .toNearestOrAway, .toNearestOrEven:
            return aboveHalf ? floor + 1 : floor
        case .requireExact: return nil
        }
    }

    /// `2P*` in double precision and a bound `error ≥ 1.9·|twice − 2P*| + 15u·twice`
    /// (u = 2⁻⁵³), or nil outside the fast path's range (a zero rate included). Every integer
    /// input is below 2⁵³, so exact as a double; `B ≥ 0`, `A > B`, `0 < p ≤ q` (i ≤ 1).
    ///
    /// Evaluation (n < 512): `R = rⁿ·s` and `Q = qⁿ·s` with s = 2^(−8k·⌊n/8⌋) (k the bit length
    /// of q) by a fixed base-8 table method (``scaledPowers(_:_:_:scale:)``; the scaling by powers
    /// of two is exact and keeps every intermediate in [2⁻⁵¹², 2⁹⁰⁰], no overflow or underflow);
    /// n ≥ 512: `R = fl(r/q)ⁿ`, `Q = 1` by binary powering. With `C = fl(2p/q_t)` computed off
    /// the power's dependency chain: `A'' = A'·C`, `B'' = B·C`, `T = A''·R`, `U = B''·Q`,
    /// `S = T − U`, `G = R − Q`, `twice = S/G` — one division after the powers.
    ///
    /// Bound (Higham's γₖ = ku/(1 − ku); each operation on positive doubles is exact times
    /// (1+δ), |δ| ≤ u; a product of k factors (1+δ)^±1 is within γₖ of 1):
    /// - A computed power of exponent m of an exact base carries m − 1 roundings (by induction
    ///   over any addition chain; products by the power of two s are exact); an inexact base
    ///   x(1+δ₀) adds m more. So `R = rⁿs(1+η₁)`, `Q = qⁿs(1+η₂)` with |η| ≤ γ_{k_R}, k_R = n − 1
    ///   (table) or 2n − 1 (x-form: s = q⁻ⁿ, R = fl(r/q)ⁿ, Q = 1 exactly).
    /// - `A' = a'(1+α)`, |α| ≤ γ_{k_α}: k_α = 0 for a regular first period; +5 for the odd
    ///   days (`F = fl(1 + fl(fl(o·p)/fl(d·q)))`: γ₃ on φi and one addition, then A·F);
    ///   +2s for s = t − 1 > 0 (`fl(r/q)^s`: 2s − 1, times A': 1); +2 for t = 0 (/fl(r/q)).
    /// - `C = 2c(1+δ)`; `T = 2c·a'·rⁿs·(1+τ₁)`, |τ₁| ≤ γ_{k_α + k_R + 3} (α, η₁, C, A'', T);
    ///   `U = 2c·B·qⁿs·(1+τ₂)`, |τ₂| ≤ γ_{k_R + 3}. With y = (1+i)ⁿ ≥ 1:
    ///   `S = 2c·qⁿs·(a'y − B)(1 + κτ)(1+δ)`, |κτ| ≤ κ·γ_{k_α + k_R + 3},
    ///   κ = (a'y + B)/(a'y − B) ≤ (a' + B)/(a' − B) =: κ̂ (decreasing in y).
    /// - `G = qⁿs·(y − 1)(1 + ω)(1+δ)`, |ω| ≤ ((y + 1)/(y − 1))·γ_{k_R} ≤ (1 + 2q/(n·p))·γ_{k_R}
    ///   (Bernoulli: y − 1 ≥ n·i).
    /// - Three more roundings (S, G, the quotient).
    /// So |twice/2P* − 1| ≤ (1 + κ̂γ)(1+γ₂)/((1 − ŵγ)(1 − u)) − 1 with ŵ = 1 + 2q/(np). The
    /// first-order sum ρ = κ̂·(k_α + k_R + 3)u + ŵ·k_R·u + 3u is computed from doubles (κ̂ from
    /// the computed A', whose relative error γ_{k_α} ≤ 3·10⁻¹¹ moves κ̂ by at most 10⁻⁴ % when
    /// A' − B ≥ 2⁻²⁰A'; ŵ to 3u); with ρ ≤ 2⁻²¹ every second-order term, γₖ/(ku) − 1 and those
    /// errors together are below 10⁻⁵·ρ, so |twice − 2P*| ≤ 1.0001·ρ·twice, and
    /// `error = twice·(2ρ + 16u)` (one more rounding) is at least 1.9·|twice − 2P*| + 15u·twice.
    /// The 15u·twice ≥ 7 ulps of `twice` absorb the rounding of `twice ± error`.
    @inlinable @inline(__always)
    func estimate() -> (twice: Double, error: Double)? {
        // The range checks as unsigned comparisons (a negative value wraps to a huge one):
        // 0 ≤ B < A < 2⁵³, 0 < p ≤ q, p + q < 2⁵³, 0 < n ≤ 100,000, 0 ≤ t < 10,000,
        // 0 ≤ oddDays < 2²⁰, 0 < daysPerUnitPeriod < 2²⁰.
        let limit: UInt128 = 1 << 53
        let p128 = rate.numerator, q128 = rate.denominator
        guard UInt128(bitPattern: principal) < limit, UInt128(bitPattern: balloon) < UInt128(bitPattern: principal),
              UInt128(bitPattern: q128) < limit, UInt128(bitPattern: p128 &- 1) < UInt128(bitPattern: q128),
              UInt128(bitPattern: p128 &+ q128) < limit,
              UInt(bitPattern: numberOfPayments &- 1) < 100_000, UInt(bitPattern: wholePeriodsToFirstPayment) < 10_000,
              UInt(bitPattern: oddDays) < 1 << 20, UInt(bitPattern: daysPerUnitPeriod &- 1) < (1 << 20) - 1
        else { return nil }
        let u = 0x1p-53
        let n = numberOfPayments
        let pInt = Int64(truncatingIfNeeded: p128), qInt = Int64(truncatingIfNeeded: q128)
        let rInt = pInt + qInt
        let p = Double(pInt), q = Double(qInt), r = Double(rInt)
        let a = Self.double(principal), b = Self.double(balloon)

        // A' = A · (1 + φi) · (1 + i)^(t − 1), with k_α roundings.
        var adjusted = a
        var roundingsA = 0
        if spreadsOddPeriod {
            if oddDays != 0 {
                let phiI = (Double(oddDays) * p) / (Double(daysPerUnitPeriod) * q)
                adjusted *= 1 + phiI
                roundingsA += 5
            }
            let shift = wholePeriodsToFirstPayment - 1
            if shift > 0 {
                adjusted *= Self.power(r / q, shift)
                roundingsA += 2 * shift
            } else if shift < 0 {
                adjusted /= r / q
                roundingsA += 2
            }
        }

        // R = rⁿ·s and Q = qⁿ·s (one common scale s), with k_R roundings each (Q exact in the x-form).
        let grown: Double, owed: Double, roundingsR: Int
        if n < 512 {
            // 2^(−8k) with k = bit length of q: q⁸·2^(−8k) ∈ [2⁻⁸, 1), r⁸·2^(−8k) ∈ [2⁻⁸, 2⁸) (r ≤ 2q).
            let scale = Double(bitPattern: UInt64(1023 - 8 * (64 - qInt.leadingZeroBitCount)) << 52)
            (grown, owed) = Self.scaledPowers(r, q, n, scale: scale)
            roundingsR = n - 1
        } else {
            grown = Self.power(r / q, n)
            owed = 1
            roundingsR = 2 * n - 1
        }

        let difference = adjusted - b
        guard difference >= adjusted * 0x1p-20 else { return nil }
        let kappa = (adjusted + b) / difference
        let spread = 1 + 2 * q / (Double(n) * p)
        let rho = (kappa * Double(roundingsA + roundingsR + 3) + spread * Double(roundingsR) + 3) * u
        guard rho <= 0x1p-21 else { return nil }

        let factor = (p + p) / (timing == .advance ? r : q)
        let twice = (adjusted * factor * grown - b * factor * owed) / (grown - owed)
        guard twice > 0, twice < 0x1p51 else { return nil }
        return (twice, twice * (2 * rho + 16 * u))
    }

    /// An integer of magnitude below 2^53 as a double, exactly.
    @inlinable @inline(__always)
    static func double(_ value: Int128) -> Double { Double(Int64(truncatingIfNeeded: value)) }

    /// (rⁿ·sᵐ, qⁿ·sᵐ) with m = ⌊n/8⌋, for 0 ≤ n < 512, both lanes at once: n = 64·d₂ + 8·d₁ + d₀
    /// in base 8, and for each digit the powers b⁰…b⁷ of that level's base b (r, r⁸·s, (r⁸·s)⁸)
    /// in a small stack table, indexed by the digit — the same operations whatever `n`, no
    /// branch on its digits. `s` is a power of two (the product by it is exact as long as
    /// nothing overflows or underflows: the caller's choice of s keeps every value normal).
    /// Every other product is of two computed powers (an addition chain) or by an exact 1.0,
    /// so a computed power of exponent m carries at most m − 1 roundings.
    @inlinable @inline(__always)
    static func scaledPowers(_ r: Double, _ q: Double, _ n: Int, scale: Double) -> (Double, Double) {
        withUnsafeTemporaryAllocation(of: SIMD2<Double>.self, capacity: 8) { table in
            var base = SIMD2(r, q)
            var result = SIMD2<Double>(1, 1)
            table[0] = SIMD2(1, 1)
            for level in 0..<3 {
                let b2 = base * base, b3 = b2 * base, b4 = b2 * b2
                table[1] = base
                table[2] = b2
                table[3] = b3
                table[4] = b4
                table[5] = b4 * base
                table[6] = b3 * b3
                table[7] = b4 * b3
                result *= table[(n &>> (3 * level)) & 7]
                if level == 0 { base = (b4 * b4) * scale } else if level == 1 { base = b4 * b4 }
            }
            return (result[0], result[1])
        }
    }

    /// xⁿ for n ≥ 0 by binary powering (at most n − 1 roundings beyond those of x).
    @usableFromInline
    static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        var base = x
        var remaining = n
        while remaining > 0 {
            if remaining & 1 == 1 { result *= base }
            remaining >>= 1
            if remaining > 0 { base *= base }
        }
        return result
    }
}
