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
