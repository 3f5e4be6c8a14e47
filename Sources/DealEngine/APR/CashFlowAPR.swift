// DealFinance — exact deal finance. DealEngine: the disclosed APR of dated cash flows
// (Regulation Z Appendix J and the EU Consumer Credit Directive annex). Documentation/Reference/APR.md.

import DealDecimal

/// One dated amount: an advance (money lent) or a payment.
///
/// ```swift
/// let advance = DatedAmount(amount: try ExactDecimal(parsing: "10000.00"), date: try CivilDate(parsing: "2026-04-01"))
/// ```
public struct DatedAmount: Sendable, Hashable {
    /// The amount (> 0).
    public var amount: ExactDecimal
    /// The date it is advanced or due.
    public var date: CivilDate
    /// The dotted request path, for errors.
    public var path: String
    /// When the amount belongs to a regular series: the series' frequency, first date and
    /// this payment's 0-based index (months are then measured on the series' own day).
    public var series: (frequency: PaymentFrequency, first: CivilDate, index: Int)? {
        get { seriesFrequency.map { ($0, seriesFirst!, seriesIndex) } }
        set { seriesFrequency = newValue?.frequency; seriesFirst = newValue?.first; seriesIndex = newValue?.index ?? 0 }
    }
    private var seriesFrequency: PaymentFrequency?
    private var seriesFirst: CivilDate?
    private var seriesIndex = 0

    /// Creates a dated amount.
    public init(amount: ExactDecimal, date: CivilDate, path: String = "") {
        self.amount = amount
        self.date = date
        self.path = path
    }
}

/// Which APR: Regulation Z Appendix J (US) or the EU Consumer Credit Directive annex.
public enum APRMethod: String, Sendable, CaseIterable {
    /// 12 CFR 1026 Appendix J: actuarial, unit-periods, odd fractions earn simple interest.
    case regz
    /// Directive 2008/48/EC Annex I: annual compounding over year fractions.
    case eu
}

/// How the EU method measures a time in years (Documentation/Reference/APR.md).
public enum EUTimeBasis: String, Sendable, CaseIterable {
    /// Whole months as 1/12 year (counted forward from the first drawdown), leftover days /365.
    case months
    /// Actual days / 365 throughout.
    case days
}

/// The disclosed annual percentage rate of dated advances and payments (Documentation/Reference/APR.md).
///
/// Regulation Z (`regz`): the unit-period is chosen by Appendix J (b)(4) unless given; every
/// flow is measured from the first advance in whole unit-periods `t` counted back from its
/// date and a fraction `f` (`UnitPeriodCount`); the periodic rate `i` solves
/// `Σ advances / ((1 + f·i)(1 + i)^t) = Σ payments / ((1 + f·i)(1 + i)^t)` and
/// `APR = i × unit-periods per year`. EU (`eu`): `Σ advances (1 + X)^(−t) = Σ payments (1 + X)^(−t)`
/// with `t` in years, `APR = X`. Documentation/Rates.md states the solver's bracket, stopping
/// rule and guarantee.
///
/// ```swift
/// let apr = AnnualPercentageRate(method: .regz,
///     advances: [DatedAmount(amount: try ExactDecimal(parsing: "10000.00"), date: try CivilDate(parsing: "2026-04-01"))],
///     payments: try PaymentSeries(amount: try ExactDecimal(parsing: "320.00"), count: 36,
///                                 firstDate: try CivilDate(parsing: "2026-05-16"), frequency: .monthly).amounts())
/// try apr.solve().apr   // 9.168512164909 (percent)
/// ```
public struct AnnualPercentageRate: Sendable {
    /// The method.
    public var method: APRMethod
    /// Advances (at least one, each > 0).
    public var advances: [DatedAmount]
    /// Payments (at least one, each > 0), none before the first advance.
    public var payments: [DatedAmount]
    /// Regulation Z only: the unit-period to use instead of Appendix J (b)(4)'s choice.
    public var unitPeriod: PaymentFrequency?
    /// EU only: how times are measured.
    public var timeBasis: EUTimeBasis = .months

    /// Decimal places of the unrounded ``Result/apr``.
    public static let resultDecimals = 12

