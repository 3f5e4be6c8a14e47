// DealFinance — exact deal finance. DealEngine: a plain loan's payment with its inputs validated.

import DealDecimal

extension LevelPayment {
    /// Most periods a year a plain loan's rate may be divided by (daily compounding).
    public static let maximumPeriodsPerYear = 365
    /// Most minor-unit decimals a plain loan's amounts may have (ISO 4217 uses 0–4).
    public static let maximumMinorUnitDigits = 4

    /// The payment problem of a plain loan — regular first period, no odd days — with every
    /// input checked as a loan request's fields are (Documentation/Reference/Loan.md).
    ///
    /// The rate is exactly `annualPercentage / 100 / periodsPerYear`. Amounts are whole minor
    /// units of a currency with `minorUnitDigits` decimals (2 for cents).
    ///
    /// ```swift
    /// let problem = try LevelPayment.loan(principal: 3_000_000, balloon: 1_000_000,
    ///                                     annualPercentage: ExactDecimal(parsing: "6"),
    ///                                     numberOfPayments: 60, periodsPerYear: 12,
    ///                                     timing: .arrears, minorUnitDigits: 2)
    /// try problem.payment(rule: .toNearestOrAway)   // 43666  (436.66)
    /// ```
    /// - Throws: ``DealError`` `invalid_argument` at `principal` (not above zero or above
    ///   999,999,999,999 major units), `balloon` (negative), `apr`
    ///   (outside 0–100 or more than 10 decimals), `term` (outside 1–1200), `periodsPerYear`
    ///   (outside 1–365) or `minorUnitDigits` (outside 0–4); `unsupported` for a balloon above
    ///   the principal (negative amortization; equal to it is an interest-only loan).
    public static func loan(principal: Int128, balloon: Int128, annualPercentage: ExactDecimal,
                            numberOfPayments: Int, periodsPerYear: Int, timing: PaymentTiming,
                            minorUnitDigits: Int) throws(DealError) -> LevelPayment {
        let money = try minorUnits(digits: minorUnitDigits)
        let largest = largestPrincipal(minorUnitDigits: minorUnitDigits)
        guard isValidPrincipal(principal, largest: largest) else {
            throw DealError.invalidArgument("principal", "expected a principal above zero and at most \(money.decimal(largest)), found \(money.text(principal))")
        }
        guard balloon >= 0 else {
            throw DealError.invalidArgument("balloon", "expected a balloon of zero or more, found \(money.text(balloon))")
        }
        guard balloon <= principal else {
            throw RetailLoan.negativeAmortization(path: "balloon", principal: money.decimal(principal), balloon: money.text(balloon))
        }
        guard isValidNumberOfPayments(numberOfPayments) else {
            throw DealError.invalidArgument("term", "expected a number of payments from 1 to \(RetailLoan.Limits.maximumTerm), found \(numberOfPayments)")
        }
        guard isValidPeriodsPerYear(periodsPerYear) else {
            throw DealError.invalidArgument("periodsPerYear", "expected from 1 to \(maximumPeriodsPerYear) periods a year, found \(periodsPerYear)")
        }
        let rate = try PeriodicRate(annualPercentage: annualPercentage, periodsPerYear: periodsPerYear)
        return LevelPayment(principal: principal, balloon: balloon, rate: rate,
                            numberOfPayments: numberOfPayments, timing: timing)
    }

    /// ``loan(principal:balloon:annualPercentage:numberOfPayments:periodsPerYear:timing:minorUnitDigits:)``
    /// with the amounts given as decimals of major units (`30000.00`).
    ///
    /// ```swift
    /// let problem = try LevelPayment.loan(principal: ExactDecimal(parsing: "30000.00"), balloon: .zero,
    ///                                     annualPercentage: ExactDecimal(parsing: "6"),
    ///                                     numberOfPayments: 60, periodsPerYear: 12,
    ///                                     timing: .arrears, minorUnitDigits: 2)
    /// try problem.payment(rule: .toNearestOrAway)   // 57998
    /// ```
    /// - Throws: ``DealError`` `invalid_argument` as the minor-unit form does, and for an
    ///   amount with more decimals than `minorUnitDigits`.
    public static func loan(principal: ExactDecimal, balloon: ExactDecimal, annualPercentage: ExactDecimal,
                            numberOfPayments: Int, periodsPerYear: Int, timing: PaymentTiming,
                            minorUnitDigits: Int) throws(DealError) -> LevelPayment {
        let money = try minorUnits(digits: minorUnitDigits)
        guard principal.signum > 0 else {
            throw DealError.invalidArgument("principal", "expected a principal above zero, found \(principal)")
        }
        return try loan(principal: try money.amount(principal, path: "principal"),
                        balloon: try money.amount(balloon, path: "balloon"),
                        annualPercentage: annualPercentage, numberOfPayments: numberOfPayments,
                        periodsPerYear: periodsPerYear, timing: timing, minorUnitDigits: minorUnitDigits)
    }

