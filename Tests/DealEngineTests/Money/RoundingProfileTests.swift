// DealFinance — DealEngineTests: RoundingProfile (RoundingProfile.swift).

import Testing
import DealDecimal
import DealEngine

@Suite("RoundingProfile")
struct RoundingProfileTests {
    /// Documentation/Reference/Rounding.md: `standard` rounds everything half up (ties away from zero).
    @Test func standardIsHalfUpEverywhere() throws {
        let profile = try RoundingProfile(named: "standard")
        #expect(profile == .standard)
        #expect(profile.name == "standard")
        #expect(profile.payment == .toNearestOrAway)
        #expect(profile.interest == .toNearestOrAway)
        #expect(profile.tax == .toNearestOrAway)
        #expect(profile.percentAmount == .toNearestOrAway)
        #expect(RoundingProfile.all == [.standard])
    }

    @Test(arguments: ["Standard", "", "bankers", "standard ", "halfUp"])
    func unknownNamesAreInvalidArguments(name: String) {
        do {
            _ = try RoundingProfile(named: name)
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.path == "rounding")
            #expect(error.message.contains("(standard)"))
            #expect(error.message.contains("\"\(name)\""))
        }
    }
}
