// DealFinance — exact deal finance. DealEngine: the APR's decimals, correctly rounded from the
// exact root (the same value on every platform, binding and version).

import DealDecimal

extension AnnualPercentageRate {
    /// The exact root times `factor`, correctly rounded to `decimals` places by `rule` (a
    /// nearest rule: ties to even or away from zero).
    ///
    /// `bracket` holds a root of the equation with the equation's value proven positive at
    /// `lower` and negative at `upper` (a rate below the root leaves payments worth more than
    /// the advances). Both ends are exact binary fractions: when they round to the same
    /// decimal, every point between them does, the root included. Otherwise the rounding
    /// boundaries between the two decimals (the midpoints (m + ½)·10^−decimals) are decided
    /// one by one by `signAt`, the equation's exact sign at a rational rate, in a binary
    /// search: a positive sign puts the root above the boundary, a negative one below, a zero
    /// puts it on the boundary (the tie goes by `rule`). No floating-point midpoint decides.
    ///
    /// - Parameters:
    ///   - factor: the APR in the reported unit per unit of rate, `numerator / denominator`
    ///     (percent × unit-periods a year: 100·52/3 for 3 weeks).
    ///   - exactSigns: incremented once per exact sign evaluated.
    ///   - fastSign: the sign at p/q in 128-bit integers when it can prove it (nil: ask `signAt`).
    /// - Throws: ``DealError`` `overflow` beyond 38 digits, or what `signAt` throws (`internal`
    ///   when it cannot decide a sign).
    ///
    /// ```swift
    /// // 0.5 % a month exactly: 6.00 % a year, with no exact sign needed.
    /// var signs = 0
    /// try AnnualPercentageRate.correctlyRounded(RateSolver.Bracket(lower: 0.005, upper: 0.005),
    ///     factor: (1_200, 1), decimals: 2, rule: .toNearestOrAway, exactSigns: &signs) { _ in 0 }   // 6.00
    /// ```
    static func correctlyRounded(_ bracket: RateSolver.Bracket, factor: (numerator: Int, denominator: Int),
                                 decimals: Int, rule: RoundingRule, exactSigns: inout Int,
                                 fastSign: (Int128, Int128) -> Int? = { _, _ in nil },
                                 signAt: (ExactFraction) throws(DealError) -> Int) throws(DealError) -> ExactDecimal {
        guard let low = scaledRounded(bracket.lower, factor: factor, decimals: decimals, rule: rule),
              let high = scaledRounded(bracket.upper, factor: factor, decimals: decimals, rule: rule) else {
            throw DealError(code: .overflow, path: "", message: "the APR needs more than 38 digits")
        }
        var (a, b) = (low, high)
        // The root's decimal is in a…b; the boundary after m is (2m + 1) / (2·10^decimals) in
        // the reported unit, the rate (2m + 1)·denominator / (2·10^decimals·numerator).
        var boundarySmall: Int128? = Int128(2 * factor.numerator)
        for _ in 0..<decimals { boundarySmall = boundarySmall.flatMap { Self.checkedProduct($0, 10) } }
        // The bracket's midpoint usually rounds to the answer: its two boundaries are decided
        // first (two signs instead of a binary search's ⌈log₂(b − a + 1)⌉), then the search
        // continues on whatever is left.
        var guesses: (Int128?, Int128?) = (nil, nil)
        if a < b, let guess = scaledRounded(bracket.lower + (bracket.upper - bracket.lower) / 2, factor: factor,
                                            decimals: decimals, rule: rule), guess >= a, guess <= b {
            guesses = (guess > a ? guess - 1 : nil, guess < b ? guess : nil)
        }
        while a < b {
            var m = a + (b - a) / 2
            if let first = guesses.0 {
                guesses.0 = nil
                if first >= a && first < b { m = first }
            } else if let second = guesses.1 {
                guesses.1 = nil
                if second >= a && second < b { m = second }
            }
            exactSigns += 1
            // The rate in 128-bit integers for `fastSign` when it fits, else (or when it
            // cannot decide) as a fraction of wide integers for `signAt`.
            var decided: Int?
            if let small = boundarySmall, let odd = Self.checkedProduct(2 * m + 1, Int128(factor.denominator)) {
                decided = fastSign(odd, small)
            }
            let sign: Int
            if let decided { sign = decided } else {
                sign = try signAt(ExactFraction(WideInteger(2 * m + 1) * WideInteger(factor.denominator),
                                                WideInteger(2 * factor.numerator).multiplied(byPowerOfTen: decimals)))
            }
            if sign > 0 {
                a = m + 1
            } else if sign < 0 {
                b = m
            } else {
                // The root is the boundary itself.
                switch rule {
                case .toNearestOrEven: a = m % 2 == 0 ? m : m + 1
                default: a = 2 * m + 1 > 0 ? m + 1 : m
                }
                break
            }
        }
        do { return try ExactDecimal(coefficient: a, scale: decimals) } catch {
            throw DealError(code: .overflow, path: "", message: "the APR needs more than 38 digits")
        }
    }

