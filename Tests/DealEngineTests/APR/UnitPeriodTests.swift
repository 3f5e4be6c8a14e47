// DealFinance — DealEngineTests: UnitPeriod.swift (Appendix J multi-week and multi-month
// unit-periods), checked against the exact Appendix J equation in GMP rationals.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }
private func flow(_ amount: String, _ when: String) -> DatedAmount { DatedAmount(amount: dec(amount), date: day(when)) }

/// Payments of `amount` every `step` days (or months) from `first`.
private func every(_ amount: String, _ count: Int, _ first: String, days: Int = 0, months: Int = 0) -> [DatedAmount] {
    (0..<count).map { k in
        let start = day(first)
        let date = months > 0 ? try! start.adding(months: k * months) : try! start.adding(days: k * days)
        return DatedAmount(amount: dec(amount), date: date)
    }
}

/// Σ payments/((1+f·i)(1+i)^t) − Σ advances/(…) exactly at periodic rate i.
private func equation(_ problem: AnnualPercentageRate, unit: UnitPeriod, rate i: Rational) throws -> Rational {
    let start = problem.advances.map(\.date).min()!
    var total = Rational(0)
    for (flow, sign) in problem.advances.map({ ($0, -1) }) + problem.payments.map({ ($0, 1) }) {
        let count = try UnitPeriodCount(from: start, to: flow.date, unitPeriod: unit)
        let f = Rational(numerator: count.fraction.numerator, denominator: count.fraction.denominator)
        total = total + Rational(sign) * Rational(flow.amount.description)! / ((Rational(1) + f * i) * (Rational(1) + i).power(count.wholePeriods))
    }
    return total
}

@Suite("UnitPeriod")
struct UnitPeriodTests {
    @Test("Names and unit-periods per year ((b)(5)(iii)–(iv): 52/k, 12/k)")
    func names() {
        #expect(UnitPeriod.weeks(4).name == "4 weeks")
        #expect(UnitPeriod.months(2).name == "2 months")
        #expect(UnitPeriod.monthly.name == "monthly")
        #expect(UnitPeriod.weeks(4).periodsPerYearDecimal == dec("13"))
        #expect(UnitPeriod.months(2).periodsPerYearDecimal == dec("6"))
        #expect(UnitPeriod.weeks(3).periodsPerYearDecimal == dec("17.3333333333"))
        #expect(UnitPeriod.months(5).periodsPerYearDecimal == dec("2.4"))
        #expect(Set(UnitPeriod.candidates).count == UnitPeriod.candidates.count)
    }

    @Test("periodsPerYearDecimal: whole numbers directly, the same value and digits as the normalized quotient, for every candidate")
    func periodsPerYearDecimal() throws {
        for unit in UnitPeriod.candidates + [.weeks(1), .weeks(2), .months(1), .months(3), .months(6), .months(12)] {
            let (n, d) = unit.periodsPerYear
            let quotient = try ExactDecimal(n).divided(by: ExactDecimal(d), scale: 10, rule: .toNearestOrEven).normalized()
            #expect(unit.periodsPerYearDecimal.description == quotient.description, "\(unit.name)")
            #expect(unit.periodsPerYearDecimal.scale == quotient.scale, "\(unit.name)")
        }
        #expect(UnitPeriod.weeks(3).periodsPerYearDecimal.description == "17.3333333333")
        #expect(UnitPeriod.monthly.periodsPerYearDecimal.description == "12")
    }

    @Test("Counting: Appendix J (c)(2)(ii) t = 1, f = 5/28; (c)(4)(ii) f = 52/60")
    func counting() throws {
        let fourWeeks = try UnitPeriodCount(from: day("1978-03-18"), to: day("1978-04-20"), unitPeriod: .weeks(4))
        #expect(fourWeeks.wholePeriods == 1 && fourWeeks.fraction == (5, 28))
        let twoMonths = try UnitPeriodCount(from: day("1978-01-10"), to: day("1978-03-01"), unitPeriod: .months(2))
        #expect(twoMonths.wholePeriods == 0 && twoMonths.fraction == (52, 60))
        let later = try UnitPeriodCount(from: day("1978-01-10"), to: day("1978-07-01"), unitPeriod: .months(2))
        #expect(later.wholePeriods == 2 && later.fraction == (52, 60))
        #expect(throws: CalendarError.self) { try UnitPeriodCount(from: day("1978-02-01"), to: day("1978-01-01"), unitPeriod: .weeks(4)) }
        #expect(throws: CalendarError.self) { try UnitPeriodCount(from: day("1978-02-01"), to: day("1978-01-01"), unitPeriod: .months(2)) }
    }

