// DealFinance — dealcalc tests: LeadsCommand (report names, the report table).
@testable import dealcalc
import DealFinance
import DealJSON
import DealLeads
import Testing

@Suite("LeadsCommand")
struct LeadsCommandTests {
    @Test("report names in kebab case or as JSON names", arguments: [
        ("hot-sheet", "hotSheet"), ("hotSheet", "hotSheet"), ("pipeline-by-stage-and-age", "pipelineByStageAndAge"), ("funnel", "funnel"),
    ])
    func canonical(name: String, canonical: String) {
        #expect(LeadReportNames.canonical(name) == canonical)
    }

    @Test("a report table: its name in words, the as-of line, headings in words")
    func reportText() throws {
        let answer = try JSONReader().parse(Array(#"""
        {"report": "conversionBySource", "asOf": "2026-11-23T12:00:00Z", "cohort": 2, "excluded": 0,
         "columns": ["source", "leads", "conversionPercent"], "rows": [{"source": "phone", "leads": "2", "conversionPercent": "50.00"}]}
        """#.utf8))
        #expect(LeadsCommand.reportText(answer) == """
        Conversion by source
        conversionBySource as of 2026-11-23T12:00:00Z — cohort 2, excluded 0

        Source  Leads  Conversion %
        ------  -----  ------------
        phone   2      50.00

        """)
    }

    @Test("--format svg only with the funnel report; --deal and --insights only with --summary")
    func validation() {
        #expect(throws: (any Error).self) { try LeadsCommand.parse(["x", "--format", "svg"]) }
        #expect(throws: (any Error).self) { try LeadsCommand.parse(["x", "--deal", "d.json"]) }
        #expect(throws: (any Error).self) { try LeadsCommand.parse(["x", "--insights", "dealer"]) }
        #expect(throws: Never.self) { try LeadsCommand.parse(["x", "--report", "funnel", "--format", "svg"]) }
        #expect(throws: Never.self) { try LeadsCommand.parse(["x", "--summary", "L-1", "--insights", "dealer"]) }
    }
}
