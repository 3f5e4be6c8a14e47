// DealFinance — exact deal finance. DealLeads: E.164 phone normalization (NANP + generic).

/// Why a phone number could not be normalized.
public enum PhoneNumberError: String, Error, Sendable, Hashable, CaseIterable {
    /// No digits at all.
    case empty
    /// Letters or symbols other than spaces, `( ) - . /` and a leading `+`.
    case invalidCharacters
    /// Seven NANP digits: the area code is missing.
    case missingAreaCode
    /// A national number of the wrong length for the default region, or fewer than 7 digits.
    case invalidLength
    /// More than 15 digits (E.164's maximum).
    case tooLong
    /// The country code starts with 0.
    case leadingZero
    /// No `+` and no default region to supply the country code.
    case missingCountryCode
    /// NANP area code (NPA) starts with 0 or 1.
    case npaFirstDigit
    /// NANP area code's second digit is 9 (reserved for expansion).
    case npaSecondDigit
    /// NANP area code is an N11 service code.
    case npaServiceCode
    /// NANP exchange (NXX) starts with 0 or 1.
    case nxxFirstDigit
    /// NANP exchange is N11.
    case nxxServiceCode

    /// What was expected.
    public var message: String {
        switch self {
        case .empty: "expected a phone number, found no digits"
        case .invalidCharacters: "expected digits, spaces, ( ) - . / and an optional leading +, found other characters"
        case .missingAreaCode: "expected a 10-digit NANP number, found 7 digits (the area code is missing)"
        case .invalidLength: "expected 10 digits (or 11 starting with 1) for a NANP number, or 7–15 digits after +"
        case .tooLong: "expected at most 15 digits (E.164), found more"
        case .leadingZero: "expected a country code not starting with 0"
        case .missingCountryCode: "expected a leading + (no default region was given)"
        case .npaFirstDigit: "expected a NANP area code starting with 2–9, found one starting with 0 or 1"
        case .npaSecondDigit: "expected a NANP area code whose second digit is not 9 (reserved)"
        case .npaServiceCode: "expected a NANP area code, found an N11 service code"
        case .nxxFirstDigit: "expected a NANP exchange starting with 2–9, found one starting with 0 or 1"
        case .nxxServiceCode: "expected a NANP exchange, found an N11 service code"
        }
    }
}

/// A phone number in E.164 form, with the extension split off (Documentation/Leads.md).
///
/// Algorithm: keep the raw text; split off an extension (`x`, `ext`, `ext.`, `#` + digits at the
/// end); remember a leading `+`; allow only digits, spaces and `( ) - . /`; without `+`, a `011`
/// or `00` prefix means international; otherwise the default region (NANP) applies: 10 digits →
/// `+1…`, 11 starting with 1 → `+…`, 7 → missing area code. Then at most 15 digits, no leading 0,
/// and for `+1` the NANP rules: NPA and NXX start with 2–9, are not N11, and the NPA's second digit
/// is not 9. Numbers outside +1 pass the generic rules only and are marked `isRegionVerified == false`
/// (no per-country metadata; libphonenumber is out of scope).
///
/// ```swift
/// let n = try PhoneNumber(parsing: "+1 (312) 555-0147 x22")
/// n.e164              // "+13125550147"
/// n.extension         // "22"
/// try PhoneNumber(parsing: "011 44 20 7183 8750").e164   // "+442071838750"
/// try PhoneNumber(parsing: "234-911-5678")                // throws .nxxServiceCode
/// ```
public struct PhoneNumber: Sendable, Hashable {
    /// The default region for numbers written without `+`.
    public enum Region: String, Sendable, Hashable, CaseIterable {
        /// North American Numbering Plan (+1: US, Canada, much of the Caribbean).
        case nanp
        /// None: a number must start with `+`, `00` or `011`.
        case none
    }

