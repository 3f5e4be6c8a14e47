// DealFinance — exact deal finance. DealRequests: the `rounding` field (a name or {"base": …}).

import DealDecimal
import DealEngine
import DealJSON

extension RoundingProfile {
    /// The override keys of `{"base": NAME, …}` in the order results list them
    /// (Documentation/MatchingALender.md).
    static let overrideKeys = [
        "payment", "paymentIncrement", "periodicRate", "periodicRateDecimals", "rateBasis", "totals",
        "balloonTiming", "interest", "oddDays", "leaseBasePayment", "leasePaymentTax", "moneyFactorDecimals",
        "tax", "taxLines", "percentAmount",
    ]
    /// The rules schedule interest may be rounded by.
    static let interestRules: [RoundingRule] = [.toNearestOrAway, .toNearestOrEven, .towardZero]
    /// The rules a payment, tax or percent amount may be rounded by (all but requireExact).
    static let amountRules = RoundingRule.allCases.filter { $0 != .requireExact }

    /// Reads a request's `rounding`: a profile name, or an object with `base` and overrides.
    ///
    /// ```swift
    /// try RoundingProfile(json: ["base": "standard", "periodicRate": "rounded", "periodicRateDecimals": 5])
    ///     .periodicRate   // .rounded(decimals: 5)
    /// ```
    /// - Throws: `invalid_argument` at `rounding` or `rounding.<key>` naming an unknown
    ///   profile, key or value.
    init(json value: JSONValue, path: String = "rounding") throws(DealError) {
        if case .string(let name) = value {
            self = try RoundingProfile(named: name, path: path)
            return
        }
        guard value.objectValue != nil else {
            throw DealError.invalidArgument(path, "expected a profile name or an object {\"base\": name, …overrides}, found \(FieldReader.describe(value))")
        }
        var fields = try FieldReader(value, path: path)
        guard let base = try fields.string("base") else { throw fields.missing("base", "the name of the profile the overrides change") }
        var profile = try RoundingProfile(named: base, path: fields.path("base"))
        func rule(_ key: String, _ allowed: [RoundingRule]) throws(DealError) -> RoundingRule? {
            guard let name = try fields.string(key) else { return nil }
            guard let rule = RoundingRule(rawValue: name), allowed.contains(rule) else {
                throw DealError.invalidArgument(fields.path(key), "expected one of \(allowed.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), found \"\(FieldReader.excerpt(name))\"")
            }
            return rule
        }
        if let value = try rule("payment", Self.amountRules) { profile.payment = value }
        if let increment = try fields.decimal("paymentIncrement") {
            guard let exponent = Self.powerOfTenExponent(increment), (-4...12).contains(exponent) else {
                throw DealError.invalidArgument(fields.path("paymentIncrement"), "expected a power of ten such as \"0.01\" or \"1\", found \"\(increment)\"")
            }
            profile.paymentIncrementExponent = exponent
        }
        let rateRule = try fields.string("periodicRate")
        let rateDecimals = try fields.integer("periodicRateDecimals")
        switch rateRule {
        case nil, "exact":
            if rateDecimals != nil {
                throw DealError.invalidArgument(fields.path("periodicRateDecimals"), "expected no periodicRateDecimals with an exact periodic rate, found \(rateDecimals!)")
            }
            if rateRule != nil { profile.periodicRate = .exact }
        case "rounded", "truncated":
            guard let k = rateDecimals else { throw fields.missing("periodicRateDecimals", "the decimals a \(rateRule!) periodic rate keeps (1 to 20)") }
            guard Self.periodicRateDecimalsRange.contains(k) else {
                throw DealError.invalidArgument(fields.path("periodicRateDecimals"), "expected from 1 to 20 decimals, found \(k)")
            }
            profile.periodicRate = rateRule == "rounded" ? .rounded(decimals: k) : .truncated(decimals: k)
        case let other?:
            throw DealError.invalidArgument(fields.path("periodicRate"), "expected one of \"exact\", \"rounded\", \"truncated\", found \"\(FieldReader.excerpt(other))\"")
        }
        if let value = try fields.choice("rateBasis", RateBasis.self) { profile.rateBasis = value }
        if let value = try fields.choice("totals", Totals.self) { profile.totals = value }
        if let value = try fields.choice("balloonTiming", BalloonTiming.self) { profile.balloonTiming = value }
        if let value = try rule("interest", Self.interestRules) { profile.interest = value }
        if let value = try fields.choice("oddDays", OddDaysCounting.self) { profile.oddDaysCounting = value }
        if let value = try fields.choice("leaseBasePayment", LeaseBasePayment.self) { profile.leaseBasePayment = value }
        if let value = try fields.choice("leasePaymentTax", LeasePaymentTax.self) { profile.leasePaymentTax = value }
        if let k = try fields.integer("moneyFactorDecimals") {
            guard Self.moneyFactorDecimalsRange.contains(k) else {
                throw DealError.invalidArgument(fields.path("moneyFactorDecimals"), "expected from 1 to 12 decimals, found \(k)")
            }
            profile.moneyFactorDecimals = k
        }
        if let value = try rule("tax", Self.amountRules) { profile.tax = value }
        if let value = try fields.choice("taxLines", TaxLines.self) { profile.taxLines = value }
        if let value = try rule("percentAmount", Self.amountRules) { profile.percentAmount = value }
        try fields.finish()
        self = profile
    }

