// DealFinance — DealLeadsTests: Instant (strict ISO 8601, UTC).

import Testing
import DealEngine
@testable import DealLeads

@Suite("Instant")
struct InstantTests {
    @Test("Parses Z and ±HH:MM offsets to UTC", arguments: [
        ("1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00Z"),
        ("2024-05-14T09:30:00-05:00", 1_715_697_000, "2024-05-14T14:30:00Z"),
        ("2000-03-30T15:30:20-08:00", 954_459_020, "2000-03-30T23:30:20Z"),
        ("2024-01-01T00:30:00+01:00", 1_704_065_400, "2023-12-31T23:30:00Z"),
        ("1969-12-31T23:59:59Z", -1, "1969-12-31T23:59:59Z"),
        ("2021-10-13T00:00:00Z", 1_634_083_200, "2021-10-13T00:00:00Z"),
    ])
    func parses(text: String, seconds: Int, utc: String) throws {
        let instant = try Instant(parsing: text)
        #expect(instant.secondsSinceEpoch == seconds)
        #expect(instant.description == utc)
        #expect(try Instant(parsing: instant.description) == instant)
    }

    @Test("Rejects everything else", arguments: [
        "2025-09-22T18:07", "2008-06-25T8:47:50", "2000-03-30T15:30:20-08:0", "2024-05-14 09:30:00Z",
        "2024-05-14t09:30:00z", "2024-05-14T24:00:00Z", "2024-05-14T23:60:00Z", "2024-05-14T23:59:60Z",
        "2024-02-30T00:00:00Z", "2024-05-14T09:30:00.5Z", "2024-05-14T09:30:00+19:00", "2024-05-14T09:30:00+05:60",
        "2024-05-14T09:30:00", "", "0001-01-01T00:00:00+01:00", "2024-05-14T09:30:00-0500",
    ])
    func rejects(text: String) {
        #expect(throws: LeadError.self) { try Instant(parsing: text) }
    }

    @Test("Round trip over a seeded range of seconds")
    func roundTrip() throws {
        var x: UInt64 = 12345
        for _ in 0..<500 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            let seconds = Int(x >> 30) % 400_000_000_000 - 62_000_000_000
            let instant = Instant(secondsSinceEpoch: seconds)
            guard instant >= .earliest, instant <= .latest else { continue }
            #expect(try Instant(parsing: instant.description) == instant)
        }
        #expect(Instant.earliest.description == "0001-01-01T00:00:00Z")
        #expect(Instant.latest.description == "9999-12-31T23:59:59Z")
    }

    @Test("Arithmetic and calendar accessors")
    func arithmetic() throws {
        let t = try Instant(parsing: "2024-05-14T23:59:59Z")
        #expect(t.utcDate == (try CivilDate(parsing: "2024-05-14")))
        #expect(t.utcSecondOfDay == 86_399)
        #expect(t.adding(seconds: 1).description == "2024-05-15T00:00:00Z")
        #expect(t.seconds(until: t.adding(seconds: 90)) == 90)
        #expect(Instant(date: try CivilDate(parsing: "2024-05-14"), hour: 14, minute: 30).description == "2024-05-14T14:30:00Z")
        #expect(Instant(secondsSinceEpoch: -86_401).description == "1969-12-30T23:59:59Z")
    }

    @Test("An instant outside the calendar has its nearest date")
    func nearestDateOutsideTheCalendar() {
        #expect(Instant(secondsSinceEpoch: Instant.earliest.secondsSinceEpoch - 1).utcDate == CivilDate.firstDate)
        #expect(Instant(secondsSinceEpoch: Int.min / 2).utcDate == CivilDate.firstDate)
        #expect(Instant(secondsSinceEpoch: Instant.latest.secondsSinceEpoch + 1).utcDate == CivilDate.lastDate)
        #expect(Instant(secondsSinceEpoch: Int.max / 2).utcDate == CivilDate.lastDate)
    }
}
