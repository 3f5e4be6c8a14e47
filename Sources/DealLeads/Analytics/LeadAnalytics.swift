// DealFinance — exact deal finance. DealLeads/Analytics: lead metrics (Documentation/Reference/Leads.md).

import DealDecimal
import DealEngine

/// An exact ratio `numerator / denominator`; callers choose the rounding (Documentation/Reference/Leads.md:
/// "ratios as numerator and denominator"). A zero denominator means "undefined" (shown as `-`).
public struct LeadRatio: Sendable, Hashable, CustomStringConvertible {
    /// The numerator.
    public var numerator: Int128
    /// The denominator; 0 means undefined.
    public var denominator: Int128

    /// The ratio `numerator / denominator`.
    public init(_ numerator: Int128, _ denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `"num/den"`.
    public var description: String { "\(numerator)/\(denominator)" }

    /// The value rounded half away from zero to `places` decimals, or `"-"` when undefined.
    /// Exact for every numerator and denominator: the digits come from long division, so no
    /// intermediate product can overflow.
    ///
    /// ```swift
    /// LeadRatio(2, 8).decimal(places: 4)     // "0.2500"
    /// LeadRatio(156, 7).decimal(places: 2)   // "22.29"
    /// ```
    public func decimal(places: Int) -> String { decimal(places: places, shiftedBy: 0) }

    /// The value as a percentage with 2 decimals, e.g. `"25.00"`.
    public var percent: String { decimal(places: 2, shiftedBy: 2) }

    /// `value × 10^shift` rounded half away from zero to `places` decimals, by long division.
    func decimal(places: Int, shiftedBy shift: Int) -> String {
        guard denominator != 0 else { return "-" }
        let places = max(places, 0), shift = max(shift, 0)
        let n = numerator.magnitude, d = denominator.magnitude
        var digits = String(n / d).utf8.map { $0 - UInt8(ascii: "0") }
        let wholeCount = digits.count + shift
        var remainder = n % d
        for _ in 0..<(shift + places) {
            // 10 · remainder = digit · d + next, without forming 10 · remainder (remainder < d).
            var digit: UInt8 = 0, next: UInt128 = 0
            for _ in 0..<10 {
                if next >= d - remainder { next -= d - remainder; digit += 1 } else { next += remainder }
            }
            digits.append(digit)
            remainder = next
        }
        if remainder >= d - remainder {   // 2 · remainder ≥ d: round the magnitude up
            var index = digits.count - 1
            while index >= 0, digits[index] == 9 { digits[index] = 0; index -= 1 }
            if index >= 0 { digits[index] += 1 } else { digits.insert(1, at: 0) }
        }
        let carried = digits.count - (wholeCount + places)
        var whole = digits[..<(wholeCount + carried)].drop { $0 == 0 }.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        if whole.isEmpty { whole = ["0"] }
        let fraction = digits[(wholeCount + carried)...].map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        let negative = (numerator < 0) != (denominator < 0) && digits.contains { $0 != 0 }
        return (negative ? "-" : "") + String(whole) + (places > 0 ? "." + String(fraction) : "")
    }
}

/// The population a report covers (Documentation/Reference/Leads.md "Population and exclusions", "Cohort vs period").
///
/// The **cohort** is every lead created in `[from, to)` whose id is not in `excludedIDs`
/// (duplicates, resends, bad and test leads, decided by the caller): rates follow the cohort to
/// its outcome as of `asOf`. Excluded leads are counted separately, next to every rate.
public struct LeadReportScope: Sendable, Hashable {
    /// Start of the window (inclusive).
    public var from: Instant
    /// End of the window (exclusive).
    public var to: Instant
    /// The instant the report is evaluated at (no clock reads).
    public var asOf: Instant
    /// Lead ids left out of every denominator.
    public var excludedIDs: Set<String>
    /// The stages, in order.
    public var pipeline: SalesPipeline
    /// The dealer's time zone (calendar days for "today" and ages).
    public var timeZone: DealerTimeZone
    /// Speed-to-lead SLA, default 300 s (5 minutes).
    public var responseTargetSeconds: Int
    /// Whether `system` (automated) outbound touches count as a first response. Default false:
    /// auto-responders excluded (Documentation/Reference/Leads.md "First response time").
    public var countsAutomatedTouches: Bool
    /// The stage from which an open lead is a "qualified opportunity" (velocity), default `Qualified`.
    public var qualifiedStage: String

