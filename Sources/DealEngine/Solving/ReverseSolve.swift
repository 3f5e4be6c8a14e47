// DealFinance — exact deal finance. DealEngine: reverse solves (the input that meets a target).

import DealDecimal

/// The deal input a reverse solve varies (Documentation/Rates.md, "Reverse solves").
///
/// ```swift
/// SolveField(rawValue: "sellingPrice")   // .sellingPrice
/// SolveField.apr.decimals               // 3
/// ```
public enum SolveField: String, Sendable, Hashable, CaseIterable {
    /// The selling price, to the currency's minor unit.
    case sellingPrice
    /// The cash down payment, to the currency's minor unit.
    case downPayment
    /// The number of payments, a whole number 1…1200.
    case term
    /// The annual rate in percent, to ``aprDecimals`` decimals, 0…100.
    case apr
    /// A lease's money factor, to ``moneyFactorDecimals`` decimals, 0…0.1.
    case moneyFactor

    /// Decimals of a solved APR (0.001 %).
    public static let aprDecimals = 3
    /// Decimals of a solved money factor (0.000001 ≈ 0.0024 % APR).
    public static let moneyFactorDecimals = 6

    /// Decimals of the solved value (`currencyDigits` for money).
    ///
    /// ```swift
    /// SolveField.sellingPrice.decimals(currencyDigits: 2)   // 2
    /// ```
    public func decimals(currencyDigits: Int) -> Int {
        switch self {
        case .sellingPrice, .downPayment: return currencyDigits
        case .term: return 0
        case .apr: return Self.aprDecimals
        case .moneyFactor: return Self.moneyFactorDecimals
        }
    }
}

/// What a reverse solve aims at: a payment (`periodicPayment.total`) or the amount due at
/// signing (`dueAtSigning.total`), never exceeded.
///
/// ```swift
/// SolveTarget.payment(try ExactDecimal(parsing: "579.98"))
/// ```
public enum SolveTarget: Sendable, Hashable {
    /// The periodic payment total must be at most this amount.
    case payment(ExactDecimal)
    /// The total due at signing must be at most this amount.
    case dueAtSigning(ExactDecimal)

    /// The target amount.
    public var amount: ExactDecimal {
        switch self {
        case .payment(let value), .dueAtSigning(let value): return value
        }
    }

    /// The dotted path of the compared result line.
    public var resultPath: String {
        switch self {
        case .payment: return "periodicPayment.total"
        case .dueAtSigning: return "dueAtSigning.total"
        }
    }

    /// The request field that carries the target.
    public var requestField: String {
        switch self {
        case .payment: return "targetPayment"
        case .dueAtSigning: return "targetDueAtSigning"
        }
    }
}

/// The answer of a reverse solve: the value, what its forward quote achieves, the adjacent
/// rounded value (which does not meet the target) and the forward quote itself.
///
/// ```swift
/// let outcome = try loan.solve(for: .sellingPrice, target: .payment(try ExactDecimal(parsing: "579.98")))
/// outcome.value      // 30000.00 … the largest price whose payment is ≤ 579.98
/// ```
public struct SolveOutcome<Quote: Sendable>: Sendable {
    /// The solved field.
    public var field: SolveField
    /// The target.
    public var target: SolveTarget
    /// The solved value (money to minor units, rate to ``SolveField/decimals(currencyDigits:)``, term whole).
    public var value: ExactDecimal
    /// The compared line of the forward quote at ``value`` (≤ the target).
    public var achieved: ExactDecimal
    /// `true`: the largest value that meets the target; `false`: the smallest.
    public var largest: Bool
    /// The next rounded value beyond the answer (larger when ``largest``, else smaller), nil
    /// when the answer is the smallest value of the field's range.
    public var adjacentValue: ExactDecimal?
    /// The compared line at ``adjacentValue`` (> the target).
    public var adjacentAchieved: ExactDecimal?
    /// Forward quotes evaluated.
    public var evaluations: Int
    /// The forward quote at ``value``.
    public var quote: Quote
}

/// Bisection over the rounded values `lo…hi` (integers: minor units, rate steps, terms) with
/// a forward oracle, for a quantity monotone in the value. Every loop halves an integer
/// interval (at most 2 × 128 evaluations); no floating point.
struct MonotoneSearch {
    /// The quantity at a value (minor units), or the error the forward quote throws there.
    let quantity: (Int128) -> Result<Int128, DealError>
    private(set) var evaluations = 0
    private var cache: [Int128: Result<Int128, DealError>] = [:]

    init(_ quantity: @escaping (Int128) -> Result<Int128, DealError>) { self.quantity = quantity }

    mutating func at(_ x: Int128) -> Result<Int128, DealError> {
        if let known = cache[x] { return known }
        evaluations += 1
        let value = quantity(x)
        cache[x] = value
        return value
    }

