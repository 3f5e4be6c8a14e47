// Property tests: the lease engine against the independent GMP oracle (LeaseOracle), line by line.
//
// Each case draws a lease with `OracleLeaseInput.random` from its own seeded generator (so a
// failing case index replays alone), converts it to a `Lease`, quotes it and compares every line
// of `OracleLeaseQuote` (and every schedule row when the case asks for the schedule). Both sides
// must agree on which requests are rejected, and with which error code.
//
// Case count: 20,000 by default; `DEALFINANCE_PROPERTY_CASES=<count>` sets it (`full` means
// 1,000,000) — the same variable as the loan property test.

import Foundation
import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

// MARK: - Converting an oracle lease to the engine's input

enum OracleLeaseConversion {
    static func money(_ minor: Int) -> ExactDecimal {
        try! ExactDecimal(coefficient: Int128(minor), scale: 2)
    }

    static func decimal(_ text: String) -> ExactDecimal {
        do { return try ExactDecimal(parsing: text) } catch { preconditionFailure("not a decimal: \(text)") }
    }

    static let epoch = try! CivilDate(year: 2000, month: 1, day: 1).daysSinceEpoch

    static func contractDate(_ input: OracleLeaseInput) -> CivilDate? {
        input.contractDayOffset.map { try! CivilDate(daysSinceEpoch: epoch + $0) }
    }

    static func lease(_ input: OracleLeaseInput) -> Lease {
        let residual: LeaseResidual
        switch input.residual {
        case .percent(let text): residual = .percent(decimal(text))
        case .amount(let minor): residual = .amount(money(minor))
        }
        let rate: LeaseRate
        switch input.rate {
        case .moneyFactor(let text): rate = .moneyFactor(decimal(text))
        case .apr(let text): rate = .apr(decimal(text))
        }
        var lease = Lease(sellingPrice: money(input.sellingPriceMinor), residual: residual, rate: rate, term: input.term)
        lease.msrp = input.msrpMinor.map(money)
        lease.addOns = input.addOns.map {
            LeaseAddOn(name: $0.name, amount: money($0.amountMinor), taxable: $0.taxable, residualized: $0.residualized,
                       residualPercent: $0.residualPercentText.map(decimal))
        }
        lease.products = input.products.map { LineItem(name: $0.name, amount: money($0.amountMinor), taxable: $0.taxable) }
        lease.fees = input.fees.map { LeaseFee(name: $0.name, amount: money($0.amountMinor), taxable: $0.taxable, capitalized: $0.capitalized) }
        lease.tradeIns = input.tradeIns.map { TradeIn(allowance: money($0.allowanceMinor), payoff: money($0.payoffMinor)) }
        lease.downPayment = money(input.downPaymentMinor)
        lease.rebates = input.rebates.map { Rebate(name: $0.name, amount: money($0.amountMinor)) }
        lease.rateMethod = input.rateMethod == .annuity ? .annuity : .moneyFactor
        lease.frequency = OracleLoanConversion.frequency(periodsPerYear: input.periodsPerYear)
        lease.paymentTiming = input.timing == .advance ? .advance : .arrears
        lease.securityDeposits = input.securityDeposits.map { SecurityDeposits(count: $0.count, amount: money($0.amountMinor)) }
        lease.multipleSecurityDeposits = input.multipleSecurityDeposits.map {
            MultipleSecurityDeposits(count: $0.count, moneyFactorReductionPerDeposit: decimal($0.reductionText),
                                     roundUpTo: money($0.roundUpToMinor), maximumCount: $0.maximumCount)
        }
        lease.onePay = input.onePay
        lease.dispositionFee = money(input.dispositionFeeMinor)
        switch input.driveOff {
        case .downPayment: lease.driveOff = .downPayment
        case .zeroDriveOff: lease.driveOff = .zeroDriveOff
        case .totalCash(let minor): lease.driveOff = .totalCash(money(minor))
        }
        lease.tax = input.tax.map { tax in
            LeaseTax(components: tax.components.map { LeaseTax.Component(name: $0.name, rate: decimal($0.rateText)) },
                     method: LeaseTax.Method(rawValue: tax.method.rawValue)!, capitalized: tax.capitalized,
                     capitalizedTaxBase: LeaseTax.CapitalizedTaxBase(rawValue: tax.capitalizedTaxBase.rawValue)!,
                     taxCashDown: tax.taxCashDown, tradeInCredit: tax.tradeInCredit, rebatesReduceTaxBase: tax.rebatesReduceTaxBase)
        }
        if let contract = contractDate(input) {
            lease.contractDate = contract
            // Half the time the (only allowed) first payment date is given explicitly.
            if input.contractDayOffset! % 2 == 0 { lease.firstPaymentDate = expectedFirstPaymentDate(input, contract: contract) }
        }
        return lease
    }

