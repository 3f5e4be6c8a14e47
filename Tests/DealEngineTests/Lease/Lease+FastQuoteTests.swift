// DealFinance — DealEngineTests: the integer lease quote against the general pipeline
// (Lease+FastQuote.swift).
//
// `Lease.fastQuote` must give exactly what `Lease.generalQuote` (the ExactRatio pipeline) gives
// — every line's text, every list, the money factor's fraction — or nil, and nil whenever the
// general pipeline rejects the lease. Seeded random leases (the oracle's generator, steered
// toward the leases the integer path takes) and hand-made boundaries.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

/// Every line of a quote as text: the stored lines by reflection (decimals with their scale),
/// the lists and the money factor's fraction as read through the public properties.
private func lines(_ quote: LeaseQuote) -> [String] {
    var result: [String] = []
    for child in Mirror(reflecting: quote).children {
        switch child.label {
        case "moneyFactorFraction", "upfrontTaxLines", "periodicPayment", "dueAtSigning": continue
        default: result.append("\(child.label ?? "?")=\(child.value)")
        }
    }
    let payment = quote.periodicPayment
    result.append("moneyFactorExact=\(quote.moneyFactorExact)")
    result.append("upfrontTaxes=\(String(describing: quote.upfrontTaxes))")
    result.append("payment=\(payment.net) \(payment.tax) \(payment.total) \(String(describing: payment.taxes))")
    result.append("dueAtSigning=\(quote.dueAtSigning.total) \(quote.dueAtSigning.items) \(quote.dueAtSigning.paidBy)")
    return result
}

/// nil when the integer path agrees with the general pipeline on `lease`; true in `fast` when
/// the integer path gave the quote.
private func difference(_ lease: Lease, schedule: Bool, fast: inout Bool) -> String? {
    let general: Result<LeaseQuote, DealError>
    do { general = .success(try lease.generalQuote(includeSchedule: schedule)) } catch { general = .failure(error) }
    guard let quick = lease.fastQuote(includeSchedule: schedule) else { return nil }
    fast = true
    switch general {
    case .failure(let error): return "the integer path quotes a lease the general pipeline rejects: \(error)"
    case .success(let expected):
        guard quick == expected else { return "quotes differ (==)" }
        let (a, b) = (lines(quick), lines(expected))
        for (x, y) in zip(a, b) where x != y { return "\(x) ≠ \(y)" }
        return a.count == b.count ? nil : "line counts differ"
    }
}

