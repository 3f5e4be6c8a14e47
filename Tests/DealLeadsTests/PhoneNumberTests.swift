// DealFinance — DealLeadsTests: E.164 normalization (Documentation/Leads.md vectors).

import Testing
@testable import DealLeads

@Suite("PhoneNumber")
struct PhoneNumberTests {
    @Test("Documentation/Leads.md: normalized", arguments: [
        ("(312) 555-0147", "+13125550147", nil as String?),
        ("1-312-555-0147", "+13125550147", nil),
        ("+1 (312) 555-0147 x22", "+13125550147", "22"),
        ("+44 20 7183 8750", "+442071838750", nil),
        ("011 44 20 7183 8750", "+442071838750", nil),
        ("+14155552671", "+14155552671", nil),
        ("234-235-5678", "+12342355678", nil),
        ("312.555.0147 ext. 7", "+13125550147", "7"),
        ("312-555-0147 #9", "+13125550147", "9"),
        ("00 33 1 42 68 53 00", "+33142685300", nil),
    ])
    func normalized(input: String, e164: String, ext: String?) throws {
        let number = try PhoneNumber(parsing: input)
        #expect(number.e164 == e164)
        #expect(number.extension == ext)
        #expect(number.raw == input)
    }

    @Test("Documentation/Leads.md: errors", arguments: [
        ("123-234-5678", PhoneNumberError.npaFirstDigit),
        ("234-911-5678", .nxxServiceCode),
        ("291-234-5678", .npaSecondDigit),
        ("555-0147", .missingAreaCode),
        ("+1234567890123456", .tooLong),
        ("211-555-0147", .npaServiceCode),
        ("312-055-0147", .nxxFirstDigit),
        ("1-800-FLOWERS", .invalidCharacters),
        ("", .empty),
        ("+0 123 4567", .leadingZero),
        ("123456789", .invalidLength),
    ])
    func errors(input: String, error: PhoneNumberError) {
        #expect(throws: error) { try PhoneNumber(parsing: input) }
    }

    @Test("Country codes and region verification")
    func countryCodes() throws {
        let uk = try PhoneNumber(parsing: "+44 20 7183 8750")
        #expect(uk.countryCode == "44")
        #expect(uk.nationalNumber == "2071838750")
        #expect(!uk.isRegionVerified)
        #expect(try PhoneNumber(parsing: "(312) 555-0147").isRegionVerified)
        #expect(PhoneNumber.countryCode(of: "35312345678") == "353")
        #expect(PhoneNumber.countryCode(of: "74951234567") == "7")
        #expect(throws: PhoneNumberError.missingCountryCode) { try PhoneNumber(parsing: "312 555 0147", defaultRegion: .none) }
        #expect(try PhoneNumber(parsing: "+1 312 555 0147", defaultRegion: .none).e164 == "+13125550147")
    }

    @Test("Every output is + and 7…15 digits; normalization is idempotent (seeded)")
    func idempotent() throws {
        var x: UInt64 = 7
        for _ in 0..<300 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let npa = 200 + Int(x >> 33) % 800, nxx = 200 + Int(x >> 43) % 800, line = Int(x >> 20) % 10000
            let text = "(\(npa)) \(nxx)-\(String(line + 10000).dropFirst())"
            guard let number = try? PhoneNumber(parsing: text) else { continue }
            #expect(number.e164.count == 12)
            #expect(try PhoneNumber(parsing: number.e164).e164 == number.e164)
        }
    }
}
