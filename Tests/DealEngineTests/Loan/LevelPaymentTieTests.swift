// Tie tables: amounts whose exact level payment lies within 10⁻⁹ of a minor
// unit of a half-up rounding boundary k + ½. On every one the double fast path must give up
// (its proven error window contains the boundary) and the exact fallback must round as the
// GMP oracle does. On random realistic deals the fallback must stay rare.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

/// One line of the tie table: a rate, term, timing and balloon, and where to look for ties.
struct TieConfiguration: Sendable, CustomStringConvertible {
    var aprText: String
    var periodsPerYear: Int
    var term: Int
    var advance: Bool
    var balloonMinor: Int
    /// The least principal searched (minor units).
    var searchFrom: Int

    var description: String {
        "apr \(aprText) m=\(periodsPerYear) n=\(term) \(advance ? "advance" : "arrears") balloon \(balloonMinor) from \(searchFrom)"
    }
}

@Suite("Level payment near-tie tables")
struct LevelPaymentTieTests {
    static let frequencies = [12, 24, 26, 52, 4, 2, 1]
    static let tiesPerConfiguration = 60

    /// The least payment (minor units) of the main table: 2²² ≈ 41,943.04. The fast path's
    /// error window is at least 8 ulps of its double result (LevelPayment.fastPath), and
    /// 4·ulp(P) ≥ 4·2⁻³⁰ > 10⁻⁹ from 2²² on, so every near-tie within 10⁻⁹ of the table lies
    /// inside the window whatever the rest of the bound: the fallback MUST fire on each.
    /// (Below that, a tight bound may legitimately decide a near-tie at 10⁻⁹; see
    /// ``realisticPrincipals()``.)
    static let leastTablePayment = 1 << 22

    /// The least principal whose exact payment is at least `payment` (P* is affine in A).
    static func principal(forPayment payment: Int, _ c: TieConfiguration) -> Int {
        let (alpha, beta) = TieTable.affine(aprText: c.aprText, periodsPerYear: c.periodsPerYear, n: c.term,
                                            advance: c.advance, balloonMinor: c.balloonMinor)
        return max(c.balloonMinor + 1, ((Rational(payment) + beta) / alpha).ceiling().intValue)
    }

    /// Five configurations per frequency: rates with 0–3 decimals, short and long terms, both
    /// timings, with and without a balloon; the search starts where the payment reaches
    /// `leastTablePayment` times 1, 10, 100, 1,000 and near the largest principal,
    /// 999,999,999,999.99.
    static func configurations(periodsPerYear m: Int) -> [TieConfiguration] {
        let years = [12: 5, 24: 4, 26: 4, 52: 3, 4: 10, 2: 15, 1: 30][m]!
        let shapes = [
            TieConfiguration(aprText: "6.9", periodsPerYear: m, term: years * m, advance: false, balloonMinor: 0, searchFrom: 0),
            TieConfiguration(aprText: "4.125", periodsPerYear: m, term: max(1, years * m / 2), advance: true, balloonMinor: 0, searchFrom: 0),
            TieConfiguration(aprText: "18.99", periodsPerYear: m, term: years * m, advance: false, balloonMinor: 1_000_000, searchFrom: 0),
            TieConfiguration(aprText: "0.9", periodsPerYear: m, term: 2 * years * m, advance: true, balloonMinor: 500_000_000, searchFrom: 0),
            TieConfiguration(aprText: "29.999", periodsPerYear: m, term: 7, advance: false, balloonMinor: 12_345, searchFrom: 0),
        ]
        return zip(shapes, [1, 10, 100, 1_000, 0]).map { shape, factor in
            var c = shape
            c.searchFrom = factor == 0 ? 90_000_000_000_000 : principal(forPayment: leastTablePayment * factor, c)
            precondition(principal(forPayment: leastTablePayment, c) <= c.searchFrom)
            return c
        }
    }

    struct Outcome: Sendable {
        var ties = 0
        var fallbacks = 0
        var wrong: [String] = []
        var decidedByFastPath: [String] = []
        var leastPayment = Int.max
    }

