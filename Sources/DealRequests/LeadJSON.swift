// DealFinance — exact deal finance. DealRequests: the lead model in JSON (Documentation/Reference/Leads.md).

import DealDecimal
import DealEngine
import DealJSON
import DealLeads

extension FieldReader {
    /// An ISO 8601 instant (`YYYY-MM-DDTHH:MM:SSZ` or `±HH:MM`), or nil when absent.
    mutating func instant(_ key: String) throws(DealError) -> Instant? {
        guard let text = try string(key) else { return nil }
        do { return try Instant(parsing: text) } catch { throw DealError.invalidArgument(path(key), error.message) }
    }

    mutating func requiredInstant(_ key: String) throws(DealError) -> Instant {
        guard let value = try instant(key) else { throw missing(key, "an instant such as \"2024-05-14T09:30:00Z\"") }
        return value
    }

    mutating func requiredString(_ key: String) throws(DealError) -> String {
        guard let value = try string(key) else { throw missing(key, "a string") }
        return value
    }

    /// A money/decimal string that must not be negative.
    mutating func amount(_ key: String) throws(DealError) -> ExactDecimal? {
        guard let value = try decimal(key) else { return nil }
        guard !value.isNegative else { throw DealError.invalidArgument(path(key), "expected an amount ≥ 0, found \(value)") }
        return value
    }

    /// A non-negative integer.
    mutating func count(_ key: String) throws(DealError) -> Int? {
        guard let value = try integer(key) else { return nil }
        guard value >= 0 else { throw DealError.invalidArgument(path(key), "expected a whole number ≥ 0, found \(value)") }
        return value
    }

    /// A local time `HH:MM` as seconds after midnight (`24:00` allowed for closing), or nil.
    mutating func localTime(_ key: String, allowsEndOfDay: Bool = false) throws(DealError) -> Int? {
        guard let text = try string(key) else { return nil }
        let bytes = Array(text.utf8)
        func digit(_ i: Int) -> Int? { bytes[i] >= 48 && bytes[i] <= 57 ? Int(bytes[i] - 48) : nil }
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"), let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4),
              h1 * 10 + h2 <= 23 || (allowsEndOfDay && h1 * 10 + h2 == 24 && m1 == 0 && m2 == 0), m1 <= 5 else {
            throw DealError.invalidArgument(path(key), "expected a local time HH:MM such as \"09:00\"\(allowsEndOfDay ? " (or \"24:00\")" : ""), found \"\(Self.excerpt(text))\"")
        }
        return (h1 * 10 + h2) * 3600 + (m1 * 10 + m2) * 60
    }

    /// A list of strings.
    mutating func strings(_ key: String, limit: Int) throws(DealError) -> [String]? {
        guard let elements = try array(key, limit: limit) else { return nil }
        var result: [String] = []
        for element in elements {
            guard case .string(let text) = element.value else {
                throw DealError.invalidArgument(element.path, "expected a string, found \(Self.describe(element.value))")
            }
            result.append(text)
        }
        return result
    }
}

/// Decoding and encoding of ``Lead`` and its parts. Limits keep any request bounded.
enum LeadJSON {
    static let maximumLeads = 10_000
    static let maximumItems = 1_000
    static let maximumActivities = 100_000

    static func map<T>(_ path: String, _ body: () throws(LeadError) -> T) throws(DealError) -> T {
        do { return try body() } catch { throw DealError.invalidArgument(path, error.message) }
    }

    // MARK: - Decoding