    /// Creates the problem.
    public init(method: APRMethod, advances: [DatedAmount], payments: [DatedAmount],
                unitPeriod: PaymentFrequency? = nil, timeBasis: EUTimeBasis = .months) {
        self.method = method
        self.advances = advances
        self.payments = payments
        self.unitPeriod = unitPeriod
        self.timeBasis = timeBasis
    }

    /// The solved rate and the totals.
    public struct Result: Sendable, Equatable {
        /// The APR in percent: the exact root correctly rounded (half even) to
        /// ``AnnualPercentageRate/resultDecimals`` decimals, the same on every platform.
        public var apr: ExactDecimal
        /// The disclosed APR: the exact root correctly rounded half up to 2 decimals (regz) or
        /// 1 (eu); not a rounding of ``apr``.
        public var aprDisclosed: ExactDecimal
        /// The Appendix J unit-period (`monthly` … `annual`, a day or k days, k weeks or k
        /// months), the whole `term` (a single advance repaid by a single payment, Appendix J
        /// (b)(4)(ii)) or a `year` (EU); its ``APRUnitPeriod/name`` is the JSON `unitPeriod`
        /// (`"daily"`, `"3 days"`, `"4 weeks"`, `"2 months"`, …).
        public var unitPeriod: APRUnitPeriod
        /// Unit-periods per year: 12, 24, 26, 52, 4, 2, 1, 365; 365/k, 52/k or 12/k for k days,
        /// weeks or months
        /// (13, 6; 10 decimals when not whole); for `"term"` 365/days or 12/months.
        public var unitPeriodsPerYear: ExactDecimal
        /// Σ advances.
        public var amountFinanced: ExactDecimal
        /// Σ payments.
        public var totalOfPayments: ExactDecimal
        /// Σ payments − Σ advances.
        public var financeCharge: ExactDecimal
        /// A proven bound on |apr − exact APR| in percentage points: half a unit of the 12th
        /// decimal (5e−13), since ``apr`` is correctly rounded.
        public var errorBound: Double
        /// Regulation Z 1026.22(a)(3): multiple advances, irregular payment periods or
        /// irregular amounts other than the first or final payment.
        public var isIrregular: Bool
    }

    /// The flows measured on the solver's time scale.
    struct Term {
        var amount: Double      // signed: payments +, advances −
        var whole: Int          // regz: t
        var fraction: Double    // regz: f (≤ 3 roundings)
        var years: Double       // eu: t in years (≤ 4 roundings)
        /// regz: f exactly; eu: t in years exactly (the exact signs of the rounding).
        var exact: (numerator: Int, denominator: Int) = (0, 1)
        /// regz: the flow's exact amount equals the previous flow's (both advances or both
        /// payments): a payment series' runs, without reading the amounts again.
        var sameAmountAsPrevious = false
    }

    /// Solves for the APR.
    ///
    /// - Throws: ``DealError`` `invalid_argument` for flows that cannot be measured (a payment
    ///   before the first advance, no advance or payment), `no_solution` when the payments total
    ///   less than the advances (the APR would be negative), when no rate up to 2³⁰ per
    ///   unit-period balances the flows, or when
    ///   flows that are not "all advances before all payments" admit more than one rate.
    public func solve() throws(DealError) -> Result {
        var signs = SignCounts()
        return try solve(signs: &signs)
    }

    /// How often a solve needed exact signs (the slow path of the correct rounding).
    struct SignCounts: Sendable, Equatable {
        /// Signs at rounding boundaries and bracket ends (0 unless the bracket straddles a
        /// rounding boundary, or for EU the bracket's verification).
        var decisions = 0
        /// Of those, the ones double-word arithmetic could not prove (wide rationals).
        var rational = 0
    }

