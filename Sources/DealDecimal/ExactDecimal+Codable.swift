// DealFinance — exact deal finance. DealDecimal: Codable as canonical decimal text.

extension ExactDecimal: Codable {
    /// Decodes the canonical text from a string (`"436.66"`), as
    /// ``init(parsing:)-(StringProtocol)`` reads it.
    /// A JSON number is refused: a decoder may already have rounded it through a `Double`.
    ///
    /// ```swift
    /// try JSONDecoder().decode([ExactDecimal].self, from: Data(#"["436.66"]"#.utf8))   // [436.66]
    /// ```
    /// - Throws: `DecodingError.dataCorrupted` at the value's coding path, its message quoting
    ///   the text and the ``DecimalError``, when the string is not a decimal;
    ///   `DecodingError.typeMismatch` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ExactDecimal(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a decimal string, found \(ExactDecimal.excerpt(text)): \(error)")
        }
    }

    /// Encodes the canonical text (``description``) as a string: `"436.66"`, never a number.
    ///
    /// ```swift
    /// String(decoding: try JSONEncoder().encode(ExactDecimal(coefficient: 43666, scale: 2)), as: UTF8.self)   // "\"436.66\""
    /// ```
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