    @Test("Choice (b)(4): 4-weekly and bimonthly schedules; February 1 to March 1 alone stays monthly")
    func choice() throws {
        let fourWeekly = AnnualPercentageRate(method: .regz, advances: [flow("400.00", "1978-03-18")],
                                              payments: [flow("39.50", "1978-04-20")] + every("38.31", 11, "1978-05-18", days: 28))
        #expect(try fourWeekly.chooseUnitPeriod(start: day("1978-03-18")) == .weeks(4))
        let result = try fourWeekly.solve()
        #expect(result.unitPeriod == .unitPeriod(.weeks(4)) && result.unitPeriodsPerYear == dec("13"))
        #expect(result.aprDisclosed == dec("28.50"))
        let i = Rational(result.apr.description)! / Rational(1300)
        let slack = Rational(1) / Rational(10).power(10)
        #expect(try equation(fourWeekly, unit: .weeks(4), rate: i - slack).sign >= 0)
        #expect(try equation(fourWeekly, unit: .weeks(4), rate: i + slack).sign <= 0)

        let bimonthly = AnnualPercentageRate(method: .regz, advances: [flow("8000.00", "1978-01-10")],
                                             payments: [flow("449.36", "1978-03-01")] + every("465.00", 18, "1978-05-01", months: 2) + [flow("200.00", "1981-05-01")])
        let b = try bimonthly.solve()
        #expect(b.unitPeriod == .unitPeriod(.months(2)) && b.unitPeriodsPerYear == dec("6") && b.aprDisclosed == dec("7.30"))

        let february = AnnualPercentageRate(method: .regz, advances: [flow("1000.00", "2026-02-01")], payments: [flow("1010.00", "2026-03-01")])
        #expect(try february.chooseUnitPeriod(start: day("2026-02-01")) == .monthly)
        // A monthly schedule whose February interval is also 4 weeks stays monthly.
        let monthly = AnnualPercentageRate(method: .regz, advances: [flow("1000.00", "2026-01-01")], payments: every("90.00", 12, "2026-02-01", months: 1))
        #expect(try monthly.chooseUnitPeriod(start: day("2026-01-01")) == .monthly)
        // One 35-day gap in a ragged schedule is not a common interval: the average rule applies.
        let ragged = AnnualPercentageRate(method: .regz, advances: [flow("1000.00", "2026-01-01")],
                                          payments: [flow("400.00", "2026-02-05"), flow("400.00", "2026-03-09"), flow("300.00", "2026-04-12")])
        #expect(try ragged.chooseUnitPeriod(start: day("2026-01-01")) == .monthly)
        // Three weeks.
        let threeWeekly = AnnualPercentageRate(method: .regz, advances: [flow("1000.00", "2026-01-01")], payments: every("100.00", 12, "2026-01-22", days: 21))
        let t = try threeWeekly.solve()
        #expect(t.unitPeriod == .unitPeriod(.weeks(3)) && t.unitPeriodsPerYear == dec("17.3333333333"))
    }