    /// ``solve()``, counting in `signs` the exact signs its rounding evaluated.
    func solve(signs: inout SignCounts) throws(DealError) -> Result {
        // The flows' fields are read in place (`flows[k].date`): no copy of each flow.
        guard var start = advances.first?.date else {
            throw DealError.invalidArgument("advances", "expected at least one advance, found none")
        }
        for k in advances.indices where advances[k].date < start { start = advances[k].date }
        guard !payments.isEmpty else {
            throw DealError.invalidArgument("payments", "expected at least one payment, found none")
        }
        for k in payments.indices where payments[k].date < start {
            throw DealError.invalidArgument(payments[k].path, "expected a payment on or after the first advance \(start), found \(payments[k].date)")
        }
        let advanced: ExactDecimal, paid: ExactDecimal
        do {
            advanced = try Self.total(advances)
            paid = try Self.total(payments)
        } catch { throw DealError(code: .overflow, path: "", message: "the totals need more than 38 digits") }
        let charge: ExactDecimal
        do { charge = try paid - advanced } catch { throw DealError(code: .overflow, path: "", message: "the finance charge needs more than 38 digits") }
        guard !charge.isNegative else {
            throw DealError(code: .noSolution, path: "payments", message: "expected payments totalling at least the advances (\(advanced)), found \(paid): no rate of zero or more repays them, and an APR is not negative")
        }
        switch method {
        case .regz:
            // One scan of the dates chooses the unit-period and sees whether the payments are
            // one period apart (unless the request gave the unit-period).
            let scan = unitPeriod.map { UnitPeriodScan(unit: .frequency($0), paymentPeriodsRegular: nil) } ?? unitPeriodScan()
            let unit = scan.unit
            let irregular = isIrregular(unit: unit, periodsRegular: scan.paymentPeriodsRegular)
            if unitPeriod == nil, advances.count == 1, payments.count == 1,
               let term = try singlePaymentTerm(start: start) {
                return try singlePaymentResult(term, advanced: advanced, paid: paid, charge: charge)
            }
            let terms = try regzTerms(start: start, unit: unit)
            let factor = (numerator: 100 * unit.periodsPerYear.numerator, denominator: unit.periodsPerYear.denominator)
            return try withRegzDoubleWordEquation(terms: terms) { equation throws(DealError) in
                // Double words first, wide rationals when they cannot prove the sign; the
                // cell's two boundary signs are kept for the rounding, which asks for them again.
                var known = KnownSigns()
                func fastSign(_ p: Int128, _ q: Int128) -> Int? { known[p, q] ?? equation?.sign(numerator: p, denominator: q) }
                func rationalSign(_ rate: ExactFraction) -> Int {
                    signs.rational += 1
                    return regzExactSign(terms, at: rate)
                }
                // Newton's estimate, its rounding cell proven by the two exact signs; else a
                // bracket proven by bounded evaluations around it; else the bisection.
                var bracket: RateSolver.Bracket? = nil
                if let estimate = Self.regzNewtonEstimate(terms: terms, exactSignAtZero: charge.signum) {
                    bracket = try Self.provenCell(estimate.root, factor: factor, decimals: Self.resultDecimals,
                                                  limit: Self.regzLargestRate) { p, q throws(DealError) in
                        let sign = fastSign(p, q) ?? rationalSign(ExactFraction(WideInteger(p), WideInteger(q)))
                        known.record(p, q, sign)
                        return sign
                    }
                    if bracket == nil { bracket = Self.regzProvenBracket(terms: terms, around: estimate) }
                }
                let found: RateSolver.Bracket
                if let bracket { found = bracket } else { found = try Self.regzBisectionBracket(terms: terms, exactSignAtZero: charge.signum) }
                return try result(bracket: found, factor: factor, unit: .unitPeriod(unit), perYear: unit.periodsPerYearDecimal,
                                  advanced: advanced, paid: paid, charge: charge, irregular: irregular,
                                  exactSigns: &signs.decisions, fastSign: { fastSign($0, $1) }, signAt: { rationalSign($0) })
            }
        case .eu:
            let terms = try euTerms(start: start)
            let found = try Self.solve(terms: terms, exactSignAtZero: charge.signum, evaluate: Self.euValue)
            let sign: (ExactFraction) throws(DealError) -> Int = { rate throws(DealError) in try euExactSign(terms, at: rate) }
            let bracket = try Self.verified(found, exactSigns: &signs.decisions, signAt: sign)
            return try result(bracket: bracket, factor: (100, 1), unit: .year, perYear: ExactDecimal(1),
                              advanced: advanced, paid: paid, charge: charge, irregular: false,
                              exactSigns: &signs.decisions, signAt: sign)
        }
    }

