// DealFinance — exact deal finance. DealEngine: the retail Payment Breakdown (result).

import DealDecimal

/// The Payment Breakdown of a ``RetailLoan``: every line of Documentation/Reference/Loan.md's result.
///
/// Money is in the deal's currency with exactly its minor-unit decimals. Lines that do not
/// apply are `nil` (and omitted from JSON). Documentation/RetailLoan.md defines each line.
///
/// ```swift
/// let quote = try RetailLoan(sellingPrice: try ExactDecimal(parsing: "30000.00"),
///                            apr: try ExactDecimal(parsing: "6"), term: 60).quote()
/// quote.periodicPayment.total   // 579.98
/// quote.totalOfPayments         // 34799.09
/// ```
public struct LoanQuote: Sendable, Hashable {
    /// The currency of every amount.
    public var currency: Currency
    /// Agreed price.
    public var sellingPrice: ExactDecimal
    /// List price, when given.
    public var msrp: ExactDecimal?
    /// Σ add-ons.
    public var addOnsTotal: ExactDecimal
    /// Σ F&I products.
    public var productsTotal: ExactDecimal
    /// Σ financed fees.
    public var feesFinanced: ExactDecimal
    /// Σ fees paid at signing.
    public var feesDueAtSigning: ExactDecimal
    /// Σ trade-in allowances (nil without trade-ins).
    public var tradeInAllowance: ExactDecimal?
    /// Σ trade-in payoffs (nil without trade-ins).
    public var tradeInPayoff: ExactDecimal?
    /// Allowance − payoff, signed (nil without trade-ins).
    public var tradeInEquity: ExactDecimal?
    /// The amount sales tax is charged on (nil without tax).
    public var taxableAmount: ExactDecimal?
    /// Sales tax (nil without tax).
    public var salesTax: ExactDecimal?
    /// Price + add-ons + products + financed fees + negative equity + financed tax.
    public var financedAmount: ExactDecimal
    /// Cash down + positive equity + rebates.
    public var capitalizedCostReduction: ExactDecimal
    /// Financed amount − capitalized cost reduction: the principal the payments amortize.
    public var netFinancedAmount: ExactDecimal
    /// Σ fees marked as prepaid finance charges.
    public var prepaidFinanceCharges: ExactDecimal
    /// TILA amount financed: net financed amount − prepaid finance charges.
    public var amountFinanced: ExactDecimal
    /// max(0, cash down + rebates + trade equity).
    public var disclosedDownPayment: ExactDecimal
    /// The contract rate, percent.
    public var apr: ExactDecimal
    /// The exact periodic rate.
    public var periodicRate: PeriodicRate
    /// The regular payment: net, tax (0 for retail), total.
    public var periodicPayment: PaymentParts
    /// Payment 1 when it differs from the regular payment (odd days added to it).
    public var firstPayment: ExactDecimal?
    /// Number of regular payments.
    public var numberOfPayments: Int
    /// The last regular payment, after the schedule's cent residue.
    public var finalPayment: ExactDecimal
    /// The balloon (nil without).
    public var balloon: ExactDecimal?
    /// Total of payments − amount financed.
    public var financeCharge: ExactDecimal
    /// Σ scheduled payments + balloon.
    public var totalOfPayments: ExactDecimal
    /// Total of payments + disclosed down payment + amounts paid at signing toward the sale.
    public var totalSalePrice: ExactDecimal
    /// What the customer pays at signing, itemized.
    public var dueAtSigning: DueAtSigning
    /// Date of payment 1 (nil without dates).
    public var firstPaymentDate: CivilDate?
    /// Date of the last scheduled payment (nil without dates).
    public var maturityDate: CivilDate?
    /// The amortization schedule when requested.
    public var schedule: [ScheduleRow]?
    /// Whether the payment needed the exact wide-integer fallback (diagnostics).
    public var paymentUsedExactFallback: Bool
    /// Whole periods and odd days from the contract date to the first payment (1, 0 without dates).
    public var firstPeriod: FirstPeriod
    /// Cash down payment.
    public var downPayment: ExactDecimal
    /// Σ rebates.
    public var rebatesTotal: ExactDecimal
    /// The payment frequency.
    public var frequency: PaymentFrequency
    /// Arrears or advance.
    public var paymentTiming: PaymentTiming
    /// How the odd first period was treated.
    public var oddDays: OddDaysTreatment
    /// The rounding profile applied.
    public var rounding: RoundingProfile
    /// The level-payment problem the payment solves (for the unrounded value and diagnostics).
    public var paymentProblem: LevelPayment
    /// The contract date, when given.
    public var contractDate: CivilDate? = nil
    /// The add-ons, itemized at the currency's minor units, with their pre-installed mark
    /// (empty without add-ons).
    public var addOns: [LineItem] = []
    /// Σ pre-installed add-ons (nil when none is pre-installed); part of ``addOnsTotal``.
    public var preInstalledAddOnsTotal: ExactDecimal? = nil

