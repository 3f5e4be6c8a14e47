// DealFinance — exact deal finance. DealEngine: the lease Payment Breakdown (result).

import DealDecimal

/// The Payment Breakdown of a ``Lease``: every line of SPEC §3.2's result, defined in
/// Documentation/Lease.md. Lines that do not apply are `nil` (omitted from JSON).
///
/// ```swift
/// let quote = try lease.quote()
/// quote.adjustedCapitalizedCost   // 34895.00
/// quote.periodicPayment.total     // 503.01
/// ```
public struct LeaseQuote: Sendable, Hashable {
    public var currency: Currency
    public var rateMethod: LeaseRateMethod
    public var msrp: ExactDecimal?
    public var sellingPrice: ExactDecimal
    public var addOnsTotal: ExactDecimal
    public var productsTotal: ExactDecimal
    public var feesCapitalized: ExactDecimal
    public var feesDueAtSigning: ExactDecimal
    public var tradeInAllowance: ExactDecimal?
    public var tradeInPayoff: ExactDecimal?
    /// Allowance − payoff, signed (nil without trade-ins).
    public var tradeInEquity: ExactDecimal?
    /// Cash capitalized cost reduction (given or solved).
    public var downPayment: ExactDecimal
    /// Whether ``downPayment`` was solved (zero drive-off or total cash).
    public var downPaymentSolved: Bool
    /// The cash the customer brings (total-cash mode; 0 for zero drive-off).
    public var totalCash: ExactDecimal?
    public var rebatesTotal: ExactDecimal
    /// Upfront taxes in the gross capitalized cost (nil when none).
    public var capitalizedTaxes: ExactDecimal?
    /// Up-front items capitalized by zero drive-off or a total-cash shortfall (nil when none).
    public var capitalizedDriveOff: ExactDecimal?
    public var grossCapitalizedCost: ExactDecimal
    public var capitalizedCostReduction: ExactDecimal
    public var adjustedCapitalizedCost: ExactDecimal
    public var residualOnVehicle: ExactDecimal
    /// The "RV on add-ons" line (nil without residualized add-ons).
    public var residualOnAddOns: ExactDecimal?
    public var residualValue: ExactDecimal
    public var depreciation: ExactDecimal
    public var periodicDepreciation: ExactDecimal
    public var periodicRentCharge: ExactDecimal
    /// Total rent charge as Regulation M discloses it: base payments − depreciation.
    public var rentCharge: ExactDecimal
    /// The money factor used (MF method) or apr/2400 (annuity, informational).
    public var moneyFactor: ExactDecimal
    /// The exact money factor as a fraction `p/q` (for explanations).
    public var moneyFactorExact: String
    /// The money factor before the multiple-security-deposit reduction.
    public var moneyFactorBeforeDeposits: ExactDecimal?
    /// Whether the money factor was converted from an APR (apr / 2400).
    public var moneyFactorFromApr: Bool
    /// MF × 2400 (MF method), informational only.
    public var equivalentApr: ExactDecimal?
    /// The annual rate used (annuity method).
    public var apr: ExactDecimal?
    /// Whether the annuity APR was converted from a money factor (MF × 2400).
    public var aprFromMoneyFactor: Bool
    /// The periodic rate (annuity method).
    public var periodicRate: PeriodicRate?
    public var periodicPayment: LeasePayment
    /// The exact base payment before rounding (≥ 20 significant digits).
    public var unroundedPayment: ExactDecimal
    /// Number of payments (1 for one-pay).
    public var numberOfPayments: Int
    /// Number of periods.
    public var term: Int
    public var frequency: PaymentFrequency
    public var paymentTiming: PaymentTiming
    public var onePay: Bool
    public var securityDeposit: ExactDecimal?
    public var securityDepositEach: ExactDecimal?
    public var securityDepositCount: Int?
    public var taxMethod: LeaseTax.Method?
    public var taxCapitalized: Bool
    public var capitalizedTaxBase: LeaseTax.CapitalizedTaxBase?
    public var upfrontTaxBase: ExactDecimal?
    public var upfrontTax: ExactDecimal?
    public var upfrontTaxes: [NamedAmount]?
    public var disclosedDownPayment: ExactDecimal
    public var dueAtSigning: LeaseDueAtSigning
    public var cashDueAtSigning: ExactDecimal
    public var dispositionFee: ExactDecimal
    /// Regulation M total of payments.
    public var totalOfPayments: ExactDecimal
    public var firstPaymentDate: CivilDate?
    public var leaseEndDate: CivilDate?
    public var schedule: [LeaseScheduleRow]?
    public var rounding: RoundingProfile
}

/// The periodic lease payment: base (net), tax and total, with tax per component.
///
/// ```swift
/// quote.periodicPayment.taxes?.map(\.name)   // ["GST", "QST"]
/// ```
public struct LeasePayment: Sendable, Hashable {
    /// Base payment.
    public var net: ExactDecimal
    /// Σ payment taxes.
    public var tax: ExactDecimal
    /// net + tax.
    public var total: ExactDecimal
    /// Tax per named component (when the request named components).
    public var taxes: [NamedAmount]?
}

/// Amount due at signing as Regulation M itemizes it, and how it is paid.
///
/// ```swift
/// quote.dueAtSigning.paidBy.map(\.name)   // ["Rebates", "Cash"]
/// ```
public struct LeaseDueAtSigning: Sendable, Hashable {
    /// Σ items.
    public var total: ExactDecimal
    /// Capitalized cost reduction, first payment, deposits, fees, taxes, amount capitalized.
    public var items: [NamedAmount]
    /// Net trade-in allowance, rebates, cash.
    public var paidBy: [NamedAmount]
}

/// One period of the lease schedule.
///
/// ```swift
/// quote.schedule?.last?.balance   // the residual
/// ```
public struct LeaseScheduleRow: Sendable, Hashable {
    public var number: Int
    public var date: CivilDate?
    public var payment: ExactDecimal
    public var depreciation: ExactDecimal
    public var rentCharge: ExactDecimal
    public var balance: ExactDecimal
}
