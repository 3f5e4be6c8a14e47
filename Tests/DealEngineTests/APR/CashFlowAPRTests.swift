// DealFinance — DealEngineTests: CashFlowAPR.swift (Regulation Z Appendix J and EU APR),
// checked against the present-value equation evaluated exactly with GMP rationals.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }
private func advance(_ amount: String, _ when: String) -> DatedAmount { DatedAmount(amount: dec(amount), date: day(when)) }
private func series(_ amount: String, _ count: Int, _ first: String, _ frequency: PaymentFrequency = .monthly) -> [DatedAmount] {
    try! PaymentSeries(amount: dec(amount), count: count, firstDate: day(first), frequency: frequency).amounts()
}

/// The sign of Σ payments / ((1+f·i)(1+i)^t) − Σ advances / (…) at the periodic rate i, exact.
///
/// With i = p/q in lowest terms and f = fₙ/f_d, each term times the positive constant
/// 100·(q+p)^K·Π_g (g_d·q + gₙ·p) (K the largest t, g over the distinct fractions) is the integer
/// ±cents·f_d·q^(t+1)·(q+p)^(K−t)·Π_{g≠f} (g_d·q + gₙ·p): the sum's sign is the equation's,
/// with no rational canonicalisation of ~2,000-digit numbers per term.
private func regzEquationSign(_ problem: AnnualPercentageRate, unit: UnitPeriod, rate i: Rational) throws -> Int {
    let start = problem.advances.map(\.date).min()!
    struct Term { let cents: Rational; let whole: Int; let fraction: [Int] }
    var terms: [Term] = []
    for (flow, sign) in problem.advances.map({ ($0, -1) }) + problem.payments.map({ ($0, 1) }) {
        let count: UnitPeriodCount
        if let s = flow.series, s.frequency == unit.paymentFrequency, s.first >= start {
            count = try UnitPeriodCount(from: start, toPayment: s.index, firstPayment: s.first, frequency: s.frequency)
        } else {
            count = try UnitPeriodCount(from: start, to: flow.date, unitPeriod: unit)
        }
        let f = Rational(numerator: count.fraction.numerator, denominator: count.fraction.denominator)
        let cents = Rational(sign) * Rational(flow.amount.description)! * Rational(100)
        terms.append(Term(cents: cents, whole: count.wholePeriods, fraction: [Int(f.numerator.description)!, Int(f.denominator.description)!]))
    }
    let p = i.numerator, q = i.denominator, qp = q + p
    let maximum = terms.map(\.whole).max() ?? 0
    var qPowers = [q], qpPowers = [Rational(1)]
    for _ in 0...maximum { qPowers.append(qPowers.last! * q); qpPowers.append(qpPowers.last! * qp) }
    let fractions = Array(Set(terms.map(\.fraction)))
    let factors = fractions.map { Rational($0[1]) * q + Rational($0[0]) * p }
    var total = Rational(0)
    for term in terms {
        var value = term.cents * Rational(term.fraction[1]) * qPowers[term.whole] * qpPowers[maximum - term.whole]
        for (index, fraction) in fractions.enumerated() where fraction != term.fraction { value = value * factors[index] }
        total = total + value
    }
    return total.sign
}

