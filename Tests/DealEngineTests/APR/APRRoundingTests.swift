// DealFinance — DealEngineTests: APRRounding.swift (the APR correctly rounded from the exact
// root) and tie tables: APRs on or within 1e−12 of a rounding boundary.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// A loan whose exact periodic rate is `interest / principal`: `principal` advanced, `interest`
/// paid each period and `principal + interest` with the last (an interest-only loan), so
/// Σ payments / (1 + i)^t = principal exactly at i = interest / principal.
struct TieCase: Sendable, CustomTestStringConvertible {
    let principal: String
    let interest: String
    let count: Int
    let frequency: PaymentFrequency
    let method: APRMethod
    let apr: String
    let disclosed: String
    var testDescription: String { "\(method) \(principal) × \(interest)/\(frequency) → \(apr) (\(disclosed))" }

    func problem() throws -> AnnualPercentageRate {
        let start = day("2026-03-10")
        var payments = try PaymentSeries(amount: dec(interest), count: count - 1,
                                         firstDate: frequency.date(byAddingPeriods: 1, to: start), frequency: frequency).amounts()
        let last = try frequency.date(byAddingPeriods: count, to: start)
        payments.append(DatedAmount(amount: try dec(interest) + dec(principal), date: last))
        return AnnualPercentageRate(method: method, advances: [DatedAmount(amount: dec(principal), date: start)], payments: payments)
    }
}

@Suite("AnnualPercentageRate: correct rounding")
struct APRRoundingTests {
    /// Regulation Z, monthly: APR = 1,200 × interest / principal. With a principal of
    /// 24,000,000,000,000.00 the APR is interest-cents / (2·10^12): an odd count of cents puts
    /// it exactly on a 12th-decimal boundary; a principal one cent away moves it by ≈ 2.6e−15.
    static let regzTies: [TieCase] = [
        // Exactly on a 12th-decimal boundary: ties to even (…617|5 → …618, …616|5 → …616).
        TieCase(principal: "24000000000000.00", interest: "123456789012.35", count: 12, frequency: .monthly, method: .regz,
                apr: "6.172839450618", disclosed: "6.17"),
        TieCase(principal: "24000000000000.00", interest: "123456789012.33", count: 12, frequency: .monthly, method: .regz,
                apr: "6.172839450616", disclosed: "6.17"),
        // Within 3e−15 of the boundary, each side.
        TieCase(principal: "24000000000000.01", interest: "123456789012.35", count: 12, frequency: .monthly, method: .regz,
                apr: "6.172839450617", disclosed: "6.17"),
        TieCase(principal: "23999999999999.99", interest: "123456789012.35", count: 12, frequency: .monthly, method: .regz,
                apr: "6.172839450618", disclosed: "6.17"),
        // The disclosed boundary 6.125: exactly on it (half up), and 2.6e−15 below and above it:
        // apr rounds to 6.125000000000 each time, the disclosed APR to 6.13, 6.12, 6.13.
        TieCase(principal: "24000000000000.00", interest: "122500000000.00", count: 36, frequency: .monthly, method: .regz,
                apr: "6.125000000000", disclosed: "6.13"),
        TieCase(principal: "24000000000000.01", interest: "122500000000.00", count: 36, frequency: .monthly, method: .regz,
                apr: "6.125000000000", disclosed: "6.12"),
        TieCase(principal: "23999999999999.99", interest: "122500000000.00", count: 36, frequency: .monthly, method: .regz,
                apr: "6.125000000000", disclosed: "6.13"),
        // Weekly (52 a year): APR = 5,200 × interest / principal; principal 52,000,000,000,000.00.
        TieCase(principal: "52000000000000.00", interest: "61250000000.00", count: 20, frequency: .weekly, method: .regz,
                apr: "6.125000000000", disclosed: "6.13"),
        TieCase(principal: "52000000000000.01", interest: "61250000000.00", count: 20, frequency: .weekly, method: .regz,
                apr: "6.125000000000", disclosed: "6.12"),
        // EU, annual payments (whole years: the exact rational sign): APR = 100 × interest /
        // principal; 10.05 exactly, and 1e−15 either side (disclosed to 1 decimal, half up).
        TieCase(principal: "1000000000000000.00", interest: "100500000000000.00", count: 3, frequency: .annual, method: .eu,
                apr: "10.050000000000", disclosed: "10.1"),
        TieCase(principal: "1000000000000000.01", interest: "100500000000000.00", count: 3, frequency: .annual, method: .eu,
                apr: "10.050000000000", disclosed: "10.0"),
        TieCase(principal: "999999999999999.99", interest: "100500000000000.00", count: 3, frequency: .annual, method: .eu,
                apr: "10.050000000000", disclosed: "10.1"),
    ]