@Suite("Lease quote in integers vs the general pipeline")
struct LeaseFastQuoteTests {
    /// A random lease from the oracle's generator, steered toward the integer path half the time.
    static func lease(_ index: Int) -> Lease {
        var g = SeededGenerator(seed: 0xFA57_0000_0000_0000 &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let input = OracleLeaseInput.random(using: &g)
        var lease = OracleLeaseConversion.lease(input)
        if index % 2 == 0 {
            lease.rateMethod = .moneyFactor
            lease.onePay = false
            lease.multipleSecurityDeposits = nil
            lease.driveOff = .downPayment
            if var tax = lease.tax {
                tax.method = .monthly
                tax.capitalized = false
                if index % 6 == 0 {
                    tax.components = [.init(name: "GST", rate: dec("5")), .init(name: "QST", rate: dec("9.975"))]
                }
                lease.tax = tax
            }
        }
        switch index % 7 {
        case 1: lease.rounding = RoundingProfile(name: "t", payment: .up, interest: .down, tax: .toNearestOrEven, percentAmount: .towardZero)
        case 2:
            // (Not with the annuity method: LevelPayment.rounded(by:) takes no requireExact; no
            // public profile has it.)
            lease.rateMethod = .moneyFactor
            lease.rounding = RoundingProfile(name: "t", payment: .requireExact, interest: .requireExact, tax: .requireExact, percentAmount: .toNearestOrAway)
        case 3: lease.rounding = RoundingProfile(name: "t", payment: .down, interest: .up, tax: .up, percentAmount: .up)
        default: break
        }
        return lease
    }

    @Test("Seeded random leases: the same lines, lists and texts, or nil")
    func randomLeases() {
        var fastCount = 0, mismatches: [String] = []
        let total = 3_000
        for index in 0..<total {
            var fast = false
            if let difference = difference(Self.lease(index), schedule: index % 5 == 0, fast: &fast) {
                if mismatches.count < 10 { mismatches.append("case \(index): \(difference)") }
            }
            if fast { fastCount += 1 }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        // Most steered leases take the integer path (else this test would compare nothing).
        #expect(fastCount > total / 3, "only \(fastCount) of \(total) leases took the integer path")
    }

    /// the worked example of Documentation/Reference/Lease.md.
    static func specLease() -> Lease {
        var lease = Lease(sellingPrice: dec("37000.00"), residual: .percent(dec("58")), rate: .moneyFactor(dec("0.00250")), term: 36)
        lease.msrp = dec("40000.00")
        lease.fees = [LeaseFee(name: "Acquisition fee", amount: dec("895.00")),
                      LeaseFee(name: "Doc fee", amount: dec("85.00"), taxable: true, capitalized: false),
                      LeaseFee(name: "Zero fee", amount: dec("0.00"), capitalized: false)]
        lease.downPayment = dec("2000.00")
        lease.rebates = [Rebate(name: "Lease cash", amount: dec("1000.00"))]
        lease.tradeIns = [TradeIn(allowance: dec("5000.00"), payoff: dec("3000.00"))]
        lease.tax = LeaseTax(components: [.init(name: "Sales tax", rate: dec("7"))])
        lease.contractDate = try! CivilDate(parsing: "2026-01-31")
        return lease
    }

    @Test("The bench's lease shape takes the integer path and lists every line")
    func specShape() throws {
        let lease = Self.specLease()
        let quick = try #require(lease.fastQuote(includeSchedule: true))
        var fast = false
        #expect(difference(lease, schedule: true, fast: &fast) == nil)
        #expect(fast)
        #expect(quick.dueAtSigning.items.map(\.name) == ["Capitalized cost reduction", "First periodic payment", "Doc fee", "Sales tax (up front)"])
        #expect(quick.dueAtSigning.paidBy.map(\.name) == ["Net trade-in allowance", "Rebates", "Cash"])
        #expect(quick.upfrontTaxes?.map(\.name) == ["Sales tax"])
        #expect(quick.periodicPayment.taxes == nil)
        #expect(quick.moneyFactorExact == "250/100000")
        #expect(quick.equivalentApr?.description == "6")
    }

    @Test("Boundaries: rates, components, deposits, timing, currencies, limits")
    func boundaries() {
        var cases: [(String, Lease)] = []
        func add(_ name: String, _ change: (inout Lease) -> Void) {
            var lease = Self.specLease()
            change(&lease)
            cases.append((name, lease))
        }
        add("spec") { _ in }
        add("apr rate") { $0.rate = .apr(dec("6.125")) }
        add("apr rate 0") { $0.rate = .apr(dec("0")) }
        add("money factor 0") { $0.rate = .moneyFactor(dec("0")) }
        add("money factor 0.1 (largest)") { $0.rate = .moneyFactor(dec("0.1")) }
        add("money factor above 0.1") { $0.rate = .moneyFactor(dec("0.100000000001")) }
        add("money factor 12 decimals") { $0.rate = .moneyFactor(dec("0.002083333333")) }
        add("money factor 13 decimals") { $0.rate = .moneyFactor(dec("0.0020833333333")) }
        add("negative money factor") { $0.rate = .moneyFactor(dec("-0.001")) }
        add("five components") {
            $0.tax = LeaseTax(components: (1...5).map { LeaseTax.Component(name: "T\($0)", rate: dec("1.\($0)25")) })
        }
        add("six components") { $0.tax = LeaseTax(components: (1...6).map { LeaseTax.Component(name: "T\($0)", rate: dec("1")) }) }
        add("no components") { $0.tax = LeaseTax(components: []) }
        add("tax rate 100") { $0.tax = LeaseTax(components: [.init(name: "All", rate: dec("100"))]) }
        add("tax rate above 100") { $0.tax = LeaseTax(components: [.init(name: "All", rate: dec("100.0000000001"))]) }
        add("tax rate 11 decimals") { $0.tax = LeaseTax(components: [.init(name: "All", rate: dec("7.00000000001"))]) }
        add("no tax") { $0.tax = nil }
        add("tax options off") {
            $0.tax = LeaseTax(components: [.init(name: "Sales tax", rate: dec("8.875"))], taxCashDown: false, tradeInCredit: false, rebatesReduceTaxBase: true)
        }
        add("monthly capitalized (rejected)") { $0.tax?.capitalized = true }
        add("upfront on price (general only)") { $0.tax?.method = .upfrontOnPrice }
        add("arrears") { $0.paymentTiming = .arrears }
        add("arrears, first date given") { $0.paymentTiming = .arrears; $0.firstPaymentDate = try! CivilDate(parsing: "2026-02-28") }
        add("first date mismatch") { $0.firstPaymentDate = try! CivilDate(parsing: "2026-02-01") }
        add("first date without contract") { $0.contractDate = nil; $0.firstPaymentDate = try! CivilDate(parsing: "2026-02-01") }
        add("end beyond 9999") { $0.contractDate = try! CivilDate(parsing: "9998-06-30"); $0.term = 36 }
        add("weekly, 1200 periods") { $0.frequency = .weekly; $0.term = 1200 }
        add("term 1") { $0.term = 1 }
        add("term 0") { $0.term = 0 }
        add("term 1201") { $0.term = 1201 }
        add("deposits") { $0.securityDeposits = SecurityDeposits(count: 3, amount: dec("450.00")) }
        add("deposits 11") { $0.securityDeposits = SecurityDeposits(count: 11, amount: dec("450.00")) }
        add("deposit 0") { $0.securityDeposits = SecurityDeposits(count: 1, amount: dec("0")) }
        add("multiple deposits (general only)") { $0.multipleSecurityDeposits = MultipleSecurityDeposits(count: 3, moneyFactorReductionPerDeposit: dec("0.00004")) }
        add("one-pay (general only)") { $0.onePay = true }
        add("zero drive-off (general only)") { $0.downPayment = .zero; $0.driveOff = .zeroDriveOff }
        add("annuity (general only)") { $0.rateMethod = .annuity }
        add("residual amount") { $0.residual = .amount(dec("21000.00")) }
        add("residual at the adjusted cost") { $0.residual = .amount(dec("34895.00")) }
        add("residual above 100 %") { $0.residual = .percent(dec("100.5")) }
        add("no msrp") { $0.msrp = nil }
        add("adjusted cost 0") { $0.downPayment = dec("32895.00") }
        add("negative equity") { $0.tradeIns = [TradeIn(allowance: dec("1000.00"), payoff: dec("4000.00"))] }
        add("add-ons residualized") {
            $0.addOns = [LeaseAddOn(name: "Wheels", amount: dec("2000.00"), residualized: true),
                         LeaseAddOn(name: "Mats", amount: dec("150.00"), taxable: false, residualized: true, residualPercent: dec("33.333"))]
        }
        add("add-on percent without residualized") { $0.addOns = [LeaseAddOn(name: "Mats", amount: dec("150.00"), residualPercent: dec("30"))] }
        add("products") { $0.products = [LineItem(name: "Wear", amount: dec("695.00"), taxable: true)] }
        add("fractional cent") { $0.downPayment = dec("2000.005") }
        add("negative amount") { $0.rebates = [Rebate(name: "Odd", amount: dec("-1.00"))] }
        add("largest amounts") {
            $0.sellingPrice = dec("999999999999.99"); $0.msrp = dec("999999999999.99"); $0.downPayment = .zero
            $0.fees = [LeaseFee(name: "A", amount: dec("999999999999.99"))]
            $0.rate = .moneyFactor(dec("0.099999999999"))
            $0.tax = LeaseTax(components: (1...5).map { LeaseTax.Component(name: "T\($0)", rate: dec("99.9999999999")) })
        }
        add("above the amount limit") { $0.sellingPrice = dec("1000000000000.00") }
        add("JPY") {
            $0.currency = try! Currency(code: "JPY")
            $0.sellingPrice = dec("3700000"); $0.msrp = dec("4000000"); $0.downPayment = dec("200000")
            $0.fees = [LeaseFee(name: "Doc fee", amount: dec("8500"), taxable: true, capitalized: false)]
            $0.tradeIns = []; $0.rebates = []
        }
        add("BHD") { $0.currency = try! Currency(code: "BHD"); $0.downPayment = dec("2000.125") }
        add("requireExact, inexact payment") {
            $0.rounding = RoundingProfile(name: "x", payment: .requireExact, interest: .requireExact, tax: .requireExact, percentAmount: .requireExact)
        }
        add("requireExact, inexact residual percent") {
            $0.rounding = RoundingProfile(name: "x", payment: .requireExact, interest: .requireExact, tax: .requireExact, percentAmount: .requireExact)
            $0.msrp = dec("40000.01")
        }
        var declined: [String] = []
        for (name, lease) in cases {
            for schedule in [false, true] {
                var fast = false
                #expect(difference(lease, schedule: schedule, fast: &fast) == nil, "\(name)")
                if !fast && !schedule { declined.append(name) }
            }
        }
        // The integer path declines exactly the rejected leases and those it does not compute.
        #expect(declined == [
            "money factor above 0.1", "money factor 13 decimals", "negative money factor", "six components", "no components",
            "tax rate above 100", "tax rate 11 decimals", "monthly capitalized (rejected)", "upfront on price (general only)",
            "first date mismatch", "first date without contract", "end beyond 9999", "term 0", "term 1201", "deposits 11",
            "multiple deposits (general only)", "one-pay (general only)", "zero drive-off (general only)", "annuity (general only)",
            "residual at the adjusted cost", "residual above 100 %", "no msrp", "adjusted cost 0", "add-on percent without residualized",
            "fractional cent", "negative amount", "above the amount limit", "requireExact, inexact residual percent",
        ])
        for (name, lease) in cases where declined.contains(name) && !name.hasSuffix("(general only)") {
            #expect((try? lease.generalQuote(includeSchedule: false)) == nil, "\(name) is rejected")
        }
    }

