// DealFinance — exact deal finance. DealLeads/Summary: The dealer portal's Lead Summary over the deal engine.

import DealDecimal
import DealEngine

/// The dealer portal's Lead Summary (Deal Summary, Activity Insights, Customer
/// Details, Asset Details, Payment Breakdown). Every deal number comes from the engine —
/// ``paymentBreakdown`` is `RetailLoan.quote()` of the lead's deal, and the Deal Summary's
/// amounts are read from that same quote, never recomputed.
///
/// ```swift
/// let summary = try LeadSummary(lead: lead, deal: loan)
/// summary.deal?.dealType               // "24 Months Finance"
/// summary.deal?.estimatedPayment       // the quote's periodicPayment.total
/// ```
public struct LeadSummary: Sendable {
    /// Deal Summary.
    public struct DealSummary: Sendable, Hashable {
        /// "2005 Buick LaCrosse CXL".
        public var asset: String
        /// The lead's id.
        public var leadID: String
        /// The deal status (``Lead/dealStatus``), else the retail status, else the pipeline stage.
        public var status: String
        /// The vehicle's VIN, when known.
        public var vin: String?
        /// The quote's net financed amount.
        public var netFinancedAmount: ExactDecimal
        /// "24 Months Finance": number of payments, the period word, "Finance".
        public var dealType: String
        /// APR in percent.
        public var rate: ExactDecimal
        /// The quote's periodic payment (total, tax included).
        public var estimatedPayment: ExactDecimal
    }

    /// Customer Details.
    public struct CustomerDetails: Sendable, Hashable {
        /// The customer's name.
        public var name: String
        /// The customer's email.
        public var email: String?
        /// The customer's phone.
        public var phone: String?
        /// The preferred channel.
        public var preferredContact: String?
        /// The postal code.
        public var postalCode: String?
        /// The region code.
        public var regionCode: String?
    }

    /// Asset Details.
    public struct AssetDetails: Sendable, Hashable {
        /// The model year.
        public var year: Int?
        /// The make.
        public var make: String?
        /// The model.
        public var model: String?
        /// The trim.
        public var trim: String?
        /// The VIN.
        public var vin: String?
        /// New / used / certified.
        public var condition: String?
        /// The dealer's stock number.
        public var stockNumber: String?
        /// Miles.
        public var mileage: Int?
        /// The price.
        public var price: ExactDecimal?
    }

    /// Activity Insights: counts and the deal-term changes by who made them (the dealer portal's customer /
    /// dealer / all filter).
    public struct ActivityInsights: Sendable, Hashable {
        /// All activities counted.
        public var total: Int
        /// Activity count per kind name, kinds in ascending order.
        public var countsByKind: [String: Int]
        /// The latest activity's time.
        public var lastActivityAt: Instant?
        /// Term changes (down payment, term, credit score, rebates …) passing the filter, in time order.
        public var termChanges: [(at: Instant, actor: String, term: String, from: String?, to: String)]

        public static func == (lhs: ActivityInsights, rhs: ActivityInsights) -> Bool {
            lhs.total == rhs.total && lhs.countsByKind == rhs.countsByKind && lhs.lastActivityAt == rhs.lastActivityAt
                && lhs.termChanges.map { "\($0.at)|\($0.actor)|\($0.term)|\($0.from ?? "")|\($0.to)" }
                == rhs.termChanges.map { "\($0.at)|\($0.actor)|\($0.term)|\($0.from ?? "")|\($0.to)" }
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(total); hasher.combine(countsByKind) }
    }

    /// Deal Summary; nil when the lead has no deal.
    public var deal: DealSummary?
    /// The Activity Insights section.
    public var activityInsights: ActivityInsights
    /// The Customer Details section.
    public var customer: CustomerDetails
    /// Asset Details of the primary vehicle; nil when the lead has none.
    public var asset: AssetDetails?
    /// Payment Breakdown: the engine's quote of the deal.
    public var paymentBreakdown: LoanQuote?

    /// Builds the summary.
    ///
    /// - Parameters:
    ///   - lead: the lead.
    ///   - deal: the lead's finance deal (the host keeps it next to ``Lead/dealID``), if any.
    ///   - insights: whose term changes Activity Insights lists.
    /// - Throws: `DealError` from `RetailLoan.quote()` when the deal is invalid.
    public init(lead: Lead, deal: RetailLoan?, insights: ActorFilter = .all) throws(DealError) {
        let vehicle = lead.primaryVehicle
        if let vehicle {
            asset = AssetDetails(year: vehicle.year, make: vehicle.make, model: vehicle.model, trim: vehicle.trim, vin: vehicle.vin,
                                 condition: vehicle.condition?.rawValue, stockNumber: vehicle.stockNumber, mileage: vehicle.mileage, price: vehicle.price)
        }
        customer = CustomerDetails(name: lead.contact.fullName, email: lead.contact.email, phone: lead.contact.phone,
                                   preferredContact: lead.contact.preferredContact?.rawValue,
                                   postalCode: lead.contact.postalCode, regionCode: lead.contact.regionCode)
        var counts: [String: Int] = [:]
        for activity in lead.activities { counts[activity.kind.name, default: 0] += 1 }
        activityInsights = ActivityInsights(total: lead.activities.count, countsByKind: counts, lastActivityAt: lead.activities.latestActivity,
                                            termChanges: lead.activities.termChanges(by: insights).map {
                                                ($0.activity.at, $0.activity.actor.rawValue, $0.change.term.rawValue, $0.change.from, $0.change.to)
                                            })
        if let deal {
            let quote = try deal.quote()
            paymentBreakdown = quote
            let asset = [vehicle?.year.map(String.init), vehicle?.make, vehicle?.model, vehicle?.trim].compactMap { $0 }.joined(separator: " ")
            self.deal = DealSummary(asset: asset.isEmpty ? "-" : asset, leadID: lead.id,
                                    status: lead.dealStatus?.rawValue ?? lead.retailStatus?.rawValue ?? lead.stage,
                                    vin: vehicle?.vin, netFinancedAmount: quote.netFinancedAmount,
                                    dealType: Self.dealType(term: deal.term, frequency: deal.frequency), rate: quote.apr,
                                    estimatedPayment: quote.periodicPayment.total)
        }
    }

    /// "24 Months Finance", "26 Biweekly Payments Finance", …
    ///
    /// ```swift
    /// LeadSummary.dealType(term: 24, frequency: .monthly)   // "24 Months Finance"
    /// ```
    public static func dealType(term: Int, frequency: PaymentFrequency) -> String {
        let unit: String
        switch frequency {
        case .monthly: unit = term == 1 ? "Month" : "Months"
        case .weekly: unit = term == 1 ? "Week" : "Weeks"
        case .quarterly: unit = term == 1 ? "Quarter" : "Quarters"
        case .annual: unit = term == 1 ? "Year" : "Years"
        case .semiannual: unit = term == 1 ? "Half-Year" : "Half-Years"
        case .biweekly: unit = term == 1 ? "Biweekly Payment" : "Biweekly Payments"
        case .semimonthly: unit = term == 1 ? "Semimonthly Payment" : "Semimonthly Payments"
        }
        return "\(term) \(unit) Finance"
    }
}
