// DealFinance — DealEngineTests: the lease inputs (Lease.swift) and their defaults.

import Testing
import DealDecimal
@testable import DealEngine

@Suite("Lease inputs")
struct LeaseTests {
    @Test("Defaults follow Documentation/Lease.md")
    func defaults() throws {
        let lease = Lease(sellingPrice: try ExactDecimal(parsing: "30000"), residual: .amount(try ExactDecimal(parsing: "15000")),
                          rate: .moneyFactor(try ExactDecimal(parsing: "0.002")), term: 36)
        #expect(lease.rateMethod == .moneyFactor)
        #expect(lease.paymentTiming == .advance)
        #expect(lease.frequency == .monthly)
        #expect(lease.driveOff == .downPayment)
        #expect(!lease.onePay && lease.tax == nil && lease.downPayment == .zero)
        let tax = LeaseTax(components: [.init(name: "Sales tax", rate: ExactDecimal(7))])
        #expect(tax.method == .monthly && !tax.capitalized && tax.capitalizedTaxBase == .excludesCappedTax)
        #expect(tax.taxCashDown && tax.tradeInCredit && !tax.rebatesReduceTaxBase)
        let fee = LeaseFee(name: "Acq", amount: ExactDecimal(895))
        #expect(fee.capitalized && !fee.taxable)
        let addOn = LeaseAddOn(name: "Rack", amount: ExactDecimal(600))
        #expect(addOn.taxable && !addOn.residualized && addOn.residualPercent == nil)
        let msd = MultipleSecurityDeposits(count: 7, moneyFactorReductionPerDeposit: try ExactDecimal(parsing: "0.00004"))
        #expect(msd.roundUpTo == ExactDecimal(50) && msd.maximumCount == 7)
        #expect(SecurityDeposits(amount: ExactDecimal(500)).count == 1)
    }
}