    /// The cohort of leads created in `[from, to)` without `excludedIDs`, evaluated at `asOf`.
    public init(from: Instant, to: Instant, asOf: Instant, excludedIDs: Set<String> = [], pipeline: SalesPipeline = .standard,
                timeZone: DealerTimeZone = .utc, responseTargetSeconds: Int = 300, countsAutomatedTouches: Bool = false,
                qualifiedStage: String = "Qualified") {
        self.from = from
        self.to = to
        self.asOf = asOf
        self.excludedIDs = excludedIDs
        self.pipeline = pipeline
        self.timeZone = timeZone
        self.responseTargetSeconds = responseTargetSeconds
        self.countsAutomatedTouches = countsAutomatedTouches
        self.qualifiedStage = qualifiedStage
    }
}

/// The metrics of Documentation/Reference/Leads.md over a set of leads. Pure: every function takes the leads and a
/// ``LeadReportScope``; results are exact (``LeadRatio``, seconds, `ExactDecimal` money).
public struct LeadAnalytics: Sendable {
    /// The scope.
    public let scope: LeadReportScope
    /// The cohort: leads created in the window, not excluded, in input order.
    public let cohort: [Lead]
    /// How many leads in the window were excluded.
    public let excludedCount: Int

    /// Selects the cohort from `leads`.
    ///
    /// ```swift
    /// let analytics = LeadAnalytics(leads, scope: LeadReportScope(from: start, to: end, asOf: now))
    /// analytics.conversion(by: .source)
    /// ```
    public init(_ leads: [Lead], scope: LeadReportScope) {
        self.scope = scope
        let window = leads.filter { $0.createdAt >= scope.from && $0.createdAt < scope.to }
        cohort = window.filter { !scope.excludedIDs.contains($0.id) }
        excludedCount = window.count - cohort.count
    }

    // MARK: - Per-lead facts

    /// Outcome of a lead at `asOf`: its current stage is won, lost, or open.
    public enum Outcome: String, Sendable, Hashable { case won, lost, open }

    /// The lead's outcome from its current stage.
    public func outcome(_ lead: Lead) -> Outcome {
        guard let stage = scope.pipeline.stage(named: lead.stage) else { return .open }
        return stage.isWon ? .won : stage.isLost ? .lost : .open
    }

    /// Stage visits from the pipeline status changes recorded by `asOf`: the lead enters the
    /// initial stage at `createdAt`, then each `.statusChange` of workflow `pipeline` starts a visit.
    public func visits(_ lead: Lead) -> [(stage: String, enter: Instant, exit: Instant?)] {
        var changes: [(at: Instant, to: String)] = []
        for activity in lead.activities.timeline where activity.at <= scope.asOf {
            if case .statusChange(let change) = activity.kind, change.workflow == .pipeline { changes.append((activity.at, change.to)) }
        }
        var result: [(stage: String, enter: Instant, exit: Instant?)] = []
        var current = (stage: scope.pipeline.initialStage.name, enter: lead.createdAt)
        for change in changes {
            result.append((current.stage, current.enter, max(change.at, current.enter)))
            current = (change.to, max(change.at, current.enter))
        }
        if changes.isEmpty && lead.stage != current.stage {
            current.stage = lead.stage   // no history recorded: the current stage since creation
        }
        result.append((current.stage, current.enter, nil))
        return result
    }

    /// When the lead entered a won stage (the last time), if it did.
    public func closedAt(_ lead: Lead) -> Instant? {
        visits(lead).last { scope.pipeline.stage(named: $0.stage)?.isWon == true }?.enter
    }

