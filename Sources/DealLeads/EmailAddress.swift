// DealFinance — exact deal finance. DealLeads: email normalization for grouping and dedup.

/// Why an email address was refused.
public enum EmailAddressError: String, Error, Sendable, Hashable, CaseIterable {
    /// Nothing but spaces.
    case empty
    /// No `@`.
    case missingAt
    /// More than one `@` (quoted local parts are not supported).
    case multipleAt
    /// A quoted local part (`"john doe"@example.com`): legal but not normalized here.
    case quotedLocalPart
    /// Nothing before the `@`.
    case emptyLocalPart
    /// More than 64 octets before the `@` (RFC 5321).
    case localPartTooLong
    /// More than 254 octets in all.
    case tooLong
    /// Whitespace or control characters inside the address.
    case invalidCharacters
    /// A domain without a dot, with an empty label, or with a label starting or ending in `-`.
    case invalidDomain

    /// What was expected.
    public var message: String {
        switch self {
        case .empty: "expected an email address, found nothing"
        case .missingAt: "expected local@domain, found no '@'"
        case .multipleAt: "expected exactly one '@', found several"
        case .quotedLocalPart: "expected an unquoted local part (quoted local parts are not normalized)"
        case .emptyLocalPart: "expected text before the '@'"
        case .localPartTooLong: "expected at most 64 octets before the '@'"
        case .tooLong: "expected at most 254 octets"
        case .invalidCharacters: "expected no spaces or control characters"
        case .invalidDomain: "expected a domain of dot-separated labels (letters, digits, '-', not at a label's ends) with at least one dot"
        }
    }
}

/// An email address prepared for comparison (Documentation/Leads.md).
///
/// Rules: trim surrounding whitespace; exactly one `@` (split at it); the domain is lower-cased
/// (internationalized domains are lower-cased but **not** converted to punycode, and flagged);
/// the local part is kept as entered (RFC 5321 makes it case-sensitive) and compared through
/// ``key``, the lower-cased address. Dots and `+tags` are never removed from ``key``; Gmail's
/// rule (dots and `+tag` ignored in `gmail.com` / `googlemail.com`) gives only
/// ``possibleDuplicateKey``, which must not drive an automatic merge.
///
/// ```swift
/// let email = try EmailAddress(parsing: "  Jane.Doe+cars@GMail.com ")
/// email.normalized             // "Jane.Doe+cars@gmail.com"
/// email.key                    // "jane.doe+cars@gmail.com"
/// email.possibleDuplicateKey   // "janedoe@gmail.com"
/// ```
public struct EmailAddress: Sendable, Hashable {
    /// The text as given.
    public let raw: String
    /// Trimmed, domain lower-cased, local part as entered.
    public let normalized: String
    /// The grouping key: ``normalized`` lower-cased.
    public let key: String
    /// The local part as entered.
    public let localPart: String
    /// The lower-cased domain.
    public let domain: String
    /// Whether the domain has non-ASCII characters (no IDNA conversion is done).
    public let isInternationalized: Bool
    /// For Gmail domains: dots and `+tag` removed, domain `gmail.com`; otherwise ``key``.
    public let possibleDuplicateKey: String

    /// Normalizes `text`.
    /// - Throws: ``EmailAddressError``.
    public init(parsing text: String) throws(EmailAddressError) {
        raw = text
        let trimmed = String(text.trimmingSpaces)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.utf8.count <= 254 else { throw .tooLong }
        if trimmed.first == "\"" { throw .quotedLocalPart }
        guard !trimmed.contains(where: { $0.isWhitespace || ($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }) else {
            throw .invalidCharacters
        }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { throw .missingAt }
        guard parts.count == 2 else { throw .multipleAt }
        let local = String(parts[0])
        guard !local.isEmpty else { throw .emptyLocalPart }
        guard local.utf8.count <= 64 else { throw .localPartTooLong }
        let domain = parts[1].lowercased()
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { !$0.isASCII || $0.isLetter || $0.isNumber || $0 == "-" }
        }) else { throw .invalidDomain }
        localPart = local
        self.domain = domain
        normalized = local + "@" + domain
        key = normalized.lowercased()
        isInternationalized = !domain.allSatisfy(\.isASCII)
        if domain == "gmail.com" || domain == "googlemail.com" {
            let base = local.lowercased().split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
            possibleDuplicateKey = base.filter { $0 != "." } + "@gmail.com"
        } else {
            possibleDuplicateKey = key
        }
    }
}
