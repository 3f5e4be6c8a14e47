// DealFinance — exact deal finance. DealRequests: one printed line of a lender's quote.

import DealDecimal
import DealEngine
import DealJSON

/// A value a lender printed, at a result path, and how it compares with a computed value: a
/// value printed with fewer decimals matches when the computed value rounds half up to it (the
/// vector comparison rule); more decimals must be equal in value.
///
/// ```swift
/// let line = try QuotedLine(path: "totalOfPayments", text: "23637")
/// line.matches("23637.40")   // true
/// line.matches("23637.50")   // false (rounds to 23638)
/// ```
struct QuotedLine {
    let path: String
    let text: String
    let value: ExactDecimal

    /// Reads a printed value: a plain decimal, with optional thousands commas and a leading
    /// currency sign ($, £, €) as quotes print them.
    init(path: String, text: String, field: String) throws(DealError) {
        self.path = path
        self.text = text
        var plain = Substring(text)
        if let first = plain.first, "$£€".contains(first) { plain = plain.dropFirst() }
        let digits = plain.filter { $0 != "," }
        do { value = try ExactDecimal(parsing: String(digits)) } catch {
            throw DealError.invalidArgument(field, "expected a printed amount such as \"42.49\" or \"23,637\", found \"\(FieldReader.excerpt(text))\"")
        }
    }

    /// Whether the computed value (a decimal string, or a JSON number's text) prints as the quote.
    func matches(_ computed: String?) -> Bool {
        guard let computed, let exact = try? ExactDecimal(parsing: computed) else { return false }
        if exact.scale <= value.scale { return exact == value }
        guard let rounded = try? exact.rounded(scale: value.scale, rule: .toNearestOrAway) else { return false }
        return rounded == value
    }

    /// The computed value at the line's path in a result, as text (strings and numbers).
    static func computed(_ result: JSONValue, at path: String) -> String? {
        switch result.value(atPath: path) {
        case .string(let text)?: return text
        case .number(let text)?: return text
        default: return nil
        }
    }
}
