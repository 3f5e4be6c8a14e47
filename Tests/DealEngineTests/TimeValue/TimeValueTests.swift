// DealFinance — DealEngineTests: TimeValue.swift (spreadsheet functions) against GMP rationals.

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func q(_ value: ExactDecimal) -> Rational { Rational(value.description)! }

/// The oracle's PMT: −(pv·x^n + fv)·r / ((1 + r·type)(x^n − 1)), or −(pv + fv)/n at r = 0.
private func oraclePMT(_ r: Rational, _ n: Int, _ pv: Rational, _ fv: Rational, _ type: Int) -> Rational {
    if r.isZero { return -(pv + fv) / Rational(n) }
    let x = (Rational(1) + r).power(n)
    return -(pv * x + fv) * r / ((Rational(1) + r * Rational(type)) * (x - Rational(1)))
}

@Suite("TimeValue")
struct TimeValueTests {
    @Test("Spreadsheet documentation values")
    func documented() throws {
        #expect(try TimeValue.pmt(rate: dec("0.005"), nper: 60, pv: dec("30000")).rounded(scale: 2, rule: .toNearestOrAway) == dec("-579.98"))
        #expect(try TimeValue.cumipmt(rate: dec("0.0075"), nper: 360, pv: dec("125000"), startPeriod: 13, endPeriod: 24, type: 0).rounded(scale: 2, rule: .toNearestOrAway) == dec("-11135.23"))
        #expect(try TimeValue.cumprinc(rate: dec("0.0075"), nper: 360, pv: dec("125000"), startPeriod: 13, endPeriod: 24, type: 0).rounded(scale: 3, rule: .toNearestOrAway) == dec("-934.107"))
        #expect(try TimeValue.effect(nominalRate: dec("0.0525"), npery: 4).rounded(scale: 8, rule: .toNearestOrAway) == dec("0.05354267"))
        #expect(try TimeValue.npv(rate: dec("0.1"), values: ["-10000", "3000", "4200", "6800"].map(dec)).rounded(scale: 2, rule: .toNearestOrAway) == dec("1188.44"))
        #expect(try TimeValue.irr(values: ["-70000", "12000", "15000", "18000", "21000", "26000"].map(dec)).rounded(scale: 4, rule: .toNearestOrAway) == dec("0.0866"))
        #expect(try TimeValue.rate(nper: 48, pmt: dec("-200"), pv: dec("8000")).rounded(scale: 5, rule: .toNearestOrAway) == dec("0.00770"))
        #expect(try TimeValue.fv(rate: dec("0.005"), nper: 10, pmt: dec("-200"), pv: dec("-500"), type: 1).rounded(scale: 2, rule: .toNearestOrAway) == dec("2581.40"))
    }

    @Test("pmt, ipmt + ppmt, pv, fv equal the GMP closed forms to 25 significant digits (seeded)")
    func closedForms() throws {
        var g = SeededGenerator(seed: 77)
        for _ in 0..<200 {
            let rate = dec("0.\(String(repeating: "0", count: g.int(in: 1...3)))\(g.int(in: 1...99999))")
            let n = g.int(in: 1...360), type = g.int(in: 0...1)
            let pv = MinorUnits(.usd).decimal(Int128(g.moneyMinor(in: 100_00...90_000_00)))
            let fv = g.chance(1, in: 3) ? MinorUnits(.usd).decimal(-Int128(g.moneyMinor(in: 0...5_000_00))) : ExactDecimal.zero
            let exact = oraclePMT(q(rate), n, q(pv), q(fv), type)
            let pmt = try TimeValue.pmt(rate: rate, nper: n, pv: pv, fv: fv, type: type)
            #expect(pmt.description.filter(\.isNumber).drop { $0 == "0" }.count >= 20)
            #expect(((q(pmt) - exact) / exact).abs < Rational("0.00000000000000000000001")!, "\(pmt)")
            let per = g.int(in: 1...n)
            let i = try TimeValue.ipmt(rate: rate, per: per, nper: n, pv: pv, fv: fv, type: type)
            let p = try TimeValue.ppmt(rate: rate, per: per, nper: n, pv: pv, fv: fv, type: type)
            #expect(((q(i) + q(p) - exact) / exact).abs < Rational("0.0000000000000000000001")!)
            // pv and fv invert pmt.
            let back = try TimeValue.pv(rate: rate, nper: n, pmt: pmt, fv: fv, type: type)
            #expect((q(back) - q(pv)).abs < Rational("0.000000000001")!)
        }
    }

    @Test("cumipmt over every period equals total payments minus principal")
    func cumulativeIdentity() throws {
        let rate = dec("0.004"), pv = dec("20000")
        for type in 0...1 {
            let interest = try TimeValue.cumipmt(rate: rate, nper: 48, pv: pv, startPeriod: 1, endPeriod: 48, type: type)
            let principal = try TimeValue.cumprinc(rate: rate, nper: 48, pv: pv, startPeriod: 1, endPeriod: 48, type: type)
            #expect((q(principal) + q(pv)).abs < Rational("0.0000000000000000001")!)
            let pmt = try TimeValue.pmt(rate: rate, nper: 48, pv: pv, type: type)
            #expect((q(interest) + q(principal) - Rational(48) * q(pmt)).abs < Rational("0.000000000000000001")!)
        }
    }

