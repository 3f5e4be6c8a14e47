// DealFinance — DealEngineTests: every field of a lease is handled by the integer path
// (Lease+FastQuote.swift) or makes it fall back to the general pipeline.
//
// The fields are read by reflection, so adding a stored property to `Lease` or to a value it
// holds fails `everyFieldHasAVariation` until a variation for it is written here; each
// variation is then priced by both paths, which must agree or the integer path must decline.
// There is no list of "fields the fast path may ignore".

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

/// A change to one field of a lease the integer path takes.
private typealias Variation = (String, @Sendable (inout Lease) -> Void)

@Suite("Lease quote in integers: every field handled or declined")
struct LeaseFastQuoteFieldTests {
    /// A lease the integer path quotes, with every list non-empty.
    static var base: Lease {
        var lease = Lease(sellingPrice: dec("37000.00"), residual: .percent(dec("58")), rate: .moneyFactor(dec("0.00250")), term: 36)
        lease.msrp = dec("40000.00")
        lease.addOns = [LeaseAddOn(name: "Mats", amount: dec("150.00"), taxable: true, residualized: true, residualPercent: dec("50"))]
        lease.products = [LineItem(name: "Wheel", amount: dec("600.00"), taxable: false)]
        lease.fees = [LeaseFee(name: "Acquisition", amount: dec("895.00"), taxable: false, capitalized: true),
                      LeaseFee(name: "Doc", amount: dec("199.00"), taxable: true, capitalized: false)]
        lease.tradeIns = [TradeIn(allowance: dec("5000.00"), payoff: dec("3000.00"))]
        lease.downPayment = dec("2000.00")
        lease.rebates = [Rebate(name: "Lease cash", amount: dec("1000.00"))]
        lease.securityDeposits = SecurityDeposits(count: 1, amount: dec("500.00"))
        lease.dispositionFee = dec("395.00")
        lease.tax = LeaseTax(components: [LeaseTax.Component(name: "State", rate: dec("6.25"))])
        lease.contractDate = try! CivilDate(parsing: "2025-03-15")
        return lease
    }

