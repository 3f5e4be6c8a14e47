// DealFinance — DealRequestsTests: DealCalculator (Documentation/Reference entry point and errors).

import Testing
import DealJSON
import DealEngine
@testable import DealRequests

/// The minimal valid loan request with `extra` members appended (`extra` starts with a comma).
private func loan(_ extra: String = "") -> String {
    #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60"# + extra + "}"
}

/// A request that must fail: the code, the path, and pieces the message must contain
/// (what was expected and what was found).
struct RejectedRequest: CustomTestStringConvertible, Sendable {
    var text: String
    var code: String
    var path: String
    var says: [String]
    var testDescription: String { "\(code) at \(path.isEmpty ? "<top>" : path): \(text.prefix(90))" }
    init(_ text: String, _ code: String = "invalid_argument", _ path: String, _ says: String...) {
        self.text = text; self.code = code; self.path = path; self.says = says
    }
}

private let a101 = "[" + Array(repeating: #"{"amount":"1.00"}"#, count: 101).joined(separator: ",") + "]"
private let a100 = "[" + Array(repeating: #"{"amount":"1.00"}"#, count: 100).joined(separator: ",") + "]"
private let t11 = "[" + Array(repeating: #"{"allowance":"1.00"}"#, count: 11).joined(separator: ",") + "]"

@Suite("DealCalculator: requests that fail")
struct DealCalculatorErrorTests {
    static let rejected: [RejectedRequest] = [
        // Unknown fields, at every level.
        .init(loan(#","sellingPrise":"1.00""#), "invalid_argument", "sellingPrise", "expected only the fields", "unknown field \"sellingPrise\""),
        .init(loan(#","tax":{"rate":"7","rat":"1"}"#), "invalid_argument", "tax.rat", "unknown field \"rat\""),
        .init(loan(#","addOns":[{"amount":"1.00","price":"2.00"}]"#), "invalid_argument", "addOns.0.price", "unknown field \"price\""),
        .init(loan(#","fees":[{"amount":"1.00"},{"amount":"1.00","capitalized":true}]"#), "invalid_argument", "fees.1.capitalized", "unknown field"),
        .init(loan(#","tradeIns":[{"allowance":"1.00","lien":"2.00"}]"#), "invalid_argument", "tradeIns.0.lien", "unknown field"),
        .init(loan(#","balloon":{"percent":"10"}"#), "invalid_argument", "balloon.percent", "unknown field"),
        // Required fields.
        .init(#"{"calculate":"loan","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a decimal string", "found nothing"),
        .init(#"{"calculate":"loan","sellingPrice":"1.00","term":60}"#, "invalid_argument", "apr", "expected a decimal string", "found nothing"),
        .init(#"{"calculate":"loan","sellingPrice":"1.00","apr":"6"}"#, "invalid_argument", "term", "expected a whole number", "found nothing"),
        .init(loan(#","addOns":[{"name":"Mats"}]"#), "invalid_argument", "addOns.0.amount", "found nothing"),
        .init(loan(#","tradeIns":[{"payoff":"1.00"}]"#), "invalid_argument", "tradeIns.0.allowance", "found nothing"),
        .init(loan(#","tax":{}"#), "invalid_argument", "tax.rate", "found nothing"),
        // Money: JSON numbers and malformed decimal strings.
        .init(#"{"calculate":"loan","sellingPrice":30000,"apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a decimal string", "found the JSON number 30000"),
        .init(loan(#","downPayment":1000.50"#), "invalid_argument", "downPayment", "expected a decimal string", "found the JSON number 1000.50"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":6.9,"term":60}"#, "invalid_argument", "apr", "found the JSON number 6.9"),
        .init(#"{"calculate":"loan","sellingPrice":"3e4","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a plain decimal", "found \"3e4\""),
        .init(#"{"calculate":"loan","sellingPrice":"30,000.00","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a plain decimal", "found \"30,000.00\""),
        .init(#"{"calculate":"loan","sellingPrice":"+30000.00","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a plain decimal", "found \"+30000.00\""),
        .init(#"{"calculate":"loan","sellingPrice":" 30000.00","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a plain decimal", "found \" 30000.00\""),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00 ","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a plain decimal", "found \"30000.00 \""),
        .init(#"{"calculate":"loan","sellingPrice":"NaN","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a plain decimal", "found \"NaN\""),
        .init(#"{"calculate":"loan","sellingPrice":"","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a plain decimal"),
        .init(loan(#","tradeIns":[{"allowance":"1.00","payoff":"1e3"}]"#), "invalid_argument", "tradeIns.0.payoff", "found \"1e3\""),
        // Out of range.
        .init(#"{"calculate":"loan","sellingPrice":"-1.00","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected an amount of zero or more", "found -1.00"),
        .init(#"{"calculate":"loan","sellingPrice":"0.00","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a selling price above zero", "found 0.00"),
        .init(#"{"calculate":"loan","sellingPrice":"1000000000000.00","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected at most 999999999999", "found 1000000000000.00"),
        .init(loan(#","downPayment":"-5.00""#), "invalid_argument", "downPayment", "zero or more", "found -5.00"),
        .init(loan(#","rebates":[{"amount":"-1.00"}]"#), "invalid_argument", "rebates.0.amount", "zero or more", "found -1.00"),
        .init(loan(#","downPayment":"30000.00""#), "invalid_argument", "downPayment", "expected the down payment", "30000.00"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":0}"#, "invalid_argument", "term", "expected a number of payments from 1 to 1200", "found 0"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":1201}"#, "invalid_argument", "term", "from 1 to 1200", "found 1201"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":-3}"#, "invalid_argument", "term", "from 1 to 1200", "found -3"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"101","term":60}"#, "invalid_argument", "apr", "from 0 to 100", "found 101"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"-1","term":60}"#, "invalid_argument", "apr", "from 0 to 100", "found -1"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6.12345678901","term":60}"#, "invalid_argument", "apr", "at most 10 decimal places", "found 11"),
        .init(loan(#","tax":{"rate":"100.5"}"#), "invalid_argument", "tax.rate", "from 0 to 100", "found 100.5"),
        // List sizes.
        .init(loan(#","tradeIns":"# + t11), "invalid_argument", "tradeIns", "expected at most 10 entries", "found 11"),
        .init(loan(#","addOns":"# + a101), "invalid_argument", "addOns", "expected at most 100 entries", "found 101"),
        .init(loan(#","products":"# + a101), "invalid_argument", "products", "at most 100 entries", "found 101"),
        .init(loan(#","fees":"# + a101), "invalid_argument", "fees", "at most 100 entries", "found 101"),
        .init(loan(#","rebates":"# + a101), "invalid_argument", "rebates", "at most 100 entries", "found 101"),
        // Balloons.
        .init(loan(#","balloon":{"amount":"1000.00","percentOfSellingPrice":"10"}"#), "invalid_argument", "balloon", "expected exactly one of \"amount\", \"percentOfMsrp\", \"percentOfSellingPrice\"", "found 2"),
        .init(loan(#","balloon":{}"#), "invalid_argument", "balloon", "expected exactly one of", "found 0"),
        .init(loan(#","balloon":{"percentOfMsrp":"35"}"#), "invalid_argument", "msrp", "expected an msrp", "found none"),
        .init(loan(#","balloon":{"amount":"30000.01"}"#), "unsupported", "balloon.amount", "expected a balloon of at most the net financed amount 30000.00", "found 30000.01", "negative amortization"),
        .init(loan(#","balloon":{"percentOfSellingPrice":"101"}"#), "invalid_argument", "balloon.percentOfSellingPrice", "from 0 to 100", "found 101"),
        .init(loan(#","balloon":"10000.00""#), "invalid_argument", "balloon", "expected an object", "found the string \"10000.00\""),
        // Dates.
        .init(loan(#","contractDate":"2026-02-30""#), "invalid_argument", "contractDate", "expected a date YYYY-MM-DD", "found \"2026-02-30\"", "February 2026 has 28 days"),
        .init(loan(#","firstPaymentDate":"2026-2-3""#), "invalid_argument", "firstPaymentDate", "expected a date YYYY-MM-DD", "found \"2026-2-3\""),
        .init(loan(#","contractDate":"2026-03-10","firstPaymentDate":"2026-03-01""#), "invalid_argument", "firstPaymentDate", "expected a first payment date after the contract date 2026-03-10", "found 2026-03-01"),
        .init(loan(#","contractDate":"2026-03-10","firstPaymentDate":"2026-03-10""#), "invalid_argument", "firstPaymentDate", "after the contract date", "found 2026-03-10"),
        .init(loan(#","contractDate":"2026-03-10","firstPaymentDate":"2027-03-11""#), "invalid_argument", "firstPaymentDate", "at most one year after the contract date 2026-03-10", "found 2027-03-11"),
        .init(loan(#","paymentTiming":"advance","contractDate":"2026-03-10","firstPaymentDate":"2026-04-10""#), "invalid_argument", "firstPaymentDate", "when payments are in advance", "found 2026-04-10"),
        // Currency and minor units.
        .init(loan(#","currency":"XYZ""#), "invalid_argument", "currency", "expected an ISO 4217 code", "found \"XYZ\""),
        .init(loan(#","currency":"usd""#), "invalid_argument", "currency", "expected an ISO 4217 code", "found \"usd\""),
        .init(loan(#","downPayment":"1.005""#), "invalid_argument", "downPayment", "expected at most 2 decimal places for USD", "found 3 in 1.005"),
        .init(#"{"calculate":"loan","currency":"JPY","sellingPrice":"1.5","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected at most 0 decimal places for JPY", "found 1 in 1.5"),
        .init(#"{"calculate":"loan","currency":"BHD","sellingPrice":"1000.0005","apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "at most 3 decimal places for BHD", "found 4"),
        // Wrong JSON types, one per kind of field.
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":"60"}"#, "invalid_argument", "term", "expected a whole JSON number", "found the string \"60\""),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60.0}"#, "invalid_argument", "term", "expected a whole number such as 60", "found 60.0"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":6e1}"#, "invalid_argument", "term", "expected a whole number", "found 6e1"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":true}"#, "invalid_argument", "term", "expected a whole JSON number", "found true"),
        .init(#"{"calculate":"loan","sellingPrice":["30000.00"],"apr":"6","term":60}"#, "invalid_argument", "sellingPrice", "expected a decimal string", "found an array"),
        .init(loan(#","frequency":12"#), "invalid_argument", "frequency", "expected a string", "found the JSON number 12"),
        .init(loan(#","frequency":"fortnightly""#), "invalid_argument", "frequency", "expected one of \"monthly\", \"semimonthly\"", "found \"fortnightly\""),
        .init(loan(#","paymentTiming":"due""#), "invalid_argument", "paymentTiming", "expected one of \"arrears\", \"advance\"", "found \"due\""),
        .init(loan(#","oddDays":"none""#), "invalid_argument", "oddDays", "expected one of \"spread\", \"firstPayment\", \"ignore\"", "found \"none\""),
        .init(loan(#","rounding":"bankers""#), "invalid_argument", "rounding", "expected a rounding profile (standard, periodicRateRounded5, ", "found \"bankers\""),
        .init(loan(#","rounding":1"#), "invalid_argument", "rounding", "expected a profile name or an object", "found the JSON number 1"),
        .init(loan(#","addOns":{"amount":"1.00"}"#), "invalid_argument", "addOns", "expected an array", "found an object"),
        .init(loan(#","addOns":[5]"#), "invalid_argument", "addOns.0", "expected an object", "found the JSON number 5"),
        .init(loan(#","addOns":[{"amount":"1.00","taxable":"yes"}]"#), "invalid_argument", "addOns.0.taxable", "expected true or false", "found the string \"yes\""),
        .init(loan(#","products":[{"name":7,"amount":"1.00"}]"#), "invalid_argument", "products.0.name", "expected a string", "found the JSON number 7"),
        .init(loan(#","fees":[{"amount":"1.00","financed":null}]"#), "invalid_argument", "fees.0.financed", "expected true or false", "found null"),
        .init(loan(#","fees":[{"amount":"1.00","prepaidFinanceCharge":1}]"#), "invalid_argument", "fees.0.prepaidFinanceCharge", "expected true or false", "found the JSON number 1"),
        .init(loan(#","tradeIns":{"allowance":"1.00"}"#), "invalid_argument", "tradeIns", "expected an array", "found an object"),
        .init(loan(#","rebates":"500.00""#), "invalid_argument", "rebates", "expected an array", "found the string \"500.00\""),
        .init(loan(#","tax":"7""#), "invalid_argument", "tax", "expected an object", "found the string \"7\""),
        .init(loan(#","tax":{"rate":"7","financed":"false"}"#), "invalid_argument", "tax.financed", "expected true or false", "found the string \"false\""),
        .init(loan(#","tax":{"rate":7}"#), "invalid_argument", "tax.rate", "found the JSON number 7"),
        .init(loan(#","msrp":35000"#), "invalid_argument", "msrp", "found the JSON number 35000"),
        .init(loan(#","contractDate":20260110"#), "invalid_argument", "contractDate", "expected a string", "found the JSON number 20260110"),
        .init(loan(#","currency":840"#), "invalid_argument", "currency", "expected a string", "found the JSON number 840"),
        .init(loan(#","includeSchedule":"true""#), "invalid_argument", "includeSchedule", "expected true or false", "found the string \"true\""),
        .init(loan(#","explain":1"#), "invalid_argument", "explain", "expected true or false", "found the JSON number 1"),
        .init(#"{"calculate":5,"sellingPrice":"1.00","apr":"6","term":60}"#, "invalid_argument", "calculate", "expected a string naming what to compute", "found the JSON number 5"),
        // The request itself.
        .init("[]", "invalid_argument", "", "expected a request object with a \"calculate\" field", "found an array"),
        .init(#""loan""#, "invalid_argument", "", "expected a request object", "found the string \"loan\""),
        .init("null", "invalid_argument", "", "expected a request object", "found null"),
        .init("{}", "invalid_argument", "calculate", "expected \"calculate\" naming what to compute (loan, lease, apr, tvm, grid, payoff, reconcile, leadScore, ", "leadSummary), found nothing"),
        .init(#"{"sellingPrice":"1.00","apr":"6","term":60}"#, "invalid_argument", "calculate", "found nothing"),
        .init(#"{"calculate":"lease"}"#, "invalid_argument", "sellingPrice", "expected a decimal string", "found nothing"),
        .init(#"{"calculate":"tvm","function":"pmt"}"#, "invalid_argument", "rate", "found nothing"),
        .init(#"{"calculate":"apr","method":"regz"}"#, "invalid_argument", "advances", "found nothing"),
        .init(#"{"calculate":"mortgage"}"#, "invalid_argument", "calculate", "expected one of \"loan\", \"lease\", \"apr\", \"tvm\", \"grid\", \"payoff\", \"reconcile\", \"leadScore\", ", "\"leadSummary\", found \"mortgage\""),
        .init(#"{"calculate":"Loan","sellingPrice":"1.00","apr":"6","term":60}"#, "invalid_argument", "calculate", "found \"Loan\""),
        // Not JSON.
        .init(#"{"calculate":"loan","#, "invalid_json", "", "expected", "found"),
        .init(#"{"calculate":"loan"} x"#, "invalid_json", "", "expected the end of the input after the JSON value", "found"),
        .init(#"{'calculate':'loan'}"#, "invalid_json", "", "expected", "found"),
        .init(#"{"calculate":"loan","calculate":"loan","sellingPrice":"1.00","apr":"6","term":60}"#, "invalid_json", "calculate", "expected each member name once in an object", "found \"calculate\" again"),
        .init(loan(#","tax":{"rate":"7","rate":"8"}"#), "invalid_json", "tax.rate", "expected each member name once", "found \"rate\" again"),
        .init(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":0060}"#, "invalid_json", "term", "expected"),
        .init("", "invalid_json", "", "expected", "found"),
    ]

    @Test(arguments: rejected)
    func rejects(_ case_: RejectedRequest) throws {
        let answer = DealCalculator.calculate(requestText: case_.text)
        #expect(DealCalculator.isError(answer))
        let error = try #require(answer.value(atPath: "error")?.objectValue)
        #expect(error.keys == ["code", "path", "message"])
        #expect(error["code"] == .string(case_.code))
        #expect(error["path"] == .string(case_.path))
        let message = try #require(error["message"]?.stringValue)
        #expect(message.hasPrefix("expected"), "message should say what was expected first: \(message)")
        for piece in case_.says {
            #expect(message.contains(piece), "message \(message) should contain \(piece)")
        }
        // The error object is the only member of the answer.
        #expect(answer.objectValue?.keys == ["error"])
    }

    @Test("100 add-ons and 10 trade-ins are still accepted; 1200 payments and apr 0 and 100 too")
    func limitsAreInclusive() {
        for text in [loan(#","addOns":"# + a100),
                     loan(#","tradeIns":["# + Array(repeating: #"{"allowance":"1.00"}"#, count: 10).joined(separator: ",") + "]"),
                     #"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":1200}"#,
                     #"{"calculate":"loan","sellingPrice":"30000.00","apr":"0","term":1}"#,
                     #"{"calculate":"loan","sellingPrice":"30000.00","apr":"100","term":12}"#,
                     #"{"calculate":"loan","sellingPrice":"999999999999.99","apr":"6","term":60}"#,
                     loan(#","contractDate":"2026-03-10","firstPaymentDate":"2027-03-10""#),
                     loan(#","paymentTiming":"advance","contractDate":"2026-03-10","firstPaymentDate":"2026-03-10""#),
                     #"{"calculate":"loan","currency":"JPY","sellingPrice":"3000000","apr":"6","term":60}"#,
                     #"{"calculate":"loan","currency":"BHD","sellingPrice":"1000.005","apr":"6","term":60}"#] {
            let answer = DealCalculator.calculate(requestText: text)
            #expect(!DealCalculator.isError(answer), "\(text.prefix(120)) → \(JSONWriter(pretty: false).write(answer).prefix(300))")
        }
    }

    @Test("Nesting deeper than the reader's limit is invalid_json; shallower junk is invalid_argument")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let answer = DealCalculator.calculate(requestText: loan(#","addOns":"# + deep))
        #expect(answer.value(atPath: "error.code") == "invalid_json")
        let message = try #require(answer.value(atPath: "error.message")?.stringValue)
        #expect(message.contains("expected"))
        #expect(answer.value(atPath: "error.path")?.stringValue?.hasPrefix("addOns") == true)

        let shallow = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        let second = DealCalculator.calculate(requestText: loan(#","addOns":"# + shallow))
        #expect(second.value(atPath: "error.code") == "invalid_argument")
        #expect(second.value(atPath: "error.path") == "addOns.0")
        #expect(second.value(atPath: "error.message")?.stringValue?.contains("found an array") == true)
    }

    @Test("A 2 MB request is invalid_json and says how large it may be")
    func hugeInput() throws {
        let padding = String(repeating: " ", count: 2_000_000)
        let answer = DealCalculator.calculate(requestText: loan() + padding)
        #expect(answer.value(atPath: "error.code") == "invalid_json")
        #expect(answer.value(atPath: "error.path") == "")
        let message = try #require(answer.value(atPath: "error.message")?.stringValue)
        #expect(message.contains("expected at most 1048576 bytes"))
        #expect(message.contains("found 2000"))
    }

    @Test("Invalid UTF-8 is invalid_json")
    func invalidUTF8() {
        var bytes = Array(#"{"calculate":"loan","sellingPrice":"1"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#".00","apr":"6","term":60}"#.utf8)
        let answer = DealCalculator.calculate(requestBytes: bytes)
        #expect(answer.value(atPath: "error.code") == "invalid_json")
        #expect(answer.value(atPath: "error.path") == "sellingPrice")
    }

    @Test("result(for:) throws the same DealError the answer carries")
    func resultThrows() throws {
        let request = try JSONReader().parse(#"{"calculate":"loan","sellingPrice":"1.00","apr":"6","term":0}"#)
        #expect(throws: DealError.invalidArgument("term", "expected a number of payments from 1 to 1200, found 0")) {
            _ = try DealCalculator.result(for: request)
        }
        #expect(DealCalculator.calculate(request) == DealCalculator.errorObject(.invalidArgument("term", "expected a number of payments from 1 to 1200, found 0")))
    }

    @Test("A repaid-early schedule is unsupported at term")
    func unsupportedSchedule() {
        let answer = DealCalculator.calculate(requestText: #"{"calculate":"loan","sellingPrice":"1.50","apr":"0","term":300}"#)
        #expect(answer.value(atPath: "error.code") == "unsupported")
        #expect(answer.value(atPath: "error.path") == "term")
        #expect(answer.value(atPath: "error.message")?.stringValue?.contains("found it repays the balance by payment 151") == true)
    }
}

@Suite("DealCalculator: the entry point")
struct DealCalculatorTests {
    @Test("Kinds: loan, lease, apr, tvm, grid, payoff, reconcile and the lead kinds compute; nothing documented is left planned")
    func kinds() {
        #expect(DealCalculator.availableKinds == ["loan", "lease", "apr", "tvm", "grid", "payoff", "reconcile", "leadScore", "leadIndicators", "leadTransition",
                                                  "dealTransition", "leadAssign", "followUpDue", "leadDuplicates", "leadMerge", "activityInsights",
                                                  "vinValidate", "phoneNormalize", "emailNormalize", "adfParse", "adfGenerate", "leadReport", "leadSummary"])
        #expect(DealCalculator.plannedKinds.isEmpty)
    }

    @Test("Text, bytes and parsed values give the same answer")
    func overloadsAgree() throws {
        let text = loan(#","balloon":{"amount":"10000.00"}"#)
        let fromText = DealCalculator.calculate(requestText: text)
        #expect(fromText == DealCalculator.calculate(requestBytes: Array(text.utf8)))
        #expect(fromText == DealCalculator.calculate(try JSONReader().parse(text)))
        #expect(fromText == (try DealCalculator.result(for: try JSONReader().parse(text))))
        #expect(fromText.value(atPath: "periodicPayment.total") == "436.66")
        #expect(fromText.value(atPath: "finalPayment") == "436.41")
        #expect(fromText.value(atPath: "calculate") == "loan")
        #expect(!DealCalculator.isError(fromText))
    }

    @Test("errorObject has code, path, message in that order")
    func errorObject() {
        let object = DealCalculator.errorObject(DealError(code: .overflow, path: "a.b", message: "expected x, found y"))
        #expect(JSONWriter(pretty: false).write(object) == #"{"error":{"code":"overflow","path":"a.b","message":"expected x, found y"}}"#)
        #expect(DealCalculator.isError(object))
        #expect(!DealCalculator.isError(["error2": 1]))
        #expect(!DealCalculator.isError([1]))
    }

    @Test("Results are deterministic and written without NaN or null")
    func noNullsOrNaN() throws {
        let answer = DealCalculator.calculate(requestText: loan(#","includeSchedule":true,"explain":true"#))
        let text = JSONWriter(pretty: false).write(answer)
        #expect(!text.contains("null"))
        #expect(!text.contains("NaN"))
        #expect(!text.contains("Infinity"))
        #expect(text == JSONWriter(pretty: false).write(DealCalculator.calculate(requestText: loan(#","includeSchedule":true,"explain":true"#))))
    }
}
