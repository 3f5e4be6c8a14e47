// DealFinance — exact deal finance. DealRequests: `"calculate": "reconcile"` (matching a lender's quote).

import DealDecimal
import DealEngine
import DealJSON

/// A lender's printed quote compared with the deal it describes: which lines the request's own
/// profile reproduces, which conventions (profiles of a bounded search) reproduce every line,
/// and the input values a reverse solve implies (Documentation/MatchingALender.md).
///
/// ```swift
/// // {"calculate":"reconcile","request":{"calculate":"loan",…},"quoted":{"periodicPayment.total":"592.62"}}
/// let answer = try ReconcileRequest(json: request).json()
/// answer.value(atPath: "lines.0.matches")   // true
/// ```
struct ReconcileRequest {
    /// Most quoted lines.
    static let maximumLines = 50
    /// Decimals an implied APR or money factor is first tried with, as lenders print them.
    static let printedRateDecimals: [SolveField: Int] = [.apr: 2, .moneyFactor: 5]

    let deal: ReconciledDeal
    let lines: [QuotedLine]

    init(json: JSONValue) throws(DealError) {
        var fields = try FieldReader(json, path: "")
        _ = try fields.string("calculate")
        guard let quotedReader = try fields.object("quoted") else { throw fields.missing("quoted", "an object of result paths and the values the lender printed") }
        let quoted = quotedReader.object
        guard !quoted.isEmpty, quoted.count <= Self.maximumLines else {
            throw DealError.invalidArgument("quoted", "expected 1 to \(Self.maximumLines) quoted lines, found \(quoted.count)")
        }
        var lines: [QuotedLine] = []
        for (path, value) in quoted {
            guard case .string(let text) = value else {
                throw DealError.invalidArgument("quoted.\(path)", "expected the value as printed, in a string such as \"42.49\", found \(FieldReader.describe(value))")
            }
            lines.append(try QuotedLine(path: path, text: text, field: "quoted.\(path)"))
        }
        guard let request = try fields.value("request") else { throw fields.missing("request", "the loan or lease request the quote describes") }
        try fields.finish()
        deal = try ReconciledDeal(json: request, path: "request", needsSchedule: lines.contains { $0.path.hasPrefix("schedule.") },
                                    needsAPR: lines.contains { $0.path == "apr" || $0.path == "aprUnrounded" })
        // Every quoted path must name a line of the result.
        let result = try deal.result(rounding: deal.rounding)
        for line in lines where QuotedLine.computed(result, at: line.path) == nil {
            throw DealError.invalidArgument("quoted.\(line.path)", "expected the path of a \(deal.isLease ? "lease" : "loan") result line holding a value (such as periodicPayment.total), found none at \(line.path)")
        }
        self.lines = lines
    }

    /// Whether a result reproduces every quoted line.
    func reproducesAll(_ result: JSONValue) -> Bool {
        lines.allSatisfy { $0.matches(QuotedLine.computed(result, at: $0.path)) }
    }

    /// The answer object.
    func json() throws(DealError) -> JSONValue {
        let own = try deal.result(rounding: deal.rounding)
        var answer = JSONObject()
        answer["calculate"] = .string("reconcile")
        answer["lines"] = .array(lines.map { line in
            let computed = QuotedLine.computed(own, at: line.path)
            return .object(JSONObject([("path", .string(line.path)), ("quoted", .string(line.text)),
                                       ("computed", computed.map { .string($0) } ?? .null), ("matches", .bool(line.matches(computed)))]))
        })
        let search = ProfileSearch(around: deal.rounding, lease: deal.isLease, balloon: deal.hasBalloon, datedLoan: deal.isDatedLoan, taxComponents: deal.hasTaxComponents)
        let base = try RoundingProfile(named: deal.rounding.name)
        let (found, evaluated) = search.run { profile in
            guard let result = try? deal.result(rounding: profile) else { return false }
            return reproducesAll(result)
        }
        answer["profiles"] = .array(found.map { entry in
            .object(JSONObject([("rounding", entry.profile.json(base: base)), ("departures", .number(String(entry.departures)))]))
        })
        answer["implied"] = .array(implied())
        answer["search"] = .object(JSONObject([("size", .number(String(search.candidateCount))), ("evaluated", .number(String(evaluated))),
                                               ("maximumDepartures", .number(String(ProfileSearch.maximumDepartures)))]))
        return .object(answer)
    }

    /// For each free input, the value a reverse solve on the quoted payment finds, the lines it
    /// reproduces under the request's profile and the difference left on each line.
    func implied() -> [JSONValue] {
        guard let payment = lines.first(where: { $0.path == "periodicPayment.total" }) else { return [] }
        var entries: [JSONValue] = []
        var fields: [(name: String, solved: [ExactDecimal], set: (ExactDecimal) -> ReconciledDeal, printedDecimals: Int?)] = []
        for field in deal.impliedFields {
            guard let solved = try? deal.solve(field, payment: payment.value) else { continue }
            fields.append((field.rawValue, solved, { deal.setting(field, $0) }, Self.printedRateDecimals[field]))
            if field == .downPayment {
                // A lease's residual value, solved by bisection on the payment.
                let residual = deal.impliedResidual(payment: payment.value)
                if !residual.isEmpty {
                    fields.append(("residual", residual, { value in
                        guard case .lease(var lease, let schedule) = deal else { return deal }
                        lease.residual = .amount(value)
                        return .lease(lease, includeSchedule: schedule)
                    }, nil))
                }
            }
        }
        for (name, solved, set, printedDecimals) in fields {
            // Candidates: the rate at the decimals lenders print first, then the solved value and
            // its neighbour; the first that reproduces the most lines wins.
            var candidates: [ExactDecimal] = []
            if let decimals = printedDecimals {
                for value in solved {
                    for rule in [RoundingRule.toNearestOrAway, .down, .up] {
                        if let short = try? value.rounded(scale: decimals, rule: rule), !candidates.contains(short) { candidates.append(short) }
                    }
                }
            }
            for value in solved where !candidates.contains(value) { candidates.append(value) }
            var best: (value: ExactDecimal, result: JSONValue, count: Int)? = nil
            for value in candidates {
                guard let result = try? set(value).result(rounding: deal.rounding) else { continue }
                let count = lines.filter { $0.matches(QuotedLine.computed(result, at: $0.path)) }.count
                if best == nil || count > best!.count { best = (value, result, count) }
            }
            guard let best else { continue }
            var residuals = JSONObject()
            var reproduces: [JSONValue] = []
            for line in lines {
                let computed = QuotedLine.computed(best.result, at: line.path)
                if line.matches(computed) { reproduces.append(.string(line.path)) }
                if let computed, let exact = try? ExactDecimal(parsing: computed), let difference = try? exact - line.value {
                    residuals[line.path] = .string(difference.description)
                }
            }
            let value: JSONValue = name == "term" ? .number(best.value.description) : .string(best.value.description)
            entries.append(.object(JSONObject([("field", .string(name)), ("value", value),
                                               ("reproduces", .array(reproduces)), ("residuals", .object(residuals))])))
        }
        return entries
    }
}