    static func check(_ c: TieConfiguration, count: Int = tiesPerConfiguration, upTo: Int = TieTable.maxAmount) throws -> Outcome {
        var outcome = Outcome()
        let amounts = TieTable.nearTies(aprText: c.aprText, periodsPerYear: c.periodsPerYear, n: c.term, advance: c.advance,
                                        balloonMinor: c.balloonMinor, count: count,
                                        window: TieTable.defaultWindow, searchFrom: c.searchFrom, upTo: upTo)
        let rate = try! PeriodicRate(annualPercentage: ExactDecimal(parsing: c.aprText), periodsPerYear: c.periodsPerYear)
        for amount in amounts {
            let distance = TieTable.distanceToTie(amountMinor: amount, aprText: c.aprText, periodsPerYear: c.periodsPerYear,
                                                  n: c.term, advance: c.advance, balloonMinor: c.balloonMinor)
            precondition(distance.magnitude <= TieTable.defaultWindow, "the tie table returned a non-tie")
            let expected = LoanOracle.roundedPayment(amountMinor: amount, balloonMinor: c.balloonMinor, aprText: c.aprText,
                                                     periodsPerYear: c.periodsPerYear, numberOfPayments: c.term, advance: c.advance)
            let problem = LevelPayment(principal: Int128(amount), balloon: Int128(c.balloonMinor), rate: rate,
                                       numberOfPayments: c.term, timing: c.advance ? .advance : .arrears)
            let rounded = try problem.rounded(by: .toNearestOrAway)
            outcome.ties += 1
            outcome.leastPayment = min(outcome.leastPayment, expected)
            if rounded.usedExactFallback { outcome.fallbacks += 1 } else {
                outcome.decidedByFastPath.append("\(c): A=\(amount) P=\(expected) distance \(distance.decimalText(significantDigits: 3))")
            }
            if rounded.minorUnits != Int128(expected) {
                outcome.wrong.append("\(c): A=\(amount) engine \(rounded.minorUnits) oracle \(expected) (distance \(distance))")
            }
        }
        return outcome
    }

    @Test("Near-ties within 1e-9 minor units: the exact fallback fires and rounds as the oracle", arguments: frequencies)
    func nearTies(periodsPerYear m: Int) throws {
        var total = Outcome()
        for configuration in Self.configurations(periodsPerYear: m) {
            let outcome = try Self.check(configuration)
            #expect(outcome.ties == Self.tiesPerConfiguration, "too few ties for \(configuration)")
            total.ties += outcome.ties
            total.fallbacks += outcome.fallbacks
            total.wrong += outcome.wrong
            total.decidedByFastPath += outcome.decidedByFastPath
            total.leastPayment = min(total.leastPayment, outcome.leastPayment)
        }
        print("LevelPaymentTieTests m=\(m): \(total.ties) near-ties (payments from \(total.leastPayment) minor units), exact fallback on \(total.fallbacks), \(total.wrong.count) wrong")
        #expect(total.ties >= 200)
        #expect(total.leastPayment >= Self.leastTablePayment)
        #expect(total.wrong.isEmpty, "\(total.wrong.prefix(10).joined(separator: "\n"))")
        #expect(total.decidedByFastPath.isEmpty, "decided by the double fast path:\n\(total.decidedByFastPath.prefix(10).joined(separator: "\n"))")
    }

