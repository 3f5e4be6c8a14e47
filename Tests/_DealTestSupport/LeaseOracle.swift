//===--- LeaseOracle.swift ------------------------------------*- swift -*-===//
//
// This source file is part of the DealFinance open source project.
// Test support only: an independent, exact implementation of
// Documentation/Lease.md with GMP rationals. Plain integers and decimal texts
// in, minor units and rationals out; it never calls the engine.
//
//===----------------------------------------------------------------------===//

/// The inputs of a closed-end lease (Lease.md § Inputs), money in minor units,
/// rates and percents as decimal text.
///
///     var lease = OracleLeaseInput(sellingPriceMinor: 37_000_00, residual: .percent("58"),
///                                  rate: .moneyFactor("0.00250"), term: 36)
///     lease.msrpMinor = 40_000_00
///     lease.fees = [.init(name: "Acquisition fee", amountMinor: 895_00)]
///     lease.downPaymentMinor = 2_000_00
///     lease.rebates = [.init(name: "Lease cash", amountMinor: 1_000_00)]
///     lease.tax = .init(rateText: "7")
///     LeaseOracle.quote(lease)?.totalPayment   // 503_01
public struct OracleLeaseInput: Sendable, Equatable, CustomStringConvertible {
  public struct AddOn: Sendable, Equatable {
    public var name: String
    public var amountMinor: Int
    public var taxable: Bool
    public var residualized: Bool
    /// Its own residual percent; nil = the vehicle's `residual.percent`.
    public var residualPercentText: String?
    public init(name: String, amountMinor: Int, taxable: Bool = true, residualized: Bool = false,
                residualPercentText: String? = nil) {
      self.name = name; self.amountMinor = amountMinor; self.taxable = taxable
      self.residualized = residualized; self.residualPercentText = residualPercentText
    }
  }

  /// An F&I product (not taxable by default).
  public struct Product: Sendable, Equatable {
    public var name: String
    public var amountMinor: Int
    public var taxable: Bool
    public init(name: String, amountMinor: Int, taxable: Bool = false) {
      self.name = name; self.amountMinor = amountMinor; self.taxable = taxable
    }
  }