    /// Σ amounts exactly as adding them one by one to ``ExactDecimal/zero`` gives it (value,
    /// scale and the overflow error): when every amount is ≥ 0 at one scale, the partial sums
    /// only grow, so the sum of the coefficients (checked against the 38-digit limit at every
    /// step, in 128 unsigned bits) is that result; otherwise, or at the limit, the additions.
    static func total(_ flows: [DatedAmount]) throws(DecimalError) -> ExactDecimal {
        if let scale = flows.first?.amount.scale {
            var sum: UInt128 = 0, direct = true
            for k in flows.indices {
                let amount = flows[k].amount
                guard amount.scale == scale, amount.coefficient >= 0 else { direct = false; break }
                sum += UInt128(amount.coefficient)     // < 2 · 10^38 < 2^128
                guard sum < 100_000_000_000_000_000_000_000_000_000_000_000_000 else { direct = false; break }
            }
            if direct { return try ExactDecimal(coefficient: Int128(sum), scale: scale) }
        }
        var total = ExactDecimal.zero
        for k in flows.indices { total = try total + flows[k].amount }
        return total
    }

    /// Finds the bracket: the sign of the equation at 0 is exact (Σ payments − Σ advances);
    /// the far end is searched outward (up to 2³⁰ per period above, down to −1 + 2⁻⁶⁰ below)
    /// until its sign is proven opposite, then ``RateSolver/narrow(lower:upper:signAtLower:evaluate:)``.
    static func solve(terms: [Term], exactSignAtZero: Int,
                      evaluate: @escaping ([Term], Double) -> BoundedValue) throws(DealError) -> RateSolver.Bracket {
        if exactSignAtZero == 0 { return RateSolver.Bracket(lower: 0, upper: 0) }
        let f: (Double) -> BoundedValue = { evaluate(terms, $0) }
        if !isConventional(terms) {
            // Payments before some advance: the equation may have several roots. Scan a grid
            // over the whole domain; more than one proven sign change is ambiguous.
            var grid: [Double] = (1...40).map { -(1 - Double(sign: .plus, exponent: -$0, significand: 1)) }.reversed()
            grid += (1...24).map { -Double(sign: .plus, exponent: -$0, significand: 1) }
            grid += (1...24).reversed().map { Double(sign: .plus, exponent: -$0, significand: 1) }
            grid += (0...30).map { Double(sign: .plus, exponent: $0, significand: 1) }
            grid.sort()
            var changes = 0, last = 0
            for x in grid {
                let s = x == 0 ? exactSignAtZero : f(x).provenSign
                if s != 0 { if last != 0 && s != last { changes += 1 }; last = s }
            }
            if changes > 1 {
                throw DealError(code: .noSolution, path: "payments", message: "expected cash flows with one rate, found \(changes) sign changes of the present value (payments before advances make the rate ambiguous)")
            }
        }
        let bracket: RateSolver.Bracket
        if exactSignAtZero > 0 {
            var lower = 0.0
            var found: Double?
            var exponent = -12
            while exponent <= 30 {
                let x = Double(sign: .plus, exponent: exponent, significand: 1)
                let s = f(x).provenSign
                if s < 0 { found = x; break }
                if s > 0 { lower = x }
                exponent += 1
            }
            guard let upper = found else {
                throw DealError(code: .noSolution, path: "payments", message: "expected payments that some rate up to 2^30 per unit-period discounts to the advances, found payments worth more than the advances at every such rate (a payment on the advance date that repays it, or payments that never discount enough)")
            }
            bracket = RateSolver.narrow(lower: lower, upper: upper, signAtLower: 1, evaluate: f)
        } else {
            var upper = 0.0
            var found: Double?
            var candidates: [Double] = (1...11).map { -Double(sign: .plus, exponent: -12 + $0, significand: 1) }
            candidates += (2...60).map { -(1 - Double(sign: .plus, exponent: -$0, significand: 1)) }
            for x in candidates {
                let s = f(x).provenSign
                if s > 0 { found = x; break }
                if s < 0 { upper = x }
            }
            guard let lower = found else {
                throw DealError(code: .noSolution, path: "payments", message: "expected payments that some rate above -100 % per unit-period makes worth the advances, found payments worth less than the advances at every such rate")
            }
            bracket = RateSolver.narrow(lower: lower, upper: upper, signAtLower: 1, evaluate: f)
        }
        return bracket
    }

