// DealFinance — DealEngineTests: the loan roundings a profile changes (RetailLoan+Profile.swift).

import Testing
import DealDecimal
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

private func loan(_ price: String, _ apr: String, _ term: Int, _ profile: RoundingProfile = .standard) -> RetailLoan {
    var loan = RetailLoan(sellingPrice: dec(price), apr: dec(apr), term: term)
    loan.rounding = profile
    return loan
}

@Suite("RetailLoan+Profile")
struct RetailLoanProfileTests {
    /// A rate rounded to 5 decimals is the exact rate of another APR: 6.99 % → 0.00583 = 6.996 %
    /// / 12, truncated 0.00582 = 6.984 % / 12; the quotes must be those APRs' standard quotes.
    @Test func roundedRateEqualsTheStandardQuoteAtTheKeptRate() throws {
        let rounded = try loan("25000.00", "6.99", 60, .init(name: "standard", periodicRate: .rounded(decimals: 5))).quote()
        let atKept = try loan("25000.00", "6.996", 60).quote()
        #expect(rounded.periodicPayment == atKept.periodicPayment)
        #expect(rounded.totalOfPayments == atKept.totalOfPayments)
        #expect(rounded.finalPayment == atKept.finalPayment)
        let truncated = try loan("25000.00", "6.99", 60, .init(name: "standard", periodicRate: .truncated(decimals: 5))).quote()
        #expect(truncated.periodicPayment == (try loan("25000.00", "6.984", 60).quote()).periodicPayment)
        #expect(try loan("25000.00", "6.99", 60).quote().periodicPayment != rounded.periodicPayment)
    }

    /// 30000 at 6.9 % over 60: P* = 592.62157109160374… (60-digit decimal evaluation).
    @Test func totalsConventions() throws {
        let standard = try loan("30000.00", "6.9", 60).quote()
        #expect(standard.periodicPayment.total == dec("592.62"))
        let times = try loan("30000.00", "6.9", 60, .paymentTimesCount).quote()
        #expect(times.totalOfPayments == dec("35557.20"))   // 60 × 592.62
        #expect(times.finalPayment == dec("592.62"))
        #expect(times.financeCharge == dec("5557.20"))
        let once = try loan("30000.00", "6.9", 60, .exactPaymentTotals).quote()
        #expect(once.totalOfPayments == dec("35557.29"))    // 60 × 592.6215710… = 35557.2942…
        #expect(standard.totalOfPayments != times.totalOfPayments)
    }

    /// An advertised payment: 592.6215… rounded up to whole dollars is 593.00; the schedule
    /// runs on it and the last payment absorbs the residue.
    @Test func wholeUnitPayment() throws {
        let quote = try loan("30000.00", "6.9", 60, .wholeUnitPaymentUp).quote()
        #expect(quote.periodicPayment.total == dec("593.00"))
        #expect(quote.finalPayment < dec("593.00"))
        var down = RoundingProfile.standard
        down.paymentIncrementExponent = 0
        down.payment = .down
        #expect(try loan("30000.00", "6.9", 60, down).quote().periodicPayment.total == dec("592.00"))
        var tenths = RoundingProfile.standard
        tenths.paymentIncrementExponent = -1
        #expect(try loan("30000.00", "6.9", 60, tenths).quote().periodicPayment.total == dec("592.60"))
        var cents = RoundingProfile.standard
        cents.paymentIncrementExponent = -2
        #expect(try loan("30000.00", "6.9", 60, cents).quote().periodicPayment == (try loan("30000.00", "6.9", 60).quote()).periodicPayment)
    }

    /// Effective annual basis against a 60-digit decimal evaluation of
    /// A·i / (1 − (1+i)^−n) with i = (1 + APR)^(1/12) − 1.
    @Test(arguments: [("30000.00", "6.9", 60, "589.67"), ("10000.00", "12.68", 36, "332.13"),
                      ("5000.00", "0.1", 12, "416.89"), ("1500.00", "29.9", 24, "81.15")])
    func effectiveAnnualRatePayment(price: String, apr: String, term: Int, payment: String) throws {
        let quote = try loan(price, apr, term, .effectiveAnnualRate).quote(includeSchedule: true)
        #expect(quote.periodicPayment.total == dec(payment))
        #expect(quote.totalOfPayments == (try dec(payment) * ExactDecimal(term)))
        #expect(quote.schedule?.last?.balance.isZero == true)
    }

