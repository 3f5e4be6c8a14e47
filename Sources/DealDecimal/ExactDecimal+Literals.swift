// DealFinance — exact deal finance. DealDecimal: integer literals.

extension ExactDecimal: ExpressibleByIntegerLiteral {
    /// A whole number with scale 0, from an integer literal; it never overflows (an `Int`
    /// has at most 19 digits, a value may have 38).
    ///
    /// ```swift
    /// let term: ExactDecimal = 60   // 60
    /// ```
    @inlinable
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
