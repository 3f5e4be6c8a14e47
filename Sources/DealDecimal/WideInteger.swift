// DealFinance — exact deal finance. DealDecimal: arbitrary-precision integers for exact fallbacks.

/// A signed integer of any size: the exact fallback behind the fast paths.
///
/// It is deliberately small: the operations exact money and rate arithmetic needs
/// (add, subtract, multiply, integer powers, powers of ten, comparison and division with a
/// named rounding rule). The fast paths never touch it; it allocates and is used only when a
/// fixed-width or floating-point evaluation cannot prove its rounding.
///
/// ```swift
/// let big = WideInteger(1_000_000_007).power(20)
/// let quotient = try big.divided(by: WideInteger(3), rule: .toNearestOrAway)
/// ```
package struct WideInteger: Sendable, Equatable {
    /// Magnitude limbs, least significant first, without trailing zero limbs (zero is empty).
    package private(set) var limbs: [UInt64]
    /// True for values below zero (never for zero).
    package private(set) var isNegative: Bool

    package init(limbs: [UInt64], negative: Bool) {
        var trimmed = limbs
        while let last = trimmed.last, last == 0 { trimmed.removeLast() }
        self.limbs = trimmed
        self.isNegative = negative && !trimmed.isEmpty
    }

    package init(_ value: Int128) {
        let magnitude = value.magnitude
        self.init(limbs: [UInt64(truncatingIfNeeded: magnitude), UInt64(truncatingIfNeeded: magnitude >> 64)], negative: value < 0)
    }

    package init(_ value: Int) { self.init(Int128(value)) }

    package static let zero = WideInteger(limbs: [], negative: false)

    package var isZero: Bool { limbs.isEmpty }

    /// The value as an `Int128` if it fits.
    package var int128Value: Int128? {
        guard limbs.count <= 2 else { return nil }
        let magnitude = UInt128(limbs.count > 0 ? limbs[0] : 0) | (UInt128(limbs.count > 1 ? limbs[1] : 0) << 64)
        if isNegative {
            if magnitude <= UInt128(Int128.max) { return -Int128(magnitude) }
            return magnitude == UInt128(Int128.max) + 1 ? Int128.min : nil
        }
        return magnitude <= UInt128(Int128.max) ? Int128(magnitude) : nil
    }

    /// The number of significant bits of the magnitude.
    package var bitWidth: Int {
        guard let last = limbs.last else { return 0 }
        return limbs.count * 64 - last.leadingZeroBitCount
    }

    // MARK: Magnitude helpers

    static func compareMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var index = a.count - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }

    static func addMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = long
        var carry: UInt64 = 0
        for index in 0..<long.count {
            let addend = index < short.count ? short[index] : 0
            let (s1, o1) = result[index].addingReportingOverflow(addend)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            result[index] = s2
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        if carry != 0 { result.append(carry) }
        return result
    }

    /// a − b for |a| ≥ |b|.
    static func subtractMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = a
        var borrow: UInt64 = 0
        for index in 0..<a.count {
            let subtrahend = index < b.count ? b[index] : 0
            let (d1, o1) = result[index].subtractingReportingOverflow(subtrahend)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            result[index] = d2
            borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
        }
        return result
    }

    static func multiplyMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        if a.isEmpty || b.isEmpty { return [] }
        var result = [UInt64](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let x = a[i]
            if x == 0 { continue }
            for j in 0..<b.count {
                let (high, low) = x.multipliedFullWidth(by: b[j])
                let (s1, o1) = low.addingReportingOverflow(result[i + j])
                let (s2, o2) = s1.addingReportingOverflow(carry)
                result[i + j] = s2
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
            }
            result[i + b.count] = carry
        }
        return result
    }

    // MARK: Arithmetic

    package static func + (lhs: WideInteger, rhs: WideInteger) -> WideInteger {
        if lhs.isNegative == rhs.isNegative {
            return WideInteger(limbs: addMagnitudes(lhs.limbs, rhs.limbs), negative: lhs.isNegative)
        }
        if compareMagnitudes(lhs.limbs, rhs.limbs) >= 0 {
            return WideInteger(limbs: subtractMagnitudes(lhs.limbs, rhs.limbs), negative: lhs.isNegative)
        }
        return WideInteger(limbs: subtractMagnitudes(rhs.limbs, lhs.limbs), negative: rhs.isNegative)
    }

    package static prefix func - (value: WideInteger) -> WideInteger {
        WideInteger(limbs: value.limbs, negative: !value.isNegative)
    }

    package static func - (lhs: WideInteger, rhs: WideInteger) -> WideInteger { lhs + (-rhs) }

    package static func * (lhs: WideInteger, rhs: WideInteger) -> WideInteger {
        WideInteger(limbs: multiplyMagnitudes(lhs.limbs, rhs.limbs), negative: lhs.isNegative != rhs.isNegative)
    }

    /// self^exponent for exponent ≥ 0.
    package func power(_ exponent: Int) -> WideInteger {
        precondition(exponent >= 0, "WideInteger.power needs a non-negative exponent")
        var result = WideInteger(1)
        var base = self
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result * base }
            remaining >>= 1
            if remaining > 0 { base = base * base }
        }
        return result
    }

    /// self × 10^exponent for exponent ≥ 0.
    ///
    /// Up to 10^38 the power comes from 128-bit arithmetic (`PowersOfTen`), not from a wide
    /// powering chain.
    ///
    /// ```swift
    /// WideInteger(3).multiplied(byPowerOfTen: 40)   // 3 followed by 40 zeros
    /// ```
    package func multiplied(byPowerOfTen exponent: Int) -> WideInteger {
        if exponent == 0 || isZero { return self }
        if exponent <= ExactDecimal.maximumScale {
            let power = PowersOfTen.unsigned(exponent)
            let factor = WideInteger(limbs: [UInt64(truncatingIfNeeded: power), UInt64(truncatingIfNeeded: power >> 64)], negative: false)
            return self * factor
        }
        return self * WideInteger(10).power(exponent)
    }

    /// −1, 0 or 1.
    package func compare(to other: WideInteger) -> Int {
        if isNegative != other.isNegative { return isNegative ? -1 : 1 }
        let magnitudeOrder = Self.compareMagnitudes(limbs, other.limbs)
        return isNegative ? -magnitudeOrder : magnitudeOrder
    }

    package static func < (lhs: WideInteger, rhs: WideInteger) -> Bool { lhs.compare(to: rhs) < 0 }

    /// Truncated quotient and remainder of the magnitudes: one limb by a word division per
    /// limb, longer divisors by Knuth's Algorithm D (TAOCP vol. 2, §4.3.1) in base 2⁶⁴.
    /// Inputs are trimmed (no most significant zero limb); so are the results' remainders.
    package static func divideMagnitudes(_ numerator: [UInt64], _ divisor: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        precondition(!divisor.isEmpty, "WideInteger division by zero")
        if compareMagnitudes(numerator, divisor) < 0 { return ([], numerator) }
        if divisor.count == 1 {
            let d = divisor[0]
            var quotient = [UInt64](repeating: 0, count: numerator.count)
            var remainder: UInt64 = 0
            var index = numerator.count - 1
            while index >= 0 {
                let (q, r) = d.dividingFullWidth((high: remainder, low: numerator[index]))
                quotient[index] = q
                remainder = r
                index -= 1
            }
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        return algorithmD(numerator, divisor)
    }

    /// Algorithm D for n = divisor.count ≥ 2 limbs and numerator ≥ divisor (m + n limbs).
    ///
    /// D1 normalizes so the divisor's top limb has its high bit set (shift both by `s`); then
    /// for each quotient limb j = m…0, D3 estimates q̂ from the top two limbs of the current
    /// remainder over the divisor's top limb (q̂ ≥ q_j and q̂ ≤ q_j + 2 by Theorem B) and
    /// refines it with the second divisor limb (removes every case of q̂ = q_j + 2 and most of
    /// q̂ = q_j + 1), D4 multiplies and subtracts, D6 adds back once when q̂ was still one too
    /// large (probability about 2/2⁶⁴), and D8 unnormalizes the remainder.
    static func algorithmD(_ numerator: [UInt64], _ divisor: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        let n = divisor.count, m = numerator.count - n
        let s = UInt64(divisor[n - 1].leadingZeroBitCount)
        // D1. v = divisor << s (n limbs), u = numerator << s (m + n + 1 limbs).
        var v = [UInt64](repeating: 0, count: n)
        var u = [UInt64](repeating: 0, count: m + n + 1)
        if s == 0 {
            for i in 0..<n { v[i] = divisor[i] }
            for i in 0..<(m + n) { u[i] = numerator[i] }
        } else {
            for i in stride(from: n - 1, to: 0, by: -1) { v[i] = (divisor[i] << s) | (divisor[i - 1] >> (64 - s)) }
            v[0] = divisor[0] << s
            u[m + n] = numerator[m + n - 1] >> (64 - s)
            for i in stride(from: m + n - 1, to: 0, by: -1) { u[i] = (numerator[i] << s) | (numerator[i - 1] >> (64 - s)) }
            u[0] = numerator[0] << s
        }
        var quotient = [UInt64](repeating: 0, count: m + 1)
        let vTop = v[n - 1], vNext = v[n - 2]
        u.withUnsafeMutableBufferPointer { u in
            v.withUnsafeBufferPointer { v in
                var j = m
                while j >= 0 {
                    // D3. Estimate q̂ = ⌊(u[j+n]·b + u[j+n−1]) / v[n−1]⌋, at most b − 1.
                    let top = u[j + n], next = u[j + n - 1]
                    var qhat: UInt64, rhat: UInt64
                    var rhatOverflow = false
                    if top >= vTop {     // top == vTop (the remainder is below v·b): q̂ = b − 1
                        qhat = .max
                        (rhat, rhatOverflow) = next.addingReportingOverflow(vTop)
                    } else {
                        (qhat, rhat) = vTop.dividingFullWidth((high: top, low: next))
                    }
                    // While q̂·v[n−2] > r̂·b + u[j+n−2] (and r̂ < b): q̂ −= 1, r̂ += v[n−1].
                    while !rhatOverflow {
                        let (high, low) = qhat.multipliedFullWidth(by: vNext)
                        guard high > rhat || (high == rhat && low > u[j + n - 2]) else { break }
                        qhat -= 1
                        (rhat, rhatOverflow) = rhat.addingReportingOverflow(vTop)
                    }
                    // D4. u[j…j+n] −= q̂ · v.
                    var carry: UInt64 = 0, borrow: UInt64 = 0
                    for i in 0..<n {
                        let (high, low) = qhat.multipliedFullWidth(by: v[i])
                        let (product, c) = low.addingReportingOverflow(carry)
                        carry = high &+ (c ? 1 : 0)
                        let (d1, b1) = u[i + j].subtractingReportingOverflow(product)
                        let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                        u[i + j] = d2
                        borrow = (b1 ? 1 : 0) &+ (b2 ? 1 : 0)
                    }
                    let (d1, b1) = u[j + n].subtractingReportingOverflow(carry)
                    let (d2, b2) = d1.subtractingReportingOverflow(borrow)
                    u[j + n] = d2
                    // D5/D6. A borrow out means q̂ was one too large: add v back once.
                    if b1 || b2 {
                        qhat -= 1
                        var addCarry: UInt64 = 0
                        for i in 0..<n {
                            let (s1, o1) = u[i + j].addingReportingOverflow(v[i])
                            let (s2, o2) = s1.addingReportingOverflow(addCarry)
                            u[i + j] = s2
                            addCarry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                        }
                        u[j + n] = u[j + n] &+ addCarry     // the carry out cancels the borrow
                    }
                    quotient[j] = qhat
                    j -= 1
                }
            }
        }
        // D8. remainder = u[0..<n] >> s, trimmed.
        var remainder = [UInt64](repeating: 0, count: n)
        if s == 0 {
            for i in 0..<n { remainder[i] = u[i] }
        } else {
            for i in 0..<(n - 1) { remainder[i] = (u[i] >> s) | (u[i + 1] << (64 - s)) }
            remainder[n - 1] = u[n - 1] >> s
        }
        while let last = remainder.last, last == 0 { remainder.removeLast() }
        return (quotient, remainder)
    }

    /// The quotient self / divisor rounded to an integer by `rule`.
    ///
    /// ```swift
    /// try WideInteger(7).divided(by: WideInteger(2), rule: .toNearestOrEven)   // 4
    /// ```
    package func divided(by divisor: WideInteger, rule: RoundingRule) throws(DecimalError) -> WideInteger {
        if divisor.isZero { throw .divisionByZero }
        let (quotientLimbs, remainderLimbs) = Self.divideMagnitudes(limbs, divisor.limbs)
        let negative = isNegative != divisor.isNegative
        let truncated = WideInteger(limbs: quotientLimbs, negative: negative)
        if remainderLimbs.isEmpty { return truncated }
        let twiceRemainder = Self.addMagnitudes(remainderLimbs, remainderLimbs)
        let half = Self.compareMagnitudes(twiceRemainder, divisor.limbs)
        // Work on the magnitude, then restore the sign: rules are applied to the signed value.
        let magnitude = WideInteger(limbs: quotientLimbs, negative: false)
        let one = WideInteger(1)
        let away = try rule.adjustWide(truncatedIsOdd: quotientLimbs.first.map { $0 & 1 == 1 } == true, negative: negative, remainderVersusHalf: half)
        let resultMagnitude = away ? magnitude + one : magnitude
        return WideInteger(limbs: resultMagnitude.limbs, negative: negative)
    }
}

