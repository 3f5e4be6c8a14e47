// DealFinance — exact deal finance. DealEngine: exact rationals for the lease formulas.

import DealDecimal

/// An exact rational number `numerator / denominator` (denominator > 0), held in `Int128`
/// while both parts fit and in wide integers beyond.
///
/// The lease's closed forms (capitalized taxes, zero drive-off, total cash) are evaluated in
/// these and rounded once. Fractions are not reduced; the formulas are short.
///
/// ```swift
/// let third = ExactRatio(1, 3)
/// (third * ExactRatio(3)).rounded(.toNearestOrAway)   // 1
/// ```
package struct ExactRatio: Sendable {
    /// The parts: in `Int128` whenever both fit (no allocation; the usual case), else wide.
    /// Every operation computes the same unreduced numerator and denominator either way; an
    /// `Int128` operation that would overflow is done again wide.
    private enum Storage: Sendable {
        case small(Int128, Int128)
        case wide(WideInteger, WideInteger)
    }
    private var storage: Storage

    /// The numerator (any sign).
    package var numerator: WideInteger {
        switch storage {
        case .small(let n, _): WideInteger(n)
        case .wide(let n, _): n
        }
    }
    /// The denominator (> 0).
    package var denominator: WideInteger {
        switch storage {
        case .small(_, let d): WideInteger(d)
        case .wide(_, let d): d
        }
    }

    /// `numerator / denominator`; a negative denominator moves its sign to the numerator.
    ///
    /// ```swift
    /// ExactRatio(6, 4)   // 6/4 (not reduced)
    /// ```
    package init(_ numerator: WideInteger, _ denominator: WideInteger) {
        precondition(!denominator.isZero, "ExactRatio: zero denominator")
        let (n, d) = denominator.isNegative ? (-numerator, -denominator) : (numerator, denominator)
        if let small = n.int128Value, let smallDenominator = d.int128Value {
            storage = .small(small, smallDenominator)
        } else {
            storage = .wide(n, d)
        }
    }

    /// `numerator / denominator` from machine integers.
    package init(_ numerator: Int128, _ denominator: Int128 = 1) {
        precondition(denominator != 0, "ExactRatio: zero denominator")
        if denominator > 0 {
            self.init(storage: .small(numerator, denominator))
        } else if numerator != .min && denominator != .min {
            self.init(storage: .small(-numerator, -denominator))
        } else {
            self.init(WideInteger(numerator), WideInteger(denominator))
        }
    }

    /// An exact decimal as a ratio.
    ///
    /// ```swift
    /// ExactRatio(try ExactDecimal(parsing: "0.0025"))   // 25/10000
    /// ```
    package init(_ decimal: ExactDecimal) {
        var denominator: Int128 = 1
        for _ in 0..<decimal.scale { denominator *= 10 }
        self.init(decimal.coefficient, denominator)
    }

    /// The numerator and denominator when both are held in `Int128`, else nil.
    package var smallParts: (numerator: Int128, denominator: Int128)? {
        if case .small(let n, let d) = storage { (n, d) } else { nil }
    }

    /// Whether the parts are held in `Int128` (for tests).
    var isSmall: Bool { if case .small = storage { true } else { false } }

    package static let zero = ExactRatio(0)
    package static let one = ExactRatio(1)

    package var isZero: Bool {
        switch storage {
        case .small(let n, _): n == 0
        case .wide(let n, _): n.isZero
        }
    }
    package var isNegative: Bool {
        switch storage {
        case .small(let n, _): n < 0
        case .wide(let n, _): n.isNegative && !n.isZero
        }
    }
    /// Whether the value is > 0.
    package var isPositive: Bool {
        switch storage {
        case .small(let n, _): n > 0
        case .wide(let n, _): !n.isNegative && !n.isZero
        }
    }

    package static func + (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
            if b == d {
                let (sum, overflow) = a.addingReportingOverflow(c)
                if !overflow { return ExactRatio(storage: .small(sum, b)) }
            } else {
                let (ad, o1) = a.multipliedReportingOverflow(by: d), (cb, o2) = c.multipliedReportingOverflow(by: b)
                let (bd, o3) = b.multipliedReportingOverflow(by: d)
                if !(o1 || o2 || o3) {
                    let (sum, o4) = ad.addingReportingOverflow(cb)
                    if !o4 { return ExactRatio(storage: .small(sum, bd)) }
                }
            }
        }
        if lhs.denominator == rhs.denominator { return ExactRatio(lhs.numerator + rhs.numerator, lhs.denominator) }
        return ExactRatio(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }
    package static func - (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio { lhs + (-rhs) }
    package static prefix func - (value: ExactRatio) -> ExactRatio {
        if case .small(let n, let d) = value.storage, n != .min { return ExactRatio(storage: .small(-n, d)) }
        return ExactRatio(-value.numerator, value.denominator)
    }
    package static func * (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
            let (ac, o1) = a.multipliedReportingOverflow(by: c), (bd, o2) = b.multipliedReportingOverflow(by: d)
            if !(o1 || o2) { return ExactRatio(storage: .small(ac, bd)) }
        }
        return ExactRatio(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }
    /// Division; the divisor must not be zero (callers check).
    package static func / (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        if case .small(let a, let b) = lhs.storage, case .small(let c, let d) = rhs.storage {
            let (ad, o1) = a.multipliedReportingOverflow(by: d), (bc, o2) = b.multipliedReportingOverflow(by: c)
            if !(o1 || o2) { return ExactRatio(ad, bc) }
        }
        return ExactRatio(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    private init(storage: Storage) { self.storage = storage }

    /// Compares two ratios exactly: −1, 0 or +1.
    package func compare(to other: ExactRatio) -> Int {
        if case .small(let a, let b) = storage, case .small(let c, let d) = other.storage {
            // a·d against c·b in 256 bits (denominators are positive).
            let left = a.multipliedFullWidth(by: d), right = c.multipliedFullWidth(by: b)
            if left.high != right.high { return left.high < right.high ? -1 : 1 }
            return left.low == right.low ? 0 : (left.low < right.low ? -1 : 1)
        }
        return (numerator * other.denominator).compare(to: other.numerator * denominator)
    }
    package static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool { lhs.compare(to: rhs) < 0 }
    package static func == (lhs: ExactRatio, rhs: ExactRatio) -> Bool { lhs.compare(to: rhs) == 0 }

    /// The value rounded to an integer by `rule` (nil if it does not fit in 128 bits).
    ///
    /// ```swift
    /// ExactRatio(5, 2).rounded(.toNearestOrAway)   // 3
    /// ```
    package func rounded(_ rule: RoundingRule) -> Int128? {
        let effective: RoundingRule = rule == .requireExact ? .toNearestOrAway : rule
        if case .small(let n, let d) = storage { return try? effective.divide(n, by: d) }
        return (try? numerator.divided(by: denominator, rule: effective))?.int128Value
    }

    /// The value as a decimal: exact when it terminates within `maximumScale` decimals, else
    /// rounded half-even to `significantDigits` significant digits; nil when even its whole
    /// part needs more than 38 digits.
    ///
    /// ```swift
    /// ExactRatio(1, 480).decimal(significantDigits: 24)   // 0.00208333333333333333333333
    /// ```
    package func decimal(significantDigits: Int) -> ExactDecimal? {
        if isZero { return .zero }
        // Terminating within the limit? Decided once from the denominator's factors 2 and 5
        // (not by trial divisions at every scale); the least scale comes with the answer.
        if let exact = terminatingDecimal() { return exact }
        if case .small(let n, let d) = storage, let value = Self.roundedDecimal(n, d, significantDigits: significantDigits) { return value }
        let magnitude = isNegative ? -numerator : numerator
        // Leading position: smallest e with magnitude·10^e ≥ denominator (at most 200).
        var shift = 0
        if magnitude < denominator {
            // 10^e has fewer than 3.33·e + 1 bits: below this e the product is too short.
            let gap = denominator.bitWidth - magnitude.bitWidth - 1
            if gap > 0 { shift = min(200, gap * 3 / 10) }
            while magnitude.multiplied(byPowerOfTen: shift) < denominator && shift < 200 { shift += 1 }
        }
        var scale = min(ExactDecimal.maximumScale, max(0, shift - 1 + significantDigits))
        while scale >= 0 {
            if let value = (try? numerator.multiplied(byPowerOfTen: scale).divided(by: denominator, rule: .toNearestOrEven))?.int128Value,
               let decimal = try? ExactDecimal(coefficient: value, scale: scale) {
                return decimal
            }
            scale -= 1
        }
        return nil
    }

    /// The value as a decimal at the least scale at which it is exact, if that scale is at most
    /// ``ExactDecimal/maximumScale`` and its coefficient has at most 38 digits; nil otherwise
    /// (the caller then rounds).
    ///
    /// With `denominator = 2^a · 5^b · r` (`r` coprime to 10) the value terminates iff `r`
    /// divides the numerator; then with `c = numerator / r` the least scale is
    /// `max(0, a − v₂(c), b − v₅(c))`.
    ///
    /// ```swift
    /// ExactRatio(3, 40).terminatingDecimal()   // 0.075
    /// ExactRatio(1, 3).terminatingDecimal()    // nil
    /// ```
    package func terminatingDecimal() -> ExactDecimal? {
        if isZero { return .zero }
        if case .small(let n, let d) = storage { return Self.terminatingDecimal(n, d) }
        // Wide: the same decision with wide integers.
        let twos = denominator.trailingZeroBitCount
        var rest = denominator.shiftedRight(by: twos)
        var fives = 0
        let five = WideInteger(Int128(5))
        while let quotient = rest.exactQuotient(by: five) {
            rest = quotient
            fives += 1
        }
        var c = numerator
        if rest != WideInteger(Int128(1)) {
            guard let quotient = numerator.exactQuotient(by: rest) else { return nil }
            c = quotient
        }
        let cTwos = c.trailingZeroBitCount
        var cFives = 0
        var t = c
        while cFives < fives, let quotient = t.exactQuotient(by: five) {
            t = quotient
            cFives += 1
        }
        let scale = max(0, twos - cTwos, fives - cFives)
        guard scale <= ExactDecimal.maximumScale, let twosAndFives = denominator.exactQuotient(by: rest),
              let value = c.multiplied(byPowerOfTen: scale).exactQuotient(by: twosAndFives)?.int128Value
        else { return nil }
        return try? ExactDecimal(coefficient: value, scale: scale)
    }

    /// The rounding part of ``decimal(significantDigits:)`` for parts in `Int128`, with the
    /// products `|n|·10^k` (k ≤ 38) in 256 bits: the same leading position, the same scales
    /// tried in the same order, half-even on the magnitude (symmetric, so the sign follows).
    /// Nil when the leading position is beyond 10^38 (the wide form decides).
    static func roundedDecimal(_ numerator: Int128, _ denominator: Int128, significantDigits: Int) -> ExactDecimal? {
        if let value = roundedDecimal64(numerator, denominator, significantDigits: significantDigits) { return value }
        let magnitude = numerator.magnitude, divisor = denominator.magnitude
        // Leading position: smallest e with magnitude·10^e ≥ denominator.
        var shift = 0
        while shift <= ExactDecimal.maximumScale {
            let product = magnitude.multipliedFullWidth(by: tenToThe(shift))
            if product.high > 0 || product.low >= divisor { break }
            shift += 1
        }
        guard shift <= ExactDecimal.maximumScale else { return nil }
        var scale = min(ExactDecimal.maximumScale, max(0, shift - 1 + significantDigits))
        while scale >= 0 {
            let product = magnitude.multipliedFullWidth(by: tenToThe(scale))
            // A quotient of 2^128 or more does not fit (the wide form's int128Value is nil).
            if product.high < divisor {
                var (quotient, remainder) = divisor.dividingFullWidth(product)
                var fits = true
                if remainder > 0 {
                    let rest = divisor - remainder
                    if remainder > rest || (remainder == rest && quotient & 1 == 1) {
                        let (next, overflow) = quotient.addingReportingOverflow(1)
                        quotient = next
                        fits = !overflow
                    }
                }
                if fits, quotient <= UInt128(Int128.max),
                   let decimal = try? ExactDecimal(coefficient: numerator < 0 ? -Int128(quotient) : Int128(quotient), scale: scale) {
                    return decimal
                }
            }
            scale -= 1
        }
        return nil
    }

    /// ``roundedDecimal(_:_:significantDigits:)`` when both parts are below 2^64 and the first
    /// scale tried is at most 19 (so that `|n|·10^scale` fits in 128 bits and the quotient comes
    /// from two 64-bit divisions): the same leading position, scale, quotient and half-even
    /// step. Nil otherwise, and nil when that first scale would not give the decimal (the
    /// general form then tries the smaller scales as before).
    static func roundedDecimal64(_ numerator: Int128, _ denominator: Int128, significantDigits: Int) -> ExactDecimal? {
        guard numerator != 0, let magnitude = UInt64(exactly: numerator.magnitude), let divisor = UInt64(exactly: denominator.magnitude)
        else { return nil }
        // Leading position: smallest e with magnitude·10^e ≥ denominator (e ≤ 20 here).
        var shift = 0
        var scaled = UInt128(magnitude)
        while scaled < UInt128(divisor) {
            scaled &*= 10
            shift += 1
        }
        let scale = min(ExactDecimal.maximumScale, max(0, shift - 1 + significantDigits))
        guard scale <= 19 else { return nil }
        var power: UInt64 = 1
        for _ in 0..<scale { power &*= 10 }
        let product = magnitude.multipliedFullWidth(by: power)
        let (highQuotient, highRemainder) = product.high.quotientAndRemainder(dividingBy: divisor)
        let (lowQuotient, remainder) = divisor.dividingFullWidth((highRemainder, product.low))
        var quotient = UInt128(highQuotient) << 64 | UInt128(lowQuotient)
        if remainder > 0 {
            let rest = divisor - remainder
            if remainder > rest || (remainder == rest && quotient & 1 == 1) { quotient += 1 }
        }
        guard quotient < 100_000_000_000_000_000_000_000_000_000_000_000_000 else { return nil }
        return ExactDecimal(checkedCoefficient: numerator < 0 ? -Int128(quotient) : Int128(quotient), scale: scale)
    }

    /// 10^k for 0 ≤ k ≤ 38.
    static func tenToThe(_ exponent: Int) -> UInt128 {
        var value: UInt128 = 1
        for _ in 0..<exponent { value &*= 10 }
        return value
    }

    /// 5^k for 0 ≤ k ≤ 54 (5^54 < 2^127 ≤ 5^55).
    private static func powerOfFive(_ exponent: Int) -> Int128 {
        var value: Int128 = 1
        for _ in 0..<exponent { value &*= 5 }
        return value
    }

    /// ``terminatingDecimal()`` for a numerator and a (positive) denominator in `Int128`.
    static func terminatingDecimal(_ numerator: Int128, _ denominator: Int128) -> ExactDecimal? {
        // Parts that fit in 64 bits: the same steps with 64-bit divisions.
        if let n = Int64(exactly: numerator), let d = Int64(exactly: denominator) { return terminatingDecimal(parts: n, d) }
        return terminatingDecimal(parts: numerator, denominator)
    }

    /// ``terminatingDecimal(_:_:)`` in `T` (the exact divisions), the products in `Int128`.
    private static func terminatingDecimal<T: FixedWidthInteger & SignedInteger>(parts numerator: T, _ denominator: T) -> ExactDecimal? {
        let twos = denominator.trailingZeroBitCount
        var rest = denominator >> twos
        var fives = 0
        while rest % 5 == 0 {
            rest /= 5
            fives += 1
        }
        guard rest == 1 || numerator % rest == 0 else { return nil }
        var c = numerator / rest
        let cTwos = c.trailingZeroBitCount
        var cFives = 0
        var t = c
        while cFives < fives, t % 5 == 0 {
            t /= 5
            cFives += 1
        }
        let scale = max(0, twos - cTwos, fives - cFives)
        guard scale <= ExactDecimal.maximumScale else { return nil }
        // c · 2^(scale − twos) · 5^(scale − fives): the exact divisions first, so that an
        // overflow of the multiplications means the coefficient does not fit.
        if scale < twos { c >>= twos - scale }
        var coefficient = Int128(c)
        if scale < fives { coefficient /= powerOfFive(fives - scale) }
        if scale > twos {
            let (product, overflow) = coefficient.multipliedReportingOverflow(by: Int128(1) << (scale - twos))
            if overflow { return nil }
            coefficient = product
        }
        if scale > fives {
            let (product, overflow) = coefficient.multipliedReportingOverflow(by: powerOfFive(scale - fives))
            if overflow { return nil }
            coefficient = product
        }
        return try? ExactDecimal(coefficient: coefficient, scale: scale)
    }
}

extension WideInteger {
    /// The number of trailing zero bits of the magnitude (0 for zero).
    fileprivate var trailingZeroBitCount: Int {
        for (index, limb) in limbs.enumerated() where limb != 0 { return index * 64 + limb.trailingZeroBitCount }
        return 0
    }

    /// The magnitude shifted right by `count` bits, with the sign kept (exact for the callers:
    /// `count` ≤ ``trailingZeroBitCount``).
    fileprivate func shiftedRight(by count: Int) -> WideInteger {
        let words = count / 64, bits = count % 64
        guard words < limbs.count else { return .zero }
        var result = Array(limbs[words...])
        if bits > 0 {
            for index in result.indices {
                let high = index + 1 < result.count ? result[index + 1] << (64 - bits) : 0
                result[index] = (result[index] >> bits) | high
            }
        }
        return WideInteger(limbs: result, negative: isNegative)
    }

    /// `self / divisor` when the division is exact, else nil (`divisor` ≠ 0).
    fileprivate func exactQuotient(by divisor: WideInteger) -> WideInteger? {
        let (quotient, remainder) = Self.divideMagnitudes(limbs, divisor.limbs)
        guard remainder.isEmpty else { return nil }
        return WideInteger(limbs: quotient, negative: isNegative != divisor.isNegative)
    }

    /// The integer in decimal digits (with a leading `-` when negative).
    ///
    /// ```swift
    /// WideInteger(-1234).decimalText   // "-1234"
    /// ```
    package var decimalText: String {
        if isZero { return "0" }
        if let value = int128Value { return String(value) }
        let chunk: [UInt64] = [1_000_000_000_000_000_000]
        var magnitude = limbs
        var parts: [String] = []
        while !magnitude.isEmpty {
            // 18 digits at a time: the remainder is one limb below 10^18 (none when zero).
            let (quotient, remainder) = Self.divideMagnitudes(magnitude, chunk)
            parts.append(remainder.isEmpty ? "0" : String(remainder[0]))
            magnitude = WideInteger(limbs: quotient, negative: false).limbs
        }
        var text = parts.last ?? "0"
        for part in parts.dropLast().reversed() { text += String(repeating: "0", count: 18 - part.count) + part }
        return (isNegative ? "-" : "") + text
    }
}
