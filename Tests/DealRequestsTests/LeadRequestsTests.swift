// DealFinance — DealRequestsTests: the lead request kinds through DealCalculator, and Vectors/leads.

import Testing
import Foundation
import DealJSON
@testable import DealRequests

private func answer(_ text: String) -> JSONValue { DealCalculator.calculate(requestText: text) }
private let bare = #"{"id":"L","createdAt":"2024-05-14T14:30:00Z","source":"referral"}"#

@Suite("LeadRequests")
struct LeadRequestsTests {
    @Test("leadScore: score, band, contributions")
    func score() {
        let result = answer(#"{"calculate":"leadScore","lead":\#(bare)}"#)
        #expect(result.value(atPath: "score") == 15)
        #expect(result.value(atPath: "priority") == "cold")
        #expect(result.value(atPath: "contributions.6.rule") == "source")
        #expect(result.value(atPath: "contributions.6.points") == 15)
        let custom = answer(#"{"calculate":"leadScore","lead":\#(bare),"rules":{"sources":{"referral":60}}}"#)
        #expect(custom.value(atPath: "priority") == "hot")
        let decay = answer(#"{"calculate":"leadScore","lead":\#(bare),"rules":{"decay":{"periodSeconds":86400,"pointsPerPeriod":5}}}"#)
        #expect(decay.value(atPath: "error.path") == "asOf")
        #expect(answer(#"{"calculate":"leadScore","lead":\#(bare),"rules":{"sources":{"web":1}}}"#).value(atPath: "error.path") == "rules.sources.web")
        #expect(answer(#"{"calculate":"leadScore","lead":\#(bare),"rules":{"hotThreshold":10}}"#).value(atPath: "error.path") == "rules")
        #expect(answer(#"{"calculate":"leadScore"}"#).value(atPath: "error.path") == "lead")
    }

    @Test("leadIndicators")
    func indicators() {
        let result = answer(#"{"calculate":"leadIndicators","lead":\#(bare),"asOf":"2024-05-15T14:30:01Z"}"#)
        #expect(result.value(atPath: "overdue") == true)
        #expect(result.value(atPath: "responseOverdue") == true)
        #expect(result.value(atPath: "qualified") == false)
        let relaxed = answer(#"{"calculate":"leadIndicators","lead":\#(bare),"asOf":"2024-05-15T14:30:01Z","responseTargetSeconds":172800}"#)
        #expect(relaxed.value(atPath: "overdue") == false)
        #expect(answer(#"{"calculate":"leadIndicators","lead":\#(bare)}"#).value(atPath: "error.path") == "asOf")
    }

    @Test("leadTransition: pipeline and retail; illegal moves name both states")
    func transitions() {
        let ok = answer(#"{"calculate":"leadTransition","lead":\#(bare),"to":"Qualified","actor":"dealer","at":"2024-05-14T15:00:00Z"}"#)
        #expect(ok.value(atPath: "from") == "New")
        #expect(ok.value(atPath: "lead.stage") == "Qualified")
        #expect(ok.value(atPath: "lead.activities.0.type") == "statusChange")
        let lost = answer(#"{"calculate":"leadTransition","lead":\#(bare),"to":"Closed Lost","actor":"dealer","at":"2024-05-14T15:00:00Z"}"#)
        #expect(lost.value(atPath: "error.path") == "to")
        #expect(lost.value(atPath: "error.message")?.stringValue?.contains("lost reason") == true)
        let won = #"{"id":"L","createdAt":"2024-05-14T14:30:00Z","source":"referral","stage":"Closed Won"}"#
        let illegal = answer(#"{"calculate":"leadTransition","lead":\#(won),"to":"New","actor":"dealer","at":"2024-05-14T15:00:00Z"}"#)
        #expect(illegal.value(atPath: "error.message") == #"illegal pipeline transition from "Closed Won" to "New""#)
        let retail = answer(#"{"calculate":"leadTransition","workflow":"retailStatus","lead":\#(bare),"to":"completed","actor":"customer","at":"2024-05-14T15:00:00Z"}"#)
        #expect(retail.value(atPath: "lead.retailStatus") == "completed")
        let stray = answer(#"{"calculate":"leadTransition","workflow":"retailStatus","lead":\#(bare),"to":"completed","actor":"customer","at":"2024-05-14T15:00:00Z","reason":"price"}"#)
        #expect(stray.value(atPath: "error.path") == "reason")
    }

    @Test("dealTransition")
    func deal() {
        let ok = answer(#"{"calculate":"dealTransition","lead":\#(bare),"to":"draft","actor":"dealer","at":"2024-05-14T15:00:00Z","dealID":"D-1"}"#)
        #expect(ok.value(atPath: "lead.dealID") == "D-1")
        #expect(ok.value(atPath: "allowedNext") == ["submitted", "cancelled"])
        let bad = answer(#"{"calculate":"dealTransition","lead":\#(bare),"to":"approved","actor":"dealer","at":"2024-05-14T15:00:00Z"}"#)
        #expect(bad.value(atPath: "error.message") == #"illegal dealStatus transition from "none" to "approved""#)
    }

    @Test("leadAssign: single lead, sequences, manual")
    func assign() {
        let team = #"[{"id":"A"},{"id":"B","busy":true},{"id":"C"}]"#
        let one = answer(#"{"calculate":"leadAssign","lead":\#(bare),"team":\#(team),"asOf":"2024-05-14T15:00:00Z","state":{"lastAssigneeID":"A"}}"#)
        #expect(one.value(atPath: "assignee") == "C")
        #expect(one.value(atPath: "state.lastAssigneeID") == "C")
        #expect(one.value(atPath: "reasons.1") == "B: busy")
        let leads = "[" + (0..<4).map { #"{"id":"L\#($0)","createdAt":"2024-05-14T14:30:00Z","source":"chat"}"# }.joined(separator: ",") + "]"
        let many = answer(#"{"calculate":"leadAssign","leads":\#(leads),"team":\#(team),"asOf":"2024-05-14T15:00:00Z"}"#)
        #expect(many.value(atPath: "assignments.3.assignee") == "C")
        #expect(many.value(atPath: "assignments.2.assignee") == "A")
        let manual = answer(#"{"calculate":"leadAssign","lead":\#(bare),"team":\#(team),"asOf":"2024-05-14T15:00:00Z","manual":"B"}"#)
        #expect(manual.value(atPath: "method") == "manual")
        #expect(answer(#"{"calculate":"leadAssign","lead":\#(bare),"team":\#(team),"asOf":"2024-05-14T15:00:00Z","manual":"Z"}"#).value(atPath: "error.path") == "manual")
    }

    @Test("followUpDue with a dealer time zone")
    func followUp() {
        let result = answer(#"{"calculate":"followUpDue","asOf":"2024-03-09T20:00:00Z","preset":"tomorrow","timeZone":{"standardOffset":"-06:00","usDaylightSaving":true}}"#)
        #expect(result.value(atPath: "due") == "2024-03-11T14:00:00Z")
        #expect(result.value(atPath: "dueLocal") == "2024-03-11T09:00:00-05:00")
        let hours = answer(#"{"calculate":"followUpDue","asOf":"2024-05-14T15:00:00Z","preset":"oneHour","businessHours":{"open":"08:00","close":"24:00","days":["sunday"]}}"#)
        #expect(hours.value(atPath: "due") == "2024-05-19T08:00:00Z")
        #expect(answer(#"{"calculate":"followUpDue","asOf":"2024-05-14T15:00:00Z","preset":"custom"}"#).value(atPath: "error.path") == "customAt")
        #expect(answer(#"{"calculate":"followUpDue","asOf":"2024-05-14T15:00:00Z","preset":"oneHour","timeZone":{"standardOffset":"-6"}}"#).value(atPath: "error.path") == "timeZone.standardOffset")
        #expect(answer(#"{"calculate":"followUpDue","asOf":"2024-05-14T15:00:00Z","preset":"oneHour","businessHours":{"open":"9:00"}}"#).value(atPath: "error.path") == "businessHours.open")
    }

    @Test("leadDuplicates, leadMerge, activityInsights")
    func duplicates() {
        let leads = #"[{"id":"a","createdAt":"2024-05-01T00:00:00Z","source":"chat","contact":{"email":"Jane@X.com"},"activities":[{"id":"1","at":"2024-05-01T00:00:00Z","actor":"customer","type":"dealTermChange","term":"term","to":"72"}]},{"id":"b","createdAt":"2024-05-02T00:00:00Z","source":"phone","contact":{"email":"jane@x.com"},"activities":[{"id":"2","at":"2024-05-02T00:00:00Z","actor":"dealer","type":"note","text":"x"}]}]"#
        let groups = answer(#"{"calculate":"leadDuplicates","leads":\#(leads),"incoming":{"id":"c","createdAt":"2024-05-03T00:00:00Z","source":"adf","contact":{"email":"JANE@x.com"}},"windowSeconds":172800}"#)
        #expect(groups.value(atPath: "groups.0.leadIDs") == ["a", "b"])
        #expect(groups.value(atPath: "pairs.0.reasons") == ["email"])
        #expect(groups.value(atPath: "intake.decision") == "attach")
        #expect(groups.value(atPath: "intake.leadID") == "b")
        let merged = answer(#"{"calculate":"leadMerge","leads":\#(leads)}"#)
        #expect(merged.value(atPath: "survivorID") == "b")
        #expect(merged.value(atPath: "activityCount") == 2)
        let insights = answer(#"{"calculate":"activityInsights","lead":{"id":"a","createdAt":"2024-05-01T00:00:00Z","source":"chat","activities":[{"id":"1","at":"2024-05-01T00:00:00Z","actor":"customer","type":"dealTermChange","term":"term","to":"72"}]},"by":"dealer"}"#)
        #expect(insights.value(atPath: "changes") == [])
        #expect(answer(#"{"calculate":"leadMerge","leads":[]}"#).value(atPath: "error.path") == "leads")
        #expect(answer(#"{"calculate":"leadDuplicates","leads":\#(leads),"windowSeconds":5}"#).value(atPath: "error.path") == "windowSeconds")
    }

    @Test("vinValidate, phoneNormalize, emailNormalize")
    func identity() {
        let vin = answer(#"{"calculate":"vinValidate","vin":"5YJ3E1EAXHF000316"}"#)
        #expect(vin.value(atPath: "status") == "valid")
        #expect(vin.value(atPath: "computedCheckDigit") == "X")
        #expect(vin.value(atPath: "modelYear") == 2017)
        let phone = answer(#"{"calculate":"phoneNormalize","phone":"+1 (312) 555-0147 x22"}"#)
        #expect(phone.value(atPath: "e164") == "+13125550147")
        #expect(phone.value(atPath: "extension") == "22")
        #expect(answer(#"{"calculate":"phoneNormalize","phone":"555-0147"}"#).value(atPath: "reason") == "missingAreaCode")
        #expect(answer(#"{"calculate":"phoneNormalize","phone":"555-0147","defaultRegion":"US"}"#).value(atPath: "error.path") == "defaultRegion")
        let email = answer(#"{"calculate":"emailNormalize","email":" Jane.Doe@Example.COM "}"#)
        #expect(email.value(atPath: "key") == "jane.doe@example.com")
        #expect(answer(#"{"calculate":"emailNormalize","email":"emailaddress"}"#).value(atPath: "valid") == false)
        #expect(answer(#"{"calculate":"vinValidate"}"#).value(atPath: "error.path") == "vin")
        #expect(answer(#"{"calculate":"vinValidate","vin":"x","extra":1}"#).value(atPath: "error.path") == "extra")
    }

    @Test("Every case in Vectors/leads passes")
    func vectors() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Vectors/leads")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count >= 7)
        var cases = 0
        for name in names {
            let data = try Data(contentsOf: root.appendingPathComponent(name))
            let file = try VectorFile(json: try JSONReader().parse(Array(data)), name: "Vectors/leads/" + name)
            for vector in file.cases {
                cases += 1
                let failures = vector.check()
                #expect(failures.isEmpty, "\(failures.map(\.description))")
            }
        }
        #expect(cases >= 60)
    }
}