    static func lead(_ value: JSONValue, path: String) throws(DealError) -> Lead {
        var fields = try FieldReader(value, path: path)
        let id = try fields.requiredString("id")
        let createdAt = try fields.requiredInstant("createdAt")
        let sourceText = try fields.requiredString("source")
        guard let source = LeadSource(text: sourceText) else {
            let names = LeadSource.named.map { "\"\($0.text)\"" }.joined(separator: ", ")
            throw DealError.invalidArgument(fields.path("source"), "expected one of \(names) or \"custom:<name>\", found \"\(FieldReader.excerpt(sourceText))\"")
        }
        var lead = Lead(id: id, createdAt: createdAt, source: source)
        if let contact = try fields.object("contact") { lead.contact = try Self.contact(contact) }
        if let elements = try fields.array("vehicles", limit: maximumItems) {
            for element in elements { lead.vehicles.append(try vehicle(element.value, path: element.path)) }
        }
        if var budget = try fields.object("budget") {
            var range = BudgetRange(minimum: try budget.amount("minimum"), maximum: try budget.amount("maximum"))
            if let currency = try budget.string("currency") { range.currency = try Currency(code: currency).code }
            try budget.finish()
            try map(budget.path) { () throws(LeadError) in try range.validate() }
            lead.budget = range
        }
        lead.desiredMonthlyPayment = try fields.amount("desiredMonthlyPayment")
        lead.downPayment = try fields.amount("downPayment")
        if let elements = try fields.array("tradeIns", limit: maximumItems) {
            for element in elements { lead.tradeIns.append(try tradeIn(element.value, path: element.path)) }
        }
        if var timeframe = try fields.object("timeframe") {
            lead.timeframe = PurchaseTimeframe(description: try timeframe.string("description"), earliest: try timeframe.date("earliest"),
                                               latest: try timeframe.date("latest"), horizon: try timeframe.choice("horizon", PurchaseHorizon.self))
            try timeframe.finish()
        }
        lead.creditTier = try fields.choice("creditTier", CreditTier.self)
        lead.externalIDs = try ids(&fields, "externalIDs")
        try origin(&fields, into: &lead)
        if let stage = try fields.string("stage") { lead.stage = stage }
        lead.retailStatus = try fields.choice("retailStatus", RetailLeadStatus.self)
        lead.dealID = try fields.string("dealID")
        lead.dealStatus = try fields.choice("dealStatus", DealStatus.self)
        lead.priority = try fields.choice("priority", LeadPriority.self)
        if let score = try fields.integer("score") {
            guard (0...100).contains(score) else { throw DealError.invalidArgument(fields.path("score"), "expected a score 0…100, found \(score)") }
            lead.score = score
        }
        lead.assignedTo = try fields.string("assignedTo")
        if let sync = try fields.object("sync") {
            var sync = sync
            lead.sync = SyncState(status: try sync.choice("status", SyncStatus.self) ?? .notSynced, lastSyncedAt: try sync.instant("lastSyncedAt"))
            try sync.finish()
        }
        lead.lostReason = try fields.choice("lostReason", LostReason.self)
        lead.lostNote = try fields.string("lostNote")
        if var conversion = try fields.object("conversion") {
            guard let sold = try conversion.object("soldVehicle") else { throw conversion.missing("soldVehicle", "the sold vehicle") }
            let vehicle = try Self.vehicle(.object(sold.object), path: sold.path)
            let price = try conversion.decimal("finalPrice")
            guard let price, !price.isNegative else { throw conversion.missing("finalPrice", "a final price ≥ 0") }
            guard let financing = try conversion.choice("financingType", FinancingType.self) else {
                throw conversion.missing("financingType", "one of \"cash\", \"finance\", \"lease\"")
            }
            var trade: TradeInVehicle?
            if let tradeFields = try conversion.object("tradeIn") { trade = try tradeIn(.object(tradeFields.object), path: tradeFields.path) }
            lead.conversion = Conversion(soldVehicle: vehicle, finalPrice: price, financingType: financing, tradeIn: trade,
                                         deliveryDate: try conversion.date("deliveryDate"))
            try conversion.finish()
        }
        if let elements = try fields.array("followUps", limit: maximumItems) {
            for element in elements {
                var item = try FieldReader(element.value, path: element.path)
                lead.followUps.append(FollowUp(due: try item.requiredInstant("due"), done: try item.bool("done") ?? false, note: try item.string("note")))
                try item.finish()
            }
        }
        if let elements = try fields.array("activities", limit: maximumActivities) {
            var ids = Set<String>()
            for element in elements {
                let activity = try Self.activity(element.value, path: element.path)
                guard ids.insert(activity.id).inserted else {
                    throw DealError.invalidArgument(element.path + ".id", "expected activity ids unique within the lead, found \"\(FieldReader.excerpt(activity.id))\" twice")
                }
                lead.record(activity)
            }
        }
        if let updated = try fields.instant("updatedAt") { lead.updatedAt = max(updated, lead.updatedAt) }
        if let last = try fields.instant("lastActivityAt") { lead.lastActivityAt = max(last, lead.lastActivityAt ?? last) }
        try fields.finish()
        try map(path) { () throws(LeadError) in try lead.validate() }
        return lead
    }

