// DealFinance — DealEngineTests: AmortizationRun.swift (the schedule in minor units).

import Testing
import DealDecimal
@testable import DealEngine

private func rate(_ apr: String, _ m: Int = 12) -> PeriodicRate {
    try! PeriodicRate(annualPercentage: try! ExactDecimal(parsing: apr), periodsPerYear: m)
}

@Suite("AmortizationRun")
struct AmortizationRunTests {
    /// SPEC §3.1 worked example in cents: 30000 at 6 % over 60 with a 10000 balloon.
    @Test("Arrears with a balloon ends at the balloon; the final payment absorbs the residue")
    func arrears() throws {
        let problem = LevelPayment(principal: 3_000_000, balloon: 1_000_000, rate: rate("6"), numberOfPayments: 60)
        let run = try AmortizationRun(problem: problem, payment: 43666, treatment: .spread, interestRule: .toNearestOrAway, keepRows: true)
        #expect(run.rowCount == 60)
        #expect(run.rows.count == 60)
        #expect(run.firstPayment == 43666)
        #expect(run.finalRegularPayment == 43641)
        #expect(run.totalPaid == 3_619_935)
        // Row 1: interest round(3000000 × 0.005) = 15000.
        #expect(run.rows[0].interest == 15000)
        #expect(run.rows[0].principal == 28666)
        #expect(run.rows[0].balance == 2_971_334)
        #expect(run.rows.last?.balance == 1_000_000)
        #expect(run.rows.map(\.principal).reduce(0, +) == 2_000_000)
        // Without rows the totals are the same.
        let lean = try AmortizationRun(problem: problem, payment: 43666, treatment: .spread, interestRule: .toNearestOrAway, keepRows: false)
        #expect(lean.rows.isEmpty)
        #expect(lean.rowCount == 60)
        #expect(lean.totalPaid == run.totalPaid && lean.finalRegularPayment == run.finalRegularPayment)
    }

    @Test("Advance with a balloon: no interest in row 1, balance round(B/(1+i)) after row n, a balloon row")
    func advance() throws {
        let problem = LevelPayment(principal: 3_000_000, balloon: 1_000_000, rate: rate("6"), numberOfPayments: 60, timing: .advance)
        let run = try AmortizationRun(problem: problem, payment: 43448, treatment: .spread, interestRule: .toNearestOrAway, keepRows: true)
        #expect(run.rowCount == 61)
        #expect(run.rows[0].interest == 0)
        #expect(run.rows[0].balance == 3_000_000 - 43448)
        // round(1000000 / 1.005) = 995025.
        #expect(run.rows[59].balance == 995_025)
        #expect(run.rows[60].payment == 1_000_000)
        #expect(run.rows[60].interest == 4975)
        #expect(run.rows[60].principal == 995_025)
        #expect(run.rows[60].balance == 0)
        #expect(run.rows[60].number == 61)
        #expect(run.totalPaid == run.rows.prefix(60).map(\.payment).reduce(0, +) + 1_000_000)
    }

    /// A = 20000.00, 7.2 %, 36, first period 1 month + 15/30 (model values from Python fractions).
    @Test("Odd first period: row 1 interest and payment by treatment", arguments: [
        (OddDaysTreatment.spread, 62123, 18036, 62123, 62124),
        (.firstPayment, 61937, 18000, 67937, 61947),
        (.ignore, 61937, 12000, 61937, 61947),
    ])
    func oddFirstPeriod(treatment: OddDaysTreatment, paymentCents: Int, interestCents: Int, firstCents: Int, finalCents: Int) throws {
        // (Int arguments: Int128 test arguments crash the Linux test runner.)
        let payment = Int128(paymentCents), interest = Int128(interestCents), first = Int128(firstCents), final = Int128(finalCents)
        let problem = LevelPayment(principal: 2_000_000, balloon: 0, rate: rate("7.2"), numberOfPayments: 36,
                                   wholePeriodsToFirstPayment: 1, oddDays: 15, daysPerUnitPeriod: 30,
                                   spreadsOddPeriod: treatment == .spread)
        #expect(problem.rounded(by: .toNearestOrAway).minorUnits == payment)
        let run = try AmortizationRun(problem: problem, payment: payment, treatment: treatment, interestRule: .toNearestOrAway, keepRows: true)
        #expect(run.rows[0].interest == interest)
        #expect(run.firstPayment == first)
        #expect(run.finalRegularPayment == final)
        #expect(run.rows.last?.balance == 0)
    }

