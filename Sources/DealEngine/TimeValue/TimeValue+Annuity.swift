// DealFinance — exact deal finance. DealEngine: PMT, PV and FV over the whole domain where
// spreadsheets return a number (any whole nper, any rate, any payment type).

import DealDecimal

extension TimeValue {
    /// The most periods, either sign, PMT, PV and FV accept (spreadsheets accept negative
    /// counts: the same closed form with (1 + rate)^nper for nper < 0).
    public static let maximumSignedPeriods = 1200

    /// Spreadsheets' payment type: 0 is the end of each period, any other number the
    /// beginning (LibreOffice treats 2 and −20 as 1; tdf#100689, tdf#100646).
    ///
    /// ```swift
    /// TimeValue.paymentType(-20)   // 1
    /// ```
    public static func paymentType(_ type: Int) -> Int { type == 0 ? 0 : 1 }

    /// FV = −(pv·x^n + pmt·(1 + r·type)·(x^n − 1)/r) with x = 1 + r, or −(pv + pmt·n) at r = 0.
    static func signedFV(rate: ExactDecimal, nper: Int, pmt: ExactDecimal, pv: ExactDecimal, type: Int) throws(DealError) -> ExactFraction {
        let (r, t) = try annuityArguments(rate: rate, nper: nper, type: type)
        let p = ExactFraction(pmt), v = ExactFraction(pv)
        if r.isZero { return -(v + p * ExactFraction(nper)) }
        let x = try growth(r, nper)
        return -(v * x + p * (ExactFraction(1) + r * t) * (x - ExactFraction(1)) / r)
    }

    /// PV = −(fv + pmt·(1 + r·type)·(x^n − 1)/r) / x^n, or −(fv + pmt·n) at r = 0.
    static func signedPV(rate: ExactDecimal, nper: Int, pmt: ExactDecimal, fv: ExactDecimal, type: Int) throws(DealError) -> ExactFraction {
        let (r, t) = try annuityArguments(rate: rate, nper: nper, type: type)
        let p = ExactFraction(pmt), f = ExactFraction(fv)
        if r.isZero { return -(f + p * ExactFraction(nper)) }
        let x = try growth(r, nper)
        guard !x.isZero else { throw noNumber("rate", "(1 + rate)^nper is 0 at rate -1: nothing is worth a future amount") }
        return -(f + p * (ExactFraction(1) + r * t) * (x - ExactFraction(1)) / r) / x
    }

    /// PMT = −(pv·x^n + fv)·r / ((1 + r·type)·(x^n − 1)), or −(pv + fv)/n at r = 0.
    static func signedPMT(rate: ExactDecimal, nper: Int, pv: ExactDecimal, fv: ExactDecimal, type: Int) throws(DealError) -> ExactFraction {
        let (r, t) = try annuityArguments(rate: rate, nper: nper, type: type)
        let v = ExactFraction(pv), f = ExactFraction(fv)
        guard nper != 0 else { throw noNumber("nper", "no payment spreads an amount over 0 periods") }
        if r.isZero { return -(v + f) / ExactFraction(nper) }
        let x = try growth(r, nper)
        let denominator = (ExactFraction(1) + r * t) * (x - ExactFraction(1))
        guard !denominator.isZero else {
            throw noNumber(t.isZero ? "nper" : "type", "(1 + rate·type)·((1 + rate)^nper − 1) is 0: no level payment exists")
        }
        return -(v * x + f) * r / denominator
    }

    /// The checked rate and payment type as fractions: |rate| below 10^6, nper within
    /// ±``maximumSignedPeriods``.
    static func annuityArguments(rate: ExactDecimal, nper: Int, type: Int) throws(DealError) -> (rate: ExactFraction, type: ExactFraction) {
        guard rate > ExactDecimal(-1_000_000), rate < ExactDecimal(1_000_000) else {
            throw DealError.invalidArgument("rate", "expected a rate above -1000000 and below 1000000 per period, found \(rate)")
        }
        guard (-maximumSignedPeriods...maximumSignedPeriods).contains(nper) else {
            throw DealError.invalidArgument("nper", "expected a number of periods from -\(maximumSignedPeriods) to \(maximumSignedPeriods), found \(nper)")
        }
        return (ExactFraction(rate), ExactFraction(paymentType(type)))
    }

    /// (1 + r)^n for any whole n; `no_solution` for 0 to a negative power.
    static func growth(_ r: ExactFraction, _ n: Int) throws(DealError) -> ExactFraction {
        let x = ExactFraction(1) + r
        if n >= 0 { return x.power(n) }
        guard !x.isZero else { throw noNumber("nper", "(1 + rate)^nper is 0 to a negative power at rate -1") }
        return ExactFraction(x.denominator, x.numerator).power(-n)
    }

    /// `no_solution`: the arguments are in the domain but no number exists (spreadsheets'
    /// #NUM! or #DIV/0!).
    static func noNumber(_ path: String, _ why: String) -> DealError {
        DealError(code: .noSolution, path: path, message: "expected arguments for which a value exists, found none: \(why)")
    }
}
