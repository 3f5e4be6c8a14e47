// DealFinance — exact deal finance. DealEngine: the retail installment deal (inputs).

import DealDecimal

/// A retail installment (finance) deal: Documentation/Reference/Loan.md's request as a Swift value.
///
/// Only `sellingPrice`, `apr` and `term` are required; everything else has the documented default.
/// Amounts are `ExactDecimal`s in the deal's currency (at most its minor-unit decimals);
/// rates are percentages (`6.9` means 6.9 %). ``quote(includeSchedule:)`` computes the Payment Breakdown.
///
/// ```swift
/// var loan = RetailLoan(sellingPrice: try ExactDecimal(parsing: "30000.00"),
///                       apr: try ExactDecimal(parsing: "6"), term: 60)
/// loan.balloon = .amount(try ExactDecimal(parsing: "10000.00"))
/// let quote = try loan.quote()
/// quote.periodicPayment.total   // 436.66
/// quote.finalPayment            // 436.41
/// ```
public struct RetailLoan: Sendable, Hashable {
    /// Agreed price of the vehicle (> 0).
    public var sellingPrice: ExactDecimal
    /// List price: shown, and the base of ``Balloon/percentOfMsrp(_:)``.
    public var msrp: ExactDecimal?
    /// Accessories (taxable unless said otherwise); ``LineItem/preInstalled`` marks those the
    /// dealer fitted before the sale, which the breakdown lists as such at the same amounts.
    public var addOns: [LineItem] = []
    /// F&I products such as GAP or a service contract (not taxable unless said otherwise).
    public var products: [LineItem] = []
    /// Fees, financed or paid at signing.
    public var fees: [Fee] = []
    /// Trade-ins with their payoff.
    public var tradeIns: [TradeIn] = []
    /// Cash down payment.
    public var downPayment: ExactDecimal = .zero
    /// Rebates applied as a capitalized cost reduction.
    public var rebates: [Rebate] = []
    /// Sales tax, if any.
    public var tax: SalesTax?
    /// Annual percentage rate in percent (0…100).
    public var apr: ExactDecimal
    /// Number of regular payments (1…1200).
    public var term: Int
    /// Payment frequency.
    public var frequency: PaymentFrequency = .monthly
    /// Arrears (end of period) or advance (first payment at signing).
    public var paymentTiming: PaymentTiming = .arrears
    /// Balloon due at the end of the term.
    public var balloon: Balloon?
    /// Contract (consummation) date.
    public var contractDate: CivilDate?
    /// First payment date; defaults to one period after ``contractDate`` (arrears).
    public var firstPaymentDate: CivilDate?
    /// Treatment of an odd first period.
    public var oddDays: OddDaysTreatment = .spread
    /// Rounding profile.
    public var rounding: RoundingProfile = .standard
    /// Currency of every amount.
    public var currency: Currency = .usd

    /// A deal with the three required inputs and the documented defaults for the rest.
    ///
    /// ```swift
    /// RetailLoan(sellingPrice: try ExactDecimal(parsing: "25000.00"), apr: try ExactDecimal(parsing: "4.9"), term: 72)
    /// ```
    public init(sellingPrice: ExactDecimal, apr: ExactDecimal, term: Int) {
        self.sellingPrice = sellingPrice
        self.apr = apr
        self.term = term
    }
}

/// A named amount: an add-on or an F&I product.
///
/// `preInstalled` marks an add-on the dealer fitted before the sale (pinstripe, mats, tint).
/// It changes no amount: a pre-installed add-on is still an add-on, taxable as said and financed;
/// the breakdown only lists it as pre-installed. F&I products ignore it.
///
/// ```swift
/// LineItem(name: "GAP", amount: try ExactDecimal(parsing: "695.00"), taxable: false)
/// ```
public struct LineItem: Sendable, Hashable {
    /// Name shown on the breakdown.
    public var name: String
    /// Amount.
    public var amount: ExactDecimal
    /// Whether sales tax applies.
    public var taxable: Bool
    /// Whether the dealer installed the add-on before the sale (default false; shown only).
    public var preInstalled: Bool
    /// Creates an item.
    ///
    /// ```swift
    /// LineItem(name: "Floor mats", amount: try ExactDecimal(parsing: "150.00"), taxable: true, preInstalled: true)
    /// ```
    public init(name: String, amount: ExactDecimal, taxable: Bool, preInstalled: Bool = false) {
        self.name = name
        self.amount = amount
        self.taxable = taxable
        self.preInstalled = preInstalled
    }
}

