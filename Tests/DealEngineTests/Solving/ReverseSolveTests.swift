// Tests for ReverseSolve.swift: the solved value meets the target and the adjacent value does not.

import Testing
import DealDecimal
import _DealTestSupport
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

private func step(_ value: ExactDecimal, by delta: Int128) -> ExactDecimal {
    try! ExactDecimal(coefficient: value.coefficient + delta, scale: value.scale)
}

@Suite("Reverse solves")
struct ReverseSolveTests {
    @Test("Documentation/Reference/Loan.md worked example: each field solved back from the payment 579.98")
    func workedExample() throws {
        let loan = RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60)
        let target = SolveTarget.payment(dec("579.98"))
        #expect(try loan.solve(for: .term, target: target).value == ExactDecimal(60))
        #expect(try loan.solve(for: .apr, target: target).value == dec("6.000"))
        let price = try loan.solve(for: .sellingPrice, target: target)
        #expect(price.value >= dec("30000.00") && price.value < dec("30000.10"))
        #expect(price.largest && price.achieved == dec("579.98") && price.adjacentAchieved == dec("579.99"))
    }

    @Test("Property: forward quote meets the target, the adjacent rounded value does not (random loans)")
    func property() throws {
        var random = SeededGenerator(seed: 2026)
        for _ in 0..<12 {
            var loan = RetailLoan(sellingPrice: try ExactDecimal(coefficient: Int128(random.below(5_000_000) + 1_000_000), scale: 2),
                                  apr: try ExactDecimal(coefficient: Int128(random.below(15_000)), scale: 3),
                                  term: Int(random.below(84)) + 12)
            loan.downPayment = try ExactDecimal(coefficient: Int128(random.below(500_000)), scale: 2)
            let base = try loan.quote()
            let target = try ExactDecimal(coefficient: base.periodicPayment.total.coefficient + Int128(random.below(3000)), scale: 2)
            for field in [SolveField.sellingPrice, .downPayment, .term, .apr] {
                let outcome: SolveOutcome<LoanQuote>
                do { outcome = try loan.solve(for: field, target: .payment(target)) } catch { #expect(error.code == .noSolution); continue }
                #expect(outcome.achieved <= target)
                #expect(outcome.quote.periodicPayment.total == outcome.achieved)
                var check = loan
                func set(_ value: ExactDecimal) {
                    switch field {
                    case .sellingPrice: check.sellingPrice = value
                    case .downPayment: check.downPayment = value
                    case .term: check.term = Int(value.coefficient)
                    case .apr, .moneyFactor: check.apr = value
                    }
                }
                set(outcome.value)
                #expect(try check.quote().periodicPayment.total == outcome.achieved)
                let next = step(outcome.value, by: outcome.largest ? 1 : -1)
                if let adjacent = outcome.adjacentValue {
                    #expect(adjacent == next)
                    set(next)
                    #expect(try check.quote().periodicPayment.total > target, "\(field) \(next)")
                } else {
                    #expect(!outcome.largest, "only the smallest end of a range has no adjacent value")
                }
            }
        }
    }

    @Test("Lease: money factor and price solved from the Documentation/Reference/Lease.md payment 503.01")
    func lease() throws {
        var lease = Lease(sellingPrice: dec("37000.00"), residual: .percent(dec("58")), rate: .moneyFactor(dec("0.00250")), term: 36)
        lease.msrp = dec("40000.00")
        lease.fees = [LeaseFee(name: "Acquisition fee", amount: dec("895.00"))]
        lease.downPayment = dec("2000.00")
        lease.rebates = [Rebate(name: "Lease cash", amount: dec("1000.00"))]
        lease.tax = LeaseTax(components: [LeaseTax.Component(name: "Sales tax", rate: dec("7"))])
        let target = SolveTarget.payment(dec("503.01"))
        #expect(try lease.solve(for: .moneyFactor, target: target).value == dec("0.002500"))
        #expect(try lease.solve(for: .term, target: target).value == ExactDecimal(36))
        let due = try lease.solve(for: .downPayment, target: .dueAtSigning(dec("3000.00")))
        #expect(due.achieved == dec("3000.00") && due.adjacentAchieved! > dec("3000.00"))
    }

    @Test("no_solution: below the zero-rate payment, and a target the field does not move")
    func noSolution() throws {
        let loan = RetailLoan(sellingPrice: dec("30000.00"), apr: dec("6"), term: 60)
        #expect(throws: DealError.self) { try loan.solve(for: .apr, target: .payment(dec("499.99"))) }
        do { _ = try loan.solve(for: .apr, target: .payment(dec("499.99"))) } catch { #expect(error.code == .noSolution) }
        do { _ = try loan.solve(for: .sellingPrice, target: .dueAtSigning(dec("10.00"))) } catch { #expect(error.code == .noSolution) }
        do { _ = try loan.solve(for: .moneyFactor, target: .payment(dec("500.00"))) } catch { #expect(error.code == .invalidArgument) }
        // Exactly the zero-rate payment is reachable: apr 0.000.
        #expect(try loan.solve(for: .apr, target: .payment(dec("500.00"))).value == dec("0.000"))
    }

    @Test("Bisection is bounded: evaluations stay under 2 × 128 + 3")
    func bounded() throws {
        let loan = RetailLoan(sellingPrice: dec("1.00"), apr: dec("6"), term: 1200)
        let outcome = try loan.solve(for: .downPayment, target: .payment(dec("0.50")))
        #expect(outcome.evaluations < 260)
    }
}
