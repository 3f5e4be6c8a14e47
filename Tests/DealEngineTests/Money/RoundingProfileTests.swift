// DealFinance — DealEngineTests: RoundingProfile (RoundingProfile.swift).

import Testing
import DealDecimal
@testable import DealEngine

@Suite("RoundingProfile")
struct RoundingProfileTests {
    /// `standard` rounds everything half up (ties away from zero), exact nominal rate, true-up.
    @Test func standardIsHalfUpEverywhere() throws {
        let profile = try RoundingProfile(named: "standard")
        #expect(profile == .standard)
        #expect(profile.name == "standard")
        #expect(profile.payment == .toNearestOrAway)
        #expect(profile.interest == .toNearestOrAway)
        #expect(profile.tax == .toNearestOrAway)
        #expect(profile.percentAmount == .toNearestOrAway)
        #expect(profile.paymentIncrementExponent == nil)
        #expect(profile.periodicRate == .exact)
        #expect(profile.rateBasis == .nominal)
        #expect(profile.totals == .finalPaymentTrueUp)
        #expect(profile.leaseBasePayment == .roundedOnce)
        #expect(profile.leasePaymentTax == .onRoundedBase)
        #expect(profile.moneyFactorDecimals == nil)
        #expect(RoundingProfile.all.first == .standard)
        #expect(RoundingProfile(name: "standard") == .standard)
    }

    @Test func namedProfilesAreDistinctAndFoundByName() throws {
        let names = RoundingProfile.all.map(\.name)
        #expect(Set(names).count == names.count)
        for profile in RoundingProfile.all {
            #expect(try RoundingProfile(named: profile.name) == profile)
            try profile.validate()
            // Every named profile other than standard changes one or two dimensions.
            let departures = profile.departures(from: .standard)
            #expect(profile.name == "standard" ? departures == 0 : (1...2).contains(departures), "\(profile.name)")
        }
    }

    @Test func departuresCountChangedDimensions() {
        var profile = RoundingProfile.standard
        #expect(profile.departures(from: .standard) == 0)
        profile.periodicRate = .rounded(decimals: 5)
        #expect(profile.departures(from: .standard) == 1)
        #expect(profile.departures(from: .periodicRateRounded5) == 0)
        profile.payment = .up
        profile.paymentIncrementExponent = 0
        #expect(profile.departures(from: .standard) == 3)
        #expect(RoundingProfile.wholeUnitPaymentUp.departures(from: .standard) == 2)
    }

    @Test func departuresInWords() {
        #expect(RoundingProfile.standard.describedDepartures().isEmpty)
        #expect(RoundingProfile.periodicRateRounded5.describedDepartures() == ["periodic rate rounded half up to 5 decimals before use"])
        #expect(RoundingProfile.effectiveAnnualRate.describedDepartures().count == 2)
        for profile in RoundingProfile.all {
            #expect(profile.describedDepartures().count == profile.departures(from: .standard), "\(profile.name)")
        }
    }

    @Test func fastLeasePathOnlyForTheDimensionsItComputes() {
        #expect(RoundingProfile.standard.keepsLeaseFastPath)
        #expect(RoundingProfile(name: "x", payment: .toNearestOrEven, tax: .towardZero).keepsLeaseFastPath)
        for profile in [RoundingProfile.leasePartsRounded, .leaseTaxOnUnroundedBase, .moneyFactorRounded6, .wholeUnitPaymentUp] {
            #expect(!profile.keepsLeaseFastPath, "\(profile.name)")
        }
    }

    @Test(arguments: [
        (RoundingProfile(name: "x", periodicRate: .rounded(decimals: 0)), "rounding.periodicRateDecimals"),
        (RoundingProfile(name: "x", periodicRate: .truncated(decimals: 21)), "rounding.periodicRateDecimals"),
        (RoundingProfile(name: "x", moneyFactorDecimals: 13), "rounding.moneyFactorDecimals"),
        (RoundingProfile(name: "x", paymentIncrementExponent: 13), "rounding.paymentIncrement"),
    ])
    func validateNamesTheBadDimension(profile: RoundingProfile, path: String) {
        #expect(throws: DealError.self) { try profile.validate() }
        do { try profile.validate() } catch { #expect(error.path == path) }
    }

    @Test(arguments: ["Standard", "", "bankers", "standard ", "halfUp"])
    func unknownNamesAreInvalidArguments(name: String) {
        do {
            _ = try RoundingProfile(named: name)
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.path == "rounding")
            #expect(error.message.contains("standard, periodicRateRounded5"))
            #expect(error.message.contains("\"\(name)\""))
        }
    }
}
