// DealFinance — exact deal finance. DealLeads/ADF: the ADF 1.0 document as Swift values.

import DealDecimal
import DealEngine

/// An ADF 1.0 ("Auto-lead Data Format", final document 5/3/2000) lead document: one or more
/// prospects. Named so it cannot be confused with the Atlassian Document Format.
///
/// Read one with ``parse(_:options:)`` (lenient, with diagnostics) and write one with
/// ``xml()`` (strict: XML declaration first, lower-case `<?adf version="1.0"?>`, DTD element
/// order, enumerated values only, `requestdate` with seconds and offset, escaped UTF-8).
///
/// ```swift
/// let result = try AutoLeadDocument.parse(Array(xmlText.utf8))
/// result.document.prospects[0].vehicles[0].make   // "Buick"
/// let text = try result.document.xml()
/// ```
public struct AutoLeadDocument: Sendable, Hashable {
    /// The prospects (`adf/prospect+`).
    public var prospects: [ADFProspect]

    /// A document with the given prospects.
    public init(prospects: [ADFProspect]) {
        self.prospects = prospects
    }
}

/// One `prospect`: a consumer's purchase request.
public struct ADFProspect: Sendable, Hashable {
    /// `prospect@status`: a new lead or a resend of an earlier one.
    public enum Status: String, Sendable, Hashable, CaseIterable { case new, resend }

    /// `@status`, default ``Status/new``.
    public var status: Status = .new
    /// `prospect/id*`: the lead's ids in sender systems.
    public var ids: [ADFIdentifier] = []
    /// `requestdate`: when the consumer made the request.
    public var requestDate: ADFTimestamp?
    /// `vehicle+`: vehicles of interest and trade-ins, in document order.
    public var vehicles: [ADFVehicle] = []
    /// `customer`.
    public var customer = ADFCustomer()
    /// `vendor`: the dealership.
    public var vendor = ADFVendor()
    /// `provider?`: the lead source.
    public var provider: ADFProvider?
    /// Elements the model does not hold (non-standard ones such as `leadtype`, ADF's `imagetag`
    /// and `option`, a second `contact`), kept whole in document order and written back at
    /// the end of the element they came from.
    public var extras: [ADFExtra] = []

    /// An empty prospect (status new).
    public init() {}
}

/// A non-standard or unmodelled element, kept whole (name, attributes, text, children).
///
/// ```swift
/// ADFExtra(path: "prospect/leadtype", element: ADFXMLElement(name: "leadtype", children: [.text("Sales")])).text   // "Sales"
/// ```
public struct ADFExtra: Sendable, Hashable {
    /// Slash path from the prospect, e.g. `prospect/leadtype` or `prospect/vehicle[0]/imagetag`;
    /// its parent part (`prospect`, `prospect/vehicle[0]`, `prospect/customer`,
    /// `prospect/vendor`, `prospect/provider`) says where the element is written back.
    public var path: String
    /// The element as read.
    public var element: ADFXMLElement

    /// The element's trimmed text (descendants' text concatenated).
    public var text: String { ADFElementReader.text(element) ?? "" }

    /// The element's parent path (`path` without its last part).
    public var parentPath: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// An extra element.
    public init(path: String, element: ADFXMLElement) {
        self.path = path
        self.element = element
    }

    /// An extra element holding only text.
    public init(path: String, text: String) {
        self.init(path: path, element: ADFXMLElement(name: String(path.split(separator: "/").last ?? "extra"), children: text.isEmpty ? [] : [.text(text)]))
    }
}

/// `id`: an identifier in some system (`@sequence`, `@source`; the sequence is any string,
/// since senders put `uniqueLeadId` there).
public struct ADFIdentifier: Sendable, Hashable {
    /// The id text.
    public var value: String
    /// `@sequence`.
    public var sequence: String?
    /// `@source`: the system that issued the id.
    public var source: String?

    /// An id.
    ///
    /// ```swift
    /// ADFIdentifier(value: "LEAD-000123", sequence: "1", source: "DealerWebsite")
    /// ```
    public init(value: String, sequence: String? = nil, source: String? = nil) {
        self.value = value
        self.sequence = sequence
        self.source = source
    }
}

