// DealFinance — DealJSON: the canonical JSON writer.

/// Writes a ``JSONValue`` as JSON text in one canonical form.
///
/// - Object members print in their stored order, numbers as their stored text.
/// - Strings escape `"` and `\`, write `\n` `\r` `\t` `\b` `\f` for those controls and
///   `\u00XX` (lowercase hex) for the other controls below U+0020; everything else,
///   including `/` and non-ASCII, is written as UTF-8.
/// - `pretty` (the default): two-space indent, `"key": value`, one element or member per
///   line, `[]` and `{}` when empty; compact: no whitespace at all. No trailing newline.
///
/// Writing is iterative, so any nesting depth is safe, and
/// `JSONReader().parse(JSONWriter().write(v)) == v` for every value whose numbers are valid
/// (see ``JSONValue/isValidNumberText(_:)``) and whose depth fits the reader's limit.
///
/// ```swift
/// let value: JSONValue = ["payment": "402.34", "fees": [], "lines": [1, 2]]
/// JSONWriter(pretty: false).write(value)   // {"payment":"402.34","fees":[],"lines":[1,2]}
/// JSONWriter().write(value)
/// // {
/// //   "payment": "402.34",
/// //   "fees": [],
/// //   "lines": [
/// //     1,
/// //     2
/// //   ]
/// // }
/// ```
public struct JSONWriter: Sendable {
    /// Whether to indent (two spaces per level) and put each member on its own line.
    ///
    /// ```swift
    /// var writer = JSONWriter()
    /// writer.pretty = false
    /// ```
    public var pretty: Bool = true

    /// Creates a writer.
    ///
    /// ```swift
    /// JSONWriter(pretty: false).write([1, 2])   // "[1,2]"
    /// ```
    ///
    /// - Parameter pretty: Indented, one member per line (default) or compact.
    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    /// Returns the JSON text of `value`.
    ///
    /// ```swift
    /// JSONWriter().write(["a": "x\ny"])   // "{\n  \"a\": \"x\\ny\"\n}"
    /// ```
    ///
    /// - Parameter value: The value to write.
    /// - Returns: The text, without a trailing newline.
    public func write(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        var stack: [Frame] = []
        writeScalarOrOpen(value, into: &output, stack: &stack)
        while let top = stack.last {
            if top.next < top.count {
                if top.next > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth: stack.count, into: &output)
                let element: JSONValue
                if top.isObject {
                    Self.writeString(top.object.keys[top.next], into: &output)
                    output.append(UInt8(ascii: ":"))
                    if pretty { output.append(UInt8(ascii: " ")) }
                    element = top.object.values[top.next]
                } else {
                    element = top.array[top.next]
                }
                stack[stack.count - 1].next += 1
                writeScalarOrOpen(element, into: &output, stack: &stack)
            } else {
                stack.removeLast()
                newline(depth: stack.count, into: &output)
                output.append(UInt8(ascii: top.isObject ? "}" : "]"))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// An open array or object and the index of its next element.
    private struct Frame {
        var isObject: Bool
        var array: [JSONValue] = []
        var object = JSONObject()
        var next = 0
        var count: Int { isObject ? object.count : array.count }
    }

    /// Writes a scalar or an empty container whole; opens a non-empty container.
    private func writeScalarOrOpen(_ value: JSONValue, into output: inout [UInt8], stack: inout [Frame]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            if elements.isEmpty {
                output.append(UInt8(ascii: "]"))
            } else {
                stack.append(Frame(isObject: false, array: elements))
            }
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            if object.isEmpty {
                output.append(UInt8(ascii: "}"))
            } else {
                stack.append(Frame(isObject: true, object: object))
            }
        }
    }

    private func newline(depth: Int, into output: inout [UInt8]) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes `text` as a quoted, escaped JSON string.
    private static func writeString(_ text: String, into output: inout [UInt8]) {
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
}
