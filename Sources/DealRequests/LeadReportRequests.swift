// DealFinance — exact deal finance. DealRequests: ADF, lead reports and the Lead Summary as
// JSON requests (Documentation/Reference/Leads.md "ADF", "Lead reports", "Lead Summary").

import DealDecimal
import DealEngine
import DealJSON
import DealLeads

/// `"calculate"`: `adfParse`, `adfGenerate`, `leadReport`, `leadSummary`. Leads are the lead
/// objects of ``LeadJSON``.
enum LeadReportRequests {
    static let kinds = ["adfParse", "adfGenerate", "leadReport", "leadSummary"]

    /// Largest `xml` accepted (the XML reader's default byte limit).
    static let maximumXMLBytes = ADFXMLReader.Limits().maximumBytes

    static func answer(kind: String, request: JSONValue) throws(DealError) -> JSONValue {
        var fields = try FieldReader(request, path: "")
        _ = try fields.string("calculate")
        var result = JSONObject()
        result["calculate"] = .string(kind)
        switch kind {
        case "adfParse": try adfParse(&fields, &result)
        case "adfGenerate": try adfGenerate(&fields, &result)
        case "leadReport": try report(&fields, &result)
        default: try summary(&fields, &result)
        }
        try fields.finish()
        return .object(result)
    }

    // MARK: - ADF

    /// `{"xml" | "xmlBase64", "leadId"?, "receivedAt"?, "defaultUtcOffset"?}` → `{"leads": [{lead,
    /// isResend, dealerName, financingMethod, wantsTestDrive}], "diagnostics": [{path, message}]}`.
    /// `xml` is text (already Unicode); `xmlBase64` is the file's bytes, decoded by their own
    /// encoding declaration. Either may hold an e-mail or HTML page around the ADF.
    static func adfParse(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let text = try fields.string("xml")
        let encoded = try fields.string("xmlBase64")
        let key = text != nil ? "xml" : "xmlBase64"
        guard (text == nil) != (encoded == nil) else {
            throw text == nil ? fields.missing("xml", "the ADF XML text (or its bytes as \"xmlBase64\")")
                : DealError.invalidArgument(fields.path("xmlBase64"), "expected either \"xml\" or \"xmlBase64\", found both")
        }
        var bytes: [UInt8] = []
        if let encoded {
            guard encoded.utf8.count <= maximumXMLBytes / 3 * 4 + 4096, let decoded = ADFEnvelope.base64(Array(encoded.utf8)) else {
                throw DealError.invalidArgument(fields.path("xmlBase64"), "expected base64 (A–Z, a–z, 0–9, +, /, = padding) of at most \(maximumXMLBytes) bytes, found \"\(FieldReader.excerpt(encoded))\"")
            }
            bytes = decoded
        }
        let idBase = try fields.string("leadId")
        let receivedAt = try fields.instant("receivedAt")
        var options = ADFReadOptions()
        if let offset = try fields.string("defaultUtcOffset") {
            guard let minutes = Self.offsetMinutes(offset) else {
                throw DealError.invalidArgument(fields.path("defaultUtcOffset"), "expected a UTC offset ±HH:MM such as \"-05:00\", found \"\(FieldReader.excerpt(offset))\"")
            }
            options.defaultUTCOffsetMinutes = minutes
        }
        let read: AutoLeadDocument.ReadResult
        do {
            if let text { read = try AutoLeadDocument.parse(text: text, options: options) } else { read = try AutoLeadDocument.parse(bytes, options: options) }
        } catch {
            throw DealError.invalidArgument(fields.path(key), "expected an ADF 1.0 document, found \(error)")
        }
        var leads: [JSONValue] = []
        var diagnostics = read.diagnostics
        for (index, prospect) in read.document.prospects.enumerated() {
            let id = idBase.map { read.document.prospects.count == 1 ? $0 : "\($0)-\(index + 1)" } ?? prospect.ids.first?.value ?? "adf-\(index + 1)"
            guard let fallback = receivedAt ?? (prospect.requestDate != nil ? Instant(secondsSinceEpoch: 0) : nil) else {
                throw DealError.invalidArgument(fields.path("receivedAt"), "expected \"receivedAt\" because prospect \(index) has no usable requestdate, found nothing")
            }
            let imported = Lead.fromADF(prospect, id: id, receivedAt: fallback)
            diagnostics += imported.diagnostics
            var entry = JSONObject()
            entry["lead"] = LeadJSON.json(imported.lead)
            entry["isResend"] = .bool(imported.isResend)
            if let dealer = imported.dealerName { entry["dealerName"] = .string(dealer) }
            if let method = imported.financingMethod { entry["financingMethod"] = .string(method.rawValue) }
            entry["wantsTestDrive"] = .bool(imported.wantsTestDrive)
            leads.append(.object(entry))
        }
        result["leads"] = .array(leads)
        result["diagnostics"] = .array(diagnostics.map { .object(JSONObject([("path", .string($0.path)), ("message", .string($0.message))])) })
    }

