// DealFinance — exact deal finance. DealLeads: rule-based lead scoring with an explanation.

import DealEngine

/// The scoring rules by name, in the order a ``LeadScore`` lists them.
public enum ScoringRule: String, Sendable, Hashable, CaseIterable {
    /// The rules a score is made of.
    case budget, downPayment, timeframe, engagement, appointment, testDrive, source, responsiveness, tradeIn, credit, decay
}

/// Points lost with inactivity: `pointsPerPeriod` for every whole `periodSeconds` since the last
/// activity (or creation), after `graceSeconds`, at most `maximumPoints` (Marketo-style rolling
/// decay, evaluated at an explicit `asOf`, never the wall clock).
public struct ScoreDecay: Sendable, Hashable {
    /// The length of one decay period, in seconds.
    public var periodSeconds: Int
    /// Points taken off per whole idle period.
    public var pointsPerPeriod: Int
    /// Idle seconds before decay starts.
    public var graceSeconds: Int
    /// The most points decay may take off.
    public var maximumPoints: Int
    /// A decay of `pointsPerPeriod` per `periodSeconds` idle, after `graceSeconds`, at most `maximumPoints`.
    public init(periodSeconds: Int = 7 * 86_400, pointsPerPeriod: Int = 5, graceSeconds: Int = 0, maximumPoints: Int = 100) {
        self.periodSeconds = periodSeconds
        self.pointsPerPeriod = pointsPerPeriod
        self.graceSeconds = graceSeconds
        self.maximumPoints = maximumPoints
    }
}

/// The configurable points table. Defaults (our documented defaults, Documentation/Leads.md):
///
/// | rule | points |
/// |---|---|
/// | budget | 10 when a budget range or desired monthly payment is given |
/// | downPayment | 5 when a down payment is given |
/// | timeframe | within 7 days 20, 30 days 15, 90 days 8, later 0, unknown 0 (horizon, else latest/earliest date − asOf) |
/// | engagement | 4 per customer chat/email/call (inbound), at most 16 |
/// | appointment | 10 when an appointment was set |
/// | testDrive | 10 when a test drive took place |
/// | source | referral 15, walkIn 15, phone 10, paymentEstimator 10, dealerWebsite 8, dealerPortal 8, chat 6, drift 6, adf 5, import 0, custom 5 |
/// | responsiveness | 10 when the customer answered a dealer touch within 24 h |
/// | tradeIn | 5 when a trade-in is given |
/// | credit | excellent 10, good 7, fair 3, poor 0 |
/// | decay | none by default (``ScoreDecay``) |
///
/// The total is clamped to 0…100; bands: Hot ≥ 60, Medium 30–59, Cold < 30 (Documentation/Leads.md).
public struct ScoringRules: Sendable, Hashable {
    /// Points when a budget is given.
    public var budgetGiven = 10
    /// Points when a down payment is given.
    public var downPaymentGiven = 5
    /// Points when the customer means to buy within a week.
    public var timeframeWithinWeek = 20
    /// Points when within a month.
    public var timeframeWithinMonth = 15
    /// Points when within a quarter.
    public var timeframeWithinQuarter = 8
    /// Points when later.
    public var timeframeLater = 0
    /// Points per customer interaction.
    public var engagementPerInteraction = 4
    /// The most engagement points.
    public var engagementMaximum = 16
    /// Points when an appointment is set.
    public var appointmentSet = 10
    /// Points when a test drive was taken.
    public var testDriveTaken = 10
    /// Points per ``LeadSource/text`` of the named sources.
    public var sourcePoints: [String: Int] = [
        "referral": 15, "walkIn": 15, "phone": 10, "paymentEstimator": 10, "dealerWebsite": 8,
        "dealerPortal": 8, "chat": 6, "drift": 6, "adf": 5, "import": 0,
    ]
    /// Points for any ``LeadSource/custom(_:)`` source.
    public var customSourcePoints = 5
    /// Points when the customer answered within the responsiveness window.
    public var responsive = 10
    /// The responsiveness window, in seconds.
    public var responsivenessWindowSeconds = 86_400
    /// Points when a trade-in is given.
    public var tradeInGiven = 5
    /// Points by credit tier.
    public var creditPoints: [CreditTier: Int] = [.excellent: 10, .good: 7, .fair: 3, .poor: 0]
    /// The lowest Hot score.
    public var hotThreshold = 60
    /// The lowest Medium score.
    public var mediumThreshold = 30
    /// Score decay while the lead is idle; nil for none.
    public var decay: ScoreDecay?

    /// The default table.
    public init() {}

