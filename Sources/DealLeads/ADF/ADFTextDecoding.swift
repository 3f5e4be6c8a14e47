// DealFinance — exact deal finance. DealLeads/ADF: the bytes of an ADF file as UTF-8 text.

/// Why the bytes of an ADF document could not be read as text: the byte offset, and what was
/// expected and found. Never repaired with U+FFFD.
///
/// ```swift
/// do { _ = try ADFTextDecoding.decode([0x3C, 0xFF]) } catch { error.offset   // 1 }
/// ```
public struct ADFEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Bytes that are not well-formed UTF-8 (declared or by default).
        case invalidUTF8
        /// A byte the declared single-byte encoding leaves undefined (windows-1252 0x81, 0x8D,
        /// 0x8F, 0x90, 0x9D; US-ASCII 0x80 and above).
        case undefinedByte
        /// UTF-16 that is cut off or has an unpaired surrogate.
        case invalidUTF16
        /// An encoding declaration the bytes contradict (UTF-16 declared over single-byte text).
        case contradictedDeclaration
        /// An encoding this reader does not decode (anything but UTF-8, UTF-16, US-ASCII,
        /// ISO-8859-1 and windows-1252).
        case unsupportedEncoding
    }

    /// What went wrong.
    public let kind: Kind
    /// Byte offset of the problem (into the decoded e-mail body when ``inBody`` is set).
    public let offset: Int
    /// What was expected and what was found.
    public let message: String
    /// Set when the offset counts in a body decoded from quoted-printable or base64, not in the input.
    public var inBody: String? = nil

    public var description: String {
        "\(kind.rawValue) at byte \(offset)\(inBody.map { " of the \($0)" } ?? ""): \(message)"
    }
}

/// The text encodings an ADF document can arrive in.
public enum ADFTextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, the default when nothing declares another encoding.
    case utf8 = "UTF-8"
    /// UTF-16, low byte first (a byte-order mark FF FE, or a declaration).
    case utf16LittleEndian = "UTF-16LE"
    /// UTF-16, high byte first (a byte-order mark FE FF, or a declaration).
    case utf16BigEndian = "UTF-16BE"
    /// 7-bit ASCII; a byte above 0x7F is refused with its offset.
    case ascii = "US-ASCII"
    /// ISO-8859-1 (Latin-1): each byte is the code point of the same number.
    case latin1 = "ISO-8859-1"
    /// windows-1252: Latin-1 with printable characters in 0x80–0x9F; its five undefined bytes are refused.
    case windows1252 = "windows-1252"

    /// The encoding an XML `encoding` or MIME `charset` name stands for, nil when unknown.
    ///
    /// ```swift
    /// ADFTextEncoding(name: "iso-8859-1")   // .latin1
    /// ```
    public init?(name: String) {
        switch ADFXMLReader.asciiLowercased(name.trimmingXMLWhitespace()) {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "utf-16le", "utf-16be": self = .utf16LittleEndian   // the byte order comes from the bytes
        case "us-ascii", "ascii": self = .ascii
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1": self = .latin1
        case "windows-1252", "cp1252", "win-1252", "x-cp1252": self = .windows1252
        default: return nil
        }
    }
}

/// Decodes the bytes of an ADF file to UTF-8 exactly, or refuses them naming the byte offset.
///
/// The encoding comes from a byte-order mark, else the XML declaration's `encoding`, else a
/// MIME `charset` hint, else UTF-8 (XML's default). ISO-8859-1 maps each byte to the code point
/// of the same value; windows-1252 adds its table for 0x80–0x9F. Nothing is ever replaced by
/// U+FFFD: a byte the encoding cannot carry is an ``ADFEncodingError``.
///
/// ```swift
/// let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><adf>Mu".utf8) + [0xF1] + Array("oz</adf>".utf8)
/// let text = try ADFTextDecoding.decode(bytes)
/// text.encoding                                   // .latin1
/// String(decoding: text.utf8, as: UTF8.self)     // "…<adf>Muñoz</adf>"
/// ```
public enum ADFTextDecoding {
    /// Decoded text: UTF-8 bytes, the encoding used and remarks (for diagnostics).
    public struct Decoded: Sendable, Hashable {
        /// The text as UTF-8 (a byte-order mark removed).
        public var utf8: [UInt8]
        /// The encoding the bytes were read in.
        public var encoding: ADFTextEncoding
        /// What the decoder noticed, e.g. a declaration of ISO-8859-1 over bytes that are also UTF-8.
        public var remarks: [String]
    }