    @Test("gapKey decides the candidates: every pair of dates 7…41 days apart with one key is one period of the same candidates (leap, century, 400-year and year 2/9998 boundaries)")
    func gapKeyDecides() throws {
        var answers: [UInt64: UInt64] = [:]
        var keyed = 0
        for (from, to) in [("0002-01-01", "0003-02-01"), ("1999-10-01", "2001-03-31"), ("2023-11-01", "2025-03-31"), ("2099-10-01", "2101-03-31"),
                           ("2399-10-01", "2401-03-31"), ("9997-11-01", "9998-12-31")] {
            let first = try CivilDate(parsing: from).daysSinceEpoch, last = try CivilDate(parsing: to).daysSinceEpoch
            for startDay in first...last {
                let a = try CivilDate(daysSinceEpoch: startDay)
                for days in 0...45 {
                    guard let b = try? CivilDate(daysSinceEpoch: startDay + days) else { continue }
                    let key = AnnualPercentageRate.gapKey(a, b, days: days)
                    guard key != 0 else {
                        #expect(days < 7 || days > 41 || a.year < 2 || b.year > 9_998)
                        continue
                    }
                    keyed += 1
                    var mask: UInt64 = 0
                    for (j, unit) in UnitPeriod.candidates.enumerated() where UnitPeriod.mayBeOnePeriod(days: days, unit) && UnitPeriod.isOnePeriodByCounting(from: a, to: b, unit) {
                        mask |= 1 << UInt64(j)
                    }
                    if let earlier = answers[key] { #expect(earlier == mask, "\(a) → \(b)") } else { answers[key] = mask }
                }
            }
        }
        #expect(keyed > 100_000 && answers.count > 5_000)
    }

    @Test("The day-range shortcut never rules out a gap the counting accepts (every pair of dates over 14 months, gaps up to 400 days)")
    func dayRangeIsNecessary() throws {
        let first = try CivilDate(parsing: "2023-12-01").daysSinceEpoch
        var accepted = [Int](repeating: 0, count: UnitPeriod.candidates.count)
        for startDay in first..<(first + 426) {
            let a = try CivilDate(daysSinceEpoch: startDay)
            for days in 0...400 {
                let b = try CivilDate(daysSinceEpoch: startDay + days)
                // The monthly test by the boundary one month back equals the full count.
                let counted = (try? UnitPeriodCount(from: a, to: b, frequency: .monthly)).map { $0.wholePeriods == 1 && $0.oddDays == 0 } ?? false
                #expect(AnnualPercentageRate.isOnePeriod(from: a, to: b, .monthly) == counted, "\(a) → \(b)")
                // Weekly and biweekly: the day count equals the full count.
                if days <= 30 {
                    for frequency in [PaymentFrequency.weekly, .biweekly] {
                        let full = (try? UnitPeriodCount(from: a, to: b, frequency: frequency)).map { $0.wholePeriods == 1 && $0.oddDays == 0 && ($0.oddMonths ?? 0) == 0 } ?? false
                        #expect(AnnualPercentageRate.isOnePeriod(from: a, to: b, frequency) == (days > 0 && full), "\(a) → \(b) \(frequency)")
                    }
                }
                // k months: the calendar-month shortcut answers as the full count does.
                for k in 2...11 where UnitPeriod.mayBeOnePeriod(days: days, .months(k)) {
                    let full = UnitPeriodCount.fullMonths(from: a, to: b, on: DayOfMonth(anchoring: b))
                    #expect(UnitPeriod.isOnePeriodByCounting(from: a, to: b, .months(k)) == (days > 0 && full.months == k && full.days == 0), "\(a) → \(b), \(k) months")
                }
                for (j, unit) in UnitPeriod.candidates.enumerated() where UnitPeriod.isOnePeriodByCounting(from: a, to: b, unit) {
                    accepted[j] += 1
                    #expect(UnitPeriod.mayBeOnePeriod(days: days, unit), "\(a) → \(b) is one \(unit.name) but \(days) days is ruled out")
                    #expect(days >= UnitPeriod.shortestPeriodDays)
                    #expect(UnitPeriod.isOnePeriod(from: a, to: b, unit))
                }
            }
        }
        // Every candidate occurs (so each range was exercised), and the ranges are in order.
        #expect(!accepted.contains(0))
        #expect(UnitPeriod.candidateDays == UnitPeriod.candidates.map(\.possibleDays))
        for days in 0...500 {
            let admitted = UnitPeriod.candidates.indices.filter { UnitPeriod.mayBeOnePeriod(days: days, UnitPeriod.candidates[$0]) }
            #expect((days < UnitPeriod.candidatesByDays.count ? UnitPeriod.candidatesByDays[days] : []) == admitted, "\(days) days")
        }
    }

    @Test("daysPerPeriod: 7, 14 and 7·k days exactly where one period is that many days; nil for months")
    func daysPerPeriod() throws {
        let start = try CivilDate(parsing: "2027-12-20")
        for unit in UnitPeriod.candidates {
            guard let per = unit.daysPerPeriod else {
                if case .weeks = unit { Issue.record("\(unit.name): weeks without a day count") }
                continue
            }
            for days in 1...120 {
                let end = try start.adding(days: days)
                #expect(UnitPeriod.isOnePeriodByCounting(from: start, to: end, unit) == (days == per), "\(unit.name), \(days) days")
            }
        }
        #expect(UnitPeriod.frequency(.weekly).daysPerPeriod == 7 && UnitPeriod.frequency(.biweekly).daysPerPeriod == 14)
        #expect(UnitPeriod.weeks(4).daysPerPeriod == 28 && UnitPeriod.months(2).daysPerPeriod == nil)
        #expect(UnitPeriod.frequency(.monthly).daysPerPeriod == nil && UnitPeriod.frequency(.semimonthly).daysPerPeriod == nil)
    }
}
