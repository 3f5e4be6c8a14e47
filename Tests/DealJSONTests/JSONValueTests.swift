// DealFinance — DealJSON tests: JSONValue (accessors, kind names, paths, equality, literals).
import DealJSON
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    static let oneOfEach: [JSONValue] = [
        .null, .bool(true), .number("1.5"), .string("x"), .array([.null]), .object(["k": 1]),
    ]

    @Test("each accessor answers for its own kind only")
    func accessors() {
        for (index, value) in Self.oneOfEach.enumerated() {
            #expect((value.boolValue != nil) == (index == 1))
            #expect((value.numberText != nil) == (index == 2))
            #expect((value.stringValue != nil) == (index == 3))
            #expect((value.arrayValue != nil) == (index == 4))
            #expect((value.objectValue != nil) == (index == 5))
        }
        #expect(JSONValue.bool(false).boolValue == false)
        #expect(JSONValue.number("1.5").numberText == "1.5")
        #expect(JSONValue.string("12.50").stringValue == "12.50")
        #expect(JSONValue.array([.null, 1]).arrayValue == [.null, .number("1")])
        #expect(JSONValue.object(["k": 1]).objectValue?["k"] == .number("1"))
    }

    @Test("kind names for messages")
    func kindNames() {
        #expect(Self.oneOfEach.map(\.kindName)
            == ["null", "a boolean", "a number", "a string", "an array", "an object"])
    }

    static let document: JSONValue = [
        "periodicPayment": ["total": "402.34"],
        "schedule": .array((0..<60).map { ["balance": .string("\($0).00")] }),
        "": ["": "empty keys"],
        "flag": true,
    ]

    @Test("value(atPath:) follows keys and decimal indices", arguments: [
        ("periodicPayment.total", JSONValue.string("402.34")),
        ("schedule.59.balance", .string("59.00")),
        ("schedule.0.balance", .string("0.00")),
        ("flag", .bool(true)),
        (".", .string("empty keys")),
    ] as [(String, JSONValue)])
    func pathFound(_ path: String, _ expected: JSONValue) {
        #expect(Self.document.value(atPath: path) == expected)
    }

    @Test("value(atPath:) is nil when a step is missing", arguments: [
        "schedule.60.balance",   // out of range
        "schedule.059.balance",  // leading zero is not an index
        "schedule.-1",
        "schedule.+1",
        "schedule.1e1",
        "schedule.99999999999999999999999",  // overflow, not a crash
        "flag.x",                // step into a scalar
        "periodicPayment.total.x",
        "periodicpayment",       // keys are case-sensitive
        "periodicPayment.",      // empty key that does not exist
    ])
    func pathMissing(_ path: String) {
        #expect(Self.document.value(atPath: path) == nil)
    }

    @Test("the empty path is the value itself")
    func emptyPath() {
        #expect(Self.document.value(atPath: "") == Self.document)
        #expect(JSONValue.number("3").value(atPath: "") == .number("3"))
        #expect(JSONValue.number("3").value(atPath: "0") == nil)
    }

    @Test("number text validation follows the RFC 8259 grammar", arguments: [
        ("0", true), ("-0", true), ("10", true), ("1.25", true), ("-0.5e+3", true), ("1E9", true), ("2e-07", true),
        ("", false), ("-", false), ("01", false), ("+1", false), (".5", false), ("1.", false), ("1e", false),
        ("1e+", false), ("NaN", false), ("Infinity", false), ("1 ", false), (" 1", false), ("1_000", false),
        ("0x10", false), ("1.2.3", false), ("١", false),
    ] as [(String, Bool)])
    func numberTextValidation(_ text: String, _ valid: Bool) {
        #expect(JSONValue.isValidNumberText(text) == valid)
    }

    @Test("equality is textual for numbers and by scalars for strings")
    func equality() {
        #expect(JSONValue.number("1.0") != .number("1"))
        #expect(JSONValue.string("\u{E9}") != .string("e\u{301}"))
        #expect(JSONValue.string("\u{E9}") == .string("\u{E9}"))
        #expect(JSONValue.string("1") != .number("1"))
        #expect(JSONValue.null != .bool(false))
        #expect(JSONValue.array([1, 2]) != .array([2, 1]))
        #expect(Set<JSONValue>([.number("1"), .number("1"), .number("1.0"), .string("\u{E9}"), .string("e\u{301}")])
            .count == 4)
    }

    @Test("literals build the expected cases")
    func literals() {
        let value: JSONValue = ["a": nil, "b": true, "c": -60, "d": "x", "e": [1], "b2": false]
        #expect(value == .object(JSONObject([
            ("a", .null), ("b", .bool(true)), ("c", .number("-60")), ("d", .string("x")),
            ("e", .array([.number("1")])), ("b2", .bool(false)),
        ])))
        #expect(value.objectValue?.keys == ["a", "b", "c", "d", "e", "b2"])
    }
}
