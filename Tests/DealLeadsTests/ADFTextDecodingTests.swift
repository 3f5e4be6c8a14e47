// DealFinance — DealLeadsTests: ADF bytes to UTF-8, exactly or with the offending offset.

import Testing
@testable import DealLeads

@Suite("ADF text decoding")
struct ADFTextDecodingTests {
    private func declared(_ encoding: String, _ body: [UInt8]) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?><adf>".utf8) + body + Array("</adf>".utf8)
    }

    @Test func latin1MapsEachByteToItsCodePoint() throws {
        let bytes = declared("ISO-8859-1", Array(0x20...0xFF).map(UInt8.init))
        let decoded = try ADFTextDecoding.decode(bytes)
        #expect(decoded.encoding == .latin1)
        let scalars = String(decoding: decoded.utf8, as: UTF8.self).unicodeScalars.map(\.value)
        #expect(Array(scalars.drop { $0 != 0x3E }.dropFirst(1).drop { $0 != 0x3E }.dropFirst().prefix(224)) == Array(0x20...0xFF).map(UInt32.init))
    }

    @Test func windows1252TableAndUndefinedBytes() throws {
        let decoded = try ADFTextDecoding.decode(declared("cp1252", [0x80, 0x93, 0x94, 0x9F, 0xE9]))
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains("€“”Ÿé"))
        for undefined: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            let bytes = declared("windows-1252", [0x41, undefined])
            do { _ = try ADFTextDecoding.decode(bytes); Issue.record("0x\(undefined) decoded") } catch {
                #expect(error.kind == .undefinedByte && error.offset == bytes.count - 7)
            }
        }
    }

    @Test func invalidUTF8NamesTheOffsetOfTheBadSequence() {
        let bytes = Array("<adf>Mu".utf8) + [0xF1] + Array("oz</adf>".utf8)
        do { _ = try ADFTextDecoding.decode(bytes); Issue.record("invalid UTF-8 decoded") } catch {
            #expect(error.kind == .invalidUTF8 && error.offset == 7)
            #expect(error.description.contains("byte 7"))
        }
        #expect(ADFTextDecoding.firstInvalidUTF8([0xC0, 0xAF])?.0 == 0)           // overlong
        #expect(ADFTextDecoding.firstInvalidUTF8([0x61, 0xED, 0xA0, 0x80])?.0 == 1)  // surrogate
        #expect(ADFTextDecoding.firstInvalidUTF8([0x61, 0xE2, 0x82])?.0 == 1)       // cut off
        #expect(ADFTextDecoding.firstInvalidUTF8(Array("añ€😀".utf8)) == nil)
    }

    @Test func declarationsTheBytesContradictAndUnknownEncodings() {
        let utf16 = declared("UTF-16", Array("x".utf8))
        #expect(throws: ADFEncodingError.self) { try ADFTextDecoding.decode(utf16) }
        do { _ = try ADFTextDecoding.decode(declared("Shift_JIS", [])) } catch { #expect(error.kind == .unsupportedEncoding && error.offset == 30) }
        do { _ = try ADFTextDecoding.decode(declared("US-ASCII", [0x41, 0xC3, 0xA9])) } catch { #expect(error.kind == .undefinedByte) }
    }

    @Test func utf16WithAndWithoutByteOrderMark() throws {
        let text = "<adf>Muñoz 😀</adf>"
        let littleUnits: [UInt8] = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let bigUnits: [UInt8] = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let little: [UInt8] = [0xFF, 0xFE] + littleUnits
        let big: [UInt8] = [0xFE, 0xFF] + bigUnits
        let bare = littleUnits
        for bytes in [little, big, bare] {
            #expect(String(decoding: try ADFTextDecoding.decode(bytes).utf8, as: UTF8.self) == text)
        }
        do { _ = try ADFTextDecoding.decode([0xFF, 0xFE, 0x00, 0xDC]) } catch { #expect(error.kind == .invalidUTF16 && error.offset == 2) }
        do { _ = try ADFTextDecoding.decode([0xFF, 0xFE, 0x3C]) } catch { #expect(error.kind == .invalidUTF16) }
    }

    @Test func latin1DeclarationOverUTF8BytesIsRemarked() throws {
        let decoded = try ADFTextDecoding.decode(declared("ISO-8859-1", Array("é".utf8)))
        #expect(String(decoding: decoded.utf8, as: UTF8.self).contains("Ã©"))   // as declared
        #expect(decoded.remarks.contains { $0.contains("also read as UTF-8") })
    }

    @Test func readerNamesTheOffsetInTheInputOrTheDecodedBody() {
        let raw = Array("From: a@b.example\n\n<adf>Mu".utf8) + [0xF1] + Array("oz</adf>".utf8)
        do { _ = try AutoLeadDocument.parse(raw); Issue.record("accepted") } catch {
            guard case .encoding(let failure) = error else { Issue.record("\(error)"); return }
            #expect(failure.offset == 26 && failure.inBody == nil)
        }
        let encoded = Array("From: a@b.example\nContent-Transfer-Encoding: quoted-printable\n\n<adf>Mu=F1oz</adf>".utf8)
        do { _ = try AutoLeadDocument.parse(encoded); Issue.record("accepted") } catch {
            guard case .encoding(let failure) = error else { Issue.record("\(error)"); return }
            #expect(failure.offset == 7 && failure.inBody != nil)
        }
    }
}
