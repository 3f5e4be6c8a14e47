// DealFinance — exact deal finance. DealEngine: arbitrary-precision interval arithmetic with
// exp and log over wide integers, for the spreadsheet functions that need logarithms,
// exponentials and fractional powers (NPER, NOMINAL, XNPV, XIRR; Documentation/Reference/TVM.md).

import DealDecimal

extension WideInteger {
    /// self × 2ⁿ (n ≥ 0).
    package func shiftedLeft(_ n: Int) -> WideInteger {
        if n == 0 || isZero { return self }
        let whole = n / 64, bits = UInt64(n % 64)
        var result = [UInt64](repeating: 0, count: whole)
        result.reserveCapacity(whole + limbs.count + 1)
        var carry: UInt64 = 0
        for limb in limbs {
            if bits == 0 { result.append(limb) } else {
                result.append((limb << bits) | carry)
                carry = limb >> (64 - bits)
            }
        }
        if carry != 0 { result.append(carry) }
        return WideInteger(limbs: result, negative: isNegative)
    }

    /// ⌊self / 2ⁿ⌋ (`up` false) or ⌈self / 2ⁿ⌉ (`up` true), n ≥ 0.
    package func shiftedRight(_ n: Int, roundingUp up: Bool) -> WideInteger {
        if n == 0 || isZero { return self }
        let whole = n / 64, bits = UInt64(n % 64)
        var truncated: [UInt64] = []
        var inexact = false
        if whole >= limbs.count {
            inexact = true
        } else {
            for index in 0..<whole where limbs[index] != 0 { inexact = true; break }
            if bits > 0, limbs[whole] & ((1 << bits) - 1) != 0 { inexact = true }
            truncated = [UInt64](repeating: 0, count: limbs.count - whole)
            for index in 0..<truncated.count {
                let low = limbs[index + whole] >> bits
                let high: UInt64 = (bits > 0 && index + whole + 1 < limbs.count) ? limbs[index + whole + 1] << (64 - bits) : 0
                truncated[index] = low | high
            }
        }
        let magnitude = WideInteger(limbs: truncated, negative: false)
        // Away from zero when something was dropped and the direction asks for it.
        let bump = inexact && (up != isNegative)
        let adjusted = bump ? magnitude + WideInteger(1) : magnitude
        return isNegative ? -adjusted : adjusted
    }
}

