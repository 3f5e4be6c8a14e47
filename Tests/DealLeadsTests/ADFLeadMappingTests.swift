// DealFinance — DealLeadsTests: ADF prospect ↔ Lead (Documentation/Reference/Leads.md).

import Foundation
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
        #expect(second.lead == first.lead)   // the address travels as an extra of the contact
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

/// Import → export → import keeps every phone, email, id, the vendor, the provider and the
/// extras, for the producer fixtures and for seeded random leads.
@Suite("ADF ↔ Lead: lossless round trip")
struct ADFLosslessRoundTripTests {
    let receivedAt = Instant(secondsSinceEpoch: 1_800_000_000)

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Vectors/leads/fixtures/\(name)")
        return Array(try Data(contentsOf: url))
    }

    @Test(arguments: ["carcostcanada-xsi-cdata-extras.xml", "mygoaltracking-three-phone-types.xml", "formester-one-line-trade-in.xml",
                      "dealerteam-status-element-finance.xml", "purlem-truncated-offset.xml", "autoagentprotocol-full-name-e164.xml",
                      "dealrcloud-html-email-quoted-printable.eml", "leadsync-facebook-multipart.eml", "callrail-attachment-call-tags.eml"])
    func producerFixture(name: String) throws {
        let first = Lead.fromADF(try AutoLeadDocument.parse(try Self.fixture(name)).document.prospects[0], id: "L", receivedAt: receivedAt)
        let written = try AutoLeadDocument(prospects: [first.lead.adfProspect(dealerName: first.dealerName ?? "Dealer", financingMethod: first.financingMethod,
                                                                              isResend: first.isResend)]).xml()
        let second = Lead.fromADF(try AutoLeadDocument.parse(text: written).document.prospects[0], id: "L", receivedAt: receivedAt)
        #expect(second.lead == first.lead, "\(written)")
        #expect(!first.lead.contact.phones.isEmpty)
    }

    @Test func seededRandomLeads() throws {
        var state: UInt64 = 0x5EED_ADF0
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let types = ["voice", "fax", "cellphone", "pager", "home", "work", "mobile", "business"]
        let words = ["Sales", "A & B", "<tag>", "x\"y", "  padded  ", "ñ😀"]
        for round in 0..<200 {
            var lead = Lead(id: "R-\(round)", contact: Contact(firstName: "Ann", lastName: "Lee"), createdAt: receivedAt, source: next(2) == 0 ? .adf : .custom("Site \(round)"))
            lead.vehicles = [VehicleOfInterest(year: 2000 + next(26), make: "Make", model: "Model \(next(9))", condition: .used, isPrimary: true)]
            lead.vehicles[0].externalIDs = (0..<next(3)).map { ExternalLeadID(source: next(2) == 0 ? nil : "src\($0)", value: "V\($0)", sequence: next(2) == 0 ? nil : "\($0 + 1)") }
            if next(2) == 0 {
                var trade = TradeInVehicle(year: 2010, make: "Old", model: "Car")
                trade.externalIDs = [ExternalLeadID(value: "T\(round)")]
                lead.tradeIns = [trade]
            }
            let phoneCount = 1 + next(4)
            let preferredPhone = next(phoneCount + 1)
            lead.contact.phones = (0..<phoneCount).map { ContactPhone("312-555-01\(10 + $0)", type: types[next(types.count)],
                                                                    time: next(2) == 0 ? nil : ADFPhone.Time.allCases[next(5)], preferred: $0 == preferredPhone) }
            lead.contact.emails = (0..<next(3)).map { ContactEmail("p\($0)@example.com", preferred: next(3) == 0) }
            lead.contact.phone = lead.contact.preferredPhone?.number
            lead.contact.email = lead.contact.preferredEmail?.address
            lead.externalIDs = (0..<next(3)).map { ExternalLeadID(source: "s\($0)", value: "L\($0)", sequence: next(2) == 0 ? "uniqueLeadId" : nil) }
            lead.customerIDs = (0..<next(2)).map { ExternalLeadID(source: "crm", value: "C\($0)") }
            lead.vendor = LeadVendor(name: "Dealer \(round)", url: next(2) == 0 ? nil : "https://d.example", ids: [ExternalLeadID(value: "D\(round)")])
            if case .custom(let name) = lead.source {
                lead.provider = LeadProvider(name: name, service: next(2) == 0 ? nil : "Listings", url: "https://p.example", email: nil,
                                             phone: next(2) == 0 ? nil : "800-555-0100", ids: [ExternalLeadID(source: "p", value: "P\(round)")],
                                             contact: next(2) == 0 ? nil : Contact(firstName: "Desk", lastName: "Team"))
            }
            let places = ["prospect", "customer", "vendor", "vehicles.0"] + (lead.tradeIns.isEmpty ? [] : ["tradeIns.0"]) + (lead.provider == nil ? [] : ["provider"])
            lead.extras = (0..<next(4)).map { index in
                var element = ADFXMLElement(name: "x\(index)", attributes: next(2) == 0 ? [] : [("kind", words[next(words.count)])])
                if next(2) == 0 {
                    element.children = [.text(words[next(words.count)])]
                } else {
                    element.children = [.element(ADFXMLElement(name: "inner", children: [.text(words[next(words.count)].trimmingXMLWhitespace())]))]
                }
                return LeadExtra(at: places[next(places.count)], element: element)
            }
            let written = try AutoLeadDocument(prospects: [lead.adfProspect(dealerName: "Dealer \(round)")]).xml()
            let back = Lead.fromADF(try AutoLeadDocument.parse(text: written).document.prospects[0], id: lead.id, receivedAt: receivedAt).lead
            #expect(back.contact.phones == lead.contact.phones, "\(written)")
            #expect(back.contact.emails == lead.contact.emails)
            #expect(back.contact.phone == lead.contact.phone && back.contact.email == lead.contact.email)
            #expect(back.externalIDs == lead.externalIDs && back.customerIDs == lead.customerIDs)
            #expect(back.vehicles.map(\.externalIDs) == lead.vehicles.map(\.externalIDs) && back.tradeIns.map(\.externalIDs) == lead.tradeIns.map(\.externalIDs))
            #expect(back.vendor == lead.vendor && back.provider == lead.provider)
            #expect(back.extras.map(\.at) == lead.extras.map(\.at).sortedByPlacement(places: places), "\(written)")
            #expect(Set(back.extras.map { "\($0.at) \($0.element)" }) == Set(lead.extras.map { "\($0.at) \($0.element)" }))
        }
    }
}

private extension Array where Element == String {
    /// Extras come back grouped by the element they are written in, in document order.
    func sortedByPlacement(places: [String]) -> [String] {
        let order = ["vehicles.0", "tradeIns.0", "customer", "vendor", "provider", "prospect"]
        return enumerated().sorted { (order.firstIndex(of: $0.element)!, $0.offset) < (order.firstIndex(of: $1.element)!, $1.offset) }.map(\.element)
    }
}