    @Test("Helpers: rounding as ExactRatio rounds, checked products, least-scale decimals")
    func helpers() {
        var g = SeededGenerator(seed: 0x5EED_1EA5)
        let rules: [RoundingRule] = [.toNearestOrAway, .toNearestOrEven, .toNearestOrDown, .toNearestOrUp, .toNearestOrZero, .toOdd, .up, .down, .towardZero, .awayFromZero, .requireExact]
        for _ in 0..<2_000 {
            let numerator = Int128(g.int(in: -1_000_000_000...1_000_000_000)) * Int128(g.int(in: 1...1_000_000))
            let denominator = Int128(g.int(in: 1...10_000_000))
            for rule in rules {
                #expect(Lease.round(numerator, denominator, rule) == ExactRatio(numerator, denominator).rounded(rule))
            }
        }
        // Beyond 64 bits (the Int128 division) and at the 2^63 edges.
        for numerator in [Int128(Int64.max), Int128(Int64.max) + 1, Int128(Int64.min), Int128(Int64.min) - 1, Int128(UInt64.max) * 977, -Int128(UInt64.max) * 31] {
            for denominator in [Int128(1), 2, 3, 10, Int128(Int64.max), Int128(Int64.max) + 1, Int128(UInt64.max) * 5] {
                for rule in rules {
                    #expect(Lease.round(numerator, denominator, rule) == ExactRatio(numerator, denominator).rounded(rule))
                }
                #expect(Lease.product(numerator, denominator) == {
                    let (value, overflow) = numerator.multipliedReportingOverflow(by: denominator)
                    return overflow ? nil : value
                }())
            }
        }
        #expect(Lease.round(Int128.max, 1, .up) == Int128.max)
        #expect(Lease.product(Int128.max / 2, 2) != nil)
        #expect(Lease.product(Int128.max / 2 + 1, 2) == nil)
        #expect(ExactRatio.tenToThe(0) == 1 && ExactRatio.tenToThe(38) == UInt128(Int128(10).power38))
        for (coefficient, scale) in [(Int128(0), 6), (5_000_000, 6), (4_999_200, 6), (12, 0), (120, 0), (1, 12), (-3_500, 3)] {
            let expected = ExactRatio(coefficient, Int128(ExactRatio.tenToThe(scale))).decimal(significantDigits: 24)
            let value = Lease.leastScale(coefficient: coefficient, scale: scale)
            #expect(value.description == expected?.description && value.scale == expected?.scale)
        }
    }
}

private extension Int128 {
    /// 10^38.
    var power38: Int128 {
        var value: Int128 = 1
        for _ in 0..<38 { value *= self }
        return value
    }
}