/// A closed interval `[lower, upper] / 2^bits` of fixed-point numbers that contains an exact
/// real value. Every operation rounds its lower end down and its upper end up, so the exact
/// result of the same operations on any values inside the operands lies inside the result:
/// no error analysis is needed, and the width says how well the value is known.
///
/// ``exp()`` and ``log()`` bound their series rigorously (positive terms rounded both ways,
/// the tail bounded by a geometric series). ``correctlyRounded(significantDigits:maximumBits:_:)``
/// is Ziv's strategy: evaluate at 128, 256, 512, … bits until both ends round to the same
/// decimal, which is then the exact value correctly rounded.
///
/// ```swift
/// let e = PreciseInterval(1, bits: 128).exp()
/// e.decimal(significantDigits: 20)   // 2.7182818284590452354
/// ```
package struct PreciseInterval: Sendable {
    /// The lower end × 2^bits.
    package var lower: WideInteger
    /// The upper end × 2^bits.
    package var upper: WideInteger
    /// Fraction bits.
    package let bits: Int

    package init(lower: WideInteger, upper: WideInteger, bits: Int) {
        self.lower = lower
        self.upper = upper
        self.bits = bits
    }

    /// The interval of width at most 2^−bits around `value`.
    package init(_ value: ExactFraction, bits: Int) {
        let scaled = value.numerator.shiftedLeft(bits)
        lower = scaled.quotient(dividingBy: value.denominator, roundingUp: false)
        upper = scaled.quotient(dividingBy: value.denominator, roundingUp: true)
        self.bits = bits
    }

    /// The integer `value`, exactly.
    package init(_ value: Int, bits: Int) {
        let scaled = WideInteger(value).shiftedLeft(bits)
        self.init(lower: scaled, upper: scaled, bits: bits)
    }

    /// 1 or −1 when every value of the interval has that sign, 0 otherwise.
    package var sign: Int {
        if !lower.isNegative && !lower.isZero { return 1 }
        if upper.isNegative { return -1 }
        return 0
    }

    /// Whether zero lies in the interval.
    package var containsZero: Bool { sign == 0 }

    /// The ends as exact fractions.
    package var lowerFraction: ExactFraction { ExactFraction(lower, WideInteger(1).shiftedLeft(bits)) }
    package var upperFraction: ExactFraction { ExactFraction(upper, WideInteger(1).shiftedLeft(bits)) }

    /// The number rounded half even to `significantDigits` significant digits when both ends
    /// round to the same decimal (then it is the exact value's correct rounding); nil when
    /// the interval is too wide to decide it or the value needs more than 38 digits.
    package func decimal(significantDigits: Int) -> ExactDecimal? {
        guard let a = lowerFraction.decimal(significantDigits: significantDigits),
              let b = upperFraction.decimal(significantDigits: significantDigits), a == b else { return nil }
        return a
    }

    // MARK: Arithmetic (outward rounded)

    package static func + (a: PreciseInterval, b: PreciseInterval) -> PreciseInterval {
        PreciseInterval(lower: a.lower + b.lower, upper: a.upper + b.upper, bits: a.bits)
    }

    package static prefix func - (a: PreciseInterval) -> PreciseInterval {
        PreciseInterval(lower: -a.upper, upper: -a.lower, bits: a.bits)
    }

    package static func - (a: PreciseInterval, b: PreciseInterval) -> PreciseInterval { a + (-b) }

    package static func * (a: PreciseInterval, b: PreciseInterval) -> PreciseInterval {
        let products = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper]
        var low = products[0], high = products[0]
        for p in products.dropFirst() {
            if p < low { low = p }
            if high < p { high = p }
        }
        return PreciseInterval(lower: low.shiftedRight(a.bits, roundingUp: false),
                               upper: high.shiftedRight(a.bits, roundingUp: true), bits: a.bits)
    }

    /// self × k, exactly.
    package func times(_ k: Int) -> PreciseInterval {
        let w = WideInteger(k)
        return k >= 0 ? PreciseInterval(lower: lower * w, upper: upper * w, bits: bits)
                      : PreciseInterval(lower: upper * w, upper: lower * w, bits: bits)
    }

    /// a / b; nil when b contains zero.
    package static func / (a: PreciseInterval, b: PreciseInterval) -> PreciseInterval? {
        guard b.sign != 0 else { return nil }
        var low: WideInteger?, high: WideInteger?
        for x in [a.lower, a.upper] {
            let scaled = x.shiftedLeft(a.bits)
            for y in [b.lower, b.upper] {
                guard let q0 = try? scaled.divided(by: y, rule: .down), let q1 = try? scaled.divided(by: y, rule: .up) else { return nil }
                if low == nil || q0 < low! { low = q0 }
                if high == nil || high! < q1 { high = q1 }
            }
        }
        return PreciseInterval(lower: low!, upper: high!, bits: a.bits)
    }

    /// The same interval with `newBits` fraction bits (rounded outward when fewer).
    package func withBits(_ newBits: Int) -> PreciseInterval {
        if newBits >= bits {
            return PreciseInterval(lower: lower.shiftedLeft(newBits - bits), upper: upper.shiftedLeft(newBits - bits), bits: newBits)
        }
        return PreciseInterval(lower: lower.shiftedRight(bits - newBits, roundingUp: false),
                               upper: upper.shiftedRight(bits - newBits, roundingUp: true), bits: newBits)
    }

    // MARK: exp and log

    /// e^x over the interval (exp is increasing: the lower end's lower bound and the upper
    /// end's upper bound). An end at or below −2^12 is bounded without the series: e^x > 0
    /// below, and e^x < e^−4096 < 2^−5909 ≤ 2^−bits above (one unit, for `bits` up to
    /// ``largestBitsForTinyExp``), so a far-discounted XNPV term is a tiny enclosure instead
    /// of a refusal. An end at or above 2^12 is not supported (nil).
    package func exp() -> PreciseInterval? {
        let low: WideInteger, high: WideInteger
        if let bounds = Self.expBounds(lower, bits: bits) { low = bounds.lower } else if lower.isNegative { low = .zero } else { return nil }
        if let bounds = Self.expBounds(upper, bits: bits) { high = bounds.upper } else if upper.isNegative, bits <= Self.largestBitsForTinyExp { high = WideInteger(1) } else { return nil }
        return PreciseInterval(lower: low, upper: high, bits: bits)
    }

    /// The most fraction bits at which e^x for x ≤ −2^12 is below one unit: e^−4096 = 2^−5909.4….
    static let largestBitsForTinyExp = 5909

    /// ln x over the interval; nil unless the interval is positive.
    package func log() -> PreciseInterval? {
        guard sign > 0 else { return nil }
        let low = Self.logBounds(lower, bits: bits).lower, high = Self.logBounds(upper, bits: bits).upper
        return PreciseInterval(lower: low, upper: high, bits: bits)
    }

    /// Bounds on e^(m/2^bits) × 2^bits (lower rounded down, upper up).
    static func expBounds(_ m: WideInteger, bits: Int) -> (lower: WideInteger, upper: WideInteger)? {
        if m.isZero { let one = WideInteger(1).shiftedLeft(bits); return (one, one) }
        let magnitude = m.isNegative ? -m : m
        // |x| < 2^integerBits.
        let integerBits = max(0, magnitude.bitWidth - bits)
        guard integerBits <= 12 else { return nil }
        // r = |x| / 2^s with r < 2^−8; e^|x| = (e^r)^(2^s). Squaring s times multiplies the
        // relative error by about 2^s, so the work precision carries s + 16 guard bits, plus
        // the bits e^|x| needs before the point.
        let s = integerBits + 8
        let work = bits + 2 * s + 16
        // r × 2^work exactly: m × 2^(work − bits − s) (work − bits − s ≥ 0).
        let r = magnitude.shiftedLeft(work - bits - s)
        let one = WideInteger(1).shiftedLeft(work)
        // Σ r^k/k!: positive terms, rounded down (lower) and up (upper).
        var termLow = one, termHigh = one
        var sumLow = one, sumHigh = one
        var k = 1
        while true {
            termLow = (termLow * r).shiftedRight(work, roundingUp: false)
            termLow = termLow.quotient(dividingBy: WideInteger(k), roundingUp: false)
            termHigh = (termHigh * r).shiftedRight(work, roundingUp: true)
            termHigh = termHigh.quotient(dividingBy: WideInteger(k), roundingUp: true)
            sumLow = sumLow + termLow
            sumHigh = sumHigh + termHigh
            // The next terms shrink by r/(k+1) < 1/2 each: the tail is below 2 × this term.
            if termHigh.compare(to: WideInteger(1)) <= 0 {
                sumHigh = sumHigh + termHigh + termHigh + WideInteger(2)
                break
            }
            k += 1
        }
        for _ in 0..<s {
            sumLow = (sumLow * sumLow).shiftedRight(work, roundingUp: false)
            sumHigh = (sumHigh * sumHigh).shiftedRight(work, roundingUp: true)
        }
        if !m.isNegative {
            return (sumLow.shiftedRight(work - bits, roundingUp: false), sumHigh.shiftedRight(work - bits, roundingUp: true))
        }
        // e^−|x| = 1/e^|x|: the lower bound from the upper one and vice versa.
        let numerator = WideInteger(1).shiftedLeft(work + bits)
        guard let low = try? numerator.divided(by: sumHigh, rule: .down), let high = try? numerator.divided(by: sumLow, rule: .up) else { return nil }
        return (low, high)
    }

    /// Bounds on ln(m/2^bits) × 2^bits for m > 0: m/2^bits = 2^e·y with 1 ≤ y < 2,
    /// ln = e·ln 2 + 2·atanh((y − 1)/(y + 1)).
    static func logBounds(_ m: WideInteger, bits: Int) -> (lower: WideInteger, upper: WideInteger) {
        let e = m.bitWidth - 1 - bits
        // e·ln 2 multiplies ln 2's error by |e|: log₂|e| more guard bits.
        let work = bits + 24 + (Int.bitWidth - (abs(e) + 1).leadingZeroBitCount)
        // y × 2^work, exact: m × 2^(work − bits − e).
        let shift = work - bits - e
        let y = shift >= 0 ? m.shiftedLeft(shift) : m.shiftedRight(-shift, roundingUp: false)
        let yHigh = shift >= 0 ? y : m.shiftedRight(-shift, roundingUp: true)
        let one = WideInteger(1).shiftedLeft(work)
        // z = (y − 1)/(y + 1) ∈ [0, 1/3), increasing in y.
        let zLow = ((y - one).shiftedLeft(work)).quotient(dividingBy: y + one, roundingUp: false)
        let zHigh = ((yHigh - one).shiftedLeft(work)).quotient(dividingBy: yHigh + one, roundingUp: true)
        let atanhLow = atanhBounds(zLow, work: work).lower, atanhHigh = atanhBounds(zHigh, work: work).upper
        let ln2 = ln2Bounds(work: work)
        var low = atanhLow + atanhLow, high = atanhHigh + atanhHigh
        if e >= 0 {
            low = low + ln2.lower * WideInteger(e); high = high + ln2.upper * WideInteger(e)
        } else {
            low = low + ln2.upper * WideInteger(e); high = high + ln2.lower * WideInteger(e)
        }
        return (low.shiftedRight(work - bits, roundingUp: false), high.shiftedRight(work - bits, roundingUp: true))
    }

    /// Bounds on ln 2 × 2^work = 2·atanh(1/3).
    static func ln2Bounds(work: Int) -> (lower: WideInteger, upper: WideInteger) {
        let scaled = WideInteger(1).shiftedLeft(work)
        let third = (low: scaled.quotient(dividingBy: WideInteger(3), roundingUp: false), high: scaled.quotient(dividingBy: WideInteger(3), roundingUp: true))
        let low = atanhBounds(third.low, work: work).lower, high = atanhBounds(third.high, work: work).upper
        return (low + low, high + high)
    }

    /// Bounds on atanh(z) × 2^work = Σ z^(2k+1)/(2k+1) for 0 ≤ z/2^work ≤ 1/2 (z exact).
    static func atanhBounds(_ z: WideInteger, work: Int) -> (lower: WideInteger, upper: WideInteger) {
        if z.isZero { return (.zero, .zero) }
        let z2Low = (z * z).shiftedRight(work, roundingUp: false)
        let z2High = (z * z).shiftedRight(work, roundingUp: true)
        var powerLow = z, powerHigh = z
        var sumLow = z, sumHigh = z
        var k = 1
        while true {
            powerLow = (powerLow * z2Low).shiftedRight(work, roundingUp: false)
            powerHigh = (powerHigh * z2High).shiftedRight(work, roundingUp: true)
            let d = WideInteger(2 * k + 1)
            let termHigh = powerHigh.quotient(dividingBy: d, roundingUp: true)
            sumLow = sumLow + powerLow.quotient(dividingBy: d, roundingUp: false)
            sumHigh = sumHigh + termHigh
            // Later terms shrink by z² ≤ 1/4 each: the tail is below termHigh/3 < termHigh.
            if termHigh.compare(to: WideInteger(1)) <= 0 {
                sumHigh = sumHigh + termHigh + WideInteger(1)
                break
            }
            k += 1
        }
        return (sumLow, sumHigh)
    }

    // MARK: Ziv's strategy

    /// The value `compute(bits)` encloses, correctly rounded (half even) to
    /// `significantDigits` significant digits: evaluated at 128, 256, … bits until the
    /// enclosure decides the rounding.
    ///
    /// - Returns: `.decided(value)`; `.zero` when even `maximumBits` cannot separate the
    ///   enclosure from 0 (the value is 0 or within 2^−(maximumBits−16) of it);
    ///   `.undecided` when the value sits on (or within 2^−maximumBits of) a rounding
    ///   boundary (no rounding is proven, so none is reported); nil when `compute` fails (for
    ///   example, an exponent out of range).
    package static func correctlyRounded(significantDigits: Int, maximumBits: Int = 4096,
                                         _ compute: (Int) -> PreciseInterval?) -> Rounded? {
        var bits = 128
        var last: PreciseInterval?
        while bits <= maximumBits {
            guard let value = compute(bits) else { return nil }
            if let decimal = value.decimal(significantDigits: significantDigits) { return .decided(decimal) }
            last = value
            bits *= 2
        }
        guard let value = last else { return nil }
        return value.containsZero ? .zero : .undecided
    }

    /// The outcome of ``correctlyRounded(significantDigits:maximumBits:_:)``.
    package enum Rounded: Sendable, Equatable {
        case decided(ExactDecimal)
        case zero
        case undecided

        /// The decimal (0 for `.zero`); nil when undecided.
        package var value: ExactDecimal? {
            switch self {
            case .decided(let d): return d
            case .zero: return .zero
            case .undecided: return nil
            }
        }
    }
}
