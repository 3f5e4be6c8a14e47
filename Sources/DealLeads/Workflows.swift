// DealFinance — exact deal finance. DealLeads: the three workflows as explicit state machines.
//
// Every change of `Lead.stage`, `Lead.retailStatus` and `Lead.dealStatus` goes through a
// `transition` function here: it validates the move (an illegal one throws
// `LeadError.illegalTransition` naming both states), applies it and appends a `.statusChange`
// activity with the actor and instant.

/// One stage of a sales pipeline.
public struct PipelineStage: Sendable, Hashable {
    /// The stage name, unique in its pipeline.
    public var name: String
    /// A terminal stage meaning the lead was won.
    public var isWon: Bool
    /// A terminal stage meaning the lead was lost (a move here needs a ``LostReason``).
    public var isLost: Bool
    /// A stage called `name`, won or lost when terminal.
    public init(_ name: String, isWon: Bool = false, isLost: Bool = false) {
        self.name = name
        self.isWon = isWon
        self.isLost = isLost
    }
    /// Won or lost.
    public var isTerminal: Bool { isWon || isLost }
}

/// An ordered, customizable sales pipeline.
///
/// Rules (documented defaults, Documentation/Leads.md): a lead may move to any *other* stage of
/// the pipeline — forward, skipping stages, or back — while it is open; a terminal (won or lost)
/// stage is final unless `allowsReopening`, which permits a move from a terminal stage back to a
/// non-terminal one; a move to a lost stage requires a ``LostReason``; moving to the current stage
/// is an illegal transition (nothing would change, and nothing is recorded).
///
/// ```swift
/// var lead = Lead(id: "L-1", createdAt: t, source: .chat)
/// lead = try SalesPipeline.standard.transition(lead, to: "Qualified", actor: .dealer, at: t)
/// try SalesPipeline.standard.transition(lead, to: "Closed Lost", actor: .dealer, at: t)   // throws lostReasonRequired
/// ```
public struct SalesPipeline: Sendable, Hashable {
    /// The stages in pipeline order.
    public let stages: [PipelineStage]
    /// Whether a won/lost lead may be moved back to an open stage.
    public var allowsReopening: Bool

    /// The dealer CRM's default: New → Contacted → Qualified → Test Drive → Negotiation → Closed Won / Closed Lost.
    public static let standard = try! SalesPipeline(stages: [
        PipelineStage("New"), PipelineStage("Contacted"), PipelineStage("Qualified"),
        PipelineStage("Test Drive"), PipelineStage("Negotiation"),
        PipelineStage("Closed Won", isWon: true), PipelineStage("Closed Lost", isLost: true),
    ])

    /// A pipeline; needs at least one non-terminal stage first, unique non-empty names, and no
    /// stage both won and lost.
    ///
    /// - Throws: ``LeadError/invalidConfiguration(_:)``.
    public init(stages: [PipelineStage], allowsReopening: Bool = false) throws(LeadError) {
        guard let first = stages.first, !first.isTerminal else {
            throw .invalidConfiguration("expected a pipeline starting with an open (non-terminal) stage, found \(stages.first.map { "\"\($0.name)\"" } ?? "no stages")")
        }
        var names = Set<String>()
        for stage in stages {
            guard !stage.name.isEmpty else { throw .invalidConfiguration("expected non-empty stage names, found an empty one") }
            guard names.insert(stage.name).inserted else { throw .invalidConfiguration("expected unique stage names, found \"\(stage.name)\" twice") }
            guard !(stage.isWon && stage.isLost) else { throw .invalidConfiguration("expected stage \"\(stage.name)\" to be won or lost, not both") }
        }
        self.stages = stages
        self.allowsReopening = allowsReopening
    }

    /// The first stage, where new leads start.
    public var initialStage: PipelineStage { stages[0] }

    /// The stage with this name.
    public func stage(named name: String) -> PipelineStage? { stages.first { $0.name == name } }

    /// The position of a stage in the pipeline.
    public func index(of name: String) -> Int? { stages.firstIndex { $0.name == name } }

    /// Whether a move is allowed (ignores the lost-reason requirement).
    ///
    /// ```swift
    /// SalesPipeline.standard.canMove(from: "Closed Won", to: "New")   // false
    /// ```
    public func canMove(from: String, to: String) -> Bool {
        guard let source = stage(named: from), let target = stage(named: to), from != to else { return false }
        if source.isTerminal { return allowsReopening && !target.isTerminal }
        return true
    }

    /// Moves `lead` to stage `to`, sets `lostReason`/`lostNote` for a lost stage, and records a
    /// `.statusChange` activity (workflow `pipeline`, reason = the lost reason's raw value).
    ///
    /// - Parameters:
    ///   - lead: the lead; its current `stage` must belong to this pipeline.
    ///   - to: the target stage name.
    ///   - actor: who made the change.
    ///   - at: when (also sets `updatedAt` and `lastActivityAt` forward).
    ///   - reason: required for a lost stage.
    ///   - note: optional free text (the lost note for a lost stage).
    ///   - activityID: the recorded activity's id; default `"<lead id>-<n>"`, n = log count + 1.
    /// - Throws: ``LeadError/unknownStage(_:)``, ``LeadError/illegalTransition(workflow:from:to:)``,
    ///   ``LeadError/lostReasonRequired(stage:)``.
    public func transition(_ lead: Lead, to: String, actor: ActivityActor, at: Instant,
                           reason: LostReason? = nil, note: String? = nil, activityID: String? = nil) throws(LeadError) -> Lead {
        guard stage(named: lead.stage) != nil else { throw .unknownStage(lead.stage) }
        guard let target = stage(named: to) else { throw .unknownStage(to) }
        guard canMove(from: lead.stage, to: to) else { throw .illegalTransition(workflow: .pipeline, from: lead.stage, to: to) }
        if target.isLost && reason == nil { throw .lostReasonRequired(stage: to) }
        var next = lead
        let from = next.stage
        next.stage = to
        if target.isLost {
            next.lostReason = reason
            next.lostNote = note
        } else if stage(named: from)?.isLost == true {
            next.lostReason = nil
            next.lostNote = nil
        }
        next.record(Activity(id: activityID ?? "\(lead.id)-\(lead.activities.count + 1)", at: at, actor: actor,
                             kind: .statusChange(StatusChange(workflow: .pipeline, from: from, to: to,
                                                              reason: target.isLost ? reason?.rawValue : nil, note: note))))
        return next
    }
}

