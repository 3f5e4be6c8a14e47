// DealFinance — DealLeadsTests: ADF 1.0 reading (lenient), writing (strict), round trip.

import Foundation
import Testing
import DealDecimal
import DealEngine
@testable import DealLeads

/// The text of a file under Samples/leads/ (the examples of Documentation/Reference/Leads.md).
func adfSample(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/leads/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

private func decimal(_ text: String) -> ExactDecimal { try! ExactDecimal(parsing: text) }

@Suite("ADF documents")
struct ADFDocumentTests {
    /// The ADF example of Wikipedia's "Auto-lead Data Format" article, verbatim.
    @Test func wikipediaExample() throws {
        let result = try AutoLeadDocument.parse(text: try adfSample("example1-wikipedia.adf.xml"))
        let prospect = try #require(result.document.prospects.first)
        // 2000-03-30T15:30:20-08:0 → offset read as -08:00 → 23:30:20Z.
        #expect(prospect.requestDate?.secondsSinceEpoch == Int64(try CivilDate(parsing: "2000-03-30").daysSinceEpoch) * 86_400 + 23 * 3600 + 30 * 60 + 20)
        #expect(prospect.requestDate?.utcOffsetMinutes == -480)
        #expect(prospect.vehicles.first?.year == 2008)
        #expect(prospect.vehicles.first?.make == "Make")
        #expect(prospect.customer.contact?.name(.first) == "First")
        #expect(prospect.customer.contact?.phones.first?.number == "323-223-3322")
        #expect(prospect.customer.contact?.emails.first?.address == "emailaddress")
        #expect(prospect.vendor.vendorName == "Dealer Name")
        #expect(result.diagnostics.contains { $0.path.hasSuffix("requestdate") && $0.message.contains("truncated offset") })
        #expect(result.diagnostics.contains { $0.path.hasSuffix("email") && $0.message.contains("flagged") })
        #expect(result.diagnostics.contains { $0.path.hasSuffix("vendorname") })
    }

    /// A constructed ADF example (to exercise every mapped part).
    @Test func buyWithTradeExample() throws {
        let result = try AutoLeadDocument.parse(text: try adfSample("example2-buy-with-trade.adf.xml"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.adfInstruction == "version=\"1.0\"")
        let prospect = try #require(result.document.prospects.first)
        #expect(prospect.ids == [ADFIdentifier(value: "LEAD-000123", sequence: "1", source: "DealerWebsite")])
        #expect(prospect.requestDate == ADFTimestamp(secondsSinceEpoch: 1_715_697_000, utcOffsetMinutes: -300))
        #expect(prospect.vehicles.count == 2)
        let buy = prospect.vehicles[0], trade = prospect.vehicles[1]
        #expect(buy.interest == .buy && buy.status == .used && buy.vin == "1G4AH59H45G118341" && buy.stock == "A1234")
        #expect(buy.odometer == ADFOdometer(value: 84210, status: .original, units: .mi))
        #expect(buy.price == ADFPrice(amount: decimal("6995"), kind: .asking, currency: "USD"))
        #expect(buy.finance?.method == .finance)
        #expect(buy.finance?.amounts == [ADFFinanceAmount(amount: decimal("1500"), kind: .downpayment, limit: .exact, currency: "USD"),
                                         ADFFinanceAmount(amount: decimal("250"), kind: .monthly, limit: .maximum, currency: "USD")])
        #expect(trade.interest == .tradeIn && trade.odometer?.value == 151000)
        let contact = try #require(prospect.customer.contact)
        #expect(contact.emails == [ADFEmail("jane.doe@example.com", preferred: true)])
        #expect(contact.phones == [ADFPhone("(312) 555-0147", kind: .cellphone, time: .evening)])
        #expect(contact.address?.city == "Springfield" && contact.address?.streets == ["100 Main St"])
        #expect(prospect.customer.timeframe == ADFTimeframe(description: "Within 2 weeks", earliest: try CivilDate(parsing: "2024-05-14"), latest: try CivilDate(parsing: "2024-05-28")))
        #expect(prospect.customer.comments == "Prefer text messages after 5pm.")
        #expect(prospect.vendor.vendorName == "Example Motors")
        #expect(prospect.provider?.name?.value == "Example Payment Estimator" && prospect.provider?.service == "Payment Estimator")
    }

    /// The real-world deviations of Documentation/Reference/Leads.md, gathered in one constructed file.
    @Test func deviationsExample() throws {
        let result = try AutoLeadDocument.parse(text: try adfSample("example3-deviations.adf.xml"), options: ADFReadOptions(defaultUTCOffsetMinutes: -300))
        let prospect = try #require(result.document.prospects.first)
        #expect(prospect.status == .resend)
        #expect(prospect.ids == [ADFIdentifier(value: "TP-88812", sequence: "uniqueLeadId", source: "ThirdPartySite")])
        // 2008-06-25T8:47:50 with no zone, dealer at UTC−5 → 13:47:50Z.
        #expect(prospect.requestDate == ADFTimestamp(secondsSinceEpoch: Int64(try CivilDate(parsing: "2008-06-25").daysSinceEpoch) * 86_400 + 13 * 3600 + 47 * 60 + 50, utcOffsetMinutes: -300))
        #expect(prospect.requestDate?.hadZone == false)
        #expect(prospect.vehicles[0].odometer?.value == 151000)
        #expect(prospect.vehicles[0].price?.amount == decimal("2995.00"))
        #expect(prospect.vehicles[0].comments == "Does it have <cold> A/C & a clean title?")
        let phones = prospect.customer.contact?.phones.map(\.kind)
        #expect(phones == [.voice, .cellphone, .voice])
        #expect(prospect.customer.contact?.address == nil)
        #expect(prospect.vendor.vendorName == "Sample Auto Sales")
        #expect(prospect.extras.map(\.path) == ["prospect/provider/leadtype", "prospect/leadtype"])
        #expect(result.diagnostics.contains { $0.message.contains("after another processing instruction") })
        #expect(result.diagnostics.contains { $0.message.contains("one-digit hour") })
        #expect(result.diagnostics.contains { $0.message.contains("\"mobile\"") })
    }

    @Test(arguments: ["example1-wikipedia.adf.xml", "example2-buy-with-trade.adf.xml", "example3-deviations.adf.xml"])
    func roundTrip(file: String) throws {
        let first = try AutoLeadDocument.parse(text: try adfSample(file)).document
        let written = try first.xml()
        let second = try AutoLeadDocument.parse(text: written)
        #expect(second.document == first)   // extras and non-ADF phone types are written back as read
        #expect(second.diagnostics.allSatisfy { ["flagged", "kept in extras", "is not an ADF value"].contains(where: $0.message.contains) }, "\(second.diagnostics)")
        #expect(try second.document.xml() == written)
        #expect(written.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?adf version=\"1.0\"?>\n<adf>\n  <prospect status="))
    }

    /// Extras go back at the end of the element they came from; a sender's phone type word and
    /// a second occurrence of a single element are kept.
    @Test func extrasAndPhoneWordsAreWrittenBack() throws {
        let text = """
        <adf><prospect><requestdate>2024-05-14T09:30:00Z</requestdate>
        <vehicle><year>2024</year><make>Kia</make><model>EV6</model><option><optionname>Tow</optionname></option></vehicle>
        <customer><contact><name part="last">Doe</name><phone type="Home">312-555-0101</phone></contact><tag a="1">x</tag></customer>
        <vendor><vendorname>D</vendorname><contact><name>D</name></contact><contact><name>Second</name></contact></vendor>
        <provider><name>P</name><leadtype>Sales</leadtype></provider><leadtype>Sales</leadtype></prospect></adf>
        """
        let document = try AutoLeadDocument.parse(text: text).document
        #expect(document.prospects[0].extras.map(\.path) == ["prospect/vehicle[0]/option", "prospect/customer/tag", "prospect/vendor/contact",
                                                           "prospect/provider/leadtype", "prospect/leadtype"])
        #expect(document.prospects[0].customer.contact?.phones.first?.writtenType == "home")
        let written = try document.xml()
        #expect(written.contains("<option>\n        <optionname>Tow</optionname>\n      </option>\n    </vehicle>"))
        #expect(written.contains("<tag a=\"1\">x</tag>\n    </customer>"))
        #expect(written.contains("<phone type=\"home\" preferredcontact=\"0\">312-555-0101</phone>"))
        #expect(written.hasSuffix("<leadtype>Sales</leadtype>\n  </prospect>\n</adf>\n"))
        #expect(try AutoLeadDocument.parse(text: written).document == document)
    }

    @Test func strictOutputOrderAndFormat() throws {
        let written = try AutoLeadDocument.parse(text: try adfSample("example2-buy-with-trade.adf.xml")).document.xml()
        #expect(written.contains("<requestdate>2024-05-14T09:30:00-05:00</requestdate>"))
        let order = ["<id ", "<requestdate>", "<vehicle interest=\"buy\"", "<vehicle interest=\"trade-in\"", "<customer>", "<vendor>", "<provider>"]
        let positions = order.map { written.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(written.contains("<amount type=\"downpayment\" limit=\"exact\" currency=\"USD\">1500</amount>"))
    }

    @Test func generatedRandomDocumentsRoundTrip() throws {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(bound)) }
        let texts = ["Ann", "O'Brien & Sons", "<Zoë>", "\"quoted\"", "  spaced  ", "Müller", "a]]>b", "tab\tx"]
        for _ in 0..<200 {
            var prospect = ADFProspect()
            prospect.status = next(2) == 0 ? .new : .resend
            prospect.ids = (0..<next(3)).map { ADFIdentifier(value: "ID\($0)", sequence: next(2) == 0 ? nil : "\($0)", source: texts[next(texts.count)]) }
            prospect.requestDate = ADFTimestamp(secondsSinceEpoch: Int64(next(2_000_000_000)), utcOffsetMinutes: [0, -300, 330, -480][next(4)])
            prospect.vehicles = (0...next(2)).map { _ in
                var vehicle = ADFVehicle(interest: ADFVehicle.Interest.allCases[next(5)], status: next(2) == 0 ? .new : .used,
                                         year: 1990 + next(36), make: texts[next(texts.count)], model: "Model \(next(9))")
                if next(2) == 0 { vehicle.vin = "1G4AH59H45G118341" }
                if next(2) == 0 { vehicle.odometer = ADFOdometer(value: next(300_000), status: .original, units: .mi) }
                if next(2) == 0 { vehicle.condition = ADFVehicle.Condition.allCases[next(5)] }
                if next(2) == 0 { vehicle.price = ADFPrice(amount: ExactDecimal(next(90_000)), kind: ADFPrice.Kind.allCases[next(7)], currency: "USD") }
                if next(2) == 0 {
                    vehicle.finance = ADFFinance(method: ADFFinance.Method.allCases[next(3)],
                                                 amounts: [ADFFinanceAmount(amount: ExactDecimal(next(900)), kind: ADFFinanceAmount.Kind.allCases[next(3)], limit: ADFFinanceAmount.Limit.allCases[next(3)])])
                }
                if next(2) == 0 { vehicle.colorCombinations = [ADFColorCombination(interior: "Black", exterior: texts[next(texts.count)], preference: 1)] }
                if next(2) == 0 { vehicle.comments = texts[next(texts.count)] }
                return vehicle
            }
            var contact = ADFContact(names: [ADFName(texts[next(texts.count)], part: .first), ADFName("Doe", part: .last)])
            contact.emails = [ADFEmail("x\(next(99))@example.com", preferred: next(2) == 0)]
            if next(2) == 0 { contact.phones = [ADFPhone("312-555-01\(10 + next(89))", kind: ADFPhone.Kind.allCases[next(4)], time: .day)] }
            if next(2) == 0 { contact.address = ADFAddress(kind: .home, streets: ["1 Main", "Unit 2"], city: texts[next(texts.count)], regionCode: "IL", postalCode: "62701", country: "US") }
            prospect.customer = ADFCustomer(contact: contact)
            if next(2) == 0 { prospect.customer.timeframe = ADFTimeframe(description: "soon", earliest: try CivilDate(parsing: "2024-01-02"), latest: nil) }
            prospect.vendor = ADFVendor(vendorName: texts[next(texts.count)])
            if next(2) == 0 { prospect.provider = ADFProvider(name: "Estimator", service: texts[next(texts.count)]) }
            let document = AutoLeadDocument(prospects: [prospect])
            let written = try document.xml()
            let read = try AutoLeadDocument.parse(text: written).document
            let rewritten = try read.xml()
            #expect(rewritten == written)
            #expect(read.prospects[0].vehicles.count == prospect.vehicles.count)
            #expect(read.prospects[0].requestDate == prospect.requestDate)
        }
    }

    @Test func writerRefusesIncompleteDocuments() {
        var prospect = ADFProspect()
        #expect(throws: ADFWriteError.self) { try AutoLeadDocument(prospects: [prospect]).xml() }
        prospect.requestDate = ADFTimestamp(secondsSinceEpoch: 0)
        prospect.vehicles = [ADFVehicle(year: 2024, make: "Kia", model: nil)]
        do { _ = try AutoLeadDocument(prospects: [prospect]).xml(); Issue.record("wrote a vehicle without model") } catch {
            #expect(error.path == "prospect[0]/vehicle[0]/model")
        }
        #expect(throws: ADFWriteError.self) { try AutoLeadDocument(prospects: []).xml() }
    }

    @Test(arguments: [
        ("2024-05-14T09:30:00Z", 1_715_679_000, 0),
        ("2024-05-14T09:30:00-05:00", 1_715_697_000, -300),
        ("2024-05-14T09:30-05:00", 1_715_697_000, -300),
        ("2024-05-14 09:30:00.123+0530", 1_715_659_200, 330),
        ("2021-10-13T00:00:00Z", 1_634_083_200, 0),
        ("2024-05-14", 1_715_644_800, 0),
    ] as [(String, Int64, Int)])
    func requestDates(text: String, seconds: Int64, offset: Int) {
        guard case .success(let parsed) = ADFDateTimeText.parse(text, defaultOffsetMinutes: 0) else {
            Issue.record("rejected \(text)"); return
        }
        #expect(parsed.timestamp.secondsSinceEpoch == seconds)
        #expect(parsed.timestamp.utcOffsetMinutes == offset)
    }

    @Test(arguments: ["", "yesterday", "2024-13-01T00:00:00Z", "2024-05-14T25:00:00Z", "2024-05-14T09:30:00+99:00", "2024-05-14T09:30:00Zjunk", "2024-05-14T9"])
    func badRequestDates(text: String) {
        if case .success = ADFDateTimeText.parse(text, defaultOffsetMinutes: 0) { Issue.record("accepted \(text)") }
    }

    @Test func notADF() {
        #expect(throws: ADFReadError.notADF("expected the root element <adf>, found <html>")) { try AutoLeadDocument.parse(text: "<html/>") }
        #expect(throws: ADFReadError.self) { try AutoLeadDocument.parse(text: "<adf></adf>") }
    }
}
