// DealFinance — dealcalc tests: BreakdownTable (the Payment Breakdown in the portal's sections).
@testable import dealcalc
import DealFinance
import DealJSON
import DealLeads
import Testing

@Suite("BreakdownTable")
struct BreakdownTableTests {
    static func table(_ request: String) -> String {
        BreakdownTable(result: DealCalculator.calculate(requestBytes: Array(request.utf8))).render()
    }

    @Test("a loan: the three sections in order, then Truth in Lending")
    func sections() throws {
        let text = Self.table(DealCalculator.exampleRequest(named: "loan")!)
        let order = ["1. Payment", "2. Price, products and trade-in", "3. Amount financed", "Truth in Lending", "Maturity"]
        let positions = try order.map { try #require(text.range(of: "\n\($0)\n")).lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.contains("  Net financed amount                    35,278.18\n"))
        #expect(text.contains("    Periodic rate                          0.575 %\n"))
        #expect(text.contains("    Dealer offer                          9,000.00\n"))
        #expect(!text.contains("Contract rate"))   // the same as the APR here
    }

    @Test("the contract rate shows when it differs from the APR; lines a result lacks are left out")
    func contractRate() {
        let text = Self.table(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"fees":[{"name":"Origination","amount":"500.00","prepaidFinanceCharge":true}]}"#)
        #expect(text.contains("Contract rate"))
        #expect(!text.contains("Dealer offer") && !text.contains("MSRP"))
    }

    @Test("section 2 itemizes the add-ons, pre-installed ones marked, with the balloon")
    func preInstalledAddOns() throws {
        let text = Self.table(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"balloon":{"amount":"10000.00"},"addOns":[{"name":"Tint","amount":"399.00","preInstalled":true},{"name":"Mats","amount":"150.00"}]}"#)
        let section = try #require(text.range(of: "2. Price, products and trade-in\n")).upperBound
        let end = try #require(text.range(of: "\n3. Amount financed\n")).lowerBound
        let rows = text[section..<end].split(separator: "\n").map(String.init)
        #expect(rows.contains("  Balloon (RV)                           10,000.00"))
        let addOns = try #require(rows.firstIndex(of: "  Add-ons                                   549.00"))
        #expect(Array(rows[(addOns + 1)...].prefix(3)) == ["    Tint (pre-installed)                    399.00",
                                                         "    Mats                                    150.00",
                                                         "    Of which pre-installed                  399.00"])
    }

    @Test("a lease keeps the Regulation M layout with the RV on add-ons line when present")
    func lease() {
        let text = Self.table(DealCalculator.exampleRequest(named: "lease")!)
        #expect(text.hasPrefix("Payment Breakdown — closed-end vehicle lease"))
        #expect(text.contains("Regulation M disclosure"))
    }
}
