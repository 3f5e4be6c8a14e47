// DealFinance — exact deal finance. DealRequests: decoding `"calculate": "loan"` (Documentation/Reference/Loan.md).

import DealDecimal
import DealEngine
import DealJSON

/// A decoded loan request: the deal plus the output options.
///
/// ```swift
/// let request = try LoanRequest(json: try JSONReader().parse(#"{"calculate":"loan","sellingPrice":"30000.00","apr":"6","term":60}"#))
/// request.loan.term   // 60
/// ```
struct LoanRequest {
    var loan: RetailLoan
    var includeSchedule: Bool
    var explain: Bool
    /// The reverse solve asked for with `"solveFor"` (Documentation/Rates.md).
    var solve: SolveRequest?

    /// Decodes a loan request. `supplied` names fields another part of the request supplies
    /// (a grid's terms, down payments and rates) with who supplies them: they must be absent
    /// and get placeholders here; so must the field `"solveFor"` names.
    init(json: JSONValue, supplied: [String: String] = [:]) throws(DealError) {
        var fields = try FieldReader(json, path: "")
        _ = try fields.string("calculate")
        solve = try SolveRequest.read(&fields, allowed: [.sellingPrice, .downPayment, .term, .apr])
        var supplied = supplied
        if let solve { for key in solve.suppliedKeys { supplied[key] = "solveFor" } }
        func decimal(_ key: String, placeholder: ExactDecimal) throws(DealError) -> ExactDecimal {
            if let supplier = supplied[key] { try fields.suppliedElsewhere(key, by: supplier); return placeholder }
            return try fields.requiredDecimal(key)
        }
        let price = try decimal("sellingPrice", placeholder: ExactDecimal(1))
        let apr = try decimal("apr", placeholder: .zero)
        let term: Int
        if let supplier = supplied["term"] { try fields.suppliedElsewhere("term", by: supplier); term = 1 } else { term = try fields.requiredInteger("term") }
        var loan = RetailLoan(sellingPrice: price, apr: apr, term: term)
        if let code = try fields.string("currency") { loan.currency = try Currency(code: code) }
        loan.msrp = try fields.decimal("msrp")
        loan.addOns = try Self.lineItems(&fields, "addOns", defaultName: "Add-on", taxableByDefault: true, readsPreInstalled: true)
        loan.products = try Self.lineItems(&fields, "products", defaultName: "Product", taxableByDefault: false)
        loan.fees = try Self.fees(&fields)
        loan.tradeIns = try Self.tradeIns(&fields)
        if let supplier = supplied["downPayment"] {
            try fields.suppliedElsewhere("downPayment", by: supplier)
        } else if let down = try fields.decimal("downPayment") {
            loan.downPayment = down
        }
        loan.rebates = try Self.rebates(&fields)
        loan.tax = try Self.tax(&fields)
        if let frequency = try fields.choice("frequency", PaymentFrequency.self) { loan.frequency = frequency }
        if let timing = try fields.choice("paymentTiming", PaymentTiming.self) { loan.paymentTiming = timing }
        loan.balloon = try Self.balloon(&fields)
        loan.contractDate = try fields.date("contractDate")
        loan.firstPaymentDate = try fields.date("firstPaymentDate")
        if let treatment = try fields.choice("oddDays", OddDaysTreatment.self) { loan.oddDays = treatment }
        if let profile = try fields.roundingProfile() { loan.rounding = profile }
        includeSchedule = try fields.bool("includeSchedule") ?? false
        explain = try fields.bool("explain") ?? false
        try fields.finish()
        self.loan = loan
    }

    /// The items of the array `key`; with `readsPreInstalled` (add-ons) each may say `"preInstalled"`.
    static func lineItems(_ fields: inout FieldReader, _ key: String, defaultName: String, taxableByDefault: Bool,
                          readsPreInstalled: Bool = false) throws(DealError) -> [LineItem] {
        guard let elements = try fields.array(key, limit: RetailLoan.Limits.maximumItems) else { return [] }
        var items: [LineItem] = []
        for (index, element) in elements.enumerated() {
            var item = try FieldReader(element.value, path: element.path)
            let name = try item.string("name") ?? "\(defaultName) \(index + 1)"
            let amount = try item.requiredDecimal("amount")
            let taxable = try item.bool("taxable") ?? taxableByDefault
            let preInstalled = readsPreInstalled ? try item.bool("preInstalled") ?? false : false
            try item.finish()
            items.append(LineItem(name: name, amount: amount, taxable: taxable, preInstalled: preInstalled))
        }
        return items
    }

    static func fees(_ fields: inout FieldReader) throws(DealError) -> [Fee] {
        guard let elements = try fields.array("fees", limit: RetailLoan.Limits.maximumItems) else { return [] }
        var fees: [Fee] = []
        for (index, element) in elements.enumerated() {
            var item = try FieldReader(element.value, path: element.path)
            let fee = Fee(name: try item.string("name") ?? "Fee \(index + 1)",
                          amount: try item.requiredDecimal("amount"),
                          taxable: try item.bool("taxable") ?? false,
                          financed: try item.bool("financed") ?? true,
                          prepaidFinanceCharge: try item.bool("prepaidFinanceCharge") ?? false)
            try item.finish()
            fees.append(fee)
        }
        return fees
    }

    static func tradeIns(_ fields: inout FieldReader) throws(DealError) -> [TradeIn] {
        guard let elements = try fields.array("tradeIns", limit: RetailLoan.Limits.maximumTradeIns) else { return [] }
        var tradeIns: [TradeIn] = []
        for element in elements {
            var item = try FieldReader(element.value, path: element.path)
            let tradeIn = TradeIn(allowance: try item.requiredDecimal("allowance"), payoff: try item.decimal("payoff", absent: .zero))
            try item.finish()
            tradeIns.append(tradeIn)
        }
        return tradeIns
    }

    static func rebates(_ fields: inout FieldReader) throws(DealError) -> [Rebate] {
        guard let elements = try fields.array("rebates", limit: RetailLoan.Limits.maximumItems) else { return [] }
        var rebates: [Rebate] = []
        for (index, element) in elements.enumerated() {
            var item = try FieldReader(element.value, path: element.path)
            let rebate = Rebate(name: try item.string("name") ?? "Rebate \(index + 1)", amount: try item.requiredDecimal("amount"))
            try item.finish()
            rebates.append(rebate)
        }
        return rebates
    }

    static func tax(_ fields: inout FieldReader) throws(DealError) -> SalesTax? {
        guard var item = try fields.object("tax") else { return nil }
        let tax = SalesTax(rate: try item.requiredDecimal("rate"),
                           financed: try item.bool("financed") ?? true,
                           tradeInCredit: try item.bool("tradeInCredit") ?? true,
                           rebatesReduceTaxBase: try item.bool("rebatesReduceTaxBase") ?? false)
        try item.finish()
        return tax
    }

    static func balloon(_ fields: inout FieldReader) throws(DealError) -> Balloon? {
        guard var item = try fields.object("balloon") else { return nil }
        var choices: [Balloon] = []
        if let amount = try item.decimal("amount") { choices.append(.amount(amount)) }
        if let percent = try item.decimal("percentOfMsrp") { choices.append(.percentOfMsrp(percent)) }
        if let percent = try item.decimal("percentOfSellingPrice") { choices.append(.percentOfSellingPrice(percent)) }
        try item.finish()
        guard choices.count == 1 else {
            throw DealError.invalidArgument(item.path, "expected exactly one of \"amount\", \"percentOfMsrp\", \"percentOfSellingPrice\", found \(choices.count)")
        }
        return choices[0]
    }
}
