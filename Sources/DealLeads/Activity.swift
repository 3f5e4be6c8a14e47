// DealFinance — exact deal finance. DealLeads: the typed, append-only activity timeline.

/// Who did something: the customer, a dealer employee, or the system (automation, sync).
public enum ActivityActor: String, Sendable, Hashable, CaseIterable {
    /// The customer, a dealer employee, or the system.
    case customer, dealer, system
}

/// Inbound (customer → dealer) or outbound (dealer → customer).
public enum ActivityDirection: String, Sendable, Hashable, CaseIterable {
    /// Toward the dealer, or toward the customer.
    case inbound, outbound
}

/// How a call ended (SuiteCRM's Held / Not Held, refined).
public enum CallOutcome: String, Sendable, Hashable, CaseIterable {
    /// Reached the customer, left a voicemail, no answer, line busy, wrong number.
    case connected, voicemail, noAnswer, busy, wrongNumber
}

/// The deal terms whose changes Activity Insights lists.
public enum DealTerm: String, Sendable, Hashable, CaseIterable {
    /// The deal terms a change can concern.
    case downPayment, term, creditScore, rebates, apr, sellingPrice, tradeInAllowance, monthlyPayment, other
}

/// A workflow state change (recorded by every validated transition).
public struct StatusChange: Sendable, Hashable {
    /// The workflow that changed.
    public var workflow: WorkflowKind
    /// The state before (nil when the workflow starts).
    public var from: String?
    /// The state after the change.
    public var to: String
    /// The lost reason's raw value, for a move to a lost stage.
    public var reason: String?
    /// A free-text note on the change.
    public var note: String?
    /// A change of `workflow` from `from` to `to`, with a reason and a note.
    public init(workflow: WorkflowKind, from: String?, to: String, reason: String? = nil, note: String? = nil) {
        self.workflow = workflow
        self.from = from
        self.to = to
        self.reason = reason
        self.note = note
    }
}

/// A change of one deal term; values as canonical text (decimal strings, counts).
public struct TermChange: Sendable, Hashable {
    /// The deal term that changed.
    public var term: DealTerm
    /// Its value before, when known.
    public var from: String?
    /// Its value after.
    public var to: String
    /// A change of `term` from `from` to `to`.
    public init(term: DealTerm, from: String? = nil, to: String) {
        self.term = term
        self.from = from
        self.to = to
    }
}

/// What happened.
public enum ActivityKind: Sendable, Hashable {
    /// A chat message.
    case chat(ActivityDirection, text: String?)
    /// An email.
    case email(ActivityDirection, subject: String?)
    /// A phone call with its length in seconds and outcome.
    case call(ActivityDirection, durationSeconds: Int, outcome: CallOutcome)
    /// An appointment was set for `scheduledFor`.
    case appointment(scheduledFor: Instant, note: String?)
    /// A test drive took place.
    case testDrive(vin: String?)
    /// A free-text note.
    case note(String)
    /// A validated workflow transition.
    case statusChange(StatusChange)
    /// A deal term changed (Activity Insights).
    case dealTermChange(TermChange)

    /// The kind's name: `chat`, `email`, `call`, `appointment`, `testDrive`, `note`,
    /// `statusChange`, `dealTermChange`.
    public var name: String {
        switch self {
        case .chat: "chat"
        case .email: "email"
        case .call: "call"
        case .appointment: "appointment"
        case .testDrive: "testDrive"
        case .note: "note"
        case .statusChange: "statusChange"
        case .dealTermChange: "dealTermChange"
        }
    }

    /// The direction of a chat, email or call.
    public var direction: ActivityDirection? {
        switch self {
        case .chat(let d, _), .email(let d, _), .call(let d, _, _): d
        default: nil
        }
    }

    /// Whether this is a dealer touch that counts as a response to the customer: an outbound
    /// chat, email or call (calls count whatever their outcome).
    public var isOutboundTouch: Bool { direction == .outbound }
}

