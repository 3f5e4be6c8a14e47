// DealFinance — DealRequestsTests: the built-in example requests.

import Testing
import DealJSON
@testable import DealRequests

@Suite("Examples")
struct ExamplesTests {
    @Test("Every advertised example has a request; unknown names have none")
    func names() {
        #expect(DealCalculator.exampleNames == ["loan", "lease"])
        for name in DealCalculator.exampleNames { #expect(DealCalculator.exampleRequest(named: name) != nil) }
        #expect(DealCalculator.exampleRequest(named: "Loan") == nil)
        #expect(DealCalculator.exampleRequest(named: "") == nil)
        #expect(DealCalculator.exampleRequest(named: "mortgage") == nil)
    }

    @Test("The loan example is valid JSON with every kind of line and the documented terms")
    func loanRequest() throws {
        let text = try #require(DealCalculator.exampleRequest(named: "loan"))
        let request = try JSONReader().parse(text)
        #expect(request.value(atPath: "calculate") == "loan")
        #expect(request.value(atPath: "apr") == "6.9")
        #expect(request.value(atPath: "term") == 60)
        #expect(request.value(atPath: "tax.rate") == "7")
        for key in ["addOns", "products", "fees", "tradeIns", "rebates"] {
            #expect(request.value(atPath: key)?.arrayValue?.isEmpty == false, "\(key)")
        }
        #expect(request.value(atPath: "fees.1.financed") == false)
    }

    /// Hand-computed from RetailLoan.md (Python fractions, not the engine):
    /// taxable 32500 + 189 + 85 − 9000 = 23774 → 7 % = 1664.18; financed 32500 + 189 + 2590 + 85
    /// + 2250 (negative equity) + 1664.18 = 39278.18; reduction 3000 + 1000 = 4000; net 35278.18;
    /// first period 2026-11-23 → 2027-01-07 = 1 month + 14/30; P* = 698.7586… → 698.76.
    @Test("The loan example computes the hand-checked breakdown")
    func loanResult() throws {
        let text = try #require(DealCalculator.exampleRequest(named: "loan"))
        let result = DealCalculator.calculate(requestText: text)
        #expect(!DealCalculator.isError(result))
        let expected: [(String, JSONValue)] = [
            ("sellingPrice", "32500.00"), ("addOnsTotal", "189.00"), ("productsTotal", "2590.00"),
            ("feesFinanced", "85.00"), ("feesDueAtSigning", "312.50"), ("tradeInAllowance", "9000.00"),
            ("tradeInPayoff", "11250.00"), ("tradeInEquity", "-2250.00"), ("taxableAmount", "23774.00"),
            ("salesTax", "1664.18"), ("financedAmount", "39278.18"), ("capitalizedCostReduction", "4000.00"),
            ("netFinancedAmount", "35278.18"), ("amountFinanced", "35278.18"), ("disclosedDownPayment", "1750.00"),
            ("periodicPayment.total", "698.76"), ("finalPayment", "698.58"), ("totalOfPayments", "41925.42"),
            ("financeCharge", "6647.24"), ("totalSalePrice", "43987.92"), ("dueAtSigning.total", "3312.50"),
            ("dueAtSigning.items.0.name", "Cash down payment"), ("dueAtSigning.items.1.name", "Title and registration"),
            ("firstPaymentDate", "2027-01-07"), ("maturityDate", "2031-12-07"), ("numberOfPayments", 60),
        ]
        for (path, value) in expected {
            #expect(result.value(atPath: path) == value, "\(path)")
        }
        #expect(result.value(atPath: "firstPayment") == nil)
    }

    /// Hand-computed from Lease.md (Python fractions): Documentation/Reference/Lease.md's deal → 503.01; up-front tax
    /// 7 % × (2000 cash + 1000 rebate + 85 taxable doc fee) = 215.95; due at signing 3000 +
    /// 503.01 + 85 + 350 + 215.95 = 4153.96; total of payments 4153.96 + 35 × 503.01 + 395 = 22154.31.
    @Test("The lease example computes the hand-checked breakdown")
    func leaseResult() throws {
        let text = try #require(DealCalculator.exampleRequest(named: "lease"))
        let result = DealCalculator.calculate(requestText: text)
        #expect(!DealCalculator.isError(result))
        #expect(result.value(atPath: "periodicPayment.total") == "503.01")
        #expect(result.value(atPath: "upfrontTax") == "215.95")
        #expect(result.value(atPath: "dueAtSigning.total") == "4153.96")
        #expect(result.value(atPath: "cashDueAtSigning") == "3153.96")
        #expect(result.value(atPath: "totalOfPayments") == "22154.31")
        #expect(result.value(atPath: "leaseEndDate") == "2029-11-23")
    }
}
