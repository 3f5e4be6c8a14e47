// DealFinance — DealLeadsTests: lead metrics (Documentation/Reference/Leads.md) against a deliberately simple oracle.

import Testing
import DealDecimal
import DealEngine
import _DealTestSupport
@testable import DealLeads

/// What the generator decided for one lead: the oracle computes every metric from this,
/// never from the lead's activity log.
struct LeadTruth {
    var id: String
    var created: Int
    var source: String
    var owner: String
    var vehicleType: String
    var path: [(stage: String, at: Int)]   // stage visits, first = New at created
    var outcome: String                   // won / lost / open
    var response: Int?                    // seconds after created of the first dealer touch
    var price: Int?                       // whole dollars, won only
    var excluded: Bool
    var inWindow: Bool
}

let funnelStages = ["New", "Contacted", "Qualified", "Test Drive", "Negotiation", "Closed Won"]
let day = 86_400
let base = 1_800_000_000   // 2027-01-15T08:00:00Z

/// ≥ 200 generated leads with a seeded generator.
func generatedLeads(count: Int = 240) -> (leads: [Lead], truth: [LeadTruth]) {
    var state: UInt64 = 20261123
    func next(_ bound: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(bound)) }
    var leads: [Lead] = [], truths: [LeadTruth] = []
    let sources: [LeadSource] = [.dealerWebsite, .phone, .chat, .paymentEstimator, .custom("Facebook")]
    for index in 0..<count {
        let created = base + next(40) * day + next(day) - 5 * day   // some before the window
        let id = "G\(index)"
        var lead = Lead(id: id, contact: Contact(firstName: "F\(index)", lastName: "L"), createdAt: Instant(secondsSinceEpoch: created), source: sources[next(sources.count)])
        lead.assignedTo = ["ann", "bob", "cy", nil][next(4)]
        lead.vehicles = [VehicleOfInterest(make: "M", model: "X", vehicleType: ["suv", "truck", "sedan", nil][next(4)], isPrimary: true)]
        var truth = LeadTruth(id: id, created: created, source: lead.source.text, owner: lead.assignedTo ?? "unassigned",
                              vehicleType: lead.vehicles[0].vehicleType ?? "unknown", path: [("New", created)], outcome: "open",
                              response: nil, price: nil, excluded: index % 17 == 0, inWindow: created >= base)
        // First response: a system auto-reply sometimes, then a dealer touch (or none).
        if next(3) == 0 { lead.record(Activity(id: "\(id)-auto", at: Instant(secondsSinceEpoch: created + 1), actor: .system, kind: .email(.outbound, subject: "Thanks"))) }
        if next(6) != 0 {
            let delay = [0, 60, 240, 300, 301, 900, 7200, 90_000][next(8)] + next(2)
            truth.response = delay
            lead.record(Activity(id: "\(id)-r", at: Instant(secondsSinceEpoch: created + delay), actor: .dealer, kind: [ActivityKind.call(.outbound, durationSeconds: 60, outcome: .connected), .email(.outbound, subject: nil), .chat(.outbound, text: "hi")][next(3)]))
        }
        // Stage path: forward with an occasional skip or step back, then maybe a terminal stage.
        var t = created
        var position = 0
        for _ in 0..<next(6) {
            t += 3600 + next(3 * day)
            var target = min(4, position + 1 + (next(5) == 0 ? 1 : 0))
            if next(7) == 0 && position > 1 { target = position - 1 }
            if target == position || t >= base + 40 * day { continue }   // history stays before asOf
            lead = try! SalesPipeline(stages: SalesPipeline.standard.stages, allowsReopening: false).transition(lead, to: funnelStages[target], actor: .dealer, at: Instant(secondsSinceEpoch: t))
            truth.path.append((funnelStages[target], t))
            position = target
        }
        switch t + 2 * day >= base + 40 * day ? 3 : next(4) {
        case 0:
            t += 3600 + next(day)
            lead = try! SalesPipeline.standard.transition(lead, to: "Closed Won", actor: .dealer, at: Instant(secondsSinceEpoch: t))
            truth.path.append(("Closed Won", t)); truth.outcome = "won"
            truth.price = 15_000 + next(30_000)
            lead.conversion = Conversion(soldVehicle: lead.vehicles[0], finalPrice: try! ExactDecimal(parsing: "\(truth.price!).00"), financingType: .finance)
        case 1:
            t += 3600 + next(day)
            lead = try! SalesPipeline.standard.transition(lead, to: "Closed Lost", actor: .dealer, at: Instant(secondsSinceEpoch: t), reason: .price)
            truth.path.append(("Closed Lost", t)); truth.outcome = "lost"
        default: break
        }
        lead.score = next(101)
        if next(5) == 0 { lead.followUps = [FollowUp(due: Instant(secondsSinceEpoch: base + 40 * day - 3600 + next(7200)), done: next(2) == 0)] }
        if next(6) == 0 { lead.record(Activity(id: "\(id)-ap", at: Instant(secondsSinceEpoch: created), actor: .dealer, kind: .appointment(scheduledFor: Instant(secondsSinceEpoch: base + 40 * day + next(2 * day) - day), note: nil))) }
        leads.append(lead)
        truths.append(truth)
    }
    return (leads, truths)
}

