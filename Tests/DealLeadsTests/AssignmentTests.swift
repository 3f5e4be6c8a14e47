// DealFinance — DealLeadsTests: round robin, specialization, territory, availability, manual.

import Testing
import DealDecimal
@testable import DealLeads

private let abc = [Salesperson(id: "A"), Salesperson(id: "B"), Salesperson(id: "C")]

@Suite("Assignment")
struct AssignmentTests {
    let lead = Lead(id: "L", createdAt: t0, source: .dealerWebsite)

    @Test("Documentation/Leads.md vectors", arguments: [
        (nil as String?, [String](), "A" as String?), ("A", [], "B"), ("C", [], "A"), ("A", ["B"], "C"), ("A", ["A", "B", "C"], nil),
    ])
    func vectors(last: String?, busy: [String], expected: String?) {
        let team = abc.map { member in var m = member; m.isBusy = busy.contains(member.id); return m }
        let decision = LeadRouter(team: team, timeZone: .utc).assign(lead, asOf: t0, state: RoundRobinState(lastAssigneeID: last))
        #expect(decision.assigneeID == expected)
        #expect(decision.method == (expected == nil ? .unassigned : .roundRobin))
        #expect(decision.state.lastAssigneeID == (expected ?? last))
        #expect(decision.reasons.count == 4)
    }

    @Test("Round robin is fair: n × team size leads give each member n")
    func fairness() {
        let router = LeadRouter(team: abc + [Salesperson(id: "D")], timeZone: .utc)
        var state = RoundRobinState()
        var counts: [String: Int] = [:]
        var order: [String] = []
        for _ in 0..<40 {
            let decision = router.assign(lead, asOf: t0, state: state)
            state = decision.state
            counts[decision.assigneeID!, default: 0] += 1
            order.append(decision.assigneeID!)
        }
        #expect(counts == ["A": 10, "B": 10, "C": 10, "D": 10])
        #expect(order.prefix(5) == ["A", "B", "C", "D", "A"])
    }

    @Test("Departed last assignee restarts the rotation")
    func departed() {
        let decision = LeadRouter(team: abc, timeZone: .utc).assign(lead, asOf: t0, state: RoundRobinState(lastAssigneeID: "Z"))
        #expect(decision.assigneeID == "A")
        #expect(decision.reasons.last?.contains("left the team") == true)
    }

    @Test("Specialization, price range, territory, working hours — each with a reason")
    func predicates() {
        var lead = lead
        lead.vehicles = [VehicleOfInterest(condition: .used, vehicleType: "Truck", price: ExactDecimal(45000), isPrimary: true)]
        lead.contact.regionCode = "IL"
        lead.contact.postalCode = "60601"
        let team = [
            Salesperson(id: "suv", vehicleTypes: ["suv"]),
            Salesperson(id: "new", conditions: [.new]),
            Salesperson(id: "cheap", priceRange: BudgetRange(maximum: ExactDecimal(30000))),
            Salesperson(id: "wi", territories: ["WI"]),
            Salesperson(id: "night", workingHours: BusinessHours(openSecond: 0, closeSecond: 3600)),
            Salesperson(id: "ok", vehicleTypes: ["truck"], territories: ["606"]),
        ]
        let router = LeadRouter(team: team, timeZone: .utc)
        let decision = router.assign(lead, asOf: t0, state: RoundRobinState())
        #expect(decision.assigneeID == "ok")
        #expect(decision.reasons == [
            "suv: does not handle vehicle type Truck", "new: does not handle used vehicles",
            "cheap: price 45000 outside 0–30000", "wi: territory IL not covered", "night: outside working hours",
            "ok: eligible", "chose ok: next eligible in rotation (rotation start)",
        ])
        var loose = router
        loose.usesSpecialization = false
        loose.usesTerritory = false
        loose.usesAvailability = false
        #expect(loose.assign(lead, asOf: t0, state: RoundRobinState()).assigneeID == "suv")
    }

    @Test("Manual assignment: any member, with a note when not eligible; unknown id refused")
    func manual() throws {
        let team = [Salesperson(id: "A", isBusy: true)]
        let router = LeadRouter(team: team, timeZone: .utc)
        let decision = try router.assignManually(lead, to: "A", asOf: t0, state: RoundRobinState(lastAssigneeID: "A"))
        #expect(decision.method == .manual)
        #expect(decision.reasons == ["A: assigned manually (note: busy)"])
        #expect(throws: LeadError.self) { try router.assignManually(lead, to: "X", asOf: t0, state: RoundRobinState()) }
    }
}
