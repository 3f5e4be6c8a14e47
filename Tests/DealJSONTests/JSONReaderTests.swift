// DealFinance — DealJSON tests: JSONReader (accepted texts, every error kind, limits).
import DealJSON
import Testing

/// One rejected input and everything the error must say about it.
struct RejectedInput: CustomTestStringConvertible, Sendable {
    var bytes: [UInt8]
    var kind: JSONParseError.Kind
    var offset: Int
    var line: Int
    var column: Int
    var path: String
    var message: String
    var maximumDepth = 64
    var maximumBytes = 1 << 20

    init(_ text: String, _ kind: JSONParseError.Kind, offset: Int, line: Int = 1, column: Int, path: String = "",
         _ message: String, maximumDepth: Int = 64, maximumBytes: Int = 1 << 20) {
        self.init(bytes: Array(text.utf8), kind, offset: offset, line: line, column: column, path: path, message,
                  maximumDepth: maximumDepth, maximumBytes: maximumBytes)
    }

    init(bytes: [UInt8], _ kind: JSONParseError.Kind, offset: Int, line: Int = 1, column: Int, path: String = "",
         _ message: String, maximumDepth: Int = 64, maximumBytes: Int = 1 << 20) {
        self.bytes = bytes
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.maximumDepth = maximumDepth
        self.maximumBytes = maximumBytes
    }

    var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }
}

private let valueExpected =
    "expected a JSON value (an object, an array, a string, a number, 'true', 'false' or 'null')"