    /// One or more changes of each stored field, by the path reflection gives it.
    fileprivate static let variations: [Variation] = [
        ("msrp", { $0.msrp = dec("42000.00") }), ("msrp", { $0.msrp = nil }),
        ("sellingPrice", { $0.sellingPrice = dec("36000.50") }),
        ("addOns", { $0.addOns = [] }),
        ("addOns.name", { $0.addOns[0].name = "Floor mats" }),
        ("addOns.amount", { $0.addOns[0].amount = dec("250.00") }),
        ("addOns.taxable", { $0.addOns[0].taxable = false }),
        ("addOns.residualized", { $0.addOns[0].residualized = false }),
        ("addOns.residualPercent", { $0.addOns[0].residualPercent = nil }), ("addOns.residualPercent", { $0.addOns[0].residualPercent = dec("40") }),
        ("products", { $0.products = [] }),
        ("products.name", { $0.products[0].name = "Tire" }),
        ("products.amount", { $0.products[0].amount = dec("700.00") }),
        ("products.taxable", { $0.products[0].taxable = true }),
        ("products.preInstalled", { $0.products[0].preInstalled = true }),
        ("fees", { $0.fees = [] }),
        ("fees.name", { $0.fees[1].name = "Documentation" }),
        ("fees.amount", { $0.fees[0].amount = dec("995.00") }),
        ("fees.taxable", { $0.fees[1].taxable = false }), ("fees.taxable", { $0.fees[0].taxable = true }),
        ("fees.capitalized", { $0.fees[0].capitalized = false }),
        ("tradeIns", { $0.tradeIns = [] }),
        ("tradeIns.allowance", { $0.tradeIns[0].allowance = dec("2000.00") }),
        ("tradeIns.payoff", { $0.tradeIns[0].payoff = dec("6000.00") }),
        ("downPayment", { $0.downPayment = dec("3000.00") }),
        ("rebates", { $0.rebates = [] }),
        ("rebates.name", { $0.rebates[0].name = "Conquest" }),
        ("rebates.amount", { $0.rebates[0].amount = dec("1500.00") }),
        ("residual", { $0.residual = .amount(dec("23000.00")) }), ("residual", { $0.residual = .percent(dec("55")) }),
        ("rate", { $0.rate = .apr(dec("6")) }), ("rate", { $0.rate = .moneyFactor(dec("0.00199")) }),
        ("rateMethod", { $0.rateMethod = .annuity }),
        ("term", { $0.term = 24 }),
        ("frequency", { $0.frequency = .biweekly }),
        ("paymentTiming", { $0.paymentTiming = .arrears }),
        ("securityDeposits", { $0.securityDeposits = nil }),
        ("securityDeposits.count", { $0.securityDeposits?.count = 3 }),
        ("securityDeposits.amount", { $0.securityDeposits?.amount = dec("450.00") }),
        ("multipleSecurityDeposits", { $0.multipleSecurityDeposits = MultipleSecurityDeposits(count: 3, moneyFactorReductionPerDeposit: dec("0.00007")) }),
        ("onePay", { $0.onePay = true }),
        ("dispositionFee", { $0.dispositionFee = dec("495.00") }),
        ("driveOff", { $0.driveOff = .zeroDriveOff }), ("driveOff", { $0.driveOff = .totalCash(dec("4000.00")) }),
        ("tax", { $0.tax = nil }),
        ("tax.components", { $0.tax?.components.append(LeaseTax.Component(name: "County", rate: dec("1.5"))) }),
        ("tax.components.name", { $0.tax?.components[0].name = "Commonwealth" }),
        ("tax.components.rate", { $0.tax?.components[0].rate = dec("7.125") }),
        ("tax.method", { $0.tax?.method = .upfrontOnPayments }), ("tax.method", { $0.tax?.method = .upfrontOnPrice }),
        ("tax.capitalized", { $0.tax?.capitalized = true }),
        ("tax.capitalizedTaxBase", { $0.tax?.capitalized = true; $0.tax?.capitalizedTaxBase = .includesCappedTax }),
        ("tax.taxCashDown", { $0.tax?.taxCashDown = false }),
        ("tax.tradeInCredit", { $0.tax?.tradeInCredit = false }),
        ("tax.rebatesReduceTaxBase", { $0.tax?.rebatesReduceTaxBase = true }),
        ("contractDate", { $0.contractDate = nil }), ("contractDate", { $0.contractDate = try! CivilDate(parsing: "2025-01-31") }),
        ("firstPaymentDate", { $0.firstPaymentDate = try! CivilDate(parsing: "2025-03-15") }),
        ("firstPaymentDate", { $0.firstPaymentDate = try! CivilDate(parsing: "2025-04-15") }),
        ("firstPaymentDate", { $0.contractDate = nil; $0.firstPaymentDate = try! CivilDate(parsing: "2025-04-15") }),
        ("rounding", { $0.rounding = RoundingProfile(name: "down", payment: .down, interest: .down, tax: .down, percentAmount: .down) }),
        ("rounding.name", { $0.rounding = RoundingProfile(name: "other", payment: .toNearestOrAway, interest: .toNearestOrAway, tax: .toNearestOrAway, percentAmount: .toNearestOrAway) }),
        ("rounding.payment", { $0.rounding = RoundingProfile(name: "p", payment: .up, interest: .toNearestOrAway, tax: .toNearestOrAway, percentAmount: .toNearestOrAway) }),
        ("rounding.interest", { $0.rounding = RoundingProfile(name: "i", payment: .toNearestOrAway, interest: .down, tax: .toNearestOrAway, percentAmount: .toNearestOrAway) }),
        ("rounding.tax", { $0.rounding = RoundingProfile(name: "t", payment: .toNearestOrAway, interest: .toNearestOrAway, tax: .up, percentAmount: .toNearestOrAway) }),
        ("rounding.percentAmount", { $0.rounding = RoundingProfile(name: "a", payment: .toNearestOrAway, interest: .toNearestOrAway, tax: .toNearestOrAway, percentAmount: .up) }),
        ("rounding.paymentIncrementExponent", { $0.rounding.paymentIncrementExponent = 0 }),
        ("rounding.periodicRate", { $0.rounding.periodicRate = .rounded(decimals: 5) }),
        ("rounding.periodicRate", { $0.rounding.periodicRate = .truncated(decimals: 5) }),
        ("rounding.rateBasis", { $0.rounding.rateBasis = .effectiveAnnual }),
        ("rounding.totals", { $0.rounding.totals = .paymentTimesCount }),
        ("rounding.totals", { $0.rounding.totals = .exactPaymentRoundedOnce }),
        ("rounding.balloonTiming", { $0.rounding.balloonTiming = .onePeriodAfter }),
        ("rounding.oddDaysCounting", { $0.rounding.oddDaysCounting = .actualOver365 }),
        ("rounding.taxLines", { $0.rounding.taxLines = .onTotal }),
        ("rounding.leaseBasePayment", { $0.rounding.leaseBasePayment = .partsRounded }),
        ("rounding.leasePaymentTax", { $0.rounding.leasePaymentTax = .onUnroundedBase }),
        ("rounding.moneyFactorDecimals", { $0.rounding.moneyFactorDecimals = 6 }),
        ("currency", { $0.currency = try! Currency(code: "JPY"); $0.sellingPrice = dec("3700000"); $0.msrp = dec("4000000") }),
    ]

