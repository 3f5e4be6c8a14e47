// DealFinance — exact deal finance. DealLeads: customer keys, duplicate detection, merge.

/// Why two leads are considered the same customer.
public enum DuplicateReason: String, Sendable, Hashable, CaseIterable {
    /// Equal ``EmailAddress/key``.
    case email
    /// Equal E.164 phone.
    case phone
    /// Equal last and first name (case-folded, trimmed).
    case name
    /// Equal Gmail-style ``EmailAddress/possibleDuplicateKey`` only: a *possible* duplicate,
    /// never a reason to merge automatically.
    case possibleEmail
}

/// What to do with an incoming lead (Documentation/Leads.md, DealerTeam "ILM Duplicate Time Period").
public enum IntakeDecision: Sendable, Hashable {
    /// Attach the incoming lead to this open lead (merge it, keep the id).
    case attach(to: String, reasons: [DuplicateReason])
    /// Create a new lead; `matches` lists customers' leads that matched but were closed or
    /// outside the window, so the host can link them.
    case create(matches: [String])
}

/// Duplicate detection and merging over ``Lead`` values.
///
/// Match (deterministic, DealerTeam-style): equal email key, OR equal E.164 phone, OR equal last
/// name AND equal first name (both case-folded). Last name plus email or phone is already covered
/// by the first two. Gmail dot/`+tag` equality is reported as ``DuplicateReason/possibleEmail``
/// and never merges.
///
/// ```swift
/// Duplicates.reasons(a, b)                          // [.email]
/// Duplicates.groupsByCustomer(leads)                // [(key: "jane@example.com", leadIDs: ["L-1", "L-7"]), …]
/// let merged = try Duplicates.merge([a, b], pipeline: .standard)
/// merged.lead.activities.count                      // a.activities.count + b.activities.count
/// ```
public enum Duplicates {
    /// The email grouping key of a lead (nil without a valid email).
    public static func emailKey(_ lead: Lead) -> String? {
        lead.contact.email.flatMap { try? EmailAddress(parsing: $0).key }
    }

    /// The E.164 phone of a lead (nil without a valid phone), NANP as the default region.
    public static func phoneKey(_ lead: Lead) -> String? {
        lead.contact.phone.flatMap { try? PhoneNumber(parsing: $0).e164 }
    }

    /// The customer key the dealer portal groups by: `email:<key>`, else `phone:<e164>`, else nil (ungrouped).
    public static func customerKey(_ lead: Lead) -> String? {
        if let email = emailKey(lead) { return "email:" + email }
        if let phone = phoneKey(lead) { return "phone:" + phone }
        return nil
    }

    /// Leads grouped by ``customerKey(_:)``, groups in order of first appearance, lead ids in
    /// input order; a lead without a key forms a group of its own with key `lead:<id>`.
    public static func groupsByCustomer(_ leads: [Lead]) -> [(key: String, leadIDs: [String])] {
        var order: [String] = []
        var members: [String: [String]] = [:]
        for lead in leads {
            let key = customerKey(lead) ?? "lead:" + lead.id
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(lead.id)
        }
        return order.map { ($0, members[$0]!) }
    }

    /// Why `a` and `b` match, in the order email, phone, name, possibleEmail; empty when they don't.
    public static func reasons(_ a: Lead, _ b: Lead) -> [DuplicateReason] {
        var found: [DuplicateReason] = []
        let emailA = a.contact.email.flatMap { try? EmailAddress(parsing: $0) }
        let emailB = b.contact.email.flatMap { try? EmailAddress(parsing: $0) }
        if let emailA, let emailB, emailA.key == emailB.key { found.append(.email) }
        if let phone = phoneKey(a), phone == phoneKey(b) { found.append(.phone) }
        if let last = fold(a.contact.lastName), last == fold(b.contact.lastName),
           let first = fold(a.contact.firstName), first == fold(b.contact.firstName) {
            found.append(.name)
        }
        if let emailA, let emailB, emailA.key != emailB.key, emailA.possibleDuplicateKey == emailB.possibleDuplicateKey {
            found.append(.possibleEmail)
        }
        return found
    }

