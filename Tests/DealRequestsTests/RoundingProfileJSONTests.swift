// DealFinance — DealRequestsTests: the `rounding` field (RoundingProfile+JSON.swift).

import Testing
import DealDecimal
import DealEngine
import DealJSON
@testable import DealRequests

private func profile(_ text: String) throws(DealError) -> RoundingProfile {
    try RoundingProfile(json: try! JSONReader().parse(text))
}

private func loan(rounding: String) -> JSONValue {
    try! JSONReader().parse(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6.9","term":60,"rounding":"# + rounding + "}")
}

@Suite("RoundingProfile+JSON")
struct RoundingProfileJSONTests {
    @Test func namesAndObjects() throws {
        #expect(try profile(#""standard""#) == .standard)
        #expect(try profile(#"{"base":"standard"}"#) == .standard)
        for named in RoundingProfile.all {
            #expect(try profile(#"{"base":""# + named.name + #""}"#) == named)
        }
        let changed = try profile(#"{"base":"standard","periodicRate":"rounded","periodicRateDecimals":5}"#)
        #expect(changed.periodicRate == .rounded(decimals: 5))
        #expect(changed.departures(from: .periodicRateRounded5) == 0)
        let all = try profile(#"{"base":"standard","payment":"up","paymentIncrement":"1","periodicRate":"truncated","periodicRateDecimals":7,"rateBasis":"effectiveAnnual","totals":"exactPaymentRoundedOnce","balloonTiming":"withLastPayment","interest":"toNearestOrEven","oddDays":"thirtyDayMonths","leaseBasePayment":"partsRounded","leasePaymentTax":"onUnroundedBase","moneyFactorDecimals":6,"tax":"towardZero","taxLines":"onTotal","percentAmount":"down"}"#)
        #expect(all == RoundingProfile(name: "standard", payment: .up, paymentIncrementExponent: 0, periodicRate: .truncated(decimals: 7),
                                       rateBasis: .effectiveAnnual, totals: .exactPaymentRoundedOnce, balloonTiming: .withLastPayment, interest: .toNearestOrEven, oddDaysCounting: .thirtyDayMonths,
                                       tax: .towardZero, taxLines: .onTotal, percentAmount: .down, leaseBasePayment: .partsRounded,
                                       leasePaymentTax: .onUnroundedBase, moneyFactorDecimals: 6))
    }

    /// json(base:) reads back to the same profile, and lists only what differs.
    @Test func roundTrip() throws {
        var samples = RoundingProfile.all
        samples.append(RoundingProfile(name: "standard", payment: .down, paymentIncrementExponent: -1, periodicRate: .rounded(decimals: 20),
                                       totals: .paymentTimesCount, tax: .toNearestOrEven, moneyFactorDecimals: 12))
        for sample in samples {
            var named = sample
            named.name = "standard"
            let json = named.json(base: .standard)
            #expect(try RoundingProfile(json: json) == named, "\(JSONWriter(pretty: false).write(json))")
        }
        #expect(RoundingProfile.standard.json(base: .standard) == ["base": "standard"])
        #expect(RoundingProfile.periodicRateRounded5.json(base: .standard)
                == ["base": "standard", "periodicRate": "rounded", "periodicRateDecimals": 5])
    }

    @Test("Bad names, keys and values are invalid_argument naming them", arguments: [
        (#""bankers""#, "rounding"), (#"1"#, "rounding"), (#"{}"#, "rounding.base"), (#"{"base":"nope"}"#, "rounding.base"),
        (#"{"base":"standard","foo":"x"}"#, "rounding.foo"), (#"{"base":"standard","payment":"requireExact"}"#, "rounding.payment"),
        (#"{"base":"standard","payment":"halfUp"}"#, "rounding.payment"), (#"{"base":"standard","interest":"up"}"#, "rounding.interest"),
        (#"{"base":"standard","paymentIncrement":"0.05"}"#, "rounding.paymentIncrement"),
        (#"{"base":"standard","paymentIncrement":1}"#, "rounding.paymentIncrement"),
        (#"{"base":"standard","periodicRate":"rounded"}"#, "rounding.periodicRateDecimals"),
        (#"{"base":"standard","periodicRate":"rounded","periodicRateDecimals":21}"#, "rounding.periodicRateDecimals"),
        (#"{"base":"standard","periodicRateDecimals":5}"#, "rounding.periodicRateDecimals"),
        (#"{"base":"standard","periodicRate":"floor","periodicRateDecimals":5}"#, "rounding.periodicRate"),
        (#"{"base":"standard","rateBasis":"apr"}"#, "rounding.rateBasis"), (#"{"base":"standard","totals":"x"}"#, "rounding.totals"),
        (#"{"base":"standard","moneyFactorDecimals":0}"#, "rounding.moneyFactorDecimals"),
        (#"{"base":"standard","balloonTiming":"never"}"#, "rounding.balloonTiming"),
    ])
    func invalid(text: String, path: String) {
        let answer = DealCalculator.calculate(loan(rounding: text))
        #expect(answer.value(atPath: "error.code") == "invalid_argument", "\(text)")
        #expect(answer.value(atPath: "error.path")?.stringValue == path, "\(text)")
    }

    @Test func effectiveBasisOfALeaseIsUnsupported() throws {
        let lease = try JSONReader().parse(#"{"calculate":"lease","msrp":"40000.00","sellingPrice":"37000.00","residual":{"percent":"58"},"apr":"5.9","term":36,"rounding":"effectiveAnnualRate"}"#)
        #expect(DealCalculator.calculate(lease).value(atPath: "error.code") == "unsupported")
        #expect(DealCalculator.calculate(lease).value(atPath: "error.path") == "rounding.rateBasis")
    }

    /// The same rounding reaches grids, solves and payoffs through the loan request.
    @Test func everyLoanRequestKindTakesAnObject() throws {
        let rounding = #"{"base":"standard","periodicRate":"rounded","periodicRateDecimals":5}"#
        let grid = try JSONReader().parse(#"{"calculate":"grid","deal":{"calculate":"loan","sellingPrice":"30000.00","rounding":"# + rounding + #"},"terms":[60],"downPayments":["0.00"],"rates":["6.99"]}"#)
        let gridAnswer = DealCalculator.calculate(grid)
        #expect(!DealCalculator.isError(gridAnswer), "\(JSONWriter(pretty: false).write(gridAnswer))")
        let solve = try JSONReader().parse(#"{"calculate":"loan","sellingPrice":"30000.00","term":60,"solveFor":"apr","targetPayment":"593.93","rounding":"# + rounding + "}")
        #expect(!DealCalculator.isError(DealCalculator.calculate(solve)))
        // 6.99 % kept as 0.00583 is 6.996 %: the named and the object form agree with it.
        let named = DealCalculator.calculate(loan(rounding: #""periodicRateRounded5""#)).value(atPath: "periodicPayment.total")
        let object = DealCalculator.calculate(loan(rounding: #"{"base":"standard","periodicRate":"rounded","periodicRateDecimals":5}"#)).value(atPath: "periodicPayment.total")
        #expect(named == object)
    }
}