/// One timeline entry.
///
/// ```swift
/// Activity(id: "a1", at: t, actor: .dealer, kind: .call(.outbound, durationSeconds: 240, outcome: .connected))
/// ```
public struct Activity: Sendable, Hashable {
    /// The host's id for the entry (unique within a lead).
    public var id: String
    /// When it happened.
    public var at: Instant
    /// Who did it.
    public var actor: ActivityActor
    /// What happened.
    public var kind: ActivityKind
    /// An activity `id` at `at` by `actor`.
    public init(id: String, at: Instant, actor: ActivityActor, kind: ActivityKind) {
        self.id = id
        self.at = at
        self.actor = actor
        self.kind = kind
    }
}

/// Which actor's changes Activity Insights shows.
public enum ActorFilter: String, Sendable, Hashable, CaseIterable {
    /// Only the customer's activities, only the dealer's, or all.
    case customer, dealer, all
}

/// The append-only activity log. Entries are never changed or removed; ``timeline`` orders
/// them by time (ties keep append order). One log serves the timeline and Activity Insights.
///
/// ```swift
/// var log = ActivityLog()
/// log.append(Activity(id: "a1", at: t, actor: .customer, kind: .dealTermChange(TermChange(term: .downPayment, from: "1000.00", to: "2500.00"))))
/// log.termChanges(by: .customer).count   // 1
/// ```
public struct ActivityLog: Sendable, Hashable, Sequence {
    /// The entries in append order.
    public private(set) var entries: [Activity]

    /// An empty log.
    public init() { entries = [] }

    /// A log holding `activities` in the given order.
    public init(_ activities: [Activity]) { entries = activities }

    /// Appends an entry.
    public mutating func append(_ activity: Activity) { entries.append(activity) }

    /// Number of entries.
    public var count: Int { entries.count }

    /// The entries ordered by time, ties in append order.
    ///
    /// A log appended in time order (the usual case) is returned as it is, without sorting.
    ///
    /// ```swift
    /// log.timeline.map(\.id)   // ["a1", "a2"]
    /// ```
    public var timeline: [Activity] {
        if isInTimeOrder { return entries }
        return entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// Whether the entries are already in time order (non-decreasing `at`): then the stable
    /// sort of ``timeline`` is the identity.
    var isInTimeOrder: Bool {
        var previous: Instant? = nil
        for entry in entries {
            if let previous, entry.at < previous { return false }
            previous = entry.at
        }
        return true
    }

    /// The latest entry time.
    public var latestActivity: Instant? { entries.map(\.at).max() }

    /// The deal-term changes made by `filter`'s actor (customer, dealer, or all, including
    /// system), in time order — the dealer portal's Activity Insights.
    ///
    /// ```swift
    /// log.termChanges(by: .dealer).map(\.change.term)   // [.term, .apr]
    /// ```
    public func termChanges(by filter: ActorFilter) -> [(activity: Activity, change: TermChange)] {
        timeline.compactMap { activity in
            guard case .dealTermChange(let change) = activity.kind else { return nil }
            switch filter {
            case .all: return (activity, change)
            case .customer: return activity.actor == .customer ? (activity, change) : nil
            case .dealer: return activity.actor == .dealer ? (activity, change) : nil
            }
        }
    }

    /// This log and `other` merged by time; every entry of both is kept, except that an entry
    /// identical (same id, time, actor and kind) to one already present is kept once.
    ///
    /// ```swift
    /// a.merged(with: b).count   // a.count + b.count − identical entries
    /// ```
    public func merged(with other: ActivityLog) -> ActivityLog {
        var seen = Set(entries)
        var combined = entries
        for activity in other.entries where !seen.contains(activity) {
            combined.append(activity)
            seen.insert(activity)
        }
        return ActivityLog(ActivityLog(combined).timeline)
    }

    public func makeIterator() -> IndexingIterator<[Activity]> { entries.makeIterator() }
}
