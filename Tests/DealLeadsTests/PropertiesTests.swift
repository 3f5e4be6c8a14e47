// DealFinance — DealLeadsTests: properties over ≥ 200 seeded leads.

import Testing
import _DealTestSupport
@testable import DealLeads

@Suite("Properties over seeded leads")
struct PropertiesTests {
    static let leads = LeadFixtures.leads(count: 240, seed: 0x1EAD)

    @Test("Fixtures are valid and varied")
    func fixtures() throws {
        #expect(Self.leads.count == 240)
        for lead in Self.leads { try lead.validate() }
        #expect(Set(Self.leads.map(\.stage)).count >= 5)
        #expect(Self.leads.reduce(0) { $0 + $1.activities.count } > 800)
    }

    @Test("Merging each customer group keeps every activity")
    func mergeKeepsActivities() throws {
        let groups = Duplicates.groupsByCustomer(Self.leads)
        #expect(groups.count < Self.leads.count, "the pools produce duplicates")
        let byID = Dictionary(uniqueKeysWithValues: Self.leads.map { ($0.id, $0) })
        for group in groups {
            let members = group.leadIDs.map { byID[$0]! }
            let merged = try Duplicates.merge(members)
            let expected = members.flatMap(\.activities.entries)
            #expect(merged.lead.activities.count == expected.count)
            for activity in expected { #expect(merged.lead.activities.entries.contains(activity)) }
            #expect(merged.lead.activities.entries == merged.lead.activities.timeline)
            #expect(Set([merged.lead.id] + merged.absorbedIDs) == Set(group.leadIDs))
            try merged.lead.validate()
        }
    }

    @Test("Grouping by customer is a partition and matches pairwise email/phone keys")
    func grouping() {
        let groups = Duplicates.groupsByCustomer(Self.leads)
        #expect(groups.flatMap(\.leadIDs).sorted() == Self.leads.map(\.id).sorted())
        for group in groups where group.leadIDs.count > 1 {
            let members = Self.leads.filter { group.leadIDs.contains($0.id) }
            for pair in zip(members, members.dropFirst()) {
                #expect(Duplicates.isDuplicate(Duplicates.reasons(pair.0, pair.1)))
            }
        }
    }

    @Test("Every pipeline change in the log is a legal move and the log replays to the stage")
    func transitionsNeverSkipValidation() {
        let pipeline = SalesPipeline.standard
        for lead in Self.leads {
            var stage = "New"
            for activity in lead.activities.timeline {
                guard case .statusChange(let change) = activity.kind, change.workflow == .pipeline else { continue }
                #expect(change.from == stage)
                #expect(pipeline.canMove(from: stage, to: change.to))
                if pipeline.stage(named: change.to)!.isLost { #expect(change.reason != nil) }
                stage = change.to
            }
            #expect(stage == lead.stage)
        }
    }

    @Test("Random transitions: accepted exactly when canMove (and a reason for lost); refused ones change nothing")
    func randomTransitions() {
        var g = SeededGenerator(seed: 99)
        let pipeline = SalesPipeline.standard
        for lead in Self.leads.prefix(200) {
            let target = g.element(of: pipeline.stages)
            let reason: LostReason? = g.chance(1, in: 2) ? .price : nil
            let allowed = pipeline.canMove(from: lead.stage, to: target.name) && (!target.isLost || reason != nil)
            do {
                let next = try pipeline.transition(lead, to: target.name, actor: .dealer, at: t0, reason: reason)
                #expect(allowed)
                #expect(next.activities.count == lead.activities.count + 1)
            } catch {
                #expect(!allowed)
            }
        }
    }

    @Test("Round robin over the fixtures is fair among always-eligible members")
    func roundRobinFair() {
        let router = LeadRouter(team: (0..<7).map { Salesperson(id: "S\($0)") }, timeZone: .utc)
        var state = RoundRobinState()
        var counts: [String: Int] = [:]
        for lead in Self.leads {
            let decision = router.assign(lead, asOf: t0, state: state)
            state = decision.state
            counts[decision.assigneeID!, default: 0] += 1
        }
        #expect(counts.values.max()! - counts.values.min()! <= 1)
    }

    @Test("Scores are in 0…100, bands agree with thresholds, contributions sum to the total")
    func scores() throws {
        let asOf = t0.adding(seconds: 90 * 86_400)
        var rules = ScoringRules()
        rules.decay = ScoreDecay()
        for lead in Self.leads {
            let result = try LeadScorer(rules: rules).score(lead, asOf: asOf)
            #expect((0...100).contains(result.score))
            #expect(result.contributions.reduce(0) { $0 + $1.points } == result.total)
            #expect(result.priority == rules.priority(for: result.score))
            _ = try LeadIndicators(lead, asOf: asOf)
        }
    }
}
