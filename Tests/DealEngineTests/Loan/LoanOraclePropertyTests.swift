// Property tests: the retail loan engine against the independent GMP oracle, line by line.
//
// Each case draws a deal with `OracleLoanInput.random` from its own seeded generator (so a
// failing case index replays alone), converts it to a `RetailLoan`, quotes it with the
// schedule and compares every line of `OracleLoanQuote` and every schedule row.
//
// Case count: 20,000 by default; `DEALFINANCE_PROPERTY_CASES=<count>` sets it (`full` means
// 1,000,000). Every case compares every line and every schedule row (the default run takes
// about 10 s in a debug build on 2 cores, so no subset is needed).

import Foundation
import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

// MARK: - Converting an oracle deal to the engine's input

/// A deal as both sides see it: the engine's `RetailLoan` and the oracle's input, whose first
/// period (`t`, odd days, days per unit period) is taken from the same dates the engine gets.
struct ConvertedDeal {
    var loan: RetailLoan
    var oracle: OracleLoanInput
}

enum OracleLoanConversion {
    static func money(_ minor: Int) -> ExactDecimal {
        try! ExactDecimal(coefficient: Int128(minor), scale: 2)
    }

    static func decimal(_ text: String) -> ExactDecimal {
        do { return try ExactDecimal(parsing: text) } catch { preconditionFailure("not a decimal: \(text)") }
    }

    static func frequency(periodsPerYear m: Int) -> PaymentFrequency {
        switch m {
        case 12: .monthly
        case 24: .semimonthly
        case 26: .biweekly
        case 52: .weekly
        case 4: .quarterly
        case 2: .semiannual
        case 1: .annual
        default: preconditionFailure("no frequency with \(m) periods a year")
        }
    }

    /// Converts `input` to a `RetailLoan`. An odd first period drawn by the oracle (t, odd
    /// days) becomes real dates about that far apart; the oracle's first period is then
    /// replaced by Reg Z Appendix J's count between those dates (`UnitPeriodCount`), which is
    /// what the engine computes from them. Some regular deals get a contract date only (the
    /// default first payment date), counted the same way. `g` draws the dates.
    static func convert(_ input: OracleLoanInput, dates g: inout SeededGenerator) -> ConvertedDeal {
        var oracle = input
        var loan = RetailLoan(sellingPrice: money(input.sellingPriceMinor), apr: decimal(input.aprText), term: input.term)
        loan.msrp = input.msrpMinor.map(money)
        loan.addOns = input.addOns.map { LineItem(name: $0.name, amount: money($0.amountMinor), taxable: $0.taxable) }
        loan.products = input.products.map { LineItem(name: $0.name, amount: money($0.amountMinor), taxable: $0.taxable) }
        loan.fees = input.fees.map {
            Fee(name: $0.name, amount: money($0.amountMinor), taxable: $0.taxable, financed: $0.financed,
                prepaidFinanceCharge: $0.prepaidFinanceCharge)
        }
        loan.tradeIns = input.tradeIns.map { TradeIn(allowance: money($0.allowanceMinor), payoff: money($0.payoffMinor)) }
        loan.downPayment = money(input.downPaymentMinor)
        loan.rebates = input.rebates.map { Rebate(name: $0.name, amount: money($0.amountMinor)) }
        loan.tax = input.tax.map {
            SalesTax(rate: decimal($0.rateText), financed: $0.financed, tradeInCredit: $0.tradeInCredit,
                     rebatesReduceTaxBase: $0.rebatesReduceTaxBase)
        }
        loan.frequency = frequency(periodsPerYear: input.periodsPerYear)
        loan.paymentTiming = input.timing == .advance ? .advance : .arrears
        switch input.balloon {
        case nil: loan.balloon = nil
        case .amount(let minor)?: loan.balloon = .amount(money(minor))
        case .percentOfMsrp(let text)?: loan.balloon = .percentOfMsrp(decimal(text))
        case .percentOfSellingPrice(let text)?: loan.balloon = .percentOfSellingPrice(decimal(text))
        }
        switch input.oddDays {
        case .spread: loan.oddDays = .spread
        case .firstPayment: loan.oddDays = .firstPayment
        case .ignore: loan.oddDays = .ignore
        }

        let oddDrawn = input.oddDays != .spread || input.wholePeriodsToFirstPayment != 1 || input.oddDayCount != 0
        // A contract date from 2000 to 2040.
        let contract = try! CivilDate(daysSinceEpoch: try! CivilDate(year: 2000, month: 1, day: 1).daysSinceEpoch + g.int(in: 0...14_610))
        if input.timing == .arrears && oddDrawn {
            // About t periods and the odd days after the contract date; sometimes anywhere in the
            // year Reg Z allows (long first periods: many whole periods).
            var offset = input.wholePeriodsToFirstPayment * input.daysPerUnitPeriod + input.oddDayCount
            if g.chance(1, in: 6) { offset = g.int(in: 1...365) }
            offset = min(max(offset, 1), 365)
            let first = try! contract.adding(days: offset)
            loan.contractDate = contract
            loan.firstPaymentDate = first
            setFirstPeriod(&oracle, from: contract, to: first, frequency: loan.frequency)
        } else if g.chance(1, in: 4) {
            // Dates without an odd first period drawn: the default first payment date (one period
            // after the contract date in arrears, the contract date in advance).
            loan.contractDate = contract
            if input.timing == .arrears {
                let first = try! loan.frequency.date(byAddingPeriods: 1, to: contract)
                setFirstPeriod(&oracle, from: contract, to: first, frequency: loan.frequency)
            } else {
                if g.chance(1, in: 2) { loan.firstPaymentDate = contract }
            }
        }
        return ConvertedDeal(loan: loan, oracle: oracle)
    }

