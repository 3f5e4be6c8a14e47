// DealFinance — DealRequestsTests: adfParse, adfGenerate, leadReport, leadSummary.

import Foundation
import Testing
import DealJSON
import DealEngine
import DealDecimal
@testable import DealRequests

@Suite("Lead report requests")
struct LeadReportRequestsTests {
    static let lead = #"{"id":"L-1","createdAt":"2026-11-02T08:00:00Z","source":"chat","contact":{"firstName":"Ann","lastName":"Lee","email":"ann@example.com"},"vehicles":[{"year":2026,"make":"Kia","model":"EV6","primary":true}]}"#

    @Test func adfGenerateThenParseRoundTrips() throws {
        let generated = DealCalculator.calculate(requestText: #"{"calculate":"adfGenerate","dealerName":"Example Motors","leads":["# + Self.lead + "]}")
        let xml = try #require(generated.value(atPath: "xml")?.stringValue)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?adf version=\"1.0\"?>"))
        let parsed = DealCalculator.calculate(.object(JSONObject([("calculate", "adfParse"), ("xml", .string(xml)), ("leadId", "L-1")])))
        #expect(parsed.value(atPath: "leads.0.lead.contact.email")?.stringValue == "ann@example.com")
        #expect(parsed.value(atPath: "leads.0.lead.createdAt")?.stringValue == "2026-11-02T08:00:00Z")
        #expect(parsed.value(atPath: "leads.0.lead.source")?.stringValue == "chat")
        #expect(parsed.value(atPath: "leads.0.dealerName")?.stringValue == "Example Motors")
    }

    @Test(arguments: [
        (#"{"calculate":"adfParse"}"#, "xml"),
        (#"{"calculate":"adfParse","xml":"<adf>"}"#, "xml"),
        (#"{"calculate":"leadReport","report":"funnel","leads":[],"from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","asOf":"2026-11-02T00:00:00Z","bogus":1}"#, "bogus"),
        (#"{"calculate":"adfParse","xml":"<adf><prospect/></adf>"}"#, "receivedAt"),
        (#"{"calculate":"adfParse","xml":"<adf><prospect/></adf>","defaultUtcOffset":"5"}"#, "defaultUtcOffset"),
        (#"{"calculate":"leadReport","report":"nope","leads":[],"from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","asOf":"2026-11-02T00:00:00Z"}"#, "report"),
        (#"{"calculate":"leadReport","report":"funnel","leads":[],"from":"2026-11-03T00:00:00Z","to":"2026-11-02T00:00:00Z","asOf":"2026-11-02T00:00:00Z"}"#, "to"),
        (#"{"calculate":"leadReport","report":"sourceAnalysis","leads":[],"from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","asOf":"2026-11-02T00:00:00Z","spend":{"chat":"-1"}}"#, "spend.chat"),
        (#"{"calculate":"leadSummary"}"#, "lead"),
        (#"{"calculate":"leadSummary","lead":{"id":"x","createdAt":"2026-11-02T08:00:00Z","source":"chat"},"deal":{"sellingPrice":"1.00","apr":"6"}}"#, "deal.term"),
        (#"{"calculate":"leadSummary","lead":{"id":"x","createdAt":"2026-11-02T08:00:00Z","source":"chat"},"deal":{"calculate":"loan"}}"#, "deal.calculate"),
        (#"{"calculate":"leadSummary","lead":{"id":"x","createdAt":"2026-11-02T08:00:00Z","source":"chat"},"deal":{"solveFor":"downPayment","targetPayment":"400.00","sellingPrice":"30000.00","apr":"6","term":60}}"#, "deal.solveFor"),
    ])
    func rejected(text: String, path: String) {
        let answer = DealCalculator.calculate(requestText: text)
        #expect(answer.value(atPath: "error.code")?.stringValue == "invalid_argument", "\(answer)")
        #expect(answer.value(atPath: "error.path")?.stringValue == path, "\(answer)")
    }

    @Test func summaryBreakdownIsTheLoanResult() throws {
        let deal = #"{"sellingPrice":"30000.00","apr":"6","term":60,"downPayment":"1000.00","tax":{"rate":"7"}}"#
        let answer = DealCalculator.calculate(requestText: #"{"calculate":"leadSummary","lead":"# + Self.lead + #","deal":"# + deal + "}")
        let loan = DealCalculator.calculate(requestText: #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"downPayment":"1000.00","tax":{"rate":"7"}}"#)
        #expect(answer.value(atPath: "paymentBreakdown") == loan)
        #expect(answer.value(atPath: "dealSummary.estimatedPayment") == loan.value(atPath: "periodicPayment.total"))
        #expect(answer.value(atPath: "dealSummary.netFinancedAmount") == loan.value(atPath: "netFinancedAmount"))
    }

    @Test(arguments: ["hotSheet", "funnel", "conversionBySource", "conversionBySalesperson", "conversionByVehicleType", "responseTime",
                      "timeInStage", "velocity", "pipelineByStageAndAge", "teamPerformance", "sourceAnalysis"])
    func everyReportAnswers(report: String) {
        let answer = DealCalculator.calculate(requestText: #"{"calculate":"leadReport","report":""# + report + #"","leads":["# + Self.lead + #"],"from":"2026-11-01T00:00:00Z","to":"2026-11-03T00:00:00Z","asOf":"2026-11-03T00:00:00Z"}"#)
        #expect(!DealCalculator.isError(answer), "\(answer)")
        #expect(answer.value(atPath: "cohort")?.numberText == "1")
    }

    /// Each producer vector's `xml` is byte for byte its fixture under Vectors/leads/fixtures/
    /// (the file `source` names), so the fixtures and the vectors cannot drift apart.
    @Test func producerVectorsAreTheirFixtures() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Vectors/leads/adf-producers.json"))
        let cases = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["cases"] as? [[String: Any]])
        var checked = 0
        for entry in cases where (entry["id"] as? String)?.hasPrefix("adf-producer-") == true {
            let source = try #require(entry["source"] as? String)
            let name = try #require(source.components(separatedBy: "Vectors/leads/fixtures/").dropFirst().first?.components(separatedBy: " ").first)
            let fixture = try Data(contentsOf: root.appendingPathComponent("Vectors/leads/fixtures/\(name)"))
            let xml = try #require((entry["request"] as? [String: Any])?["xml"] as? String)
            #expect(Data(xml.utf8) == fixture, "\(name)")
            checked += 1
        }
        #expect(checked >= 10)
    }

    @Test func adfParseTakesBytesAsBase64() {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><adf><prospect><requestdate>2024-05-14T09:30:00Z</requestdate><customer><contact><name part=\"last\">Mu".utf8)
            + [0xF1] + Array("oz</name><phone>1</phone></contact></customer><vendor><vendorname>D</vendorname></vendor></prospect></adf>".utf8)
        let parsed = DealCalculator.calculate(.object(JSONObject([("calculate", "adfParse"), ("xmlBase64", .string(Data(latin1).base64EncodedString()))])))
        #expect(parsed.value(atPath: "leads.0.lead.contact.lastName")?.stringValue == "Muñoz")
        let both = DealCalculator.calculate(.object(JSONObject([("calculate", "adfParse"), ("xml", "<adf/>"), ("xmlBase64", "PGFkZi8+")])))
        #expect(both.value(atPath: "error.path")?.stringValue == "xmlBase64")
        let notBase64 = DealCalculator.calculate(.object(JSONObject([("calculate", "adfParse"), ("xmlBase64", "<adf/>")])))
        #expect(notBase64.value(atPath: "error.path")?.stringValue == "xmlBase64")
        let invalid = DealCalculator.calculate(.object(JSONObject([("calculate", "adfParse"), ("xmlBase64", .string(Data([0x3C, 0x61, 0xFF]).base64EncodedString()))])))
        #expect(invalid.value(atPath: "error.message")?.stringValue?.contains("byte 2") == true)
    }

    @Test func adfGenerateUsesEachLeadsVendorWhenNoDealerName() throws {
        let lead = Self.lead.replacingOccurrences(of: #""source":"chat","#, with: #""source":"chat","vendor":{"name":"Lead's Dealer"},"#)
        let generated = DealCalculator.calculate(requestText: #"{"calculate":"adfGenerate","leads":["# + lead + "]}")
        #expect(generated.value(atPath: "xml")?.stringValue?.contains("<vendorname>Lead's Dealer</vendorname>") == true)
        let missing = DealCalculator.calculate(requestText: #"{"calculate":"adfGenerate","leads":["# + Self.lead + "]}")
        #expect(missing.value(atPath: "error.path")?.stringValue == "dealerName")
    }
}