/// The exact equation changes sign across apr ± (errorBound + 1e-12): a root lies within.
private func expectRootBracketed(_ problem: AnnualPercentageRate, _ result: AnnualPercentageRate.Result,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
    let unit = try #require(UnitPeriod.candidates.first { .unitPeriod($0) == result.unitPeriod }, "unit-period \(result.unitPeriod)")
    let apr = Rational(result.apr.description)!
    let slack = Rational(RateSolver.decimal(result.errorBound, scale: 20, rule: .up)!.description)! + Rational("0.000000000001")!
    let perYear = Rational(numerator: 100 * unit.periodsPerYear.numerator, denominator: unit.periodsPerYear.denominator)
    if result.financeCharge.isZero { #expect(result.apr.isZero, sourceLocation: sourceLocation); return }
    let below = try regzEquationSign(problem, unit: unit, rate: (apr - slack) / perYear)
    let above = try regzEquationSign(problem, unit: unit, rate: (apr + slack) / perYear)
    #expect(below >= 0 && above <= 0, "apr \(result.apr) ± \(result.errorBound)", sourceLocation: sourceLocation)
    #expect(result.errorBound < 1e-10, sourceLocation: sourceLocation)
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

    @Test("Unit-period: the most common period; ties to the shorter; the override wins")
    func unitPeriod() throws {
        let monthly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-10")], payments: series("100.00", 12, "2026-02-25"))
        #expect(try monthly.chooseUnitPeriod(start: day("2026-01-10")) == .monthly)
        let weekly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-10")], payments: series("30.00", 40, "2026-01-20", .weekly))
        #expect(try weekly.chooseUnitPeriod(start: day("2026-01-10")) == .weekly)
        let biweekly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-01")], payments: series("30.00", 40, "2026-01-15", .biweekly))
        #expect(try biweekly.chooseUnitPeriod(start: day("2026-01-01")) == .biweekly)
        let semimonthly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-01")], payments: series("30.00", 40, "2026-01-15", .semimonthly))
        #expect(try semimonthly.chooseUnitPeriod(start: day("2026-01-01")) == .semimonthly)
        let quarterly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-01")], payments: series("300.00", 4, "2026-04-01", .quarterly))
        #expect(try quarterly.chooseUnitPeriod(start: day("2026-01-01")) == .quarterly)
        var override = monthly
        override.unitPeriod = .semimonthly
        #expect(try override.solve().unitPeriod == .unitPeriod(.semimonthly))
        // No common period: the nearest nominal length to the average interval (≈ 33 days → monthly).
        let ragged = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-01")],
                                          payments: [advance("400.00", "2026-02-05"), advance("400.00", "2026-03-09"), advance("300.00", "2026-04-12")])
        #expect(try ragged.chooseUnitPeriod(start: day("2026-01-01")) == .monthly)
        #expect(try ragged.solve().isIrregular)
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

    @Test("Random cash flows (seeded; make test-long: 100,000): the exact equation changes sign within the stated bound; never NaN, never an unexplained error")
    func random() throws {
        var g = SeededGenerator(seed: 0x5EED_A9F)
        let frequencies = PaymentFrequency.allCases
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
                let result = try problem.solve()
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

@Suite("AnnualPercentageRate: EU Consumer Credit Directive")
struct EUAPRTests {
    /// Σ payments (1+X)^(−t) − Σ advances (1+X)^(−t) has opposite signs at X = apr ∓ slack
    /// (checked in double with a wide margin: t is fractional, so GMP cannot evaluate it exactly).
    private func check(_ problem: AnnualPercentageRate, _ result: AnnualPercentageRate.Result) throws {
        let terms = try problem.euTerms(start: problem.advances.map(\.date).min()!)
        let x = RateSolver.double(result.apr) / 100
        let below = AnnualPercentageRate.euValue(terms, x - 1e-9)
        let above = AnnualPercentageRate.euValue(terms, x + 1e-9)
        #expect(below.provenSign == 1 && above.provenSign == -1)
    }

    @Test("A year's single repayment: 10 % exactly; monthly series on both time bases")
    func basics() throws {
        let year = AnnualPercentageRate(method: .eu, advances: [advance("1000.00", "2026-01-15")], payments: [advance("1100.00", "2027-01-15")])
        let result = try year.solve()
        #expect(try result.apr.rounded(scale: 9, rule: .toNearestOrAway) == dec("10.000000000"))
        #expect(result.aprDisclosed == dec("10.0"))
        #expect(result.unitPeriod == .year)
        let monthly = AnnualPercentageRate(method: .eu, advances: [advance("10000.00", "2026-04-01")], payments: series("320.00", 36, "2026-05-01"))
        let months = try monthly.solve()
        try check(monthly, months)
        // Effective annual of the 9.4295 % nominal Reg Z rate: (1 + i)^12 − 1 ≈ 9.8479 %.
        #expect(try months.apr.rounded(scale: 4, rule: .toNearestOrAway) == dec("9.8479"))
        var days = monthly
        days.timeBasis = .days
        let dayResult = try days.solve()
        try check(days, dayResult)
        #expect(dayResult.apr != months.apr)
    }

    @Test("Whole months counted forward from the drawdown, leftover days / 365")
    func monthCounting() throws {
        let problem = AnnualPercentageRate(method: .eu, advances: [advance("1000.00", "2026-01-31")],
                                           payments: [advance("500.00", "2026-02-28"), advance("520.00", "2026-04-10")])
        let terms = try problem.euTerms(start: day("2026-01-31"))
        #expect(terms[1].years == 1.0 / 12)                       // Jan 31 → Feb 28: one month (month end)
        #expect(abs(terms[2].years - (2.0 / 12 + 10.0 / 365)) < 1e-15)   // → Mar 31, then 10 days
    }
}

@Suite("AnnualPercentageRate: fast paths against the direct computation")
struct RegZFastPathTests {
    /// The evaluation as it was written before the power table: RateSolver.power per term.
    private func directValue(_ terms: [AnnualPercentageRate.Term], _ i: Double) -> BoundedValue {
        let maxWhole = terms.map(\.whole).max() ?? 0
        var sum = 0.0, magnitude = 0.0, worst = 0
        for term in terms {
            let exponent = i >= 0 ? term.whole : maxWhole - term.whole
            let p = RateSolver.power(1 + i, exponent)
            let q = 1 + term.fraction * i
            let value = i >= 0 ? term.amount / (q * p) : term.amount * p / q
            sum += value
            magnitude += abs(value)
            worst = max(worst, exponent + RateSolver.powerOperations(exponent) + 10)
        }
        let bound = 2 * RateSolver.gamma(worst + terms.count + 2) * magnitude + Double(terms.count) * 1e-290
        return BoundedValue(value: sum, errorBound: bound)
    }

    @Test("regzValue is bit for bit the per-term RateSolver.power evaluation (stack table, heap table, squares only)")
    func powerTable() {
        var g = SeededGenerator(seed: 0xAB12_7AB1E)
        for round in 0..<600 {
            // Short, long (heap table) and sparse (no table) exponent ranges.
            let count = g.int(in: 1...(round % 3 == 0 ? 400 : 90))
            let spread = round % 5 == 0 ? 5_000 : count + 20
            var terms: [AnnualPercentageRate.Term] = []
            for k in 0..<count {
                let whole = round % 2 == 0 ? min(k + g.int(in: 0...3), spread) : g.int(in: 0...spread)
                terms.append(.init(amount: (k == 0 ? -1 : 1) * Double(g.int(in: 1...9_000_000)) / 100, whole: whole,
                                   fraction: Double(g.int(in: 0...29)) / 30, years: 0))
            }
            for i in [0.0, 1e-9, 0.004166, Double(g.int(in: 1...20_000)) / 1_000_000, 0.75, 3.5, -0.001, -0.3, -0.999] {
                let fast = AnnualPercentageRate.regzValue(terms, i), direct = directValue(terms, i)
                #expect(fast.value.bitPattern == direct.value.bitPattern && fast.errorBound.bitPattern == direct.errorBound.bitPattern,
                        "round \(round), i \(i): \(fast) vs \(direct)")
            }
        }
        #expect(AnnualPercentageRate.regzValue([], 0.01) == directValue([], 0.01))
    }

    /// A seeded loan-like Reg Z problem measured on its unit-period: `count` payments of the
    /// level payment at the periodic rate `rate` (capped at 10¹⁵) plus one cent, the first one
    /// period plus 0…`extraDays` days after `start`; every third with one more payment a month
    /// after the last, every fifth (`round % 5 == 4`) with a second advance 3 days after the
    /// first — where the monotone argument, and so RegzSigns and the Newton bracket, do not hold.
    static func loanFlows(_ g: inout SeededGenerator, round: Int, frequency: PaymentFrequency, start: CivilDate,
                          count: Int, principal: Int, rate i: Double,
                          extraDays: Int) throws -> (unit: UnitPeriod, terms: [AnnualPercentageRate.Term]) {
        let level = Double(principal) * i / (1 - 1 / RateSolver.power(1 + i, count))
        let first = try frequency.date(byAddingPeriods: 1, to: start).adding(days: g.int(in: 0...extraDays))
        var payments = try PaymentSeries(amount: MinorUnits(.usd).decimal(Int128(min(level, 1e15).rounded()) + 1), count: count,
                                         firstDate: first, frequency: frequency).amounts()
        if g.chance(1, in: 3) { payments.append(DatedAmount(amount: dec("1234.56"), date: try payments.last!.date.adding(days: 31))) }
        var advances = [DatedAmount(amount: MinorUnits(.usd).decimal(Int128(principal)), date: start)]
        if round % 5 == 4 { advances.append(DatedAmount(amount: dec("100.00"), date: try start.adding(days: 3))) }
        let problem = AnnualPercentageRate(method: .regz, advances: advances, payments: payments)
        let unit = try problem.chooseUnitPeriod(start: start)
        return (unit, try problem.regzTerms(start: start, unit: unit))
    }

    @Test("RegzSigns: every inferred sign is the full evaluation's, and the solver's bracket is bit for bit the same")
    func inferredSigns() throws {
        var g = SeededGenerator(seed: 0x51_6E5)
        var full = 0, fast = 0
        for round in 0..<150 {
            let frequency = g.element(of: PaymentFrequency.allCases)
            let start = try CivilDate(year: g.int(in: 2000...2040), month: g.int(in: 1...12), day: g.int(in: 1...28))
            let count = g.int(in: 1...(frequency.periodsPerYear <= 4 ? 20 : 96))
            let principal = g.moneyMinor(in: 500_00...90_000_00)
            let i = Double(g.int(in: 1...3000)) / 100 / 100 / Double(frequency.periodsPerYear)
            let (_, terms) = try Self.loanFlows(&g, round: round, frequency: frequency, start: start, count: count,
                                                principal: principal, rate: i, extraDays: 30)
            var evaluations = 0
            let direct = try AnnualPercentageRate.solve(terms: terms, exactSignAtZero: 1) { terms, x in
                evaluations += 1
                return AnnualPercentageRate.regzValue(terms, x)
            }
            let signs = AnnualPercentageRate.RegzSigns(terms: terms)
            let replayed = try AnnualPercentageRate.solve(terms: terms, exactSignAtZero: 1) { _, x in signs.value(at: x) }
            #expect(direct.lower.bitPattern == replayed.lower.bitPattern && direct.upper.bitPattern == replayed.upper.bitPattern,
                    "round \(round): \(direct) vs \(replayed)")
            full += evaluations
            fast += signs.evaluations
            // Probes: spread over the domain, at and around the bracket ends and the anchors.
            var probes = (0..<40).map { _ in direct.upper * Double(g.int(in: 0...4000)) / 1000 }
            for end in [direct.lower, direct.upper] + signs.points.map(\.x) {
                var x = end
                for _ in 0..<12 { probes.append(x); x = x.nextUp }
                x = end
                for _ in 0..<12 { probes.append(x); x = x.nextDown }
                probes.append(end + Double(g.int(in: -5000...5000)) * end.ulp)
            }
            for x in probes where x >= 0 {
                if let sign = signs.inferredSign(x) {
                    #expect(sign == AnnualPercentageRate.regzValue(terms, x).provenSign, "round \(round) at \(x)")
                }
            }
        }
        // The point of it: far fewer full evaluations.
        #expect(fast * 10 < full * 7, "\(fast) of \(full)")
    }

    @Test("Newton bracket: proven opposite signs at its ends, overlapping the bisection's bracket, ≤ 1e-10 wide in APR; nil where it does not apply")
    func newtonBracket() throws {
        var g = SeededGenerator(seed: 0x4E_3770)
        var applied = 0, monotoneProblems = 0
        for round in 0..<400 {
            let frequency = g.element(of: PaymentFrequency.allCases)
            let start = try CivilDate(year: g.int(in: 2000...2040), month: g.int(in: 1...12), day: g.int(in: 1...28))
            let count = g.int(in: 1...(frequency.periodsPerYear <= 4 ? 30 : 120))
            let principal = g.moneyMinor(in: 500_00...90_000_00)
            // Rates from 0.01 % to 40 % a year, and every tenth far beyond (up to 2000 % a period).
            let i = round % 10 == 9 ? Double(g.int(in: 1...20_000)) / 10 : Double(g.int(in: 1...4000)) / 100 / 100 / Double(frequency.periodsPerYear)
            let (unit, terms) = try Self.loanFlows(&g, round: round, frequency: frequency, start: start, count: count,
                                                   principal: principal, rate: i, extraDays: 40)
            let monotone = AnnualPercentageRate.isMonotone(terms)
            if monotone { monotoneProblems += 1 }
            let bisection = try AnnualPercentageRate.regzBisectionBracket(terms: terms, exactSignAtZero: 1)
            guard let newton = AnnualPercentageRate.regzNewtonBracket(terms: terms, exactSignAtZero: 1) else {
                #expect(!monotone || round % 10 == 9, "round \(round): no Newton bracket for \(terms.count) monotone terms")
                continue
            }
            applied += 1
            #expect(monotone, "round \(round)")
            // The ends' signs are proven (the contract), so a root lies inside; the root is
            // unique (all advances first), so the bisection's bracket holds the same root.
            #expect(AnnualPercentageRate.regzValue(terms, newton.lower).provenSign == 1, "round \(round)")
            #expect(AnnualPercentageRate.regzValue(terms, newton.upper).provenSign == -1, "round \(round)")
            #expect(newton.lower > 0 && newton.lower < newton.upper, "round \(round): \(newton)")
            #expect(newton.lower <= bisection.upper && bisection.lower <= newton.upper, "round \(round): \(newton) vs \(bisection)")
            // About as narrow as the bisection's (the zone where no sign is provable).
            #expect(newton.halfWidth <= 64 * max(bisection.halfWidth, 4 * bisection.upper.ulp), "round \(round): \(newton) vs \(bisection)")
            let perYear = Double(unit.periodsPerYear.numerator) / Double(unit.periodsPerYear.denominator)
            if round % 10 != 9 { #expect(newton.halfWidth * perYear * 100 < 1e-10, "round \(round)") }
        }
        // The fast path is the common path: every monotone problem at ordinary rates, 4 in 5 here.
        #expect(applied * 10 >= monotoneProblems * 9 && monotoneProblems >= 300, "\(applied) of \(monotoneProblems) applied")
        // Where it does not apply: a sign at 0 that is not +1, non-monotone or empty terms.
        let terms: [AnnualPercentageRate.Term] = [.init(amount: -1000, whole: 0, fraction: 0, years: 0),
                                                  .init(amount: 1100, whole: 1, fraction: 0, years: 0)]
        let bracket = try #require(AnnualPercentageRate.regzNewtonBracket(terms: terms, exactSignAtZero: 1))
        #expect(bracket.lower < 0.1 && 0.1 < bracket.upper && bracket.halfWidth < 1e-13)
        #expect(AnnualPercentageRate.regzNewtonBracket(terms: terms, exactSignAtZero: 0) == nil)
        #expect(AnnualPercentageRate.regzNewtonBracket(terms: terms, exactSignAtZero: -1) == nil)
        #expect(AnnualPercentageRate.regzNewtonBracket(terms: [], exactSignAtZero: 1) == nil)
        let lateAdvance = terms + [.init(amount: -10, whole: 1, fraction: 0.5, years: 0)]
        #expect(AnnualPercentageRate.regzNewtonBracket(terms: lateAdvance, exactSignAtZero: 1) == nil)
        // Terms longer than the power table: the bisection.
        let long: [AnnualPercentageRate.Term] = [.init(amount: -1000, whole: 0, fraction: 0, years: 0),
                                                 .init(amount: 1e9, whole: AnnualPercentageRate.newtonLargestWhole + 1, fraction: 0, years: 0)]
        #expect(AnnualPercentageRate.regzNewtonBracket(terms: long, exactSignAtZero: 1) == nil)
        // A root beyond 2^30 per period: nil (the bisection path then reports no_solution).
        let huge: [AnnualPercentageRate.Term] = [.init(amount: -1, whole: 0, fraction: 0, years: 0),
                                                 .init(amount: 1e300, whole: 1, fraction: 0, years: 0)]
        #expect(AnnualPercentageRate.regzNewtonBracket(terms: huge, exactSignAtZero: 1) == nil)
        #expect(throws: DealError.self) { try AnnualPercentageRate.regzBisectionBracket(terms: huge, exactSignAtZero: 1) }
    }

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

    @Test("isIrregular for month units (the counting alone) and week units (the day count) equals the gap test with the day range, on random monthly, month-end, weekly and ragged schedules")
    func irregularMonthUnits() throws {
        var g = SeededGenerator(seed: 0x1_4E6)
        var outcomes = [false: 0, true: 0]
        for round in 0..<600 {
            let (year, month) = (g.int(in: 1999...2101), g.int(in: 1...12))
            let start = try CivilDate(year: year, month: month, day: round % 4 == 0 ? CivilDate.numberOfDays(inMonth: month, year: year) : g.int(in: 1...28))
            var payments = try PaymentSeries(amount: dec("100.00"), count: g.int(in: 2...40), firstDate: start,
                                             frequency: [.quarterly, .monthly, .weekly, .biweekly, .semimonthly][round % 5]).amounts()
            // Ragged: move some dates by a few days or to a month's end.
            for k in payments.indices where g.chance(1, in: round % 2 == 0 ? 12 : 1_000) {
                payments[k].date = try payments[k].date.adding(days: g.int(in: -3...3))
            }
            let problem = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "1998-01-01")], payments: payments)
            let sorted = payments.sorted { $0.date < $1.date }
            for unit in [UnitPeriod.monthly, .months(2), .months(3), .quarterly, .weekly, .biweekly, .weeks(2), .weeks(4), .semimonthly] {
                let expected = sorted.indices.dropFirst().contains { !UnitPeriod.isOnePeriod(from: sorted[$0 - 1].date, to: sorted[$0].date, unit) }
                #expect(problem.isIrregular(unit: unit) == expected, "round \(round), \(unit.name)")
                outcomes[expected, default: 0] += 1
            }
        }
        #expect(outcomes[false]! > 300 && outcomes[true]! > 300, "\(outcomes)")
    }

    @Test("Series counts (t shifted by the index) equal UnitPeriodCount on random series of every frequency")
    func seriesCounts() throws {
        var g = SeededGenerator(seed: 0x5E41E5)
        for _ in 0..<3_000 {
            let frequency = g.element(of: PaymentFrequency.allCases)
            let start = try CivilDate(year: g.int(in: 1990...2060), month: g.int(in: 1...12), day: g.int(in: 1...28))
            let first = try start.adding(days: g.int(in: 0...400))
            let base = try UnitPeriodCount(from: start, toPayment: 0, firstPayment: first, frequency: frequency)
            for index in [0, 1, 2, g.int(in: 3...13), g.int(in: 14...400), g.int(in: 400...1_200)] {
                let direct = try UnitPeriodCount(from: start, toPayment: index, firstPayment: first, frequency: frequency)
                if let shifted = AnnualPercentageRate.seriesCount(base: base, index: index, first: first, frequency: frequency) {
                    #expect(shifted == direct, "\(frequency) \(start) → \(first) #\(index)")
                } else {
                    #expect(frequency == .semimonthly)
                }
            }
        }
        // Where the counting must decide: negative indices, dates near year 9999.
        let late = try CivilDate(parsing: "9990-01-31"), base = try UnitPeriodCount(from: late, toPayment: 0, firstPayment: late, frequency: .annual)
        #expect(AnnualPercentageRate.seriesCount(base: base, index: -1, first: late, frequency: .annual) == nil)
        #expect(AnnualPercentageRate.seriesCount(base: base, index: 9, first: late, frequency: .annual) == nil)
        #expect(AnnualPercentageRate.seriesCount(base: base, index: 8, first: late, frequency: .annual) != nil)
        // The solver gives the same result with and without the series (the months are counted
        // back on the schedule's own day either way for a schedule not on the 29th–31st).
        let problem = AnnualPercentageRate(method: .regz, advances: [DatedAmount(amount: dec("20000.00"), date: day("2026-01-15"))],
                                           payments: series("400.00", 60, "2026-03-01"))
        var plain = problem
        plain.payments = problem.payments.map { DatedAmount(amount: $0.amount, date: $0.date) }
        #expect(try problem.solve() == plain.solve())
    }
}