    static func setFirstPeriod(_ oracle: inout OracleLoanInput, from contract: CivilDate, to first: CivilDate, frequency: PaymentFrequency) {
        let count = try! UnitPeriodCount(from: contract, to: first, frequency: frequency)
        oracle.wholePeriodsToFirstPayment = count.wholePeriods
        oracle.oddDayCount = count.fraction.numerator
        oracle.daysPerUnitPeriod = count.fraction.denominator
    }
}

// MARK: - Comparing a quote with the oracle

enum OracleComparison {
    /// `value` in minor units when it has exactly the currency's 2 decimals.
    static func minor(_ value: ExactDecimal) -> Int? {
        value.scale == 2 ? Int(exactly: value.coefficient) : nil
    }

    static func show(_ value: ExactDecimal?) -> String {
        guard let value else { return "nil" }
        return value.description
    }

    static func show(minor value: Int?) -> String {
        guard let value else { return "nil" }
        return moneyText(value)
    }

    static func moneyText(_ minor: Int) -> String {
        let m = minor.magnitude, cents = m % 100
        return (minor < 0 ? "-" : "") + "\(m / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// nil when `engine` (an amount with 2 decimals, or nil) is `oracle` minor units (or nil).
    static func line(_ name: String, _ engine: ExactDecimal?, _ oracle: Int?) -> String? {
        switch (engine, oracle) {
        case (nil, nil): return nil
        case (let e?, let o?) where minor(e) == o: return nil
        default: return "\(name): engine \(show(engine)), oracle \(show(minor: oracle))"
        }
    }

    /// The first line where the engine's quote differs from the oracle's, or nil.
    static func firstDifference(_ q: LoanQuote, _ o: OracleLoanQuote, input: OracleLoanInput, compareSchedule: Bool) -> String? {
        let hasTrade = !input.tradeIns.isEmpty, hasTax = input.tax != nil
        let checks: [() -> String?] = [
            { line("sellingPrice", q.sellingPrice, o.sellingPrice) },
            { line("addOnsTotal", q.addOnsTotal, o.addOnsTotal) },
            { line("productsTotal", q.productsTotal, o.productsTotal) },
            { line("feesFinanced", q.feesFinanced, o.feesFinanced) },
            { line("feesDueAtSigning", q.feesDueAtSigning, o.feesDueAtSigning) },
            { line("tradeInAllowance", q.tradeInAllowance, hasTrade ? o.tradeInAllowance : nil) },
            { line("tradeInPayoff", q.tradeInPayoff, hasTrade ? o.tradeInPayoff : nil) },
            { line("tradeInEquity", q.tradeInEquity, hasTrade ? o.tradeInEquity : nil) },
            { line("taxableAmount", q.taxableAmount, hasTax ? o.taxableAmount : nil) },
            { line("salesTax", q.salesTax, hasTax ? o.salesTax : nil) },
            { line("financedAmount", q.financedAmount, o.financedAmount) },
            { line("capitalizedCostReduction", q.capitalizedCostReduction, o.capitalizedCostReduction) },
            { line("netFinancedAmount", q.netFinancedAmount, o.netFinancedAmount) },
            { line("prepaidFinanceCharges", q.prepaidFinanceCharges, o.prepaidFinanceCharges) },
            { line("amountFinanced", q.amountFinanced, o.amountFinanced) },
            { line("disclosedDownPayment", q.disclosedDownPayment, o.disclosedDownPayment) },
            { line("balloon", q.balloon, input.balloon == nil ? nil : o.balloon) },
            {
                let rate = Rational(numerator: Int(q.periodicRate.numerator), denominator: Int(q.periodicRate.denominator))
                return rate == o.periodicRate ? nil : "periodicRate: engine \(rate), oracle \(o.periodicRate)"
            },
            { line("periodicPayment.net", q.periodicPayment.net, o.payment) },
            { line("periodicPayment.tax", q.periodicPayment.tax, o.paymentTax) },
            { line("periodicPayment.total", q.periodicPayment.total, o.payment + o.paymentTax) },
            {
                // The engine shows payment 1 only when it differs from the regular payment, and
                // never for n = 1 (payment 1 is then the final payment).
                if input.term == 1 {
                    return q.firstPayment == nil && o.firstPayment == o.finalPayment ? nil
                        : "firstPayment (n = 1): engine \(show(q.firstPayment)), oracle \(show(minor: o.firstPayment)) / final \(show(minor: o.finalPayment))"
                }
                return line("firstPayment", q.firstPayment, o.firstPayment == o.payment ? nil : o.firstPayment)
            },
            { q.numberOfPayments == o.numberOfPayments ? nil : "numberOfPayments: engine \(q.numberOfPayments), oracle \(o.numberOfPayments)" },
            { line("finalPayment", q.finalPayment, o.finalPayment) },
            { line("totalOfPayments", q.totalOfPayments, o.totalOfPayments) },
            { line("financeCharge", q.financeCharge, o.financeCharge) },
            { line("totalSalePrice", q.totalSalePrice, o.totalSalePrice) },
            { line("dueAtSigning.total", q.dueAtSigning.total, o.dueAtSigningTotal) },
            {
                let engine = q.dueAtSigning.items.map { "\($0.name)=\(show($0.amount))" }
                let oracle = o.dueAtSigning.map { "\($0.name)=\(show(minor: $0.amountMinor))" }
                let same = q.dueAtSigning.items.count == o.dueAtSigning.count
                    && zip(q.dueAtSigning.items, o.dueAtSigning).allSatisfy { $0.name == $1.name && minor($0.amount) == $1.amountMinor }
                return same ? nil : "dueAtSigning.items: engine \(engine), oracle \(oracle)"
            },
            {
                let expected = (input.wholePeriodsToFirstPayment, input.oddDayCount)
                let regular = input.timing == .advance || (expected.0 == 1 && expected.1 == 0)
                let ok = regular ? q.firstPeriod.isRegular
                    : (q.firstPeriod.wholePeriods == expected.0 && q.firstPeriod.oddDays == expected.1
                       && q.firstPeriod.daysPerUnitPeriod == input.daysPerUnitPeriod)
                return ok ? nil : "firstPeriod: engine \(q.firstPeriod), oracle t=\(expected.0) odd=\(expected.1)/\(input.daysPerUnitPeriod)"
            },
        ]
        for check in checks { if let difference = check() { return difference } }
        guard compareSchedule else { return nil }
        guard let rows = q.schedule else { return "schedule: engine nil" }
        if rows.count != o.schedule.count { return "schedule.count: engine \(rows.count), oracle \(o.schedule.count)" }
        for (row, expected) in zip(rows, o.schedule) {
            let k = expected.number
            if row.number != k { return "schedule[\(k)].number: engine \(row.number)" }
            if let d = line("schedule[\(k)].payment", row.payment, expected.payment)
                ?? line("schedule[\(k)].interest", row.interest, expected.interest)
                ?? line("schedule[\(k)].principal", row.principal, expected.principal)
                ?? line("schedule[\(k)].balance", row.balance, expected.balance) { return d }
        }
        return nil
    }

    /// Whether the oracle's schedule shows the problem the engine reports as `unsupported`: a
    /// negative payment, or the balance below zero before the last regular payment (the
    /// rounded payment repays the loan early and the final payment turns negative).
    static func cannotAmortize(_ o: OracleLoanQuote, term n: Int) -> Bool {
        o.schedule.prefix(n).contains { $0.payment < 0 || ($0.number < n && $0.balance < 0) }
    }
}

// MARK: - The property test

/// Per-case seeds: case `index` replays with `PropertyCases.generator(index)`.
enum PropertyCases {
    static let defaultCount = 20_000
    static let fullCount = 1_000_000

