// DealFinance — DealLeadsTests: ADF prospect ↔ Lead (reference/leads.md §b.3).

import Testing
import DealDecimal
import DealEngine
@testable import DealLeads

@Suite("ADF ↔ Lead mapping")
struct ADFLeadMappingTests {
    let receivedAt = Instant(secondsSinceEpoch: 1_800_000_000)

    @Test func buyWithTradeMapsPerTable() throws {
        let prospect = try AutoLeadDocument.parse(text: try adfSample("example2-buy-with-trade.adf.xml")).document.prospects[0]
        let imported = Lead.fromADF(prospect, id: "L-1", receivedAt: receivedAt)
        let lead = imported.lead
        #expect(lead.createdAt == (try Instant(parsing: "2024-05-14T14:30:00Z")))
        #expect(lead.externalIDs == [ExternalLeadID(source: "DealerWebsite", value: "LEAD-000123", sequence: "1")])
        #expect(lead.vehicles.count == 1 && lead.vehicles[0].isPrimary && lead.vehicles[0].condition == .used)
        #expect(lead.vehicles[0].mileage == 84210 && lead.vehicles[0].stockNumber == "A1234")
        #expect(lead.vehicles[0].price == ExactDecimal(6995))
        #expect(lead.tradeIns.map(\.vin) == ["2G4WF52L6S1472882"])
        #expect(lead.downPayment == ExactDecimal(1500) && lead.desiredMonthlyPayment == ExactDecimal(250))
        var contact = Contact(firstName: "Jane", lastName: "Doe", email: "jane.doe@example.com", phone: "(312) 555-0147",
                              preferredContact: .email, postalCode: "62701", regionCode: "IL")
        contact.phones = [ContactPhone("(312) 555-0147", type: "cellphone", time: .evening)]
        contact.emails = [ContactEmail("jane.doe@example.com", preferred: true)]
        #expect(lead.contact == contact)
        #expect(lead.timeframe?.latest == (try CivilDate(parsing: "2024-05-28")))
        #expect(lead.activities.timeline.first?.kind == .note("Prefer text messages after 5pm."))
        #expect(lead.source == .paymentEstimator)
        #expect(imported.dealerName == "Example Motors" && imported.financingMethod == .finance && !imported.isResend)
    }

    @Test func deviationsAndWikipedia() throws {
        let deviations = try AutoLeadDocument.parse(text: try adfSample("example3-deviations.adf.xml")).document.prospects[0]
        let imported = Lead.fromADF(deviations, id: "L-3", receivedAt: receivedAt)
        #expect(imported.isResend)
        #expect(imported.lead.contact.firstName == "John Q." && imported.lead.contact.lastName == "Sample")
        #expect(imported.lead.contact.phone == "312-555-0102")   // the cellphone first
        #expect(imported.lead.source == .custom("Third Party Listing Site"))
        var wikipedia = try AutoLeadDocument.parse(text: try adfSample("example1-wikipedia.adf.xml")).document.prospects[0]
        wikipedia.requestDate = nil
        let fallback = Lead.fromADF(wikipedia, id: "L-W", receivedAt: receivedAt)
        #expect(fallback.lead.createdAt == receivedAt && fallback.lead.source == .adf)
    }

    @Test(arguments: ["example1-wikipedia.adf.xml", "example2-buy-with-trade.adf.xml", "example3-deviations.adf.xml"])
    func leadRoundTrip(file: String) throws {
        let prospect = try AutoLeadDocument.parse(text: try adfSample(file)).document.prospects[0]
        let first = Lead.fromADF(prospect, id: "L", receivedAt: receivedAt)
        let written = try AutoLeadDocument(prospects: [first.lead.adfProspect(dealerName: first.dealerName ?? "Dealer", financingMethod: first.financingMethod, isResend: first.isResend)]).xml()
        let second = Lead.fromADF(try AutoLeadDocument.parse(text: written).document.prospects[0], id: "L", receivedAt: receivedAt)
        var expected = first.lead
        expected.contact.postalCode = nil   // no street line in the lead: ADF cannot carry the address
        expected.contact.regionCode = nil
        #expect(second.lead == expected)
        #expect(second.dealerName == first.dealerName && second.financingMethod == first.financingMethod && second.isResend == first.isResend)
    }

    @Test(arguments: [LeadSource.dealerPortal, .dealerWebsite, .paymentEstimator, .drift, .chat, .phone, .walkIn, .referral, .importFile, .adf, .custom("Facebook")])
    func sourcesRoundTrip(source: LeadSource) throws {
        var lead = Lead(id: "S", contact: Contact(firstName: "A", lastName: "B", email: "a@b.example"), createdAt: receivedAt, source: source)
        lead.vehicles = [VehicleOfInterest(year: 2024, make: "Kia", model: "EV6", isPrimary: true)]
        let text = try AutoLeadDocument(prospects: [lead.adfProspect(dealerName: "D")]).xml()
        let back = Lead.fromADF(try AutoLeadDocument.parse(text: text).document.prospects[0], id: "S", receivedAt: receivedAt)
        #expect(back.lead.source == source)
    }
}
