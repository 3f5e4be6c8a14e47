// DealFinance benchmarks — the shared workload: fixed-seed realistic deals written once to
// `.build-data/deals.csv` (and the same deals as JSON requests in `requests.jsonl`), read by
// every peer: the Swift suite, the C peers, Foundation.Decimal and Benchmarks/python/bench.py.

import DealFinance
import Foundation

/// One deal of the workload. The first columns are the deal as a desk enters it; the last four
/// are the level-payment problem it leads to (net financed amount, balloon, periodic rate p/q),
/// which is what the payment peers compute from.
public struct BenchDeal: Sendable {
    public var sellingPrice: String
    public var downPayment: String
    public var taxRate: String
    public var docFee: String
    public var tradeAllowance: String
    public var tradePayoff: String
    public var apr: String
    public var periodsPerYear: Int
    public var term: Int
    public var advance: Bool
    public var balloonPercent: String      // "" for none (percent of the selling price)
    public var contractDate: String        // "" for none
    public var principalMinor: Int64 = 0
    public var balloonMinor: Int64 = 0
    public var rateNumerator: Int64 = 0
    public var rateDenominator: Int64 = 1

    public static let csvHeader = "selling_price,down_payment,tax_rate,doc_fee,trade_allowance,trade_payoff,apr,periods_per_year,term,advance,balloon_percent,contract_date,principal_minor,balloon_minor,rate_p,rate_q"

    public var csvLine: String {
        [sellingPrice, downPayment, taxRate, docFee, tradeAllowance, tradePayoff, apr, String(periodsPerYear), String(term),
         advance ? "1" : "0", balloonPercent, contractDate, String(principalMinor), String(balloonMinor),
         String(rateNumerator), String(rateDenominator)].joined(separator: ",")
    }

