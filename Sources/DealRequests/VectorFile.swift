// DealFinance — exact deal finance. DealRequests: reading and checking vector files (Documentation/Reference/Vectors.md).

import DealDecimal
import DealEngine
import DealJSON

/// A vector file (`Vectors/**/*.json`, format `dealfinance-vectors/1`): cases with a request
/// and the expected result paths or error code, each citing its published source.
///
/// ```swift
/// let file = try VectorFile(json: try JSONReader().parse(text), name: "balloon.json")
/// let failures = file.cases.flatMap { $0.check() }
/// ```
package struct VectorFile: Sendable {
    /// The format string this reader accepts.
    package static let format = "dealfinance-vectors/1"
    /// The file's name as printed in FAIL lines.
    package let name: String
    /// The file's title.
    package let title: String
    /// Its cases in order.
    package let cases: [VectorCase]

    /// Reads a parsed vector file.
    ///
    /// ```swift
    /// try VectorFile(json: ["format": "dealfinance-vectors/1", "title": "t", "cases": []], name: "t.json")
    /// ```
    /// - Throws: ``VectorFileError`` saying what is malformed.
    package init(json: JSONValue, name: String) throws(VectorFileError) {
        self.name = name
        guard let object = json.objectValue else { throw VectorFileError("\(name): expected a JSON object at the top, found \(json.kindName)") }
        guard object["format"]?.stringValue == Self.format else {
            throw VectorFileError("\(name): expected \"format\": \"\(Self.format)\", found \(object["format"].map { FieldReader.describe($0) } ?? "nothing")")
        }
        title = object["title"]?.stringValue ?? ""
        guard let cases = object["cases"]?.arrayValue else { throw VectorFileError("\(name): expected a \"cases\" array") }
        var read: [VectorCase] = []
        for (index, value) in cases.enumerated() {
            read.append(try VectorCase(json: value, file: name, index: index))
        }
        self.cases = read
    }
}

/// A malformed vector file.
///
/// ```swift
/// VectorFileError("x.json: expected a \"cases\" array").message
/// ```
package struct VectorFileError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file.
    package let message: String
    init(_ message: String) { self.message = message }
    /// The message.
    package var description: String { message }
}