    static func offsetMinutes(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == 43 || bytes[0] == 45, bytes[3] == 58,
              let hours = Int(String(decoding: bytes[1...2], as: UTF8.self)), let minutes = Int(String(decoding: bytes[4...5], as: UTF8.self)),
              bytes[1...2].allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[4...5].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              hours <= 14, minutes <= 59 else { return nil }
        return (bytes[0] == 45 ? -1 : 1) * (hours * 60 + minutes)
    }

    /// `{"leads": [lead…], "dealerName"?, "financingMethod"?}` → `{"xml"}` (one prospect per
    /// lead). `dealerName` may be left out when every lead has a `vendor.name`.
    static func adfGenerate(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        let leads = try LeadJSON.leads(&fields, "leads")
        let dealer = try fields.string("dealerName")
        let method = try fields.choice("financingMethod", FinancingType.self)
        var prospects: [ADFProspect] = []
        for lead in leads {
            guard let name = dealer ?? lead.vendor?.name else {
                throw fields.missing("dealerName", "the dealership's name (ADF vendorname), since lead \"\(FieldReader.excerpt(lead.id))\" has no vendor.name")
            }
            prospects.append(lead.adfProspect(dealerName: name, financingMethod: method))
        }
        let document = AutoLeadDocument(prospects: prospects)
        do { result["xml"] = .string(try document.xml()) } catch {
            // The prospect's index in the ADF path names the lead; without one, the list.
            let index = error.path.split(separator: "[").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
            throw DealError.invalidArgument(index.map { "leads.\($0)" } ?? "leads", "expected a lead ADF can carry, found \(error.message) at ADF \(error.path)")
        }
    }

    // MARK: - Reports

    /// `{"report", "leads", "from", "to", "asOf", "excludedIds"?, "pipeline"?, "timeZone"?,
    /// "responseTargetSeconds"?, "countsAutomatedTouches"?, "qualifiedStage"?, "spend"?, "grossProfit"?}`
    /// → `{"report", "cohort", "excluded", "columns", "rows": [{column: text}]}`.
    static func report(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        guard let name = try fields.string("report") else { throw fields.missing("report", "a report name") }
        guard let report = LeadReport(rawValue: name) else {
            throw DealError.invalidArgument(fields.path("report"), "expected one of \(LeadReport.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), found \"\(FieldReader.excerpt(name))\"")
        }
        let leads = try LeadJSON.leads(&fields, "leads")
        let from = try fields.requiredInstant("from")
        let to = try fields.requiredInstant("to")
        let asOf = try fields.requiredInstant("asOf")
        guard from <= to else { throw DealError.invalidArgument(fields.path("to"), "expected \"to\" not before \"from\" (\(from)), found \(to)") }
        let excluded = try fields.strings("excludedIds", limit: LeadJSON.maximumLeads) ?? []
        var scope = LeadReportScope(from: from, to: to, asOf: asOf, excludedIDs: Set(excluded),
                                    pipeline: try LeadJSON.pipeline(&fields), timeZone: try LeadJSON.timeZone(&fields))
        if let target = try fields.integer("responseTargetSeconds") {
            guard (0...31_536_000).contains(target) else {
                throw DealError.invalidArgument(fields.path("responseTargetSeconds"), "expected 0…31536000 seconds, found \(target)")
            }
            scope.responseTargetSeconds = target
        }
        scope.countsAutomatedTouches = try fields.bool("countsAutomatedTouches") ?? false
        if let stage = try fields.string("qualifiedStage") {
            guard scope.pipeline.stage(named: stage) != nil else {
                throw DealError.invalidArgument(fields.path("qualifiedStage"), "expected a stage of the pipeline, found \"\(FieldReader.excerpt(stage))\"")
            }
            scope.qualifiedStage = stage
        }
        let spend = try amounts(&fields, "spend")
        let profit = try amounts(&fields, "grossProfit")
        let analytics = LeadAnalytics(leads, scope: scope)
        // A source's spend or gross profit too large for its sums: the message names which.
        let table = try LeadJSON.map(fields.path) { () throws(LeadError) in try report.table(analytics, leads: leads, spend: spend, grossProfit: profit) }
        result["report"] = .string(report.rawValue)
        result["asOf"] = .string(asOf.description)
        result["cohort"] = .number(String(analytics.cohort.count))
        result["excluded"] = .number(String(analytics.excludedCount))
        result["columns"] = .array(table.columns.map { .string($0) })
        result["rows"] = .array(table.rows.map { row in .object(JSONObject(zip(table.columns, row).map { ($0, JSONValue.string($1)) })) })
    }

