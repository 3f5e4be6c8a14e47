// DealFinance — exact deal finance. DealLeads/ADF: strict XML output.

/// Writes ``ADFXMLElement`` trees as well-formed, indented UTF-8 XML.
///
/// Text and attribute values are escaped (`&` `<` `>` and, in attributes, `"`); a carriage
/// return is written as `&#13;` so it survives a re-read. Characters XML 1.0 cannot carry at
/// all (NUL, other C0 controls, U+FFFE, U+FFFF) are replaced by U+FFFD: the output is always
/// well-formed and the reader accepts it.
///
/// ```swift
/// ADFXMLWriter.write(ADFXMLElement(name: "make", children: [.text("A&B")]), indent: 0)
/// // "<make>A&amp;B</make>\n"
/// ```
public enum ADFXMLWriter {
    /// The element and its children; elements with only text stay on one line.
    public static func write(_ element: ADFXMLElement, indent: Int) -> String {
        var output = ""
        write(element, indent: indent, into: &output)
        return output
    }

    static func write(_ element: ADFXMLElement, indent: Int, into output: inout String) {
        let pad = String(repeating: "  ", count: indent)
        output += pad + "<" + element.name
        for attribute in element.attributes {
            output += " " + attribute.name + "=\"" + escape(attribute.value, attribute: true) + "\""
        }
        if element.children.isEmpty {
            output += "/>\n"
            return
        }
        let onlyText = element.children.allSatisfy { if case .text = $0 { return true } else { return false } }
        if onlyText {
            output += ">" + escape(element.text, attribute: false) + "</" + element.name + ">\n"
            return
        }
        output += ">\n"
        for child in element.children {
            switch child {
            case .element(let nested): write(nested, indent: indent + 1, into: &output)
            case .text(let text):
                let trimmed = text.trimmingXMLWhitespace()
                if !trimmed.isEmpty { output += pad + "  " + escape(trimmed, attribute: false) + "\n" }
            }
        }
        output += pad + "</" + element.name + ">\n"
    }

    /// Escapes text for element content or a double-quoted attribute value.
    ///
    /// ```swift
    /// ADFXMLWriter.escape("a<b & \"c\"", attribute: true)   // "a&lt;b &amp; &quot;c&quot;"
    /// ```
    public static func escape(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\r": result += "&#13;"
            case "\t" where attribute: result += "&#9;"
            case "\n" where attribute: result += "&#10;"
            default:
                let value = scalar.value
                if (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0xFFFE || value == 0xFFFF {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF).
    func trimmingXMLWhitespace() -> String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}

extension ADFXMLElement {
    /// The element as it reads back after ``ADFXMLWriter`` wrote it: with element children,
    /// text between them trimmed and whitespace-only text dropped; adjacent text joined.
    ///
    /// ```swift
    /// ADFXMLElement(name: "a", children: [.text("\n "), .element(ADFXMLElement(name: "b"))]).normalizedForWriting.children.count   // 1
    /// ```
    public var normalizedForWriting: ADFXMLElement {
        var result = ADFXMLElement(name: name, attributes: attributes)
        let hasElements = children.contains { if case .element = $0 { return true } else { return false } }
        var pending = ""
        func flush() {
            let text = hasElements ? pending.trimmingXMLWhitespace() : pending
            if !text.isEmpty { result.children.append(.text(text)) }
            pending = ""
        }
        for child in children {
            switch child {
            case .text(let text): pending += text
            case .element(let nested):
                flush()
                result.children.append(.element(nested.normalizedForWriting))
            }
        }
        flush()
        return result
    }
}
