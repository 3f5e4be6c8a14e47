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
        output.reserveCapacity(1024)
        var stack: [Frame] = []
        writeScalarOrOpen(value, into: &output, stack: &stack)
        while !stack.isEmpty {
            let top = stack.count - 1
            let next = stack[top].next
            if next < stack[top].values.count {
                if next > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth: stack.count, into: &output)
                if stack[top].isObject {
                    Self.writeString(stack[top].keys[next], into: &output)
                    output.append(UInt8(ascii: ":"))
                    if pretty { output.append(UInt8(ascii: " ")) }
                }
                let element = stack[top].values[next]
                stack[top].next = next + 1
                writeScalarOrOpen(element, into: &output, stack: &stack)
            } else {
                let isObject = stack.removeLast().isObject
                newline(depth: stack.count, into: &output)
                output.append(UInt8(ascii: isObject ? "}" : "]"))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// An open array or object (its member names in `keys`) and the index of its next element.
    private struct Frame {
        var isObject: Bool
        var keys: [String]
        var values: [JSONValue]
        var next = 0
    }

    /// Writes a scalar or an empty container whole; opens a non-empty container.
    private func writeScalarOrOpen(_ value: JSONValue, into output: inout [UInt8], stack: inout [Frame]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): Self.appendUTF8(of: text, into: &output)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            if elements.isEmpty {
                output.append(UInt8(ascii: "]"))
            } else {
                stack.append(Frame(isObject: false, keys: [], values: elements))
            }
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            if object.isEmpty {
                output.append(UInt8(ascii: "}"))
            } else {
                stack.append(Frame(isObject: true, keys: object.keys, values: object.values))
            }
        }
    }

    private func newline(depth: Int, into output: inout [UInt8]) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        var remaining = 2 * depth
        while remaining >= Self.spaces.count {
            output.append(contentsOf: Self.spaces)
            remaining -= Self.spaces.count
        }
        output.append(contentsOf: Self.spaces[..<remaining])
    }

    /// Sixteen spaces: indentation is appended from this in whole slices.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 16)

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends the UTF-8 bytes of `text` in one copy where its storage is contiguous.
    private static func appendUTF8(of text: String, into output: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { output.append(contentsOf: $0) }
        if copied == nil { output.append(contentsOf: text.utf8) }
    }

    /// Whether `byte` must be escaped in a JSON string: `"`, `\\` and the controls below U+0020.
    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Writes `text` as a quoted, escaped JSON string: runs that need no escape are copied
    /// whole, each escaped byte is written as its escape.
    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            for index in bytes.indices where needsEscape(bytes[index]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                writeEscape(bytes[index], into: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        if copied == nil {
            for byte in text.utf8 {
                if needsEscape(byte) { writeEscape(byte, into: &output) } else { output.append(byte) }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Writes the escape of one byte for which ``needsEscape(_:)`` is true.
    private static func writeEscape(_ byte: UInt8, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        default:
            output.append(contentsOf: "u00".utf8)
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
