// DealFinance — exact deal finance. DealEngine: the closed-end lease (inputs).

import DealDecimal

/// A closed-end vehicle lease: Documentation/Reference/Lease.md's request as a Swift value.
///
/// Documentation/Lease.md defines every input and every line of ``quote(includeSchedule:)``.
/// Amounts are `ExactDecimal`s in the deal's currency; rates in percent; a money factor as a
/// plain decimal.
///
/// ```swift
/// var lease = Lease(sellingPrice: try ExactDecimal(parsing: "37000.00"),
///                   residual: .percent(try ExactDecimal(parsing: "58")),
///                   rate: .moneyFactor(try ExactDecimal(parsing: "0.00250")), term: 36)
/// lease.msrp = try ExactDecimal(parsing: "40000.00")
/// lease.fees = [LeaseFee(name: "Acquisition fee", amount: try ExactDecimal(parsing: "895.00"))]
/// lease.downPayment = try ExactDecimal(parsing: "2000.00")
/// lease.rebates = [Rebate(name: "Lease cash", amount: try ExactDecimal(parsing: "1000.00"))]
/// lease.tax = LeaseTax(components: [LeaseTax.Component(name: "Sales tax", rate: try ExactDecimal(parsing: "7"))])
/// try lease.quote().periodicPayment.total   // 503.01
/// ```
public struct Lease: Sendable, Hashable {
    /// List price; the base of a percent residual.
    public var msrp: ExactDecimal?
    /// Agreed price (> 0).
    public var sellingPrice: ExactDecimal
    /// Accessories, optionally residualized.
    public var addOns: [LeaseAddOn] = []
    /// F&I products (not taxable unless said otherwise).
    public var products: [LineItem] = []
    /// Fees, capitalized or paid at signing.
    public var fees: [LeaseFee] = []
    /// Trade-ins (netted: positive equity reduces the cap cost, negative equity is capitalized).
    public var tradeIns: [TradeIn] = []
    /// Cash capitalized cost reduction.
    public var downPayment: ExactDecimal = .zero
    /// Rebates applied as capitalized cost reduction.
    public var rebates: [Rebate] = []
    /// The residual of the vehicle.
    public var residual: LeaseResidual
    /// The rate as given.
    public var rate: LeaseRate
    /// How rent is computed.
    public var rateMethod: LeaseRateMethod = .moneyFactor
    /// Number of periods (1…1200).
    public var term: Int
    /// Payment frequency.
    public var frequency: PaymentFrequency = .monthly
    /// Advance (default: payment 1 at signing) or arrears.
    public var paymentTiming: PaymentTiming = .advance
    /// Refundable security deposit(s).
    public var securityDeposits: SecurityDeposits?
    /// Multiple security deposits that lower the money factor.
    public var multipleSecurityDeposits: MultipleSecurityDeposits?
    /// One single payment at signing for the whole term.
    public var onePay = false
    /// Fee charged at lease end (only in the total of payments).
    public var dispositionFee: ExactDecimal = .zero
    /// How cash at signing is determined: given down payment, zero drive-off or total cash.
    public var driveOff: LeaseDriveOff = .downPayment
    /// Tax, if any.
    public var tax: LeaseTax?
    /// Contract date.
    public var contractDate: CivilDate?
    /// First payment date (advance: the contract date; arrears: one period after it).
    public var firstPaymentDate: CivilDate?
    /// Rounding profile.
    public var rounding: RoundingProfile = .standard
    /// Currency of every amount.
    public var currency: Currency = .usd

    /// A lease with the required inputs and the documented defaults for the rest.
    ///
    /// ```swift
    /// Lease(sellingPrice: price, residual: .amount(residual), rate: .apr(try ExactDecimal(parsing: "6")), term: 36)
    /// ```
    public init(sellingPrice: ExactDecimal, residual: LeaseResidual, rate: LeaseRate, term: Int) {
        self.sellingPrice = sellingPrice
        self.residual = residual
        self.rate = rate
        self.term = term
    }
}

