// DealFinance — exact deal finance. DealLeads: instants on the UTC time line (no Foundation).

import DealEngine

/// A point in time: whole seconds since 1970-01-01T00:00:00Z (UTC, no leap seconds, as POSIX
/// time counts). Its text form is ISO 8601 `YYYY-MM-DDTHH:MM:SSZ`; ``init(parsing:)`` also
/// accepts a numeric offset `±HH:MM` and converts it to UTC. Years 0001…9999.
///
/// ```swift
/// let t = try Instant(parsing: "2024-05-14T09:30:00-05:00")
/// t.description                 // "2024-05-14T14:30:00Z"
/// t.secondsSinceEpoch           // 1715697000
/// t.adding(seconds: 3600)       // 2024-05-14T15:30:00Z
/// ```
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z (negative before it).
    public let secondsSinceEpoch: Int

    /// The earliest instant: 0001-01-01T00:00:00Z.
    public static let earliest = Instant(secondsSinceEpoch: CivilDate.firstDate.daysSinceEpoch * 86_400)
    /// The latest instant: 9999-12-31T23:59:59Z.
    public static let latest = Instant(secondsSinceEpoch: CivilDate.lastDate.daysSinceEpoch * 86_400 + 86_399)

    /// The instant `secondsSinceEpoch` seconds after the epoch. Only ``earliest`` … ``latest``
    /// have a text form; ``init(parsing:)`` never produces anything outside it.
    ///
    /// ```swift
    /// Instant(secondsSinceEpoch: 0).description   // "1970-01-01T00:00:00Z"
    /// ```
    public init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    /// The instant at a UTC calendar date and time of day.
    ///
    /// ```swift
    /// Instant(date: try CivilDate(parsing: "2024-05-14"), hour: 14, minute: 30)   // 2024-05-14T14:30:00Z
    /// ```
    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        secondsSinceEpoch = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS±HH:MM` strictly: upper-case `T`
    /// and `Z`, two-digit fields, seconds required, no fractions, no leap second `:60`, offsets
    /// up to ±18:00. The whole string must match.
    ///
    /// - Throws: ``LeadError/invalidInstant(_:)`` naming what was found.
    ///
    /// ```swift
    /// try Instant(parsing: "2021-10-13T00:00:00Z")          // ok
    /// try Instant(parsing: "2000-03-30T15:30:20-08:00")     // 2000-03-30T23:30:20Z
    /// try Instant(parsing: "2025-09-22T18:07")              // throws: seconds and zone are required
    /// ```
    public init(parsing text: some StringProtocol) throws(LeadError) {
        let bytes = Array(text.utf8)
        func fail(_ why: String) -> LeadError {
            let shown = text.count <= 40 ? String(text) : String(text.prefix(37)) + "…"
            return .invalidInstant("expected an ISO 8601 instant such as \"2024-05-14T09:30:00Z\" or \"2024-05-14T09:30:00-05:00\" (\(why)), found \"\(shown)\"")
        }
        guard bytes.count == 20 || bytes.count == 25 else { throw fail("20 or 25 characters") }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else {
            throw fail("date, 'T', then HH:MM:SS")
        }
        let date: CivilDate
        do { date = try CivilDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self)) } catch {
            throw fail("a valid YYYY-MM-DD date")
        }
        guard hour <= 23, minute <= 59, second <= 59 else { throw fail("hour 00–23, minute and second 00–59") }
        var offset = 0
        if bytes.count == 20 {
            guard bytes[19] == UInt8(ascii: "Z") else { throw fail("'Z' or an offset ±HH:MM") }
        } else {
            let sign = bytes[19]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
                  let offsetHours = number(20..<22), let offsetMinutes = number(23..<25),
                  offsetMinutes <= 59, offsetHours * 60 + offsetMinutes <= 18 * 60 else {
                throw fail("an offset ±HH:MM up to ±18:00")
            }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        guard seconds >= Self.earliest.secondsSinceEpoch, seconds <= Self.latest.secondsSinceEpoch else {
            throw fail("an instant in years 0001–9999 after applying the offset")
        }
        secondsSinceEpoch = seconds
    }

    /// The UTC calendar date.
    ///
    /// ```swift
    /// try Instant(parsing: "2024-05-14T23:59:59Z").utcDate   // 2024-05-14
    /// ```
    /// An instant outside ``earliest`` … ``latest`` (only ``init(secondsSinceEpoch:)`` makes
    /// one) has the nearest date of the calendar: 0001-01-01 before it, 9999-12-31 after it.
    public var utcDate: CivilDate {
        let days = Self.floorDiv(secondsSinceEpoch, 86_400)
        return (try? CivilDate(daysSinceEpoch: days)) ?? (days < 0 ? CivilDate.firstDate : CivilDate.lastDate)
    }

    /// Seconds since UTC midnight, 0…86399.
    public var utcSecondOfDay: Int { secondsSinceEpoch - Self.floorDiv(secondsSinceEpoch, 86_400) * 86_400 }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var description: String {
        let second = utcSecondOfDay
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(utcDate)T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }

    /// The instant `seconds` later (earlier when negative).
    ///
    /// ```swift
    /// try Instant(parsing: "2024-05-14T09:30:00Z").adding(seconds: -1800)   // 2024-05-14T09:00:00Z
    /// ```
    public func adding(seconds: Int) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// Seconds from this instant to `other` (negative when `other` is earlier).
    ///
    /// ```swift
    /// a.seconds(until: a.adding(seconds: 90))   // 90
    /// ```
    public func seconds(until other: Instant) -> Int { other.secondsSinceEpoch - secondsSinceEpoch }

    /// Time order.
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// Integer division rounding toward negative infinity.
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