    /// The first qualifying outbound touch at or after `createdAt` and by `asOf`: an outbound
    /// chat, email or call by a dealer (and by the system when ``LeadReportScope/countsAutomatedTouches``).
    public func firstResponse(_ lead: Lead) -> Instant? {
        lead.activities.timeline.first { activity in
            activity.kind.isOutboundTouch && activity.at >= lead.createdAt && activity.at <= scope.asOf
                && (activity.actor == .dealer || (scope.countsAutomatedTouches && activity.actor == .system))
        }?.at
    }

    // MARK: - Conversion

    /// A segmentation of leads.
    public enum Segment: String, Sendable, Hashable, CaseIterable {
        /// The lead's original source (first touch, `LeadSource.text`).
        case source
        /// The salesperson currently assigned (``Lead/assignedTo``; for a won lead that is the
        /// owner at the time of sale as the host keeps it), `unassigned` when none.
        case salesperson
        /// The primary vehicle's ``VehicleOfInterest/vehicleType``, `unknown` when none.
        case vehicleType
    }

    /// The segment key of a lead.
    public func key(_ lead: Lead, _ segment: Segment) -> String {
        switch segment {
        case .source: return lead.source.text
        case .salesperson: return lead.assignedTo ?? "unassigned"
        case .vehicleType: return lead.primaryVehicle?.vehicleType ?? "unknown"
        }
    }

    /// One row of a conversion report.
    public struct ConversionRow: Sendable, Hashable {
        /// The segment (a source, salesperson or vehicle type; `all` for the total row).
        public var key: String
        /// Leads in the segment.
        public var leads: Int
        /// Won leads.
        public var won: Int
        /// Lost leads.
        public var lost: Int
        /// Open leads.
        public var open: Int
        /// Lead→sale conversion (close rate) = `won / N` over the cohort (Documentation/Reference/Leads.md).
        public var conversion: LeadRatio
        /// Win rate = `won / (won + lost)`; open leads excluded (Documentation/Reference/Leads.md).
        public var winRate: LeadRatio
    }

    /// Conversion by segment, keys in ascending order, plus a final row `"all"`.
    ///
    /// Definitions (Documentation/Reference/Leads.md): conversion = `won / N`, `N` = unique valid leads of the cohort;
    /// win rate = `won / (won + lost)`.
    public func conversion(by segment: Segment) -> [ConversionRow] {
        var groups: [String: [Lead]] = [:]
        for lead in cohort { groups[key(lead, segment), default: []].append(lead) }
        return groups.keys.sorted().map { row($0, groups[$0]!) } + [row("all", cohort)]
    }

    func row(_ key: String, _ leads: [Lead]) -> ConversionRow {
        let outcomes = leads.map(outcome)
        let won = outcomes.filter { $0 == .won }.count, lost = outcomes.filter { $0 == .lost }.count
        return ConversionRow(key: key, leads: leads.count, won: won, lost: lost, open: leads.count - won - lost,
                             conversion: LeadRatio(Int128(won), Int128(leads.count)), winRate: LeadRatio(Int128(won), Int128(won + lost)))
    }

    // MARK: - Funnel

    /// One funnel stage.
    public struct FunnelRow: Sendable, Hashable {
        /// The stage's name.
        public var stage: String
        /// `R_i`: leads that ever reached the stage.
        public var reached: Int
        /// `c_i = R_{i+1} / R_i` (nil for the last stage).
        public var conversionToNext: LeadRatio?
        /// `d_i = 1 − c_i`.
        public var dropOff: LeadRatio?
    }

