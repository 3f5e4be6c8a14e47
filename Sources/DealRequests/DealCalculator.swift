// DealFinance — exact deal finance. DealRequests: the JSON entry point (Documentation/Reference/README.md).

import DealEngine
import DealJSON

/// The JSON request/result interface shared by `dealcalc`, the C ABI and the test vectors.
///
/// A request is one JSON object whose `"calculate"` names what to compute. The answer is the
/// result object, or `{"error": {"code", "path", "message"}}` (Documentation/Reference/Errors.md). Nothing throws,
/// traps or returns NaN for any input.
///
/// Users read and write JSON text (``answer(requestText:pretty:)``); the parsed-value calls
/// are `package` API for `dealcalc`, the C ABI and the tests.
///
/// ```swift
/// let answer = DealCalculator.answer(requestText: #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60}"#)
/// answer.json    // {"calculate":"loan",…,"periodicPayment":{"net":"579.98",…},…}
/// answer.error   // nil
/// ```
public enum DealCalculator: Sendable {
    /// Request kinds this version computes: `loan`, `lease`, `apr`, `tvm`, the solving
    /// kinds `grid` and `payoff`, and the lead kinds of Documentation/Reference/Leads.md.
    public static let availableKinds = ["loan", "lease", "apr", "tvm", "grid", "payoff", "reconcile"] + LeadRequests.kinds + LeadReportRequests.kinds
    /// Request kinds the reference names that later versions will compute (`unsupported` for now).
    public static let plannedKinds: [String] = []

    /// Answers a request given as UTF-8 bytes.
    ///
    /// ```swift
    /// DealCalculator.calculate(requestBytes: Array("{}".utf8))   // {"error":{"code":"invalid_argument","path":"calculate",…}}
    /// ```
    package static func calculate(requestBytes: some Collection<UInt8>) -> JSONValue {
        let request: JSONValue
        do { request = try JSONReader().parse(requestBytes) } catch {
            return errorObject(DealError(code: .invalidJSON, path: error.path, message: error.message))
        }
        return calculate(request)
    }

    /// Answers a request given as text.
    ///
    /// ```swift
    /// DealCalculator.calculate(requestText: "not json")   // {"error":{"code":"invalid_json",…}}
    /// ```
    package static func calculate(requestText: String) -> JSONValue {
        calculate(requestBytes: Array(requestText.utf8))
    }

    /// Answers a parsed request.
    ///
    /// ```swift
    /// let request: JSONValue = ["calculate": "loan", "sellingPrice": "1000.00", "apr": "0", "term": 10]
    /// DealCalculator.calculate(request).value(atPath: "periodicPayment.total")   // "100.00"
    /// ```
    package static func calculate(_ request: JSONValue) -> JSONValue {
        do { return try result(for: request) } catch { return errorObject(error) }
    }

    /// The result object, or the error it failed with.
    ///
    /// ```swift
    /// let result = try DealCalculator.result(for: request)
    /// ```
    package static func result(for request: JSONValue) throws(DealError) -> JSONValue {
        guard let object = request.objectValue else {
            throw DealError.invalidArgument("", "expected a request object with a \"calculate\" field, found \(FieldReader.describe(request))")
        }
        guard let kindValue = object["calculate"] else {
            throw DealError.invalidArgument("calculate", "expected \"calculate\" naming what to compute (\(availableKinds.joined(separator: ", "))), found nothing")
        }
        guard case .string(let kind) = kindValue else {
            throw DealError.invalidArgument("calculate", "expected a string naming what to compute, found \(FieldReader.describe(kindValue))")
        }
        switch kind {
        case "loan":
            let request = try LoanRequest(json: request)
            if let solve = request.solve {
                let outcome = try request.loan.solve(for: solve.field, target: solve.target, includeSchedule: request.includeSchedule)
                return SolveRequest.json(outcome, forward: try outcome.quote.json(explain: request.explain))
            }
            return try request.loan.quote(includeSchedule: request.includeSchedule).json(explain: request.explain)
        case "lease":
            let request = try LeaseRequest(json: request)
            if let solve = request.solve {
                let outcome = try request.lease.solve(for: solve.field, target: solve.target, includeSchedule: request.includeSchedule)
                return SolveRequest.json(outcome, forward: try outcome.quote.json(explain: request.explain))
            }
            return try request.lease.quote(includeSchedule: request.includeSchedule).json(explain: request.explain)
        case "tvm":
            return try TVMRequest.result(for: request)
        case "apr":
            return try APRRequest(json: request).json()
        case "grid":
            return try GridRequest.result(for: request)
        case "payoff":
            return try PayoffRequest.result(for: request)
        case "reconcile":
            return try ReconcileRequest(json: request).json()
        case _ where LeadReportRequests.kinds.contains(kind):
            return try LeadReportRequests.answer(kind: kind, request: request)
        case _ where LeadRequests.kinds.contains(kind):
            return try LeadRequests.answer(kind: kind, request: request)
        case _ where plannedKinds.contains(kind):
            throw DealError(code: .unsupported, path: "calculate", message: "expected one of the request kinds this version computes (\(availableKinds.joined(separator: ", "))), found \"\(kind)\", which a later version adds")
        default:
            let all = (availableKinds + plannedKinds).map { "\"\($0)\"" }.joined(separator: ", ")
            throw DealError.invalidArgument("calculate", "expected one of \(all), found \"\(FieldReader.excerpt(kind))\"")
        }
    }

    /// The error object of Documentation/Reference/Errors.md.
    ///
    /// ```swift
    /// DealCalculator.errorObject(.invalidArgument("term", "expected 1…1200, found 0"))
    /// // {"error":{"code":"invalid_argument","path":"term","message":"expected 1…1200, found 0"}}
    /// ```
    package static func errorObject(_ error: DealError) -> JSONValue {
        .object(JSONObject([("error", .object(JSONObject([
            ("code", .string(error.code.rawValue)),
            ("path", .string(error.path)),
            ("message", .string(error.message)),
        ])))]))
    }

    /// Whether an answer is an error object.
    ///
    /// ```swift
    /// DealCalculator.isError(DealCalculator.calculate(requestText: "{}"))   // true
    /// ```
    package static func isError(_ answer: JSONValue) -> Bool {
        answer.objectValue?["error"] != nil
    }
}
