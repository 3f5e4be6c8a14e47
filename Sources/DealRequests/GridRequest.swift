// DealFinance — exact deal finance. DealRequests: `"calculate": "grid"`, the payment matrix.

import DealDecimal
import DealEngine
import DealJSON

/// `"calculate": "grid"`: one deal (a loan or lease request under `"deal"`) quoted for every
/// combination of `terms` × `downPayments` (× `rates` or, for a lease, `moneyFactors`).
/// The deal is decoded once; each cell varies the decoded Swift value. Cells are listed
/// term-major: every down payment of the first term (each with every rate), then the next term.
///
/// ```swift
/// DealCalculator.calculate(requestText: #"{"calculate":"grid","deal":{"calculate":"loan","sellingPrice":"30000.00","apr":"6"},"terms":[48,60],"downPayments":["0.00","3000.00"]}"#)
/// // {"calculate":"grid","deal":"loan",…,"cells":[{"term":48,"downPayment":"0.00","rate":"6",…},…]}
/// ```
enum GridRequest {
    /// Most entries in each list (so at most 10 × 10 × 10 = 1,000 cells).
    static let maximumPerAxis = 10

    /// The grid's result object.
    static func result(for json: JSONValue) throws(DealError) -> JSONValue {
        var fields = try FieldReader(json, path: "")
        _ = try fields.string("calculate")
        guard fields.has("deal") else { throw fields.missing("deal", "a loan or lease request object") }
        let dealValue = json.objectValue?["deal"] ?? .null
        _ = try fields.object("deal")
        let terms = try list(&fields, "terms", required: true) { (value, path) throws(DealError) -> Int in
            guard case .number(let literal) = value, let term = Int(literal), literal.utf8.count <= 6 else {
                throw DealError.invalidArgument(path, "expected a whole number of payments such as 60, found \(FieldReader.describe(value))")
            }
            return term
        }
        let downs = try list(&fields, "downPayments", required: true, decimal)
        let rates = try list(&fields, "rates", required: false, decimal)
        let moneyFactors = try list(&fields, "moneyFactors", required: false, decimal)
        try fields.finish()
        if !rates.isEmpty && !moneyFactors.isEmpty {
            throw DealError.invalidArgument("moneyFactors", "expected either rates or moneyFactors, found both")
        }

        guard let kind = dealValue.objectValue?["calculate"]?.stringValue, kind == "loan" || kind == "lease" else {
            throw DealError.invalidArgument("deal.calculate", "expected \"loan\" or \"lease\", found \(dealValue.objectValue?["calculate"].map(FieldReader.describe) ?? "nothing")")
        }
        if kind == "loan" && !moneyFactors.isEmpty {
            throw DealError.invalidArgument("moneyFactors", "expected rates (APRs) for a loan, found moneyFactors (a lease rate)")
        }
        var supplied = ["term": "the grid's terms", "downPayment": "the grid's downPayments"]
        if !rates.isEmpty { supplied["apr"] = "the grid's rates" }
        if !moneyFactors.isEmpty { supplied["moneyFactor"] = "the grid's moneyFactors" }

        var cells: [JSONValue] = []
        cells.reserveCapacity(terms.count * downs.count * max(1, rates.count + moneyFactors.count))
        let rateKey: String
        var rateValues: [ExactDecimal]
        if kind == "loan" {
            let request: LoanRequest
            do { request = try LoanRequest(json: dealValue, supplied: supplied) } catch { throw inDeal(error) }
            if request.solve != nil { throw DealError.invalidArgument("deal.solveFor", "expected no solveFor inside a grid's deal, found one") }
            rateKey = "rates"
            rateValues = rates.isEmpty ? [request.loan.apr] : rates
            for (i, term) in terms.enumerated() {
                for (j, down) in downs.enumerated() {
                    for (k, rate) in rateValues.enumerated() {
                        var loan = request.loan
                        loan.term = term
                        loan.downPayment = down
                        loan.apr = rate
                        var cell = JSONObject([("term", .number(String(term))), ("downPayment", .string(down.description)), ("rate", .string(rate.description))])
                        do {
                            let quote = try loan.quote()
                            cell["periodicPayment"] = .string(quote.periodicPayment.total.description)
                            cell["dueAtSigning"] = .string(quote.dueAtSigning.total.description)
                            cell["amountFinanced"] = .string(quote.amountFinanced.description)
                            cell["totalOfPayments"] = .string(quote.totalOfPayments.description)
                        } catch {
                            cell["error"] = DealCalculator.errorObject(cellError(error, i, j, k, rateKey: rates.isEmpty ? nil : rateKey)).objectValue?["error"]
                        }
                        cells.append(.object(cell))
                    }
                }
            }
        } else {
            let request: LeaseRequest
            do { request = try LeaseRequest(json: dealValue, supplied: supplied) } catch { throw inDeal(error) }
            if request.solve != nil { throw DealError.invalidArgument("deal.solveFor", "expected no solveFor inside a grid's deal, found one") }
            let given: ExactDecimal
            switch request.lease.rate { case .apr(let value), .moneyFactor(let value): given = value }
            rateValues = rates.isEmpty && moneyFactors.isEmpty ? [given] : (rates.isEmpty ? moneyFactors : rates)
            let asMoneyFactor: Bool
            if !moneyFactors.isEmpty { asMoneyFactor = true } else if !rates.isEmpty { asMoneyFactor = false } else if case .moneyFactor = request.lease.rate { asMoneyFactor = true } else { asMoneyFactor = false }
            rateKey = asMoneyFactor ? "moneyFactors" : "rates"
            for (i, term) in terms.enumerated() {
                for (j, down) in downs.enumerated() {
                    for (k, rate) in rateValues.enumerated() {
                        var lease = request.lease
                        lease.term = term
                        lease.downPayment = down
                        lease.rate = asMoneyFactor ? .moneyFactor(rate) : .apr(rate)
                        var cell = JSONObject([("term", .number(String(term))), ("downPayment", .string(down.description)),
                                               (asMoneyFactor ? "moneyFactor" : "rate", .string(rate.description))])
                        do {
                            let quote = try lease.quote()
                            cell["periodicPayment"] = .string(quote.periodicPayment.total.description)
                            cell["dueAtSigning"] = .string(quote.dueAtSigning.total.description)
                            cell["adjustedCapitalizedCost"] = .string(quote.adjustedCapitalizedCost.description)
                            cell["totalOfPayments"] = .string(quote.totalOfPayments.description)
                        } catch {
                            cell["error"] = DealCalculator.errorObject(cellError(error, i, j, k, rateKey: rates.isEmpty && moneyFactors.isEmpty ? nil : rateKey)).objectValue?["error"]
                        }
                        cells.append(.object(cell))
                    }
                }
            }
        }
        return .object(JSONObject([
            ("calculate", .string("grid")),
            ("deal", .string(kind)),
            ("terms", .array(terms.map { .number(String($0)) })),
            ("downPayments", .array(downs.map { .string($0.description) })),
            (rateKey, .array(rateValues.map { .string($0.description) })),
            ("order", .string("terms, then downPayments, then \(rateKey)")),
            ("cells", .array(cells)),
        ]))
    }

