// DealFinance — exact deal finance. DealLeads: dealer time zone, business hours, follow-up due times.

import DealEngine

/// Day of the week.
public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The days of the week.
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of a calendar date (1970-01-01 was a Thursday).
    public init(_ date: CivilDate) {
        let index = ((date.daysSinceEpoch % 7) + 7 + 3) % 7   // 0 = Monday
        self = Self.allCases[index]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The dealership's clock: a fixed standard UTC offset plus, optionally, the US daylight-saving
/// rule (since 2007: from the second Sunday of March at 02:00 local standard time to the first
/// Sunday of November at 02:00 local daylight time, one hour ahead). No tz database: a zone with
/// other rules is modelled by its offset alone.
///
/// Local times that do not exist (02:00–02:59 on the March change) are read with the standard
/// offset, i.e. one hour later on the wall clock; local times that occur twice (01:00–01:59 on the
/// November change) mean the first, daylight-time occurrence.
///
/// ```swift
/// let chicago = DealerTimeZone(standardOffsetSeconds: -6 * 3600, observesUSDaylightSaving: true)
/// chicago.offsetSeconds(at: try Instant(parsing: "2024-07-01T12:00:00Z"))   // -18000
/// chicago.offsetSeconds(at: try Instant(parsing: "2024-12-01T12:00:00Z"))   // -21600
/// ```
public struct DealerTimeZone: Sendable, Hashable {
    /// Standard-time offset from UTC in seconds (east positive).
    public var standardOffsetSeconds: Int
    /// Whether the US DST rule applies.
    public var observesUSDaylightSaving: Bool

    /// A zone `standardOffsetSeconds` from UTC, with or without the US daylight-saving rule.
    public init(standardOffsetSeconds: Int, observesUSDaylightSaving: Bool = false) {
        self.standardOffsetSeconds = standardOffsetSeconds
        self.observesUSDaylightSaving = observesUSDaylightSaving
    }

    /// UTC.
    public static let utc = DealerTimeZone(standardOffsetSeconds: 0)

    /// The n-th (1-based) Sunday of a month.
    static func nthSunday(_ n: Int, month: Int, year: Int) -> CivilDate {
        let first = try! CivilDate(year: year, month: month, day: 1)
        let weekday = Weekday.allCases.firstIndex(of: Weekday(first))!   // 0 = Monday
        let firstSunday = 1 + (6 - weekday)
        return try! CivilDate(year: year, month: month, day: firstSunday + 7 * (n - 1))
    }

    /// The UTC instants DST starts and ends in `year`.
    public func daylightSavingPeriod(year: Int) -> (start: Instant, end: Instant)? {
        guard observesUSDaylightSaving, (1...9999).contains(year) else { return nil }
        let start = Instant(date: Self.nthSunday(2, month: 3, year: year), hour: 2).adding(seconds: -standardOffsetSeconds)
        let end = Instant(date: Self.nthSunday(1, month: 11, year: year), hour: 2).adding(seconds: -standardOffsetSeconds - 3600)
        return (start, end)
    }

    /// The offset from UTC in force at `instant`.
    public func offsetSeconds(at instant: Instant) -> Int {
        let year = instant.adding(seconds: standardOffsetSeconds).utcDate.year
        if let period = daylightSavingPeriod(year: year), period.start <= instant, instant < period.end {
            return standardOffsetSeconds + 3600
        }
        return standardOffsetSeconds
    }

    /// The local calendar date and second of the day at `instant`.
    public func local(_ instant: Instant) -> (date: CivilDate, secondOfDay: Int) {
        let shifted = instant.adding(seconds: offsetSeconds(at: instant))
        return (shifted.utcDate, shifted.utcSecondOfDay)
    }

    /// The instant a local wall-clock time names (see the type's note on gaps and repeats).
    public func instant(date: CivilDate, secondOfDay: Int) -> Instant {
        let wall = Instant(date: date).adding(seconds: secondOfDay)
        let daylight = wall.adding(seconds: -standardOffsetSeconds - 3600)
        if observesUSDaylightSaving, offsetSeconds(at: daylight) == standardOffsetSeconds + 3600 { return daylight }
        return wall.adding(seconds: -standardOffsetSeconds)
    }
}

/// Opening hours: the same local hours on each open weekday.
public struct BusinessHours: Sendable, Hashable {
    /// Opening, seconds after local midnight.
    public var openSecond: Int
    /// Closing, seconds after local midnight (exclusive).
    public var closeSecond: Int
    /// The days the dealership is open.
    public var openDays: Set<Weekday>

    /// Default: 09:00–18:00, Monday to Saturday.
    public init(openSecond: Int = 9 * 3600, closeSecond: Int = 18 * 3600,
                openDays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday]) {
        self.openSecond = openSecond
        self.closeSecond = closeSecond
        self.openDays = openDays
    }

    /// 0 ≤ open < close ≤ 86400 and at least one open day.
    public func validate() throws(LeadError) {
        guard 0 <= openSecond, openSecond < closeSecond, closeSecond <= 86_400 else {
            throw .invalidConfiguration("expected 0 ≤ open < close ≤ 86400 seconds after midnight, found \(openSecond) and \(closeSecond)")
        }
        guard !openDays.isEmpty else { throw .invalidConfiguration("expected at least one open day, found none") }
    }

    /// Whether the dealership is open at a local date and second.
    public func isOpen(date: CivilDate, secondOfDay: Int) -> Bool {
        openDays.contains(Weekday(date)) && openSecond <= secondOfDay && secondOfDay < closeSecond
    }
}

