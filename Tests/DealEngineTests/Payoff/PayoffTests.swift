// Tests for Payoff.swift: Rule of 78 and actuarial rebates against exact rationals (GMP), and
// daily simple-interest servicing.

import Testing
import DealDecimal
import _DealTestSupport
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

@Suite("Payoff")
struct PayoffTests {
    @Test("Documentation/Reference/Payoff.md: 12 months, FC $600, 8 left -> Rule of 78 rebate $276.92")
    func ruleOf78Domain() throws {
        let contract = PrecomputedContract(payments: Array(repeating: 55000, count: 12), financeCharge: 60000)
        let payoff = try contract.payoff(after: 4, method: .ruleOf78)
        #expect(payoff.rebate == dec("276.92"))
        #expect(payoff.payoffAmount == dec("4123.08"))   // 8 × 550.00 − 276.92
    }

    @Test("Rule of 78 and actuarial against exact rationals (every payoff point of random contracts)")
    func againstRationals() throws {
        var random = SeededGenerator(seed: 78)
        for _ in 0..<20 {
            let n = Int(random.below(60)) + 1
            let payment = Int128(random.below(100_000)) + 1000
            let charge = Int128(random.below(UInt64(payment) * UInt64(n) / 2))
            let apr = try ExactDecimal(coefficient: Int128(random.below(250_000)) + 1, scale: 4)
            let contract = PrecomputedContract(payments: Array(repeating: payment, count: n), financeCharge: charge, apr: apr)
            for made in 0..<n {
                let k = n - made
                let r78 = Rational(Int(charge)) * Rational(k * (k + 1)) / Rational(n * (n + 1))
                #expect(try contract.payoff(after: made, method: .ruleOf78).rebate.description == r78.decimalText(minorUnits: 2))
                // Actuarial: k·P − Σ_{j=1..k} P (1+i)^−j, i = apr / 1200.
                let i = Rational(apr.description)! / Rational(1200)
                var pv = Rational(0)
                for j in 1...k { pv = pv + Rational(Int(payment)) / (Rational(1) + i).power(j) }
                let actuarial = Rational(Int(payment) * k) - pv
                #expect(try contract.payoff(after: made, method: .actuarial).rebate.description == actuarial.decimalText(minorUnits: 2))
            }
        }
    }

    @Test("15 U.S.C. §1615: Rule of 78 refused over 61 months, actuarial allowed")
    func section1615() throws {
        let long = PrecomputedContract(payments: Array(repeating: 50000, count: 62), financeCharge: 300000, apr: dec("5"))
        do { _ = try long.payoff(after: 10, method: .ruleOf78); Issue.record("accepted") } catch {
            #expect(error.code == .invalidArgument && error.message.contains("15 U.S.C. §1615"))
        }
        _ = try long.payoff(after: 10, method: .actuarial)
        let sixtyOne = PrecomputedContract(payments: Array(repeating: 50000, count: 61), financeCharge: 300000)
        _ = try sixtyOne.payoff(after: 10, method: .ruleOf78)
    }

    @Test("Simple interest: per diem = balance × APR / 365; payments pay interest, then principal")
    func simpleInterest() throws {
        var loan = SimpleInterestLoan(principal: dec("10000.00"), apr: dec("7.3"), startDate: day("2026-01-01"))
        #expect(try loan.payoff(on: day("2026-01-31")).payoffAmount == dec("10060.00"))   // 30 × 2.00
        #expect(try loan.payoff(on: day("2026-01-31")).perDiem == dec("2.00000"))
        loan.payments = [PostedPayment(date: day("2026-01-31"), amount: dec("500.00")), PostedPayment(date: day("2026-02-10"), amount: dec("10.00"))]
        let payoff = try loan.payoff(on: day("2026-03-02"))
        #expect(payoff.rows[0].interestPaid == dec("60.00") && payoff.rows[0].principalBalance == dec("9560.00"))
        // 10 days on 9560 at 7.3 %/365 = 19.12 > 10.00: 9.12 unpaid interest carries.
        #expect(payoff.rows[1].unpaidInterest == dec("9.12") && payoff.rows[1].principalBalance == dec("9560.00"))
        #expect(payoff.accruedInterest == dec("38.24"))   // 20 days × 1.912
        #expect(payoff.payoffAmount == dec("9607.36"))
        loan.dayBasis = .days360
        loan.payments = []
        #expect(try loan.payoff(on: day("2026-01-31")).accruedInterest == dec("60.83"))   // 10000 × 0.073 × 30/360
    }

    @Test("Day basis: actual splits a leap-year span by calendar year")
    func actualBasis() throws {
        var loan = SimpleInterestLoan(principal: dec("36600.00"), apr: dec("10"), startDate: day("2023-12-31"))
        loan.dayBasis = .actual
        // 1 day of 2023 (1/365) + 1 day of 2024 (1/366): 3660 × (1/365 + 1/366) = 10.027… + 10.00
        let exact = Rational(3_660_000) * Rational(numerator: 1, denominator: 10) * (Rational(numerator: 1, denominator: 365) + Rational(numerator: 1, denominator: 366))
        #expect(try loan.payoff(on: day("2024-01-02")).accruedInterest.description == exact.decimalText(minorUnits: 2))
    }

    @Test("Simple interest errors: overpayment, payment after the payoff date")
    func errors() throws {
        var loan = SimpleInterestLoan(principal: dec("100.00"), apr: dec("5"), startDate: day("2026-01-01"))
        loan.payments = [PostedPayment(date: day("2026-01-02"), amount: dec("200.00"))]
        do { _ = try loan.payoff(on: day("2026-02-01")); Issue.record("accepted") } catch { #expect(error.path == "payments.0.amount") }
        loan.payments = [PostedPayment(date: day("2026-03-02"), amount: dec("20.00"))]
        do { _ = try loan.payoff(on: day("2026-02-01")); Issue.record("accepted") } catch { #expect(error.path == "payments.0.date") }
    }
}