    /// The rounding cell of a root estimate, proven by exact signs: a bracket of a root of a
    /// decreasing equation that holds the two rounding boundaries around `estimate`, or nil.
    ///
    /// With m = `estimate`·factor rounded to `decimals` places, the boundaries are the rates
    /// b∓ = (2m ∓ 1)·denominator / (2·10^decimals·numerator), passed to `sign` as p and q in
    /// 128-bit integers (the same p and q ``correctlyRounded(_:factor:decimals:rule:exactSigns:fastSign:signAt:)``
    /// asks for). The equation decreases through its one root, so a sign ≥ 0 at b₋ and ≤ 0 at
    /// b₊ put the root in [b₋, b₊], and the returned doubles lie outside that (8 ulp beyond
    /// the quotients, which carry at most 3 roundings). Nil — the caller proves a bracket
    /// another way — when a sign says the estimate is in another cell, m < 1, p or q exceed
    /// 128 bits, or the upper end exceeds `limit`.
    ///
    /// ```swift
    /// // A root of 0.005 per month exactly (6 % a year): both boundaries are 5e−15 % away.
    /// try AnnualPercentageRate.provenCell(0.005, factor: (1_200, 1), decimals: 12, limit: 1) { p, q in
    ///     p * 1_000 < q * 5 ? 1 : -1
    /// }   // a bracket around 0.005
    /// ```
    static func provenCell(_ estimate: Double, factor: (numerator: Int, denominator: Int), decimals: Int, limit: Double,
                           sign: (Int128, Int128) throws(DealError) -> Int) throws(DealError) -> RateSolver.Bracket? {
        guard let m = scaledRounded(estimate, factor: factor, decimals: decimals, rule: .toNearestOrEven), m >= 1 else { return nil }
        var small: Int128? = Int128(2 * factor.numerator)
        for _ in 0..<decimals { small = small.flatMap { checkedProduct($0, 10) } }
        guard let q = small, let lowOdd = checkedProduct(2 * m - 1, Int128(factor.denominator)),
              let highOdd = checkedProduct(2 * m + 1, Int128(factor.denominator)) else { return nil }
        guard try sign(lowOdd, q) >= 0, try sign(highOdd, q) <= 0 else { return nil }
        let low = nearestDouble(lowOdd) / nearestDouble(q), high = nearestDouble(highOdd) / nearestDouble(q)
        let lower = low - 8 * low.ulp, upper = high + 8 * high.ulp
        guard lower > 0, upper.isFinite, upper <= limit else { return nil }
        return RateSolver.Bracket(lower: lower, upper: upper)
    }

    /// The last two boundary signs decided (p, q as ``provenCell(_:factor:decimals:limit:sign:)``
    /// and ``correctlyRounded(_:factor:decimals:rule:exactSigns:fastSign:signAt:)`` pass them),
    /// so that the rounding does not decide the cell's boundaries again.
    struct KnownSigns {
        private var first: (p: Int128, q: Int128, sign: Int)?
        private var second: (p: Int128, q: Int128, sign: Int)?

        /// The recorded sign at p/q, or nil.
        subscript(p: Int128, q: Int128) -> Int? {
            if let first, first.p == p, first.q == q { return first.sign }
            if let second, second.p == p, second.q == q { return second.sign }
            return nil
        }

        /// Records the sign at p/q, forgetting the older of the two.
        mutating func record(_ p: Int128, _ q: Int128, _ sign: Int) {
            second = first
            first = (p, q, sign)
        }
    }

    /// x rounded to the nearest double: through Int64 when it fits (one instruction; the
    /// generic 128-bit conversion takes thousands).
    static func nearestDouble(_ x: Int128) -> Double {
        x >= Int128(Int64.min) && x <= Int128(Int64.max) ? Double(Int64(truncatingIfNeeded: x)) : Double(x)
    }

