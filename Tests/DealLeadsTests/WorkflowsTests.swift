// DealFinance — DealLeadsTests: pipeline, retail status and deal status state machines.

import Testing
@testable import DealLeads

@Suite("Workflows")
struct WorkflowsTests {
    let pipeline = SalesPipeline.standard

    @Test("Standard pipeline: forward, skip and back are allowed while open; each move is recorded")
    func forward() throws {
        var lead = Lead(id: "L", createdAt: t0, source: .chat)
        for (offset, stage) in ["Contacted", "Test Drive", "Qualified", "Negotiation", "Closed Won"].enumerated() {
            lead = try pipeline.transition(lead, to: stage, actor: .dealer, at: t0.adding(seconds: 60 * (offset + 1)))
        }
        #expect(lead.stage == "Closed Won")
        #expect(lead.activities.count == 5)
        guard case .statusChange(let last) = lead.activities.timeline.last?.kind else { Issue.record("no change"); return }
        #expect(last == StatusChange(workflow: .pipeline, from: "Negotiation", to: "Closed Won"))
        #expect(lead.activities.entries.map(\.id) == ["L-1", "L-2", "L-3", "L-4", "L-5"])
    }

    @Test("Terminal stages are final; same-stage and unknown stages are refused")
    func illegal() throws {
        var lead = Lead(id: "L", createdAt: t0, source: .chat)
        #expect(throws: LeadError.illegalTransition(workflow: .pipeline, from: "New", to: "New")) {
            try pipeline.transition(lead, to: "New", actor: .dealer, at: t0)
        }
        #expect(throws: LeadError.unknownStage("Won")) { try pipeline.transition(lead, to: "Won", actor: .dealer, at: t0) }
        lead = try pipeline.transition(lead, to: "Closed Won", actor: .dealer, at: t0)
        #expect(throws: LeadError.illegalTransition(workflow: .pipeline, from: "Closed Won", to: "Negotiation")) {
            try pipeline.transition(lead, to: "Negotiation", actor: .dealer, at: t0)
        }
        var reopening = pipeline
        reopening.allowsReopening = true
        #expect(try reopening.transition(lead, to: "Negotiation", actor: .dealer, at: t0).stage == "Negotiation")
        #expect(!reopening.canMove(from: "Closed Won", to: "Closed Lost"))
    }

    @Test("Closed Lost requires a reason, which is stored and recorded")
    func lost() throws {
        let lead = Lead(id: "L", createdAt: t0, source: .phone)
        #expect(throws: LeadError.lostReasonRequired(stage: "Closed Lost")) {
            try pipeline.transition(lead, to: "Closed Lost", actor: .dealer, at: t0)
        }
        let lost = try pipeline.transition(lead, to: "Closed Lost", actor: .dealer, at: t0, reason: .boughtElsewhere, note: "Bought a Civic")
        #expect(lost.lostReason == .boughtElsewhere)
        #expect(lost.lostNote == "Bought a Civic")
        guard case .statusChange(let change) = lost.activities.entries[0].kind else { Issue.record("no change"); return }
        #expect(change.reason == "boughtElsewhere")
        #expect(lead.activities.count == 0, "the input lead is a value and stays unchanged")
    }

    @Test("Custom pipelines are validated")
    func custom() throws {
        #expect(throws: LeadError.self) { try SalesPipeline(stages: []) }
        #expect(throws: LeadError.self) { try SalesPipeline(stages: [PipelineStage("Won", isWon: true)]) }
        #expect(throws: LeadError.self) { try SalesPipeline(stages: [PipelineStage("A"), PipelineStage("A")]) }
        #expect(throws: LeadError.self) { try SalesPipeline(stages: [PipelineStage("A"), PipelineStage("B", isWon: true, isLost: true)]) }
        let odoo = try SalesPipeline(stages: [PipelineStage("New"), PipelineStage("Qualified"), PipelineStage("Proposition"),
                                             PipelineStage("Won", isWon: true), PipelineStage("Lost", isLost: true)])
        #expect(odoo.initialStage.name == "New")
        #expect(odoo.index(of: "Proposition") == 2)
    }

    @Test("Retail status: none → any, abandoned → completed only")
    func retail() throws {
        var lead = Lead(id: "L", createdAt: t0, source: .dealerPortal)
        lead = try RetailLeadStatus.transition(lead, to: .abandoned, actor: .system, at: t0)
        lead = try RetailLeadStatus.transition(lead, to: .completed, actor: .customer, at: t0)
        #expect(throws: LeadError.illegalTransition(workflow: .retailStatus, from: "completed", to: "abandoned")) {
            try RetailLeadStatus.transition(lead, to: .abandoned, actor: .customer, at: t0)
        }
        #expect(lead.activities.count == 2)
    }

    @Test("Deal status table: every pair is allowed exactly when listed", arguments: DealStatus.allCases)
    func dealTable(from: DealStatus) throws {
        var lead = Lead(id: "L", createdAt: t0, source: .dealerPortal)
        lead.dealStatus = from
        for to in DealStatus.allCases {
            if from.successors.contains(to) {
                let next = try DealStatus.transition(lead, to: to, actor: .dealer, at: t0)
                #expect(next.dealStatus == to)
                #expect(next.activities.count == 1)
            } else {
                #expect(throws: LeadError.illegalTransition(workflow: .dealStatus, from: from.rawValue, to: to.rawValue)) {
                    try DealStatus.transition(lead, to: to, actor: .dealer, at: t0)
                }
            }
        }
    }

    @Test("Deal status happy path from none")
    func dealPath() throws {
        var lead = Lead(id: "L", createdAt: t0, source: .dealerPortal)
        #expect(throws: LeadError.illegalTransition(workflow: .dealStatus, from: "none", to: "submitted")) {
            try DealStatus.transition(lead, to: .submitted, actor: .dealer, at: t0)
        }
        for status in [DealStatus.draft, .submitted, .pendingConfirmation, .fullyReceived, .approved] {
            lead = try DealStatus.transition(lead, to: status, actor: .dealer, at: t0, dealID: "D-9")
        }
        #expect(lead.dealID == "D-9")
        #expect(lead.dealStatus == .approved)
    }
}