  /// A fee: not taxable and capitalized by default.
  public struct Fee: Sendable, Equatable {
    public var name: String
    public var amountMinor: Int
    public var taxable: Bool
    public var capitalized: Bool
    public init(name: String, amountMinor: Int, taxable: Bool = false, capitalized: Bool = true) {
      self.name = name; self.amountMinor = amountMinor; self.taxable = taxable; self.capitalized = capitalized
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

  public enum Residual: Sendable, Equatable {
    /// Percent (decimal text) of `msrpMinor`.
    case percent(String)
    case amount(Int)
  }

  public enum Rate: Sendable, Equatable {
    /// A plain decimal money factor.
    case moneyFactor(String)
    /// An annual rate in percent.
    case apr(String)
  }

  public enum RateMethod: String, Sendable, Equatable { case moneyFactor, annuity }

  public enum Timing: String, Sendable, Equatable { case advance, arrears }

  public struct SecurityDeposits: Sendable, Equatable {
    public var count: Int
    public var amountMinor: Int
    public init(count: Int = 1, amountMinor: Int) { self.count = count; self.amountMinor = amountMinor }
  }

  public struct MultipleSecurityDeposits: Sendable, Equatable {
    public var count: Int
    /// δ, a plain decimal.
    public var reductionText: String
    /// u in minor units (default 50.00).
    public var roundUpToMinor: Int
    public var maximumCount: Int
    public init(count: Int, reductionText: String, roundUpToMinor: Int = 50_00, maximumCount: Int = 7) {
      self.count = count; self.reductionText = reductionText
      self.roundUpToMinor = roundUpToMinor; self.maximumCount = maximumCount
    }
  }

  public enum DriveOff: Sendable, Equatable {
    /// `downPaymentMinor` is given.
    case downPayment
    /// `zeroDriveOff: true`.
    case zeroDriveOff
    /// `totalCash` in minor units.
    case totalCash(Int)
  }

  public struct Tax: Sendable, Equatable {
    public struct Component: Sendable, Equatable {
      public var name: String
      public var rateText: String
      public init(name: String, rateText: String) { self.name = name; self.rateText = rateText }
    }
    public enum Method: String, Sendable, Equatable { case monthly, upfrontOnPayments, upfrontOnPrice }
    public enum CapitalizedTaxBase: String, Sendable, Equatable { case excludesCappedTax, includesCappedTax }
    public var components: [Component]
    public var method: Method
    public var capitalized: Bool
    public var capitalizedTaxBase: CapitalizedTaxBase
    public var taxCashDown: Bool
    public var tradeInCredit: Bool
    public var rebatesReduceTaxBase: Bool
    public init(components: [Component], method: Method = .monthly, capitalized: Bool = false,
                capitalizedTaxBase: CapitalizedTaxBase = .excludesCappedTax, taxCashDown: Bool = true,
                tradeInCredit: Bool = true, rebatesReduceTaxBase: Bool = false) {
      self.components = components; self.method = method; self.capitalized = capitalized
      self.capitalizedTaxBase = capitalizedTaxBase; self.taxCashDown = taxCashDown
      self.tradeInCredit = tradeInCredit; self.rebatesReduceTaxBase = rebatesReduceTaxBase
    }
    /// A plain `rate`: one component named "Sales tax".
    public init(rateText: String, method: Method = .monthly, capitalized: Bool = false) {
      self.init(components: [Component(name: "Sales tax", rateText: rateText)], method: method, capitalized: capitalized)
    }
  }

  public var msrpMinor: Int? = nil
  public var sellingPriceMinor: Int
  public var addOns: [AddOn] = []
  public var products: [Product] = []
  public var fees: [Fee] = []
  public var tradeIns: [TradeIn] = []
  public var downPaymentMinor: Int = 0
  public var rebates: [Rebate] = []
  public var residual: Residual
  public var rate: Rate
  public var rateMethod: RateMethod = .moneyFactor
  public var term: Int
  /// m: 12, 24, 26, 52, 4, 2, 1.
  public var periodsPerYear: Int = 12
  public var timing: Timing = .advance
  public var securityDeposits: SecurityDeposits? = nil
  public var multipleSecurityDeposits: MultipleSecurityDeposits? = nil
  public var onePay = false
  public var dispositionFeeMinor = 0
  public var driveOff: DriveOff = .downPayment
  public var tax: Tax? = nil
  public var includeSchedule = false
  /// A contract date as days after 2000-01-01 (the oracle does not compute dates; the
  /// property test does, with the calendar).
  public var contractDayOffset: Int? = nil

  public init(sellingPriceMinor: Int, residual: Residual, rate: Rate, term: Int) {
    self.sellingPriceMinor = sellingPriceMinor; self.residual = residual; self.rate = rate; self.term = term
  }

  public var description: String {
    var parts = ["S=\(sellingPriceMinor)"]
    if let msrpMinor { parts.append("M=\(msrpMinor)") }
    parts.append("residual=\(residual)")
    parts.append("rate=\(rate) \(rateMethod.rawValue)")
    parts.append("n=\(term) m=\(periodsPerYear) \(timing.rawValue)\(onePay ? " onePay" : "")")
    if !addOns.isEmpty { parts.append("addOns=\(addOns.map { "\($0.amountMinor)\($0.taxable ? "t" : "")\($0.residualized ? "r\($0.residualPercentText ?? "·")" : "")" })") }
    if !products.isEmpty { parts.append("products=\(products.map { "\($0.amountMinor)\($0.taxable ? "t" : "")" })") }
    if !fees.isEmpty { parts.append("fees=\(fees.map { "\($0.amountMinor)\($0.taxable ? "t" : "")\($0.capitalized ? "c" : "s")" })") }
    if !tradeIns.isEmpty { parts.append("trades=\(tradeIns.map { "\($0.allowanceMinor)-\($0.payoffMinor)" })") }
    if downPaymentMinor != 0 { parts.append("D=\(downPaymentMinor)") }
    if !rebates.isEmpty { parts.append("rebates=\(rebates.map(\.amountMinor))") }
    if let s = securityDeposits { parts.append("SD=\(s.count)x\(s.amountMinor)") }
    if let s = multipleSecurityDeposits { parts.append("MSD=\(s.count)/\(s.maximumCount) δ=\(s.reductionText) u=\(s.roundUpToMinor)") }
    if dispositionFeeMinor != 0 { parts.append("dispo=\(dispositionFeeMinor)") }
    if driveOff != .downPayment { parts.append("\(driveOff)") }
    if let tax {
      parts.append("tax=\(tax.components.map { "\($0.name):\($0.rateText)" }) \(tax.method.rawValue)\(tax.capitalized ? " cap \(tax.capitalizedTaxBase.rawValue)" : "") cashDown=\(tax.taxCashDown) tradeCredit=\(tax.tradeInCredit) rebatesReduce=\(tax.rebatesReduceTaxBase)")
    }
    if includeSchedule { parts.append("schedule") }
    if let contractDayOffset { parts.append("contract+\(contractDayOffset)") }
    return parts.joined(separator: " ")
  }
}

/// Why Lease.md rejects a request: the error code, the path when Lease.md names
/// it, and a reason.
public struct OracleLeaseRejection: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Code: String, Sendable { case invalidArgument = "invalid_argument", unsupported, noSolution = "no_solution" }
  public var code: Code
  /// The path Lease.md names, or nil where it names none.
  public var path: String?
  public var reason: String
  public init(_ code: Code, _ path: String?, _ reason: String) { self.code = code; self.path = path; self.reason = reason }
  public var description: String { "\(code.rawValue) at \(path ?? "?"): \(reason)" }
}

/// A named amount in minor units.
public struct OracleNamedAmount: Sendable, Equatable, CustomStringConvertible {
  public var name: String
  public var amountMinor: Int
  public init(_ name: String, _ amountMinor: Int) { self.name = name; self.amountMinor = amountMinor }
  public var description: String { "\(name)=\(amountMinor)" }
}

/// One lease schedule row, minor units.
public struct OracleLeaseScheduleRow: Sendable, Equatable, CustomStringConvertible {
  public var number: Int
  public var payment: Int
  public var depreciation: Int
  public var rentCharge: Int
  public var balance: Int
  public init(number: Int, payment: Int, depreciation: Int, rentCharge: Int, balance: Int) {
    self.number = number; self.payment = payment; self.depreciation = depreciation
    self.rentCharge = rentCharge; self.balance = balance
  }
  public var description: String { "#\(number) \(payment) = \(depreciation) + \(rentCharge) → \(balance)" }
}

/// Every line of Lease.md, money in minor units, rates as exact rationals.
public struct OracleLeaseQuote: Sendable {
  public var addOnsTotal = 0
  public var productsTotal = 0
  public var feesCapitalized = 0
  public var feesDueAtSigning = 0
  public var rebatesTotal = 0
  /// Only with trade-ins.
  public var tradeInAllowance: Int? = nil
  public var tradeInPayoff: Int? = nil
  public var tradeInEquity: Int? = nil
  /// D, given or solved.
  public var downPayment = 0
  public var downPaymentSolved = false
  /// C (0 for zero drive-off), nil with a given down payment.
  public var totalCash: Int? = nil
  /// X, only when > 0.
  public var capitalizedDriveOff: Int? = nil
  public var grossCapitalizedCost = 0
  public var capitalizedCostReduction = 0
  public var adjustedCapitalizedCost = 0
  public var residualOnVehicle = 0
  /// Only with residualized add-ons.
  public var residualOnAddOns: Int? = nil
  public var residualValue = 0
  public var depreciation = 0
  public var periodicDepreciation = 0
  public var periodicRentCharge = 0
  /// P*(C_a), exact.
  public var exactPayment: Rational = 0
  /// P_b = round(P*(C_a)).
  public var basePayment = 0
  /// τ_c per component (monthly method; 0 otherwise).
  public var paymentTaxes: [OracleNamedAmount] = []
  public var paymentTax = 0
  /// P = P_b + τ.
  public var totalPayment = 0
  public var numberOfPayments = 0
  public var rentCharge = 0
  /// MF' (MF method) or apr/2400 (annuity), exact.
  public var moneyFactor: Rational = 0
  /// MF, with multiple security deposits only.
  public var moneyFactorBeforeDeposits: Rational? = nil
  /// MF' × 2400, MF method only.
  public var equivalentApr: Rational? = nil
  /// Annuity only: the annual rate and i.
  public var apr: Rational? = nil
  public var periodicRate: Rational? = nil
  /// The factor β of P*(C) = P*(0) + β·C.
  public var beta: Rational = 0
  /// Only with deposits.
  public var securityDeposit: Int? = nil
  public var securityDepositEach: Int? = nil
  public var securityDepositCount: Int? = nil
  /// Only with a tax; exact (a rational for the capitalized upfrontOnPayments bases).
  public var upfrontTaxBase: Rational? = nil
  public var upfrontTax: Int? = nil
  public var upfrontTaxes: [OracleNamedAmount]? = nil
  /// Only when the up-front tax is capitalized.
  public var capitalizedTaxes: Int? = nil
  public var disclosedDownPayment = 0
  public var dueAtSigning: [OracleNamedAmount] = []
  public var dueAtSigningTotal = 0
  public var paidBy: [OracleNamedAmount] = []
  public var cashDueAtSigning = 0
  public var dispositionFee = 0
  public var totalOfPayments = 0
  /// Rows 1…q when `includeSchedule`.
  public var schedule: [OracleLeaseScheduleRow]? = nil
}

/// The exact lease oracle: Lease.md computed with GMP rationals.
public enum LeaseOracle {
  /// Every line of Lease.md for `input`, or nil where Lease.md rejects it
  /// (``evaluate(_:)`` gives the reason).
  public static func quote(_ input: OracleLeaseInput) -> OracleLeaseQuote? {
    if case .success(let q) = evaluate(input) { return q }
    return nil
  }