    /// The stored fields of a lease and of the values it holds, as dotted paths: `tax`,
    /// `tax.components`, `tax.components.rate`, … (the elements of lists and the wrapped value
    /// of optionals are followed; enums, decimals, dates and currencies are leaves).
    static func fieldPaths(of value: Any, prefix: String = "") -> Set<String> {
        var paths: Set<String> = []
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let path = prefix.isEmpty ? label : "\(prefix).\(label)"
            paths.insert(path)
            var inner: Any = child.value
            let mirror = Mirror(reflecting: inner)
            if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
                guard let first = mirror.children.first else { continue }
                inner = first.value
            }
            if Mirror(reflecting: inner).displayStyle == .struct, !(inner is ExactDecimal), !(inner is CivilDate), !(inner is Currency) {
                paths.formUnion(fieldPaths(of: inner, prefix: path))
            }
        }
        return paths
    }

    /// Adding a field to `Lease` (or to a fee, add-on, tax, deposit, rounding profile…) without a
    /// variation here fails: write one, and the next test checks the integer path on it.
    @Test func everyFieldHasAVariation() {
        let fields = Self.fieldPaths(of: Self.base)
        let varied = Set(Self.variations.map(\.0))
        #expect(fields.subtracting(varied).sorted() == [], "fields without a variation")
        #expect(varied.subtracting(fields).sorted() == [], "variations of fields that do not exist")
    }

    /// Each variation: the integer path gives exactly the general pipeline's quote, or nil.
    @Test func integerPathAgreesOrDeclinesOnEveryVariation() throws {
        let base = Self.base
        #expect(base.fastQuote(includeSchedule: false) != nil, "the base lease must take the integer path")
        #expect(base.fastQuote(includeSchedule: false) == (try base.generalQuote(includeSchedule: false)))
        for (field, change) in Self.variations {
            var lease = base
            change(&lease)
            for schedule in [false, true] {
                guard let quick = lease.fastQuote(includeSchedule: schedule) else { continue }
                let general = try? lease.generalQuote(includeSchedule: schedule)
                #expect(quick == general, "\(field): the integer path's quote differs from the general pipeline's")
            }
        }
    }
}
