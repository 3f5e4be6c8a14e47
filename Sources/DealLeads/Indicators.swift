// DealFinance — exact deal finance. DealLeads: derived indicators at an explicit instant.

/// Settings of ``LeadIndicators``. Defaults: first-response target 24 h (dealer CRM: "24-hour response
/// target"), recent chat window 24 h, qualified from the stage named `Qualified` onward.
public struct IndicatorRules: Sendable, Hashable {
    /// Seconds a new lead may wait for a first response (default 24 hours).
    public var responseTargetSeconds = 86_400
    /// How recent a chat must be to count as recent (default 24 hours).
    public var recentChatSeconds = 86_400
    /// The stage from which a lead is qualified.
    public var qualifiedStage = "Qualified"
    /// The scoring rules for the Hot indicator.
    public var scoring = ScoringRules()
    /// The default settings.
    public init() {}
}

/// The dealer CRM's list indicators of a lead at `asOf`.
///
/// - `hot`: the score computed with `rules.scoring` at `asOf` is in the Hot band;
/// - `overdue`: the lead is open and either has had no first response (an outbound chat, email
///   or call by a dealer) within the response target and it has passed, or has a follow-up not
///   done whose due instant is before `asOf` (`responseOverdue`, `followUpOverdue` tell which);
/// - `appointmentSet`: an appointment recorded by `asOf` is scheduled at or after `asOf`;
/// - `recentChat`: a chat message in (`asOf` − window, `asOf`];
/// - `qualified`: the stage is at or after `rules.qualifiedStage` in the pipeline and not lost.
///
/// ```swift
/// let flags = try LeadIndicators(lead, asOf: now)
/// flags.overdue   // true
/// ```
public struct LeadIndicators: Sendable, Hashable {
    /// The lead's band is Hot.
    public var hot: Bool
    /// A response or a follow-up is overdue.
    public var overdue: Bool
    /// No first response within the target.
    public var responseOverdue: Bool
    /// A follow-up is past due and not done.
    public var followUpOverdue: Bool
    /// An appointment is scheduled.
    public var appointmentSet: Bool
    /// The customer chatted recently.
    public var recentChat: Bool
    /// The lead is at or past the qualified stage.
    public var qualified: Bool
    /// The first dealer response, if any by `asOf`.
    public var firstResponseAt: Instant?
    /// The score used for `hot`.
    public var score: LeadScore

    /// Evaluates the indicators.
    /// - Throws: what ``LeadScorer/score(_:asOf:)`` throws.
    public init(_ lead: Lead, asOf: Instant, pipeline: SalesPipeline = .standard, rules: IndicatorRules = IndicatorRules()) throws(LeadError) {
        let activities = lead.activities.timeline.filter { $0.at <= asOf }
        score = try LeadScorer(rules: rules.scoring).score(lead, asOf: asOf)
        hot = score.priority == .hot
        let stage = pipeline.stage(named: lead.stage)
        let open = !(stage?.isTerminal ?? false)
        firstResponseAt = activities.first { $0.actor == .dealer && $0.kind.isOutboundTouch && $0.at >= lead.createdAt }?.at
        let deadline = lead.createdAt.adding(seconds: rules.responseTargetSeconds)
        responseOverdue = firstResponseAt == nil && open && asOf > deadline
        followUpOverdue = open && lead.followUps.contains { !$0.done && $0.due < asOf }
        overdue = responseOverdue || followUpOverdue
        appointmentSet = activities.contains { if case .appointment(let at, _) = $0.kind { at >= asOf } else { false } }
        recentChat = activities.contains {
            if case .chat = $0.kind { $0.at.seconds(until: asOf) < rules.recentChatSeconds } else { false }
        }
        if let index = pipeline.index(of: lead.stage), let threshold = pipeline.index(of: rules.qualifiedStage), stage?.isLost == false {
            qualified = index >= threshold
        } else {
            qualified = false
        }
    }
}
