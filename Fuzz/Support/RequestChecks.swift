// DealFinance — exact deal finance. _DealFuzzSupport: invariants of DealCalculator answers.

import DealFinance
import DealJSON

extension FuzzChecks {
    /// The error codes of Documentation/Reference/Errors.md an input may cause. `internal` is deliberately absent: it
    /// says an invariant of the engine failed, which is a bug the fuzzer must report.
    static let errorCodes: Set<String> = ["invalid_json", "invalid_argument", "unsupported", "no_solution", "overflow"]

    /// The JSON request decoder and calculator, for every request kind: the answer is a
    /// result or a well-formed error object, writes as JSON that reads back equal, never shows
    /// NaN or Infinity that the request did not contain, answers a re-serialised request the
    /// same way, and a loan or lease result satisfies its disclosure's identities.
    public static func request(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let answer = DealCalculator.calculate(requestBytes: bytes)
        let request = try? JSONReader().parse(bytes)
        if let failure = checkAnswer(answer, requestBytes: bytes, request: request) { return failure }
        // The same request parsed and written again (other spacing, escapes, member text)
        // must get the same answer.
        if let request {
            let rewritten = JSONWriter(pretty: true).write(request)
            let second = DealCalculator.calculate(requestText: rewritten)
            if second != answer {
                return "a re-serialised request got another answer:\n\(JSONWriter(pretty: false).write(answer))\n\(JSONWriter(pretty: false).write(second))"
            }
        }
        return nil
    }

    /// The invariants of one answer to `requestBytes` (`request`: those bytes parsed, when they
    /// are JSON).
    public static func checkAnswer(_ answer: JSONValue, requestBytes: UnsafeBufferPointer<UInt8>, request: JSONValue?) -> String? {
        let text = JSONWriter(pretty: false).write(answer)
        guard let reread = try? JSONReader().parse(text), reread == answer else {
            return "the answer does not read back as equal JSON: \(text.prefix(300))"
        }
        let requestText = String(decoding: requestBytes, as: UTF8.self).lowercased()
        for word in ["nan", "infinity", "inf"] where text.lowercased().contains("\"\(word)\"") || text.lowercased().contains(":\(word)") {
            if !requestText.contains(word) { return "the answer shows \(word) the request did not contain: \(text.prefix(300))" }
        }
        guard let object = answer.objectValue else { return "the answer is not an object" }
        if let error = object["error"] {
            guard object.keys == ["error"], let fields = error.objectValue, fields.keys == ["code", "path", "message"],
                  let code = fields["code"]?.stringValue, errorCodes.contains(code),
                  fields["path"]?.stringValue != nil, let message = fields["message"]?.stringValue, !message.isEmpty else {
                return "malformed error object: \(text.prefix(300))"
            }
            return nil
        }
        guard let kind = object["calculate"]?.stringValue, DealCalculator.availableKinds.contains(kind) else {
            return "a result without a known \"calculate\": \(text.prefix(300))"
        }
        if let requested = request?.objectValue?["calculate"]?.stringValue, requested != kind {
            return "a \(requested) request got a \(kind) result: \(text.prefix(300))"
        }
        switch kind {
        case "loan": return checkLoan(object, text: text, trueUp: Self.totalsTrueUp(request))
        case "lease": return checkLease(object, text: text)
        default: return nil
        }
    }

    /// A decimal line of a result, or nil with `failure` set.
    private static func decimalLine(_ value: JSONValue?, _ key: String, _ failure: inout String?) -> ExactDecimal? {
        guard let value else {
            if failure == nil { failure = "missing \(key)" }
            return nil
        }
        guard let string = value.stringValue, let decimal = try? ExactDecimal(parsing: string) else {
            if failure == nil { failure = "\(key) is not a decimal string: \(value)" }
            return nil
        }
        return decimal
    }

    /// The Regulation M identities of a lease result: gross capitalized cost − capitalized cost
    /// reduction = adjusted capitalized cost; adjusted capitalized cost − residual value =
    /// depreciation; payment net + tax = total, none negative; the items due at signing add
    /// up to its total, as do the sources that pay it, and the cash due is at most that total.
    static func checkLease(_ result: JSONObject, text: String) -> String? {
        var failure: String? = nil
        func line(_ key: String, _ value: JSONValue? = nil) -> ExactDecimal? {
            decimalLine(value ?? result[key], key, &failure)
        }
        func sum(_ array: JSONValue?, _ key: String) -> ExactDecimal? {
            guard let items = array?.arrayValue else { return ExactDecimal.zero }
            var total = ExactDecimal.zero
            for (index, item) in items.enumerated() {
                guard let amount = line("\(key).\(index).amount", item.objectValue?["amount"]) else { return nil }
                guard let next = try? total + amount else { failure = "\(key) overflows"; return nil }
                total = next
            }
            return total
        }
        let payment = result["periodicPayment"]?.objectValue
        let due = result["dueAtSigning"]?.objectValue
        guard let gross = line("grossCapitalizedCost"), let reduction = line("capitalizedCostReduction"),
              let adjusted = line("adjustedCapitalizedCost"), let residual = line("residualValue"),
              let depreciation = line("depreciation"),
              let net = line("periodicPayment.net", payment?["net"]), let tax = line("periodicPayment.tax", payment?["tax"]),
              let total = line("periodicPayment.total", payment?["total"]),
              let dueTotal = line("dueAtSigning.total", due?["total"]),
              let items = sum(due?["items"], "dueAtSigning.items"), let paidBy = sum(due?["paidBy"], "dueAtSigning.paidBy"),
              let cash = line("cashDueAtSigning"), line("totalOfPayments") != nil else {
            return (failure ?? "a lease result misses lines") + ": " + text.prefix(300)
        }
        if let left = try? gross - reduction, left != adjusted {
            return "grossCapitalizedCost − capitalizedCostReduction ≠ adjustedCapitalizedCost: \(text.prefix(400))"
        }
        if let left = try? adjusted - residual, left != depreciation {
            return "adjustedCapitalizedCost − residualValue ≠ depreciation: \(text.prefix(400))"
        }
        if net.isNegative || tax.isNegative || total.isNegative || cash.isNegative { return "a negative payment or cash due: \(text.prefix(400))" }
        if let left = try? net + tax, left != total { return "payment net + tax ≠ total: \(text.prefix(400))" }
        if items != dueTotal { return "dueAtSigning items do not add up to its total: \(text.prefix(400))" }
        if due?["paidBy"] != nil, paidBy != dueTotal { return "dueAtSigning.paidBy does not add up to its total: \(text.prefix(400))" }
        if cash > dueTotal { return "cashDueAtSigning exceeds dueAtSigning.total: \(text.prefix(400))" }
        return failure
    }

