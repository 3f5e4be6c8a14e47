// DealFinance — exact deal finance. DealRequests: `"calculate": "tvm"` (Documentation/Reference/TVM.md).

import DealDecimal
import DealEngine
import DealJSON

/// The spreadsheet functions by name: reads the function's arguments (spreadsheet names in
/// lower case; rates and money as decimal strings, counts and `type` as JSON integers,
/// `values` an array of decimal strings) and answers `{"calculate": "tvm", "function": F,
/// "value": "…"}`. Any other field is `invalid_argument`.
///
/// ```swift
/// try TVMRequest.result(for: try JSONReader().parse(#"{"calculate":"tvm","function":"pmt","rate":"0.005","nper":60,"pv":"30000"}"#))
/// // {"calculate":"tvm","function":"pmt","value":"-579.9840458828375515059131"}
/// ```
enum TVMRequest {
    /// Functions computed.
    static let functions = ["pmt", "ipmt", "ppmt", "pv", "fv", "nper", "rate", "cumipmt", "cumprinc", "effect", "nominal", "npv", "irr", "xnpv", "xirr"]

    static func result(for json: JSONValue) throws(DealError) -> JSONValue {
        var fields = try FieldReader(json, path: "")
        _ = try fields.string("calculate")
        guard let name = try fields.string("function") else {
            throw fields.missing("function", "one of \(functions.joined(separator: ", "))")
        }
        func decimal(_ key: String) throws(DealError) -> ExactDecimal {
            try fields.requiredDecimal(key)
        }
        func optionalDecimal(_ key: String) throws(DealError) -> ExactDecimal? {
            try fields.decimal(key)
        }
        func integer(_ key: String) throws(DealError) -> Int { try fields.requiredInteger(key) }
        func type() throws(DealError) -> Int { try fields.integer("type", absent: 0) }
        /// fv or pv: 0 when absent, as in spreadsheets.
        func money(_ key: String) throws(DealError) -> ExactDecimal { try fields.decimal(key, absent: .zero) }
        func values() throws(DealError) -> [ExactDecimal] {
            guard let elements = try fields.array("values", limit: TimeValue.maximumPeriods + 1) else {
                throw fields.missing("values", "an array of decimal strings")
            }
            var list: [ExactDecimal] = []
            for element in elements {
                guard case .string(let text) = element.value, let value = try? ExactDecimal(parsing: text) else {
                    throw DealError.invalidArgument(element.path, "expected a decimal string such as \"-1000.00\", found \(FieldReader.describe(element.value))")
                }
                list.append(value)
            }
            return list
        }
        func dates() throws(DealError) -> [CivilDate] {
            guard let elements = try fields.array("dates", limit: TimeValue.maximumPeriods + 1) else {
                throw fields.missing("dates", "an array of dates YYYY-MM-DD, one per value")
            }
            var list: [CivilDate] = []
            for element in elements {
                guard case .string(let text) = element.value, let date = try? CivilDate(parsing: text) else {
                    throw DealError.invalidArgument(element.path, "expected a date YYYY-MM-DD, found \(FieldReader.describe(element.value))")
                }
                list.append(date)
            }
            return list
        }
        let value: ExactDecimal
        switch name {
        case "pmt":
            value = try TimeValue.pmt(rate: decimal("rate"), nper: integer("nper"), pv: decimal("pv"), fv: money("fv"), type: type())
        case "pv":
            value = try TimeValue.pv(rate: decimal("rate"), nper: integer("nper"), pmt: decimal("pmt"), fv: money("fv"), type: type())
        case "fv":
            value = try TimeValue.fv(rate: decimal("rate"), nper: integer("nper"), pmt: decimal("pmt"), pv: money("pv"), type: type())
        case "ipmt":
            value = try TimeValue.ipmt(rate: decimal("rate"), per: integer("per"), nper: integer("nper"), pv: decimal("pv"), fv: money("fv"), type: type())
        case "ppmt":
            value = try TimeValue.ppmt(rate: decimal("rate"), per: integer("per"), nper: integer("nper"), pv: decimal("pv"), fv: money("fv"), type: type())
        case "cumipmt":
            value = try TimeValue.cumipmt(rate: decimal("rate"), nper: integer("nper"), pv: decimal("pv"), startPeriod: integer("startPeriod"), endPeriod: integer("endPeriod"), type: integer("type"))
        case "cumprinc":
            value = try TimeValue.cumprinc(rate: decimal("rate"), nper: integer("nper"), pv: decimal("pv"), startPeriod: integer("startPeriod"), endPeriod: integer("endPeriod"), type: integer("type"))
        case "effect":
            value = try TimeValue.effect(nominalRate: decimal("nominalRate"), npery: integer("npery"))
        case "npv":
            value = try TimeValue.npv(rate: decimal("rate"), values: values())
        case "rate":
            value = try TimeValue.rate(nper: integer("nper"), pmt: decimal("pmt"), pv: decimal("pv"), fv: money("fv"), type: type(), guess: optionalDecimal("guess"))
        case "irr":
            value = try TimeValue.irr(values: values(), guess: optionalDecimal("guess"))
        case "nper":
            value = try TimeValue.nper(rate: decimal("rate"), pmt: decimal("pmt"), pv: decimal("pv"), fv: money("fv"), type: type())
        case "nominal":
            value = try TimeValue.nominal(effectRate: decimal("effectRate"), npery: integer("npery"))
        case "xnpv":
            value = try TimeValue.xnpv(rate: decimal("rate"), values: values(), dates: dates())
        case "xirr":
            value = try TimeValue.xirr(values: values(), dates: dates(), guess: optionalDecimal("guess"))
        default:
            throw DealError.invalidArgument("function", "expected one of \(functions.joined(separator: ", ")), found \"\(FieldReader.excerpt(name))\"")
        }
        try fields.finish()
        return .object(JSONObject([("calculate", .string("tvm")), ("function", .string(name)), ("value", .string(value.description))]))
    }
}
