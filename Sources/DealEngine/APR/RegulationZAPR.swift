// DealFinance — exact deal finance. DealEngine: the Regulation Z Appendix J solve: the single
// payment case, the bounded evaluation, the Newton bracket and the bisection fallback.

import DealDecimal

extension AnnualPercentageRate {
    // MARK: Single advance, single payment (Appendix J (b)(4)(ii))

    /// The term as (days, or whole months) when it is less than a year and not one monthly,
    /// quarterly or semiannual period; nil otherwise (then the general path gives t = 1, f = 0
    /// and the same 12/months a year). A week, two weeks or a semimonth is no whole number of
    /// months, so (b)(5)(vii) counts it as 365/days a year, not 52, 26 or 24.
    func singlePaymentTerm(start: CivilDate) throws(DealError) -> (days: Int, months: Int?)? {
        let end = payments[0].date
        let days = start.days(until: end)
        guard days > 0 else { return nil }
        for frequency in PaymentFrequency.allCases where frequency.monthsPerPeriod != nil && Self.isOnePeriod(from: start, to: end, frequency) { return nil }
        guard let monthly = try? UnitPeriodCount(from: start, to: end, frequency: .monthly) else { return nil }
        if monthly.wholePeriods >= 12 { return nil }      // longer than a year: the unit-period is a year
        if monthly.oddDays == 0 { return (days, monthly.wholePeriods) }
        return (days, nil)
    }

    func singlePaymentResult(_ term: (days: Int, months: Int?), advanced: ExactDecimal, paid: ExactDecimal,
                             charge: ExactDecimal) throws(DealError) -> Result {
        // i = charge / advanced exactly; APR = i × 100 × (365 / days or 12 / months).
        do {
            let (numerator, denominator) = term.months.map { (Int128(12), Int128($0)) } ?? (365, Int128(term.days))
            let perYear = try ExactDecimal(coefficient: numerator, scale: 0)
                .divided(by: ExactDecimal(coefficient: denominator, scale: 0), scale: 10, rule: .toNearestOrEven).normalized()
            let scaledCharge = try charge * ExactDecimal(coefficient: numerator * 100, scale: 0)
            let scaledAdvance = try advanced * ExactDecimal(coefficient: denominator, scale: 0)
            let apr = try scaledCharge.divided(by: scaledAdvance, scale: Self.resultDecimals, rule: .toNearestOrEven)
            let disclosed = try scaledCharge.divided(by: scaledAdvance, scale: 2, rule: .toNearestOrAway)
            return Result(apr: apr, aprDisclosed: disclosed, unitPeriod: .term, unitPeriodsPerYear: perYear,
                          amountFinanced: advanced, totalOfPayments: paid, financeCharge: charge,
                          errorBound: 0.5e-12, isIrregular: false)
        } catch {
            throw DealError(code: .overflow, path: "", message: "the APR needs more than 38 digits")
        }
    }

    // MARK: Evaluation with a proven error bound

    /// Σ amount / ((1 + f·i)(1 + i)^t), multiplied by (1 + i)^T (T the largest t) when i < 0
    /// so that nothing overflows; the sign is unchanged.
    static func regzValue(_ terms: [Term], _ i: Double) -> BoundedValue {
        regzValue(terms, i, wholes: wholeRange(terms))
    }

    /// The smallest and largest t of the terms (nil for none).
    static func wholeRange(_ terms: [Term]) -> ClosedRange<Int>? {
        wholeRangeAndMonotone(terms).wholes
    }