/// A fee: documentation, title, registration, acquisition, origination…
///
/// `prepaidFinanceCharge` marks a creditor's charge (origination fee, points) that the Truth in
/// Lending Act counts in the finance charge, whether financed or paid at signing.
///
/// ```swift
/// Fee(name: "Doc fee", amount: try ExactDecimal(parsing: "85.00"))
/// ```
public struct Fee: Sendable, Hashable {
    /// Name shown on the breakdown.
    public var name: String
    /// Amount.
    public var amount: ExactDecimal
    /// Whether sales tax applies (default false).
    public var taxable: Bool
    /// Financed (true, default) or paid at signing (false).
    public var financed: Bool
    /// Whether it is a prepaid finance charge (default false).
    public var prepaidFinanceCharge: Bool
    /// Creates a fee with the documented defaults.
    ///
    /// ```swift
    /// Fee(name: "Title", amount: try ExactDecimal(parsing: "75.00"), financed: false)
    /// ```
    public init(name: String, amount: ExactDecimal, taxable: Bool = false, financed: Bool = true, prepaidFinanceCharge: Bool = false) {
        self.name = name
        self.amount = amount
        self.taxable = taxable
        self.financed = financed
        self.prepaidFinanceCharge = prepaidFinanceCharge
    }
}

/// A trade-in: the allowance (offer, ACV) and the lien payoff.
///
/// ```swift
/// TradeIn(allowance: try ExactDecimal(parsing: "8000.00"), payoff: try ExactDecimal(parsing: "11000.00"))  // 3000 negative equity
/// ```
public struct TradeIn: Sendable, Hashable {
    /// What the dealer allows for the vehicle.
    public var allowance: ExactDecimal
    /// What is owed on it.
    public var payoff: ExactDecimal
    /// Creates a trade-in.
    ///
    /// ```swift
    /// TradeIn(allowance: try ExactDecimal(parsing: "5000.00"), payoff: .zero)
    /// ```
    public init(allowance: ExactDecimal, payoff: ExactDecimal = .zero) {
        self.allowance = allowance
        self.payoff = payoff
    }
}

/// A rebate applied as a capitalized cost reduction.
///
/// ```swift
/// Rebate(name: "Loyalty", amount: try ExactDecimal(parsing: "1000.00"))
/// ```
public struct Rebate: Sendable, Hashable {
    /// Name shown on the breakdown.
    public var name: String
    /// Amount.
    public var amount: ExactDecimal
    /// Creates a rebate.
    ///
    /// ```swift
    /// Rebate(name: "Conquest", amount: try ExactDecimal(parsing: "500.00"))
    /// ```
    public init(name: String, amount: ExactDecimal) {
        self.name = name
        self.amount = amount
    }
}

/// Retail sales tax on the deal.
///
/// ```swift
/// SalesTax(rate: try ExactDecimal(parsing: "7.25"))   // financed, trade-in credit, rebates taxed
/// ```
public struct SalesTax: Sendable, Hashable {
    /// Rate in percent.
    public var rate: ExactDecimal
    /// Financed (true) or paid at signing.
    public var financed: Bool
    /// Whether the trade-in allowance reduces the taxable amount (true).
    public var tradeInCredit: Bool
    /// Whether rebates reduce the taxable amount (false).
    public var rebatesReduceTaxBase: Bool
    /// Creates a tax with the documented defaults.
    ///
    /// ```swift
    /// SalesTax(rate: try ExactDecimal(parsing: "6"), financed: false)
    /// ```
    public init(rate: ExactDecimal, financed: Bool = true, tradeInCredit: Bool = true, rebatesReduceTaxBase: Bool = false) {
        self.rate = rate
        self.financed = financed
        self.tradeInCredit = tradeInCredit
        self.rebatesReduceTaxBase = rebatesReduceTaxBase
    }
}

/// A balloon due at the end of the term: an amount or a percentage of a price.
///
/// ```swift
/// Balloon.percentOfMsrp(try ExactDecimal(parsing: "35"))
/// ```
public enum Balloon: Sendable, Hashable {
    /// A fixed amount.
    case amount(ExactDecimal)
    /// A percentage of ``RetailLoan/msrp`` (which must then be given).
    case percentOfMsrp(ExactDecimal)
    /// A percentage of ``RetailLoan/sellingPrice``.
    case percentOfSellingPrice(ExactDecimal)
}

/// How an odd first period (first payment not exactly one period after the contract date) is
/// treated.
///
/// ```swift
/// OddDaysTreatment(rawValue: "firstPayment")   // .firstPayment
/// ```
public enum OddDaysTreatment: String, Sendable, Hashable, CaseIterable {
    /// Regulation Z actuarial: simple interest on the odd fraction, spread into a level payment.
    case spread
    /// The odd period's extra interest is added to the first payment.
    case firstPayment
    /// Computed as if the first period were regular; only the dates move.
    case ignore
}
