// DealFinance — exact deal finance. DealLeads/ADF: the ADF document inside an e-mail or HTML wrapper.

/// Finds the `<adf>` document in what a CRM forwards: the bare XML, an RFC 822 e-mail (headers,
/// a quoted-printable or base64 body, simple MIME multipart), an HTML page with the XML raw in
/// `<pre>`/`<body>` or HTML-escaped (`&lt;adf&gt;`), or text around the XML. Works on bytes
/// (every wrapper is ASCII), in linear time, within the input's size.
///
/// ```swift
/// let found = ADFEnvelope.locate(Array("From: a@b.example\n\n<adf><prospect/></adf>".utf8))
/// found?.wrapper   // "e-mail"
/// ```
public enum ADFEnvelope {
    /// The ADF bytes found and how they were wrapped.
    public struct Located: Sendable, Hashable {
        /// The bytes from the first processing instruction before `<adf>` to the end of `</adf>`.
        public var bytes: [UInt8]
        /// `nil` for bare XML, else `"e-mail"`, `"HTML"`, `"escaped HTML"` or `"text"` (joined by ` > `).
        public var wrapper: String?
        /// The `charset` of the MIME part that held it, if any.
        public var charset: String?
        /// Where ``bytes`` start in the input, when they are a slice of it (nil once decoded).
        public var origin: Int?
        /// Whether the bytes come from a quoted-printable or base64 body: raw bytes in the
        /// part's charset, to be decoded even when the input was text.
        public var isTransferDecoded = false
    }

    /// Most MIME parts read, and deepest nesting of multipart parts.
    static let maximumParts = 64
    static let maximumNesting = 4

    /// The ADF document in `bytes`, or nil when there is no `<adf` element at all.
    public static func locate(_ bytes: [UInt8]) -> Located? {
        if startsWithADFRoot(bytes) { return Located(bytes: bytes, wrapper: nil, charset: nil, origin: 0) }
        if looksLikeEmail(bytes) {
            var budget = maximumParts
            return email(bytes, depth: 0, budget: &budget)
        }
        return markup(bytes, origin: 0, wrapper: nil)
    }

    // MARK: - Bare XML

