//===--- LoanOracle.swift -------------------------------------*- swift -*-===//
//
// This source file is part of the DealFinance open source project.
// Test support only: an independent, exact implementation of
// Documentation/RetailLoan.md with GMP rationals. Plain integers in and out;
// it never calls the engine.
//
//===----------------------------------------------------------------------===//

/// The inputs of a retail loan (RetailLoan.md § Inputs), money in minor units.
///
/// Dates are not needed: pass the counted whole periods `t`, odd days and the
/// days of a unit period instead.
///
///     var deal = OracleLoanInput(sellingPriceMinor: 30_000_00, aprText: "6", term: 60)
///     deal.balloon = .amount(10_000_00)
///     LoanOracle.quote(deal).payment   // 436_66
public struct OracleLoanInput: Sendable, Equatable {
  /// An add-on or F&I product.
  public struct Item: Sendable, Equatable {
    public var name: String
    public var amountMinor: Int
    public var taxable: Bool
    public init(name: String, amountMinor: Int, taxable: Bool) {
      self.name = name; self.amountMinor = amountMinor; self.taxable = taxable
    }
    /// An add-on: taxable by default.
    public static func addOn(_ name: String, _ amountMinor: Int, taxable: Bool = true) -> Item {
      Item(name: name, amountMinor: amountMinor, taxable: taxable)
    }
    /// An F&I product: not taxable by default.
    public static func product(_ name: String, _ amountMinor: Int, taxable: Bool = false) -> Item {
      Item(name: name, amountMinor: amountMinor, taxable: taxable)
    }
  }

  /// A fee with the documented defaults: not taxable, financed, not a prepaid finance charge.
  public struct Fee: Sendable, Equatable {
    public var name: String
    public var amountMinor: Int
    public var taxable: Bool
    public var financed: Bool
    public var prepaidFinanceCharge: Bool
    public init(name: String, amountMinor: Int, taxable: Bool = false, financed: Bool = true,
                prepaidFinanceCharge: Bool = false) {
      self.name = name; self.amountMinor = amountMinor; self.taxable = taxable
      self.financed = financed; self.prepaidFinanceCharge = prepaidFinanceCharge
    }
  }

  public struct TradeIn: Sendable, Equatable {
    public var allowanceMinor: Int
    public var payoffMinor: Int
    public init(allowanceMinor: Int, payoffMinor: Int = 0) {
      self.allowanceMinor = allowanceMinor; self.payoffMinor = payoffMinor
    }
  }

  public struct Rebate: Sendable, Equatable {
    public var name: String
    public var amountMinor: Int
    public init(name: String, amountMinor: Int) { self.name = name; self.amountMinor = amountMinor }
  }

  /// Sales tax; `rateText` in percent.
  public struct Tax: Sendable, Equatable {
    public var rateText: String
    public var financed: Bool
    public var tradeInCredit: Bool
    public var rebatesReduceTaxBase: Bool
    public init(rateText: String, financed: Bool = true, tradeInCredit: Bool = true,
                rebatesReduceTaxBase: Bool = false) {
      self.rateText = rateText; self.financed = financed
      self.tradeInCredit = tradeInCredit; self.rebatesReduceTaxBase = rebatesReduceTaxBase
    }
  }

  public enum Balloon: Sendable, Equatable {
    case amount(Int)
    /// Percent (decimal text) of `msrpMinor`, which must be given.
    case percentOfMsrp(String)
    /// Percent (decimal text) of the selling price.
    case percentOfSellingPrice(String)
  }

  public enum Timing: Sendable, Equatable { case arrears, advance }

  public enum OddDays: Sendable, Equatable { case spread, firstPayment, ignore }

  public var sellingPriceMinor: Int
  public var msrpMinor: Int? = nil
  public var addOns: [Item] = []
  public var products: [Item] = []
  public var fees: [Fee] = []
  public var tradeIns: [TradeIn] = []
  public var downPaymentMinor: Int = 0
  public var rebates: [Rebate] = []
  /// `nil`: no sales tax (the flags then take their defaults for `taxableAmount`).
  public var tax: Tax? = nil
  public var aprText: String
  public var term: Int
  /// m: 12 monthly, 24 semimonthly, 26 biweekly, 52 weekly, 4, 2, 1.
  public var periodsPerYear: Int = 12
  public var timing: Timing = .arrears
  public var balloon: Balloon? = nil
  public var oddDays: OddDays = .spread
  /// t: whole periods from the contract date to the first payment (1 without dates).
  public var wholePeriodsToFirstPayment: Int = 1
  /// The odd days beyond the whole periods (0 without dates).
  public var oddDayCount: Int = 0
  /// The days of a unit period in Reg Z Appendix J (30 for monthly).
  public var daysPerUnitPeriod: Int = 30