    /// An object of decimal strings keyed by name.
    static func amounts(_ fields: inout FieldReader, _ key: String) throws(DealError) -> [String: ExactDecimal] {
        guard var object = try fields.object(key) else { return [:] }
        var result: [String: ExactDecimal] = [:]
        for name in object.object.keys {
            guard let value = try object.decimal(name) else { continue }
            guard !value.isNegative else { throw DealError.invalidArgument(object.path(name), "expected an amount ≥ 0, found \(value)") }
            result[name] = value
        }
        try object.finish()
        return result
    }

    // MARK: - Lead Summary

    /// `{"lead", "deal"?: loan request fields (no "calculate"), "insights"?: all|customer|dealer}`
    /// → the five sections; `paymentBreakdown` is exactly the `loan` result for the deal.
    static func summary(_ fields: inout FieldReader, _ result: inout JSONObject) throws(DealError) {
        guard let leadValue = fields.object["lead"] else { throw fields.missing("lead", "a lead object") }
        _ = try fields.object("lead")
        let lead = try LeadJSON.lead(leadValue, path: "lead")
        let filter = try fields.choice("insights", ActorFilter.self) ?? .all
        var deal: RetailLoan? = nil
        if let dealValue = fields.object["deal"] {
            _ = try fields.object("deal")
            guard var object = dealValue.objectValue else { throw DealError.invalidArgument("deal", "expected a loan request object, found \(FieldReader.describe(dealValue))") }
            guard object["calculate"] == nil else { throw DealError.invalidArgument("deal.calculate", "expected the loan fields only, found \"calculate\"") }
            object["calculate"] = .string("loan")
            let request: LoanRequest
            do { request = try LoanRequest(json: .object(object)) } catch {
                throw DealError(code: error.code, path: error.path.isEmpty ? "deal" : "deal.\(error.path)", message: error.message)
            }
            // The summary quotes the deal forward; a solve would leave its placeholder in the quote.
            if request.solve != nil { throw DealError.invalidArgument("deal.solveFor", "expected no solveFor in a lead summary's deal (its payment breakdown is a forward quote), found one") }
            deal = request.loan
        }
        let summary: LeadSummary
        do { summary = try LeadSummary(lead: lead, deal: deal, insights: filter) } catch {
            throw DealError(code: error.code, path: error.path.isEmpty ? "deal" : "deal.\(error.path)", message: error.message)
        }
        func text(_ object: inout JSONObject, _ key: String, _ value: String?) { if let value { object[key] = .string(value) } }
        if let dealSummary = summary.deal {
            var o = JSONObject()
            o["asset"] = .string(dealSummary.asset)
            o["leadId"] = .string(dealSummary.leadID)
            o["status"] = .string(dealSummary.status)
            text(&o, "vin", dealSummary.vin)
            o["netFinancedAmount"] = .string(dealSummary.netFinancedAmount.description)
            o["dealType"] = .string(dealSummary.dealType)
            o["rate"] = .string(dealSummary.rate.description)
            o["estimatedPayment"] = .string(dealSummary.estimatedPayment.description)
            result["dealSummary"] = .object(o)
        }
        var insights = JSONObject()
        insights["total"] = .number(String(summary.activityInsights.total))
        insights["countsByKind"] = .object(JSONObject(summary.activityInsights.countsByKind.keys.sorted().map { ($0, JSONValue.number(String(summary.activityInsights.countsByKind[$0]!))) }))
        if let last = summary.activityInsights.lastActivityAt { insights["lastActivityAt"] = .string(last.description) }
        insights["filter"] = .string(filter.rawValue)
        insights["termChanges"] = .array(summary.activityInsights.termChanges.map { change in
            var o = JSONObject()
            o["at"] = .string(change.at.description)
            o["actor"] = .string(change.actor)
            o["term"] = .string(change.term)
            text(&o, "from", change.from)
            o["to"] = .string(change.to)
            return .object(o)
        })
        result["activityInsights"] = .object(insights)
        var customer = JSONObject()
        customer["name"] = .string(summary.customer.name)
        text(&customer, "email", summary.customer.email)
        text(&customer, "phone", summary.customer.phone)
        text(&customer, "preferredContact", summary.customer.preferredContact)
        text(&customer, "postalCode", summary.customer.postalCode)
        text(&customer, "regionCode", summary.customer.regionCode)
        result["customerDetails"] = .object(customer)
        if let asset = summary.asset {
            var o = JSONObject()
            if let year = asset.year { o["year"] = .number(String(year)) }
            text(&o, "make", asset.make)
            text(&o, "model", asset.model)
            text(&o, "trim", asset.trim)
            text(&o, "vin", asset.vin)
            text(&o, "condition", asset.condition)
            text(&o, "stockNumber", asset.stockNumber)
            if let mileage = asset.mileage { o["mileage"] = .number(String(mileage)) }
            text(&o, "price", asset.price?.description)
            result["assetDetails"] = .object(o)
        }
        if let quote = summary.paymentBreakdown { result["paymentBreakdown"] = try quote.json(explain: false) }
    }
}
