// DealFinance — DealEngineTests: PaymentTiming (PaymentTiming.swift).

import Testing
import DealEngine

@Suite("PaymentTiming")
struct PaymentTimingTests {
    @Test func namesAreTheRequestSpellings() {
        #expect(PaymentTiming.allCases == [.arrears, .advance])
        #expect(PaymentTiming(rawValue: "arrears") == .arrears)
        #expect(PaymentTiming(rawValue: "advance") == .advance)
        #expect(PaymentTiming.arrears.rawValue == "arrears")
        #expect(PaymentTiming.advance.rawValue == "advance")
        #expect(PaymentTiming(rawValue: "Advance") == nil)
        #expect(PaymentTiming(rawValue: "due") == nil)
        #expect(PaymentTiming(rawValue: "") == nil)
    }
}
