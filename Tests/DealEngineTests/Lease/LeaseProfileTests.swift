// DealFinance — DealEngineTests: lease dimensions of a rounding profile (LeaseModel, Lease+FastQuote).

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

/// 37000 cap cost, 2000 down, residual 58 % of 40000 = 23200, 36 months, APR 5.9 % (money
/// factor 5.9/2400), tax on the monthly payment.
private func lease(_ profile: RoundingProfile, taxRate: String = "7") -> Lease {
    var lease = Lease(sellingPrice: dec("37000.00"), residual: .percent(dec("58")), rate: .apr(dec("5.9")), term: 36)
    lease.msrp = dec("40000.00")
    lease.downPayment = dec("2000.00")
    lease.tax = LeaseTax(components: [.init(name: "Sales tax", rate: dec(taxRate))], method: .monthly)
    lease.rounding = profile
    return lease
}

@Suite("Lease rounding profiles")
struct LeaseProfileTests {
    /// Depreciation 11800/36 = 327.7777…, rent 58200 × 5.9/2400 = 143.075: rounded once
    /// 470.8527… → 470.85; parts rounded 327.78 + 143.08 = 470.86.
    @Test func partsRounded() throws {
        #expect(try lease(.standard).quote().periodicPayment.net == dec("470.85"))
        #expect(try lease(.leasePartsRounded).quote().periodicPayment.net == dec("470.86"))
    }

    /// Money factor 0.00245833… rounded to 6 decimals 0.002458: 327.7777… + 58200 × 0.002458
    /// = 470.8334 → 470.83.
    @Test func moneyFactorDecimals() throws {
        let quote = try lease(.moneyFactorRounded6).quote()
        #expect(quote.periodicPayment.net == dec("470.83"))
    }

    /// At 2.35 % tax: on 470.85 it is 11.064975 → 11.06; on 470.852777… 11.0650 → 11.07.
    @Test func paymentTaxOnUnroundedBase() throws {
        #expect(try lease(.standard, taxRate: "2.35").quote().periodicPayment.tax == dec("11.06"))
        #expect(try lease(.leaseTaxOnUnroundedBase, taxRate: "2.35").quote().periodicPayment.tax == dec("11.07"))
    }

    /// Tax components of 4 % and 2.35 % on 470.85: per line 18.834 → 18.83 and 11.064975 →
    /// 11.06 (29.89); on the total 6.35 % × 470.85 = 29.898975 → 29.90, the last line 11.07.
    @Test func taxRoundedOnTotal() throws {
        var deal = lease(.standard)
        deal.tax = LeaseTax(components: [.init(name: "State", rate: dec("4")), .init(name: "County", rate: dec("2.35"))], method: .monthly)
        #expect(try deal.quote().periodicPayment.tax == dec("29.89"))
        deal.rounding = .taxRoundedOnTotal
        let quote = try deal.quote()
        #expect(quote.periodicPayment.tax == dec("29.90"))
        #expect(quote.periodicPayment.taxes?.map(\.amount) == [dec("18.83"), dec("11.07")])
    }

    /// An advertised lease payment rounded up to whole units.
    @Test func wholeUnitBase() throws {
        #expect(try lease(.wholeUnitPaymentUp).quote().periodicPayment.net == dec("471.00"))
    }

    /// The integer fast path takes standard (and rule-only changes) and defers for the rest,
    /// where the general path gives the answer.
    @Test func fastPathDefersForOtherDimensions() throws {
        var plain = lease(.standard)
        plain.rate = .moneyFactor(dec("0.00250"))
        #expect(plain.fastQuote(includeSchedule: false) != nil)
        for profile in [RoundingProfile.leasePartsRounded, .leaseTaxOnUnroundedBase, .moneyFactorRounded6, .wholeUnitPaymentUp, .taxRoundedOnTotal] {
            plain.rounding = profile
            #expect(plain.fastQuote(includeSchedule: false) == nil, "\(profile.name)")
            _ = try plain.quote()
        }
    }

    @Test func effectiveBasisIsUnsupportedForLeases() {
        do {
            _ = try lease(.effectiveAnnualRate).quote()
            Issue.record("accepted")
        } catch {
            #expect(error.code == .unsupported)
            #expect(error.path == "rounding.rateBasis")
        }
    }
}