    static func contact(_ fields: FieldReader) throws(DealError) -> Contact {
        var fields = fields
        var contact = Contact(firstName: try fields.string("firstName"), lastName: try fields.string("lastName"),
                              email: try fields.string("email"), phone: try fields.string("phone"),
                              preferredContact: try fields.choice("preferredContact", PreferredContact.self),
                              postalCode: try fields.string("postalCode"), regionCode: try fields.string("regionCode"))
        try channels(&fields, into: &contact)
        try fields.finish()
        return contact
    }

    static func vehicle(_ value: JSONValue, path: String) throws(DealError) -> VehicleOfInterest {
        var fields = try FieldReader(value, path: path)
        var vehicle = VehicleOfInterest(year: try fields.integer("year"), make: try fields.string("make"), model: try fields.string("model"),
                                        trim: try fields.string("trim"), vin: try fields.string("vin"), stockNumber: try fields.string("stockNumber"),
                                        condition: try fields.choice("condition", VehicleCondition.self), mileage: try fields.count("mileage"),
                                        vehicleType: try fields.string("vehicleType"), price: try fields.amount("price"),
                                        isPrimary: try fields.bool("primary") ?? false)
        vehicle.externalIDs = try ids(&fields, "externalIDs")
        try fields.finish()
        if let year = vehicle.year, !(1900...2100).contains(year) {
            throw DealError.invalidArgument(path + ".year", "expected a model year 1900…2100, found \(year)")
        }
        return vehicle
    }

    static func tradeIn(_ value: JSONValue, path: String) throws(DealError) -> TradeInVehicle {
        var fields = try FieldReader(value, path: path)
        var trade = TradeInVehicle(year: try fields.integer("year"), make: try fields.string("make"), model: try fields.string("model"),
                            trim: try fields.string("trim"), vin: try fields.string("vin"), mileage: try fields.count("mileage"),
                            allowance: try fields.amount("allowance"), payoff: try fields.amount("payoff"))
        trade.externalIDs = try ids(&fields, "externalIDs")
        try fields.finish()
        return trade
    }

    static let activityTypes = ["chat", "email", "call", "appointment", "testDrive", "note", "statusChange", "dealTermChange"]

