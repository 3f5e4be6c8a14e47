// DealFinance — exact deal finance. DealRequests: the lead request kinds (Documentation/Reference/Leads.md).

import DealDecimal
import DealEngine
import DealJSON
import DealLeads

/// The `"calculate": "lead…"` family and the identity checks. Each decodes strictly (unknown
/// fields are `invalid_argument` at their path), calls DealLeads and returns a result object.
enum LeadRequests {
    static let kinds = ["leadScore", "leadIndicators", "leadTransition", "dealTransition", "leadAssign", "followUpDue",
                        "leadDuplicates", "leadMerge", "activityInsights", "vinValidate", "phoneNormalize", "emailNormalize"]

    static func answer(kind: String, request: JSONValue) throws(DealError) -> JSONValue {
        var fields = try FieldReader(request, path: "")
        _ = try fields.string("calculate")
        var result = JSONObject([("calculate", .string(kind))])
        switch kind {
        case "leadScore": try score(&fields, &result)
        case "leadIndicators": try indicators(&fields, &result)
        case "leadTransition": try leadTransition(&fields, &result)
        case "dealTransition": try dealTransition(&fields, &result)
        case "leadAssign": try assign(&fields, &result)
        case "followUpDue": try followUpDue(&fields, &result)
        case "leadDuplicates": try duplicates(&fields, &result)
        case "leadMerge": try merge(&fields, &result)
        case "activityInsights": try insights(&fields, &result)
        case "vinValidate": try vin(&fields, &result)
        case "phoneNormalize": try phone(&fields, &result)
        case "emailNormalize": try email(&fields, &result)
        default: throw DealError.invalidArgument("calculate", "unknown lead kind \"\(kind)\"")
        }
        try fields.finish()
        return .object(result)
    }

    static func requiredLead(_ fields: inout FieldReader) throws(DealError) -> Lead {
        guard fields.has("lead") else { throw fields.missing("lead", "a lead object") }
        guard let object = try fields.object("lead") else { throw fields.missing("lead", "a lead object") }
        return try LeadJSON.lead(.object(object.object), path: object.path)
    }

    // MARK: - Scoring and indicators

    static func rules(_ fields: inout FieldReader) throws(DealError) -> ScoringRules {
        var rules = ScoringRules()
        guard var r = try fields.object("rules") else { return rules }
        func points(_ key: String, _ target: inout Int) throws(DealError) { if let value = try r.integer(key) { target = value } }
        try points("budget", &rules.budgetGiven)
        try points("downPayment", &rules.downPaymentGiven)
        try points("timeframeWithinWeek", &rules.timeframeWithinWeek)
        try points("timeframeWithinMonth", &rules.timeframeWithinMonth)
        try points("timeframeWithinQuarter", &rules.timeframeWithinQuarter)
        try points("timeframeLater", &rules.timeframeLater)
        try points("engagementPerInteraction", &rules.engagementPerInteraction)
        try points("engagementMaximum", &rules.engagementMaximum)
        try points("appointment", &rules.appointmentSet)
        try points("testDrive", &rules.testDriveTaken)
        try points("customSource", &rules.customSourcePoints)
        try points("responsive", &rules.responsive)
        try points("responsivenessWindowSeconds", &rules.responsivenessWindowSeconds)
        try points("tradeIn", &rules.tradeInGiven)
        try points("hotThreshold", &rules.hotThreshold)
        try points("mediumThreshold", &rules.mediumThreshold)
        if var sources = try r.object("sources") {
            for name in sources.object.keys {
                guard let source = LeadSource(text: name), LeadSource.named.contains(source) else {
                    throw DealError.invalidArgument(sources.path(name), "expected a named source (\(LeadSource.named.map(\.text).joined(separator: ", "))), found \"\(FieldReader.excerpt(name))\"")
                }
                rules.sourcePoints[name] = try sources.integer(name)
            }
            try sources.finish()
        }
        if var credit = try r.object("credit") {
            for tier in CreditTier.allCases { if let value = try credit.integer(tier.rawValue) { rules.creditPoints[tier] = value } }
            try credit.finish()
        }
        if var decay = try r.object("decay") {
            var d = ScoreDecay()
            if let value = try decay.integer("periodSeconds") { d.periodSeconds = value }
            if let value = try decay.integer("pointsPerPeriod") { d.pointsPerPeriod = value }
            if let value = try decay.integer("graceSeconds") { d.graceSeconds = value }
            if let value = try decay.integer("maximumPoints") { d.maximumPoints = value }
            try decay.finish()
            rules.decay = d
        }
        try r.finish()
        try LeadJSON.map(r.path) { () throws(LeadError) in try rules.validate() }
        return rules
    }