    @Test("Tie table: APRs on or within 1e-12 of a rounding boundary", arguments: regzTies)
    func ties(_ tie: TieCase) throws {
        var signs = AnnualPercentageRate.SignCounts()
        let result = try tie.problem().solve(signs: &signs)
        #expect(result.apr == dec(tie.apr))
        #expect(result.aprDisclosed == dec(tie.disclosed))
        #expect(result.errorBound == 0.5e-12)
        #expect(signs.decisions > 0)
    }

    @Test("EU monthly interest-only: (1 + i)^12 − 1 exactly, correctly rounded (irrational exponents: the interval sign)")
    func euMonthly() throws {
        // 1 % a month: X = 1.01^12 − 1 = 0.126825030131969720661201.
        let tie = TieCase(principal: "1000.00", interest: "10.00", count: 12, frequency: .monthly, method: .eu,
                          apr: "12.682503013197", disclosed: "12.7")
        var signs = AnnualPercentageRate.SignCounts()
        let result = try tie.problem().solve(signs: &signs)
        #expect(result.apr == dec(tie.apr))
        #expect(result.aprDisclosed == dec(tie.disclosed))
        #expect(signs.decisions >= 2, "the EU bracket is verified by exact signs")
    }

    @Test("correctlyRounded equals the exact rounding of a known rational root, from brackets up to 10^6 ulp wide")
    func knownRoots() throws {
        var g = SeededGenerator(seed: 0xC0_2EC7)
        for _ in 0..<2_000 {
            let numerator = g.int(in: 0...9_999_999), denominator = g.int(in: 1...99_999_999)
            let root = ExactFraction(WideInteger(numerator), WideInteger(denominator))
            let factor = g.element(of: [(1_200, 1), (5_200, 1), (5_200, 3), (100, 1), (36_500, 1), (2_400, 1)])
            let decimals = g.element(of: [12, 2, 1])
            let rule = g.element(of: [RoundingRule.toNearestOrEven, .toNearestOrAway])
            let x = Double(numerator) / Double(denominator)
            let spread = Double(g.int(in: 0...1_000_000))
            let bracket = RateSolver.Bracket(lower: max(0, x - spread * x.ulp - x.ulp), upper: x + spread * x.ulp + x.ulp)
            var signs = 0
            let rounded = try AnnualPercentageRate.correctlyRounded(bracket, factor: factor, decimals: decimals, rule: rule,
                                                                    exactSigns: &signs) { rate in
                let difference = root - rate
                return difference.sign
            }
            let exact = try WideInteger(numerator * factor.0).multiplied(byPowerOfTen: decimals)
                .divided(by: WideInteger(denominator * factor.1), rule: rule)
            #expect(rounded.coefficient == exact.int128Value, "\(numerator)/\(denominator) × \(factor)")
            #expect(rounded.scale == decimals)
        }
    }

