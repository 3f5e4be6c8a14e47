// DealFinance — DealLeadsTests: scoring rules, bands and decay.

import Testing
import DealDecimal
import DealEngine
@testable import DealLeads

@Suite("Scoring")
struct ScoringTests {
    @Test("leads.md §d.4 band boundaries", arguments: [
        (100, LeadPriority.hot), (60, .hot), (59, .medium), (30, .medium), (29, .cold), (0, .cold), (-5, .cold), (130, .hot),
    ])
    func bands(score: Int, priority: LeadPriority) {
        #expect(ScoringRules().priority(for: score) == priority)
    }

    @Test("A bare lead scores only its source")
    func bare() throws {
        let result = try LeadScorer().score(Lead(id: "L", createdAt: t0, source: .referral), asOf: nil)
        #expect(result.score == 15)
        #expect(result.priority == .cold)
        #expect(result.contributions.map(\.rule) == [.budget, .downPayment, .timeframe, .engagement, .appointment, .testDrive, .source, .responsiveness, .tradeIn, .credit])
        #expect(result.contributions.first { $0.rule == .source }?.reason == "source referral")
    }

    @Test("Every default rule, summed and explained")
    func full() throws {
        var lead = Lead(id: "L", createdAt: t0, source: .dealerWebsite)
        lead.budget = BudgetRange(maximum: ExactDecimal(30000))
        lead.downPayment = ExactDecimal(2000)
        lead.timeframe = PurchaseTimeframe(horizon: .withinMonth)
        lead.tradeIns = [TradeInVehicle(make: "Buick")]
        lead.creditTier = .good
        lead.record(Activity(id: "1", at: t0, actor: .customer, kind: .chat(.inbound, text: "hi")))
        lead.record(Activity(id: "2", at: t0.adding(seconds: 60), actor: .dealer, kind: .chat(.outbound, text: "hello")))
        lead.record(Activity(id: "3", at: t0.adding(seconds: 120), actor: .customer, kind: .chat(.inbound, text: "price?")))
        lead.record(Activity(id: "4", at: t0.adding(seconds: 180), actor: .dealer, kind: .appointment(scheduledFor: t0.adding(seconds: 86_400), note: nil)))
        let result = try LeadScorer().score(lead, asOf: t0.adding(seconds: 200))
        // 10 budget + 5 down + 15 timeframe + 8 engagement + 10 appointment + 8 source + 10 responsive + 5 trade + 7 credit
        #expect(result.total == 78)
        #expect(result.score == 78)
        #expect(result.priority == .hot)
        #expect(result.contributions.first { $0.rule == .engagement }?.points == 8)
        // An asOf before the later activities ignores them.
        let early = try LeadScorer().score(lead, asOf: t0.adding(seconds: 30))
        #expect(early.total == 78 - 4 - 10 - 10)
    }

    @Test("Engagement is capped; total clamps to 100")
    func caps() throws {
        var rules = ScoringRules()
        rules.sourcePoints["walkIn"] = 95
        var lead = Lead(id: "L", createdAt: t0, source: .walkIn)
        for i in 0..<10 { lead.record(Activity(id: "\(i)", at: t0, actor: .customer, kind: .email(.inbound, subject: nil))) }
        let result = try LeadScorer(rules: rules).score(lead, asOf: nil)
        #expect(result.contributions.first { $0.rule == .engagement }?.points == 16)
        #expect(result.total == 111)
        #expect(result.score == 100)
    }

    @Test("Timeframe from dates needs asOf; days measured from asOf's date", arguments: [
        ("2024-05-20", 20), ("2024-06-10", 15), ("2024-08-01", 8), ("2024-12-31", 0), ("2024-05-01", 20),
    ])
    func timeframeDates(latest: String, points: Int) throws {
        var lead = Lead(id: "L", createdAt: t0, source: .importFile)
        lead.timeframe = PurchaseTimeframe(latest: try CivilDate(parsing: latest))
        #expect(throws: LeadError.self) { try LeadScorer().score(lead, asOf: nil) }
        #expect(try LeadScorer().score(lead, asOf: t0).score == points)
    }

    @Test("Decay: whole idle periods after grace, capped; needs asOf")
    func decay() throws {
        var rules = ScoringRules()
        rules.decay = ScoreDecay(periodSeconds: 7 * 86_400, pointsPerPeriod: 5, graceSeconds: 86_400, maximumPoints: 10)
        let lead = Lead(id: "L", createdAt: t0, source: .referral)   // 15 points
        let scorer = LeadScorer(rules: rules)
        #expect(throws: LeadError.self) { try scorer.score(lead, asOf: nil) }
        #expect(try scorer.score(lead, asOf: t0.adding(seconds: 8 * 86_400 - 1)).score == 15)
        #expect(try scorer.score(lead, asOf: t0.adding(seconds: 8 * 86_400)).score == 10)
        #expect(try scorer.score(lead, asOf: t0.adding(seconds: 100 * 86_400)).score == 5)
        // Huge configured numbers saturate at the maximum instead of overflowing.
        var huge = ScoringRules()
        huge.decay = ScoreDecay(periodSeconds: 1, pointsPerPeriod: 999_999_999_999, maximumPoints: 999_999_999_999)
        let far = try LeadScorer(rules: huge).score(lead, asOf: .latest)
        #expect(far.score == 0)
        #expect(far.contributions.last?.points == -999_999_999_999)
    }

    @Test("Invalid rules are refused")
    func invalid() {
        var rules = ScoringRules()
        rules.hotThreshold = 20
        #expect(throws: LeadError.self) { try LeadScorer(rules: rules).score(Lead(id: "L", createdAt: t0, source: .chat), asOf: nil) }
    }
}