    /// Advance: the contract date; arrears: one period after it (Lease.md § Schedule).
    static func expectedFirstPaymentDate(_ input: OracleLeaseInput, contract: CivilDate) -> CivilDate {
        input.timing == .advance ? contract
            : try! OracleLoanConversion.frequency(periodsPerYear: input.periodsPerYear).date(byAddingPeriods: 1, to: contract)
    }
}

// MARK: - Comparing a lease quote with the oracle

enum LeaseOracleComparison {
    typealias Check = () -> String?
    static let minor = OracleComparison.minor
    static let line = OracleComparison.line

    /// An exact decimal as a rational.
    static func rational(_ value: ExactDecimal) -> Rational {
        Rational("\(value.coefficient)")! / Rational(10).power(value.scale)
    }

    static func rate(_ name: String, _ engine: ExactDecimal?, _ oracle: Rational?) -> String? {
        switch (engine, oracle) {
        case (nil, nil): return nil
        case (let e?, let o?) where rational(e) == o: return nil
        default: return "\(name): engine \(engine.map { "\($0)" } ?? "nil"), oracle \(oracle.map { $0.decimalText(significantDigits: 30) } ?? "nil")"
        }
    }

    static func named(_ name: String, _ engine: [NamedAmount]?, _ oracle: [OracleNamedAmount]?) -> String? {
        let e = engine.map { $0.map { "\($0.name)=\($0.amount)" } }
        let o = oracle.map { $0.map { "\($0.name)=\(OracleComparison.moneyText($0.amountMinor))" } }
        guard let engine, let oracle else { return e == nil && o == nil ? nil : "\(name): engine \(String(describing: e)), oracle \(String(describing: o))" }
        let same = engine.count == oracle.count
            && zip(engine, oracle).allSatisfy { $0.name == $1.name && minor($0.amount) == $1.amountMinor }
        return same ? nil : "\(name): engine \(e!), oracle \(o!)"
    }

