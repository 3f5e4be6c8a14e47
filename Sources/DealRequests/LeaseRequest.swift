// DealFinance — exact deal finance. DealRequests: decoding `"calculate": "lease"` (Documentation/Reference/Lease.md).

import DealDecimal
import DealEngine
import DealJSON

/// A decoded lease request: the lease plus the output options. Field names and defaults are
/// Documentation/Lease.md's table.
///
/// ```swift
/// let request = try LeaseRequest(json: try JSONReader().parse(text))
/// request.lease.term   // 36
/// ```
struct LeaseRequest {
    var lease: Lease
    var includeSchedule: Bool
    var explain: Bool
    /// The reverse solve asked for with `"solveFor"` (Documentation/Rates.md).
    var solve: SolveRequest?

    /// Decodes a lease request; `supplied` as for ``LoanRequest/init(json:supplied:)`` (the
    /// rate is supplied as `"apr"` or `"moneyFactor"`; both must then be absent).
    init(json: JSONValue, supplied: [String: String] = [:]) throws(DealError) {
        var fields = try FieldReader(json, path: "")
        _ = try fields.string("calculate")
        solve = try SolveRequest.read(&fields, allowed: SolveField.allCases)
        var supplied = supplied
        if let solve { for key in solve.suppliedKeys { supplied[key] = "solveFor" } }
        let price: ExactDecimal
        if let supplier = supplied["sellingPrice"] { try fields.suppliedElsewhere("sellingPrice", by: supplier); price = ExactDecimal(1) } else { price = try fields.requiredDecimal("sellingPrice") }
        let residual = try Self.residual(&fields)
        let rate: LeaseRate
        if let supplier = supplied["apr"] ?? supplied["moneyFactor"] {
            try fields.suppliedElsewhere("moneyFactor", by: supplier)
            try fields.suppliedElsewhere("apr", by: supplier)
            rate = solve?.field == .moneyFactor || supplied["moneyFactor"] != nil ? .moneyFactor(.zero) : .apr(.zero)
        } else {
            let moneyFactor = try fields.decimal("moneyFactor")
            let apr = try fields.decimal("apr")
            switch (moneyFactor, apr) {
            case (let mf?, nil): rate = .moneyFactor(mf)
            case (nil, let annual?): rate = .apr(annual)
            case (.some, .some): throw DealError.invalidArgument("apr", "expected the rate as either moneyFactor or apr, found both")
            case (nil, nil): throw DealError.invalidArgument("moneyFactor", "expected a moneyFactor (or an apr), found neither (the rate is required)")
            }
        }
        let term: Int
        if let supplier = supplied["term"] { try fields.suppliedElsewhere("term", by: supplier); term = 1 } else { term = try fields.requiredInteger("term") }
        var lease = Lease(sellingPrice: price, residual: residual, rate: rate, term: term)
        if let method = try fields.choice("rateMethod", LeaseRateMethod.self) { lease.rateMethod = method }
        if let code = try fields.string("currency") { lease.currency = try Currency(code: code) }
        lease.msrp = try fields.decimal("msrp")
        lease.addOns = try Self.addOns(&fields)
        lease.products = try LoanRequest.lineItems(&fields, "products", defaultName: "Product", taxableByDefault: false)
        lease.fees = try Self.fees(&fields)
        lease.tradeIns = try LoanRequest.tradeIns(&fields)
        if let supplier = supplied["downPayment"] { try fields.suppliedElsewhere("downPayment", by: supplier) }
        let down = supplied["downPayment"] == nil ? try fields.decimal("downPayment") : nil
        if let down { lease.downPayment = down }
        lease.rebates = try LoanRequest.rebates(&fields)
        if let frequency = try fields.choice("frequency", PaymentFrequency.self) { lease.frequency = frequency }
        if let timing = try fields.choice("paymentTiming", PaymentTiming.self) { lease.paymentTiming = timing }
        if var item = try fields.object("securityDeposits") {
            lease.securityDeposits = SecurityDeposits(count: try item.integer("count") ?? 1, amount: try item.requiredDecimal("amount"))
            try item.finish()
        }
        if var item = try fields.object("multipleSecurityDeposits") {
            lease.multipleSecurityDeposits = MultipleSecurityDeposits(
                count: try item.requiredInteger("count"),
                moneyFactorReductionPerDeposit: try item.requiredDecimal("moneyFactorReductionPerDeposit"),
                roundUpTo: try item.decimal("roundUpTo", absent: ExactDecimal(50)),
                maximumCount: try item.integer("maximumCount") ?? 7)
            try item.finish()
        }
        lease.onePay = try fields.bool("onePay") ?? false
        if let fee = try fields.decimal("dispositionFee") { lease.dispositionFee = fee }
        let zero = try fields.bool("zeroDriveOff") ?? false
        let cash = try fields.decimal("totalCash")
        if zero && cash != nil { throw DealError.invalidArgument("totalCash", "expected either zeroDriveOff or totalCash, found both") }
        if (zero || cash != nil) && down != nil {
            throw DealError.invalidArgument("downPayment", "expected no downPayment with \(zero ? "zeroDriveOff" : "totalCash") (the down payment is solved), found \(down!)")
        }
        if zero { lease.driveOff = .zeroDriveOff } else if let cash { lease.driveOff = .totalCash(cash) }
        lease.tax = try Self.tax(&fields)
        lease.contractDate = try fields.date("contractDate")
        lease.firstPaymentDate = try fields.date("firstPaymentDate")
        if let profile = try fields.roundingProfile() { lease.rounding = profile }
        includeSchedule = try fields.bool("includeSchedule") ?? false
        explain = try fields.bool("explain") ?? false
        try fields.finish()
        self.lease = lease
    }