    /// `DEALFINANCE_PROPERTY_CASES`: a count, or `full` for 1,000,000; 20,000 when unset.
    static var count: Int {
        guard let text = ProcessInfo.processInfo.environment["DEALFINANCE_PROPERTY_CASES"]?.trimmingCharacters(in: .whitespaces),
              !text.isEmpty else { return defaultCount }
        if let n = Int(text.replacingOccurrences(of: "_", with: "")), n > 0 { return n }
        return ["full", "million", "1e6"].contains(text.lowercased()) ? fullCount : defaultCount
    }

    static func generator(_ index: Int) -> SeededGenerator {
        SeededGenerator(seed: 0x00DE_A1F1_0000_0000 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
    }
}

struct PropertySummary: Sendable {
    var cases = 0
    var scheduleCompared = 0
    var fallbacks = 0
    var unsupported = 0
    var oddFirstPeriods = 0
    var mismatches: [String] = []
    var mismatchCount = 0

    mutating func merge(_ other: PropertySummary) {
        cases += other.cases; scheduleCompared += other.scheduleCompared; fallbacks += other.fallbacks
        unsupported += other.unsupported; oddFirstPeriods += other.oddFirstPeriods
        mismatchCount += other.mismatchCount
        mismatches += other.mismatches.prefix(max(0, 20 - mismatches.count))
    }
}

@Suite("Retail loan engine against the GMP oracle")
struct LoanOraclePropertyTests {
    /// Runs cases `indices` and tallies them.
    static func run(_ indices: StrideTo<Int>, total: Int) -> PropertySummary {
        var summary = PropertySummary()
        for index in indices {
            var g = PropertyCases.generator(index)
            let drawn = OracleLoanInput.random(using: &g)
            let deal = OracleLoanConversion.convert(drawn, dates: &g)
            summary.cases += 1
            func mismatch(_ text: String) {
                summary.mismatchCount += 1
                if summary.mismatches.count < 20 { summary.mismatches.append("case \(index): \(text)") }
            }
            if LoanOracle.violation(deal.oracle) != nil {
                mismatch("the oracle rejects the converted deal (\(LoanOracle.violation(deal.oracle)!)): \(deal.oracle)")
                continue
            }
            let oracle = LoanOracle.quote(deal.oracle)
            if deal.oracle.wholePeriodsToFirstPayment != 1 || deal.oracle.oddDayCount != 0 { summary.oddFirstPeriods += 1 }
            let quote: LoanQuote
            do {
                quote = try deal.loan.quote(includeSchedule: true)
            } catch {
                if error.code == .unsupported && OracleComparison.cannotAmortize(oracle, term: deal.oracle.term) {
                    summary.unsupported += 1
                } else {
                    mismatch("engine throws \(error) but the oracle computes the deal (payment \(OracleComparison.moneyText(oracle.payment)), final \(OracleComparison.moneyText(oracle.finalPayment))): \(deal.oracle)")
                }
                continue
            }
            if OracleComparison.cannotAmortize(oracle, term: deal.oracle.term) {
                mismatch("the oracle's schedule cannot amortize (final \(OracleComparison.moneyText(oracle.finalPayment))) but the engine quotes it: \(deal.oracle)")
                continue
            }
            if quote.paymentUsedExactFallback { summary.fallbacks += 1 }
            summary.scheduleCompared += 1
            if let difference = OracleComparison.firstDifference(quote, oracle, input: deal.oracle, compareSchedule: true) {
                mismatch("\(difference) — \(deal.oracle)")
            }
        }
        return summary
    }

