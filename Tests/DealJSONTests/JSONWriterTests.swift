// DealFinance — DealJSON tests: JSONWriter (exact layout, escaping, round trip over a seeded corpus).
import DealJSON
import Testing

/// Sebastiano Vigna's SplitMix64: a tiny seeded generator, so every corpus is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random JSON values that stress the writer and reader: every control character, quotes,
/// backslashes, non-BMP scalars, U+FEFF, every shape of number, empty and nested containers.
struct RandomJSON {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

    mutating func value(depth: Int = 0, maximumDepth: Int = 5) -> JSONValue {
        let choice = depth >= maximumDepth ? int(0...3) : int(0...5)
        switch choice {
        case 0: return .null
        case 1: return .bool(int(0...1) == 1)
        case 2: return .number(number())
        case 3: return .string(string())
        case 4: return .array((0..<int(0...4)).map { _ in value(depth: depth + 1, maximumDepth: maximumDepth) })
        default:
            var object = JSONObject()
            for _ in 0..<int(0...4) { object[string()] = value(depth: depth + 1, maximumDepth: maximumDepth) }
            return .object(object)
        }
    }

    /// A number built from the RFC 8259 grammar, so it is valid by construction.
    mutating func number() -> String {
        var text = int(0...1) == 1 ? "-" : ""
        text += int(0...3) == 0 ? "0" : String(int(1...9)) + digits(0...6)
        if int(0...1) == 1 { text += "." + digits(1...6) }
        if int(0...2) == 0 {
            text += ["e", "E"][int(0...1)] + ["", "+", "-"][int(0...2)] + digits(1...3)
        }
        return text
    }

    mutating func digits(_ count: ClosedRange<Int>) -> String {
        String((0..<int(count)).map { _ in Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(int(0...9)))) })
    }

    mutating func string() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<int(0...8) {
            switch int(0...6) {
            case 0: scalars.append(Unicode.Scalar(UInt8(int(0...0x1F))))        // every control character
            case 1: scalars.append(["\"", "\\", "/", "\u{7F}", ".", " "][int(0...5)])
            case 2: scalars.append(["é", "中", "😀", "\u{FEFF}", "\u{2028}", "\u{10FFFF}", "\u{301}"][int(0...6)])
            case 3: // any scalar outside the surrogate range
                let value = UInt32(int(0...0x10_FFFF - 0x800))
                scalars.append(Unicode.Scalar(value < 0xD800 ? value : value + 0x800)!)
            default: scalars.append(Unicode.Scalar(UInt8(int(0x20...0x7E))))
            }
        }
        return String(scalars)
    }
}

/// The nesting depth of a value (a scalar is 0), computed independently of the reader.
func nestingDepth(_ value: JSONValue) -> Int {
    switch value {
    case .array(let elements): 1 + (elements.map(nestingDepth).max() ?? 0)
    case .object(let object): 1 + (object.values.map(nestingDepth).max() ?? 0)
    default: 0
    }
}

@Suite("JSONWriter")
struct JSONWriterTests {
    static let sample: JSONValue = [
        "calculate": "loan",
        "term": 60,
        "fees": [],
        "taxes": .object(JSONObject()),
        "lines": [1, ["a": true, "b": nil]],
        "rate": .number("-6.9e-1"),
    ]

    @Test("pretty layout: two-space indent, \"key\": value, empty containers on one line")
    func prettyLayout() {
        let expected = """
            {
              "calculate": "loan",
              "term": 60,
              "fees": [],
              "taxes": {},
              "lines": [
                1,
                {
                  "a": true,
                  "b": null
                }
              ],
              "rate": -6.9e-1
            }
            """
        #expect(JSONWriter().write(Self.sample) == expected)
        #expect(JSONWriter(pretty: true).write(Self.sample) == expected)
    }

    @Test("compact layout has no whitespace at all")
    func compactLayout() {
        #expect(JSONWriter(pretty: false).write(Self.sample)
            == #"{"calculate":"loan","term":60,"fees":[],"taxes":{},"lines":[1,{"a":true,"b":null}],"rate":-6.9e-1}"#)
        var writer = JSONWriter()
        writer.pretty = false
        #expect(writer.write([[], [[]]]) == "[[],[[]]]")
    }