    static func residual(_ fields: inout FieldReader) throws(DealError) -> LeaseResidual {
        guard var item = try fields.object("residual") else {
            throw fields.missing("residual", "an object {\"percent\": …} or {\"amount\": …}")
        }
        var choices: [LeaseResidual] = []
        if let percent = try item.decimal("percent") { choices.append(.percent(percent)) }
        if let amount = try item.decimal("amount") { choices.append(.amount(amount)) }
        try item.finish()
        guard choices.count == 1 else {
            throw DealError.invalidArgument(item.path, "expected exactly one of \"percent\" (of MSRP) and \"amount\", found \(choices.count)")
        }
        return choices[0]
    }

    static func addOns(_ fields: inout FieldReader) throws(DealError) -> [LeaseAddOn] {
        guard let elements = try fields.array("addOns", limit: Lease.Limits.maximumItems) else { return [] }
        var items: [LeaseAddOn] = []
        for (index, element) in elements.enumerated() {
            var item = try FieldReader(element.value, path: element.path)
            let name = try item.string("name") ?? "Add-on \(index + 1)"
            let amount = try item.requiredDecimal("amount")
            let taxable = try item.bool("taxable") ?? true
            let residualized = try item.bool("residualized")
            let percent = try item.decimal("residualPercent")
            try item.finish()
            items.append(LeaseAddOn(name: name, amount: amount, taxable: taxable, residualized: residualized ?? (percent != nil), residualPercent: percent))
        }
        return items
    }

    static func fees(_ fields: inout FieldReader) throws(DealError) -> [LeaseFee] {
        guard let elements = try fields.array("fees", limit: Lease.Limits.maximumItems) else { return [] }
        var fees: [LeaseFee] = []
        for (index, element) in elements.enumerated() {
            var item = try FieldReader(element.value, path: element.path)
            let fee = LeaseFee(name: try item.string("name") ?? "Fee \(index + 1)", amount: try item.requiredDecimal("amount"),
                               taxable: try item.bool("taxable") ?? false, capitalized: try item.bool("capitalized") ?? true)
            try item.finish()
            fees.append(fee)
        }
        return fees
    }

    static func tax(_ fields: inout FieldReader) throws(DealError) -> LeaseTax? {
        guard var item = try fields.object("tax") else { return nil }
        let rate = try item.decimal("rate")
        var components: [LeaseTax.Component] = []
        if let elements = try item.array("components", limit: Lease.Limits.maximumTaxComponents) {
            for element in elements {
                var component = try FieldReader(element.value, path: element.path)
                let name = try component.string("name")
                let value = try component.requiredDecimal("rate")
                try component.finish()
                guard let name, !name.isEmpty else { throw DealError.invalidArgument(component.path("name"), "expected a non-empty name such as \"GST\", found none") }
                components.append(LeaseTax.Component(name: name, rate: value))
            }
            guard rate == nil else { throw DealError.invalidArgument(item.path("rate"), "expected either rate or components, found both") }
            guard !components.isEmpty else { throw DealError.invalidArgument(item.path("components"), "expected at least one component, found none") }
        } else if let rate {
            components = [LeaseTax.Component(name: "Sales tax", rate: rate)]
        } else {
            throw item.missing("rate", "a rate in percent (or components)")
        }
        let method = try item.choice("method", LeaseTax.Method.self) ?? .monthly
        let capitalized = try item.bool("capitalized")
        let base = try item.choice("capitalizedTaxBase", LeaseTax.CapitalizedTaxBase.self)
        let taxCashDown = try item.bool("taxCashDown")
        var tax = LeaseTax(components: components, method: method, capitalized: capitalized ?? false,
                           tradeInCredit: try item.bool("tradeInCredit") ?? true,
                           rebatesReduceTaxBase: try item.bool("rebatesReduceTaxBase") ?? false)
        try item.finish()
        if method == .monthly && capitalized == true {
            throw DealError.invalidArgument(item.path("capitalized"), "expected capitalized only with an upfront method (upfrontOnPayments, upfrontOnPrice), found method monthly")
        }
        if let base {
            guard method == .upfrontOnPayments && tax.capitalized else {
                throw DealError.invalidArgument(item.path("capitalizedTaxBase"), "expected capitalizedTaxBase only with method upfrontOnPayments and capitalized true, found method \(method.rawValue), capitalized \(tax.capitalized)")
            }
            tax.capitalizedTaxBase = base
        }
        if let taxCashDown {
            guard method != .upfrontOnPrice else {
                throw DealError.invalidArgument(item.path("taxCashDown"), "expected no taxCashDown with method upfrontOnPrice (the selling price is taxed), found it")
            }
            tax.taxCashDown = taxCashDown
        }
        return tax
    }
}