    /// Whether every advance is measured no later than every payment (then the root is unique:
    /// Documentation/Rates.md).
    static func isConventional(_ terms: [Term]) -> Bool {
        var lastAdvance: (Int, Double, Double)?, firstPayment: (Int, Double, Double)?
        for term in terms {
            let key = (term.whole, term.fraction, term.years)
            if term.amount < 0, lastAdvance.map({ $0 < key }) ?? true { lastAdvance = key }
            if term.amount > 0, firstPayment.map({ key < $0 }) ?? true { firstPayment = key }
        }
        guard let lastAdvance, let firstPayment else { return true }
        return lastAdvance <= firstPayment
    }

    /// The result: `apr` and `aprDisclosed` are the exact root correctly rounded
    /// (``correctlyRounded(_:factor:decimals:rule:exactSigns:signAt:)``), so `errorBound` is
    /// half a unit of the 12th decimal.
    func result(bracket: RateSolver.Bracket, factor: (numerator: Int, denominator: Int), unit: APRUnitPeriod,
                perYear: ExactDecimal, advanced: ExactDecimal, paid: ExactDecimal, charge: ExactDecimal,
                irregular: Bool, exactSigns: inout Int, fastSign: (Int128, Int128) -> Int? = { _, _ in nil },
                signAt: (ExactFraction) throws(DealError) -> Int) throws(DealError) -> Result {
        let apr = try Self.correctlyRounded(bracket, factor: factor, decimals: Self.resultDecimals, rule: .toNearestOrEven,
                                            exactSigns: &exactSigns, fastSign: fastSign, signAt: signAt)
        let disclosed = try Self.correctlyRounded(bracket, factor: factor, decimals: method == .regz ? 2 : 1,
                                                  rule: .toNearestOrAway, exactSigns: &exactSigns, fastSign: fastSign, signAt: signAt)
        return Result(apr: apr, aprDisclosed: disclosed, unitPeriod: unit, unitPeriodsPerYear: perYear,
                      amountFinanced: advanced, totalOfPayments: paid, financeCharge: charge,
                      errorBound: 0.5e-12, isIrregular: irregular)
    }
}

/// A regular series of equal payments `{amount, count, firstDate, frequency}` (Documentation/Reference/APR.md).
///
/// ```swift
/// let series = try PaymentSeries(amount: try ExactDecimal(parsing: "320.00"), count: 36,
///                                firstDate: try CivilDate(parsing: "2026-05-16"), frequency: .monthly)
/// try series.amounts().count   // 36
/// ```
public struct PaymentSeries: Sendable, Hashable {
    /// Each payment.
    public var amount: ExactDecimal
    /// How many (1…1200).
    public var count: Int
    /// The first due date.
    public var firstDate: CivilDate
    /// The interval.
    public var frequency: PaymentFrequency
    /// The request path, for errors.
    public var path: String

    /// Creates a series.
    public init(amount: ExactDecimal, count: Int, firstDate: CivilDate, frequency: PaymentFrequency, path: String = "") {
        self.amount = amount
        self.count = count
        self.firstDate = firstDate
        self.frequency = frequency
        self.path = path
    }

    /// The dated payments, each remembering its place in the series.
    public func amounts() throws(DealError) -> [DatedAmount] {
        let dates: [CivilDate]
        do { dates = try frequency.paymentDates(count: count, first: firstDate) } catch {
            throw DealError.invalidArgument(path.isEmpty ? "count" : "\(path).count", error.message)
        }
        return dates.enumerated().map { index, date in
            var flow = DatedAmount(amount: amount, date: date, path: path)
            flow.series = (frequency, firstDate, index)
            return flow
        }
    }
}
