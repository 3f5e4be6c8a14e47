// DealFinance — dealcalc tests: LeadSummaryText (the Lead Summary in the portal's labels).
@testable import dealcalc
import DealFinance
import DealJSON
import DealLeads
import Testing

@Suite("LeadSummaryText")
struct LeadSummaryTextTests {
    static let lead = #"""
    {"id": "L-1", "createdAt": "2026-10-18T09:58:00Z", "source": "referral", "stage": "Negotiation",
     "contact": {"firstName": "Ann", "lastName": "Buyer", "email": "ann@example.com"},
     "vehicles": [{"year": 2025, "make": "Honda", "model": "Civic", "price": "32500.00", "mileage": 12000, "primary": true}],
     "activities": [
       {"id": "a1", "at": "2026-10-20T10:00:00Z", "actor": "customer", "type": "dealTermChange", "term": "downPayment", "from": "3000.00", "to": "5000.00"},
       {"id": "a2", "at": "2026-10-21T10:00:00Z", "actor": "dealer", "type": "dealTermChange", "term": "creditScore", "to": "720"}]}
    """#

    static func render(insights: String = "all", deal: Bool = true) throws -> String {
        var request = #"{"calculate": "leadSummary", "insights": "\#(insights)", "lead": \#(lead)"#
        if deal { request += #", "deal": {"sellingPrice": "30000.00", "apr": "6", "term": 60}"# }
        let answer = DealCalculator.calculate(requestBytes: Array((request + "}").utf8))
        try #require(!DealCalculator.isError(answer))
        return LeadSummaryText(summary: answer).render()
    }

    @Test("people's labels, not JSON keys; amounts grouped")
    func labels() throws {
        let text = try Self.render()
        #expect(text.contains("  Net Financed Amount     30,000.00\n"))
        #expect(text.contains("  Est. Periodic Payment   579.98\n"))
        #expect(text.contains("  Rate                    6 %\n"))
        #expect(text.contains("  Mileage                 12,000 mi\n"))
        #expect(text.contains("  Price                   32,500.00\n"))
        for key in ["netFinancedAmount", "estimatedPayment", "dealType", "leadId"] { #expect(!text.contains(key)) }
        #expect(text.contains("\nPayment Breakdown — retail installment contract (USD)\n"))
    }

    @Test("Activity Insights lists the deal-term changes the filter keeps", arguments: [
        ("all", true, true), ("customer", true, false), ("dealer", false, true),
    ])
    func insights(filter: String, customer: Bool, dealer: Bool) throws {
        let text = try Self.render(insights: filter, deal: false)
        #expect(text.contains("Down payment: 3,000.00 → 5,000.00") == customer)
        #expect(text.contains("Credit score: — → 720") == dealer)
        #expect(!text.contains("Payment Breakdown"))
    }
}
