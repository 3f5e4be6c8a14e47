// DealFinance — DealJSON: the error thrown by JSONReader.

/// Why and where ``JSONReader`` rejected its input.
///
/// `message` says what was expected and what was found, and ends with the position in
/// words; `path` is the dotted path (as accepted by ``JSONValue/value(atPath:)``) of the
/// value being read, so a request layer can report `{"code": "invalid_json", "path": …}`.
///
/// ```swift
/// do {
///     _ = try JSONReader().parse("{\n  \"a\": [1, 2 x]\n}")
/// } catch {
///     error.kind      // .unexpectedCharacter
///     error.path      // "a"
///     error.line      // 2
///     error.column    // 14
///     error.message   // "expected ',' or ']' after an array element, found 'x' at line 2, column 14"
/// }
/// ```
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a parse failure.
    ///
    /// ```swift
    /// (try? JSONReader().parse("[1,")) == nil   // fails with .unexpectedEnd
    /// ```
    public enum Kind: Sendable, Equatable {
        /// The input ended before the value was complete (`[1,`, `"abc`, `tru`, `1.`).
        case unexpectedEnd
        /// A byte that cannot start or continue the value here (`{a:1}`, `NaN`, a BOM).
        case unexpectedCharacter
        /// A number that breaks the RFC 8259 grammar (`01`, `+1`, `1.x`, `.5`).
        case invalidNumber
        /// An unescaped control character (U+0000–U+001F) inside a string.
        case invalidString
        /// An unknown escape (`\x`), bad hex digits or a lone surrogate (`\uD800`).
        case invalidEscape
        /// Bytes that are not well-formed UTF-8 (overlong, encoded surrogate, > U+10FFFF).
        case invalidUTF8
        /// A key given twice in one object (Documentation/Reference/Values.md: `invalid_json`).
        case duplicateKey
        /// Arrays and objects nested deeper than ``JSONReader/maximumDepth``.
        case tooDeep
        /// Input longer than ``JSONReader/maximumBytes``; checked before parsing.
        case tooLarge
        /// Something other than whitespace after the complete value (`1 2`, `{} x`).
        case trailingContent
    }

    /// The category of the failure.
    ///
    /// ```swift
    /// error.kind == .duplicateKey
    /// ```
    public let kind: Kind
    /// The byte offset into the input of the offending byte (the input length when the
    /// input ended early; 0 for ``Kind/tooLarge``).
    ///
    /// ```swift
    /// error.offset   // 7
    /// ```
    public let offset: Int
    /// The 1-based line of `offset`; LF, CR LF and a lone CR each end a line.
    ///
    /// ```swift
    /// error.line   // 3
    /// ```
    public let line: Int
    /// The 1-based column of `offset`, counted in Unicode scalars from the start of the line.
    ///
    /// ```swift
    /// error.column   // 7
    /// ```
    public let column: Int
    /// The dotted path of the value being read when the failure happened, such as
    /// `"tradeIns.0.payoff"` (`""` at the top level); for ``Kind/duplicateKey`` the path of
    /// the repeated key. Syntax errors between members (a missing `,`) carry the container's
    /// path.
    ///
    /// ```swift
    /// error.path   // "tradeIns.0.payoff"
    /// ```
    public let path: String
    /// What was expected and what was found, ending with the position in words.
    ///
    /// ```swift
    /// error.message
    /// // "expected ',' or '}' after an object member, found 'x' at line 3, column 7"
    /// ```
    public let message: String

    /// Creates an error; the reader is the only producer, but tests and request layers may
    /// build one to compare against.
    ///
    /// ```swift
    /// let error = JSONParseError(kind: .tooDeep, offset: 64, line: 1, column: 65, path: "",
    ///                            message: "…")
    /// ```
    public init(kind: Kind, offset: Int, line: Int, column: Int, path: String, message: String) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// The message, prefixed by the path when there is one.
    ///
    /// ```swift
    /// error.description   // "at path \"a\": expected ',' or ']' after an array element, …"
    /// ```
    public var description: String {
        path.isEmpty ? message : "at path \"\(path)\": \(message)"
    }
}
