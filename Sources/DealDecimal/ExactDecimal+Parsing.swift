// DealFinance — exact deal finance. DealDecimal: strict parsing.

extension ExactDecimal {
    /// Parses the whole of `text` as a plain decimal, `-?[0-9]+(\.[0-9]+)?` (Documentation/Reference/Values.md).
    ///
    /// No exponent, no `+`, no thousands separators, no surrounding spaces, no `NaN` or
    /// `Infinity`. The number of decimal places written becomes the ``scale``.
    ///
    /// ```swift
    /// try ExactDecimal(parsing: "30000.00")   // 30000.00, scale 2
    /// try ExactDecimal(parsing: "-0.5")       // -0.5
    /// try ExactDecimal(parsing: "1e3")        // throws invalidFormat(position: 1, …)
    /// ```
    /// - Throws: ``DecimalError/invalidFormat(position:message:)`` naming the first offending
    ///   character, ``DecimalError/overflow(_:)`` for more than 38 significant digits or
    ///   decimal places.
    public init(parsing text: some StringProtocol) throws(DecimalError) {
        try self.init(parsingText: text)
    }

    /// ``init(parsing:)-(StringProtocol)`` for a `String`: the parser specialized here, so that
    /// callers in other modules (request decoding) do not run its generic form.
    ///
    /// ```swift
    /// let text: String = "30000.00"
    /// try ExactDecimal(parsing: text)   // 30000.00
    /// ```
    public init(parsing text: String) throws(DecimalError) {
        try self.init(parsingText: text)
    }

    /// The parser of ``init(parsing:)-(StringProtocol)``.
    private init(parsingText text: some StringProtocol) throws(DecimalError) {
        var coefficient: UInt128 = 0
        var significantDigits = 0
        var scale = 0
        var negative = false
        var position = 0
        var sawPoint = false
        var digitsBeforePoint = 0
        var digitsAfterPoint = 0
        for scalar in text.unicodeScalars {
            defer { position += 1 }
            switch scalar {
            case "-" where position == 0:
                negative = true
            case "0"..."9":
                let digit = UInt128(scalar.value - 48)
                if sawPoint { digitsAfterPoint += 1 } else { digitsBeforePoint += 1 }
                if coefficient != 0 || digit != 0 { significantDigits += 1 }
                if significantDigits > Self.maximumDigits {
                    throw .overflow("expected at most \(Self.maximumDigits) significant digits, found more in \"\(Self.excerpt(text))\"")
                }
                coefficient = coefficient * 10 + digit
                if sawPoint { scale += 1 }
                if scale > Self.maximumScale {
                    throw .overflow("expected at most \(Self.maximumScale) decimal places, found more in \"\(Self.excerpt(text))\"")
                }
            case "." where !sawPoint && digitsBeforePoint > 0:
                sawPoint = true
            default:
                throw .invalidFormat(position: position, message: Self.expectation(
                    position: position, sawPoint: sawPoint, digitsBeforePoint: digitsBeforePoint,
                    found: "'\(scalar.escaped(asASCII: true))'"))
            }
        }
        if digitsBeforePoint == 0 || (sawPoint && digitsAfterPoint == 0) {
            throw .invalidFormat(position: position, message: Self.expectation(
                position: position, sawPoint: sawPoint, digitsBeforePoint: digitsBeforePoint, found: "the end"))
        }
        let signed = Int128(coefficient)
        self.init(unchecked: negative ? -signed : signed, scale: scale)
    }

    /// Says what the grammar allowed at a position, for error messages.
    static func expectation(position: Int, sawPoint: Bool, digitsBeforePoint: Int, found: String) -> String {
        let expected: String
        if digitsBeforePoint == 0 {
            expected = position == 0 ? "a digit or '-'" : "a digit"
        } else if sawPoint {
            expected = "a digit"
        } else {
            expected = "a digit, '.' or the end"
        }
        return "expected a plain decimal like 1234.56: \(expected), found \(found)"
    }

    /// The first characters of a long text, for messages.
    static func excerpt(_ text: some StringProtocol) -> String {
        text.count <= 48 ? String(text) : String(text.prefix(45)) + "…"
    }
}

extension ExactDecimal: LosslessStringConvertible {
    /// Parses `description` like ``init(parsing:)-(StringProtocol)``, returning `nil` when it
    /// does not match.
    ///
    /// ```swift
    /// ExactDecimal("12.50")   // Optional(12.50)
    /// ExactDecimal("12,50")   // nil
    /// ```
    public init?(_ description: String) {
        guard let value = try? ExactDecimal(parsing: description) else { return nil }
        self = value
    }
}