    /// Whether the reasons justify treating the leads as one customer (anything but possibleEmail alone).
    public static func isDuplicate(_ reasons: [DuplicateReason]) -> Bool { reasons.contains { $0 != .possibleEmail } }

    /// Every pair of leads that match, as `(first id, second id, reasons)` in input order.
    public static func pairs(_ leads: [Lead]) -> [(first: String, second: String, reasons: [DuplicateReason])] {
        var result: [(first: String, second: String, reasons: [DuplicateReason])] = []
        for i in leads.indices {
            for j in leads.indices where j > i {
                let found = reasons(leads[i], leads[j])
                if !found.isEmpty { result.append((leads[i].id, leads[j].id, found)) }
            }
        }
        return result
    }

    /// Decides whether `incoming` is attached to an existing open lead of the same customer whose
    /// last activity (or creation, if none) lies within `windowSeconds` before `incoming.createdAt`.
    /// Among several candidates the most recent activity wins (ties: input order).
    public static func intake(_ incoming: Lead, existing: [Lead], pipeline: SalesPipeline = .standard, windowSeconds: Int) -> IntakeDecision {
        var best: (lead: Lead, last: Instant, reasons: [DuplicateReason])?
        var other: [String] = []
        for lead in existing where lead.id != incoming.id {
            let found = reasons(incoming, lead)
            guard isDuplicate(found) else { continue }
            let last = max(lead.lastActivityAt ?? lead.createdAt, lead.createdAt)
            let age = last.seconds(until: incoming.createdAt)
            let open = !(pipeline.stage(named: lead.stage)?.isTerminal ?? false)
            if open, age <= windowSeconds, best.map({ $0.last < last }) ?? true {
                if let previous = best { other.append(previous.lead.id) }
                best = (lead, last, found)
            } else {
                other.append(lead.id)
            }
        }
        if let best { return .attach(to: best.lead.id, reasons: best.reasons) }
        return .create(matches: other)
    }

    /// The result of a merge.
    public struct Merge: Sendable, Equatable {
        /// The surviving lead with the others folded in.
        public var lead: Lead
        /// The ids of the absorbed leads, in confidence order.
        public var absorbedIDs: [String]
    }

