// DealFinance — DealEngineTests: UnitPeriodChoice.swift (the Appendix J (b)(4) unit-period and
// 1026.22(a)(3) irregularity).

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

@Suite("AnnualPercentageRate: unit-period choice and irregularity")
struct UnitPeriodChoiceTests {
    @Test("Unit-period: the most common period; ties to the shorter; the override wins")
    func unitPeriod() throws {
        let monthly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-10")], payments: series("100.00", 12, "2026-02-25"))
        #expect(try monthly.chooseUnitPeriod(start: day("2026-01-10")) == .monthly)
        let weekly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-10")], payments: series("30.00", 40, "2026-01-20", .weekly))
        #expect(try weekly.chooseUnitPeriod(start: day("2026-01-10")) == .weekly)
        let biweekly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-01")], payments: series("30.00", 40, "2026-01-15", .biweekly))
        #expect(try biweekly.chooseUnitPeriod(start: day("2026-01-01")) == .biweekly)
        let semimonthly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-01")], payments: series("30.00", 40, "2026-01-15", .semimonthly))
        #expect(try semimonthly.chooseUnitPeriod(start: day("2026-01-01")) == .semimonthly)
        let quarterly = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-01")], payments: series("300.00", 4, "2026-04-01", .quarterly))
        #expect(try quarterly.chooseUnitPeriod(start: day("2026-01-01")) == .quarterly)
        var override = monthly
        override.unitPeriod = .semimonthly
        #expect(try override.solve().unitPeriod == .unitPeriod(.semimonthly))
        // No common period: the nearest nominal length to the average interval (≈ 33 days → monthly).
        let ragged = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "2026-01-01")],
                                          payments: [advance("400.00", "2026-02-05"), advance("400.00", "2026-03-09"), advance("300.00", "2026-04-12")])
        #expect(try ragged.chooseUnitPeriod(start: day("2026-01-01")) == .monthly)
        #expect(try ragged.solve().isIrregular)
    }

    @Test("isIrregular for month units (the counting alone) and week units (the day count) equals the gap test with the day range, on random monthly, month-end, weekly and ragged schedules")
    func irregularMonthUnits() throws {
        var g = SeededGenerator(seed: 0x1_4E6)
        var outcomes = [false: 0, true: 0]
        for round in 0..<600 {
            let (year, month) = (g.int(in: 1999...2101), g.int(in: 1...12))
            let start = try CivilDate(year: year, month: month, day: round % 4 == 0 ? CivilDate.numberOfDays(inMonth: month, year: year) : g.int(in: 1...28))
            var payments = try PaymentSeries(amount: dec("100.00"), count: g.int(in: 2...40), firstDate: start,
                                             frequency: [.quarterly, .monthly, .weekly, .biweekly, .semimonthly][round % 5]).amounts()
            // Ragged: move some dates by a few days or to a month's end.
            for k in payments.indices where g.chance(1, in: round % 2 == 0 ? 12 : 1_000) {
                payments[k].date = try payments[k].date.adding(days: g.int(in: -3...3))
            }
            let problem = AnnualPercentageRate(method: .regz, advances: [advance("1000.00", "1998-01-01")], payments: payments)
            let sorted = payments.sorted { $0.date < $1.date }
            for unit in [UnitPeriod.monthly, .months(2), .months(3), .quarterly, .weekly, .biweekly, .weeks(2), .weeks(4), .semimonthly] {
                let expected = sorted.indices.dropFirst().contains { !UnitPeriod.isOnePeriod(from: sorted[$0 - 1].date, to: sorted[$0].date, unit) }
                #expect(problem.isIrregular(unit: unit) == expected, "round \(round), \(unit.name)")
                outcomes[expected, default: 0] += 1
            }
        }
        #expect(outcomes[false]! > 300 && outcomes[true]! > 300, "\(outcomes)")
    }

    @Test("The scan's shortcuts (gap keys; one calendar month on a day before the 28th) choose the unit-period and see the payments' periods as asking every candidate about every gap does, on seeded schedules")
    func scanShortcuts() throws {
        var g = SeededGenerator(seed: 0x5CA7_0B5E)
        var units: [String: Int] = [:], regular = [false: 0, true: 0], general = 0
        let frequencies: [PaymentFrequency] = [.monthly, .semimonthly, .weekly, .biweekly, .quarterly, .semiannual, .annual]
        for round in 0..<2_000 {
            // First payments in leap, common and century years, on any day (month ends too).
            let (year, month) = (g.element(of: [1_899, 1_900, 1_999, 2_000, 2_023, 2_024, 2_026, 2_099, 2_100, 2_101]), g.int(in: 1...12))
            let length = CivilDate.numberOfDays(inMonth: month, year: year)
            let first = try CivilDate(year: year, month: month, day: g.chance(1, in: 3) ? g.int(in: 28...length) : g.int(in: 1...27))
            var dates: [CivilDate]
            switch round % 10 {
            case 0..<7:
                dates = try frequencies[round % 7].paymentDates(count: g.int(in: 1...(round % 7 < 4 ? 80 : 12)), first: first)
            case 7:
                // Every k days (daily, 3 days, weeks, 4 weeks).
                let step = g.element(of: [1, 2, 3, 6, 7, 14, 28, 35])
                dates = try (0..<g.int(in: 2...40)).map { try first.adding(days: step * $0) }
            case 8:
                // Month ends: Jan 31 → Feb 28/29 → Mar 31 …
                let end = try CivilDate(year: year, month: 1, day: 31)
                dates = try PaymentFrequency.monthly.paymentDates(count: g.int(in: 2...40), first: end)
            default:
                // Ragged: random gaps.
                var date = first
                dates = try (0..<g.int(in: 2...30)).map { _ in date = try date.adding(days: g.int(in: 1...70)); return date }
            }
            // Odd last period, a moved payment, a repeated date, a shuffled order.
            if g.chance(1, in: 4) { dates[dates.count - 1] = try dates[dates.count - 1].adding(days: g.int(in: 1...20)) }
            if g.chance(1, in: 6) { let k = g.int(in: 0...(dates.count - 1)); dates[k] = try dates[k].adding(days: g.int(in: -3...3)) }
            if g.chance(1, in: 10) { dates.append(dates[g.int(in: 0...(dates.count - 1))]) }
            if g.chance(1, in: 10) { dates.shuffle(using: &g) }
            // Odd first period: the advance up to 70 days before the first payment; sometimes a second advance.
            let earliest = dates.min()!
            var advances = [advance("1000.00", try earliest.adding(days: -g.int(in: 0...70)).description)]
            if g.chance(1, in: 12) { advances.append(advance("10.00", try advances[0].date.adding(days: g.int(in: 1...40)).description)) }
            let problem = AnnualPercentageRate(method: .regz, advances: advances,
                                               payments: dates.map { DatedAmount(amount: dec("100.00"), date: $0) })
            let fast = problem.unitPeriodScan(), slow = problem.unitPeriodScan(shortcuts: false)
            #expect(fast == slow, "round \(round): \(dates)")
            #expect(try problem.chooseUnitPeriod(start: advances[0].date) == slow.unit)
            units[slow.unit.name, default: 0] += 1
            if let periods = fast.paymentPeriodsRegular {
                // Equal amounts: the irregularity is the period test alone.
                #expect(problem.isIrregular(unit: fast.unit) == !periods, "round \(round): \(dates)")
                regular[periods, default: 0] += 1
            } else {
                general += 1
            }
        }
        #expect(units.count >= 10 && regular[true]! > 300 && regular[false]! > 300 && general > 200, "\(units) \(regular) \(general)")
    }

    @Test("Days: consecutive daily payments have a one-day unit-period (365 a year); every 3 days, 3 days; a single short gap does not decide")
    func days() throws {
        func problem(_ dates: [String]) -> AnnualPercentageRate {
            AnnualPercentageRate(method: .regz, advances: [DatedAmount(amount: dec("1000.00"), date: day("2026-03-01"))],
                                 payments: dates.map { DatedAmount(amount: dec("260.00"), date: day($0)) })
        }
        let start = day("2026-03-01")
        let daily = problem(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"])
        #expect(try daily.chooseUnitPeriod(start: start) == .days(1))
        let result = try daily.solve()
        #expect(result.unitPeriod == .unitPeriod(.days(1)) && result.unitPeriodsPerYear == dec("365"))
        #expect(!result.isIrregular)
        let everyThird = problem(["2026-03-04", "2026-03-07", "2026-03-10", "2026-03-13"])
        #expect(try everyThird.chooseUnitPeriod(start: start) == .days(3))
        let third = try everyThird.solve()
        #expect(third.unitPeriod == .unitPeriod(.days(3)) && third.unitPeriodsPerYear == dec("121.6666666667"))
        // Monthly payments with one extra payment the next day: still monthly.
        let monthly = problem(["2026-04-01", "2026-05-01", "2026-05-02", "2026-06-01", "2026-07-01"])
        #expect(try monthly.chooseUnitPeriod(start: start) == .monthly)
        // (b)(5)(iv): actual days over the days of the unit-period.
        let count = try UnitPeriodCount(from: start, to: day("2026-03-12"), unitPeriod: .days(3))
        #expect(count.wholePeriods == 3 && count.fraction == (2, 3))
    }
}
