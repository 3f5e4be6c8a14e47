// DealFinance — exact deal finance. DealEngine: the lease Payment Breakdown (result).

import DealDecimal

/// The Payment Breakdown of a ``Lease``: every line of Documentation/Reference/Lease.md's result, defined in
/// Documentation/Lease.md. Lines that do not apply are `nil` (omitted from JSON).
///
/// ```swift
/// let quote = try lease.quote()
/// quote.adjustedCapitalizedCost   // 34895.00
/// quote.periodicPayment.total     // 503.01
/// ```
public struct LeaseQuote: Sendable, Hashable {
    /// The currency of every amount.
    public var currency: Currency
    /// How the rent charge was computed: money factor or annuity.
    public var rateMethod: LeaseRateMethod
    /// The list price, when given.
    public var msrp: ExactDecimal?
    /// The agreed price of the vehicle.
    public var sellingPrice: ExactDecimal
    /// The sum of the add-ons.
    public var addOnsTotal: ExactDecimal
    /// The sum of the F&I products.
    public var productsTotal: ExactDecimal
    /// The sum of the fees added to the capitalized cost.
    public var feesCapitalized: ExactDecimal
    /// The sum of the fees paid at signing.
    public var feesDueAtSigning: ExactDecimal
    /// The sum of the trade-in allowances, when there are trade-ins.
    public var tradeInAllowance: ExactDecimal?
    /// The sum of the trade-in payoffs, when there are trade-ins.
    public var tradeInPayoff: ExactDecimal?
    /// Allowance − payoff, signed (nil without trade-ins).
    public var tradeInEquity: ExactDecimal?
    /// Cash capitalized cost reduction (given or solved).
    public var downPayment: ExactDecimal
    /// Whether ``downPayment`` was solved (zero drive-off or total cash).
    public var downPaymentSolved: Bool
    /// The cash the customer brings (total-cash mode; 0 for zero drive-off).
    public var totalCash: ExactDecimal?
    /// The sum of the rebates.
    public var rebatesTotal: ExactDecimal
    /// Upfront taxes in the gross capitalized cost (nil when none).
    public var capitalizedTaxes: ExactDecimal?
    /// Up-front items capitalized by zero drive-off or a total-cash shortfall (nil when none).
    public var capitalizedDriveOff: ExactDecimal?
    /// Selling price + capitalized add-ons, products, fees, taxes and negative equity.
    public var grossCapitalizedCost: ExactDecimal
    /// Cash down + positive trade equity + rebates.
    public var capitalizedCostReduction: ExactDecimal
    /// Gross capitalized cost − capitalized cost reduction: the amount the lease finances.
    public var adjustedCapitalizedCost: ExactDecimal
    /// The residual of the vehicle (a percent of MSRP, or the amount given).
    public var residualOnVehicle: ExactDecimal
    /// The "RV on add-ons" line (nil without residualized add-ons).
    public var residualOnAddOns: ExactDecimal?
    /// The residual value: the vehicle's plus the residualized add-ons'.
    public var residualValue: ExactDecimal
    /// Adjusted capitalized cost − residual value.
    public var depreciation: ExactDecimal
    /// The depreciation of one period, shown rounded.
    public var periodicDepreciation: ExactDecimal
    /// The rent charge of one period, shown rounded.
    public var periodicRentCharge: ExactDecimal
    /// Total rent charge as Regulation M discloses it: base payments − depreciation.
    public var rentCharge: ExactDecimal
    /// The money factor used (MF method) or apr/2400 (annuity, informational).
    public var moneyFactor: ExactDecimal
    /// The exact money factor as a fraction `p/q` (for explanations).
    ///
    /// A quote keeps the fraction's two integers and writes the text when read, so that
    /// computing a quote builds no string; setting it stores the text given.
    public var moneyFactorExact: String {
        get { moneyFactorFraction.text }
        set { moneyFactorFraction = FractionText(text: newValue) }
    }
    var moneyFactorFraction: FractionText
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
    /// The payment: base payment, tax and total.
    public var periodicPayment: LeasePayment
    /// The exact base payment before rounding (≥ 20 significant digits).
    public var unroundedPayment: ExactDecimal
    /// Number of payments (1 for one-pay).
    public var numberOfPayments: Int
    /// Number of periods.
    public var term: Int
    /// How often payments fall due.
    public var frequency: PaymentFrequency
    /// Whether the first payment is at signing (advance) or one period later (arrears).
    public var paymentTiming: PaymentTiming
    /// Whether the whole term is paid as one payment at signing.
    public var onePay: Bool
    /// The total refundable security deposit, when there is one.
    public var securityDeposit: ExactDecimal?
    /// Each security deposit's amount.
    public var securityDepositEach: ExactDecimal?
    /// How many security deposits.
    public var securityDepositCount: Int?
    /// The lease tax method, when the lease is taxed.
    public var taxMethod: LeaseTax.Method?
    /// Whether an up-front tax is added to the capitalized cost.
    public var taxCapitalized: Bool
    /// How a capitalized up-front tax on the payments is based, when it applies.
    public var capitalizedTaxBase: LeaseTax.CapitalizedTaxBase?
    /// The amount an up-front tax is computed on.
    public var upfrontTaxBase: ExactDecimal?
    /// The up-front tax, when the method taxes up front.
    public var upfrontTax: ExactDecimal?
    /// Up-front tax per component (nil without tax).
    ///
    /// Listed when read from the amounts the quote keeps (no array is built by the quote);
    /// setting it stores the list given.
    public var upfrontTaxes: [NamedAmount]? {
        get { upfrontTaxLines?.list }
        set { upfrontTaxLines = newValue.map { NamedAmountList(list: $0) } }
    }
    var upfrontTaxLines: NamedAmountList?
    /// max(0, cash down + rebates + trade equity), as disclosed.
    public var disclosedDownPayment: ExactDecimal
    /// What is due at signing, itemized as Regulation M requires, with how it is paid.
    public var dueAtSigning: LeaseDueAtSigning
    /// The part of due at signing paid in cash.
    public var cashDueAtSigning: ExactDecimal
    /// The fee charged at lease end (in the total of payments only).
    public var dispositionFee: ExactDecimal
    /// Regulation M total of payments.
    public var totalOfPayments: ExactDecimal
    /// The first payment's date, when the lease has dates.
    public var firstPaymentDate: CivilDate?
    /// The date the lease ends, when the lease has dates.
    public var leaseEndDate: CivilDate?
    /// The payment schedule, when asked for.
    public var schedule: [LeaseScheduleRow]?
    /// The rounding profile the quote used.
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
    ///
    /// Listed when read from the amounts the quote keeps; setting it stores the list given.
    public var taxes: [NamedAmount]? {
        get { taxLines?.list }
        set { taxLines = newValue.map { NamedAmountList(list: $0) } }
    }
    var taxLines: NamedAmountList?
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
    ///
    /// A quote keeps the few minor-unit amounts these come from and lists them when read, so
    /// that computing a quote allocates no array for them; setting it stores the list given.
    public var items: [NamedAmount] {
        get {
            switch storage {
            case .lists(let items, _): return items
            case .lease(let parts): return parts.items
            }
        }
        set { storage = .lists(newValue, paidBy) }
    }
    /// Net trade-in allowance, rebates, cash.
    ///
    /// Listed when read, as ``items``; setting it stores the list given.
    public var paidBy: [NamedAmount] {
        get {
            switch storage {
            case .lists(_, let paidBy): return paidBy
            case .lease(let parts): return parts.paidBy
            }
        }
        set { storage = .lists(items, newValue) }
    }

