// DealFinance — exact deal finance. DealLeads/ADF: a small, safe, non-validating XML reader.

/// An element of a parsed XML document: name, attributes in document order, and children.
///
/// ```swift
/// let document = try ADFXMLReader().parse(Array("<a x='1'>hi<b/></a>".utf8))
/// document.root.name                 // "a"
/// document.root.attribute("x")       // "1"
/// document.root.text                 // "hi"
/// ```
public struct ADFXMLElement: Sendable, Hashable {
    /// The element name exactly as written (case kept).
    public var name: String
    /// Attributes as `(name, value)` in document order; values have references decoded.
    public var attributes: [(name: String, value: String)]
    /// Child elements and text, in document order (CDATA is text; comments and PIs are dropped).
    public var children: [ADFXMLNode]

    /// An element with the given parts.
    ///
    /// ```swift
    /// ADFXMLElement(name: "year", children: [.text("2024")])
    /// ```
    public init(name: String, attributes: [(name: String, value: String)] = [], children: [ADFXMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of the first attribute whose name equals `name` ignoring ASCII case.
    ///
    /// ```swift
    /// element.attribute("interest")   // "trade-in"
    /// ```
    public func attribute(_ name: String) -> String? {
        let key = ADFXMLReader.asciiLowercased(name)
        return attributes.first { ADFXMLReader.asciiLowercased($0.name) == key }?.value
    }

    /// The child elements, in order.
    public var elements: [ADFXMLElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    /// Child elements whose local name (the part after a namespace prefix such as `x:`) equals
    /// `name` ignoring ASCII case.
    ///
    /// ```swift
    /// prospect.elements(named: "vehicle").count   // 2
    /// ```
    public func elements(named name: String) -> [ADFXMLElement] {
        let key = ADFXMLReader.localKey(name)
        return elements.filter { ADFXMLReader.localKey($0.name) == key }
    }

    /// The element name without its namespace prefix (`x:adf` → `adf`).
    public var localName: String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The first child element named `name` (ASCII case ignored).
    public func element(named name: String) -> ADFXMLElement? { elements(named: name).first }

    /// The concatenated text of the direct text children (CDATA included), untrimmed.
    public var text: String {
        var result = ""
        for child in children { if case .text(let text) = child { result += text } }
        return result
    }

    public static func == (lhs: ADFXMLElement, rhs: ADFXMLElement) -> Bool {
        lhs.name == rhs.name && lhs.children == rhs.children
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        for attribute in attributes { hasher.combine(attribute.name); hasher.combine(attribute.value) }
        hasher.combine(children)
    }
}

/// One child of an element.
public indirect enum ADFXMLNode: Sendable, Hashable {
    /// A nested element.
    case element(ADFXMLElement)
    /// Character data (text and CDATA sections, references decoded).
    case text(String)
}

/// A parsed document: the root element plus what the prolog said.
public struct ADFXMLDocument: Sendable, Hashable {
    /// The root element.
    public var root: ADFXMLElement
    /// Processing instructions outside the root, as `(target, data)` (e.g. `("adf", "version=\"1.0\"")`).
    public var processingInstructions: [ADFXMLProcessingInstruction]
    /// Deviations the reader tolerated (e.g. the XML declaration was not first).
    public var warnings: [String]
}

/// A processing instruction `<?target data?>`.
public struct ADFXMLProcessingInstruction: Sendable, Hashable {
    /// The target (`xml` for the declaration, `adf`/`ADF` for ADF's).
    public var target: String
    /// Everything after the target, trimmed.
    public var data: String
}

/// Why a document was rejected: what, where (byte offset, line, column) and a message that
/// says what was expected and what was found.
///
/// ```swift
/// do { _ = try ADFXMLReader().parse(Array("<!DOCTYPE x>".utf8)) }
/// catch { error.kind   // .doctypeNotAllowed }
/// ```
public struct ADFXMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The input exceeds ``ADFXMLReader/Limits/maximumBytes``.
        case tooLarge
        /// The bytes are not well-formed UTF-8.
        case invalidUTF8
        /// A character XML 1.0 forbids (NUL, most C0 controls, U+FFFE/U+FFFF).
        case forbiddenCharacter
        /// A `<!DOCTYPE` declaration (never processed: no DTDs, no external entities).
        case doctypeNotAllowed
        /// An `<!ENTITY` declaration (entity expansion bombs are refused outright).
        case entityDeclarationNotAllowed
        /// A reference other than the five predefined entities or a valid character reference.
        case undefinedEntity
        /// Nesting deeper than ``ADFXMLReader/Limits/maximumDepth``.
        case tooDeep
        /// More elements or attributes than the limits allow.
        case tooMany
        /// A construct that does not end before the input does.
        case unterminated
        /// An end tag that does not match the open element.
        case mismatchedTag
        /// Anything else that is not well-formed XML.
        case malformed
    }

    /// What went wrong.
    public let kind: Kind
    /// Byte offset into the input.
    public let offset: Int
    /// 1-based line of ``offset``.
    public let line: Int
    /// 1-based column (in bytes) of ``offset``.
    public let column: Int
    /// What was expected and what was found.
    public let message: String

    public var description: String { "\(kind.rawValue) at line \(line), column \(column): \(message)" }
}

/// A hand-written, non-validating XML 1.0 reader for the ADF subset. Standard library only.
///
/// It reads elements, attributes (either quote style), text, the five predefined entities,
/// decimal and hexadecimal character references, CDATA sections, comments and processing
/// instructions. It **refuses** `<!DOCTYPE` and `<!ENTITY` (so no external entities and no
/// entity-expansion bombs), input larger than ``Limits/maximumBytes`` (1 MiB by default: an
/// ADF lead is a few kilobytes), nesting deeper than ``Limits/maximumDepth``, invalid UTF-8
/// and characters XML forbids (NUL among them). It works in one pass with an explicit stack,
/// so time is linear in the input and no input can overflow the call stack.
///
/// Lenient where real ADF senders deviate (Documentation/Reference/Leads.md): whitespace before the XML
/// declaration, an `<?adf?>` processing instruction *before* the declaration (adf_builder
/// ≤ 0.2.1) and an upper-case `<?XML …?>` declaration are accepted with a warning; the ADF
/// PI's content is informational. Element names keep their namespace prefix; compare them
/// with ``ADFXMLElement/elements(named:)``, which matches local names. Unquoted
/// attribute values (`sequence=1`) are not well-formed and are rejected, never repaired.
///
/// ```swift
/// let document = try ADFXMLReader().parse(Array(#"<?xml version="1.0"?><adf><prospect/></adf>"#.utf8))
/// document.root.elements(named: "prospect").count   // 1
/// ```
public struct ADFXMLReader: Sendable {
    /// Resource limits.
    public struct Limits: Sendable, Hashable {
        /// Largest accepted input in bytes. Default 1,048,576 (1 MiB).
        public var maximumBytes: Int = 1 << 20
        /// Deepest accepted element nesting. Default 64 (ADF needs 6); values above 1,000 act
        /// as 1,000, because a parsed tree is compared and freed recursively.
        public var maximumDepth: Int = 64
        /// Most elements in one document. Default 100,000.
        public var maximumElements: Int = 100_000
        /// Most attributes on one element. Default 64.
        public var maximumAttributes: Int = 64