    @Test("Two whole periods plus odd days: spread interest compounds the whole periods")
    func twoWholePeriods() throws {
        // A = 1000000, i = 1/200, t = 2, φ = 10/30: I1 = round(A·((1 + i/3)(1+i)² − 1)) = round(11708.375) = 11708.
        let problem = LevelPayment(principal: 1_000_000, balloon: 0, rate: rate("6"), numberOfPayments: 12,
                                   wholePeriodsToFirstPayment: 2, oddDays: 10, daysPerUnitPeriod: 30)
        let interest = try AmortizationRun.spreadFirstInterest(problem, .toNearestOrAway)
        #expect(interest == 11708)
        // firstPayment treatment: round(A · i · (2 + 10/30)) = round(11666.67) = 11667.
        let run = try AmortizationRun(problem: problem, payment: 86000, treatment: .firstPayment, interestRule: .toNearestOrAway, keepRows: true)
        #expect(run.rows[0].interest == 11667)
        #expect(run.rows[0].payment == 86000 + 11667 - 5000)
    }

    @Test("A payment that repays early is unsupported, naming the payment")
    func repaysEarly() {
        let problem = LevelPayment(principal: 150, balloon: 0, rate: rate("0"), numberOfPayments: 300)
        #expect(problem.rounded(by: .toNearestOrAway).minorUnits == 1)
        #expect(throws: DealError(code: .unsupported, path: "term", message: "expected the rounded payment to amortize the loan over all 300 payments, found it repays the balance by payment 151; use a shorter term or a larger amount")) {
            _ = try AmortizationRun(problem: problem, payment: 1, treatment: .spread, interestRule: .toNearestOrAway, keepRows: false)
        }
        // A payment too large for the balloon left: the final payment would be negative (−10000).
        let balloon = LevelPayment(principal: 100_000, balloon: 50_000, rate: rate("0"), numberOfPayments: 2)
        #expect(throws: DealError.self) {
            _ = try AmortizationRun(problem: balloon, payment: 60_000, treatment: .spread, interestRule: .toNearestOrAway, keepRows: false)
        }
        #expect(throws: Never.self) {
            _ = try AmortizationRun(problem: balloon, payment: 25_000, treatment: .spread, interestRule: .toNearestOrAway, keepRows: false)
        }
    }

    @Test("Interest follows the rule it is given")
    func interestRule() throws {
        // 100.50 at 12 % monthly: interest 1.005 cents → 1 (down) or 2 (up) ... in cents 10050 × 0.01 = 100.5.
        let problem = LevelPayment(principal: 10050, balloon: 0, rate: rate("12"), numberOfPayments: 2)
        let away = try AmortizationRun(problem: problem, payment: 5100, treatment: .spread, interestRule: .toNearestOrAway, keepRows: true)
        let even = try AmortizationRun(problem: problem, payment: 5100, treatment: .spread, interestRule: .toNearestOrEven, keepRows: true)
        #expect(away.rows[0].interest == 101)
        #expect(even.rows[0].interest == 100)
        #expect(away.rows.last?.balance == 0 && even.rows.last?.balance == 0)
    }

    @Test("One payment: it is the whole balance plus interest")
    func single() throws {
        let problem = LevelPayment(principal: 100_000, balloon: 0, rate: rate("12"), numberOfPayments: 1)
        let run = try AmortizationRun(problem: problem, payment: 101_000, treatment: .spread, interestRule: .toNearestOrAway, keepRows: true)
        #expect(run.firstPayment == 101_000)
        #expect(run.finalRegularPayment == 101_000)
        #expect(run.rows.count == 1)
        #expect(run.totalPaid == 101_000)
    }
}
