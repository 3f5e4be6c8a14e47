// DealFinance — exact deal finance. DealEngine: rounding profiles (the conventions lenders round by).

import DealDecimal

/// The roundings and conventions a calculation follows, as public data
/// (Documentation/MatchingALender.md lists every dimension with the published sources using it).
///
/// `standard`: taxes, fees, percent-based amounts and payments rounded to the minor unit half
/// up (ties away from zero); the periodic rate is exactly `apr / 100 / m`; the schedule uses the
/// rounded payment, rounds each period's interest half up, and the final regular payment
/// absorbs the residue (Regulation Z §1026.18). A named profile is `standard` with a few
/// dimensions changed; a request may name one or change dimensions of one (`{"base": …}`).
///
/// ```swift
/// var profile = RoundingProfile.standard
/// profile.periodicRate = .rounded(decimals: 5)     // the lender keeps a monthly rate of 5 decimals
/// profile.departures(from: .standard)               // 1
/// ```
public struct RoundingProfile: Sendable, Hashable {
    /// How the periodic rate is derived from the annual percentage rate before use.
    public enum PeriodicRateRule: Sendable, Hashable {
        /// Exactly `apr / 100 / m` (or the exact effective rate).
        case exact
        /// Rounded half up to `decimals` decimals of the rate as a fraction (0.00575 has 5).
        case rounded(decimals: Int)
        /// Truncated (toward zero) to `decimals` decimals of the rate as a fraction.
        case truncated(decimals: Int)
    }

    /// Whether the annual rate is divided (nominal) or its m-th root taken (effective annual).
    public enum RateBasis: String, Sendable, Hashable, CaseIterable {
        /// `i = apr / m` (US, Canada).
        case nominal
        /// `i = (1 + apr)^(1/m) − 1` (UK and EU quotes: the APR is an effective annual rate).
        case effectiveAnnual
    }

    /// How the total of payments (and the final payment) is formed.
    public enum Totals: String, Sendable, Hashable, CaseIterable {
        /// The last payment absorbs the schedule's residue (Regulation Z).
        case finalPaymentTrueUp
        /// n × the rounded payment, no true-up.
        case paymentTimesCount
        /// n × the exact payment, rounded once.
        case exactPaymentRoundedOnce
    }

    /// When a loan's balloon is due.
    public enum BalloonTiming: String, Sendable, Hashable, CaseIterable {
        /// With the last regular payment (arrears); one period after it in advance.
        case withLastPayment
        /// One period after the last regular payment (the UK PCP optional final payment).
        case onePeriodAfter
    }

    /// How an odd first period of a loan is counted (request key `oddDays`).
    public enum OddDaysCounting: String, Sendable, Hashable, CaseIterable {
        /// Whole unit periods counted back from the first payment date, the rest in days of
        /// 30-day months (Regulation Z Appendix J).
        case thirtyDayMonths
        /// Actual days / 365 of a year, times the periods a year.
        case actualOver365
    }

    /// How a tax of several components (state, county, city) is rounded.
    public enum TaxLines: String, Sendable, Hashable, CaseIterable {
        /// Each component rounded.
        case perLine
        /// The components summed exactly and the total rounded once; the last component line
        /// takes the difference so the lines add up to the total.
        case onTotal
    }

    /// How a lease's base payment is formed from depreciation and rent (money-factor method).
    public enum LeaseBasePayment: String, Sendable, Hashable, CaseIterable {
        /// Exact depreciation + exact rent, rounded once.
        case roundedOnce
        /// Depreciation and rent each rounded to the minor unit, then added.
        case partsRounded
    }

    /// Which base a lease's monthly payment tax is computed on.
    public enum LeasePaymentTax: String, Sendable, Hashable, CaseIterable {
        /// The rounded base payment.
        case onRoundedBase
        /// The exact base payment before rounding.
        case onUnroundedBase
    }

    /// The profile's name as requests spell it (the base's name for a changed profile).
    public var name: String
    /// Rounding of the level payment.
    public var payment: RoundingRule
    /// The payment is rounded to a multiple of 10^`paymentIncrementExponent` major units; nil
    /// is the currency's minor unit (0 is whole units, for advertised payments).
    public var paymentIncrementExponent: Int?
    /// How the periodic rate is derived.
    public var periodicRate: PeriodicRateRule
    /// Nominal or effective annual rate.
    public var rateBasis: RateBasis
    /// How totals are formed.
    public var totals: Totals
    /// When a loan's balloon is due.
    public var balloonTiming: BalloonTiming
    /// How an odd first period is counted (the request key is `oddDays`).
    public var oddDaysCounting: OddDaysCounting
    /// Rounding of each period's interest in the schedule.
    public var interest: RoundingRule
    /// Rounding of taxes.
    public var tax: RoundingRule
    /// Whether tax components are rounded one by one or in total.
    public var taxLines: TaxLines
    /// Rounding of amounts computed from a percentage (balloon percent of MSRP, …).
    public var percentAmount: RoundingRule
    /// How a lease's base payment is formed.
    public var leaseBasePayment: LeaseBasePayment
    /// The base of a lease's monthly payment tax.
    public var leasePaymentTax: LeasePaymentTax
    /// Decimals a money factor derived from an APR is rounded (half up) to; nil keeps it exact.
    public var moneyFactorDecimals: Int?

