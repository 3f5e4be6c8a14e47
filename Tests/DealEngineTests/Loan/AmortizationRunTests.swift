// DealFinance — DealEngineTests: AmortizationRun.swift (the schedule in minor units).

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func rate(_ apr: String, _ m: Int = 12) -> PeriodicRate {
    try! PeriodicRate(annualPercentage: try! ExactDecimal(parsing: apr), periodsPerYear: m)
}

@Suite("AmortizationRun")
struct AmortizationRunTests {
    /// Documentation/Reference/Loan.md worked example in cents: 30000 at 6 % over 60 with a 10000 balloon.
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

    /// Interest rounded up against a payment that only just covers it: the one-cent shortfall
    /// compounds at 37.62 % a period and passes 2^127 within 286 periods. No public profile
    /// rounds interest up today; the engine must still answer `overflow`, never trap.
    @Test("A balance that compounds past 128 bits is overflow, not a trap", arguments: [true, false])
    func compoundingPastInt128(fastPeriods: Bool) throws {
        let problem = LevelPayment(principal: 3_000_001, balloon: 0, rate: rate("75.24", 2), numberOfPayments: 286)
        #expect(throws: DealError.self) {
            _ = try AmortizationRun(problem: problem, payment: 1_128_600, treatment: .spread, interestRule: .up,
                                    keepRows: false, fastPeriods: fastPeriods)
        }
        do {
            _ = try AmortizationRun(problem: problem, payment: 1_128_600, treatment: .spread, interestRule: .up,
                                    keepRows: false, fastPeriods: fastPeriods)
        } catch {
            #expect(error.code == .overflow)
        }
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
        #expect(try problem.rounded(by: .toNearestOrAway).minorUnits == payment)
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
    func repaysEarly() throws {
        let problem = LevelPayment(principal: 150, balloon: 0, rate: rate("0"), numberOfPayments: 300)
        #expect(try problem.rounded(by: .toNearestOrAway).minorUnits == 1)
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

    /// Runs a problem both ways (`MiddlePeriods` and the 128-bit step for every period) and
    /// expects the same rows and totals, or the same error.
    private func expectSameBothWays(_ problem: LevelPayment, payment: Int128, treatment: OddDaysTreatment = .spread,
                                    rule: RoundingRule = .toNearestOrAway, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = Result { () throws(DealError) in
            try AmortizationRun(problem: problem, payment: payment, treatment: treatment, interestRule: rule, keepRows: true)
        }
        let reference = Result { () throws(DealError) in
            try AmortizationRun(problem: problem, payment: payment, treatment: treatment, interestRule: rule, keepRows: true, fastPeriods: false)
        }
        switch (fast, reference) {
        case let (.success(a), .success(b)):
            #expect(a.rows.map(\.number) == b.rows.map(\.number), sourceLocation: sourceLocation)
            #expect(a.rows.map(\.payment) == b.rows.map(\.payment), sourceLocation: sourceLocation)
            #expect(a.rows.map(\.interest) == b.rows.map(\.interest), sourceLocation: sourceLocation)
            #expect(a.rows.map(\.principal) == b.rows.map(\.principal), sourceLocation: sourceLocation)
            #expect(a.rows.map(\.balance) == b.rows.map(\.balance), sourceLocation: sourceLocation)
            #expect(a.rowCount == b.rowCount && a.totalPaid == b.totalPaid, sourceLocation: sourceLocation)
            #expect(a.firstPayment == b.firstPayment && a.finalRegularPayment == b.finalRegularPayment, sourceLocation: sourceLocation)
            // Without rows, the same totals.
            let lean = try? AmortizationRun(problem: problem, payment: payment, treatment: treatment, interestRule: rule, keepRows: false)
            #expect(lean?.totalPaid == a.totalPaid && lean?.finalRegularPayment == a.finalRegularPayment, sourceLocation: sourceLocation)
        case let (.failure(a), .failure(b)):
            #expect(a == b, sourceLocation: sourceLocation)
        default:
            Issue.record("fast \(fast) but reference \(reference)", sourceLocation: sourceLocation)
        }
    }

    @Test("64-bit middle periods equal the 128-bit step: seeded random loans, every rule and timing")
    func middlePeriodsRandom() throws {
        var g = SeededGenerator(seed: 0x4D1D_D1E5_0000_0008)
        let rules: [RoundingRule] = RoundingRule.allCases
        let frequencies = [1, 2, 4, 12, 24, 26, 52, 365]
        var checked = 0
        for _ in 0..<3000 {
            let decimals = g.int(in: 0...10)
            var text = String(g.int(in: 0...99))
            if decimals > 0 {
                text += "." + String((0..<decimals).map { _ in Character(String(g.int(in: 0...9))) })
            }
            let rate = try PeriodicRate(annualPercentage: try ExactDecimal(parsing: text), periodsPerYear: g.element(of: frequencies))
            // Principals from cents to near 2^62 (and beyond), so balance × p crosses 2^53 and 2^64.
            let bits = g.int(in: 10...63)
            let principal = Int128(g.next() >> UInt64(64 - bits)) + 1
            let n = g.int(in: 1...400)
            let timing: PaymentTiming = g.chance(1, in: 3) ? .advance : .arrears
            let balloon = g.chance(1, in: 4) ? principal / Int128(g.int(in: 2...10)) : 0
            let odd = g.chance(1, in: 3)
            let problem = LevelPayment(principal: principal, balloon: balloon, rate: rate, numberOfPayments: n, timing: timing,
                                       wholePeriodsToFirstPayment: odd ? g.int(in: 1...2) : 1, oddDays: odd ? g.int(in: 0...29) : 0)
            let level = try problem.rounded(by: .toNearestOrAway).minorUnits
            // A payment a unit short of the level one (or interest rounded up against it) leaves a
            // shortfall that compounds; skip rates and terms where (1 + i)^n would carry it past 128 bits.
            var growth = 1.0
            for _ in 0..<n { growth *= 1 + Double(rate.numerator) / Double(rate.denominator) }
            guard level > 1, growth < 0x1p40 else { continue }
            // The level payment, one minor unit off either way, or one that repays early (an error).
            let payment: Int128
            switch g.int(in: 0...4) {
            case 0: payment = level + 1
            case 1: payment = level - 1
            case 2: payment = level * 2
            default: payment = level
            }
            let rule = g.element(of: rules)
            let treatment = g.element(of: [OddDaysTreatment.spread, .firstPayment, .ignore])
            expectSameBothWays(problem, payment: payment, treatment: treatment, rule: rule)
            checked += 1
        }
        #expect(checked > 1500)
    }

    @Test("64-bit middle periods at the boundaries: balances near 2^62 and 2^63, large denominators, exact half-cent ties")
    func middlePeriodsBoundaries() throws {
        // Large denominator: 10 decimals over 365 periods (q = 3.65·10^14).
        let fine = try PeriodicRate(annualPercentage: try ExactDecimal(parsing: "7.1234567891"), periodsPerYear: 365)
        #expect(fine.denominator > 1 << 48)
        for principal: Int128 in [1, 999, (1 << 53) / 712_345_678_91, (1 << 62) - 1, 1 << 62, (1 << 63) - 1, 1 << 63] {
            for rule in RoundingRule.allCases {
                let problem = LevelPayment(principal: principal, balloon: 0, rate: fine, numberOfPayments: 12)
                expectSameBothWays(problem, payment: try problem.rounded(by: .toNearestOrAway).minorUnits, rule: rule)
            }
        }
        // balance × p around 2^53 and 2^64 with a small rate (12 % monthly: p/q = 1/100).
        let one = try PeriodicRate(annualPercentage: try ExactDecimal(parsing: "12"), periodsPerYear: 12)
        for principal: Int128 in [(1 << 53) - 3, 1 << 53, (1 << 53) + 7, (1 << 62) - 100, (1 << 62) + 100, Int128(UInt64.max) / 1] {
            for rule in RoundingRule.allCases {
                let problem = LevelPayment(principal: principal, balloon: 0, rate: one, numberOfPayments: 24)
                expectSameBothWays(problem, payment: try problem.rounded(by: .toNearestOrAway).minorUnits, rule: rule)
            }
        }
        // Half-unit ties: 1 % a period on balances ending in 50 (interest x.5), with several payments.
        for principal: Int128 in [10_050, 1_000_050, 123_456_750] {
            for payment: Int128 in [150, 250, 1_000, principal / 10] {
                for rule in RoundingRule.allCases {
                    let problem = LevelPayment(principal: principal, balloon: 0, rate: one, numberOfPayments: 30)
                    expectSameBothWays(problem, payment: payment, rule: rule)
                }
            }
        }
        // Rate 0 and a payment of 0 (never repays; the last row takes the balance).
        let zero = try PeriodicRate(annualPercentage: .zero, periodsPerYear: 12)
        expectSameBothWays(LevelPayment(principal: 100_000, balloon: 0, rate: zero, numberOfPayments: 10), payment: 10_000)
        expectSameBothWays(LevelPayment(principal: 100_000, balloon: 0, rate: one, numberOfPayments: 10), payment: 0)
        // Negative payment: the 64-bit path does not apply; the error is the same.
        expectSameBothWays(LevelPayment(principal: 100_000, balloon: 0, rate: one, numberOfPayments: 10), payment: -1)
    }

    @Test("A tie in a middle period is rounded by the rule: 12 % monthly on 20050 with payment 10000")
    func middlePeriodTie() throws {
        let one = try PeriodicRate(annualPercentage: try ExactDecimal(parsing: "12"), periodsPerYear: 12)
        let problem = LevelPayment(principal: 20_050, balloon: 0, rate: one, numberOfPayments: 3)
        let away = try AmortizationRun(problem: problem, payment: 10_000, treatment: .spread, interestRule: .toNearestOrAway, keepRows: true)
        let even = try AmortizationRun(problem: problem, payment: 10_000, treatment: .spread, interestRule: .toNearestOrEven, keepRows: true)
        // Row 1: 200.5 → 201 / 200; row 2: balance 10251 / 10250 → 102.51 → 103 / 102.5 → 102.
        #expect(away.rows[1].interest == 103)
        #expect(even.rows[1].interest == 102)
    }
}
