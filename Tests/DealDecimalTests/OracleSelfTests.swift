//===--- OracleSelfTests.swift --------------------------------*- swift -*-===//
//
// This source file is part of the DealFinance open source project.
// The GMP oracle of _DealTestSupport checked against hand-verifiable facts, so
// the engine's property tests can trust it.
//
//===----------------------------------------------------------------------===//

import Testing
import _DealTestSupport

@Suite struct OracleSelfTests {
  // MARK: Rational

  @Test func parsesDecimalText() throws {
    #expect(try #require(Rational("6.875")).description == "55/8")
    #expect(try #require(Rational("-12.30")).description == "-123/10")
    #expect(try #require(Rational("0")).isZero)
    #expect(try #require(Rational("-0.00")).sign == 0)
    #expect(try #require(Rational("1/3")) == Rational(numerator: 1, denominator: 3))
    #expect(try #require(Rational("123456789012345678901234567890")).integerText
            == "123456789012345678901234567890")
    for bad in ["", "-", ".5", "5.", "1e3", "+1", " 1", "1.2.3", "1/0", "0x10", "١"] {
      #expect(Rational(bad) == nil, "\(bad) must not parse")
    }
  }

  @Test func arithmeticIdentities() throws {
    let a = try #require(Rational("6.875")), b = Rational(numerator: -7, denominator: 3)
    #expect(a + b - b == a)
    #expect(a * b / b == a)
    #expect(a - a == 0)
    #expect((a + b).description == "109/24")
    #expect((a * b).description == "-385/24")
    #expect(-(-a) == a)
    #expect(b.magnitude == Rational(numerator: 7, denominator: 3))
    #expect(b < 0 && a > b && b.sign == -1 && a.sign == 1)
    #expect(Rational(numerator: 2, denominator: 3).power(-2).description == "9/4")
    #expect(Rational(numerator: -2, denominator: 3).power(3).description == "-8/27")
    #expect(b.power(0) == 1)
    #expect(Rational(10).power(30).integerText == "1" + String(repeating: "0", count: 30))
    #expect(b.power(5) * b.power(-5) == 1)
    #expect(Rational(Int.min).intValue == Int.min && Rational(Int.max).intValue == Int.max)
    #expect(Rational(numerator: 7, denominator: -2).floor() == -4)
    #expect(Rational(numerator: 7, denominator: -2).ceiling() == -3)
  }

  /// value ×2 → expected result for each rule, in `OracleRounding.allCases` order:
  /// halfUp, halfEven, halfTowardZero, down, up, towardZero, awayFromZero.
  static let roundingTable: [(twice: Int, expected: [Int])] = [
    (5, [3, 2, 2, 2, 3, 2, 3]),        //  2.5
    (-5, [-3, -2, -2, -3, -2, -2, -3]), // -2.5
    (3, [2, 2, 1, 1, 2, 1, 2]),        //  1.5
    (-3, [-2, -2, -1, -2, -1, -1, -2]), // -1.5
    (1, [1, 0, 0, 0, 1, 0, 1]),        //  0.5
    (-1, [-1, 0, 0, -1, 0, 0, -1]),    // -0.5
    (0, [0, 0, 0, 0, 0, 0, 0]),
    (-6, [-3, -3, -3, -3, -3, -3, -3]),
  ]

  @Test(arguments: roundingTable.indices)
  func roundingTies(row: Int) {
    let (twice, expected) = Self.roundingTable[row]
    let x = Rational(numerator: twice, denominator: 2)
    for (rule, want) in zip(OracleRounding.allCases, expected) {
      #expect(x.rounded(rule: rule).intValue == want, "\(x) \(rule)")
    }
  }

  @Test func roundingOffTies() {
    // 2.4 / 2.6 / −2.4 / −2.6 for every rule.
    let expected: [(tenths: Int, [Int])] = [
      (24, [2, 2, 2, 2, 3, 2, 3]), (26, [3, 3, 3, 2, 3, 2, 3]),
      (-24, [-2, -2, -2, -3, -2, -2, -3]), (-26, [-3, -3, -3, -3, -2, -2, -3]),
    ]
    for (tenths, want) in expected {
      let x = Rational(numerator: tenths, denominator: 10)
      #expect(OracleRounding.allCases.map { x.rounded(rule: $0).intValue } == want, "\(x)")
    }
  }

  @Test func exhaustiveSmallRounding() {
    // Every k/8 in −40…40 against a rule stated independently with Int arithmetic.
    for k in -40...40 {
      let x = Rational(numerator: k, denominator: 8)
      let fl = k >= 0 ? k / 8 : -((-k + 7) / 8)
      let r = k - 8 * fl // 0..<8
      let ce = r == 0 ? fl : fl + 1
      let nearestUnlessTie = r < 4 ? fl : ce
      #expect(x.rounded(rule: .down).intValue == fl)
      #expect(x.rounded(rule: .up).intValue == ce)
      #expect(x.rounded(rule: .towardZero).intValue == (k >= 0 ? fl : ce))
      #expect(x.rounded(rule: .awayFromZero).intValue == (k >= 0 ? ce : fl))
      #expect(x.rounded(rule: .halfUp).intValue == (r == 4 ? (k > 0 ? ce : fl) : nearestUnlessTie))
      #expect(x.rounded(rule: .halfEven).intValue == (r == 4 ? (fl % 2 == 0 ? fl : ce) : nearestUnlessTie))
      #expect(x.rounded(rule: .halfTowardZero).intValue == (r == 4 ? (k > 0 ? fl : ce) : nearestUnlessTie))
    }
  }

  @Test func decimalTexts() throws {
    #expect(Rational(43666).decimalText(minorUnits: 2) == "436.66")
    #expect(Rational(-1230).decimalText(minorUnits: 2) == "-12.30")
    #expect(Rational(5).decimalText(minorUnits: 2) == "0.05")
    #expect(Rational(-5).decimalText(minorUnits: 3) == "-0.005")
    #expect(Rational(numerator: -1, denominator: 8).decimalText(scale: 2, rule: .halfUp) == "-0.13")
    #expect(Rational(numerator: -1, denominator: 8).decimalText(scale: 2, rule: .halfEven) == "-0.12")
    #expect(Rational(numerator: 1, denominator: 2400).decimalText(significantDigits: 20)
            == "0.00041666666666666666666")
    #expect(Rational(numerator: 1, denominator: 2400).decimalText(significantDigits: 3, rule: .halfUp)
            == "0.000417")
    #expect(LoanOracle.periodicRate(aprText: "6", periodsPerYear: 26).decimalText(significantDigits: 20)
            == "0.0023076923076923076923")
    #expect(try #require(Rational("0.005")).decimalText(significantDigits: 20) == "0.005")
    #expect(Rational(numerator: 2, denominator: 3).decimalText(significantDigits: 4, rule: .halfUp) == "0.6667")
    #expect(Rational(numerator: 9999, denominator: 1000).decimalText(significantDigits: 3, rule: .halfUp) == "10.0")
    #expect(Rational(123456).decimalText(significantDigits: 2) == "120000")
    #expect(Rational(-123456).decimalText(significantDigits: 9) == "-123456")
    #expect(Rational(0).decimalText(significantDigits: 5) == "0")
  }

  @Test func noLeakOverManyCycles() {
    let ledger = Rational.Ledger()
    Rational.$ledger.withValue(ledger) {
      let half = Rational(numerator: 1, denominator: 2)
      for k in 0..<100_000 {
        let x = Rational(k) * half + Rational(numerator: k, denominator: 7)
        _ = x.rounded(rule: .halfEven).power(2)
      }
      #expect(ledger.liveCount == 1)   // `half`
    }
    #expect(ledger.createdCount >= 100_000)
    #expect(ledger.liveCount == 0)
    #expect(Rational.liveObjects >= 0)
  }

  // MARK: SeededGenerator

  @Test func splitMix64ReferenceOutputs() {
    var g = SeededGenerator(seed: 0)
    #expect(g.next() == 0xE220_A839_7B1D_CDAF)
    #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(g.next() == 0x06C4_5D18_8009_454F)
    var h = SeededGenerator(seed: 1234), k = SeededGenerator(seed: 1234)
    #expect((0..<10).map { _ in h.int(in: -5...5) } == (0..<10).map { _ in k.int(in: -5...5) })
    for _ in 0..<1000 { #expect((1...6).contains(h.int(in: 1...6))) }
  }

  // MARK: LoanOracle — the documented loan worked example

  static func example(balloon: Int?, advance: Bool = false) -> OracleLoanInput {
    var deal = OracleLoanInput(sellingPriceMinor: 30_000_00, aprText: "6", term: 60)
    if let balloon { deal.balloon = .amount(balloon) }
    if advance { deal.timing = .advance }
    return deal
  }

  @Test func workedExampleWithBalloon() {
    let q = LoanOracle.quote(Self.example(balloon: 10_000_00))
    #expect(q.netFinancedAmount == 30_000_00)
    #expect(q.periodicRate == Rational(numerator: 1, denominator: 200))
    #expect(q.payment == 436_66)
    #expect(q.finalPayment == 436_41)
    #expect(q.totalOfPayments == 36_199_35)
    #expect(q.financeCharge == 6_199_35)
    #expect(q.schedule.count == 60)
    #expect(q.schedule[0] == OracleScheduleRow(number: 1, payment: 436_66, interest: 150_00,
                                                principal: 286_66, balance: 29_713_34))
    #expect(q.schedule[59].balance == 10_000_00)
    #expect(q.amountFinanced == 30_000_00 && q.balloon == 10_000_00)
    #expect(q.totalSalePrice == 36_199_35)
    #expect(q.dueAtSigning.isEmpty && q.dueAtSigningTotal == 0)
    #expect(LoanOracle.roundedPayment(amountMinor: 30_000_00, balloonMinor: 10_000_00, aprText: "6",
                                      periodsPerYear: 12, numberOfPayments: 60, advance: false) == 436_66)
  }

  @Test func workedExampleWithoutBalloonAndInAdvance() {
    #expect(LoanOracle.quote(Self.example(balloon: nil)).payment == 579_98)
    let advance = LoanOracle.quote(Self.example(balloon: 10_000_00, advance: true))
    #expect(advance.payment == 434_48)
    #expect(advance.schedule.count == 61)
    #expect(advance.schedule[0].interest == 0 && advance.schedule[0].balance == 30_000_00 - 434_48)
    let last = advance.schedule[60]
    #expect(last.payment == 10_000_00 && last.balance == 0)
    // b_n = round(B / 1.005) = round(995024.875…) = 995025
    #expect(advance.schedule[59].balance == 9_950_25 && last.interest == 49_75)
    #expect(advance.dueAtSigning == [.init(name: "First payment", amountMinor: 434_48)])
  }

  @Test func zeroRateLoan() {
    var deal = OracleLoanInput(sellingPriceMinor: 1_000_00, aprText: "0.000", term: 3)
    var q = LoanOracle.quote(deal)
    #expect(q.exactPayment == Rational(numerator: 100_000, denominator: 3))
    #expect(q.payment == 333_33)
    #expect(q.schedule.map(\.payment) == [333_33, 333_33, 333_34])
    #expect(q.schedule.allSatisfy { $0.interest == 0 })
    #expect(q.totalOfPayments == 1_000_00 && q.financeCharge == 0)
    deal.term = 4
    deal.balloon = .amount(200_02)
    q = LoanOracle.quote(deal)               // (100000 − 20002) / 4 = 19999.5 → 20000
    #expect(q.exactPayment == Rational(numerator: 39_999, denominator: 2))
    #expect(q.payment == 200_00)
    #expect(q.finalPayment == 199_98 && q.schedule[3].balance == 200_02)
  }

  @Test func linesOfAFullDeal() {
    var deal = OracleLoanInput(sellingPriceMinor: 25_000_00, aprText: "4.9", term: 48)
    deal.addOns = [.addOn("Mats", 200_00), .addOn("Tint", 300_00, taxable: false)]
    deal.products = [.product("GAP", 800_00)]
    deal.fees = [.init(name: "Doc", amountMinor: 499_00, taxable: true),
                 .init(name: "Title", amountMinor: 100_00, financed: false),
                 .init(name: "Origination", amountMinor: 250_00, prepaidFinanceCharge: true)]
    deal.tradeIns = [.init(allowanceMinor: 8_000_00, payoffMinor: 10_000_00)]
    deal.downPaymentMinor = 3_000_00
    deal.rebates = [.init(name: "Loyalty", amountMinor: 500_00)]
    deal.tax = .init(rateText: "7.25", financed: false)
    let q = LoanOracle.quote(deal)
    #expect(q.tradeInEquity == -2_000_00)
    #expect(q.taxableAmount == 25_000_00 + 200_00 + 499_00 - 8_000_00)
    #expect(q.salesTax == 1_283_18)            // 17699.00 × 7.25 % = 1283.1775
    #expect(q.financedAmount == 25_000_00 + 500_00 + 800_00 + 749_00 + 2_000_00)
    #expect(q.capitalizedCostReduction == 3_500_00)
    #expect(q.netFinancedAmount == q.financedAmount - 3_500_00)
    #expect(q.prepaidFinanceCharges == 250_00 && q.amountFinanced == q.netFinancedAmount - 250_00)
    #expect(q.disclosedDownPayment == 1_500_00)
    #expect(q.dueAtSigning.map(\.amountMinor) == [3_000_00, 100_00, q.salesTax])
    #expect(q.totalSalePrice == q.totalOfPayments + 1_500_00 + 100_00 + q.salesTax)
  }

  @Test func randomDealsKeepScheduleInvariants() {
    var g = SeededGenerator(seed: 2024)
    for _ in 0..<300 {
      let deal = OracleLoanInput.random(using: &g)
      let q = LoanOracle.quote(deal)
      let n = deal.term
      #expect(q.schedule.allSatisfy { $0.payment == $0.interest + $0.principal })
      var balance = q.netFinancedAmount
      for row in q.schedule { balance -= row.principal; #expect(row.balance == balance) }
      #expect(q.schedule[n - 1].balance == (deal.timing == .arrears ? q.balloon
        : q.balloon == 0 ? 0 : (Rational(q.balloon) / (1 + q.periodicRate)).rounded(rule: .halfUp).intValue))
      #expect(q.schedule.last!.balance == (deal.timing == .arrears ? q.balloon : 0))
      #expect(q.totalOfPayments == q.schedule[0..<n].reduce(0) { $0 + $1.payment } + q.balloon)
      #expect((q.exactPayment - Rational(q.payment)).magnitude <= Rational(numerator: 1, denominator: 2))
      if n > 1 && deal.oddDays != .firstPayment { #expect(q.firstPayment == q.payment) }
    }
  }

  // MARK: TieTable

  @Test func nearTieLiesWithinWindow() {
    let window = TieTable.defaultWindow
    let ties = TieTable.nearTies(aprText: "6.9", periodsPerYear: 12, n: 60, advance: false,
                                 balloonMinor: 0, count: 3, window: window, searchFrom: 1_000_00)
    #expect(ties.count == 3)
    for a in ties {
      let d = TieTable.distanceToTie(amountMinor: a, aprText: "6.9", periodsPerYear: 12, n: 60,
                                     advance: false, balloonMinor: 0)
      #expect(d.magnitude <= window, "\(a): \(d)")
      // P* within 1e-9 of k + ½, so rounding ±2e-9 around it goes both ways.
      let p = LoanOracle.exactPayment(amountMinor: a, balloonMinor: 0, aprText: "6.9",
                                      periodsPerYear: 12, numberOfPayments: 60, advance: false)
      let nudge = Rational(numerator: 2, denominator: 1_000_000_000)
      #expect((p - nudge).rounded(rule: .halfUp) != (p + nudge).rounded(rule: .halfUp))
    }
  }

  struct TieCase: Sendable, CustomStringConvertible {
    var rate: String, m: Int, n: Int, advance: Bool, balloon: Int
    var description: String { "\(rate) % m=\(m) n=\(n) \(advance ? "advance" : "arrears") B=\(balloon)" }
  }

  @Test(arguments: [TieCase(rate: "6.9", m: 12, n: 60, advance: false, balloon: 0),
                    TieCase(rate: "4.125", m: 26, n: 130, advance: true, balloon: 0),
                    TieCase(rate: "11.99", m: 12, n: 72, advance: false, balloon: 5_000_00),
                    TieCase(rate: "3", m: 52, n: 260, advance: true, balloon: 7_000_00)])
  func solverAgreesWithDirectScan(_ c: TieCase) {
    let (rate, m, n, advance, balloon) = (c.rate, c.m, c.n, c.advance, c.balloon)
    let window = Rational(numerator: 1, denominator: 10_000)
    let (lo, hi) = (20_000_00, 20_000_00 + 300_000)
    let solved = TieTable.nearTies(aprText: rate, periodsPerYear: m, n: n, advance: advance,
                                   balloonMinor: balloon, count: 10_000, window: window,
                                   searchFrom: lo, upTo: hi)
    let pLow = LoanOracle.exactPayment(amountMinor: lo, balloonMinor: balloon, aprText: rate,
                                       periodsPerYear: m, numberOfPayments: n, advance: advance)
    let pHigh = LoanOracle.exactPayment(amountMinor: hi, balloonMinor: balloon, aprText: rate,
                                        periodsPerYear: m, numberOfPayments: n, advance: advance)
    let scan = TieTable.nearTiesByScanning(aprText: rate, periodsPerYear: m, n: n, advance: advance,
                                           balloonMinor: balloon,
                                           kRange: (pLow.floor().intValue - 1)...(pHigh.ceiling().intValue + 1),
                                           window: window)
    #expect(!solved.isEmpty)
    #expect(solved == scan.amounts.filter { (lo...hi).contains($0) })
  }

  @Test func solverSkipsNoAmount() {
    // Every amount in a small range, checked one by one against the window.
    let window = Rational(numerator: 1, denominator: 500)
    let range = 12_345_00...12_345_00 + 3_000
    let solved = TieTable.nearTies(aprText: "7.49", periodsPerYear: 24, n: 120, advance: false,
                                   balloonMinor: 1_000_00, count: 10_000, window: window,
                                   searchFrom: range.lowerBound, upTo: range.upperBound)
    let brute = range.filter {
      TieTable.distanceToTie(amountMinor: $0, aprText: "7.49", periodsPerYear: 24, n: 120,
                             advance: false, balloonMinor: 1_000_00).magnitude <= window
    }
    #expect(!brute.isEmpty)
    #expect(solved == brute)
  }

  @Test func exactTiesOfAZeroRate() {
    let ties = TieTable.exactTies(aprText: "0", periodsPerYear: 12, n: 4, advance: false,
                                  balloonMinor: 0, count: 3, searchFrom: 100)
    #expect(ties == [102, 106, 110])
    for a in ties {
      #expect(TieTable.distanceToTie(amountMinor: a, aprText: "0", periodsPerYear: 12, n: 4,
                                     advance: false, balloonMinor: 0) == 0)
    }
    #expect(TieTable.exactTies(aprText: "0", periodsPerYear: 12, n: 5, advance: false,
                               balloonMinor: 0, count: 1, searchFrom: 100, upTo: 10_000).isEmpty)
    // 12 % monthly, n = 1: P* = 1.01·A, a tie whenever A ≡ 50 (mod 100).
    #expect(TieTable.exactTies(aprText: "12", periodsPerYear: 12, n: 1, advance: false,
                               balloonMinor: 0, count: 2, searchFrom: 1) == [50, 150])
  }
}
