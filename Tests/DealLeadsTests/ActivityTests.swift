// DealFinance — DealLeadsTests: the append-only activity log and Activity Insights.

import Testing
import _DealTestSupport
@testable import DealLeads

private func change(_ id: String, _ seconds: Int, _ actor: ActivityActor, _ term: DealTerm) -> Activity {
    Activity(id: id, at: t0.adding(seconds: seconds), actor: actor, kind: .dealTermChange(TermChange(term: term, from: "1", to: "2")))
}

@Suite("ActivityLog")
struct ActivityTests {
    @Test("Timeline orders by time, ties keep append order")
    func timeline() {
        var log = ActivityLog()
        log.append(Activity(id: "b", at: t0.adding(seconds: 10), actor: .dealer, kind: .note("b")))
        log.append(Activity(id: "a", at: t0, actor: .customer, kind: .chat(.inbound, text: "hi")))
        log.append(Activity(id: "c", at: t0.adding(seconds: 10), actor: .system, kind: .note("c")))
        #expect(log.timeline.map(\.id) == ["a", "b", "c"])
        #expect(log.entries.map(\.id) == ["b", "a", "c"])
        #expect(log.latestActivity == t0.adding(seconds: 10))
    }

    @Test("Activity Insights filters term changes by actor")
    func insights() {
        let log = ActivityLog([
            change("1", 30, .customer, .downPayment), change("2", 10, .dealer, .term),
            change("3", 20, .customer, .creditScore), change("4", 40, .system, .rebates),
            Activity(id: "5", at: t0, actor: .customer, kind: .note("not a term change")),
        ])
        #expect(log.termChanges(by: .customer).map(\.change.term) == [.creditScore, .downPayment])
        #expect(log.termChanges(by: .dealer).map(\.change.term) == [.term])
        #expect(log.termChanges(by: .all).map(\.activity.id) == ["2", "3", "1", "4"])
    }

    @Test("Merge keeps every entry of both logs, identical entries once, in time order")
    func merge() {
        let shared = change("s", 5, .dealer, .apr)
        let a = ActivityLog([change("a1", 0, .customer, .term), shared])
        let b = ActivityLog([shared, change("b1", 3, .dealer, .term), change("a1", 9, .dealer, .term)])
        let merged = a.merged(with: b)
        #expect(merged.count == 4)
        #expect(merged.entries.map(\.at.secondsSinceEpoch) == [0, 3, 5, 9].map { t0.secondsSinceEpoch + $0 })
        for activity in a.entries + b.entries { #expect(merged.entries.contains(activity)) }
    }

    @Test("Kind names, directions and outbound touches")
    func kinds() {
        let call = ActivityKind.call(.outbound, durationSeconds: 240, outcome: .voicemail)
        #expect(call.name == "call")
        #expect(call.isOutboundTouch)
        #expect(!ActivityKind.email(.inbound, subject: nil).isOutboundTouch)
        #expect(ActivityKind.note("x").direction == nil)
        #expect(ActivityKind.appointment(scheduledFor: t0, note: nil).name == "appointment")
        #expect(ActivityKind.testDrive(vin: nil).name == "testDrive")
    }

    @Test("Timeline: a log already in time order is returned as it is; otherwise the stable sort")
    func timelineFastPath() {
        var g = SeededGenerator(seed: 20_261_123)
        for _ in 0..<500 {
            var log = ActivityLog()
            var time = 0
            let ordered = g.chance(1, in: 2)
            for n in 0..<g.int(in: 0...12) {
                time = ordered ? time + g.int(in: 0...2) : g.int(in: 0...20)   // equal times often
                log.append(change("a\(n)", time, g.element(of: ActivityActor.allCases), g.element(of: DealTerm.allCases)))
            }
            let sorted = log.entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
            #expect(log.timeline == sorted)
            #expect(log.isInTimeOrder == (log.entries == sorted))
        }
    }
}

