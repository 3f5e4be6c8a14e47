// DealFinance — DealLeadsTests: VIN check digit and model year (Documentation/Leads.md vectors).

import Testing
@testable import DealLeads

@Suite("VINCheck")
struct VINTests {
    @Test("Documentation/Leads.md vectors: sum, computed digit, status", arguments: [
        ("1G4AH59H45G118341", 411, "4", VINCheck.Status.valid),          // 49 CFR 565 Table V sample
        ("1J9RP1A36A1644345", 314, "6", .valid),                          // NHTSA manufacturer guide sample
        ("2G4WF52L6S1472882", 358, "6", .valid),
        ("5YJ3E1EAXHF000316", 307, "X", .valid),                          // remainder 10
        ("38Z63P7W0GCRB5050", 473, "0", .valid),                          // remainder 0
        ("JHMCM56557C404453", 368, "5", .valid),
        ("2G1WB5E37E1110567", 282, "7", .valid),
        ("11111111111111111", 89, "1", .valid),                           // degenerate but check-digit valid
        ("1VTAZ3NR1UZA70835", 419, "1", .valid),
        ("KNEJC524585810962", 389, "4", .checkDigitMismatch),
        ("WBA71DC010CH14720", 265, "1", .valid),
        ("WVGZZZ5NZJM131395", 413, "6", .checkDigitMismatch),
        ("YV1MC5851CJ126651", 343, "2", .checkDigitMismatch),
    ])
    func vectors(vin: String, sum: Int, digit: String, status: VINCheck.Status) {
        let check = VINCheck(vin)
        #expect(check.weightedSum == sum)
        #expect(check.computedCheckDigit.map(String.init) == digit)
        #expect(check.status == status)
    }

    @Test("Structure errors")
    func structure() {
        #expect(VINCheck("1G4AH59H45G11834").status == .invalidLength)
        #expect(VINCheck("1G4AH59H45G1I8341").status == .invalidCharacters)
        #expect(VINCheck("1G4AH59H45G1O8341").status == .invalidCharacters)
        #expect(VINCheck("1G4AH59H45G1Q8341").status == .invalidCharacters)
        #expect(VINCheck("").status == .invalidLength)
    }

    @Test("Normalization keeps the raw text; lower case, spaces and dashes are accepted")
    func normalization() {
        let check = VINCheck("1g4ah59h4-5g1 18341")
        #expect(check.raw == "1g4ah59h4-5g1 18341")
        #expect(check.normalized == "1G4AH59H45G118341")
        #expect(check.status == .valid)
    }

    @Test("North-American flag: mismatch is an error only there")
    func northAmerica() {
        #expect(!VINCheck("WVGZZZ5NZJM131395").isNorthAmerican)
        #expect(VINCheck("WVGZZZ5NZJM131395").isAcceptable)
        #expect(VINCheck("KNEJC524585810962").isAcceptable)   // K = Korea: a warning under the policy
        #expect(!VINCheck("1G4AH59H55G118341").isAcceptable)  // North American mismatch
        #expect(!VINCheck("KNEJC524585810962").isNorthAmerican)
        #expect(VINCheck("1G4AH59H45G118341").isNorthAmerican)
        #expect(VINCheck("1J9RP1A36A1644345").isSmallManufacturer)
    }

    @Test("Model year from position 10 with the position-7 rule", arguments: [
        ("1G4AH59H45G118341", 2005), ("5YJ3E1EAXHF000316", 2017), ("JHMCM56557C404453", 2007),
        ("2G1WB5E37E1110567", 2014), ("2G4WF52L6S1472882", 1995),
    ])
    func modelYear(vin: String, year: Int) {
        #expect(VINCheck(vin).modelYear == year)
    }

    @Test("Position 10 that is not a model-year code")
    func noModelYear() {
        #expect(VINCheck("1VTAZ3NR1UZA70835").modelYear == nil)   // U
        #expect(VINCheck("WBA71DC010CH14720").modelYear == nil)   // 0
        #expect(VINCheck.modelYears(code: "A") == [1980, 2010])
        #expect(VINCheck.modelYears(code: "Y") == [2000, 2030])
        #expect(VINCheck.modelYears(code: "9") == [2009, 2039])
        for code in "IOQUZ0" { #expect(VINCheck.modelYears(code: code).isEmpty) }
    }

    @Test("Known implementation bugs: mod 11 (not 10), remainder 10 → X, P = 7 and R = 9")
    func knownBugs() {
        #expect(VINCheck.transliteration("P") == 7)
        #expect(VINCheck.transliteration("R") == 9)
        #expect(VINCheck("5YJ3E1EA0HF000316").status == .checkDigitMismatch)   // 307 mod 10 would say 7, not 0
    }

    @Test("Every single-character substitution in a valid VIN changes the status or keeps the digit consistent")
    func substitutions() {
        let base = Array("1G4AH59H45G118341")
        let alphabet = Array("0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
        for position in base.indices where position != 8 {
            for character in alphabet where character != base[position] {
                var vin = base
                vin[position] = character
                let check = VINCheck(String(vin))
                let changed = VINCheck.transliteration(character)! != VINCheck.transliteration(base[position])!
                // Weight × value difference is nonzero mod 11 when the values differ (weights 2…10, values < 11).
                #expect((check.status == .valid) == !changed)
            }
        }
    }
}