extension WideInteger {
    /// ⌊self / divisor⌋, or ⌈self / divisor⌉ when `up`: the directed quotient, which cannot be
    /// inexact. Like `Int`'s `/`, a zero divisor is a programming error (it traps).
    ///
    /// ```swift
    /// WideInteger(-7).quotient(dividingBy: WideInteger(2), roundingUp: false)   // -4
    /// ```
    package func quotient(dividingBy divisor: WideInteger, roundingUp up: Bool) -> WideInteger {
        let (quotientLimbs, remainderLimbs) = Self.divideMagnitudes(limbs, divisor.limbs)
        let negative = isNegative != divisor.isNegative
        let truncated = WideInteger(limbs: quotientLimbs, negative: negative)
        if remainderLimbs.isEmpty { return truncated }
        // Truncation moved toward zero: correct by one when the direction is away from zero.
        if up && !negative { return truncated + WideInteger(1) }
        if !up && negative { return truncated - WideInteger(1) }
        return truncated
    }
}

extension RoundingRule {
    /// Whether an inexact truncated quotient moves one unit away from zero under this rule.
    func adjustWide(truncatedIsOdd: Bool, negative: Bool, remainderVersusHalf half: Int) throws(DecimalError) -> Bool {
        // Reuse the scalar rule table on a 0/1 stand-in quotient with the same parity.
        let standIn = truncatedIsOdd ? 1 : 0
        let adjusted = try adjust(truncated: negative ? -standIn : standIn, negative: negative, remainderVersusHalf: half)
        return adjusted != (negative ? -standIn : standIn)
    }
}
