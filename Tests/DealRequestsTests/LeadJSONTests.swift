// DealFinance — DealRequestsTests: the lead model in JSON (strict decoding, round trip).

import Testing
import DealDecimal
import DealEngine
import DealJSON
import DealLeads
@testable import DealRequests

private func decode(_ text: String) throws -> Lead {
    try LeadJSON.lead(try JSONReader().parse(text), path: "lead")
}

private func failure(_ text: String) -> DealError? {
    do { _ = try decode(text) } catch let error as DealError { return error } catch { return nil }
    return nil
}

let fullLead = #"""
{"id":"L-1","createdAt":"2024-05-14T09:30:00-05:00","source":"paymentEstimator",
 "contact":{"firstName":"Jane","lastName":"Doe","email":"jane.doe@example.com","phone":"(312) 555-0147","preferredContact":"sms","postalCode":"62701","regionCode":"IL"},
 "vehicles":[{"year":2005,"make":"Buick","model":"LaCrosse","trim":"CXL","vin":"1G4AH59H45G118341","stockNumber":"A1234","condition":"used","mileage":84210,"vehicleType":"sedan","price":"6995.00","primary":true}],
 "budget":{"minimum":"5000.00","maximum":"8000.00","currency":"USD"},"desiredMonthlyPayment":"250.00","downPayment":"1500.00",
 "tradeIns":[{"year":1995,"make":"Buick","model":"Regal","vin":"2G4WF52L6S1472882","mileage":151000,"allowance":"800.00","payoff":"0.00"}],
 "timeframe":{"description":"Within 2 weeks","earliest":"2024-05-14","latest":"2024-05-28"},"creditTier":"good",
 "externalIDs":[{"source":"DealerWebsite","value":"LEAD-000123"}],"stage":"Contacted","retailStatus":"abandoned","dealID":"D-1","dealStatus":"draft",
 "priority":"hot","score":72,"assignedTo":"S-1","sync":{"status":"synced","lastSyncedAt":"2024-05-14T15:00:00Z"},
 "followUps":[{"due":"2024-05-15T14:00:00Z","done":false,"note":"call back"}],
 "activities":[{"id":"a1","at":"2024-05-14T14:30:00Z","actor":"customer","type":"chat","direction":"inbound","text":"Is this still available?"},
               {"id":"a2","at":"2024-05-14T14:40:00Z","actor":"dealer","type":"call","direction":"outbound","durationSeconds":240,"outcome":"connected"},
               {"id":"a3","at":"2024-05-14T14:50:00Z","actor":"dealer","type":"statusChange","workflow":"pipeline","from":"New","to":"Contacted"},
               {"id":"a4","at":"2024-05-14T14:55:00Z","actor":"customer","type":"dealTermChange","term":"downPayment","from":"1000.00","to":"1500.00"},
               {"id":"a5","at":"2024-05-14T15:00:00Z","actor":"dealer","type":"appointment","scheduledFor":"2024-05-16T15:00:00Z","note":"test drive"},
               {"id":"a6","at":"2024-05-16T15:30:00Z","actor":"dealer","type":"testDrive","vin":"1G4AH59H45G118341"},
               {"id":"a7","at":"2024-05-16T16:00:00Z","actor":"system","type":"email","direction":"outbound","subject":"Thanks"},
               {"id":"a8","at":"2024-05-16T16:05:00Z","actor":"dealer","type":"note","text":"Prefers texts after 5pm"}]}
"""#

@Suite("LeadJSON")
struct LeadJSONTests {
    @Test("A full lead decodes every field")
    func full() throws {
        let lead = try decode(fullLead)
        #expect(lead.createdAt.description == "2024-05-14T14:30:00Z")
        #expect(lead.source == .paymentEstimator)
        #expect(lead.contact.preferredContact == .sms)
        #expect(lead.primaryVehicle?.vin == "1G4AH59H45G118341")
        #expect(lead.budget?.maximum == ExactDecimal(8000))
        #expect(lead.tradeIns.first?.mileage == 151_000)
        #expect(lead.timeframe?.latest?.description == "2024-05-28")
        #expect(lead.activities.count == 8)
        #expect(lead.lastActivityAt?.description == "2024-05-16T16:05:00Z")
        #expect(lead.sync.status == .synced)
        #expect(lead.dealStatus == .draft)
    }

    @Test("Encoding round-trips")
    func roundTrip() throws {
        let lead = try decode(fullLead)
        let text = JSONWriter(pretty: false).write(LeadJSON.json(lead))
        #expect(try decode(text) == lead)
    }

    @Test("Strict decoding with paths", arguments: [
        (#"{"createdAt":"2024-05-14T09:30:00Z","source":"chat"}"#, "lead.id"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30","source":"chat"}"#, "lead.createdAt"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"web"}"#, "lead.source"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","colour":"red"}"#, "lead.colour"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","budget":{"minimum":"9","maximum":"1"}}"#, "lead.budget"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","budget":{"maximum":9000}}"#, "lead.budget.maximum"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","downPayment":"-1"}"#, "lead.downPayment"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","vehicles":[{"year":1800}]}"#, "lead.vehicles.0.year"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","activities":[{"id":"a","at":"2024-05-14T09:30:00Z","actor":"bot","type":"note","text":"x"}]}"#, "lead.activities.0.actor"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","activities":[{"id":"a","at":"2024-05-14T09:30:00Z","actor":"dealer","type":"sms"}]}"#, "lead.activities.0.type"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","activities":[{"id":"a","at":"2024-05-14T09:30:00Z","actor":"dealer","type":"call","direction":"outbound","outcome":"busy"}]}"#, "lead.activities.0.durationSeconds"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","activities":[{"id":"a","at":"2024-05-14T09:30:00Z","actor":"dealer","type":"note","text":"1"},{"id":"a","at":"2024-05-14T09:30:00Z","actor":"dealer","type":"note","text":"2"}]}"#, "lead.activities.1.id"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","score":101}"#, "lead.score"),
        (#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"chat","vehicles":[{"primary":true},{"primary":true}]}"#, "lead"),
    ])
    func strict(text: String, path: String) {
        let error = failure(text)
        #expect(error?.code == .invalidArgument)
        #expect(error?.path == path)
    }

    @Test("Custom sources")
    func customSource() throws {
        #expect(try decode(#"{"id":"x","createdAt":"2024-05-14T09:30:00Z","source":"custom:Facebook"}"#).source == .custom("Facebook"))
    }
}