    static func decimal(_ value: JSONValue, _ path: String) throws(DealError) -> ExactDecimal {
        guard case .string(let text) = value, let decimal = try? ExactDecimal(parsing: text) else {
            throw DealError.invalidArgument(path, "expected a decimal string such as \"3000.00\", found \(FieldReader.describe(value))")
        }
        return decimal
    }

    /// A list of 1…10 entries (an absent optional list is empty).
    static func list<T>(_ fields: inout FieldReader, _ key: String, required: Bool,
                        _ element: (JSONValue, String) throws(DealError) -> T) throws(DealError) -> [T] {
        guard let entries = try fields.array(key, limit: Int.max) else {
            if required { throw fields.missing(key, "a list of 1 to \(maximumPerAxis) entries") }
            return []
        }
        guard (1...maximumPerAxis).contains(entries.count) else {
            throw DealError.invalidArgument(key, "expected 1 to \(maximumPerAxis) \(key) (the grid limit is \(maximumPerAxis) terms × \(maximumPerAxis) downPayments × \(maximumPerAxis) rates), found \(entries.count)")
        }
        var values: [T] = []
        for entry in entries { values.append(try element(entry.value, entry.path)) }
        return values
    }

    /// A decoding error of the deal, its path under `deal`.
    static func inDeal(_ error: DealError) -> DealError {
        DealError(code: error.code, path: error.path.isEmpty ? "deal" : "deal.\(error.path)", message: error.message)
    }

    /// A cell's error, its path on the grid's list when the field is one the grid varies.
    static func cellError(_ error: DealError, _ i: Int, _ j: Int, _ k: Int, rateKey: String?) -> DealError {
        let path: String
        switch error.path {
        case "term": path = "terms.\(i)"
        case "downPayment": path = "downPayments.\(j)"
        case "apr", "moneyFactor": path = rateKey.map { "\($0).\(k)" } ?? "deal.\(error.path)"
        default: path = error.path.isEmpty ? "deal" : "deal.\(error.path)"
        }
        return DealError(code: error.code, path: path, message: error.message)
    }
}
