// DealFinance benchmarks — the lead workload: fixed-seed realistic leads written once to
// `.build-data/leads.tsv` by `dealbench-data generate`, read back as `Lead` values outside the
// timed loop. The timed operation scores every lead (`LeadScorer`, default rules, at `asOf`,
// without explanations), stores the score and band on it, and builds the hot sheet
// (`LeadAnalytics.hotSheet`).

import DealFinance
import DealLeads
import Foundation

/// The lead workload: generation, the file format and the timed operation.
public enum LeadWorkload {
    /// The instant the leads are scored and the hot sheet is built at: 2026-11-23 17:00 UTC.
    public static let asOf = Instant(secondsSinceEpoch: 1_795_453_200)

    /// The report scope of the hot sheet (the last 120 days, dealer in UTC−5 with US daylight saving).
    public static var scope: LeadReportScope {
        LeadReportScope(from: asOf.adding(seconds: -120 * 86_400), to: asOf.adding(seconds: 1), asOf: asOf,
                        timeZone: DealerTimeZone(standardOffsetSeconds: -5 * 3_600, observesUSDaylightSaving: true))
    }

    static let firstNames = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
                             "William", "Barbara", "Richard", "Susan", "José", "María", "Wei", "Aisha", "Noah", "Olivia"]
    static let lastNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
                            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Nguyen", "O'Brien", "Kim", "Patel", "Thomas"]
    static let salespeople = ["", "ana", "ben", "chris", "dana", "eli", "fran", "gus"]
    static let sources = ["dealerWebsite", "dealerWebsite", "dealerPortal", "paymentEstimator", "chat", "drift", "phone", "phone",
                          "walkIn", "walkIn", "referral", "adf", "adf", "import", "custom:Facebook", "custom:CarGurus"]
    /// Stages with their weights in percent (standard pipeline).
    static let stages: [(String, Int)] = [("New", 30), ("Contacted", 25), ("Qualified", 15), ("Test Drive", 8),
                                          ("Negotiation", 7), ("Closed Won", 8), ("Closed Lost", 7)]

    /// One line of `leads.tsv` for a fixed-seed realistic lead created within the 120 days before ``asOf``.
    ///
    /// Fields (tab-separated): id, first name, last name, created (seconds since the epoch),
    /// source, stage, budget minimum, budget maximum, desired monthly payment, down payment,
    /// trade-in (0/1), timeframe (`h:<horizon>` or `d:<date>`), credit tier, assigned to,
    /// activities (`;`-separated `offset,actor,kind,argument`, offsets in seconds from creation;
    /// the argument is `in`/`out` for chat, email and call, the appointment's offset for an
    /// appointment), follow-ups (`;`-separated `offset,done`). Empty fields are absent values.
    public static func randomLine(_ g: inout SeededGenerator, index: Int) -> String {
        let age = g.int(in: 60...(120 * 86_400))
        let created = asOf.secondsSinceEpoch - age
        var stageRoll = g.int(in: 0...99), stage = "New"
        for (name, weight) in stages {
            if stageRoll < weight { stage = name; break }
            stageRoll -= weight
        }
        let budgetMin = g.chance(1, in: 3) ? SeededGenerator.decimalText(g.int(in: 10...40) * 1_000_00, scale: 2) : ""
        let budgetMax = g.chance(1, in: 3) ? SeededGenerator.decimalText(g.int(in: 20...90) * 1_000_00, scale: 2) : ""
        let monthly = g.chance(1, in: 4) ? SeededGenerator.decimalText(g.int(in: 25...120) * 10_00, scale: 2) : ""
        let down = g.chance(1, in: 4) ? SeededGenerator.decimalText(g.int(in: 5...50) * 100_00, scale: 2) : ""
        let tradeIn = g.chance(1, in: 4) ? "1" : "0"
        var timeframe = ""
        switch g.int(in: 0...5) {
        case 0: timeframe = "h:" + ["withinWeek", "withinMonth", "withinQuarter", "later", "unknown"][g.int(in: 0...4)]
        case 1:
            let date = Instant(secondsSinceEpoch: asOf.secondsSinceEpoch + g.int(in: -10...150) * 86_400).utcDate
            timeframe = "d:\(date)"
        default: break
        }
        let credit = g.chance(1, in: 2) ? ["excellent", "good", "fair", "poor"][g.int(in: 0...3)] : ""
        var activities: [String] = []
        let count = stage == "New" ? g.int(in: 0...3) : g.int(in: 1...14)
        var offset = 0
        for _ in 0..<count {
            offset += g.chance(1, in: 3) ? g.int(in: 30...3_600) : g.int(in: 3_600...(5 * 86_400))
            guard offset < age else { break }
            let customer = g.chance(1, in: 2)
            let actor = customer ? "customer" : (g.chance(1, in: 6) ? "system" : "dealer")
            switch g.int(in: 0...9) {
            case 0...2: activities.append("\(offset),\(actor),chat,\(customer ? "in" : "out")")
            case 3...4: activities.append("\(offset),\(actor),email,\(customer ? "in" : "out")")
            case 5...6: activities.append("\(offset),\(actor),call,\(customer ? "in" : "out")")
            case 7: activities.append("\(offset),dealer,appointment,\(offset + g.int(in: 3_600...(10 * 86_400)))")
            case 8: activities.append("\(offset),customer,testDrive,")
            default: activities.append("\(offset),dealer,note,")
            }
        }
        var followUps: [String] = []
        for _ in 0..<g.int(in: 0...2) {
            followUps.append("\(g.int(in: 3_600...(age + 5 * 86_400))),\(g.chance(3, in: 4) ? 1 : 0)")
        }
        let first = g.element(of: firstNames), last = g.element(of: lastNames)
        return ["L-\(index)", first, last, String(created), g.element(of: sources), stage, budgetMin, budgetMax, monthly, down,
                tradeIn, timeframe, credit, g.element(of: salespeople), activities.joined(separator: ";"),
                followUps.joined(separator: ";")].joined(separator: "\t")
    }

    /// Writes `count` leads (seed `seed`) to `.build-data/leads.tsv`.
    public static func write(count: Int, seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        var lines: [String] = []
        lines.reserveCapacity(count)
        for index in 1...count { lines.append(randomLine(&g, index: index)) }
        try FileManager.default.createDirectory(atPath: Workload.directory, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(toFile: Workload.directory + "/leads.tsv", atomically: true, encoding: .utf8)
    }

    /// The leads of `.build-data/leads.tsv` (at most `limit`).
    public static func read(limit: Int = .max) -> [Lead] {
        guard let text = try? String(contentsOfFile: Workload.directory + "/leads.tsv", encoding: .utf8) else {
            fatalError("missing \(Workload.directory)/leads.tsv: run `dealbench-data generate` first (make bench does)")
        }
        // Split on bytes, not Characters (the file is large; this is not timed, but it is read
        // once per benchmark process).
        return text.utf8.split(separator: UInt8(ascii: "\n")).prefix(limit).map { lead(Substring($0)) }
    }

    static func decimal(_ text: Substring) -> ExactDecimal? { text.isEmpty ? nil : try? ExactDecimal(parsing: String(text)) }

    static func fields(_ text: Substring, _ separator: Unicode.Scalar) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: separator), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// One line as a lead.
    static func lead(_ line: Substring) -> Lead {
        let f = fields(line, "\t")
        precondition(f.count == 16, "leads.tsv: expected 16 fields, found \(f.count)")
        let created = Instant(secondsSinceEpoch: Int(f[3])!)
        var lead = Lead(id: String(f[0]), contact: Contact(firstName: String(f[1]), lastName: String(f[2])), createdAt: created,
                        source: LeadSource(text: String(f[4]))!, stage: String(f[5]))
        if !f[6].isEmpty || !f[7].isEmpty { lead.budget = BudgetRange(minimum: decimal(f[6]), maximum: decimal(f[7])) }
        lead.desiredMonthlyPayment = decimal(f[8])
        lead.downPayment = decimal(f[9])
        if f[10] == "1" { lead.tradeIns = [TradeInVehicle(year: 2019, make: "Honda", model: "Civic")] }
        if f[11].hasPrefix("h:") {
            lead.timeframe = PurchaseTimeframe(horizon: PurchaseHorizon(rawValue: String(f[11].dropFirst(2))))
        } else if f[11].hasPrefix("d:") {
            lead.timeframe = PurchaseTimeframe(latest: try? CivilDate(parsing: String(f[11].dropFirst(2))))
        }
        lead.creditTier = CreditTier(rawValue: String(f[12]))
        lead.assignedTo = f[13].isEmpty ? nil : String(f[13])
        var last = created
        for (number, entry) in fields(f[14], ";").filter({ !$0.isEmpty }).enumerated() {
            let a = fields(entry, ",")
            let at = created.adding(seconds: Int(a[0])!)
            let direction: ActivityDirection = a[3] == "in" ? .inbound : .outbound
            let kind: ActivityKind
            switch a[2] {
            case "chat": kind = .chat(direction, text: nil)
            case "email": kind = .email(direction, subject: nil)
            case "call": kind = .call(direction, durationSeconds: 180, outcome: .connected)
            case "appointment": kind = .appointment(scheduledFor: created.adding(seconds: Int(a[3])!), note: nil)
            case "testDrive": kind = .testDrive(vin: nil)
            default: kind = .note("called back")
            }
            lead.activities.append(Activity(id: "a\(number + 1)", at: at, actor: ActivityActor(rawValue: String(a[1]))!, kind: kind))
            last = at
        }
        lead.lastActivityAt = lead.activities.timeline.isEmpty ? nil : last
        for entry in fields(f[15], ";") where !entry.isEmpty {
            let a = fields(entry, ",")
            lead.followUps.append(FollowUp(due: created.adding(seconds: Int(a[0])!), done: a[1] == "1"))
        }
        return lead
    }

    /// The timed operation: scores every lead, stores its score and band on it (in place, as a
    /// lead store would), and builds the hot sheet.
    public static func scoreAndHotSheet(_ leads: inout [Lead], scorer: LeadScorer = LeadScorer(),
                                        scope: LeadReportScope = LeadWorkload.scope) -> [LeadAnalytics.HotSheetRow] {
        // Score and band only: the hot sheet needs no explanations (`explained: false`).
        let scores = try! scorer.score(leads, asOf: scope.asOf, explained: false)
        for index in leads.indices {
            leads[index].score = scores[index].score
            leads[index].priority = scores[index].priority
        }
        return LeadAnalytics.hotSheet(leads, scope: scope)
    }
}