    /// The first line where the engine's quote differs from the oracle's, or nil.
    static func firstDifference(_ q: LeaseQuote, _ o: OracleLeaseQuote, input: OracleLeaseInput) -> String? {
        let hasTax = input.tax != nil
        let annuity = input.rateMethod == .annuity
        let checks: [Check] = [
            { line("sellingPrice", q.sellingPrice, input.sellingPriceMinor) },
            { line("addOnsTotal", q.addOnsTotal, o.addOnsTotal) },
            { line("productsTotal", q.productsTotal, o.productsTotal) },
            { line("feesCapitalized", q.feesCapitalized, o.feesCapitalized) },
            { line("feesDueAtSigning", q.feesDueAtSigning, o.feesDueAtSigning) },
            { line("rebatesTotal", q.rebatesTotal, o.rebatesTotal) },
            { line("tradeInAllowance", q.tradeInAllowance, o.tradeInAllowance) },
            { line("tradeInPayoff", q.tradeInPayoff, o.tradeInPayoff) },
            { line("tradeInEquity", q.tradeInEquity, o.tradeInEquity) },
            { line("downPayment", q.downPayment, o.downPayment) },
            { q.downPaymentSolved == o.downPaymentSolved ? nil : "downPaymentSolved: engine \(q.downPaymentSolved)" },
            { line("totalCash", q.totalCash, o.totalCash) },
            { line("capitalizedTaxes", q.capitalizedTaxes, o.capitalizedTaxes == 0 && q.capitalizedTaxes == nil ? nil : o.capitalizedTaxes) },
            { line("capitalizedDriveOff", q.capitalizedDriveOff, o.capitalizedDriveOff) },
            { line("grossCapitalizedCost", q.grossCapitalizedCost, o.grossCapitalizedCost) },
            { line("capitalizedCostReduction", q.capitalizedCostReduction, o.capitalizedCostReduction) },
            { line("adjustedCapitalizedCost", q.adjustedCapitalizedCost, o.adjustedCapitalizedCost) },
            { line("residualOnVehicle", q.residualOnVehicle, o.residualOnVehicle) },
            { line("residualOnAddOns", q.residualOnAddOns, o.residualOnAddOns) },
            { line("residualValue", q.residualValue, o.residualValue) },
            { line("depreciation", q.depreciation, o.depreciation) },
            { line("periodicDepreciation", q.periodicDepreciation, o.periodicDepreciation) },
            { line("periodicRentCharge", q.periodicRentCharge, o.periodicRentCharge) },
            { line("rentCharge", q.rentCharge, o.rentCharge) },
            { rate("moneyFactor", q.moneyFactor, LeaseOracle.printedMoneyFactor(o.moneyFactor)) },
            { rate("moneyFactorBeforeDeposits", q.moneyFactorBeforeDeposits, o.moneyFactorBeforeDeposits.map(LeaseOracle.printedMoneyFactor)) },
            { rate("equivalentApr", q.equivalentApr, o.equivalentApr) },
            { rate("apr", q.apr, o.apr) },
            {
                let engine = q.periodicRate.map { Rational("\($0.numerator)")! / Rational("\($0.denominator)")! }
                return engine == o.periodicRate || (engine == nil && o.periodicRate == nil) ? nil
                    : "periodicRate: engine \(String(describing: engine)), oracle \(String(describing: o.periodicRate))"
            },
            { q.moneyFactorFromApr == (!annuity && { if case .apr = input.rate { true } else { false } }()) ? nil : "moneyFactorFromApr: engine \(q.moneyFactorFromApr)" },
            { q.aprFromMoneyFactor == (annuity && { if case .moneyFactor = input.rate { true } else { false } }()) ? nil : "aprFromMoneyFactor: engine \(q.aprFromMoneyFactor)" },
            {
                // ≥ 20 significant digits of the exact P*: |u − P*| < 10^-19·|P*|.
                let u = rational(q.unroundedPayment) * Rational(100), p = o.exactPayment
                let error = (u - p).magnitude
                return error * Rational(10).power(19) <= p.magnitude ? nil
                    : "unroundedPayment: engine \(q.unroundedPayment), oracle \((p / Rational(100)).decimalText(significantDigits: 30))"
            },
            { line("periodicPayment.net", q.periodicPayment.net, o.basePayment) },
            { line("periodicPayment.tax", q.periodicPayment.tax, o.paymentTax) },
            { line("periodicPayment.total", q.periodicPayment.total, o.totalPayment) },
            {
                // Per component when the engine lists them (the JSON request lists them for `components`).
                guard let taxes = q.periodicPayment.taxes else { return nil }
                return named("periodicPayment.taxes", taxes, o.paymentTaxes)
            },
            { q.numberOfPayments == o.numberOfPayments ? nil : "numberOfPayments: engine \(q.numberOfPayments), oracle \(o.numberOfPayments)" },
            { q.term == input.term && q.onePay == input.onePay ? nil : "term/onePay: engine \(q.term) \(q.onePay)" },
            { line("securityDeposit", q.securityDeposit, o.securityDeposit) },
            { line("securityDepositEach", q.securityDepositEach, o.securityDepositEach) },
            { q.securityDepositCount == o.securityDepositCount ? nil : "securityDepositCount: engine \(String(describing: q.securityDepositCount)), oracle \(String(describing: o.securityDepositCount))" },
            { hasTax == (q.taxMethod != nil) ? nil : "taxMethod: engine \(String(describing: q.taxMethod))" },
            {
                // The base of an up-front tax: exact; the capitalized upfrontOnPayments bases
                // (q·a + K, the fixed point) are rationals, shown rounded to the minor unit.
                guard let base = o.upfrontTaxBase else { return q.upfrontTaxBase == nil ? nil : "upfrontTaxBase: engine \(q.upfrontTaxBase!), oracle nil" }
                guard let e = q.upfrontTaxBase else { return "upfrontTaxBase: engine nil, oracle \(base)" }
                return minor(e) == LeaseOracle.round(base) ? nil : "upfrontTaxBase: engine \(e), oracle \(base.decimalText(significantDigits: 30))"
            },
            { line("upfrontTax", q.upfrontTax, o.upfrontTax) },
            { named("upfrontTaxes", q.upfrontTaxes, o.upfrontTaxes) },
            { line("disclosedDownPayment", q.disclosedDownPayment, o.disclosedDownPayment) },
            { line("dueAtSigning.total", q.dueAtSigning.total, o.dueAtSigningTotal) },
            { named("dueAtSigning.items", q.dueAtSigning.items, o.dueAtSigning) },
            { named("dueAtSigning.paidBy", q.dueAtSigning.paidBy, o.paidBy) },
            { line("cashDueAtSigning", q.cashDueAtSigning, o.cashDueAtSigning) },
            { line("dispositionFee", q.dispositionFee, o.dispositionFee) },
            { line("totalOfPayments", q.totalOfPayments, o.totalOfPayments) },
            {
                let frequency = OracleLoanConversion.frequency(periodsPerYear: input.periodsPerYear)
                guard let contract = OracleLeaseConversion.contractDate(input) else {
                    return q.firstPaymentDate == nil && q.leaseEndDate == nil ? nil : "dates without a contract date: \(String(describing: q.firstPaymentDate)) \(String(describing: q.leaseEndDate))"
                }
                let first = OracleLeaseConversion.expectedFirstPaymentDate(input, contract: contract)
                let end = try! frequency.date(byAddingPeriods: input.term, to: contract)
                return q.firstPaymentDate == first && q.leaseEndDate == end ? nil
                    : "firstPaymentDate/leaseEndDate: engine \(String(describing: q.firstPaymentDate)) \(String(describing: q.leaseEndDate)), expected \(first) \(end)"
            },
        ]
        for check in checks { if let difference = check() { return difference } }
        guard let expectedRows = o.schedule else {
            return q.schedule == nil ? nil : "schedule: engine has \(q.schedule!.count) rows, none asked for"
        }
        guard let rows = q.schedule else { return "schedule: engine nil" }
        if rows.count != expectedRows.count { return "schedule.count: engine \(rows.count), oracle \(expectedRows.count)" }
        let contract = OracleLeaseConversion.contractDate(input)
        let frequency = OracleLoanConversion.frequency(periodsPerYear: input.periodsPerYear)
        let first = contract.map { OracleLeaseConversion.expectedFirstPaymentDate(input, contract: $0) }
        for (row, expected) in zip(rows, expectedRows) {
            let k = expected.number
            if row.number != k { return "schedule[\(k)].number: engine \(row.number)" }
            let date = first.map { try! frequency.date(byAddingPeriods: k - 1, to: $0) }
            if row.date != date { return "schedule[\(k)].date: engine \(String(describing: row.date)), expected \(String(describing: date))" }
            if let d = line("schedule[\(k)].payment", row.payment, expected.payment)
                ?? line("schedule[\(k)].depreciation", row.depreciation, expected.depreciation)
                ?? line("schedule[\(k)].rentCharge", row.rentCharge, expected.rentCharge)
                ?? line("schedule[\(k)].balance", row.balance, expected.balance) { return d }
        }
        return nil
    }
}