    public init?(csvLine line: Substring) {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 16, let m = Int(f[7]), let n = Int(f[8]), let a = Int64(f[12]), let b = Int64(f[13]),
              let p = Int64(f[14]), let q = Int64(f[15]) else { return nil }
        (sellingPrice, downPayment, taxRate, docFee, tradeAllowance, tradePayoff, apr) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6])
        (periodsPerYear, term, advance, balloonPercent, contractDate) = (m, n, f[9] == "1", f[10], f[11])
        (principalMinor, balloonMinor, rateNumerator, rateDenominator) = (a, b, p, q)
    }

    init(sellingPrice: String, downPayment: String, taxRate: String, docFee: String, tradeAllowance: String,
         tradePayoff: String, apr: String, periodsPerYear: Int, term: Int, advance: Bool, balloonPercent: String,
         contractDate: String) {
        (self.sellingPrice, self.downPayment, self.taxRate, self.docFee, self.tradeAllowance, self.tradePayoff) =
            (sellingPrice, downPayment, taxRate, docFee, tradeAllowance, tradePayoff)
        (self.apr, self.periodsPerYear, self.term, self.advance, self.balloonPercent, self.contractDate) =
            (apr, periodsPerYear, term, advance, balloonPercent, contractDate)
    }

    static func frequency(_ m: Int) -> PaymentFrequency {
        switch m {
        case 24: .semimonthly
        case 26: .biweekly
        case 52: .weekly
        case 4: .quarterly
        case 2: .semiannual
        case 1: .annual
        default: .monthly
        }
    }

    static func decimal(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

    /// The deal as the engine's input.
    public var loan: RetailLoan {
        var loan = RetailLoan(sellingPrice: Self.decimal(sellingPrice), apr: Self.decimal(apr), term: term)
        loan.downPayment = Self.decimal(downPayment)
        loan.fees = [Fee(name: "Documentation fee", amount: Self.decimal(docFee), taxable: true)]
        if !tradeAllowance.isEmpty {
            loan.tradeIns = [TradeIn(allowance: Self.decimal(tradeAllowance), payoff: Self.decimal(tradePayoff))]
        }
        loan.tax = SalesTax(rate: Self.decimal(taxRate))
        loan.frequency = Self.frequency(periodsPerYear)
        loan.paymentTiming = advance ? .advance : .arrears
        if !balloonPercent.isEmpty { loan.balloon = .percentOfSellingPrice(Self.decimal(balloonPercent)) }
        if !contractDate.isEmpty { loan.contractDate = try? CivilDate(parsing: contractDate) }
        return loan
    }

    /// The same deal as a JSON request (Documentation/Reference/Loan.md).
    public var requestJSON: String {
        var fields = [#""calculate":"loan""#, #""sellingPrice":"\#(sellingPrice)""#, #""downPayment":"\#(downPayment)""#,
                      #""fees":[{"name":"Documentation fee","amount":"\#(docFee)","taxable":true}]"#]
        if !tradeAllowance.isEmpty { fields.append(#""tradeIns":[{"allowance":"\#(tradeAllowance)","payoff":"\#(tradePayoff)"}]"#) }
        fields.append(#""tax":{"rate":"\#(taxRate)"}"#)
        fields.append(#""apr":"\#(apr)""#)
        fields.append(#""term":\#(term)"#)
        fields.append(#""frequency":"\#(Self.frequency(periodsPerYear).rawValue)""#)
        if advance { fields.append(#""paymentTiming":"advance""#) }
        if !balloonPercent.isEmpty { fields.append(#""balloon":{"percentOfSellingPrice":"\#(balloonPercent)"}"#) }
        if !contractDate.isEmpty { fields.append(#""contractDate":"\#(contractDate)""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The level-payment problem (regular first period).
    public var levelPayment: LevelPayment {
        let rate = try! PeriodicRate(annualPercentage: Self.decimal(apr), periodsPerYear: periodsPerYear)
        return LevelPayment(principal: Int128(principalMinor), balloon: Int128(balloonMinor), rate: rate,
                            numberOfPayments: term, timing: advance ? .advance : .arrears)
    }

    /// A fixed-seed realistic deal, or nil when the engine rejects it (the caller draws again).
    public static func random(_ g: inout SeededGenerator) -> BenchDeal? {
        let price = g.moneyMinor(in: 8_000_00...90_000_00)
        let down = g.chance(1, in: 3) ? 0 : g.moneyMinor(in: 0...(price / 5)) / 100 * 100
        let taxRates = ["0", "4", "5", "6", "6.25", "6.5", "7", "7.25", "8.25", "8.875", "9.5"]
        let fees = ["85.00", "199.00", "299.00", "499.00", "695.00", "799.00", "899.00"]
        var allowance = "", payoff = ""
        if g.chance(1, in: 3) {
            let value = g.moneyMinor(in: 1_000_00...(price * 3 / 5))
            allowance = SeededGenerator.decimalText(value / 100 * 100, scale: 2)
            payoff = g.chance(1, in: 2) ? "0.00" : SeededGenerator.decimalText(g.moneyMinor(in: 0...(value * 5 / 4)), scale: 2)
        }
        let balloon = g.chance(1, in: 8) ? String(g.int(in: 15...45)) : ""
        let m = g.periodsPerYear()
        let dates = ["2026-01-15", "2026-03-31", "2026-06-01", "2026-11-23", "2027-02-28"]
        let deal = BenchDeal(sellingPrice: SeededGenerator.decimalText(price, scale: 2),
                             downPayment: SeededGenerator.decimalText(down, scale: 2),
                             taxRate: g.element(of: taxRates), docFee: g.element(of: fees),
                             tradeAllowance: allowance, tradePayoff: payoff, apr: g.aprText(),
                             periodsPerYear: m, term: g.term(max: m >= 12 ? 96 * m / 12 : 10),
                             advance: g.chance(1, in: 10), balloonPercent: balloon,
                             contractDate: g.element(of: dates))
        return deal.resolved()
    }

    /// Fills in the level-payment columns from the engine's quote; nil if the engine rejects it.
    /// A contract date that would make the first period odd is dropped (the peers price a
    /// regular first period).
    public func resolved() -> BenchDeal? {
        var deal = self
        guard var quote = try? deal.loan.quote() else { return nil }
        if !quote.paymentProblem.isRegularFirstPeriod {
            deal.contractDate = ""
            guard let again = try? deal.loan.quote() else { return nil }
            quote = again
        }
        let problem = quote.paymentProblem
        deal.principalMinor = Int64(problem.principal)
        deal.balloonMinor = Int64(problem.balloon)
        deal.rateNumerator = Int64(problem.rate.numerator)
        deal.rateDenominator = Int64(problem.rate.denominator)
        return deal
    }
}

extension LevelPayment {
    var isRegularFirstPeriod: Bool { wholePeriodsToFirstPayment == 1 && oddDays == 0 }
}

/// The workload files under `Benchmarks/.build-data/`.
public enum Workload {
    /// `Benchmarks/.build-data` (from this file's location, whatever the working directory).
    public static var directory: String {
        if let path = ProcessInfo.processInfo.environment["DEALBENCH_DATA"] { return path }
        let file = #filePath   // …/Benchmarks/Sources/BenchSupport/Workload.swift
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/.build-data"
    }

    public static func read(_ name: String = "deals.csv", limit: Int = .max) -> [BenchDeal] {
        guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else {
            fatalError("missing \(directory)/\(name): run `swift run -c release dealbench-data generate` first (make bench does)")
        }
        return text.split(separator: "\n", maxSplits: limit == .max ? .max : limit + 1).dropFirst().prefix(limit)
            .compactMap { BenchDeal(csvLine: $0) }
    }

    public static func write(_ deals: [BenchDeal], to name: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text = ([BenchDeal.csvHeader] + deals.map(\.csvLine)).joined(separator: "\n") + "\n"
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
}

extension BenchDeal {
    /// The deal as a closed-end lease (money factor APR / 2400 to 6 decimals, residual 50–62 %
    /// of the selling price, 24–48 payments in advance, a capitalized acquisition fee, monthly
    /// tax at the deal's rate); nil when the engine rejects it.
    public var lease: Lease? {
        let terms = [24, 36, 39, 48]
        let k = Int(principalMinor % 1_000)
        guard let moneyFactor = try? Self.decimal(apr).divided(by: ExactDecimal(2400), scale: 6, rule: .toNearestOrAway) else { return nil }
        var lease = Lease(sellingPrice: Self.decimal(sellingPrice), residual: .percent(ExactDecimal(50 + k % 13)),
                          rate: .moneyFactor(moneyFactor), term: terms[k % terms.count])
        lease.msrp = Self.decimal(sellingPrice)
        lease.downPayment = Self.decimal(downPayment)
        lease.fees = [LeaseFee(name: "Acquisition fee", amount: Self.decimal("895.00")),
                      LeaseFee(name: "Documentation fee", amount: Self.decimal(docFee), taxable: true, capitalized: false)]
        if !tradeAllowance.isEmpty {
            lease.tradeIns = [TradeIn(allowance: Self.decimal(tradeAllowance), payoff: Self.decimal(tradePayoff))]
        }
        lease.tax = LeaseTax(components: [.init(name: "Sales tax", rate: Self.decimal(taxRate))])
        if !contractDate.isEmpty { lease.contractDate = try? CivilDate(parsing: contractDate) }
        guard (try? lease.quote()) != nil else { return nil }
        return lease
    }

    /// A Regulation Z APR problem: the deal's net financed amount advanced on 2026-01-15,
    /// repaid by 72 monthly payments of its 72-payment quote from 2026-03-01 (an odd first
    /// period of one month and 14 days). Nil when the engine rejects it.
    public var aprProblem: AnnualPercentageRate? {
        var deal = self
        (deal.periodsPerYear, deal.term, deal.balloonPercent, deal.contractDate) = (12, 72, "", "")
        guard let quote = try? deal.loan.quote(),
              let start = try? CivilDate(parsing: "2026-01-15"), let first = try? CivilDate(parsing: "2026-03-01"),
              let payments = try? PaymentSeries(amount: quote.periodicPayment.net, count: 72, firstDate: first,
                                                frequency: .monthly).amounts() else { return nil }
        let problem = AnnualPercentageRate(method: .regz, advances: [DatedAmount(amount: quote.netFinancedAmount, date: start)],
                                           payments: payments)
        guard (try? problem.solve()) != nil else { return nil }
        return problem
    }
}