private let rejectedInputs: [RejectedInput] = [
    // unexpectedEnd
    .init("", .unexpectedEnd, offset: 0, column: 1, "\(valueExpected), found the end of the input at line 1, column 1"),
    .init(" \n\t", .unexpectedEnd, offset: 3, line: 2, column: 2,
          "\(valueExpected), found the end of the input at line 2, column 2"),
    .init(#"{"a": [1, 2"#, .unexpectedEnd, offset: 11, column: 12, path: "a",
          "expected ',' or ']' after an array element, found the end of the input at line 1, column 12"),
    .init(#"{"a": "#, .unexpectedEnd, offset: 6, column: 7, path: "a",
          "\(valueExpected), found the end of the input at line 1, column 7"),
    .init("[\n\"abc", .unexpectedEnd, offset: 6, line: 2, column: 5, path: "0",
          "expected '\"' to end the string that starts at line 2, column 1, found the end of the input at line 2, column 5"),
    .init("tru", .unexpectedEnd, offset: 3, column: 4, "expected 'true', found the end of the input at line 1, column 4"),
    .init("-", .unexpectedEnd, offset: 1, column: 2, "expected a digit after '-', found the end of the input at line 1, column 2"),
    .init("[1.", .unexpectedEnd, offset: 3, column: 4, path: "0",
          "expected a digit after '.', found the end of the input at line 1, column 4"),
    .init(#""\u12"#, .unexpectedEnd, offset: 5, column: 6,
          "expected four hexadecimal digits after '\\u', found the end of the input at line 1, column 6"),
    .init(#""\"#, .unexpectedEnd, offset: 2, column: 3,
          "expected an escape character after '\\', found the end of the input at line 1, column 3"),
    .init(bytes: [0x22, 0xE4, 0xB8], .unexpectedEnd, offset: 3, column: 3,
          "expected the rest of a UTF-8 sequence, found the end of the input at line 1, column 3"),

    // unexpectedCharacter
    .init("{\n \"tradeIns\": [{\n\"b\": 1x}]}", .unexpectedCharacter, offset: 24, line: 3, column: 7, path: "tradeIns.0",
          "expected ',' or '}' after an object member, found 'x' at line 3, column 7"),
    .init("[1 2]", .unexpectedCharacter, offset: 3, column: 4,
          "expected ',' or ']' after an array element, found '2' at line 1, column 4"),
    .init("[1,]", .unexpectedCharacter, offset: 3, column: 4, path: "1", "\(valueExpected), found ']' at line 1, column 4"),
    .init(#"{"a":1,}"#, .unexpectedCharacter, offset: 7, column: 8,
          "expected '\"' to start a member name, found '}' at line 1, column 8"),
    .init("{'a':1}", .unexpectedCharacter, offset: 1, column: 2,
          "expected '\"' to start a member name or '}', found ''' at line 1, column 2"),
    .init(#"{"x": {"a" 1}}"#, .unexpectedCharacter, offset: 11, column: 12, path: "x",
          "expected ':' after the member name \"a\", found '1' at line 1, column 12"),
    .init("NaN", .unexpectedCharacter, offset: 0, column: 1, "\(valueExpected), found 'N' at line 1, column 1"),
    .init("[Infinity]", .unexpectedCharacter, offset: 1, column: 2, path: "0",
          "\(valueExpected), found 'I' at line 1, column 2"),
    .init("nul", .unexpectedEnd, offset: 3, column: 4, "expected 'null', found the end of the input at line 1, column 4"),
    .init("[fals]", .unexpectedCharacter, offset: 5, column: 6, path: "0",
          "expected 'false', found ']' at line 1, column 6"),
    .init("/* c */ 1", .unexpectedCharacter, offset: 0, column: 1, "\(valueExpected), found '/' at line 1, column 1"),
    .init("\u{0C}1", .unexpectedCharacter, offset: 0, column: 1,
          "\(valueExpected), found the control character U+000C at line 1, column 1"),
    .init("\u{A0}1", .unexpectedCharacter, offset: 0, column: 1,
          "\(valueExpected), found '\u{A0}' (U+00A0) at line 1, column 1"),
    .init(bytes: [0xEF, 0xBB, 0xBF, 0x31], .unexpectedCharacter, offset: 0, column: 1,
          "\(valueExpected), found a byte order mark (U+FEFF) at line 1, column 1"),
    // Columns count Unicode scalars; CR LF, LF and a lone CR each end a line.
    .init("[\"é\", x]", .unexpectedCharacter, offset: 7, column: 7, path: "1",
          "\(valueExpected), found 'x' at line 1, column 7"),
    .init("[\r\n1,\r\n x]", .unexpectedCharacter, offset: 8, line: 3, column: 2, path: "1",
          "\(valueExpected), found 'x' at line 3, column 2"),
    .init("[\r x]", .unexpectedCharacter, offset: 3, line: 2, column: 2, path: "0",
          "\(valueExpected), found 'x' at line 2, column 2"),

    // invalidNumber
    .init(#"{"tradeIns": [{"payoff": 01}]}"#, .invalidNumber, offset: 26, column: 27, path: "tradeIns.0.payoff",
          "expected '.', 'e' or the end of the number after a leading '0' (leading zeros are not allowed), found '1' at line 1, column 27"),
    .init("-01", .invalidNumber, offset: 2, column: 3,
          "expected '.', 'e' or the end of the number after a leading '0' (leading zeros are not allowed), found '1' at line 1, column 3"),
    .init("+1", .invalidNumber, offset: 0, column: 1,
          "expected a number to start with '-' or a digit, found '+' at line 1, column 1"),
    .init("[.5]", .invalidNumber, offset: 1, column: 2, path: "0",
          "expected a number to start with '-' or a digit, found '.' at line 1, column 2"),
    .init("-Infinity", .invalidNumber, offset: 1, column: 2, "expected a digit after '-', found 'I' at line 1, column 2"),
    .init("1.e5", .invalidNumber, offset: 2, column: 3, "expected a digit after '.', found 'e' at line 1, column 3"),
    .init("[1e+]", .invalidNumber, offset: 4, column: 5, path: "0",
          "expected a digit in the exponent, found ']' at line 1, column 5"),

    // invalidString
    .init("[\"a\nb\"]", .invalidString, offset: 3, column: 4, path: "0",
          "expected control characters in a string to be escaped, found the control character U+000A at line 1, column 4"),
    .init("\"\u{0}\"", .invalidString, offset: 1, column: 2,
          "expected control characters in a string to be escaped, found the control character U+0000 at line 1, column 2"),
    .init("{\"k\": \"\t\"}", .invalidString, offset: 7, column: 8, path: "k",
          "expected control characters in a string to be escaped, found the control character U+0009 at line 1, column 8"),

    // invalidEscape
    .init(#"["\x"]"#, .invalidEscape, offset: 3, column: 4, path: "0",
          "expected one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u' after '\\', found 'x' at line 1, column 4"),
    .init(#""\u12G4""#, .invalidEscape, offset: 5, column: 6,
          "expected four hexadecimal digits after '\\u', found 'G' at line 1, column 6"),
    .init(#""\uD800""#, .invalidEscape, offset: 1, column: 2,
          "expected a low surrogate escape (\\uDC00–\\uDFFF) after the high surrogate \\uD800, found none at line 1, column 2"),
    .init(#""\uD83Dx""#, .invalidEscape, offset: 1, column: 2,
          "expected a low surrogate escape (\\uDC00–\\uDFFF) after the high surrogate \\uD83D, found none at line 1, column 2"),
    .init(#""\uDC00""#, .invalidEscape, offset: 1, column: 2,
          "expected a high surrogate (\\uD800–\\uDBFF) before a low surrogate, found the lone low surrogate \\uDC00 at line 1, column 2"),
    .init(#"{"a": "\uD800\u0041"}"#, .invalidEscape, offset: 13, column: 14, path: "a",
          "expected a low surrogate (\\uDC00–\\uDFFF) after the high surrogate \\uD800, found \\u0041 at line 1, column 14"),
    .init(#"{"\q": 1}"#, .invalidEscape, offset: 3, column: 4,
          "expected one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u' after '\\', found 'q' at line 1, column 4"),

    // invalidUTF8: overlong, encoded surrogate, above U+10FFFF, bad lead, bad continuation, outside strings
    .init(bytes: [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], .invalidUTF8, offset: 2, column: 3, path: "0",
          "expected well-formed UTF-8 in a string, found the byte sequence 0xC0, which is not well-formed UTF-8 at line 1, column 3"),
    .init(bytes: [0x22, 0xE0, 0x80, 0xAF, 0x22], .invalidUTF8, offset: 1, column: 2,
          "expected well-formed UTF-8 in a string, found the byte sequence 0xE0 0x80, which is not well-formed UTF-8 at line 1, column 2"),
    .init(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, offset: 1, column: 2,
          "expected well-formed UTF-8 in a string, found the byte sequence 0xED 0xA0, which is not well-formed UTF-8 at line 1, column 2"),
    .init(bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, offset: 1, column: 2,
          "expected well-formed UTF-8 in a string, found the byte sequence 0xF4 0x90, which is not well-formed UTF-8 at line 1, column 2"),
    .init(bytes: [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], .invalidUTF8, offset: 1, column: 2,
          "expected well-formed UTF-8 in a string, found the byte sequence 0xF5, which is not well-formed UTF-8 at line 1, column 2"),
    .init(bytes: [0x22, 0x61, 0xC3, 0x28, 0x22], .invalidUTF8, offset: 2, column: 3,
          "expected well-formed UTF-8 in a string, found the byte sequence 0xC3 0x28, which is not well-formed UTF-8 at line 1, column 3"),
    .init(bytes: [0x5B, 0xFF, 0x5D], .invalidUTF8, offset: 1, column: 2, path: "0",
          "\(valueExpected), found the byte sequence 0xFF, which is not well-formed UTF-8 at line 1, column 2"),

    // duplicateKey: the path names the repeated key
    .init(#"{"a": {"b": 1, "b": 2}}"#, .duplicateKey, offset: 15, column: 16, path: "a.b",
          "expected each member name once in an object, found \"b\" again at line 1, column 16"),
    .init(#"{"a": 1, "a": 1}"#, .duplicateKey, offset: 9, column: 10, path: "a",
          "expected each member name once in an object, found \"a\" again at line 1, column 10"),
    .init("{\"x\": [0, {\"k\\n\": 1,\n \"k\\u000a\": 2}]}", .duplicateKey, offset: 22, line: 2, column: 2, path: "x.1.k\n",
          "expected each member name once in an object, found \"k\\n\" again at line 2, column 2"),

    // tooDeep
    .init("[[[1]]]", .tooDeep, offset: 2, column: 3, path: "0.0",
          "expected at most 2 levels of nested arrays and objects, found a deeper array at line 1, column 3",
          maximumDepth: 2),
    .init(#"{"a": {"b": {}}}"#, .tooDeep, offset: 12, column: 13, path: "a.b",
          "expected at most 2 levels of nested arrays and objects, found a deeper object at line 1, column 13",
          maximumDepth: 2),
    .init("[]", .tooDeep, offset: 0, column: 1,
          "expected at most 0 levels of nested arrays and objects, found a deeper array at line 1, column 1",
          maximumDepth: 0),

    // tooLarge
    .init("12345", .tooLarge, offset: 0, column: 1, "expected at most 4 bytes of input, found 5 bytes", maximumBytes: 4),

    // trailingContent
    .init("{}\n x", .trailingContent, offset: 4, line: 2, column: 2,
          "expected the end of the input after the JSON value, found 'x' at line 2, column 2"),
    .init("1 2", .trailingContent, offset: 2, column: 3,
          "expected the end of the input after the JSON value, found '2' at line 1, column 3"),
    .init("truex", .trailingContent, offset: 4, column: 5,
          "expected the end of the input after the JSON value, found 'x' at line 1, column 5"),
    .init("[1]]", .trailingContent, offset: 3, column: 4,
          "expected the end of the input after the JSON value, found ']' at line 1, column 4"),
    .init(bytes: [0x31, 0x20, 0x00], .trailingContent, offset: 2, column: 3,
          "expected the end of the input after the JSON value, found the control character U+0000 at line 1, column 3"),
]

