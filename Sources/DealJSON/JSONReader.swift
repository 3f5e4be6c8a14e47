// DealFinance — DealJSON: the strict RFC 8259 reader.

/// Reads JSON text strictly by RFC 8259 into a ``JSONValue``.
///
/// The whole input must be exactly one value, optionally surrounded by space, tab, CR and
/// LF. Rejected with a ``JSONParseError``: a byte order mark, `NaN`/`Infinity`, leading
/// zeros, a leading `+` or `.`, trailing commas, comments, single quotes, unescaped control
/// characters in strings, unknown escapes, lone surrogates in `\u` escapes, ill-formed UTF-8
/// anywhere, a key given twice in one object, nesting deeper than ``maximumDepth`` and input
/// longer than ``maximumBytes``.
/// Keys count as repeated when their Unicode scalars are identical (RFC 8259 §8.3), so
/// `"\u00e9"` and `"é"` clash while the canonically equivalent `"e\u0301"` does not.
///
/// Parsing is iterative (no recursion), linear in the input length, and never traps on any
/// input. Numbers keep their literal text; strings are decoded.
///
/// ```swift
/// let request = try JSONReader().parse(#"{"calculate": "loan", "term": 60}"#)
/// request.value(atPath: "calculate")?.stringValue   // "loan"
///
/// var strict = JSONReader()
/// strict.maximumDepth = 8
/// try strict.parse("[[[[[[[[[0]]]]]]]]]")   // throws .tooDeep (9 levels)
/// ```
public struct JSONReader: Sendable {
    /// The deepest nesting of arrays and objects accepted; one level more is
    /// ``JSONParseError/Kind/tooDeep``. A scalar at the top has depth 0, `[1]` depth 1.
    ///
    /// Values nested very deeply are still destroyed and compared recursively by Swift, so
    /// keep this limit modest (the default is 64).
    ///
    /// ```swift
    /// var reader = JSONReader()
    /// reader.maximumDepth = 2
    /// try reader.parse("[[1]]")     // fine
    /// try reader.parse("[[[1]]]")   // throws .tooDeep
    /// ```
    public var maximumDepth: Int = 64

    /// The largest input accepted, in bytes (default 1 MiB); a longer input is
    /// ``JSONParseError/Kind/tooLarge`` before any parsing.
    ///
    /// ```swift
    /// var reader = JSONReader()
    /// reader.maximumBytes = 4
    /// try reader.parse("12345")   // throws .tooLarge
    /// ```
    public var maximumBytes: Int = 1 << 20

    /// Creates a reader with the default limits (depth 64, 1 MiB).
    ///
    /// ```swift
    /// let value = try JSONReader().parse("[true, null]")
    /// ```
    public init() {}

    /// Parses UTF-8 bytes as one JSON value.
    ///
    /// ```swift
    /// let bytes: [UInt8] = Array(#"{"apr": "6.9"}"#.utf8)
    /// try JSONReader().parse(bytes)   // .object(["apr": "6.9"])
    /// ```
    ///
    /// - Parameter bytes: The complete input, UTF-8 without a byte order mark.
    /// - Returns: The value.
    /// - Throws: ``JSONParseError`` with the kind, position, path and a message saying what
    ///   was expected and what was found.
    public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let length = bytes.count
        guard length <= maximumBytes else {
            throw JSONParseError(
                kind: .tooLarge, offset: 0, line: 1, column: 1, path: "",
                message: "expected at most \(maximumBytes) bytes of input, found \(length) bytes")
        }
        var parser = Parser(bytes: Array(bytes), maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    /// Parses a string as one JSON value.
    ///
    /// ```swift
    /// try JSONReader().parse(" [1.50] ")   // .array([.number("1.50")])
    /// ```
    ///
    /// - Parameter text: The complete input.
    /// - Returns: The value.
    /// - Throws: ``JSONParseError``, exactly as the byte overload does.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8)
    }
}

// MARK: - The parser

private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

