// DealFinance — exact deal finance. dealcalc: a loan's or lease's schedule as an SVG chart.

import DealFinance
import DealJSON
import DealLeads

/// The amortization of a quote with a `schedule`: the balance after each payment (top) and
/// each payment split into interest and principal (bottom; for a lease, rent charge and
/// depreciation). Amounts are plotted as doubles — display only; the numbers printed in the
/// chart are the result's own decimal text.
///
/// ```swift
/// AmortizationChart(result: loanResult)?.svg()   // "<svg …>…</svg>\n"
/// ```
struct AmortizationChart {
    struct Row {
        let number: Int
        let cost: Double
        let principal: Double
        let balance: Double
    }

    let rows: [Row]
    let isLease: Bool
    let title: String
    let subtitle: String

    /// Nil when the result has no schedule rows.
    init?(result: JSONValue) {
        isLease = result.value(atPath: "calculate")?.stringValue == "lease"
        let costKey = isLease ? "rentCharge" : "interest"
        let principalKey = isLease ? "depreciation" : "principal"
        func amount(_ row: JSONValue, _ key: String) -> Double { Double(row.value(atPath: key)?.stringValue ?? "") ?? 0 }
        let schedule = result.value(atPath: "schedule")?.arrayValue ?? []
        rows = schedule.enumerated().map { index, row in
            Row(number: Int(row.value(atPath: "number")?.numberText ?? "") ?? index + 1,
                cost: amount(row, costKey), principal: amount(row, principalKey), balance: amount(row, "balance"))
        }
        guard !rows.isEmpty else { return nil }
        let payment = result.value(atPath: "periodicPayment.total")?.stringValue.map(DisplayText.grouped) ?? "?"
        let currency = result.value(atPath: "currency")?.stringValue ?? ""
        title = isLease ? "Lease schedule — \(rows.count) payments of \(payment) \(currency)"
                        : "Amortization — \(rows.count) payments of \(payment) \(currency)"
        var facts: [String] = []
        if let amount = result.value(atPath: isLease ? "adjustedCapitalizedCost" : "netFinancedAmount")?.stringValue {
            facts.append("\(isLease ? "Adjusted cap cost" : "Net financed") \(DisplayText.grouped(amount))")
        }
        if let apr = result.value(atPath: "apr")?.stringValue { facts.append("APR \(apr) %") }
        if let charge = result.value(atPath: isLease ? "rentCharge" : "financeCharge")?.stringValue {
            facts.append("\(isLease ? "Rent charge" : "Finance charge") \(DisplayText.grouped(charge))")
        }
        subtitle = facts.joined(separator: " · ")
    }

    /// The chart as a standalone SVG document.
    func svg() -> String {
        let width = 860.0, left = 90.0, right = 30.0
        let plotWidth = width - left - right
        var canvas = SVGCanvas(width: Int(width), height: 620)
        canvas.text(title, x: left, y: 30, size: 18, weight: "bold")
        canvas.text(subtitle, x: left, y: 52, size: 13, fill: "#555555")
        let step = plotWidth / Double(rows.count)
        func x(_ index: Int) -> Double { left + step * (Double(index) + 0.5) }

        // Balance after each payment, from the starting balance.
        let balanceTop = 90.0, balanceHeight = 200.0
        let start = (rows.first.map { $0.balance + $0.principal }) ?? 0
        let balanceMax = max(start, rows.map(\.balance).max() ?? 0, 1)
        canvas.text("Balance after each payment", x: left, y: balanceTop - 12, size: 13, weight: "bold")
        axes(&canvas, top: balanceTop, height: balanceHeight, left: left, width: plotWidth, maximum: balanceMax)
        var points = [(left, balanceTop + balanceHeight - start / balanceMax * balanceHeight)]
        points += rows.indices.map { (x($0), balanceTop + balanceHeight - rows[$0].balance / balanceMax * balanceHeight) }
        canvas.path(points + [(x(rows.count - 1), balanceTop + balanceHeight), (left, balanceTop + balanceHeight)],
                    stroke: "none", fill: "#cfe3f3", width: 0)
        canvas.path(points, stroke: "#1f77b4", width: 2.5)

        // Each payment: interest (or rent charge) stacked on principal (or depreciation).
        let barsTop = 370.0, barsHeight = 180.0
        let paymentMax = max(rows.map { $0.cost + max(0, $0.principal) }.max() ?? 0, 1)
        let costName = isLease ? "Rent charge" : "Interest", principalName = isLease ? "Depreciation" : "Principal"
        canvas.text("Each payment: \(costName.lowercased()) against \(principalName.lowercased())", x: left, y: barsTop - 12, size: 13, weight: "bold")
        axes(&canvas, top: barsTop, height: barsHeight, left: left, width: plotWidth, maximum: paymentMax)
        let barWidth = max(step * 0.8, 0.5)
        for (index, row) in rows.enumerated() {
            let principalHeight = max(0, row.principal) / paymentMax * barsHeight
            let costHeight = max(0, row.cost) / paymentMax * barsHeight
            let bottom = barsTop + barsHeight
            canvas.rect(x: x(index) - barWidth / 2, y: bottom - principalHeight, width: barWidth, height: principalHeight, fill: "#1f77b4",
                        title: "#\(row.number) \(principalName.lowercased()) \(SVGCanvas.number(row.principal))")
            canvas.rect(x: x(index) - barWidth / 2, y: bottom - principalHeight - costHeight, width: barWidth, height: costHeight, fill: "#ff7f0e",
                        title: "#\(row.number) \(costName.lowercased()) \(SVGCanvas.number(row.cost))")
        }
        // Payment numbers along the bottom: the first, every quarter, the last.
        let ticks = Set([0, rows.count / 4, rows.count / 2, rows.count * 3 / 4, rows.count - 1].filter { $0 >= 0 && $0 < rows.count })
        for index in ticks.sorted() {
            canvas.text("\(rows[index].number)", x: x(index), y: barsTop + barsHeight + 16, size: 11, anchor: "middle")
        }
        canvas.text("Payment number", x: left + plotWidth / 2, y: barsTop + barsHeight + 34, size: 12, anchor: "middle", fill: "#555555")
        canvas.rect(x: left, y: 598, width: 12, height: 12, fill: "#1f77b4")
        canvas.text(principalName, x: left + 18, y: 609, size: 12)
        canvas.rect(x: left + 130, y: 598, width: 12, height: 12, fill: "#ff7f0e")
        canvas.text(costName, x: left + 148, y: 609, size: 12)
        return canvas.document()
    }

    /// The frame, three grid lines and their amounts.
    private func axes(_ canvas: inout SVGCanvas, top: Double, height: Double, left: Double, width: Double, maximum: Double) {
        for fraction in [0.0, 0.5, 1.0] {
            let y = top + height - fraction * height
            canvas.line(x1: left, y1: y, x2: left + width, y2: y, stroke: fraction == 0 ? "#444444" : "#dddddd")
            let label = DisplayText.grouped(String(Int((maximum * fraction).rounded())))
            canvas.text(label, x: left - 8, y: y + 4, size: 11, anchor: "end", fill: "#555555")
        }
        canvas.line(x1: left, y1: top, x2: left, y2: top + height, stroke: "#444444")
    }
}