    mutating func value(_ x: Int128) throws(DealError) -> Int128 {
        switch at(x) {
        case .success(let value): return value
        case .failure(let error): throw error
        }
    }

    /// The answer: (value, adjacent value) with the quantity at the value ≤ target and at the
    /// adjacent value > target. `increasing`: the quantity grows with the value and the
    /// largest meeting value is returned; otherwise the smallest.
    mutating func solve(lo: Int128, hi: Int128, increasing: Bool, target: Int128,
                        describe: (Int128) throws(DealError) -> String, money: (Int128) -> String, field: String, line: String) throws(DealError) -> (value: Int128, adjacent: Int128?) {
        // 1. The feasible range: the forward quote may refuse values at one end (a price below
        //    the down payment, a down payment above the price); that part is cut off.
        var low = lo, high = hi
        switch (at(lo), at(hi)) {
        case (.success, .success): break
        case (.failure, .success):
            var bad = lo, good = hi
            while good - bad > 1 { let mid = bad + (good - bad) / 2; if case .success = at(mid) { good = mid } else { bad = mid } }
            low = good
        case (.success, .failure):
            var good = lo, bad = hi
            while bad - good > 1 { let mid = good + (bad - good) / 2; if case .success = at(mid) { good = mid } else { bad = mid } }
            high = good
        case (.failure(let error), .failure):
            throw error
        }
        let qLow = try value(low), qHigh = try value(high)
        if qLow == qHigh {
            throw DealError(code: .noSolution, path: field, message: "expected \(line) to depend on \(field), found it is the same at \(try describe(low)) and \(try describe(high)) (the ends of the field's range)")
        }
        if increasing {
            guard qLow <= target else {
                throw DealError(code: .noSolution, path: field, message: "expected a value of \(field) whose \(line) is at most the target, found that even the smallest, \(try describe(low)), gives \(money(qLow))")
            }
            guard qHigh > target else {
                throw DealError(code: .noSolution, path: field, message: "expected the target to bind within the field's range, found that even the largest \(field), \(try describe(high)), gives a \(line) at most the target (\(money(qHigh)))")
            }
            var good = low, bad = high
            while bad - good > 1 { let mid = good + (bad - good) / 2; if try value(mid) <= target { good = mid } else { bad = mid } }
            return (good, bad)
        }
        guard qHigh <= target else {
            throw DealError(code: .noSolution, path: field, message: "expected a value of \(field) whose \(line) is at most the target, found that even the largest, \(try describe(high)), gives \(money(qHigh))")
        }
        if qLow <= target { return (low, nil) }
        var bad = low, good = high
        while good - bad > 1 { let mid = bad + (good - bad) / 2; if try value(mid) <= target { good = mid } else { bad = mid } }
        return (good, bad)
    }
}

/// Shared plumbing of the loan and lease solves.
enum ReverseSolve {
    /// Whether the compared quantity grows with the field (Documentation/Rates.md table).
    static func increasing(_ field: SolveField, _ target: SolveTarget) -> Bool {
        switch field {
        case .sellingPrice, .apr, .moneyFactor: return true
        case .term: return false
        case .downPayment:
            if case .dueAtSigning = target { return true }
            return false
        }
    }

    /// The field's rounded values as integers.
    static func range(_ field: SolveField, money: MinorUnits) -> ClosedRange<Int128> {
        switch field {
        case .sellingPrice: return 1...((MinorUnits.maximumMajorUnits + 1) * money.unit - 1)
        case .downPayment: return 0...((MinorUnits.maximumMajorUnits + 1) * money.unit - 1)
        case .term: return 1...Int128(RetailLoan.Limits.maximumTerm)
        case .apr: return 0...(100 * 1000)
        case .moneyFactor: return 0...100_000
        }
    }

    /// A value of the field's grid (`x` units of its last decimal) as a decimal.
    static func decimal(_ x: Int128, _ field: SolveField, money: MinorUnits) throws(DealError) -> ExactDecimal {
        do { return try ExactDecimal(coefficient: x, scale: field.decimals(currencyDigits: money.currency.minorUnitDigits)) } catch {
            throw DealError.internalFailure(field.rawValue, "expected a value of the field's range to fit 38 digits, found \(x) units")
        }
    }

    /// An amount of the result in minor units.
    static func minor(_ value: ExactDecimal, money: MinorUnits) throws(DealError) -> Int128 {
        do { return try value.rescaled(to: money.currency.minorUnitDigits).coefficient } catch {
            throw DealError(code: .overflow, path: "", message: "a result amount \(value) is not a whole number of minor units within 38 digits")
        }
    }

