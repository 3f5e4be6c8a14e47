// DealFinance — DealEngineTests: every lease line on hand-computed deals (Lease+Quote.swift).
//
// Expected values were computed with Python `fractions` from Documentation/Lease.md, never by
// running the engine. The capitalized-tax property test iterates the fixed point in GMP rationals.

import Testing
import DealDecimal
import _DealTestSupport
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

/// the worked example of Documentation/Reference/Lease.md.
private func specLease() -> Lease {
    var lease = Lease(sellingPrice: dec("37000.00"), residual: .percent(dec("58")), rate: .moneyFactor(dec("0.00250")), term: 36)
    lease.msrp = dec("40000.00")
    lease.fees = [LeaseFee(name: "Acquisition fee", amount: dec("895.00"))]
    lease.downPayment = dec("2000.00")
    lease.rebates = [Rebate(name: "Lease cash", amount: dec("1000.00"))]
    lease.tax = LeaseTax(components: [.init(name: "Sales tax", rate: dec("7"))])
    return lease
}

@Suite("Lease quote: hand-computed deals")
struct LeaseQuoteComputationTests {
    @Test("Documentation/Reference/Lease.md worked example: every line")
    func specExample() throws {
        let quote = try specLease().quote(includeSchedule: true)
        #expect(quote.grossCapitalizedCost == dec("37895.00"))
        #expect(quote.capitalizedCostReduction == dec("3000.00"))
        #expect(quote.adjustedCapitalizedCost == dec("34895.00"))
        #expect(quote.residualValue == dec("23200.00"))
        #expect(quote.depreciation == dec("11695.00"))
        #expect(quote.periodicDepreciation == dec("324.86"))
        #expect(quote.periodicRentCharge == dec("145.24"))
        #expect(quote.periodicPayment.net == dec("470.10"))
        #expect(quote.periodicPayment.tax == dec("32.91"))
        #expect(quote.periodicPayment.total == dec("503.01"))
        #expect(quote.rentCharge == dec("5228.60"))           // 36 × 470.10 − 11695
        #expect(quote.equivalentApr == dec("6"))
        #expect(quote.upfrontTax == dec("210.00"))            // 7 % of cash down 2000 + rebate 1000
        #expect(quote.dueAtSigning.total == dec("3713.01"))   // 3000 + 503.01 + 210
        #expect(quote.cashDueAtSigning == dec("2713.01"))
        #expect(quote.totalOfPayments == dec("21318.36"))     // 3713.01 + 35 × 503.01
        #expect(quote.disclosedDownPayment == dec("3000.00"))
        let schedule = try #require(quote.schedule)
        #expect(schedule.count == 36)
        #expect(schedule.last?.balance == dec("23200.00"))
        let rent = try schedule.reduce(ExactDecimal.zero) { try $0 + $1.rentCharge }
        #expect(rent == quote.rentCharge)
    }

    @Test("APR with rateMethod moneyFactor converts by /2400 exactly")
    func aprToMoneyFactor() throws {
        var lease = specLease()
        lease.rate = .apr(dec("6"))
        let quote = try lease.quote()
        #expect(quote.moneyFactorFromApr)
        #expect(quote.moneyFactor == dec("0.0025"))
        #expect(quote.periodicPayment.total == dec("503.01"))
        lease.rate = .apr(dec("5"))
        #expect(try lease.quote().moneyFactorExact == "5/2400")
    }

    @Test("Annuity method at exactly 6 %: 469.44 (advance), constant-yield schedule ends at the residual")
    func annuity() throws {
        var lease = specLease()
        lease.rate = .apr(dec("6"))
        lease.rateMethod = .annuity
        let quote = try lease.quote(includeSchedule: true)
        #expect(quote.periodicPayment.net == dec("469.44"))
        #expect(quote.rentCharge == dec("5204.84"))
        let schedule = try #require(quote.schedule)
        #expect(schedule.first?.rentCharge == dec("172.13"))
        #expect(schedule.last?.rentCharge == dec("115.50"))
        #expect(schedule.last?.balance == dec("23200.00"))
        lease.paymentTiming = .arrears
        let arrears = try lease.quote(includeSchedule: true)
        #expect(arrears.periodicPayment.net == dec("471.78"))
        #expect(arrears.schedule?.first?.rentCharge == dec("174.48"))
        #expect(arrears.schedule?.last?.balance == dec("23200.00"))
        #expect(arrears.rentCharge == dec("5289.08"))
    }