// MARK: - The property test

struct LeasePropertySummary: Sendable {
    var cases = 0
    var compared = 0
    var scheduleCompared = 0
    var rejectedByBoth = 0
    var rejectedByCode: [String: Int] = [:]
    var features: [String: Int] = [:]
    var mismatches: [String] = []
    var mismatchCount = 0

    mutating func merge(_ other: LeasePropertySummary) {
        cases += other.cases; compared += other.compared; scheduleCompared += other.scheduleCompared
        rejectedByBoth += other.rejectedByBoth
        rejectedByCode.merge(other.rejectedByCode, uniquingKeysWith: +)
        features.merge(other.features, uniquingKeysWith: +)
        mismatchCount += other.mismatchCount
        mismatches += other.mismatches.prefix(max(0, 20 - mismatches.count))
    }

    /// Counts the Lease.md features a compared case exercises.
    mutating func count(_ d: OracleLeaseInput) {
        var f: [String] = [d.rateMethod.rawValue, d.timing.rawValue, "m=\(d.periodsPerYear)"]
        if case .apr = d.rate { f.append("rate given as apr") } else { f.append("rate given as MF") }
        if case .amount = d.residual { f.append("residual amount") } else { f.append("residual percent") }
        if d.addOns.contains(where: \.residualized) { f.append("residualized add-on") }
        if d.fees.contains(where: { !$0.capitalized }) { f.append("fee at signing") }
        if let t = d.tradeIns.first { f.append(d.tradeIns.reduce(0) { $0 + $1.allowanceMinor - $1.payoffMinor } >= 0 ? "trade +equity" : "trade −equity"); _ = t }
        if d.securityDeposits != nil { f.append("security deposits") }
        if d.multipleSecurityDeposits != nil { f.append("MSD") }
        if d.onePay { f.append("one-pay") }
        switch d.driveOff {
        case .downPayment: break
        case .zeroDriveOff: f.append("zero drive-off")
        case .totalCash: f.append("total cash")
        }
        if let tax = d.tax {
            f.append("tax \(tax.method.rawValue)\(tax.capitalized ? " capitalized" : "")\(tax.capitalizedTaxBase == .includesCappedTax ? " includesCappedTax" : "")")
            if tax.components.count > 1 { f.append("tax components") }
            if !tax.taxCashDown { f.append("taxCashDown false") }
            if !tax.tradeInCredit { f.append("no trade-in credit") }
            if tax.rebatesReduceTaxBase { f.append("rebates reduce tax base") }
        }
        if d.term > 60 { f.append("term > 60") }
        if d.dispositionFeeMinor > 0 { f.append("disposition fee") }
        if d.contractDayOffset != nil { f.append("dates") }
        for name in f { features[name, default: 0] += 1 }
    }
}