    static func activity(_ value: JSONValue, path: String) throws(DealError) -> Activity {
        var fields = try FieldReader(value, path: path)
        let id = try fields.requiredString("id")
        let at = try fields.requiredInstant("at")
        guard let actor = try fields.choice("actor", ActivityActor.self) else { throw fields.missing("actor", "\"customer\", \"dealer\" or \"system\"") }
        let type = try fields.requiredString("type")
        func direction(_ fields: inout FieldReader) throws(DealError) -> ActivityDirection {
            guard let direction = try fields.choice("direction", ActivityDirection.self) else { throw fields.missing("direction", "\"inbound\" or \"outbound\"") }
            return direction
        }
        let kind: ActivityKind
        switch type {
        case "chat": kind = .chat(try direction(&fields), text: try fields.string("text"))
        case "email": kind = .email(try direction(&fields), subject: try fields.string("subject"))
        case "call":
            let d = try direction(&fields)
            guard let seconds = try fields.count("durationSeconds") else { throw fields.missing("durationSeconds", "a whole number of seconds") }
            guard let outcome = try fields.choice("outcome", CallOutcome.self) else { throw fields.missing("outcome", "a call outcome") }
            kind = .call(d, durationSeconds: seconds, outcome: outcome)
        case "appointment": kind = .appointment(scheduledFor: try fields.requiredInstant("scheduledFor"), note: try fields.string("note"))
        case "testDrive": kind = .testDrive(vin: try fields.string("vin"))
        case "note": kind = .note(try fields.requiredString("text"))
        case "statusChange":
            guard let workflow = try fields.choice("workflow", WorkflowKind.self) else { throw fields.missing("workflow", "a workflow name") }
            kind = .statusChange(StatusChange(workflow: workflow, from: try fields.string("from"), to: try fields.requiredString("to"),
                                              reason: try fields.string("reason"), note: try fields.string("note")))
        case "dealTermChange":
            guard let term = try fields.choice("term", DealTerm.self) else { throw fields.missing("term", "a deal term") }
            kind = .dealTermChange(TermChange(term: term, from: try fields.string("from"), to: try fields.requiredString("to")))
        default:
            throw DealError.invalidArgument(fields.path("type"), "expected one of \(activityTypes.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(FieldReader.excerpt(type))\"")
        }
        try fields.finish()
        return Activity(id: id, at: at, actor: actor, kind: kind)
    }

    static func leads(_ fields: inout FieldReader, _ key: String) throws(DealError) -> [Lead] {
        guard let elements = try fields.array(key, limit: maximumLeads) else { throw fields.missing(key, "an array of leads") }
        var result: [Lead] = []
        var ids = Set<String>()
        for element in elements {
            let lead = try lead(element.value, path: element.path)
            guard ids.insert(lead.id).inserted else {
                throw DealError.invalidArgument(element.path + ".id", "expected unique lead ids, found \"\(FieldReader.excerpt(lead.id))\" twice")
            }
            result.append(lead)
        }
        return result
    }

    static func pipeline(_ fields: inout FieldReader) throws(DealError) -> SalesPipeline {
        guard var object = try fields.object("pipeline") else { return .standard }
        guard let elements = try object.array("stages", limit: 100) else { throw object.missing("stages", "an array of stages") }
        var stages: [PipelineStage] = []
        for element in elements {
            var stage = try FieldReader(element.value, path: element.path)
            stages.append(PipelineStage(try stage.requiredString("name"), isWon: try stage.bool("won") ?? false, isLost: try stage.bool("lost") ?? false))
            try stage.finish()
        }
        let reopening = try object.bool("allowsReopening") ?? false
        try object.finish()
        return try map(object.path) { () throws(LeadError) in try SalesPipeline(stages: stages, allowsReopening: reopening) }
    }

    static func timeZone(_ fields: inout FieldReader) throws(DealError) -> DealerTimeZone {
        guard var object = try fields.object("timeZone") else { return .utc }
        let offsetText = try object.string("standardOffset") ?? "+00:00"
        let bytes = Array(offsetText.utf8)
        func digit(_ i: Int) -> Int? { bytes[i] >= 48 && bytes[i] <= 57 ? Int(bytes[i] - 48) : nil }
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
              let a = digit(1), let b = digit(2), let c = digit(4), let d = digit(5), c <= 5, (a * 10 + b) * 60 + c * 10 + d <= 18 * 60 else {
            throw DealError.invalidArgument(object.path("standardOffset"), "expected a UTC offset ±HH:MM up to ±18:00 such as \"-06:00\", found \"\(FieldReader.excerpt(offsetText))\"")
        }
        let seconds = ((a * 10 + b) * 3600 + (c * 10 + d) * 60) * (bytes[0] == UInt8(ascii: "-") ? -1 : 1)
        let zone = DealerTimeZone(standardOffsetSeconds: seconds, observesUSDaylightSaving: try object.bool("usDaylightSaving") ?? false)
        try object.finish()
        return zone
    }

