// DealFinance — exact deal finance. DealDecimal: exact arithmetic.

extension ExactDecimal {
    /// The exact sum; the scale is the larger of the two.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "0.10") + ExactDecimal(parsing: "0.2")   // 0.30
    /// ```
    /// - Throws: ``DecimalError/overflow(_:)`` beyond 38 digits.
    @inlinable
    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        let scale = max(lhs.scale, rhs.scale)
        let left = try lhs.coefficient(atScale: scale)
        let right = try rhs.coefficient(atScale: scale)
        let (sum, overflow) = left.addingReportingOverflow(right)
        if overflow { throw .overflow("the sum needs more than 38 digits") }
        return try ExactDecimal(coefficient: sum, scale: scale)
    }

    /// The exact difference; the scale is the larger of the two.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "1.00") - ExactDecimal(parsing: "0.015")   // 0.985
    /// ```
    /// - Throws: ``DecimalError/overflow(_:)`` beyond 38 digits.
    @inlinable
    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        try lhs + rhs.negated()
    }

    /// The exact product; the scale is the sum of the scales.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "470.10") * ExactDecimal(parsing: "0.07")   // 32.9070
    /// ```
    /// - Throws: ``DecimalError/overflow(_:)`` beyond 38 digits or 38 decimal places.
    @inlinable
    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        let (product, overflow) = lhs.storedCoefficient.multipliedReportingOverflow(by: rhs.storedCoefficient)
        if overflow { throw .overflow("the product needs more than 38 digits") }
        return try ExactDecimal(coefficient: product, scale: lhs.scale + rhs.scale)
    }

    /// The quotient rounded to `scale` decimal places by `rule`. There is no default rule:
    /// every rounding is named.
    ///
    /// ```swift
    /// let rate = try ExactDecimal(parsing: "6.9")
    /// try rate.divided(by: ExactDecimal(1200), scale: 8, rule: .toNearestOrEven)   // 0.00575000
    /// try ExactDecimal(1).divided(by: ExactDecimal(3), scale: 2, rule: .up)         // 0.34
    /// ```
    /// - Throws: ``DecimalError/divisionByZero``, ``DecimalError/inexact`` with
    ///   `requireExact`, ``DecimalError/overflow(_:)``.
    public func divided(by divisor: ExactDecimal, scale: Int, rule: RoundingRule) throws(DecimalError) -> ExactDecimal {
        if divisor.isZero { throw .divisionByZero }
        guard (0...Self.maximumScale).contains(scale) else {
            throw .overflow("expected a scale from 0 to \(Self.maximumScale), found \(scale)")
        }
        // value = (a / 10^sa) / (b / 10^sb); result coefficient = a · 10^(scale + sb − sa) / b.
        let shift = scale + divisor.scale - self.scale
        // When a · 10^shift fits in 128 bits, the same rule on the same quotient in Int128.
        if (0...38).contains(shift) {
            let (scaled, overflow) = storedCoefficient.multipliedReportingOverflow(by: PowersOfTen.signed(shift))
            if !overflow, scaled != .min {
                return try ExactDecimal(coefficient: try rule.divide(scaled, by: divisor.storedCoefficient), scale: scale)
            }
        }
        var numerator = WideInteger(storedCoefficient)
        var denominator = WideInteger(divisor.storedCoefficient)
        if shift >= 0 { numerator = numerator.multiplied(byPowerOfTen: shift) } else { denominator = denominator.multiplied(byPowerOfTen: -shift) }
        let quotient = try numerator.divided(by: denominator, rule: rule)
        guard let coefficient = quotient.int128Value else { throw .overflow("the quotient needs more than 38 digits") }
        return try ExactDecimal(coefficient: coefficient, scale: scale)
    }

    /// The coefficient this value has when written with `scale` ≥ ``scale`` decimals.
    @inlinable
    func coefficient(atScale target: Int) throws(DecimalError) -> Int128 {
        if target == scale { return storedCoefficient }
        let (scaled, overflow) = storedCoefficient.multipliedReportingOverflow(by: PowersOfTen.signed(target - scale))
        if overflow || scaled.magnitude >= PowersOfTen.limit { throw .overflow("the value needs more than 38 digits at \(target) decimal places") }
        return scaled
    }
}

extension ExactDecimal {
    /// Adds `rhs` to `lhs` exactly; `lhs` is unchanged when it throws.
    ///
    /// ```swift
    /// var total: ExactDecimal = 100
    /// try total += ExactDecimal(parsing: "0.25")   // 100.25
    /// ```
    /// - Throws: ``DecimalError/overflow(_:)`` beyond 38 digits.
    @inlinable
    public static func += (lhs: inout ExactDecimal, rhs: ExactDecimal) throws(DecimalError) {
        lhs = try lhs + rhs
    }

    /// Subtracts `rhs` from `lhs` exactly; `lhs` is unchanged when it throws.
    ///
    /// ```swift
    /// var balance: ExactDecimal = 100
    /// try balance -= ExactDecimal(parsing: "0.25")   // 99.75
    /// ```
    /// - Throws: ``DecimalError/overflow(_:)`` beyond 38 digits.
    @inlinable
    public static func -= (lhs: inout ExactDecimal, rhs: ExactDecimal) throws(DecimalError) {
        lhs = try lhs - rhs
    }

    /// Multiplies `lhs` by `rhs` exactly; `lhs` is unchanged when it throws.
    ///
    /// ```swift
    /// var amount = try ExactDecimal(parsing: "1.5")
    /// try amount *= ExactDecimal(parsing: "1.5")   // 2.25
    /// ```
    /// - Throws: ``DecimalError/overflow(_:)`` beyond 38 digits or 38 decimal places.
    @inlinable
    public static func *= (lhs: inout ExactDecimal, rhs: ExactDecimal) throws(DecimalError) {
        lhs = try lhs * rhs
    }
}