    /// The band of a score: Hot ≥ `hotThreshold`, Medium ≥ `mediumThreshold`, else Cold; the
    /// score is clamped to 0…100 first.
    ///
    /// ```swift
    /// ScoringRules().priority(for: 60)    // .hot
    /// ScoringRules().priority(for: 59)    // .medium
    /// ScoringRules().priority(for: -5)    // .cold
    /// ```
    public func priority(for score: Int) -> LeadPriority {
        let clamped = min(100, max(0, score))
        return clamped >= hotThreshold ? .hot : clamped >= mediumThreshold ? .medium : .cold
    }

    /// Thresholds 0 ≤ medium ≤ hot ≤ 100, non-negative caps, decay period > 0.
    public func validate() throws(LeadError) {
        guard 0 <= mediumThreshold, mediumThreshold <= hotThreshold, hotThreshold <= 100 else {
            throw .invalidConfiguration("expected 0 ≤ mediumThreshold ≤ hotThreshold ≤ 100, found \(mediumThreshold) and \(hotThreshold)")
        }
        guard engagementMaximum >= 0, responsivenessWindowSeconds >= 0 else {
            throw .invalidConfiguration("expected engagementMaximum and responsivenessWindowSeconds ≥ 0")
        }
        if let decay, decay.periodSeconds <= 0 || decay.pointsPerPeriod < 0 || decay.graceSeconds < 0 || decay.maximumPoints < 0 {
            throw .invalidConfiguration("expected decay periodSeconds > 0 and non-negative points, grace and maximum")
        }
    }
}

/// One rule's part of a score.
public struct ScoreContribution: Sendable, Hashable {
    /// The rule.
    public var rule: ScoringRule
    /// The points it gave.
    public var points: Int
    /// Why, in words ("source referral", "3 customer interactions × 4, capped at 16").
    public var reason: String
}

/// A score with its explanation.
///
/// ```swift
/// let result = try LeadScorer(rules: ScoringRules()).score(lead, asOf: now)
/// result.score          // 73
/// result.priority       // .hot
/// result.contributions  // [budget +10 "budget range given", timeframe +20 …]
/// ```
public struct LeadScore: Sendable, Hashable {
    /// The clamped score 0…100.
    public var score: Int
    /// The unclamped sum of the contributions.
    public var total: Int
    /// Hot / Medium / Cold.
    public var priority: LeadPriority
    /// Every rule's contribution, in ``ScoringRule`` order (rules that gave 0 included).
    public var contributions: [ScoreContribution]
}

/// Computes ``LeadScore``s. Activities after `asOf` are ignored; timeframe dates and decay are
/// measured from `asOf`, which they therefore require.
public struct LeadScorer: Sendable, Hashable {
    /// The rules it scores by.
    public var rules: ScoringRules
    /// A scorer with `rules`.
    public init(rules: ScoringRules = ScoringRules()) { self.rules = rules }

    /// Scores `lead`.
    ///
    /// ```swift
    /// try LeadScorer().score(lead, asOf: now).priority   // .hot
    /// ```
    /// - Throws: ``LeadError/invalidConfiguration(_:)`` for invalid rules, or when decay or
    ///   timeframe dates need an `asOf` that is missing.
    public func score(_ lead: Lead, asOf: Instant?) throws(LeadError) -> LeadScore {
        try rules.validate()
        var reasons = ScoreReasons(rules: rules, caching: false)
        return try withUnsafePointer(to: lead) { (pointer) throws(LeadError) in try score(pointer, asOf: asOf, explained: true, reasons: &reasons) }
    }

    /// Scores every lead of `leads`, in order: the same scores as ``score(_:asOf:)`` lead by
    /// lead, with the rules validated once and the reasons that depend only on the rules
    /// ("source referral", "credit good", …) built once for the batch.
    ///
    /// With `explained: false` the contributions are left empty (score, total and band are the
    /// same): what a job that refreshes stored scores, such as the hot sheet's, needs.
    ///
    /// ```swift
    /// let scores = try LeadScorer().score(leads, asOf: now)
    /// scores.filter { $0.priority == .hot }.count
    /// try LeadScorer().score(leads, asOf: now, explained: false).map(\.score)
    /// ```
    /// - Throws: as ``score(_:asOf:)``, for the first lead that fails.
    public func score(_ leads: [Lead], asOf: Instant?, explained: Bool = true) throws(LeadError) -> [LeadScore] {
        try rules.validate()
        var reasons = ScoreReasons(rules: rules, caching: true)
        var result: [LeadScore] = []
        result.reserveCapacity(leads.count)
        // Through the buffer: each lead is read in place, not copied out of the array.
        try leads.withUnsafeBufferPointer { (buffer) throws(LeadError) in
            guard let base = buffer.baseAddress else { return }
            for index in buffer.indices { result.append(try score(base + index, asOf: asOf, explained: explained, reasons: &reasons)) }
        }
        return result
    }