  /// Every line of Lease.md for `input`, or why Lease.md rejects it.
  public static func evaluate(_ input: OracleLeaseInput) -> Result<OracleLeaseQuote, OracleLeaseRejection> {
    do { return .success(try Model(input).quote()) } catch let rejection as OracleLeaseRejection {
      return .failure(rejection)
    } catch { preconditionFailure("LeaseOracle: \(error)") }
  }

  /// round(x): half-up (ties away from zero) to an integer.
  public static func round(_ x: Rational) -> Int { x.rounded(rule: .halfUp).intValue }

  static func decimal(_ text: String) -> Rational {
    guard let r = Rational(text) else { preconditionFailure("LeaseOracle: \"\(text)\" is not a decimal") }
    return r
  }

  /// The decimals of a plain decimal text.
  static func decimals(_ text: String) -> Int {
    guard let dot = text.firstIndex(of: ".") else { return 0 }
    return text.distance(from: dot, to: text.endIndex) - 1
  }

  /// Lease.md's printing of a money factor: exact with ≤ 24 decimals, else 24
  /// significant digits half-even.
  public static func printedMoneyFactor(_ mf: Rational) -> Rational {
    if (mf * Rational(10).power(24)).isInteger { return mf }
    return decimal(mf.decimalText(significantDigits: 24, rule: .halfEven))
  }

  /// The request's derived inputs (Lease.md § Derived inputs) and the line
  /// computation for given D and X.
  struct Model {
    typealias Rejection = OracleLeaseRejection
    let input: OracleLeaseInput
    let s: Int, ao: Int, pr: Int, fc: Int, fs: Int, rb: Int
    let allowance: Int, payoff: Int, e: Int, ePlus: Int, eMinus: Int
    let rV: Int, rA: Int, r: Int
    let n: Int, q: Int, m: Int
    let advance: Bool
    /// MF method: MF, MF', F. Annuity: i.
    let mf: Rational, mfPrime: Rational, f: Rational, i: Rational
    let annuity: Bool
    let rates: [Rational]
    let t: Rational
    let fsTaxable: Int
    let priceBase: Int