    @Test("top-level scalars", arguments: [
        (JSONValue.null, "null"), (.bool(true), "true"), (.bool(false), "false"),
        (.number("1E+2"), "1E+2"), (.number("-0.000"), "-0.000"), (.string(""), #""""#),
        (.array([]), "[]"), (.object(JSONObject()), "{}"),
    ] as [(JSONValue, String)])
    func scalars(_ value: JSONValue, _ text: String) {
        #expect(JSONWriter().write(value) == text)
        #expect(JSONWriter(pretty: false).write(value) == text)
    }

    @Test("escapes quote, backslash and controls; leaves '/', DEL and other Unicode as UTF-8")
    func escaping() {
        let text = "\"\\/\n\r\t\u{08}\u{0C}\u{00}\u{01}\u{1B}\u{1F} \u{7F}é中😀\u{2028}"
        let expected = #""\"\\/\n\r\t\b\f\u0000\u0001\u001b\u001f "# + "\u{7F}é中😀\u{2028}\""
        #expect(JSONWriter().write(.string(text)) == expected)
        // Keys are escaped the same way.
        #expect(JSONWriter(pretty: false).write(["a\"b\n": 1]) == #"{"a\"b\n":1}"#)
    }

    @Test("every control character escapes as its short form or \\u00XX")
    func everyControlCharacter() throws {
        let short: [UInt8: String] = [0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0C: #"\f"#, 0x0D: #"\r"#]
        let hex = Array("0123456789abcdef")
        for code in UInt8(0)..<0x20 {
            let written = JSONWriter().write(.string(String(Unicode.Scalar(code))))
            let escape = short[code] ?? "\\u00\(hex[Int(code / 16)])\(hex[Int(code % 16)])"
            #expect(written == "\"\(escape)\"", "U+\(code)")
            #expect(try JSONReader().parse(written) == .string(String(Unicode.Scalar(code))))
        }
    }

    @Test("member order is kept, not sorted")
    func memberOrder() {
        var object = JSONObject()
        object["z"] = 1
        object["a"] = 2
        object["m"] = 3
        #expect(JSONWriter(pretty: false).write(.object(object)) == #"{"z":1,"a":2,"m":3}"#)
    }

    @Test("deep values are written without recursion")
    func deepValue() {
        var value: JSONValue = 0
        for _ in 0..<2_000 { value = [value] }
        let text = JSONWriter(pretty: false).write(value)
        #expect(text == String(repeating: "[", count: 2_000) + "0" + String(repeating: "]", count: 2_000))
        let pretty = JSONWriter().write(value)
        let lines = pretty.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4_001)
        #expect(lines[1] == "  [")
        #expect(lines[2_000] == String(repeating: " ", count: 4_000) + "0")
        #expect(lines[2_001] == String(repeating: " ", count: 3_998) + "]")
        #expect(lines[4_000] == "]")
    }

    // MARK: Round trip

    @Test("SplitMix64 matches the reference outputs for seed 1234567")
    func splitMixReference() {
        var generator = SplitMix64(seed: 1_234_567)
        let outputs = (0..<5).map { _ in generator.next() }
        #expect(outputs == [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
    }

    @Test("parse(write(v)) == v and writing is stable, over a seeded corpus", arguments: [1, 2, 3, 42] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        var random = RandomJSON(seed: seed)
        var sawControl = false, sawNonBMP = false, sawNesting = false
        for _ in 0..<300 {
            let value = random.value()
            for pretty in [true, false] {
                let writer = JSONWriter(pretty: pretty)
                let text = writer.write(value)
                let reread = try JSONReader().parse(text)
                #expect(reread == value, "\(text)")
                #expect(writer.write(reread) == text)
                if !pretty {
                    sawControl = sawControl || text.contains("\\u00")
                    sawNonBMP = sawNonBMP || text.unicodeScalars.contains { $0.value > 0xFFFF }
                    sawNesting = sawNesting || nestingDepth(value) >= 3
                    // Compact output never contains raw whitespace outside strings: every
                    // space, tab or newline byte must sit inside a string literal.
                    #expect(!text.contains("\n") && !text.contains("\t") && !text.contains("\r"))
                }
            }
        }
        // The corpus really exercises what it claims to.
        #expect(sawControl && sawNonBMP && sawNesting)
    }

    @Test("canonically equivalent strings stay distinct through a round trip")
    func canonicalEquivalence() throws {
        let value: JSONValue = ["\u{E9}": "\u{E9}", "e\u{301}": "e\u{301}"]
        #expect(value.objectValue?.count == 2)
        let text = JSONWriter(pretty: false).write(value)
        #expect(Array(text.utf8) == [0x7B, 0x22, 0xC3, 0xA9, 0x22, 0x3A, 0x22, 0xC3, 0xA9, 0x22, 0x2C,
                                     0x22, 0x65, 0xCC, 0x81, 0x22, 0x3A, 0x22, 0x65, 0xCC, 0x81, 0x22, 0x7D])
        #expect(try JSONReader().parse(text) == value)
    }

    // MARK: Same bytes as the previous writer

    /// The writer before the single-buffer rewrite (byte-at-a-time escaping, a frame copied per
    /// step), kept here as the reference the fast writer must match byte for byte.
    static func referenceWrite(_ value: JSONValue, pretty: Bool) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        func writeString(_ text: String, into output: inout [UInt8]) {
            output.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x00..<0x20:
                    output.append(contentsOf: "\\u00".utf8)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0x0F)])
                default:
                    output.append(byte)
                }
            }
            output.append(UInt8(ascii: "\""))
        }
        func newline(_ depth: Int, _ output: inout [UInt8]) {
            guard pretty else { return }
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
        var output: [UInt8] = []
        func write(_ value: JSONValue, depth: Int) {
            switch value {
            case .null: output.append(contentsOf: "null".utf8)
            case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .number(let text): output.append(contentsOf: text.utf8)
            case .string(let text): writeString(text, into: &output)
            case .array(let elements):
                output.append(UInt8(ascii: "["))
                for (index, element) in elements.enumerated() {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    newline(depth + 1, &output)
                    write(element, depth: depth + 1)
                }
                if !elements.isEmpty { newline(depth, &output) }
                output.append(UInt8(ascii: "]"))
            case .object(let object):
                output.append(UInt8(ascii: "{"))
                for (index, member) in object.enumerated() {
                    if index > 0 { output.append(UInt8(ascii: ",")) }
                    newline(depth + 1, &output)
                    writeString(member.key, into: &output)
                    output.append(UInt8(ascii: ":"))
                    if pretty { output.append(UInt8(ascii: " ")) }
                    write(member.value, depth: depth + 1)
                }
                if !object.isEmpty { newline(depth, &output) }
                output.append(UInt8(ascii: "}"))
            }
        }
        write(value, depth: 0)
        return String(decoding: output, as: UTF8.self)
    }

    @Test("writes the same bytes as the reference writer over a seeded corpus (escapes, controls, non-ASCII, deep indentation)",
          arguments: [5, 6, 7, 8] as [UInt64])
    func sameBytesAsTheReference(seed: UInt64) {
        var random = RandomJSON(seed: seed)
        var sawEscape = false, sawDeep = false, sawNonASCII = false
        for round in 0..<400 {
            // Every fourth value is wrapped ten levels deep, for indentation past the
            // 16-space slice.
            var value = random.value()
            if round % 4 == 0 {
                for level in 0..<10 {
                    value = level % 2 == 0 ? [value, .string(random.string())] : .object(JSONObject([(random.string(), value)]))
                }
            }
            for pretty in [true, false] {
                let written = JSONWriter(pretty: pretty).write(value)
                #expect(Array(written.utf8) == Array(Self.referenceWrite(value, pretty: pretty).utf8))
                sawEscape = sawEscape || written.utf8.contains(UInt8(ascii: "\\"))
                sawNonASCII = sawNonASCII || written.utf8.contains { $0 >= 0x80 }
            }
            sawDeep = sawDeep || nestingDepth(value) > 9
        }
        #expect(sawEscape && sawDeep && sawNonASCII)
        // Long strings: escapes at the start, the end, back to back, and long clean runs.
        for length in [0, 1, 2, 15, 16, 17, 63, 64, 65, 300] {
            for _ in 0..<20 {
                var text = ""
                for _ in 0..<length {
                    switch random.int(0...9) {
                    case 0: text.unicodeScalars.append(Unicode.Scalar(UInt8(random.int(0...0x1F))))
                    case 1: text += ["\"", "\\", "é", "😀", "\u{7F}"][random.int(0...4)]
                    default: text.unicodeScalars.append(Unicode.Scalar(UInt8(random.int(0x20...0x7E))))
                    }
                }
                let value: JSONValue = [text: .string(text)]
                for pretty in [true, false] {
                    #expect(JSONWriter(pretty: pretty).write(value) == Self.referenceWrite(value, pretty: pretty))
                }
            }
        }
    }
}
