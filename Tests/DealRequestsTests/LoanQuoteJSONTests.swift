// DealFinance — DealRequestsTests: LoanQuote+JSON (the result object of Documentation/Reference/Loan.md).

import Testing
import DealDecimal
import DealEngine
import DealJSON
@testable import DealRequests

private func answer(_ text: String) throws -> JSONObject {
    let value = DealCalculator.calculate(requestText: text)
    #expect(!DealCalculator.isError(value), "\(JSONWriter(pretty: false).write(value))")
    return try #require(value.objectValue)
}

/// A deal with every kind of line: trade-in, tax, fees, balloon, dates.
private let fullDeal = #"""
{"calculate":"loan","sellingPrice":"30000.00","msrp":"32000.00",
 "addOns":[{"name":"Mats","amount":"150.00"}],"products":[{"name":"GAP","amount":"600.00"}],
 "fees":[{"name":"Doc","amount":"85.00"},{"name":"Title","amount":"75.00","financed":false}],
 "tradeIns":[{"allowance":"5000.00","payoff":"2000.00"}],"downPayment":"1000.00",
 "rebates":[{"name":"Rebate","amount":"500.00"}],"tax":{"rate":"6"},
 "apr":"5.9","term":48,"balloon":{"amount":"5000.00"},
 "contractDate":"2026-01-10","firstPaymentDate":"2026-02-25","includeSchedule":true
"""#

/// The result fields in the order Documentation/Reference/Loan.md lists them.
private let specOrder = ["sellingPrice", "addOnsTotal", "productsTotal", "feesFinanced", "feesDueAtSigning",
    "tradeInAllowance", "tradeInPayoff", "tradeInEquity", "taxableAmount", "salesTax", "financedAmount",
    "capitalizedCostReduction", "netFinancedAmount", "prepaidFinanceCharges", "amountFinanced",
    "disclosedDownPayment", "apr", "periodicRate", "periodicPayment", "numberOfPayments", "finalPayment",
    "balloon", "financeCharge", "totalOfPayments", "totalSalePrice", "dueAtSigning", "firstPaymentDate",
    "maturityDate", "schedule"]

/// A 12-decimal APR rounded half up to 2 decimals.
private func format2(_ text: String) -> String {
    (try? ExactDecimal(parsing: text).rounded(scale: 2, rule: .toNearestOrAway).description) ?? text
}

/// Every string in the result that is money, with its path.
private func moneyStrings(_ result: JSONObject) -> [(String, String)] {
    let notMoney: Set<String> = ["calculate", "currency", "apr", "aprUnrounded", "contractRate", "periodicRate", "unroundedPayment", "firstPaymentDate", "maturityDate", "explain"]
    var found: [(String, String)] = []
    func walk(_ value: JSONValue, _ path: String) {
        switch value {
        case .string(let text):
            let last = path.split(separator: ".").last.map(String.init) ?? path
            if last != "name" && last != "date" { found.append((path, text)) }
        case .object(let object):
            for (key, member) in object where !(path.isEmpty && notMoney.contains(key)) {
                walk(member, path.isEmpty ? key : "\(path).\(key)")
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() { walk(element, "\(path).\(index)") }
        default: break
        }
    }
    walk(.object(result), "")
    return found
}

private func hasExactly(_ text: String, decimals: Int) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let whole = parts[0].hasPrefix("-") ? parts[0].dropFirst() : parts[0]
    guard !whole.isEmpty, whole.allSatisfy(\.isNumber) else { return false }
    if decimals == 0 { return parts.count == 1 }
    return parts.count == 2 && parts[1].count == decimals && parts[1].allSatisfy(\.isNumber)
}

@Suite("LoanQuote JSON")
struct LoanQuoteJSONTests {
    @Test("Fields appear in Documentation/Reference/Loan.md's order; the extensions are pinned too")
    func fieldOrder() throws {
        let result = try answer(fullDeal + "}")
        let keys = result.keys
        #expect(keys.filter { specOrder.contains($0) } == specOrder)
        #expect(keys == ["calculate", "currency", "sellingPrice", "msrp", "addOnsTotal", "addOns", "productsTotal", "feesFinanced",
                         "feesDueAtSigning", "tradeInAllowance", "tradeInPayoff", "tradeInEquity", "downPayment",
                         "rebatesTotal", "taxableAmount", "salesTax", "financedAmount", "capitalizedCostReduction",
                         "netFinancedAmount", "prepaidFinanceCharges", "amountFinanced", "disclosedDownPayment", "apr",
                         "aprUnrounded", "contractRate", "periodicRate", "periodicPayment", "unroundedPayment", "numberOfPayments",
                         "finalPayment", "balloon", "financeCharge", "totalOfPayments", "totalSalePrice", "dueAtSigning",
                         "firstPaymentDate", "maturityDate", "schedule"])
        #expect(result["periodicPayment"]?.objectValue?.keys == ["net", "tax", "total"])
        // firstPayment (an extension) sits between unroundedPayment and numberOfPayments when present.
        let odd = try answer(fullDeal + #","oddDays":"firstPayment"}"#).keys
        #expect(odd.firstIndex(of: "firstPayment") == odd.firstIndex(of: "unroundedPayment").map { $0 + 1 })
        #expect(odd.filter { specOrder.contains($0) } == specOrder)
        #expect(result["dueAtSigning"]?.objectValue?.keys == ["total", "items"])
        for item in result["addOns"]?.arrayValue ?? [] { #expect(item.objectValue?.keys == ["name", "amount", "preInstalled"]) }
        for item in result["dueAtSigning"]?.arrayValue ?? [] { #expect(item.objectValue?.keys == ["name", "amount"]) }
        for row in result["schedule"]?.arrayValue ?? [] {
            #expect(row.objectValue?.keys == ["number", "date", "payment", "interest", "principal", "balance"])
        }
    }

    @Test("jsonText is the result object written as JSON text")
    func jsonText() throws {
        var loan = RetailLoan(sellingPrice: try ExactDecimal(parsing: "30000.00"), apr: try ExactDecimal(parsing: "6"), term: 60)
        loan.balloon = .amount(try ExactDecimal(parsing: "10000.00"))
        let quote = try loan.quote(includeSchedule: true)
        for explain in [false, true] {
            #expect(try quote.jsonText(explain: explain) == JSONWriter(pretty: false).write(quote.json(explain: explain)))
            #expect(try quote.jsonText(explain: explain, pretty: true) == JSONWriter(pretty: true).write(quote.json(explain: explain)))
        }
        #expect(try quote.jsonText(explain: false).contains(#""periodicPayment":{"net":"436.66""#))
    }

    @Test("Values of the full deal (hand-computed from RetailLoan.md)")
    func values() throws {
        let result = JSONValue.object(try answer(fullDeal + "}"))
        // taxable = 30000 + 150 − 5000 = 25150; tax 6 % = 1509.00;
        // financed = 30000 + 150 + 600 + 85 + 1509 = 32344; CCR = 1000 + 3000 + 500 = 4500.
        #expect(result.value(atPath: "calculate") == "loan")
        #expect(result.value(atPath: "currency") == "USD")
        #expect(result.value(atPath: "msrp") == "32000.00")
        #expect(result.value(atPath: "addOnsTotal") == "150.00")
        #expect(result.value(atPath: "productsTotal") == "600.00")
        #expect(result.value(atPath: "feesFinanced") == "85.00")
        #expect(result.value(atPath: "feesDueAtSigning") == "75.00")
        #expect(result.value(atPath: "tradeInAllowance") == "5000.00")
        #expect(result.value(atPath: "tradeInPayoff") == "2000.00")
        #expect(result.value(atPath: "tradeInEquity") == "3000.00")
        #expect(result.value(atPath: "taxableAmount") == "25150.00")
        #expect(result.value(atPath: "salesTax") == "1509.00")
        #expect(result.value(atPath: "financedAmount") == "32344.00")
        #expect(result.value(atPath: "capitalizedCostReduction") == "4500.00")
        #expect(result.value(atPath: "netFinancedAmount") == "27844.00")
        #expect(result.value(atPath: "prepaidFinanceCharges") == "0.00")
        #expect(result.value(atPath: "amountFinanced") == "27844.00")
        #expect(result.value(atPath: "disclosedDownPayment") == "4500.00")
        // `apr` is the Reg Z APR of the cash flows (was an echo of the contract rate; Documentation/Reference/Loan.md
        // lists it as the annual percentage rate); the contract rate is `contractRate`.
        #expect(result.value(atPath: "contractRate") == "5.9")
        #expect(result.value(atPath: "apr") == .string(try #require(result.value(atPath: "aprUnrounded")?.stringValue.map { String(format2($0)) })))
        #expect(result.value(atPath: "periodicRate") == "0.00491666666666666666666667")
        #expect(result.value(atPath: "numberOfPayments") == 48)
        #expect(result.value(atPath: "balloon") == "5000.00")
        #expect(result.value(atPath: "dueAtSigning") == ["total": "1075.00", "items": [["name": "Cash down payment", "amount": "1000.00"], ["name": "Title", "amount": "75.00"]]])
        #expect(result.value(atPath: "firstPaymentDate") == "2026-02-25")
        #expect(result.value(atPath: "maturityDate") == "2030-01-25")
        #expect(result.value(atPath: "schedule")?.arrayValue?.count == 48)
    }

    @Test("Money has exactly the currency's decimals: USD 2, JPY 0, BHD 3", arguments: [
        ("USD", "30000.00", "5000.00", "1000.00", 2),
        ("JPY", "3000000", "500000", "100000", 0),
        ("BHD", "30000.000", "5000.000", "1000.125", 3),
        ("EUR", "30000", "5000", "1000", 2),
        ("KWD", "30000", "5000.5", "1000", 3),
    ])
    func minorUnits(currency: String, price: String, balloon: String, down: String, decimals: Int) throws {
        let result = try answer(#"{"calculate":"loan","currency":""# + currency + #"","sellingPrice":""# + price
            + #"","apr":"7","term":36,"downPayment":""# + down + #"","balloon":{"amount":""# + balloon
            + #""},"tax":{"rate":"6.25"},"fees":[{"amount":"1","financed":false}],"tradeIns":[{"allowance":"1","payoff":"2"}],"includeSchedule":true,"contractDate":"2026-01-10"}"#)
        #expect(result["currency"] == .string(currency))
        let money = moneyStrings(result)
        #expect(money.count > 36 * 4)
        for (path, text) in money {
            #expect(hasExactly(text, decimals: decimals), "\(path) = \(text) should have \(decimals) decimals")
        }
    }

    @Test("Add-ons are itemized with their pre-installed mark; the pre-installed total changes no amount")
    func preInstalledAddOns() throws {
        let base = #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"tax":{"rate":"7"},"addOns":[{"name":"Tint","amount":"399","#
        let marked = try answer(base + #""preInstalled":true},{"name":"Mats","amount":"150.00"}]}"#)
        let plain = try answer(base + #""preInstalled":false},{"name":"Mats","amount":"150.00"}]}"#)
        #expect(marked["addOns"] == .array([["name": "Tint", "amount": "399.00", "preInstalled": .bool(true)],
                                            ["name": "Mats", "amount": "150.00", "preInstalled": .bool(false)]]))
        #expect(marked["addOnsTotal"] == "549.00")
        #expect(marked["preInstalledAddOnsTotal"] == "399.00")
        #expect(plain["preInstalledAddOnsTotal"] == nil)
        // Everything but the mark and its total is the same: taxed and financed like any add-on.
        var stripped = marked
        stripped["addOns"] = nil; stripped["preInstalledAddOnsTotal"] = nil
        var plainStripped = plain
        plainStripped["addOns"] = nil
        #expect(stripped == plainStripped)
        #expect(marked["taxableAmount"] == "30549.00")
    }

    @Test("Lines that do not apply are omitted, never null")
    func omitted() throws {
        let result = try answer(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60}"#)
        for key in ["msrp", "addOns", "preInstalledAddOnsTotal", "tradeInAllowance", "tradeInPayoff", "tradeInEquity", "taxableAmount", "salesTax",
                    "balloon", "firstPayment", "firstPaymentDate", "maturityDate", "schedule", "explain"] {
            #expect(result[key] == nil, "\(key) should be omitted")
        }
        #expect(!JSONWriter(pretty: false).write(.object(result)).contains("null"))
        #expect(result["dueAtSigning"] == ["total": "0.00", "items": []])
        // Present with an explicit false too.
        let explicit = try answer(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"includeSchedule":false,"explain":false}"#)
        #expect(explicit == result)
    }

    @Test("explain is present only when asked, and covers every line present", arguments: [
        #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60"#,
        fullDeal,
        fullDeal + #","oddDays":"firstPayment""#,
        #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60,"addOns":[{"name":"Tint","amount":"399.00","preInstalled":true}]"#,
        #"{"calculate":"loan","sellingPrice":"30000.00","apr":"0","term":60,"paymentTiming":"advance","balloon":{"percentOfSellingPrice":"10"},"contractDate":"2026-01-10","tax":{"rate":"7","financed":false}"#,
    ])
    func explain(request: String) throws {
        let plain = try answer(request + "}")
        #expect(plain["explain"] == nil)
        let explained = try answer(request + #","explain":true}"#)
        let explain = try #require(explained["explain"]?.objectValue)
        #expect(explained.keys.last == "explain")
        for key in explained.keys where !["calculate", "currency", "explain"].contains(key) {
            let text = explain[key]?.stringValue
            #expect(text?.isEmpty == false, "no explanation of \(key)")
        }
        for key in explain.keys {
            #expect(explained[key] != nil, "explanation of \(key), which is not in the result")
        }
        // Each explained money line ends with its value.
        for key in ["netFinancedAmount", "amountFinanced", "financeCharge", "totalOfPayments", "finalPayment"] {
            let value = try #require(explained[key]?.stringValue)
            #expect(explain[key]?.stringValue?.contains("= \(value)") == true, "\(key)")
        }
        // Everything else is identical.
        var stripped = explained
        stripped["explain"] = nil
        #expect(JSONObject(stripped.map { ($0.key, $0.value) }) == plain)
    }

    @Test("Schedule rows carry dates when the deal has dates, and none otherwise")
    func scheduleDates() throws {
        let dated = try answer(fullDeal + "}")
        let rows = try #require(dated["schedule"]?.arrayValue)
        let dates = rows.map { $0.value(atPath: "date")?.stringValue }
        #expect(dates.first == "2026-02-25")
        #expect(dates[1] == "2026-03-25")
        #expect(dates[11] == "2027-01-25")
        #expect(dates.last == "2030-01-25")
        #expect(dates.last == dated["maturityDate"]?.stringValue)
        #expect(rows.map { $0.value(atPath: "number") } == (1...48).map { JSONValue.number(String($0)) })

        let undated = try answer(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":12,"includeSchedule":true}"#)
        let plainRows = try #require(undated["schedule"]?.arrayValue)
        #expect(plainRows.count == 12)
        for row in plainRows {
            #expect(row.value(atPath: "date") == nil)
            #expect(row.objectValue?.keys == ["number", "payment", "interest", "principal", "balance"])
        }
        // Advance with a balloon: the balloon row is dated one period after the last payment.
        let advance = try answer(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":12,"paymentTiming":"advance","balloon":{"amount":"10000.00"},"contractDate":"2026-01-31","includeSchedule":true}"#)
        let advanceRows = try #require(advance["schedule"]?.arrayValue)
        #expect(advanceRows.count == 13)
        #expect(advanceRows.first?.value(atPath: "date") == "2026-01-31")
        #expect(advanceRows[1].value(atPath: "date") == "2026-02-28")
        #expect(advanceRows.last?.value(atPath: "date") == "2027-01-31")
        #expect(advanceRows.last?.value(atPath: "payment") == "10000.00")
        #expect(advance["maturityDate"] == "2027-01-31")
        #expect(advance["firstPaymentDate"] == "2026-01-31")
    }

    @Test("json(explain:) on a quote built directly")
    func directQuote() throws {
        var loan = RetailLoan(sellingPrice: try ExactDecimal(parsing: "30000.00"), apr: try ExactDecimal(parsing: "6"), term: 60)
        loan.balloon = .amount(try ExactDecimal(parsing: "10000.00"))
        let json = try loan.quote().json(explain: false)
        #expect(json.value(atPath: "periodicPayment") == ["net": "436.66", "tax": "0.00", "total": "436.66"])
        #expect(json.value(atPath: "finalPayment") == "436.41")
        #expect(json.value(atPath: "totalOfPayments") == "36199.35")
        #expect(json.value(atPath: "financeCharge") == "6199.35")
        #expect(json.value(atPath: "unroundedPayment")?.stringValue?.hasPrefix("436.656030588558") == true)
        #expect(json.value(atPath: "explain") == nil)
        #expect(try loan.quote().json(explain: true).value(atPath: "explain")?.objectValue?.isEmpty == false)
    }
}