    init(_ input: OracleLeaseInput) throws {
      self.input = input
      let one = Rational(1)
      // Validation in Lease.md's order (numeric and combination rules; the JSON-only
      // rules cannot be expressed by this input).
      guard (1...1200).contains(input.term) else { throw Rejection(.invalidArgument, "term", "term \(input.term) outside 1…1200") }
      guard input.sellingPriceMinor > 0 else { throw Rejection(.invalidArgument, "sellingPrice", "sellingPrice 0") }
      guard input.tradeIns.count <= 10 else { throw Rejection(.invalidArgument, "tradeIns", "more than 10 trade-ins") }
      var vehiclePercent: Rational? = nil
      switch input.residual {
      case .percent(let text):
        let p = decimal(text)
        guard p.sign >= 0, p <= 100 else { throw Rejection(.invalidArgument, "residual.percent", "percent outside 0–100") }
        guard input.msrpMinor != nil else { throw Rejection(.invalidArgument, "msrp", "residual.percent without msrp") }
        vehiclePercent = p
      case .amount: break
      }
      for (j, a) in input.addOns.enumerated() {
        guard a.residualized else {
          if a.residualPercentText != nil { throw Rejection(.invalidArgument, "addOns.\(j).residualized", "a residualPercent on an add-on that is not residualized") }
          continue
        }
        if let text = a.residualPercentText {
          let p = decimal(text)
          guard p.sign >= 0, p <= 100 else { throw Rejection(.invalidArgument, "addOns.\(j).residualPercent", "percent outside 0–100") }
        } else if vehiclePercent == nil {
          throw Rejection(.invalidArgument, "addOns.\(j).residualPercent", "a residualized add-on without a percent and an amount residual")
        }
      }
      switch input.rate {
      case .moneyFactor(let text):
        let v = decimal(text)
        guard v.sign >= 0, v <= Rational(numerator: 1, denominator: 10), decimals(text) <= 12 else {
          throw Rejection(.invalidArgument, "moneyFactor", "money factor \(text) outside 0–0.1 or more than 12 decimals")
        }
      case .apr(let text):
        let v = decimal(text)
        guard v.sign >= 0, v <= 100 else { throw Rejection(.invalidArgument, "apr", "apr \(text) outside 0–100") }
      }
      if let tax = input.tax {
        guard (1...5).contains(tax.components.count) else { throw Rejection(.invalidArgument, "tax.components", "1–5 components") }
        for (c, comp) in tax.components.enumerated() {
          let v = decimal(comp.rateText)
          guard v.sign >= 0, v <= 100 else { throw Rejection(.invalidArgument, tax.components.count == 1 ? nil : "tax.components.\(c).rate", "tax rate outside 0–100") }
        }
        if tax.capitalized && tax.method == .monthly { throw Rejection(.invalidArgument, "tax.capitalized", "capitalized with monthly") }
      }
      if input.onePay && input.timing == .arrears { throw Rejection(.invalidArgument, "onePay", "onePay with arrears") }
      if input.onePay && input.driveOff != .downPayment { throw Rejection(.invalidArgument, "onePay", "onePay with zeroDriveOff or totalCash") }
      if input.driveOff != .downPayment && input.downPaymentMinor != 0 { throw Rejection(.invalidArgument, "downPayment", "downPayment with zeroDriveOff/totalCash") }
      if input.driveOff == .zeroDriveOff && (input.securityDeposits != nil || input.multipleSecurityDeposits != nil) {
        throw Rejection(.invalidArgument, "zeroDriveOff", "zeroDriveOff with deposits")
      }
      if input.securityDeposits != nil && input.multipleSecurityDeposits != nil {
        throw Rejection(.invalidArgument, "multipleSecurityDeposits", "both securityDeposits and multipleSecurityDeposits")
      }
      if let sd = input.securityDeposits, !(1...10).contains(sd.count) {
        throw Rejection(.invalidArgument, "securityDeposits.count", "count outside 1–10")
      }
      if let msd = input.multipleSecurityDeposits {
        if input.rateMethod == .annuity { throw Rejection(.invalidArgument, "multipleSecurityDeposits", "multiple security deposits with the annuity method") }
        guard (1...100).contains(msd.maximumCount) else { throw Rejection(.invalidArgument, "multipleSecurityDeposits.maximumCount", "maximumCount outside 1–100") }
        guard (1...msd.maximumCount).contains(msd.count) else { throw Rejection(.invalidArgument, "multipleSecurityDeposits.count", "count outside 1…maximumCount") }
        guard msd.roundUpToMinor > 0 else { throw Rejection(.invalidArgument, "multipleSecurityDeposits.roundUpTo", "roundUpTo 0") }
        if case .totalCash = input.driveOff { throw Rejection(.unsupported, "multipleSecurityDeposits", "totalCash with multiple security deposits") }
      }

      s = input.sellingPriceMinor
      ao = input.addOns.reduce(0) { $0 + $1.amountMinor }
      pr = input.products.reduce(0) { $0 + $1.amountMinor }
      fc = input.fees.filter(\.capitalized).reduce(0) { $0 + $1.amountMinor }
      fs = input.fees.filter { !$0.capitalized }.reduce(0) { $0 + $1.amountMinor }
      rb = input.rebates.reduce(0) { $0 + $1.amountMinor }
      allowance = input.tradeIns.reduce(0) { $0 + $1.allowanceMinor }
      payoff = input.tradeIns.reduce(0) { $0 + $1.payoffMinor }
      e = allowance - payoff
      ePlus = max(0, e); eMinus = max(0, -e)

      switch input.residual {
      case .percent: rV = round(Rational(input.msrpMinor!) * vehiclePercent! / 100)
      case .amount(let a): rV = a
      }
      var ra = 0
      for a in input.addOns where a.residualized {
        let p = a.residualPercentText.map(decimal) ?? vehiclePercent!
        ra += round(Rational(a.amountMinor) * p / 100)
      }
      rA = ra
      r = rV + rA

      n = input.term
      q = input.onePay ? 1 : n
      m = input.periodsPerYear
      advance = input.timing == .advance
      annuity = input.rateMethod == .annuity
      switch (input.rate, annuity) {
      case (.moneyFactor(let text), false):
        mf = decimal(text)
      case (.apr(let text), false):
        mf = decimal(text) / 2400
      case (.moneyFactor(let text), true):
        mf = decimal(text)
      case (.apr(let text), true):
        mf = decimal(text) / 2400
      }
      if annuity {
        // i = apr/100/m, apr = MF × 2400 when a money factor is given.
        i = mf * 2400 / Rational(100 * m)
        mfPrime = mf
        f = 0
      } else {
        var reduced = mf
        if let msd = input.multipleSecurityDeposits {
          reduced = mf - Rational(msd.count) * decimal(msd.reductionText)
          guard reduced.sign >= 0 else { throw Rejection(.invalidArgument, "multipleSecurityDeposits.moneyFactorReductionPerDeposit", "the deposits leave MF' < 0") }
        }
        mfPrime = reduced
        f = reduced * 12 / Rational(m)
        i = 0
      }
      _ = one
      rates = input.tax?.components.map { decimal($0.rateText) / 100 } ?? []
      t = rates.reduce(Rational(0), +)
      fsTaxable = input.fees.filter { !$0.capitalized && $0.taxable }.reduce(0) { $0 + $1.amountMinor }
      if let tax = input.tax {
        let base = s
          + input.addOns.filter(\.taxable).reduce(0) { $0 + $1.amountMinor }
          + input.products.filter(\.taxable).reduce(0) { $0 + $1.amountMinor }
          + input.fees.filter(\.taxable).reduce(0) { $0 + $1.amountMinor }
          - (tax.tradeInCredit ? allowance : 0)
          - (tax.rebatesReduceTaxBase ? rb : 0)
        priceBase = max(0, base)
      } else {
        priceBase = 0
      }
    }