        /// The default limits.
        public init() {}
    }

    /// The limits this reader enforces.
    public var limits: Limits

    /// A reader with the given limits.
    ///
    /// ```swift
    /// var limits = ADFXMLReader.Limits(); limits.maximumBytes = 64 * 1024
    /// let reader = ADFXMLReader(limits: limits)
    /// ```
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses a whole document given as UTF-8 bytes (a leading byte-order mark is skipped).
    ///
    /// - Throws: ``ADFXMLError`` naming the first problem.
    public func parse(_ bytes: some Collection<UInt8>) throws(ADFXMLError) -> ADFXMLDocument {
        guard bytes.count <= limits.maximumBytes else {
            throw ADFXMLError(kind: .tooLarge, offset: 0, line: 1, column: 1,
                              message: "expected at most \(limits.maximumBytes) bytes of XML, found \(bytes.count)")
        }
        var scanner = Scanner(bytes: Array(bytes), limits: limits)
        return try scanner.document()
    }

    /// Parses a document given as a string.
    public func parse(text: String) throws(ADFXMLError) -> ADFXMLDocument {
        try parse(Array(text.utf8))
    }

    /// The local name (after the last `:`) lower-cased in ASCII: how ADF names are compared.
    static func localKey(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return asciiLowercased(name) }
        return asciiLowercased(String(name[name.index(after: colon)...]))
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

/// The one-pass scanner behind ``ADFXMLReader``.
private struct Scanner {
    let bytes: [UInt8]
    let limits: ADFXMLReader.Limits
    var position = 0
    var elementCount = 0
    var warnings: [String] = []

