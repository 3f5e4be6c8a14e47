// DealFinance — exact deal finance. DealDecimal: numeric equality and order.

extension ExactDecimal: Comparable, Hashable {
    /// Numeric equality: `1.5 == 1.50`.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "1.5") == ExactDecimal(parsing: "1.50")   // true
    /// ```
    @inlinable
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// Numeric order.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "0.999") < ExactDecimal(parsing: "1")   // true
    /// ```
    @inlinable
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Hashes the numeric value, so equal values at different scales hash alike.
    ///
    /// ```swift
    /// Set([try ExactDecimal(parsing: "1.5"), try ExactDecimal(parsing: "1.50")]).count   // 1
    /// ```
    public func hash(into hasher: inout Hasher) {
        let normal = normalized()
        hasher.combine(normal.storedCoefficient)
        hasher.combine(normal.storedScale)
    }

    /// −1, 0 or 1 as `self` is below, equal to or above the whole number `whole`: the
    /// coefficient against `whole`·10^scale while that fits in 128 bits (no decimal built or
    /// aligned), else exactly as ``compare(_:_:)``. For range checks on hot paths.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "99.99").compare(toWhole: 100)   // -1
    /// ```
    package func compare(toWhole whole: Int128) -> Int {
        var limit = whole
        for _ in 0..<scale {
            let (next, overflow) = limit.multipliedReportingOverflow(by: 10)
            guard !overflow else {
                return Self.compare(self, ExactDecimal(unchecked: whole, scale: 0))
            }
            limit = next
        }
        return coefficient < limit ? -1 : (coefficient == limit ? 0 : 1)
    }

    /// −1, 0 or 1 as `lhs` is below, equal to or above `rhs`, exactly, at any scales.
    @usableFromInline
    static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let scale = max(lhs.scale, rhs.scale)
        if let left = try? lhs.coefficient(atScale: scale), let right = try? rhs.coefficient(atScale: scale) {
            return left < right ? -1 : (left == right ? 0 : 1)
        }
        let left = WideInteger(lhs.storedCoefficient).multiplied(byPowerOfTen: scale - lhs.scale)
        let right = WideInteger(rhs.storedCoefficient).multiplied(byPowerOfTen: scale - rhs.scale)
        return left.compare(to: right)
    }
}
