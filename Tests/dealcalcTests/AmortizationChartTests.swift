// DealFinance — dealcalc tests: AmortizationChart (the schedule as an SVG picture).
@testable import dealcalc
import DealFinance
import DealJSON
import DealLeads
import Testing

@Suite("AmortizationChart")
struct AmortizationChartTests {
    static func quote(_ example: String, schedule: Bool) -> JSONValue {
        var bytes = Array(DealCalculator.exampleRequest(named: example)!.utf8)
        if schedule { bytes = QuoteCommand.withSchedule(bytes) }
        return DealCalculator.calculate(requestBytes: bytes)
    }

    @Test("a result without a schedule has no chart")
    func noSchedule() {
        #expect(AmortizationChart(result: Self.quote("loan", schedule: false)) == nil)
        #expect(AmortizationChart(result: .object(JSONObject())) == nil)
    }

    @Test("a loan: one row per payment, interest and principal from the schedule, two bars each")
    func loan() throws {
        let result = Self.quote("loan", schedule: true)
        let chart = try #require(AmortizationChart(result: result))
        let schedule = try #require(result.value(atPath: "schedule")?.arrayValue)
        #expect(chart.rows.count == schedule.count && chart.rows.count == 60)
        #expect(!chart.isLease)
        #expect(chart.rows[0].cost == Double(schedule[0].value(atPath: "interest")!.stringValue!))
        #expect(chart.rows[59].balance == 0)
        #expect(chart.title == "Amortization — 60 payments of 698.76 USD")
        #expect(chart.subtitle.contains("Net financed 35,278.18") && chart.subtitle.contains("APR 6.90 %"))
        let svg = chart.svg()
        let titles = svg.components(separatedBy: "<title>#").dropFirst()
        #expect(titles.filter { $0.contains(" principal ") }.count == 60)
        #expect(titles.filter { $0.contains(" interest ") }.count == 60)
        #expect(svg == chart.svg())
    }

    @Test("a lease: rent charge against depreciation")
    func lease() throws {
        let chart = try #require(AmortizationChart(result: Self.quote("lease", schedule: true)))
        #expect(chart.isLease)
        #expect(chart.title.hasPrefix("Lease schedule — "))
        #expect(chart.svg().contains("rent charge against depreciation"))
    }
}
