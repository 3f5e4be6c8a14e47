// DealFinance — DealEngineTests: CashFlowAPR.swift (Regulation Z Appendix J and EU APR),
// checked against the present-value equation evaluated exactly with GMP rationals.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The exact equation changes sign across apr ± 5e−13 and across aprDisclosed ± 0.005: both
/// are the exact root correctly rounded (GMP rationals, `gmpRegzEquationSign`).
private func expectRootBracketed(_ problem: AnnualPercentageRate, _ result: AnnualPercentageRate.Result,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
    let unit = try #require(UnitPeriod.candidates.first { .unitPeriod($0) == result.unitPeriod }, "unit-period \(result.unitPeriod)")
    let apr = Rational(result.apr.description)!
    let slack = Rational("0.0000000000005")!
    let perYear = Rational(numerator: 100 * unit.periodsPerYear.numerator, denominator: unit.periodsPerYear.denominator)
    if result.financeCharge.isZero { #expect(result.apr.isZero, sourceLocation: sourceLocation); return }
    let below = try gmpRegzEquationSign(problem, unit: unit, rate: (apr - slack) / perYear)
    let above = try gmpRegzEquationSign(problem, unit: unit, rate: (apr + slack) / perYear)
    #expect(below >= 0 && above <= 0, "apr \(result.apr) ± 5e-13", sourceLocation: sourceLocation)
    // Ties: the even neighbour (its boundary sign 0 on the even side only).
    #expect(below != 0 || result.apr.coefficient % 2 == 0, sourceLocation: sourceLocation)
    #expect(above != 0 || result.apr.coefficient % 2 == 0, sourceLocation: sourceLocation)
    let disclosed = Rational(result.aprDisclosed.description)!, half = Rational("0.005")!
    let disclosedBelow = try gmpRegzEquationSign(problem, unit: unit, rate: (disclosed - half) / perYear)
    let disclosedAbove = try gmpRegzEquationSign(problem, unit: unit, rate: (disclosed + half) / perYear)
    // Half up: the lower boundary may be the root itself (sign 0), the upper may not.
    #expect(disclosedBelow >= 0 && disclosedAbove < 0, "aprDisclosed \(result.aprDisclosed)", sourceLocation: sourceLocation)
    #expect(result.errorBound == 0.5e-12, sourceLocation: sourceLocation)
}

@Suite("AnnualPercentageRate: Regulation Z Appendix J")
struct RegZAPRTests {
    @Test("Documentation/Reference/APR.md worked example: 10,000 advanced, 36 × 320 monthly, first payment after 1 month + 15 days → 9.1685 %; regular → 9.4295 %")
    func domainExample() throws {
        let odd = AnnualPercentageRate(method: .regz, advances: [advance("10000.00", "2026-04-01")], payments: series("320.00", 36, "2026-05-16"))
        let oddResult = try odd.solve()
        #expect(try oddResult.apr.rounded(scale: 4, rule: .toNearestOrAway) == dec("9.1685"))
        #expect(oddResult.aprDisclosed == dec("9.17"))
        #expect(oddResult.unitPeriod == .unitPeriod(.monthly))
        #expect(oddResult.financeCharge == dec("1520.00"))
        #expect(!oddResult.isIrregular)
        try expectRootBracketed(odd, oddResult)
        let regular = AnnualPercentageRate(method: .regz, advances: [advance("10000.00", "2026-04-01")], payments: series("320.00", 36, "2026-05-01"))
        let regularResult = try regular.solve()
        #expect(try regularResult.apr.rounded(scale: 4, rule: .toNearestOrAway) == dec("9.4295"))
        try expectRootBracketed(regular, regularResult)
    }

    @Test("Single advance, single payment: the unit-period is the term (Appendix J (b)(4)(ii))")
    func singlePayment() throws {
        let tenDays = try AnnualPercentageRate(method: .regz, advances: [advance("100.00", "2026-04-01")], payments: [advance("115.00", "2026-04-11")]).solve()
        #expect(tenDays.unitPeriod == .term)
        #expect(tenDays.unitPeriodsPerYear == dec("36.5"))
        #expect(tenDays.apr == dec("547.500000000000"))
        let twoMonths = try AnnualPercentageRate(method: .regz, advances: [advance("100.00", "2026-04-01")], payments: [advance("102.00", "2026-06-01")]).solve()
        #expect(twoMonths.unitPeriod == .term)
        #expect(twoMonths.unitPeriodsPerYear == dec("6"))
        #expect(twoMonths.apr == dec("12.000000000000"))
        // A week, two weeks and a semimonth are no whole number of months: 365/days a year
        // ((b)(5)(vii); the FTC's $15 on $100 for two weeks is 391 %), never 52, 26 or 24.
        for (end, days) in [("2026-04-08", 7), ("2026-04-15", 14), ("2026-04-16", 15)] {
            let short = try AnnualPercentageRate(method: .regz, advances: [advance("100.00", "2026-04-01")], payments: [advance("115.00", end)]).solve()
            #expect(short.unitPeriod == .term, "\(days) days")
            // 15/100 × 365/days × 100 = 5475/days, rounded to 12 decimals.
            #expect(short.apr == (try dec("5475").divided(by: ExactDecimal(days), scale: 12, rule: .toNearestOrEven)), "\(days) days")
        }
        let oneMonth = try AnnualPercentageRate(method: .regz, advances: [advance("100.00", "2026-04-01")], payments: [advance("101.00", "2026-05-01")]).solve()
        #expect(oneMonth.unitPeriod == .unitPeriod(.monthly))
        #expect(oneMonth.apr == dec("12.000000000000"))
        let year = try AnnualPercentageRate(method: .regz, advances: [advance("100.00", "2026-04-01")], payments: [advance("110.00", "2027-04-01")]).solve()
        #expect(year.unitPeriod == .unitPeriod(.annual))
        #expect(year.apr == dec("10.000000000000"))
    }

    @Test("Zero finance charge is exactly 0 %; payments below the advances and payments that repay at once are no_solution")
    func edges() throws {
        let zero = try AnnualPercentageRate(method: .regz, advances: [advance("1200.00", "2026-01-01")], payments: series("100.00", 12, "2026-02-01")).solve()
        #expect(zero.apr.isZero)
        #expect(zero.aprDisclosed.isZero)
        let short = AnnualPercentageRate(method: .regz, advances: [advance("1200.00", "2026-01-01")], payments: series("99.00", 12, "2026-02-01"))
        #expect(throws: DealError.self) { try short.solve() }
        do { _ = try short.solve() } catch { #expect(error.code == .noSolution) }
        let atOnce = AnnualPercentageRate(method: .regz, advances: [advance("100.00", "2026-01-01")],
                                          payments: [advance("100.00", "2026-01-01"), advance("5.00", "2026-02-01")])
        do { _ = try atOnce.solve(); Issue.record("expected no_solution") } catch { #expect(error.code == .noSolution) }
        let early = AnnualPercentageRate(method: .regz, advances: [advance("100.00", "2026-01-01")], payments: [advance("105.00", "2025-12-01")])
        do { _ = try early.solve(); Issue.record("expected invalid_argument") } catch { #expect(error.code == .invalidArgument) }
    }

    @Test("Monotone: a larger payment gives a higher APR; a longer first period a lower one")
    func monotone() throws {
        var previous = ExactDecimal(-1)
        for cents in stride(from: 30000, through: 34000, by: 250) {
            let amount = MinorUnits(.usd).decimal(Int128(cents))
            let apr = try AnnualPercentageRate(method: .regz, advances: [advance("10000.00", "2026-04-01")],
                                               payments: try PaymentSeries(amount: amount, count: 36, firstDate: day("2026-05-01"), frequency: .monthly).amounts()).solve().apr
            #expect(apr > previous)
            previous = apr
        }
        var last = ExactDecimal(1000)
        for first in ["2026-05-01", "2026-05-08", "2026-05-16", "2026-05-25", "2026-06-01"] {
            let apr = try AnnualPercentageRate(method: .regz, advances: [advance("10000.00", "2026-04-01")], payments: series("320.00", 36, first)).solve().apr
            #expect(apr < last)
            last = apr
        }
    }

    @Test("Irregular: multiple advances, uneven middle payments; regular allows an odd first period and final payment")
    func irregularity() throws {
        var payments = series("320.00", 35, "2026-05-16")
        payments.append(advance("500.00", "2029-04-16"))
        #expect(try !AnnualPercentageRate(method: .regz, advances: [advance("10000.00", "2026-04-01")], payments: payments).solve().isIrregular)
        let twoAdvances = AnnualPercentageRate(method: .regz, advances: [advance("5000.00", "2026-04-01"), advance("5000.00", "2026-05-01")], payments: series("320.00", 36, "2026-06-01"))
        let result = try twoAdvances.solve()
        #expect(result.isIrregular)
        try expectRootBracketed(twoAdvances, result)
        var uneven = series("320.00", 36, "2026-05-01")
        uneven[10].amount = dec("100.00")
        #expect(try AnnualPercentageRate(method: .regz, advances: [advance("9000.00", "2026-04-01")], payments: uneven).solve().isIrregular)
        // Equal amounts at other scales are equal; one cent apart at another scale is not.
        var rescaled = series("320.00", 36, "2026-05-01")
        rescaled[10].amount = dec("320.0")
        rescaled[11].amount = dec("320")
        #expect(try !AnnualPercentageRate(method: .regz, advances: [advance("9000.00", "2026-04-01")], payments: rescaled).solve().isIrregular)
        rescaled[12].amount = dec("320.010")
        #expect(try AnnualPercentageRate(method: .regz, advances: [advance("9000.00", "2026-04-01")], payments: rescaled).solve().isIrregular)
    }

    /// One tenth of the property-case count (`make test`: 2,000; `make test-long`: 100,000), at least 300.
    static var randomProblems: Int { max(300, PropertyCases.count / 10) }

    @Test("Random cash flows (seeded; make test-long: 100,000): apr and aprDisclosed are the exact root correctly rounded; never NaN, never an unexplained error")
    func random() throws {
        var g = SeededGenerator(seed: 0x5EED_A9F)
        let frequencies = PaymentFrequency.allCases
        // Solves whose bracket straddled a rounding boundary, and the exact signs they took.
        // Solves whose bracket straddled a rounding boundary (decided in double words), and
        // those that needed wide rationals.
        var straddling = 0, rational = 0
        defer {
            print("APR random problems: \(Self.randomProblems); boundary decided by exact signs in \(straddling), wide rationals in \(rational)")
            #expect(rational * 100 < Self.randomProblems, "wide rationals are the rare path")
        }
        for _ in 0..<Self.randomProblems {
            let start = try CivilDate(year: g.int(in: 2000...2040), month: g.int(in: 1...12), day: g.int(in: 1...28))
            let frequency = g.element(of: frequencies)
            let count = g.int(in: 1...(frequency.periodsPerYear <= 4 ? 20 : 96))
            let principal = g.moneyMinor(in: 500_00...90_000_00)
            let annual = Double(g.int(in: 0...4000)) / 100 / 100
            let i = annual / Double(frequency.periodsPerYear)
            let level = i == 0 ? Double(principal) / Double(count) : Double(principal) * i / (1 - 1 / RateSolver.power(1 + i, count))
            let cents = max(1, Int128(level.rounded()) + Int128(g.int(in: 0...50)))
            let firstOffset = g.int(in: 0...40)
            let first = try frequency.date(byAddingPeriods: 1, to: start).adding(days: firstOffset - 10 < 0 ? 0 : firstOffset - 10)
            var payments = try PaymentSeries(amount: MinorUnits(.usd).decimal(cents), count: count, firstDate: first, frequency: frequency).amounts()
            var advances = [DatedAmount(amount: MinorUnits(.usd).decimal(Int128(principal)), date: start)]
            if g.chance(1, in: 5) { advances.append(DatedAmount(amount: dec("250.00"), date: try start.adding(days: g.int(in: 0...20)))) }
            if g.chance(1, in: 4) { payments.append(DatedAmount(amount: MinorUnits(.usd).decimal(Int128(g.moneyMinor(in: 1...5_000_00))), date: try payments.last!.date.adding(days: 30))) }
            let problem = AnnualPercentageRate(method: .regz, advances: advances, payments: payments)
            do {
                var signs = AnnualPercentageRate.SignCounts()
                let result = try problem.solve(signs: &signs)
                straddling += signs.decisions > 0 ? 1 : 0
                rational += signs.rational > 0 ? 1 : 0
                #expect(!result.apr.isNegative)
                if result.unitPeriod != .term { try expectRootBracketed(problem, result) }
            } catch let error as DealError {
                // The only acceptable failure: payments that total less than the advances.
                #expect(error.code == .noSolution, "\(error)")
                #expect(error.message.contains("totalling at least"), "\(error)")
            }
        }
    }
}

@Suite("AnnualPercentageRate: the Newton cell against the bisection bracket")
struct RegZNewtonCellTests {
    @Test("solve (Newton's rounding cell proven by two exact signs) equals the bisection bracket correctly rounded by wide rationals alone: seeded loans, odd first periods, odd last payments, many runs, rates near 0 and far beyond")
    func againstBisection() throws {
        var g = SeededGenerator(seed: 0xCE11_B15E)
        var compared = 0
        for round in 0..<240 {
            let frequency = g.element(of: PaymentFrequency.allCases)
            let start = try CivilDate(year: g.int(in: 2000...2040), month: g.int(in: 1...12), day: g.int(in: 1...28))
            let count = g.int(in: 2...(frequency.periodsPerYear <= 4 ? 20 : 96))
            let principal = g.moneyMinor(in: 500_00...90_000_00)
            let annual = round % 8 == 7 ? Double(g.int(in: 1...300)) : Double(g.int(in: 0...4000)) / 100 / 100
            let i = annual / Double(frequency.periodsPerYear)
            let level = i == 0 ? Double(principal) / Double(count) : Double(principal) * i / (1 - 1 / RateSolver.power(1 + i, count))
            let cents = max(1, Int128(level.rounded()) + Int128(g.int(in: 0...50)))
            let first = try frequency.date(byAddingPeriods: 1, to: start).adding(days: g.int(in: 0...30))
            var payments = try PaymentSeries(amount: MinorUnits(.usd).decimal(cents), count: count, firstDate: first, frequency: frequency).amounts()
            if g.chance(1, in: 3) { payments[count - 1].amount = MinorUnits(.usd).decimal(cents + Int128(g.int(in: -50...50))) }
            // Every other payment one cent more: a run per payment (beyond the stack storage).
            if round % 6 == 5 { for k in stride(from: 0, to: count, by: 2) { payments[k].amount = MinorUnits(.usd).decimal(cents + 1) } }
            let problem = AnnualPercentageRate(method: .regz, advances: [DatedAmount(amount: MinorUnits(.usd).decimal(Int128(principal)), date: start)],
                                               payments: payments)
            guard let result = try? problem.solve(), result.unitPeriod != .term, !result.financeCharge.isZero else { continue }
            let unit = try problem.chooseUnitPeriod(start: start)
            let terms = try problem.regzTerms(start: start, unit: unit)
            let bracket = try AnnualPercentageRate.regzBisectionBracket(terms: terms, exactSignAtZero: 1)
            let factor = (100 * unit.periodsPerYear.numerator, unit.periodsPerYear.denominator)
            var signs = 0
            let apr = try AnnualPercentageRate.correctlyRounded(bracket, factor: factor, decimals: 12, rule: .toNearestOrEven,
                                                                exactSigns: &signs) { problem.regzExactSign(terms, at: $0) }
            let disclosed = try AnnualPercentageRate.correctlyRounded(bracket, factor: factor, decimals: 2, rule: .toNearestOrAway,
                                                                      exactSigns: &signs) { problem.regzExactSign(terms, at: $0) }
            #expect(result.apr == apr, "round \(round)")
            #expect(result.aprDisclosed == disclosed, "round \(round)")
            compared += 1
        }
        #expect(compared > 150)
    }
}

@Suite("AnnualPercentageRate: totals")
struct APRTotalTests {
    @Test("total: the coefficient sum equals adding one by one from zero (value, scale, overflow) on random flows, mixed scales, negatives and the 38-digit limit")
    func totals() throws {
        func added(_ flows: [DatedAmount]) -> ExactDecimal? {
            var total = ExactDecimal.zero
            for flow in flows { guard let next = try? total + flow.amount else { return nil }; total = next }
            return total
        }
        func flow(_ coefficient: Int128, _ scale: Int) -> DatedAmount {
            DatedAmount(amount: try! ExactDecimal(coefficient: coefficient, scale: scale), date: day("2026-01-01"))
        }
        let nines: Int128 = 99_999_999_999_999_999_999_999_999_999_999_999_999
        var g = SeededGenerator(seed: 0x7_07A1)
        var cases: [[DatedAmount]] = [[], [flow(0, 2)], [flow(nines, 0)], [flow(nines, 0), flow(1, 0)], [flow(nines, 3), flow(-1, 3), flow(1, 3)],
                                      [flow(nines / 2, 1), flow(nines / 2, 1), flow(1, 1)], [flow(nines / 2, 1), flow(nines / 2 + 1, 1), flow(1, 1)],
                                      [flow(5, 2), flow(5, 1)], [flow(1, 0), flow(-2, 0)]]
        for round in 0..<2_000 {
            let scale = g.int(in: 0...6)
            cases.append((0..<g.int(in: 1...80)).map { _ in
                let s = round % 4 == 0 ? g.int(in: 0...6) : scale
                let big = round % 7 == 0 ? nines / Int128(g.int(in: 1...90)) : Int128(g.int(in: 0...9_999_999))
                return flow(round % 9 == 0 && g.chance(1, in: 3) ? -big : big, s)
            })
        }
        for flows in cases {
            let expected = added(flows)
            let total = try? AnnualPercentageRate.total(flows)
            #expect(total?.description == expected?.description, "\(flows.map(\.amount))")
            #expect(total?.scale == expected?.scale)
        }
    }
}
