// DealFinance — exact deal finance. dealcalc: the Lead Summary as the dealer portal labels it.

import DealFinance
import DealJSON
import DealLeads

/// Renders a `leadSummary` result (Documentation/Reference/Leads.md) with the portal's labels:
/// Deal Summary, Activity Insights (the deal-term changes the filter keeps), Customer Details,
/// Asset Details and the Payment Breakdown.
struct LeadSummaryText {
    let summary: JSONValue

    /// People's labels for the result's keys; a key without one is spelled out in words.
    static let labels: [String: String] = [
        "asset": "Asset", "leadId": "Lead ID", "status": "Status", "vin": "VIN",
        "netFinancedAmount": "Net Financed Amount", "dealType": "Deal Type", "rate": "Rate",
        "estimatedPayment": "Est. Periodic Payment",
        "name": "Name", "email": "Email", "phone": "Phone", "preferredContact": "Preferred Contact",
        "postalCode": "Postal Code", "regionCode": "Region",
        "year": "Year", "make": "Make", "model": "Model", "trim": "Trim", "condition": "Condition",
        "stockNumber": "Stock #", "mileage": "Mileage", "price": "Price",
    ]

    /// Deal-term names (`DealTerm`) as the portal shows them.
    static let terms: [String: String] = [
        "downPayment": "Down payment", "term": "Term", "creditScore": "Credit score", "rebates": "Rebates",
        "apr": "APR", "sellingPrice": "Selling price", "tradeInAllowance": "Trade-in offer",
        "monthlyPayment": "Monthly payment", "other": "Other",
    ]

    static let amounts: Set<String> = ["netFinancedAmount", "estimatedPayment", "price"]

    /// The rendered text, ending with a newline.
    func render() -> String {
        var lines = ["Lead Summary"]
        details(&lines, "Deal Summary", "dealSummary")
        insights(&lines)
        for (title, key) in [("Customer Details", "customerDetails"), ("Asset Details", "assetDetails")] { details(&lines, title, key) }
        var text = lines.joined(separator: "\n") + "\n"
        if let breakdown = summary.value(atPath: "paymentBreakdown") {
            text += "\n" + BreakdownTable(result: breakdown).render()
        }
        return text
    }

    private func details(_ lines: inout [String], _ title: String, _ key: String) {
        guard let object = summary.value(atPath: key)?.objectValue else { return }
        lines += ["", title]
        for (name, value) in object {
            var shown = value.stringValue ?? value.numberText ?? ""
            if Self.amounts.contains(name) { shown = DisplayText.grouped(shown) }
            if name == "rate" { shown += " %" }
            if name == "mileage" { shown = DisplayText.grouped(shown) + " mi" }
            lines.append("  " + DisplayText.pad(Self.labels[name] ?? DisplayText.words(name), 24, right: false) + shown)
        }
    }

    private func insights(_ lines: inout [String]) {
        guard let insights = summary.value(atPath: "activityInsights") else { return }
        let filter = insights.value(atPath: "filter")?.stringValue ?? "all"
        lines += ["", "Activity Insights (\(filter == "all" ? "customer and dealer" : filter))"]
        lines.append("  " + DisplayText.pad("Activities", 24, right: false) + (insights.value(atPath: "total")?.numberText ?? "0"))
        if let last = insights.value(atPath: "lastActivityAt")?.stringValue {
            lines.append("  " + DisplayText.pad("Last activity", 24, right: false) + last)
        }
        let changes = insights.value(atPath: "termChanges")?.arrayValue ?? []
        guard !changes.isEmpty else {
            lines.append("  No deal-term changes")
            return
        }
        lines.append("  Deal-term changes")
        for change in changes {
            let term = change.value(atPath: "term")?.stringValue ?? ""
            let label = Self.terms[term] ?? DisplayText.words(term)
            let actor = DisplayText.words(change.value(atPath: "actor")?.stringValue ?? "")
            let from = change.value(atPath: "from")?.stringValue.map(DisplayText.grouped) ?? "—"
            let to = DisplayText.grouped(change.value(atPath: "to")?.stringValue ?? "")
            lines.append("    \(change.value(atPath: "at")?.stringValue ?? "")  \(DisplayText.pad(actor, 8, right: false))  \(label): \(from) → \(to)")
        }
    }
}