    /// Near-ties at dealer-sized principals ($100 to $100,000): few per rate and term, so many
    /// random rates and terms. The payment must always equal the oracle's. The fallback must
    /// fire whenever the tie lies inside a lower bound of the fast path's documented window:
    /// 4 ulps of the payment, or 2·(4n + 8)·u times the amortizing part of the payment
    /// (`P* − A·i`, or `P* − A·i/(1 + i)` in advance), the power's share of the bound. Ties
    /// beyond it may be decided by the fast path, whose proven window can be narrower than
    /// 10⁻⁹ for small payments and short terms — counted, printed, and checked correct.
    @Test("Near-ties at realistic principals: always the oracle's payment")
    func realisticPrincipals() throws {
        var g = SeededGenerator(seed: 0x71E5)
        var total = Outcome(), configurations = 0, mustFire = 0
        while total.ties < 300 {
            let apr = g.aprText(maxPercent: 30, maxDecimals: 3)
            guard !(try! ExactDecimal(parsing: apr)).isZero else { continue }   // zero rates: exact division, no fast path
            configurations += 1
            let c = TieConfiguration(aprText: apr, periodsPerYear: g.periodsPerYear(), term: g.term(max: 96),
                                     advance: g.chance(1, in: 4), balloonMinor: 0, searchFrom: 100_00)
            var outcome = try Self.check(c, count: 3, upTo: 100_000_00)
            total.ties += outcome.ties
            total.fallbacks += outcome.fallbacks
            total.wrong += outcome.wrong
            // A tie decided by the fast path must lie outside 4 ulps of its payment.
            outcome.decidedByFastPath = []
            for amount in TieTable.nearTies(aprText: c.aprText, periodsPerYear: c.periodsPerYear, n: c.term, advance: c.advance,
                                            balloonMinor: 0, count: 3, searchFrom: c.searchFrom, upTo: 100_000_00) {
                let payment = LoanOracle.exactPayment(amountMinor: amount, balloonMinor: 0, aprText: c.aprText,
                                                      periodsPerYear: c.periodsPerYear, numberOfPayments: c.term, advance: c.advance)
                let distance = TieTable.distanceToTie(amountMinor: amount, aprText: c.aprText, periodsPerYear: c.periodsPerYear,
                                                      n: c.term, advance: c.advance, balloonMinor: 0)
                let i = LoanOracle.periodicRate(aprText: c.aprText, periodsPerYear: c.periodsPerYear)
                let interestOnly = Rational(amount) * i / (c.advance ? Rational(1) + i : Rational(1))
                let amortizing = Double((payment - interestOnly).decimalText(significantDigits: 17))!
                let ulp = Double(payment.rounded(rule: .halfUp).intValue).ulp
                let leastWindow = max(4 * ulp, 0.99 * 2 * Double(4 * c.term + 8) * 0x1p-53 * amortizing)
                guard Double(distance.magnitude.decimalText(significantDigits: 17))! < leastWindow else { continue }
                mustFire += 1
                let rate = try! PeriodicRate(annualPercentage: ExactDecimal(parsing: c.aprText), periodsPerYear: c.periodsPerYear)
                let rounded = try LevelPayment(principal: Int128(amount), balloon: 0, rate: rate, numberOfPayments: c.term,
                                           timing: c.advance ? .advance : .arrears).rounded(by: .toNearestOrAway)
                #expect(rounded.usedExactFallback, "\(c): A=\(amount) distance \(distance) inside the least window \(leastWindow)")
            }
        }
        print("LevelPaymentTieTests realistic: \(total.ties) near-ties over \(configurations) rates/terms, exact fallback on \(total.fallbacks) (\(total.fallbacks * 100 / total.ties) %), \(mustFire) inside the least window (must fire), \(total.wrong.count) wrong")
        #expect(total.wrong.isEmpty, "\(total.wrong.prefix(10).joined(separator: "\n"))")
        #expect(total.fallbacks * 10 >= total.ties * 8, "the fallback fires on most near-ties at 1e-9")
    }

    @Test("Exact ties (zero rate, even n): half-up rounds away, by the exact zero-rate division")
    func exactTies() throws {
        let rate = try PeriodicRate(annualPercentage: ExactDecimal(parsing: "0"), periodsPerYear: 12)
        var count = 0
        for n in [2, 4, 12, 60, 72] {
            for balloon in [0, 1_999] {
                let amounts = TieTable.exactTies(aprText: "0", periodsPerYear: 12, n: n, advance: false, balloonMinor: balloon,
                                                 count: 5, searchFrom: 10_000_00)
                for amount in amounts {
                    let expected = LoanOracle.roundedPayment(amountMinor: amount, balloonMinor: balloon, aprText: "0", periodsPerYear: 12,
                                                             numberOfPayments: n, advance: false)
                    let rounded = try LevelPayment(principal: Int128(amount), balloon: Int128(balloon), rate: rate, numberOfPayments: n)
                        .rounded(by: .toNearestOrAway)
                    #expect(rounded.minorUnits == Int128(expected), "A=\(amount) B=\(balloon) n=\(n)")
                    // A zero rate never reaches the floating-point path: one exact 128-bit division
                    // decides it, so the wide-integer fallback is not needed either.
                    #expect(!rounded.usedExactFallback, "A=\(amount) B=\(balloon) n=\(n)")
                    count += 1
                }
            }
        }
        #expect(count == 50)
    }

    @Test("The exact fallback fires on fewer than 1 % of random realistic deals")
    func fallbackIsRareOnRandomDeals() throws {
        let total = 20_000
        var fallbacks = 0, quoted = 0
        for index in 0..<total {
            var g = SeededGenerator(seed: 0x7135_0000_0000_0000 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
            let deal = OracleLoanConversion.convert(OracleLoanInput.random(using: &g), dates: &g)
            guard let quote = try? deal.loan.quote() else { continue }
            quoted += 1
            if quote.paymentUsedExactFallback { fallbacks += 1 }
        }
        let percent = Double(fallbacks) * 100 / Double(quoted)
        print("LevelPaymentTieTests: exact fallback on \(fallbacks) of \(quoted) random deals (\(percent) %)")
        #expect(quoted > total * 99 / 100)
        #expect(percent < 1)
    }
}
