// DealFinance — exact deal finance. DealEngine: the Regulation Z Appendix J equation's sign at
// a rational rate in double-word arithmetic (the fast decision of the APR's rounding).

import DealDecimal

extension AnnualPercentageRate {
    /// The Appendix J equation prepared for signs in double-word arithmetic (``DoubleWord``):
    /// the flows as runs — equal amounts at consecutive t with one fraction (a payment series)
    /// — grouped by fraction, in storage the caller lends
    /// (``withRegzDoubleWordEquation(terms:_:)``).
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
    /// problem.withRegzDoubleWordEquation(terms: terms) { equation in
    ///     equation?.sign(at: ExactFraction(WideInteger(1), WideInteger(100)))   // 1, −1 or nil
    /// }
    /// ```
    struct RegzDoubleWordEquation {
        /// A run: `count` equal amounts at consecutive exponents from `exponent` down (e = T − t).
        struct Run {
            var amount: DoubleWord
            var exponent: Int
            var count: Int
            var group: Int
            /// While building: the first amount exactly, and the run's last t.
            var coefficient: Int128
            var scale: Int
            var lastWhole: Int
        }
        /// A fraction n/d of a unit-period in lowest terms.
        struct Fraction: Equatable {
            var numerator: Int
            var denominator: Int
        }
        let runs: UnsafeBufferPointer<Run>
        let fractions: UnsafeBufferPointer<Fraction>
        let largest: Int

        /// At most this many distinct fractions (else the wide rationals decide).
        static let fractionCapacity = 32
        /// Runs that fit the stack storage of ``withRegzDoubleWordEquation(terms:_:)``.
        static let smallRunCapacity = 12