let asOfSeconds = base + 40 * day
func scope(_ truths: [LeadTruth]) -> LeadReportScope {
    LeadReportScope(from: Instant(secondsSinceEpoch: base), to: Instant(secondsSinceEpoch: base + 40 * day), asOf: Instant(secondsSinceEpoch: asOfSeconds),
                    excludedIDs: Set(truths.filter(\.excluded).map(\.id)))
}

/// a/b == c/d, with 0/0 only equal to 0/0.
func same(_ ratio: LeadRatio, _ numerator: Int, _ denominator: Int) -> Bool {
    if denominator == 0 || ratio.denominator == 0 { return denominator == 0 && ratio.denominator == 0 }
    return ratio.numerator * Int128(denominator) == Int128(numerator) * ratio.denominator
}

@Suite("Lead analytics against a simple oracle (240 generated leads)")
struct AnalyticsOracleTests {
    let data = generatedLeads()
    var cohort: [LeadTruth] { data.truth.filter { $0.inWindow && !$0.excluded } }
    var analytics: LeadAnalytics { LeadAnalytics(data.leads, scope: scope(data.truth)) }

    @Test func population() {
        #expect(data.leads.count >= 200)
        #expect(analytics.cohort.count == cohort.count)
        #expect(analytics.excludedCount == data.truth.filter { $0.inWindow && $0.excluded }.count)
        #expect(cohort.count > 150)
    }

    @Test(arguments: LeadAnalytics.Segment.allCases)
    func conversionBySegment(segment: LeadAnalytics.Segment) {
        let rows = analytics.conversion(by: segment)
        func key(_ t: LeadTruth) -> String { segment == .source ? t.source : segment == .salesperson ? t.owner : t.vehicleType }
        let keys = Set(cohort.map(key)).sorted()
        #expect(rows.map(\.key) == keys + ["all"])
        for row in rows {
            let members = row.key == "all" ? cohort : cohort.filter { key($0) == row.key }
            let won = members.filter { $0.outcome == "won" }.count
            let lost = members.filter { $0.outcome == "lost" }.count
            #expect(row.leads == members.count && row.won == won && row.lost == lost)
            #expect(same(row.conversion, won, members.count))
            #expect(same(row.winRate, won, won + lost))
        }
    }

    @Test func funnel() {
        let rows = analytics.funnel()
        #expect(rows.map(\.stage) == funnelStages)
        var reached = Array(repeating: 0, count: funnelStages.count)
        for t in cohort {
            var furthest = 0
            for visit in t.path { if let i = funnelStages.firstIndex(of: visit.stage), i > furthest { furthest = i } }
            for i in 0...furthest { reached[i] += 1 }
        }
        for (i, row) in rows.enumerated() {
            #expect(row.reached == reached[i])
            if i + 1 < reached.count {
                #expect(same(row.conversionToNext!, reached[i + 1], reached[i]))
                #expect(same(row.dropOff!, reached[i] - reached[i + 1], reached[i]))
            }
        }
    }