    init(bytes: [UInt8], limits: ADFXMLReader.Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    // MARK: - Errors

    func fail(_ kind: ADFXMLError.Kind, _ message: String, at offset: Int? = nil) -> ADFXMLError {
        let offset = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            if bytes[index] == 10 { line += 1; lineStart = index + 1 }
            index += 1
        }
        return ADFXMLError(kind: kind, offset: offset, line: line, column: offset - lineStart + 1, message: message)
    }

    func found(at offset: Int? = nil) -> String {
        let start = offset ?? position
        guard start < bytes.count else { return "the end of the input" }
        let end = min(bytes.count, start + 20)
        var slice = Array(bytes[start..<end])
        while !slice.isEmpty, String(validating: slice, as: UTF8.self) == nil { slice.removeLast() }
        let text = String(decoding: slice, as: UTF8.self).unicodeScalars.map { scalar -> String in
            scalar.value < 0x20 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        return "\"\(text)\(end < bytes.count ? "…" : "")\""
    }

    // MARK: - Characters

    /// Checks the whole input: well-formed UTF-8 (``ADFTextDecoding``'s one check) and only
    /// XML 1.0 `Char`s (no C0 control but tab, LF, CR; no U+FFFE or U+FFFF).
    func validateCharacters() throws(ADFXMLError) {
        if let (index, what) = ADFTextDecoding.firstInvalidUTF8(bytes) {
            throw fail(.invalidUTF8, "expected well-formed UTF-8, found \(what)", at: index)
        }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                throw fail(.forbiddenCharacter, "expected only characters XML 1.0 allows, found the control character U+\(hex(UInt32(byte))) (\(byte == 0 ? "NUL" : "C0 control"))", at: index)
            }
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF in well-formed UTF-8.
            if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                throw fail(.forbiddenCharacter, "expected only characters XML 1.0 allows, found U+\(bytes[index + 2] == 0xBE ? "FFFE" : "FFFF")", at: index)
            }
            index += 1
        }
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte == 58 || byte >= 0x80
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 46
    }

    var atEnd: Bool { position >= bytes.count }

    func starts(with literal: StaticString, at offset: Int? = nil) -> Bool {
        let start = offset ?? position
        let count = literal.utf8CodeUnitCount
        guard start + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for index in 0..<count where bytes[start + index] != pointer[index] { return false }
        return true
    }

    /// Like ``starts(with:at:)`` but ignoring ASCII case.
    func startsCaseInsensitive(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for index in 0..<count {
            var byte = bytes[position + index]
            if byte >= 65 && byte <= 90 { byte += 32 }
            if byte != pointer[index] { return false }
        }
        return true
    }

    mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    /// The index of the first occurrence of `terminator` at or after `position`, or nil.
    func find(_ terminator: StaticString) -> Int? {
        let count = terminator.utf8CodeUnitCount
        let first = terminator.utf8Start[0]
        var index = position
        while index + count <= bytes.count {
            if bytes[index] == first && starts(with: terminator, at: index) { return index }
            index += 1
        }
        return nil
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    mutating func name(_ what: String) throws(ADFXMLError) -> String {
        let start = position
        guard position < bytes.count, Self.isNameStart(bytes[position]) else {
            throw fail(.malformed, "expected \(what), found \(found())")
        }
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        return string(start..<position)
    }

    // MARK: - Document

    mutating func document() throws(ADFXMLError) -> ADFXMLDocument {
        try validateCharacters()
        if starts(with: "\u{FEFF}") { position += 3 }
        var instructions: [ADFXMLProcessingInstruction] = []
        var sawDeclaration = false
        var sawOther = false
        var root: ADFXMLElement? = nil
        while true {
            let before = position
            skipWhitespace()
            if atEnd { break }
            if position > before && !sawOther && !sawDeclaration && root == nil {
                // Whitespace before the XML declaration: noted only if a declaration follows.
                if starts(with: "<?xml") && !Self.isNameByte(bytes.count > position + 5 ? bytes[position + 5] : 0x20) {
                    warnings.append("whitespace before the XML declaration was ignored")
                }
            }
            if starts(with: "<?") {
                let offset = position
                let instruction = try processingInstruction()
                if ADFXMLReader.asciiLowercased(instruction.target) == "xml" {
                    guard root == nil, !sawDeclaration else {
                        throw fail(.malformed, "expected the XML declaration only at the start of the document, found a second one or one after the root element", at: offset)
                    }
                    if sawOther {
                        warnings.append("the XML declaration came after another processing instruction or comment (accepted)")
                    }
                    if instruction.target != "xml" {
                        warnings.append("<?\(instruction.target) …?> read as the XML declaration (XML requires lower-case <?xml)")
                    }
                    sawDeclaration = true
                } else {
                    instructions.append(instruction)
                    sawOther = true
                }
                continue
            }
            if starts(with: "<!--") { try comment(); sawOther = true; continue }
            if startsCaseInsensitive(with: "<!doctype") {
                throw fail(.doctypeNotAllowed, "expected no document type declaration (DTDs and external entities are never processed), found <!DOCTYPE")
            }
            if startsCaseInsensitive(with: "<!entity") {
                throw fail(.entityDeclarationNotAllowed, "expected no entity declarations (entity expansion is refused), found <!ENTITY")
            }
            if starts(with: "<") && root == nil && position + 1 < bytes.count && Self.isNameStart(bytes[position + 1]) {
                root = try element()
                sawOther = true
                continue
            }
            if root == nil {
                throw fail(.malformed, "expected the root element (such as <adf>), found \(found())")
            }
            throw fail(.malformed, "expected only whitespace, comments or processing instructions after the root element, found \(found())")
        }
        guard let root else {
            throw fail(.malformed, "expected a root element, found \(bytes.isEmpty ? "an empty input" : "none before the end of the input")")
        }
        return ADFXMLDocument(root: root, processingInstructions: instructions, warnings: warnings)
    }

    mutating func processingInstruction() throws(ADFXMLError) -> ADFXMLProcessingInstruction {
        let start = position
        position += 2
        let target = try name("a processing instruction target after <?")
        guard let end = find("?>") else {
            throw fail(.unterminated, "expected \"?>\" to end the processing instruction <?\(target), found the end of the input", at: start)
        }
        let data = string(position..<end)
        position = end + 2
        return ADFXMLProcessingInstruction(target: target, data: trimmed(data))
    }

    mutating func comment() throws(ADFXMLError) {
        let start = position
        position += 4
        guard let end = find("-->") else {
            throw fail(.unterminated, "expected \"-->\" to end the comment, found the end of the input", at: start)
        }
        position = end + 3
    }

    // MARK: - Elements

    /// An open element on the explicit stack.
    struct Open {
        var element: ADFXMLElement
        var text: String
        var start: Int
    }

    /// Reads one element and everything inside it, iteratively.
    mutating func element() throws(ADFXMLError) -> ADFXMLElement {
        var stack: [Open] = []
        let (first, selfClosing) = try startTag()
        if selfClosing { return first.element }
        stack.append(first)
        while true {
            guard !atEnd else {
                let open = stack[stack.count - 1]
                throw fail(.unterminated, "expected </\(open.element.name)> to close the element opened here, found the end of the input", at: open.start)
            }
            let byte = bytes[position]
            if byte == 0x3C {  // <
                if starts(with: "</") {
                    let tagStart = position
                    position += 2
                    let name = try self.name("an element name after </")
                    skipWhitespace()
                    guard !atEnd, bytes[position] == 0x3E else {
                        throw fail(.malformed, "expected \">\" to end the end tag </\(name), found \(found())")
                    }
                    position += 1
                    var closed = stack.removeLast()
                    guard closed.element.name == name else {
                        throw fail(.mismatchedTag, "expected </\(closed.element.name)> (opened at byte \(closed.start)), found </\(name)>", at: tagStart)
                    }
                    flushText(&closed)
                    if stack.isEmpty { return closed.element }
                    stack[stack.count - 1].element.children.append(.element(closed.element))
                } else if starts(with: "<!--") {
                    try comment()
                } else if starts(with: "<![CDATA[") {
                    let start = position
                    position += 9
                    guard let end = find("]]>") else {
                        throw fail(.unterminated, "expected \"]]>\" to end the CDATA section, found the end of the input", at: start)
                    }
                    stack[stack.count - 1].text += string(position..<end)
                    position = end + 3
                } else if starts(with: "<?") {
                    let offset = position
                    let instruction = try processingInstruction()
                    if ADFXMLReader.asciiLowercased(instruction.target) == "xml" {
                        throw fail(.malformed, "expected the XML declaration only at the start of the document, found it inside <\(stack[stack.count - 1].element.name)>", at: offset)
                    }
                } else if startsCaseInsensitive(with: "<!doctype") {
                    throw fail(.doctypeNotAllowed, "expected no document type declaration, found <!DOCTYPE inside an element")
                } else if startsCaseInsensitive(with: "<!entity") {
                    throw fail(.entityDeclarationNotAllowed, "expected no entity declarations (entity expansion is refused), found <!ENTITY")
                } else {
                    guard stack.count < min(limits.maximumDepth, 1000) else {
                        throw fail(.tooDeep, "expected elements nested at most \(min(limits.maximumDepth, 1000)) deep, found deeper nesting")
                    }
                    flushText(&stack[stack.count - 1])
                    let (child, closed) = try startTag()
                    if closed {
                        stack[stack.count - 1].element.children.append(.element(child.element))
                    } else {
                        stack.append(child)
                    }
                }
            } else if byte == 0x26 {  // &
                stack[stack.count - 1].text += try reference()
            } else {
                let start = position
                while position < bytes.count, bytes[position] != 0x3C, bytes[position] != 0x26 { position += 1 }
                stack[stack.count - 1].text += normalizedNewlines(start..<position)
            }
        }
    }

    mutating func flushText(_ open: inout Open) {
        guard !open.text.isEmpty else { return }
        open.element.children.append(.text(open.text))
        open.text = ""
    }

    /// XML end-of-line handling: CR LF and lone CR become LF.
    func normalizedNewlines(_ range: Range<Int>) -> String {
        guard bytes[range].contains(0x0D) else { return string(range) }
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x0D {
                result.append(0x0A)
                if index + 1 < range.upperBound && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(bytes[index])
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Reads `<name attr="v" …>` or `<name … />`; `position` is at `<`.
    mutating func startTag() throws(ADFXMLError) -> (Open, selfClosing: Bool) {
        let start = position
        elementCount += 1
        guard elementCount <= limits.maximumElements else {
            throw fail(.tooMany, "expected at most \(limits.maximumElements) elements, found more")
        }
        position += 1
        let name = try self.name("an element name after <")
        var attributes: [(name: String, value: String)] = []
        while true {
            let beforeSpace = position
            skipWhitespace()
            guard !atEnd else {
                throw fail(.unterminated, "expected \">\" to end the start tag <\(name), found the end of the input", at: start)
            }
            if bytes[position] == 0x3E {
                position += 1
                return (Open(element: ADFXMLElement(name: name, attributes: attributes), text: "", start: start), false)
            }
            if starts(with: "/>") {
                position += 2
                return (Open(element: ADFXMLElement(name: name, attributes: attributes), text: "", start: start), true)
            }
            guard position > beforeSpace else {
                throw fail(.malformed, "expected whitespace, \">\" or \"/>\" in the start tag <\(name), found \(found())")
            }
            let attributeName = try self.name("an attribute name, \">\" or \"/>\" in the start tag <\(name)")
            skipWhitespace()
            guard !atEnd, bytes[position] == 0x3D else {
                throw fail(.malformed, "expected \"=\" after the attribute \(attributeName) of <\(name)>, found \(found())")
            }
            position += 1
            skipWhitespace()
            guard !atEnd, bytes[position] == 0x22 || bytes[position] == 0x27 else {
                throw fail(.malformed, "expected a quoted value (\"…\" or '…') for the attribute \(attributeName) of <\(name)>, found \(found()) (unquoted attribute values are not XML)")
            }
            let quote = bytes[position]
            position += 1
            var value = ""
            while true {
                guard !atEnd else {
                    throw fail(.unterminated, "expected the closing quote of the attribute \(attributeName) of <\(name)>, found the end of the input", at: start)
                }
                let byte = bytes[position]
                if byte == quote { position += 1; break }
                if byte == 0x3C {
                    throw fail(.malformed, "expected no \"<\" inside the value of the attribute \(attributeName) (write &lt;), found one")
                }
                if byte == 0x26 {
                    value += try reference()
                    continue
                }
                let runStart = position
                while position < bytes.count, bytes[position] != quote, bytes[position] != 0x3C, bytes[position] != 0x26 {
                    position += 1
                }
                // Attribute-value normalization: each whitespace character becomes a space.
                value += String(decoding: bytes[runStart..<position].map { Self.isWhitespace($0) ? 0x20 : $0 }, as: UTF8.self)
            }
            if attributes.contains(where: { $0.name == attributeName }) {
                throw fail(.malformed, "expected each attribute once on <\(name)>, found \(attributeName) twice")
            }
            guard attributes.count < limits.maximumAttributes else {
                throw fail(.tooMany, "expected at most \(limits.maximumAttributes) attributes on <\(name)>, found more")
            }
            attributes.append((attributeName, value))
        }
    }

    /// Reads `&name;`, `&#ddd;` or `&#xhh;`; `position` is at `&`.
    mutating func reference() throws(ADFXMLError) -> String {
        let start = position
        position += 1
        var end = position
        while end < bytes.count, end - position <= 12, bytes[end] != 0x3B, bytes[end] != 0x3C, bytes[end] != 0x26,
              !Self.isWhitespace(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == 0x3B else {
            throw fail(.malformed, "expected a reference such as &amp; or &#38; ending in \";\", found \(found(at: start)) (write a literal & as &amp;)", at: start)
        }
        let body = string(position..<end)
        position = end + 1
        switch body {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") {
                let hexDigits = digits.dropFirst()
                value = hexDigits.isEmpty || !hexDigits.allSatisfy(\.isHexDigit) ? nil : UInt32(hexDigits, radix: 16)
            } else {
                value = digits.isEmpty || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? nil : UInt32(digits, radix: 10)
            }
            guard let value else {
                throw fail(.malformed, "expected a character reference such as &#38; or &#x26;, found &\(body);", at: start)
            }
            guard Self.isXMLChar(value), let scalar = Unicode.Scalar(value) else {
                throw fail(.forbiddenCharacter, "expected a character reference to a character XML 1.0 allows, found &\(body); (U+\(hex(value)))", at: start)
            }
            return String(Character(scalar))
        }
        throw fail(.undefinedEntity, "expected one of the predefined entities &lt; &gt; &amp; &quot; &apos; or a character reference, found &\(body); (no DTD, so no other entity is defined)", at: start)
    }

    static func isXMLChar(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.value < 0x80, Self.isWhitespace(UInt8(first.value)) { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.value < 0x80, Self.isWhitespace(UInt8(last.value)) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