    /// a · b, nil on overflow.
    static func checkedProduct(_ a: Int128, _ b: Int128) -> Int128? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// `x · numerator / denominator · 10^decimals` rounded to an integer by `rule`, exactly (x is
    /// a binary fraction): in 128-bit integers for a nearest rule when x > 0 and it fits, else in wide
    /// integers. Nil beyond 38 digits or for a non-finite x.
    static func scaledRounded(_ x: Double, factor: (numerator: Int, denominator: Int), decimals: Int,
                              rule: RoundingRule) -> Int128? {
        guard x.isFinite, factor.numerator > 0, factor.denominator > 0 else { return nil }
        if x == 0 { return 0 }
        let (significand, exponent) = ExactFraction.binaryParts(x)
        if x > 0, rule == .toNearestOrEven || rule == .toNearestOrAway, decimals <= 18, factor.numerator < 1 << 20, factor.denominator < 1 << 20 {
            var power: UInt128 = 1
            for _ in 0..<decimals { power *= 10 }
            // significand · numerator · 10^decimals, checked for overflow; then the binary
            // exponent shifts the numerator or the denominator, if it fits.
            let (partial, overflow) = UInt128(significand).multipliedReportingOverflow(by: UInt128(factor.numerator))
            let (numerator, overflow2) = partial.multipliedReportingOverflow(by: power)
            let denominatorBits = Int.bitWidth - factor.denominator.leadingZeroBitCount
            if !overflow, !overflow2 {
                var n = numerator, d = UInt128(factor.denominator)
                var fits = true
                if exponent >= 0 {
                    fits = n.leadingZeroBitCount > exponent + 1
                    if fits { n <<= UInt128(exponent) }
                } else {
                    fits = -exponent + denominatorBits < 127
                    if fits { d <<= UInt128(-exponent) }
                }
                if fits {
                    let (q, r) = n.quotientAndRemainder(dividingBy: d)
                    let rest = d - r
                    let up: Bool
                    if rule == .toNearestOrEven { up = r > rest || (r == rest && q & 1 == 1) } else { up = r >= rest }
                    let rounded = up ? q + 1 : q
                    guard rounded < 100_000_000_000_000_000_000_000_000_000_000_000_000 else { return nil }
                    return Int128(rounded)
                }
            }
        }
        return scaledRoundedByDivision(x, factor: factor, decimals: decimals, rule: rule)
    }

    /// ``scaledRounded(_:factor:decimals:rule:)`` by one wide-integer division, for every
    /// finite x and rule (`APRRoundingTests` compares the two).
    static func scaledRoundedByDivision(_ x: Double, factor: (numerator: Int, denominator: Int), decimals: Int,
                                        rule: RoundingRule) -> Int128? {
        guard x.isFinite, factor.numerator > 0, factor.denominator > 0 else { return nil }
        if x == 0 { return 0 }
        let value = ExactFraction.of(x)
        let numerator = value.numerator.multiplied(byPowerOfTen: decimals) * WideInteger(factor.numerator)
        let denominator = value.denominator * WideInteger(factor.denominator)
        guard let quotient = try? numerator.divided(by: denominator, rule: rule),
              let value = quotient.int128Value,
              value.magnitude < 100_000_000_000_000_000_000_000_000_000_000_000_000 else { return nil }
        return value
    }
}

extension AnnualPercentageRate {
    /// `bracket` with its ends' signs checked by `signAt` (exact): +1 at `lower`, −1 at
    /// `upper`. A floating-point bracket whose evaluation rests on assumptions (the EU's
    /// exp and log) is widened where a sign disagrees, by 16 ulp and then 16 times more, up to
    /// 8 times. A zero-width bracket (a root of exactly 0) is returned as is.
    ///
    /// - Throws: ``DealError`` `internal` when the widening does not find proven signs.
    static func verified(_ bracket: RateSolver.Bracket, exactSigns: inout Int,
                         signAt: (ExactFraction) throws(DealError) -> Int) throws(DealError) -> RateSolver.Bracket {
        guard bracket.lower < bracket.upper else { return bracket }
        var lower = bracket.lower, upper = bracket.upper
        var step = 16.0
        func sign(_ x: Double) throws(DealError) -> Int {
            exactSigns += 1
            return try signAt(ExactFraction.of(x))
        }
        var lowerSign = try sign(lower), upperSign = try sign(upper)
        for _ in 0..<8 where !(lowerSign > 0 && upperSign < 0) {
            if lowerSign <= 0 { lower -= step * lower.ulp; lowerSign = try sign(lower) }
            if upperSign >= 0 { upper += step * upper.ulp; upperSign = try sign(upper) }
            step *= 16
        }
        guard lowerSign > 0, upperSign < 0 else {
            throw DealError(code: .internal, path: "", message: "expected the APR's bracket [\(lower), \(upper)] to have proven opposite signs, found \(lowerSign) and \(upperSign)")
        }
        return RateSolver.Bracket(lower: lower, upper: upper)
    }
}

extension ExactFraction {
    /// |x| = significand · 2^exponent for a finite x ≠ 0 (the integer significand of 53 bits,
    /// or fewer for a subnormal).
    static func binaryParts(_ x: Double) -> (significand: UInt64, exponent: Int) {
        (x.significandBitPattern | (x.isNormal ? 1 << 52 : 0), Int(x.isNormal ? x.exponent : Double.leastNormalMagnitude.exponent) - 52)
    }

    /// The finite double `x` exactly.
    static func of(_ x: Double) -> ExactFraction {
        guard x.isFinite, x != 0 else { return ExactFraction(0) }
        let (bits, exponent) = binaryParts(x)
        let significand = WideInteger(Int128(bits))
        let signed = x < 0 ? -significand : significand
        return exponent >= 0 ? ExactFraction(signed.shiftedLeft(exponent), WideInteger(1))
                             : ExactFraction(signed, WideInteger(1).shiftedLeft(-exponent))
    }
}
