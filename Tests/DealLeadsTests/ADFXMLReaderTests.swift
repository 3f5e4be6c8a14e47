// DealFinance — DealLeadsTests: the hand-written XML reader on well-formed and hostile input.

import Testing
@testable import DealLeads

private func parse(_ text: String) throws(ADFXMLError) -> ADFXMLDocument { try ADFXMLReader().parse(text: text) }

private func kind(_ bytes: [UInt8], limits: ADFXMLReader.Limits = ADFXMLReader.Limits()) -> ADFXMLError.Kind? {
    do { _ = try ADFXMLReader(limits: limits).parse(bytes); return nil } catch { return error.kind }
}

private func kind(_ text: String) -> ADFXMLError.Kind? { kind(Array(text.utf8)) }

@Suite("ADF XML reader: well-formed input")
struct ADFXMLReaderWellFormedTests {
    @Test func entitiesReferencesCDATACommentsAndPIs() throws {
        let document = try parse("""
        <?xml version="1.0"?><!-- lead --><?adf version="1.0"?>
        <r a='1 &amp; 2' b="x&quot;y&apos;z"><!--c--><?pi data?>A&lt;B&gt;C&#65;&#x42;&#x1F600;<![CDATA[<raw & stuff>]]>\
        <e/><f x = "q" ></f></r>
        """)
        #expect(document.root.name == "r")
        #expect(document.root.attribute("a") == "1 & 2")
        #expect(document.root.attribute("B") == "x\"y'z")
        #expect(document.root.text == "A<B>CAB😀<raw & stuff>")
        #expect(document.root.elements.map(\.name) == ["e", "f"])
        #expect(document.root.elements[1].attribute("x") == "q")
        #expect(document.processingInstructions == [ADFXMLProcessingInstruction(target: "adf", data: "version=\"1.0\"")])
    }

    @Test func crlfNormalizedAndAttributeWhitespace() throws {
        let document = try parse("<r a=\"x\ty\nz\">one\r\ntwo\rthree</r>")
        #expect(document.root.text == "one\ntwo\nthree")
        #expect(document.root.attribute("a") == "x y z")
    }

    @Test func byteOrderMarkAndAdfPIBeforeDeclaration() throws {
        let document = try parse("\u{FEFF}<?ADF VERSION=\"1.0\"?>\n<?xml version=\"1.0\"?>\n<adf/>")
        #expect(document.root.name == "adf")
        #expect(document.processingInstructions.first?.target == "ADF")
        #expect(!document.warnings.isEmpty)
    }

    /// An upper-case `<?XML …?>` (seen in templates) is read as the declaration, with a
    /// warning; a second declaration is still refused.
    @Test func upperCaseDeclarationIsTheDeclaration() throws {
        let document = try parse("<?ADF VERSION \"1.0\"?>\n<?XML VERSION \"1.0\"?>\n<adf/>")
        #expect(document.processingInstructions.map(\.target) == ["ADF"])
        #expect(document.warnings.contains { $0.contains("<?XML") })
        #expect(kind("<?xml version=\"1.0\"?><?XML version=\"1.0\"?><adf/>") == .malformed)
    }

    @Test func localNamesIgnoreThePrefix() throws {
        let document = try parse("<a:adf xmlns:a=\"urn:x\"><a:prospect/><prospect/></a:adf>")
        #expect(document.root.localName == "adf")
        #expect(document.root.elements(named: "PROSPECT").count == 2)
    }

    @Test func writerOutputReadsBack() throws {
        let text = "a<b>&\"c\" \u{0}\u{1}\r tab\t end"
        let element = ADFXMLElement(name: "x", attributes: [("v", text)], children: [.text(text)])
        let document = try parse(ADFXMLWriter.write(element, indent: 0))
        let expected = "a<b>&\"c\" \u{FFFD}\u{FFFD}\r tab\t end"
        #expect(document.root.attribute("v") == expected)
        #expect(document.root.text == expected)
    }
}