    /// ``wholeRange(_:)`` and ``isMonotone(_:)`` in one pass over the terms.
    static func wholeRangeAndMonotone(_ terms: [Term]) -> (wholes: ClosedRange<Int>?, monotone: Bool) {
        guard let first = terms.first else { return (nil, true) }
        var maxWhole = first.whole, minWhole = first.whole, monotone = true
        for k in terms.indices {
            let (amount, whole, fraction) = (terms[k].amount, terms[k].whole, terms[k].fraction)
            if whole > maxWhole { maxWhole = whole }
            if whole < minWhole { minWhole = whole }
            // Every advance at t = 0 with f = 0, every payment at t, f ≥ 0 (finite; the
            // comparisons are false for NaN).
            let measured = abs(amount) < .infinity && fraction >= 0 && fraction < .infinity && whole >= 0
            if !(measured && (amount >= 0 || (whole == 0 && fraction == 0))) { monotone = false }
        }
        return (minWhole...maxWhole, monotone)
    }

    /// ``regzValue(_:_:)`` with the terms' ``wholeRange(_:)`` computed once by the caller
    /// (the solver evaluates the same terms ~70 times).
    static func regzValue(_ terms: [Term], _ i: Double, wholes: ClosedRange<Int>?) -> BoundedValue {
        guard let wholes else { return BoundedValue(value: 0, errorBound: 0) }
        let maxWhole = wholes.upperBound, minWhole = wholes.lowerBound
        // exponent + powerOperations(exponent) grows with the exponent, so its maximum over
        // the terms is at the largest exponent.
        let largest = i >= 0 ? maxWhole : maxWhole - minWhole
        let worst = largest + RateSolver.powerOperations(largest) + 10
        let bits = largest <= 0 ? 0 : Int.bitWidth - largest.leadingZeroBitCount
        // 128 doubles (1 KiB) stay on the stack; a larger table is worth its heap block only
        // when it is not much longer than the terms.
        let (sum, magnitude): (Double, Double)
        if bits + largest < 128 {
            (sum, magnitude) = withUnsafeTemporaryAllocation(of: Double.self, capacity: 128) {
                regzSums(terms, i, maxWhole: maxWhole, largest: largest, bits: bits, buffer: $0, tabulate: true)
            }
        } else if largest < 4_096 && largest <= 4 * terms.count + 64 {
            (sum, magnitude) = withUnsafeTemporaryAllocation(of: Double.self, capacity: bits + largest + 1) {
                regzSums(terms, i, maxWhole: maxWhole, largest: largest, bits: bits, buffer: $0, tabulate: true)
            }
        } else {
            (sum, magnitude) = withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) {
                regzSums(terms, i, maxWhole: maxWhole, largest: largest, bits: bits, buffer: $0, tabulate: false)
            }
        }
        let bound = 2 * RateSolver.gamma(worst + terms.count + 2) * magnitude + Double(terms.count) * 1e-290
        return BoundedValue(value: sum, errorBound: bound)
    }

    /// The sum and the sum of magnitudes of ``regzValue(_:_:)``'s terms, in term order.
    ///
    /// `RateSolver.power(b, e)` multiplies the squares b^(2^j) of e's set bits, lowest first;
    /// its value for e is therefore its value for e without the highest bit times that bit's
    /// square, one rounded product. `buffer` holds the squares at `0..<bits` and, when
    /// `tabulate`, every power 0...`largest` after them (one product each): bit for bit what
    /// `RateSolver.power` returns, so the sums are too.
    @inline(__always)
    static func regzSums(_ terms: [Term], _ i: Double, maxWhole: Int, largest: Int, bits: Int,
                         buffer: UnsafeMutableBufferPointer<Double>, tabulate: Bool) -> (Double, Double) {
        var sum = 0.0, magnitude = 0.0
        var square = 1 + i
        for j in 0..<bits {
            buffer[j] = square
            square *= square
        }
        if tabulate {
            let table = bits
            buffer[table] = 1
            // e in 2^top ..< 2^(top+1): the entry for e − 2^top times the square of 2^top.
            for top in 0..<bits {
                let square = buffer[top], low = 1 << top
                for e in low...min(2 * low - 1, largest) { buffer[table + e] = buffer[table + e - low] * square }
            }
            for term in terms {
                let exponent = i >= 0 ? term.whole : maxWhole - term.whole
                let p = exponent > 0 ? buffer[table + exponent] : 1
                let q = 1 + term.fraction * i
                let value = i >= 0 ? term.amount / (q * p) : term.amount * p / q
                sum += value
                magnitude += abs(value)
            }
        } else {
            for term in terms {
                let exponent = i >= 0 ? term.whole : maxWhole - term.whole
                var p = 1.0, e = exponent, j = 0
                while e > 0 {
                    if e & 1 == 1 { p *= buffer[j] }
                    e >>= 1
                    j += 1
                }
                let q = 1 + term.fraction * i
                let value = i >= 0 ? term.amount / (q * p) : term.amount * p / q
                sum += value
                magnitude += abs(value)
            }
        }
        return (sum, magnitude)
    }

    /// ``regzValue(_:_:)`` for the solver, answering from earlier evaluations where they
    /// prove the sign, so that the solver takes exactly the steps it takes on the full
    /// evaluation with far fewer evaluations.
    ///
    /// When every advance is at t = 0 with f = 0 (and t, f ≥ 0), every rounded operation of
    /// the evaluation at a rate i ≥ 0 is monotone in i (IEEE rounding is monotone): each
    /// payment's value a/((1 + f·i)(1 + i)^t) does not increase, each advance's is the
    /// constant −A, so the computed sum v(i) and magnitude, and with it the computed bound
    /// b(i), never increase. With evaluated points y ≤ m ≤ z (finite values and bounds):
    /// - v(z) > b(y) proves v(m) > b(m): the sign at m is +1;
    /// - v(y) < −b(y) proves v(m) < −b(m): −1;
    /// - v(y) ≤ b(z) and v(z) ≥ −b(z) prove |v(m)| ≤ b(m): 0 (no proven sign).
    /// Only ``BoundedValue/provenSign`` of the answer is meaningful: inferred answers are
    /// (±1, 0) or (0, 1). To make the rules apply, an undecided request first places anchors:
    /// secant steps towards the root, then points just outside and inside the two places where
    /// the sign stops being provable. `RegulationZAPRTests` checks every answer against the full
    /// evaluation and the solver's bracket against the one on the full evaluation.
    final class RegzSigns {
        let terms: [Term]
        let wholes: ClosedRange<Int>?
        /// Whether the monotone argument applies (else every request is evaluated).
        let monotone: Bool
        /// Evaluated points at rates ≥ 0 in increasing order.
        private(set) var points: [(x: Double, value: Double, bound: Double)] = []
        /// Full evaluations made.
        private(set) var evaluations = 0
        private var anchored = false

        init(terms: [Term]) {
            self.terms = terms
            (wholes, monotone) = AnnualPercentageRate.wholeRangeAndMonotone(terms)
        }

        /// The full evaluation, recorded when i ≥ 0 and finite.
        func evaluate(_ x: Double) -> BoundedValue {
            evaluations += 1
            let result = AnnualPercentageRate.regzValue(terms, x, wholes: wholes)
            if monotone, x >= 0, x.isFinite, result.value.isFinite, result.errorBound.isFinite {
                let k = points.firstIndex { $0.x >= x } ?? points.endIndex
                if k == points.endIndex || points[k].x != x { points.insert((x, result.value, result.errorBound), at: k) }
            }
            return result
        }

        /// The sign proven by the recorded points at x (nil when they do not decide it).
        func inferredSign(_ x: Double) -> Int? {
            guard monotone, x >= 0, x.isFinite else { return nil }
            let k = points.firstIndex { $0.x >= x } ?? points.endIndex
            let below = k > 0 ? points[k - 1] : nil
            let above = k < points.endIndex ? points[k] : nil
            if let above, above.x == x {
                return BoundedValue(value: above.value, errorBound: above.bound).provenSign
            }
            if let below, below.value < -below.bound { return -1 }
            guard let below, let above else { return nil }
            if above.value > below.bound { return 1 }
            if below.value <= above.bound && above.value >= -above.bound { return 0 }
            return nil
        }

        /// The value the solver sees at x.
        func value(at x: Double) -> BoundedValue {
            if let sign = inferredSign(x) { return Self.bounded(sign) }
            if monotone, x >= 0, x.isFinite, !anchored { placeAnchors(); if let sign = inferredSign(x) { return Self.bounded(sign) } }
            return evaluate(x)
        }

        static func bounded(_ sign: Int) -> BoundedValue {
            sign == 0 ? BoundedValue(value: 0, errorBound: 1) : BoundedValue(value: Double(sign), errorBound: 0)
        }

        /// Secant steps between the nearest proven-positive and proven-negative points, then
        /// anchors around the two edges of the unprovable zone (|v| ≤ b). Done once; it only
        /// adds evaluated points, so it cannot change an answer, only how many are inferred.
        private func placeAnchors() {
            // Not before the solver has proven both signs (the bracket search).
            guard let (y, z) = provenPair() else { return }
            anchored = true
            // Secant steps from the proven pair, each from the two evaluated points nearest
            // the estimate, until the estimate moves by less than 1/16 of the zone.
            var slope = (y.value - z.value) / (z.x - y.x)
            guard slope > 0, slope.isFinite else { return }
            var root = y.x + y.value / slope
            var halfZone = y.bound / slope
            for _ in 0..<12 {
                guard root > y.x, root < z.x, root.isFinite else { return }
                let r = evaluate(root)
                guard let k = points.firstIndex(where: { $0.x == root }) else { return }
                let neighbor = k > 0 && (k + 1 == points.count || root - points[k - 1].x < points[k + 1].x - root) ? points[k - 1] : (k + 1 < points.count ? points[k + 1] : points[k])
                let local = (points[k].value - neighbor.value) / (neighbor.x - points[k].x)
                guard local > 0, local.isFinite else { return }
                slope = local
                halfZone = r.errorBound / slope
                let next = root + r.value / slope
                let moved = abs(next - root)
                root = next
                if moved <= halfZone / 16 { break }
            }
            guard halfZone.isFinite, halfZone > 0 else { return }
            // Anchors: well inside the +1 side (small bounds for the rules), just outside and
            // inside both edges of the unprovable zone.
            let margin = Swift.max(32 * root.ulp, halfZone / 16)
            for x in [root - 4 * halfZone, root - halfZone - margin, root - halfZone + margin,
                      root + halfZone - margin, root + halfZone + margin]
                where x > y.x && x < z.x && inferredSign(x) == nil {
                _ = evaluate(x)
            }
        }

        /// The largest evaluated point with proven sign +1 and the smallest with −1 above it.
        private func provenPair() -> ((x: Double, value: Double, bound: Double), (x: Double, value: Double, bound: Double))? {
            guard let k = points.lastIndex(where: { $0.value > $0.bound }),
                  let j = points.firstIndex(where: { $0.value < -$0.bound }), k < j else { return nil }
            return (points[k], points[j])
        }
    }

    /// The bracket by the bracket search and bisection (``solve(terms:exactSignAtZero:evaluate:)``
    /// with ``RegzSigns``): the path every regz solve took before the Newton bracket, and its
    /// fallback.
    static func regzBisectionBracket(terms: [Term], exactSignAtZero: Int) throws(DealError) -> RateSolver.Bracket {
        let signs = RegzSigns(terms: terms)
        return try solve(terms: terms, exactSignAtZero: exactSignAtZero, evaluate: { _, x in signs.value(at: x) })
    }

    /// Whether every advance is at t = 0 with f = 0 and every payment at t, f ≥ 0 (finite):
    /// then the computed ``regzValue(_:_:wholes:)`` and its bound never increase with i ≥ 0
    /// (``RegzSigns``).
    static func isMonotone(_ terms: [Term]) -> Bool {
        wholeRangeAndMonotone(terms).monotone
    }

    /// The largest t the Newton bracket tabulates powers for (longer terms take the bisection).
    static let newtonLargestWhole = 4_096

    /// The largest periodic rate the solver reports, 2³⁰ (the bracket search's last point).
    static let regzLargestRate = Double(sign: .plus, exponent: 30, significand: 1)

    /// Newton's estimate of the root: `root` and `zone`, the half-width of the interval around
    /// it where the bounded evaluation cannot prove a sign (its bound over the slope).
    struct NewtonEstimate {
        var root: Double
        var zone: Double
        var wholes: ClosedRange<Int>
    }

    /// Newton's method on the Appendix J sum, unproven; nil when it does not apply or does not
    /// converge.
    ///
    /// Applies when the sign at 0 is +1 and the terms are monotone (``isMonotone(_:)``: every
    /// advance at the first date). The Appendix J sum is then convex and decreasing in i ≥ 0,
    /// so Newton's method from 0 climbs to the root from below. The steps use a plain double
    /// evaluation of the value and its derivative (``regzValueAndSlope(_:_:maxWhole:powers:)``);
    /// they stop when a step is below 1/8 of the zone where the sign cannot be proven (the
    /// evaluation's bound over the slope). A non-finite or non-negative slope, a step beyond
    /// 2³⁰ or no convergence in 64 steps returns nil.
    static func regzNewtonEstimate(terms: [Term], exactSignAtZero: Int) -> NewtonEstimate? {
        guard exactSignAtZero > 0 else { return nil }
        let (range, monotone) = wholeRangeAndMonotone(terms)
        guard let wholes = range, wholes.upperBound <= newtonLargestWhole, monotone else { return nil }
        let maxWhole = wholes.upperBound
        let worst = maxWhole + RateSolver.powerOperations(maxWhole) + 10
        let relative = 2 * RateSolver.gamma(worst + terms.count + 2)
        let limit = regzLargestRate
        // Newton's method from the quadratic start.
        let estimate: (root: Double, zone: Double)? = withUnsafeTemporaryAllocation(of: Double.self, capacity: maxWhole + 1) { powers in
            var x = regzStart(terms)
            var previous = Double.infinity
            for _ in 0..<64 {
                let (value, slope, magnitude) = regzValueAndSlope(terms, x, maxWhole: maxWhole, powers: powers)
                guard value.isFinite, slope.isFinite, slope < 0, magnitude.isFinite else { return nil }
                let zone = (relative * magnitude + Double(terms.count) * 1e-290) / -slope
                let step = value / -slope
                // From the right of the root a step may pass 0: continue from 0 (left of it).
                let next = Swift.max(0, x + step)
                guard next.isFinite, next <= limit else { return nil }
                // Converged: a step well inside the zone, or steps that stopped shrinking
                // within it (rounding noise; the proof widens δ if needed).
                if abs(step) <= zone / 8 || (abs(step) <= zone && abs(step) > previous / 2) { return (next, zone) }
                previous = abs(step)
                x = next
            }
            return nil
        }
        guard let (root, zone) = estimate, zone.isFinite, root > 0 else { return nil }
        return NewtonEstimate(root: root, zone: zone, wholes: wholes)
    }

    /// The bracket [r − δ, r + δ] around Newton's estimate, δ about its zone, proven by
    /// ``regzValue(_:_:wholes:)``: returned only when `lower` has proven sign +1 and `upper`
    /// −1 (a side whose sign is not proven moves out by 2× at a time, at most 24 times), with
    /// 0 < lower and upper ≤ 2³⁰; a proven sign on the wrong side returns nil. Correctness
    /// rests only on the two proven signs; the errors stay those of the bisection path: a
    /// proven −1 at upper ≤ 2³⁰ implies (monotone value and bound) a proven −1 at the first
    /// power of two ≥ upper, where the bracket search stops, so it would not have thrown either.
    static func regzProvenBracket(terms: [Term], around estimate: NewtonEstimate) -> RateSolver.Bracket? {
        let (root, zone, wholes) = (estimate.root, estimate.zone, estimate.wholes)
        let limit = regzLargestRate
        var below = 1.25 * zone + 4 * root.ulp, above = below
        var lower = 0.0, upper = 0.0
        var lowerProven = false, upperProven = false
        for _ in 0..<24 {
            if !lowerProven {
                lower = root - below
                guard lower > 0 else { return nil }
                switch regzValue(terms, lower, wholes: wholes).provenSign {
                case 1: lowerProven = true
                case -1: return nil
                default: below *= 2
                }
            }
            if !upperProven {
                upper = root + above
                guard upper <= limit else { return nil }
                switch regzValue(terms, upper, wholes: wholes).provenSign {
                case -1: upperProven = true
                case 1: return nil
                default: above *= 2
                }
            }
            if lowerProven && upperProven { return RateSolver.Bracket(lower: lower, upper: upper) }
        }
        return nil
    }

    /// Newton's start: the smaller root of the equation's second-order expansion at 0 with
    /// each payment discounted as (1 + i)^−(t + f), M₀ − M₁·i + M₂·i² = 0 (M₀ = Σ amounts,
    /// M₁ = Σ a·τ, M₂ = Σ a·τ(τ + 1)/2, τ = t + f), or M₀/M₁ (one Newton step from 0) when it
    /// has no real root; 0 when neither is a finite positive number. Only a start: any start
    /// ≥ 0 converges on the convex sum (from the right, the first step lands left of the
    /// root).
    static func regzStart(_ terms: [Term]) -> Double {
        var m0 = 0.0, m1 = 0.0, m2 = 0.0
        for term in terms {
            let tau = Double(term.whole) + term.fraction
            m0 += term.amount
            m1 += term.amount * tau
            m2 += term.amount * tau * (tau + 1) / 2
        }
        guard m0 > 0, m1 > 0, m0.isFinite, m1.isFinite else { return 0 }
        let linear = m0 / m1
        let discriminant = m1 * m1 - 4 * m0 * m2
        guard m2 > 0, m2.isFinite, discriminant >= 0, discriminant.isFinite else { return linear.isFinite ? linear : 0 }
        let quadratic = 2 * m0 / (m1 + discriminant.squareRoot())
        return quadratic.isFinite && quadratic > 0 ? quadratic : (linear.isFinite ? linear : 0)
    }

    /// Σ amount / ((1 + f·i)(1 + i)^t), its derivative in i and Σ |amount / ((1 + f·i)(1 + i)^t)|
    /// at i ≥ 0 in plain double, without an error bound: Newton's steps only (the bracket is
    /// proven by ``regzValue(_:_:wholes:)``). `powers` holds at least `maxWhole + 1` doubles.
    static func regzValueAndSlope(_ terms: [Term], _ i: Double, maxWhole: Int,
                                  powers: UnsafeMutableBufferPointer<Double>) -> (value: Double, slope: Double, magnitude: Double) {
        let base = 1 + i
        var power = 1.0
        for t in 0...maxWhole {
            powers[t] = power
            power *= base
        }
        let inverseBase = 1 / base
        var sum = 0.0, magnitude = 0.0, slope = 0.0
        for term in terms {
            let p = powers[term.whole]
            let reciprocal = 1 / ((1 + term.fraction * i) * p)
            let value = term.amount * reciprocal
            sum += value
            magnitude += abs(value)
            // d/di of a / ((1 + f·i)(1 + i)^t) = −value · (f / (1 + f·i) + t / (1 + i)), with
            // 1 / (1 + f·i) = p · reciprocal (one division a term).
            slope -= value * (term.fraction * p * reciprocal + Double(term.whole) * inverseBase)
        }
        return (sum, slope, magnitude)
    }
}