    /// The funnel over the non-lost stages in pipeline order (open stages, then won).
    ///
    /// Definitions (Documentation/Reference/Leads.md): `R_i` = leads that **ever reached** stage i, from stage
    /// history, not "currently in"; skipped stages count as reached (a lead that jumps
    /// New → Test Drive reached Contacted and Qualified); `c_i = R_{i+1} / R_i`,
    /// `d_i = 1 − c_i`, overall `R_last / R_first = Π c_i`.
    public func funnel() -> [FunnelRow] {
        let stages = scope.pipeline.stages.filter { !$0.isLost }.map(\.name)
        var reached = Array(repeating: 0, count: stages.count)
        for lead in cohort {
            let furthest = visits(lead).compactMap { stages.firstIndex(of: $0.stage) }.max() ?? 0
            for index in 0...furthest { reached[index] += 1 }
        }
        return stages.indices.map { index in
            let next: LeadRatio? = index + 1 < stages.count ? LeadRatio(Int128(reached[index + 1]), Int128(reached[index])) : nil
            return FunnelRow(stage: stages[index], reached: reached[index], conversionToNext: next,
                             dropOff: next.map { LeadRatio($0.denominator - $0.numerator, $0.denominator) })
        }
    }

    // MARK: - Response time

    /// First-response statistics.
    public struct ResponseStatistics: Sendable, Hashable {
        /// `N`: leads in the group.
        public var leads: Int
        /// Leads with a response by `asOf`.
        public var responded: Int
        /// Mean response time in seconds over responded leads.
        public var meanSeconds: LeadRatio
        /// Median in seconds (mean of the two middle values for an even count).
        public var medianSeconds: LeadRatio
        /// p90 in seconds, nearest rank: the ⌈0.9·n⌉-th smallest.
        public var p90Seconds: Int?
        /// Speed-to-lead SLA attainment = `#(responded within T) / N`; un-responded leads are misses.
        public var withinTarget: LeadRatio
        /// `#(never responded as of asOf) / N`.
        public var noResponse: LeadRatio
    }

    /// Response times of a group of leads.
    ///
    /// Definitions (Documentation/Reference/Leads.md): first response time = `t(first qualifying outbound touch) −
    /// t(lead received)` (wall clock; auto-responders excluded unless the scope counts them);
    /// average/median over leads **with** a response, p90 as well; SLA attainment =
    /// `#(responded within T) / N` with T = ``LeadReportScope/responseTargetSeconds``, misses
    /// include un-responded leads; no-response rate = `#(never responded as of asOf) / N`.
    public func responseStatistics(_ leads: [Lead]? = nil) -> ResponseStatistics {
        let group = leads ?? cohort
        let times = group.compactMap { lead in firstResponse(lead).map { lead.createdAt.seconds(until: $0) } }.sorted()
        let n = times.count
        let median: LeadRatio = n == 0 ? LeadRatio(0, 0) : n % 2 == 1 ? LeadRatio(Int128(times[n / 2]), 1) : LeadRatio(Int128(times[n / 2 - 1] + times[n / 2]), 2)
        let rank = (9 * n + 9) / 10   // ⌈0.9 n⌉
        return ResponseStatistics(leads: group.count, responded: n,
                                  meanSeconds: LeadRatio(Int128(times.reduce(0, +)), Int128(n)),
                                  medianSeconds: median,
                                  p90Seconds: n == 0 ? nil : times[rank - 1],
                                  withinTarget: LeadRatio(Int128(times.filter { $0 <= scope.responseTargetSeconds }.count), Int128(group.count)),
                                  noResponse: LeadRatio(Int128(group.count - n), Int128(group.count)))
    }

    // MARK: - Time in stage

    /// Time in one stage.
    public struct StageTimeRow: Sendable, Hashable {
        /// The stage's name.
        public var stage: String
        /// Completed visits and their total seconds.
        public var completedVisits: Int
        /// Seconds spent in completed visits.
        public var completedSeconds: Int
        /// Open visits (exit = `asOf`, *censored*) and their seconds so far.
        public var censoredVisits: Int
        /// Seconds spent so far in open visits.
        public var censoredSeconds: Int
        /// Mean over completed visits.
        public var meanCompletedSeconds: LeadRatio { LeadRatio(Int128(completedSeconds), Int128(completedVisits)) }
        /// Mean including censored visits.
        public var meanAllSeconds: LeadRatio { LeadRatio(Int128(completedSeconds + censoredSeconds), Int128(completedVisits + censoredVisits)) }
    }

