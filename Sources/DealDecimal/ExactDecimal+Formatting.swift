// DealFinance — exact deal finance. DealDecimal: the one canonical text form.

extension ExactDecimal: CustomStringConvertible {
    /// The canonical text: an optional `-`, the integer digits, and exactly ``scale`` decimals.
    ///
    /// It round-trips with ``init(parsing:)`` (same value and scale). Zero never carries a
    /// sign.
    ///
    /// ```swift
    /// try ExactDecimal(coefficient: -123, scale: 2).description   // "-1.23"
    /// try ExactDecimal(coefficient: 5, scale: 3).description      // "0.005"
    /// ```
    public var description: String {
        var digits: [UInt8] = []
        digits.reserveCapacity(42)
        var value = storedCoefficient.magnitude
        repeat {
            let (quotient, remainder) = value.quotientAndRemainder(dividingBy: 10)
            digits.append(UInt8(remainder) + 48)
            value = quotient
        } while value != 0
        while digits.count <= scale { digits.append(48) }
        var text: [UInt8] = []
        text.reserveCapacity(digits.count + 2)
        if storedCoefficient < 0 { text.append(45) }
        for index in stride(from: digits.count - 1, through: 0, by: -1) {
            text.append(digits[index])
            if index == scale && scale > 0 { text.append(46) }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
