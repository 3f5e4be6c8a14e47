// DealFinance — DealEngineTests: TimeValue+Transcendental.swift (NPER, NOMINAL, XNPV, XIRR).

import Testing
import DealDecimal
@testable import DealEngine
import _DealTestSupport

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }
private func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }
private func q(_ value: ExactDecimal) -> Rational { Rational(value.description)! }

private let libreDates = ["2001-01-01", "2001-02-01", "2001-03-15", "2001-05-12", "2001-08-10"].map(day)
private let libreValues = ["-10000", "2000", "2500", "5000", "1000"].map(dec)

@Suite("TimeValue transcendental functions")
struct TimeValueTranscendentalTests {
    /// Expected digits from 60-digit mpmath, rounded half even to 25 (20 for xirr).
    @Test("Documentation examples to every reported digit")
    func documentation() throws {
        #expect(try TimeValue.nper(rate: dec("0.06"), pmt: dec("153.75"), pv: dec("2600")) == dec("-12.02077808515545360356116"))
        #expect(try TimeValue.nper(rate: dec("0.01"), pmt: dec("-100"), pv: dec("-1000")) == dec("-9.578594039813166670372793"))
        #expect(try TimeValue.nper(rate: dec("0.01"), pmt: dec("-100"), pv: dec("-1000"), fv: dec("10000"), type: 1) == dec("59.67386567429462558750359"))
        #expect(try TimeValue.nominal(effectRate: dec("0.135"), npery: 12) == dec("0.1273031669590423327207470"))
        #expect(try TimeValue.nominal(effectRate: dec("0.25"), npery: 8) == dec("0.2262847543831172468853969"))
        #expect(try TimeValue.xnpv(rate: dec("0.06"), values: libreValues, dates: libreDates) == dec("323.0168935873034911365900"))
        #expect(try TimeValue.xirr(values: libreValues, dates: libreDates) == dec("0.18284348582078359766"))
    }

    @Test("Exact cases: rate 0, ratio 1, whole years, a rational root, npery 1")
    func exactCases() throws {
        #expect(try TimeValue.nper(rate: .zero, pmt: dec("-100"), pv: dec("1000")) == dec("10"))
        #expect(try TimeValue.nper(rate: dec("0.05"), pmt: dec("-100"), pv: .zero) == .zero)
        #expect(try TimeValue.nper(rate: dec("0.1"), pmt: .zero, pv: dec("-1"), fv: dec("1.21")) == dec("2"))
        #expect(try TimeValue.nominal(effectRate: dec("0.21"), npery: 2) == dec("0.2"))
        #expect(try TimeValue.nominal(effectRate: dec("0.07"), npery: 1) == dec("0.07"))
        let years = [day("2021-01-01"), day("2022-01-01"), day("2023-01-01")]
        #expect(try TimeValue.xnpv(rate: dec("0.1"), values: [dec("-100"), dec("55"), dec("60.5")], dates: years) == .zero)
        #expect(try TimeValue.xirr(values: [dec("-100"), dec("55"), dec("60.5")], dates: years) == dec("0.1"))
        #expect(try TimeValue.xirr(values: [dec("-100"), dec("100")], dates: [day("2021-01-01"), day("2021-06-01")]) == .zero)
    }

    @Test("Round trips: nper(pmt(n)) ≈ n, nominal(effect(r)) ≈ r, xirr = irr on 365-day years, xnpv(xirr) ≈ 0")
    func roundTrips() throws {
        var g = SeededGenerator(seed: 0x7E1)
        for _ in 0..<12 {
            let rate = dec("0.00" + String(g.int(in: 1...999)))
            let n = g.int(in: 1...360)
            let pv = dec(String(g.int(in: 1000...90000)))
            let pmt = try TimeValue.pmt(rate: rate, nper: n, pv: pv)
            let back = try TimeValue.nper(rate: rate, pmt: pmt, pv: pv)
            #expect((q(back) - Rational(n)).magnitude < Rational(1) / Rational(10).power(14), "\(rate) \(n) \(pv) → \(back)")

            let npery = g.int(in: 2...365)
            let nominal = try TimeValue.nominal(effectRate: TimeValue.effect(nominalRate: rate, npery: npery), npery: npery)
            #expect((q(nominal) - q(rate)).magnitude < Rational(1) / Rational(10).power(22), "\(rate) \(npery) → \(nominal)")

            // Flows a 365-day year apart: XIRR's equation is IRR's, both correctly rounded.
            let count = g.int(in: 2...8)
            var values = [dec("-" + String(g.int(in: 1000...9000)))]
            for _ in 1..<count { values.append(dec(String(g.int(in: 100...3000)))) }
            var dates = [day("2020-03-01")]
            for _ in 1..<count { dates.append(try dates.last!.adding(days: 365)) }
            let irr = try TimeValue.irr(values: values, guess: nil)
            let xirr = try TimeValue.xirr(values: values, dates: dates)
            #expect(irr == xirr, "\(values) → irr \(irr), xirr \(xirr)")

            // Irregular dates: the present value at the XIRR is zero to ~20 digits.
            var ragged = [day("2020-03-01")]
            for _ in 1..<count { ragged.append(try ragged.last!.adding(days: g.int(in: 1...400))) }
            if let root = try? TimeValue.xirr(values: values, dates: ragged) {
                let pv = try TimeValue.xnpv(rate: root, values: values, dates: ragged)
                let scale = values.reduce(Rational(0)) { $0 + q($1).magnitude }
                #expect(q(pv).magnitude < scale / Rational(10).power(16), "\(values) \(ragged) root \(root) pv \(pv)")
            }
        }
    }

