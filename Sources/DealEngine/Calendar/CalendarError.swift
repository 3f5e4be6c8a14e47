// DealFinance — DealEngine: the error every calendar operation throws.

/// Why a calendar operation could not produce a date or a count.
///
/// The message states what was expected and what was found, so it can be shown to the
/// person who typed the date:
///
/// ```swift
/// do {
///     _ = try CivilDate(parsing: "2026-02-30")
/// } catch {
///     print(error)   // expected a date YYYY-MM-DD, found "2026-02-30" (February 2026 has 28 days)
/// }
/// ```
public struct CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was expected and what was found, in one sentence without a trailing period.
    ///
    /// ```swift
    /// CalendarError(message: "expected a year in 1...9999, found 0").message
    /// ```
    public let message: String

    /// Creates an error carrying `message`.
    ///
    /// - Parameter message: what was expected and what was found.
    ///
    /// ```swift
    /// let error = CalendarError(message: "expected a month in 1...12, found 13")
    /// ```
    public init(message: String) {
        self.message = message
    }

    /// The message itself.
    ///
    /// ```swift
    /// "\(CalendarError(message: "expected x, found y"))"   // "expected x, found y"
    /// ```
    public var description: String { message }
}
