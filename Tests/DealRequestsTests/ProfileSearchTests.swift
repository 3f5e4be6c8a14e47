// DealFinance — DealRequestsTests: the bounded profile search (ProfileSearch.swift).

import Testing
import DealEngine
@testable import DealRequests

@Suite("ProfileSearch")
struct ProfileSearchTests {
    /// Loan dimensions: payment 3 alternatives, increment 1, periodic rate 10, basis 1, totals 2,
    /// interest 2, tax 2; at most 3 at once: 1 + 21 + 159 + 603 = 784. Lease: payment 3,
    /// increment 1, base payment 1, payment tax 1, money factor 3, tax 2: 1 + 11 + 48 + 106 = 166.
    @Test func searchSizes() {
        #expect(ProfileSearch(around: .standard, lease: false).candidateCount == 784)
        #expect(ProfileSearch(around: .standard, lease: true).candidateCount == 166)
        var evaluated = 0
        _ = ProfileSearch(around: .standard, lease: false).run { _ in evaluated += 1; return false }
        #expect(evaluated == 784)
    }

    /// A loan with a balloon also searches its timing: 1 + 22 + 180 + 762.
    @Test func balloonTimingIsSearchedForBalloonLoans() {
        #expect(ProfileSearch(around: .standard, lease: false, balloon: true).candidateCount == 965)
    }

    /// A dated loan also searches the odd-period counting: alternatives [3,1,10,1,2,1,2,2] →
    /// 1 + 22 + 180 + 762 = 965; with a balloon too [3,1,10,1,2,1,1,2,2] → 1 + 23 + 202 + 942.
    @Test func oddDaysCountingIsSearchedForDatedLoans() {
        #expect(ProfileSearch(around: .standard, lease: false, datedLoan: true).candidateCount == 965)
        #expect(ProfileSearch(around: .standard, lease: false, balloon: true, datedLoan: true).candidateCount == 1168)
    }

    /// A lease with several tax components also searches taxLines: [3,1,1,1,3,2,1] →
    /// 1 + 12 + 59 + 154 = 226.
    @Test func taxLinesAreSearchedForSeveralComponents() {
        #expect(ProfileSearch(around: .standard, lease: true, taxComponents: true).candidateCount == 226)
    }

    @Test func everyCandidateIsDistinctAndWithinTheDepartureLimit() {
        var seen: Set<RoundingProfile> = []
        _ = ProfileSearch(around: .standard, lease: false).run { profile in
            #expect(profile.departures(from: .standard) <= ProfileSearch.maximumDepartures)
            #expect(seen.insert(profile).inserted)
            return false
        }
        #expect(seen.count == 784)
    }

    /// Fewest departures first; a superset of a found profile is skipped, another alternative
    /// of the same dimension is not.
    @Test func minimalExplanationsInOrder() {
        let search = ProfileSearch(around: .standard, lease: false)
        let (found, evaluated) = search.run { profile in
            profile.totals == .paymentTimesCount || (profile.payment == .up && profile.interest == .towardZero)
        }
        #expect(found.map(\.departures) == [1, 2])
        #expect(found[0].profile.departures(from: .paymentTimesCount) == 0)
        #expect(found[1].profile.payment == .up && found[1].profile.interest == .towardZero)
        #expect(evaluated < 784)
        // Determinism: the same search gives the same answer.
        let again = search.run { profile in
            profile.totals == .paymentTimesCount || (profile.payment == .up && profile.interest == .towardZero)
        }
        #expect(again.found.map(\.profile) == found.map(\.profile))
    }

    @Test func aChangedBaseIsSearchedAroundItself() {
        let search = ProfileSearch(around: .periodicRateRounded5, lease: false)
        var sawExact = false
        _ = search.run { profile in
            if profile.periodicRate == .exact { sawExact = true }
            #expect(profile.periodicRate != .rounded(decimals: 5) || profile.departures(from: .periodicRateRounded5) <= 3)
            return false
        }
        #expect(sawExact)
    }
}