    /// P*(C), exactly (Lease.md § The payment as a function of C).
    func exactPayment(_ c: Rational) -> Rational {
      let rr = Rational(r), nn = Rational(n)
      if !annuity {
        return input.onePay ? (c - rr) + nn * (c + rr) * f : (c - rr) / nn + (c + rr) * f
      }
      if i.isZero { return input.onePay ? c - rr : (c - rr) / nn }
      let one = Rational(1)
      let vn = (one + i).power(-n)
      if input.onePay { return c - rr * vn }
      let arrears = (c - rr * vn) * i / (one - vn)
      return advance ? arrears / (one + i) : arrears
    }

    /// The lines that `cash` and `quote` need, for D and X: exact (`rounded == false`,
    /// every rounding of Lease.md skipped) or with the standard profile's roundings.
    struct Lines {
      var d: Rational, x: Rational
      var k: Rational = 0
      var c0: Rational = 0
      var capitalizedTaxes: Rational = 0
      var taxAmounts: [Rational] = []
      var taxBase: Rational? = nil
      var taxAtSigning = false
      var cg: Rational = 0, ccr: Rational = 0, ca: Rational = 0
      var exactPayment: Rational = 0
      var pb: Rational = 0
      var paymentTaxes: [Rational] = []
      var p: Rational = 0
      var securityDeposit: Rational? = nil
      var securityDepositEach: Rational? = nil
      var dueItems: [(String, Rational)] = []
      var dueTotal: Rational = 0
      var cash: Rational = 0
    }

    func lines(d: Rational, x: Rational, rounded: Bool) -> Lines {
      func rnd(_ v: Rational) -> Rational { rounded ? Rational(round(v)) : v }
      var l = Lines(d: d, x: x)
      let tax = input.tax
      if let tax {
        l.k = (tax.taxCashDown ? d : 0) + Rational(tax.tradeInCredit ? 0 : ePlus)
          + Rational(tax.rebatesReduceTaxBase ? 0 : rb) + Rational(fsTaxable)
      }
      l.c0 = Rational(s + ao + pr + fc + eMinus) + x - (d + Rational(ePlus + rb))
      let qq = Rational(q)
      // Capitalized up-front taxes.
      if let tax, tax.capitalized, tax.method != .monthly {
        let base: Rational
        if tax.method == .upfrontOnPrice {
          base = Rational(priceBase)
        } else {
          let a = exactPayment(l.c0)
          if tax.capitalizedTaxBase == .excludesCappedTax {
            base = qq * a + l.k
          } else {
            base = (qq * a + l.k) / (Rational(1) - t * qq * beta)
          }
        }
        l.taxBase = base
        l.taxAmounts = rates.map { rnd($0 * base) }
        l.capitalizedTaxes = l.taxAmounts.reduce(Rational(0), +)
      }
      l.cg = Rational(s + ao + pr + fc + eMinus) + l.capitalizedTaxes + x
      l.ccr = d + Rational(ePlus + rb)
      l.ca = l.cg - l.ccr
      l.exactPayment = exactPayment(l.ca)
      l.pb = rnd(l.exactPayment)
      if let tax, tax.method == .monthly {
        l.paymentTaxes = rates.map { rnd($0 * l.pb) }
      } else {
        l.paymentTaxes = rates.map { _ in Rational(0) }
      }
      l.p = l.paymentTaxes.reduce(l.pb, +)
      // Up-front taxes paid at signing.
      if let tax, !(tax.capitalized && tax.method != .monthly) {
        l.taxAtSigning = true
        let base: Rational
        switch tax.method {
        case .monthly: base = l.k
        case .upfrontOnPrice: base = Rational(priceBase)
        case .upfrontOnPayments: base = qq * l.pb + l.k
        }
        l.taxBase = base
        l.taxAmounts = rates.map { rnd($0 * base) }
      }
      if let sd = input.securityDeposits {
        l.securityDeposit = Rational(sd.count * sd.amountMinor)
        l.securityDepositEach = Rational(sd.amountMinor)
      } else if let msd = input.multipleSecurityDeposits {
        let u = Rational(msd.roundUpToMinor)
        let each = (l.p / u).ceiling() * u
        l.securityDepositEach = each
        l.securityDeposit = Rational(msd.count) * each
      }
      var items: [(String, Rational)] = []
      items.append(("Capitalized cost reduction", l.ccr))
      if advance { items.append((input.onePay ? "Single payment" : "First periodic payment", l.p)) }
      if let sd = l.securityDeposit { items.append(("Refundable security deposit", sd)) }
      for fee in input.fees where !fee.capitalized { items.append((fee.name, Rational(fee.amountMinor))) }
      if l.taxAtSigning, let tax {
        for (c, comp) in tax.components.enumerated() { items.append(("\(comp.name) (up front)", l.taxAmounts[c])) }
      }
      items.append(("Amount capitalized (drive-off)", -x))
      l.dueItems = items.filter { !$0.1.isZero }
      l.dueTotal = l.dueItems.reduce(Rational(0)) { $0 + $1.1 }
      l.cash = l.dueTotal - Rational(ePlus + rb)
      return l
    }

    /// β with P*(C) = P*(0) + β·C.
    var beta: Rational { exactPayment(1) - exactPayment(0) }

