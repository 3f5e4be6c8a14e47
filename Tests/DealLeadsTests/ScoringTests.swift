// DealFinance — DealLeadsTests: scoring rules, bands and decay.

import Testing
import DealDecimal
import DealEngine
import _DealTestSupport
@testable import DealLeads

/// The scorer as it was before the one-pass loop, the reasons cache and the batch: the
/// reference every fast form must equal (score, total, band and every contribution).
func referenceScore(_ rules: ScoringRules, _ lead: Lead, asOf: Instant?) throws(LeadError) -> LeadScore {
    try rules.validate()
    var parts: [ScoreContribution] = []
    func add(_ rule: ScoringRule, _ points: Int, _ reason: String) { parts.append(ScoreContribution(rule: rule, points: points, reason: reason)) }
    let timeline = lead.activities.entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    let activities = timeline.filter { activity in asOf.map { activity.at <= $0 } ?? true }
    if lead.budget != nil || lead.desiredMonthlyPayment != nil {
        add(.budget, rules.budgetGiven, lead.budget != nil ? "budget range given" : "desired monthly payment given")
    } else { add(.budget, 0, "no budget") }
    add(.downPayment, lead.downPayment != nil ? rules.downPaymentGiven : 0, lead.downPayment != nil ? "down payment given" : "no down payment")
    switch try LeadScorer(rules: rules).timeframeHorizon(lead.timeframe, asOf: asOf) {
    case .withinWeek: add(.timeframe, rules.timeframeWithinWeek, "buying within 7 days")
    case .withinMonth: add(.timeframe, rules.timeframeWithinMonth, "buying within 30 days")
    case .withinQuarter: add(.timeframe, rules.timeframeWithinQuarter, "buying within 90 days")
    case .later: add(.timeframe, rules.timeframeLater, "buying later than 90 days")
    case .unknown, nil: add(.timeframe, 0, "no timeframe")
    }
    let interactions = activities.filter { $0.actor == .customer && $0.kind.direction == .inbound }.count
    add(.engagement, min(rules.engagementMaximum, interactions * rules.engagementPerInteraction),
        "\(interactions) customer interaction\(interactions == 1 ? "" : "s") × \(rules.engagementPerInteraction), at most \(rules.engagementMaximum)")
    let appointment = activities.contains { if case .appointment = $0.kind { true } else { false } }
    add(.appointment, appointment ? rules.appointmentSet : 0, appointment ? "appointment set" : "no appointment")
    let testDrive = activities.contains { if case .testDrive = $0.kind { true } else { false } }
    add(.testDrive, testDrive ? rules.testDriveTaken : 0, testDrive ? "test drive taken" : "no test drive")
    switch lead.source {
    case .custom(let name): add(.source, rules.customSourcePoints, "custom source \(name)")
    default: add(.source, rules.sourcePoints[lead.source.text] ?? 0, "source \(lead.source.text)")
    }
    var answered = false
    var lastTouch: Instant?
    for activity in activities {
        if activity.actor == .dealer && activity.kind.isOutboundTouch { lastTouch = activity.at }
        else if activity.actor == .customer, activity.kind.direction == .inbound, let touch = lastTouch,
                touch.seconds(until: activity.at) <= rules.responsivenessWindowSeconds {
            answered = true
        }
    }
    add(.responsiveness, answered ? rules.responsive : 0,
        answered ? "customer answered a dealer touch within \(rules.responsivenessWindowSeconds) s" : "no answer to a dealer touch within \(rules.responsivenessWindowSeconds) s")
    add(.tradeIn, lead.tradeIns.isEmpty ? 0 : rules.tradeInGiven, lead.tradeIns.isEmpty ? "no trade-in" : "trade-in given")
    if let tier = lead.creditTier { add(.credit, rules.creditPoints[tier] ?? 0, "credit \(tier.rawValue)") }
    else { add(.credit, 0, "credit not given") }
    if let decay = rules.decay {
        guard let asOf else { throw .invalidConfiguration("expected asOf: score decay is measured from it") }
        let last = max(lead.lastActivityAt ?? lead.createdAt, activities.last?.at ?? lead.createdAt, lead.createdAt)
        let idle = max(0, last.seconds(until: asOf) - decay.graceSeconds)
        let periods = idle / decay.periodSeconds
        let product = periods.multipliedReportingOverflow(by: decay.pointsPerPeriod)
        let lost = product.overflow ? decay.maximumPoints : min(decay.maximumPoints, product.partialValue)
        add(.decay, -lost, "\(periods) inactive period\(periods == 1 ? "" : "s") of \(decay.periodSeconds) s × \(decay.pointsPerPeriod)")
    }
    let total = parts.reduce(0) { $0 + $1.points }
    let score = min(100, max(0, total))
    return LeadScore(score: score, total: total, priority: rules.priority(for: score), contributions: parts)
}

