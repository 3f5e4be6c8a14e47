// DealFinance — DealEngineTests: RegulationZDoubleWordSign.swift (the Appendix J sign in
// double words) against the exact sign.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

@Suite("AnnualPercentageRate: the double-word Regulation Z sign")
struct RegulationZDoubleWordSignTests {
    @Test("regzDoubleWordSign is nil or the exact sign, at rates near the root (1e-10 … 1e-30 away) and random ones")
    func againstExact() throws {
        var g = SeededGenerator(seed: 0xD0B1_E30D)
        var decided = 0, total = 0
        for _ in 0..<150 {
            let start = try CivilDate(year: g.int(in: 2001...2035), month: g.int(in: 1...12), day: g.int(in: 1...28))
            let frequency = g.element(of: PaymentFrequency.allCases)
            let payments = try PaymentSeries(amount: MinorUnits(.usd).decimal(Int128(g.moneyMinor(in: 50_00...900_00))),
                                             count: g.int(in: 2...60), firstDate: start.adding(days: g.int(in: 5...70)),
                                             frequency: frequency).amounts()
            let advances = [DatedAmount(amount: MinorUnits(.usd).decimal(Int128(g.moneyMinor(in: 1_000_00...9_000_00))), date: start)]
            let problem = AnnualPercentageRate(method: .regz, advances: advances, payments: payments)
            guard let result = try? problem.solve() else { continue }
            let unit = try problem.chooseUnitPeriod(start: start)
            let terms = try problem.regzTerms(start: start, unit: unit)
            let perYear = unit.periodsPerYear
            // The reported APR as a rate, moved by ±10^−k of itself.
            let apr = ExactFraction(result.apr)
            let rate = apr * ExactFraction(WideInteger(perYear.denominator), WideInteger(100 * perYear.numerator))
            var points: [ExactFraction] = []
            for k in [10, 14, 18, 22, 26, 30] {
                // rate·(1 ± 10^−k) to 30 decimals (a numerator and denominator below 2^106).
                let scaled = rate.numerator.multiplied(byPowerOfTen: 30) * (WideInteger(1).multiplied(byPowerOfTen: k) + WideInteger(g.chance(1, in: 2) ? 1 : -1))
                points.append(ExactFraction(try scaled.divided(by: rate.denominator.multiplied(byPowerOfTen: k), rule: .down),
                                            WideInteger(1).multiplied(byPowerOfTen: 30)))
            }
            let signs = problem.withRegzDoubleWordEquation(terms: terms) { equation in equation.map { e in points.map { e.sign(at: $0) } } }
            let decisions = try #require(signs)
            for (at, sign) in zip(points, decisions) {
                total += 1
                if let sign {
                    decided += 1
                    #expect(sign == problem.regzExactSign(terms, at: at))
                }
            }
        }
        // Decided at 1e−10 … 1e−26 of the root, not always beyond.
        #expect(decided * 2 > total)
    }
}