  public init(sellingPriceMinor: Int, aprText: String, term: Int) {
    self.sellingPriceMinor = sellingPriceMinor; self.aprText = aprText; self.term = term
  }
}

/// One schedule row, in minor units.
public struct OracleScheduleRow: Sendable, Equatable, CustomStringConvertible {
  public var number: Int
  public var payment: Int
  public var interest: Int
  public var principal: Int
  public var balance: Int
  public init(number: Int, payment: Int, interest: Int, principal: Int, balance: Int) {
    self.number = number; self.payment = payment; self.interest = interest
    self.principal = principal; self.balance = balance
  }
  public var description: String { "#\(number) \(payment) = \(interest) + \(principal) → \(balance)" }
}

/// Every line of RetailLoan.md's table, money in minor units.
public struct OracleLoanQuote: Sendable, Equatable {
  public struct DueItem: Sendable, Equatable {
    public var name: String
    public var amountMinor: Int
    public init(name: String, amountMinor: Int) { self.name = name; self.amountMinor = amountMinor }
  }
  public var sellingPrice = 0
  public var addOnsTotal = 0
  public var productsTotal = 0
  public var feesFinanced = 0
  public var feesDueAtSigning = 0
  public var tradeInAllowance = 0
  public var tradeInPayoff = 0
  public var tradeInEquity = 0
  public var taxableAmount = 0
  public var salesTax = 0
  public var financedAmount = 0
  public var capitalizedCostReduction = 0
  public var netFinancedAmount = 0
  public var prepaidFinanceCharges = 0
  public var amountFinanced = 0
  public var disclosedDownPayment = 0
  public var balloon = 0
  /// i = apr / 100 / m, exactly.
  public var periodicRate: Rational = 0
  /// P*, exactly, in minor units.
  public var exactPayment: Rational = 0
  /// `periodicPayment.net` = round(P*).
  public var payment = 0
  /// `periodicPayment.tax`: always 0 for a retail loan.
  public var paymentTax = 0
  public var numberOfPayments = 0
  /// Payment of schedule row 1 (differs from `payment` with `oddDays: firstPayment`).
  public var firstPayment = 0
  /// The last regular payment (row n), which absorbs the residue.
  public var finalPayment = 0
  public var totalOfPayments = 0
  public var financeCharge = 0
  public var totalSalePrice = 0
  public var dueAtSigning: [DueItem] = []
  public var dueAtSigningTotal = 0
  /// Rows 1…n, plus row n + 1 (the balloon) in advance with a balloon.
  public var schedule: [OracleScheduleRow] = []
}

/// The exact retail-loan oracle: RetailLoan.md computed with GMP rationals.
///
///     LoanOracle.roundedPayment(amountMinor: 30_000_00, balloonMinor: 0, aprText: "6",
///                               periodsPerYear: 12, numberOfPayments: 60, advance: false)
///     // 579_98
public enum LoanOracle {
  /// i = apr / 100 / m exactly.
  ///
  ///     LoanOracle.periodicRate(aprText: "6", periodsPerYear: 12).description   // "1/200"
  public static func periodicRate(aprText: String, periodsPerYear m: Int) -> Rational {
    guard let apr = Rational(aprText) else { preconditionFailure("LoanOracle: apr \"\(aprText)\" is not a decimal") }
    precondition(m >= 1, "LoanOracle: periodsPerYear must be ≥ 1")
    return apr / Rational(100 * m)
  }

  /// P* of RetailLoan.md in minor units, exactly.
  ///
  /// `spread` selects `A' = A·(1 + φ·i)·(1 + i)^(t − 1)` with φ = oddDays /
  /// daysPerUnitPeriod; otherwise `A' = A`. For i = 0, `(A − B) / n`.
  /// The caller passes `t = 1, oddDays = 0` for advance payments and for
  /// `oddDays: ignore` (``quote(_:)`` does).
  public static func exactPayment(
    amountMinor: Int, balloonMinor: Int, aprText: String, periodsPerYear: Int,
    numberOfPayments n: Int, advance: Bool, wholePeriodsToFirstPayment t: Int = 1,
    oddDays: Int = 0, daysPerUnitPeriod: Int = 30, spread: Bool = true
  ) -> Rational {
    precondition(n >= 1, "LoanOracle: numberOfPayments must be ≥ 1")
    precondition(daysPerUnitPeriod > 0, "LoanOracle: daysPerUnitPeriod must be > 0")
    let i = periodicRate(aprText: aprText, periodsPerYear: periodsPerYear)
    let a = Rational(amountMinor), b = Rational(balloonMinor)
    if i.isZero { return (a - b) / Rational(n) }
    let one: Rational = 1
    let growth = one + i
    let phi = Rational(numerator: oddDays, denominator: daysPerUnitPeriod)
    let aPrime = spread ? a * (one + phi * i) * growth.power(t - 1) : a
    let gn = growth.power(n)
    let arrears = (aPrime * gn - b) * i / (gn - one)
    return advance ? arrears / growth : arrears
  }

