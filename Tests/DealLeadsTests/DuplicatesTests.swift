// DealFinance — DealLeadsTests: customer keys, duplicate detection, merge.

import Testing
import DealDecimal
@testable import DealLeads

private func lead(_ id: String, first: String? = nil, last: String? = nil, email: String? = nil, phone: String? = nil,
                  at seconds: Int = 0, stage: String = "New", score: Int? = nil) -> Lead {
    var lead = Lead(id: id, contact: Contact(firstName: first, lastName: last, email: email, phone: phone),
                    createdAt: t0.adding(seconds: seconds), source: .dealerWebsite, stage: stage)
    lead.score = score
    return lead
}

@Suite("Duplicates")
struct DuplicatesTests {
    @Test("Match reasons: email key, E.164 phone, last+first name, Gmail possible only")
    func reasons() {
        let a = lead("a", first: "Jane", last: "Doe", email: "Jane.Doe@Example.com", phone: "(312) 555-0147")
        #expect(Duplicates.reasons(a, lead("b", email: "jane.doe@example.com")) == [.email])
        #expect(Duplicates.reasons(a, lead("b", phone: "+1 312 555 0147")) == [.phone])
        #expect(Duplicates.reasons(a, lead("b", first: " jane", last: "DOE")) == [.name])
        #expect(Duplicates.reasons(a, lead("b", last: "Doe")) == [])
        let g1 = lead("g1", email: "jane.doe@gmail.com"), g2 = lead("g2", email: "janedoe+x@gmail.com")
        #expect(Duplicates.reasons(g1, g2) == [.possibleEmail])
        #expect(!Duplicates.isDuplicate([.possibleEmail]))
        #expect(Duplicates.pairs([a, lead("b", email: "JANE.DOE@example.com"), lead("c")]).map(\.second) == ["b"])
    }

    @Test("Dealer-portal grouping by email key, then phone, else ungrouped")
    func grouping() {
        let leads = [lead("1", email: "a@x.com"), lead("2", phone: "3125550147"), lead("3", email: "A@X.COM"),
                     lead("4"), lead("5", phone: "+1 312-555-0147"), lead("6", email: "bad")]
        let groups = Duplicates.groupsByCustomer(leads)
        #expect(groups.map(\.key) == ["email:a@x.com", "phone:+13125550147", "lead:4", "lead:6"])
        #expect(groups.map(\.leadIDs) == [["1", "3"], ["2", "5"], ["4"], ["6"]])
    }

    @Test("Intake: attach to an open match within the window, else create")
    func intake() {
        let day = 86_400
        var open = lead("open", email: "a@x.com", at: 0)
        open.lastActivityAt = t0.adding(seconds: 2 * day)
        let closed = lead("closed", email: "a@x.com", at: 0, stage: "Closed Won")
        let incoming = lead("new", email: "A@x.com", at: 5 * day)
        #expect(Duplicates.intake(incoming, existing: [closed, open], windowSeconds: 3 * day) == .attach(to: "open", reasons: [.email]))
        #expect(Duplicates.intake(incoming, existing: [closed, open], windowSeconds: 2 * day) == .create(matches: ["closed", "open"]))
        #expect(Duplicates.intake(incoming, existing: [lead("x", email: "b@x.com")], windowSeconds: day) == .create(matches: []))
    }

    @Test("Merge: survivor by confidence, fields filled, activities all kept")
    func merge() throws {
        var a = lead("a", first: "Jane", email: "jane@x.com", at: 0, stage: "Contacted", score: 40)
        a.record(Activity(id: "a1", at: t0.adding(seconds: 10), actor: .customer, kind: .note("a")))
        a.vehicles = [VehicleOfInterest(make: "Honda", model: "Civic", vin: "JHMCM56557C404453", isPrimary: true)]
        var b = lead("b", last: "Doe", email: "JANE@x.com", phone: "3125550147", at: -100, stage: "Qualified")
        b.budget = BudgetRange(maximum: ExactDecimal(30000))
        b.record(Activity(id: "b1", at: t0.adding(seconds: 5), actor: .dealer, kind: .note("b")))
        b.vehicles = [VehicleOfInterest(make: "Honda", model: "Civic", vin: "jhmcm56557c404453", isPrimary: true),
                      VehicleOfInterest(make: "Toyota", model: "Camry", isPrimary: false)]
        var closed = lead("c", email: "jane@x.com", at: 50, stage: "Closed Lost", score: 99)
        closed.lostReason = .price
        closed.dealID = "D-7"
        closed.dealStatus = .cancelled
        let merged = try Duplicates.merge([a, closed, b])
        #expect(merged.lead.id == "b")               // open, further stage
        #expect(merged.absorbedIDs == ["a", "c"])
        #expect(merged.lead.contact.firstName == "Jane")
        #expect(merged.lead.contact.lastName == "Doe")
        #expect(merged.lead.budget?.maximum == ExactDecimal(30000))
        #expect(merged.lead.vehicles.map(\.model) == ["Civic", "Camry"])
        #expect(merged.lead.vehicles.filter(\.isPrimary).count == 1)
        #expect(merged.lead.activities.timeline.map(\.id) == ["b1", "a1"])
        #expect(merged.lead.createdAt == t0.adding(seconds: -100))
        #expect(merged.lead.lastActivityAt == t0.adding(seconds: 10))
        #expect(merged.lead.dealID == "D-7" && merged.lead.dealStatus == .cancelled)
        #expect(merged.lead.lostReason == nil, "an open survivor does not inherit a lost reason")
        #expect(throws: LeadError.self) { try Duplicates.merge([]) }
    }

    @Test("Merge: phones, emails and ids unioned; vendor and provider filled; same vehicle despite ids")
    func mergeChannels() throws {
        let t = Instant(secondsSinceEpoch: 1_700_000_000)
        var a = Lead(id: "A", createdAt: t, source: .adf)
        a.contact.phones = [ContactPhone("312-555-0101", type: "home", preferred: true)]
        a.contact.emails = [ContactEmail("Jo@Example.com", preferred: true)]
        a.vehicles = [VehicleOfInterest(year: 2024, make: "Kia", model: "EV6", isPrimary: true)]
        var b = Lead(id: "B", createdAt: t.adding(seconds: -60), source: .adf)
        b.contact.phones = [ContactPhone("312-555-0101", type: "voice"), ContactPhone("312-555-0102", type: "mobile", preferred: true)]
        b.contact.emails = [ContactEmail("jo@example.com"), ContactEmail("jo.work@example.org", preferred: true)]
        b.customerIDs = [ExternalLeadID(source: "crm", value: "C-1")]
        b.vendor = LeadVendor(name: "D")
        b.provider = LeadProvider(name: "P")
        b.vehicles = [VehicleOfInterest(year: 2024, make: "Kia", model: "EV6", isPrimary: true)]
        b.vehicles[0].externalIDs = [ExternalLeadID(value: "V-1")]
        let merged = try Duplicates.merge([a, b]).lead
        #expect(merged.contact.phones.map(\.number) == ["312-555-0101", "312-555-0102"])
        #expect(merged.contact.phones.filter(\.preferred).count == 1)
        #expect(merged.contact.emails.map(\.address) == ["Jo@Example.com", "jo.work@example.org"])
        #expect(merged.customerIDs == b.customerIDs && merged.vendor == b.vendor && merged.provider == b.provider)
        #expect(merged.vehicles.count == 1)
    }
}
