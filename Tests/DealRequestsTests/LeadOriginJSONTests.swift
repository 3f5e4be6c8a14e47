// DealFinance — DealRequestsTests: phones, emails, ids, vendor, provider and extras of a lead in JSON.

import Testing
import DealEngine
import DealJSON
import DealLeads
@testable import DealRequests

private func decode(_ text: String) throws -> Lead {
    try LeadJSON.lead(try JSONReader().parse(text), path: "lead")
}

private let originLead = #"""
{"id":"L-9","createdAt":"2024-05-14T09:30:00Z","source":"custom:CarCostCanada",
 "contact":{"firstName":"Pat","phones":[{"number":"312-555-0101","type":"home"},{"number":"312-555-0102","type":"cellphone","time":"evening","preferred":true}],
            "emails":[{"address":"pat@example.com"},{"address":"pat.work@example.org","preferred":true}]},
 "vehicles":[{"year":2026,"make":"Jeep","model":"Wrangler","primary":true,"externalIDs":[{"source":"dealer","value":"STK-1","sequence":"2"}]}],
 "tradeIns":[{"year":2014,"make":"Ford","model":"Focus","externalIDs":[{"value":"T-1"}]}],
 "externalIDs":[{"source":"CarCostCanada","value":"400123","sequence":"uniqueLeadId"}],
 "customerIDs":[{"source":"CarCostCanada","value":"C-77","sequence":"1"}],
 "vendor":{"name":"Example Chrysler","url":"https://dealer.example","ids":[{"source":"oem","value":"D-9"}]},
 "provider":{"name":"CarCostCanada","service":"New Car Pricing Website","url":"https://carcostcanada.example","email":"x@carcostcanada.example","phone":"1-800-555-0199",
             "ids":[{"value":"P-1"}],"contact":{"lastName":"Desk","emails":[{"address":"desk@carcostcanada.example"}]}},
 "extras":[{"at":"vehicles.0","name":"option","children":[{"name":"optionname","text":"Sunroof"},{"name":"manufacturercode","text":"SR1"}]},
           {"at":"customer","name":"callduration","attributes":[{"name":"units","value":"seconds"}],"text":"187"}]}
"""#

@Suite("Lead origin JSON")
struct LeadOriginJSONTests {
    @Test("Every phone, email, id, the vendor, the provider and the extras decode")
    func decodesEverything() throws {
        let lead = try decode(originLead)
        #expect(lead.contact.phones == [ContactPhone("312-555-0101", type: "home"), ContactPhone("312-555-0102", type: "cellphone", time: .evening, preferred: true)])
        #expect(lead.contact.phone == "312-555-0102" && lead.contact.email == "pat.work@example.org")   // the preferred ones
        #expect(lead.vehicles[0].externalIDs == [ExternalLeadID(source: "dealer", value: "STK-1", sequence: "2")])
        #expect(lead.tradeIns[0].externalIDs == [ExternalLeadID(value: "T-1")])
        #expect(lead.externalIDs[0].sequence == "uniqueLeadId" && lead.customerIDs[0].value == "C-77")
        #expect(lead.vendor == LeadVendor(name: "Example Chrysler", url: "https://dealer.example", ids: [ExternalLeadID(source: "oem", value: "D-9")]))
        #expect(lead.provider?.contact?.email == "desk@carcostcanada.example" && lead.provider?.phone == "1-800-555-0199")
        #expect(lead.extras.map(\.at) == ["vehicles.0", "customer"])
        #expect(lead.extras[0].element.elements.map(\.name) == ["optionname", "manufacturercode"])
        #expect(lead.extras[1].element.attribute("units") == "seconds" && lead.extras[1].element.text == "187")
    }

    @Test("Encoding round-trips and the ADF export carries it all back")
    func roundTrips() throws {
        let lead = try decode(originLead)
        #expect(try decode(JSONWriter(pretty: false).write(LeadJSON.json(lead))) == lead)
        let xml = try AutoLeadDocument(prospects: [lead.adfProspect(dealerName: "Example Chrysler")]).xml()
        let back = Lead.fromADF(try AutoLeadDocument.parse(text: xml).document.prospects[0], id: "L-9", receivedAt: lead.createdAt)
        #expect(back.lead.contact.phones == lead.contact.phones && back.lead.contact.emails == lead.contact.emails)
        #expect(back.lead.externalIDs == lead.externalIDs && back.lead.customerIDs == lead.customerIDs)
        #expect(back.lead.vehicles[0].externalIDs == lead.vehicles[0].externalIDs && back.lead.tradeIns[0].externalIDs == lead.tradeIns[0].externalIDs)
        #expect(back.lead.vendor == lead.vendor && back.lead.provider == lead.provider && back.lead.extras == lead.extras)
    }

    @Test("Strict decoding with paths", arguments: [
        (#""contact":{"phones":[{"type":"home"}]}"#, "lead.contact.phones.0.number"),
        (#""contact":{"phones":[{"number":"1","type":"Home"}]}"#, "lead.contact.phones.0.type"),
        (#""contact":{"phones":[{"number":"1","type":" home"}]}"#, "lead.contact.phones.0.type"),
        (#""contact":{"phones":[{"number":"1","time":"night"}]}"#, "lead.contact.phones.0.time"),
        (#""contact":{"emails":[{"address":"a@b.example","preferred":"yes"}]}"#, "lead.contact.emails.0.preferred"),
        (#""customerIDs":[{"source":"x"}]"#, "lead.customerIDs.0.value"),
        (#""vendor":{"name":"D","phone":"1"}"#, "lead.vendor.phone"),
        (#""extras":[{"at":"vehicle.0","name":"x"}]"#, "lead.extras.0.at"),
        (#""extras":[{"at":"prospect","name":"1bad"}]"#, "lead.extras.0.name"),
        (#""extras":[{"at":"prospect","name":"x","attributes":[{"name":"a","value":"1"},{"name":"a","value":"2"}]}]"#, "lead.extras.0.attributes.1.name"),
    ])
    func strict(fragment: String, path: String) {
        let text = #"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","# + fragment + "}"
        do { _ = try decode(text); Issue.record("decoded \(fragment)") } catch let error as DealError {
            #expect(error.code == .invalidArgument && error.path == path, "\(error)")
        } catch { Issue.record("\(error)") }
    }
}
