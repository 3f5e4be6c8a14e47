// DealFinance — DealJSON: the JSON value tree, its accessors and dotted-path lookup.

/// One JSON value as read by ``JSONReader`` or written by ``JSONWriter``.
///
/// Numbers keep the literal text exactly as written, so no digit is ever lost to binary
/// floating point; ``JSONReader`` only produces texts that match the RFC 8259 number grammar.
/// Equality is structural and textual: `.number("1.0") != .number("1")`; strings and keys
/// compare by Unicode scalars (`"é" != "e\u{301}"`, unlike Swift's `String`); two objects
/// are equal only when they hold the same members in the same order (see ``JSONObject``).
/// So equal values always write the same text.
///
/// ```swift
/// let value = try JSONReader().parse(#"{"term": 60, "apr": "6.9"}"#)
/// value.value(atPath: "apr")?.stringValue   // "6.9"
/// value.value(atPath: "term")?.numberText   // "60"
/// ```
///
/// The type is also expressible by literals (no float literal, so no binary-float value
/// can slip in):
///
/// ```swift
/// let request: JSONValue = ["calculate": "loan", "term": 60, "explain": true, "note": nil]
/// ```
public enum JSONValue: Sendable, Equatable, Hashable {
    /// The JSON literal `null`.
    ///
    /// ```swift
    /// try JSONReader().parse("null") == .null   // true
    /// ```
    case null
    /// The JSON literals `true` and `false`.
    ///
    /// ```swift
    /// try JSONReader().parse("true") == .bool(true)   // true
    /// ```
    case bool(Bool)
    /// A JSON number, stored as its literal text exactly as written (for example `"-0.5e+3"`).
    ///
    /// ``JSONWriter`` writes the text back unchanged, so a value built by hand must hold
    /// a text for which ``isValidNumberText(_:)`` is `true`.
    ///
    /// ```swift
    /// try JSONReader().parse("1.50") == .number("1.50")   // true
    /// ```
    case number(String)
    /// A JSON string, with every escape decoded.
    ///
    /// ```swift
    /// try JSONReader().parse(#""a\u00e9""#) == .string("aé")   // true
    /// ```
    case string(String)
    /// A JSON array.
    ///
    /// ```swift
    /// try JSONReader().parse("[1, true]") == .array([.number("1"), .bool(true)])   // true
    /// ```
    case array([JSONValue])
    /// A JSON object, with its members in the order they were written.
    ///
    /// ```swift
    /// try JSONReader().parse(#"{"a": null}"#) == .object(["a": .null])   // true
    /// ```
    case object(JSONObject)
}