    @Test("A flow 7,000 years out: its discount factor is below 2^-5909, so xirr is the root without it, correctly rounded and fast (was the double midpoint after 5 s of refusals; found by FuzzRequest)")
    func farDatedFlow() throws {
        let values = [dec("-04999"), dec("5750"), dec("4250"), dec("3250"), dec("2750")]
        let near = [day("2007-01-01"), day("2008-03-01"), day("2008-10-30"), day("2009-02-14")]
        let far = try TimeValue.xirr(values: values, dates: near + [day("9009-04-01")])
        #expect(far == dec("0.86685044488957619215"))
        // The same as with that flow 3,000 years out, where the series still answers.
        #expect(far == (try TimeValue.xirr(values: values, dates: near + [day("5009-04-01")])))
        // xnpv of the same flows answers too (a tiny enclosure, not an overflow).
        let npv = try TimeValue.xnpv(rate: dec("0.8"), values: values, dates: near + [day("9009-04-01")])
        #expect(npv == (try TimeValue.xnpv(rate: dec("0.8"), values: Array(values.prefix(4)), dates: near)))
    }

    @Test("Domain errors and no solution")
    func errors() throws {
        func code(_ body: () throws(DealError) -> ExactDecimal) -> DealError.Code? {
            do { _ = try body(); return nil } catch { return error.code }
        }
        // No count of periods reaches fv: no_solution (spreadsheets' #NUM!), not a bad argument.
        #expect(code { () throws(DealError) in try TimeValue.nper(rate: .zero, pmt: .zero, pv: dec("1")) } == .noSolution)
        #expect(code { () throws(DealError) in try TimeValue.nper(rate: dec("0.01"), pmt: dec("100"), pv: dec("-20000")) } == .noSolution)
        // Any type other than 0 is the beginning of the period, as in spreadsheets.
        #expect(try TimeValue.nper(rate: dec("0.01"), pmt: dec("-100"), pv: dec("1000"), type: 2)
                == TimeValue.nper(rate: dec("0.01"), pmt: dec("-100"), pv: dec("1000"), type: 1))
        #expect(code { () throws(DealError) in try TimeValue.nper(rate: dec("-1"), pmt: dec("-100"), pv: dec("1000")) } == .invalidArgument)
        #expect(code { () throws(DealError) in try TimeValue.nominal(effectRate: .zero, npery: 4) } == .invalidArgument)
        #expect(code { () throws(DealError) in try TimeValue.nominal(effectRate: dec("0.1"), npery: 0) } == .invalidArgument)
        #expect(code { () throws(DealError) in try TimeValue.xnpv(rate: dec("0.1"), values: libreValues, dates: Array(libreDates.dropLast())) } == .invalidArgument)
        #expect(code { () throws(DealError) in try TimeValue.xnpv(rate: dec("0.1"), values: libreValues, dates: libreDates.reversed()) } == .invalidArgument)
        #expect(code { () throws(DealError) in try TimeValue.xnpv(rate: dec("-1.5"), values: libreValues, dates: libreDates) } == .invalidArgument)
        #expect(code { () throws(DealError) in try TimeValue.xirr(values: [dec("100"), dec("200")], dates: [day("2020-01-01"), day("2021-01-01")]) } == .noSolution)
        #expect(code { () throws(DealError) in try TimeValue.xirr(values: libreValues, dates: libreDates, guess: dec("-1")) } == .invalidArgument)
    }

    @Test("Random inputs: a value or a documented error, never a crash or hang")
    func randomInputs() {
        var g = SeededGenerator(seed: 0xBADD)
        func sign() -> String { g.chance(1, in: 2) ? "-" : "" }
        for _ in 0..<40 {
            let rate = dec(sign() + "0." + String(g.int(in: 0...99_999)))
            let outcomes: [Result<ExactDecimal, DealError>] = [
                Result { () throws(DealError) in try TimeValue.nper(rate: rate, pmt: dec(sign() + String(g.int(in: 0...5000))), pv: dec(sign() + String(g.int(in: 0...90000))),
                                                                   fv: dec(sign() + String(g.int(in: 0...9000))), type: g.int(in: 0...1)) },
                Result { () throws(DealError) in try TimeValue.nominal(effectRate: dec("0." + String(g.int(in: 0...999_999))), npery: g.int(in: 0...400)) },
                Result { () throws(DealError) in
                    let n = g.int(in: 1...6)
                    var dates = [day("2024-02-29")]
                    for _ in 1..<n { dates.append(try! dates.last!.adding(days: g.int(in: 0...900))) }
                    let values = (0..<n).map { _ in dec(sign() + String(g.int(in: 0...10000))) }
                    return g.chance(1, in: 2) ? try TimeValue.xnpv(rate: rate, values: values, dates: dates)
                                              : try TimeValue.xirr(values: values, dates: dates, guess: g.chance(1, in: 2) ? nil : rate)
                },
            ]
            for outcome in outcomes {
                if case .failure(let error) = outcome {
                    #expect([.invalidArgument, .noSolution, .overflow].contains(error.code), "\(error)")
                }
            }
        }
    }
}
