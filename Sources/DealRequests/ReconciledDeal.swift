// DealFinance — exact deal finance. DealRequests: the loan or lease a reconcile request quotes.

import DealDecimal
import DealEngine
import DealJSON

/// The deal of a `reconcile` request: a loan or a lease, quoted under any profile, with the
/// lines a quote compares by path (Documentation/MatchingALender.md).
///
/// ```swift
/// let deal = try ReconciledDeal(json: request)
/// try deal.result(rounding: .standard).value(atPath: "periodicPayment.total")   // "579.98"
/// ```
enum ReconciledDeal {
    /// `disclosingAPR`: the quoted lines compare the Regulation Z APR (its solve is skipped otherwise).
    case loan(RetailLoan, includeSchedule: Bool, disclosingAPR: Bool)
    case lease(Lease, includeSchedule: Bool)

    /// Reads the embedded loan or lease request (`path` prefixes its errors).
    init(json: JSONValue, path: String, needsSchedule: Bool, needsAPR: Bool = true) throws(DealError) {
        func inRequest(_ error: DealError) -> DealError { Self.inRequest(error, path) }
        guard let object = json.objectValue else {
            throw DealError.invalidArgument(path, "expected a loan or lease request object, found \(FieldReader.describe(json))")
        }
        switch object["calculate"] {
        case .string("loan")?:
            let request: LoanRequest
            do { request = try LoanRequest(json: json) } catch { throw inRequest(error) }
            if request.solve != nil { throw DealError.invalidArgument("\(path).solveFor", "expected a forward quote to reconcile (the implied values are the reverse solves), found solveFor") }
            self = .loan(request.loan, includeSchedule: needsSchedule, disclosingAPR: needsAPR)
        case .string("lease")?:
            let request: LeaseRequest
            do { request = try LeaseRequest(json: json) } catch { throw inRequest(error) }
            if request.solve != nil { throw DealError.invalidArgument("\(path).solveFor", "expected a forward quote to reconcile (the implied values are the reverse solves), found solveFor") }
            self = .lease(request.lease, includeSchedule: needsSchedule)
        default:
            throw DealError.invalidArgument("\(path).calculate", "expected \"loan\" or \"lease\", found \(object["calculate"].map(FieldReader.describe) ?? "nothing")")
        }
    }

    /// An error of the embedded request, its path under the request's (`request.term`).
    static func inRequest(_ error: DealError, _ path: String = "request") -> DealError {
        DealError(code: error.code, path: error.path.isEmpty ? path : "\(path).\(error.path)", message: error.message)
    }

    /// The profile the request asks for.
    var rounding: RoundingProfile {
        switch self {
        case .loan(let loan, _, _): return loan.rounding
        case .lease(let lease, _): return lease.rounding
        }
    }

    var isLease: Bool { if case .lease = self { return true } else { return false } }

    /// Whether the deal is a loan with a balloon (its timing is then searched).
    var hasBalloon: Bool { if case .loan(let loan, _, _) = self { return loan.balloon != nil } else { return false } }

    /// Whether the deal is a lease whose tax has several components.
    var hasTaxComponents: Bool { if case .lease(let lease, _) = self { return (lease.tax?.components.count ?? 0) > 1 } else { return false } }

    /// Whether the deal is a loan with a contract date (its first period's counting is then searched).
    var isDatedLoan: Bool { if case .loan(let loan, _, _) = self { return loan.contractDate != nil } else { return false } }

    /// The result object of the deal quoted under `rounding`; errors name `request.<field>`.
    func result(rounding: RoundingProfile) throws(DealError) -> JSONValue {
        do { return try unprefixedResult(rounding: rounding) } catch { throw Self.inRequest(error) }
    }

    private func unprefixedResult(rounding: RoundingProfile) throws(DealError) -> JSONValue {
        switch self {
        case .loan(var loan, let schedule, let disclosingAPR):
            loan.rounding = rounding
            return try loan.quote(includeSchedule: schedule).json(explain: false, disclosingAPR: disclosingAPR)
        case .lease(var lease, let schedule):
            lease.rounding = rounding
            return try lease.quote(includeSchedule: schedule).json(explain: false)
        }
    }
}

extension ReconciledDeal {
    /// The inputs a reconcile solves for, in the order reported: the rate first (a loan's APR,
    /// a lease's rate as the request gives it), then the selling price, the cash down and the term.
    var impliedFields: [SolveField] {
        switch self {
        case .loan: return [.apr, .sellingPrice, .downPayment, .term]
        case .lease(let lease, _):
            if case .apr = lease.rate { return [.apr, .sellingPrice, .downPayment, .term] }
            return [.moneyFactor, .sellingPrice, .downPayment, .term]
        }
    }

    /// The solved value and the adjacent one (the two values around the target payment).
    func solve(_ field: SolveField, payment: ExactDecimal) throws(DealError) -> [ExactDecimal] {
        switch self {
        case .loan(let loan, _, _):
            let outcome = try loan.solve(for: field, target: .payment(payment))
            return [outcome.value] + (outcome.adjacentValue.map { [$0] } ?? [])
        case .lease(let lease, _):
            let outcome = try lease.solve(for: field, target: .payment(payment))
            return [outcome.value] + (outcome.adjacentValue.map { [$0] } ?? [])
        }
    }

    /// Decimals of money in the deal's currency.
    var currency: Currency {
        switch self {
        case .loan(let loan, _, _): return loan.currency
        case .lease(let lease, _): return lease.currency
        }
    }

    /// Most bisection steps of an implied residual (the amounts span below 2^47 minor units).
    static let residualSteps = 64

    /// A lease's residual value (as an amount) around which the base payment crosses `payment`:
    /// the smallest residual whose payment total is at most the target, and the one below it.
    /// The payment falls as the residual grows; a residual the lease rejects counts as too
    /// large. Empty for a loan or when no residual in range meets the target.
    func impliedResidual(payment target: ExactDecimal) -> [ExactDecimal] {
        guard case .lease(let lease, let schedule) = self else { return [] }
        let money = MinorUnits(lease.currency)
        func meets(_ minor: Int128) -> Bool {
            var changed = lease
            changed.residual = .amount(money.decimal(minor))
            guard let total = try? ReconciledDeal.lease(changed, includeSchedule: schedule).result(rounding: lease.rounding)
                .value(atPath: "periodicPayment.total")?.stringValue, let value = try? ExactDecimal(parsing: total) else { return true }
            return value <= target
        }
        guard let price = try? money.amount(lease.sellingPrice, path: "") else { return [] }
        var high = price   // a residual at the cap cost or above is rejected (counts as meeting)
        var low: Int128 = 0
        if meets(low) { return [money.decimal(low)] }
        for _ in 0..<Self.residualSteps where high - low > 1 {
            let middle = low + (high - low) / 2
            if meets(middle) { high = middle } else { low = middle }
        }
        guard high - low == 1, high < price else { return [] }
        return [money.decimal(high), money.decimal(low)]
    }

    /// The deal with one input replaced.
    func setting(_ field: SolveField, _ value: ExactDecimal) -> ReconciledDeal {
        switch self {
        case .loan(let loan, let schedule, let disclosingAPR): return .loan(loan.setting(field, value), includeSchedule: schedule, disclosingAPR: disclosingAPR)
        case .lease(let lease, let schedule): return .lease(lease.setting(field, value), includeSchedule: schedule)
        }
    }
}