    /// One lead with validated rules. The lead is read field by field through a pointer into
    /// the caller's storage: binding the whole `Lead` would copy it (and retain every field).
    /// Without `explained`, no contribution (and no reason) is built.
    func score(_ lead: UnsafePointer<Lead>, asOf: Instant?, explained: Bool, reasons: inout ScoreReasons) throws(LeadError) -> LeadScore {
        var parts: [ScoreContribution] = []
        if explained { parts.reserveCapacity(ScoringRule.allCases.count) }
        var total = 0
        func add(_ rule: ScoringRule, _ points: Int, _ reason: @autoclosure () -> String) {
            total += points
            if explained { parts.append(ScoreContribution(rule: rule, points: points, reason: reason())) }
        }
        // The activities at or before `asOf`: a prefix of the time-ordered timeline (no copy).
        let timeline = lead.pointee.activities.timeline
        let activities = asOf.map { asOf in timeline.prefix { $0.at <= asOf } } ?? timeline[...]

        let hasBudget: Bool
        if case .some = lead.pointee.budget { hasBudget = true } else { hasBudget = false }
        if hasBudget || lead.pointee.desiredMonthlyPayment != nil {
            add(.budget, rules.budgetGiven, hasBudget ? "budget range given" : "desired monthly payment given")
        } else { add(.budget, 0, "no budget") }
        add(.downPayment, lead.pointee.downPayment != nil ? rules.downPaymentGiven : 0, lead.pointee.downPayment != nil ? "down payment given" : "no down payment")

        let horizon = try timeframeHorizon(lead.pointee.timeframe, asOf: asOf)
        switch horizon {
        case .withinWeek: add(.timeframe, rules.timeframeWithinWeek, "buying within 7 days")
        case .withinMonth: add(.timeframe, rules.timeframeWithinMonth, "buying within 30 days")
        case .withinQuarter: add(.timeframe, rules.timeframeWithinQuarter, "buying within 90 days")
        case .later: add(.timeframe, rules.timeframeLater, "buying later than 90 days")
        case .unknown, nil: add(.timeframe, 0, "no timeframe")
        }

        // One pass over the activities: customer interactions, appointment, test drive, and
        // whether the customer answered a dealer touch within the window.
        var interactions = 0
        var appointment = false, testDrive = false, answered = false
        var lastTouch: Instant?
        for index in activities.indices {
            let direction: ActivityDirection?
            switch activities[index].kind {
            case .chat(let d, _), .email(let d, _), .call(let d, _, _): direction = d
            case .appointment: appointment = true; direction = nil
            case .testDrive: testDrive = true; direction = nil
            default: direction = nil
            }
            let actor = activities[index].actor, at = activities[index].at
            if actor == .customer && direction == .inbound { interactions += 1 }
            if actor == .dealer && direction == .outbound { lastTouch = at }
            else if actor == .customer, direction == .inbound, let touch = lastTouch,
                    touch.seconds(until: at) <= rules.responsivenessWindowSeconds {
                answered = true
            }
        }
        add(.engagement, min(rules.engagementMaximum, interactions * rules.engagementPerInteraction), reasons.engagement(interactions))
        add(.appointment, appointment ? rules.appointmentSet : 0, appointment ? "appointment set" : "no appointment")
        add(.testDrive, testDrive ? rules.testDriveTaken : 0, testDrive ? "test drive taken" : "no test drive")

        let source = reasons.source(lead.pointee.source)
        add(.source, source.points, source.reason)
        add(.responsiveness, answered ? rules.responsive : 0, reasons.responsiveness(answered))
        add(.tradeIn, lead.pointee.tradeIns.isEmpty ? 0 : rules.tradeInGiven, lead.pointee.tradeIns.isEmpty ? "no trade-in" : "trade-in given")
        if let tier = lead.pointee.creditTier {
            let credit = reasons.credit(tier)
            add(.credit, credit.points, credit.reason)
        }
        else { add(.credit, 0, "credit not given") }

        if let decay = rules.decay {
            guard let asOf else { throw .invalidConfiguration("expected asOf: score decay is measured from it") }
            let last = max(lead.pointee.lastActivityAt ?? lead.pointee.createdAt, activities.last?.at ?? lead.pointee.createdAt, lead.pointee.createdAt)
            let idle = max(0, last.seconds(until: asOf) - decay.graceSeconds)
            let periods = idle / decay.periodSeconds
            let product = periods.multipliedReportingOverflow(by: decay.pointsPerPeriod)
            let lost = product.overflow ? decay.maximumPoints : min(decay.maximumPoints, product.partialValue)
            add(.decay, -lost, "\(periods) inactive period\(periods == 1 ? "" : "s") of \(decay.periodSeconds) s × \(decay.pointsPerPeriod)")
        }
        let score = min(100, max(0, total))
        return LeadScore(score: score, total: total, priority: rules.priority(for: score), contributions: parts)
    }