    /// Decodes `bytes`; `charset` is a MIME hint used when the XML declaration names no encoding.
    ///
    /// - Throws: ``ADFEncodingError`` naming the first byte that cannot be decoded.
    public static func decode(_ bytes: [UInt8], charset: String? = nil) throws(ADFEncodingError) -> Decoded {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = Array(bytes[3...])
            try validateUTF8(rest, base: 3)
            return Decoded(utf8: rest, encoding: .utf8, remarks: [])
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let little = bytes[0] == 0xFF
            return Decoded(utf8: try utf16(bytes, from: 2, littleEndian: little), encoding: little ? .utf16LittleEndian : .utf16BigEndian, remarks: [])
        }
        if bytes.count >= 2, (bytes[0] == 0x3C && bytes[1] == 0x00) || (bytes[0] == 0x00 && bytes[1] == 0x3C) {
            let little = bytes[0] == 0x3C
            return Decoded(utf8: try utf16(bytes, from: 0, littleEndian: little), encoding: little ? .utf16LittleEndian : .utf16BigEndian,
                           remarks: ["UTF-16 without a byte-order mark, byte order read from the first character"])
        }
        var remarks: [String] = []
        let declared = declaredEncoding(bytes)
        var encoding = ADFTextEncoding.utf8
        if let declared {
            guard let known = ADFTextEncoding(name: declared.name) else {
                throw ADFEncodingError(kind: .unsupportedEncoding, offset: declared.offset,
                                       message: "expected the encoding UTF-8, UTF-16, US-ASCII, ISO-8859-1 or windows-1252, found the declaration encoding=\"\(declared.name)\"")
            }
            if known == .utf16LittleEndian {
                throw ADFEncodingError(kind: .contradictedDeclaration, offset: declared.offset,
                                       message: "expected UTF-16 bytes (a byte-order mark or two bytes per character) as encoding=\"\(declared.name)\" declares, found single-byte text")
            }
            encoding = known
        } else if let charset {
            guard let known = ADFTextEncoding(name: charset), known != .utf16LittleEndian else {
                throw ADFEncodingError(kind: .unsupportedEncoding, offset: 0,
                                       message: "expected the charset UTF-8, US-ASCII, ISO-8859-1 or windows-1252, found charset=\"\(charset)\"")
            }
            encoding = known
            remarks.append("no XML encoding declaration; charset=\(charset) of the e-mail part used")
        }
        switch encoding {
        case .utf8:
            try validateUTF8(bytes, base: 0)
            return Decoded(utf8: bytes, encoding: .utf8, remarks: remarks)
        case .ascii:
            if let index = bytes.firstIndex(where: { $0 >= 0x80 }) {
                throw ADFEncodingError(kind: .undefinedByte, offset: index,
                                       message: "expected US-ASCII bytes (below 0x80) as declared, found the byte 0x\(hex(bytes[index]))")
            }
            return Decoded(utf8: bytes, encoding: .ascii, remarks: remarks)
        case .latin1, .windows1252:
            if let index = firstUTF8Sequence(bytes) {
                remarks.append("declared \(encoding.rawValue), but the bytes at offset \(index) also read as UTF-8; read as \(encoding.rawValue) as declared")
            }
            return Decoded(utf8: try singleByte(bytes, encoding), encoding: encoding, remarks: remarks)
        case .utf16LittleEndian, .utf16BigEndian:
            return Decoded(utf8: try utf16(bytes, from: 0, littleEndian: encoding == .utf16LittleEndian), encoding: encoding, remarks: remarks)
        }
    }

    /// The `encoding` pseudo-attribute of an XML declaration at the start of `bytes` (after
    /// whitespace and at most one other processing instruction), with the offset of its value.
    static func declaredEncoding(_ bytes: [UInt8]) -> (name: String, offset: Int)? {
        var index = 0
        for _ in 0..<3 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            guard index + 5 <= bytes.count, bytes[index] == 0x3C, bytes[index + 1] == 0x3F else { return nil }
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == 0x3F && bytes[end + 1] == 0x3E) { end += 1 }
            guard end + 1 < bytes.count else { return nil }
            let target = ADFXMLReader.asciiLowercased(String(decoding: bytes[(index + 2)..<min(index + 5, end)], as: UTF8.self))
            if target == "xml", end > index + 5, bytes[index + 5] == 0x20 || bytes[index + 5] == 0x09 || bytes[index + 5] == 0x0A || bytes[index + 5] == 0x0D {
                return encodingValue(bytes, index + 5, end)
            }
            index = end + 2
        }
        return nil
    }

    static func encodingValue(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (name: String, offset: Int)? {
        let key = Array("encoding".utf8)
        var index = start
        while index + key.count < end {
            if bytes[index..<(index + key.count)].elementsEqual(key, by: { ($0 | 0x20) == $1 }) {
                var cursor = index + key.count
                while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
                guard cursor < end, bytes[cursor] == 0x3D else { return nil }
                cursor += 1
                while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
                guard cursor < end, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 else { return nil }
                let quote = bytes[cursor]
                let valueStart = cursor + 1
                var valueEnd = valueStart
                while valueEnd < end, bytes[valueEnd] != quote { valueEnd += 1 }
                guard valueEnd < end else { return nil }
                return (String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self), valueStart)
            }
            index += 1
        }
        return nil
    }

    /// Checks well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
    static func validateUTF8(_ bytes: [UInt8], base: Int) throws(ADFEncodingError) {
        if let (index, message) = firstInvalidUTF8(bytes) {
            throw ADFEncodingError(kind: .invalidUTF8, offset: base + index, message: "expected well-formed UTF-8, found \(message)")
        }
    }

    /// The offset of the first byte that breaks UTF-8 and what it is, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, String)? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return (index, "the byte 0x\(hex(byte))")
            }
            guard index + length <= bytes.count else { return (index, "a sequence cut off by the end of the input") }
            for step in 1..<length {
                let next = bytes[index + step]
                let (lo, hi) = step == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard next >= lo && next <= hi else {
                    return (index, "the byte 0x\(hex(byte)) starting a \(length)-byte sequence that the byte 0x\(hex(next)) does not continue")
                }
            }
            index += length
        }
        return nil
    }

    /// The offset of the first multi-byte UTF-8 sequence, when the whole input is valid UTF-8.
    static func firstUTF8Sequence(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.firstIndex(where: { $0 >= 0x80 }), firstInvalidUTF8(bytes) == nil else { return nil }
        return first
    }

    /// windows-1252 0x80–0x9F (0 = undefined).
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func singleByte(_ bytes: [UInt8], _ encoding: ADFTextEncoding) throws(ADFEncodingError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for (index, byte) in bytes.enumerated() {
            var value = UInt32(byte)
            if encoding == .windows1252, (0x80...0x9F).contains(byte) {
                value = windows1252High[Int(byte - 0x80)]
                guard value != 0 else {
                    throw ADFEncodingError(kind: .undefinedByte, offset: index,
                                           message: "expected a byte windows-1252 defines, found 0x\(hex(byte)) (undefined in windows-1252)")
                }
            }
            append(value, to: &result)
        }
        return result
    }

    static func utf16(_ bytes: [UInt8], from start: Int, littleEndian: Bool) throws(ADFEncodingError) -> [UInt8] {
        guard (bytes.count - start) % 2 == 0 else {
            throw ADFEncodingError(kind: .invalidUTF16, offset: bytes.count - 1, message: "expected UTF-16 code units of two bytes, found an odd byte at the end")
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count / 2)
        var index = start
        func unit(_ at: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 : UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
        }
        while index < bytes.count {
            let first = unit(index)
            if (0xD800...0xDBFF).contains(first) {
                guard index + 4 <= bytes.count, (0xDC00...0xDFFF).contains(unit(index + 2)) else {
                    throw ADFEncodingError(kind: .invalidUTF16, offset: index, message: "expected a low surrogate after the high surrogate 0x\(String(first, radix: 16, uppercase: true)), found none")
                }
                append(0x10000 + ((first - 0xD800) << 10) + (unit(index + 2) - 0xDC00), to: &result)
                index += 4
            } else if (0xDC00...0xDFFF).contains(first) {
                throw ADFEncodingError(kind: .invalidUTF16, offset: index, message: "expected a character, found the unpaired low surrogate 0x\(String(first, radix: 16, uppercase: true))")
            } else {
                append(first, to: &result)
                index += 2
            }
        }
        return result
    }

    static func append(_ value: UInt32, to result: inout [UInt8]) {
        switch value {
        case 0..<0x80: result.append(UInt8(value))
        case 0x80..<0x800: result += [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
        case 0x800..<0x10000: result += [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        default: result += [UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