    /// Merges leads of one customer. The survivor is chosen by confidence (Odoo's order): open
    /// before closed, further pipeline stage, higher score, newer `createdAt`, then smaller id.
    /// Fields: the survivor's value, else the first non-empty one in confidence order (the deal
    /// id and deal status as a pair; the stage, lost reason, lost note and conversion stay the
    /// survivor's, since they describe its stage; so do its extras); vehicles, trade-ins,
    /// external and customer ids, follow-ups, phones (by number) and emails (by key) are
    /// unioned (equal values once, only the survivor's marked preferred); activities are
    /// merged by time and **none is lost** (``ActivityLog/merged(with:)``); `createdAt` is the
    /// earliest, `updatedAt` and `lastActivityAt` the latest. A merge note is not added — the
    /// host records one if it wants.
    ///
    /// - Throws: ``LeadError/invalidValue(_:)`` for an empty list.
    public static func merge(_ leads: [Lead], pipeline: SalesPipeline = .standard) throws(LeadError) -> Merge {
        guard !leads.isEmpty else { throw .invalidValue("expected at least one lead to merge, found none") }
        let ordered = leads.sorted { a, b in
            let (ca, cb) = (confidence(a, pipeline), confidence(b, pipeline))
            return ca == cb ? a.id < b.id : cb.lexicographicallyPrecedes(ca)
        }
        var survivor = ordered[0]
        for lead in ordered.dropFirst() {
            func fill<T>(_ path: WritableKeyPath<Lead, T?>) { if survivor[keyPath: path] == nil { survivor[keyPath: path] = lead[keyPath: path] } }
            func fillContact(_ path: WritableKeyPath<Contact, String?>) {
                if (survivor.contact[keyPath: path] ?? "").isEmpty, let value = lead.contact[keyPath: path], !value.isEmpty {
                    survivor.contact[keyPath: path] = value
                }
            }
            fillContact(\.firstName); fillContact(\.lastName); fillContact(\.email); fillContact(\.phone)
            fillContact(\.postalCode); fillContact(\.regionCode)
            if survivor.contact.preferredContact == nil { survivor.contact.preferredContact = lead.contact.preferredContact }
            fill(\.budget); fill(\.desiredMonthlyPayment); fill(\.downPayment); fill(\.timeframe); fill(\.creditTier)
            fill(\.retailStatus); fill(\.assignedTo)
            if survivor.dealID == nil && survivor.dealStatus == nil {
                survivor.dealID = lead.dealID
                survivor.dealStatus = lead.dealStatus
            }
            for vehicle in lead.vehicles where !survivor.vehicles.contains(where: { $0.sameVehicle(as: vehicle) }) {
                var added = vehicle
                added.isPrimary = false
                survivor.vehicles.append(added)
            }
            for trade in lead.tradeIns where !survivor.tradeIns.contains(trade) { survivor.tradeIns.append(trade) }
            for id in lead.externalIDs where !survivor.externalIDs.contains(id) { survivor.externalIDs.append(id) }
            for id in lead.customerIDs where !survivor.customerIDs.contains(id) { survivor.customerIDs.append(id) }
            for phone in lead.contact.phones where !survivor.contact.phones.contains(where: { $0.number == phone.number }) {
                var added = phone
                added.preferred = false
                survivor.contact.phones.append(added)
            }
            // One mailbox: by the keys when both addresses parse, otherwise only the same text.
            func same(_ a: String, _ b: String) -> Bool {
                guard let first = try? EmailAddress(parsing: a), let second = try? EmailAddress(parsing: b) else { return a == b }
                return first.key == second.key
            }
            for email in lead.contact.emails where !survivor.contact.emails.contains(where: { same($0.address, email.address) }) {
                var added = email
                added.preferred = false
                survivor.contact.emails.append(added)
            }
            fill(\.vendor); fill(\.provider)
            for followUp in lead.followUps where !survivor.followUps.contains(followUp) { survivor.followUps.append(followUp) }
            survivor.activities = survivor.activities.merged(with: lead.activities)
            survivor.createdAt = min(survivor.createdAt, lead.createdAt)
            survivor.updatedAt = max(survivor.updatedAt, lead.updatedAt)
            if let last = lead.lastActivityAt { survivor.lastActivityAt = max(survivor.lastActivityAt ?? last, last) }
        }
        return Merge(lead: survivor, absorbedIDs: ordered.dropFirst().map(\.id))
    }

    /// Open (1) before closed (0), stage index, score, createdAt.
    static func confidence(_ lead: Lead, _ pipeline: SalesPipeline) -> [Int] {
        let stage = pipeline.stage(named: lead.stage)
        return [stage?.isTerminal == true ? 0 : 1, pipeline.index(of: lead.stage) ?? -1, lead.score ?? -1, lead.createdAt.secondsSinceEpoch]
    }

    static func fold(_ text: String?) -> String? {
        guard let text else { return nil }
        let folded = String(text.trimmingSpaces).lowercased()
        return folded.isEmpty ? nil : folded
    }
}

extension VehicleOfInterest {
    /// Same VIN, or (no VINs) same year, make, model and trim ignoring the primary flag.
    func sameVehicle(as other: VehicleOfInterest) -> Bool {
        if let vin, let otherVIN = other.vin { return vin.uppercased() == otherVIN.uppercased() }
        var a = self, b = other
        (a.isPrimary, b.isPrimary) = (false, false)
        (a.externalIDs, b.externalIDs) = ([], [])
        return a == b
    }
}
