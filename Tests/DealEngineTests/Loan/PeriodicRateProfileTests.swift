// DealFinance — DealEngineTests: the periodic rate a profile uses (PeriodicRate+Profile.swift).

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("PeriodicRate+Profile")
struct PeriodicRateProfileTests {
    /// 6.99 / 1200 = 0.005825: half up to 5 decimals 0.00583, truncated 0.00582.
    @Test func roundedAndTruncatedRates() throws {
        let rate = try PeriodicRate(annualPercentage: dec("6.99"), periodsPerYear: 12)
        let rounded = try rate.keeping(.rounded(decimals: 5)), truncated = try rate.keeping(.truncated(decimals: 5))
        #expect(rounded.numerator * 100_000 == 583 * rounded.denominator)
        #expect(truncated.numerator * 100_000 == 582 * truncated.denominator)
        #expect(try rate.keeping(.exact) == rate)
        #expect(rounded.annualPercentage == dec("6.99"))
        // 5.99 / 1200 = 0.00499166…: 0.00499 either way; 0.004992 at 6 decimals.
        let other = try PeriodicRate(annualPercentage: dec("5.99"), periodsPerYear: 12)
        #expect(try other.keeping(.rounded(decimals: 6)).numerator * 1_000_000 == 4992 * other.keeping(.rounded(decimals: 6)).denominator)
        #expect(try other.keeping(.truncated(decimals: 6)).numerator * 1_000_000 == 4991 * other.keeping(.truncated(decimals: 6)).denominator)
    }

    /// ⌊(1.069^(1/12) − 1)·10^k⌋ from a 60-digit decimal evaluation (Python decimal, prec 60):
    /// 0.00557578984428771512263910936196887637…
    @Test func effectiveRateFloorAgreesWithAHighPrecisionEvaluation() throws {
        #expect(try EffectiveAnnualRate.floor(annualPercentage: dec("6.9"), periodsPerYear: 12, digits: 20) == 557_578_984_428_771_512)
        #expect(try EffectiveAnnualRate.floor(annualPercentage: dec("6.9"), periodsPerYear: 12, digits: 26) == 557_578_984_428_771_512_263_910)
        #expect(try EffectiveAnnualRate.floor(annualPercentage: dec("6.9"), periodsPerYear: 12, digits: 8) == 557_578)
        // 0.02203890796636387664615… (29.9 %), 0.00008329516327311585876… (0.1 %)
        #expect(try EffectiveAnnualRate.floor(annualPercentage: dec("29.9"), periodsPerYear: 12, digits: 20) == 2_203_890_796_636_387_664)
        #expect(try EffectiveAnnualRate.floor(annualPercentage: dec("0.1"), periodsPerYear: 12, digits: 20) == 8_329_516_327_311_585)
    }

    /// Exact cases: 21 % a year is 10 % a half-year exactly (1.1² = 1.21); 0 % is 0.
    @Test func effectiveRateFloorIsExactAtPerfectPowers() throws {
        #expect(try EffectiveAnnualRate.floor(annualPercentage: dec("21"), periodsPerYear: 2, digits: 20) == 10_000_000_000_000_000_000)
        #expect(try EffectiveAnnualRate.floor(annualPercentage: dec("0"), periodsPerYear: 12, digits: 20) == 0)
        #expect(try EffectiveAnnualRate.floor(annualPercentage: dec("100"), periodsPerYear: 1, digits: 32) == Int128(ExactRatio.tenToThe(32)))
    }
}