    @Test func responseTimes() {
        let stats = analytics.responseStatistics()
        let times = cohort.compactMap(\.response).sorted()
        #expect(stats.responded == times.count)
        #expect(same(stats.meanSeconds, times.reduce(0, +), times.count))
        let middle = times.count / 2
        if times.count % 2 == 1 { #expect(same(stats.medianSeconds, times[middle], 1)) } else { #expect(same(stats.medianSeconds, times[middle - 1] + times[middle], 2)) }
        var rank = 0
        while rank * 10 < 9 * times.count { rank += 1 }
        #expect(stats.p90Seconds == times[rank - 1])
        #expect(same(stats.withinTarget, cohort.filter { ($0.response ?? Int.max) <= 300 }.count, cohort.count))
        #expect(same(stats.noResponse, cohort.filter { $0.response == nil }.count, cohort.count))
    }

    @Test func timeInStage() {
        for row in analytics.timeInStage() {
            var completed = 0, completedSeconds = 0, censored = 0, censoredSeconds = 0
            for t in cohort {
                for (i, visit) in t.path.enumerated() where visit.stage == row.stage {
                    if i + 1 < t.path.count { completed += 1; completedSeconds += t.path[i + 1].at - visit.at } else { censored += 1; censoredSeconds += asOfSeconds - visit.at }
                }
            }
            #expect(row.completedVisits == completed && row.completedSeconds == completedSeconds, "\(row.stage)")
            #expect(row.censoredVisits == censored && row.censoredSeconds == censoredSeconds, "\(row.stage)")
        }
    }

    @Test func velocity() throws {
        let v = try analytics.velocity()
        let won = cohort.filter { $0.outcome == "won" }
        let lost = cohort.filter { $0.outcome == "lost" }.count
        let open = cohort.filter { t in t.outcome == "open" && funnelStages.firstIndex(of: t.path.last!.stage)! >= 2 }.count
        let winRate = Double(won.count) / Double(won.count + lost)
        let averageValue = Double(won.map { $0.price! }.reduce(0, +)) / Double(won.count)
        let averageCycleDays = Double(won.map { $0.path.last!.at - $0.created }.reduce(0, +)) / Double(won.count) / 86_400
        let expected = Double(open) * winRate * averageValue / averageCycleDays
        #expect(v.openQualified == open)
        let computed = Double(v.perDay!.description)!
        #expect(abs(computed - expected) <= 0.005 + expected * 1e-12, "\(computed) vs \(expected)")
    }

    @Test("A source's gross profit or spend too large for its sums is an error, not a dropped amount")
    func sourceOverflowThrows() throws {
        let won = cohort.filter { $0.outcome == "won" }
        let source = try #require(won.first).source
        let ids = won.filter { $0.source == source }.map(\.id)
        let huge = try ExactDecimal(parsing: "99999999999999999999999999999999999999")
        if ids.count >= 2 {
            #expect(throws: LeadError.self) { try analytics.sources(grossProfit: [ids[0]: huge, ids[1]: huge]) }
        }
        #expect(throws: LeadError.self) { try analytics.sources(spend: [source: huge]) }
    }

    @Test("A gross profit minus spend beyond 128 bits is an error, not a trap")
    func sourceROIOverflowThrows() throws {
        let won = cohort.filter { $0.outcome == "won" }
        let lead = try #require(won.first)
        let large = try ExactDecimal(parsing: "1700000000000000000000000000000000000")   // 1.7e36: its cents fit Int128
        let negative = try ExactDecimal(parsing: "-1700000000000000000000000000000000000")
        #expect(throws: LeadError.self) { try analytics.sources(spend: [lead.source: large], grossProfit: [lead.id: negative]) }
        // The same magnitudes with room to spare are computed.
        let rows = try analytics.sources(spend: [lead.source: large], grossProfit: [lead.id: large])
        #expect(rows.first { $0.source == lead.source }?.roi != nil)
    }

    @Test("Won prices whose total does not fit a decimal make velocity an error, not nil")
    func velocityOverflowThrows() throws {
        var leads = data.leads
        let huge = try ExactDecimal(parsing: "99999999999999999999999999999999999999")
        let wonInCohort = Set(cohort.filter { $0.outcome == "won" }.map(\.id))
        var changed = 0
        for index in leads.indices where wonInCohort.contains(leads[index].id) && changed < 2 {
            leads[index].conversion?.finalPrice = huge
            changed += 1
        }
        try #require(changed == 2)
        let analytics = LeadAnalytics(leads, scope: scope(data.truth))
        #expect(throws: LeadError.self) { try analytics.velocity() }
    }

    @Test func sourceROI() throws {
        let spend: [String: ExactDecimal] = ["phone": ExactDecimal(1200), "dealerWebsite": try! ExactDecimal(parsing: "2500.50"), "referral": ExactDecimal(100)]
        let profit = Dictionary(uniqueKeysWithValues: cohort.filter { $0.outcome == "won" }.map { ($0.id, ExactDecimal($0.price! / 10)) })
        let rows = try analytics.sources(spend: spend, grossProfit: profit)
        #expect(rows.map(\.source) == Set(cohort.map(\.source) + ["referral"]).sorted())
        for row in rows {
            let members = cohort.filter { $0.source == row.source }
            let won = members.filter { $0.outcome == "won" }
            let profitCents = won.map { $0.price! / 10 * 100 }.reduce(0, +)
            #expect(row.leads == members.count && row.won == won.count)
            guard let cost = spend[row.source] else { #expect(row.roi == nil && row.costPerLead == nil); continue }
            let costCents = Int(cost.coefficient) * (cost.scale == 2 ? 1 : 100)
            #expect(same(row.roi!, profitCents - costCents, costCents))
            if members.isEmpty { #expect(row.costPerLead == nil) } else {
                #expect(abs(Double(row.costPerLead!.description)! - Double(costCents) / 100 / Double(members.count)) <= 0.005)
            }
        }
    }

    @Test func hotSheetAndAges() {
        let s = scope(data.truth)
        let sheet = LeadAnalytics.hotSheet(data.leads, scope: s)
        let today = (asOfSeconds / day)
        var expected: [String] = []
        for (lead, t) in zip(data.leads, data.truth) where !t.excluded && t.outcome == "open" {
            let hot = (lead.score ?? 0) >= 60
            let overdue = lead.followUps.contains { !$0.done && $0.due.secondsSinceEpoch < asOfSeconds }
            let appointment = lead.activities.timeline.contains { if case .appointment(let at, _) = $0.kind { return at.secondsSinceEpoch / day == today } else { return false } }
            if hot || overdue || appointment { expected.append(lead.id) }
        }
        #expect(Set(sheet.map(\.leadID)) == Set(expected))
        for (a, b) in zip(sheet, sheet.dropFirst()) {
            #expect((a.score ?? -1) > (b.score ?? -1) || ((a.score ?? -1) == (b.score ?? -1) && a.ageSeconds >= b.ageSeconds))
        }
        let table = analytics.pipelineByStageAndAge()
        #expect(table.map { $0.counts.reduce(0, +) }.reduce(0, +) == cohort.count)
        for row in table {
            let members = cohort.filter { $0.path.last!.stage == row.stage }
            let buckets = [0, 1, 2, 3].map { b in members.filter { t in let d = (asOfSeconds - t.created) / day; return (d <= 1 ? 0 : d <= 7 ? 1 : d <= 30 ? 2 : 3) == b }.count }
            #expect(row.counts == buckets, "\(row.stage)")
        }
        let team = analytics.teamPerformance()
        #expect(team.map(\.row.key) == Set(cohort.map(\.owner)).sorted())
        #expect(team.map(\.row.leads).reduce(0, +) == cohort.count)
    }
}

@Suite("Lead analytics: Documentation/Reference/Leads.md worked example")
struct AnalyticsWorkedExampleTests {
    /// The 8 leads of Documentation/Reference/Leads.md "Worked example" (minutes from a common origin).
    static func leads() -> [Lead] {
        let rows: [(LeadSource, Int, Int?, String, String?)] = [
            (.dealerWebsite, 0, 3, "Closed Won", nil), (.dealerWebsite, 10, 14, "Negotiation", "lost"), (.dealerWebsite, 20, 65, "Contacted", "lost"),
            (.phone, 30, 30, "Test Drive", nil), (.phone, 40, 42, "Closed Won", nil), (.chat, 50, nil, "New", nil),
            (.chat, 60, 62, "Qualified", "lost"), (.dealerWebsite, 70, 170, "Contacted", nil),
        ]
        return rows.enumerated().map { index, row in
            let created = Instant(secondsSinceEpoch: base + row.1 * 60)
            var lead = Lead(id: "\(index + 1)", createdAt: created, source: row.0)
            if let response = row.2 { lead.record(Activity(id: "r", at: Instant(secondsSinceEpoch: base + response * 60), actor: .dealer, kind: .call(.outbound, durationSeconds: 30, outcome: .connected))) }
            let path = ["Contacted", "Qualified", "Test Drive", "Negotiation", "Closed Won"]
            let target = path.firstIndex(of: row.3).map { $0 + 1 } ?? 0
            for (step, stage) in path.prefix(target).enumerated() {
                lead = try! SalesPipeline.standard.transition(lead, to: stage, actor: .dealer, at: created.adding(seconds: 7200 + step * 60))
            }
            if row.4 != nil { lead = try! SalesPipeline.standard.transition(lead, to: "Closed Lost", actor: .dealer, at: created.adding(seconds: 9000), reason: .price) }
            return lead
        }
    }

    @Test func numbersFromTheReference() {
        let analytics = LeadAnalytics(Self.leads(), scope: LeadReportScope(from: Instant(secondsSinceEpoch: base), to: Instant(secondsSinceEpoch: base + day), asOf: Instant(secondsSinceEpoch: base + day)))
        let all = analytics.conversion(by: .source).last!
        #expect(all.conversion == LeadRatio(2, 8) && all.winRate == LeadRatio(2, 5))
        #expect(analytics.conversion(by: .source).map { "\($0.key) \($0.conversion)" } == ["chat 0/2", "dealerWebsite 1/4", "phone 1/2", "all 2/8"])
        let response = analytics.responseStatistics()
        #expect(response.meanSeconds.decimal(places: 2) == "1337.14")   // 156/7 min = 22.29 min
        #expect(LeadRatio(response.meanSeconds.numerator, response.meanSeconds.denominator * 60).decimal(places: 2) == "22.29")
        #expect(response.medianSeconds == LeadRatio(180, 1))
        #expect(response.withinTarget == LeadRatio(5, 8) && response.noResponse == LeadRatio(1, 8))
        #expect(analytics.funnel().map(\.reached) == [8, 7, 5, 4, 3, 2])
        #expect(analytics.funnel().compactMap(\.dropOff).map { $0.decimal(places: 3) } == ["0.125", "0.286", "0.200", "0.250", "0.333"])
    }

    @Test func timeInStageWithReentry() throws {
        // New@0 h, Contacted@2 h, Qualified@26 h, Contacted@50 h, Qualified@74 h, Test Drive@98 h, asOf 146 h.
        let pipeline = try SalesPipeline(stages: SalesPipeline.standard.stages)
        let t0 = Instant(secondsSinceEpoch: base)
        var lead = Lead(id: "R", createdAt: t0, source: .chat)
        for (stage, hour) in [("Contacted", 2), ("Qualified", 26), ("Contacted", 50), ("Qualified", 74), ("Test Drive", 98)] {
            lead = try pipeline.transition(lead, to: stage, actor: .dealer, at: t0.adding(seconds: hour * 3600))
        }
        let rows = LeadAnalytics([lead], scope: LeadReportScope(from: t0, to: t0.adding(seconds: 1), asOf: t0.adding(seconds: 146 * 3600))).timeInStage()
        let byStage = Dictionary(uniqueKeysWithValues: rows.map { ($0.stage, $0) })
        #expect(byStage["Contacted"]!.completedSeconds == 48 * 3600 && byStage["Contacted"]!.completedVisits == 2)
        #expect(byStage["Qualified"]!.completedSeconds == 48 * 3600)
        #expect(byStage["Test Drive"]!.censoredSeconds == 48 * 3600 && byStage["Test Drive"]!.completedVisits == 0)
    }

    @Test func velocityExample() {
        // mavenlb's example re-computed in Documentation/Reference/Leads.md: 40 × 0.25 × 25,000 / 90 = 2,777.78 per day.
        #expect(LeadRatio(40 * 25_000, 4 * 90).decimal(places: 2) == "2777.78")
    }
}

@Suite("Lead reports as tables")
struct ReportTableTests {
    @Test(arguments: LeadReport.allCases)
    func everyReportHasRectangularRows(report: LeadReport) throws {
        let data = generatedLeads()
        let analytics = LeadAnalytics(data.leads, scope: scope(data.truth))
        let table = try report.table(analytics, leads: data.leads, spend: ["phone": ExactDecimal(500)])
        #expect(!table.rows.isEmpty)
        #expect(table.rows.allSatisfy { $0.count == table.columns.count })
    }

    @Test func workedExampleFunnelTable() throws {
        let analytics = LeadAnalytics(AnalyticsWorkedExampleTests.leads(), scope: LeadReportScope(from: Instant(secondsSinceEpoch: base), to: Instant(secondsSinceEpoch: base + day), asOf: Instant(secondsSinceEpoch: base + day)))
        let table = try LeadReport.funnel.table(analytics)
        #expect(table.rows[1] == ["Contacted", "7", "5/7", "71.43", "2/7", "28.57"])
        #expect(try LeadReport.responseTime.table(analytics).rows[0] == ["all", "8", "7", "22.29", "3.00", "100.00", "5/8", "62.50", "1/8", "12.50"])
    }
}

/// The hot sheet as it was before it read the leads in place and skipped the local-date work
/// for appointments more than 25 hours from `asOf`: the reference the fast form must equal.
func referenceHotSheet(_ leads: [Lead], scope: LeadReportScope) -> [LeadAnalytics.HotSheetRow] {
    let today = scope.timeZone.local(scope.asOf).date
    let analytics = LeadAnalytics([], scope: scope)
    let rows: [LeadAnalytics.HotSheetRow] = leads.compactMap { lead in
        guard !scope.excludedIDs.contains(lead.id), lead.createdAt <= scope.asOf, analytics.outcome(lead) == .open else { return nil }
        let hot = lead.priority == .hot || (lead.score ?? 0) >= 60
        let appointment = lead.activities.timeline.contains { activity in
            if case .appointment(let at, _) = activity.kind, activity.at <= scope.asOf { return scope.timeZone.local(at).date == today }
            return false
        }
        let overdue = lead.followUps.contains { !$0.done && $0.due < scope.asOf }
        guard hot || appointment || overdue else { return nil }
        return LeadAnalytics.HotSheetRow(leadID: lead.id, name: lead.contact.fullName, stage: lead.stage, score: lead.score,
                                         ageSeconds: lead.createdAt.seconds(until: scope.asOf), hot: hot, appointmentToday: appointment,
                                         overdueFollowUp: overdue, assignedTo: lead.assignedTo)
    }
    return rows.sorted { a, b in
        if (a.score ?? -1) != (b.score ?? -1) { return (a.score ?? -1) > (b.score ?? -1) }
        if a.ageSeconds != b.ageSeconds { return a.ageSeconds > b.ageSeconds }
        return a.leadID < b.leadID
    }
}

@Suite("Hot sheet against the reference form")
struct HotSheetReferenceTests {
    @Test("Equal rows for seeded leads, time zones with daylight saving, and appointments around local midnight")
    func matchesReference() throws {
        var g = SeededGenerator(seed: 4_2024)
        var leads = scoringLeads(count: 400, seed: 77)
        let zones = [DealerTimeZone.utc, DealerTimeZone(standardOffsetSeconds: -5 * 3600, observesUSDaylightSaving: true),
                     DealerTimeZone(standardOffsetSeconds: 9 * 3600 + 1800)]
        // asOf instants around the 2024 US transitions (Mar 10, Nov 3) and an ordinary day.
        let instants = ["2024-03-10T06:30:00Z", "2024-03-10T07:30:00Z", "2024-11-03T05:30:00Z", "2024-11-03T06:30:00Z", "2024-06-20T03:59:59Z"]
        for index in leads.indices {
            leads[index].score = g.chance(1, in: 5) ? nil : g.int(in: 0...100)
            if g.chance(1, in: 4) { leads[index].priority = g.element(of: LeadPriority.allCases) }
            if g.chance(1, in: 3) { leads[index].followUps = [FollowUp(due: t0.adding(seconds: g.int(in: 0...(200 * 86_400))), done: g.chance(1, in: 2))] }
            if g.chance(1, in: 10) { leads[index].stage = "Unknown stage" }
            if g.chance(1, in: 3) { leads[index].contact.firstName = "" }
        }
        for text in instants {
            let asOf = try Instant(parsing: text)
            // Appointments from 30 h before to 30 h after asOf, by the quarter hour.
            var local = leads
            for index in local.indices where g.chance(1, in: 2) {
                let at = asOf.adding(seconds: g.int(in: -120...120) * 900)
                local[index].activities.append(Activity(id: "ap", at: asOf.adding(seconds: -g.int(in: 0...86_400)), actor: .dealer,
                                                        kind: .appointment(scheduledFor: at, note: nil)))
                local[index].activities.append(Activity(id: "ap2", at: at, actor: .dealer, kind: .appointment(scheduledFor: at, note: nil)))
            }
            for zone in zones {
                for excluded in [Set<String>(), ["L-3", "L-10", "L-11"]] {
                    let scope = LeadReportScope(from: t0, to: asOf, asOf: asOf, excludedIDs: excluded, timeZone: zone)
                    #expect(LeadAnalytics.hotSheet(local, scope: scope) == referenceHotSheet(local, scope: scope), "\(text) \(zone)")
                }
            }
        }
    }
}

@Suite("LeadRatio decimals")
struct LeadRatioDecimalTests {
    /// The old formula, exact where `|n| · 10^places` fits: the reference for small values.
    func reference(_ n: Int128, _ d: Int128, places: Int) -> String {
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let product = n.magnitude * UInt128(scale), m = d.magnitude
        var q = product / m
        if (product % m) * 2 >= m { q += 1 }
        let fraction = String(q % UInt128(scale))
        let text = String(q / UInt128(scale)) + (places > 0 ? "." + String(repeating: "0", count: places - fraction.count) + fraction : "")
        return ((n < 0) != (d < 0) && q != 0 ? "-" : "") + text
    }

    @Test("Long division agrees with the exact product formula on 20,000 seeded ratios")
    func agreesWithReference() {
        var state: UInt64 = 20261205
        func next() -> Int128 { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int128(Int64(bitPattern: state) >> Int(state % 50)) }
        for _ in 0..<20_000 {
            let n = next(), d = next()
            guard d != 0 else { continue }
            for places in [0, 2, 4] {
                #expect(LeadRatio(n, d).decimal(places: places) == reference(n, d, places: places), "\(n)/\(d) at \(places)")
            }
            #expect(LeadRatio(n, d).percent == reference(n * 100, d, places: 2), "\(n)/\(d) percent")
        }
    }

    @Test("Ratios whose scaled numerator exceeds 128 bits are exact, never a trap or a marker")
    func extremes() {
        #expect(LeadRatio(Int128.max, 1).decimal(places: 2) == "170141183460469231731687303715884105727.00")
        #expect(LeadRatio(Int128.min, 1).percent == "-17014118346046923173168730371588410572800.00")
        #expect(LeadRatio(Int128.max, 3).decimal(places: 2) == "56713727820156410577229101238628035242.33")
        #expect(LeadRatio(Int128.max, Int128.max).decimal(places: 4) == "1.0000")
        #expect(LeadRatio(-1, 3).decimal(places: 0) == "0" && LeadRatio(-2, 3).decimal(places: 0) == "-1")
        #expect(LeadRatio(199, 200).decimal(places: 2) == "1.00" && LeadRatio(-999, 1000).decimal(places: 2) == "-1.00")
        #expect(LeadRatio(1, 0).decimal(places: 2) == "-")
    }
}