  /// P* rounded half-up (ties away from zero) to minor units.
  public static func roundedPayment(
    amountMinor: Int, balloonMinor: Int, aprText: String, periodsPerYear: Int,
    numberOfPayments n: Int, advance: Bool, wholePeriodsToFirstPayment t: Int = 1,
    oddDays: Int = 0, daysPerUnitPeriod: Int = 30, spread: Bool = true
  ) -> Int {
    exactPayment(amountMinor: amountMinor, balloonMinor: balloonMinor, aprText: aprText,
                 periodsPerYear: periodsPerYear, numberOfPayments: n, advance: advance,
                 wholePeriodsToFirstPayment: t, oddDays: oddDays,
                 daysPerUnitPeriod: daysPerUnitPeriod, spread: spread)
      .rounded(rule: .halfUp).intValue
  }

  /// The first input field RetailLoan.md's validation would reject for a
  /// numeric reason (`"downPayment"`, `"balloon"`, `"term"`, `"apr"`,
  /// `"sellingPrice"`), or `nil` when ``quote(_:)`` accepts the deal.
  public static func violation(_ input: OracleLoanInput) -> String? {
    guard let apr = Rational(input.aprText), apr.sign >= 0, apr <= 100 else { return "apr" }
    if !(1...1200).contains(input.term) { return "term" }
    if input.sellingPriceMinor <= 0 || input.sellingPriceMinor > 99_999_999_999_999 { return "sellingPrice" }
    if case .percentOfMsrp = input.balloon, input.msrpMinor == nil { return "balloon" }
    let lines = lines(input)
    if lines.netFinancedAmount <= 0 { return "downPayment" }
    if lines.balloon < 0 || lines.balloon >= lines.netFinancedAmount { return "balloon" }
    return nil
  }

  /// Every line and the schedule of RetailLoan.md for `input`, which must be
  /// valid (``violation(_:)`` is `nil`).
  public static func quote(_ input: OracleLoanInput) -> OracleLoanQuote {
    if let field = violation(input) { preconditionFailure("LoanOracle.quote: invalid \(field)") }
    var quote = lines(input)
    let n = input.term
    let advance = input.timing == .advance
    // Without odd days (advance, ignore): t = 1, φ = 0.
    let plain = advance || input.oddDays == .ignore
    let t = plain ? 1 : input.wholePeriodsToFirstPayment
    let phi = plain ? Rational(0)
      : Rational(numerator: input.oddDayCount, denominator: input.daysPerUnitPeriod)
    let i = periodicRate(aprText: input.aprText, periodsPerYear: input.periodsPerYear)
    let a = quote.netFinancedAmount, b = quote.balloon
    quote.periodicRate = i
    quote.numberOfPayments = n
    quote.exactPayment = exactPayment(
      amountMinor: a, balloonMinor: b, aprText: input.aprText,
      periodsPerYear: input.periodsPerYear, numberOfPayments: n, advance: advance,
      wholePeriodsToFirstPayment: t, oddDays: plain ? 0 : input.oddDayCount,
      daysPerUnitPeriod: input.daysPerUnitPeriod, spread: input.oddDays == .spread)
    let p = round(quote.exactPayment)
    quote.payment = p
    quote.schedule = schedule(a: a, b: b, i: i, n: n, payment: p, advance: advance,
                              oddDays: input.oddDays, t: t, phi: phi)
    quote.firstPayment = quote.schedule[0].payment
    quote.finalPayment = quote.schedule[n - 1].payment
    quote.totalOfPayments = quote.schedule[0..<n].reduce(0) { $0 + $1.payment } + b
    quote.financeCharge = quote.totalOfPayments - quote.amountFinanced
    let taxFinanced = input.tax?.financed ?? true
    quote.totalSalePrice = quote.totalOfPayments + quote.disclosedDownPayment
      + quote.feesDueAtSigning + (taxFinanced ? 0 : quote.salesTax)
    var due: [OracleLoanQuote.DueItem] = []
    if input.downPaymentMinor > 0 { due.append(.init(name: "Cash down payment", amountMinor: input.downPaymentMinor)) }
    for fee in input.fees where !fee.financed { due.append(.init(name: fee.name, amountMinor: fee.amountMinor)) }
    if !taxFinanced && quote.salesTax > 0 { due.append(.init(name: "Sales tax", amountMinor: quote.salesTax)) }
    // Advance: the payment actually made at signing, schedule row 1 — P, except for n = 1,
    // where row 1 is the final regular payment and absorbs the residue.
    if advance { due.append(.init(name: "First payment", amountMinor: quote.schedule[0].payment)) }
    quote.dueAtSigning = due
    quote.dueAtSigningTotal = due.reduce(0) { $0 + $1.amountMinor }
    return quote
  }

