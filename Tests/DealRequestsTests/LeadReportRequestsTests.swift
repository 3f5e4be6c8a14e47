// DealFinance — DealRequestsTests: adfParse, adfGenerate, leadReport, leadSummary.

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
}
