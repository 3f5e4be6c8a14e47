// DealFinance — exact deal finance. DealDecimal: the one canonical text form.

extension ExactDecimal: CustomStringConvertible {
    /// The canonical text: an optional `-`, the integer digits, and exactly ``scale`` decimals.
    ///
    /// It round-trips with ``init(parsing:)-(StringProtocol)`` (same value and scale). Zero
    /// never carries a sign.
    ///
    /// ```swift
    /// try ExactDecimal(coefficient: -123, scale: 2).description   // "-1.23"
    /// try ExactDecimal(coefficient: 5, scale: 3).description      // "0.005"
    /// ```
    public var description: String {
        // Digits are written backwards into a stack buffer (at most 39 digits, '.', '-'):
        // no array, and 64-bit divisions once the remaining digits fit in a UInt64.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            let scale = self.scale
            var start = buffer.count
            var written = 0
            func put(_ digit: UInt8) {
                start -= 1
                buffer[start] = digit &+ 48
                written += 1
                if written == scale {
                    start -= 1
                    buffer[start] = 46
                }
            }
            var wide = storedCoefficient.magnitude
            while wide > UInt128(UInt64.max) {
                let (quotient, remainder) = wide.quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000)
                var low = UInt64(truncatingIfNeeded: remainder)
                for _ in 0..<19 {
                    put(UInt8(truncatingIfNeeded: low % 10))
                    low /= 10
                }
                wide = quotient
            }
            var value = UInt64(truncatingIfNeeded: wide)
            repeat {
                put(UInt8(truncatingIfNeeded: value % 10))
                value /= 10
            } while value != 0 || written <= scale
            if storedCoefficient < 0 {
                start -= 1
                buffer[start] = 45
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }
}
