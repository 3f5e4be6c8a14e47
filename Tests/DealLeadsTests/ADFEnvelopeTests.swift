// DealFinance — DealLeadsTests: the ADF document inside e-mail and HTML wrappers.

import Testing
@testable import DealLeads

@Suite("ADF envelopes")
struct ADFEnvelopeTests {
    let lead = "<?adf version=\"1.0\"?><adf><prospect><requestdate>2024-05-14T09:30:00Z</requestdate><vehicle><year>2024</year><make>Kia</make><model>EV6</model></vehicle><customer><contact><name part=\"last\">Doe</name><phone>312-555-0147</phone></contact></customer><vendor><vendorname>D &amp; Sons</vendorname></vendor></prospect></adf>"

    private func vendor(_ text: String) throws -> String? {
        try AutoLeadDocument.parse(Array(text.utf8)).document.prospects.first?.vendor.vendorName
    }

    @Test func bareXMLIsNotUnwrapped() {
        let located = ADFEnvelope.locate(Array(("<?xml version=\"1.0\"?>\n<!-- c -->" + lead).utf8))
        #expect(located?.wrapper == nil && located?.origin == 0)
    }

    @Test func rawAndEscapedHTML() throws {
        #expect(try vendor("<html><body><pre>\n" + lead + "\n</pre></body></html>") == "D & Sons")
        let escaped = lead.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(try vendor("<html><body><p>Lead:</p>" + escaped.replacingOccurrences(of: "&lt;/vehicle&gt;", with: "&lt;/vehicle&gt;<br/>") + "</body></html>") == "D & Sons")
        #expect(try vendor("Forwarded lead follows.\n\n" + lead + "\n-- \nsignature") == "D & Sons")
        #expect(try vendor("Note: a lead from the site\r\nsee below\r\n" + lead) == "D & Sons")   // a header-like first line
    }

    @Test func emailBodiesQuotedPrintableBase64AndMultipart() throws {
        let qp = "From: x@y.example\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + lead.replacingOccurrences(of: "=", with: "=3D").replacingOccurrences(of: "<vendor>", with: "<ven=\r\ndor>")
        #expect(try vendor(qp) == "D & Sons")
        let base64 = base64Encode(Array(lead.utf8))
        let multipart = "From: x@y.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed;\n boundary=\"b1\"\n\npreamble\n--b1\nContent-Type: text/plain\n\nno lead here\n--b1\nContent-Type: application/xml\nContent-Transfer-Encoding: base64\n\n\(base64)\n--b1--\n"
        #expect(try vendor(multipart) == "D & Sons")
        #expect(ADFEnvelope.locate(Array(multipart.utf8))?.isTransferDecoded == true)
    }

    @Test func namespacedRoots() throws {
        #expect(try vendor(lead.replacingOccurrences(of: "<adf>", with: "<adf xmlns=\"urn:example\">")) == "D & Sons")
        let prefixed = lead.replacingOccurrences(of: "<adf>", with: "<x:adf xmlns:x=\"urn:example\">").replacingOccurrences(of: "</adf>", with: "</x:adf>")
            .replacingOccurrences(of: "<prospect>", with: "<x:prospect>").replacingOccurrences(of: "</prospect>", with: "</x:prospect>")
        let result = try AutoLeadDocument.parse(Array(prefixed.utf8))
        #expect(result.document.prospects.first?.vehicles.first?.make == "Kia")
        #expect(result.diagnostics.contains { $0.message.contains("namespace") })
    }

    @Test func noADFAnywhereAndBounds() {
        #expect(ADFEnvelope.locate(Array("From: x@y.example\n\nhello".utf8)) == nil)
        #expect(throws: ADFReadError.self) { try AutoLeadDocument.parse(Array("<html>no lead</html>".utf8)) }
        #expect(ADFEnvelope.base64(Array("PGFkZi8+".utf8)) == Array("<adf/>".utf8))
        #expect(ADFEnvelope.base64(Array("PGF*".utf8)) == nil)
        #expect(ADFEnvelope.quotedPrintable(Array("a=3Db=\r\nc=ZZ".utf8)) == Array("a=bc=ZZ".utf8))
        // Linear on a large hostile wrapper: many "<" and "&lt;" without an ADF document.
        let hostile = Array(String(repeating: "<a &lt;ad ", count: 50_000).utf8)
        #expect(ADFEnvelope.locate(hostile) == nil)
        // Escaped ADF full of "<" without ">": the tag stripping stays one pass.
        let unclosed = Array(("<html>&lt;adf&gt;" + String(repeating: "<", count: 200_000) + "&lt;/adf&gt;").utf8)
        #expect(ADFEnvelope.locate(unclosed)?.wrapper == "escaped HTML")
    }

    private func base64Encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var result = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (chunk.count > 1 ? UInt32(chunk[1]) << 8 : 0) | (chunk.count > 2 ? UInt32(chunk[2]) : 0)
            for position in 0..<4 {
                result.append(position <= chunk.count ? alphabet[Int(value >> UInt32(18 - 6 * position) & 63)] : "=")
            }
            index += 3
            if index % 57 == 0 { result.append("\n") }
        }
        return result
    }
}
