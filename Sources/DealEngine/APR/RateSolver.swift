// DealFinance — exact deal finance. DealEngine: the bracketed rate solver behind every APR,
// RATE, IRR and XIRR.

import DealDecimal

/// A floating-point value together with a proven bound on its error: the exact value lies in
/// `value − errorBound … value + errorBound`.
///
/// ```swift
/// let g = BoundedValue(value: 3.5, errorBound: 1e-12)
/// g.provenSign   // 1
/// ```
package struct BoundedValue: Sendable, Equatable {
    /// The computed value.
    package var value: Double
    /// A bound on |computed − exact|.
    package var errorBound: Double

    /// Creates a bounded value.
    package init(value: Double, errorBound: Double) {
        self.value = value
        self.errorBound = errorBound
    }

    /// 1 or −1 when the exact value's sign is proven, 0 when the value is within its error of
    /// zero (or not finite).
    ///
    /// ```swift
    /// BoundedValue(value: 1e-20, errorBound: 1e-12).provenSign   // 0
    /// ```
    package var provenSign: Int {
        guard value.isFinite, errorBound.isFinite else { return 0 }
        if value > errorBound { return 1 }
        if value < -errorBound { return -1 }
        return 0
    }
}

/// Root finding by bisection on a rigorously bounded evaluation.
///
/// Every solver here works on a continuous function `g` and a bracket `[lower, upper]` whose
/// ends have *proven* opposite signs (``BoundedValue/provenSign``), so a root lies between
/// them. Each step halves the bracket at its midpoint and keeps the half whose ends still have
/// proven opposite signs. When the midpoint's sign cannot be proven (the value is within its
/// error bound of zero, so the midpoint is already next to the root), both halves are narrowed
/// separately from the outside in, which keeps the guarantee. The loop stops when the bracket
/// cannot be split in binary floating point or after ``maximumSteps`` steps, so it always ends;
/// it never returns NaN.
///
/// ```swift
/// let bracket = RateSolver.narrow(lower: 0, upper: 1, signAtLower: 1) { x in
///     BoundedValue(value: 0.25 - x * x, errorBound: 4 * Double.ulpOfOne)
/// }
/// bracket.lower <= 0.5 && 0.5 <= bracket.upper   // true
/// ```
package enum RateSolver {
    /// The most bisection steps one narrowing takes (the double format has fewer than 2,100
    /// representable values between any two bracket ends' binades, so this is never reached
    /// before the bracket stops splitting; it bounds the work regardless).
    package static let maximumSteps = 2_200

    /// A bracket `[lower, upper]` that contains a root of the function it was narrowed on.
    package struct Bracket: Sendable, Equatable {
        /// The lower end.
        package var lower: Double
        /// The upper end.
        package var upper: Double
        /// The midpoint, the reported root.
        package var midpoint: Double { lower + (upper - lower) / 2 }
        /// Half the width: the reported root is within this of a true root.
        package var halfWidth: Double { (upper - lower) / 2 }
    }

    /// Narrows `[lower, upper]`, where `evaluate(lower)` has proven sign `signAtLower` and
    /// `evaluate(upper)` the opposite proven sign, to a bracket of a root.
    ///
    /// - Parameters:
    ///   - lower: the lower end, `evaluate(lower).provenSign == signAtLower`.
    ///   - upper: the upper end, `evaluate(upper).provenSign == -signAtLower`.
    ///   - signAtLower: 1 or −1.
    ///   - evaluate: the function with an error bound.
    /// - Returns: the narrowed bracket; a root of the exact function lies inside it.
    package static func narrow(lower: Double, upper: Double, signAtLower: Int,
                              evaluate: (Double) -> BoundedValue) -> Bracket {
        var lo = lower, hi = upper
        var steps = 0
        while steps < maximumSteps {
            steps += 1
            let mid = lo + (hi - lo) / 2
            if !(mid > lo && mid < hi) { break }
            let sign = evaluate(mid).provenSign
            if sign == signAtLower { lo = mid; continue }
            if sign == -signAtLower { hi = mid; continue }
            // The midpoint is within the evaluation error of a root: narrow each side alone.
            var a = lo, b = mid
            while steps < maximumSteps {
                steps += 1
                let m = a + (b - a) / 2
                if !(m > a && m < b) { break }
                let s = evaluate(m).provenSign
                if s == signAtLower { a = m; lo = m } else if s == -signAtLower { hi = m; b = m } else { b = m }
            }
            a = mid; b = hi
            while steps < maximumSteps {
                steps += 1
                let m = a + (b - a) / 2
                if !(m > a && m < b) { break }
                let s = evaluate(m).provenSign
                if s == -signAtLower { b = m; hi = m } else if s == signAtLower { a = m; lo = m } else { a = m }
            }
            break
        }
        return Bracket(lower: lo, upper: hi)
    }

    /// The unit roundoff of `Double`, 2⁻⁵³.
    package static let unitRoundoff = Double.ulpOfOne / 2

    /// Higham's γₙ = n·u / (1 − n·u): the relative error bound of n rounded operations.
    ///
    /// ```swift
    /// RateSolver.gamma(10)   // ≈ 1.11e-15
    /// ```
    package static func gamma(_ operations: Int) -> Double {
        let nu = Double(operations) * unitRoundoff
        return nu < 0.5 ? nu / (1 - nu) : .infinity
    }

    /// `x^n` for n ≥ 0 by repeated squaring (at most 2·⌈log₂(n+1)⌉ rounded products).
    ///
    /// ```swift
    /// RateSolver.power(1.005, 12)   // 1.0616778118644...
    /// ```
    package static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            e >>= 1
            if e > 0 { base *= base }
        }
        return result
    }

    /// The number of rounded products ``power(_:_:)`` performs for exponent `n`.
    package static func powerOperations(_ n: Int) -> Int {
        n <= 0 ? 0 : 2 * (Int.bitWidth - n.leadingZeroBitCount)
    }

    /// `value` as a `Double` (at most 3 roundings: coefficient, power of ten, quotient).
    ///
    /// ```swift
    /// RateSolver.double(try ExactDecimal(parsing: "320.00"))   // 320.0
    /// ```
    package static func double(_ value: ExactDecimal) -> Double {
        var scale = 1.0
        for _ in 0..<value.scale { scale *= 10 }
        let coefficient = value.coefficient
        // Below 2⁵³ both conversions are exact; through Int64 avoids the generic Int128 one.
        if coefficient.magnitude <= 1 << 53 { return Double(Int64(coefficient)) / scale }
        return Double(coefficient) / scale
    }

    /// ``decimal(_:scale:rule:)`` with `.toNearestOrEven` in 128-bit integers, for the common
    /// case: a normal x ≠ 0 with |x| < 2⁶⁰ and scale 0…18 (the significand times 10^scale then
    /// has at most 113 bits, and the binary exponent shifts it by less than 128 places either
    /// way without overflow). Nil otherwise; the caller then takes the general path.
    /// `RateSolverTests` compares it with the general path on random doubles and ties.
    static func decimalToNearestEven(_ x: Double, scale: Int) -> ExactDecimal? {
        guard x.isNormal, (0...18).contains(scale), x.magnitude < 0x1p60 else { return nil }
        var power: UInt128 = 1
        for _ in 0..<scale { power *= 10 }
        let significand = UInt128(x.significandBitPattern | (1 << 52))
        let numerator = significand * power          // < 2^53 · 10^18 < 2^113
        let shift = 52 - Int(x.exponent)             // x = significand · 2^(−shift); shift > −8
        let magnitude: UInt128
        if shift <= 0 {
            magnitude = numerator << UInt128(-shift)  // < 2^121
        } else if shift >= 127 {
            return nil
        } else {
            let quotient = numerator >> UInt128(shift)
            let remainder = numerator & ((1 << UInt128(shift)) - 1)
            let half: UInt128 = 1 << UInt128(shift - 1)
            magnitude = remainder > half || (remainder == half && quotient & 1 == 1) ? quotient + 1 : quotient
        }
        guard magnitude < 99_999_999_999_999_999_999_999_999_999_999_999_999 else { return nil }
        let coefficient = Int128(magnitude)
        return try? ExactDecimal(coefficient: x < 0 ? -coefficient : coefficient, scale: scale)
    }

    /// The exact value of the double `x` rounded to `scale` decimal places by `rule`.
    ///
    /// ```swift
    /// RateSolver.decimal(0.1, scale: 20, rule: .toNearestOrEven)   // 0.10000000000000000555
    /// ```
    /// - Returns: nil when `x` is not finite or the result needs more than 38 digits.
    package static func decimal(_ x: Double, scale: Int, rule: RoundingRule) -> ExactDecimal? {
        // The fast form takes normal x ≠ 0 only; zero and non-finite x are the division's.
        if rule == .toNearestOrEven, let fast = decimalToNearestEven(x, scale: scale) { return fast }
        return decimalByDivision(x, scale: scale, rule: rule)
    }

    /// ``decimal(_:scale:rule:)`` by one wide-integer division, for every finite x and rule.
    static func decimalByDivision(_ x: Double, scale: Int, rule: RoundingRule) -> ExactDecimal? {
        guard x.isFinite else { return nil }
        if x == 0 { return try? ExactDecimal(coefficient: 0, scale: scale) }
        let significand = WideInteger(Int128(x.significandBitPattern | (x.isNormal ? (1 << 52) : 0)))
        let exponent = Int(x.isNormal ? x.exponent : Double.leastNormalMagnitude.exponent) - 52
        var numerator = significand.multiplied(byPowerOfTen: scale)
        var denominator = WideInteger(1)
        if exponent >= 0 { numerator = numerator * WideInteger(2).power(exponent) } else { denominator = WideInteger(2).power(-exponent) }
        if x < 0 { numerator = -numerator }
        guard let quotient = try? numerator.divided(by: denominator, rule: rule),
              let coefficient = quotient.int128Value else { return nil }
        return try? ExactDecimal(coefficient: coefficient, scale: scale)
    }
}
