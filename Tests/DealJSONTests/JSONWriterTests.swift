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
}