/// An add-on of a lease; a residualized add-on adds `amount × residualPercent` to the residual.
///
/// ```swift
/// LeaseAddOn(name: "Wheels", amount: try ExactDecimal(parsing: "2000.00"), residualized: true)
/// ```
public struct LeaseAddOn: Sendable, Hashable {
    /// Name shown on the breakdown.
    public var name: String
    /// Amount.
    public var amount: ExactDecimal
    /// Whether tax applies where the price is taxed (default true).
    public var taxable: Bool
    /// Whether it carries a residual of its own.
    public var residualized: Bool
    /// Its residual percent; nil = the vehicle's residual percent.
    public var residualPercent: ExactDecimal?
    /// Creates an add-on.
    ///
    /// ```swift
    /// LeaseAddOn(name: "Mats", amount: try ExactDecimal(parsing: "150.00"))
    /// ```
    public init(name: String, amount: ExactDecimal, taxable: Bool = true, residualized: Bool = false, residualPercent: ExactDecimal? = nil) {
        self.name = name
        self.amount = amount
        self.taxable = taxable
        self.residualized = residualized
        self.residualPercent = residualPercent
    }
}

/// A lease fee: capitalized (default) or paid at signing.
///
/// ```swift
/// LeaseFee(name: "Doc fee", amount: try ExactDecimal(parsing: "85.00"), capitalized: false)
/// ```
public struct LeaseFee: Sendable, Hashable {
    /// Name shown on the breakdown.
    public var name: String
    /// Amount.
    public var amount: ExactDecimal
    /// Whether tax applies (default false).
    public var taxable: Bool
    /// Capitalized (true) or paid at signing.
    public var capitalized: Bool
    /// Creates a fee.
    ///
    /// ```swift
    /// LeaseFee(name: "Acquisition fee", amount: try ExactDecimal(parsing: "895.00"))
    /// ```
    public init(name: String, amount: ExactDecimal, taxable: Bool = false, capitalized: Bool = true) {
        self.name = name
        self.amount = amount
        self.taxable = taxable
        self.capitalized = capitalized
    }
}

/// The vehicle's residual: a percent of MSRP or an amount.
///
/// ```swift
/// LeaseResidual.percent(try ExactDecimal(parsing: "58"))
/// ```
public enum LeaseResidual: Sendable, Hashable {
    /// Percent of ``Lease/msrp``.
    case percent(ExactDecimal)
    /// A fixed amount.
    case amount(ExactDecimal)
}

/// The rate as the request gives it.
///
/// ```swift
/// LeaseRate.moneyFactor(try ExactDecimal(parsing: "0.00250"))
/// ```
public enum LeaseRate: Sendable, Hashable {
    /// A money factor (plain decimal).
    case moneyFactor(ExactDecimal)
    /// An annual rate in percent.
    case apr(ExactDecimal)
}

/// How the rent charge is computed.
///
/// ```swift
/// LeaseRateMethod(rawValue: "annuity")   // .annuity
/// ```
public enum LeaseRateMethod: String, Sendable, Hashable, CaseIterable {
    /// Rent per period = (adjusted cap cost + residual) × MF (US convention).
    case moneyFactor
    /// True periodic rate: the annuity payment with the residual as balloon.
    case annuity
}

/// Refundable security deposits: `count × amount`.
///
/// ```swift
/// SecurityDeposits(count: 1, amount: try ExactDecimal(parsing: "500.00"))
/// ```
public struct SecurityDeposits: Sendable, Hashable {
    /// Number of deposits.
    public var count: Int
    /// Each deposit.
    public var amount: ExactDecimal
    /// Creates deposits.
    public init(count: Int = 1, amount: ExactDecimal) {
        self.count = count
        self.amount = amount
    }
}