    static func businessHours(_ fields: FieldReader) throws(DealError) -> BusinessHours {
        var fields = fields
        var hours = BusinessHours()
        if let open = try fields.localTime("open") { hours.openSecond = open }
        if let close = try fields.localTime("close", allowsEndOfDay: true) { hours.closeSecond = close }
        if let days = try fields.strings("days", limit: 7) {
            var set = Set<Weekday>()
            for (index, day) in days.enumerated() {
                guard let weekday = Weekday(rawValue: day) else {
                    throw DealError.invalidArgument(fields.path("days") + ".\(index)", "expected a weekday such as \"monday\", found \"\(FieldReader.excerpt(day))\"")
                }
                set.insert(weekday)
            }
            hours.openDays = set
        }
        try fields.finish()
        try map(fields.path) { () throws(LeadError) in try hours.validate() }
        return hours
    }

    // MARK: - Encoding

    static func json(_ lead: Lead) -> JSONValue {
        var o = JSONObject()
        func text(_ key: String, _ value: String?) { if let value { o[key] = .string(value) } }
        o["id"] = .string(lead.id)
        o["createdAt"] = .string(lead.createdAt.description)
        o["updatedAt"] = .string(lead.updatedAt.description)
        o["source"] = .string(lead.source.text)
        let contact = json(lead.contact)
        if !(contact.objectValue?.isEmpty ?? true) { o["contact"] = contact }
        if !lead.vehicles.isEmpty { o["vehicles"] = .array(lead.vehicles.map(json)) }
        if let budget = lead.budget {
            var b = JSONObject()
            if let minimum = budget.minimum { b["minimum"] = .string(minimum.description) }
            if let maximum = budget.maximum { b["maximum"] = .string(maximum.description) }
            b["currency"] = .string(budget.currency)
            o["budget"] = .object(b)
        }
        text("desiredMonthlyPayment", lead.desiredMonthlyPayment?.description)
        text("downPayment", lead.downPayment?.description)
        if !lead.tradeIns.isEmpty { o["tradeIns"] = .array(lead.tradeIns.map(json)) }
        if let timeframe = lead.timeframe {
            var t = JSONObject()
            if let description = timeframe.description { t["description"] = .string(description) }
            if let earliest = timeframe.earliest { t["earliest"] = .string(earliest.description) }
            if let latest = timeframe.latest { t["latest"] = .string(latest.description) }
            if let horizon = timeframe.horizon { t["horizon"] = .string(horizon.rawValue) }
            o["timeframe"] = .object(t)
        }
        text("creditTier", lead.creditTier?.rawValue)
        if !lead.externalIDs.isEmpty { o["externalIDs"] = json(lead.externalIDs) }
        origin(lead, into: &o)
        o["stage"] = .string(lead.stage)
        text("retailStatus", lead.retailStatus?.rawValue)
        text("dealID", lead.dealID)
        text("dealStatus", lead.dealStatus?.rawValue)
        text("priority", lead.priority?.rawValue)
        if let score = lead.score { o["score"] = .number(String(score)) }
        text("assignedTo", lead.assignedTo)
        text("lastActivityAt", lead.lastActivityAt?.description)
        var sync = JSONObject([("status", .string(lead.sync.status.rawValue))])
        if let synced = lead.sync.lastSyncedAt { sync["lastSyncedAt"] = .string(synced.description) }
        o["sync"] = .object(sync)
        text("lostReason", lead.lostReason?.rawValue)
        text("lostNote", lead.lostNote)
        if let conversion = lead.conversion {
            var c = JSONObject()
            c["soldVehicle"] = json(conversion.soldVehicle)
            c["finalPrice"] = .string(conversion.finalPrice.description)
            c["financingType"] = .string(conversion.financingType.rawValue)
            if let trade = conversion.tradeIn { c["tradeIn"] = json(trade) }
            if let delivery = conversion.deliveryDate { c["deliveryDate"] = .string(delivery.description) }
            o["conversion"] = .object(c)
        }
        if !lead.followUps.isEmpty {
            o["followUps"] = .array(lead.followUps.map { f in
                var e = JSONObject([("due", .string(f.due.description)), ("done", .bool(f.done))])
                if let note = f.note { e["note"] = .string(note) }
                return .object(e)
            })
        }
        if lead.activities.count > 0 { o["activities"] = .array(lead.activities.entries.map(json)) }
        return .object(o)
    }