    static func run<Quote: Sendable>(field: SolveField, target: SolveTarget, money: MinorUnits,
                                     quote: @escaping (ExactDecimal) throws(DealError) -> Quote,
                                     line: @escaping (Quote) -> ExactDecimal) throws(DealError) -> SolveOutcome<Quote> {
        let goal = try money.amount(target.amount, path: target.requestField)
        var search = MonotoneSearch { x in
            do throws(DealError) { return .success(try minor(line(try quote(try decimal(x, field, money: money))), money: money)) } catch { return .failure(error) }
        }
        let bounds = range(field, money: money)
        let increasing = increasing(field, target)
        let (x, adjacent) = try search.solve(lo: bounds.lowerBound, hi: bounds.upperBound, increasing: increasing, target: goal,
                                             describe: { (x) throws(DealError) in try decimal(x, field, money: money).description }, money: { money.decimal($0).description },
                                             field: field.rawValue, line: target.resultPath)
        let value = try decimal(x, field, money: money)
        let final = try quote(value)
        return SolveOutcome(field: field, target: target, value: value, achieved: line(final), largest: increasing,
                            adjacentValue: try adjacent.map { (a) throws(DealError) in try decimal(a, field, money: money) },
                            adjacentAchieved: try adjacent.map { (a) throws(DealError) in money.decimal(try search.value(a)) },
                            evaluations: search.evaluations + 1, quote: final)
    }
}

extension RetailLoan {
    /// The rounded `field` whose forward quote meets `target` (Documentation/Rates.md): the
    /// largest selling price or APR, or the smallest down payment or term, whose compared line
    /// is at most the target (for a due-at-signing target the largest down payment). The
    /// deal's own value of `field` is ignored.
    ///
    /// ```swift
    /// let loan = RetailLoan(sellingPrice: .zero, apr: try ExactDecimal(parsing: "6"), term: 60)
    /// try loan.solve(for: .sellingPrice, target: .payment(try ExactDecimal(parsing: "579.98"))).value   // 30000.xx
    /// ```
    /// - Throws: `no_solution` when no value within the field's limits meets the target, or the
    ///   target does not bind; `invalid_argument` for `moneyFactor` (a lease rate) or a bad deal.
    public func solve(for field: SolveField, target: SolveTarget, includeSchedule: Bool = false) throws(DealError) -> SolveOutcome<LoanQuote> {
        if field == .moneyFactor {
            throw DealError.invalidArgument("solveFor", "expected sellingPrice, downPayment, term or apr for a loan, found moneyFactor (a lease rate)")
        }
        let base = self
        return try ReverseSolve.run(field: field, target: target, money: MinorUnits(currency), quote: { (value) throws(DealError) in
            try base.setting(field, value).quote(includeSchedule: includeSchedule)
        }, line: { quote in
            if case .dueAtSigning = target { return quote.dueAtSigning.total }
            return quote.periodicPayment.total
        })
    }
}

extension Lease {
    /// The rounded `field` whose forward quote meets `target`, as ``RetailLoan/solve(for:target:includeSchedule:)``;
    /// `apr` sets the rate as an APR, `moneyFactor` as a money factor.
    ///
    /// ```swift
    /// try lease.solve(for: .moneyFactor, target: .payment(try ExactDecimal(parsing: "503.01"))).value   // 0.0025xx
    /// ```
    /// - Throws: `invalid_argument` for a down-payment solve with zero drive-off or total cash.
    public func solve(for field: SolveField, target: SolveTarget, includeSchedule: Bool = false) throws(DealError) -> SolveOutcome<LeaseQuote> {
        if field == .downPayment && driveOff != .downPayment {
            throw DealError.invalidArgument("solveFor", "expected no zeroDriveOff or totalCash when solving for downPayment (they solve it already), found one")
        }
        let base = self
        return try ReverseSolve.run(field: field, target: target, money: MinorUnits(currency), quote: { (value) throws(DealError) in
            try base.setting(field, value).quote(includeSchedule: includeSchedule)
        }, line: { quote in
            if case .dueAtSigning = target { return quote.dueAtSigning.total }
            return quote.periodicPayment.total
        })
    }
}

extension RetailLoan {
    /// The loan with the input a solve varies set to `value` (a rate is the APR).
    package func setting(_ field: SolveField, _ value: ExactDecimal) -> RetailLoan {
        var loan = self
        switch field {
        case .sellingPrice: loan.sellingPrice = value
        case .downPayment: loan.downPayment = value
        case .term: loan.term = Int(value.coefficient)
        case .apr, .moneyFactor: loan.apr = value
        }
        return loan
    }
}

extension Lease {
    /// The lease with the input a solve varies set to `value` (`apr` sets the rate as an APR,
    /// `moneyFactor` as a money factor).
    package func setting(_ field: SolveField, _ value: ExactDecimal) -> Lease {
        var lease = self
        switch field {
        case .sellingPrice: lease.sellingPrice = value
        case .downPayment: lease.downPayment = value
        case .term: lease.term = Int(value.coefficient)
        case .apr: lease.rate = .apr(value)
        case .moneyFactor: lease.rate = .moneyFactor(value)
        }
        return lease
    }
}