extension JSONValue {
    /// Whether two values are the same JSON: same kind, same number text, same string
    /// scalars, equal elements and members in the same order.
    ///
    /// ```swift
    /// JSONValue.number("1.0") == .number("1")        // false
    /// JSONValue.string("é") == .string("e\u{301}")   // false
    /// ```
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.number(let left), .number(let right)): ExactText(left) == ExactText(right)
        case (.string(let left), .string(let right)): ExactText(left) == ExactText(right)
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)): left == right
        default: false
        }
    }

    /// Hashes the value consistently with `==`.
    ///
    /// ```swift
    /// Set<JSONValue>([.number("1"), .number("1"), .number("1.0")]).count   // 2
    /// ```
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let flag): hasher.combine(1); hasher.combine(flag)
        case .number(let text): hasher.combine(2); hasher.combine(ExactText(text))
        case .string(let text): hasher.combine(3); hasher.combine(ExactText(text))
        case .array(let elements): hasher.combine(4); hasher.combine(elements)
        case .object(let object): hasher.combine(5); hasher.combine(object)
        }
    }

    /// The members when the value is an object, otherwise `nil`.
    ///
    /// ```swift
    /// JSONValue.object(["a": 1]).objectValue?.keys   // ["a"]
    /// JSONValue.null.objectValue                     // nil
    /// ```
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements when the value is an array, otherwise `nil`.
    ///
    /// ```swift
    /// JSONValue.array([1, 2]).arrayValue?.count   // 2
    /// ```
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The text when the value is a string, otherwise `nil` (a number is *not* a string).
    ///
    /// ```swift
    /// JSONValue.string("12.50").stringValue   // "12.50"
    /// JSONValue.number("12.50").stringValue   // nil
    /// ```
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The truth value when the value is a boolean, otherwise `nil`.
    ///
    /// ```swift
    /// JSONValue.bool(false).boolValue   // false
    /// JSONValue.null.boolValue          // nil
    /// ```
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The literal text when the value is a number, otherwise `nil`.
    ///
    /// ```swift
    /// JSONValue.number("1e3").numberText   // "1e3"
    /// JSONValue.string("1").numberText     // nil
    /// ```
    public var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// The kind of value in words, for error messages: `"null"`, `"a boolean"`,
    /// `"a number"`, `"a string"`, `"an array"` or `"an object"`.
    ///
    /// ```swift
    /// "expected a string, found \(JSONValue.number("5").kindName)"
    /// // "expected a string, found a number"
    /// ```
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Looks up a dotted path: object members by key, array elements by decimal index.
    ///
    /// The empty path is the value itself. An index is written without sign or leading
    /// zeros (`"0"`, `"17"`); a step that is missing, out of range, or applied to a scalar
    /// makes the result `nil`. Keys that contain a `.` cannot be reached this way.
    ///
    /// ```swift
    /// let result = try JSONReader().parse(#"{"schedule": [{"balance": "100.00"}]}"#)
    /// result.value(atPath: "schedule.0.balance")   // .string("100.00")
    /// result.value(atPath: "schedule.1.balance")   // nil
    /// ```
    ///
    /// - Parameter path: Keys and indices separated by `.`, as in ``JSONParseError/path``.
    /// - Returns: The value found, or `nil` when any step is missing.
    public func value(atPath path: String) -> JSONValue? {
        if path.isEmpty { return self }
        var current = self
        for step in path.split(separator: ".", omittingEmptySubsequences: false) {
            switch current {
            case .object(let object):
                guard let member = object[String(step)] else { return nil }
                current = member
            case .array(let elements):
                guard let index = Self.arrayIndex(step), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// A canonical decimal index (`0`, or digits without a leading zero), or `nil`.
    private static func arrayIndex(_ step: Substring) -> Int? {
        let digits = step.utf8
        guard let first = digits.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            return nil
        }
        if first == UInt8(ascii: "0") && digits.count > 1 { return nil }
        return Int(step)   // nil on a non-digit or on overflow
    }

    /// Whether `text` matches the RFC 8259 number grammar
    /// `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?` exactly.
    ///
    /// ```swift
    /// JSONValue.isValidNumberText("-0.5e+3")   // true
    /// JSONValue.isValidNumberText("01")        // false
    /// JSONValue.isValidNumberText("+1")        // false
    /// ```
    ///
    /// - Parameter text: The candidate literal.
    /// - Returns: `true` when the whole text is one JSON number.
    public static func isValidNumberText(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return false }
        if case .number(let end) = scanJSONNumber(bytes, from: 0), end == bytes.count { return true }
        return false
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// Creates `.null` from `nil`.
    ///
    /// ```swift
    /// let value: JSONValue = nil   // .null
    /// ```
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates `.bool` from `true` or `false`.
    ///
    /// ```swift
    /// let value: JSONValue = true   // .bool(true)
    /// ```
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates `.number` from an integer literal, stored as its decimal text.
    ///
    /// ```swift
    /// let value: JSONValue = -60   // .number("-60")
    /// ```
    public init(integerLiteral value: Int) { self = .number(String(value)) }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates `.string` from a string literal.
    ///
    /// ```swift
    /// let value: JSONValue = "12.50"   // .string("12.50")
    /// ```
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates `.array` from an array literal.
    ///
    /// ```swift
    /// let value: JSONValue = [1, "two", nil]   // .array([.number("1"), .string("two"), .null])
    /// ```
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates `.object` from a dictionary literal, keeping the written order; a repeated
    /// key replaces the earlier value in place.
    ///
    /// ```swift
    /// let value: JSONValue = ["b": 1, "a": 2]   // keys in order ["b", "a"]
    /// ```
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
