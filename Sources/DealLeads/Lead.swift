// DealFinance — exact deal finance. DealLeads: the lead record and the values it is made of.
//
// The library computes, validates, converts and reports; the host stores, notifies and renders.
// Every type here is a plain value: no clock reads, no I/O. Money is ExactDecimal.

import DealDecimal
import DealEngine

/// A sales lead: who the customer is, what they want, where the lead came from, where it stands
/// in the three workflows, and everything that happened to it (``activities``).
///
/// The pipeline stage is a stage *name* of a ``SalesPipeline`` (default ``SalesPipeline/standard``);
/// change it only through ``SalesPipeline/transition(_:to:actor:at:reason:note:activityID:)``, which validates
/// the move and records it in the activity log. The same holds for ``retailStatus``
/// (``RetailLeadStatus/transition(_:to:actor:at:activityID:)``) and ``dealStatus``
/// (``DealStatus/transition(_:to:actor:at:dealID:activityID:)``).
///
/// ```swift
/// var lead = Lead(id: "L-1", createdAt: try Instant(parsing: "2024-05-14T14:30:00Z"), source: .dealerWebsite)
/// lead.contact = Contact(firstName: "Jane", lastName: "Doe", email: "jane.doe@example.com")
/// lead.vehicles = [VehicleOfInterest(year: 2024, make: "Honda", model: "Civic", condition: .new, isPrimary: true)]
/// lead.budget = BudgetRange(minimum: ExactDecimal(20000), maximum: ExactDecimal(28000))
/// lead = try SalesPipeline.standard.transition(lead, to: "Contacted", actor: .dealer, at: lead.createdAt.adding(seconds: 600))
/// lead.stage   // "Contacted"
/// ```
public struct Lead: Sendable, Equatable {
    /// The host's identifier of the lead.
    public var id: String
    /// The customer.
    public var contact: Contact
    /// Vehicles of interest; at most one has `isPrimary` (see ``primaryVehicle``).
    public var vehicles: [VehicleOfInterest]
    /// The price range the customer gave.
    public var budget: BudgetRange?
    /// The monthly payment the customer asked for.
    public var desiredMonthlyPayment: ExactDecimal?
    /// The cash down the customer mentioned.
    public var downPayment: ExactDecimal?
    /// Vehicles offered in trade.
    public var tradeIns: [TradeInVehicle]
    /// When the customer means to buy.
    public var timeframe: PurchaseTimeframe?
    /// The customer's own credit estimate.
    public var creditTier: CreditTier?
    /// Where the lead came from.
    public var source: LeadSource
    /// Ids of this lead in other systems (ADF `prospect/id`, CRM ids).
    public var externalIDs: [ExternalLeadID]
    /// Ids of the customer in other systems (ADF `customer/id`).
    public var customerIDs: [ExternalLeadID]
    /// The dealership the lead was sent to (ADF `vendor`), when it came with one.
    public var vendor: LeadVendor?
    /// Who produced the lead (ADF `provider`: a listing site, a CRM, a chat vendor).
    public var provider: LeadProvider?
    /// What an imported document carried that the record has no field for, kept whole so an
    /// export writes it back (ADF elements outside the model, in document order).
    public var extras: [LeadExtra]
    /// The sales-pipeline stage name (default `"New"`).
    public var stage: String
    /// The digital-retail lead status (abandoned / completed), when the lead came from an online deal.
    public var retailStatus: RetailLeadStatus?
    /// The linked deal's id.
    public var dealID: String?
    /// The linked deal's status.
    public var dealStatus: DealStatus?
    /// Hot / Medium / Cold, usually ``LeadScore/priority`` of the last scoring.
    public var priority: LeadPriority?
    /// The last computed score, 0…100.
    public var score: Int?
    /// The assigned salesperson's id.
    public var assignedTo: String?
    /// When the lead was received.
    public var createdAt: Instant
    /// When any field last changed.
    public var updatedAt: Instant
    /// The time of the latest activity (see also ``ActivityLog/latestActivity``).
    public var lastActivityAt: Instant?
    /// The external-sync bookkeeping ("Last Synced Status").
    public var sync: SyncState
    /// Why the lead was lost (set by a transition to a lost stage).
    public var lostReason: LostReason?
    /// Free text accompanying the lost reason.
    public var lostNote: String?
    /// What was sold, once won.
    public var conversion: Conversion?
    /// Follow-ups scheduled for the lead.
    public var followUps: [FollowUp]
    /// The append-only activity timeline.
    public var activities: ActivityLog

