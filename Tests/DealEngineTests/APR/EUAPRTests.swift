// DealFinance — DealEngineTests: EUAPR.swift (Directive 2008/48/EC Annex I).

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
        #expect(result.unitPeriod == "year")
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