    /// Whether the first element after whitespace, a byte-order mark, processing instructions
    /// and comments is `adf` (any prefix, any case).
    static func startsWithADFRoot(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index + 1 < bytes.count, bytes[index] == 0x3C else { return false }
            if bytes[index + 1] == 0x3F {
                guard let end = find([0x3F, 0x3E], in: bytes, from: index + 2) else { return false }
                index = end + 2
            } else if bytes[index...].starts(with: [0x3C, 0x21, 0x2D, 0x2D]) {
                guard let end = find([0x2D, 0x2D, 0x3E], in: bytes, from: index + 4) else { return false }
                index = end + 3
            } else {
                return adfTag(bytes, at: index) != nil
            }
        }
    }

    /// At `<` + (prefix `:`) + `adf` + a delimiter: the index after `adf` and the full tag name.
    static func adfTag(_ bytes: [UInt8], at index: Int) -> (end: Int, name: [UInt8])? {
        guard index < bytes.count, bytes[index] == 0x3C else { return nil }
        var cursor = index + 1
        let nameStart = cursor
        while cursor < bytes.count, cursor - nameStart < 64, isNameByte(bytes[cursor]) { cursor += 1 }
        let name = Array(bytes[nameStart..<cursor])
        guard cursor < bytes.count, isSpace(bytes[cursor]) || bytes[cursor] == 0x3E || bytes[cursor] == 0x2F else { return nil }
        let local = name.lastIndex(of: 0x3A).map { Array(name[($0 + 1)...]) } ?? name
        guard local.count == 3, local[0] | 0x20 == 0x61, local[1] | 0x20 == 0x64, local[2] | 0x20 == 0x66 else { return nil }
        return (cursor, name)
    }

    // MARK: - HTML and text

    /// The ADF inside markup or text: raw `<adf>…</adf>` first, else HTML-escaped `&lt;adf…&lt;/adf&gt;`.
    static func markup(_ bytes: [UInt8], origin: Int?, wrapper: String?) -> Located? {
        let isHTML = containsCaseInsensitive(bytes, "<html") || containsCaseInsensitive(bytes, "<body") || containsCaseInsensitive(bytes, "<pre")
        var index = 0
        while let open = find([0x3C], in: bytes, from: index) {
            if let (_, name) = adfTag(bytes, at: open) {
                let close = [0x3C, 0x2F] + name + [0x3E]
                guard let end = findLastCaseInsensitive(close, in: bytes, after: open) else { return nil }
                let start = leadingInstructions(bytes, before: open)
                let label = isHTML ? "HTML" : "text"
                return Located(bytes: Array(bytes[start..<(end + close.count)]), wrapper: wrapper.map { "\($0) > \(label)" } ?? label,
                               charset: nil, origin: origin.map { $0 + start })
            }
            index = open + 1
        }
        guard let open = findCaseInsensitive(Array("&lt;adf".utf8), in: bytes, from: 0),
              let end = findLastCaseInsensitive(Array("&lt;/adf&gt;".utf8), in: bytes, after: open) else { return nil }
        var start = open
        if let declaration = findCaseInsensitive(Array("&lt;?xml".utf8), in: bytes, from: 0), declaration < open { start = declaration }
        let unescaped = unescapeHTML(Array(bytes[start..<(end + 12)]))
        return Located(bytes: unescaped, wrapper: wrapper.map { "\($0) > escaped HTML" } ?? "escaped HTML", charset: nil, origin: nil)
    }

    /// The start of the processing instructions (`<?xml …?>`, `<?adf …?>`) right before `index`.
    static func leadingInstructions(_ bytes: [UInt8], before index: Int) -> Int {
        var start = index
        while true {
            var cursor = start
            while cursor > 0, isSpace(bytes[cursor - 1]) { cursor -= 1 }
            guard cursor >= 2, bytes[cursor - 2] == 0x3F, bytes[cursor - 1] == 0x3E else { return start }
            var open = cursor - 2
            while open > 0, !(bytes[open - 1] == 0x3C && bytes[open] == 0x3F) {
                guard bytes[open] != 0x3E else { return start }
                open -= 1
            }
            guard open > 0 else { return start }
            start = open - 1
        }
    }

    /// HTML-escaped XML back to XML: tags of the surrounding HTML (`<br>`, `<p>`) dropped, then
    /// `&lt; &gt; &quot; &#39; &apos; &nbsp;` and `&amp;` (last, once) decoded.
    static func unescapeHTML(_ bytes: [UInt8]) -> [UInt8] {
        var withoutTags: [UInt8] = []
        withoutTags.reserveCapacity(bytes.count)
        var index = 0
        var nextClose = find([0x3E], in: bytes, from: 0)   // kept ahead of index: one pass in all
        while index < bytes.count {
            if let close = nextClose, close <= index { nextClose = find([0x3E], in: bytes, from: index + 1) }
            if bytes[index] == 0x3C, let end = nextClose {
                let name = ADFXMLReader.asciiLowercased(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                if name.hasPrefix("br") || name.hasPrefix("/p") || name.hasPrefix("p") && name.count <= 3 { withoutTags.append(0x0A) }
                index = end + 1
                continue
            }
            withoutTags.append(bytes[index])
            index += 1
        }
        let entities: [(String, [UInt8])] = [("&lt;", [0x3C]), ("&gt;", [0x3E]), ("&quot;", [0x22]), ("&#39;", [0x27]), ("&apos;", [0x27]),
                                             ("&nbsp;", [0x20]), ("&#160;", [0x20]), ("&amp;", [0x26])]
        var result: [UInt8] = []
        result.reserveCapacity(withoutTags.count)
        index = 0
        outer: while index < withoutTags.count {
            if withoutTags[index] == 0x26 {
                for (entity, replacement) in entities where withoutTags[index...].starts(with: Array(entity.utf8)) {
                    result += replacement
                    index += entity.utf8.count
                    continue outer
                }
            }
            result.append(withoutTags[index])
            index += 1
        }
        return result
    }

    // MARK: - E-mail

    /// Whether the input starts with an RFC 822 header line (`Name: value`).
    static func looksLikeEmail(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count, index < 80, bytes[index] != 0x3A {
            let byte = bytes[index]
            guard (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D else { return false }
            index += 1
        }
        return index > 0 && index < bytes.count && bytes[index] == 0x3A
    }

    /// Header fields (names lower-cased, folded lines joined) and where the body starts.
    static func headers(_ bytes: [UInt8]) -> (fields: [(String, String)], body: Int) {
        var fields: [(String, String)] = []
        var index = 0
        while index < bytes.count {
            let lineStart = index
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var line = Array(bytes[index..<end])
            if line.last == 0x0D { line.removeLast() }
            index = min(end + 1, bytes.count)
            if line.isEmpty { return (fields, index) }
            if isSpace(line[0]), !fields.isEmpty {
                fields[fields.count - 1].1 += " " + String(decoding: line, as: UTF8.self).trimmingXMLWhitespace()
            } else if let colon = line.firstIndex(of: 0x3A) {
                fields.append((ADFXMLReader.asciiLowercased(String(decoding: line[..<colon], as: UTF8.self)).trimmingXMLWhitespace(),
                               String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingXMLWhitespace()))
            } else {
                return (fields, lineStart)   // not a header line: the body starts here
            }
        }
        return (fields, bytes.count)
    }

    /// A parameter (`boundary`, `charset`) of a header value such as `multipart/mixed; boundary="x"`.
    static func parameter(_ name: String, of value: String) -> String? {
        for part in value.split(separator: ";").dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, ADFXMLReader.asciiLowercased(String(pieces[0])).trimmingXMLWhitespace() == name else { continue }
            var text = String(pieces[1]).trimmingXMLWhitespace()
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            return text
        }
        return nil
    }

    static func email(_ bytes: [UInt8], depth: Int, budget: inout Int) -> Located? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let (fields, bodyStart) = headers(bytes)
        func field(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }
        let contentType = field("content-type") ?? "text/plain"
        let lowerType = ADFXMLReader.asciiLowercased(contentType)
        let body = Array(bytes[bodyStart...])
        if lowerType.hasPrefix("multipart/"), depth < maximumNesting, let boundary = parameter("boundary", of: contentType), !boundary.isEmpty {
            for part in parts(body, boundary: Array(("--" + boundary).utf8)) {
                if let found = email(part, depth: depth + 1, budget: &budget) { return found }
                if budget < 0 { return nil }
            }
            return nil
        }
        let encoding = ADFXMLReader.asciiLowercased(field("content-transfer-encoding") ?? "7bit")
        let decoded: [UInt8]
        var origin: Int? = nil
        var transfer = true
        switch encoding {
        case "quoted-printable": decoded = quotedPrintable(body)
        case "base64": guard let value = base64(body) else { return nil }; decoded = value
        default: decoded = body; transfer = false; origin = depth == 0 ? bodyStart : nil
        }
        let label = depth == 0 ? "e-mail" : "e-mail part"
        let charset = parameter("charset", of: contentType)
        var found: Located
        if startsWithADFRoot(decoded) {
            found = Located(bytes: decoded, wrapper: label, charset: charset, origin: origin)
        } else {
            guard let inner = markup(decoded, origin: origin, wrapper: label) else { return nil }
            found = inner
            found.charset = charset
        }
        found.isTransferDecoded = transfer
        return found
    }

    /// The parts between `--boundary` lines (the preamble and epilogue left out).
    static func parts(_ body: [UInt8], boundary: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var index = 0
        var partStart: Int? = nil
        while index < body.count {
            var end = index
            while end < body.count, body[end] != 0x0A { end += 1 }
            if body[index..<end].starts(with: boundary) {
                if let start = partStart {
                    var stop = index
                    if stop > start, body[stop - 1] == 0x0A { stop -= 1 }
                    if stop > start, body[stop - 1] == 0x0D { stop -= 1 }
                    result.append(Array(body[start..<stop]))
                    if result.count >= maximumParts { return result }
                }
                let rest = body[(index + boundary.count)..<end]
                if rest.starts(with: [0x2D, 0x2D]) { return result }
                partStart = min(end + 1, body.count)
            }
            index = end + 1
        }
        return result
    }

    /// Quoted-printable (RFC 2045 §6.7): `=XX` bytes, `=` at a line end joins lines; anything
    /// else is kept as it is.
    public static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x41...0x46: return byte - 0x41 + 10
            case 0x61...0x66: return byte - 0x61 + 10
            default: return nil
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3D {
                if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                    result.append(high << 4 | low)
                    index += 3
                    continue
                }
                var cursor = index + 1
                while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == 0x0D { cursor += 1 }
                if cursor < bytes.count, bytes[cursor] == 0x0A { index = cursor + 1; continue }
                if cursor == bytes.count { break }
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    /// Base64 (RFC 4648 standard alphabet; whitespace ignored; padding optional), nil when a
    /// character outside the alphabet appears.
    ///
    /// ```swift
    /// ADFEnvelope.base64(Array("PGFkZi8+".utf8)).map { String(decoding: $0, as: UTF8.self) }   // "<adf/>"
    /// ```
    public static func base64(_ bytes: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var padding = false
        for byte in bytes {
            let value: UInt32
            switch byte {
            case 0x41...0x5A: value = UInt32(byte - 0x41)
            case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
            case 0x2B: value = 62
            case 0x2F: value = 63
            case 0x3D: padding = true; continue
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default: return nil
            }
            guard !padding else { return nil }
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                result.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return result
    }

    // MARK: - Byte search

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x3A || byte == 0x5F || byte == 0x2D || byte == 0x2E
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }

    static func findCaseInsensitive(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = needle.map(lower)
        var index = start
        while index + pattern.count <= bytes.count {
            if lower(bytes[index]) == pattern[0], bytes[index..<(index + pattern.count)].map(lower) == pattern { return index }
            index += 1
        }
        return nil
    }

    static func findLastCaseInsensitive(_ needle: [UInt8], in bytes: [UInt8], after start: Int) -> Int? {
        let pattern = needle.map(lower)
        var index = bytes.count - pattern.count
        while index > start {
            if lower(bytes[index]) == pattern[0], bytes[index..<(index + pattern.count)].map(lower) == pattern { return index }
            index -= 1
        }
        return nil
    }

    static func containsCaseInsensitive(_ bytes: [UInt8], _ text: String) -> Bool {
        findCaseInsensitive(Array(text.utf8), in: bytes, from: 0) != nil
    }
}
