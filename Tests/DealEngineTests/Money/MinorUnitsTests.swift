// DealFinance — DealEngineTests: MinorUnits (MinorUnits.swift).

import Testing
import DealDecimal
import _DealTestSupport
@testable import DealEngine

private func dec(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("MinorUnits")
struct MinorUnitsTests {
    @Test(arguments: [
        ("USD", "12.5", 1250), ("USD", "12.50", 1250), ("USD", "12", 1200), ("USD", "0.01", 1), ("USD", "0", 0),
        ("USD", "0.00", 0), ("JPY", "1500", 1500), ("BHD", "1.5", 1500), ("BHD", "0.001", 1), ("BHD", "2", 2000),
        ("USD", "999999999999.99", 99_999_999_999_999), ("JPY", "999999999999", 999_999_999_999),
        ("BHD", "999999999999.999", 999_999_999_999_999),
    ])
    func amounts(code: String, text: String, minor: Int) throws {
        let units = MinorUnits(try Currency(code: code))
        #expect(try units.amount(dec(text), path: "p") == Int128(minor))
    }

    private func failure(_ code: String, _ text: String) -> DealError? {
        do { _ = try MinorUnits(try Currency(code: code)).amount(dec(text), path: "fees.0.amount"); return nil } catch { return error }
    }

    @Test func rejections() {
        for (code, text, needle) in [("USD", "-0.01", "zero or more"), ("USD", "-5", "zero or more"), ("USD", "1.001", "at most 2"),
                                     ("JPY", "1.5", "at most 0"), ("JPY", "1.0", "at most 0"), ("BHD", "0.0001", "at most 3"),
                                     ("USD", "1000000000000", "999999999999"), ("USD", "1000000000000.00", "999999999999"),
                                     ("JPY", "1000000000000", "999999999999")] {
            let error = failure(code, text)
            #expect(error?.code == .invalidArgument, "\(code) \(text)")
            #expect(error?.path == "fees.0.amount")
            #expect(error?.message.contains(needle) == true, "\(code) \(text): \(String(describing: error))")
        }
        #expect(MinorUnits.maximumMajorUnits == 999_999_999_999)
    }

    @Test func decimals() throws {
        #expect(MinorUnits(.usd).decimal(43666).description == "436.66")
        #expect(MinorUnits(.usd).decimal(0).description == "0.00")
        #expect(MinorUnits(.usd).decimal(-5).description == "-0.05")
        #expect(MinorUnits(try Currency(code: "JPY")).decimal(1500).description == "1500")
        #expect(MinorUnits(try Currency(code: "BHD")).decimal(1).description == "0.001")
        #expect(MinorUnits(.usd).currency == .usd)
    }

    /// amount ∘ decimal is the identity for every currency on a range of minor units.
    @Test func roundTrip() throws {
        for code in ["USD", "JPY", "BHD"] {
            let units = MinorUnits(try Currency(code: code))
            var largest: Int128 = 1_000_000_000_000
            for _ in 0..<units.currency.minorUnitDigits { largest *= 10 }
            largest -= 1
            for minor in stride(from: Int128(0), through: largest, by: Int(largest / 997)) + [largest] {
                #expect(try units.amount(units.decimal(minor), path: "x") == minor)
            }
            #expect(throws: DealError.self) { try units.amount(units.decimal(largest + 1), path: "x") }
        }
    }

    @Test func percentages() throws {
        let usd = MinorUnits(.usd)
        #expect(try usd.percentage(of: 3_000_000, percent: dec("7.25"), rule: .toNearestOrAway, path: "tax.rate") == 217_500)
        // 1 cent × 50 % = 0.5 cent: the rule decides.
        #expect(try usd.percentage(of: 1, percent: dec("50"), rule: .toNearestOrAway, path: "p") == 1)
        #expect(try usd.percentage(of: 1, percent: dec("50"), rule: .toNearestOrEven, path: "p") == 0)
        #expect(try usd.percentage(of: 3, percent: dec("50"), rule: .toNearestOrEven, path: "p") == 2)
        #expect(try usd.percentage(of: 12345, percent: dec("8.875"), rule: .down, path: "p") == 1095)     // 1095.61875
        #expect(try usd.percentage(of: 12345, percent: dec("8.875"), rule: .up, path: "p") == 1096)
        #expect(try usd.percentage(of: 12345, percent: dec("100"), rule: .requireExact, path: "p") == 12345)
        #expect(try usd.percentage(of: 0, percent: dec("0.0000000001"), rule: .up, path: "p") == 0)
    }

    @Test func percentChecks() throws {
        try MinorUnits.checkPercent(dec("7.25"), path: "tax.rate", what: "a tax rate")
        try MinorUnits.checkPercent(dec("0"), path: "p", what: "x")
        try MinorUnits.checkPercent(dec("100.0000000000"), path: "p", what: "x")
        for (text, needle) in [("-0.01", "from 0 to 100"), ("100.01", "from 0 to 100"), ("1.00000000001", "at most 10")] {
            do {
                try MinorUnits.checkPercent(dec(text), path: "tax.rate", what: "a tax rate")
                Issue.record("\(text) accepted")
            } catch {
                #expect(error.code == .invalidArgument)
                #expect(error.path == "tax.rate")
                #expect(error.message.contains(needle), "\(error.message)")
            }
        }
    }

    @Test("decimal(_:) without the call: equal to ExactDecimal(coefficient:scale:) up to its precondition's 10^38", arguments: ["USD", "JPY", "BHD"])
    func decimalBoundaries(code: String) throws {
        let currency = try Currency(code: code)
        let limit: Int128 = 100_000_000_000_000_000_000_000_000_000_000_000_000
        for value in [0, 1, -1, 43_666, -5, limit - 1, -(limit - 1)] {
            let fast = MinorUnits(currency).decimal(value)
            let checked = try ExactDecimal(coefficient: value, scale: currency.minorUnitDigits)
            #expect(fast == checked && fast.scale == checked.scale && fast.description == checked.description, "\(value) \(code)")
            #expect(MinorUnits(currency).text(value) == checked.description)
        }
        for value in [limit, -limit, limit + 1, Int128.max, Int128.min, Int128.min + 1] {
            #expect(MinorUnits(currency).text(value) == "\(value) minor units")
        }
    }

    @Test("amount(_:path:) limit by coefficient: the same as comparing with 10^12 at and around it, every scale", arguments: ["USD", "JPY", "BHD"])
    func amountLimit(code: String) throws {
        let currency = try Currency(code: code)
        let limit = try ExactDecimal(coefficient: MinorUnits.maximumMajorUnits + 1, scale: 0)
        for scale in 0...currency.minorUnitDigits {
            var power: Int128 = 1
            for _ in 0..<scale { power *= 10 }
            for coefficient in [0, 1, (MinorUnits.maximumMajorUnits + 1) * power - 1, (MinorUnits.maximumMajorUnits + 1) * power,
                                (MinorUnits.maximumMajorUnits + 1) * power + 1, Int128(Int64.max), Int128.max / 2] {
                guard let value = try? ExactDecimal(coefficient: coefficient, scale: scale) else { continue }
                let accepted = (try? MinorUnits(currency).amount(value, path: "p")) != nil
                #expect(accepted == (value < limit), "\(code) \(value)")
            }
        }
    }

    @Test("isPercent accepts exactly what checkPercent accepts", arguments: [
        "0", "100", "100.0000000000", "100.0000000001", "99.9999999999", "7.25", "-0.0000000001", "-0", "101", "5.12345678901", "5.1234567890",
        "1000000000000000000000000000000000000", "0.00000000000000000000000000000000000001",
    ])
    func isPercent(_ text: String) throws {
        let value = try ExactDecimal(parsing: text)
        let accepted = (try? MinorUnits.checkPercent(value, path: "p", what: "a rate")) != nil
        #expect(MinorUnits.isPercent(value) == accepted)
        #expect(accepted == (!value.isNegative && value <= ExactDecimal(100) && value.scale <= 10))
    }

    @Test("amount(_:path:) by constants for 0…4 digits: the value and the accept/reject of the checks by decimals, seeded")
    func amountSmallScales() throws {
        var g = SeededGenerator(seed: 0xA3_0047)
        let limit = try ExactDecimal(coefficient: MinorUnits.maximumMajorUnits + 1, scale: 0)
        for digits in 0...6 {
            let currency = Currency(uncheckedCode: "T\(digits)", minorUnitDigits: digits)
            for _ in 0..<2_000 {
                let scale = g.int(in: 0...7)
                var power: Int128 = 1
                for _ in 0..<scale { power *= 10 }
                let edge = (MinorUnits.maximumMajorUnits + 1) * power
                var coefficient: Int128
                switch g.int(in: 0...3) {
                case 0: coefficient = edge + Int128(g.int(in: -3...3))
                case 1: coefficient = Int128(g.int(in: 0...Int(Int32.max))) * Int128(g.int(in: 0...Int(Int32.max)))
                case 2: coefficient = Int128(g.int(in: 0...1_000))
                default: coefficient = Int128(g.int(in: 0...Int(Int64.max)))
                }
                if g.chance(1, in: 8) { coefficient = -coefficient }
                let value = try ExactDecimal(coefficient: coefficient, scale: scale)
                let expected: Int128? = !value.isNegative && scale <= digits && value < limit ? {
                    var minor = coefficient
                    for _ in scale..<digits { minor *= 10 }
                    return minor
                }() : nil
                #expect((try? MinorUnits(currency).amount(value, path: "p")) == expected, "\(digits) digits: \(value)")
            }
        }
    }
}

@Suite("MinorUnits: decimals without a fallback")
struct MinorUnitsDecimalBoundTests {
    @Test("text(_:) states any Int128, also one beyond a decimal's 38 digits")
    func textOfAnyAmount() {
        #expect(MinorUnits(.usd).text(43666) == "436.66")
        #expect(MinorUnits(.usd).text(-5) == "-0.05")
        #expect(MinorUnits(.usd).text(Int128.max) == "\(Int128.max) minor units")
        #expect(MinorUnits(.usd).text(Int128.min) == "\(Int128.min) minor units")
    }

    @Test("validatedAmount(_:) is amount(_:path:) for every accepted amount", arguments: ["0", "85", "85.5", "85.50", "999999999999.99", "0.01"])
    func validatedAmountMatches(text: String) throws {
        for code in ["USD", "BHD"] {
            let money = MinorUnits(try Currency(code: code))
            #expect(money.validatedAmount(dec(text)) == (try money.amount(dec(text), path: "x")))
        }
    }

    /// The precondition of decimal(_:): the largest loan a request can give (every amount at
    /// its limit, 100 fees and a 100 % tax due at signing, 100 % a year, 1200 annual payments,
    /// in advance and in arrears with the first payment a year out) has amounts far below
    /// 10^38; each grows with principal, rate and term.
    @Test("The largest loan quote's amounts stay below 10^25 minor units")
    func largestLoanIsFarBelowTheLimit() throws {
        for (frequency, timing) in [(PaymentFrequency.annual, PaymentTiming.arrears), (.annual, .advance), (.weekly, .arrears), (.monthly, .arrears)] {
            var loan = RetailLoan(sellingPrice: dec("999999999999.99"), apr: dec("100"), term: 1200)
            loan.frequency = frequency
            loan.paymentTiming = timing
            let most = dec("999999999999.99")
            // The net financed amount is capped at the selling price's limit; what is not
            // financed is due at signing: every fee, taxable, and a 100 % tax.
            loan.fees = (0..<RetailLoan.Limits.maximumItems).map { Fee(name: "F\($0)", amount: most, taxable: true, financed: false) }
            loan.tax = SalesTax(rate: dec("100"), financed: false)
            if timing == .arrears, frequency == .annual {
                loan.contractDate = try CivilDate(parsing: "2024-01-31")
                loan.firstPaymentDate = try CivilDate(parsing: "2025-01-31")
            }
            // The longest term whose rounded payment still amortizes (a longer one is `unsupported`).
            var quoted: LoanQuote?
            for term in [1200, 600, 300, 120, 60, 36, 24, 12] where quoted == nil {
                loan.term = term
                quoted = try? loan.quote()
            }
            if quoted == nil { _ = try loan.quote() }
            let quote = try #require(quoted, "\(frequency) \(timing)")
            let limit = try ExactDecimal(parsing: "100000000000000000000000")   // 10^25 minor units = 10^23 USD
            for amount in [quote.totalOfPayments, quote.financeCharge, quote.totalSalePrice, quote.dueAtSigning.total, quote.periodicPayment.total, quote.finalPayment] {
                #expect(amount < limit, "\(frequency) \(timing): \(amount)")
            }
        }
    }

    /// The same for the largest lease: every item list full at the largest amount, a money
    /// factor of 0.1 or 100 % a year, the longest term and five taxes at 100 %.
    @Test("The largest lease quote's amounts stay below 10^25 minor units", arguments: [LeaseTax.Method.monthly, .upfrontOnPayments, .upfrontOnPrice])
    func largestLeaseIsFarBelowTheLimit(method: LeaseTax.Method) throws {
        let most = dec("999999999999.99")
        let limit = try ExactDecimal(parsing: "100000000000000000000000")
        for rate in [LeaseRate.moneyFactor(dec("0.1")), .apr(dec("100"))] {
            for (frequency, timing) in [(PaymentFrequency.monthly, PaymentTiming.advance), (.weekly, .arrears), (.annual, .arrears)] {
                var lease = Lease(sellingPrice: most, residual: .percent(dec("1")), rate: rate, term: Lease.Limits.maximumTerm)
                if case .apr = rate { lease.rateMethod = .annuity }
                lease.msrp = most
                lease.frequency = frequency
                lease.paymentTiming = timing
                lease.addOns = (0..<Lease.Limits.maximumItems).map { LeaseAddOn(name: "A\($0)", amount: most) }
                lease.products = (0..<Lease.Limits.maximumItems).map { LineItem(name: "P\($0)", amount: most, taxable: true) }
                lease.fees = (0..<Lease.Limits.maximumItems).map { LeaseFee(name: "F\($0)", amount: most, taxable: true, capitalized: $0 % 2 == 0) }
                lease.dispositionFee = most
                lease.tax = LeaseTax(components: (0..<Lease.Limits.maximumTaxComponents).map { LeaseTax.Component(name: "T\($0)", rate: dec("100")) },
                                     method: method, capitalized: method != .monthly)
                let quote = try lease.quote()
                for amount in [quote.totalOfPayments, quote.grossCapitalizedCost, quote.rentCharge, quote.depreciation, quote.cashDueAtSigning,
                               quote.dueAtSigning.total, quote.periodicPayment.total, quote.upfrontTax ?? .zero, quote.capitalizedTaxes ?? .zero] {
                    #expect(amount < limit, "\(rate) \(frequency) \(timing) \(method): \(amount)")
                }
            }
        }
    }
}
