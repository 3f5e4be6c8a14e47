// DealFinance — DealJSON tests: UTF-8 validation against the standard library's validator.
@testable import DealJSON
import Testing

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    /// The standard library's strict validator (SE-0405) as the oracle: one scalar or nil.
    static func oracle(_ bytes: [UInt8]) -> Unicode.Scalar? {
        guard let text = String(validating: bytes, as: UTF8.self), text.unicodeScalars.count == 1 else { return nil }
        return text.unicodeScalars.first
    }

    @Test("every one- and two-byte sequence agrees with the standard library")
    func oneAndTwoBytes() {
        for first in UInt8.min...UInt8.max {
            if first < 0x80 {
                #expect(scanUTF8([first], at: 0) == .scalar(Unicode.Scalar(first), length: 1))
                continue
            }
            for second in UInt8.min...UInt8.max {
                let bytes = [first, second]
                let scan = scanUTF8(bytes, at: 0)
                if let scalar = Self.oracle(bytes) {
                    #expect(scan == .scalar(scalar, length: 2))
                } else if case .scalar = scan {
                    Issue.record("accepted \(bytes)")
                }
            }
        }
    }

    @Test("every three-byte sequence with a three-byte lead agrees with the standard library")
    func threeBytes() {
        var accepted = 0
        for first in UInt8(0xE0)...0xEF {
            for second in UInt8.min...UInt8.max {
                for third in UInt8.min...UInt8.max {
                    let bytes = [first, second, third]
                    let scan = scanUTF8(bytes, at: 0)
                    if let scalar = Self.oracle(bytes) {
                        if scan == .scalar(scalar, length: 3) { accepted += 1 } else { Issue.record("rejected \(bytes)") }
                    } else if case .scalar = scan {
                        Issue.record("accepted \(bytes)")
                    }
                }
            }
        }
        #expect(accepted == 0x10000 - 0x800 - 0x800)   // U+0800…U+FFFF minus the surrogates
    }

    @Test("random four-byte sequences agree with the standard library")
    func fourBytes() {
        var random = SplitMix64(seed: 4)
        var accepted = 0
        for _ in 0..<200_000 {
            let word = random.next()
            // Bias toward plausible sequences: a lead in F0…F7, continuations often in 80…BF.
            let bytes: [UInt8] = [
                0xF0 | UInt8(word & 0x07),
                (word >> 8) & 1 == 0 ? 0x80 | UInt8((word >> 16) & 0x3F) : UInt8((word >> 16) & 0xFF),
                (word >> 9) & 1 == 0 ? 0x80 | UInt8((word >> 24) & 0x3F) : UInt8((word >> 24) & 0xFF),
                (word >> 10) & 1 == 0 ? 0x80 | UInt8((word >> 32) & 0x3F) : UInt8((word >> 32) & 0xFF),
            ]
            let scan = scanUTF8(bytes, at: 0)
            if let scalar = Self.oracle(bytes) {
                #expect(scan == .scalar(scalar, length: 4))
                accepted += 1
            } else if case .scalar = scan {
                Issue.record("accepted \(bytes)")
            }
        }
        #expect(accepted > 10_000)
    }

    @Test("reports the offending byte or truncation", arguments: [
        ([0xC0, 0xAF], UTF8Scan.invalid(offset: 0)),          // overlong lead
        ([0xE0, 0x9F, 0xBF], .invalid(offset: 1)),           // overlong three-byte
        ([0xED, 0xA0, 0x80], .invalid(offset: 1)),           // encoded surrogate
        ([0xF4, 0x90, 0x80, 0x80], .invalid(offset: 1)),     // above U+10FFFF
        ([0xF0, 0x8F, 0xBF, 0xBF], .invalid(offset: 1)),     // overlong four-byte
        ([0xE4, 0xB8, 0x41], .invalid(offset: 2)),           // bad third byte
        ([0x80], .invalid(offset: 0)),                       // lone continuation
        ([0xFF], .invalid(offset: 0)),
        ([0xE4, 0xB8], .truncated),
        ([0xF0, 0x9F, 0x98], .truncated),
        ([0xF4, 0x8F, 0xBF, 0xBF], .scalar("\u{10FFFF}", length: 4)),
    ] as [([UInt8], UTF8Scan)])
    func specificSequences(_ bytes: [UInt8], _ expected: UTF8Scan) {
        #expect(scanUTF8(bytes, at: 0) == expected)
    }
}
