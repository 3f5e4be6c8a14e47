// DealFinance — DealEngineTests: EUAPR.swift (Directive 2008/48/EC Annex I).

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

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

    @Test("euExactSign (interval log/exp, powers of one factor) agrees with the bounded double evaluation away from the root, on both time bases")
    func exactSign() throws {
        var g = SeededGenerator(seed: 0xE0_5161)
        for round in 0..<40 {
            let start = try CivilDate(year: g.int(in: 2001...2035), month: g.int(in: 1...12), day: g.int(in: 1...28))
            let payments = try PaymentSeries(amount: MinorUnits(.usd).decimal(Int128(g.moneyMinor(in: 50_00...900_00))),
                                             count: g.int(in: 2...48), firstDate: start.adding(days: g.int(in: 5...70)),
                                             frequency: g.element(of: PaymentFrequency.allCases)).amounts()
            var problem = AnnualPercentageRate(method: .eu, advances: [DatedAmount(amount: dec("1000.00"), date: start)], payments: payments)
            problem.timeBasis = g.chance(1, in: 2) ? .months : .days
            guard let result = try? problem.solve() else { continue }
            let terms = try problem.euTerms(start: start)
            let x = RateSolver.double(result.apr) / 100
            for rate in [x * (1 - 1e-6), x * (1 + 1e-6), x / 2, x * 2 + 0.01] where rate > -0.5 {
                let expected = AnnualPercentageRate.euValue(terms, rate).provenSign
                guard expected != 0 else { continue }
                #expect(try problem.euExactSign(terms, at: ExactFraction.of(rate)) == expected, "round \(round) rate \(rate)")
            }
        }
    }
}