/// An ADF date-time: the instant (seconds since 1970-01-01T00:00:00Z) and the UTC offset it
/// was written with. Equality compares instant and offset, not the original spelling.
public struct ADFTimestamp: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64
    /// Offset from UTC in minutes the text carried, or the caller's default when it had none.
    public var utcOffsetMinutes: Int
    /// Whether the text named its zone (`Z` or an offset); false means the default was used.
    public var hadZone: Bool
    /// The text as read (nil for values built in code).
    public var raw: String?

    /// A timestamp at an instant, shown in the given offset.
    ///
    /// ```swift
    /// ADFTimestamp(secondsSinceEpoch: 1_715_697_000, utcOffsetMinutes: -300)   // 2024-05-14T09:30:00-05:00
    /// ```
    public init(secondsSinceEpoch: Int64, utcOffsetMinutes: Int = 0, hadZone: Bool = true, raw: String? = nil) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.utcOffsetMinutes = utcOffsetMinutes
        self.hadZone = hadZone
        self.raw = raw
    }

    public static func == (lhs: ADFTimestamp, rhs: ADFTimestamp) -> Bool {
        lhs.secondsSinceEpoch == rhs.secondsSinceEpoch && lhs.utcOffsetMinutes == rhs.utcOffsetMinutes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(secondsSinceEpoch)
        hasher.combine(utcOffsetMinutes)
    }
}

/// `vehicle`: a vehicle of interest (buy, lease, test drive) or one the customer brings
/// (sell, trade-in).
public struct ADFVehicle: Sendable, Hashable {
    /// `vehicle@interest`.
    public enum Interest: String, Sendable, Hashable, CaseIterable {
        /// Buy, lease or sell this vehicle.
        case buy, lease, sell
        /// Trade this vehicle in.
        case tradeIn = "trade-in"
        /// Test-drive this vehicle.
        case testDrive = "test-drive"
    }
    /// `vehicle@status`.
    public enum Status: String, Sendable, Hashable, CaseIterable { case new, used }
    /// `condition`.
    public enum Condition: String, Sendable, Hashable, CaseIterable { case excellent, good, fair, poor, unknown }

    /// `@interest`, default ``Interest/buy``.
    public var interest: Interest = .buy
    /// `@status`, default ``Status/new``.
    public var status: Status = .new
    /// `id*`.
    public var ids: [ADFIdentifier] = []
    /// `year` (required by ADF).
    public var year: Int?
    /// `make` (required by ADF).
    public var make: String?
    /// `model` (required by ADF).
    public var model: String?
    /// `vin`, as written (validate with the lead model's VIN rules).
    public var vin: String?
    /// `stock`.
    public var stock: String?
    /// `trim`.
    public var trim: String?
    /// `doors`.
    public var doors: String?
    /// `bodystyle`.
    public var bodyStyle: String?
    /// `transmission`.
    public var transmission: String?
    /// `odometer`.
    public var odometer: ADFOdometer?
    /// `condition`.
    public var condition: Condition?
    /// `colorcombination*`.
    public var colorCombinations: [ADFColorCombination] = []
    /// `price`.
    public var price: ADFPrice?
    /// `pricecomments`.
    public var priceComments: String?
    /// `finance`.
    public var finance: ADFFinance?
    /// `comments`.
    public var comments: String?

    /// A vehicle with the three required parts.
    ///
    /// ```swift
    /// ADFVehicle(year: 2024, make: "Honda", model: "Civic")
    /// ```
    public init(interest: Interest = .buy, status: Status = .new, year: Int? = nil, make: String? = nil, model: String? = nil) {
        self.interest = interest
        self.status = status
        self.year = year
        self.make = make
        self.model = model
    }
}

/// `odometer` with its attributes.
public struct ADFOdometer: Sendable, Hashable {
    /// `odometer@status`.
    public enum Status: String, Sendable, Hashable, CaseIterable { case unknown, rolledover, replaced, original }
    /// `odometer@units`.
    public enum Units: String, Sendable, Hashable, CaseIterable { case km, mi }
    /// The reading (digits; separators removed when read).
    public var value: Int
    /// `@status`.
    public var status: Status?
    /// `@units`.
    public var units: Units?

    /// A reading.
    public init(value: Int, status: Status? = nil, units: Units? = nil) {
        self.value = value
        self.status = status
        self.units = units
    }
}

/// `colorcombination`.
public struct ADFColorCombination: Sendable, Hashable {
    /// `interiorcolor`.
    public var interior: String?
    /// `exteriorcolor`.
    public var exterior: String?
    /// `preference` (1 = first choice).
    public var preference: Int?

    /// A colour preference.
    public init(interior: String? = nil, exterior: String? = nil, preference: Int? = nil) {
        self.interior = interior
        self.exterior = exterior
        self.preference = preference
    }
}