private let topLevelTexts: [(String, JSONValue)] = [
    ("3", JSONValue.number("3")),
    (#""Hello world!""#, .string("Hello world!")),
    ("true", .bool(true)),
    ("false", .bool(false)),
    (" \t\r\n null \t\r\n", .null),
    ("-0", .number("-0")),
    ("-0.0e-0", .number("-0.0e-0")),
    ("1E+400", .number("1E+400")),
    ("123456789012345678901234567890.000000000000000000001", .number("123456789012345678901234567890.000000000000000000001")),
    ("[]", .array([])),
    ("{}", .object(JSONObject())),
    ("[ ]", .array([])),
    ("{ \n }", .object(JSONObject())),
    ("[[], {}, [[]]]", [[], .object(JSONObject()), [[]]]),
]

@Suite("JSONReader")
struct JSONReaderTests {
    @Test("rejects with the exact kind, position, path and message", arguments: rejectedInputs)
    func rejects(_ input: RejectedInput) {
        var reader = JSONReader()
        reader.maximumDepth = input.maximumDepth
        reader.maximumBytes = input.maximumBytes
        let expected = JSONParseError(
            kind: input.kind, offset: input.offset, line: input.line, column: input.column, path: input.path,
            message: input.message)
        #expect(throws: expected) { try reader.parse(input.bytes) }
    }

    @Test("every error kind is covered by the table")
    func everyKindCovered() {
        let kinds: [JSONParseError.Kind] = [
            .unexpectedEnd, .unexpectedCharacter, .invalidNumber, .invalidString, .invalidEscape, .invalidUTF8,
            .duplicateKey, .tooDeep, .tooLarge, .trailingContent,
        ]
        for kind in kinds {
            #expect(rejectedInputs.contains { $0.kind == kind }, "no rejected input of kind \(kind)")
        }
    }

    @Test("String and byte entry points agree")
    func stringAndBytesAgree() throws {
        let text = #"{"a": [1, "é", null]}"#
        #expect(try JSONReader().parse(text) == JSONReader().parse(Array(text.utf8)))
        #expect(try JSONReader().parse(text) == JSONReader().parse(text.utf8))
        let bad = #"{"a": [1, "é" null]}"#
        #expect(throws: JSONParseError.self) { try JSONReader().parse(bad) }
        do {
            _ = try JSONReader().parse(bad)
        } catch {
            #expect(error.kind == .unexpectedCharacter)
            #expect(error.column == 15)
            #expect(error.offset == 15)   // 'é' is two bytes but one column
        }
    }

    // MARK: RFC 8259 §13 examples and scalar texts

    @Test("RFC 8259 example: the Image object")
    func rfcImageObject() throws {
        let text = """
            {
                  "Image": {
                      "Width":  800,
                      "Height": 600,
                      "Title":  "View from 15th Floor",
                      "Thumbnail": {
                          "Url":    "http://www.example.com/image/481989943",
                          "Height": 125,
                          "Width":  100
                      },
                      "Animated" : false,
                      "IDs": [116, 943, 234, 38793]
                    }
                }
            """
        let value = try JSONReader().parse(text)
        #expect(value.objectValue?.keys == ["Image"])
        #expect(value.value(atPath: "Image")?.objectValue?.keys
            == ["Width", "Height", "Title", "Thumbnail", "Animated", "IDs"])
        #expect(value.value(atPath: "Image.Width") == .number("800"))
        #expect(value.value(atPath: "Image.Title") == .string("View from 15th Floor"))
        #expect(value.value(atPath: "Image.Thumbnail.Url") == .string("http://www.example.com/image/481989943"))
        #expect(value.value(atPath: "Image.Animated") == .bool(false))
        #expect(value.value(atPath: "Image.IDs") == [116, 943, 234, 38793])
    }

    @Test("RFC 8259 example: an array of two objects, numbers kept as written")
    func rfcArrayOfObjects() throws {
        let text = """
            [
                {
                   "precision": "zip",
                   "Latitude":  37.7668,
                   "Longitude": -122.3959,
                   "Address":   "",
                   "City":      "SAN FRANCISCO",
                   "State":     "CA",
                   "Zip":       "94107",
                   "Country":   "US"
                },
                {
                   "precision": "zip",
                   "Latitude":  37.371991,
                   "Longitude": -122.026020,
                   "Address":   "",
                   "City":      "SUNNYVALE",
                   "State":     "CA",
                   "Zip":       "94085",
                   "Country":   "US"
                }
            ]
            """
        let value = try JSONReader().parse(text)
        #expect(value.arrayValue?.count == 2)
        #expect(value.value(atPath: "0.Latitude") == .number("37.7668"))
        #expect(value.value(atPath: "1.Longitude") == .number("-122.026020"))
        #expect(value.value(atPath: "1.Address") == .string(""))
        #expect(value.value(atPath: "1.City") == .string("SUNNYVALE"))
    }

    @Test("scalar texts at the top level", arguments: topLevelTexts)
    func scalars(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONReader().parse(text) == expected)
    }

    // MARK: Strings

    @Test("simple escapes decode")
    func simpleEscapes() throws {
        let value = try JSONReader().parse(#""\"\\\/\b\f\n\r\t""#)
        #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\t"))
    }

    @Test("unicode escapes, both cases of hex, and surrogate pairs")
    func unicodeEscapes() throws {
        let value = try JSONReader().parse(#""\u0041\u00e9\u00E9\u4e2d\uD83D\uDE00\ud834\udd1e\u0000\uFFFF""#)
        #expect(value == .string("Aéé中😀𝄞\u{0}\u{FFFF}"))
        #expect(value.stringValue?.unicodeScalars.map(\.value)
            == [0x41, 0xE9, 0xE9, 0x4E2D, 0x1F600, 0x1D11E, 0, 0xFFFF])
    }

    @Test("raw UTF-8 of every length, DEL and U+2028 pass through")
    func rawUTF8() throws {
        let text = "\"aé中😀\u{7F}\u{2028}\u{10FFFF}\""
        #expect(try JSONReader().parse(text) == .string("aé中😀\u{7F}\u{2028}\u{10FFFF}"))
    }

    @Test("escapes mixed with raw text keep order")
    func mixedEscapes() throws {
        #expect(try JSONReader().parse(#""ab\ncd\u0045f\"""#) == .string("ab\ncdEf\""))
        #expect(try JSONReader().parse(#"{"k\u0031": "v"}"#) == .object(["k1": "v"]))
    }

    // MARK: Objects

    @Test("object members keep the written order")
    func memberOrder() throws {
        let value = try JSONReader().parse(#"{"z": 1, "a": 2, "m": {"y": 0, "b": 1}}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value.value(atPath: "m")?.objectValue?.keys == ["y", "b"])
    }

    @Test("equal keys in different objects are fine; keys differing only by escape spelling are duplicates")
    func keysAcrossObjects() throws {
        #expect(try JSONReader().parse(#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#)
            .value(atPath: "b.1.a") == .number("2"))
        #expect(throws: JSONParseError.self) { try JSONReader().parse(#"{"é": 1, "\u00e9": 2}"#) }
        // Canonically equivalent but different scalars: two distinct keys (RFC 8259 §8.3).
        let object = try JSONReader().parse(#"{"\u00e9": 1, "e\u0301": 2}"#).objectValue
        #expect(object?.count == 2)
        #expect(object?["e\u{301}"] == .number("2"))
    }

    // MARK: Depth

    @Test("nesting exactly at the default limit of 64 parses; 65 is tooDeep")
    func defaultDepthLimit() throws {
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var value = try JSONReader().parse(atLimit)
        var depth = 0
        while case .array(let elements) = value, let first = elements.first {
            depth += 1
            value = first
        }
        #expect(depth == 63)   // 63 non-empty arrays around the innermost empty one
        #expect(value == .array([]))

        let beyond = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let zeros = Array(repeating: "0", count: 64).joined(separator: ".")
        #expect(throws: JSONParseError(
            kind: .tooDeep, offset: 64, line: 1, column: 65, path: zeros,
            message: "expected at most 64 levels of nested arrays and objects, found a deeper array at line 1, column 65")
        ) { try JSONReader().parse(beyond) }
    }

    @Test("objects count toward depth like arrays")
    func objectDepth() throws {
        let nested = { (levels: Int) in
            String(repeating: #"{"a":"#, count: levels) + "1" + String(repeating: "}", count: levels)
        }
        var reader = JSONReader()
        reader.maximumDepth = 10
        #expect(try reader.parse(nested(10)).value(atPath: Array(repeating: "a", count: 10).joined(separator: "."))
            == .number("1"))
        #expect(throws: JSONParseError.self) { try reader.parse(nested(11)) }
    }

    @Test("a megabyte of open brackets stops at the depth limit without recursion")
    func hostileNesting() {
        let text = String(repeating: "[", count: (1 << 20) - 1)
        do {
            _ = try JSONReader().parse(text)
            Issue.record("accepted a megabyte of '['")
        } catch {
            #expect(error.kind == .tooDeep)
            #expect(error.offset == 64)
        }
    }

    @Test("a raised depth limit parses deep input iteratively")
    func raisedDepthLimit() throws {
        var reader = JSONReader()
        reader.maximumDepth = 1_000
        let text = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        let value = try reader.parse(text)
        #expect(JSONWriter(pretty: false).write(value) == text)
    }

    // MARK: Size

    @Test("input over 1 MiB is tooLarge before parsing; exactly 1 MiB parses")
    func sizeLimit() throws {
        let exactly = "\"" + String(repeating: "a", count: (1 << 20) - 2) + "\""
        #expect(try JSONReader().parse(exactly).stringValue?.utf8.count == (1 << 20) - 2)

        // One byte more; it is also invalid JSON, which must not be reached.
        let over = exactly + "x"
        #expect(throws: JSONParseError(
            kind: .tooLarge, offset: 0, line: 1, column: 1, path: "",
            message: "expected at most 1048576 bytes of input, found 1048577 bytes")
        ) { try JSONReader().parse(over) }
    }

    @Test("large flat inputs parse in linear time")
    func largeFlatInputs() throws {
        // 40 000 distinct keys: quadratic duplicate detection or appends would time out.
        var text = "{"
        for index in 0..<40_000 {
            if index > 0 { text += "," }
            text += "\"k\(index)\":\(index)"
        }
        text += "}"
        let object = try JSONReader().parse(text).objectValue
        #expect(object?.count == 40_000)
        #expect(object?["k39999"] == .number("39999"))

        let escapes = "\"" + String(repeating: #"\u00e9\n"#, count: 80_000) + "\""
        #expect(try JSONReader().parse(escapes).stringValue?.unicodeScalars.count == 160_000)
    }

    // MARK: Hostile input

    @Test("mutated inputs never crash; accepted ones round trip; errors are self-consistent",
          arguments: [7, 8, 9] as [UInt64])
    func mutationFuzz(seed: UInt64) {
        var random = RandomJSON(seed: seed)
        let alphabet = Array(#"{}[]":,\u0-+.eE tfn"#.utf8) + [0x00, 0x0A, 0x0D, 0x80, 0xBF, 0xC0, 0xED, 0xF4, 0xFF]
        var accepted = 0, rejected = 0
        for _ in 0..<400 {
            var bytes = Array(JSONWriter(pretty: random.int(0...1) == 1).write(random.value(maximumDepth: 3)).utf8)
            for _ in 0..<random.int(1...3) {
                let position = random.int(0...bytes.count)
                switch random.int(0...2) {
                case 0: bytes.insert(alphabet[random.int(0...alphabet.count - 1)], at: position)
                case 1 where position < bytes.count: bytes.remove(at: position)
                default:
                    if position < bytes.count { bytes[position] = alphabet[random.int(0...alphabet.count - 1)] }
                }
            }
            do {
                let value = try JSONReader().parse(bytes)
                accepted += 1
                let text = JSONWriter(pretty: false).write(value)
                #expect(try JSONReader().parse(text) == value)
            } catch {
                rejected += 1
                #expect(error.offset >= 0 && error.offset <= bytes.count)
                #expect(error.line >= 1 && error.column >= 1)
                #expect(error.message.hasSuffix(" at line \(error.line), column \(error.column)"))
                #expect(error.message.hasPrefix("expected "))
                let newlines = bytes[..<error.offset].filter { $0 == 0x0A }.count
                let lone = bytes.indices.filter {
                    $0 < error.offset && bytes[$0] == 0x0D && ($0 + 1 == bytes.count || bytes[$0 + 1] != 0x0A)
                }.count
                #expect(error.line == 1 + newlines + lone)
            }
        }
        #expect(accepted > 10 && rejected > 100)
    }
}