        /// Built in `runStorage` and `fractionStorage`; nil when it does not apply (more than
        /// ``fractionCapacity`` distinct fractions, an amount at the flows' largest scale of
        /// 2¹⁰⁶ or more) or when the runs do not fit `runStorage`. One pass over the terms.
        init?(_ problem: AnnualPercentageRate, terms: [Term], runStorage: UnsafeMutableBufferPointer<Run>,
              fractionStorage: UnsafeMutableBufferPointer<Fraction>) {
            let advanceCount = problem.advances.count
            guard terms.count == advanceCount + problem.payments.count, fractionStorage.count >= Self.fractionCapacity else { return nil }
            var runCount = 0, fractionCount = 0, largest = 0, scale = 0
            // The previous term's raw fraction and group.
            var lastExact = (numerator: -1, denominator: 0), lastGroup = -1
            for k in terms.indices {
                let whole = terms[k].whole, exact = terms[k].exact
                largest = max(largest, whole)
                var group = lastGroup
                if runCount == 0 || lastExact != exact {
                    let common = exact.numerator == 0 ? exact.denominator : AnnualPercentageRate.gcd(exact.numerator, exact.denominator)
                    let reduced = Fraction(numerator: exact.numerator / common, denominator: exact.denominator / common)
                    group = -1
                    for g in 0..<fractionCount where fractionStorage[g] == reduced { group = g; break }
                    if group < 0 {
                        guard fractionCount < Self.fractionCapacity else { return nil }
                        group = fractionCount
                        fractionStorage[fractionCount] = reduced
                        fractionCount += 1
                    }
                }
                // The next payment of a series: one period later, the same amount (exactly, as
                // regzTerms compared it) and fraction.
                if runCount > 0, runStorage[runCount - 1].group == group, runStorage[runCount - 1].lastWhole + 1 == whole,
                   terms[k].sameAmountAsPrevious {
                    runStorage[runCount - 1].count += 1
                    runStorage[runCount - 1].lastWhole = whole
                } else {
                    guard runCount < runStorage.count else { return nil }
                    let isAdvance = k < advanceCount
                    let flow = isAdvance ? problem.advances[k].amount : problem.payments[k - advanceCount].amount
                    scale = max(scale, flow.scale)
                    // Advances negative (the coefficient's sign; |coefficient| < 10^38).
                    runStorage[runCount] = Run(amount: DoubleWord(0), exponent: 0, count: 1, group: group,
                                               coefficient: isAdvance ? -flow.coefficient : flow.coefficient,
                                               scale: flow.scale, lastWhole: whole)
                    runCount += 1
                }
                (lastExact, lastGroup) = (exact, group)
            }
            // The amounts at one scale (the largest of the runs' amounts, so of all flows), and
            // each run's lowest exponent (its last t's).
            for r in 0..<runCount {
                var power: Int128 = 1
                for _ in 0..<(scale - runStorage[r].scale) { power *= 10; if power > 1 << 100 { return nil } }
                let (integer, overflow) = runStorage[r].coefficient.multipliedReportingOverflow(by: power)
                guard !overflow, let word = DoubleWord(exactly: integer) else { return nil }
                runStorage[r].amount = word
                runStorage[r].exponent = largest - runStorage[r].lastWhole
            }
            runs = UnsafeBufferPointer(rebasing: runStorage[0..<runCount])
            fractions = UnsafeBufferPointer(rebasing: fractionStorage[0..<fractionCount])
            self.largest = largest
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
            // x̂^n and its upper bound, the last two exponents' kept: a series' x̂^m is often
            // the advance's x̂^T (the same products, so the same value and bound).
            var memo = (n: 0, power: DoubleWord(1), upper: 1.0), older = memo
            func power(_ n: Int) -> (DoubleWord, Double) {
                if n == memo.n { return (memo.power, memo.upper) }
                if n == older.n { return (older.power, older.upper) }
                (older, memo) = (memo, (n, x.power(n), RateSolver.power(xUp, n)))
                return (memo.power, memo.upper)
            }
            // Group by group (no per-call arrays: G is small, the runs few).
            var total = DoubleWord(0), magnitude = 0.0
            for g in fractions.indices {
                var sum = DoubleWord(0), weight = 0.0
                for run in runs where run.group == g {
                    let (start, startUp) = power(run.exponent)
                    let size = abs(run.amount.hi) + abs(run.amount.lo)
                    if run.count == 1 {
                        sum = sum + run.amount * start
                        weight += size * startUp
                    } else {
                        // Σ_{j<m} x^(e₀+j) = x^e₀·(x^m − 1)/(x − 1); `exponent` is the lowest, e₀.
                        let (whole, wholeUp) = power(run.count)
                        let geometric = (whole + DoubleWord(-1)) / growth
                        sum = sum + run.amount * start * geometric
                        weight += size * startUp * (wholeUp + 1) / growthDown
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

    /// Calls `body` with the problem's ``RegzDoubleWordEquation`` (nil where it does not
    /// apply), built in temporary storage: on the stack for up to
    /// ``RegzDoubleWordEquation/smallRunCapacity`` runs, else in storage for one run a term.
    func withRegzDoubleWordEquation<R, E: Error>(terms: [Term],
                                                 _ body: (RegzDoubleWordEquation?) throws(E) -> R) throws(E) -> R {
        typealias Equation = RegzDoubleWordEquation
        let small: Swift.Result<R, E>? = withUnsafeTemporaryAllocation(of: Equation.Fraction.self, capacity: Equation.fractionCapacity) { fractions in
            withUnsafeTemporaryAllocation(of: Equation.Run.self, capacity: Equation.smallRunCapacity) { runs in
                guard let equation = Equation(self, terms: terms, runStorage: runs, fractionStorage: fractions) else { return nil }
                do throws(E) { return .success(try body(equation)) } catch { return .failure(error) }
            }
        }
        if let small { return try small.get() }
        let large: Swift.Result<R, E> = withUnsafeTemporaryAllocation(of: Equation.Fraction.self, capacity: Equation.fractionCapacity) { fractions in
            withUnsafeTemporaryAllocation(of: Equation.Run.self, capacity: Swift.max(1, terms.count)) { runs in
                let equation = terms.count > Equation.smallRunCapacity
                    ? Equation(self, terms: terms, runStorage: runs, fractionStorage: fractions) : nil
                do throws(E) { return .success(try body(equation)) } catch { return .failure(error) }
            }
        }
        return try large.get()
    }
}
