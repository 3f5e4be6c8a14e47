// DealFinance — exact deal finance. DealEngine: money as integers of minor units.

import DealDecimal

/// Conversions between decimal money and whole minor units (cents) of a currency, with the
/// engine's input limits.
///
/// ```swift
/// let cents = try MinorUnits(.usd).amount(try ExactDecimal(parsing: "12.5"), path: "downPayment")  // 1250
/// ```
package struct MinorUnits: Sendable {
    /// The currency.
    package let currency: Currency
    /// The largest accepted amount: 999,999,999,999 major units and the largest minor part.
    package static let maximumMajorUnits: Int128 = 999_999_999_999

    /// Converter for `currency`.
    ///
    /// ```swift
    /// MinorUnits(.usd)
    /// ```
    package init(_ currency: Currency) { self.currency = currency }

    /// 10^(minor-unit digits).
    var unit: Int128 {
        var value: Int128 = 1
        for _ in 0..<currency.minorUnitDigits { value *= 10 }
        return value
    }

    /// A non-negative amount in minor units.
    ///
    /// ```swift
    /// try MinorUnits(.usd).amount(try ExactDecimal(parsing: "0.01"), path: "fees.0.amount")   // 1
    /// ```
    /// - Throws: `invalid_argument` at `path` for a negative amount, more decimals than the
    ///   currency has, or more than 999,999,999,999 major units.
    ///   The path is only evaluated for the error, so callers may interpolate it freely.
    package func amount(_ value: ExactDecimal, path: @autoclosure () -> String) throws(DealError) -> Int128 {
        // The usual case (0…4 minor digits, scale within them, in range): the limit and the
        // scaling by constants, no loops; anything else, and every error, below.
        let scale = value.scale, digits = currency.minorUnitDigits
        if scale <= digits, digits <= 4, let limit = Self.smallScaleLimit(scale), value.coefficient >= 0, value.coefficient < limit {
            return value.coefficient * Self.smallPowerOfTen(digits - scale)
        }
        guard !value.isNegative else {
            throw DealError.invalidArgument(path(), "expected an amount of zero or more, found \(value)")
        }
        guard value.scale <= currency.minorUnitDigits else {
            throw DealError.invalidArgument(path(), "expected at most \(currency.minorUnitDigits) decimal places for \(currency.code), found \(value.scale) in \(value)")
        }
        guard value.compare(toWhole: Self.maximumMajorUnits + 1) < 0 else {
            throw DealError.invalidArgument(path(), "expected at most 999999999999 \(currency.code), found \(value)")
        }
        var coefficient = value.coefficient
        for _ in value.scale..<currency.minorUnitDigits { coefficient *= 10 }
        return coefficient
    }

    /// (999,999,999,999 + 1) · 10^scale for scales 0…4: coefficients below it are in range.
    @inline(__always)
    static func smallScaleLimit(_ scale: Int) -> Int128? {
        switch scale {
        case 0: 1_000_000_000_000
        case 1: 10_000_000_000_000
        case 2: 100_000_000_000_000
        case 3: 1_000_000_000_000_000
        case 4: 10_000_000_000_000_000
        default: nil
        }
    }

    /// 10^exponent for exponents 0…4.
    @inline(__always)
    static func smallPowerOfTen(_ exponent: Int) -> Int128 {
        switch exponent {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        default: 10_000
        }
    }

    /// Minor units as a decimal with the currency's scale.
    ///
    /// ```swift
    /// MinorUnits(.usd).decimal(43666)   // 436.66
    /// ```
    /// Precondition: `|minorUnits| < 10^38` (checked in debug builds only). Every amount the
    /// engine converts meets it by a wide margin: inputs are at most 999,999,999,999 major
    /// units (below 10^16 minor units), at most a few hundred are added, rates are at most
    /// 100 % a year and terms at most 1200 periods, so results stay below 10^25
    /// (MinorUnitsTests checks the largest quotes). A number that need not be an engine amount,
    /// such as an input echoed in an error message, goes through ``text(_:)``. The scale, the
    /// currency's minor-unit digits, is 0…4 by construction of ``Currency``.
    package func decimal(_ minorUnits: Int128) -> ExactDecimal {
        assert(minorUnits.magnitude < Self.decimalLimit, "MinorUnits.decimal: \(minorUnits) is no engine amount (38 digits or more)")
        return ExactDecimal(checkedCoefficient: minorUnits, scale: currency.minorUnitDigits)
    }

    /// Minor units as text with the currency's decimals, for messages: any `Int128`, also one
    /// beyond a decimal's 38 digits (then as a count of minor units).
    ///
    /// ```swift
    /// MinorUnits(.usd).text(43666)          // "436.66"
    /// MinorUnits(.usd).text(Int128.max)     // "170141183460469231731687303715884105727 minor units"
    /// ```
    package func text(_ minorUnits: Int128) -> String {
        guard minorUnits.magnitude < Self.decimalLimit else { return "\(minorUnits) minor units" }
        return decimal(minorUnits).description
    }

    /// The minor units of an amount that ``amount(_:path:)`` has accepted for this currency,
    /// without its checks: for lists read back from a quote that validated the amounts.
    ///
    /// ```swift
    /// MinorUnits(.usd).validatedAmount(try ExactDecimal(parsing: "85.5"))   // 8550
    /// ```
    /// Precondition: `amount(value, path:)` returns a value (checked in debug builds only), so
    /// the scale is at most the currency's 0…4 minor digits and the product has fewer than 21
    /// digits.
    package func validatedAmount(_ value: ExactDecimal) -> Int128 {
        assert((try? amount(value, path: "")) != nil, "MinorUnits.validatedAmount: \(value) was not validated for \(currency)")
        return value.coefficient * Self.smallPowerOfTen(currency.minorUnitDigits - value.scale)
    }

    /// 10^38: coefficients of an ``ExactDecimal`` stay below it.
    static let decimalLimit: UInt128 = 100_000_000_000_000_000_000_000_000_000_000_000_000

    /// `base × percent / 100` rounded to minor units by `rule` (base in minor units).
    ///
    /// ```swift
    /// try MinorUnits(.usd).percentage(of: 3_000_000, percent: try ExactDecimal(parsing: "7.25"), rule: .toNearestOrAway, path: "tax.rate")  // 217500
    /// ```
    func percentage(of base: Int128, percent: ExactDecimal, rule: RoundingRule, path: String) throws(DealError) -> Int128 {
        var denominator: Int128 = 100
        for _ in 0..<percent.scale { denominator *= 10 }
        do {
            return try rule.divide(base * percent.coefficient, by: denominator)
        } catch .inexact {
            throw DealError.invalidArgument(path, "expected \(percent) % of \(decimal(base)) to be a whole number of minor units under the profile's requireExact rounding, found it is not")
        } catch {
            throw DealError(code: .overflow, path: path, message: "\(percent) % of \(decimal(base)) could not be computed: \(error)")
        }
    }

    /// Validates a percentage in 0…100 with at most 10 decimals.
    ///
    /// ```swift
    /// try MinorUnits.checkPercent(try ExactDecimal(parsing: "7.25"), path: "tax.rate")
    /// ```
    static func checkPercent(_ value: ExactDecimal, path: String, what: String) throws(DealError) {
        guard !value.isNegative, value.compare(toWhole: 100) <= 0 else {
            throw DealError.invalidArgument(path, "expected \(what) from 0 to 100, found \(value)")
        }
        guard value.scale <= PeriodicRate.maximumDecimals else {
            throw DealError.invalidArgument(path, "expected at most \(PeriodicRate.maximumDecimals) decimal places, found \(value.scale) in \(value)")
        }
    }

    /// Whether ``checkPercent(_:path:what:)`` accepts `value` (the same check; its message is
    /// built only for a value it rejects).
    ///
    /// ```swift
    /// MinorUnits.isPercent(try ExactDecimal(parsing: "100.5"))   // false
    /// ```
    static func isPercent(_ value: ExactDecimal) -> Bool {
        (try? checkPercent(value, path: "", what: "")) != nil
    }
}