    /// A profile with every dimension given; the defaults are `standard`'s.
    ///
    /// ```swift
    /// let advertised = RoundingProfile(name: "custom", payment: .up, paymentIncrementExponent: 0)
    /// ```
    public init(name: String, payment: RoundingRule = .toNearestOrAway, paymentIncrementExponent: Int? = nil,
                periodicRate: PeriodicRateRule = .exact, rateBasis: RateBasis = .nominal,
                totals: Totals = .finalPaymentTrueUp, balloonTiming: BalloonTiming = .withLastPayment,
                interest: RoundingRule = .toNearestOrAway, oddDaysCounting: OddDaysCounting = .thirtyDayMonths,
                tax: RoundingRule = .toNearestOrAway, taxLines: TaxLines = .perLine, percentAmount: RoundingRule = .toNearestOrAway,
                leaseBasePayment: LeaseBasePayment = .roundedOnce, leasePaymentTax: LeasePaymentTax = .onRoundedBase,
                moneyFactorDecimals: Int? = nil) {
        self.name = name
        self.payment = payment
        self.paymentIncrementExponent = paymentIncrementExponent
        self.periodicRate = periodicRate
        self.rateBasis = rateBasis
        self.totals = totals
        self.balloonTiming = balloonTiming
        self.oddDaysCounting = oddDaysCounting
        self.interest = interest
        self.tax = tax
        self.taxLines = taxLines
        self.percentAmount = percentAmount
        self.leaseBasePayment = leaseBasePayment
        self.leasePaymentTax = leasePaymentTax
        self.moneyFactorDecimals = moneyFactorDecimals
    }

    /// `standard`: everything half up (ties away from zero), exact nominal rate, final-payment
    /// true-up (Regulation Z §1026.18 and Appendix J).
    public static let standard = RoundingProfile(name: "standard")
    /// The periodic rate rounded half up to 5 decimals before use (a monthly rate of 0.00575).
    public static let periodicRateRounded5 = RoundingProfile(name: "periodicRateRounded5", periodicRate: .rounded(decimals: 5))
    /// The periodic rate truncated to 5 decimals before use.
    public static let periodicRateTruncated5 = RoundingProfile(name: "periodicRateTruncated5", periodicRate: .truncated(decimals: 5))
    /// Total of payments = n × the rounded payment, no final true-up.
    public static let paymentTimesCount = RoundingProfile(name: "paymentTimesCount", totals: .paymentTimesCount)
    /// Total of payments = n × the exact payment, rounded once.
    public static let exactPaymentTotals = RoundingProfile(name: "exactPaymentTotals", totals: .exactPaymentRoundedOnce)
    /// UK and EU quotes: the periodic rate from an effective annual rate, total = n × payment.
    public static let effectiveAnnualRate = RoundingProfile(name: "effectiveAnnualRate", rateBasis: .effectiveAnnual, totals: .paymentTimesCount)
    /// An advertised payment: rounded up to whole units of the currency.
    public static let wholeUnitPaymentUp = RoundingProfile(name: "wholeUnitPaymentUp", payment: .up, paymentIncrementExponent: 0)
    /// An odd first period counted in actual days / 365 (daily-interest lenders).
    public static let actualDaysOddPeriod = RoundingProfile(name: "actualDaysOddPeriod", oddDaysCounting: .actualOver365)
    /// Schedule interest rounded half to even (banker's rounding).
    public static let halfEvenInterest = RoundingProfile(name: "halfEvenInterest", interest: .toNearestOrEven)
    /// Schedule interest truncated to the minor unit.
    public static let truncatedInterest = RoundingProfile(name: "truncatedInterest", interest: .towardZero)
    /// A balloon due one period after the last regular payment (UK PCP optional final payment).
    public static let balloonOnePeriodAfter = RoundingProfile(name: "balloonOnePeriodAfter", balloonTiming: .onePeriodAfter)
    /// A lease's depreciation and rent each rounded, then added.
    public static let leasePartsRounded = RoundingProfile(name: "leasePartsRounded", leaseBasePayment: .partsRounded)
    /// A lease's monthly tax on the exact (unrounded) base payment.
    public static let leaseTaxOnUnroundedBase = RoundingProfile(name: "leaseTaxOnUnroundedBase", leasePaymentTax: .onUnroundedBase)
    /// A money factor derived from an APR rounded to 6 decimals (APR / 2400 as rate sheets print it).
    public static let moneyFactorRounded6 = RoundingProfile(name: "moneyFactorRounded6", moneyFactorDecimals: 6)

