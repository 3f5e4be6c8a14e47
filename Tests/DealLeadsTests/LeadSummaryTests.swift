// DealFinance — DealLeadsTests: the Lead Summary reads the deal engine's quote, never its own math.

import Testing
import DealDecimal
import DealEngine
@testable import DealLeads

@Suite("Lead Summary")
struct LeadSummaryTests {
    static func lead() throws -> Lead {
        let t0 = try Instant(parsing: "2024-05-14T14:30:00Z")
        var lead = Lead(id: "L-7", contact: Contact(firstName: "Jane", lastName: "Doe", email: "jane.doe@example.com", phone: "(312) 555-0147", preferredContact: .sms),
                        createdAt: t0, source: .paymentEstimator)
        lead.vehicles = [VehicleOfInterest(year: 2005, make: "Buick", model: "LaCrosse", trim: "CXL", vin: "1G4AH59H45G118341",
                                           stockNumber: "A1234", condition: .used, mileage: 84210, price: ExactDecimal(6995), isPrimary: true)]
        lead.dealID = "D-1"
        lead = try DealStatus.transition(lead, to: .draft, actor: .customer, at: t0.adding(seconds: 60))
        lead.record(Activity(id: "t1", at: t0.adding(seconds: 120), actor: .customer, kind: .dealTermChange(TermChange(term: .downPayment, from: "1000", to: "1500"))))
        lead.record(Activity(id: "t2", at: t0.adding(seconds: 180), actor: .dealer, kind: .dealTermChange(TermChange(term: .term, from: "36", to: "24"))))
        return lead
    }

    @Test(arguments: [("6995.00", "9.9", 24, "1500.00"), ("30000.00", "6", 60, "0.00"), ("18250.55", "0", 36, "250.00"), ("42000.00", "3.49", 72, "5000.00")])
    func paymentBreakdownIsTheEngineQuote(price: String, apr: String, term: Int, down: String) throws {
        var loan = RetailLoan(sellingPrice: try ExactDecimal(parsing: price), apr: try ExactDecimal(parsing: apr), term: term)
        loan.downPayment = try ExactDecimal(parsing: down)
        loan.tax = SalesTax(rate: try ExactDecimal(parsing: "7.25"))
        loan.fees = [Fee(name: "Doc fee", amount: ExactDecimal(199))]
        let summary = try LeadSummary(lead: try Self.lead(), deal: loan)
        let quote = try loan.quote()
        #expect(summary.paymentBreakdown == quote)
        #expect(summary.deal?.netFinancedAmount == quote.netFinancedAmount)
        #expect(summary.deal?.estimatedPayment == quote.periodicPayment.total)
        #expect(summary.deal?.rate == quote.apr)
        #expect(summary.deal?.dealType == "\(term) Months Finance")
    }

    @Test func sections() throws {
        let loan = RetailLoan(sellingPrice: ExactDecimal(6995), apr: try ExactDecimal(parsing: "9.9"), term: 24)
        let summary = try LeadSummary(lead: try Self.lead(), deal: loan)
        #expect(summary.deal?.asset == "2005 Buick LaCrosse CXL" && summary.deal?.leadID == "L-7" && summary.deal?.status == "draft")
        #expect(summary.deal?.vin == "1G4AH59H45G118341")
        #expect(summary.asset == LeadSummary.AssetDetails(year: 2005, make: "Buick", model: "LaCrosse", trim: "CXL", vin: "1G4AH59H45G118341",
                                                          condition: "used", stockNumber: "A1234", mileage: 84210, price: ExactDecimal(6995)))
        #expect(summary.customer.name == "Jane Doe" && summary.customer.preferredContact == "sms")
        #expect(summary.activityInsights.total == 3 && summary.activityInsights.countsByKind == ["statusChange": 1, "dealTermChange": 2])
        #expect(summary.activityInsights.termChanges.map(\.term) == ["downPayment", "term"])
        let customerOnly = try LeadSummary(lead: try Self.lead(), deal: nil, insights: .customer)
        #expect(customerOnly.activityInsights.termChanges.map(\.actor) == ["customer"])
        #expect(customerOnly.deal == nil && customerOnly.paymentBreakdown == nil)
        #expect(LeadSummary.dealType(term: 26, frequency: .biweekly) == "26 Biweekly Payments Finance")
    }

    @Test func invalidDealIsTheEnginesError() throws {
        let loan = RetailLoan(sellingPrice: ExactDecimal(6995), apr: try ExactDecimal(parsing: "9.9"), term: 0)
        #expect(throws: DealError.self) { try LeadSummary(lead: try Self.lead(), deal: loan) }
    }
}