    /// A new lead in stage `"New"`, created and updated at `createdAt`.
    ///
    /// ```swift
    /// Lead(id: "L-1", createdAt: t, source: .walkIn).stage   // "New"
    /// ```
    public init(id: String, contact: Contact = Contact(), createdAt: Instant, source: LeadSource, stage: String = "New") {
        self.id = id
        self.contact = contact
        self.vehicles = []
        self.tradeIns = []
        self.source = source
        self.externalIDs = []
        self.customerIDs = []
        self.extras = []
        self.stage = stage
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.sync = SyncState()
        self.followUps = []
        self.activities = ActivityLog()
    }

    /// The vehicle marked primary, else the first one.
    ///
    /// ```swift
    /// lead.primaryVehicle?.model   // "Civic"
    /// ```
    public var primaryVehicle: VehicleOfInterest? { vehicles.first(where: \.isPrimary) ?? vehicles.first }

    /// Appends an activity and moves ``lastActivityAt`` and ``updatedAt`` forward.
    ///
    /// ```swift
    /// lead.record(Activity(id: "a1", at: t, actor: .customer, kind: .chat(.inbound, text: "Hi")))
    /// ```
    public mutating func record(_ activity: Activity) {
        activities.append(activity)
        if lastActivityAt.map({ $0 < activity.at }) ?? true { lastActivityAt = activity.at }
        if updatedAt < activity.at { updatedAt = activity.at }
    }

    /// Checks the record's own consistency: at most one primary vehicle, budget minimum ≤
    /// maximum, no negative money, years and mileages in range, score 0…100, `updatedAt` not
    /// before `createdAt`.
    ///
    /// - Throws: ``LeadError/invalidValue(_:)`` naming the first problem.
    ///
    /// ```swift
    /// try lead.validate()
    /// ```
    public func validate() throws(LeadError) {
        if vehicles.filter(\.isPrimary).count > 1 {
            throw .invalidValue("expected at most one primary vehicle, found \(vehicles.filter(\.isPrimary).count)")
        }
        if let budget { try budget.validate() }
        for (name, amount) in [("desiredMonthlyPayment", desiredMonthlyPayment), ("downPayment", downPayment)] {
            if let amount, amount.isNegative { throw .invalidValue("expected \(name) ≥ 0, found \(amount)") }
        }
        for vehicle in vehicles { try vehicle.validate() }
        if let score, !(0...100).contains(score) { throw .invalidValue("expected a score 0…100, found \(score)") }
        if updatedAt < createdAt { throw .invalidValue("expected updatedAt (\(updatedAt)) not before createdAt (\(createdAt))") }
    }
}

/// The customer's contact details. Store what the customer typed; compare through
/// ``EmailAddress`` and ``PhoneNumber`` keys. ``phones`` and ``emails`` hold every number and
/// address with its type and preference; ``phone`` and ``email`` are the one to use (the
/// preferred one, else the first).
///
/// ```swift
/// Contact(firstName: "Jane", lastName: "Doe", phone: "(312) 555-0147", preferredContact: .sms)
/// ```
public struct Contact: Sendable, Hashable {
    /// Given name.
    public var firstName: String?
    /// Family name.
    public var lastName: String?
    /// Email address as entered.
    public var email: String?
    /// Phone number as entered (the preferred or first of ``phones`` when those are given).
    public var phone: String?
    /// Every phone number, in the order received.
    public var phones: [ContactPhone] = []
    /// Every email address, in the order received.
    public var emails: [ContactEmail] = []
    /// The channel the customer prefers.
    public var preferredContact: PreferredContact?
    /// Postal code (used by territory routing).
    public var postalCode: String?
    /// State or province code, e.g. `IL` (used by territory routing).
    public var regionCode: String?

