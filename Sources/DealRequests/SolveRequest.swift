// DealFinance — exact deal finance. DealRequests: `"solveFor"` in a loan or lease request.

import DealDecimal
import DealEngine
import DealJSON

/// A reverse solve asked for in a loan or lease request: `"solveFor"` names the field,
/// `"targetPayment"` or `"targetDueAtSigning"` the target (Documentation/Rates.md).
///
/// ```swift
/// // {"calculate":"loan","solveFor":"sellingPrice","targetPayment":"579.98","apr":"6","term":60}
/// request.solve?.field   // .sellingPrice
/// ```
struct SolveRequest {
    var field: SolveField
    var target: SolveTarget

    /// Reads `solveFor` and the targets; nil (and no target allowed) without `solveFor`.
    static func read(_ fields: inout FieldReader, allowed: [SolveField]) throws(DealError) -> SolveRequest? {
        let name = try fields.string("solveFor")
        let payment = try fields.decimal("targetPayment")
        let due = try fields.decimal("targetDueAtSigning")
        guard let name else {
            if payment != nil || due != nil {
                let key = payment != nil ? "targetPayment" : "targetDueAtSigning"
                throw DealError.invalidArgument(fields.path(key), "expected a target only with \"solveFor\", found no solveFor")
            }
            return nil
        }
        guard let field = SolveField(rawValue: name), allowed.contains(field) else {
            let names = allowed.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DealError.invalidArgument(fields.path("solveFor"), "expected one of \(names), found \"\(FieldReader.excerpt(name))\"")
        }
        switch (payment, due) {
        case (let amount?, nil): return SolveRequest(field: field, target: .payment(amount))
        case (nil, let amount?): return SolveRequest(field: field, target: .dueAtSigning(amount))
        case (.some, .some): throw DealError.invalidArgument(fields.path("targetDueAtSigning"), "expected one target, targetPayment or targetDueAtSigning, found both")
        case (nil, nil): throw fields.missing("targetPayment", "a targetPayment or targetDueAtSigning with solveFor")
        }
    }

    /// The request fields the solve supplies (they must be absent from the request).
    var suppliedKeys: [String] {
        field == .apr || field == .moneyFactor ? ["apr", "moneyFactor"] : [field.rawValue]
    }

    /// The result: `"calculate"`, then `"solved"`, then the forward result's other lines.
    ///
    /// ```swift
    /// SolveRequest.json(outcome, forward: outcome.quote.json(explain: false))
    /// // {"calculate":"loan","solved":{"field":"sellingPrice","value":"…",…},"currency":"USD",…}
    /// ```
    static func json<Quote>(_ outcome: SolveOutcome<Quote>, forward: JSONValue) -> JSONValue {
        var solved = JSONObject()
        solved["field"] = .string(outcome.field.rawValue)
        solved["value"] = outcome.field == .term ? .number(outcome.value.description) : .string(outcome.value.description)
        solved["targetField"] = .string(outcome.target.resultPath)
        solved["target"] = .string(outcome.target.amount.description)
        solved["achieved"] = .string(outcome.achieved.description)
        solved["rule"] = .string("\(outcome.largest ? "largest" : "smallest") \(outcome.field.rawValue) whose \(outcome.target.resultPath) is at most the target")
        if let adjacent = outcome.adjacentValue, let achieved = outcome.adjacentAchieved {
            solved["adjacentValue"] = outcome.field == .term ? .number(adjacent.description) : .string(adjacent.description)
            solved["adjacentAchieved"] = .string(achieved.description)
        }
        solved["evaluations"] = .number(String(outcome.evaluations))
        var result = JSONObject()
        let object = forward.objectValue ?? JSONObject()
        result["calculate"] = object["calculate"] ?? .null
        result["solved"] = .object(solved)
        for (key, value) in object where key != "calculate" { result[key] = value }
        return .object(result)
    }
}

extension FieldReader {
    /// Checks that a field another part of the request supplies is absent.
    func suppliedElsewhere(_ key: String, by supplier: String) throws(DealError) {
        if has(key) {
            throw DealError.invalidArgument(path(key), "expected no \(key) because \(supplier) supplies it, found one")
        }
    }
}