    /// Time in stage for every stage (terminal stages are not timed).
    ///
    /// Definition (Documentation/Reference/Leads.md): for each visit to stage s, `exit − enter`, summed over
    /// re-entries; an open visit uses `asOf` as exit and is flagged censored; the average is
    /// the mean over completed visits, and separately including censored ones. This is also
    /// the dealer CRM's "pipeline velocity = time in stage".
    public func timeInStage() -> [StageTimeRow] {
        var rows = scope.pipeline.stages.filter { !$0.isTerminal }.map { StageTimeRow(stage: $0.name, completedVisits: 0, completedSeconds: 0, censoredVisits: 0, censoredSeconds: 0) }
        for lead in cohort {
            for visit in visits(lead) {
                guard let index = rows.firstIndex(where: { $0.stage == visit.stage }) else { continue }
                if let exit = visit.exit {
                    rows[index].completedVisits += 1
                    rows[index].completedSeconds += visit.enter.seconds(until: exit)
                } else {
                    rows[index].censoredVisits += 1
                    rows[index].censoredSeconds += max(0, visit.enter.seconds(until: scope.asOf))
                }
            }
        }
        return rows
    }

    // MARK: - Velocity

    /// Pipeline (sales) velocity and its inputs.
    public struct Velocity: Sendable, Hashable {
        /// Open leads at or past the qualified stage.
        public var openQualified: Int
        /// `won / (won + lost)`.
        public var winRate: LeadRatio
        /// Total and count of won deal values (``Conversion/finalPrice``).
        public var wonValueTotal: ExactDecimal
        /// Won leads with a deal value.
        public var wonWithValue: Int
        /// Total sales-cycle seconds over won leads (`closedAt − createdAt`) and their count.
        public var cycleSecondsTotal: Int
        /// Won leads with a sales cycle.
        public var wonWithCycle: Int
        /// `V` in currency per day, rounded half-up to cents; nil when undefined (no wins).
        public var perDay: ExactDecimal?
    }

    /// Pipeline velocity.
    ///
    /// Definition (Documentation/Reference/Leads.md): `V = (open qualified opportunities × win rate × average won
    /// deal value) / average sales cycle length (days)`; sales cycle = `closedAt − createdAt`
    /// for won leads. Exact until the final rounding to cents (half away from zero).
    ///
    /// ```swift
    /// try analytics.velocity().perDay   // e.g. 1234.56
    /// ```
    /// - Throws: ``LeadError/invalidValue(_:)`` when the won leads' final prices, or the
    ///   velocity's exact numerator or denominator, do not fit 128 bits.
    public func velocity() throws(LeadError) -> Velocity {
        let threshold = scope.pipeline.index(of: scope.qualifiedStage) ?? 0
        let openQualified = cohort.filter { outcome($0) == .open && (scope.pipeline.index(of: $0.stage) ?? -1) >= threshold }.count
        let won = cohort.filter { outcome($0) == .won }
        let lost = cohort.filter { outcome($0) == .lost }.count
        var total = ExactDecimal.zero
        var withValue = 0
        for lead in won {
            if let price = lead.conversion?.finalPrice {
                do { total = try total + price; withValue += 1 } catch {
                    throw LeadError.invalidValue("conversion.finalPrice: the final prices of the won leads do not fit a decimal of 38 digits (\(total) + \(price))")
                }
            }
        }
        let cycles = won.compactMap { lead in closedAt(lead).map { lead.createdAt.seconds(until: $0) } }
        let cycleTotal = cycles.reduce(0, +)
        var perDay: ExactDecimal? = nil
        // V = open × (won/(won+lost)) × (total/withValue) / ((cycleTotal/cycles)/86400)
        //   = open × won × total × cycles × 86400 / ((won+lost) × withValue × cycleTotal)
        if won.count > 0, withValue > 0, cycleTotal > 0 {
            let numerator = Self.product([Int128(openQualified), Int128(won.count), total.coefficient, Int128(cycles.count), 86_400])
            let denominator = Self.product([Int128(won.count + lost), Int128(withValue), Int128(cycleTotal)] + Array(repeating: 10, count: total.scale))
            guard let numerator, let denominator else {
                throw LeadError.invalidValue("velocity: open × won × won value × cycles (or its divisor) does not fit 128 bits; the won leads' final prices total \(total)")
            }
            perDay = try Self.decimal(LeadRatio(numerator, denominator), "velocity per day")
        } else if won.count > 0, withValue > 0, cycleTotal == 0, openQualified == 0 {
            perDay = .zero
        }
        return Velocity(openQualified: openQualified, winRate: LeadRatio(Int128(won.count), Int128(won.count + lost)),
                        wonValueTotal: total, wonWithValue: withValue, cycleSecondsTotal: cycleTotal, wonWithCycle: cycles.count, perDay: perDay)
    }