    /// A contact; every field optional.
    public init(firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil,
                preferredContact: PreferredContact? = nil, postalCode: String? = nil, regionCode: String? = nil) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.preferredContact = preferredContact
        self.postalCode = postalCode
        self.regionCode = regionCode
    }

    /// "First Last", or whichever part exists.
    ///
    /// ```swift
    /// Contact(firstName: "Ana", lastName: "Ruiz").fullName   // "Ana Ruiz"
    /// Contact(firstName: "", lastName: "Ruiz").fullName      // "Ruiz"
    /// ```
    public var fullName: String {
        // The non-empty names joined by a space, without building arrays.
        let first = firstName.flatMap { $0.isEmpty ? nil : $0 }, last = lastName.flatMap { $0.isEmpty ? nil : $0 }
        switch (first, last) {
        case let (first?, last?): return first + " " + last
        case let (first?, nil): return first
        case let (nil, last?): return last
        case (nil, nil): return ""
        }
    }
}

/// How the customer wants to be reached (ADF `preferredcontact`).
public enum PreferredContact: String, Sendable, Hashable, CaseIterable {
    /// The customer's preferred channel.
    case phone, sms, email
}

/// New, used or certified pre-owned.
public enum VehicleCondition: String, Sendable, Hashable, CaseIterable {
    /// New, used, or certified pre-owned.
    case new, used, certified
}

/// A vehicle the customer is interested in.
///
/// ```swift
/// VehicleOfInterest(year: 2005, make: "Buick", model: "LaCrosse", vin: "1G4AH59H45G118341", condition: .used)
/// ```
public struct VehicleOfInterest: Sendable, Hashable {
    /// Model year.
    public var year: Int?
    /// Make.
    public var make: String?
    /// Model.
    public var model: String?
    /// Trim.
    public var trim: String?
    /// VIN as entered (validate with ``VINCheck``).
    public var vin: String?
    /// The dealer's stock number.
    public var stockNumber: String?
    /// New, used, certified.
    public var condition: VehicleCondition?
    /// Odometer, in miles.
    public var mileage: Int?
    /// Body type used by specialization routing ("truck", "suv", "sedan", "ev", …).
    public var vehicleType: String?
    /// Advertised or asked price.
    public var price: ExactDecimal?
    /// Whether this is the primary vehicle of the lead.
    public var isPrimary: Bool
    /// Ids of the vehicle in other systems (ADF `vehicle/id`).
    public var externalIDs: [ExternalLeadID] = []

    /// A vehicle of interest; every field optional.
    public init(year: Int? = nil, make: String? = nil, model: String? = nil, trim: String? = nil, vin: String? = nil,
                stockNumber: String? = nil, condition: VehicleCondition? = nil, mileage: Int? = nil,
                vehicleType: String? = nil, price: ExactDecimal? = nil, isPrimary: Bool = false) {
        self.year = year
        self.make = make
        self.model = model
        self.trim = trim
        self.vin = vin
        self.stockNumber = stockNumber
        self.condition = condition
        self.mileage = mileage
        self.vehicleType = vehicleType
        self.price = price
        self.isPrimary = isPrimary
    }

    func validate() throws(LeadError) {
        if let year, !(1900...2100).contains(year) { throw .invalidValue("expected a model year 1900…2100, found \(year)") }
        if let mileage, mileage < 0 { throw .invalidValue("expected mileage ≥ 0, found \(mileage)") }
        if let price, price.isNegative { throw .invalidValue("expected price ≥ 0, found \(price)") }
    }
}

/// The price range a customer gave; either end may be open.
///
/// ```swift
/// try BudgetRange(minimum: ExactDecimal(20000), maximum: ExactDecimal(28000)).validate()
/// ```
public struct BudgetRange: Sendable, Hashable {
    /// Lowest price considered.
    public var minimum: ExactDecimal?
    /// Highest price considered.
    public var maximum: ExactDecimal?
    /// ISO 4217 code, default `USD`.
    public var currency: String

    /// A budget range.
    public init(minimum: ExactDecimal? = nil, maximum: ExactDecimal? = nil, currency: String = "USD") {
        self.minimum = minimum
        self.maximum = maximum
        self.currency = currency
    }