    /// The effective rate rounded to 6 decimals is 0.005576 for 6.9 %: the quote is the
    /// nominal quote at 0.005576 × 1200 = 6.6912 %.
    @Test func effectiveRateRounded() throws {
        var profile = RoundingProfile.effectiveAnnualRate
        profile.periodicRate = .rounded(decimals: 6)
        profile.totals = .finalPaymentTrueUp
        let quote = try loan("30000.00", "6.9", 60, profile).quote()
        let nominal = try loan("30000.00", "6.6912", 60).quote()
        #expect(quote.periodicPayment == nominal.periodicPayment)
        #expect(quote.finalPayment == nominal.finalPayment)
    }

    @Test func schedulesOfTheInterestRulesStillAmortize() throws {
        for profile in [RoundingProfile.halfEvenInterest, .truncatedInterest] {
            let quote = try loan("27345.67", "7.77", 84, profile).quote(includeSchedule: true)
            #expect(quote.schedule?.last?.balance.isZero == true)
            let rows = quote.schedule ?? []
            #expect(rows.count == 84)
        }
    }

    /// 30000 at 6 % over 60 with a 10000 balloon one period after payment 60:
    /// P* = (A·1.005⁶⁰ − B/1.005)·0.005/(1.005⁶⁰ − 1) = 437.3691052915… (50-digit decimal
    /// evaluation); the balloon row 61 carries the last period's interest; in advance the
    /// balloon is one period after payment n already, so nothing changes.
    @Test func balloonOnePeriodAfter() throws {
        var deal = loan("30000.00", "6", 60, .balloonOnePeriodAfter)
        deal.balloon = .amount(dec("10000.00"))
        let quote = try deal.quote(includeSchedule: true)
        #expect(quote.periodicPayment.total == dec("437.37"))
        #expect(try quote.unroundedPayment.description.hasPrefix("437.369105291514980"))
        #expect(quote.schedule?.count == 61)
        #expect(quote.schedule?.last?.payment == dec("10000.00"))
        #expect(quote.schedule?.last?.balance.isZero == true)
        #expect(try quote.annualPercentageRate().aprDisclosed == dec("6.00"))
        deal.paymentTiming = .advance
        var standard = deal
        standard.rounding = .standard
        #expect(try deal.quote().periodicPayment == standard.quote().periodicPayment)
        #expect(try deal.quote().totalOfPayments == standard.quote().totalOfPayments)
    }

    /// 2026-01-01 to 2026-02-15 is 45 days: 45 × 12 / 365 = 1 + 175/365 months. Payment 1's
    /// actuarial interest 30000 × ((1 + 175/365 × 0.005) × 1.005 − 1) = 222.277… → 222.28
    /// (spread); added to payment 1 instead, the simple interest 30000 × 0.005 × 175/365 =
    /// 71.917… → 71.92 on top of 579.98; the spread payment
    /// A·(1 + 175/365·i)·i / (1 − 1.005⁻⁶⁰) = 581.3744… → 581.37 (50-digit decimal evaluation).
    /// Appendix J counts 1 month + 14 days: 581.34.
    @Test func actualDaysOddPeriod() throws {
        var deal = loan("30000.00", "6", 60, .actualDaysOddPeriod)
        deal.contractDate = try CivilDate(parsing: "2026-01-01")
        deal.firstPaymentDate = try CivilDate(parsing: "2026-02-15")
        let quote = try deal.quote(includeSchedule: true)
        #expect(quote.periodicPayment.total == dec("581.37"))
        #expect(quote.schedule?.first?.interest == dec("222.28"))
        #expect(quote.firstPeriod == FirstPeriod(wholePeriods: 1, oddDays: 175, daysPerUnitPeriod: 365))
        deal.oddDays = .firstPayment
        #expect(try deal.quote().firstPayment == dec("651.90"))
        deal.oddDays = .spread
        deal.rounding = .standard
        #expect(try deal.quote().periodicPayment.total == dec("581.34"))
        // Without dates there is no odd period to count.
        var plain = loan("30000.00", "6", 60, .actualDaysOddPeriod)
        plain.oddDays = .spread
        #expect(try plain.quote().periodicPayment == (try loan("30000.00", "6", 60).quote()).periodicPayment)
    }

    @Test func invalidProfileIsRejectedBeforeQuoting() throws {
        #expect(throws: DealError.self) { try loan("30000.00", "6.9", 60, .init(name: "x", periodicRate: .rounded(decimals: 40))).quote() }
        do {
            _ = try loan("30000.00", "6.9", 60, .init(name: "x", payment: .requireExact)).quote()
            Issue.record("accepted")
        } catch {
            #expect(error.path == "rounding.payment")
        }
    }
}
