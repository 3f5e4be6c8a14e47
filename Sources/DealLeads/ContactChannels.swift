// DealFinance — exact deal finance. DealLeads: every phone number and email address of a contact.

/// A phone number with its type, the time to call and whether the customer prefers it
/// (ADF `phone@type`, `@time`, `@preferredcontact`).
///
/// ```swift
/// ContactPhone("(312) 555-0147", type: "cellphone", time: .evening, preferred: true)
/// ```
public struct ContactPhone: Sendable, Hashable {
    /// The number as entered.
    public var number: String
    /// `voice`, `fax`, `cellphone` or `pager` (ADF's types), or the word a sender used instead
    /// (`home`, `work`, `mobile`), lower-case. Default `voice`.
    public var type: String
    /// When to call (`morning`, `afternoon`, `evening`, `nopreference`, `day`).
    public var time: ADFPhone.Time?
    /// Whether the customer prefers this number.
    public var preferred: Bool

    /// A phone number.
    public init(_ number: String, type: String = "voice", time: ADFPhone.Time? = nil, preferred: Bool = false) {
        self.number = number
        self.type = type
        self.time = time
        self.preferred = preferred
    }

    /// Whether a text message can reach it: ADF `cellphone` or the senders' `mobile`/`cell`.
    public var isMobile: Bool { type == "cellphone" || type == "mobile" || type == "cell" }

    /// ADF's type for it: its own `type` when that is one, `cellphone` for mobile words, else `voice`.
    public var adfKind: ADFPhone.Kind { ADFPhone.Kind(rawValue: type) ?? (isMobile ? .cellphone : .voice) }
}

/// An email address and whether the customer prefers it (ADF `email@preferredcontact`).
///
/// ```swift
/// ContactEmail("jane.doe@example.com", preferred: true)
/// ```
public struct ContactEmail: Sendable, Hashable {
    /// The address as entered.
    public var address: String
    /// Whether the customer prefers this address.
    public var preferred: Bool

    /// An email address.
    public init(_ address: String, preferred: Bool = false) {
        self.address = address
        self.preferred = preferred
    }
}

extension Contact {
    /// The phone to use: the preferred one, else a mobile one, else the first (the one
    /// ADF import puts in ``phone``).
    public var preferredPhone: ContactPhone? {
        phones.first(where: \.preferred) ?? phones.first(where: \.isMobile) ?? phones.first
    }

    /// The email to use: the preferred one, else the first.
    public var preferredEmail: ContactEmail? { emails.first(where: \.preferred) ?? emails.first }
}
