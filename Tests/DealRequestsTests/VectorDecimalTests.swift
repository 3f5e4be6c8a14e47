// DealFinance — DealRequestsTests: VectorDecimal (decimal strings of any length, exactly).

import Testing
import DealDecimal
@testable import DealRequests

@Suite("VectorDecimal")
struct VectorDecimalTests {
    @Test("The decimal grammar only", arguments: ["", "-", ".5", "5.", "1e3", "+1", " 1", "1,5", "1.2.3", "--1", "0x10"])
    func rejects(text: String) {
        #expect(VectorDecimal(text) == nil)
    }

    @Test("Digits of any length are kept exactly; equal values compare equal at any scale")
    func exact() throws {
        let long = try #require(VectorDecimal("-123456789012345678901234567890123456789012345678901234567890.000"))
        #expect(long.scale == 3)
        #expect(long == VectorDecimal("-123456789012345678901234567890123456789012345678901234567890"))
        #expect(long != VectorDecimal("-123456789012345678901234567890123456789012345678901234567891"))
        #expect(VectorDecimal("1.50") == VectorDecimal("1.5"))
        #expect(VectorDecimal("0") == VectorDecimal("-0.00"))
    }

    @Test("Rounding half away from zero at any length", arguments: [
        ("0.00000000000000000000000000000000000000000000000005", 49, "0.0000000000000000000000000000000000000000000000001"),
        ("-0.00000000000000000000000000000000000000000000000005", 49, "-0.0000000000000000000000000000000000000000000000001"),
        ("0.00000000000000000000000000000000000000000000000004", 49, "0"),
        ("99999999999999999999999999999999999999999.5", 0, "100000000000000000000000000000000000000000"),
        ("2.5", 3, "2.500"),
    ])
    func rounding(text: String, scale: Int, expected: String) throws {
        let value = try #require(VectorDecimal(text))
        #expect(try value.rounded(toScale: scale) == VectorDecimal(expected))
    }

    @Test("isWithin: |a − b| ≤ bound exactly")
    func within() throws {
        let a = try #require(VectorDecimal("1.00000000000000000000000000000000000000000000000002"))
        let b = try #require(VectorDecimal("1"))
        #expect(a.isWithin(try #require(VectorDecimal("0.00000000000000000000000000000000000000000000000002")), of: b))
        #expect(!a.isWithin(try #require(VectorDecimal("0.00000000000000000000000000000000000000000000000001")), of: b))
        #expect(b.isWithin(try #require(VectorDecimal("0.00000000000000000000000000000000000000000000000002")), of: a))
    }
}