    /// Whether `amount` lies in the range (open ends accept anything).
    public func contains(_ amount: ExactDecimal) -> Bool {
        (minimum.map { $0 <= amount } ?? true) && (maximum.map { amount <= $0 } ?? true)
    }

    /// Both ends ≥ 0 and minimum ≤ maximum.
    public func validate() throws(LeadError) {
        if let minimum, minimum.isNegative { throw .invalidValue("expected budget minimum ≥ 0, found \(minimum)") }
        if let maximum, maximum.isNegative { throw .invalidValue("expected budget maximum ≥ 0, found \(maximum)") }
        if let minimum, let maximum, maximum < minimum {
            throw .invalidValue("expected budget minimum ≤ maximum, found \(minimum) > \(maximum)")
        }
    }
}

/// A vehicle offered in trade (ADF `interest="trade-in"`).
public struct TradeInVehicle: Sendable, Hashable {
    /// The model year.
    public var year: Int?
    /// The make.
    public var make: String?
    /// The model.
    public var model: String?
    /// The trim.
    public var trim: String?
    /// The vehicle identification number.
    public var vin: String?
    /// Odometer, in miles.
    public var mileage: Int?
    /// Appraisal / offer (the deal core's `allowance`).
    public var allowance: ExactDecimal?
    /// Lien payoff.
    public var payoff: ExactDecimal?
    /// Ids of the vehicle in other systems (ADF `vehicle/id`).
    public var externalIDs: [ExternalLeadID] = []

    /// A trade-in; every field optional.
    public init(year: Int? = nil, make: String? = nil, model: String? = nil, trim: String? = nil, vin: String? = nil,
                mileage: Int? = nil, allowance: ExactDecimal? = nil, payoff: ExactDecimal? = nil) {
        self.year = year
        self.make = make
        self.model = model
        self.trim = trim
        self.vin = vin
        self.mileage = mileage
        self.allowance = allowance
        self.payoff = payoff
    }
}

/// When the customer means to buy (ADF `customer/timeframe`).
public struct PurchaseTimeframe: Sendable, Hashable {
    /// Free text ("Within 2 weeks").
    public var description: String?
    /// Earliest purchase date.
    public var earliest: CivilDate?
    /// Latest purchase date.
    public var latest: CivilDate?
    /// A coarse horizon when no dates are known.
    public var horizon: PurchaseHorizon?

    /// A timeframe; every field optional.
    public init(description: String? = nil, earliest: CivilDate? = nil, latest: CivilDate? = nil, horizon: PurchaseHorizon? = nil) {
        self.description = description
        self.earliest = earliest
        self.latest = latest
        self.horizon = horizon
    }
}

/// A coarse purchase horizon.
public enum PurchaseHorizon: String, Sendable, Hashable, CaseIterable {
    /// Now / within 7 days.
    case withinWeek
    /// Within 30 days.
    case withinMonth
    /// Within 90 days.
    case withinQuarter
    /// Later than 90 days.
    case later
    /// The customer did not say.
    case unknown
}

/// The customer's own estimate of their credit.
public enum CreditTier: String, Sendable, Hashable, CaseIterable {
    /// The customer's credit tiers.
    case excellent, good, fair, poor
}

/// Where a lead came from: the channels of both source products plus a custom name.
/// The text form is the case name, or `custom:<name>` for ``custom(_:)``.
///
/// ```swift
/// LeadSource(text: "paymentEstimator")   // .paymentEstimator
/// LeadSource(text: "custom:Facebook")    // .custom("Facebook")
/// LeadSource.walkIn.text                 // "walkIn"
/// ```
public enum LeadSource: Sendable, Hashable {
    /// The built-in lead sources (`custom` names any other).
    case dealerPortal, dealerWebsite, paymentEstimator, drift, chat, phone, walkIn, referral, importFile, adf
    /// Any other channel, by name.
    case custom(String)

    /// The named (non-custom) sources.
    public static let named: [LeadSource] = [.dealerPortal, .dealerWebsite, .paymentEstimator, .drift, .chat, .phone, .walkIn, .referral, .importFile, .adf]