  /// The lines before the payment: totals, tax, A, B (no validation).
  static func lines(_ input: OracleLoanInput) -> OracleLoanQuote {
    var q = OracleLoanQuote()
    let tax = input.tax ?? OracleLoanInput.Tax(rateText: "0")
    let s = input.sellingPriceMinor
    q.sellingPrice = s
    q.addOnsTotal = input.addOns.reduce(0) { $0 + $1.amountMinor }
    q.productsTotal = input.products.reduce(0) { $0 + $1.amountMinor }
    q.feesFinanced = input.fees.filter(\.financed).reduce(0) { $0 + $1.amountMinor }
    q.feesDueAtSigning = input.fees.filter { !$0.financed }.reduce(0) { $0 + $1.amountMinor }
    q.tradeInAllowance = input.tradeIns.reduce(0) { $0 + $1.allowanceMinor }
    q.tradeInPayoff = input.tradeIns.reduce(0) { $0 + $1.payoffMinor }
    let e = q.tradeInAllowance - q.tradeInPayoff
    q.tradeInEquity = e
    let rebates = input.rebates.reduce(0) { $0 + $1.amountMinor }
    let taxableBase = s
      + input.addOns.filter(\.taxable).reduce(0) { $0 + $1.amountMinor }
      + input.products.filter(\.taxable).reduce(0) { $0 + $1.amountMinor }
      + input.fees.filter(\.taxable).reduce(0) { $0 + $1.amountMinor }
      - (tax.tradeInCredit ? q.tradeInAllowance : 0)
      - (tax.rebatesReduceTaxBase ? rebates : 0)
    q.taxableAmount = max(0, taxableBase)
    guard let rate = Rational(tax.rateText) else { preconditionFailure("LoanOracle: tax rate \"\(tax.rateText)\" is not a decimal") }
    q.salesTax = input.tax == nil ? 0 : round(Rational(q.taxableAmount) * rate / 100)
    q.financedAmount = s + q.addOnsTotal + q.productsTotal + q.feesFinanced + max(0, -e)
      + (tax.financed ? q.salesTax : 0)
    q.capitalizedCostReduction = input.downPaymentMinor + max(0, e) + rebates
    q.netFinancedAmount = q.financedAmount - q.capitalizedCostReduction
    q.prepaidFinanceCharges = input.fees.filter(\.prepaidFinanceCharge).reduce(0) { $0 + $1.amountMinor }
    q.amountFinanced = q.netFinancedAmount - q.prepaidFinanceCharges
    q.disclosedDownPayment = max(0, input.downPaymentMinor + rebates + e)
    switch input.balloon {
    case nil: q.balloon = 0
    case .amount(let amount)?: q.balloon = amount
    case .percentOfMsrp(let pct)?:
      q.balloon = round(Rational(input.msrpMinor ?? 0) * percent(pct) / 100)
    case .percentOfSellingPrice(let pct)?:
      q.balloon = round(Rational(s) * percent(pct) / 100)
    }
    return q
  }

