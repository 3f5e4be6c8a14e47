// DealFinance — exact deal finance. dealcalc: the Payment Breakdown as a desk manager reads it.

import DealFinance
import DealJSON

/// Renders a loan result object as the dealer portal's Payment Breakdown: 1. the payment,
/// 2. price, products and trade-in, 3. the amount financed; then the Truth in Lending box,
/// maturity and the schedule. A lease result gets the Regulation M layout.
struct BreakdownTable {
    let result: JSONValue

    /// The rendered text, ending with a newline.
    func render() -> String {
        if text("calculate") == "lease" { return renderLease() }
        var lines: [String] = []
        let currency = text("currency") ?? "USD"
        lines.append("Payment Breakdown — retail installment contract (\(currency))")
        lines += paymentSection() + priceSection() + financedSection()
        section(&lines, "Truth in Lending", [
            ("Finance charge", "financeCharge"), ("Amount financed", "amountFinanced"),
            ("Total of payments", "totalOfPayments"), ("Total sale price", "totalSalePrice"),
        ])
        var dates: [(String, String)] = []
        if let maturity = text("maturityDate") { dates.append(("Maturity date", maturity)) }
        if let final = text("finalPayment") { dates.append(("Final payment", grouped(final))) }
        block(&lines, "Maturity", dates)
        if let rows = result.value(atPath: "schedule")?.arrayValue {
            lines.append("")
            lines.append("Schedule")
            let header = ["#", "Date", "Payment", "Interest", "Principal", "Balance"]
            var table = [header]
            for row in rows {
                table.append([
                    row.value(atPath: "number")?.numberText ?? "",
                    row.value(atPath: "date")?.stringValue ?? "",
                    grouped(row.value(atPath: "payment")?.stringValue ?? ""),
                    grouped(row.value(atPath: "interest")?.stringValue ?? ""),
                    grouped(row.value(atPath: "principal")?.stringValue ?? ""),
                    grouped(row.value(atPath: "balance")?.stringValue ?? ""),
                ])
            }
            let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
            for row in table {
                lines.append("  " + row.enumerated().map { column, cell in
                    pad(cell, widths[column], right: column != 1)
                }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 1. The periodic payment (net and tax), due at signing with the down payment, terms, rate.
    private func paymentSection() -> [String] {
        var rows: [(String, String)] = []
        if let total = text("periodicPayment.total") { rows.append(("Periodic payment", grouped(total))) }
        if let net = text("periodicPayment.net") { rows.append(("  Net", grouped(net))) }
        if let tax = text("periodicPayment.tax") { rows.append(("  Tax", grouped(tax))) }
        if let first = text("firstPayment") { rows.append(("First payment", grouped(first))) }
        if let due = text("dueAtSigning.total") { rows.append(("Due at signing", grouped(due))) }
        for item in result.value(atPath: "dueAtSigning.items")?.arrayValue ?? [] {
            if let name = item.value(atPath: "name")?.stringValue, let amount = item.value(atPath: "amount")?.stringValue {
                rows.append(("  \(name)", grouped(amount)))
            }
        }
        if let count = result.value(atPath: "numberOfPayments")?.numberText { rows.append(("Terms", "\(count) payments")) }
        if let apr = text("apr") { rows.append(("Rate (APR)", "\(apr) %")) }
        if let contract = text("contractRate"), let apr = text("apr"), ExactDecimal(contract) != ExactDecimal(apr) { rows.append(("  Contract rate", "\(contract) %")) }
        if let rate = text("periodicRate") { rows.append(("  Periodic rate", DisplayText.percent(fraction: rate))) }
        var lines: [String] = []
        block(&lines, "1. Payment", rows)
        return lines
    }

    /// 2. MSRP, selling price, down payment, balloon, F&I products, add-ons itemized with the
    /// pre-installed ones marked, trade-in equity with the dealer's offer and the payoff, fees and tax.
    private func priceSection() -> [String] {
        var rows: [(String, String)] = []
        func add(_ pairs: [(String, String)]) {
            for (label, path) in pairs { if let value = text(path) { rows.append((label, grouped(value))) } }
        }
        add([("MSRP", "msrp"), ("Selling price", "sellingPrice"), ("Down payment", "downPayment"),
             ("Rebates", "rebatesTotal"), ("Balloon (RV)", "balloon"), ("F&I products", "productsTotal"),
             ("Add-ons", "addOnsTotal")])
        for item in result.value(atPath: "addOns")?.arrayValue ?? [] {
            if let name = item.value(atPath: "name")?.stringValue, let amount = item.value(atPath: "amount")?.stringValue {
                let mark = item.value(atPath: "preInstalled")?.boolValue == true ? " (pre-installed)" : ""
                rows.append(("  \(name)\(mark)", grouped(amount)))
            }
        }
        add([("  Of which pre-installed", "preInstalledAddOnsTotal"), ("Trade-in equity", "tradeInEquity"),
             ("  Dealer offer", "tradeInAllowance"), ("  Payoff", "tradeInPayoff"),
             ("Fees financed", "feesFinanced"), ("Fees due at signing", "feesDueAtSigning"),
             ("Taxable amount", "taxableAmount"), ("Sales tax", "salesTax")])
        var lines: [String] = []
        block(&lines, "2. Price, products and trade-in", rows)
        return lines
    }

    /// 3. The net financed amount with the financed amount and the capitalized cost reduction
    /// itemized, the finance charge, the first payment date and the total deal payments.
    private func financedSection() -> [String] {
        var rows: [(String, String)] = []
        for (label, path) in [("Net financed amount", "netFinancedAmount"), ("  Financed amount", "financedAmount"),
                              ("  Capitalized cost reduction", "capitalizedCostReduction")] {
            if let value = text(path) { rows.append((label, grouped(value))) }
        }
        if text("capitalizedCostReduction") != nil {
            if let down = text("downPayment") { rows.append(("    Down payment", grouped(down))) }
            if let equity = text("tradeInEquity"), !equity.hasPrefix("-") { rows.append(("    Trade-in equity", grouped(equity))) }
            if let rebates = text("rebatesTotal") { rows.append(("    Rebates", grouped(rebates))) }
        }
        for (label, path) in [("Prepaid finance charges", "prepaidFinanceCharges"), ("Finance charge", "financeCharge")] {
            if let value = text(path) { rows.append((label, grouped(value))) }
        }
        if let first = text("firstPaymentDate") { rows.append(("First payment date", first)) }
        if let total = text("totalOfPayments") { rows.append(("Total deal payments", grouped(total))) }
        var lines: [String] = []
        block(&lines, "3. Amount financed", rows)
        return lines
    }

    /// A lease: the Regulation M boxes first, then the itemization.
    func renderLease() -> String {
        var lines: [String] = []
        let currency = text("currency") ?? "USD"
        lines.append("Payment Breakdown — closed-end vehicle lease (\(currency))")
        let count = result.value(atPath: "numberOfPayments")?.numberText ?? "?"
        var boxes: [(String, String)] = []
        if let due = text("dueAtSigning.total") { boxes.append(("Amount due at signing", grouped(due))) }
        if let payment = text("periodicPayment.total") {
            let label = result.value(atPath: "onePay")?.boolValue == true ? "Single payment" : "Periodic payments (\(count) ×)"
            boxes.append((label, grouped(payment)))
        }
        if let fee = text("dispositionFee") { boxes.append(("Other charges (disposition fee)", grouped(fee))) }
        if let total = text("totalOfPayments") { boxes.append(("Total of payments", grouped(total))) }
        block(&lines, "Regulation M disclosure", boxes)
        var due: [(String, String)] = []
        for item in result.value(atPath: "dueAtSigning.items")?.arrayValue ?? [] {
            if let name = item.value(atPath: "name")?.stringValue, let amount = item.value(atPath: "amount")?.stringValue { due.append((name, grouped(amount))) }
        }
        if let total = text("dueAtSigning.total") { due.append(("Total due at signing", grouped(total))) }
        for item in result.value(atPath: "dueAtSigning.paidBy")?.arrayValue ?? [] {
            if let name = item.value(atPath: "name")?.stringValue, let amount = item.value(atPath: "amount")?.stringValue { due.append(("  paid by \(name.lowercased())", grouped(amount))) }
        }
        block(&lines, "Amount due at signing", due)
        section(&lines, "Capitalized cost", [
            ("MSRP", "msrp"), ("Selling price", "sellingPrice"), ("Add-ons", "addOnsTotal"), ("F&I products", "productsTotal"),
            ("Fees capitalized", "feesCapitalized"), ("Capitalized taxes", "capitalizedTaxes"), ("Capitalized drive-off", "capitalizedDriveOff"),
            ("Gross capitalized cost", "grossCapitalizedCost"), ("Total cash brought", "totalCash"), ("Cash down payment", "downPayment"),
            ("Rebates", "rebatesTotal"), ("Capitalized cost reduction", "capitalizedCostReduction"),
            ("Adjusted capitalized cost", "adjustedCapitalizedCost"),
        ])
        section(&lines, "Trade-in", [("Allowance", "tradeInAllowance"), ("Payoff", "tradeInPayoff"), ("Equity (negative: inequity)", "tradeInEquity")])
        section(&lines, "Residual and depreciation", [
            ("Residual on vehicle", "residualOnVehicle"), ("RV on add-ons", "residualOnAddOns"), ("Residual value", "residualValue"),
            ("Depreciation", "depreciation"), ("Rent charge (total)", "rentCharge"),
        ])
        var payment: [(String, String)] = []
        if let method = text("rateMethod") { payment.append(("Rate method", method)) }
        if let mf = text("moneyFactor") { payment.append(("Money factor", mf + (text("rateMethod") == "annuity" ? " (info)" : ""))) }
        if let apr = text("equivalentApr") { payment.append(("Equivalent APR (info only)", "\(apr) %")) }
        if let apr = text("apr") { payment.append(("Annual rate", "\(apr) %")) }
        payment.append(("Number of payments", count))
        for (label, path) in [("Periodic depreciation", "periodicDepreciation"), ("Periodic rent charge", "periodicRentCharge"),
                              ("Base payment", "periodicPayment.net"), ("Payment tax", "periodicPayment.tax"),
                              ("Total payment", "periodicPayment.total")] {
            if let value = text(path) { payment.append((label, grouped(value))) }
        }
        for item in result.value(atPath: "periodicPayment.taxes")?.arrayValue ?? [] {
            if let name = item.value(atPath: "name")?.stringValue, let amount = item.value(atPath: "amount")?.stringValue { payment.append(("  \(name)", grouped(amount))) }
        }
        block(&lines, "Payment", payment)
        var tax: [(String, String)] = []
        if let method = text("taxMethod") { tax.append(("Method", method)) }
        for (label, path) in [("Up-front tax base", "upfrontTaxBase"), ("Up-front tax", "upfrontTax")] {
            if let value = text(path) { tax.append((label, grouped(value))) }
        }
        block(&lines, "Tax", tax)
        section(&lines, "Deposits", [("Security deposit", "securityDeposit"), ("Each deposit", "securityDepositEach")])
        var dates: [(String, String)] = []
        if let first = text("firstPaymentDate") { dates.append(("First payment date", first)) }
        if let end = text("leaseEndDate") { dates.append(("Lease end date", end)) }
        block(&lines, "Dates", dates)
        if let rows = result.value(atPath: "schedule")?.arrayValue {
            lines.append("")
            lines.append("Schedule")
            let header = ["#", "Date", "Payment", "Depreciation", "Rent", "Balance"]
            var table = [header]
            for row in rows {
                table.append([row.value(atPath: "number")?.numberText ?? "", row.value(atPath: "date")?.stringValue ?? "",
                              grouped(row.value(atPath: "payment")?.stringValue ?? ""), grouped(row.value(atPath: "depreciation")?.stringValue ?? ""),
                              grouped(row.value(atPath: "rentCharge")?.stringValue ?? ""), grouped(row.value(atPath: "balance")?.stringValue ?? "")])
            }
            let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
            for row in table {
                lines.append("  " + row.enumerated().map { column, cell in pad(cell, widths[column], right: column != 1) }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func text(_ path: String) -> String? { result.value(atPath: path)?.stringValue }

    private func section(_ lines: inout [String], _ title: String, _ rows: [(String, String)]) {
        block(&lines, title, rows.compactMap { label, path in text(path).map { (label, grouped($0)) } })
    }

    private func block(_ lines: inout [String], _ title: String, _ rows: [(String, String)]) {
        guard !rows.isEmpty else { return }
        lines.append("")
        lines.append(title)
        for (label, value) in rows {
            lines.append("  " + pad(label, 30, right: false) + pad(value, 18, right: true))
        }
    }

    private func pad(_ text: String, _ width: Int, right: Bool) -> String { DisplayText.pad(text, width, right: right) }

    private func grouped(_ amount: String) -> String { DisplayText.grouped(amount) }
}