    /// Solves D or X (Lease.md § Zero drive-off and total-cash mode); returns (D, X).
    func solveDriveOff(cash c: Int) throws -> (Int, Int) {
      let cc = Rational(c)
      let path = input.driveOff == .zeroDriveOff ? "zeroDriveOff" : "totalCash"
      let c00 = lines(d: 0, x: 0, rounded: false).cash
      if cc >= c00 {
        let slope = lines(d: 1, x: 0, rounded: false).cash - c00
        guard slope.sign > 0 else { throw Rejection(.noSolution, path, "Cash*(1,0) − Cash*(0,0) ≤ 0") }
        let d0 = round((cc - c00) / slope)
        let q0 = lines(d: Rational(d0), x: 0, rounded: true).cash.intValue
        return (max(0, d0 + (c - q0)), 0)
      }
      if let sd = input.securityDeposits, c < sd.count * sd.amountMinor {
        throw Rejection(.invalidArgument, path, "totalCash below the security deposit")
      }
      let slope = lines(d: 0, x: 1, rounded: false).cash - c00
      guard slope.sign < 0 else { throw Rejection(.noSolution, path, "Cash*(0,1) − Cash*(0,0) ≥ 0") }
      let x0 = round((cc - c00) / slope)
      let q0 = lines(d: 0, x: Rational(x0), rounded: true).cash.intValue
      return (0, max(0, x0 - (c - q0)))
    }

    func quote() throws -> OracleLeaseQuote {
      // The fixed point needs t·q·β < 1.
      if let tax = input.tax, tax.capitalized, tax.method == .upfrontOnPayments, tax.capitalizedTaxBase == .includesCappedTax {
        guard t * Rational(q) * beta < 1 else { throw Rejection(.noSolution, "tax.capitalizedTaxBase", "t·q·β ≥ 1") }
      }
      var d = input.downPaymentMinor, x = 0
      var totalCash: Int? = nil
      switch input.driveOff {
      case .downPayment: break
      case .zeroDriveOff: totalCash = 0
      case .totalCash(let c): totalCash = c
      }
      if let totalCash { (d, x) = try solveDriveOff(cash: totalCash) }
      let l = lines(d: Rational(d), x: Rational(x), rounded: true)
      let ca = l.ca.intValue
      // In zero drive-off / total-cash mode D is solved, so the request's field at fault is the cash.
      let capCostPath: String
      switch input.driveOff {
      case .downPayment: capCostPath = "downPayment"
      case .zeroDriveOff: capCostPath = "zeroDriveOff"
      case .totalCash: capCostPath = "totalCash"
      }
      guard ca > 0 else { throw Rejection(.invalidArgument, capCostPath, "adjusted capitalized cost \(ca) ≤ 0") }
      guard ca > r else { throw Rejection(.invalidArgument, "residual", "adjusted capitalized cost \(ca) ≤ residual \(r)") }

      var o = OracleLeaseQuote()
      o.addOnsTotal = ao; o.productsTotal = pr; o.feesCapitalized = fc; o.feesDueAtSigning = fs
      o.rebatesTotal = rb
      if !input.tradeIns.isEmpty { o.tradeInAllowance = allowance; o.tradeInPayoff = payoff; o.tradeInEquity = e }
      o.downPayment = d
      o.downPaymentSolved = totalCash != nil
      o.totalCash = totalCash
      o.capitalizedDriveOff = x > 0 ? x : nil
      o.grossCapitalizedCost = l.cg.intValue
      o.capitalizedCostReduction = l.ccr.intValue
      o.adjustedCapitalizedCost = ca
      o.residualOnVehicle = rV
      o.residualOnAddOns = input.addOns.contains(where: \.residualized) ? rA : nil
      o.residualValue = r
      let dep = ca - r
      o.depreciation = dep
      let exact = l.exactPayment
      o.exactPayment = exact
      if input.onePay {
        o.periodicDepreciation = dep
        o.periodicRentCharge = round(exact - Rational(dep))
      } else {
        o.periodicDepreciation = round(Rational(dep) / Rational(n))
        o.periodicRentCharge = round(exact - Rational(dep) / Rational(n))
      }
      o.basePayment = l.pb.intValue
      if let tax = input.tax {
        o.paymentTaxes = zip(tax.components, l.paymentTaxes).map { OracleNamedAmount($0.name, $1.intValue) }
      }
      o.paymentTax = o.paymentTaxes.reduce(0) { $0 + $1.amountMinor }
      o.totalPayment = l.p.intValue
      o.numberOfPayments = q
      o.rentCharge = q * o.basePayment - dep
      o.beta = beta
      if annuity {
        o.moneyFactor = mf
        o.apr = mf * 2400
        o.periodicRate = i
      } else {
        o.moneyFactor = mfPrime
        if input.multipleSecurityDeposits != nil { o.moneyFactorBeforeDeposits = mf }
        o.equivalentApr = mfPrime * 2400
      }
      o.securityDeposit = l.securityDeposit?.intValue
      o.securityDepositEach = l.securityDepositEach?.intValue
      o.securityDepositCount = input.securityDeposits?.count ?? input.multipleSecurityDeposits?.count
      if let tax = input.tax {
        o.upfrontTaxBase = l.taxBase
        let amounts = l.taxAmounts.map(\.intValue)
        o.upfrontTaxes = zip(tax.components, amounts).map { OracleNamedAmount($0.name, $1) }
        o.upfrontTax = amounts.reduce(0, +)
        if !l.taxAtSigning { o.capitalizedTaxes = o.upfrontTax }
      }
      o.disclosedDownPayment = max(0, d + rb + e)
      o.dueAtSigning = l.dueItems.map { OracleNamedAmount($0.0, $0.1.intValue) }
      o.dueAtSigningTotal = l.dueTotal.intValue
      var paidBy: [OracleNamedAmount] = []
      if ePlus != 0 { paidBy.append(.init("Net trade-in allowance", ePlus)) }
      if rb != 0 { paidBy.append(.init("Rebates", rb)) }
      paidBy.append(.init("Cash", l.cash.intValue))
      o.paidBy = paidBy
      o.cashDueAtSigning = l.cash.intValue
      o.dispositionFee = input.dispositionFeeMinor
      let ks = advance ? 1 : 0
      o.totalOfPayments = o.dueAtSigningTotal - (o.securityDeposit ?? 0) + (q - ks) * o.totalPayment + input.dispositionFeeMinor
      if input.includeSchedule { o.schedule = schedule(ca: ca, pb: o.basePayment) }
      return o
    }