  /// The `standard` schedule of RetailLoan.md § The schedule.
  static func schedule(a: Int, b: Int, i: Rational, n: Int, payment p: Int, advance: Bool,
                       oddDays: OracleLoanInput.OddDays, t: Int, phi: Rational) -> [OracleScheduleRow] {
    let one: Rational = 1
    let growth = one + i
    var rows: [OracleScheduleRow] = []
    rows.reserveCapacity(n + 1)
    var balance = a
    for k in 1...n {
      let interest: Int
      if advance {
        interest = k == 1 ? 0 : round(Rational(balance) * i)
      } else if k == 1 {
        switch oddDays {
        case .spread: interest = round(Rational(a) * ((one + phi * i) * growth.power(t) - one))
        case .firstPayment: interest = round(Rational(a) * i * (Rational(t) + phi))
        case .ignore: interest = round(Rational(a) * i)
        }
      } else {
        interest = round(Rational(balance) * i)
      }
      let payment: Int, end: Int
      if k == n {
        end = advance ? (b > 0 ? round(Rational(b) / growth) : 0) : b
        payment = balance + interest - end
      } else {
        payment = (!advance && k == 1 && oddDays == .firstPayment)
          ? p + interest - round(Rational(a) * i) : p
        end = balance - (payment - interest)
      }
      rows.append(OracleScheduleRow(number: k, payment: payment, interest: interest,
                                    principal: payment - interest, balance: end))
      balance = end
    }
    if advance && b > 0 {
      rows.append(OracleScheduleRow(number: n + 1, payment: b, interest: b - balance,
                                    principal: balance, balance: 0))
    }
    return rows
  }

  /// round(x): half-up (ties away from zero) to an integer.
  static func round(_ x: Rational) -> Int { x.rounded(rule: .halfUp).intValue }

  private static func percent(_ text: String) -> Rational {
    guard let p = Rational(text) else { preconditionFailure("LoanOracle: percent \"\(text)\" is not a decimal") }
    return p
  }
}

extension OracleLoanInput {
  /// A random valid deal (see ``SeededGenerator``): realistic prices, rates
  /// with 0–3 decimals, terms up to `maxTerm`, every frequency, sometimes a
  /// balloon, advance payments, trade-ins, fees, tax, odd days.
  public static func random(using g: inout SeededGenerator, maxTerm: Int = 96) -> OracleLoanInput {
    while true {
      var d = OracleLoanInput(sellingPriceMinor: g.moneyMinor(in: 3_000_00...150_000_00),
                              aprText: g.aprText(), term: g.term(max: maxTerm))
      d.periodsPerYear = g.periodsPerYear()
      if g.chance(1, in: 2) { d.msrpMinor = d.sellingPriceMinor + g.moneyMinor(in: 0...5_000_00) }
      if g.chance(1, in: 3) { d.addOns.append(.addOn("Accessories", g.moneyMinor(in: 100_00...3_000_00), taxable: g.chance(4, in: 5))) }
      if g.chance(1, in: 3) { d.products.append(.product("Service contract", g.moneyMinor(in: 500_00...4_000_00))) }
      if g.chance(1, in: 2) {
        d.fees.append(.init(name: "Documentation fee", amountMinor: g.moneyMinor(in: 0...900_00),
                            taxable: g.chance(1, in: 3), financed: g.chance(2, in: 3),
                            prepaidFinanceCharge: g.chance(1, in: 4)))
      }
      if g.chance(1, in: 3) {
        d.tradeIns.append(.init(allowanceMinor: g.moneyMinor(in: 0...30_000_00),
                                payoffMinor: g.chance(1, in: 2) ? g.moneyMinor(in: 0...35_000_00) : 0))
      }
      if g.chance(1, in: 2) { d.downPaymentMinor = g.moneyMinor(in: 0...10_000_00) }
      if g.chance(1, in: 4) { d.rebates.append(.init(name: "Rebate", amountMinor: g.moneyMinor(in: 0...3_000_00))) }
      if g.chance(2, in: 3) {
        d.tax = .init(rateText: g.aprText(maxPercent: 10, maxDecimals: 3), financed: g.chance(3, in: 4),
                      tradeInCredit: g.chance(4, in: 5), rebatesReduceTaxBase: g.chance(1, in: 4))
      }
      if g.chance(1, in: 4) { d.timing = .advance }
      switch g.int(in: 0...7) {
      case 0: d.balloon = .amount(g.moneyMinor(in: 0...20_000_00))
      case 1: d.balloon = .percentOfSellingPrice(g.percentText(in: 10...50))
      case 2 where d.msrpMinor != nil: d.balloon = .percentOfMsrp(g.percentText(in: 10...50))
      default: break
      }
      if d.timing == .arrears && g.chance(1, in: 3) {
        d.oddDays = g.element(of: [.spread, .firstPayment, .ignore])
        d.wholePeriodsToFirstPayment = g.int(in: 0...1)
        let days = [12: 30, 24: 15, 26: 14, 52: 7, 4: 90, 2: 180, 1: 365][d.periodsPerYear] ?? 30
        d.daysPerUnitPeriod = days
        d.oddDayCount = g.int(in: (d.wholePeriodsToFirstPayment == 0 ? 1 : 0)...(days - 1))
      }
      if LoanOracle.violation(d) == nil { return d }
    }
  }
}
