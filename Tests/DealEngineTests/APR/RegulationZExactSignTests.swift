// DealFinance — DealEngineTests: RegulationZExactSign.swift (the Appendix J equation's exact
// sign at a rational rate), against the same sign computed with GMP rationals.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The sign of Σ payments / ((1+f·i)(1+i)^t) − Σ advances / (…) at the periodic rate i, exact.
///
/// With i = p/q in lowest terms and f = fₙ/f_d, each term times the positive constant
/// 100·(q+p)^K·Π_g (g_d·q + gₙ·p) (K the largest t, g over the distinct fractions) is the integer
/// ±cents·f_d·q^(t+1)·(q+p)^(K−t)·Π_{g≠f} (g_d·q + gₙ·p): the sum's sign is the equation's,
/// with no rational canonicalisation of ~2,000-digit numbers per term.
func gmpRegzEquationSign(_ problem: AnnualPercentageRate, unit: UnitPeriod, rate i: Rational) throws -> Int {
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


@Suite("AnnualPercentageRate: the exact Regulation Z sign")
struct RegulationZExactSignTests {
    @Test("regzExactSign equals the GMP sign at rates near and at the root, on random irregular flows of every unit-period")
    func againstGMP() throws {
        var g = SeededGenerator(seed: 0xE8AC_7516)
        for round in 0..<120 {
            let start = try CivilDate(year: g.int(in: 2001...2035), month: g.int(in: 1...12), day: g.int(in: 1...28))
            let frequency = g.element(of: PaymentFrequency.allCases)
            var payments = try PaymentSeries(amount: MinorUnits(.usd).decimal(Int128(g.moneyMinor(in: 50_00...900_00))),
                                             count: g.int(in: 1...30), firstDate: start.adding(days: g.int(in: 5...70)),
                                             frequency: frequency).amounts()
            if g.chance(1, in: 3) { payments.append(DatedAmount(amount: dec("12.345"), date: try start.adding(days: g.int(in: 1...900)))) }
            var advances = [DatedAmount(amount: MinorUnits(.usd).decimal(Int128(g.moneyMinor(in: 1_000_00...9_000_00))), date: start)]
            if g.chance(1, in: 4) { advances.append(DatedAmount(amount: dec("100.5"), date: try start.adding(days: g.int(in: 0...40)))) }
            let problem = AnnualPercentageRate(method: .regz, advances: advances, payments: payments)
            let unit = try problem.chooseUnitPeriod(start: start)
            let terms = try problem.regzTerms(start: start, unit: unit)
            for _ in 0..<4 {
                let numerator = g.int(in: 0...5_000), denominator = g.int(in: 1...100_000)
                let rate = ExactFraction(WideInteger(numerator), WideInteger(denominator))
                let expected = try gmpRegzEquationSign(problem, unit: unit, rate: Rational(numerator: numerator, denominator: denominator))
                #expect(problem.regzExactSign(terms, at: rate) == expected, "round \(round) rate \(numerator)/\(denominator)")
            }
        }
    }

    @Test("Exactly zero at a rational root: interest-only flows repaid at the rate they pay")
    func zeroAtRoot() throws {
        // 1,000.00 lent, 10.00 a month for 11 months, 1,010.00 at 12: exactly 1 % a month.
        let start = day("2026-01-15")
        var payments = try PaymentSeries(amount: dec("10.00"), count: 11, firstDate: day("2026-02-15"), frequency: .monthly).amounts()
        payments.append(DatedAmount(amount: dec("1010.00"), date: day("2027-01-15")))
        let problem = AnnualPercentageRate(method: .regz, advances: [DatedAmount(amount: dec("1000.00"), date: start)], payments: payments)
        let terms = try problem.regzTerms(start: start, unit: .monthly)
        #expect(problem.regzExactSign(terms, at: ExactFraction(WideInteger(1), WideInteger(100))) == 0)
        #expect(problem.regzExactSign(terms, at: ExactFraction(WideInteger(99), WideInteger(10_000))) == 1)
        #expect(problem.regzExactSign(terms, at: ExactFraction(WideInteger(101), WideInteger(10_000))) == -1)
        #expect(try problem.solve().apr == dec("12.000000000000"))
    }
}
