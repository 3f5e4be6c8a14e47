// DealFinance — dealcalc tests: FunnelChart (the funnel report as an SVG picture).
@testable import dealcalc
import DealFinance
import DealJSON
import DealLeads
import Testing

@Suite("FunnelChart")
struct FunnelChartTests {
    static let report = try! JSONReader().parse(Array(#"""
    {"report": "funnel", "asOf": "2026-11-23T12:00:00Z", "cohort": 10, "excluded": 0,
     "columns": ["stage", "reached", "conversionToNext", "conversionToNextPercent", "dropOff", "dropOffPercent"],
     "rows": [{"stage": "New", "reached": "10", "conversionToNext": "4/10", "conversionToNextPercent": "40.00", "dropOff": "6/10", "dropOffPercent": "60.00"},
              {"stage": "Closed Won", "reached": "4", "conversionToNext": "-", "conversionToNextPercent": "-", "dropOff": "-", "dropOffPercent": "-"}]}
    """#.utf8))

    @Test("one stage per row, in order, with its count and conversion")
    func stages() throws {
        let chart = try #require(FunnelChart(report: Self.report))
        #expect(chart.stages.map(\.name) == ["New", "Closed Won"])
        #expect(chart.stages.map(\.reached) == [10, 4])
        #expect(chart.title == "Lead funnel — 10 leads, as of 2026-11-23T12:00:00Z")
        let svg = chart.svg()
        #expect(svg.contains("40.00 % go on"))
        #expect(svg.contains("<title>Closed Won: 4</title>"))
        #expect(!svg.contains("- % go on"))
    }

    @Test("bars are as wide as the leads that reached the stage")
    func widths() throws {
        let svg = try #require(FunnelChart(report: Self.report)).svg()
        #expect(svg.contains(#"width="440""#))   // 10 of 10
        #expect(svg.contains(#"width="176""#))   // 4 of 10
    }

    @Test("no rows: says so")
    func empty() throws {
        #expect(try #require(FunnelChart(report: .object(JSONObject()))).svg().contains("No leads in the period"))
    }

    @Test("a row without a whole count is no funnel: no chart, not a bar of zero")
    func notAFunnel() throws {
        let hotSheet = try JSONReader().parse(Array(#"{"report": "hotSheet", "rows": [{"leadID": "L1", "score": "90"}]}"#.utf8))
        #expect(FunnelChart(report: hotSheet) == nil)
        let garbled = try JSONReader().parse(Array(#"{"rows": [{"stage": "New", "reached": "ten"}]}"#.utf8))
        #expect(FunnelChart(report: garbled) == nil)
    }
}