    /// The case name, or `custom:<name>`.
    public var text: String {
        switch self {
        case .dealerPortal: "dealerPortal"
        case .dealerWebsite: "dealerWebsite"
        case .paymentEstimator: "paymentEstimator"
        case .drift: "drift"
        case .chat: "chat"
        case .phone: "phone"
        case .walkIn: "walkIn"
        case .referral: "referral"
        case .importFile: "import"
        case .adf: "adf"
        case .custom(let name): "custom:\(name)"
        }
    }

    /// A source from its text; nil for an unknown name or an empty custom name.
    public init?(text: String) {
        if text.hasPrefix("custom:") {
            let name = String(text.dropFirst(7))
            guard !name.isEmpty else { return nil }
            self = .custom(name)
            return
        }
        guard let source = Self.named.first(where: { $0.text == text }) else { return nil }
        self = source
    }
}

/// Hot / Medium / Cold.
public enum LeadPriority: String, Sendable, Hashable, CaseIterable {
    /// The score bands.
    case hot, medium, cold
}

/// Whether the lead reached the external system ("Last Synced Status").
public enum SyncStatus: String, Sendable, Hashable, CaseIterable {
    /// Not synced, waiting, synced, or failed.
    case notSynced, pending, synced, failed
}

/// Sync bookkeeping: the status and when the last sync attempt finished.
public struct SyncState: Sendable, Hashable {
    /// Where the sync stands.
    public var status: SyncStatus
    /// When the lead was last synced.
    public var lastSyncedAt: Instant?
    /// Not synced yet.
    public init(status: SyncStatus = .notSynced, lastSyncedAt: Instant? = nil) {
        self.status = status
        self.lastSyncedAt = lastSyncedAt
    }
}

/// An id of the lead, a vehicle or the customer in another system (ADF `id@source`,
/// `id@sequence`).
///
/// ```swift
/// ExternalLeadID(source: "CarCostCanada", value: "493578", sequence: "1")
/// ```
public struct ExternalLeadID: Sendable, Hashable {
    /// The system that issued the id.
    public var source: String?
    /// The id.
    public var value: String
    /// ADF `@sequence` (any text: senders write `1` or `uniqueLeadId`).
    public var sequence: String?
    /// An id.
    public init(source: String? = nil, value: String, sequence: String? = nil) {
        self.source = source
        self.value = value
        self.sequence = sequence
    }
}

/// Why a lead was lost; ``other`` goes with a note.
public enum LostReason: String, Sendable, Hashable, CaseIterable {
    /// Why a lead was lost.
    case price, boughtElsewhere, financingDeclined, notReady, noResponse, other
}

/// How a sold vehicle was paid for (ADF `finance/method`).
public enum FinancingType: String, Sendable, Hashable, CaseIterable {
    /// How the sale was paid for.
    case cash, finance, lease
}

/// What was sold: recorded when a lead is won. The finance math lives in the deal core.
public struct Conversion: Sendable, Hashable {
    /// The vehicle sold.
    public var soldVehicle: VehicleOfInterest
    /// The final price.
    public var finalPrice: ExactDecimal
    /// Cash, finance or lease.
    public var financingType: FinancingType
    /// The vehicle traded in, when any.
    public var tradeIn: TradeInVehicle?
    /// The delivery date, when known.
    public var deliveryDate: CivilDate?
    /// A sale of `soldVehicle` at `finalPrice`.
    public init(soldVehicle: VehicleOfInterest, finalPrice: ExactDecimal, financingType: FinancingType,
                tradeIn: TradeInVehicle? = nil, deliveryDate: CivilDate? = nil) {
        self.soldVehicle = soldVehicle
        self.finalPrice = finalPrice
        self.financingType = financingType
        self.tradeIn = tradeIn
        self.deliveryDate = deliveryDate
    }
}

/// A scheduled follow-up (compute `due` with ``FollowUpSchedule/due(_:asOf:)``).
public struct FollowUp: Sendable, Hashable {
    /// When the follow-up is due.
    public var due: Instant
    /// Whether it is done.
    public var done: Bool
    /// A note about it.
    public var note: String?
    /// A follow-up due at `due`.
    public init(due: Instant, done: Bool = false, note: String? = nil) {
        self.due = due
        self.done = done
        self.note = note
    }
}
