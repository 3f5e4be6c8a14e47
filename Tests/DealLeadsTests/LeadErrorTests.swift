// DealFinance — DealLeadsTests: LeadError messages name what was expected and found.

import Testing
@testable import DealLeads

@Suite("LeadError")
struct LeadErrorTests {
    @Test("Messages")
    func messages() {
        #expect(LeadError.illegalTransition(workflow: .dealStatus, from: "approved", to: "draft").message
                == "illegal dealStatus transition from \"approved\" to \"draft\"")
        #expect(LeadError.lostReasonRequired(stage: "Closed Lost").message.contains("Closed Lost"))
        #expect(LeadError.unknownStage("Won").description == "expected a stage of the pipeline, found \"Won\"")
        #expect(LeadError.invalidValue("x").message == "x")
        #expect(WorkflowKind.allCases.map(\.rawValue) == ["pipeline", "retailStatus", "dealStatus"])
    }
}
