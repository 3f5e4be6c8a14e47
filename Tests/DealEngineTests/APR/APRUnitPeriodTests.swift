// DealFinance — DealEngineTests: the unit-period of an APR result (APRUnitPeriod.swift).

import Testing
import DealEngine

@Suite("APRUnitPeriod")
struct APRUnitPeriodTests {
    /// The names are the JSON `unitPeriod` texts, and `description` is the name.
    @Test func names() {
        #expect(APRUnitPeriod.unitPeriod(.monthly).name == "monthly")
        #expect(APRUnitPeriod.unitPeriod(.weeks(4)).name == "4 weeks")
        #expect(APRUnitPeriod.unitPeriod(.months(2)).name == "2 months")
        #expect(APRUnitPeriod.term.name == "term")
        #expect(APRUnitPeriod.year.name == "year")
        for unit in UnitPeriod.candidates {
            #expect(APRUnitPeriod.unitPeriod(unit).name == unit.name)
            #expect("\(APRUnitPeriod.unitPeriod(unit))" == unit.name)
        }
    }
}
