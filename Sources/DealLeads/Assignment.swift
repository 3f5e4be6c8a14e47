// DealFinance — exact deal finance. DealLeads: deterministic lead assignment with reasons.

import DealDecimal

/// A member of the sales team as routing sees it. Empty sets mean "any".
public struct Salesperson: Sendable, Hashable {
    /// The salesperson's id.
    public var id: String
    /// Vehicle types handled (`VehicleOfInterest.vehicleType`, case-insensitive); empty = all.
    public var vehicleTypes: Set<String>
    /// Conditions handled (new, used, certified); empty = all.
    public var conditions: Set<VehicleCondition>
    /// The price range handled (the lead's primary-vehicle price, else budget maximum); nil = all.
    public var priceRange: BudgetRange?
    /// Territories: region codes (`IL`) or postal-code prefixes (`606`); empty = all.
    public var territories: Set<String>
    /// Working hours in the dealer time zone; nil = always available.
    public var workingHours: BusinessHours?
    /// Temporarily out of the rotation.
    public var isBusy: Bool

    /// A salesperson and what they handle; an empty set means any.
    public init(id: String, vehicleTypes: Set<String> = [], conditions: Set<VehicleCondition> = [], priceRange: BudgetRange? = nil,
                territories: Set<String> = [], workingHours: BusinessHours? = nil, isBusy: Bool = false) {
        self.id = id
        self.vehicleTypes = vehicleTypes
        self.conditions = conditions
        self.priceRange = priceRange
        self.territories = territories
        self.workingHours = workingHours
        self.isBusy = isBusy
    }
}

/// How a lead was (or was not) assigned.
public enum AssignmentMethod: String, Sendable, Hashable, CaseIterable {
    /// Chosen by hand, by the round robin, or nobody eligible.
    case manual, roundRobin, unassigned
}

/// Round-robin rotation state: the id of the last assignee (nil = start of the rotation).
/// The host stores it between calls.
public struct RoundRobinState: Sendable, Hashable {
    /// The member who got the last lead, nil before the first.
    public var lastAssigneeID: String?
    /// The round robin's state after `lastAssigneeID`.
    public init(lastAssigneeID: String? = nil) { self.lastAssigneeID = lastAssigneeID }
}

/// An assignment and why.
public struct AssignmentDecision: Sendable, Hashable {
    /// The chosen salesperson, nil when nobody is eligible (the lead stays in the queue).
    public var assigneeID: String?
    /// How the assignee was chosen.
    public var method: AssignmentMethod
    /// One line per member considered, in team order, then the choice.
    public var reasons: [String]
    /// The rotation state after this decision (unchanged when unassigned or manual).
    public var state: RoundRobinState
}

/// Deterministic routing: filter the team by availability (busy flag, working hours at `asOf`),
/// specialization (vehicle type, condition, price range) and territory, then pick the first
/// eligible member after the last assignee in circular team order (Documentation/Leads.md — no random
/// tie-break). If the last assignee has left the team, the rotation restarts at the first member
/// (documented choice; HubSpot resets too). Each filter can be switched off.
///
/// ```swift
/// let router = LeadRouter(team: [a, b, c], timeZone: .utc)
/// let first = router.assign(lead, asOf: now, state: RoundRobinState())           // a
/// let second = router.assign(lead, asOf: now, state: first.state)                // b
/// ```
public struct LeadRouter: Sendable, Hashable {
    /// The team, in round-robin order.
    public var team: [Salesperson]
    /// The dealer's time zone, for working hours.
    public var timeZone: DealerTimeZone
    /// Whether only members within their working hours and not busy are eligible.
    public var usesAvailability = true
    /// Whether a member's vehicle types, conditions and price range must fit the lead.
    public var usesSpecialization = true
    /// Whether a member's territories must include the lead's postal or region code.
    public var usesTerritory = true

    /// Routing among `team` in `timeZone`, every filter on.
    public init(team: [Salesperson], timeZone: DealerTimeZone) {
        self.team = team
        self.timeZone = timeZone
    }

    /// Why `member` cannot take `lead` at `asOf`, or nil when eligible.
    public func ineligibility(_ member: Salesperson, for lead: Lead, asOf: Instant) -> String? {
        if usesAvailability {
            if member.isBusy { return "busy" }
            if let hours = member.workingHours {
                let local = timeZone.local(asOf)
                if !hours.isOpen(date: local.date, secondOfDay: local.secondOfDay) { return "outside working hours" }
            }
        }
        if usesSpecialization {
            let vehicle = lead.primaryVehicle
            if !member.vehicleTypes.isEmpty, let type = vehicle?.vehicleType,
               !member.vehicleTypes.contains(where: { $0.lowercased() == type.lowercased() }) {
                return "does not handle vehicle type \(type)"
            }
            if !member.conditions.isEmpty, let condition = vehicle?.condition, !member.conditions.contains(condition) {
                return "does not handle \(condition.rawValue) vehicles"
            }
            if let range = member.priceRange, let price = vehicle?.price ?? lead.budget?.maximum, !range.contains(price) {
                return "price \(price) outside \(range.minimum?.description ?? "0")–\(range.maximum?.description ?? "any")"
            }
        }
        if usesTerritory, !member.territories.isEmpty {
            let region = lead.contact.regionCode?.uppercased()
            let postal = lead.contact.postalCode
            let covered = member.territories.contains { territory in
                territory.uppercased() == region || (postal.map { $0.hasPrefix(territory) } ?? false)
            }
            if !covered { return "territory \(region ?? postal ?? "unknown") not covered" }
        }
        return nil
    }

    /// Round-robin assignment among eligible members.
    public func assign(_ lead: Lead, asOf: Instant, state: RoundRobinState) -> AssignmentDecision {
        var reasons: [String] = []
        var eligible: [Bool] = []
        for member in team {
            let why = ineligibility(member, for: lead, asOf: asOf)
            eligible.append(why == nil)
            reasons.append("\(member.id): \(why ?? "eligible")")
        }
        let start = state.lastAssigneeID.flatMap { id in team.firstIndex { $0.id == id } }
        for step in 1...max(team.count, 1) where !team.isEmpty {
            let index = ((start ?? -1) + step) % team.count
            if eligible[index] {
                let id = team[index].id
                let after = state.lastAssigneeID.map { start == nil ? " (last assignee \($0) left the team; rotation restarted)" : " after \($0)" } ?? " (rotation start)"
                reasons.append("chose \(id): next eligible in rotation\(after)")
                return AssignmentDecision(assigneeID: id, method: .roundRobin, reasons: reasons, state: RoundRobinState(lastAssigneeID: id))
            }
        }
        reasons.append("nobody eligible: the lead stays unassigned")
        return AssignmentDecision(assigneeID: nil, method: .unassigned, reasons: reasons, state: state)
    }

    /// Manual assignment to a team member; eligibility is reported but does not block it.
    /// - Throws: ``LeadError/invalidValue(_:)`` when `id` is not on the team.
    public func assignManually(_ lead: Lead, to id: String, asOf: Instant, state: RoundRobinState) throws(LeadError) -> AssignmentDecision {
        guard let member = team.first(where: { $0.id == id }) else {
            throw .invalidValue("expected a salesperson of the team (\(team.map(\.id).joined(separator: ", "))), found \"\(id)\"")
        }
        let why = ineligibility(member, for: lead, asOf: asOf)
        return AssignmentDecision(assigneeID: id, method: .manual,
                                  reasons: ["\(id): assigned manually" + (why.map { " (note: \($0))" } ?? "")], state: state)
    }
}