@Suite("Lease engine against the GMP oracle")
struct LeaseOraclePropertyTests {
    static func generator(_ index: Int) -> SeededGenerator {
        SeededGenerator(seed: 0x1EA5_E0AC_1E00_0000 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
    }

    /// Runs cases `indices` and tallies them.
    static func run(_ indices: StrideTo<Int>) -> LeasePropertySummary {
        var summary = LeasePropertySummary()
        for index in indices {
            var g = generator(index)
            let input = OracleLeaseInput.random(using: &g)
            summary.cases += 1
            if let difference = compare(input) {
                summary.mismatchCount += 1
                if summary.mismatches.count < 20 { summary.mismatches.append("case \(index): \(difference) — \(input)") }
                continue
            }
            if case .failure(let rejection) = LeaseOracle.evaluate(input) {
                summary.rejectedByBoth += 1
                summary.rejectedByCode[rejection.code.rawValue, default: 0] += 1
            } else {
                summary.compared += 1
                if input.includeSchedule { summary.scheduleCompared += 1 }
                summary.count(input)
            }
        }
        return summary
    }

    /// nil when the engine and the oracle agree on `input`: the same lines, or the same rejection.
    static func compare(_ input: OracleLeaseInput) -> String? {
        let lease = OracleLeaseConversion.lease(input)
        let engine: Result<LeaseQuote, DealError>
        do { engine = .success(try lease.quote(includeSchedule: input.includeSchedule)) } catch { engine = .failure(error) }
        switch (engine, LeaseOracle.evaluate(input)) {
        case (.success(let q), .success(let o)):
            return LeaseOracleComparison.firstDifference(q, o, input: input)
        case (.failure(let e), .failure(let r)):
            if e.code.rawValue != r.code.rawValue { return "both reject, engine \(e), oracle \(r)" }
            if let path = r.path, path != e.path { return "both reject, engine at \(e.path) (\(e.message)), oracle \(r)" }
            return nil
        case (.failure(let e), .success(let o)):
            return "engine rejects (\(e)) but the oracle computes it (payment \(OracleComparison.moneyText(o.totalPayment)))"
        case (.success(let q), .failure(let r)):
            return "the oracle rejects (\(r)) but the engine computes it (payment \(q.periodicPayment.total))"
        }
    }

    @Test("Every line of random leases equals the oracle's; both reject the same requests")
    func everyLineMatchesTheOracle() async throws {
        let total = PropertyCases.count
        let clock = ContinuousClock(), start = clock.now
        let lanes = 2
        let summary = await withTaskGroup(of: LeasePropertySummary.self) { group in
            for lane in 0..<lanes {
                group.addTask { Self.run(stride(from: lane, to: total, by: lanes)) }
            }
            var merged = LeasePropertySummary()
            for await part in group { merged.merge(part) }
            return merged
        }
        let elapsed = clock.now - start
        print("LeaseOraclePropertyTests: \(summary.cases) cases in \(elapsed): \(summary.compared) compared line by line (\(summary.scheduleCompared) with every schedule row), \(summary.rejectedByBoth) rejected by both \(summary.rejectedByCode.sorted { $0.key < $1.key }); \(summary.mismatchCount) mismatches")
        print("  features: " + summary.features.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for text in summary.mismatches { print("  mismatch \(text)") }
        #expect(summary.cases == total)
        #expect(summary.mismatchCount == 0, "first mismatches:\n\(summary.mismatches.joined(separator: "\n"))")
        if total >= 10_000 {
            // The workload really covers Lease.md: every feature is compared, and rejections happen.
            for feature in ["annuity", "moneyFactor", "arrears", "one-pay", "MSD", "security deposits", "zero drive-off", "total cash",
                            "tax upfrontOnPayments capitalized includesCappedTax", "tax upfrontOnPayments capitalized",
                            "tax upfrontOnPrice capitalized", "tax upfrontOnPayments", "tax upfrontOnPrice", "tax monthly",
                            "tax components", "residualized add-on", "trade −equity", "trade +equity", "fee at signing",
                            "residual amount", "m=52", "m=1", "term > 60", "dates"] {
                #expect(summary.features[feature, default: 0] >= 10, "feature \(feature) compared only \(summary.features[feature, default: 0]) times")
            }
            #expect(summary.rejectedByCode["invalid_argument", default: 0] > 0)
            #expect(summary.rejectedByCode["unsupported", default: 0] + summary.rejectedByCode["no_solution", default: 0] > 0)
        }
    }

    @Test("A broken line is caught: the comparison reports the first differing line")
    func comparisonDetectsADifference() throws {
        var input: OracleLeaseInput
        var index = 0
        repeat {
            var g = Self.generator(index)
            input = OracleLeaseInput.random(using: &g)
            index += 1
        } while LeaseOracle.quote(input) == nil || input.rateMethod != .annuity || !input.includeSchedule
        let oracle = LeaseOracle.quote(input)!
        var quote = try OracleLeaseConversion.lease(input).quote(includeSchedule: true)
        #expect(LeaseOracleComparison.firstDifference(quote, oracle, input: input) == nil)
        let cent = try ExactDecimal(coefficient: 1, scale: 2)
        var rows = quote.schedule!
        rows[0].rentCharge = try rows[0].rentCharge + cent
        quote.schedule = rows
        #expect(LeaseOracleComparison.firstDifference(quote, oracle, input: input)?.hasPrefix("schedule[1].rentCharge") == true)
        quote.totalOfPayments = try quote.totalOfPayments + cent
        #expect(LeaseOracleComparison.firstDifference(quote, oracle, input: input)?.hasPrefix("totalOfPayments") == true)
        quote.periodicPayment.net = try quote.periodicPayment.net - cent
        #expect(LeaseOracleComparison.firstDifference(quote, oracle, input: input)?.hasPrefix("periodicPayment.net") == true)
    }

    /// The rejection path names the field the request gave: `totalCash: "0.00"` is computed like
    /// `zeroDriveOff`, but a cap cost reduction that leaves no adjusted capitalized cost is
    /// reported at `totalCash` (it was reported at `zeroDriveOff`).
    @Test("A non-positive adjusted cap cost in solved mode is reported at the field given", arguments: [0, 1_000_00])
    func solvedModeRejectionPath(totalCash: Int) throws {
        for zero in [false, true] where !(zero && totalCash != 0) {
            var input = OracleLeaseInput(sellingPriceMinor: 20_000_00, residual: .amount(10_000_00), rate: .moneyFactor("0.002"), term: 36)
            input.rebates = [.init(name: "Conquest", amountMinor: 12_000_00)]
            input.tradeIns = [.init(allowanceMinor: 10_000_00)]
            input.driveOff = zero ? .zeroDriveOff : .totalCash(totalCash)
            guard case .failure(let rejection) = LeaseOracle.evaluate(input) else { Issue.record("the oracle accepts it"); continue }
            #expect(rejection.path == (zero ? "zeroDriveOff" : "totalCash"))
            #expect(LeaseOraclePropertyTests.compare(input) == nil)
        }
    }

    // MARK: Tie tables

    struct TieCase: Sendable, CustomStringConvertible {
        var apr: String, m: Int, n: Int, residual: Int, advance: Bool
        init(_ apr: String, _ m: Int, _ n: Int, _ residual: Int, _ advance: Bool) {
            self.apr = apr; self.m = m; self.n = n; self.residual = residual; self.advance = advance
        }
        var description: String { "\(apr) % m=\(m) n=\(n) R=\(residual) \(advance ? "advance" : "arrears")" }
    }

    /// Annuity leases whose C_a = A has an exact payment within 10⁻⁹ minor units of a half-up
    /// rounding boundary: the lease payment is `LevelPayment` with the residual as balloon, so
    /// the loan tie table finds them (advance and arrears). Each decides exactly as the oracle.
    @Test("Annuity lease payments at near-ties decide exactly as the oracle",
          arguments: [TieCase("6.9", 12, 36, 20_000_00, true), TieCase("3.25", 12, 48, 15_432_10, true),
                      TieCase("4.5", 52, 104, 9_999_99, true), TieCase("7.125", 26, 78, 12_345_00, false),
                      TieCase("2.9", 12, 24, 30_000_00, false), TieCase("11.99", 4, 20, 5_000_00, true),
                      TieCase("4.875", 1, 7, 11_000_00, true), TieCase("0.5", 24, 72, 18_500_00, true)])
    func annuityNearTies(_ tie: TieCase) throws {
        let (apr, m, n, residual, advance) = (tie.apr, tie.m, tie.n, tie.residual, tie.advance)
        let amounts = TieTable.nearTies(aprText: apr, periodsPerYear: m, n: n, advance: advance, balloonMinor: residual,
                                        count: 16, searchFrom: residual + 5_000_00)
        #expect(amounts.count == 16)
        var roundedUp = 0
        for a in amounts {
            var input = OracleLeaseInput(sellingPriceMinor: a, residual: .amount(residual), rate: .apr(apr), term: n)
            input.rateMethod = .annuity
            input.periodsPerYear = m
            input.timing = advance ? .advance : .arrears
            let oracle = try #require(LeaseOracle.quote(input))
            // The oracle's lease payment is the loan oracle's level payment with the residual as balloon.
            let level = LoanOracle.exactPayment(amountMinor: a, balloonMinor: residual, aprText: apr, periodsPerYear: m,
                                                numberOfPayments: n, advance: advance)
            #expect(oracle.exactPayment == level)
            let distance = TieTable.distanceToTie(amountMinor: a, aprText: apr, periodsPerYear: m, n: n, advance: advance, balloonMinor: residual)
            #expect(distance.magnitude <= TieTable.defaultWindow)
            if distance.sign >= 0 { roundedUp += 1 }
            #expect(LeaseOraclePropertyTests.compare(input) == nil, "A = \(a)")
        }
        #expect(roundedUp > 0 && roundedUp < amounts.count, "near-ties on both sides of the boundary")
    }

    /// Zero rate (annuity, i = 0) and the money-factor method have payments with small
    /// denominators, so exact ties k + ½ exist; half-up must round them away from zero.
    @Test("Exact ties of the zero-rate and money-factor payments round half up")
    func exactTies() throws {
        // Annuity at 0 %: P* = (C − R)/n, a tie when C − R ≡ n/2 (mod n) for even n.
        let zero = TieTable.exactTies(aprText: "0", periodsPerYear: 12, n: 36, advance: true, balloonMinor: 20_000_00, count: 20, searchFrom: 30_000_00)
        #expect(zero.count == 20)
        for a in zero {
            var input = OracleLeaseInput(sellingPriceMinor: a, residual: .amount(20_000_00), rate: .apr("0"), term: 36)
            input.rateMethod = .annuity
            let oracle = try #require(LeaseOracle.quote(input))
            #expect((oracle.exactPayment - Rational(numerator: 1, denominator: 2)).isInteger)
            #expect(LeaseOraclePropertyTests.compare(input) == nil, "A = \(a)")
        }
        // Money factor 0.00125, n = 36: 10⁵·36·P* = 10⁵(C − R) + 36·125(C + R), an integer; a tie when
        // it is ≡ 18·10⁵ (mod 36·10⁵).
        let r = 21_000_00, n = 36, scale = 100_000, mfUnits = 125
        var ties: [Int] = []
        var c = 34_000_00
        while ties.count < 20 && c < 40_000_00 {
            let numerator = scale * (c - r) + n * mfUnits * (c + r)
            if numerator % (n * scale) == n * scale / 2 { ties.append(c) }
            c += 1
        }
        #expect(ties.count == 20)
        for a in ties {
            var input = OracleLeaseInput(sellingPriceMinor: a, residual: .amount(r), rate: .moneyFactor("0.00125"), term: n)
            input.includeSchedule = true
            let oracle = try #require(LeaseOracle.quote(input))
            #expect((oracle.exactPayment - Rational(numerator: 1, denominator: 2)).isInteger)
            #expect(LeaseOraclePropertyTests.compare(input) == nil, "A = \(a)")
        }
    }
}
