// DealFinance — DealLeadsTests: the Lead record and its values.

import Testing
import DealDecimal
import DealEngine
@testable import DealLeads

let t0 = try! Instant(parsing: "2024-05-14T14:30:00Z")

@Suite("Lead")
struct LeadTests {
    @Test("A new lead starts in New with empty collections")
    func newLead() throws {
        let lead = Lead(id: "L-1", createdAt: t0, source: .dealerWebsite)
        #expect(lead.stage == "New")
        #expect(lead.updatedAt == t0)
        #expect(lead.activities.count == 0)
        #expect(lead.sync.status == .notSynced)
        #expect(lead.primaryVehicle == nil)
        try lead.validate()
    }

    @Test("Primary vehicle: the flagged one, else the first; two flags are invalid")
    func primary() {
        var lead = Lead(id: "L-1", createdAt: t0, source: .chat)
        lead.vehicles = [VehicleOfInterest(model: "A"), VehicleOfInterest(model: "B", isPrimary: true)]
        #expect(lead.primaryVehicle?.model == "B")
        lead.vehicles[1].isPrimary = false
        #expect(lead.primaryVehicle?.model == "A")
        lead.vehicles = [VehicleOfInterest(model: "A", isPrimary: true), VehicleOfInterest(model: "B", isPrimary: true)]
        #expect(throws: LeadError.self) { try lead.validate() }
    }

    @Test("validate: budget order, negative money, year, score, updatedAt")
    func validation() throws {
        var lead = Lead(id: "L-1", createdAt: t0, source: .phone)
        lead.budget = BudgetRange(minimum: ExactDecimal(30000), maximum: ExactDecimal(20000))
        #expect(throws: LeadError.self) { try lead.validate() }
        lead.budget = BudgetRange(minimum: ExactDecimal(20000), maximum: ExactDecimal(30000))
        try lead.validate()
        #expect(lead.budget!.contains(ExactDecimal(25000)))
        #expect(!lead.budget!.contains(ExactDecimal(35000)))
        lead.downPayment = ExactDecimal(-1)
        #expect(throws: LeadError.self) { try lead.validate() }
        lead.downPayment = nil
        lead.score = 101
        #expect(throws: LeadError.self) { try lead.validate() }
        lead.score = 100
        lead.vehicles = [VehicleOfInterest(year: 1800)]
        #expect(throws: LeadError.self) { try lead.validate() }
        lead.vehicles = []
        lead.updatedAt = t0.adding(seconds: -1)
        #expect(throws: LeadError.self) { try lead.validate() }
    }

    @Test("record appends and moves lastActivityAt/updatedAt forward only")
    func record() {
        var lead = Lead(id: "L-1", createdAt: t0, source: .walkIn)
        lead.record(Activity(id: "a", at: t0.adding(seconds: 100), actor: .customer, kind: .note("hi")))
        lead.record(Activity(id: "b", at: t0.adding(seconds: 50), actor: .dealer, kind: .note("late entry")))
        #expect(lead.activities.count == 2)
        #expect(lead.lastActivityAt == t0.adding(seconds: 100))
        #expect(lead.updatedAt == t0.adding(seconds: 100))
    }

    @Test("LeadSource text form: named cases and custom:<name>")
    func sources() {
        for source in LeadSource.named { #expect(LeadSource(text: source.text) == source) }
        #expect(LeadSource(text: "import") == .importFile)
        #expect(LeadSource(text: "custom:Facebook") == .custom("Facebook"))
        #expect(LeadSource.custom("X").text == "custom:X")
        #expect(LeadSource(text: "custom:") == nil)
        #expect(LeadSource(text: "referal") == nil)
    }

    @Test("Contact full name")
    func contact() {
        #expect(Contact(firstName: "Jane", lastName: "Doe").fullName == "Jane Doe")
        #expect(Contact(lastName: "Doe").fullName == "Doe")
    }

    @Test("fullName joins the non-empty names with a space", arguments: [
        ("Ana", "Ruiz", "Ana Ruiz"), ("Ana", nil, "Ana"), (nil, "Ruiz", "Ruiz"), ("", "Ruiz", "Ruiz"), ("Ana", "", "Ana"),
        ("", "", ""), (nil, nil, ""), ("José María", "O'Brien", "José María O'Brien"),
    ] as [(String?, String?, String)])
    func fullName(first: String?, last: String?, expected: String) {
        let contact = Contact(firstName: first, lastName: last)
        #expect(contact.fullName == expected)
        #expect(contact.fullName == [first, last].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " "))
    }
}

