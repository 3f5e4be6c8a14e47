// DealFinance — exact deal finance. DealEngine: the periodic rate a rounding profile uses.

import DealDecimal

extension PeriodicRate {
    /// A rate `numerator / denominator` reduced, for the same annual rate and periods a year.
    init(reducing numerator: Int128, _ denominator: Int128, periodsPerYear: Int, annualPercentage: ExactDecimal) {
        let divisor = Self.greatestCommonDivisor(numerator, denominator)
        self.init(numerator: numerator / divisor, denominator: denominator / divisor,
                  periodsPerYear: periodsPerYear, annualPercentage: annualPercentage)
    }

    /// The periodic rate rounded or truncated to `decimals` decimals (of the rate as a
    /// fraction), exactly: `round(apr · 10^k / (100 · m)) / 10^k`.
    ///
    /// ```swift
    /// let rate = try PeriodicRate(annualPercentage: ExactDecimal(parsing: "6.9"), periodsPerYear: 12)
    /// try rate.keeping(.rounded(decimals: 5))   // 575/100000 (0.00575)
    /// ```
    /// - Throws: `internal` if the kept rate does not fit in 128 bits (a rate of at most 100 %
    ///   kept to at most 20 decimals always does).
    func keeping(_ rule: RoundingProfile.PeriodicRateRule) throws(DealError) -> PeriodicRate {
        let (decimals, rounding): (Int, RoundingRule)
        switch rule {
        case .exact: return self
        case .rounded(let k): (decimals, rounding) = (k, .toNearestOrAway)
        case .truncated(let k): (decimals, rounding) = (k, .towardZero)
        }
        let scale = WideInteger(1).multiplied(byPowerOfTen: decimals)
        let kept: Int128
        do {
            guard let value = try (WideInteger(numerator) * scale).divided(by: WideInteger(denominator), rule: rounding).int128Value else {
                throw DealError.internalFailure("rounding.periodicRateDecimals", "the periodic rate kept to \(decimals) decimals does not fit in 128 bits")
            }
            kept = value
        } catch let error as DealError {
            throw error
        } catch {
            throw DealError.internalFailure("rounding.periodicRateDecimals", "the periodic rate could not be kept to \(decimals) decimals: \(error)")
        }
        return PeriodicRate(reducing: kept, Int128(ExactRatio.tenToThe(decimals)), periodsPerYear: periodsPerYear,
                            annualPercentage: annualPercentage)
    }
}

/// The periodic rate `(1 + apr/100)^(1/m) − 1` of an effective annual rate, which is
/// irrational: it is enclosed between two decimals one unit of the `digits`-th decimal apart,
/// decided exactly by comparing integer powers (Documentation/MatchingALender.md, "Rate basis").
///
/// ```swift
/// let floor = try EffectiveAnnualRate.floor(annualPercentage: ExactDecimal(parsing: "12.68"), periodsPerYear: 12, digits: 20)
/// // floor / 10^20 ≤ 1.1268^(1/12) − 1 < (floor + 1) / 10^20
/// ```
enum EffectiveAnnualRate {
    /// 10^k as a double for the scale of a rate (k ≤ 10).
    enum PowersOfTenDouble {
        static func value(_ k: Int) -> Double { var result = 1.0; for _ in 0..<k { result *= 10 }; return result }
    }

    /// Most Newton steps of the integer root (each step at least halves the excess once close;
    /// the start is within 10^-11 of the root).
    static let maximumSteps = 200

    /// ⌊((1 + apr/100)^(1/m) − 1) · 10^digits⌋, exactly: the integer m-th root of
    /// (1 + apr/100) · 10^(digits·m) less 10^digits.
    /// - Throws: `overflow` if the integer root does not settle within ``maximumSteps``.
    static func floor(annualPercentage apr: ExactDecimal, periodsPerYear m: Int, digits: Int) throws(DealError) -> Int128 {
        // N = (1 + apr/100) · 10^(digits·m) = (100·10^s + c) · 10^(digits·m) / (100·10^s); the
        // root of ⌊N⌋ has the same floor as the root of N (both sides are integers at the floor).
        let scaleDenominator = WideInteger(100).multiplied(byPowerOfTen: apr.scale)
        let target = (scaleDenominator + WideInteger(apr.coefficient)).multiplied(byPowerOfTen: digits * m)
        let radicand: WideInteger
        do { radicand = try target.divided(by: scaleDenominator, rule: .towardZero) } catch {
            throw DealError(code: .overflow, path: "apr", message: "the effective periodic rate could not be computed: \(error)")
        }
        // A start above the root: a double Newton iteration from 1 + apr/(100·m), which is above
        // the root ((1 + a/m)^m ≥ 1 + a), raised by 10^-11 relative.
        let growth = 1 + (Double(apr.coefficient) / 100) / Double(PowersOfTenDouble.value(apr.scale))
        var y = 1 + (growth - 1) / Double(m)
        for _ in 0..<60 {
            var powerLess = 1.0
            for _ in 0..<(m - 1) { powerLess *= y }
            y -= (powerLess * y - growth) / (Double(m) * powerLess)
        }
        let leading = Int64(y * (1 + 1e-11) * 1e15) + 1
        var x: WideInteger
        if digits >= 15 {
            x = WideInteger(Int128(leading)).multiplied(byPowerOfTen: digits - 15)
        } else {
            do { x = try WideInteger(Int128(leading)).divided(by: WideInteger(1).multiplied(byPowerOfTen: 15 - digits), rule: .up) } catch {
                throw DealError.internalFailure("apr", "the start of the effective periodic rate's root could not be scaled: \(error)")
            }
        }
        if x.power(m).compare(to: radicand) < 0 { x = WideInteger(2).multiplied(byPowerOfTen: digits) }   // 2 ≥ (1 + apr)^(1/m) always
        let mWide = WideInteger(m), mLess = WideInteger(m - 1)
        for _ in 0..<maximumSteps {
            let next: WideInteger
            do { next = try (mLess * x + (try radicand.divided(by: x.power(m - 1), rule: .towardZero))).divided(by: mWide, rule: .towardZero) } catch {
                throw DealError(code: .overflow, path: "apr", message: "the effective periodic rate could not be computed: \(error)")
            }
            guard next < x else {
                guard let root = x.int128Value else { break }
                return root - Int128(ExactRatio.tenToThe(digits))
            }
            x = next
        }
        throw DealError(code: .overflow, path: "apr", message: "the effective periodic rate did not settle within \(maximumSteps) steps")
    }
}
