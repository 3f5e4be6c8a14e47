// DealFinance — exact deal finance. DealEngine: exact rationals for the lease formulas.

import DealDecimal

/// An exact rational number `numerator / denominator` of wide integers (denominator > 0).
///
/// The lease's closed forms (capitalized taxes, zero drive-off, total cash) are evaluated in
/// these and rounded once. Fractions are not reduced; the formulas are short.
///
/// ```swift
/// let third = ExactRatio(1, 3)
/// (third * ExactRatio(3)).rounded(.toNearestOrAway)   // 1
/// ```
package struct ExactRatio: Sendable {
    /// The numerator (any sign).
    package var numerator: WideInteger
    /// The denominator (> 0).
    package var denominator: WideInteger

    /// `numerator / denominator`; a negative denominator moves its sign to the numerator.
    ///
    /// ```swift
    /// ExactRatio(6, 4)   // 6/4 (not reduced)
    /// ```
    package init(_ numerator: WideInteger, _ denominator: WideInteger) {
        precondition(!denominator.isZero, "ExactRatio: zero denominator")
        if denominator.isNegative {
            self.numerator = -numerator
            self.denominator = -denominator
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// `numerator / denominator` from machine integers.
    package init(_ numerator: Int128, _ denominator: Int128 = 1) {
        self.init(WideInteger(numerator), WideInteger(denominator))
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

    package static let zero = ExactRatio(0)
    package static let one = ExactRatio(1)

    package var isZero: Bool { numerator.isZero }
    package var isNegative: Bool { numerator.isNegative && !numerator.isZero }
    /// Whether the value is > 0.
    package var isPositive: Bool { !numerator.isNegative && !numerator.isZero }

    package static func + (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        if lhs.denominator == rhs.denominator { return ExactRatio(lhs.numerator + rhs.numerator, lhs.denominator) }
        return ExactRatio(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }
    package static func - (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio { lhs + (-rhs) }
    package static prefix func - (value: ExactRatio) -> ExactRatio { ExactRatio(-value.numerator, value.denominator) }
    package static func * (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        ExactRatio(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }
    /// Division; the divisor must not be zero (callers check).
    package static func / (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        ExactRatio(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    /// Compares two ratios exactly: −1, 0 or +1.
    package func compare(to other: ExactRatio) -> Int {
        (numerator * other.denominator).compare(to: other.numerator * denominator)
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
        return (try? numerator.divided(by: denominator, rule: effective))?.int128Value
    }

    /// The value as a decimal: exact when it terminates within `maximumScale` decimals, else
    /// rounded half-even to `significantDigits` significant digits.
    ///
    /// ```swift
    /// ExactRatio(1, 480).decimal(significantDigits: 24)   // 0.00208333333333333333333333
    /// ```
    package func decimal(significantDigits: Int) -> ExactDecimal {
        if isZero { return .zero }
        // Terminating within the limit? Exact at some scale ≤ the maximum iff exact at the
        // maximum; the least such scale drops the quotient's trailing zeros. One wide division
        // (a failed one for the common non-terminating value) instead of one per scale.
        if var exact = try? numerator.multiplied(byPowerOfTen: ExactDecimal.maximumScale).divided(by: denominator, rule: .requireExact) {
            var scale = ExactDecimal.maximumScale
            let ten = WideInteger(Int128(10))
            while scale > 0, let shorter = try? exact.divided(by: ten, rule: .requireExact) {
                exact = shorter
                scale -= 1
            }
            // A larger scale only makes the coefficient larger: none fits if this one does not.
            if let value = exact.int128Value {
                return (try? ExactDecimal(coefficient: value, scale: scale)) ?? .zero
            }
        }
        let magnitude = isNegative ? -numerator : numerator
        // Leading position: smallest e with magnitude·10^e ≥ denominator.
        var shift = 0
        while magnitude.multiplied(byPowerOfTen: shift) < denominator && shift < 200 { shift += 1 }
        var scale = min(ExactDecimal.maximumScale, max(0, shift - 1 + significantDigits))
        while scale >= 0 {
            if let value = (try? numerator.multiplied(byPowerOfTen: scale).divided(by: denominator, rule: .toNearestOrEven))?.int128Value,
               let decimal = try? ExactDecimal(coefficient: value, scale: scale) {
                return decimal
            }
            scale -= 1
        }
        return .zero
    }
}

extension WideInteger {
    /// The integer in decimal digits (with a leading `-` when negative).
    ///
    /// ```swift
    /// WideInteger(-1234).decimalText   // "-1234"
    /// ```
    package var decimalText: String {
        if isZero { return "0" }
        let chunk = WideInteger(Int128(1_000_000_000_000_000_000))
        var magnitude = isNegative ? -self : self
        var parts: [String] = []
        while !magnitude.isZero {
            let quotient = (try? magnitude.divided(by: chunk, rule: .towardZero)) ?? .zero
            let remainder = magnitude - quotient * chunk
            parts.append(String(remainder.int128Value ?? 0))
            magnitude = quotient
        }
        var text = parts.last ?? "0"
        for part in parts.dropLast().reversed() { text += String(repeating: "0", count: 18 - part.count) + part }
        return (isNegative ? "-" : "") + text
    }
}