    /// The payment in minor units rounded by `rule`, correctly (``rounded(by:)``).
    ///
    /// `requireExact` is accepted when the exact payment is a whole number of minor units.
    ///
    /// ```swift
    /// try problem.payment(rule: .toNearestOrEven)   // 43666
    /// ```
    /// - Throws: ``DealError`` `invalid_argument` at `rounding` for `requireExact` when the
    ///   exact payment has a fraction of a minor unit, and as ``rounded(by:)`` does.
    public func payment(rule: RoundingRule) throws(DealError) -> Int128 {
        guard rule == .requireExact else { return try rounded(by: rule).minorUnits }
        try checkInputs()
        let (numerator, denominator) = exactFraction()
        guard let exact = try? numerator.divided(by: denominator, rule: .requireExact) else {
            throw DealError.invalidArgument("rounding", "expected a rounding rule other than requireExact: the exact payment \(try unroundedPayment(minorUnitDigits: 0, significantDigits: 20)) minor units is not whole")
        }
        guard let value = exact.int128Value else {
            throw DealError(code: .overflow, path: "periodicPayment", message: "expected a payment that fits in 128 bits of minor units, found one of \(exact.bitWidth) bits")
        }
        return value
    }

    /// The converter for amounts with `digits` minor-unit decimals.
    static func minorUnits(digits: Int) throws(DealError) -> MinorUnits {
        guard isValidMinorUnitDigits(digits) else {
            throw DealError.invalidArgument("minorUnitDigits", "expected from 0 to \(maximumMinorUnitDigits) minor-unit decimals, found \(digits)")
        }
        return MinorUnits(Currency(uncheckedCode: "XXX", minorUnitDigits: digits))
    }

    // MARK: The checks of `loan(…)`, one place for them: the C batch shortcut calls them too.

    /// The largest principal in minor units: 999,999,999,999 major units and every minor unit
    /// below the next (99999999999999 for 2 digits). `minorUnitDigits` must be valid.
    package static func largestPrincipal(minorUnitDigits: Int) -> Int128 {
        var unit: Int128 = 1
        for _ in 0..<minorUnitDigits { unit *= 10 }
        return (MinorUnits.maximumMajorUnits + 1) * unit - 1
    }

    /// A principal above zero and at most `largest`.
    @inlinable
    package static func isValidPrincipal(_ principal: Int128, largest: Int128) -> Bool { principal > 0 && principal <= largest }

    /// A balloon of zero or more, at most the principal (equal to it: an interest-only loan);
    /// the two balloon guards of ``loan(principal:balloon:annualPercentage:numberOfPayments:periodsPerYear:timing:minorUnitDigits:)``.
    @inlinable
    package static func isValidBalloon(_ balloon: Int128, principal: Int128) -> Bool { balloon >= 0 && balloon <= principal }

    /// A number of payments from 1 to ``RetailLoan/Limits/maximumTerm``.
    @inlinable
    package static func isValidNumberOfPayments(_ count: Int) -> Bool { (1...RetailLoan.Limits.maximumTerm).contains(count) }

    /// Periods a year from 1 to ``maximumPeriodsPerYear``.
    @inlinable
    package static func isValidPeriodsPerYear(_ count: Int) -> Bool { (1...maximumPeriodsPerYear).contains(count) }

    /// Minor-unit decimals from 0 to ``maximumMinorUnitDigits``.
    @inlinable
    package static func isValidMinorUnitDigits(_ digits: Int) -> Bool { (0...maximumMinorUnitDigits).contains(digits) }
}