/// The digital-retail lead status of the dealer portal: a deal browsed but not finalized is *abandoned*; a
/// finished one is *completed*. The only transitions: none → abandoned, none → completed,
/// abandoned → completed.
public enum RetailLeadStatus: String, Sendable, Hashable, CaseIterable {
    /// Browsed but not finalized, or finalized.
    case abandoned, completed

    /// Whether the status may change from `from` (nil = not set yet) to `to`.
    public static func canMove(from: RetailLeadStatus?, to: RetailLeadStatus) -> Bool {
        switch (from, to) {
        case (nil, _), (.abandoned, .completed): true
        default: false
        }
    }

    /// Sets `lead.retailStatus` and records the change.
    /// - Throws: ``LeadError/illegalTransition(workflow:from:to:)`` (from `"none"` when unset).
    public static func transition(_ lead: Lead, to: RetailLeadStatus, actor: ActivityActor, at: Instant, activityID: String? = nil) throws(LeadError) -> Lead {
        guard canMove(from: lead.retailStatus, to: to) else {
            throw .illegalTransition(workflow: .retailStatus, from: lead.retailStatus?.rawValue ?? "none", to: to.rawValue)
        }
        var next = lead
        next.retailStatus = to
        next.record(Activity(id: activityID ?? "\(lead.id)-\(lead.activities.count + 1)", at: at, actor: actor,
                             kind: .statusChange(StatusChange(workflow: .retailStatus, from: lead.retailStatus?.rawValue, to: to.rawValue))))
        return next
    }
}

/// The deal status of the dealer portal: Draft → Submitted → Pending Confirmation → Fully Received → Approved,
/// and the exits Withdrawn (customer or dealer pulls a submitted deal) and Cancelled.
///
/// Allowed moves (our documented design; the portal lists only the statuses):
///
/// | from | to |
/// |---|---|
/// | none | draft |
/// | draft | submitted, cancelled |
/// | submitted | pendingConfirmation, withdrawn, cancelled |
/// | pendingConfirmation | fullyReceived, withdrawn, cancelled |
/// | fullyReceived | approved, withdrawn, cancelled |
/// | approved | cancelled |
/// | withdrawn | draft (reopened as a new draft) |
/// | cancelled | — (final) |
public enum DealStatus: String, Sendable, Hashable, CaseIterable {
    /// The deal statuses; the table above gives the allowed moves.
    case draft, submitted, pendingConfirmation, fullyReceived, approved, withdrawn, cancelled

    /// The statuses reachable from this one.
    public var successors: [DealStatus] {
        switch self {
        case .draft: [.submitted, .cancelled]
        case .submitted: [.pendingConfirmation, .withdrawn, .cancelled]
        case .pendingConfirmation: [.fullyReceived, .withdrawn, .cancelled]
        case .fullyReceived: [.approved, .withdrawn, .cancelled]
        case .approved: [.cancelled]
        case .withdrawn: [.draft]
        case .cancelled: []
        }
    }

    /// Whether the status may change from `from` (nil = no deal yet; only `draft` starts one) to `to`.
    ///
    /// ```swift
    /// DealStatus.canMove(from: .draft, to: .approved)   // false
    /// ```
    public static func canMove(from: DealStatus?, to: DealStatus) -> Bool {
        guard let from else { return to == .draft }
        return from.successors.contains(to)
    }

    /// Sets `lead.dealStatus` (and `lead.dealID` when given) and records the change.
    /// - Throws: ``LeadError/illegalTransition(workflow:from:to:)`` (from `"none"` when unset).
    public static func transition(_ lead: Lead, to: DealStatus, actor: ActivityActor, at: Instant,
                                  dealID: String? = nil, activityID: String? = nil) throws(LeadError) -> Lead {
        guard canMove(from: lead.dealStatus, to: to) else {
            throw .illegalTransition(workflow: .dealStatus, from: lead.dealStatus?.rawValue ?? "none", to: to.rawValue)
        }
        var next = lead
        next.dealStatus = to
        if let dealID { next.dealID = dealID }
        next.record(Activity(id: activityID ?? "\(lead.id)-\(lead.activities.count + 1)", at: at, actor: actor,
                             kind: .statusChange(StatusChange(workflow: .dealStatus, from: lead.dealStatus?.rawValue, to: to.rawValue))))
        return next
    }
}
