// DealFinance — DealEngineTests: PaymentFrequency.

import Testing
import DealEngine

@Suite struct PaymentFrequencyTests {
    /// Documentation/Reference/Loan.md: `frequency` names and m = 12, 24, 26, 52, 4, 2, 1.
    @Test(arguments: [
        ("monthly", 12, 1 as Int?, nil as Int?),
        ("semimonthly", 24, nil, nil),
        ("biweekly", 26, nil, 14),
        ("weekly", 52, nil, 7),
        ("quarterly", 4, 3, nil),
        ("semiannual", 2, 6, nil),
        ("annual", 1, 12, nil),
    ])
    func table(name: String, perYear: Int, months: Int?, days: Int?) throws {
        let frequency = try #require(PaymentFrequency(rawValue: name))
        #expect(frequency.rawValue == name)
        #expect(frequency.periodsPerYear == perYear)
        #expect(frequency.monthsPerPeriod == months)
        #expect(frequency.daysPerPeriod == days)
    }

    @Test func everyCaseIsInTheTable() {
        #expect(PaymentFrequency.allCases.map(\.rawValue)
            == ["monthly", "semimonthly", "biweekly", "weekly", "quarterly", "semiannual", "annual"])
        #expect(PaymentFrequency(rawValue: "Monthly") == nil)
        #expect(PaymentFrequency(rawValue: "fortnightly") == nil)
    }

    @Test func monthBasedPeriodsDivideTheYear() {
        for frequency in PaymentFrequency.allCases {
            if let months = frequency.monthsPerPeriod {
                #expect(months * frequency.periodsPerYear == 12, "\(frequency)")
            }
            if let days = frequency.daysPerPeriod {
                #expect(days * frequency.periodsPerYear == 364, "\(frequency)")
            }
        }
    }
}
