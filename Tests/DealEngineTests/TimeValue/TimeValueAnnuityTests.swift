// DealFinance — DealEngineTests: PMT, PV and FV where spreadsheets return a number.

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("TimeValue annuity domain")
struct TimeValueAnnuityTests {
    @Test("Negative and zero nper, rate -1 and any payment type give LibreOffice's numbers")
    func libreOffice() throws {
        // LibreOffice core, sc/qa/unit/data/functions/financial/fods/pmt.fods and pv.fods
        // (rate 0.0199/12 to 22 decimals; the documents' values are binary doubles).
        let rate = dec("0.0016583333333333333333")
        let negative = try TimeValue.pmt(rate: rate, nper: -36, pv: dec("25000"))
        #expect(try negative.rounded(scale: 12, rule: .toNearestOrAway) == dec("674.497001104058"))
        #expect(try TimeValue.pmt(rate: dec("-1"), nper: 36, pv: dec("25000")) == .zero)
        let beginning = try TimeValue.pmt(rate: rate, nper: 36, pv: dec("25000"), type: 1)
        #expect(try TimeValue.pmt(rate: rate, nper: 36, pv: dec("25000"), type: 2) == beginning)
        #expect(try TimeValue.pmt(rate: rate, nper: 36, pv: dec("25000"), type: -20) == beginning)
        #expect(try beginning.rounded(scale: 12, rule: .toNearestOrAway) == dec("-714.770007508274"))
        #expect(try TimeValue.pv(rate: dec("0.0066666666666666666667"), nper: 0, pmt: dec("500"), fv: dec("20000")) == dec("-20000"))
        #expect(try TimeValue.fv(rate: dec("0.05"), nper: 0, pmt: dec("500"), pv: dec("1000")) == dec("-1000"))
    }

    @Test("A negative nper is the same closed form with (1 + rate)^nper < 1 at positive rates")
    func negativePowers() throws {
        // x = 2: x^-2 = 1/4, x^-1 = 1/2.
        #expect(try TimeValue.fv(rate: dec("1"), nper: -2, pmt: .zero, pv: dec("100")) == dec("-25"))
        #expect(try TimeValue.pv(rate: dec("1"), nper: -2, pmt: .zero, fv: dec("100")) == dec("-400"))
        #expect(try TimeValue.pmt(rate: dec("1"), nper: -1, pv: dec("100")) == dec("100"))
        // At rate 0 the straight-line forms take nper's sign.
        #expect(try TimeValue.pmt(rate: .zero, nper: -4, pv: dec("100")) == dec("25"))
        #expect(try TimeValue.fv(rate: .zero, nper: -4, pmt: dec("10"), pv: dec("100")) == dec("-60"))
        // Rates at or below -100 %: x = 0 or negative, still exact where the value exists.
        #expect(try TimeValue.fv(rate: dec("-3"), nper: 3, pmt: .zero, pv: dec("1")) == dec("8"))
    }
}