    @Test("Every line and schedule row of random deals equals the oracle's")
    func everyLineMatchesTheOracle() async throws {
        let total = PropertyCases.count
        let clock = ContinuousClock(), start = clock.now
        // Two interleaved halves on the two cores; each case has its own seed.
        let lanes = 2
        let summary = await withTaskGroup(of: PropertySummary.self) { group in
            for lane in 0..<lanes {
                group.addTask { Self.run(stride(from: lane, to: total, by: lanes), total: total) }
            }
            var merged = PropertySummary()
            for await part in group { merged.merge(part) }
            return merged
        }
        let elapsed = clock.now - start
        let percent = Double(summary.fallbacks) / Double(max(1, summary.cases - summary.unsupported)) * 100
        print("LoanOraclePropertyTests: \(summary.cases) cases (\(summary.scheduleCompared) with every schedule row, \(summary.oddFirstPeriods) odd first periods) in \(elapsed); exact payment fallback on \(summary.fallbacks) (\(String(format: "%.3f", percent)) %); \(summary.unsupported) rejected as unsupported by both; \(summary.mismatchCount) mismatches")
        for text in summary.mismatches { print("  mismatch \(text)") }
        #expect(summary.cases == total)
        #expect(summary.mismatchCount == 0, "first mismatches:\n\(summary.mismatches.joined(separator: "\n"))")
        #expect(summary.scheduleCompared == total - summary.unsupported)
    }

