// DealFinance — DealEngineTests: payment date sequences.

import Testing
import DealEngine

@Suite struct PaymentDatesTests {
    /// The last day of the month `offset` months after January 2026, computed from the
    /// month table rather than by the schedule code.
    private func monthEnd(monthsAfterJanuary2026 offset: Int) throws -> CivilDate {
        let year = 2026 + offset / 12, month = offset % 12 + 1
        return try CivilDate(year: year, month: month, day: CivilDate.numberOfDays(inMonth: month, year: year))
    }

    @Test func sixtyMonthlyFromJanuary31StayOnMonthEnds() throws {
        let dates = try PaymentFrequency.monthly.paymentDates(count: 60, first: date("2026-01-31"))
        #expect(dates.count == 60)
        for (index, value) in dates.enumerated() {
            #expect(value == (try monthEnd(monthsAfterJanuary2026: index)), "payment \(index)")
            #expect(try PaymentFrequency.monthly.paymentDate(index, first: date("2026-01-31")) == value)
        }
        #expect(dates[1] == date("2026-02-28"))
        #expect(dates[2] == date("2026-03-31"))
        #expect(dates[3] == date("2026-04-30"))
        #expect(dates[25] == date("2028-02-29"))
        #expect(dates[59] == date("2030-12-31"))
    }

    @Test func monthlyFromFebruary28IsAMonthEndSchedule() throws {
        let dates = try PaymentFrequency.monthly.paymentDates(count: 4, first: date("2026-02-28"))
        #expect(dates == [date("2026-02-28"), date("2026-03-31"), date("2026-04-30"), date("2026-05-31")])
    }

    @Test func monthlyOnThe30thNeverDrifts() throws {
        let dates = try PaymentFrequency.monthly.paymentDates(count: 26, first: date("2026-01-30"))
        #expect(Array(dates.prefix(4)) == [date("2026-01-30"), date("2026-02-28"), date("2026-03-30"), date("2026-04-30")])
        #expect(dates[25] == date("2028-02-29"))
        for (index, value) in dates.enumerated() where value.month != 2 {
            #expect(value.day == 30, "payment \(index) is \(value)")
        }
    }

    @Test func monthlyOnThe29thInLeapAndCommonYears() throws {
        let dates = try PaymentFrequency.monthly.paymentDates(count: 14, first: date("2024-01-29"))
        #expect(dates[1] == date("2024-02-29"))
        #expect(dates[2] == date("2024-03-29"))
        #expect(dates[13] == date("2025-02-28"))
    }