    /// The product, or nil on Int128 overflow (never traps).
    static func product(_ factors: [Int128]) -> Int128? {
        var result: Int128 = 1
        for factor in factors {
            let (next, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = next
        }
        return result
    }

    // MARK: - Sources

    /// One source's numbers.
    public struct SourceRow: Sendable, Hashable {
        /// The source (the lead's original source).
        public var source: String
        /// Leads from the source.
        public var leads: Int
        /// Won leads from the source.
        public var won: Int
        /// won / leads.
        public var conversion: LeadRatio
        /// Spend on the source in the window (input), nil when not supplied.
        public var spend: ExactDecimal?
        /// Gross profit of the source's won leads (input per lead; missing = 0).
        public var grossProfit: ExactDecimal
        /// Cost per lead = `spend / N`; cost per sale = `spend / won` (Documentation/Reference/Leads.md), in cents.
        public var costPerLead: ExactDecimal?
        /// spend / won, in cents; nil without spend or wins.
        public var costPerSale: ExactDecimal?
        /// ROI = `(gross profit − spend) / spend` as a ratio of cents.
        public var roi: LeadRatio?
        /// First-response statistics of the source's leads.
        public var response: ResponseStatistics
    }

    /// Source analysis and source ROI.
    ///
    /// Definitions (Documentation/Reference/Leads.md): cost per lead `spend_source / N_source`, cost per sale
    /// `spend_source / won_source`, ROI `(gross profit from won leads of the source −
    /// spend_source) / spend_source`; spend is an input; attribution = the lead's original
    /// source (first touch).
    ///
    /// - Parameters:
    ///   - spend: spend per source text (``LeadSource/text``).
    ///   - grossProfit: gross profit per won lead id.
    /// - Throws: ``LeadError/invalidValue(_:)`` when a source's gross profit, or a spend or
    ///   gross profit in cents, does not fit a decimal of 38 digits.
    public func sources(spend: [String: ExactDecimal] = [:], grossProfit: [String: ExactDecimal] = [:]) throws(LeadError) -> [SourceRow] {
        var groups: [String: [Lead]] = [:]
        for lead in cohort { groups[lead.source.text, default: []].append(lead) }
        for source in spend.keys where groups[source] == nil { groups[source] = [] }
        return try groups.keys.sorted().map { (source) throws(LeadError) -> SourceRow in
            let leads = groups[source]!
            let won = leads.filter { outcome($0) == .won }
            var profit = ExactDecimal.zero
            for lead in won {
                guard let value = grossProfit[lead.id] else { continue }
                do { profit = try profit + value } catch {
                    throw LeadError.invalidValue("grossProfit: the gross profit of the won leads of source \(source) does not fit a decimal of 38 digits (\(profit) + \(value))")
                }
            }
            let cost = spend[source]
            let costCents = try cost.map { (value) throws(LeadError) in try Self.cents(value, "spend of source \(source)") }
            /// Cents per item as currency: nil for no items (undefined), an error if unrepresentable.
            func money(_ cents: Int128, per count: Int, _ what: String) throws(LeadError) -> ExactDecimal? {
                count == 0 ? nil : try Self.decimal(LeadRatio(cents, Int128(count) * 100), "\(what) of source \(source)")
            }
            var roi: LeadRatio? = nil
            if let spent = costCents {
                let (gain, overflow) = try Self.cents(profit, "gross profit of source \(source)").subtractingReportingOverflow(spent)
                guard !overflow else {
                    throw LeadError.invalidValue("grossProfit: gross profit \(profit) minus spend \(cost!) of source \(source) does not fit 128 bits")
                }
                roi = LeadRatio(gain, spent)
            }
            return SourceRow(source: source, leads: leads.count, won: won.count, conversion: LeadRatio(Int128(won.count), Int128(leads.count)),
                             spend: cost, grossProfit: profit,
                             costPerLead: try costCents.flatMap { (spent) throws(LeadError) in try money(spent, per: leads.count, "cost per lead") },
                             costPerSale: try costCents.flatMap { (spent) throws(LeadError) in try money(spent, per: won.count, "cost per sale") },
                             roi: roi, response: responseStatistics(leads))
        }
    }

    /// A ratio as a decimal rounded half away from zero to 2 places.
    ///
    /// ```swift
    /// try LeadAnalytics.decimal(LeadRatio(1, 3), "share")   // 0.33
    /// ```
    /// - Throws: ``LeadError/invalidValue(_:)`` naming `what` when the ratio times 100 does
    ///   not fit 128 bits or the result a decimal of 38 digits.
    static func decimal(_ ratio: LeadRatio, _ what: @autoclosure () -> String) throws(LeadError) -> ExactDecimal {
        let text = ratio.decimal(places: 2)
        do { return try ExactDecimal(parsing: text) } catch {
            throw LeadError.invalidValue("\(what()): \(ratio.numerator)/\(ratio.denominator) does not fit a decimal of 38 digits (\(text))")
        }
    }

    /// Whole cents of an amount (digits beyond the cents dropped, toward zero).
    ///
    /// ```swift
    /// try LeadAnalytics.cents(ExactDecimal(12), "spend")   // 1200
    /// ```
    /// - Throws: ``LeadError/invalidValue(_:)`` naming `what` when the cents do not fit 128 bits.
    static func cents(_ value: ExactDecimal, _ what: @autoclosure () -> String) throws(LeadError) -> Int128 {
        var c = value.coefficient
        var scale = value.scale
        while scale < 2 {
            guard let next = Self.product([c, 10]) else {
                throw LeadError.invalidValue("\(what()): \(value) in cents does not fit 128 bits")
            }
            c = next
            scale += 1
        }
        while scale > 2 { c /= 10; scale -= 1 }
        return c
    }

    // MARK: - Operational reports

    /// A hot-sheet entry.
    public struct HotSheetRow: Sendable, Hashable {
        /// The lead's id.
        public var leadID: String
        /// The customer's name as shown.
        public var name: String
        /// The lead's stage.
        public var stage: String
        /// The lead's score, when scored.
        public var score: Int?
        /// Seconds since the lead was created.
        public var ageSeconds: Int
        /// Whether the lead's band is Hot.
        public var hot: Bool
        /// Whether an appointment is set for today.
        public var appointmentToday: Bool
        /// Whether a follow-up is overdue.
        public var overdueFollowUp: Bool
        /// The assigned salesperson, when any.
        public var assignedTo: String?
    }

    /// The daily hot sheet over **all** open leads given (not only the cohort: it is an
    /// operational list at `asOf`, excluded ids still left out).
    ///
    /// Definition (Documentation/Reference/Leads.md): leads with band Hot (stored ``Lead/priority`` `.hot`, or stored
    /// ``Lead/score`` ≥ 60 per Documentation/Leads.md), or an appointment today (scheduled on `asOf`'s calendar day
    /// in the dealer time zone), or an overdue follow-up (due `< asOf`, not done); sorted by
    /// score descending (no score last), then age descending, then id.
    public static func hotSheet(_ leads: [Lead], scope: LeadReportScope) -> [HotSheetRow] {
        let today = scope.timeZone.local(scope.asOf).date
        // The lead is read field by field through a pointer into the array's storage: binding
        // the whole `Lead` would copy it (and retain every field). Open = `outcome(_:) == .open`.
        func row(_ lead: UnsafePointer<Lead>) -> HotSheetRow? {
            guard scope.excludedIDs.isEmpty || !scope.excludedIDs.contains(lead.pointee.id), lead.pointee.createdAt <= scope.asOf else { return nil }
            if let stage = scope.pipeline.stage(named: lead.pointee.stage), stage.isWon || stage.isLost { return nil }
            let hot = lead.pointee.priority == .hot || (lead.pointee.score ?? 0) >= 60
            let appointment = lead.pointee.activities.timeline.contains { activity in
                if case .appointment(let at, _) = activity.kind, activity.at <= scope.asOf {
                    // Local offsets differ by at most an hour: more than 25 h apart is never the same local day.
                    guard abs(at.seconds(until: scope.asOf)) < 90_000 else { return false }
                    return scope.timeZone.local(at).date == today
                }
                return false
            }
            let overdue = lead.pointee.followUps.contains { !$0.done && $0.due < scope.asOf }
            guard hot || appointment || overdue else { return nil }
            return HotSheetRow(leadID: lead.pointee.id, name: lead.pointee.contact.fullName, stage: lead.pointee.stage, score: lead.pointee.score,
                               ageSeconds: lead.pointee.createdAt.seconds(until: scope.asOf), hot: hot, appointmentToday: appointment,
                               overdueFollowUp: overdue, assignedTo: lead.pointee.assignedTo)
        }
        // Through the buffer: each lead is read in place.
        var rows: [HotSheetRow] = []
        leads.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for index in buffer.indices { if let entry = row(base + index) { rows.append(entry) } }
        }
        return rows.sorted { a, b in
            if (a.score ?? -1) != (b.score ?? -1) { return (a.score ?? -1) > (b.score ?? -1) }
            if a.ageSeconds != b.ageSeconds { return a.ageSeconds > b.ageSeconds }
            return a.leadID < b.leadID
        }
    }