    @Test("Seven multiple security deposits: MF 0.00222, base 453.83, 7 × 500")
    func multipleSecurityDeposits() throws {
        var lease = specLease()
        lease.multipleSecurityDeposits = MultipleSecurityDeposits(count: 7, moneyFactorReductionPerDeposit: dec("0.00004"))
        let quote = try lease.quote()
        #expect(quote.moneyFactor == dec("0.00222"))
        #expect(quote.moneyFactorBeforeDeposits == dec("0.0025"))
        #expect(quote.periodicPayment.net == dec("453.83"))
        #expect(quote.periodicPayment.total == dec("485.60"))
        #expect(quote.securityDepositEach == dec("500.00"))
        #expect(quote.securityDeposit == dec("3500.00"))
        // Refundable: in due at signing, not in the total of payments.
        #expect(try quote.totalOfPayments == quote.dueAtSigning.total - dec("3500.00") + dec("485.60") * ExactDecimal(35))
    }

    @Test("Upfront tax on payments, capitalized: one pass 1324.65 / 510.21, fixed point 1434.07 / 513.52")
    func capitalizedTaxOnPayments() throws {
        var lease = specLease()
        lease.tax = LeaseTax(components: [.init(name: "Sales tax", rate: dec("7"))], method: .upfrontOnPayments, capitalized: true,
                             rebatesReduceTaxBase: true)
        let onePass = try lease.quote()
        #expect(onePass.upfrontTax == dec("1324.65"))
        #expect(onePass.capitalizedTaxes == dec("1324.65"))
        #expect(onePass.periodicPayment.total == dec("510.21"))
        #expect(onePass.periodicPayment.tax == dec("0.00"))
        lease.tax?.capitalizedTaxBase = .includesCappedTax
        let fixed = try lease.quote()
        #expect(fixed.upfrontTax == dec("1434.07"))
        #expect(fixed.periodicPayment.total == dec("513.52"))
        lease.tax?.capitalized = false
        let atSigning = try lease.quote()
        #expect(atSigning.upfrontTax == dec("1324.65"))      // 7 % × (36 × 470.10 + 2000)
        #expect(atSigning.periodicPayment.total == dec("470.10"))
        #expect(atSigning.dueAtSigning.items.contains(NamedAmount(name: "Sales tax (up front)", amount: dec("1324.65"))))
    }

    @Test("Upfront tax on the price, capitalized: 2590.00, base payment 548.52")
    func upfrontOnPrice() throws {
        var lease = specLease()
        lease.tax = LeaseTax(components: [.init(name: "Sales tax", rate: dec("7"))], method: .upfrontOnPrice, capitalized: true)
        let quote = try lease.quote()
        #expect(quote.upfrontTaxBase == dec("37000.00"))
        #expect(quote.upfrontTax == dec("2590.00"))
        #expect(quote.adjustedCapitalizedCost == dec("37485.00"))
        #expect(quote.periodicPayment.net == dec("548.52"))
    }

    @Test("Revenu Québec: 20,000 vehicle, 5,000 trade, 8,000 residual, 48 months at no charge → 145.83 + 7.29 + 14.55 = 167.67")
    func quebec() throws {
        var lease = Lease(sellingPrice: dec("20000.00"), residual: .amount(dec("8000.00")), rate: .moneyFactor(dec("0")), term: 48)
        lease.tradeIns = [TradeIn(allowance: dec("5000.00"))]
        lease.currency = try Currency(code: "CAD")
        lease.tax = LeaseTax(components: [.init(name: "GST", rate: dec("5")), .init(name: "QST", rate: dec("9.975"))])
        let quote = try lease.quote()
        #expect(quote.periodicPayment.net == dec("145.83"))
        #expect(quote.periodicPayment.taxes == [NamedAmount(name: "GST", amount: dec("7.29")), NamedAmount(name: "QST", amount: dec("14.55"))])
        #expect(quote.periodicPayment.total == dec("167.67"))
        #expect(quote.upfrontTax == dec("0.00"))
    }

    @Test("One-pay: 11695 + 36 × 58095 × 0.0025 = 16923.55, tax 1184.65")
    func onePay() throws {
        var lease = specLease()
        lease.onePay = true
        let quote = try lease.quote(includeSchedule: true)
        #expect(quote.numberOfPayments == 1)
        #expect(quote.periodicPayment.net == dec("16923.55"))
        #expect(quote.periodicPayment.tax == dec("1184.65"))
        #expect(quote.rentCharge == dec("5228.55"))
        #expect(quote.totalOfPayments == quote.dueAtSigning.total)
        #expect(quote.schedule?.count == 1 && quote.schedule?.first?.balance == dec("23200.00"))
    }