    /// e when `value` is 10^e, else nil.
    static func powerOfTenExponent(_ value: ExactDecimal) -> Int? {
        var coefficient = value.coefficient, exponent = -value.scale
        guard coefficient > 0 else { return nil }
        while coefficient % 10 == 0 { coefficient /= 10; exponent += 1 }
        return coefficient == 1 ? exponent : nil
    }

    /// The profile as a request spells it: `{"base": base, …the dimensions that differ}`, which
    /// ``init(json:path:)`` reads back to the same profile.
    ///
    /// ```swift
    /// RoundingProfile.periodicRateRounded5.json(base: .standard)
    /// // {"base":"standard","periodicRate":"rounded","periodicRateDecimals":5}
    /// ```
    func json(base: RoundingProfile) -> JSONValue {
        var object = JSONObject()
        object["base"] = .string(base.name)
        if payment != base.payment { object["payment"] = .string(payment.rawValue) }
        if paymentIncrementExponent != base.paymentIncrementExponent {
            let text = paymentIncrementExponent.map { $0 >= 0 ? "1" + String(repeating: "0", count: $0) : "0." + String(repeating: "0", count: -$0 - 1) + "1" } ?? "0.01"
            object["paymentIncrement"] = .string(text)
        }
        if periodicRate != base.periodicRate {
            switch periodicRate {
            case .exact: object["periodicRate"] = .string("exact")
            case .rounded(let k): object["periodicRate"] = .string("rounded"); object["periodicRateDecimals"] = .number(String(k))
            case .truncated(let k): object["periodicRate"] = .string("truncated"); object["periodicRateDecimals"] = .number(String(k))
            }
        }
        if rateBasis != base.rateBasis { object["rateBasis"] = .string(rateBasis.rawValue) }
        if totals != base.totals { object["totals"] = .string(totals.rawValue) }
        if balloonTiming != base.balloonTiming { object["balloonTiming"] = .string(balloonTiming.rawValue) }
        if oddDaysCounting != base.oddDaysCounting { object["oddDays"] = .string(oddDaysCounting.rawValue) }
        if interest != base.interest { object["interest"] = .string(interest.rawValue) }
        if leaseBasePayment != base.leaseBasePayment { object["leaseBasePayment"] = .string(leaseBasePayment.rawValue) }
        if leasePaymentTax != base.leasePaymentTax { object["leasePaymentTax"] = .string(leasePaymentTax.rawValue) }
        if moneyFactorDecimals != base.moneyFactorDecimals, let k = moneyFactorDecimals { object["moneyFactorDecimals"] = .number(String(k)) }
        if tax != base.tax { object["tax"] = .string(tax.rawValue) }
        if taxLines != base.taxLines { object["taxLines"] = .string(taxLines.rawValue) }
        if percentAmount != base.percentAmount { object["percentAmount"] = .string(percentAmount.rawValue) }
        return .object(object)
    }
}

extension FieldReader {
    /// The `rounding` member read as a profile, or nil when absent.
    mutating func roundingProfile(_ key: String = "rounding") throws(DealError) -> RoundingProfile? {
        guard let value = value(key) else { return nil }
        return try RoundingProfile(json: value, path: path(key))
    }
}
