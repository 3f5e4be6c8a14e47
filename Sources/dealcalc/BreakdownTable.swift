// DealFinance — exact deal finance. dealcalc: the Payment Breakdown as a desk manager reads it.

import DealFinance
import DealJSON

/// Renders a loan result object as aligned sections: vehicle and products, trade-in, tax,
/// amounts, payment, Truth in Lending disclosures, due at signing, dates and the schedule.
struct BreakdownTable {
    let result: JSONValue

    /// The rendered text, ending with a newline.
    func render() -> String {
        if text("calculate") == "lease" { return renderLease() }
        var lines: [String] = []
        let currency = text("currency") ?? "USD"
        lines.append("Payment Breakdown — retail installment contract (\(currency))")
        section(&lines, "Vehicle and products", [
            ("Selling price", "sellingPrice"), ("MSRP", "msrp"), ("Add-ons", "addOnsTotal"),
            ("F&I products", "productsTotal"), ("Fees financed", "feesFinanced"), ("Fees due at signing", "feesDueAtSigning"),
        ])
        section(&lines, "Trade-in", [
            ("Allowance", "tradeInAllowance"), ("Payoff", "tradeInPayoff"), ("Equity (negative: inequity)", "tradeInEquity"),
        ])
        section(&lines, "Sales tax", [("Taxable amount", "taxableAmount"), ("Sales tax", "salesTax")])
        section(&lines, "Amounts", [
            ("Financed amount", "financedAmount"), ("Cash down payment", "downPayment"), ("Rebates", "rebatesTotal"),
            ("Capitalized cost reduction", "capitalizedCostReduction"), ("Net financed amount", "netFinancedAmount"),
            ("Prepaid finance charges", "prepaidFinanceCharges"), ("Amount financed", "amountFinanced"),
            ("Down payment (disclosed)", "disclosedDownPayment"),
        ])
        var payment: [(String, String)] = []
        if let apr = text("apr") { payment.append(("APR", "\(apr) %")) }
        if let count = result.value(atPath: "numberOfPayments")?.numberText { payment.append(("Number of payments", count)) }
        if let rate = text("periodicRate") { payment.append(("Periodic rate", rate)) }
        for (label, path) in [("Payment (net)", "periodicPayment.net"), ("Payment tax", "periodicPayment.tax"),
                              ("Payment (total)", "periodicPayment.total"), ("First payment", "firstPayment"),
                              ("Final payment", "finalPayment"), ("Balloon", "balloon")] {
            if let value = text(path) { payment.append((label, grouped(value))) }
        }
        block(&lines, "Payment", payment)
        section(&lines, "Truth in Lending", [
            ("Finance charge", "financeCharge"), ("Amount financed", "amountFinanced"),
            ("Total of payments", "totalOfPayments"), ("Total sale price", "totalSalePrice"),
        ])
        var due: [(String, String)] = []
        for item in result.value(atPath: "dueAtSigning.items")?.arrayValue ?? [] {
            if let name = item.value(atPath: "name")?.stringValue, let amount = item.value(atPath: "amount")?.stringValue {
                due.append((name, grouped(amount)))
            }
        }
        if let total = text("dueAtSigning.total") { due.append(("Total due at signing", grouped(total))) }
        block(&lines, "Due at signing", due)
        var dates: [(String, String)] = []
        if let first = text("firstPaymentDate") { dates.append(("First payment date", first)) }
        if let maturity = text("maturityDate") { dates.append(("Maturity date", maturity)) }
        block(&lines, "Dates", dates)
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
                    column == 1 ? pad(cell, widths[column], right: false) : pad(cell, widths[column], right: true)
                }.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
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

    private func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// `1234567.89` → `1,234,567.89` (display only; JSON never has separators).
    private func grouped(_ amount: String) -> String {
        var body = Substring(amount)
        var sign = ""
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole.allSatisfy(\.isNumber) else { return amount }
        var groups: [Substring] = []
        var end = whole.endIndex
        while end > whole.startIndex {
            let start = whole.index(end, offsetBy: -3, limitedBy: whole.startIndex) ?? whole.startIndex
            groups.insert(whole[start..<end], at: 0)
            end = start
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return sign + groups.joined(separator: ",") + fraction
    }
}