@Suite("ADF XML reader: hostile input")
struct ADFXMLReaderHostileTests {
    @Test(arguments: [
        ("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>", ADFXMLError.Kind.doctypeNotAllowed),
        ("<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><foo>&xxe;</foo>", .doctypeNotAllowed),
        ("<!doctype adf SYSTEM \"http://example.com/adf.dtd\"><adf/>", .doctypeNotAllowed),
        ("<a><!ENTITY x \"y\"></a>", .entityDeclarationNotAllowed),
        ("<a>&lol;</a>", .undefinedEntity),
        ("<a>&nbsp;</a>", .undefinedEntity),
        ("<a>&#0;</a>", .forbiddenCharacter),
        ("<a>&#xD800;</a>", .forbiddenCharacter),
        ("<a>&#x110000;</a>", .forbiddenCharacter),
        ("<a>&#99999999999999999999;</a>", .malformed),
        ("<a>&#;</a>", .malformed),
        ("<a>&#xZZ;</a>", .malformed),
        ("<a>AT&T</a>", .malformed),
        ("<a>&amp</a>", .malformed),
        ("<a", .unterminated),
        ("<a>", .unterminated),
        ("<a><b></a>", .mismatchedTag),
        ("<a></b>", .mismatchedTag),
        ("<a><!-- never closed", .unterminated),
        ("<a><![CDATA[ never closed", .unterminated),
        ("<a><?pi never closed", .unterminated),
        ("<a x=\"1></a>", .malformed),
        ("<a x=\"1", .unterminated),
        ("<id sequence=1>x</id>", .malformed),
        ("<a x=\"1\" x=\"2\"/>", .malformed),
        ("<a x=\"1\"y=\"2\"/>", .malformed),
        ("<a x=\"<\"/>", .malformed),
        ("<a/><b/>", .malformed),
        ("text only", .malformed),
        ("", .malformed),
        ("   ", .malformed),
        ("<1a/>", .malformed),
        ("<a></a >trailing", .malformed),
        ("<a/><?xml version=\"1.0\"?>", .malformed),
        ("<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>", .malformed),
        ("<a><?xml version=\"1.0\"?></a>", .malformed),
        ("<a>\u{1}</a>", .forbiddenCharacter),
        ("<a>\u{FFFE}</a>", .forbiddenCharacter),
        ("<", .malformed),
        ("</a>", .malformed),
        ("<a></", .malformed),
        ("<a>&", .malformed),
        ("<a b", .malformed),
        ("<a b=", .malformed),
    ] as [(String, ADFXMLError.Kind)])
    func rejected(text: String, expected: ADFXMLError.Kind) {
        #expect(kind(text) == expected, "\(text)")
    }