    /// The exact level payment before rounding, with at least 20 significant digits (under the
    /// profile: with the balloon one period later when it defers it).
    ///
    /// ```swift
    /// try quote.unroundedPayment.description   // "436.6560305885583676706087"
    /// ```
    /// - Throws: ``DealError`` as ``LevelPayment/unroundedPayment(minorUnitDigits:significantDigits:)``
    ///   for a ``paymentProblem`` changed outside its range, `overflow` as the profile's balloon timing.
    public var unroundedPayment: ExactDecimal {
        get throws(DealError) {
            try paymentProblem.checkInputs()
            let (timed, divisor) = try rounding.balloonTimed(paymentProblem)
            let digits = currency.minorUnitDigits
            if let proven = timed.provenUnrounded(dividedBy: divisor, minorUnitDigits: digits, significantDigits: 20) { return proven }
            let (numerator, denominator) = try rounding.exactPayment(paymentProblem)
            return try LevelPayment.decimal(numerator, denominator, minorUnitDigits: digits, significantDigits: 20)
        }
    }
}

/// A periodic payment split into its net part and its tax.
///
/// ```swift
/// quote.periodicPayment.net   // 436.66
/// ```
public struct PaymentParts: Sendable, Hashable {
    /// Payment before tax.
    public var net: ExactDecimal
    /// Tax on the payment.
    public var tax: ExactDecimal
    /// net + tax.
    public var total: ExactDecimal
}

/// Amounts due at signing with their total.
///
/// ```swift
/// quote.dueAtSigning.items.map(\.name)   // ["Cash down payment", "Title"]
/// ```
public struct DueAtSigning: Sendable, Hashable {
    /// Σ items.
    public var total: ExactDecimal
    /// Each amount by name.
    ///
    /// A quote keeps the few minor-unit amounts these come from and lists them when read, so
    /// that computing a quote allocates no array for them; setting it stores the list given.
    public var items: [NamedAmount] {
        get {
            switch storage {
            case .list(let items): return items
            case .loan(let parts): return parts.items
            }
        }
        set { storage = .list(newValue) }
    }

    var storage: Storage

    enum Storage: Sendable {
        case list([NamedAmount])
        case loan(LoanParts)
    }

    /// What a retail loan's items are listed from, in this order: cash down (if above zero), each
    /// fee paid at signing (the loan's own fee list, shared, not copied), the sales tax paid at
    /// signing (if above zero), and payment 1 (payments in advance).
    struct LoanParts: Sendable {
        var currency: Currency
        var cashDown: Int128
        /// The loan's fees, every one validated by the quote (``MinorUnits/validatedAmount(_:)``).
        var fees: [Fee]
        var taxAtSigning: Int128
        var firstPayment: Int128?

        var items: [NamedAmount] {
            let money = MinorUnits(currency)
            var items: [NamedAmount] = []
            if cashDown > 0 { items.append(NamedAmount(name: "Cash down payment", amount: money.decimal(cashDown))) }
            for fee in fees where !fee.financed {
                // The quote that made these parts validated every fee of this list.
                let amount = money.validatedAmount(fee.amount)
                items.append(NamedAmount(name: fee.name, amount: money.decimal(amount)))
            }
            if taxAtSigning > 0 { items.append(NamedAmount(name: "Sales tax", amount: money.decimal(taxAtSigning))) }
            if let firstPayment { items.append(NamedAmount(name: "First payment", amount: money.decimal(firstPayment))) }
            return items
        }
    }

    init(total: ExactDecimal, items: [NamedAmount]) {
        self.total = total
        storage = .list(items)
    }

    init(total: ExactDecimal, parts: LoanParts) {
        self.total = total
        storage = .loan(parts)
    }

    public static func == (lhs: DueAtSigning, rhs: DueAtSigning) -> Bool {
        lhs.total == rhs.total && lhs.items == rhs.items
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(total)
        hasher.combine(items)
    }
}

/// A name and an amount.
///
/// ```swift
/// NamedAmount(name: "First payment", amount: try ExactDecimal(parsing: "434.48"))
/// ```
public struct NamedAmount: Sendable, Hashable {
    /// The name.
    public var name: String
    /// The amount.
    public var amount: ExactDecimal
    /// Creates a named amount.
    ///
    /// ```swift
    /// NamedAmount(name: "Sales tax", amount: .zero)
    /// ```
    public init(name: String, amount: ExactDecimal) {
        self.name = name
        self.amount = amount
    }
}

/// One row of the amortization schedule.
///
/// ```swift
/// quote.schedule?[59].balance   // 10000.00 (ends at the balloon)
/// ```
public struct ScheduleRow: Sendable, Hashable {
    /// 1-based payment number (the balloon of an advance loan is row n + 1).
    public var number: Int
    /// Due date when the deal has dates.
    public var date: CivilDate?
    /// Amount paid.
    public var payment: ExactDecimal
    /// Interest part.
    public var interest: ExactDecimal
    /// Principal part.
    public var principal: ExactDecimal
    /// Balance after the payment.
    public var balance: ExactDecimal
}

/// Time from the contract date to the first payment in unit periods (Reg Z Appendix J).
///
/// ```swift
/// FirstPeriod.regular   // 1 whole period, 0 odd days
/// ```
public struct FirstPeriod: Sendable, Hashable {
    /// Whole unit periods.
    public var wholePeriods: Int
    /// Odd days beyond them.
    public var oddDays: Int
    /// Days per unit period (denominator of the odd fraction).
    public var daysPerUnitPeriod: Int
    /// One whole period, no odd days.
    public static let regular = FirstPeriod(wholePeriods: 1, oddDays: 0, daysPerUnitPeriod: 30)
    /// Whether the first period is exactly one unit period.
    public var isRegular: Bool { wholePeriods == 1 && oddDays == 0 }
}