    @Test func multiMonthSchedules() throws {
        #expect(try PaymentFrequency.quarterly.paymentDates(count: 5, first: date("2026-11-30"))
            == [date("2026-11-30"), date("2027-02-28"), date("2027-05-31"), date("2027-08-31"), date("2027-11-30")])
        #expect(try PaymentFrequency.quarterly.paymentDates(count: 3, first: date("2026-01-15"))
            == [date("2026-01-15"), date("2026-04-15"), date("2026-07-15")])
        #expect(try PaymentFrequency.semiannual.paymentDates(count: 4, first: date("2026-08-31"))
            == [date("2026-08-31"), date("2027-02-28"), date("2027-08-31"), date("2028-02-29")])
        #expect(try PaymentFrequency.annual.paymentDates(count: 5, first: date("2024-02-29"))
            == [date("2024-02-29"), date("2025-02-28"), date("2026-02-28"), date("2027-02-28"), date("2028-02-29")])
        #expect(try PaymentFrequency.annual.paymentDates(count: 3, first: date("2026-07-04"))
            == [date("2026-07-04"), date("2027-07-04"), date("2028-07-04")])
    }

    @Test func weeklyAndBiweekly() throws {
        let weekly = try PaymentFrequency.weekly.paymentDates(count: 60, first: date("2024-02-15"))
        let biweekly = try PaymentFrequency.biweekly.paymentDates(count: 60, first: date("2024-02-15"))
        #expect(Array(weekly.prefix(3)) == [date("2024-02-15"), date("2024-02-22"), date("2024-02-29")])
        #expect(Array(biweekly.prefix(3)) == [date("2024-02-15"), date("2024-02-29"), date("2024-03-14")])
        for index in 1..<60 {
            #expect(weekly[index - 1].days(until: weekly[index]) == 7)
            #expect(biweekly[index - 1].days(until: biweekly[index]) == 14)
        }
        #expect(biweekly[26] == date("2025-02-13"))   // 26 periods are 364 days
    }

    /// 1st/15th (the customary pair) across February of a leap year.
    @Test func semimonthlyFirstAndFifteenth() throws {
        let dates = try PaymentFrequency.semimonthly.paymentDates(count: 6, first: date("2024-01-01"))
        #expect(dates == [date("2024-01-01"), date("2024-01-15"), date("2024-02-01"),
                          date("2024-02-15"), date("2024-03-01"), date("2024-03-15")])
    }

    /// Other early days pair with the day 15 later: 5th/20th.
    @Test func semimonthlyFifthAndTwentieth() throws {
        let dates = try PaymentFrequency.semimonthly.paymentDates(count: 4, first: date("2026-02-05"))
        #expect(dates == [date("2026-02-05"), date("2026-02-20"), date("2026-03-05"), date("2026-03-20")])
    }

    /// 15th/end of month across February of a leap year and of a common year.
    @Test func semimonthlyFifteenthAndMonthEnd() throws {
        let leap = try PaymentFrequency.semimonthly.paymentDates(count: 8, first: date("2024-01-15"))
        #expect(leap == [date("2024-01-15"), date("2024-01-31"), date("2024-02-15"), date("2024-02-29"),
                         date("2024-03-15"), date("2024-03-31"), date("2024-04-15"), date("2024-04-30")])
        let common = try PaymentFrequency.semimonthly.paymentDates(count: 4, first: date("2026-02-15"))
        #expect(common == [date("2026-02-15"), date("2026-02-28"), date("2026-03-15"), date("2026-03-31")])
    }

    @Test func semimonthlyStartingOnTheSecondPaymentOfAMonth() throws {
        // A month end (even February's) starts a 15th/end-of-month schedule.
        #expect(try PaymentFrequency.semimonthly.paymentDates(count: 5, first: date("2024-01-31"))
            == [date("2024-01-31"), date("2024-02-15"), date("2024-02-29"), date("2024-03-15"), date("2024-03-31")])
        #expect(try PaymentFrequency.semimonthly.paymentDates(count: 4, first: date("2026-02-28"))
            == [date("2026-02-28"), date("2026-03-15"), date("2026-03-31"), date("2026-04-15")])
        // Otherwise d > 15 gives d this month and d − 15 the next.
        #expect(try PaymentFrequency.semimonthly.paymentDates(count: 5, first: date("2026-01-20"))
            == [date("2026-01-20"), date("2026-02-05"), date("2026-02-20"), date("2026-03-05"), date("2026-03-20")])
        #expect(try PaymentFrequency.semimonthly.paymentDates(count: 5, first: date("2026-01-30"))
            == [date("2026-01-30"), date("2026-02-15"), date("2026-02-28"), date("2026-03-15"), date("2026-03-30")])
    }

    @Test func semimonthlyFourteenthAndTwentyNinth() throws {
        #expect(try PaymentFrequency.semimonthly.paymentDates(count: 4, first: date("2024-02-14"))
            == [date("2024-02-14"), date("2024-02-29"), date("2024-03-14"), date("2024-03-29")])
        #expect(try PaymentFrequency.semimonthly.paymentDates(count: 2, first: date("2026-02-14"))
            == [date("2026-02-14"), date("2026-02-28")])
    }

    /// Sixty semimonthly dates from every first day of 2024: strictly increasing, two in every
    /// month, 13 to 17 days apart (the 15th to the next 1st is up to 17), and `first` itself on top.
    @Test func semimonthlyInvariants() throws {
        var first = date("2024-01-01")
        while first.year == 2024 {
            let dates = try PaymentFrequency.semimonthly.paymentDates(count: 60, first: first)
            #expect(dates[0] == first)
            for index in 1..<60 {
                let gap = dates[index - 1].days(until: dates[index])
                #expect((13...17).contains(gap), "\(first): \(dates[index - 1]) → \(dates[index])")
            }
            // Dates 2k and 2k + 1 share a month when the schedule starts with an early payment.
            let pairedFrom = first.day <= 15 ? 0 : 1
            for index in stride(from: pairedFrom, to: 59, by: 2) {
                #expect(dates[index].month == dates[index + 1].month, "\(first): payment \(index)")
            }
            first = try first.adding(days: 1)
        }
    }

    @Test func datesOnePeriodAwayFromAContractDate() throws {
        let contract = date("2026-01-31")
        #expect(try PaymentFrequency.monthly.date(byAddingPeriods: 1, to: contract) == date("2026-02-28"))
        #expect(try PaymentFrequency.monthly.date(byAddingPeriods: -1, to: date("2026-02-28")) == date("2026-01-31"))
        #expect(try PaymentFrequency.monthly.date(byAddingPeriods: -1, to: date("2026-03-15")) == date("2026-02-15"))
        #expect(try PaymentFrequency.quarterly.date(byAddingPeriods: -1, to: date("2026-05-31")) == date("2026-02-28"))
        #expect(try PaymentFrequency.biweekly.date(byAddingPeriods: -1, to: contract) == date("2026-01-17"))
        #expect(try PaymentFrequency.weekly.date(byAddingPeriods: 2, to: contract) == date("2026-02-14"))
        #expect(try PaymentFrequency.semimonthly.date(byAddingPeriods: -1, to: date("2024-03-01")) == date("2024-02-15"))
        #expect(try PaymentFrequency.semimonthly.date(byAddingPeriods: -1, to: date("2024-03-15")) == date("2024-02-29"))
        #expect(try PaymentFrequency.semimonthly.date(byAddingPeriods: -3, to: date("2024-03-31")) == date("2024-02-15"))
        #expect(try PaymentFrequency.annual.date(byAddingPeriods: 0, to: date("2024-02-29")) == date("2024-02-29"))
    }

    /// Going `k` periods back from payment `k` returns to the first date, for every frequency
    /// and first dates whose day is never a month end (≤ 27) or that are month ends. (A 28th
    /// is not: its February date in a common year reads as a month end, see
    /// `theTwentyEighthIsAmbiguousInFebruary`.)
    @Test(arguments: PaymentFrequency.allCases)
    func backwardsInvertsForwards(frequency: PaymentFrequency) throws {
        for first in [date("2024-01-01"), date("2024-01-15"), date("2024-01-27"), date("2024-01-31"),
                      date("2026-02-28"), date("2024-02-29"), date("2026-06-20"), date("2026-04-30")] {
            for index in 0..<30 {
                let payment = try frequency.paymentDate(index, first: first)
                if frequency == .semimonthly, first.day > 15, !first.isLastDayOfMonth, index % 2 == 1 {
                    continue   // an early date alone reads as the start of an early/late schedule
                }
                if frequency == .semimonthly, first.day == 1, index % 2 == 1 {
                    continue   // a 15th alone reads as the start of a 15th/month-end schedule
                }
                #expect(try frequency.date(byAddingPeriods: -index, to: payment) == first,
                        "\(frequency) from \(first), payment \(index) \(payment)")
            }
        }
    }

    @Test func theTwentyEighthIsAmbiguousInFebruary() throws {
        let february = try PaymentFrequency.monthly.paymentDate(1, first: date("2025-01-28"))
        #expect(february == date("2025-02-28"))
        #expect(try PaymentFrequency.monthly.date(byAddingPeriods: -1, to: february) == date("2025-01-31"))
        #expect(try PaymentFrequency.monthly.paymentDate(2, first: date("2025-01-28")) == date("2025-03-28"))
    }

    @Test func errors() {
        #expect(throws: CalendarError(message: "expected a payment index of 0 or more, found -1")) {
            try PaymentFrequency.monthly.paymentDate(-1, first: date("2026-01-31"))
        }
        #expect(throws: CalendarError(message: "expected a payment count of 0 or more, found -2")) {
            try PaymentFrequency.monthly.paymentDates(count: -2, first: date("2026-01-31"))
        }
        #expect(throws: CalendarError.self) { try PaymentFrequency.monthly.paymentDate(1, first: date("9999-12-31")) }
        #expect(throws: CalendarError.self) { try PaymentFrequency.annual.paymentDate(.max, first: date("2026-01-01")) }
        #expect(throws: CalendarError.self) { try PaymentFrequency.weekly.paymentDate(.max / 2, first: date("2026-01-01")) }
        #expect(throws: CalendarError.self) { try PaymentFrequency.semimonthly.paymentDate(.max, first: date("2026-01-31")) }
        #expect(throws: CalendarError.self) { try PaymentFrequency.semimonthly.date(byAddingPeriods: -1, to: date("0001-01-01")) }
    }

    @Test func emptySequence() throws {
        #expect(try PaymentFrequency.weekly.paymentDates(count: 0, first: date("2026-01-01")).isEmpty)
    }
}
