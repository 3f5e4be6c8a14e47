// DealFinance — exact deal finance. DealEngine: exact rationals over wide integers for the
// spreadsheet functions' closed forms.

import DealDecimal

/// An exact fraction `numerator / denominator` of wide integers (denominator > 0, not reduced).
///
/// ```swift
/// let x = ExactFraction(try ExactDecimal(parsing: "0.005")) + ExactFraction(1)   // 1005/1000
/// x.power(12).decimal(significantDigits: 20)   // 1.0616778118644995688
/// ```
package struct ExactFraction: Sendable {
    package var numerator: WideInteger
    package var denominator: WideInteger

    package init(_ numerator: WideInteger, _ denominator: WideInteger) {
        if denominator.isNegative { self.numerator = -numerator; self.denominator = -denominator } else { self.numerator = numerator; self.denominator = denominator }
    }
    package init(_ value: Int) { self.init(WideInteger(value), WideInteger(1)) }
    package init(_ value: ExactDecimal) { self.init(WideInteger(value.coefficient), WideInteger(1).multiplied(byPowerOfTen: value.scale)) }

    package var sign: Int { numerator.isZero ? 0 : (numerator.isNegative ? -1 : 1) }
    package var isZero: Bool { numerator.isZero }

    package static func + (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        if a.denominator == b.denominator { return ExactFraction(a.numerator + b.numerator, a.denominator) }
        return ExactFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    package static prefix func - (a: ExactFraction) -> ExactFraction { ExactFraction(-a.numerator, a.denominator) }
    package static func - (a: ExactFraction, b: ExactFraction) -> ExactFraction { a + (-b) }
    package static func * (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        ExactFraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    /// a / b; b must not be zero.
    package static func / (a: ExactFraction, b: ExactFraction) -> ExactFraction {
        ExactFraction(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    package func power(_ n: Int) -> ExactFraction { ExactFraction(numerator.power(n), denominator.power(n)) }

    /// The value rounded half-even to `significantDigits` significant digits (at most 38
    /// decimal places, so values below 10⁻¹⁸ keep fewer digits).
    ///
    /// - Returns: nil when the value needs more than 38 digits.
    package func decimal(significantDigits: Int) -> ExactDecimal? {
        if isZero { return .zero }
        let magnitude = ExactFraction(numerator.isNegative ? -numerator : numerator, denominator)
        // 10^e ≤ |x| < 10^(e+1): estimate from bit lengths, then correct.
        var e = Int((Double(magnitude.numerator.bitWidth - magnitude.denominator.bitWidth)) * 0.30102999566398120)
        func atLeastPowerOfTen(_ k: Int) -> Bool {
            k >= 0 ? magnitude.numerator.compare(to: magnitude.denominator.multiplied(byPowerOfTen: k)) >= 0
                   : magnitude.numerator.multiplied(byPowerOfTen: -k).compare(to: magnitude.denominator) >= 0
        }
        while !atLeastPowerOfTen(e) { e -= 1 }
        while atLeastPowerOfTen(e + 1) { e += 1 }
        let scale = min(ExactDecimal.maximumScale, max(0, significantDigits - 1 - e))
        guard let quotient = try? numerator.multiplied(byPowerOfTen: scale).divided(by: denominator, rule: .toNearestOrEven),
              let coefficient = quotient.int128Value else { return nil }
        return try? ExactDecimal(coefficient: coefficient, scale: scale)
    }
}