    @Test("Residualized add-on: 2,000 at 50 % adds 1,000 of residual (RV on add-ons)")
    func residualizedAddOn() throws {
        var lease = specLease()
        lease.addOns = [LeaseAddOn(name: "Wheels", amount: dec("2000.00"), residualized: true, residualPercent: dec("50"))]
        let quote = try lease.quote()
        #expect(quote.residualOnAddOns == dec("1000.00"))
        #expect(quote.residualValue == dec("24200.00"))
        #expect(quote.periodicPayment.net == dec("505.38"))
        #expect(quote.periodicPayment.tax == dec("35.38"))
    }

    @Test("Zero drive-off: the first payment and taxes are capitalized; the solved amount satisfies the linear equation")
    func zeroDriveOff() throws {
        var lease = specLease()
        lease.downPayment = .zero
        lease.driveOff = .zeroDriveOff
        let quote = try lease.quote()
        #expect(quote.capitalizedDriveOff == dec("659.15"))
        #expect(quote.adjustedCapitalizedCost == dec("37554.15"))
        #expect(quote.periodicPayment.net == dec("550.61"))
        #expect(quote.periodicPayment.tax == dec("38.54"))
        #expect(quote.cashDueAtSigning == dec("0.00"))
        // X = first payment + tax on the rebate (70.00) exactly: the rounded equation holds.
        #expect(try quote.capitalizedDriveOff! == quote.periodicPayment.total + dec("70.00"))
    }

    @Test("Total cash 5,000: up-front items first, the rest is the down payment")
    func totalCash() throws {
        var lease = specLease()
        lease.downPayment = .zero
        lease.driveOff = .totalCash(dec("5000.00"))
        let quote = try lease.quote()
        #expect(quote.downPayment == dec("4204.11"))
        #expect(quote.downPaymentSolved)
        #expect(quote.periodicPayment.net == dec("403.36"))
        #expect(quote.periodicPayment.tax == dec("28.24"))
        #expect(quote.upfrontTax == dec("364.29"))
        #expect(quote.cashDueAtSigning == dec("5000.00"))
    }

    @Test("Validation errors carry their paths")
    func validation() throws {
        func path(_ change: (inout Lease) -> Void) -> String? {
            var lease = specLease()
            change(&lease)
            do { _ = try lease.quote(); return nil } catch { return error.path }
        }
        #expect(path { $0.residual = .amount(dec("40000.00")) } == "residual")
        #expect(path { $0.msrp = nil } == "msrp")
        #expect(path { $0.rate = .moneyFactor(dec("-0.001")) } == "moneyFactor")
        #expect(path { $0.term = 0 } == "term")
        #expect(path { $0.downPayment = dec("40000.00") } == "downPayment")
        #expect(path { $0.onePay = true; $0.paymentTiming = .arrears } == "onePay")
        #expect(path { $0.tax?.method = .monthly; $0.tax?.capitalized = true } == "tax.capitalized")
        #expect(path { $0.rateMethod = .annuity; $0.multipleSecurityDeposits = MultipleSecurityDeposits(count: 1, moneyFactorReductionPerDeposit: dec("0.00004")) } == "multipleSecurityDeposits")
        #expect(path { $0.multipleSecurityDeposits = MultipleSecurityDeposits(count: 8, moneyFactorReductionPerDeposit: dec("0.00004")) } == "multipleSecurityDeposits.count")
        #expect(path { $0.contractDate = try! CivilDate(year: 2026, month: 1, day: 1); $0.firstPaymentDate = try! CivilDate(year: 2026, month: 2, day: 1) } == "firstPaymentDate")
    }
}

