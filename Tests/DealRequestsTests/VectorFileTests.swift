// DealFinance — DealRequestsTests: VectorFile (Documentation/Reference/Vectors.md format and matching rule).

import Testing
import DealDecimal
import DealJSON
@testable import DealRequests

private func file(_ text: String, name: String = "t.json") throws -> VectorFile {
    try VectorFile(json: try JSONReader().parse(text), name: name)
}

private func malformed(_ text: String, name: String = "bad.json") -> VectorFileError? {
    do { _ = try VectorFile(json: try! JSONReader().parse(text), name: name) } catch { return error }
    return nil
}

/// One case whose "computed" answer is fixed, so the matching rule is tested without the engine.
private func failures(expect: String, tolerance: String = "", answer: JSONValue) throws -> [VectorCase.Failure] {
    let text = #"{"format":"dealfinance-vectors/1","title":"t","cases":[{"id":"c","request":{},"expect":"# + expect
        + (tolerance.isEmpty ? "" : #","tolerance":"# + tolerance) + "}]}"
    return try file(text).cases[0].check { _ in answer }
}

@Suite("VectorFile")
struct VectorFileTests {
    @Test("Documentation/Reference/Vectors.md rounding match: half up to the expected string's decimals", arguments: [
        ("9.69", "9.6857", true), ("9.68", "9.6857", false), ("9.7", "9.6857", true), ("10", "9.6857", true),
        ("1331", "1330.60", true), ("1330", "1330.60", false), ("1330.6", "1330.60", true),
        ("0.13", "0.125", true), ("0.12", "0.125", false), ("-0.13", "-0.125", true), ("-0.12", "-0.125", false),
        ("436.66", "436.66", true), ("436.660", "436.66", true), ("436.67", "436.66", false),
        ("0", "0.49", true), ("1", "0.5", true), ("0", "0.5", false),
    ])
    func rounding(expected: String, computed: String, matches: Bool) throws {
        #expect(VectorCase.matches(computed: .string(computed), expected: .string(expected), tolerance: nil as VectorDecimal?) == matches)
        let found = try failures(expect: #"{"x":""# + expected + #""}"#, answer: ["x": .string(computed)])
        #expect(found.isEmpty == matches)
    }

    @Test("A tolerance replaces the rounding rule: |computed − expected| ≤ tolerance", arguments: [
        ("6.00", "0.125", "6.125", true), ("6.00", "0.125", "5.875", true), ("6.00", "0.125", "6.126", false),
        ("6.00", "0.125", "5.874", false), ("9.69", "0", "9.6857", false), ("9.69", "0", "9.69", true),
    ])
    func tolerance(expected: String, tolerance: String, computed: String, matches: Bool) throws {
        let found = try failures(expect: #"{"apr":""# + expected + #""}"#, tolerance: #"{"apr":""# + tolerance + #""}"#, answer: ["apr": .string(computed)])
        #expect(found.isEmpty == matches)
        // The tolerance only applies to its own path.
        let other = try failures(expect: #"{"b":"6.00"}"#, tolerance: #"{"apr":"1"}"#, answer: ["b": "6.5"])
        #expect(other.count == 1)
    }

    // 50 significant digits: more than ExactDecimal's 38, so only an exact comparison of any
    // length gets these right.
    static let fifty = "3.1415926535897932384626433832795028841971693993751"

    @Test("Expected values of 50 digits compare exactly, rounded half up", arguments: [
        (fifty, "3.1415926535897932384626433832795028841971693993751", true),
        (fifty, "3.14159265358979323846264338327950288419716939937505", true),     // half up
        (fifty, "3.141592653589793238462643383279502884197169399375149", true),
        (fifty, "3.14159265358979323846264338327950288419716939937504999", false),
        (fifty, "3.1415926535897932384626433832795028841971693993752", false),
        (fifty, "3.1415926535897932384626433832795", false),                        // ExactDecimal's best
        ("-" + fifty, "-3.14159265358979323846264338327950288419716939937505", true),
        ("-" + fifty, "-3.14159265358979323846264338327950288419716939937515", false),
        ("3.14", fifty, true),
        ("12345678901234567890123456789012345678901234567890", "12345678901234567890123456789012345678901234567890.4", true),
        ("12345678901234567890123456789012345678901234567890", "12345678901234567890123456789012345678901234567890.5", false),
    ])
    func fiftyDigits(expected: String, computed: String, matches: Bool) throws {
        #expect(VectorCase.matches(computed: .string(computed), expected: .string(expected), tolerance: nil as VectorDecimal?) == matches)
        let found = try failures(expect: #"{"x":""# + expected + #""}"#, answer: ["x": .string(computed)])
        #expect(found.isEmpty == matches)
    }

    @Test("A 50-digit expected value inside (or outside) its tolerance, and a 50-digit tolerance", arguments: [
        (fifty, "0.0000000001", "3.14159265358979", true),
        (fifty, "0.0000000001", "3.1415926", false),
        (fifty, "0.0000000000000000000000000000000000000000000000001", "3.1415926535897932384626433832795028841971693993752", true),
        (fifty, "0.0000000000000000000000000000000000000000000000001", "3.1415926535897932384626433832795028841971693993753", false),
        (fifty, "0.00000000000000000000000000000000000000000000000001", "3.1415926535897932384626433832795028841971693993752", false),
        (fifty, "0", "3.1415926535897932384626433832795028841971693993751000", true),
        ("0.5", "0.00000000000000000000000000000000000000000000000001", "0.50000000000000000000000000000000000000000000000001", true),
        ("0.5", "0.00000000000000000000000000000000000000000000000001", "0.49999999999999999999999999999999999999999999999998", false),
    ])
    func fiftyDigitTolerance(expected: String, tolerance: String, computed: String, matches: Bool) throws {
        let found = try failures(expect: #"{"r":""# + expected + #""}"#, tolerance: #"{"r":""# + tolerance + #""}"#, answer: ["r": .string(computed)])
        #expect(found.isEmpty == matches)
    }

    @Test("Other JSON values must be equal; JSON integers compare as integers")
    func otherValues() {
        #expect(VectorCase.matches(computed: 60, expected: 60, tolerance: nil as VectorDecimal?))
        #expect(!VectorCase.matches(computed: 61, expected: 60, tolerance: nil as VectorDecimal?))
        #expect(VectorCase.matches(computed: .number("60"), expected: .number("60"), tolerance: nil as VectorDecimal?))
        #expect(VectorCase.matches(computed: true, expected: true, tolerance: nil as VectorDecimal?))
        #expect(!VectorCase.matches(computed: false, expected: true, tolerance: nil as VectorDecimal?))
        #expect(VectorCase.matches(computed: "2026-02-25", expected: "2026-02-25", tolerance: nil as VectorDecimal?))
        #expect(!VectorCase.matches(computed: "2026-02-26", expected: "2026-02-25", tolerance: nil as VectorDecimal?))
        #expect(VectorCase.matches(computed: ["a": "1"], expected: ["a": "1"], tolerance: nil as VectorDecimal?))
        #expect(!VectorCase.matches(computed: ["a": "2"], expected: ["a": "1"], tolerance: nil as VectorDecimal?))
        #expect(!VectorCase.matches(computed: 60, expected: "60", tolerance: nil as VectorDecimal?))
        #expect(!VectorCase.matches(computed: "x", expected: "9.69", tolerance: nil as VectorDecimal?))
    }

    @Test("A missing path fails; FAIL lines read file#id path: expected X, got Y")
    func missingPath() throws {
        let found = try failures(expect: #"{"schedule.59.balance":"10000.00","a":"1.00"}"#, answer: ["a": "1.004", "schedule": []])
        #expect(found.count == 1)
        #expect(found.first?.description == #"t.json#c schedule.59.balance: expected "10000.00", got nothing (missing path)"#)
        let wrong = try failures(expect: #"{"a":"1.00"}"#, answer: ["a": "1.005"])
        #expect(wrong.map(\.description) == [#"t.json#c a: expected "1.00", got "1.005""#])
        #expect(wrong.first?.label == "t.json#c")
        #expect(wrong.first?.path == "a")
    }

    @Test("Every failing path is reported, in the file's order")
    func everyPath() throws {
        let found = try failures(expect: #"{"b":"1","a":"2","c":"3"}"#, answer: ["a": "9", "b": "9", "c": "3"])
        #expect(found.map(\.path) == ["b", "a"])
    }

    @Test("expectError: the code must match; a result or another code fails at path error")
    func expectError() throws {
        let text = #"{"format":"dealfinance-vectors/1","title":"t","cases":[{"id":"e","request":{},"expectError":"invalid_argument"}]}"#
        let errorCase = try file(text).cases[0]
        #expect(errorCase.expectError == "invalid_argument")
        #expect(errorCase.check { _ in DealCalculator.errorObject(.invalidArgument("term", "expected x")) }.isEmpty)
        let other = errorCase.check { _ in ["error": ["code": "unsupported", "path": "", "message": "m"]] }
        #expect(other.map(\.description) == [#"t.json#e error: expected error invalid_argument, got error unsupported: m"#])
        let result = errorCase.check { _ in ["periodicPayment": ["total": "1.00"]] }
        #expect(result.map(\.description) == ["t.json#e error: expected error invalid_argument, got a result"])
        // And the real calculator: an empty request object is invalid_argument.
        #expect(errorCase.check().isEmpty)
    }

    @Test("An unexpected error fails the case and says where")
    func unexpectedError() throws {
        let found = try failures(expect: #"{"a":"1"}"#, answer: DealCalculator.errorObject(.invalidArgument("term", "expected 1…1200, found 0")))
        #expect(found.map(\.description) == ["t.json#c error: expected a result, got error invalid_argument at term: expected 1…1200, found 0"])
    }

    @Test("Documentation/Reference/Vectors.md's sample file passes against the engine; a wrong value fails")
    func specSample() throws {
        let sample = #"""
        {"format": "dealfinance-vectors/1", "title": "Retail loans with balloon", "cases": [
          {"id": "balloon-30000-6-60", "source": "Documentation/Reference/Loan.md",
           "request": {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60, "balloon": {"amount": "10000.00"}},
           "expect": {"periodicPayment.total": "436.66", "finalPayment": "436.41", "apr": "6.00", "numberOfPayments": 60, "totalOfPayments": "36199"},
           "tolerance": {"apr": "0.125"}},
          {"id": "wrong", "source": "test",
           "request": {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60},
           "expect": {"periodicPayment.total": "579.99"}}
        ]}
        """#
        let vectors = try file(sample, name: "Vectors/loan/balloon.json")
        #expect(vectors.title == "Retail loans with balloon")
        #expect(vectors.name == "Vectors/loan/balloon.json")
        #expect(vectors.cases.map(\.label) == ["Vectors/loan/balloon.json#balloon-30000-6-60", "Vectors/loan/balloon.json#wrong"])
        #expect(vectors.cases[0].tolerances == ["apr": "0.125"])
        #expect(vectors.cases[0].expect.map(\.path) == ["periodicPayment.total", "finalPayment", "apr", "numberOfPayments", "totalOfPayments"])
        #expect(vectors.cases[0].check().isEmpty)
        #expect(vectors.cases[1].check().map(\.description) == [#"Vectors/loan/balloon.json#wrong periodicPayment.total: expected "579.99", got "579.98""#])
    }

    @Test("Malformed vector files are VectorFileErrors naming the file", arguments: [
        ("[]", "expected a JSON object at the top, found an array"),
        (#"{"title":"t","cases":[]}"#, "expected \"format\": \"dealfinance-vectors/1\", found nothing"),
        (#"{"format":"dealfinance-vectors/2","cases":[]}"#, "found the string \"dealfinance-vectors/2\""),
        (#"{"format":"dealfinance-vectors/1"}"#, "expected a \"cases\" array"),
        (#"{"format":"dealfinance-vectors/1","cases":{}}"#, "expected a \"cases\" array"),
        (#"{"format":"dealfinance-vectors/1","cases":[1]}"#, "case 0 is not an object"),
        (#"{"format":"dealfinance-vectors/1","cases":[{"request":{},"expect":{"a":"1"}}]}"#, "case 0 has no string \"id\""),
        (#"{"format":"dealfinance-vectors/1","cases":[{"id":7,"request":{},"expect":{"a":"1"}}]}"#, "has no string \"id\""),
        (#"{"format":"dealfinance-vectors/1","cases":[{"id":"x","expect":{"a":"1"}}]}"#, "#x: no \"request\""),
        (#"{"format":"dealfinance-vectors/1","cases":[{"id":"x","request":{}}]}"#, "#x: needs \"expect\" or \"expectError\""),
        (#"{"format":"dealfinance-vectors/1","cases":[{"id":"x","request":{},"expect":{}}]}"#, "needs \"expect\" or \"expectError\""),
        (#"{"format":"dealfinance-vectors/1","cases":[{"id":"x","request":{},"expect":{"a":"1"},"tolerance":{"a":0.5}}]}"#, "tolerance for a must be a decimal string"),
        (#"{"format":"dealfinance-vectors/1","cases":[{"id":"x","request":{},"expect":{"a":"1"},"tolerance":{"a":"1e-2"}}]}"#, "tolerance for a must be a decimal string"),
        (#"{"format":"dealfinance-vectors/1","cases":[{"id":"x","request":{},"expect":{"a":"1"},"tolerance":{"a":"-0.5"}}]}"#, "tolerance for a must be a decimal string of 0 or more"),
    ])
    func malformedFiles(text: String, says: String) throws {
        let error = try #require(malformed(text, name: "dir/bad.json"))
        #expect(error.message.hasPrefix("dir/bad.json"), "\(error.message)")
        #expect(error.message.contains(says), "\(error.message)")
        #expect(error.description == error.message)
    }

    @Test("A later malformed case fails the whole file, naming its index")
    func laterCase() {
        let error = malformed(#"{"format":"dealfinance-vectors/1","cases":[{"id":"a","request":{},"expect":{"x":"1"}},{"id":"b"}]}"#, name: "f.json")
        #expect(error?.message == "f.json#b: no \"request\"")
    }
}