    @Test func errorsCarryPositionAndMessage() {
        do {
            _ = try parse("<adf>\n  <id sequence=1>x</id>\n</adf>")
            Issue.record("accepted an unquoted attribute")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 16)
            #expect(error.message.contains("expected a quoted value"))
            #expect(error.message.contains("found \"1>x</id>"))
        }
    }

    @Test func nulBytes() {
        #expect(kind(Array("<a>x".utf8) + [0] + Array("</a>".utf8)) == .forbiddenCharacter)
        #expect(kind([0]) == .forbiddenCharacter)
        #expect(kind(Array(repeating: 0, count: 4096)) == .forbiddenCharacter)
    }

    @Test(arguments: [
        [0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E],           // 0xFF never valid
        [0x3C, 0x61, 0x3E, 0xC0, 0xAF, 0x3C, 0x2F, 0x61, 0x3E],     // overlong '/'
        [0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E], // UTF-8 encoded surrogate
        [0x3C, 0x61, 0x3E, 0xE2, 0x82],                             // cut-off sequence
        [0x3C, 0x61, 0x3E, 0x80, 0x3C, 0x2F, 0x61, 0x3E],           // lone continuation
        [0x3C, 0xF4, 0x90, 0x80, 0x80, 0x2F, 0x3E],                 // above U+10FFFF
    ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(kind(bytes) == .invalidUTF8)
    }

    @Test func deepNestingIsRefusedWithoutRecursion() {
        let depth = 200_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(kind(text) == .tooLarge)  // 1.4 MB: over the default limit
        var limits = ADFXMLReader.Limits()
        limits.maximumBytes = 4 << 20
        #expect(kind(Array(text.utf8), limits: limits) == .tooDeep)
        limits.maximumDepth = depth + 1   // clamped to 1,000: trees are freed recursively
        #expect(kind(Array(text.utf8), limits: limits) == .tooDeep)
        let thousand = String(repeating: "<a>", count: 1000) + String(repeating: "</a>", count: 1000)
        #expect(kind(Array(thousand.utf8), limits: limits) == nil)
        #expect(kind(String(repeating: "<a>", count: 65)) == .tooDeep)
        #expect(kind(String(repeating: "<a>", count: 64)) == .unterminated)
    }

    @Test func tenMegabytesIsRefusedUpFront() {
        let big = [UInt8](repeating: 0x41, count: 10 * 1024 * 1024)
        do {
            _ = try ADFXMLReader().parse(big)
            Issue.record("accepted 10 MB")
        } catch {
            #expect(error.kind == .tooLarge)
            #expect(error.message == "expected at most 1048576 bytes of XML, found 10485760")
        }
    }

    @Test func tenMegabytesWithRaisedLimitIsLinear() throws {
        var limits = ADFXMLReader.Limits()
        limits.maximumBytes = 11 << 20
        let body = String(repeating: "x&amp;y<![CDATA[z]]><!--c-->", count: 10 * 1024 * 1024 / 28)
        let document = try ADFXMLReader(limits: limits).parse(text: "<a>" + body + "</a>")
        #expect(document.root.text.utf8.count == 10 * 1024 * 1024 / 28 * 4)
        // A 10 MB comment that never ends: found missing, in one pass.
        let open = "<a><!--" + String(repeating: "-", count: 10 * 1024 * 1024)
        #expect(kind(Array(open.utf8), limits: limits) == .unterminated)
    }

    @Test func tooManyElementsAndAttributes() {
        var limits = ADFXMLReader.Limits()
        limits.maximumElements = 10
        #expect(kind(Array(("<a>" + String(repeating: "<b/>", count: 10) + "</a>").utf8), limits: limits) == .tooMany)
        let attributes = (0..<65).map { "a\($0)=\"1\"" }.joined(separator: " ")
        #expect(kind("<a \(attributes)/>") == .tooMany)
    }

    @Test func seededRandomMutationsNeverCrash() throws {
        let seed = Array("""
        <?xml version="1.0"?><?adf version="1.0"?><adf><prospect status="new"><id sequence="1">A&amp;B</id>\
        <requestdate>2024-05-14T09:30:00-05:00</requestdate><vehicle interest='buy'><year>2024</year>\
        <make><![CDATA[Make]]></make><model>M&#233;</model></vehicle><!-- c --></prospect></adf>
        """.utf8)
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        let alphabet: [UInt8] = Array("<>/&;#x![]-?='\" abcCDATA".utf8) + [0, 0xC3, 0xA9, 0xFF, 0x0D]
        var accepted = 0
        for _ in 0..<3000 {
            var bytes = seed
            for _ in 0..<(1 + Int(next() % 4)) {
                let position = Int(next() % UInt64(bytes.count))
                switch next() % 3 {
                case 0: bytes[position] = alphabet[Int(next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: position)
                }
            }
            if (try? ADFXMLReader().parse(bytes)) != nil { accepted += 1 }
            _ = try? AutoLeadDocument.parse(bytes)
        }
        #expect(accepted > 0)
    }
}