/// Seeded leads with the cases the fast forms must get right: activities appended out of time
/// order and with equal times, activities after `asOf`, custom sources, timeframe dates, and
/// budgets given only as a desired monthly payment.
func scoringLeads(count: Int, seed: UInt64) -> [Lead] {
    var g = SeededGenerator(seed: seed)
    return LeadFixtures.leads(count: count, seed: seed).map { lead in
        var lead = lead
        if g.chance(1, in: 3) {
            for n in 0..<g.int(in: 1...6) {
                let actor = g.element(of: ActivityActor.allCases)
                let kind: ActivityKind = switch g.int(in: 0...4) {
                case 0: .chat(g.element(of: ActivityDirection.allCases), text: nil)
                case 1: .call(g.element(of: ActivityDirection.allCases), durationSeconds: 60, outcome: .connected)
                case 2: .appointment(scheduledFor: t0.adding(seconds: g.int(in: 0...(90 * 86_400))), note: nil)
                case 3: .testDrive(vin: nil)
                default: .email(g.element(of: ActivityDirection.allCases), subject: nil)
                }
                // Out of order, sometimes at the same instant as an earlier entry.
                let at = g.chance(1, in: 4) ? (lead.activities.entries.first?.at ?? lead.createdAt) : lead.createdAt.adding(seconds: g.int(in: -3_600...(40 * 86_400)))
                lead.activities.append(Activity(id: "x\(n)", at: at, actor: actor, kind: kind))
            }
        }
        if g.chance(1, in: 5) { lead.source = .custom(g.element(of: ["Facebook", "CarGurus", "Event"])) }
        if g.chance(1, in: 6) { lead.timeframe = PurchaseTimeframe(earliest: t0.utcDate, latest: try? CivilDate(year: 2024, month: g.int(in: 5...9), day: 10)) }
        if g.chance(1, in: 6) { lead.budget = nil; lead.desiredMonthlyPayment = ExactDecimal(450) }
        return lead
    }
}

@Suite("Scoring")
struct ScoringTests {
    @Test("Documentation/Leads.md band boundaries", arguments: [
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

    @Test("One-pass scoring and the batch equal the reference scorer on seeded leads and rules")
    func matchesReference() throws {
        let leads = scoringLeads(count: 600, seed: 8_0011)
        var custom = ScoringRules()
        custom.engagementPerInteraction = 3
        custom.engagementMaximum = 200
        custom.responsivenessWindowSeconds = 3_600
        custom.customSourcePoints = 9
        custom.sourcePoints["chat"] = 12
        custom.creditPoints[.fair] = 4
        custom.decay = ScoreDecay(periodSeconds: 86_400, pointsPerPeriod: 2, graceSeconds: 3_600, maximumPoints: 30)
        for rules in [ScoringRules(), custom] {
            for asOf in [t0.adding(seconds: 20 * 86_400), t0.adding(seconds: 120 * 86_400)] {
                let scorer = LeadScorer(rules: rules)
                let batch = try scorer.score(leads, asOf: asOf)
                let bare = try scorer.score(leads, asOf: asOf, explained: false)
                #expect(batch.count == leads.count && bare.count == leads.count)
                for ((lead, fromBatch), unexplained) in zip(zip(leads, batch), bare) {
                    let expected = try referenceScore(rules, lead, asOf: asOf)
                    #expect(try scorer.score(lead, asOf: asOf) == expected, "\(lead.id)")
                    #expect(fromBatch == expected, "\(lead.id) (batch)")
                    #expect(unexplained.score == expected.score && unexplained.total == expected.total
                            && unexplained.priority == expected.priority && unexplained.contributions.isEmpty, "\(lead.id) (unexplained)")
                }
            }
        }
        // Without asOf (no decay, no timeframe dates): every activity counts.
        let plain = leads.filter { $0.timeframe?.horizon != nil || $0.timeframe == nil }
        let batch = try LeadScorer().score(plain, asOf: nil)
        for (lead, fromBatch) in zip(plain, batch) {
            #expect(fromBatch == (try referenceScore(ScoringRules(), lead, asOf: nil)), "\(lead.id)")
        }
    }

    @Test("The batch fails as the single-lead form does, and scores an empty list")
    func batchErrors() throws {
        #expect(try LeadScorer().score([], asOf: nil).isEmpty)
        var lead = Lead(id: "L", createdAt: t0, source: .chat)
        lead.timeframe = PurchaseTimeframe(latest: t0.utcDate)
        #expect(throws: LeadError.self) { try LeadScorer().score([lead], asOf: nil) }
        #expect(throws: LeadError.self) { try LeadScorer().score([lead], asOf: nil, explained: false) }
        var decaying = ScoringRules()
        decaying.decay = ScoreDecay()
        #expect(throws: LeadError.self) { try LeadScorer(rules: decaying).score([Lead(id: "L", createdAt: t0, source: .chat)], asOf: nil, explained: false) }
        var rules = ScoringRules()
        rules.mediumThreshold = 90
        #expect(throws: LeadError.self) { try LeadScorer(rules: rules).score([Lead(id: "L", createdAt: t0, source: .chat)], asOf: nil) }
    }
}

