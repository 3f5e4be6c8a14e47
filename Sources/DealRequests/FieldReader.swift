// DealFinance — exact deal finance. DealRequests: strict, path-tracking reading of request fields.

import DealDecimal
import DealEngine
import DealJSON

/// Reads the members of one JSON object of a request, converting types strictly and naming
/// the dotted path of every field in its errors. ``finish()`` rejects members nobody read, so
/// a misspelt field never falls back to a default silently (Documentation/Reference/Values.md).
///
/// ```swift
/// var fields = try FieldReader(json, path: "")
/// let price = try fields.requiredDecimal("sellingPrice")
/// try fields.finish()
/// ```
struct FieldReader {
    let object: JSONObject
    let path: String
    private var read: [String] = []
    /// The positions (below 64) of the members found by a read: when every member is marked,
    /// ``finish()`` has nothing to reject without comparing names.
    private var found: UInt64 = 0

    init(_ value: JSONValue, path: String) throws(DealError) {
        guard let object = value.objectValue else {
            throw DealError.invalidArgument(path, "expected an object, found \(Self.describe(value))")
        }
        self.object = object
        self.path = path
        read.reserveCapacity(32)
    }

    /// The dotted path of a member.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private mutating func take(_ key: String) -> JSONValue? {
        read.append(key)
        guard let index = object.memberIndex(of: key) else { return nil }
        if index < 64 { found |= 1 << UInt64(index) }
        return object.memberValue(at: index)
    }

    /// A decimal string (Documentation/Reference/Values.md), or nil when absent. A JSON number is an error.
    mutating func decimal(_ key: String) throws(DealError) -> ExactDecimal? {
        guard let value = take(key) else { return nil }
        guard case .string(let text) = value else {
            if case .number(let literal) = value {
                throw DealError.invalidArgument(path(key), "expected a decimal string such as \"\(literal)\" (JSON numbers lose cents), found the JSON number \(literal)")
            }
            throw DealError.invalidArgument(path(key), "expected a decimal string such as \"1234.56\", found \(Self.describe(value))")
        }
        do { return try ExactDecimal(parsing: text) } catch {
            throw DealError.invalidArgument(path(key), "expected a plain decimal such as \"1234.56\" (digits, one optional '.', optional leading '-'), found \"\(Self.excerpt(text))\": \(error)")
        }
    }

    /// A decimal string, or `absent` when the field is not given (the field's documented
    /// default, e.g. a spreadsheet's `fv` of 0).
    mutating func decimal(_ key: String, absent: ExactDecimal) throws(DealError) -> ExactDecimal {
        guard let value = try decimal(key) else { return absent }
        return value
    }

    /// A required decimal string.
    mutating func requiredDecimal(_ key: String) throws(DealError) -> ExactDecimal {
        guard let value = try decimal(key) else { throw missing(key, "a decimal string") }
        return value
    }

    /// A JSON boolean, or nil when absent.
    mutating func bool(_ key: String) throws(DealError) -> Bool? {
        guard let value = take(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw DealError.invalidArgument(path(key), "expected true or false, found \(Self.describe(value))")
        }
        return flag
    }

    /// A JSON integer (no fraction, no exponent), or nil when absent.
    mutating func integer(_ key: String) throws(DealError) -> Int? {
        guard let value = take(key) else { return nil }
        guard case .number(let literal) = value else {
            throw DealError.invalidArgument(path(key), "expected a whole JSON number, found \(Self.describe(value))")
        }
        guard literal.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 45 }), let integer = Int(literal), literal.utf8.count <= 12 else {
            throw DealError.invalidArgument(path(key), "expected a whole number such as 60, found \(Self.excerpt(literal))")
        }
        return integer
    }

    /// A JSON integer, or `absent` when the field is not given (its documented default).
    mutating func integer(_ key: String, absent: Int) throws(DealError) -> Int {
        guard let value = try integer(key) else { return absent }
        return value
    }

    /// A required JSON integer.
    mutating func requiredInteger(_ key: String) throws(DealError) -> Int {
        guard let value = try integer(key) else { throw missing(key, "a whole number") }
        return value
    }

    /// A member's value of any type (marked read), or nil when absent.
    mutating func value(_ key: String) -> JSONValue? { take(key) }

    /// A JSON string, or nil when absent.
    mutating func string(_ key: String) throws(DealError) -> String? {
        guard let value = take(key) else { return nil }
        guard case .string(let text) = value else {
            throw DealError.invalidArgument(path(key), "expected a string, found \(Self.describe(value))")
        }
        return text
    }

    /// A string naming one case of an enumeration, or nil when absent.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _ type: Choice.Type) throws(DealError) -> Choice? where Choice.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DealError.invalidArgument(path(key), "expected one of \(names), found \"\(Self.excerpt(text))\"")
        }
        return choice
    }

    /// A `YYYY-MM-DD` date, or nil when absent.
    mutating func date(_ key: String) throws(DealError) -> CivilDate? {
        guard let text = try string(key) else { return nil }
        do { return try CivilDate(parsing: text) } catch {
            throw DealError.invalidArgument(path(key), error.message)
        }
    }

    /// The elements of a JSON array with at most `limit` entries, each with its path, or nil.
    mutating func array(_ key: String, limit: Int) throws(DealError) -> [(value: JSONValue, path: String)]? {
        guard let value = take(key) else { return nil }
        guard case .array(let elements) = value else {
            throw DealError.invalidArgument(path(key), "expected an array, found \(Self.describe(value))")
        }
        guard elements.count <= limit else {
            throw DealError.invalidArgument(path(key), "expected at most \(limit) entries, found \(elements.count)")
        }
        let prefix = path(key)
        return elements.enumerated().map { (value: $0.element, path: "\(prefix).\($0.offset)") }
    }

    /// A nested object's reader, or nil when absent.
    mutating func object(_ key: String) throws(DealError) -> FieldReader? {
        guard let value = take(key) else { return nil }
        return try FieldReader(value, path: path(key))
    }

    /// Whether the member is present (without reading it).
    func has(_ key: String) -> Bool { object[key] != nil }

    /// Rejects members that were never read.
    func finish() throws(DealError) {
        // Every member found by an exact lookup is also in `read` (equal texts are equal strings).
        if object.count < 64 && found == (1 << UInt64(object.count)) - 1 { return }
        for key in object.keys where !read.contains(key) {
            let known = read.map { "\"\($0)\"" }.joined(separator: ", ")
            throw DealError.invalidArgument(path(key), "expected only the fields \(known), found the unknown field \"\(Self.excerpt(key))\"")
        }
    }

    func missing(_ key: String, _ what: String) -> DealError {
        DealError.invalidArgument(path(key), "expected \(what), found nothing (the field is required)")
    }

    /// How a JSON value is described in messages ("the JSON number 30000", "an array").
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .number(let literal): return "the JSON number \(excerpt(literal))"
        case .string(let text): return "the string \"\(excerpt(text))\""
        case .bool(let flag): return flag ? "true" : "false"
        default: return value.kindName
        }
    }

    /// A long text shortened for messages.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "…"
    }
}