    @Test("provenCell: a bracket only around the root, and the rounding from it exact: rational roots on, within 1e-15 of and between boundaries, estimates up to 3 units off")
    func provenCell() throws {
        var g = SeededGenerator(seed: 0xCE_11)
        var proven = 0, total = 0
        for round in 0..<3_000 {
            let factor = g.element(of: [(1_200, 1), (5_200, 1), (5_200, 3), (2_600, 1), (36_500, 1), (400, 1)])
            let unit = ExactFraction(WideInteger(factor.1), WideInteger(factor.0).multiplied(byPowerOfTen: 12))
            // A root on the boundary (m + ½)·unit, 10^−3 unit either side of it, or anywhere in the cell.
            let m = g.int(in: 1...99_999_999_999_999)
            let offset: ExactFraction
            switch round % 4 {
            case 0: offset = ExactFraction(WideInteger(1), WideInteger(2))
            case 1: offset = ExactFraction(WideInteger(g.chance(1, in: 2) ? 501 : 499), WideInteger(1_000))
            default: offset = ExactFraction(WideInteger(g.int(in: 0...999_999)), WideInteger(1_000_000))
            }
            let root = (ExactFraction(m) + offset) * unit
            func sign(_ p: Int128, _ q: Int128) -> Int { (root - ExactFraction(WideInteger(p), WideInteger(q))).sign }
            let nearest = Double(root.numerator.int128Value!) / Double(root.denominator.int128Value!)
            let estimate = g.chance(1, in: 3) ? nearest + Double(g.int(in: -3...3)) * Double(factor.1) / Double(factor.0) * 1e-12 : nearest
            var asked: [(Int128, Int128)] = []
            total += 1
            guard let cell = try AnnualPercentageRate.provenCell(estimate, factor: factor, decimals: 12, limit: 1e9, sign: { p, q in
                asked.append((p, q))
                return sign(p, q)
            }) else { continue }
            proven += 1
            #expect(asked.count == 2)
            #expect((root - ExactFraction.of(cell.lower)).sign > 0 && (ExactFraction.of(cell.upper) - root).sign > 0, "round \(round)")
            for (decimals, rule) in [(12, RoundingRule.toNearestOrEven), (2, .toNearestOrAway)] {
                var signs = 0
                let rounded = try AnnualPercentageRate.correctlyRounded(cell, factor: factor, decimals: decimals, rule: rule, exactSigns: &signs) { rate in
                    (root - rate).sign
                }
                let scaled = root * ExactFraction(WideInteger(factor.0).multiplied(byPowerOfTen: decimals), WideInteger(factor.1))
                let exact = try scaled.numerator.divided(by: scaled.denominator, rule: rule)
                #expect(rounded.coefficient == exact.int128Value, "round \(round), \(decimals) decimals")
            }
        }
        // The estimate's own cell is proven whenever it is the root's.
        #expect(proven * 3 > total)
    }

    @Test("nearestDouble equals the generic conversion, within and beyond 64 bits")
    func nearestDouble() {
        var g = SeededGenerator(seed: 0xD0_0B1E)
        for _ in 0..<5_000 {
            let x = Int128(g.int(in: (Int.min / 2)...(Int.max / 2))) << Int128(g.int(in: 0...60)) + Int128(g.int(in: -9...9))
            #expect(AnnualPercentageRate.nearestDouble(x) == Double(x))
        }
        #expect(AnnualPercentageRate.nearestDouble(Int128(Int64.max)) == Double(Int128(Int64.max)))
        #expect(AnnualPercentageRate.nearestDouble(Int128(Int64.min) - 1) == Double(Int128(Int64.min) - 1))
    }

    @Test("KnownSigns keeps the last two signs")
    func knownSigns() {
        var known = AnnualPercentageRate.KnownSigns()
        #expect(known[1, 2] == nil)
        known.record(1, 2, 1)
        known.record(3, 4, -1)
        #expect(known[1, 2] == 1 && known[3, 4] == -1)
        known.record(5, 6, 0)
        #expect(known[1, 2] == nil && known[3, 4] == -1 && known[5, 6] == 0)
    }

    @Test("scaledRounded in 128 bits equals the wide division: random doubles, both rules, every factor and scale")
    func fastPath() {
        var g = SeededGenerator(seed: 0x5CA1_ED)
        for _ in 0..<20_000 {
            // Significands of every length, scaled from 2^−90 to 2^30.
            let x = Double(g.int(in: 1...(1 << 53))) * Double(sign: .plus, exponent: g.int(in: -143 ... -23), significand: 1)
            let factor = (g.int(in: 1...40_000), g.int(in: 1...13))
            let decimals = g.int(in: 0...18)
            let rule = g.element(of: [RoundingRule.toNearestOrEven, .toNearestOrAway])
            #expect(AnnualPercentageRate.scaledRounded(x, factor: factor, decimals: decimals, rule: rule)
                    == AnnualPercentageRate.scaledRoundedByDivision(x, factor: factor, decimals: decimals, rule: rule))
        }
    }
}
