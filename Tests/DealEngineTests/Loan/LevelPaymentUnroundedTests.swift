// DealFinance — DealEngineTests: LevelPayment.provenUnrounded, the unrounded payment's digits
// from a double word, against the exact fraction.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

@Suite struct LevelPaymentUnroundedTests {
    /// The exact path's decimal of `problem`'s payment over `divisor`.
    private func exact(_ problem: LevelPayment, dividedBy divisor: Int128, minorUnitDigits: Int, significantDigits: Int) throws -> ExactDecimal {
        let (numerator, denominator) = problem.exactFraction()
        return try LevelPayment.decimal(numerator, denominator * WideInteger(divisor), minorUnitDigits: minorUnitDigits, significantDigits: significantDigits)
    }

    /// A random problem over every input the estimate reads: rates from 0.001 % to 36 %,
    /// 1–480 payments, balloons up to the principal, advance, odd first periods, t = 0…3.
    private func randomProblem(_ g: inout SeededGenerator) throws -> LevelPayment {
        let m = g.element(of: [12, 26, 52, 24, 4, 1])
        let apr = g.chance(1, in: 10) ? "0.00\(g.int(in: 1...9))" : g.aprText(maxPercent: 36, maxDecimals: 3)
        let rate = try PeriodicRate(annualPercentage: ExactDecimal(parsing: apr == "0" ? "1" : apr), periodsPerYear: m)
        let principal = Int128(g.int(in: 1_000...50_000_000))
        let balloon: Int128 = switch g.int(in: 0...3) {
        case 0: principal
        case 1: Int128(g.int(in: 0...Int(principal) * 6 / 10))
        default: 0
        }
        let days = g.element(of: [30, 365, 7, 14])
        return LevelPayment(principal: principal, balloon: balloon, rate: rate, numberOfPayments: g.int(in: 1...480),
                            timing: g.chance(1, in: 3) ? .advance : .arrears, wholePeriodsToFirstPayment: g.int(in: 0...3),
                            oddDays: g.chance(1, in: 2) ? g.int(in: 0...days - 1) : 0, daysPerUnitPeriod: days,
                            spreadsOddPeriod: !g.chance(1, in: 5))
    }

    /// On seeded random loans the proven digits are the exact path's, digit for digit and
    /// scale for scale; at 20 digits almost every loan is proven. At 22–24 digits the last
    /// place is within a few bits of the error bound, so many values lie near a half of it
    /// (near-ties for the bound): a bound too small shows here as a wrong last digit.
    @Test func matchesTheExactFraction() throws {
        var g = SeededGenerator(seed: 20261205)
        var proven = [20: 0, 22: 0, 23: 0, 24: 0], declined = [20: 0, 22: 0, 23: 0, 24: 0]
        for _ in 0..<3_000 {
            var problem = try randomProblem(&g)
            var divisor: Int128 = 1
            if g.chance(1, in: 4) {
                // The balloon one period later (RoundingProfile.balloonTimed): A·r and B·q over r.
                divisor = problem.rate.numerator + problem.rate.denominator
                problem.principal *= divisor
                problem.balloon *= problem.rate.denominator
            }
            let minor = g.element(of: [2, 2, 2, 0, 3])
            for digits in [20, 22, 23, 24] {
                let expected = try exact(problem, dividedBy: divisor, minorUnitDigits: minor, significantDigits: digits)
                if let fast = problem.provenUnrounded(dividedBy: divisor, minorUnitDigits: minor, significantDigits: digits) {
                    #expect(fast.description == expected.description, "\(problem) / \(divisor), \(digits) digits")
                    proven[digits]! += 1
                } else {
                    declined[digits]! += 1
                }
            }
        }
        #expect(proven[20]! > 2_700)
        #expect(declined[23]! > 100)
        #expect(proven[23]! > 100)
    }

    /// An exact tie at the last kept digit: n = 1 in arrears pays A·(1 + i), and
    /// 1,000,001 × (1 + 1/(2·10¹⁴)) = 1000001.000000005000005 minor units has a 5 in the 15th
    /// decimal. With 14 decimals kept the fast path cannot prove a side; the exact path
    /// rounds the half to even.
    @Test func declinesAnExactTie() throws {
        let rate = PeriodicRate(numerator: 1, denominator: 200_000_000_000_000, periodsPerYear: 12, annualPercentage: 0)
        let problem = LevelPayment(principal: 1_000_001, balloon: 0, rate: rate, numberOfPayments: 1)
        #expect(problem.provenUnrounded(dividedBy: 1, minorUnitDigits: 2, significantDigits: 14) == nil)
        let value = try problem.unroundedPayment(minorUnitDigits: 2, significantDigits: 14)
        #expect(value.description == "10000.0100000000500000")
    }

    /// The documented example goes through the fast path and agrees with the exact one.
    @Test func documentedExample() throws {
        let rate = try PeriodicRate(annualPercentage: ExactDecimal(parsing: "6"), periodsPerYear: 12)
        let problem = LevelPayment(principal: 3_000_000, balloon: 1_000_000, rate: rate, numberOfPayments: 60)
        let fast = try #require(problem.provenUnrounded(dividedBy: 1, minorUnitDigits: 2, significantDigits: 20))
        #expect(fast.description == (try exact(problem, dividedBy: 1, minorUnitDigits: 2, significantDigits: 20)).description)
        #expect(fast.description == "436.6560305885583676706087")
    }

    /// Below 16 minor units the exact path may keep more digits: the fast path leaves it.
    @Test func declinesTinyPayments() throws {
        let rate = try PeriodicRate(annualPercentage: ExactDecimal(parsing: "6"), periodsPerYear: 12)
        let problem = LevelPayment(principal: 500, balloon: 0, rate: rate, numberOfPayments: 60)
        #expect(problem.provenUnrounded(dividedBy: 1, minorUnitDigits: 2, significantDigits: 20) == nil)
    }
}