/// `price` with its attributes.
public struct ADFPrice: Sendable, Hashable {
    /// `price@type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable { case quote, offer, msrp, invoice, call, appraisal, asking }
    /// `price@delta`.
    public enum Delta: String, Sendable, Hashable, CaseIterable { case absolute, relative, percentage }
    /// `price@relativeto`.
    public enum RelativeTo: String, Sendable, Hashable, CaseIterable { case msrp, invoice }

    /// The amount.
    public var amount: ExactDecimal
    /// `@type`, default ``Kind/quote``.
    public var kind: Kind = .quote
    /// `@currency` (ISO 4217).
    public var currency: String?
    /// `@delta`.
    public var delta: Delta?
    /// `@relativeto`.
    public var relativeTo: RelativeTo?
    /// `@source`.
    public var source: String?

    /// A price.
    public init(amount: ExactDecimal, kind: Kind = .quote, currency: String? = nil) {
        self.amount = amount
        self.kind = kind
        self.currency = currency
    }
}

/// `finance`: how the customer means to pay.
public struct ADFFinance: Sendable, Hashable {
    /// `finance/method`.
    public enum Method: String, Sendable, Hashable, CaseIterable { case cash, finance, lease }

    /// `method`.
    public var method: Method?
    /// `amount+`.
    public var amounts: [ADFFinanceAmount] = []
    /// `balance?`.
    public var balance: ADFBalance?

    /// Finance details.
    public init(method: Method? = nil, amounts: [ADFFinanceAmount] = [], balance: ADFBalance? = nil) {
        self.method = method
        self.amounts = amounts
        self.balance = balance
    }
}

/// `finance/amount`: a desired payment, down payment or total (DealerTeam's outbound
/// ADF map).
public struct ADFFinanceAmount: Sendable, Hashable {
    /// `amount@type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable { case downpayment, monthly, total }
    /// `amount@limit`.
    public enum Limit: String, Sendable, Hashable, CaseIterable { case maximum, minimum, exact }

    /// The amount.
    public var amount: ExactDecimal
    /// `@type`, default ``Kind/total``.
    public var kind: Kind = .total
    /// `@limit`, default ``Limit/maximum``.
    public var limit: Limit = .maximum
    /// `@currency`.
    public var currency: String?

    /// An amount.
    public init(amount: ExactDecimal, kind: Kind = .total, limit: Limit = .maximum, currency: String? = nil) {
        self.amount = amount
        self.kind = kind
        self.limit = limit
        self.currency = currency
    }
}

/// `finance/balance`.
public struct ADFBalance: Sendable, Hashable {
    /// `balance@type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable { case finance, residual }
    /// The amount.
    public var amount: ExactDecimal
    /// `@type`, default ``Kind/finance``.
    public var kind: Kind = .finance
    /// `@currency`.
    public var currency: String?

    /// A balance.
    public init(amount: ExactDecimal, kind: Kind = .finance, currency: String? = nil) {
        self.amount = amount
        self.kind = kind
        self.currency = currency
    }
}

/// `customer`.
public struct ADFCustomer: Sendable, Hashable {
    /// `contact` (required by ADF).
    public var contact: ADFContact?
    /// `id*`.
    public var ids: [ADFIdentifier] = []
    /// `timeframe?`.
    public var timeframe: ADFTimeframe?
    /// `comments?`.
    public var comments: String?

    /// A customer.
    public init(contact: ADFContact? = nil) {
        self.contact = contact
    }
}

/// `timeframe`: the purchase window (like Salesforce's Earliest/LatestInterestDate).
public struct ADFTimeframe: Sendable, Hashable {
    /// `description`.
    public var description: String?
    /// `earliestdate` (date part).
    public var earliest: CivilDate?
    /// `latestdate` (date part).
    public var latest: CivilDate?

    /// A window.
    public init(description: String? = nil, earliest: CivilDate? = nil, latest: CivilDate? = nil) {
        self.description = description
        self.earliest = earliest
        self.latest = latest
    }
}

/// `contact`: names, email, phones, address.
public struct ADFContact: Sendable, Hashable {
    /// `name+`.
    public var names: [ADFName] = []
    /// `email*` (ADF allows one; more are read).
    public var emails: [ADFEmail] = []
    /// `phone*`.
    public var phones: [ADFPhone] = []
    /// `address?`.
    public var address: ADFAddress?
    /// `@primarycontact` (used in the wild, not in the DTD copy).
    public var primaryContact: Bool?

    /// A contact.
    public init(names: [ADFName] = [], emails: [ADFEmail] = [], phones: [ADFPhone] = []) {
        self.names = names
        self.emails = emails
        self.phones = phones
    }

    /// The name with the given part.
    public func name(_ part: ADFName.Part) -> String? { names.first { $0.part == part }?.value }
}

