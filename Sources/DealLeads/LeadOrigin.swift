// DealFinance — exact deal finance. DealLeads: where a lead was sent from and to, and what
// else its document carried.

/// The dealership a lead was addressed to (ADF `vendor`).
///
/// ```swift
/// LeadVendor(name: "Hunt Chrysler", ids: [ExternalLeadID(source: "CarCostCanada", value: "D-9")])
/// ```
public struct LeadVendor: Sendable, Hashable {
    /// `vendorname`.
    public var name: String?
    /// `url`.
    public var url: String?
    /// `id*`.
    public var ids: [ExternalLeadID]

    /// A vendor.
    public init(name: String? = nil, url: String? = nil, ids: [ExternalLeadID] = []) {
        self.name = name
        self.url = url
        self.ids = ids
    }
}

/// Who produced a lead (ADF `provider`): a listing site, a pricing site, a CRM or chat vendor.
///
/// ```swift
/// LeadProvider(name: "CarCostCanada", service: "New Car Pricing Website", url: "https://carcostcanada.com")
/// ```
public struct LeadProvider: Sendable, Hashable {
    /// `name`.
    public var name: String?
    /// `service`.
    public var service: String?
    /// `url`.
    public var url: String?
    /// `email`.
    public var email: String?
    /// `phone`.
    public var phone: String?
    /// `id*`.
    public var ids: [ExternalLeadID]
    /// `contact`.
    public var contact: Contact?

    /// A provider.
    public init(name: String? = nil, service: String? = nil, url: String? = nil, email: String? = nil, phone: String? = nil,
                ids: [ExternalLeadID] = [], contact: Contact? = nil) {
        self.name = name
        self.service = service
        self.url = url
        self.email = email
        self.phone = phone
        self.ids = ids
        self.contact = contact
    }
}

/// An element of an imported document the lead has no field for, kept whole.
///
/// ```swift
/// LeadExtra(at: "provider", element: ADFXMLElement(name: "leadtype", children: [.text("Sales")]))
/// ```
public struct LeadExtra: Sendable, Hashable {
    /// Where it belongs: `prospect`, `customer`, `contact` (the customer's), `vendor`,
    /// `provider`, `vehicles.N` or `tradeIns.N`.
    public var at: String
    /// The element: name, attributes, text and children.
    public var element: ADFXMLElement

    /// An extra.
    public init(at: String, element: ADFXMLElement) {
        self.at = at
        self.element = element
    }

    /// The extras in the order an ADF export writes them: vehicles (by index), trade-ins,
    /// the customer's contact, customer, vendor, provider, prospect; the given order kept
    /// within each place. A place without an index (`vehicles.x`) is no vehicle: it goes last.
    public static func inWritingOrder(_ extras: [LeadExtra]) -> [LeadExtra] {
        func rank(_ at: String) -> (Int, Int) {
            if at.hasPrefix("vehicles."), let index = Int(at.dropFirst(9)) { return (0, index) }
            if at.hasPrefix("tradeIns."), let index = Int(at.dropFirst(9)) { return (1, index) }
            return (["contact": 2, "customer": 3, "vendor": 4, "provider": 5][at] ?? 6, 0)
        }
        return extras.enumerated().sorted { first, second in
            let (a, b) = (rank(first.element.at), rank(second.element.at))
            return (a.0, a.1, first.offset) < (b.0, b.1, second.offset)
        }.map(\.element)
    }

    /// Whether `at` is one of the locations above (`N` a whole number without sign).
    public static func isLocation(_ text: String) -> Bool {
        if ["prospect", "customer", "contact", "vendor", "provider"].contains(text) { return true }
        for prefix in ["vehicles.", "tradeIns."] where text.hasPrefix(prefix) {
            let digits = text.dropFirst(prefix.count)
            return !digits.isEmpty && digits.count <= 6 && digits.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }
}