    /// The horizon: the explicit one, else from the latest (else earliest) date measured from
    /// `asOf`'s UTC date (a date in the past counts as within 7 days).
    func timeframeHorizon(_ timeframe: PurchaseTimeframe?, asOf: Instant?) throws(LeadError) -> PurchaseHorizon? {
        guard let timeframe else { return nil }
        if let horizon = timeframe.horizon { return horizon }
        guard let date = timeframe.latest ?? timeframe.earliest else { return nil }
        guard let asOf else { throw .invalidConfiguration("expected asOf: timeframe dates are measured from it") }
        let days = asOf.utcDate.days(until: date)
        return days <= 7 ? .withinWeek : days <= 30 ? .withinMonth : days <= 90 ? .withinQuarter : .later
    }
}

/// The reasons of a score that depend only on the rules (and a small count), built on demand;
/// with `caching` each is built once and reused for the rest of a batch.
struct ScoreReasons {
    let rules: ScoringRules
    let caching: Bool
    /// Engagement reasons by interaction count (below ``cachedInteractions``).
    private var engagementReasons: [String?] = []
    /// Points and reason by named source (``LeadSource/named`` order).
    private var sourceReasons: [(points: Int, reason: String)?] = []
    /// Points and reason by credit tier (``CreditTier/allCases`` order).
    private var creditReasons: [(points: Int, reason: String)?] = []
    private var answered: String?, unanswered: String?
    static let cachedInteractions = 64

    init(rules: ScoringRules, caching: Bool) {
        self.rules = rules
        self.caching = caching
    }

    /// "3 customer interactions × 4, at most 16".
    mutating func engagement(_ interactions: Int) -> String {
        func make() -> String {
            "\(interactions) customer interaction\(interactions == 1 ? "" : "s") × \(rules.engagementPerInteraction), at most \(rules.engagementMaximum)"
        }
        guard caching, interactions >= 0, interactions < Self.cachedInteractions else { return make() }
        if engagementReasons.isEmpty { engagementReasons = Array(repeating: nil, count: Self.cachedInteractions) }
        if let reason = engagementReasons[interactions] { return reason }
        let reason = make()
        engagementReasons[interactions] = reason
        return reason
    }

    /// The source's points and reason ("source referral", "custom source Facebook").
    mutating func source(_ source: LeadSource) -> (points: Int, reason: String) {
        func make() -> (points: Int, reason: String) {
            switch source {
            case .custom(let name): (rules.customSourcePoints, "custom source \(name)")
            default: (rules.sourcePoints[source.text] ?? 0, "source \(source.text)")
            }
        }
        guard caching, let index = Self.namedIndex(source) else { return make() }
        if sourceReasons.isEmpty { sourceReasons = Array(repeating: nil, count: LeadSource.named.count) }
        if let cached = sourceReasons[index] { return cached }
        let value = make()
        sourceReasons[index] = value
        return value
    }

    /// The position of a named source in ``LeadSource/named``; nil for a custom source.
    static func namedIndex(_ source: LeadSource) -> Int? {
        switch source {
        case .dealerPortal: 0
        case .dealerWebsite: 1
        case .paymentEstimator: 2
        case .drift: 3
        case .chat: 4
        case .phone: 5
        case .walkIn: 6
        case .referral: 7
        case .importFile: 8
        case .adf: 9
        case .custom: nil
        }
    }

    /// The credit tier's points and reason ("credit good").
    mutating func credit(_ tier: CreditTier) -> (points: Int, reason: String) {
        guard caching else { return (rules.creditPoints[tier] ?? 0, "credit \(tier.rawValue)") }
        let index: Int
        switch tier {
        case .excellent: index = 0
        case .good: index = 1
        case .fair: index = 2
        case .poor: index = 3
        }
        if creditReasons.isEmpty { creditReasons = Array(repeating: nil, count: 4) }
        if let cached = creditReasons[index] { return cached }
        let value = (rules.creditPoints[tier] ?? 0, "credit \(tier.rawValue)")
        creditReasons[index] = value
        return value
    }

    /// Whether the customer answered a dealer touch within the window, in words.
    mutating func responsiveness(_ isAnswered: Bool) -> String {
        if isAnswered {
            if let answered { return answered }
            let reason = "customer answered a dealer touch within \(rules.responsivenessWindowSeconds) s"
            if caching { answered = reason }
            return reason
        }
        if let unanswered { return unanswered }
        let reason = "no answer to a dealer touch within \(rules.responsivenessWindowSeconds) s"
        if caching { unanswered = reason }
        return reason
    }
}

