// DealFinance — dealcalc tests: DisplayText (amounts, percents, headings as people read them).
@testable import dealcalc
import Testing

@Suite("DisplayText")
struct DisplayTextTests {
    @Test("groups thousands and leaves other text alone", arguments: [
        ("1234567.89", "1,234,567.89"), ("-35278.18", "-35,278.18"), ("999.5", "999.5"), ("1000", "1,000"),
        ("0.00", "0.00"), ("abc", "abc"), ("", ""), ("-", "-"), ("12a4.00", "12a4.00"),
    ])
    func grouped(amount: String, shown: String) {
        #expect(DisplayText.grouped(amount) == shown)
    }

    @Test("prints a rate fraction as a percent, six places at most, half away from zero", arguments: [
        ("0.005", "0.5 %"), ("0.00575", "0.575 %"), ("0.0049166666666666666666666667", "0.491667 %"),
        ("0", "0 %"), ("0.0000000049", "0 %"), ("0.0000000051", "0.000001 %"), ("x", "x"),
    ])
    func percent(fraction: String, shown: String) {
        #expect(DisplayText.percent(fraction: fraction) == shown)
    }

    @Test("spells report columns in words with their units", arguments: [
        ("leadId", "Lead ID"), ("conversionToNextPercent", "Conversion to next %"), ("meanResponseMinutes", "Mean response (min)"),
        ("ageHours", "Age (h)"), ("averageCycleDays", "Average cycle (days)"), ("roiPercent", "ROI %"), ("p90Minutes", "P90 (min)"),
        ("stage", "Stage"), ("Percent", "Percent"), ("0-1d", "0-1d"),
    ])
    func heading(key: String, shown: String) {
        #expect(DisplayText.heading(key) == shown)
    }

    @Test("pads numbers on the left and labels on the right")
    func pad() {
        #expect(DisplayText.pad("12", 5, right: true) == "   12")
        #expect(DisplayText.pad("ab", 4, right: false) == "ab  ")
        #expect(DisplayText.pad("toolong", 3, right: true) == "toolong")
    }
}
