// DealFinance — exact deal finance. DealLeads: VIN validation (ISO 3779 structure, 49 CFR 565).

/// The result of checking a VIN: a status enum, not a Bool (Documentation/Leads.md), so a caller can treat
/// a check-digit mismatch as an error only for North-American VINs.
///
/// Rules: upper-case the input and drop spaces and dashes (the raw text is kept); exactly 17
/// characters (565.4(b)); digits and letters except I, O, Q (565.4(g)); the check digit in
/// position 9 is Σ transliteration × weight mod 11, remainder 10 → `X` (565.15(c), Tables III–IV);
/// the model year is read from position 10 (never I, O, Q, U, Z, 0) and, for light vehicles from
/// MY2010, an alphabetic position 7 selects the 2010–2039 cycle (565.15(b)).
///
/// ```swift
/// let check = VINCheck("1G4AH59H45G118341")
/// check.status              // .valid
/// check.computedCheckDigit  // "4"
/// check.modelYear           // 2005
/// VINCheck("WVGZZZ5NZJM131395").status             // .checkDigitMismatch
/// VINCheck("WVGZZZ5NZJM131395").isNorthAmerican    // false → a warning, not an error
/// ```
public struct VINCheck: Sendable, Hashable {
    /// The outcome.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// 17 allowed characters and a matching check digit.
        case valid
        /// Structure fine, position 9 differs from the computed check digit.
        case checkDigitMismatch
        /// A character outside 0–9, A–Z without I, O, Q.
        case invalidCharacters
        /// Not 17 characters after normalization.
        case invalidLength
    }

    /// The text as given.
    public let raw: String
    /// Upper-cased, spaces and dashes removed.
    public let normalized: String
    /// The outcome.
    public let status: Status
    /// The check digit computed from the other 16 characters (nil unless the structure is valid).
    public let computedCheckDigit: Character?
    /// The weighted sum before mod 11 (nil unless the structure is valid).
    public let weightedSum: Int?
    /// First character 1–5: a North-American WMI (United States, Canada, Mexico), where the
    /// check digit is mandatory.
    public let isNorthAmerican: Bool
    /// The model years position 10 can mean (two 30-year cycles), empty when it is not a
    /// model-year code.
    public let modelYearCandidates: [Int]
    /// The model year chosen by the position-7 rule for light vehicles (alphabetic → 2010–2039,
    /// digit → 1980–2009); nil when position 10 is not a model-year code.
    public let modelYear: Int?
    /// A position-3 `9`: a small manufacturer whose identifier continues in positions 12–14.
    public let isSmallManufacturer: Bool

    /// Whether a caller that warns on non-North-American mismatches should accept the VIN.
    public var isAcceptable: Bool { status == .valid || (status == .checkDigitMismatch && !isNorthAmerican) }

    /// Checks `text`.
    public init(_ text: String) {
        raw = text
        let cleaned = String(text.uppercased().filter { $0 != " " && $0 != "-" })
        normalized = cleaned
        let characters = Array(cleaned)
        isNorthAmerican = characters.first.map { "12345".contains($0) } ?? false
        isSmallManufacturer = characters.count == 17 && characters[2] == "9"
        guard characters.count == 17 else {
            status = .invalidLength
            computedCheckDigit = nil; weightedSum = nil; modelYearCandidates = []; modelYear = nil
            return
        }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = Self.transliteration(character) else {
                status = .invalidCharacters
                computedCheckDigit = nil; weightedSum = nil; modelYearCandidates = []; modelYear = nil
                return
            }
            sum += value * Self.weights[index]
        }
        let remainder = sum % 11
        let digit: Character = remainder == 10 ? "X" : Character(String(remainder))
        weightedSum = sum
        computedCheckDigit = digit
        status = characters[8] == digit ? .valid : .checkDigitMismatch
        let candidates = Self.modelYears(code: characters[9])
        modelYearCandidates = candidates
        if candidates.count == 2 {
            modelYear = characters[6].isLetter ? candidates[1] : candidates[0]
        } else {
            modelYear = nil
        }
    }

    /// Position weights, 49 CFR 565.15 Table IV.
    public static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The value of a VIN character (Table III); nil for characters a VIN may not contain.
    ///
    /// ```swift
    /// VINCheck.transliteration("P")   // 7
    /// VINCheck.transliteration("O")   // nil
    /// ```
    public static func transliteration(_ character: Character) -> Int? {
        if let digit = character.wholeNumberValue, character.isASCII { return digit }
        let table: [Character: Int] = [
            "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
            "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
            "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
        ]
        return table[character]
    }

    /// The two model years a position-10 code means, earlier first; empty for I, O, Q, U, Z, 0
    /// and anything else.
    ///
    /// ```swift
    /// VINCheck.modelYears(code: "A")   // [1980, 2010]
    /// VINCheck.modelYears(code: "9")   // [2009, 2039]
    /// ```
    public static func modelYears(code: Character) -> [Int] {
        let letters = Array("ABCDEFGHJKLMNPRSTVWXY")
        if let index = letters.firstIndex(of: code) { return [1980 + index, 2010 + index] }
        if let digit = code.wholeNumberValue, code.isASCII, digit >= 1 { return [2000 + digit, 2030 + digit] }
        return []
    }
}