    var storage: Storage

    enum Storage: Sendable {
        case lists([NamedAmount], [NamedAmount])
        case lease(LeaseParts)
    }

    /// What a lease's items and payers are listed from, in this order: the capitalized cost
    /// reduction (if not zero), the first payment (payments in advance), the refundable deposit
    /// (if not zero), each fee paid at signing that is not zero (the lease's own fee list,
    /// shared, not copied), each up-front tax paid at signing that is not zero; then the net
    /// trade-in allowance and the rebates (if not zero) and the cash.
    struct LeaseParts: Sendable {
        var currency: Currency
        var reduction: Int128
        var firstPayment: Int128?
        var onePay: Bool
        var deposit: Int128
        /// The lease's fees, every one validated by the quote (``MinorUnits/validatedAmount(_:)``).
        var fees: [LeaseFee]
        /// The lease's tax components (shared), naming ``upfrontTaxes``.
        var components: [LeaseTax.Component]
        var upfrontTaxes: TaxAmounts?
        var positiveEquity: Int128
        var rebates: Int128
        var cash: Int128

        var items: [NamedAmount] {
            let money = MinorUnits(currency)
            var items: [NamedAmount] = []
            if reduction != 0 { items.append(NamedAmount(name: "Capitalized cost reduction", amount: money.decimal(reduction))) }
            if let firstPayment { items.append(NamedAmount(name: onePay ? "Single payment" : "First periodic payment", amount: money.decimal(firstPayment))) }
            if deposit != 0 { items.append(NamedAmount(name: "Refundable security deposit", amount: money.decimal(deposit))) }
            for fee in fees where !fee.capitalized {
                // The quote that made these parts validated every fee of this list.
                let amount = money.validatedAmount(fee.amount)
                if amount != 0 { items.append(NamedAmount(name: fee.name, amount: money.decimal(amount))) }
            }
            if let upfrontTaxes {
                for index in 0..<upfrontTaxes.count where upfrontTaxes[index] != 0 {
                    items.append(NamedAmount(name: "\(components[index].name) (up front)", amount: money.decimal(upfrontTaxes[index])))
                }
            }
            return items
        }

