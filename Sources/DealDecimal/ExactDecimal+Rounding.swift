// DealFinance — exact deal finance. DealDecimal: quantization with a named rule.

extension ExactDecimal {
    /// The value with exactly `scale` decimal places, rounded by `rule` when digits are dropped.
    ///
    /// ```swift
    /// let payment = try ExactDecimal(parsing: "436.656030")
    /// try payment.rounded(scale: 2, rule: .toNearestOrAway)        // 436.66
    /// try ExactDecimal(parsing: "2.345").rounded(scale: 2, rule: .toNearestOrEven)   // 2.34
    /// try ExactDecimal(parsing: "1.5").rounded(scale: 3, rule: .requireExact)        // 1.500
    /// ```
    /// - Throws: ``DecimalError/inexact`` for `requireExact` when digits are dropped,
    ///   ``DecimalError/overflow(_:)`` when more decimals need more than 38 digits.
    @inlinable
    public func rounded(scale newScale: Int, rule: RoundingRule) throws(DecimalError) -> ExactDecimal {
        guard (0...Self.maximumScale).contains(newScale) else {
            throw .overflow("expected a scale from 0 to \(Self.maximumScale), found \(newScale)")
        }
        if newScale >= scale {
            return try ExactDecimal(coefficient: coefficient(atScale: newScale), scale: newScale)
        }
        let quotient = try rule.divide(storedCoefficient, by: PowersOfTen.signed(scale - newScale))
        return ExactDecimal(unchecked: quotient, scale: newScale)
    }

    /// The value with trailing fractional zeros removed (`12.500` → `12.5`, `3.00` → `3`).
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "12.500").normalized().description   // "12.5"
    /// ```
    @inlinable
    public func normalized() -> ExactDecimal {
        var coefficient = storedCoefficient
        var scale = self.scale
        while scale > 0 && coefficient % 10 == 0 { coefficient /= 10; scale -= 1 }
        return ExactDecimal(unchecked: coefficient, scale: scale)
    }
}
