// DealFinance — exact deal finance. DealEngine: the Regulation Z Appendix J equation's sign at
// a rational rate in double-word arithmetic (the fast decision of the APR's rounding).

import DealDecimal

extension AnnualPercentageRate {
    /// The Appendix J equation prepared for signs in double-word arithmetic (``DoubleWord``):
    /// the amounts as exact double words, the terms grouped by fraction. Built once a solve,
    /// when its bracket straddles a rounding boundary.
    ///
    /// ``sign(at:)`` evaluates the multiple of the equation that ``regzExactSign(_:at:)``
    /// decides, W(i) = Σ_g H_g(i)·d_g·Π_{h≠g}(d_h + n_h·i) with H_g(i) = Σ a·(1 + i)^(T−t) by
    /// Horner's rule, at the double-word quotient î of the rate (|î − i| ≤ δ = 2ε·î, ε =
    /// ``DoubleWord/relativeError``). Every contribution passes at most
    /// K = 8(T + n + G) + 32 double-word operations, so |Ŵ − W(î)| ≤ γ_K·W₊, W₊ the same sum
    /// of magnitudes (in double, enlarged by its own rounding); and |W(î) − W(i)| ≤
    /// δ·(T + G)·2W₊, every magnitude's derivative being at most (T + G) times it. The sign
    /// is proven when |Ŵ| exceeds both; else nil (the rate within about 10⁻²⁸ of the root),
    /// and the caller takes the wide rationals.
    ///
    /// ```swift
    /// let equation = RegzDoubleWordEquation(problem, terms: terms)
    /// equation?.sign(at: ExactFraction(WideInteger(1), WideInteger(100)))   // 1, −1 or nil
    /// ```
    struct RegzDoubleWordEquation {
        let amounts: [DoubleWord]
        let fractions: [(numerator: Int, denominator: Int)]
        let members: [[Int]]
        let largest: Int
        let wholes: [Int]

        /// Nil when it does not apply: more than 32 distinct fractions, or an amount (at the
        /// flows' largest scale) of 2¹⁰⁶ or more.
        init?(_ problem: AnnualPercentageRate, terms: [Term]) {
            let advances = problem.advances, payments = problem.payments
            guard terms.count == advances.count + payments.count else { return nil }
            var scale = 0
            for k in advances.indices { scale = max(scale, advances[k].amount.scale) }
            for k in payments.indices { scale = max(scale, payments[k].amount.scale) }
            var amounts: [DoubleWord] = []
            amounts.reserveCapacity(terms.count)
            for k in terms.indices {
                let value = k < advances.count ? advances[k].amount : payments[k - advances.count].amount
                var power: Int128 = 1
                for _ in 0..<(scale - value.scale) { power *= 10; if power > 1 << 100 { return nil } }
                let (integer, overflow) = value.coefficient.multipliedReportingOverflow(by: power)
                guard !overflow, let word = DoubleWord(exactly: k < advances.count ? -integer : integer) else { return nil }
                amounts.append(word)
            }
            let (fractions, members, largest) = AnnualPercentageRate.fractionGroups(terms)
            guard fractions.count <= 32 else { return nil }
            (self.amounts, self.fractions, self.members, self.largest) = (amounts, fractions, members, largest)
            wholes = terms.map(\.whole)
        }

        /// The proven sign at the rate p/q ≥ 0, or nil (see the type).
        func sign(at rate: ExactFraction) -> Int? {
            guard let p = rate.numerator.int128Value, let q = rate.denominator.int128Value, p >= 0, q > 0,
                  let pWord = DoubleWord(exactly: p), let qWord = DoubleWord(exactly: q) else { return nil }
            let i = pWord / qWord
            let delta = 2 * DoubleWord.relativeError * (abs(i.hi) + abs(i.lo))
            let x = DoubleWord(1) + i
            let xUp = x.hi + abs(x.lo)
            var total = DoubleWord(0), magnitude = 0.0
            for g in fractions.indices {
                var acc = DoubleWord(0), accMagnitude = 0.0
                var last: Int?
                for k in members[g] {
                    let e = largest - wholes[k]
                    if let last, last > e {
                        acc = acc * x.power(last - e)
                        accMagnitude *= RateSolver.power(xUp, last - e)
                    }
                    acc = acc + amounts[k]
                    accMagnitude += abs(amounts[k].hi) + abs(amounts[k].lo)
                    last = e
                }
                if let last, last > 0 {
                    acc = acc * x.power(last)
                    accMagnitude *= RateSolver.power(xUp, last)
                }
                var factor = DoubleWord(Double(fractions[g].denominator)), factorMagnitude = Double(fractions[g].denominator)
                for other in fractions.indices where other != g {
                    let e = DoubleWord(Double(fractions[other].denominator)) + DoubleWord(Double(fractions[other].numerator)) * i
                    factor = factor * e
                    factorMagnitude *= e.hi + abs(e.lo)
                }
                total = total + acc * factor
                magnitude += accMagnitude * factorMagnitude
            }
            let operations = 8 * (largest + amounts.count + fractions.count) + 32
            // The magnitude's own rounding: at most `operations` rounded double operations.
            let upper = magnitude * (1 + 2 * Double(operations) * RateSolver.unitRoundoff)
            let drift = Double(largest + fractions.count)
            guard total.hi.isFinite, total.lo.isFinite, upper.isFinite, upper < 0x1p900, delta * drift < 0.5 else { return nil }
            let bound = DoubleWord.gamma(operations) * upper + delta * drift * 2 * upper + abs(total.lo)
            if total.hi > bound { return 1 }
            if total.hi < -bound { return -1 }
            return nil
        }
    }
}
