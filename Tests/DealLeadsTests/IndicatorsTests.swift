// DealFinance — DealLeadsTests: indicators at asOf.

import Testing
@testable import DealLeads

@Suite("Indicators")
struct IndicatorsTests {
    @Test("Overdue: no dealer response within 24 h, open leads only")
    func responseOverdue() throws {
        var lead = Lead(id: "L", createdAt: t0, source: .chat)
        #expect(try !LeadIndicators(lead, asOf: t0.adding(seconds: 86_400)).overdue)
        #expect(try LeadIndicators(lead, asOf: t0.adding(seconds: 86_401)).responseOverdue)
        lead.record(Activity(id: "auto", at: t0, actor: .system, kind: .email(.outbound, subject: "Thanks")))
        #expect(try LeadIndicators(lead, asOf: t0.adding(seconds: 86_401)).overdue, "auto-responders do not count")
        lead.record(Activity(id: "call", at: t0.adding(seconds: 90_000), actor: .dealer, kind: .call(.outbound, durationSeconds: 0, outcome: .noAnswer)))
        let flags = try LeadIndicators(lead, asOf: t0.adding(seconds: 100_000))
        #expect(!flags.overdue)
        #expect(flags.firstResponseAt == t0.adding(seconds: 90_000))
        let closed = try SalesPipeline.standard.transition(Lead(id: "C", createdAt: t0, source: .chat), to: "Closed Lost", actor: .dealer, at: t0, reason: .noResponse)
        #expect(try !LeadIndicators(closed, asOf: t0.adding(seconds: 200_000)).overdue)
    }

    @Test("Overdue follow-up")
    func followUp() throws {
        var lead = Lead(id: "L", createdAt: t0, source: .phone)
        lead.record(Activity(id: "1", at: t0, actor: .dealer, kind: .call(.outbound, durationSeconds: 60, outcome: .connected)))
        lead.followUps = [FollowUp(due: t0.adding(seconds: 3600))]
        #expect(try !LeadIndicators(lead, asOf: t0.adding(seconds: 3600)).overdue)
        #expect(try LeadIndicators(lead, asOf: t0.adding(seconds: 3601)).followUpOverdue)
        lead.followUps[0].done = true
        #expect(try !LeadIndicators(lead, asOf: t0.adding(seconds: 3601)).overdue)
    }

    @Test("Appointment set, recent chat, qualified, hot")
    func others() throws {
        var lead = Lead(id: "L", createdAt: t0, source: .referral)
        lead.record(Activity(id: "1", at: t0, actor: .customer, kind: .chat(.inbound, text: "hi")))
        lead.record(Activity(id: "2", at: t0, actor: .dealer, kind: .appointment(scheduledFor: t0.adding(seconds: 7200), note: nil)))
        var flags = try LeadIndicators(lead, asOf: t0.adding(seconds: 3600))
        #expect(flags.appointmentSet)
        #expect(flags.recentChat)
        #expect(!flags.qualified)
        flags = try LeadIndicators(lead, asOf: t0.adding(seconds: 86_400))
        #expect(!flags.appointmentSet)
        #expect(!flags.recentChat)
        lead = try SalesPipeline.standard.transition(lead, to: "Test Drive", actor: .dealer, at: t0)
        #expect(try LeadIndicators(lead, asOf: t0).qualified)
        let lost = try SalesPipeline.standard.transition(lead, to: "Closed Lost", actor: .dealer, at: t0, reason: .price)
        #expect(try !LeadIndicators(lost, asOf: t0).qualified)
        lead.budget = BudgetRange()
        lead.timeframe = PurchaseTimeframe(horizon: .withinWeek)
        lead.creditTier = .excellent
        // referral 15 + budget 10 + timeframe 20 + engagement 4 + appointment 10 + credit 10 = 69
        #expect(try LeadIndicators(lead, asOf: t0).hot)
    }
}
