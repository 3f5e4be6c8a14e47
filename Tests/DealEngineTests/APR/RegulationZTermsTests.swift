// DealFinance — DealEngineTests: RegulationZTerms.swift (flows measured in unit-periods).

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

@Suite("AnnualPercentageRate: Regulation Z terms")
struct RegulationZTermsTests {
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