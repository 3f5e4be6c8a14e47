// DealFinance — DealRequestsTests: TVMRequest.swift (`"calculate": "tvm"`, Documentation/Reference/TVM.md).

import Testing
import DealJSON
@testable import DealRequests

private func answer(_ body: String) -> JSONValue { DealCalculator.calculate(requestText: #"{"calculate":"tvm","# + body + "}") }

@Suite("TVMRequest")
struct TVMRequestTests {
    @Test("value with at least 20 significant digits, spreadsheet names", arguments: [
        (#""function":"pmt","rate":"0.005","nper":60,"pv":"30000""#, "-579.98404588283"),
        (#""function":"pv","rate":"0.005","nper":60,"pmt":"-579.98""#, "29999.79"),
        (#""function":"fv","rate":"0.005","nper":10,"pmt":"-200","pv":"-500","type":1"#, "2581.4033740601"),
        (#""function":"ipmt","rate":"0.01","per":1,"nper":12,"pv":"1000""#, "-10"),
        (#""function":"ppmt","rate":"0.01","per":1,"nper":12,"pv":"1000""#, "-78.8487886783417"),
        (#""function":"cumipmt","rate":"0.0075","nper":360,"pv":"125000","startPeriod":13,"endPeriod":24,"type":0"#, "-11135.2321307508"),
        (#""function":"cumprinc","rate":"0.0075","nper":360,"pv":"125000","startPeriod":13,"endPeriod":24,"type":0"#, "-934.107123420898"),
        (#""function":"effect","nominalRate":"0.0525","npery":4"#, "0.0535426673707580"),
        (#""function":"npv","rate":"0.1","values":["-10000","3000","4200","6800"]"#, "1188.44341233522"),
        (#""function":"irr","values":["-70000","12000","15000","18000","21000","26000"]"#, "0.0866309480365316"),
        (#""function":"rate","nper":48,"pmt":"-200","pv":"8000""#, "0.00770147248820204"),
        // 28 significant digits (0.08/12): every decimal ExactDecimal holds is accepted.
        (#""function":"pmt","rate":"0.0066666666666666666666666667","nper":10,"pv":"10000""#, "-1037.03"),
    ])
    func values(body: String, prefix: String) {
        let json = answer(body)
        guard case .string(let text)? = json.value(atPath: "value") else { Issue.record("\(json)"); return }
        #expect(text.hasPrefix(prefix), "\(text)")
    }

    @Test("Errors", arguments: [
        (#""function":"pmt","rate":"0.01","nper":0,"pv":"1""#, "no_solution", "nper"),
        (#""function":"pmt","rate":"0.01","nper":1201,"pv":"1""#, "invalid_argument", "nper"),
        (#""function":"nper","rate":"0","pmt":"0","pv":"1""#, "no_solution", "pmt"),
        (#""function":"pmt","rate":0.01,"nper":10,"pv":"1""#, "invalid_argument", "rate"),
        (#""function":"pmt","rate":"0.01","nper":10,"pv":"1","per":1"#, "invalid_argument", "per"),
        (#""function":"pmt","nper":10,"pv":"1""#, "invalid_argument", "rate"),
        (#""function":"sln""#, "invalid_argument", "function"),
        (#""function":"xirr","values":["-1","2"],"dates":["2026-01-01"]"#, "invalid_argument", "dates"),
        (#""function":"rate","nper":12,"pmt":"100","pv":"1000""#, "no_solution", "pmt"),
        (#""function":"irr","values":["-100","-200"]"#, "no_solution", "values"),
        (#""function":"irr","values":["-100",5]"#, "invalid_argument", "values.1"),
    ])
    func errors(body: String, code: String, path: String) {
        let json = answer(body)
        #expect(json.value(atPath: "error.code") == .string(code), "\(json)")
        #expect(json.value(atPath: "error.path") == .string(path), "\(json)")
    }
}
