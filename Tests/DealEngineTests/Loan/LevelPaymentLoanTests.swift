// DealFinance — DealEngineTests: LevelPayment.loan (the validated plain-loan payment the C ABI calls).

import Testing
import DealDecimal
import DealEngine

@Suite struct LevelPaymentLoanTests {
    private func decimal(_ text: String) throws -> ExactDecimal { try ExactDecimal(parsing: text) }

    /// the worked example of Documentation/Reference/Loan.md: 436.66 with the balloon, 579.98 without, 434.48 in advance.
    @Test(arguments: [
        ("10000.00", PaymentTiming.arrears, 43666 as Int128),
        ("0", .arrears, 57998),
        ("10000.00", .advance, 43448),
    ])
    func workedExample(balloon: String, timing: PaymentTiming, expected: Int128) throws {
        let problem = try LevelPayment.loan(principal: decimal("30000.00"), balloon: decimal(balloon),
                                            annualPercentage: decimal("6"), numberOfPayments: 60,
                                            periodsPerYear: 12, timing: timing, minorUnitDigits: 2)
        #expect(try problem.payment(rule: .toNearestOrAway) == expected)
        let minor = try LevelPayment.loan(principal: 3_000_000, balloon: problem.balloon,
                                          annualPercentage: decimal("6"), numberOfPayments: 60,
                                          periodsPerYear: 12, timing: timing, minorUnitDigits: 2)
        #expect(minor == problem)
    }

    /// Each limit fails with `invalid_argument` at the parameter's name.
    @Test(arguments: [
        ("0", "0", "6", 60, 12, 2, "principal"),
        ("1000.001", "0", "6", 60, 12, 2, "principal"),
        ("1000000000000.00", "0", "6", 60, 12, 2, "principal"),
        ("1000.00", "-0.01", "6", 60, 12, 2, "balloon"),
        ("1000.00", "0", "100.5", 60, 12, 2, "apr"),
        ("1000.00", "0", "6", 0, 12, 2, "term"),
        ("1000.00", "0", "6", 1201, 12, 2, "term"),
        ("1000.00", "0", "6", 60, 0, 2, "periodsPerYear"),
        ("1000.00", "0", "6", 60, 366, 2, "periodsPerYear"),
        ("1000.00", "0", "6", 60, 12, 5, "minorUnitDigits"),
    ])
    func limits(principal: String, balloon: String, apr: String, term: Int, perYear: Int, digits: Int, path: String) throws {
        let error = #expect(throws: DealError.self) {
            try LevelPayment.loan(principal: try decimal(principal), balloon: try decimal(balloon),
                                  annualPercentage: try decimal(apr), numberOfPayments: term,
                                  periodsPerYear: perYear, timing: .arrears, minorUnitDigits: digits)
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.path == path)
    }

    @Test("A balloon equal to the principal is interest-only (P* = A·i); above it, unsupported (negative amortization)")
    func interestOnly() throws {
        let problem = try LevelPayment.loan(principal: decimal("20000.00"), balloon: decimal("20000.00"), annualPercentage: decimal("6"),
                                            numberOfPayments: 36, periodsPerYear: 12, timing: .arrears, minorUnitDigits: 2)
        #expect(try problem.rounded(by: .toNearestOrAway).minorUnits == 10_000)
        let error = #expect(throws: DealError.self) {
            try LevelPayment.loan(principal: try decimal("20000.00"), balloon: try decimal("20000.01"), annualPercentage: try decimal("6"),
                                  numberOfPayments: 36, periodsPerYear: 12, timing: .arrears, minorUnitDigits: 2)
        }
        #expect(error?.code == .unsupported && error?.path == "balloon")
        #expect(error?.message.contains("negative amortization") == true)
    }

    /// `requireExact` succeeds only for a whole number of minor units.
    @Test func requireExact() throws {
        let exact = try LevelPayment.loan(principal: Int128(120_000), balloon: 0, annualPercentage: .zero, numberOfPayments: 12,
                                          periodsPerYear: 12, timing: .arrears, minorUnitDigits: 2)
        #expect(try exact.payment(rule: .requireExact) == 10_000)
        let inexact = try LevelPayment.loan(principal: Int128(100_000), balloon: 0, annualPercentage: .zero, numberOfPayments: 3,
                                            periodsPerYear: 12, timing: .arrears, minorUnitDigits: 2)
        #expect(throws: DealError.self) { try inexact.payment(rule: .requireExact) }
        #expect(try inexact.payment(rule: .down) == 33_333)
    }
}