    static func json(_ score: LeadScore) -> JSONValue {
        .array(score.contributions.map { c in
            .object(JSONObject([("rule", .string(c.rule.rawValue)), ("points", .number(String(c.points))), ("reason", .string(c.reason))]))
        })
    }

    static func score(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let lead = try requiredLead(&fields)
        let asOf = try fields.instant("asOf")
        let rules = try rules(&fields)
        let score = try LeadJSON.map("asOf") { () throws(LeadError) in try LeadScorer(rules: rules).score(lead, asOf: asOf) }
        result["score"] = .number(String(score.score))
        result["total"] = .number(String(score.total))
        result["priority"] = .string(score.priority.rawValue)
        result["contributions"] = json(score)
    }

    static func indicators(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let lead = try requiredLead(&fields)
        let asOf = try fields.requiredInstant("asOf")
        let pipeline = try LeadJSON.pipeline(&fields)
        var rules = IndicatorRules()
        rules.scoring = try Self.rules(&fields)
        if let value = try fields.count("responseTargetSeconds") { rules.responseTargetSeconds = value }
        if let value = try fields.count("recentChatSeconds") { rules.recentChatSeconds = value }
        if let value = try fields.string("qualifiedStage") {
            guard pipeline.stage(named: value) != nil else { throw DealError.invalidArgument(fields.path("qualifiedStage"), LeadError.unknownStage(value).message) }
            rules.qualifiedStage = value
        }
        let flags = try LeadJSON.map("lead") { () throws(LeadError) in try LeadIndicators(lead, asOf: asOf, pipeline: pipeline, rules: rules) }
        result["hot"] = .bool(flags.hot)
        result["overdue"] = .bool(flags.overdue)
        result["responseOverdue"] = .bool(flags.responseOverdue)
        result["followUpOverdue"] = .bool(flags.followUpOverdue)
        result["appointmentSet"] = .bool(flags.appointmentSet)
        result["recentChat"] = .bool(flags.recentChat)
        result["qualified"] = .bool(flags.qualified)
        if let first = flags.firstResponseAt { result["firstResponseAt"] = .string(first.description) }
        result["score"] = .number(String(flags.score.score))
        result["priority"] = .string(flags.score.priority.rawValue)
    }

    // MARK: - Transitions

    static func actorAndTime(_ fields: inout FieldReader) throws(DealError) -> (ActivityActor, Instant, String?) {
        guard let actor = try fields.choice("actor", ActivityActor.self) else { throw fields.missing("actor", "\"customer\", \"dealer\" or \"system\"") }
        return (actor, try fields.requiredInstant("at"), try fields.string("activityID"))
    }