    /// A tax of several components rounded once on its total.
    public static let taxRoundedOnTotal = RoundingProfile(name: "taxRoundedOnTotal", taxLines: .onTotal)

    /// Every named profile, `standard` first.
    public static let all: [RoundingProfile] = [
        .standard, .periodicRateRounded5, .periodicRateTruncated5, .paymentTimesCount, .exactPaymentTotals,
        .effectiveAnnualRate, .wholeUnitPaymentUp, .balloonOnePeriodAfter, .actualDaysOddPeriod, .halfEvenInterest, .truncatedInterest,
        .leasePartsRounded, .leaseTaxOnUnroundedBase, .moneyFactorRounded6, .taxRoundedOnTotal,
    ]

    /// The profile called `name`.
    ///
    /// ```swift
    /// try RoundingProfile(named: "standard") == .standard   // true
    /// ```
    /// - Throws: `invalid_argument` at `path` (`rounding`) for an unknown name.
    public init(named name: String, path: String = "rounding") throws(DealError) {
        guard let profile = Self.all.first(where: { $0.name == name }) else {
            throw DealError.invalidArgument(path, "expected a rounding profile (\(Self.all.map(\.name).joined(separator: ", "))), found \"\(name)\"")
        }
        self = profile
    }

    /// How many dimensions differ from `other` (the name aside).
    ///
    /// ```swift
    /// RoundingProfile.wholeUnitPaymentUp.departures(from: .standard)   // 2
    /// ```
    public func departures(from other: RoundingProfile) -> Int {
        var count = 0
        if payment != other.payment { count += 1 }
        if paymentIncrementExponent != other.paymentIncrementExponent { count += 1 }
        if periodicRate != other.periodicRate { count += 1 }
        if rateBasis != other.rateBasis { count += 1 }
        if totals != other.totals { count += 1 }
        if balloonTiming != other.balloonTiming { count += 1 }
        if oddDaysCounting != other.oddDaysCounting { count += 1 }
        if interest != other.interest { count += 1 }
        if tax != other.tax { count += 1 }
        if taxLines != other.taxLines { count += 1 }
        if percentAmount != other.percentAmount { count += 1 }
        if leaseBasePayment != other.leaseBasePayment { count += 1 }
        if leasePaymentTax != other.leasePaymentTax { count += 1 }
        if moneyFactorDecimals != other.moneyFactorDecimals { count += 1 }
        return count
    }

    /// Whether only the dimensions a lease's integer fast path computes are changed (the
    /// payment and tax rules, the percent rounding): the one check both lease paths share.
    var keepsLeaseFastPath: Bool {
        paymentIncrementExponent == nil && periodicRate == .exact && rateBasis == .nominal && totals == .finalPaymentTrueUp
            && taxLines == .perLine && leaseBasePayment == .roundedOnce && leasePaymentTax == .onRoundedBase && moneyFactorDecimals == nil
    }

    /// Checks the values a request cannot spell wrongly but the Swift API can: decimals in
    /// range and an increment of 10^-4…10^12.
    ///
    /// ```swift
    /// try RoundingProfile(name: "x", periodicRate: .rounded(decimals: 0)).validate()   // throws at rounding.periodicRateDecimals
    /// ```
    public func validate() throws(DealError) {
        switch periodicRate {
        case .exact: break
        case .rounded(let k), .truncated(let k):
            guard Self.periodicRateDecimalsRange.contains(k) else {
                throw DealError.invalidArgument("rounding.periodicRateDecimals", "expected from 1 to 20 decimals, found \(k)")
            }
        }
        if let k = moneyFactorDecimals, !Self.moneyFactorDecimalsRange.contains(k) {
            throw DealError.invalidArgument("rounding.moneyFactorDecimals", "expected from 1 to 12 decimals, found \(k)")
        }
        if let e = paymentIncrementExponent, !(-4...12).contains(e) {
            throw DealError.invalidArgument("rounding.paymentIncrement", "expected a power of ten from 0.0001 to 10^12, found 10^\(e)")
        }
    }

    /// Decimals allowed for a rounded or truncated periodic rate.
    public static let periodicRateDecimalsRange = 1...20
    /// Decimals allowed for a rounded money factor.
    public static let moneyFactorDecimalsRange = 1...12
}
