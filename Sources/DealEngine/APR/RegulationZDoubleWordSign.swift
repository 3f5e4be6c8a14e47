// DealFinance — exact deal finance. DealEngine: the Regulation Z Appendix J equation's sign at
// a rational rate in double-word arithmetic (the fast decision of the APR's rounding).

import DealDecimal

extension AnnualPercentageRate {
    /// The Appendix J equation prepared for signs in double-word arithmetic (``DoubleWord``):
    /// the flows as runs — equal amounts at consecutive t with one fraction (a payment series)
    /// — grouped by fraction. Built once a solve, when its bracket straddles a rounding
    /// boundary.
    ///
    /// ``sign(at:)`` evaluates the multiple of the equation that ``regzExactSign(_:at:)``
    /// decides, W(i) = Σ_g H_g(x)·d_g·Π_{h≠g}(d_h + n_h·i), x = 1 + i, where H_g sums the
    /// group's runs: a run of m amounts a at exponents e₀ … e₀ + m − 1 (e = T − t) is
    /// a·x^e₀·(x^m − 1)/(x − 1), one term a·x^e₀. It is evaluated at the double-word quotient
    /// î of the rate (|î − i| ≤ δ = 2ε·î, ε = ``DoubleWord/relativeError``), with x̂ = 1 + î
    /// and x̂ − 1 computed. With K = 8(T + G + R) + 64 (T the largest t, G groups, R runs), no
    /// operation chain is longer than K, so the error of a run is at most γ_K·E, E =
    /// a·x^e₀·(x^m + 1)/(x − 1) (a·x^e₀ for one term), which also bounds the run's magnitude
    /// (the cancellation in x^m − 1 is inside it); the computed W is within γ_K·W₊ of W(î) (W₊
    /// the same sum with each run's E, in double, enlarged by its own rounding), and W(î)
    /// within δ·(T + G)·2W₊ of W(i), every magnitude's derivative being at most (T + G) times
    /// it. The sign is proven when |Ŵ| exceeds both; else nil (the rate within about 10⁻²⁸ of
    /// the root, or a rate so small that x − 1 cancels), and the caller takes the wide
    /// rationals.
    ///
    /// ```swift
    /// let equation = RegzDoubleWordEquation(problem, terms: terms)
    /// equation?.sign(at: ExactFraction(WideInteger(1), WideInteger(100)))   // 1, −1 or nil
    /// ```
    struct RegzDoubleWordEquation {
        /// A run: `count` equal amounts at consecutive exponents from `exponent` down (e = T − t).
        struct Run {
            var amount: DoubleWord
            var exponent: Int
            var count: Int
            var group: Int
        }
        let runs: [Run]
        /// A fraction n/d of a unit-period in lowest terms.
        struct Fraction: Equatable {
            var numerator: Int
            var denominator: Int
        }
        let fractions: [Fraction]
        let largest: Int