    @Test("rate and irr are the root correctly rounded to 20 significant digits (exact sign change at ± half a unit)")
    func rootsCorrectlyRounded() throws {
        var g = SeededGenerator(seed: 2026)
        for _ in 0..<60 {
            let n = g.int(in: 2...72)
            let pv = Rational(g.moneyMinor(in: 1000_00...50_000_00)) / Rational(100)
            let pmtValue = try TimeValue.pmt(rate: dec("0.00\(g.int(in: 1...2500))"), nper: n, pv: dec(pv.decimalText(scale: 2, rule: .halfUp)))
            let pmt = try pmtValue.rounded(scale: 2, rule: .toNearestOrAway)
            let r = try TimeValue.rate(nper: n, pmt: pmt, pv: dec(pv.decimalText(scale: 2, rule: .halfUp)))
            let digits = r.normalized().description.filter(\.isNumber).drop { $0 == "0" }.count
            #expect(digits <= 20)
            // f(r) = pv·x^n + pmt·(x^n − 1)/r changes sign across r ± half a unit of the last place.
            let half = Rational(1) / Rational(2) / Rational(10).power(r.scale)
            func f(_ rate: Rational) -> Rational { let x = (Rational(1) + rate).power(n); return pv * x + q(pmt) * (x - Rational(1)) / rate }
            #expect(f(q(r) - half).sign * f(q(r) + half).sign <= 0, "\(r)")
        }
    }

    @Test("irr returns the root nearest the guess; no root is no_solution, never NaN")
    func rootChoice() throws {
        let values = ["-100", "230", "-132"].map(dec)        // roots 0.1 and 0.2
        #expect(try TimeValue.irr(values: values) == dec("0.1"))
        #expect(try TimeValue.irr(values: values, guess: dec("0.19")) == dec("0.2"))
        #expect(try TimeValue.irr(values: values, guess: dec("-0.5")) == dec("0.1"))
        for bad in [["100", "200"], ["-100", "-5"], ["0", "0"]] {
            do { _ = try TimeValue.irr(values: bad.map(dec)); Issue.record("expected no_solution for \(bad)") } catch {
                #expect(error.code == .noSolution)
            }
        }
        do { _ = try TimeValue.rate(nper: 12, pmt: dec("100"), pv: dec("1000")); Issue.record("expected no_solution") } catch { #expect(error.code == .noSolution) }
    }

    @Test("Domain errors are invalid_argument; no value is no_solution")
    func domain() {
        func code(_ body: () throws(DealError) -> ExactDecimal) -> String? {
            do { _ = try body(); return nil } catch { return "\(error.code.rawValue)@\(error.path)" }
        }
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("0.01"), nper: 0, pv: dec("1")) } == "no_solution@nper")
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("0"), nper: 0, pv: dec("1")) } == "no_solution@nper")
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("0.01"), nper: 1201, pv: dec("1")) } == "invalid_argument@nper")
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("0.01"), nper: -1201, pv: dec("1")) } == "invalid_argument@nper")
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("-1"), nper: 10, pv: dec("1"), type: 1) } == "no_solution@type")
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("-2"), nper: 10, pv: dec("1")) } == "no_solution@nper")
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("-1"), nper: -3, pv: dec("1")) } == "no_solution@nper")
        #expect(code { () throws(DealError) in try TimeValue.pv(rate: dec("-1"), nper: 3, pmt: dec("1")) } == "no_solution@rate")
        #expect(code { () throws(DealError) in try TimeValue.fv(rate: dec("-1"), nper: -3, pmt: dec("1")) } == "no_solution@nper")
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("-1000000"), nper: 10, pv: dec("1")) } == "invalid_argument@rate")
        #expect(code { () throws(DealError) in try TimeValue.ipmt(rate: dec("-1"), per: 1, nper: 10, pv: dec("1")) } == "invalid_argument@rate")
        #expect(code { () throws(DealError) in try TimeValue.ipmt(rate: dec("0.01"), per: 11, nper: 10, pv: dec("1")) } == "invalid_argument@per")
        #expect(code { () throws(DealError) in try TimeValue.cumipmt(rate: dec("0"), nper: 10, pv: dec("1"), startPeriod: 1, endPeriod: 2, type: 0) } == "invalid_argument@rate")
        #expect(code { () throws(DealError) in try TimeValue.cumipmt(rate: dec("0.01"), nper: 10, pv: dec("1"), startPeriod: 3, endPeriod: 2, type: 0) } == "invalid_argument@startPeriod")
        #expect(code { () throws(DealError) in try TimeValue.effect(nominalRate: dec("0"), npery: 4) } == "invalid_argument@nominalRate")
        #expect(code { () throws(DealError) in try TimeValue.effect(nominalRate: dec("0.05"), npery: 0) } == "invalid_argument@npery")
        #expect(code { () throws(DealError) in try TimeValue.pmt(rate: dec("0"), nper: 4, pv: dec("100")) } == nil)
    }
}

private extension Rational {
    var abs: Rational { sign < 0 ? -self : self }
}