    static func json(_ contact: Contact) -> JSONValue {
        var o = JSONObject()
        for (key, value) in [("firstName", contact.firstName), ("lastName", contact.lastName), ("email", contact.email), ("phone", contact.phone),
                             ("preferredContact", contact.preferredContact?.rawValue), ("postalCode", contact.postalCode), ("regionCode", contact.regionCode)] {
            if let value { o[key] = .string(value) }
        }
        channels(contact, into: &o)
        return .object(o)
    }

    static func json(_ vehicle: VehicleOfInterest) -> JSONValue {
        var o = JSONObject()
        if let year = vehicle.year { o["year"] = .number(String(year)) }
        for (key, value) in [("make", vehicle.make), ("model", vehicle.model), ("trim", vehicle.trim), ("vin", vehicle.vin),
                             ("stockNumber", vehicle.stockNumber), ("condition", vehicle.condition?.rawValue)] {
            if let value { o[key] = .string(value) }
        }
        if let mileage = vehicle.mileage { o["mileage"] = .number(String(mileage)) }
        if let type = vehicle.vehicleType { o["vehicleType"] = .string(type) }
        if let price = vehicle.price { o["price"] = .string(price.description) }
        if vehicle.isPrimary { o["primary"] = .bool(true) }
        if !vehicle.externalIDs.isEmpty { o["externalIDs"] = json(vehicle.externalIDs) }
        return .object(o)
    }

    static func json(_ trade: TradeInVehicle) -> JSONValue {
        var o = JSONObject()
        if let year = trade.year { o["year"] = .number(String(year)) }
        for (key, value) in [("make", trade.make), ("model", trade.model), ("trim", trade.trim), ("vin", trade.vin)] {
            if let value { o[key] = .string(value) }
        }
        if let mileage = trade.mileage { o["mileage"] = .number(String(mileage)) }
        if let allowance = trade.allowance { o["allowance"] = .string(allowance.description) }
        if let payoff = trade.payoff { o["payoff"] = .string(payoff.description) }
        if !trade.externalIDs.isEmpty { o["externalIDs"] = json(trade.externalIDs) }
        return .object(o)
    }

    static func json(_ activity: Activity) -> JSONValue {
        var o = JSONObject([("id", .string(activity.id)), ("at", .string(activity.at.description)),
                            ("actor", .string(activity.actor.rawValue)), ("type", .string(activity.kind.name))])
        func text(_ key: String, _ value: String?) { if let value { o[key] = .string(value) } }
        switch activity.kind {
        case .chat(let d, let t): o["direction"] = .string(d.rawValue); text("text", t)
        case .email(let d, let s): o["direction"] = .string(d.rawValue); text("subject", s)
        case .call(let d, let seconds, let outcome):
            o["direction"] = .string(d.rawValue)
            o["durationSeconds"] = .number(String(seconds))
            o["outcome"] = .string(outcome.rawValue)
        case .appointment(let at, let note): o["scheduledFor"] = .string(at.description); text("note", note)
        case .testDrive(let vin): text("vin", vin)
        case .note(let t): o["text"] = .string(t)
        case .statusChange(let c):
            o["workflow"] = .string(c.workflow.rawValue); text("from", c.from); o["to"] = .string(c.to); text("reason", c.reason); text("note", c.note)
        case .dealTermChange(let c): o["term"] = .string(c.term.rawValue); text("from", c.from); o["to"] = .string(c.to)
        }
        return .object(o)
    }
}