/// `name`.
public struct ADFName: Sendable, Hashable {
    /// `name@part`: the union of the DTD copy's and adf_builder's lists.
    public enum Part: String, Sendable, Hashable, CaseIterable { case first, middle, last, suffix, surname, full }
    /// `name@type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable { case individual, business }
    /// The name text.
    public var value: String
    /// `@part`, default ``Part/full``.
    public var part: Part = .full
    /// `@type`, default ``Kind/individual``.
    public var kind: Kind = .individual

    /// A name.
    public init(_ value: String, part: Part = .full, kind: Kind = .individual) {
        self.value = value
        self.part = part
        self.kind = kind
    }
}

/// `email`.
public struct ADFEmail: Sendable, Hashable {
    /// The address as written.
    public var address: String
    /// `@preferredcontact="1"`.
    public var preferred: Bool = false

    /// An email address.
    public init(_ address: String, preferred: Bool = false) {
        self.address = address
        self.preferred = preferred
    }
}

/// `phone`.
public struct ADFPhone: Sendable, Hashable {
    /// `phone@type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable { case voice, fax, cellphone, pager }
    /// `phone@time`.
    public enum Time: String, Sendable, Hashable, CaseIterable { case morning, afternoon, evening, nopreference, day }
    /// The number as written.
    public var number: String
    /// `@type`, default ``Kind/voice`` (home/work/business read as voice, mobile as cellphone).
    public var kind: Kind = .voice
    /// `@type` as the sender wrote it when it is not an ADF value (`home`, `work`, `mobile`),
    /// lower-cased; written back as it was read.
    public var writtenType: String?
    /// `@time`.
    public var time: Time?
    /// `@preferredcontact="1"`.
    public var preferred: Bool = false

    /// A phone number.
    public init(_ number: String, kind: Kind = .voice, time: Time? = nil, preferred: Bool = false) {
        self.number = number
        self.kind = kind
        self.time = time
        self.preferred = preferred
    }
}

/// `address`.
public struct ADFAddress: Sendable, Hashable {
    /// `address@type`.
    public enum Kind: String, Sendable, Hashable, CaseIterable { case work, home, delivery }
    /// `@type`.
    public var kind: Kind?
    /// `street+` lines (at most 5 are written).
    public var streets: [String] = []
    /// `apartment`.
    public var apartment: String?
    /// `city`.
    public var city: String?
    /// `regioncode` (state/province).
    public var regionCode: String?
    /// `postalcode`.
    public var postalCode: String?
    /// `country` (ISO 3166 code).
    public var country: String?

    /// An address.
    public init(kind: Kind? = nil, streets: [String] = [], city: String? = nil, regionCode: String? = nil, postalCode: String? = nil, country: String? = nil) {
        self.kind = kind
        self.streets = streets
        self.city = city
        self.regionCode = regionCode
        self.postalCode = postalCode
        self.country = country
    }

    var isEmpty: Bool {
        streets.isEmpty && apartment == nil && city == nil && regionCode == nil && postalCode == nil && country == nil
    }
}

/// `vendor`: the dealership.
public struct ADFVendor: Sendable, Hashable {
    /// `id*`.
    public var ids: [ADFIdentifier] = []
    /// `vendorname` (read from `contact/name` when a sender omits it).
    public var vendorName: String?
    /// `url?`.
    public var url: String?
    /// `contact`.
    public var contact: ADFContact?

    /// A vendor.
    public init(vendorName: String? = nil) {
        self.vendorName = vendorName
    }
}

/// `provider`: the lead source (a third-party site, a payment estimator, a chat vendor).
public struct ADFProvider: Sendable, Hashable {
    /// `id*`.
    public var ids: [ADFIdentifier] = []
    /// `name`.
    public var name: ADFName?
    /// `service`.
    public var service: String?
    /// `url`.
    public var url: String?
    /// `email`.
    public var email: String?
    /// `phone`.
    public var phone: String?
    /// `contact`.
    public var contact: ADFContact?

    /// A provider.
    public init(name: String? = nil, service: String? = nil) {
        self.name = name.map { ADFName($0) }
        self.service = service
    }
}

/// Something the lenient reader tolerated or could not use, with where it was.
///
/// ```swift
/// ADFDiagnostic(path: "prospect[0]/requestdate", message: "offset -08:0 read as -08:00")
/// ```
public struct ADFDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Slash path of the element, e.g. `prospect[0]/vehicle[1]/year`.
    public var path: String
    /// What was expected, what was found and what the reader did.
    public var message: String

    /// A diagnostic.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