/// The follow-up presets of the dealer CRM.
public enum FollowUpPreset: Sendable, Hashable {
    /// In one hour, tomorrow at the set hour, in three days, in one week.
    case oneHour, tomorrow, threeDays, oneWeek
    /// An explicit instant, used as given.
    case custom(Instant)

    /// The preset's name: `oneHour`, `tomorrow`, `threeDays`, `oneWeek`, `custom`.
    public var name: String {
        switch self {
        case .oneHour: "oneHour"
        case .tomorrow: "tomorrow"
        case .threeDays: "threeDays"
        case .oneWeek: "oneWeek"
        case .custom: "custom"
        }
    }
}

/// Computes follow-up due instants in the dealership's time zone.
///
/// - `oneHour`: `asOf + 3600 s`;
/// - `tomorrow`: the next local calendar day at `tomorrowSecond` (default: opening time);
/// - `threeDays`, `oneWeek`: the local date 3 or 7 days later at the same local wall-clock time
///   (so DST changes do not shift the hour);
/// - `custom`: the given instant, unchanged.
///
/// With `snapsToBusinessHours` (default), a computed time outside business hours moves to the next
/// opening: the same day's opening when it is earlier, else the next open day's.
///
/// ```swift
/// let schedule = FollowUpSchedule(timeZone: chicago, hours: BusinessHours())
/// try schedule.due(.tomorrow, asOf: try Instant(parsing: "2024-03-09T20:00:00Z"))
/// // Sunday is closed → Monday 2024-03-11 09:00 CDT = 2024-03-11T14:00:00Z
/// ```
public struct FollowUpSchedule: Sendable, Hashable {
    /// The dealer's time zone.
    public var timeZone: DealerTimeZone
    /// The dealer's business hours.
    public var hours: BusinessHours
    /// Local time of day for `tomorrow`, seconds after midnight; nil = opening time.
    public var tomorrowSecond: Int?
    /// Whether a due time outside business hours moves to the next opening.
    public var snapsToBusinessHours: Bool

    /// A schedule in `timeZone` with `hours`; `tomorrowSecond` is the local second of the day for "tomorrow".
    public init(timeZone: DealerTimeZone, hours: BusinessHours = BusinessHours(), tomorrowSecond: Int? = nil, snapsToBusinessHours: Bool = true) {
        self.timeZone = timeZone
        self.hours = hours
        self.tomorrowSecond = tomorrowSecond
        self.snapsToBusinessHours = snapsToBusinessHours
    }

    /// The due instant of `preset` measured from `asOf`.
    /// - Throws: ``LeadError/invalidConfiguration(_:)`` for invalid hours or `tomorrowSecond`.
    public func due(_ preset: FollowUpPreset, asOf: Instant) throws(LeadError) -> Instant {
        try hours.validate()
        if let tomorrowSecond, !(0..<86_400).contains(tomorrowSecond) {
            throw .invalidConfiguration("expected tomorrowSecond 0…86399, found \(tomorrowSecond)")
        }
        let now = timeZone.local(asOf)
        let computed: Instant
        do {
            switch preset {
            case .custom(let instant): return instant
            case .oneHour: computed = asOf.adding(seconds: 3600)
            case .tomorrow: computed = timeZone.instant(date: try now.date.adding(days: 1), secondOfDay: tomorrowSecond ?? hours.openSecond)
            case .threeDays: computed = timeZone.instant(date: try now.date.adding(days: 3), secondOfDay: now.secondOfDay)
            case .oneWeek: computed = timeZone.instant(date: try now.date.adding(days: 7), secondOfDay: now.secondOfDay)
            }
        } catch {
            throw .invalidValue("expected a due date within years 0001–9999: \(error.message)")
        }
        return snapsToBusinessHours ? nextOpening(atOrAfter: computed) : computed
    }

    /// The instant itself when the dealership is open then, else the next opening.
    public func nextOpening(atOrAfter instant: Instant) -> Instant {
        let local = timeZone.local(instant)
        if hours.isOpen(date: local.date, secondOfDay: local.secondOfDay) { return instant }
        if hours.openDays.contains(Weekday(local.date)), local.secondOfDay < hours.openSecond {
            return timeZone.instant(date: local.date, secondOfDay: hours.openSecond)
        }
        var date = local.date
        for _ in 0..<7 {
            guard let next = try? date.adding(days: 1) else { return instant }
            date = next
            if hours.openDays.contains(Weekday(date)) { return timeZone.instant(date: date, secondOfDay: hours.openSecond) }
        }
        return instant
    }
}
