// DealFinance — exact deal finance. DealEngine: currencies and their minor units.

/// A currency by ISO 4217 code with the number of decimals of its minor unit.
///
/// Documentation/Reference/Values.md: money has exactly the currency's minor-unit decimals in results (USD 2, JPY 0,
/// BHD 3). Only currencies in ``known`` are accepted, so a misspelt code is an error rather
/// than a silent two-decimal default.
///
/// ```swift
/// let yen = try Currency(code: "JPY")
/// yen.minorUnitDigits   // 0
/// ```
public struct Currency: Sendable, Hashable, CustomStringConvertible {
    /// The ISO 4217 code, e.g. `USD`.
    public let code: String
    /// Decimals of the minor unit (2 for cents).
    public let minorUnitDigits: Int

    /// The US dollar, the default currency.
    public static let usd = Currency(uncheckedCode: "USD", minorUnitDigits: 2)

    /// Currencies the engine accepts, with their minor-unit decimals (ISO 4217).
    public static let known: [String: Int] = [
        "USD": 2, "CAD": 2, "MXN": 2, "EUR": 2, "GBP": 2, "CHF": 2, "SEK": 2, "NOK": 2, "DKK": 2,
        "PLN": 2, "CZK": 2, "AUD": 2, "NZD": 2, "ZAR": 2, "INR": 2, "CNY": 2, "SGD": 2, "HKD": 2,
        "BRL": 2, "AED": 2, "SAR": 2, "ILS": 2, "TRY": 2,
        "JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "VND": 0,
        "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3,
    ]

    init(uncheckedCode code: String, minorUnitDigits: Int) {
        self.code = code
        self.minorUnitDigits = minorUnitDigits
    }

    /// The currency with ISO code `code`.
    ///
    /// ```swift
    /// try Currency(code: "BHD").minorUnitDigits   // 3
    /// ```
    /// - Throws: `invalid_argument` at `currency` for a code not in ``known``.
    public init(code: String) throws(DealError) {
        guard let digits = Self.known[code] else {
            throw DealError.invalidArgument("currency", "expected an ISO 4217 code such as USD, EUR, JPY or BHD, found \"\(code)\"")
        }
        self.init(uncheckedCode: code, minorUnitDigits: digits)
    }

    /// The code.
    ///
    /// ```swift
    /// Currency.usd.description   // "USD"
    /// ```
    public var description: String { code }
}
