// DealFinance — exact deal finance. dealcalc: the lead funnel report as an SVG chart.

import DealFinance
import DealJSON
import DealLeads

/// The `funnel` lead report (Documentation/Reference/Leads.md) drawn as centred bars, one per
/// stage, as wide as the leads that reached it, each labelled with its count and the
/// conversion to the next stage. The labels are the report's own cells.
///
/// ```swift
/// FunnelChart(report: funnelResult)?.svg()   // "<svg …>…</svg>\n"
/// ```
struct FunnelChart {
    struct Stage {
        let name: String
        let reached: Int
        let conversion: String
    }

    let stages: [Stage]
    let title: String

    /// The chart of a funnel report, or nil when a row has no whole count in `reached` (the
    /// answer is no funnel report): no bar is drawn from a made-up count.
    init?(report: JSONValue) {
        var stages: [Stage] = []
        for row in report.value(atPath: "rows")?.arrayValue ?? [] {
            guard let text = row.value(atPath: "reached")?.stringValue, let reached = Int(text), reached >= 0 else { return nil }
            stages.append(Stage(name: row.value(atPath: "stage")?.stringValue ?? "", reached: reached,
                                conversion: row.value(atPath: "conversionToNextPercent")?.stringValue ?? "-"))
        }
        self.stages = stages
        let asOf = report.value(atPath: "asOf")?.stringValue ?? ""
        let cohort = report.value(atPath: "cohort")?.numberText ?? "0"
        title = "Lead funnel — \(cohort) leads, as of \(asOf)"
    }

    /// The chart as a standalone SVG document.
    func svg() -> String {
        let width = 860.0, barLeft = 200.0, barWidth = 440.0, rowHeight = 46.0, top = 70.0
        let height = Int(top + rowHeight * Double(max(stages.count, 1)) + 30)
        var canvas = SVGCanvas(width: Int(width), height: height)
        canvas.text(title, x: 30, y: 34, size: 18, weight: "bold")
        let most = Double(max(stages.map(\.reached).max() ?? 0, 1))
        let colours = ["#1f4e79", "#2e75b6", "#5b9bd5", "#9dc3e6", "#bdd7ee"]
        if stages.isEmpty { canvas.text("No leads in the period", x: 30, y: top + 20, size: 13) }
        for (index, stage) in stages.enumerated() {
            let y = top + rowHeight * Double(index)
            let span = max(Double(stage.reached) / most * barWidth, 2)
            let isLast = index == stages.count - 1
            canvas.text(stage.name, x: barLeft - 12, y: y + rowHeight / 2 + 4, size: 13, anchor: "end")
            canvas.rect(x: barLeft + (barWidth - span) / 2, y: y + 4, width: span, height: rowHeight - 8,
                        fill: isLast ? "#2ca02c" : colours[min(index, colours.count - 1)], title: "\(stage.name): \(stage.reached)")
            canvas.text("\(stage.reached)", x: barLeft + barWidth / 2, y: y + rowHeight / 2 + 5, size: 14, anchor: "middle",
                        weight: "bold", fill: index < 2 && !isLast ? "#ffffff" : "#111111")
            if !isLast {
                let conversion = stage.conversion == "-" ? "-" : "\(stage.conversion) % go on"
                canvas.text(conversion, x: barLeft + barWidth + 16, y: y + rowHeight / 2 + 4, size: 12, fill: "#555555")
            }
        }
        return canvas.document()
    }
}
