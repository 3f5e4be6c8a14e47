// DealFinance — DealLeadsTests: dealer time zone (US DST), business hours, follow-up presets.

import Testing
import DealEngine
@testable import DealLeads

private let chicago = DealerTimeZone(standardOffsetSeconds: -6 * 3600, observesUSDaylightSaving: true)
private func at(_ text: String) -> Instant { try! Instant(parsing: text) }

@Suite("FollowUps")
struct FollowUpsTests {
    @Test("Weekdays")
    func weekdays() throws {
        #expect(Weekday(try CivilDate(parsing: "1970-01-01")) == .thursday)
        #expect(Weekday(try CivilDate(parsing: "2024-05-14")) == .tuesday)
        #expect(Weekday(try CivilDate(parsing: "1969-12-31")) == .wednesday)
    }

    @Test("US DST: second Sunday of March to first Sunday of November", arguments: [
        (2024, "2024-03-10T08:00:00Z", "2024-11-03T07:00:00Z"),
        (2023, "2023-03-12T08:00:00Z", "2023-11-05T07:00:00Z"),
        (2026, "2026-03-08T08:00:00Z", "2026-11-01T07:00:00Z"),
    ])
    func dstPeriod(year: Int, start: String, end: String) {
        let period = chicago.daylightSavingPeriod(year: year)
        #expect(period?.start == at(start))
        #expect(period?.end == at(end))
        #expect(chicago.offsetSeconds(at: at(start).adding(seconds: -1)) == -21_600)
        #expect(chicago.offsetSeconds(at: at(start)) == -18_000)
        #expect(chicago.offsetSeconds(at: at(end).adding(seconds: -1)) == -18_000)
        #expect(chicago.offsetSeconds(at: at(end)) == -21_600)
    }

    @Test("Local → instant: gap moves forward, repeated hour means the first")
    func localToInstant() throws {
        let spring = try CivilDate(parsing: "2024-03-10"), fall = try CivilDate(parsing: "2024-11-03")
        #expect(chicago.instant(date: spring, secondOfDay: 2 * 3600 + 1800) == at("2024-03-10T08:30:00Z"))   // 03:30 CDT
        #expect(chicago.instant(date: spring, secondOfDay: 3 * 3600) == at("2024-03-10T08:00:00Z"))
        #expect(chicago.instant(date: fall, secondOfDay: 3600 + 1800) == at("2024-11-03T06:30:00Z"))       // 01:30 CDT
        #expect(chicago.instant(date: fall, secondOfDay: 2 * 3600) == at("2024-11-03T08:00:00Z"))
        // Round trip at every half hour across both change days.
        for date in [spring, fall] {
            for half in 0..<48 {
                let instant = Instant(date: date).adding(seconds: half * 1800 + 6 * 3600)
                let local = chicago.local(instant)
                #expect(chicago.instant(date: local.date, secondOfDay: local.secondOfDay) == instant || local.secondOfDay / 3600 == 1)
            }
        }
    }

    @Test("Presets", arguments: [
        // asOf, preset, expected (Chicago, Mon–Sat 09:00–18:00)
        ("2024-05-14T15:00:00Z", FollowUpPreset.oneHour, "2024-05-14T16:00:00Z"),        // Tue 10:00 → 11:00
        ("2024-05-14T22:30:00Z", .oneHour, "2024-05-15T14:00:00Z"),                       // Tue 17:30 → 18:30 closed → Wed 09:00
        ("2024-05-14T15:00:00Z", .tomorrow, "2024-05-15T14:00:00Z"),                      // Wed 09:00 CDT
        ("2024-03-09T20:00:00Z", .tomorrow, "2024-03-11T14:00:00Z"),                      // Sat → Sun closed → Mon 09:00 CDT
        ("2024-03-07T16:00:00Z", .threeDays, "2024-03-11T14:00:00Z"),                     // Thu 10:00 CST → Sun closed → Mon 09:00 CDT
        ("2024-03-06T16:00:00Z", .oneWeek, "2024-03-13T15:00:00Z"),                       // Wed 10:00 CST → Wed 10:00 CDT
        ("2024-11-01T15:00:00Z", .threeDays, "2024-11-04T16:00:00Z"),                     // Fri 10:00 CDT → Mon 10:00 CST
        ("2024-05-14T15:00:00Z", .custom(try! Instant(parsing: "2024-05-19T03:00:00Z")), "2024-05-19T03:00:00Z"),
    ])
    func presets(asOf: String, preset: FollowUpPreset, due: String) throws {
        let schedule = FollowUpSchedule(timeZone: chicago)
        #expect(try schedule.due(preset, asOf: at(asOf)) == at(due))
    }

    @Test("Without snapping: exact arithmetic; tomorrow at a configured hour")
    func noSnap() throws {
        let schedule = FollowUpSchedule(timeZone: chicago, tomorrowSecond: 8 * 3600, snapsToBusinessHours: false)
        #expect(try schedule.due(.oneHour, asOf: at("2024-05-14T22:30:00Z")) == at("2024-05-14T23:30:00Z"))
        #expect(try schedule.due(.tomorrow, asOf: at("2024-03-09T20:00:00Z")) == at("2024-03-10T13:00:00Z"))
    }

    @Test("Invalid business hours are refused")
    func invalid() {
        let schedule = FollowUpSchedule(timeZone: .utc, hours: BusinessHours(openSecond: 10, closeSecond: 5))
        #expect(throws: LeadError.self) { try schedule.due(.oneHour, asOf: t0) }
        let closed = FollowUpSchedule(timeZone: .utc, hours: BusinessHours(openDays: []))
        #expect(throws: LeadError.self) { try closed.due(.oneHour, asOf: t0) }
    }
}
