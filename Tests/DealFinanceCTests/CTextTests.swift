// DealFinance — DealFinanceCTests: CText.swift (reading C text), the short-decimal fast path
// against the full parser.

import Testing
import DealFinance
import DealJSON
@testable import DealFinanceC

/// `CText.decimal` on the bytes of `text`, or the status it fails with.
private func viaC(_ text: [UInt8]) -> Result<ExactDecimal, ExportFailure> {
    text.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { buffer -> Result<ExactDecimal, ExportFailure> in
        // A non-NULL pointer even for empty text.
        let pointer = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        do throws(ExportFailure) { return .success(try CText.decimal(pointer, UInt(text.count), name: "text")) } catch { return .failure(error) }
    }
}

/// What the full parser makes of the same bytes.
private func viaParser(_ text: [UInt8]) -> ExactDecimal? {
    guard let string = String(validating: text, as: UTF8.self) else { return nil }
    return try? ExactDecimal(parsing: string)
}

@Suite("CText")
struct CTextTests {
    @Test("The short-decimal path gives the parser's coefficient and scale, and leaves everything else to it")
    func plainDecimals() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("0123456789.-+e x".utf8)
        var texts: [[UInt8]] = ["0", "00", "6.9", "17.250", "0.0", ".5", "5.", "1..2", "-6.9", "+1", "1e3", "", ".",
                                "123456789012345678", "1234567890123456789", "12345678901234567.8", "999999999999999999",
                                "0000000000000000000", "1.23456789012345678", " 1", "1 "].map { Array($0.utf8) }
        for _ in 0..<20_000 {
            let length = next(23)
            // Mostly digits with a point, sometimes any byte of the alphabet or a non-ASCII one.
            var text: [UInt8] = (0..<length).map { _ in next(4) == 0 ? alphabet[next(alphabet.count)] : UInt8(0x30 + next(10)) }
            if length > 2, next(2) == 0 { text[next(length)] = 0x2E }
            if length > 0, next(50) == 0 { text[next(length)] = 0xC3 }
            texts.append(text)
        }
        var fast = 0
        for text in texts {
            let c = viaC(text), parsed = viaParser(text)
            let plain = text.withUnsafeBytes { CText.plainDecimal($0) }
            if let plain {
                fast += 1
                #expect(plain.coefficient == parsed?.coefficient && plain.scale == parsed?.scale, "\(text)")
            }
            switch c {
            case .success(let value):
                #expect(value.coefficient == parsed?.coefficient && value.scale == parsed?.scale, "\(text)")
            case .failure:
                #expect(parsed == nil, "\(text)")
            }
        }
        #expect(fast > 1_000)
    }
}