    /// Lead-age buckets of the pipeline-by-age report (Documentation/Reference/Leads.md "Lead age").
    public static let ageBuckets = ["0-1d", "2-7d", "8-30d", ">30d"]

    /// The age bucket of `asOf − createdAt` in whole days (floor): 0–1, 2–7, 8–30, > 30.
    public static func ageBucket(seconds: Int) -> Int {
        let days = seconds >= 0 ? seconds / 86_400 : -1
        return days <= 1 ? 0 : days <= 7 ? 1 : days <= 30 ? 2 : 3
    }

    /// Pipeline by stage and age: for every stage, the cohort's leads currently in it by age bucket.
    public func pipelineByStageAndAge() -> [(stage: String, counts: [Int])] {
        scope.pipeline.stages.map { stage in
            var counts = [0, 0, 0, 0]
            for lead in cohort where lead.stage == stage.name {
                counts[Self.ageBucket(seconds: lead.createdAt.seconds(until: scope.asOf))] += 1
            }
            return (stage.name, counts)
        }
    }

    /// Team performance: per salesperson, conversion and response.
    public func teamPerformance() -> [(row: ConversionRow, response: ResponseStatistics)] {
        var groups: [String: [Lead]] = [:]
        for lead in cohort { groups[key(lead, .salesperson), default: []].append(lead) }
        return groups.keys.sorted().map { (row($0, groups[$0]!), responseStatistics(groups[$0]!)) }
    }
}