    /// The text as given.
    public let raw: String
    /// `+` and up to 15 digits.
    public let e164: String
    /// The country calling code (ITU prefix-free table: 1, 7, the assigned two-digit codes, else three digits).
    public let countryCode: String
    /// The digits after the country code.
    public let nationalNumber: String
    /// The extension digits, if any.
    public let `extension`: String?
    /// Whether region-specific rules were checked (true for +1 only).
    public let isRegionVerified: Bool

    /// Normalizes `text`.
    /// - Throws: ``PhoneNumberError``.
    public init(parsing text: String, defaultRegion: Region = .nanp) throws(PhoneNumberError) {
        raw = text
        var characters = Array(text.trimmingSpaces)
        var ext: String?
        // A trailing run of digits preceded (spaces allowed) by x, ext, ext. or #.
        var end = characters.count
        while end > 0, characters[end - 1].isASCII, characters[end - 1].isNumber { end -= 1 }
        if end < characters.count {
            var markerEnd = end
            while markerEnd > 0, characters[markerEnd - 1] == " " { markerEnd -= 1 }
            let before = String(characters[..<markerEnd]).lowercased()
            for marker in ["ext.", "ext", "x", "#"] where before.hasSuffix(marker) {
                ext = String(characters[end...])
                characters.removeSubrange((markerEnd - marker.count)...)
                break
            }
        }
        let main = String(characters)
        let trimmed = main.trimmingSpaces
        let hasPlus = trimmed.first == "+"
        var digits = ""
        for (offset, character) in trimmed.enumerated() {
            if character.isASCII, character.isNumber { digits.append(character) }
            else if character == "+" && offset == 0 { continue }
            else if " ()-./".contains(character) { continue }
            else { throw .invalidCharacters }
        }
        guard !digits.isEmpty else { throw .empty }
        var international = hasPlus
        if !hasPlus {
            if digits.hasPrefix("011") { digits.removeFirst(3); international = true }
            else if digits.hasPrefix("00") { digits.removeFirst(2); international = true }
        }
        if !international {
            guard defaultRegion == .nanp else { throw .missingCountryCode }
            switch digits.count {
            case 10: digits = "1" + digits
            case 11 where digits.first == "1": break
            case 7: throw .missingAreaCode
            default: throw .invalidLength
            }
        }
        guard digits.count <= 15 else { throw .tooLong }
        guard digits.first != "0" else { throw .leadingZero }
        guard digits.count >= 7 else { throw .invalidLength }
        let code = Self.countryCode(of: digits)
        let national = String(digits.dropFirst(code.count))
        if code == "1" {
            guard national.count == 10 else { throw .invalidLength }
            let d = Array(national)
            if d[0] == "0" || d[0] == "1" { throw .npaFirstDigit }
            if d[1] == "9" { throw .npaSecondDigit }
            if d[1] == "1" && d[2] == "1" { throw .npaServiceCode }
            if d[3] == "0" || d[3] == "1" { throw .nxxFirstDigit }
            if d[4] == "1" && d[5] == "1" { throw .nxxServiceCode }
        }
        e164 = "+" + digits
        countryCode = code
        nationalNumber = national
        `extension` = ext
        isRegionVerified = code == "1"
    }

    /// The two-digit ITU country codes (zones 2–9); every other code in those zones has three
    /// digits, and zones 1 and 7 have one.
    static let twoDigitCountryCodes: Set<String> = [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
        "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ]

    /// The country code at the start of an E.164 digit string.
    ///
    /// ```swift
    /// PhoneNumber.countryCode(of: "442071838750")   // "44"
    /// PhoneNumber.countryCode(of: "35312345678")    // "353"
    /// ```
    public static func countryCode(of digits: String) -> String {
        guard let first = digits.first else { return "" }
        if first == "1" || first == "7" { return String(first) }
        let two = String(digits.prefix(2))
        return twoDigitCountryCodes.contains(two) ? two : String(digits.prefix(3))
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: Substring {
        let characters = Substring(self)
        guard let start = characters.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = characters.lastIndex(where: { !$0.isWhitespace })!
        return characters[start...end]
    }
}