        var paidBy: [NamedAmount] {
            let money = MinorUnits(currency)
            var paidBy: [NamedAmount] = []
            if positiveEquity != 0 { paidBy.append(NamedAmount(name: "Net trade-in allowance", amount: money.decimal(positiveEquity))) }
            if rebates != 0 { paidBy.append(NamedAmount(name: "Rebates", amount: money.decimal(rebates))) }
            paidBy.append(NamedAmount(name: "Cash", amount: money.decimal(cash)))
            return paidBy
        }
    }

    init(total: ExactDecimal, items: [NamedAmount], paidBy: [NamedAmount]) {
        self.total = total
        storage = .lists(items, paidBy)
    }

    init(total: ExactDecimal, parts: LeaseParts) {
        self.total = total
        storage = .lease(parts)
    }

    public static func == (lhs: LeaseDueAtSigning, rhs: LeaseDueAtSigning) -> Bool {
        lhs.total == rhs.total && lhs.items == rhs.items && lhs.paidBy == rhs.paidBy
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(total)
        hasher.combine(items)
        hasher.combine(paidBy)
    }
}

/// Up to ``Lease/Limits/maximumTaxComponents`` tax amounts in minor units, one per component
/// of the lease's tax, held inline (no reference: copied as plain bytes): a quote's tax lines
/// without an array.
struct TaxAmounts: Sendable {
    private var amounts: (Int128, Int128, Int128, Int128, Int128) = (0, 0, 0, 0, 0)
    /// Number of amounts (≤ 5).
    private(set) var count = 0

    init() {}

    /// Appends an amount (at most five).
    mutating func append(_ amount: Int128) {
        switch count {
        case 0: amounts.0 = amount
        case 1: amounts.1 = amount
        case 2: amounts.2 = amount
        case 3: amounts.3 = amount
        default: precondition(count == 4, "TaxAmounts: more than five amounts"); amounts.4 = amount
        }
        count += 1
    }

    subscript(index: Int) -> Int128 {
        precondition(index >= 0 && index < count, "TaxAmounts: index out of range")
        switch index {
        case 0: return amounts.0
        case 1: return amounts.1
        case 2: return amounts.2
        case 3: return amounts.3
        default: return amounts.4
        }
    }

    /// Σ amounts.
    var total: Int128 {
        var sum: Int128 = 0
        for index in 0..<count { sum += self[index] }
        return sum
    }
}

/// A list of named amounts, given or listed when read from tax amounts. Equal and hashed as
/// the list it reads as.
struct NamedAmountList: Sendable, Hashable {
    enum Storage: Sendable {
        case list([NamedAmount])
        case taxes(Currency, [LeaseTax.Component], TaxAmounts)
    }
    var storage: Storage

    init(list: [NamedAmount]) { storage = .list(list) }
    /// The amounts named by `components` (the lease's list, shared).
    init(currency: Currency, components: [LeaseTax.Component], taxes: TaxAmounts) { storage = .taxes(currency, components, taxes) }

    /// The amounts by name: one per tax component, in the order of the components.
    var list: [NamedAmount] {
        switch storage {
        case .list(let list): return list
        case .taxes(let currency, let components, let taxes):
            let money = MinorUnits(currency)
            var list: [NamedAmount] = []
            list.reserveCapacity(taxes.count)
            for index in 0..<taxes.count { list.append(NamedAmount(name: components[index].name, amount: money.decimal(taxes[index]))) }
            return list
        }
    }

    static func == (lhs: NamedAmountList, rhs: NamedAmountList) -> Bool { lhs.list == rhs.list }
    func hash(into hasher: inout Hasher) { hasher.combine(list) }
}

/// A fraction's text `p/q`, given or written when read from two integers. Equal and hashed as
/// its text.
struct FractionText: Sendable, Hashable {
    enum Storage: Sendable {
        case text(String)
        case parts(Int128, Int128)
    }
    var storage: Storage

    init(text: String) { storage = .text(text) }
    init(numerator: Int128, denominator: Int128) { storage = .parts(numerator, denominator) }

    var text: String {
        switch storage {
        case .text(let text): return text
        case .parts(let numerator, let denominator): return "\(numerator)/\(denominator)"
        }
    }

    static func == (lhs: FractionText, rhs: FractionText) -> Bool { lhs.text == rhs.text }
    func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// One period of the lease schedule.
///
/// ```swift
/// quote.schedule?.last?.balance   // the residual
/// ```
public struct LeaseScheduleRow: Sendable, Hashable {
    /// The payment's number, from 1.
    public var number: Int
    /// The payment's date, when the lease has dates.
    public var date: CivilDate?
    /// The base payment of the period.
    public var payment: ExactDecimal
    /// The part of the payment that repays depreciation.
    public var depreciation: ExactDecimal
    /// The part of the payment that is rent charge.
    public var rentCharge: ExactDecimal
    /// The balance after the payment; it ends at the residual.
    public var balance: ExactDecimal
}
