// DealFinance — exact deal finance. DealDecimal: errors.

/// Why a decimal operation could not produce an exact, representable result.
///
/// Every fallible operation in `DealDecimal` throws this type (typed throws), so callers can
/// switch over the cases exhaustively:
///
/// ```swift
/// do {
///     _ = try ExactDecimal(parsing: "12abc")
/// } catch .invalidFormat(let position, let message) {
///     print(position, message)   // 2 expected a digit, '.' or the end, found 'a'
/// } catch {
///     print(error)
/// }
/// ```
public enum DecimalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text does not match the grammar `-?[0-9]+(\.[0-9]+)?`; `position` is the 0-based
    /// offset (in Unicode scalars) of the first character that does not fit.
    case invalidFormat(position: Int, message: String)
    /// The result needs more than ``ExactDecimal/maximumDigits`` significant digits or a scale
    /// above ``ExactDecimal/maximumScale``.
    case overflow(String)
    /// A division by zero was requested.
    case divisionByZero
    /// ``RoundingRule/requireExact`` was given and the result would have been rounded.
    case inexact

    /// A sentence that says what went wrong, for error messages.
    ///
    /// ```swift
    /// DecimalError.divisionByZero.description   // "division by zero"
    /// ```
    public var description: String {
        switch self {
        case .invalidFormat(let position, let message): return "\(message) (at offset \(position))"
        case .overflow(let message): return message
        case .divisionByZero: return "division by zero"
        case .inexact: return "the result is not exact and requireExact was given"
        }
    }
}