        /// Nil when it does not apply: more than 32 distinct fractions, or an amount (at the
        /// flows' largest scale) of 2¹⁰⁶ or more.
        init?(_ problem: AnnualPercentageRate, terms: [Term]) {
            let advanceCount = problem.advances.count
            guard terms.count == advanceCount + problem.payments.count else { return nil }
            var largest = 0
            for k in terms.indices { largest = max(largest, terms[k].whole) }
            var fractions: [Fraction] = []
            var runs: [Run] = []
            // Each run's first amount, exactly (every amount of a run is equal).
            var starts: [(coefficient: Int128, scale: Int)] = []
            fractions.reserveCapacity(4)
            runs.reserveCapacity(4)
            starts.reserveCapacity(4)
            // The run being built (count 0: none) and the previous flow's t and fraction.
            var current = Run(amount: DoubleWord(0), exponent: 0, count: 0, group: -1)
            var lastWhole = 0
            var lastExact = Fraction(numerator: -1, denominator: 0)
            for k in terms.indices {
                let whole = terms[k].whole
                let exact = Fraction(numerator: terms[k].exact.numerator, denominator: terms[k].exact.denominator)
                var group = current.group
                if current.count == 0 || lastExact != exact {
                    let common = exact.numerator == 0 ? exact.denominator : AnnualPercentageRate.gcd(exact.numerator, exact.denominator)
                    let reduced = Fraction(numerator: exact.numerator / common, denominator: exact.denominator / common)
                    if let known = fractions.firstIndex(of: reduced) { group = known } else {
                        guard fractions.count < 32 else { return nil }
                        group = fractions.count
                        fractions.append(reduced)
                    }
                }
                // The next payment of a series: one period later, the same amount (exactly, as
                // regzTerms compared it) and fraction.
                if current.count > 0, current.group == group, lastWhole + 1 == whole, terms[k].sameAmountAsPrevious {
                    current.count += 1
                    current.exponent = largest - whole
                } else {
                    if current.count > 0 { runs.append(current) }
                    let isAdvance = k < advanceCount
                    let flow = isAdvance ? problem.advances[k].amount : problem.payments[k - advanceCount].amount
                    // Advances negative (the coefficient's sign; |coefficient| < 10^38).
                    starts.append((isAdvance ? -flow.coefficient : flow.coefficient, flow.scale))
                    current = Run(amount: DoubleWord(0), exponent: largest - whole, count: 1, group: group)
                }
                (lastWhole, lastExact) = (whole, exact)
            }
            if current.count > 0 { runs.append(current) }
            // The amounts at one scale (the largest of the runs' amounts, so of all flows).
            var scale = 0
            for start in starts { scale = max(scale, start.scale) }
            for r in runs.indices {
                var power: Int128 = 1
                for _ in 0..<(scale - starts[r].scale) { power *= 10; if power > 1 << 100 { return nil } }
                let (integer, overflow) = starts[r].coefficient.multipliedReportingOverflow(by: power)
                guard !overflow, let word = DoubleWord(exactly: integer) else { return nil }
                runs[r].amount = word
            }
            (self.runs, self.fractions, self.largest) = (runs, fractions, largest)
        }

        /// The proven sign at the rate p/q ≥ 0, or nil (see the type).
        func sign(at rate: ExactFraction) -> Int? {
            guard let p = rate.numerator.int128Value, let q = rate.denominator.int128Value else { return nil }
            return sign(numerator: p, denominator: q)
        }

        /// ``sign(at:)`` at p/q given as 128-bit integers.
        func sign(numerator p: Int128, denominator q: Int128) -> Int? {
            guard p > 0, q > 0, let pWord = DoubleWord(exactly: p), let qWord = DoubleWord(exactly: q) else { return nil }
            let i = pWord / qWord
            let delta = 2 * DoubleWord.relativeError * (abs(i.hi) + abs(i.lo))
            let x = DoubleWord(1) + i
            let growth = x + DoubleWord(-1)                 // x̂ − 1, for the geometric sums
            let xUp = x.hi + abs(x.lo), growthDown = growth.hi - abs(growth.lo)
            guard growthDown > 0 else { return nil }
            // Group by group (no per-call arrays: G is small, the runs few).
            var total = DoubleWord(0), magnitude = 0.0
            for g in fractions.indices {
                var sum = DoubleWord(0), weight = 0.0
                for run in runs where run.group == g {
                    let start = x.power(run.exponent)
                    let startUp = RateSolver.power(xUp, run.exponent)
                    let size = abs(run.amount.hi) + abs(run.amount.lo)
                    if run.count == 1 {
                        sum = sum + run.amount * start
                        weight += size * startUp
                    } else {
                        // Σ_{j<m} x^(e₀+j) = x^e₀·(x^m − 1)/(x − 1); `exponent` is the lowest, e₀.
                        let geometric = (x.power(run.count) + DoubleWord(-1)) / growth
                        sum = sum + run.amount * start * geometric
                        weight += size * startUp * (RateSolver.power(xUp, run.count) + 1) / growthDown
                    }
                }
                var factor = DoubleWord(Double(fractions[g].denominator)), factorMagnitude = Double(fractions[g].denominator)
                for other in fractions.indices where other != g {
                    let e = DoubleWord(Double(fractions[other].denominator)) + DoubleWord(Double(fractions[other].numerator)) * i
                    factor = factor * e
                    factorMagnitude *= e.hi + abs(e.lo)
                }
                total = total + sum * factor
                magnitude += weight * factorMagnitude
            }
            let operations = 8 * (largest + fractions.count + runs.count) + 64
            // The weights' own rounding: at most `operations` rounded double operations.
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