    /// Lease.md § Schedule.
    func schedule(ca: Int, pb: Int) -> [OracleLeaseScheduleRow] {
      let dep = ca - r
      if input.onePay {
        return [OracleLeaseScheduleRow(number: 1, payment: pb, depreciation: dep, rentCharge: pb - dep, balance: r)]
      }
      var rows: [OracleLeaseScheduleRow] = []
      rows.reserveCapacity(n)
      if !annuity {
        var previous = 0
        for k in 1...n {
          let cumulative = round(Rational(k) * Rational(dep) / Rational(n))
          let depreciation = cumulative - previous
          rows.append(.init(number: k, payment: pb, depreciation: depreciation, rentCharge: pb - depreciation, balance: ca - cumulative))
          previous = cumulative
        }
        return rows
      }
      var balance = ca
      for k in 1...n {
        let rent: Int
        if k == n {
          rent = r - balance + pb
        } else {
          let base = advance ? balance - pb : balance
          rent = round(Rational(base) * i)
        }
        let depreciation = pb - rent
        balance -= depreciation
        rows.append(.init(number: k, payment: pb, depreciation: depreciation, rentCharge: rent, balance: balance))
      }
      return rows
    }
  }
}

extension OracleLeaseInput {
  /// A random lease over every feature Lease.md defines (see ``SeededGenerator``).
  /// Most are valid; about one in 40 breaks one of Lease.md's combination rules on
  /// purpose, and numeric rejections (cap cost ≤ residual, MF' < 0, …) occur naturally.
  public static func random(using g: inout SeededGenerator) -> OracleLeaseInput {
    let s = g.moneyMinor(in: 12_000_00...110_000_00)
    let msrp = s + g.moneyMinor(in: 0...8_000_00)
    let annuity = g.chance(1, in: 3)
    let rate: Rate
    if g.chance(1, in: 2) {
      // A money factor with 5–6 decimals, sometimes 0.
      if g.chance(1, in: 30) { rate = .moneyFactor("0") } else {
        let decimals = g.int(in: 5...6)
        let unit = decimals == 5 ? 1 : 10
        rate = .moneyFactor(SeededGenerator.decimalText(g.int(in: (30 * unit)...(420 * unit)), scale: decimals))
      }
    } else {
      rate = .apr(g.aprText(maxPercent: 12, maxDecimals: 3))
    }
    let residual: Residual = g.chance(4, in: 5)
      ? .percent(g.percentText(in: 30...72))
      : .amount(g.moneyMinor(in: (s * 30 / 100)...(s * 65 / 100)))
    var term: Int
    switch g.int(in: 0...9) {
    case 0: term = g.int(in: 1...120)
    case 1: term = g.int(in: 12...60)
    default: term = 3 * g.int(in: 4...20)
    }
    var d = OracleLeaseInput(sellingPriceMinor: s, residual: residual, rate: rate, term: term)
    d.rateMethod = annuity ? .annuity : .moneyFactor
    if case .percent = residual { d.msrpMinor = msrp } else if g.chance(1, in: 2) { d.msrpMinor = msrp }
    d.periodsPerYear = g.chance(3, in: 4) ? 12 : g.element(of: [24, 26, 52, 4, 2, 1])
    if d.periodsPerYear != 12 && g.chance(1, in: 2) {
      // A realistic length for other frequencies: about 1–5 years.
      d.term = max(1, d.periodsPerYear * g.int(in: 1...5) - g.int(in: 0...1))
    }
    if g.chance(1, in: 6) { d.timing = .arrears }
    for j in 0..<(g.chance(1, in: 2) ? g.int(in: 1...2) : 0) {
      var a = AddOn(name: "Accessory \(j + 1)", amountMinor: g.moneyMinor(in: 100_00...4_000_00), taxable: g.chance(4, in: 5))
      if g.chance(1, in: 2) {
        a.residualized = true
        if case .amount = residual { a.residualPercentText = g.percentText(in: 20...70) }
        else if g.chance(1, in: 2) { a.residualPercentText = g.percentText(in: 20...70) }
      }
      d.addOns.append(a)
    }
    if g.chance(1, in: 4) { d.products.append(.init(name: "Wear and tear", amountMinor: g.moneyMinor(in: 300_00...1_500_00), taxable: g.chance(1, in: 3))) }
    if g.chance(3, in: 4) { d.fees.append(.init(name: "Acquisition fee", amountMinor: g.element(of: [595_00, 695_00, 795_00, 895_00, 995_00, 1_095_00]), taxable: g.chance(1, in: 4), capitalized: g.chance(4, in: 5))) }
    if g.chance(1, in: 2) { d.fees.append(.init(name: "Documentation fee", amountMinor: g.moneyMinor(in: 0...500_00), taxable: g.chance(1, in: 2), capitalized: g.chance(1, in: 2))) }
    if g.chance(1, in: 4) { d.fees.append(.init(name: "Registration", amountMinor: g.moneyMinor(in: 50_00...900_00), taxable: false, capitalized: g.chance(1, in: 3))) }
    for _ in 0..<(g.chance(1, in: 4) ? g.int(in: 1...2) : 0) {
      let allowance = g.moneyMinor(in: 0...20_000_00)
      let payoff = g.chance(1, in: 2) ? g.moneyMinor(in: 0...(allowance + 6_000_00)) : 0
      d.tradeIns.append(.init(allowanceMinor: allowance, payoffMinor: payoff))
    }
    if g.chance(1, in: 2) { d.downPaymentMinor = g.moneyMinor(in: 0...8_000_00) }
    for j in 0..<(g.chance(1, in: 3) ? g.int(in: 1...2) : 0) { d.rebates.append(.init(name: "Rebate \(j + 1)", amountMinor: g.moneyMinor(in: 250_00...3_000_00))) }
    if g.chance(1, in: 8) { d.securityDeposits = .init(count: g.chance(4, in: 5) ? 1 : g.int(in: 2...10), amountMinor: g.moneyMinor(in: 100_00...1_000_00)) }
    if !annuity && d.securityDeposits == nil && g.chance(1, in: 8) {
      let maximum = g.chance(3, in: 4) ? 7 : 10
      d.multipleSecurityDeposits = .init(count: g.int(in: 1...maximum), reductionText: g.element(of: ["0.00004", "0.00005", "0.00007", "0.000035"]),
                                         roundUpToMinor: g.chance(3, in: 4) ? 50_00 : g.element(of: [1, 25_00, 100_00]), maximumCount: maximum)
    }
    if d.timing == .advance && g.chance(1, in: 15) { d.onePay = true }
    if g.chance(1, in: 3) { d.dispositionFeeMinor = g.moneyMinor(in: 300_00...595_00) }
    if !d.onePay && d.multipleSecurityDeposits == nil {
      switch g.int(in: 0...15) {
      case 0 where d.securityDeposits == nil: d.driveOff = .zeroDriveOff; d.downPaymentMinor = 0
      case 1, 2: d.driveOff = .totalCash(g.moneyMinor(in: 0...10_000_00)); d.downPaymentMinor = 0
      default: break
      }
    }
    if g.chance(3, in: 4) {
      var components: [Tax.Component]
      switch g.int(in: 0...7) {
      case 0: components = [.init(name: "GST", rateText: "5"), .init(name: "QST", rateText: "9.975")]
      case 1: components = [.init(name: "GST", rateText: "5"), .init(name: "PST", rateText: g.element(of: ["7", "6", "8"]))]
      case 2: components = [.init(name: "State", rateText: g.aprText(maxPercent: 7, maxDecimals: 3)), .init(name: "County", rateText: g.aprText(maxPercent: 3, maxDecimals: 3)), .init(name: "City", rateText: g.aprText(maxPercent: 2, maxDecimals: 3))]
      default: components = [.init(name: "Sales tax", rateText: g.aprText(maxPercent: 11, maxDecimals: 3))]
      }
      let method = g.element(of: [Tax.Method.monthly, .monthly, .upfrontOnPayments, .upfrontOnPrice])
      var tax = Tax(components: components, method: method)
      if method != .monthly { tax.capitalized = g.chance(1, in: 2) }
      if method == .upfrontOnPayments && tax.capitalized && g.chance(1, in: 2) { tax.capitalizedTaxBase = .includesCappedTax }
      if method != .upfrontOnPrice { tax.taxCashDown = g.chance(4, in: 5) }
      tax.tradeInCredit = g.chance(4, in: 5)
      tax.rebatesReduceTaxBase = g.chance(1, in: 4)
      if tax.capitalizedTaxBase == .includesCappedTax && g.chance(1, in: 40) {
        // High rates, some with no fixed point (t·q·β ≥ 1).
        tax.components = [.init(name: "Sales tax", rateText: g.element(of: ["60", "85", "99.5", "100"]))]
        if g.chance(1, in: 2) { d.onePay = true; d.timing = .advance; d.driveOff = .downPayment }
      }
      d.tax = tax
    }
    d.includeSchedule = g.chance(1, in: 2)
    if g.chance(1, in: 4) { d.contractDayOffset = g.int(in: 0...14_610) }
    // About one in 40: break one combination rule of Lease.md on purpose.
    if g.chance(1, in: 40) {
      // One violation at a time: the drive-off mode and deposits are reset where they would add another.
      d.driveOff = .downPayment
      switch g.int(in: 0...11) {
      case 0: d.onePay = true; d.timing = .arrears
      case 1: d.onePay = true; d.driveOff = g.chance(1, in: 2) ? .zeroDriveOff : .totalCash(1_000_00); d.downPaymentMinor = 0; d.multipleSecurityDeposits = nil; d.securityDeposits = nil
      case 2: d.driveOff = .zeroDriveOff; d.downPaymentMinor = 0; d.onePay = false; d.securityDeposits = .init(amountMinor: 500_00); d.multipleSecurityDeposits = nil
      case 3: d.securityDeposits = .init(amountMinor: 500_00); d.multipleSecurityDeposits = .init(count: 2, reductionText: "0.00004"); d.rateMethod = .moneyFactor; d.rate = .moneyFactor("0.00300")
      case 4: d.multipleSecurityDeposits = .init(count: 3, reductionText: "0.00004"); d.rateMethod = .annuity; d.securityDeposits = nil
      case 5: d.multipleSecurityDeposits = .init(count: g.element(of: [0, 8, 11]), reductionText: "0.00004"); d.rateMethod = .moneyFactor; d.securityDeposits = nil; d.rate = .moneyFactor("0.00300")
      case 6: d.multipleSecurityDeposits = .init(count: 2, reductionText: "0.00004", roundUpToMinor: 0); d.rateMethod = .moneyFactor; d.securityDeposits = nil; d.rate = .moneyFactor("0.00300")
      case 7: d.multipleSecurityDeposits = .init(count: 2, reductionText: "0.00004"); d.rateMethod = .moneyFactor; d.securityDeposits = nil; d.rate = .moneyFactor("0.00300"); d.onePay = false; d.driveOff = .totalCash(2_000_00); d.downPaymentMinor = 0
      case 8: d.term = g.element(of: [0, 1201])
      case 9: d.addOns.append(.init(name: "Roof rack", amountMinor: 450_00, residualized: false, residualPercentText: "40"))
      case 10: d.multipleSecurityDeposits = .init(count: 1, reductionText: "0.00004", maximumCount: g.element(of: [0, 101])); d.rateMethod = .moneyFactor; d.securityDeposits = nil; d.rate = .moneyFactor("0.00300"); d.driveOff = .downPayment
      default: d.rate = g.chance(1, in: 2) ? .moneyFactor(g.element(of: ["0.10001", "0.0000000000001"])) : .apr("100.5")
      }
    }
    return d
  }
}
