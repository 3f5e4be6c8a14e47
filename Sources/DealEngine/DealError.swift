// DealFinance — exact deal finance. DealEngine: the errors of SPEC §3.5.

/// A failed calculation: one of SPEC §3.5's codes, the dotted path of the offending field and
/// a message saying what was expected and what was found.
///
/// ```swift
/// let error = DealError.invalidArgument("term", "expected a number of payments from 1 to 1200, found 0")
/// error.code.rawValue   // "invalid_argument"
/// error.path            // "term"
/// ```
public struct DealError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error codes of SPEC §3.5; the raw value is the JSON `code`.
    public enum Code: String, Sendable, CaseIterable {
        /// The request is not valid JSON (or repeats a key).
        case invalidJSON = "invalid_json"
        /// A field is missing, of the wrong type, out of range or unknown.
        case invalidArgument = "invalid_argument"
        /// A valid combination the engine does not compute.
        case unsupported
        /// No value satisfies the request (a solver found no root).
        case noSolution = "no_solution"
        /// An intermediate result exceeded the engine's limits.
        case overflow
        /// The engine could not decide a result it guarantees (a proof step that a bounded
        /// refinement did not complete); never returned in place of a wrong number.
        case `internal`
    }

    /// The error code.
    public let code: Code
    /// Dotted path of the field at fault (`tradeIns.0.payoff`), empty if none.
    public let path: String
    /// What was expected and what was found.
    public let message: String

    /// Creates an error.
    ///
    /// ```swift
    /// DealError(code: .unsupported, path: "oddDays", message: "…")
    /// ```
    public init(code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// An `invalid_argument` error at `path`.
    ///
    /// ```swift
    /// DealError.invalidArgument("apr", "expected a rate from 0 to 100, found 101")
    /// ```
    public static func invalidArgument(_ path: String, _ message: String) -> DealError {
        DealError(code: .invalidArgument, path: path, message: message)
    }

    /// `code at path: message`.
    ///
    /// ```swift
    /// DealError.invalidArgument("term", "expected 1…1200, found 0").description
    /// // "invalid_argument at term: expected 1…1200, found 0"
    /// ```
    public var description: String {
        path.isEmpty ? "\(code.rawValue): \(message)" : "\(code.rawValue) at \(path): \(message)"
    }
}