    /// Cases the 1,000,000-case run found, replayed on every run.
    static let regressionCases = [
        // Annual deals contracted on February 28 before a leap year, default first payment
        // date (one period later: 02-29, month end to month end) rejected as "more than a year".
        76225, 298981, 518167, 526387, 838105, 966683, 271800, 345536, 348234,
    ]

    @Test("Cases found by the 1,000,000-case run", arguments: regressionCases)
    func regressionCase(index: Int) {
        let summary = Self.run(stride(from: index, to: index + 1, by: 1), total: 1)
        #expect(summary.cases == 1)
        #expect(summary.mismatchCount == 0, "\(summary.mismatches.joined(separator: "\n"))")
    }

    /// Advance with n = 1 and a balloon: row 1 (paid at signing) is the final regular payment
    /// and absorbs the residue, `A − round(B / (1 + i))`, which differs from `P = round(A − B/(1 + i))`
    /// when `B / (1 + i)` is a half-integer (here i = 20 %/1, B = 3: B/(1 + i) = 2.5). The
    /// due-at-signing "First payment" is the payment actually made in row 1.
    @Test("Advance, n = 1, a tie in B/(1 + i): the first payment at signing is row 1's payment")
    func advanceSinglePaymentTie() throws {
        var input = OracleLoanInput(sellingPriceMinor: 10_000_00, aprText: "20", term: 1)
        input.periodsPerYear = 1
        input.timing = .advance
        input.balloon = .amount(3)
        let oracle = LoanOracle.quote(input)
        #expect(oracle.payment == 10_000_00 - 2)            // round(999_997.5) half-up
        #expect(oracle.schedule[0].payment == 10_000_00 - 3) // A − round(2.5)
        #expect(oracle.dueAtSigning.last == .init(name: "First payment", amountMinor: oracle.schedule[0].payment))
        var g = SeededGenerator(seed: 1)
        let deal = OracleLoanConversion.convert(input, dates: &g)
        let quote = try deal.loan.quote(includeSchedule: true)
        #expect(OracleComparison.firstDifference(quote, oracle, input: deal.oracle, compareSchedule: true) == nil)
    }

    @Test("A broken line is caught: the comparison reports the first differing line")
    func comparisonDetectsADifference() throws {
        var g = PropertyCases.generator(0)
        let deal = OracleLoanConversion.convert(OracleLoanInput.random(using: &g), dates: &g)
        let oracle = LoanOracle.quote(deal.oracle)
        var quote = try deal.loan.quote(includeSchedule: true)
        #expect(OracleComparison.firstDifference(quote, oracle, input: deal.oracle, compareSchedule: true) == nil)
        var rows = quote.schedule!
        rows[rows.count - 1].interest = try rows[rows.count - 1].interest + ExactDecimal(coefficient: 1, scale: 2)
        quote.schedule = rows
        let difference = OracleComparison.firstDifference(quote, oracle, input: deal.oracle, compareSchedule: true)
        #expect(difference?.hasPrefix("schedule[\(rows.count)].interest") == true)
        quote.schedule = nil
        quote.totalSalePrice = try quote.totalSalePrice + ExactDecimal(coefficient: 1, scale: 2)
        #expect(OracleComparison.firstDifference(quote, oracle, input: deal.oracle, compareSchedule: false)?.hasPrefix("totalSalePrice") == true)
        // A value at another scale is a difference too (amounts carry the currency's 2 decimals).
        #expect(OracleComparison.line("x", try ExactDecimal(coefficient: 100, scale: 2), 100) == nil)
        #expect(OracleComparison.line("x", try ExactDecimal(coefficient: 1, scale: 0), 100) != nil)
    }
}