    static func leadTransition(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let lead = try requiredLead(&fields)
        let workflow = try fields.choice("workflow", WorkflowKind.self) ?? .pipeline
        let to = try fields.requiredString("to")
        let (actor, at, activityID) = try actorAndTime(&fields)
        let next: Lead
        let from: String?
        switch workflow {
        case .pipeline:
            let pipeline = try LeadJSON.pipeline(&fields)
            let reason = try fields.choice("reason", LostReason.self)
            let note = try fields.string("note")
            from = lead.stage
            next = try LeadJSON.map("to") { () throws(LeadError) in
                try pipeline.transition(lead, to: to, actor: actor, at: at, reason: reason, note: note, activityID: activityID)
            }
        case .retailStatus:
            guard let status = RetailLeadStatus(rawValue: to) else {
                throw DealError.invalidArgument("to", "expected \"abandoned\" or \"completed\", found \"\(FieldReader.excerpt(to))\"")
            }
            from = lead.retailStatus?.rawValue
            next = try LeadJSON.map("to") { () throws(LeadError) in try RetailLeadStatus.transition(lead, to: status, actor: actor, at: at, activityID: activityID) }
        case .dealStatus:
            from = lead.dealStatus?.rawValue
            next = try dealMove(&fields, lead, to, actor, at, activityID)
        }
        result["workflow"] = .string(workflow.rawValue)
        if let from { result["from"] = .string(from) }
        result["to"] = .string(to)
        result["lead"] = LeadJSON.json(next)
    }

    static func dealMove(_ fields: inout FieldReader, _ lead: Lead, _ to: String, _ actor: ActivityActor, _ at: Instant, _ activityID: String?) throws(DealError) -> Lead {
        guard let status = DealStatus(rawValue: to) else {
            throw DealError.invalidArgument("to", "expected one of \(DealStatus.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), found \"\(FieldReader.excerpt(to))\"")
        }
        let dealID = try fields.string("dealID")
        return try LeadJSON.map("to") { () throws(LeadError) in try DealStatus.transition(lead, to: status, actor: actor, at: at, dealID: dealID, activityID: activityID) }
    }

    static func dealTransition(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let lead = try requiredLead(&fields)
        let to = try fields.requiredString("to")
        let (actor, at, activityID) = try actorAndTime(&fields)
        let next = try dealMove(&fields, lead, to, actor, at, activityID)
        if let from = lead.dealStatus { result["from"] = .string(from.rawValue) }
        result["to"] = .string(to)
        result["allowedNext"] = .array((next.dealStatus?.successors ?? []).map { .string($0.rawValue) })
        result["lead"] = LeadJSON.json(next)
    }

    // MARK: - Assignment and follow-ups

    static func assign(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        var leads: [Lead]
        let single = fields.has("lead")
        if single { leads = [try requiredLead(&fields)] } else { leads = try LeadJSON.leads(&fields, "leads") }
        let asOf = try fields.requiredInstant("asOf")
        guard let elements = try fields.array("team", limit: 1000) else { throw fields.missing("team", "an array of salespeople") }
        var team: [Salesperson] = []
        var ids = Set<String>()
        for element in elements {
            var m = try FieldReader(element.value, path: element.path)
            var member = Salesperson(id: try m.requiredString("id"))
            guard ids.insert(member.id).inserted else { throw DealError.invalidArgument(element.path + ".id", "expected unique salesperson ids, found \"\(member.id)\" twice") }
            member.vehicleTypes = Set(try m.strings("vehicleTypes", limit: 100) ?? [])
            if let conditions = try m.strings("conditions", limit: 3) {
                for (index, text) in conditions.enumerated() {
                    guard let condition = VehicleCondition(rawValue: text) else {
                        throw DealError.invalidArgument(m.path("conditions") + ".\(index)", "expected \"new\", \"used\" or \"certified\", found \"\(FieldReader.excerpt(text))\"")
                    }
                    member.conditions.insert(condition)
                }
            }
            if var range = try m.object("priceRange") {
                member.priceRange = BudgetRange(minimum: try range.amount("minimum"), maximum: try range.amount("maximum"))
                try range.finish()
            }
            member.territories = Set(try m.strings("territories", limit: 1000) ?? [])
            if let hours = try m.object("workingHours") { member.workingHours = try LeadJSON.businessHours(hours) }
            member.isBusy = try m.bool("busy") ?? false
            try m.finish()
            team.append(member)
        }
        var router = LeadRouter(team: team, timeZone: try LeadJSON.timeZone(&fields))
        if let value = try fields.bool("useAvailability") { router.usesAvailability = value }
        if let value = try fields.bool("useSpecialization") { router.usesSpecialization = value }
        if let value = try fields.bool("useTerritory") { router.usesTerritory = value }
        var state = RoundRobinState()
        if var s = try fields.object("state") {
            state.lastAssigneeID = try s.string("lastAssigneeID")
            try s.finish()
        }
        let manual = try fields.string("manual")
        if manual != nil && !single { throw DealError.invalidArgument("manual", "expected \"manual\" only with a single \"lead\"") }
        var decisions: [JSONValue] = []
        for lead in leads {
            let decision: AssignmentDecision
            if let manual {
                decision = try LeadJSON.map("manual") { () throws(LeadError) in try router.assignManually(lead, to: manual, asOf: asOf, state: state) }
            } else {
                decision = router.assign(lead, asOf: asOf, state: state)
            }
            state = decision.state
            var d = JSONObject([("leadID", .string(lead.id))])
            if let id = decision.assigneeID { d["assignee"] = .string(id) }
            d["method"] = .string(decision.method.rawValue)
            d["reasons"] = .array(decision.reasons.map { .string($0) })
            decisions.append(.object(d))
        }
        if single, case .object(let only) = decisions[0] {
            for (key, value) in only where key != "leadID" { result[key] = value }
        } else {
            result["assignments"] = .array(decisions)
        }
        var s = JSONObject()
        if let last = state.lastAssigneeID { s["lastAssigneeID"] = .string(last) }
        result["state"] = .object(s)
    }

