// DealFinance — exact deal finance. DealDecimal: the rounding vocabulary.

/// How a value that lies between two representable results is rounded.
///
/// The names follow swift-numerics. The table shows each rule applied to a value rounded to a
/// whole number; the last column names the same rule in other libraries.
///
/// | rule               | −1.5 | −0.5 | 0.5 | 0.7 | 1.2 | 2.5 | known elsewhere as |
/// |--------------------|------|------|-----|-----|-----|-----|-------------------|
/// | `down`             |  −2  |  −1  |  0  |  0  |  1  |  2  | FLOOR |
/// | `up`               |  −1  |   0  |  1  |  1  |  2  |  3  | CEILING |
/// | `towardZero`       |  −1  |   0  |  0  |  0  |  1  |  2  | ROUND_DOWN, truncate |
/// | `awayFromZero`     |  −2  |  −1  |  1  |  1  |  2  |  3  | ROUND_UP |
/// | `toNearestOrDown`  |  −2  |  −1  |  0  |  1  |  1  |  2  | HALF_FLOOR |
/// | `toNearestOrUp`    |  −1  |   0  |  1  |  1  |  1  |  3  | HALF_CEILING |
/// | `toNearestOrZero`  |  −1  |   0  |  0  |  1  |  1  |  2  | HALF_DOWN |
/// | `toNearestOrAway`  |  −2  |  −1  |  1  |  1  |  1  |  3  | HALF_UP (the lender norm, our `standard` profile) |
/// | `toNearestOrEven`  |  −2  |   0  |  0  |  1  |  1  |  2  | HALF_EVEN, banker's, Foundation `.bankers` |
/// | `toOdd`            |  −1  |  −1  |  1  |  1  |  1  |  3  | round to odd (for double rounding) |
/// | `requireExact`     | throws `DecimalError.inexact` for each of these |
///
/// ```swift
/// let cents = try ExactDecimal(parsing: "2.345").rounded(scale: 2, rule: .toNearestOrAway)
/// print(cents)   // 2.35
/// ```
public enum RoundingRule: String, Sendable, Hashable, CaseIterable {
    /// Toward negative infinity.
    case down
    /// Toward positive infinity.
    case up
    /// Drop the extra digits (truncate).
    case towardZero
    /// Away from zero whenever anything is dropped.
    case awayFromZero
    /// Nearest; ties toward negative infinity.
    case toNearestOrDown
    /// Nearest; ties toward positive infinity.
    case toNearestOrUp
    /// Nearest; ties toward zero.
    case toNearestOrZero
    /// Nearest; ties away from zero ("half up" as lenders say).
    case toNearestOrAway
    /// Nearest; ties to the even neighbour (banker's rounding).
    case toNearestOrEven
    /// When anything is dropped, the odd neighbour.
    case toOdd
    /// No rounding allowed: an inexact result throws ``DecimalError/inexact``.
    case requireExact
}

extension RoundingRule {
    /// The integer quotient `numerator / denominator` rounded by this rule.
    ///
    /// ```swift
    /// try RoundingRule.toNearestOrAway.divide(5, by: 2)   // 3
    /// try RoundingRule.toNearestOrEven.divide(5, by: 2)   // 2
    /// try RoundingRule.down.divide(-1, by: 3)             // -1
    /// ```
    /// - Throws: ``DecimalError/divisionByZero``, ``DecimalError/inexact`` for
    ///   `requireExact`, ``DecimalError/overflow(_:)`` for `Int128.min / -1`.
    @inlinable
    public func divide(_ numerator: Int128, by denominator: Int128) throws(DecimalError) -> Int128 {
        if denominator == 0 { throw .divisionByZero }
        if numerator == .min && denominator == -1 { throw .overflow("the quotient does not fit in 128 bits") }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        if remainder == 0 { return quotient }
        let negative = (numerator < 0) != (denominator < 0)
        return try adjust(truncated: quotient, negative: negative,
                          remainderVersusHalf: Self.compareToHalf(remainder.magnitude, of: denominator.magnitude))
    }

    /// Compares a remainder `r` with half of the divisor `d` (0 ≤ r < d) without overflow:
    /// −1 below half, 0 exactly half, +1 above half.
    @inlinable
    static func compareToHalf(_ remainder: UInt128, of divisor: UInt128) -> Int {
        let rest = divisor - remainder
        return remainder < rest ? -1 : (remainder == rest ? 0 : 1)
    }

    /// Applies the rule to a truncated quotient (rounded toward zero) of an inexact division.
    ///
    /// `negative` is the sign of the exact quotient; `remainderVersusHalf` says whether the
    /// dropped part is below (−1), at (0) or above (+1) one half.
    ///
    /// ```swift
    /// try RoundingRule.toNearestOrEven.adjust(truncated: 2, negative: false, remainderVersusHalf: 0)  // 2
    /// ```
    @inlinable
    public func adjust<I: BinaryInteger>(truncated quotient: I, negative: Bool, remainderVersusHalf half: Int) throws(DecimalError) -> I {
        let away: I = negative ? quotient - 1 : quotient + 1
        switch self {
        case .towardZero: return quotient
        case .awayFromZero: return away
        case .down: return negative ? away : quotient
        case .up: return negative ? quotient : away
        case .toOdd: return quotient & 1 == 1 ? quotient : away
        case .requireExact: throw .inexact
        case .toNearestOrDown, .toNearestOrUp, .toNearestOrZero, .toNearestOrAway, .toNearestOrEven:
            if half < 0 { return quotient }
            if half > 0 { return away }
            switch self {
            case .toNearestOrDown: return negative ? away : quotient
            case .toNearestOrUp: return negative ? quotient : away
            case .toNearestOrZero: return quotient
            case .toNearestOrAway: return away
            default: return quotient & 1 == 0 ? quotient : away
            }
        }
    }
}