/// One parse over a byte array. An explicit stack of open containers replaces recursion.
private struct Parser {
    let bytes: [UInt8]
    let maximumDepth: Int
    var position = 0
    var stack: [Frame] = []

    /// An open array or object.
    struct Frame {
        var isObject: Bool
        var array: [JSONValue] = []
        var object = JSONObject()
        /// The key of the member being read (objects only).
        var key = ""
        /// This frame's step in the path of the value currently being read.
        var pathStep: String { isObject ? key : String(array.count) }
    }

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        var completed: JSONValue
        readValue: while true {
            skipWhitespace()
            guard position < bytes.count else {
                throw failure(.unexpectedEnd, expected: Self.valueExpectation, depth: stack.count)
            }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                try open(isObject: true)
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    position += 1
                    completed = .object(stack.removeLast().object)
                } else {
                    // Room for a request's members at the top, for a line item's below: one
                    // allocation per array instead of one per doubling.
                    stack[stack.count - 1].object.reserveCapacity(stack.count == 1 ? 16 : 4)
                    try readKeyAndColon(expected: "'\"' to start a member name or '}'")
                    continue readValue
                }
            case UInt8(ascii: "["):
                try open(isObject: false)
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    completed = .array(stack.removeLast().array)
                } else {
                    continue readValue
                }
            case quote:
                completed = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                completed = .number(try readNumber())
            case UInt8(ascii: "+"), UInt8(ascii: "."):
                throw failure(.invalidNumber, expected: "a number to start with '-' or a digit", depth: stack.count)
            case UInt8(ascii: "t"):
                try readLiteral("true")
                completed = .bool(true)
            case UInt8(ascii: "f"):
                try readLiteral("false")
                completed = .bool(false)
            case UInt8(ascii: "n"):
                try readLiteral("null")
                completed = .null
            default:
                throw failure(expected: Self.valueExpectation, depth: stack.count)
            }

            // Hand the completed value to the enclosing containers, closing those that end.
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].isObject {
                    stack[top].object.appendNewMember(stack[top].key, completed)
                    skipWhitespace()
                    switch peek() {
                    case UInt8(ascii: ","):
                        position += 1
                        skipWhitespace()
                        try readKeyAndColon(expected: "'\"' to start a member name")
                        continue readValue
                    case UInt8(ascii: "}"):
                        position += 1
                        completed = .object(stack.removeLast().object)
                    default:
                        throw failure(expected: "',' or '}' after an object member", depth: top)
                    }
                } else {
                    stack[top].array.append(completed)
                    skipWhitespace()
                    switch peek() {
                    case UInt8(ascii: ","):
                        position += 1
                        continue readValue
                    case UInt8(ascii: "]"):
                        position += 1
                        completed = .array(stack.removeLast().array)
                    default:
                        throw failure(expected: "',' or ']' after an array element", depth: top)
                    }
                }
            }
            break readValue
        }
        skipWhitespace()
        guard position == bytes.count else {
            throw failure(.trailingContent, expected: "the end of the input after the JSON value", depth: 0)
        }
        return completed
    }

    static let valueExpectation =
        "a JSON value (an object, an array, a string, a number, 'true', 'false' or 'null')"

    // MARK: Tokens

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, lineFeed, carriageReturn: position += 1
            default: return
            }
        }
    }

    /// Pushes a container at the current `{` or `[`, unless that would exceed the limit.
    mutating func open(isObject: Bool) throws(JSONParseError) {
        guard stack.count < maximumDepth else {
            throw error(
                .tooDeep, at: position, depth: stack.count,
                text: "expected at most \(maximumDepth) levels of nested arrays and objects, found a deeper "
                    + (isObject ? "object" : "array"))
        }
        stack.append(Frame(isObject: isObject))
        position += 1
    }

    /// Reads `"key"` and `:` for the object on top of the stack; rejects a repeated key.
    mutating func readKeyAndColon(expected: String) throws(JSONParseError) {
        let top = stack.count - 1
        guard peek() == quote else { throw failure(expected: expected, depth: top) }
        let keyOffset = position
        let key = try readString(depth: top)
        if stack[top].object.containsKey(key) {
            stack[top].key = key
            throw error(
                .duplicateKey, at: keyOffset, depth: stack.count,
                text: "expected each member name once in an object, found \(Self.quoted(key)) again")
        }
        stack[top].key = key
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else {
            throw failure(expected: "':' after the member name \(Self.quoted(key))", depth: top)
        }
        position += 1
    }

    /// Reads `true`, `false` or `null` at the current position.
    mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
        let text = word.description
        for expectedByte in text.utf8 {
            guard peek() == expectedByte else {
                throw failure(expected: "'\(text)'", depth: stack.count)
            }
            position += 1
        }
    }

    mutating func readNumber() throws(JSONParseError) -> String {
        let start = position
        switch scanJSONNumber(bytes, from: start) {
        case .number(let end):
            position = end
            return String(decoding: bytes[start..<end], as: UTF8.self)
        case .failure(let offset, let expected):
            position = offset
            let kind: JSONParseError.Kind = offset < bytes.count ? .invalidNumber : .unexpectedEnd
            throw failure(kind, expected: expected, depth: stack.count)
        }
    }

    /// Reads a string at the opening quote: validates UTF-8, rejects raw control characters,
    /// decodes escapes.
    mutating func readString(depth: Int? = nil) throws(JSONParseError) -> String {
        let depth = depth ?? stack.count
        let opening = position
        position += 1
        var segmentStart = position
        var decoded: [UInt8] = []
        var hasEscapes = false
        while true {
            guard position < bytes.count else {
                let (line, column) = lineAndColumn(of: opening)
                throw failure(
                    .unexpectedEnd,
                    expected: "'\"' to end the string that starts at line \(line), column \(column)", depth: depth)
            }
            let byte = bytes[position]
            if byte == quote {
                let text = hasEscapes
                    ? String(decoding: decoded + bytes[segmentStart..<position], as: UTF8.self)
                    : String(decoding: bytes[segmentStart..<position], as: UTF8.self)
                position += 1
                return text
            } else if byte == backslash {
                decoded.append(contentsOf: bytes[segmentStart..<position])
                hasEscapes = true
                try readEscape(into: &decoded, depth: depth)
                segmentStart = position
            } else if byte < 0x20 {
                throw failure(
                    .invalidString, expected: "control characters in a string to be escaped", depth: depth)
            } else if byte < 0x80 {
                position += 1
            } else {
                switch scanUTF8(bytes, at: position) {
                case .scalar(_, let length): position += length
                case .truncated:
                    position = bytes.count
                    throw failure(.unexpectedEnd, expected: "the rest of a UTF-8 sequence", depth: depth)
                case .invalid:
                    throw failure(expected: "well-formed UTF-8 in a string", depth: depth)
                }
            }
        }
    }

    /// Decodes one escape at the backslash and appends its UTF-8 to `decoded`.
    mutating func readEscape(into decoded: inout [UInt8], depth: Int) throws(JSONParseError) {
        let escapeStart = position
        position += 1
        guard let letter = peek() else {
            throw failure(.unexpectedEnd, expected: "an escape character after '\\'", depth: depth)
        }
        let simple: UInt8
        switch letter {
        case quote: simple = quote
        case backslash: simple = backslash
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = lineFeed
        case UInt8(ascii: "r"): simple = carriageReturn
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            position += 1
            var code = try readHex4(depth: depth)
            if (0xDC00...0xDFFF).contains(code) {
                throw error(
                    .invalidEscape, at: escapeStart, depth: depth,
                    text: "expected a high surrogate (\\uD800–\\uDBFF) before a low surrogate, found the lone low surrogate \\u\(Self.hex4(code))")
            }
            if (0xD800...0xDBFF).contains(code) {
                let lowStart = position
                guard position + 1 < bytes.count, bytes[position] == backslash,
                      bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw error(
                        .invalidEscape, at: escapeStart, depth: depth,
                        text: "expected a low surrogate escape (\\uDC00–\\uDFFF) after the high surrogate \\u\(Self.hex4(code)), found none")
                }
                position += 2
                let low = try readHex4(depth: depth)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(
                        .invalidEscape, at: lowStart, depth: depth,
                        text: "expected a low surrogate (\\uDC00–\\uDFFF) after the high surrogate \\u\(Self.hex4(code)), found \\u\(Self.hex4(low))")
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else {   // unreachable: surrogates handled above
                throw error(.invalidEscape, at: escapeStart, depth: depth, text: "expected a Unicode scalar value")
            }
            UTF8.encode(scalar) { decoded.append($0) }
            return
        default:
            throw failure(
                .invalidEscape,
                expected: "one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u' after '\\'", depth: depth)
        }
        decoded.append(simple)
        position += 1
    }

    /// Reads exactly four hexadecimal digits.
    mutating func readHex4(depth: Int) throws(JSONParseError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else {
                throw failure(.unexpectedEnd, expected: "four hexadecimal digits after '\\u'", depth: depth)
            }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw failure(.invalidEscape, expected: "four hexadecimal digits after '\\u'", depth: depth)
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }

    // MARK: Errors

    /// An error at the current position: "expected …, found <what is there> at line L, column C".
    ///
    /// Without an explicit kind, the kind follows what is found: the end of the input is
    /// `.unexpectedEnd`, ill-formed UTF-8 is `.invalidUTF8`, anything else
    /// `.unexpectedCharacter`.
    func failure(_ kind: JSONParseError.Kind? = nil, expected: String, depth: Int) -> JSONParseError {
        let (found, foundKind) = describeFound(at: position)
        return error(kind ?? foundKind, at: position, depth: depth, text: "expected \(expected), found \(found)")
    }

    func error(_ kind: JSONParseError.Kind, at offset: Int, depth: Int, text: String) -> JSONParseError {
        let (line, column) = lineAndColumn(of: offset)
        return JSONParseError(
            kind: kind, offset: offset, line: line, column: column, path: path(depth: depth),
            message: "\(text) at line \(line), column \(column)")
    }

    /// The dotted path through the outermost `depth` open containers.
    func path(depth: Int) -> String {
        stack.prefix(max(0, depth)).map(\.pathStep).joined(separator: ".")
    }

    /// Words for what is at `offset`, and the error kind that it implies.
    func describeFound(at offset: Int) -> (String, JSONParseError.Kind) {
        guard offset < bytes.count else { return ("the end of the input", .unexpectedEnd) }
        let byte = bytes[offset]
        switch byte {
        case 0x20..<0x7F:
            return ("'\(Character(Unicode.Scalar(byte)))'", .unexpectedCharacter)
        case 0x00..<0x20, 0x7F:
            return ("the control character U+\(Self.hex4(UInt32(byte)))", .unexpectedCharacter)
        default:
            switch scanUTF8(bytes, at: offset) {
            case .scalar(let scalar, _):
                if scalar.value == 0xFEFF {
                    return ("a byte order mark (U+FEFF)", .unexpectedCharacter)
                }
                return ("'\(Character(scalar))' (U+\(Self.hex4(scalar.value)))", .unexpectedCharacter)
            case .truncated:
                let rest = bytes[offset...].map(Self.hex2).joined(separator: " ")
                return ("the truncated UTF-8 sequence \(rest) and then the end of the input", .unexpectedEnd)
            case .invalid(let bad):
                let sequence = bytes[offset...bad].map(Self.hex2).joined(separator: " ")
                return ("the byte sequence \(sequence), which is not well-formed UTF-8", .invalidUTF8)
            }
        }
    }

    /// 1-based line and column (in Unicode scalars) of `offset`. LF, CR LF and a lone CR
    /// each end a line.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == lineFeed {
                line += 1
                column = 1
            } else if byte == carriageReturn {
                if index + 1 < bytes.count && bytes[index + 1] == lineFeed {
                    // The LF that follows ends the line.
                } else {
                    line += 1
                    column = 1
                }
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    static func quoted(_ key: String) -> String {
        JSONWriter(pretty: false).write(.string(key))
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