/// Multiple security deposits: each lowers the money factor by a step; each deposit is the
/// reduced payment rounded up to `roundUpTo`.
///
/// ```swift
/// MultipleSecurityDeposits(count: 7, moneyFactorReductionPerDeposit: try ExactDecimal(parsing: "0.00004"))
/// ```
public struct MultipleSecurityDeposits: Sendable, Hashable {
    /// Number of deposits.
    public var count: Int
    /// Money-factor reduction per deposit.
    public var moneyFactorReductionPerDeposit: ExactDecimal
    /// Each deposit is the payment rounded up to a multiple of this (default 50.00).
    public var roundUpTo: ExactDecimal
    /// The program's most deposits (default 7).
    public var maximumCount: Int
    /// Creates the deposits.
    public init(count: Int, moneyFactorReductionPerDeposit: ExactDecimal, roundUpTo: ExactDecimal = ExactDecimal(50), maximumCount: Int = 7) {
        self.count = count
        self.moneyFactorReductionPerDeposit = moneyFactorReductionPerDeposit
        self.roundUpTo = roundUpTo
        self.maximumCount = maximumCount
    }
}

/// What fixes the cash at signing.
///
/// ```swift
/// LeaseDriveOff.totalCash(try ExactDecimal(parsing: "3000.00"))
/// ```
public enum LeaseDriveOff: Sendable, Hashable {
    /// The down payment is given (``Lease/downPayment``).
    case downPayment
    /// Nothing in cash at signing: every up-front item is capitalized.
    case zeroDriveOff
    /// The customer brings this much cash; the down payment is solved.
    case totalCash(ExactDecimal)
}

/// Lease tax.
///
/// ```swift
/// LeaseTax(components: [.init(name: "GST", rate: try ExactDecimal(parsing: "5")),
///                       .init(name: "QST", rate: try ExactDecimal(parsing: "9.975"))])
/// ```
public struct LeaseTax: Sendable, Hashable {
    /// A named tax and its rate in percent.
    public struct Component: Sendable, Hashable {
        /// Name (GST, QST, Sales tax…).
        public var name: String
        /// Rate in percent.
        public var rate: ExactDecimal
        /// Creates a component.
        public init(name: String, rate: ExactDecimal) {
            self.name = name
            self.rate = rate
        }
    }

    /// How the lease is taxed.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Tax on each base payment (and on the taxable cap cost reduction at signing).
        case monthly
        /// Up front on the total of payments (NY/NJ/OH style).
        case upfrontOnPayments
        /// Up front on the selling price (TX/VA/MD/IL style).
        case upfrontOnPrice
    }

    /// Whether a capitalized tax on the payments is itself in its base.
    public enum CapitalizedTaxBase: String, Sendable, Hashable, CaseIterable {
        /// One pass: the tax on the payments without the capped tax.
        case excludesCappedTax
        /// Fixed point (closed form): the tax on the payments including the capped tax.
        case includesCappedTax
    }

    /// The components (one for a plain `rate`).
    public var components: [Component]
    /// The method.
    public var method: Method
    /// Upfront tax capitalized (true) or paid at signing.
    public var capitalized: Bool
    /// Base of a capitalized tax on payments.
    public var capitalizedTaxBase: CapitalizedTaxBase
    /// Whether the cash down payment is taxed.
    public var taxCashDown: Bool
    /// Whether trade-in equity / allowance is exempt.
    public var tradeInCredit: Bool
    /// Whether rebates reduce the tax base.
    public var rebatesReduceTaxBase: Bool

    /// Creates a tax with the documented defaults.
    public init(components: [Component], method: Method = .monthly, capitalized: Bool = false,
                capitalizedTaxBase: CapitalizedTaxBase = .excludesCappedTax, taxCashDown: Bool = true,
                tradeInCredit: Bool = true, rebatesReduceTaxBase: Bool = false) {
        self.components = components
        self.method = method
        self.capitalized = capitalized
        self.capitalizedTaxBase = capitalizedTaxBase
        self.taxCashDown = taxCashDown
        self.tradeInCredit = tradeInCredit
        self.rebatesReduceTaxBase = rebatesReduceTaxBase
    }
}