@Suite("Lease quote: capitalized tax closed form vs brute-force fixed point")
struct LeaseCapitalizedTaxPropertyTests {
    /// Iterates T ← t·(n·P*(C₀ + T) + K) in exact rationals until the change is below 10⁻¹⁵
    /// cent, then rounds half up: the value the closed form must give.
    @Test("200 random deals, both capitalized tax bases")
    func closedFormEqualsFixedPoint() throws {
        var random = SeededGenerator(seed: 0x1EA5E)
        for _ in 0..<200 {
            let msrp = random.int(in: 20_000...90_000)
            let price = msrp - random.int(in: 0...3_000)
            let down = random.int(in: 0...5_000)
            let n = random.element(of: [24, 36, 39, 48, 60])
            let mfMillionths = random.int(in: 0...4_000)        // MF 0 … 0.004
            let rv = random.int(in: 40...65)
            let taxTenths = random.int(in: 10...110)           // 1 % … 11 %
            var lease = Lease(sellingPrice: ExactDecimal(price), residual: .percent(ExactDecimal(rv)),
                              rate: .moneyFactor(try ExactDecimal(coefficient: Int128(mfMillionths), scale: 6)), term: n)
            lease.msrp = ExactDecimal(msrp)
            lease.downPayment = ExactDecimal(down)
            let rate = try ExactDecimal(coefficient: Int128(taxTenths), scale: 1)
            for base in LeaseTax.CapitalizedTaxBase.allCases {
                lease.tax = LeaseTax(components: [.init(name: "Sales tax", rate: rate)], method: .upfrontOnPayments,
                                     capitalized: true, capitalizedTaxBase: base)
                let quote = try lease.quote()
                // Oracle in cents.
                let t = Rational(numerator: taxTenths, denominator: 1000)
                let mf = Rational(numerator: mfMillionths, denominator: 1_000_000)
                let residual = (Rational(msrp * 100) * Rational(rv) / Rational(100)).rounded(rule: .halfUp)
                let c0 = Rational((price - down) * 100)
                let k = Rational(down * 100)
                func payment(_ c: Rational) -> Rational { (c - residual) / Rational(n) + (c + residual) * mf }
                var tax = Rational(0)
                if base == .excludesCappedTax {
                    tax = t * (Rational(n) * payment(c0) + k)
                } else {
                    for _ in 0..<400 {
                        let next = t * (Rational(n) * payment(c0 + tax) + k)
                        let change = next - tax
                        tax = next
                        if change < Rational(numerator: 1, denominator: 1_000_000_000_000_000) { break }
                    }
                }
                let expectedTax = tax.rounded(rule: .halfUp)
                #expect(quote.upfrontTax == (try ExactDecimal(coefficient: Int128(expectedTax.intValue), scale: 2)), "\(lease)")
                let expectedPayment = payment(c0 + expectedTax).rounded(rule: .halfUp)
                #expect(quote.periodicPayment.net == (try ExactDecimal(coefficient: Int128(expectedPayment.intValue), scale: 2)))
            }
        }
    }

    @Test("Annuity payments agree with LevelPayment and schedules end at the residual on random deals")
    func annuitySchedules() throws {
        var random = SeededGenerator(seed: 0xA77)
        for _ in 0..<60 {
            let msrp = random.int(in: 20_000...90_000)
            let n = random.element(of: [24, 36, 48])
            var lease = Lease(sellingPrice: ExactDecimal(msrp), residual: .percent(ExactDecimal(random.int(in: 40...65))),
                              rate: .apr(try ExactDecimal(parsing: random.aprText(maxPercent: 12))), term: n)
            lease.msrp = ExactDecimal(msrp)
            lease.rateMethod = .annuity
            lease.paymentTiming = random.chance(1, in: 2) ? .advance : .arrears
            let quote = try lease.quote(includeSchedule: true)
            let schedule = try #require(quote.schedule)
            #expect(schedule.last?.balance == quote.residualValue)
            #expect(try schedule.reduce(ExactDecimal.zero) { try $0 + $1.rentCharge } == quote.rentCharge)
            #expect(try schedule.reduce(ExactDecimal.zero) { try $0 + $1.depreciation } == quote.depreciation)
        }
    }

    @Test("isMoneyFactor accepts exactly what checkMoneyFactor accepts", arguments: [
        "0", "0.1", "0.100000000000", "0.100000000001", "0.0025", "0.002083333333", "0.0020833333333", "-0.0001", "-0", "1", "0.09999999999",
        "0.10000000000000000000000000000000000000", "0.10000000000000000000000000000000000001", "99999999999999999999999999999999999999",
        "0.99999999999999999999999999999999999999", "-0.1", "-0.2", "0.0", "10",
    ])
    func isMoneyFactor(_ text: String) throws {
        let value = try ExactDecimal(parsing: text)
        let accepted = (try? LeaseModel.checkMoneyFactor(value, path: "moneyFactor")) != nil
        #expect(LeaseModel.isMoneyFactor(value) == accepted)
        let largest = try ExactDecimal(parsing: "0.1")
        #expect(accepted == (!value.isNegative && value <= largest && value.scale <= 12))
    }
}
