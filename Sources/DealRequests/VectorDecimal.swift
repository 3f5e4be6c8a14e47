// DealFinance — exact deal finance. DealRequests: decimals of any length for the vector
// matching rule.

import DealDecimal

/// A plain decimal string `-?[0-9]+(\.[0-9]+)?` of any length, held exactly as a wide integer
/// coefficient and a scale, so `dealcalc check` compares an expected value of 50 digits (more
/// than ``ExactDecimal`` holds) without rounding it first.
///
/// ```swift
/// let expected = VectorDecimal("0.12345678901234567890123456789012345678901234567890")!
/// try VectorDecimal("0.1234567890123456789012345678901234567890123456789049")!
///     .rounded(toScale: expected.scale) == expected   // true (half up)
/// ```
struct VectorDecimal: Equatable {
    /// The digits without the point, signed.
    let coefficient: WideInteger
    /// Digits after the point as written.
    let scale: Int

    /// Parses the decimal grammar of Documentation/Reference/Values.md; nil for anything else (an exponent, `+`, spaces, `.5`).
    init?(_ text: String) {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, parts.count == 1 || !parts[1].isEmpty,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        // 18 digits at a time: each chunk and 10^18 fit in an Int.
        var value = WideInteger.zero
        var rest = Array((whole + fraction).utf8)[...]
        while !rest.isEmpty {
            let piece = rest.prefix(18)
            rest = rest.dropFirst(piece.count)
            let number = piece.reduce(0) { $0 * 10 + Int($1 - 48) }
            value = value.multiplied(byPowerOfTen: piece.count) + WideInteger(number)
        }
        self.init(coefficient: negative ? -value : value, scale: fraction.count)
    }

    init(coefficient: WideInteger, scale: Int) {
        self.coefficient = coefficient
        self.scale = scale
    }

    /// Equal values compare equal whatever their scales (1.50 == 1.5).
    static func == (lhs: VectorDecimal, rhs: VectorDecimal) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        return lhs.coefficient(atScale: scale) == rhs.coefficient(atScale: scale)
    }

    /// The coefficient at a scale at least this one's (exact: only appends zeros).
    func coefficient(atScale target: Int) -> WideInteger {
        coefficient.multiplied(byPowerOfTen: target - scale)
    }

    /// The value rounded half away from zero ("half up", the vector matching rule) to `target` decimals.
    ///
    /// - Throws: only what ``WideInteger/divided(by:rule:)`` throws for a zero divisor, which
    ///   10^k never is.
    func rounded(toScale target: Int) throws(DecimalError) -> VectorDecimal {
        guard target < scale else { return VectorDecimal(coefficient: coefficient(atScale: target), scale: target) }
        let divisor = WideInteger(1).multiplied(byPowerOfTen: scale - target)
        return VectorDecimal(coefficient: try coefficient.divided(by: divisor, rule: .toNearestOrAway), scale: target)
    }

    /// |self − other| ≤ bound, exactly.
    func isWithin(_ bound: VectorDecimal, of other: VectorDecimal) -> Bool {
        let scale = max(self.scale, other.scale, bound.scale)
        var difference = coefficient(atScale: scale) - other.coefficient(atScale: scale)
        if difference.isNegative { difference = -difference }
        return difference.compare(to: bound.coefficient(atScale: scale)) <= 0
    }
}