    /// The Payment Breakdown identities of a loan result.
    /// Whether a loan request's profile forms the total of payments from the schedule (the
    /// final payment absorbing the residue): a `totals` other than `finalPaymentTrueUp`
    /// discloses n × payment instead, and the schedule keeps its true-up.
    static func totalsTrueUp(_ request: JSONValue?) -> Bool {
        switch request?.objectValue?["rounding"] {
        case .string(let name)?:
            return (try? RoundingProfile(named: name))?.totals ?? .finalPaymentTrueUp == .finalPaymentTrueUp
        case .object(let object)?:
            if let totals = object["totals"]?.stringValue { return totals == "finalPaymentTrueUp" }
            return (object["base"]?.stringValue).flatMap { try? RoundingProfile(named: $0) }?.totals ?? .finalPaymentTrueUp == .finalPaymentTrueUp
        default:
            return true
        }
    }

    static func checkLoan(_ result: JSONObject, text: String, trueUp: Bool = true) -> String? {
        var failure: String? = nil
        var scale: Int? = nil
        func money(_ key: String, _ value: JSONValue? = nil, required: Bool = true) -> Int128? {
            guard let value = value ?? result[key] else {
                if required, failure == nil { failure = "missing \(key)" }
                return nil
            }
            guard let string = value.stringValue, let decimal = try? ExactDecimal(parsing: string) else {
                if failure == nil { failure = "\(key) is not a decimal string: \(value)" }
                return nil
            }
            if scale == nil { scale = decimal.scale }
            if decimal.scale != scale, failure == nil { failure = "\(key) has scale \(decimal.scale), not the currency's \(scale!)" }
            return decimal.coefficient
        }
        guard let financed = money("financedAmount"), let net = money("netFinancedAmount"),
              let amountFinanced = money("amountFinanced"), let financeCharge = money("financeCharge"),
              let total = money("totalOfPayments"), let finalPayment = money("finalPayment"),
              let payment = result["periodicPayment"]?.objectValue,
              let paymentNet = money("periodicPayment.net", payment["net"]),
              let paymentTotal = money("periodicPayment.total", payment["total"]),
              let count = result["numberOfPayments"]?.numberText.flatMap({ Int($0) }) else {
            return (failure ?? "a loan result misses lines") + ": " + text.prefix(300)
        }
        let reduction = money("capitalizedCostReduction", required: false) ?? 0
        let balloon = money("balloon", required: false) ?? 0
        for key in ["sellingPrice", "salesTax", "downPayment", "rebatesTotal", "tradeInEquity", "firstPayment", "totalSalePrice", "prepaidFinanceCharges"] {
            _ = money(key, required: false)
        }
        for key in ["apr", "periodicRate", "unroundedPayment"] {
            guard let string = result[key]?.stringValue, (try? ExactDecimal(parsing: string)) != nil else { return "\(key) is not a decimal: \(text.prefix(300))" }
        }
        if let failure { return failure + ": " + text.prefix(300) }
        if financed - reduction != net { return "financedAmount − capitalizedCostReduction ≠ netFinancedAmount: \(text.prefix(400))" }
        if financeCharge != total - amountFinanced { return "financeCharge ≠ totalOfPayments − amountFinanced: \(text.prefix(400))" }
        if paymentNet < 0 || paymentTotal < 0 || finalPayment < 0 { return "a negative payment: \(text.prefix(400))" }
        if !(1...RetailLoan.Limits.maximumTerm).contains(count) { return "numberOfPayments \(count) outside 1…\(RetailLoan.Limits.maximumTerm)" }
        if let rows = result["schedule"] {
            // n rows, or n + 1 when an advance balloon is paid one period after payment n.
            guard let rows = rows.arrayValue, rows.count == count || (rows.count == count + 1 && balloon > 0) else {
                return "the schedule does not have numberOfPayments rows: \(text.prefix(400))"
            }
            if rows.count == count + 1, money("schedule.\(count).payment", rows[count].objectValue?["payment"]) != balloon {
                return "the extra schedule row is not the balloon: \(text.prefix(400))"
            }
            var sum: Int128 = 0
            for (index, row) in rows.prefix(count).enumerated() {
                guard let row = row.objectValue, let amount = money("schedule.\(index).payment", row["payment"]),
                      money("schedule.\(index).balance", row["balance"]) != nil else {
                    return (failure ?? "schedule row \(index) is malformed") + ": " + text.prefix(300)
                }
                sum += amount
            }
            if trueUp && sum + balloon != total { return "totalOfPayments ≠ Σ schedule payments + balloon (\(sum) + \(balloon) ≠ \(total)): \(text.prefix(400))" }
        }
        return failure
    }
}
