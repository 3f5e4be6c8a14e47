// DealFinance — DealEngineTests: RegulationZAPR.swift (the bounded evaluation, the Newton
// bracket and the bisection fallback).

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The solve's fallback bracket: Newton's estimate, proven by two bounded evaluations around
/// it (``AnnualPercentageRate/regzProvenBracket(terms:around:)``); nil where the solve bisects.
private func fallbackNewtonBracket(terms: [AnnualPercentageRate.Term], exactSignAtZero: Int) -> RateSolver.Bracket? {
    AnnualPercentageRate.regzNewtonEstimate(terms: terms, exactSignAtZero: exactSignAtZero)
        .flatMap { AnnualPercentageRate.regzProvenBracket(terms: terms, around: $0) }
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
            guard let newton = fallbackNewtonBracket(terms: terms, exactSignAtZero: 1) else {
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
        let bracket = try #require(fallbackNewtonBracket(terms: terms, exactSignAtZero: 1))
        #expect(bracket.lower < 0.1 && 0.1 < bracket.upper && bracket.halfWidth < 1e-13)
        #expect(fallbackNewtonBracket(terms: terms, exactSignAtZero: 0) == nil)
        #expect(fallbackNewtonBracket(terms: terms, exactSignAtZero: -1) == nil)
        #expect(fallbackNewtonBracket(terms: [], exactSignAtZero: 1) == nil)
        let lateAdvance = terms + [.init(amount: -10, whole: 1, fraction: 0.5, years: 0)]
        #expect(fallbackNewtonBracket(terms: lateAdvance, exactSignAtZero: 1) == nil)
        // Terms longer than the power table: the bisection.
        let long: [AnnualPercentageRate.Term] = [.init(amount: -1000, whole: 0, fraction: 0, years: 0),
                                                 .init(amount: 1e9, whole: AnnualPercentageRate.newtonLargestWhole + 1, fraction: 0, years: 0)]
        #expect(fallbackNewtonBracket(terms: long, exactSignAtZero: 1) == nil)
        // A root beyond 2^30 per period: nil (the bisection path then reports no_solution).
        let huge: [AnnualPercentageRate.Term] = [.init(amount: -1, whole: 0, fraction: 0, years: 0),
                                                 .init(amount: 1e300, whole: 1, fraction: 0, years: 0)]
        #expect(fallbackNewtonBracket(terms: huge, exactSignAtZero: 1) == nil)
        #expect(throws: DealError.self) { try AnnualPercentageRate.regzBisectionBracket(terms: huge, exactSignAtZero: 1) }
    }
}