/// One case of a vector file.
///
/// ```swift
/// let failures = vectorCase.check()   // [] when it passes
/// ```
package struct VectorCase: Sendable {
    /// `file#id` as printed in FAIL lines.
    package let label: String
    /// The request.
    package let request: JSONValue
    /// Expected values by dotted path (empty for an error case).
    package let expect: [(path: String, value: JSONValue)]
    /// Tolerances by path as written: decimal strings of any length.
    package let tolerances: [String: String]
    /// ``tolerances`` parsed.
    let exactTolerances: [String: VectorDecimal]
    /// The expected error code, for `expectError` cases.
    package let expectError: String?
    /// Arrays by dotted path with elements that must be among them (`expectIncludes`): each
    /// listed object matches some element (every key present and equal, recursively).
    package let expectIncludes: [(path: String, elements: [JSONValue])]

    init(json: JSONValue, file: String, index: Int) throws(VectorFileError) {
        guard let object = json.objectValue else { throw VectorFileError("\(file): case \(index) is not an object") }
        guard let id = object["id"]?.stringValue else { throw VectorFileError("\(file): case \(index) has no string \"id\"") }
        label = "\(file)#\(id)"
        guard let request = object["request"] else { throw VectorFileError("\(label): no \"request\"") }
        self.request = request
        expectError = object["expectError"]?.stringValue
        var expected: [(path: String, value: JSONValue)] = []
        if let expectObject = object["expect"]?.objectValue {
            for (path, value) in expectObject { expected.append((path, value)) }
        }
        expect = expected
        var includes: [(path: String, elements: [JSONValue])] = []
        if let includesValue = object["expectIncludes"] {
            guard let includesObject = includesValue.objectValue else { throw VectorFileError("\(label): \"expectIncludes\" must be an object of arrays by path") }
            for (path, value) in includesObject {
                guard let elements = value.arrayValue else { throw VectorFileError("\(label): expectIncludes for \(path) must be an array") }
                includes.append((path, elements))
            }
        }
        expectIncludes = includes
        guard expectError != nil || !expected.isEmpty || !includes.isEmpty else {
            throw VectorFileError("\(label): needs \"expect\" or \"expectError\" (or \"expectIncludes\")")
        }
        var tolerances: [String: VectorDecimal] = [:], texts: [String: String] = [:]
        if let toleranceObject = object["tolerance"]?.objectValue {
            for (path, value) in toleranceObject {
                guard let text = value.stringValue, let amount = VectorDecimal(text), !amount.coefficient.isNegative else {
                    throw VectorFileError("\(label): tolerance for \(path) must be a decimal string of 0 or more")
                }
                tolerances[path] = amount
                texts[path] = text
            }
        }
        exactTolerances = tolerances
        self.tolerances = texts
    }

    /// A failing path: `FAIL file#id path: expected X, got Y` without the `FAIL ` prefix.
    package struct Failure: Sendable, CustomStringConvertible {
        /// `file#id`.
        package let label: String
        /// The path that failed.
        package let path: String
        /// What was expected.
        package let expected: String
        /// What was computed.
        package let got: String
        /// `file#id path: expected X, got Y`.
        package var description: String { "\(label) \(path): expected \(expected), got \(got)" }
    }

    /// Runs the request and compares (Documentation/Reference/Vectors.md); an empty array means the case passed.
    ///
    /// ```swift
    /// vectorCase.check().isEmpty   // true when every path matches
    /// ```
    package func check(using calculate: (JSONValue) -> JSONValue = DealCalculator.calculate) -> [Failure] {
        let answer = calculate(request)
        let errorCode = answer.value(atPath: "error.code")?.stringValue
        if let expectError {
            if errorCode == expectError { return [] }
            let got = errorCode.map { "error \($0): \(answer.value(atPath: "error.message")?.stringValue ?? "")" } ?? "a result"
            return [Failure(label: label, path: "error", expected: "error \(expectError)", got: got)]
        }
        if let errorCode {
            return [Failure(label: label, path: "error", expected: "a result",
                            got: "error \(errorCode) at \(answer.value(atPath: "error.path")?.stringValue ?? ""): \(answer.value(atPath: "error.message")?.stringValue ?? "")")]
        }
        var failures: [Failure] = []
        for (path, expected) in expect {
            guard let computed = answer.value(atPath: path) else {
                failures.append(Failure(label: label, path: path, expected: Self.show(expected), got: "nothing (missing path)"))
                continue
            }
            if !Self.matches(computed: computed, expected: expected, tolerance: exactTolerances[path]) {
                failures.append(Failure(label: label, path: path, expected: Self.show(expected), got: Self.show(computed)))
            }
        }
        for (path, elements) in expectIncludes {
            guard let array = answer.value(atPath: path)?.arrayValue else {
                failures.append(Failure(label: label, path: path, expected: "an array including \(Self.show(.array(elements)))", got: "nothing (missing path)"))
                continue
            }
            for element in elements where !array.contains(where: { Self.includes(computed: $0, expected: element) }) {
                failures.append(Failure(label: label, path: path, expected: "an element matching \(Self.show(element))", got: Self.show(.array(array))))
            }
        }
        return failures
    }

    /// Whether `computed` has everything `expected` lists: objects by key (extra keys allowed),
    /// arrays element by element, values by the matching rule.
    static func includes(computed: JSONValue, expected: JSONValue) -> Bool {
        if let expectedObject = expected.objectValue {
            guard let computedObject = computed.objectValue else { return false }
            return expectedObject.allSatisfy { key, value in computedObject[key].map { includes(computed: $0, expected: value) } ?? false }
        }
        if let expectedArray = expected.arrayValue {
            guard let computedArray = computed.arrayValue, computedArray.count == expectedArray.count else { return false }
            return zip(computedArray, expectedArray).allSatisfy { includes(computed: $0, expected: $1) }
        }
        return matches(computed: computed, expected: expected, tolerance: nil)
    }

    /// Documentation/Reference/Vectors.md's matching rule, exact for decimal strings of any length: the computed value
    /// rounded half up to the expected's decimals equals it, or |computed − expected| ≤ the
    /// tolerance.
    ///
    /// ```swift
    /// VectorCase.matches(computed: "9.6857", expected: "9.69", tolerance: nil)   // true
    /// ```
    static func matches(computed: JSONValue, expected: JSONValue, tolerance: VectorDecimal?) -> Bool {
        if let expectedText = expected.stringValue, let expectedValue = VectorDecimal(expectedText),
           let computedText = computed.stringValue, let computedValue = VectorDecimal(computedText) {
            if let tolerance { return computedValue.isWithin(tolerance, of: expectedValue) }
            do { return try computedValue.rounded(toScale: expectedValue.scale) == expectedValue } catch { return false }
        }
        if case .number(let expectedNumber) = expected, case .number(let computedNumber) = computed {
            return expectedNumber == computedNumber || (Int(expectedNumber) != nil && Int(expectedNumber) == Int(computedNumber))
        }
        return computed == expected
    }

    static func show(_ value: JSONValue) -> String {
        JSONWriter(pretty: false).write(value)
    }
}