    static func followUpDue(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let asOf = try fields.requiredInstant("asOf")
        let name = try fields.requiredString("preset")
        let preset: FollowUpPreset
        switch name {
        case "oneHour": preset = .oneHour
        case "tomorrow": preset = .tomorrow
        case "threeDays": preset = .threeDays
        case "oneWeek": preset = .oneWeek
        case "custom": preset = .custom(try fields.requiredInstant("customAt"))
        default: throw DealError.invalidArgument("preset", "expected one of \"oneHour\", \"tomorrow\", \"threeDays\", \"oneWeek\", \"custom\", found \"\(FieldReader.excerpt(name))\"")
        }
        let zone = try LeadJSON.timeZone(&fields)
        var schedule = FollowUpSchedule(timeZone: zone)
        if let hours = try fields.object("businessHours") { schedule.hours = try LeadJSON.businessHours(hours) }
        schedule.tomorrowSecond = try fields.localTime("tomorrowAt")
        if let snap = try fields.bool("snapToBusinessHours") { schedule.snapsToBusinessHours = snap }
        let due = try LeadJSON.map("preset") { () throws(LeadError) in try schedule.due(preset, asOf: asOf) }
        result["due"] = .string(due.description)
        result["dueLocal"] = .string(localText(due, zone))
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` in the dealer's zone.
    static func localText(_ instant: Instant, _ zone: DealerTimeZone) -> String {
        let offset = zone.offsetSeconds(at: instant)
        let shifted = instant.adding(seconds: offset).description.dropLast()
        let magnitude = abs(offset)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(shifted)\(offset < 0 ? "-" : "+")\(two(magnitude / 3600)):\(two(magnitude / 60 % 60))"
    }

    // MARK: - Duplicates, merge, insights

    static func duplicates(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let leads = try LeadJSON.leads(&fields, "leads")
        result["groups"] = .array(Duplicates.groupsByCustomer(leads).map { group in
            .object(JSONObject([("key", .string(group.key)), ("leadIDs", .array(group.leadIDs.map { .string($0) }))]))
        })
        result["pairs"] = .array(Duplicates.pairs(leads).map { pair in
            .object(JSONObject([("first", .string(pair.first)), ("second", .string(pair.second)),
                                ("reasons", .array(pair.reasons.map { .string($0.rawValue) })),
                                ("duplicate", .bool(Duplicates.isDuplicate(pair.reasons)))]))
        })
        if fields.has("incoming") {
            guard let object = try fields.object("incoming") else { return }
            let incoming = try LeadJSON.lead(.object(object.object), path: object.path)
            guard let window = try fields.count("windowSeconds") else { throw fields.missing("windowSeconds", "the duplicate window in seconds") }
            let pipeline = try LeadJSON.pipeline(&fields)
            switch Duplicates.intake(incoming, existing: leads, pipeline: pipeline, windowSeconds: window) {
            case .attach(let id, let reasons):
                result["intake"] = .object(JSONObject([("decision", .string("attach")), ("leadID", .string(id)),
                                                       ("reasons", .array(reasons.map { .string($0.rawValue) }))]))
            case .create(let matches):
                result["intake"] = .object(JSONObject([("decision", .string("create")), ("matches", .array(matches.map { .string($0) }))]))
            }
        }
    }

    static func merge(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let leads = try LeadJSON.leads(&fields, "leads")
        let pipeline = try LeadJSON.pipeline(&fields)
        let merged = try LeadJSON.map("leads") { () throws(LeadError) in try Duplicates.merge(leads, pipeline: pipeline) }
        result["survivorID"] = .string(merged.lead.id)
        result["absorbedIDs"] = .array(merged.absorbedIDs.map { .string($0) })
        result["activityCount"] = .number(String(merged.lead.activities.count))
        result["lead"] = LeadJSON.json(merged.lead)
    }

    static func insights(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let lead = try requiredLead(&fields)
        let filter = try fields.choice("by", ActorFilter.self) ?? .all
        result["by"] = .string(filter.rawValue)
        result["changes"] = .array(lead.activities.termChanges(by: filter).map { LeadJSON.json($0.activity) })
    }

    // MARK: - Identity

    static func vin(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let check = VINCheck(try fields.requiredString("vin"))
        result["status"] = .string(check.status.rawValue)
        result["valid"] = .bool(check.status == .valid)
        result["normalized"] = .string(check.normalized)
        if let digit = check.computedCheckDigit { result["computedCheckDigit"] = .string(String(digit)) }
        if let sum = check.weightedSum { result["weightedSum"] = .number(String(sum)) }
        result["northAmerican"] = .bool(check.isNorthAmerican)
        result["acceptable"] = .bool(check.isAcceptable)
        if let year = check.modelYear { result["modelYear"] = .number(String(year)) }
        result["modelYearCandidates"] = .array(check.modelYearCandidates.map { .number(String($0)) })
    }

    static func phone(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let text = try fields.requiredString("phone")
        let region = try fields.choice("defaultRegion", PhoneNumber.Region.self) ?? .nanp
        do {
            let number = try PhoneNumber(parsing: text, defaultRegion: region)
            result["valid"] = .bool(true)
            result["e164"] = .string(number.e164)
            result["countryCode"] = .string(number.countryCode)
            result["nationalNumber"] = .string(number.nationalNumber)
            if let ext = number.extension { result["extension"] = .string(ext) }
            result["regionVerified"] = .bool(number.isRegionVerified)
        } catch {
            result["valid"] = .bool(false)
            result["reason"] = .string(error.rawValue)
            result["message"] = .string(error.message)
        }
    }

    static func email(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let text = try fields.requiredString("email")
        do {
            let email = try EmailAddress(parsing: text)
            result["valid"] = .bool(true)
            result["normalized"] = .string(email.normalized)
            result["key"] = .string(email.key)
            result["domain"] = .string(email.domain)
            result["possibleDuplicateKey"] = .string(email.possibleDuplicateKey)
            result["internationalized"] = .bool(email.isInternationalized)
        } catch {
            result["valid"] = .bool(false)
            result["reason"] = .string(error.rawValue)
            result["message"] = .string(error.message)
        }
    }
}
