// DealFinance — exact deal finance. DealRequests: `"calculate": "apr"` (Documentation/Reference/APR.md).

import DealDecimal
import DealEngine
import DealJSON

/// A decoded APR request and its result object.
///
/// Fields: `method` (`regz` default, `eu`), `advances` `[{amount, date}]`, `payments`
/// `[{amount, date} | {amount, count, firstDate, frequency}]`, `unitPeriod` (regz only),
/// `timeBasis` (eu only: `months` default, `days`), `currency` (default USD) and, regz only,
/// `disclosedApr` (percent): the result then says whether it is within the 12 CFR 1026.22(a)
/// tolerance of the computed APR (⅛ point regular, ¼ point irregular).
///
/// ```swift
/// let request = try APRRequest(json: try JSONReader().parse(#"{"calculate":"apr","advances":[{"amount":"100.00","date":"2026-01-01"}],"payments":[{"amount":"110.00","date":"2027-01-01"}]}"#))
/// try request.json().value(atPath: "apr")   // "10.000000000000"
/// ```
struct APRRequest {
    var problem: AnnualPercentageRate
    var currency: Currency
    var disclosedApr: ExactDecimal?

    /// Most advances and payment entries a request may list; most payments after expanding series.
    static let maximumAdvances = 100, maximumPaymentEntries = 1000, maximumPayments = 6000

    init(json: JSONValue) throws(DealError) {
        var fields = try FieldReader(json, path: "")
        _ = try fields.string("calculate")
        let method = try fields.choice("method", APRMethod.self) ?? .regz
        currency = .usd
        if let code = try fields.string("currency") { currency = try Currency(code: code) }
        guard let advanceEntries = try fields.array("advances", limit: Self.maximumAdvances) else {
            throw fields.missing("advances", "an array of {amount, date}")
        }
        guard let paymentEntries = try fields.array("payments", limit: Self.maximumPaymentEntries) else {
            throw fields.missing("payments", "an array of {amount, date} or {amount, count, firstDate, frequency}")
        }
        var advances: [DatedAmount] = []
        for element in advanceEntries {
            var item = try FieldReader(element.value, path: element.path)
            let amount = try Self.amount(&item, currency: currency)
            guard let date = try item.date("date") else { throw item.missing("date", "a date YYYY-MM-DD") }
            try item.finish()
            advances.append(DatedAmount(amount: amount, date: date, path: element.path))
        }
        var payments: [DatedAmount] = []
        for element in paymentEntries {
            var item = try FieldReader(element.value, path: element.path)
            let amount = try Self.amount(&item, currency: currency)
            if item.has("count") || item.has("firstDate") || item.has("frequency") {
                let count = try item.requiredInteger("count")
                guard (1...1200).contains(count) else {
                    throw DealError.invalidArgument(item.path("count"), "expected a number of payments from 1 to 1200, found \(count)")
                }
                guard let first = try item.date("firstDate") else { throw item.missing("firstDate", "a date YYYY-MM-DD") }
                let frequency = try item.choice("frequency", PaymentFrequency.self) ?? .monthly
                try item.finish()
                payments += try PaymentSeries(amount: amount, count: count, firstDate: first, frequency: frequency, path: element.path).amounts()
            } else {
                guard let date = try item.date("date") else { throw item.missing("date", "a date YYYY-MM-DD (or count, firstDate and frequency for a series)") }
                try item.finish()
                payments.append(DatedAmount(amount: amount, date: date, path: element.path))
            }
            guard payments.count <= Self.maximumPayments else {
                throw DealError.invalidArgument(element.path, "expected at most \(Self.maximumPayments) payments in all, found more")
            }
        }
        guard !advances.isEmpty else { throw DealError.invalidArgument("advances", "expected at least one advance, found an empty array") }
        guard !payments.isEmpty else { throw DealError.invalidArgument("payments", "expected at least one payment, found an empty array") }
        let unit = try fields.choice("unitPeriod", PaymentFrequency.self)
        let basis = try fields.choice("timeBasis", EUTimeBasis.self)
        disclosedApr = try fields.decimal("disclosedApr")
        try fields.finish()
        if method == .eu, unit != nil {
            throw DealError.invalidArgument("unitPeriod", "expected no unitPeriod with method \"eu\" (it compounds yearly), found one")
        }
        if method == .regz, basis != nil {
            throw DealError.invalidArgument("timeBasis", "expected timeBasis only with method \"eu\", found it with \"regz\"")
        }
        if method == .eu, disclosedApr != nil {
            throw DealError(code: .unsupported, path: "disclosedApr", message: "expected disclosedApr only with method \"regz\" (12 CFR 1026.22 tolerances), found it with \"eu\"")
        }
        if let disclosed = disclosedApr, disclosed.isNegative || disclosed > ExactDecimal(1_000_000) || disclosed.scale > 10 {
            throw DealError.invalidArgument("disclosedApr", "expected a percentage from 0 to 1000000 with at most 10 decimals, found \(disclosed)")
        }
        problem = AnnualPercentageRate(method: method, advances: advances, payments: payments,
                                       unitPeriod: unit, timeBasis: basis ?? .months)
    }

    static func amount(_ item: inout FieldReader, currency: Currency) throws(DealError) -> ExactDecimal {
        let amount = try item.requiredDecimal("amount")
        let units = MinorUnits(currency)
        let minor = try units.amount(amount, path: item.path("amount"))
        guard minor > 0 else {
            throw DealError.invalidArgument(item.path("amount"), "expected an amount above zero, found \(amount)")
        }
        return units.decimal(minor)
    }

    /// The result object of Documentation/Reference/APR.md (plus the tolerance check when `disclosedApr` is given).
    func json() throws(DealError) -> JSONValue {
        let result = try problem.solve()
        func money(_ value: ExactDecimal) -> JSONValue {
            // At the currency's scale when that is exact (436.6 → 436.60), else as computed.
            guard value.scale < currency.minorUnitDigits, let padded = try? value.rounded(scale: currency.minorUnitDigits, rule: .requireExact) else {
                return .string(value.description)
            }
            return .string(padded.description)
        }
        var object = JSONObject()
        object["calculate"] = .string("apr")
        object["method"] = .string(problem.method.rawValue)
        object["apr"] = .string(result.apr.description)
        object["aprDisclosed"] = .string(result.aprDisclosed.description)
        object["unitPeriod"] = .string(result.unitPeriod.name)
        if result.unitPeriodsPerYear.scale == 0, let count = Int(exactly: result.unitPeriodsPerYear.coefficient) {
            object["unitPeriodsPerYear"] = .number(String(count))
        } else {
            object["unitPeriodsPerYear"] = .string(result.unitPeriodsPerYear.description)
        }
        object["financeCharge"] = money(result.financeCharge)
        object["amountFinanced"] = money(result.amountFinanced)
        object["totalOfPayments"] = money(result.totalOfPayments)
        if problem.method == .regz {
            object["transaction"] = .string(result.isIrregular ? "irregular" : "regular")
        }
        if let disclosed = disclosedApr {
            let tolerance = try! ExactDecimal(parsing: result.isIrregular ? "0.25" : "0.125")
            let difference: ExactDecimal
            do { difference = try (disclosed - result.apr).magnitude } catch {
                throw DealError(code: .overflow, path: "disclosedApr", message: "the difference from the computed APR needs more than 38 digits")
            }
            object["disclosedApr"] = .string(disclosed.description)
            object["aprTolerance"] = .string(tolerance.description)
            object["withinTolerance"] = .bool(difference <= tolerance)
        }
        return .object(object)
    }
}
